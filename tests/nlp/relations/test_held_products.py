"""What a secretome or conditioned medium holds, its cells secrete (issue 12, lists; rule
held_product, form contents, dependency patterns held_product*). The form is quiet: its trigger
words mark no clause or list break elsewhere (rules.QUIET_FORMS). Hand-built parses (CRAFT/ClearNLP
labels). Own sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.relations import RuleSet
from tests.nlp.relations.conftest import attach_parse

N, V, P, X, C, D, A = "NOUN", "VERB", "ADP", "PUNCT", "CCONJ", "DET", "ADJ"

# "The secretome of [X] includes [A] and [B] ."
OF_HOLDER = [(1, "det", D), (4, "nsubj", N), (1, "prep", P), (2, "pobj", N), (4, "ROOT", V),
             (4, "dobj", N), (5, "cc", C), (5, "conj", N), (4, "punct", X)]
# "The factors present in the medium of [X] include [A] ."
NOUN_HOLDER = [(1, "det", D), (8, "nsubj", N), (1, "amod", A), (2, "prep", P), (5, "det", D),
               (3, "pobj", N), (5, "prep", P), (6, "pobj", N), (8, "ROOT", V), (8, "dobj", N),
               (8, "punct", X)]
# "We list factors present in the medium of [X] , including [A] and [B] ." with the example
# phrase hung on the producer
EXAMPLE = [(1, "nsubj", "PRON"), (1, "ROOT", V), (1, "dobj", N), (2, "amod", A), (3, "prep", P),
           (6, "det", D), (4, "pobj", N), (6, "prep", P), (7, "pobj", N), (8, "punct", X),
           (8, "prep", V), (10, "pobj", N), (11, "cc", C), (11, "conj", N), (1, "punct", X)]
# "The medium of the flask contains [A] ." : no producer mention
NO_PRODUCER = [(1, "det", D), (5, "nsubj", N), (1, "prep", P), (4, "det", D), (2, "pobj", N),
               (5, "ROOT", V), (5, "dobj", N), (5, "punct", X)]


@pytest.mark.parametrize("marked,rows,expected", [
    ("The secretome of [MSCs|CELL_TYPE] includes [HGF|GROWTH_FACTOR] and [IL-6|CYTOKINE] .", OF_HOLDER,
     {("MSCs", "SECRETES", "HGF"), ("MSCs", "SECRETES", "IL-6")}),
    ("The factors present in the medium of [MSCs|CELL_TYPE] include [VEGF|GROWTH_FACTOR] .", NOUN_HOLDER,
     {("MSCs", "SECRETES", "VEGF")}),
    ("We list factors present in the medium of [MSCs|CELL_TYPE] , including [VEGF|GROWTH_FACTOR] and "
     "[IL-6|CYTOKINE] .", EXAMPLE, {("MSCs", "SECRETES", "VEGF"), ("MSCs", "SECRETES", "IL-6")}),
    ("The medium of the flask contains [VEGF|GROWTH_FACTOR] .", NO_PRODUCER, set()),
])
def test_held_products(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                       rows: list[tuple[int, str, str]], expected: set[tuple[str, str, str]]) -> None:
    doc = blank.get_pipe("mechmine_relations")(attach_parse(marked_doc(marked), rows))
    assert {(r.subject.text, r.predicate, r.object.text) for r in doc._.relations
            if r.rule_id == "dep:held_product"} == expected


@pytest.mark.parametrize("word,quiet,expected", [
    ("including", False, []), ("including", True, ["held_product"]), ("less", True, ["list_loss"]),
])
def test_quiet_forms_trigger_only_when_asked(rules: RuleSet, word: str, quiet: bool,
                                             expected: list[str]) -> None:
    assert [r.id for r in rules.triggered(word, quiet)] == expected
