"""Patterns dependent_manner_*: "HOIP is recruited to CD40 in a TRAF2-dependent manner" (the event
needs X: X drives its patient), on hand-built parses (CRAFT/ClearNLP labels)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, P, D, X, AUX, A = "NOUN", "VERB", "ADP", "DET", "PUNCT", "AUX", "ADJ"

CASES = {
    "passive subject": (
        "[HOIP|GENE_OR_PROTEIN] is recruited in a [TRAF2|GENE_OR_PROTEIN] - dependent manner .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (8, "det", D),
         (7, "npadvmod", N), (7, "punct", X), (8, "amod", A), (3, "pobj", N), (2, "punct", X)],
        {("TRAF2", "DRIVES", "HOIP", False)}),
    "active object": (
        "[MCSF|GENE_OR_PROTEIN] activated [RELA|GENE_OR_PROTEIN] in a [PKCA|GENE_OR_PROTEIN] - dependent "
        "manner .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "prep", P), (8, "det", D), (7, "npadvmod", N),
         (7, "punct", X), (8, "amod", A), (3, "pobj", N), (1, "punct", X)],
        {("MCSF", "ACTIVATES", "RELA", False), ("PKCA", "DRIVES", "RELA", False)}),
    "the event noun's own argument": (
        "We saw recruitment of [HOIP|GENE_OR_PROTEIN] in a [TRAF2|GENE_OR_PROTEIN] - mediated fashion .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "prep", P), (3, "pobj", N), (2, "prep", P),
         (10, "det", D), (9, "npadvmod", N), (9, "punct", X), (10, "amod", A), (5, "pobj", N),
         (1, "punct", X)],
        set()),  # "recruitment" is no amount/activity head: the noun names no mention
    # negatives: a dose is no entity; a dependent step is no manner of the event
    "dose-dependent": (
        "[HOIP|GENE_OR_PROTEIN] is recruited in a dose - dependent manner .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (8, "det", D),
         (7, "npadvmod", N), (7, "punct", X), (8, "amod", A), (3, "pobj", N), (2, "punct", X)],
        set()),
    "not a manner": (
        "[HOIP|GENE_OR_PROTEIN] is recruited in a [TRAF2|GENE_OR_PROTEIN] - dependent step .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (8, "det", D),
         (7, "npadvmod", N), (7, "punct", X), (8, "amod", A), (3, "pobj", N), (2, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_dependent_manner(parsed_relations: Callable[..., set], marked: str, rows: list[tuple[int, str, str]],
                          expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected
