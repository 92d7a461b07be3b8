"""Context of a relation, kept apart from extraction: negation, hedging, evidence level,
the subject's state, and the anaphora that carry a subject over.

Cues come from ``resources/context_cues.yaml`` (:class:`~.rules.Cues`):
- negation: a NegEx cue in the text between the clause start and the trigger,
  once pseudo-negations ("not only") are taken out;
- hedging: a hedge cue anywhere in the sentence (BioScope);
- evidence level: the first level whose cue occurs in the sentence, else the
  article's (:func:`article_evidence`, from the article kind on the Doc);
- subject state: "knockdown of X", "X siRNA" (loss), "mutations in X" (variant).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.nlp.relations.rules import Cues
from pipeline.nlp.relations.types import Mention

UNSPECIFIED = "unspecified"
# article kinds (resources/kinds.yaml) that are reviews: their statements are "review"
REVIEW_KINDS = frozenset({"review", "review_summary"})
# kinds whose own text says what evidence they report: primary studies and unknown documents
# (web pages and news stay "unspecified": a clinic page that mentions patients reports no
# clinical evidence)
KINDS_READ_FOR_EVIDENCE = frozenset({"abstract", "research_article", "full_text", "document"})


def is_negated(cues: Cues, text: str) -> bool:
    """A NegEx cue in ``text`` once pseudo-negations ("not only") are taken out."""
    for pseudo in cues.pseudo_negation:
        text = pseudo.sub(" ", text)
    return cues.negation.search(text) is not None


def is_hedged(cues: Cues, text: str) -> bool:
    """A hedge cue anywhere in ``text``."""
    return cues.hedge.search(text) is not None


def sentence_evidence(cues: Cues, text: str) -> str:
    """The first evidence level whose cue occurs in ``text`` ('' when none)."""
    for level, pattern in cues.evidence:
        if pattern.search(text) is not None:
            return level
    return ""


def article_evidence(cues: Cues, kind: str, text: str) -> str:
    """Evidence level of a relation whose sentence has no cue: "review" for reviews and review
    summaries; for abstracts, research articles, full texts and other documents the level of
    the article's cues; else (web pages, news, unknown kinds) "unspecified"."""
    if kind in REVIEW_KINDS:
        return "review"
    if kind in KINDS_READ_FOR_EVIDENCE and text:
        return sentence_evidence(cues, text) or UNSPECIFIED
    return UNSPECIFIED


def subject_state(cues: Cues, m: Mention, words: Sequence[str], offset: int) -> str:
    """'loss' when the text speaks of the subject's loss, knockdown or inhibition, 'variant'
    of its mutation or polymorphism, else '' (cues: ``subject_state`` of the cues file).
    ``words``: the sentence's lower-cased tokens, ``offset``: its first token."""
    before = " ".join(words[max(0, m.start - offset - 8):m.start - offset])
    after = " ".join(words[m.end - offset:m.end - offset + 3])
    for state, before_cue, after_cue in cues.subject_state:
        if before_cue.search(before) or after_cue.search(after):
            return state
    return ""


def object_deficit(cues: Cues, m: Mention, words: Sequence[str], offset: int) -> bool:
    """The object is named by what it lost: "loss of sensation", "death of neurons", "memory
    deficits" (cues: ``deficit`` of the cues file)."""
    if cues.deficit is None:
        return False
    before_cue, after_cue, _ = cues.deficit
    before = " ".join(words[max(0, m.start - offset - 5):m.start - offset])
    after = " ".join(words[m.end - offset:m.end - offset + 2])
    return bool(before_cue.search(before) or after_cue.search(after))


def deficit_predicate(cues: Cues, predicate: str) -> str:
    """The predicate a relation to a deficit object states ("X causes loss of Y": X DECREASES Y)."""
    return cues.deficit[2].get(predicate, predicate) if cues.deficit else predicate


def is_privative(cues: Cues, m: Mention, words: Sequence[str], offset: int) -> bool:
    """The mention is negated by its own prefix ("non-hematopoietic cells"): no argument."""
    if cues.privative is None:
        return False
    before = " ".join(words[max(0, m.start - offset - 2):m.start - offset])
    return bool(cues.privative.search(before)) or bool(cues.privative.match(m.text.lower()))


def statement_context(cues: Cues, text: str, subject: Mention) -> str:
    """What a statement is about: "risk" (a risk or side effect cue in the sentence), else
    "pathology" (a disease or process as the agent, or a pathology cue), else "therapeutic"
    (a therapy cue), else ""."""
    found = {name for name, pattern in cues.context if pattern.search(text)}
    if "risk" in found:
        return "risk"
    if any(c in cues.pathology_subjects for c in subject.classes):
        return "pathology"
    for name in ("therapeutic", "pathology"):
        if name in found:
            return name
    return ""


def anaphora(cues: Cues, words: Sequence[str]) -> tuple[bool, bool]:
    """Whether the sentence opens with a subject anaphor ("They", "These cells") and with
    an object anaphor ("These molecules")."""
    if not words:
        return False, False
    first_words = " ".join(words[:2])
    subject = bool(cues.subject_anaphor.match(words[0]) or cues.subject_anaphor.match(first_words))
    return subject, bool(cues.object_anaphor.match(first_words))
