"""Anaphors resolved inside their sentence: the clause subject a pronoun points back to
(:func:`antecedent_in_sentence`) and what a possessive pronoun on an amount/activity head refers
to (:func:`possessor`), whose process an object then names (:func:`owned_process`: "blocked their
differentiation" -> "differentiation of monocytes")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from pipeline.nlp.relations.clauses import inherited_subject
from pipeline.nlp.relations.syntax import mention_at, mention_head, outcome_phrase
from pipeline.nlp.relations.topics import looks_plural
from pipeline.nlp.relations.types import OUTCOME, Mention, Sentence


def antecedent_in_sentence(parse: Doc, anaphor: Token, ms: Sequence[Mention], off: int) -> Mention | None:
    """The nearest mention before ``anaphor`` in its own sentence that is the subject of a clause,
    or a modifier of its subject ("When stem cells are injected, they reduce X": stem cells;
    "MSC therapy improves X, suggesting they ...": MSC), else None."""
    for m in sorted(ms, key=lambda x: -x.end):
        if m.end - off > anaphor.i or m.start < off:
            continue
        head = mention_head(parse, m, off)
        if head.dep_ in ("compound", "nmod") and head.head.i > head.i:  # "MSC therapy ..., they"
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass"):
            return m
    return None


def possessor(parse: Doc, pronoun: Token, ms: Sequence[Mention], off: int,
              owners: Sequence[Mention]) -> list[Mention]:
    """What a possessive pronoun on an amount/activity head refers to, as a subject pronoun is
    resolved: the nearest clause subject before it in its sentence (:func:`antecedent_in_sentence`),
    else the nearest mention before it in its sentence ("PGE2 added to cultures of monocytes
    blocked their differentiation": the monocytes), else ``owners`` (the subjects carried from
    before); each of the number "their" (plural) or "its" (singular) agrees with ("PGE2 blocked
    their differentiation": not PGE2), none the subject of the verb the head depends on (no
    reflexive reading: "IL-10 added to monocytes blocked its maturation" names no IL-10's; after
    a subject pronoun, "They ... enhance their survival", no carried subject either)."""
    plural = pronoun.lower_ == "their"
    subject = clause_subject(parse, pronoun.head)
    own = None if subject is None else mention_at(ms, off + subject.i)

    def fits(m: Mention) -> bool:
        return looks_plural(m.text) == plural and (own is None or m.key() != own.key())

    local = antecedent_in_sentence(parse, pronoun, ms, off)
    if local is not None and fits(local):
        return [local]
    before = [m for m in ms if off <= m.start and m.end - off <= pronoun.i and fits(m)]
    if before:
        return [max(before, key=lambda m: m.end)]
    if subject is not None and subject.pos_ == "PRON":  # "They ... enhance their survival": theirs
        return []
    return [x for x in owners if fits(x)]


def clause_subject(parse: Doc, noun: Token) -> Token | None:
    """The subject (own or inherited) of the verb ``noun`` is the object of, if any."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return inherited_subject(verb)[0]


def owned_process(parse: Doc, pronoun: Token, owner: Mention, sent: Sentence) -> Mention:
    """The OUTCOME argument an amount/activity head with a possessive pronoun names, ``owner``
    (what the pronoun refers to) put in the pronoun's place as its of-phrase: "blocked their
    differentiation toward DCs" -> "differentiation of monocytes toward DCs" (the head with its
    left modifiers and its right dependents), over the phrase's tokens."""
    head = pronoun.head
    lo, _ = outcome_phrase(head)
    lo = min(lo, pronoun.i)
    hi = max(head.i + 1, head.right_edge.i + 1)
    while hi - 1 > head.i and parse[hi - 1].is_punct:
        hi -= 1
    before = " ".join(t.text for t in parse[lo:head.i + 1] if t.i != pronoun.i)
    after = parse[head.i + 1:hi].text
    text = f"{before} of {owner.text}" + (f" {after}" if after else "")
    span = parse[lo:hi]
    start_char = sent.start_char + span.start_char
    return Mention(sent.start + lo, sent.start + hi, start_char, start_char + len(span.text), text,
                   OUTCOME, (OUTCOME,), "")
