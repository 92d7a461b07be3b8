"""A heading a colon parts from its sentence is no subject (relrec, issue 12): clinic pages run a
bullet heading into its sentence ("prevention of nerve cell damage: Stem cells are able to ...")
and structured abstracts a section label ("RESULTS: X increased Y"); the parse may make the
heading a second subject of the verb. Neither a pattern's subject node nor an inherited subject
(:func:`pipeline.nlp.relations.clauses.inherited_subject`) is taken from before the colon."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.nlp.relations.conftest import attach_parse, build_doc

N, V, A, X, PART, AUX, P, C = "NOUN", "VERB", "ADJ", "PUNCT", "PART", "AUX", "ADP", "CCONJ"

CASES = {
    # the heading is no mention: without the rule the dependency reader finds no subject at all
    # (and only the surface reader's fallback reads the sentence)
    "inherited subject after a heading": (
        "prevention of damage : [MSCs|CELL_TYPE] are able to reduce [TNF|CYTOKINE] .",
        [(5, "nsubj", N), (0, "prep", P), (1, "pobj", N), (5, "punct", X), (5, "nsubj", N), (5, "ROOT", AUX),
         (5, "acomp", A), (8, "aux", PART), (6, "xcomp", V), (8, "dobj", N), (5, "punct", X)],
        [("MSCs", "DECREASES", "TNF", "dep:decrease")]),
    "own subject after a heading": (
        "prevention of damage : [MSCs|CELL_TYPE] reduce [TNF|CYTOKINE] .",
        [(5, "nsubj", N), (0, "prep", P), (1, "pobj", N), (5, "punct", X), (5, "nsubj", N), (5, "ROOT", V),
         (5, "dobj", N), (5, "punct", X)],
        [("MSCs", "DECREASES", "TNF", "dep:decrease")]),
    # without a colon both coordinated subjects act
    "no heading": (
        "[IL-6|CYTOKINE] and [MSCs|CELL_TYPE] reduce [TNF|CYTOKINE] .",
        [(3, "nsubj", N), (0, "cc", C), (0, "conj", N), (3, "ROOT", V), (3, "dobj", N), (3, "punct", X)],
        [("IL-6", "DECREASES", "TNF", "dep:decrease"), ("MSCs", "DECREASES", "TNF", "dep:decrease")]),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_heading_is_no_subject(blank: Language, marked: str, rows: list[tuple[int, str, str]],
                               expected: list[tuple[str, str, str, str]]) -> None:
    doc = blank.get_pipe("mechmine_relations")(attach_parse(build_doc(blank, marked), rows))
    found = sorted((r.subject.text, r.predicate, r.object.text, r.rule_id) for r in doc._.relations)
    assert found == expected
