"""The candidate-sentence filter asks of a pair what finalize asks (could_pair, surface_could_relate)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from pipeline.nlp.relations.arguments import doc_mentions
from pipeline.nlp.relations.candidates import (
    _OUTCOME,
    _THERAPY,
    candidate_sentences,
    could_pair,
    relation_filter,
    surface_could_relate,
)
from pipeline.nlp.relations.finalize import admissible
from pipeline.nlp.relations.rules import Rule, RuleSet, TriggerIndex, load_rules
from pipeline.nlp.relations.types import Candidate, Mention, Sentence

NLP = spacy.blank("en")


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def rule(rules: RuleSet, rule_id: str) -> Rule:
    return next(r for r in rules.rules if r.id == rule_id)


def mention(start: int, text: str, label: str, kb_id: str) -> Mention:
    return Mention(start, start + 1, 0, 0, text, label, (label,), kb_id)


IL10 = mention(0, "IL-10", "CYTOKINE", "HGNC:5962")
TNF = mention(2, "TNF", "CYTOKINE", "HGNC:11892")
IL10_AGAIN = mention(2, "IL-10", "CYTOKINE", "HGNC:5962")
AFTER_NOT = mention(1, "IL-10", "CYTOKINE", "HGNC:5962")


# (words, subject, object, rule id, finalize could keep the pair)
PAIRS = [
    (["il-10", "inhibits", "tnf", "."], IL10, TNF, "inhibit", True),
    (["il-10", "inhibits", "il-10", "."], IL10, IL10_AGAIN, "inhibit", False),  # one concept
    (["not", "il-10", "inhibits", "tnf"], AFTER_NOT, TNF, "inhibit", False),  # "not" before the subject
    (["il-10", "inhibits", "tnf", "."], IL10, IL10, "inhibit", False),  # the same mention
    (["il-10", "reduces", "damage", "."], IL10, _OUTCOME, "decrease", True),  # an outcome noun's phrase
    # a rule that takes process subjects may make "damage to X" the subject (finalize.damaged_subject)
    (["il-10", "causes", "il-10", "."], IL10, IL10_AGAIN, "drive", True),
    (["treatments", "inhibit", "tnf", "."], _THERAPY, TNF, "inhibit", True),  # phrase not known yet
]


@pytest.mark.parametrize(("words", "subject", "obj", "rule_id", "kept"), PAIRS,
                         ids=[" ".join(p[0]) + f" ({p[3]})" for p in PAIRS])
def test_could_pair_is_what_finalize_admits(rules: RuleSet, words: list[str], subject: Mention,
                                            obj: Mention, rule_id: str, kept: bool) -> None:
    assert could_pair(rules, rule(rules, rule_id), subject, obj, words, 0) is kept


def test_could_pair_agrees_with_admissible_on_mentions(rules: RuleSet) -> None:
    r = rule(rules, "inhibit")
    sent = Sentence(0, 0, 4, 0, 0)
    for words, subject, obj, rule_id, _ in PAIRS[:3]:
        cand = Candidate(subject, obj, rule(rules, rule_id), "active", sent, 1, 0)
        assert could_pair(rules, r, subject, obj, words, 0) is admissible(cand, rules, words)


def doc_with(words: list[str], ents: list[tuple[int, int, str, str]]) -> Doc:
    doc = Doc(NLP.vocab, words=words, sent_starts=[k == 0 or words[k - 1] == "." for k in range(len(words))])
    doc.ents = [Span(doc, s, e, label=label, kb_id=kb) for s, e, label, kb in ents]
    return doc


def test_a_sentence_relating_one_concept_to_itself_is_not_parsed(rules: RuleSet) -> None:
    words = ["IL-10", "inhibits", "IL-10", ".", "IL-10", "inhibits", "TNF", "."]
    doc = doc_with(words, [(0, 1, "CYTOKINE", "HGNC:5962"), (2, 3, "CYTOKINE", "HGNC:5962"),
                           (4, 5, "CYTOKINE", "HGNC:5962"), (6, 7, "CYTOKINE", "HGNC:11892")])
    could = relation_filter(rules, TriggerIndex(rules))
    assert candidate_sentences(doc, could, doc_mentions(doc, rules)) == [(4, 8)]


def test_surface_candidate_parsed_only_when_finalize_could_keep_it(rules: RuleSet) -> None:
    lower = ["il-10", "inhibits", "il-10", "."]
    sent = Sentence(0, 0, 4, 0, 17)
    same = Candidate(IL10, IL10_AGAIN, rule(rules, "inhibit"), "active", sent, 1, 0)
    assert not surface_could_relate(same, rules, lower, [IL10, IL10_AGAIN])
    # another mention of the sentence the parse may name as subject ("source_holder", "parse_subject")
    other = mention(3, "TNF", "CYTOKINE", "HGNC:11892")
    assert surface_could_relate(same, rules, [*lower[:3], "tnf"], [IL10, IL10_AGAIN, other])
    fine = Candidate(IL10, TNF, rule(rules, "inhibit"), "active", sent, 1, 0)
    assert surface_could_relate(fine, rules, ["il-10", "inhibits", "tnf", "."], [IL10, TNF])
