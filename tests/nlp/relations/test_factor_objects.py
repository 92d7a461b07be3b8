"""Qualified generic products as objects of a decrease or an inhibition (decrease_factor,
inhibit_factor in relation_rules.yaml), on hand-built parses."""

from __future__ import annotations

import pytest

NSUBJ, ROOT, PUNCT = (1, "nsubj", "NOUN"), (1, "ROOT", "VERB"), (1, "punct", "PUNCT")

CASES = {
    "decrease": ("[MSCs|CELL_TYPE] reduce harmful molecules .",
                 [NSUBJ, ROOT, (3, "amod", "ADJ"), (1, "dobj", "NOUN"), PUNCT],
                 {("MSCs", "DECREASES", "harmful molecules", False)}),
    "inhibition": ("[MSCs|CELL_TYPE] suppress inflammatory mediators .",
                   [NSUBJ, ROOT, (3, "amod", "ADJ"), (1, "dobj", "NOUN"), PUNCT],
                   {("MSCs", "INHIBITS", "inflammatory mediators", False)}),
    "through an amount head": ("[MSCs|CELL_TYPE] lower levels of inflammatory molecules .",
                               [NSUBJ, ROOT, (1, "dobj", "NOUN"), (2, "prep", "ADP"), (5, "amod", "ADJ"),
                                (3, "pobj", "NOUN"), PUNCT],
                               {("MSCs", "DECREASES", "inflammatory molecules", False)}),
    "a quantifier names no kind": ("[MSCs|CELL_TYPE] reduce other molecules .",
                                   [NSUBJ, ROOT, (3, "amod", "ADJ"), (1, "dobj", "NOUN"), PUNCT],
                                   set()),
    "a bare generic noun": ("[MSCs|CELL_TYPE] reduce molecules .",
                            [NSUBJ, ROOT, (1, "dobj", "NOUN"), PUNCT],
                            set()),
    "named members are the objects": (
        "[MSCs|CELL_TYPE] reduce inflammatory molecules like [IL-6|CYTOKINE] .",
        [NSUBJ, ROOT, (3, "amod", "ADJ"), (1, "dobj", "NOUN"), (3, "prep", "ADP"), (4, "pobj", "NOUN"),
         PUNCT],
        {("MSCs", "DECREASES", "IL-6", False)}),
    "a named entity comes first": (
        "[MSCs|CELL_TYPE] reduce [IL-6|CYTOKINE] and inflammatory molecules .",
        [NSUBJ, ROOT, (1, "dobj", "NOUN"), (2, "cc", "CCONJ"), (5, "amod", "ADJ"), (2, "conj", "NOUN"),
         PUNCT],
        {("MSCs", "DECREASES", "IL-6", False)}),
}


@pytest.mark.parametrize("marked, rows, expected", CASES.values(), ids=CASES.keys())
def test_factor_objects_of_decrease_and_inhibition(parsed_relations, marked: str, rows: list,
                                                   expected: set) -> None:
    assert parsed_relations(marked, rows) == expected
