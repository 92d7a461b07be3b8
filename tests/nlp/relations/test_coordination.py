"""relcoord (issue 12): coordination and generic-cargo constructions of the relation readers.
Marked sentences of our own wording with hand-built parses (CRAFT/ClearNLP labels) through the
whole component: the pathology nouns among the outcome objects ("buildup", "deposition") in
coordinated objects and under coordinated verbs; a list item opened by a participle of state
("memory loss, reduced motor control") is still a conjunct, a verb between items is not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, A, P, D, X, C = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "CCONJ"

BUILDUP = {
    "cause fluid buildup": (
        "[Sepsis|DISEASE] causes fluid buildup .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("Sepsis", "DRIVES", "fluid buildup", False)}),
    # the third verb of a list shares the subject and its pathology object is an argument
    "V1 X and V2 fluid buildup": (
        "[VEGF|GROWTH_FACTOR] restores barrier integrity and reduces fluid buildup .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "cc", C), (1, "conj", V),
         (7, "compound", N), (5, "dobj", N), (1, "punct", X)],
        {("VEGF", "INCREASES", "barrier integrity", False), ("VEGF", "DECREASES", "fluid buildup", False)}),
    # a later conjunct of a cause's object: "leading to the loss of X and the buildup of Y"
    "lead to the loss of X and the deposition of Y": (
        "[Fibrosis|DISEASE] leads to the loss of elasticity and the deposition of "
        "[collagen|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (4, "det", D), (2, "pobj", N), (4, "prep", P),
         (5, "pobj", N), (4, "cc", C), (9, "det", D), (4, "conj", N), (9, "prep", P), (10, "pobj", N),
         (1, "punct", X)],
        # shown with their of-phrases (.display)
        {("Fibrosis", "DRIVES", "loss of elasticity", False),
         ("Fibrosis", "DRIVES", "deposition of collagen", False)}),
    # no argument without the pathology noun: "fluid" alone is none
    "reduce fluid": (
        "[VEGF|GROWTH_FACTOR] reduces fluid .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", BUILDUP.values(), ids=BUILDUP.keys())
def test_pathology_outcome_objects(parsed_relations: Callable[..., set], marked: str,
                                   rows: list[tuple[int, str, str]], expected: set) -> None:
    assert parsed_relations(marked, rows) == expected


STATE_ITEMS = {
    "a list item opened by a past participle": (
        "[Stroke|DISEASE] causes [aphasia|DISEASE] , impaired balance and [ataxia|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (5, "amod", V), (2, "conj", N),
         (5, "cc", C), (5, "conj", N), (1, "punct", X)],
        # (a cause of an impaired function decreases it: the deficit cue of finalize)
        {("Stroke", "DRIVES", "aphasia", False), ("Stroke", "DECREASES", "impaired balance", False),
         ("Stroke", "DRIVES", "ataxia", False)}),
    # a base-form verb the parse made a modifier is a second clause: TGF-beta1 is not secreted
    "a verb misparsed as a modifier of the next item": (
        "[MSCs|CELL_TYPE] secrete [HGF|GROWTH_FACTOR] and decrease [TGF-beta1|GROWTH_FACTOR] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (5, "amod", V), (2, "conj", N),
         (1, "punct", X)],
        {("MSCs", "SECRETES", "HGF", False), ("MSCs", "DECREASES", "TGF-beta1", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", STATE_ITEMS.values(), ids=STATE_ITEMS.keys())
def test_list_items_opened_by_a_state(parsed_relations: Callable[..., set], marked: str,
                                      rows: list[tuple[int, str, str]], expected: set) -> None:
    assert parsed_relations(marked, rows) == expected


SHARED_OBJECT = {
    "V1 and V2 Y: both verbs act on Y": (
        "[MSCs|CELL_TYPE] modulate and suppress [T cells|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "cc", C), (1, "conj", V), (5, "compound", N), (3, "dobj", N),
         (1, "punct", X)],
        {("MSCs", "ASSOCIATED_WITH", "T cells", False), ("MSCs", "INHIBITS", "T cells", False)}),
    # an object of its own before the coordinator: the first verb keeps it
    "V1 X and V2 Y: each verb its own object": (
        "[MSCs|CELL_TYPE] secrete [IL-10|CYTOKINE] and suppress [T cells|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "cc", C), (1, "conj", V), (6, "compound", N),
         (4, "dobj", N), (1, "punct", X)],
        {("MSCs", "SECRETES", "IL-10", False), ("MSCs", "INHIBITS", "T cells", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", SHARED_OBJECT.values(), ids=SHARED_OBJECT.keys())
def test_coordinated_verbs_share_the_object(parsed_relations: Callable[..., set], marked: str,
                                            rows: list[tuple[int, str, str]], expected: set) -> None:
    assert parsed_relations(marked, rows) == expected
