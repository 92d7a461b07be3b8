"""The relation inputs mechmine_parser reads are taken, not read again, by mechmine_relations."""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.tokens import Doc

from pipeline.nlp.relations import RuleSet, load_rules
from pipeline.nlp.relations.component import doc_relations
from pipeline.nlp.relations.inputs import KEY, keep_inputs, relation_inputs, take_inputs
from pipeline.nlp.relations.rules import TriggerIndex

TEXT = "[Stromal cells|CELL_TYPE] release [VEGF|GROWTH_FACTOR] . Rain fell on the roof ."


def test_inputs_are_the_mentions_and_surface_candidates(marked_doc: Callable[[str], Doc],
                                                        rules: RuleSet) -> None:
    doc = marked_doc(TEXT)
    got = relation_inputs(doc, rules, TriggerIndex(rules))
    assert [m.text for m in got.mentions] == ["Stromal cells", "VEGF"]
    assert got.bounds == [(0, 5), (5, 11)]
    assert [(c.subject.text, c.object.text) for c in got.surface] == [("Stromal cells", "VEGF")]


def test_kept_inputs_are_taken_once_and_only_for_the_same_rules_and_doc(
        marked_doc: Callable[[str], Doc], rules: RuleSet) -> None:
    doc = marked_doc(TEXT)
    inputs = relation_inputs(doc, rules, TriggerIndex(rules))
    keep_inputs(doc, inputs)
    assert take_inputs(doc, rules) is inputs
    assert KEY not in doc.user_data and take_inputs(doc, rules) is None  # removed when taken
    keep_inputs(doc, inputs)
    assert take_inputs(doc, load_rules()) is None  # another rule set (even with the same content)
    keep_inputs(doc, inputs)
    doc.ents = list(doc.ents)[:1]  # the entities changed after they were read
    assert take_inputs(doc, rules) is None


def test_relations_from_kept_inputs_equal_those_read_afresh(marked_doc: Callable[[str], Doc],
                                                            rules: RuleSet) -> None:
    triggers = TriggerIndex(rules)
    fresh = doc_relations(marked_doc(TEXT), rules, triggers)
    doc = marked_doc(TEXT)
    keep_inputs(doc, relation_inputs(doc, rules, triggers))
    assert doc_relations(doc, rules, triggers) == fresh and fresh
    assert KEY not in doc.user_data


def test_share_inputs_takes_the_relation_components_rule_set() -> None:
    from pipeline.nlp.parser import CandidateParser

    nlp = spacy.blank("en")
    parser = CandidateParser(nlp, "mechmine_parser", "parser", 16)
    extractor = nlp.add_pipe("mechmine_relations")
    extractor.initialize()
    parser.share_inputs(extractor.rules, extractor.triggers)
    assert parser.rules is extractor.rules and parser.triggers is extractor.triggers and parser.share
