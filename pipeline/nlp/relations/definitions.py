"""A definition "LONG (SHORT)" names one thing: its two mentions are one argument.

"Mesenchymal stromal cells (MSCs) secrete IL-10": the parse (an apposition) and the surface
reader propose both mentions, and a long form the lexicon widened carries no id, so the two
would be two relations. :func:`definition_pairs` reads the definitions the abbreviation
component found (``doc._.abbreviations``, each occurrence with ``span._.long_form``: the
definition is the occurrence in the parenthesis right after its long form) and maps both
mentions to one: the long form's mention (the mention ending where the long form ends, unless a
preposition or conjunction comes before it in the long form: :func:`heads_long_form`), with
the best id of either (the long form's, else the short form's) and the classes of both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.nlp.relations.types import Mention

Pairs = dict[tuple[int, int], Mention]  # a mention's token range -> the definition's one argument


def definition_pairs(doc: Doc, ms: Sequence[Mention]) -> Pairs:
    """The token ranges of both mentions of each "LONG (SHORT)" definition -> their one argument."""
    if not doc.has_extension("abbreviations"):
        return {}
    by_range = {(m.start, m.end): m for m in ms}
    by_end = {m.end: m for m in ms}
    out: Pairs = {}
    for short in doc._.abbreviations or ():
        long_form = short._.long_form
        if long_form is None or long_form.end + 1 != short.start or doc[long_form.end].text != "(" \
                or short.end >= len(doc) or doc[short.end].text != ")":
            continue
        s, lf = by_range.get((short.start, short.end)), by_end.get(long_form.end)
        if s is None or lf is None or not heads_long_form(doc, long_form.start, lf.start):
            continue
        one = replace(lf, kb_id=lf.kb_id or s.kb_id,
                      classes=(*lf.classes, *(c for c in s.classes if c not in lf.classes)))
        out[(s.start, s.end)] = out[(lf.start, lf.end)] = one
    return out


# words after which a mention is a complement inside the long form, not what it names
# ("Extracellular vesicles from MSCs (MSC-EVs)": the EVs, not the MSCs)
COMPLEMENT_WORDS = frozenset({"of", "from", "by", "in", "on", "for", "with", "to", "at", "and", "or"})


def heads_long_form(doc: Doc, start: int, mention_start: int) -> bool:
    """Whether a mention from ``mention_start`` to the long form's end is what the long form
    (from ``start``) names: modifiers before it ("Bone marrow-derived mesenchymal stem cells"),
    no preposition or conjunction ("vesicles from MSCs", "IL-6 and TNF")."""
    return not any(t.pos_ in ("ADP", "CCONJ") or t.lower_ in COMPLEMENT_WORDS
                   for t in doc[start:mention_start])


def one_argument(m: Mention, pairs: Pairs) -> Mention:
    """``m``, or the one argument of the definition it is a mention of."""
    return pairs.get((m.start, m.end), m)
