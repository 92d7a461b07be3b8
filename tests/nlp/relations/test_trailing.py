"""The members of a list that follow an object the parse cut off from them (issue 12, lists;
pipeline/nlp/relations/trailing.py): "X has the capacity to differentiate into A, B, and C" with
B hung on the main verb. Hand-built parses (CRAFT/ClearNLP labels). Own sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.nlp.relations.conftest import attach_parse

N, V, P, X, C, D, PA, AUX = "NOUN", "VERB", "ADP", "PUNCT", "CCONJ", "DET", "PART", "AUX"

# "[X] have the capacity to differentiate into [A] , [B] , and [C] ." with B a conjunct of "have"
CAPACITY = [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (5, "aux", PA),
            (3, "acl", V), (5, "prep", P), (6, "pobj", N), (1, "punct", X), (1, "conj", N),
            (9, "punct", X), (9, "cc", C), (9, "conj", N), (1, "punct", X)]
# "[X] differentiate into [A] , and [B] secrete [C] ." : B is the subject of a clause of its own
OWN_CLAUSE = [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X),
              (1, "cc", C), (7, "nsubj", N), (1, "conj", V), (7, "dobj", N), (1, "punct", X)]


def dep_rows(blank: Language, doc: Doc) -> set[tuple[str, str, str]]:
    return {(r.subject.text, r.predicate, r.object.text)
            for r in blank.get_pipe("mechmine_relations")(doc)._.relations if r.rule_id.startswith("dep:")}


@pytest.mark.parametrize("marked,rows,expected,absent", [
    ("[MSCs|CELL_TYPE] have the capacity to differentiate into [myocytes|CELL_TYPE] , "
     "[neurons|CELL_TYPE] , and [hepatocytes|CELL_TYPE] .", CAPACITY,
     {("MSCs", "DIFFERENTIATES_INTO", c) for c in ("myocytes", "neurons", "hepatocytes")}, set()),
    ("[MSCs|CELL_TYPE] differentiate into [myocytes|CELL_TYPE] , and [neurons|CELL_TYPE] "
     "secrete [BDNF|GROWTH_FACTOR] .", OWN_CLAUSE,
     {("MSCs", "DIFFERENTIATES_INTO", "myocytes"), ("neurons", "SECRETES", "BDNF")},
     {("MSCs", "DIFFERENTIATES_INTO", "neurons")}),
])
def test_trailing_members(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                          rows: list[tuple[int, str, str]], expected: set[tuple[str, str, str]],
                          absent: set[tuple[str, str, str]]) -> None:
    got = dep_rows(blank, attach_parse(marked_doc(marked), rows))
    assert expected <= got
    assert not absent & got
