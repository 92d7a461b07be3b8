"""Which mentions can be arguments: classes, ignored concepts, generic mentions, modifiers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Span

from pipeline.nlp.lexicon_matcher import GENERIC
from pipeline.nlp.relations.arguments import AGENT, after_not, allowed, doc_mentions, is_modifier
from pipeline.nlp.relations.rules import RuleSet


def test_mentions_in_order_with_agent_class(marked_doc: Callable[[str], Doc], rules: RuleSet) -> None:
    doc = marked_doc("[exosomes|ANATOMY] carry [BDNF|GROWTH_FACTOR] .")
    assert [(m.text, m.classes) for m in doc_mentions(doc, rules)] == [
        ("exosomes", ("ANATOMY", AGENT)), ("BDNF", ("GROWTH_FACTOR",))]


def test_ignored_concepts_are_left_out(marked_doc: Callable[[str], Doc], rules: RuleSet) -> None:
    ignored = sorted(rules.ignore)[0]
    doc = marked_doc(f"[cells|CELL_TYPE|{ignored}] carry [BDNF|GROWTH_FACTOR|HGNC:1033] .")
    assert [(m.text, m.kb_id) for m in doc_mentions(doc, rules)] == [("BDNF", "HGNC:1033")]


def test_generic_mentions_only_of_generic_classes(marked_doc: Callable[[str], Doc], rules: RuleSet) -> None:
    doc = marked_doc("[MSCs|CELL_TYPE] secrete cytokines and genes .")
    doc.spans[GENERIC] = [Span(doc, 2, 3, label="CYTOKINE"), Span(doc, 4, 5, label="GENE_OR_PROTEIN")]
    assert [m.text for m in doc_mentions(doc, rules)] == ["MSCs", "cytokines"]


@pytest.mark.parametrize(
    ("marked", "modifier"),
    [("[CD8|GENE_OR_PROTEIN] + cells", True), ("[HOIP|GENE_OR_PROTEIN] - deficient cells", True),
     ("[anti-IL10|GENE_OR_PROTEIN] reduced", True), ("[IL-1|CYTOKINE] - and TNF", False),
     ("[MSC|CELL_TYPE] - based therapy", False), ("[IL-10|CYTOKINE] suppresses", False)],
)
def test_modifiers(marked_doc: Callable[[str], Doc], rules: RuleSet, marked: str, modifier: bool) -> None:
    doc = marked_doc(marked)
    (m, *_), words = doc_mentions(doc, rules), [t.lower_ for t in doc]
    assert is_modifier(m, words, 0, frozenset()) is modifier


def test_after_not_and_classes(marked_doc: Callable[[str], Doc], rules: RuleSet) -> None:
    doc = marked_doc("[CAA|CHEMICAL] but not [acrolein|CHEMICAL]")
    caa, acrolein = doc_mentions(doc, rules)
    words = [t.lower_ for t in doc]
    assert (after_not(caa, words, 0), after_not(acrolein, words, 0)) == (False, True)
    assert allowed(caa, frozenset()) and allowed(caa, {"CHEMICAL"}) and not allowed(caa, {"DISEASE"})
