"""An entity mention that ends a coordinated modifier list stands for each listed phrase
(relrecall, issue 12): "treat autoimmune, degenerative, and inflammatory diseases" with the mention
"inflammatory diseases" also names "autoimmune diseases" and "degenerative diseases"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, A, X, C = "NOUN", "VERB", "ADJ", "PUNCT", "CCONJ"

CASES = {
    "a listed modifier before the mention": (
        "[MSCs|CELL_TYPE] treat autoimmune , degenerative , and [inflammatory diseases|DISEASE] .",
        # the parse hangs the mention's own modifier on the list, as the CRAFT parser does
        [(1, "nsubj", N), (1, "ROOT", V), (8, "amod", A), (2, "punct", X), (2, "conj", A), (4, "punct", X),
         (4, "cc", C), (4, "conj", A), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "inflammatory diseases", False), ("MSCs", "TREATS", "autoimmune diseases", False),
         ("MSCs", "TREATS", "degenerative diseases", False)}),
    "two listed modifiers": (
        "[MSCs|CELL_TYPE] treat acute and [chronic lung injury|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (6, "amod", A), (2, "cc", C), (2, "conj", A), (6, "compound", N),
         (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "chronic lung injury", False), ("MSCs", "TREATS", "acute lung injury", False)}),
    # relrec: nouns listed before a shared head, which the parse labels nmod ("T and B
    # lymphocytes", "CD4 and CD8 T cells"), the mention the last of them with the head
    "listed noun modifiers": (
        "[MSCs|CELL_TYPE] inhibit T and [B lymphocytes|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (5, "nmod", N), (2, "cc", C), (2, "conj", N), (1, "dobj", N),
         (1, "punct", X)],
        {("MSCs", "INHIBITS", "B lymphocytes", False), ("MSCs", "INHIBITS", "T lymphocytes", False)}),
    # listed verb forms state two states of the same cells: no reading
    "listed participles": (
        "[MSCs|CELL_TYPE] inhibit resting and activated [T cells|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (6, "amod", V), (2, "cc", C), (2, "conj", V), (6, "compound", N),
         (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "INHIBITS", "T cells", False)}),
    # a modifier that lists nothing adds no reading
    "no list": (
        "[MSCs|CELL_TYPE] treat chronic [inflammatory diseases|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "amod", A), (4, "amod", A), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "inflammatory diseases", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_listed_modifier_readings(parsed_relations: Callable[..., set], marked: str,
                                  rows: list[tuple[int, str, str]],
                                  expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected
