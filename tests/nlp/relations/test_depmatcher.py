"""SharedNodeMatcher finds spaCy's DependencyMatcher matches, in spaCy's order."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

import pipeline.nlp.extensions  # noqa: F401  (token._.mm_trigger)
from pipeline.nlp.relations.depmatcher import SharedNodeMatcher, node_test
from pipeline.nlp.relations.patterns import load_patterns

NLP = spacy.blank("en")

# (words, heads, deps, pos, trigger words): hand-built parses, one with two roots
PARSES = [
    (["MSCs", "secrete", "HGF", "and", "reduce", "levels", "of", "IL-6", "in", "mice"],
     [1, 1, 1, 1, 1, 4, 5, 6, 4, 8], ["nsubj", "ROOT", "dobj", "cc", "conj", "dobj", "prep", "pobj",
                                      "prep", "pobj"],
     ["NOUN", "VERB", "PROPN", "CCONJ", "VERB", "NOUN", "ADP", "PROPN", "ADP", "NOUN"],
     {"secrete", "reduce"}),
    (["inhibition", "of", "TNF", "by", "IL-10", "was", "seen", ".", "Cells", "migrate"],
     [6, 0, 1, 0, 3, 6, 6, 6, 9, 9],
     ["nsubjpass", "prep", "pobj", "prep", "pobj", "auxpass", "ROOT", "punct", "nsubj", "ROOT"],
     ["NOUN", "ADP", "PROPN", "ADP", "PROPN", "AUX", "VERB", "PUNCT", "NOUN", "VERB"],
     {"inhibition", "migrate"}),
    (["IL-10", "-", "mediated", "suppression", "of", "T", "cells"],
     [2, 2, 3, 3, 3, 6, 4], ["npadvmod", "punct", "amod", "ROOT", "prep", "compound", "pobj"],
     ["PROPN", "PUNCT", "VERB", "NOUN", "ADP", "NOUN", "NOUN"], {"mediated", "suppression"}),
]


def parse(words: list[str], heads: list[int], deps: list[str], pos: list[str], triggers: set[str]) -> Doc:
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos)
    for t in doc:
        t._.mm_trigger = t.lower_ in triggers
    return doc


def both(patterns: dict[str, list[dict[str, Any]]]) -> tuple[DependencyMatcher, SharedNodeMatcher]:
    spacy_matcher, ours = DependencyMatcher(NLP.vocab), SharedNodeMatcher(NLP.vocab)
    for key, nodes in patterns.items():
        spacy_matcher.add(key, [nodes])
        ours.add(key, [nodes])
    return spacy_matcher, ours


@pytest.mark.parametrize("case", PARSES, ids=lambda c: " ".join(c[0][:3]))
def test_packaged_patterns_match_as_spacy(case: tuple) -> None:
    spacy_matcher, ours = both({s.id: s.nodes for s in load_patterns().specs})
    doc = parse(*case)
    expected = spacy_matcher(doc)
    assert ours(doc) == expected
    assert ours(doc) == expected  # a second call reads the kept signatures


SMALL = {
    "verb_object": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"POS": "VERB", "_": {"mm_trigger": True}}},
                    {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "object",
                     "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "pobj"]}}}],
    "any_child": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": "reduce"}},
                  {"LEFT_ID": "trigger", "REL_OP": ">>", "RIGHT_ID": "object", "RIGHT_ATTRS": {}}],
}


def test_small_patterns_and_their_order() -> None:
    doc = parse(*PARSES[0])
    spacy_matcher, ours = both(SMALL)
    found = ours(doc)
    assert found == spacy_matcher(doc)
    keys = [NLP.vocab.strings[k] for k, _ in found]
    assert keys == ["verb_object"] * 2 + ["any_child"] * 5
    assert [ids for _, ids in found[:2]] == [[1, 2], [4, 5]]
    assert sorted(ids[1] for _, ids in found[2:]) == [5, 6, 7, 8, 9]


def test_no_match_without_trigger() -> None:
    words, heads, deps, pos, _ = PARSES[0]
    doc = parse(words, heads, deps, pos, set())
    spacy_matcher, ours = both(SMALL)
    assert [NLP.vocab.strings[k] for k, _ in ours(doc)] == ["any_child"] * 5
    assert ours(doc) == spacy_matcher(doc)


@pytest.mark.parametrize("attrs, supported", [
    ({}, True), ({"DEP": "pobj", "LOWER": {"IN": ["of", "in"]}}, True), ({"_": {"mm_trigger": True}}, True),
    ({"LEMMA": "reduce"}, False), ({"DEP": {"NOT_IN": ["pobj"]}}, False), ({"_": {"mm_trigger": "x"}}, False),
    ({"LOWER": {"REGEX": "^re"}}, False),
])
def test_node_test_supports_only_what_it_can_read(attrs: dict[str, Any], supported: bool) -> None:
    assert (node_test(attrs) is not None) is supported


def test_other_attributes_fall_back_to_spacys_matcher() -> None:
    patterns = {**SMALL, "regex": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"REGEX": "^re"}}},
                                   {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "object",
                                    "RIGHT_ATTRS": {"DEP": "dobj"}}]}
    spacy_matcher, ours = both(patterns)
    for case in PARSES:
        doc = parse(*case)
        assert ours(doc) == spacy_matcher(doc)
    doc = parse(*PARSES[0])
    assert [ids for k, ids in ours(doc) if NLP.vocab.strings[k] == "regex"] == [[4, 5]]
