"""Triggers the sample's missed rows showed uncovered (relevent, issue 12): "target" a pathology
(an inhibition). Marked sentences of my own wording with hand-built parses (CRAFT/ClearNLP labels)
through the whole component."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, X, D, P = "NOUN", "VERB", "PUNCT", "DET", "ADP"
ACTIVE = [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)]

CASES = {
    "a therapy targets a disease": (
        "[MSCs|CELL_TYPE] target [fibrosis|DISEASE] .", ACTIVE,
        {("MSCs", "INHIBITS", "fibrosis", False)}),
    "a drug targets a pathological process": (
        "[Curcumin|CHEMICAL] targets [apoptosis|PROCESS] .", ACTIVE,
        {("Curcumin", "INHIBITS", "apoptosis", False)}),
    "by targeting: the subject of the means clause": (
        "[MSCs|CELL_TYPE] help by targeting [inflammation|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pcomp", V), (3, "dobj", N), (1, "punct", X)],
        {("MSCs", "INHIBITS", "inflammation", False)}),
    # a molecular or anatomical target names no inhibition
    "no molecule object": (
        "[siRNA|CHEMICAL] targets [STAT3|GENE_OR_PROTEIN] .", ACTIVE, set()),
    "no anatomy object": (
        "[Peptides|CHEMICAL] target the [lung|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (1, "punct", X)], set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_target(parsed_relations: Callable[..., set], marked: str, rows: list, expected: set) -> None:
    assert parsed_relations(marked, rows) == expected
