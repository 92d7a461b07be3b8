"""Rule ``sustain``: keeping something going is a positive influence (BioNLP-ST GE
Positive_regulation): "Eomes sustains IFNG expression", "MAF expression was maintained by IL12"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, P, X, AUX, PART = "NOUN", "VERB", "ADP", "PUNCT", "AUX", "PART"

CASES = {
    "active": (
        "[EOMES|GENE_OR_PROTEIN] sustains [IFNG|GENE_OR_PROTEIN] expression .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("EOMES", "ACTIVATES", "IFNG", False)}),
    "passive with its agent": (
        "[MAF|GENE_OR_PROTEIN] expression was maintained by [IL12|GENE_OR_PROTEIN] .",
        [(1, "compound", N), (3, "nsubjpass", N), (3, "auxpass", AUX), (3, "ROOT", V), (3, "agent", P),
         (4, "pobj", N), (3, "punct", X)],
        {("IL12", "ACTIVATES", "MAF", False)}),
    "negated": (
        "[EOMES|GENE_OR_PROTEIN] did not sustain [IFNG|GENE_OR_PROTEIN] expression .",
        [(3, "nsubj", N), (3, "aux", AUX), (3, "neg", PART), (3, "ROOT", V), (5, "compound", N),
         (3, "dobj", N), (3, "punct", X)],
        {("EOMES", "ACTIVATES", "IFNG", True)}),
    # an outcome kept is no activation of a molecule: the maintain rule reads it as protection
    "an outcome object": (
        "[VEGF|GROWTH_FACTOR] maintains barrier integrity .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("VEGF", "PROTECTS", "barrier integrity", False)}),
    # a place of culture is no agent
    "maintained in a medium": (
        "[T cells|CELL_TYPE] were maintained in [IL12|GENE_OR_PROTEIN] .",
        [(1, "compound", N), (3, "nsubjpass", N), (3, "auxpass", AUX), (3, "ROOT", V), (3, "prep", P),
         (4, "pobj", N), (3, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_sustain(parsed_relations: Callable[..., set], marked: str, rows: list[tuple[int, str, str]],
                 expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected
