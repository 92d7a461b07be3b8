"""relprec (issue 12): a contrasting clause no relation crosses.

"While variations of IL-7 and IL-8 were associated with the SOD2 SNP, variations of CCL2 were
associated with the CAT SNP": IL-8 and CCL2 are not associated. The parse names the clause: the
subtree of the verb a "while" / "whereas" marks (``mark``); a relation with one argument inside
it and the other outside is dropped. A participle clause ("X reduced Y while increasing Z") is
the main clause's subject's own and is crossed.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.nlp.relations.syntax import subject_head
from pipeline.nlp.relations.types import Mention

CONTRAST_MARKS = frozenset({"while", "whereas"})


def crosses_contrast(parse: Doc | None, off: int, subject: Mention, obj: Mention) -> bool:
    """One of ``subject`` and ``obj`` lies in a contrasting clause and the other outside it
    (``parse``: the sentence's, starting at doc token ``off``; a subject outside the sentence,
    carried over, counts as outside)."""
    if parse is None:
        return False
    heads = [subject_head(parse, off, m) for m in (subject, obj)]
    for t in parse:
        if t.lower_ not in CONTRAST_MARKS or t.dep_ != "mark" or t.head.lower_.endswith("ing"):
            continue
        inside = {x.i for x in t.head.subtree}
        if len({h is not None and h.i in inside for h in heads}) == 2:
            return True
    return False
