"""relcoord (issue 12): causes named in an adjunct ("Y results from X"; rule and pattern
result_from, reverse). Marked sentences of our own wording with hand-built parses
(CRAFT/ClearNLP labels) through the whole component."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, P, X, C, AUX = "NOUN", "VERB", "ADP", "PUNCT", "CCONJ", "AUX"

CASES = {
    "Y results from X": (
        "[Fibrosis|DISEASE] results from [smoking|CHEMICAL] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        {("smoking", "DRIVES", "Fibrosis", False)}),
    "Y can result from X or Z": (
        "[Fibrosis|DISEASE] can result from [smoking|CHEMICAL] or [asbestos|CHEMICAL] .",
        [(2, "nsubj", N), (2, "aux", AUX), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N), (4, "cc", C),
         (4, "conj", N), (2, "punct", X)],
        {("smoking", "DRIVES", "Fibrosis", False), ("asbestos", "DRIVES", "Fibrosis", False)}),
    # the cause of "result in" is the subject, never the reverse
    "X results in Y": (
        "[Smoking|CHEMICAL] results in [fibrosis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        {("Smoking", "DRIVES", "fibrosis", False)}),
    # "from" on another verb names a source, not a cause
    "Y is isolated from X": (
        "[Fibroblasts|CELL_TYPE] are isolated from [lung|ANATOMY] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N),
         (2, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_cause_in_a_from_phrase(parsed_relations: Callable[..., set], marked: str,
                                rows: list[tuple[int, str, str]], expected: set) -> None:
    assert parsed_relations(marked, rows) == expected
