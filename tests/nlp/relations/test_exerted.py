"""An effect is exerted, not secreted (issue 12): "exert" is no trigger of rule secrete; the effect
patterns still read the exerted effect's kind ("MSCs exert an inhibitory effect on T cells") and
a secretion verb of means keeps its own reading. Marked sentences of our own wording, with
hand-built parses (CRAFT/ClearNLP labels) or none (the surface reader)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.nlp.relations.conftest import attach_parse

N, V, A, P, D, X = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT"

PARSED = {
    "an inhibitory effect exerted on cells": (
        "[MSCs|CELL_TYPE] exert an inhibitory effect on [T cells|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "dobj", N), (4, "prep", P),
         (7, "compound", N), (5, "pobj", N), (1, "punct", X)],
        {("MSCs", "INHIBITS", "T cells")}),
    "a secretion verb of means": (
        "[MSCs|CELL_TYPE] exert effects by secreting [IL-10|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "prep", P), (3, "pcomp", V), (4, "dobj", N),
         (1, "punct", X)],
        {("MSCs", "SECRETES", "IL-10")}),
    "an exerted factor is no secretion": (
        "[MSCs|CELL_TYPE] exert [IL-10|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked, rows, expected", PARSED.values(), ids=PARSED.keys())
def test_an_exerted_effect(blank: Language, marked_doc: Callable[[str], Doc], marked: str, rows: list,
                           expected: set) -> None:
    rels = blank.get_pipe("mechmine_relations")(attach_parse(marked_doc(marked), rows))._.relations
    assert {(r.subject.text, r.predicate, r.object.text) for r in rels} == expected


def test_the_surface_reader_reads_no_exerted_secretion(relations_of: Callable[[str], list]) -> None:
    rels = relations_of("[Exosomes|ANATOMY] exert [TGF-beta|CYTOKINE] effects on [macrophages|CELL_TYPE] .")
    assert [r for r in rels if r.predicate == "SECRETES"] == []
