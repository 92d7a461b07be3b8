"""What a list states of its first item it states of every item (relprec, issue 12): the loss of
the first subject ("inhibition of A, B or C blocks Y") is every listed subject's; a verb that joins
two clauses passes nothing on. Marked sentences with hand-built parses (CRAFT/ClearNLP labels)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from pipeline.nlp.relations.arguments import doc_mentions
from pipeline.nlp.relations.conjuncts import first_conjunct
from pipeline.nlp.relations.rules import RuleSet
from pipeline.nlp.relations.syntax import mention_at
from tests.nlp.relations.conftest import attach_parse

N, V, P, X, C = "NOUN", "VERB", "ADP", "PUNCT", "CCONJ"
Rows = list[tuple[int, str, str]]

LISTS = {
    "a lost subject's list": (
        "Inhibition of [caspases|GENE_OR_PROTEIN] , [RIP1|GENE_OR_PROTEIN] , or [RIP3|GENE_OR_PROTEIN] blocks"
        " [cell death|PROCESS] .",
        [(8, "nsubj", N), (0, "prep", P), (1, "pobj", N), (2, "punct", X), (2, "conj", N), (4, "punct", X),
         (4, "cc", C), (4, "conj", N), (8, "ROOT", V), (10, "compound", N), (8, "dobj", N), (8, "punct", X)],
        {("caspases", "ACTIVATES", "cell death", "loss"), ("RIP1", "ACTIVATES", "cell death", "loss"),
         ("RIP3", "ACTIVATES", "cell death", "loss")}),
    "a second clause's subject keeps its own state": (
        "Knockdown of [A20|GENE_OR_PROTEIN] reduced [IL-6|CYTOKINE] and [TNF|CYTOKINE] increased"
        " [IL-8|CYTOKINE] .",
        [(3, "nsubj", N), (0, "prep", P), (1, "pobj", N), (3, "ROOT", V), (3, "dobj", N), (4, "cc", C),
         (7, "nsubj", N), (3, "conj", V), (7, "dobj", N), (3, "punct", X)],
        {("A20", "INCREASES", "IL-6", "loss"), ("TNF", "INCREASES", "IL-8", "")}),
}


@pytest.mark.parametrize(("marked", "rows", "expected"), LISTS.values(), ids=LISTS.keys())
def test_a_list_shares_its_first_items_state(blank: Language, marked_doc: Callable, marked: str, rows: Rows,
                                             expected: set[tuple[str, str, str, str]]) -> None:
    doc = attach_parse(marked_doc(marked), rows)
    rels = blank.get_pipe("mechmine_relations")(doc)._.relations
    assert {(r.subject.text, r.predicate, r.object.text, r.subject_state) for r in rels} == expected


def test_first_conjunct(marked_doc: Callable, rules: RuleSet) -> None:
    marked, rows, _ = LISTS["a lost subject's list"]
    doc = attach_parse(marked_doc(marked), rows)
    ms = doc_mentions(doc, rules)
    rip3, caspases = mention_at(ms, 7), mention_at(ms, 2)
    assert first_conjunct(doc._.parses[0], 0, rip3, ms) == caspases
    assert first_conjunct(doc._.parses[0], 0, caspases, ms) is None
    assert first_conjunct(None, 0, rip3, ms) is None
