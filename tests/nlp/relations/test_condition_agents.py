"""A condition or stimulus as the agent of a change in a molecule (relrec, issue 12): "hypoxia
increases the production of growth factors", "chronic inflammation enhances X expression". The
rules (condition_increase / _activate / _decrease) take DISEASE and PROCESS subjects and molecule
objects, and only from the parse (``parsed_only``): the surface reader never reads them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.nlp.relations import RuleSet

N, V, D, A, P, X = "NOUN", "VERB", "DET", "ADJ", "ADP", "PUNCT"

CASES = {
    "a stimulus raises a product": (
        "[Hypoxia|PROCESS] increases the production of [VEGF|GROWTH_FACTOR] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P), (4, "pobj", N),
         (1, "punct", X)],
        {("Hypoxia", "INCREASES", "VEGF", False)}),
    "a disease activates a gene": (
        "[Chronic inflammation|DISEASE] enhances [gankyrin|GENE_OR_PROTEIN] expression .",
        [(1, "amod", A), (2, "nsubj", N), (2, "ROOT", V), (4, "compound", N), (2, "dobj", N),
         (2, "punct", X)],
        {("Chronic inflammation", "ACTIVATES", "gankyrin", False)}),
    "a disease lowers a molecule": (
        "[Diabetes|DISEASE] reduced [insulin|CHEMICAL] levels .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("Diabetes", "DECREASES", "insulin", False)}),
    # a cell or a symptom is no molecule: the pathology rules read those, not these
    "no cell object": (
        "[Hypoxia|PROCESS] increases [macrophages|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_condition_agents(parsed_relations: Callable[..., set], marked: str,
                          rows: list[tuple[int, str, str]],
                          expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


def test_condition_rules_are_parsed_only(rules: RuleSet) -> None:
    by_id = {r.id: r for r in rules.rules}
    assert [by_id[i].parsed_only for i in ("condition_increase", "condition_activate", "condition_decrease",
                                            "increase")] == [True, True, True, False]


def test_surface_reader_reads_no_condition_agent(relations_of: Callable[[str], list]) -> None:
    # unparsed: only the surface reader reads the sentence, and it takes no disease subject
    found = relations_of("[Hypoxia|PROCESS] increases the production of [VEGF|GROWTH_FACTOR] .")
    assert [(r.subject.text, r.predicate, r.object.text) for r in found] == []
