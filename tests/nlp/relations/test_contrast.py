"""A contrasting clause no relation crosses (relprec, issue 12): "While X ..., Y ..." relates
neither X to Y's partners nor Y to X's; a participle after "while" is the main clause's own.
Marked sentences with hand-built parses (CRAFT/ClearNLP labels)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, P, X, S, A = "NOUN", "VERB", "ADP", "PUNCT", "SCONJ", "AUX"
Rows = list[tuple[int, str, str]]

CASES = {
    # without the clause boundary the surface reader reads CCL2 as a second object of IL-7's verb
    "a sentence-initial while clause": (
        "While variations of [IL-7|CYTOKINE] were associated with [SOD2|GENE_OR_PROTEIN] , variations of"
        " [CCL2|CYTOKINE] were associated with [CAT|GENE_OR_PROTEIN] .",
        [(5, "mark", S), (5, "nsubjpass", N), (1, "prep", P), (2, "pobj", N), (5, "auxpass", A),
         (13, "advcl", V), (5, "prep", P), (6, "pobj", N), (13, "punct", X), (13, "nsubjpass", N),
         (9, "prep", P), (10, "pobj", N), (13, "auxpass", A), (13, "ROOT", V), (13, "prep", P),
         (14, "pobj", N), (13, "punct", X)],
        {("IL-7", "ASSOCIATED_WITH", "SOD2"), ("CCL2", "ASSOCIATED_WITH", "CAT")}),
    "a participle after while": (
        "[Aspirin|CHEMICAL] reduced [IL-6|CYTOKINE] while increasing [IL-10|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (4, "mark", S), (1, "advcl", V), (4, "dobj", N),
         (1, "punct", X)],
        {("Aspirin", "DECREASES", "IL-6"), ("Aspirin", "INCREASES", "IL-10")}),
}


@pytest.mark.parametrize(("marked", "rows", "expected"), CASES.values(), ids=CASES.keys())
def test_contrasting_clauses(parsed_relations: Callable[..., set], marked: str, rows: Rows,
                             expected: set[tuple[str, str, str]]) -> None:
    assert {(s, p, o) for s, p, o, _ in parsed_relations(marked, rows)} == expected
