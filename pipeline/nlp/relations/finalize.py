"""Candidates -> relations: the one step every reader's candidates go through.

For each candidate, in order: the class filters (the rule's subject and object
classes; no subject right after "not"; no relation of a concept with itself),
the context (:mod:`.context`: negation in the candidate's scope, hedging and
evidence level of its sentence, with the article's level as the fallback, the
subject's state), the polarity (the predicate's, flipped for a lost subject,
neutral for a variant), and de-duplication: one relation per (subject,
predicate, object) and sentence, the first proposed.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.nlp.relations.arguments import after_not, allowed, subject_classes
from pipeline.nlp.relations.context import (
    article_evidence,
    is_hedged,
    is_negated,
    sentence_evidence,
    subject_state,
)
from pipeline.nlp.relations.rules import RuleSet
from pipeline.nlp.relations.types import Candidate, Relation

FLIP = {"positive": "negative", "negative": "positive"}


def effective_polarity(polarity: str, state: str) -> str:
    """The sign of the subject's own effect: flipped for a loss, neutral for a variant."""
    if state == "variant":
        return "neutral"
    return FLIP.get(polarity, polarity) if state == "loss" else polarity


def admissible(c: Candidate, rules: RuleSet, words: Sequence[str]) -> bool:
    """The candidate's arguments are of the rule's classes, its subject follows no "not", and
    subject and object are different concepts. ``words``: its sentence's lower-cased tokens."""
    return (allowed(c.subject, subject_classes(rules, c.rule)) and allowed(c.object, c.rule.object)
            and not after_not(c.subject, words, c.sentence.start)
            and c.subject.key() != c.object.key())


def finalize(candidates: Sequence[Candidate], doc: Doc, lower: Sequence[str], rules: RuleSet,
             article_kind: str = "") -> list[Relation]:
    """The relations of ``doc`` from its candidates (in sentence order). ``lower``: the doc's
    lower-cased tokens; ``article_kind``: the article's kind (``doc._.article_kind``), which
    sets the evidence level of sentences without a cue (:func:`.context.article_evidence`)."""
    if not candidates:
        return []
    cues = rules.cues
    text = doc.text  # built from the tokens on every access: once per doc
    fallback: str | None = None
    current = -1
    words: Sequence[str] = ()
    hedged, evidence = False, ""
    negated: dict[tuple[int, int], bool] = {}
    seen: set[tuple[str, str, str]] = set()
    out: list[Relation] = []
    for c in candidates:
        sent = c.sentence
        if sent.index != current:
            current, seen = sent.index, set()
            words = lower[sent.start:sent.end]
            sent_text = text[sent.start_char:sent.end_char]
            hedged, evidence = is_hedged(cues, sent_text), sentence_evidence(cues, sent_text)
        if not admissible(c, rules, words):
            continue
        key = (c.subject.key(), c.rule.predicate, c.object.key())
        if key in seen:
            continue
        seen.add(key)
        scope = (c.scope_start, c.trigger)
        if scope not in negated:
            span = doc[c.scope_start:c.trigger + 1]
            negated[scope] = is_negated(cues, text[span.start_char:span.end_char])
        if not evidence and fallback is None:
            fallback = article_evidence(cues, article_kind, text)
        state = subject_state(cues, c.subject, words, sent.start)
        out.append(Relation(c.subject, c.rule.predicate, c.object,
                            effective_polarity(c.rule.polarity, state), negated[scope], hedged,
                            evidence or fallback or "", c.rule_id, c.form, sent.index, sent.start_char,
                            sent.end_char, state))
    return out
