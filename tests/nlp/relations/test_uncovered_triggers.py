"""Triggers the sample's missed rows showed uncovered (relevent, issue 12): "target" a pathology
(an inhibition), "Y results / arises from X" (X drives Y), "the likelihood of D" (D, as "the risk
of D"), "improvements" as an outcome; negating modifiers ("rarely", "neither ... nor"). Marked
sentences of my own wording with hand-built parses (CRAFT/ClearNLP labels) through the whole
component."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.nlp.relations.conftest import dep_relations

N, V, X, D, P = "NOUN", "VERB", "PUNCT", "DET", "ADP"
ACTIVE = [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)]

CASES = {
    "a therapy targets a disease": (
        "[MSCs|CELL_TYPE] target [fibrosis|DISEASE] .", ACTIVE,
        {("MSCs", "INHIBITS", "fibrosis", False)}),
    "a drug targets a pathological process": (
        "[Curcumin|CHEMICAL] targets [apoptosis|PROCESS] .", ACTIVE,
        {("Curcumin", "INHIBITS", "apoptosis", False)}),
    "by targeting: the subject of the means clause": (
        "[MSCs|CELL_TYPE] help by targeting [inflammation|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pcomp", V), (3, "dobj", N), (1, "punct", X)],
        {("MSCs", "INHIBITS", "inflammation", False)}),
    # a molecular or anatomical target names no inhibition
    "no molecule object": (
        "[siRNA|CHEMICAL] targets [STAT3|GENE_OR_PROTEIN] .", ACTIVE, set()),
    "no anatomy object": (
        "[Peptides|CHEMICAL] target the [lung|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (1, "punct", X)], set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_target(parsed_relations: Callable[..., set], marked: str, rows: list, expected: set) -> None:
    assert parsed_relations(marked, rows) == expected


LINKED = [(2, "nsubj", "PRON"), (2, "aux", "AUX"), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N),
          (2, "punct", X)]

RESULT_FROM = {
    # "Y results / arises / stems from X": X drives Y (read in reverse)
    "results from": (
        "[Gout|DISEASE] can result from [hyperuricemia|DISEASE] .", LINKED,
        {("hyperuricemia", "DRIVES", "Gout", False)}),
    "arises from": (
        "[Fibrosis|DISEASE] may arise from [inflammation|PROCESS] .", LINKED,
        {("inflammation", "DRIVES", "Fibrosis", False)}),
    # "result in" keeps its direction
    "results in": (
        "[Hyperuricemia|DISEASE] can result in [gout|DISEASE] .", LINKED,
        {("Hyperuricemia", "DRIVES", "gout", False)}),
    # another preposition reads nothing
    "results after": (
        "[Gout|DISEASE] can result after [surgery|DISEASE] .", LINKED, set()),
}


@pytest.mark.parametrize("marked,rows,expected", RESULT_FROM.values(), ids=RESULT_FROM.keys())
def test_result_from(parsed_relations: Callable[..., set], marked: str, rows: list, expected: set) -> None:
    assert parsed_relations(marked, rows) == expected


def test_what_results_may_be_carried_over(blank: Language, marked_doc: Callable[[str], Doc]) -> None:
    """"It" stands for the disease the sentence before named: that disease is what results."""
    doc = marked_doc("[Gout|DISEASE] is common . It can result from [hyperuricemia|DISEASE] .")
    found = {(r.subject.text, r.predicate, r.object.text) for r in dep_relations(blank, doc, [None, LINKED])}
    assert found == {("hyperuricemia", "DRIVES", "Gout")}


@pytest.mark.parametrize("marked,expected", [
    # "the likelihood of D" stands for D, as "the risk of D" does (rel-polarity: a lowered one is a
    # negative association, a raised one a risk factor; test_association_direction.py)
    ("[Coffee|CHEMICAL] is linked to a lower likelihood of [gout|DISEASE] .",
     {("Coffee", "DECREASES", "gout", False)}),
    ("[Coffee|CHEMICAL] is linked to a higher probability of [gout|DISEASE] .",
     {("Coffee", "DRIVES", "gout", False)}),
])
def test_likelihood_of_a_disease(parsed_relations: Callable[..., set], marked: str, expected: set) -> None:
    rows = [(2, "nsubjpass", N), (2, "auxpass", "AUX"), (2, "ROOT", V), (2, "prep", P), (6, "det", D),
            (6, "amod", "ADJ"), (3, "pobj", N), (6, "prep", P), (7, "pobj", N), (2, "punct", X)]
    assert parsed_relations(marked, rows) == expected


def test_improvements_are_an_outcome(parsed_relations: Callable[..., set]) -> None:
    marked = "[MSCs|CELL_TYPE] were associated with motor improvements ."
    rows = [(2, "nsubjpass", N), (2, "auxpass", "AUX"), (2, "ROOT", V), (2, "prep", P), (5, "compound", N),
            (3, "pobj", N), (2, "punct", X)]
    assert parsed_relations(marked, rows) == {("MSCs", "ASSOCIATED_WITH", "motor improvements", False)}


ADV = "ADV"
NEGATED = {
    # a negating adverb on the verb, or on the verb it is a conjunct of
    "rarely": (
        "[MSCs|CELL_TYPE] rarely reduce [fibrosis|DISEASE] .",
        [(2, "nsubj", N), (2, "advmod", ADV), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)],
        {("MSCs", "DECREASES", "fibrosis", True)}),
    "rarely ... or": (
        "[MSCs|CELL_TYPE] rarely reduce [fibrosis|DISEASE] or prevent [apoptosis|PROCESS] .",
        [(2, "nsubj", N), (2, "advmod", ADV), (2, "ROOT", V), (2, "dobj", N), (2, "cc", "CCONJ"),
         (2, "conj", V), (5, "dobj", N), (2, "punct", X)],
        {("MSCs", "DECREASES", "fibrosis", True), ("MSCs", "INHIBITS", "apoptosis", True)}),
    "neither ... nor": (
        "[MSCs|CELL_TYPE] neither reduce [fibrosis|DISEASE] nor prevent [apoptosis|PROCESS] .",
        [(2, "nsubj", N), (2, "preconj", "CCONJ"), (2, "ROOT", V), (2, "dobj", N), (2, "cc", "CCONJ"),
         (2, "conj", V), (5, "dobj", N), (2, "punct", X)],
        {("MSCs", "DECREASES", "fibrosis", True), ("MSCs", "INHIBITS", "apoptosis", True)}),
    "an adverb of manner negates nothing": (
        "[MSCs|CELL_TYPE] strongly reduce [fibrosis|DISEASE] .",
        [(2, "nsubj", N), (2, "advmod", ADV), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)],
        {("MSCs", "DECREASES", "fibrosis", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", NEGATED.values(), ids=NEGATED.keys())
def test_negating_modifiers(parsed_relations: Callable[..., set], marked: str, rows: list,
                            expected: set) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked,expected", [
    # a disease that limits a gain lowers it (impair_gain); an agent's "limit" is rule decrease's
    ("[Stroke|DISEASE] limits mobility .", {("Stroke", "DECREASES", "mobility", False)}),
    ("[IL-10|CYTOKINE] limits [fibrosis|DISEASE] .", {("IL-10", "DECREASES", "fibrosis", False)}),
    # a disease limiting a molecule lowers it: a condition acting on a molecule (condition_decrease)
    ("[Stroke|DISEASE] limits [IL-10|CYTOKINE] .", {("Stroke", "DECREASES", "IL-10", False)}),
    # ... but limiting a cell type says nothing of polarity
    ("[Stroke|DISEASE] limits [macrophages|CELL_TYPE] .", set())])
def test_limit(parsed_relations: Callable[..., set], marked: str, expected: set) -> None:
    assert parsed_relations(marked, ACTIVE) == expected


# "Patients who received [MSC] therapy reported decreased stiffness and better pain control ."
REPORTED = [(5, "nsubj", N), (2, "dep", "PRON"), (0, "relcl", V), (4, "compound", N), (2, "dobj", N),
            (5, "ROOT", V), (7, "amod", "ADJ"), (5, "dobj", N), (7, "cc", "CCONJ"), (11, "amod", "ADJ"),
            (11, "compound", N), (7, "conj", N), (5, "punct", X)]


@pytest.mark.parametrize("marked,rows,expected", [
    # the received therapy's effect, by the adjective on the reported noun; a conjunct with an
    # adjective of its own ("better pain control") is not the first adjective's object
    ("Patients who received [MSC|CELL_TYPE] therapy reported decreased [stiffness|DISEASE] and better"
     " pain control .", REPORTED, {("MSC", "DECREASES", "stiffness", False)}),
    # patients who received nothing named: no agent
    ("Patients who received daily care reported decreased [stiffness|DISEASE] and better pain control .",
     REPORTED, set()),
])
def test_what_patients_who_received_a_therapy_report(parsed_relations: Callable[..., set], marked: str,
                                                     rows: list, expected: set) -> None:
    assert parsed_relations(marked, rows) == expected


C = "CCONJ"


@pytest.mark.parametrize("marked,rows,expected", [
    # a participle on a listed noun ends no list ("memory loss, reduced motor control"; a changed
    # object states the change, test_changed_objects)
    ("[Stroke|DISEASE] causes [aphasia|DISEASE] and reduced mobility .",
     [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (5, "amod", "ADJ"), (2, "conj", N),
      (1, "punct", X)],
     {("Stroke", "DRIVES", "aphasia", False), ("Stroke", "DECREASES", "reduced mobility", False)}),
    # a hyphenated "X-related" still does: the parse's list is not trusted across it
    ("[Stroke|DISEASE] causes [aphasia|DISEASE] and nerve - related [pain|DISEASE] .",
     [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (6, "npadvmod", N), (6, "punct", X),
      (7, "amod", "ADJ"), (2, "conj", N), (1, "punct", X)],
     {("Stroke", "DRIVES", "aphasia", False)}),
])
def test_a_participle_on_a_listed_noun(parsed_relations: Callable[..., set], marked: str, rows: list,
                                       expected: set) -> None:
    assert parsed_relations(marked, rows) == expected
