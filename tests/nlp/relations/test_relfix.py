"""Relation constructions of issue 12 (relfix), each with a hand-built parse (CRAFT/ClearNLP
labels) through the whole component: the dependency reader, the surface reader checked against
the parse, and finalize."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from .conftest import attach_parse, dep_relations

N, V, A, P, D, X, C, ADV = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "CCONJ", "ADV"

CASES = {
    # a change participle read as the adjective of a conjunct owns its noun: the first verb does
    # not also take it ("promoted [M2 polarization and reduced-TNF expression]")
    "conjunct with its own change participle": (
        "[Exosomes|ANATOMY] promoted [M2|CELL_TYPE] polarization and reduced [TNF-α|CYTOKINE] expression .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (3, "cc", C),
         (7, "amod", V), (7, "compound", N), (3, "conj", N), (1, "punct", X)],
        {("Exosomes", "POLARIZES", "M2", False), ("Exosomes", "DECREASES", "TNF-α", False)}),
    "... the opposite direction": (
        "[Exosomes|ANATOMY] inhibited [apoptosis|PROCESS] and increased [IL-10|CYTOKINE] secretion .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (6, "amod", V),
         (6, "compound", N), (2, "conj", N), (1, "punct", X)],
        {("Exosomes", "INHIBITS", "apoptosis", False), ("Exosomes", "INCREASES", "IL-10", False)}),
    "a plain conjunct stays the verb's object": (
        "[Exosomes|ANATOMY] inhibited [apoptosis|PROCESS] and [IL-10|CYTOKINE] secretion .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (5, "compound", N),
         (2, "conj", N), (1, "punct", X)],
        {("Exosomes", "INHIBITS", "apoptosis", False), ("Exosomes", "INHIBITS", "IL-10", False)}),
    # a clause the parse read as one noun phrase, the verb a participle of its object (the root):
    # the subject is the participle's own subject or a noun modifier before it, and the outcome
    # object's phrase starts after the participle
    "clause read as a noun phrase, the participle's subject": (
        "[MSC|CELL_TYPE] transplantation significantly improved motor function in rats .",
        [(1, "compound", N), (3, "nsubj", N), (3, "advmod", ADV), (5, "amod", V), (5, "compound", N),
         (5, "ROOT", N), (5, "prep", P), (6, "pobj", N), (5, "punct", X)],
        {("MSC", "INCREASES", "motor function", False)}),
    "... a modifier of the object before the participle": (
        "[Exosomes|ANATOMY] markedly restored barrier integrity .",
        [(4, "nmod", N), (2, "advmod", ADV), (4, "amod", V), (4, "compound", N), (4, "ROOT", N),
         (4, "punct", X)],
        {("Exosomes", "INCREASES", "barrier integrity", False)}),
    "... no subject, no relation": (
        "Significantly improved motor function in [rats|CELL_TYPE] .",
        [(1, "advmod", ADV), (3, "amod", V), (3, "compound", N), (3, "ROOT", N), (3, "prep", P),
         (4, "pobj", N), (3, "punct", X)],
        set()),
    # what cells move toward or in response to attracts them (as a passive homing verb's agent)
    "migration in response to X": (
        "[MSCs|CELL_TYPE] migrated toward the injured [tissue|ANATOMY] in response to [SDF-1|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (5, "det", D), (5, "amod", V), (2, "pobj", N),
         (1, "prep", P), (6, "pobj", N), (7, "prep", P), (8, "pobj", N), (1, "punct", X)],
        {("MSCs", "MIGRATES_TO", "tissue", False), ("SDF-1", "ACTIVATES", "MSCs", False)}),
    "X-induced migration of cells": (
        "[SDF-1|CYTOKINE] - induced migration of [MSCs|CELL_TYPE] was blocked .",
        [(2, "npadvmod", N), (2, "punct", X), (3, "amod", V), (7, "nsubjpass", N), (3, "prep", P),
         (4, "pobj", N), (7, "auxpass", "AUX"), (7, "ROOT", V), (7, "punct", X)],
        {("SDF-1", "ACTIVATES", "MSCs", False)}),
    "migration toward a molecule": (
        "[MSCs|CELL_TYPE] migrated toward [HGF|GROWTH_FACTOR] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        {("HGF", "ACTIVATES", "MSCs", False)}),
    "migration toward a place attracts nothing": (
        "[MSCs|CELL_TYPE] migrated toward the [lung|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (4, "det", D), (2, "pobj", N), (1, "punct", X)],
        {("MSCs", "MIGRATES_TO", "lung", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_sentence_with_parse(parsed_relations: Callable[..., set], marked: str,
                             rows: list[tuple[int, str, str]], expected: set) -> None:
    assert parsed_relations(marked, rows) == expected


# a conditioned medium acts for the cells that conditioned it: the cells are the subject, in the
# state "secretome" (their released products act)
MEDIUM = {
    "X-conditioned medium": (
        "[MSC|CELL_TYPE] - conditioned medium reduced [IL-6|CYTOKINE] secretion .",
        [(2, "npadvmod", N), (2, "punct", X), (3, "amod", V), (4, "nsubj", N), (4, "ROOT", V),
         (6, "compound", N), (4, "dobj", N), (4, "punct", X)],
        {("MSC", "DECREASES", "IL-6", "secretome")}),
    "conditioned medium from X": (
        "Conditioned medium from [MSCs|CELL_TYPE] suppressed [T cell proliferation|PROCESS] .",
        [(1, "amod", V), (4, "nsubj", N), (1, "prep", P), (2, "pobj", N), (4, "ROOT", V),
         (7, "compound", N), (7, "compound", N), (4, "dobj", N), (4, "punct", X)],
        {("MSCs", "INHIBITS", "T cell proliferation", "secretome")}),
    "X culture supernatants": (
        "[MSC|CELL_TYPE] culture supernatants inhibited [T cell proliferation|PROCESS] .",
        [(1, "compound", N), (2, "compound", N), (3, "nsubj", N), (3, "ROOT", V), (6, "compound", N),
         (6, "compound", N), (3, "dobj", N), (3, "punct", X)],
        {("MSC", "INHIBITS", "T cell proliferation", "secretome")}),
    "the cells themselves: no state": (
        "[MSCs|CELL_TYPE] reduced [IL-6|CYTOKINE] secretion .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "DECREASES", "IL-6", "")}),
}


@pytest.mark.parametrize("marked,rows,expected", MEDIUM.values(), ids=MEDIUM.keys())
def test_conditioned_medium_acts_for_its_cells(blank: Language, marked_doc: Callable[[str], Doc],
                                               marked: str, rows: list[tuple[int, str, str]],
                                               expected: set) -> None:
    doc = blank.get_pipe("mechmine_relations")(attach_parse(marked_doc(marked), rows))
    got = {(r.subject.text, r.predicate, r.object.text, r.subject_state) for r in doc._.relations}
    assert got == expected


# "S is associated with <det> <adj> risk of O ."
RISK = [(2, "nsubjpass", N), (2, "auxpass", "AUX"), (2, "ROOT", V), (2, "prep", P), (6, "det", D),
        (6, "amod", A), (3, "pobj", N), (6, "prep", P), (7, "pobj", N), (2, "punct", X)]
# "Low S levels were associated with an increased risk of O ."
LOW_RISK = [(3, "amod", A), (2, "compound", N), (3, "compound", N), (5, "nsubjpass", N),
            (5, "auxpass", "AUX"), (5, "ROOT", V), (5, "prep", P), (9, "det", D), (9, "amod", A),
            (6, "pobj", N), (9, "prep", P), (10, "pobj", N), (5, "punct", X)]
# "S is associated with an increased risk ( HR 1.5 ) of O ."
PAREN_RISK = [(2, "nsubjpass", N), (2, "auxpass", "AUX"), (2, "ROOT", V), (2, "prep", P), (6, "det", D),
              (6, "amod", A), (3, "pobj", N), (8, "punct", X), (6, "appos", N), (8, "nummod", "NUM"),
              (8, "punct", X), (6, "prep", P), (11, "pobj", N), (2, "punct", X)]


@pytest.mark.parametrize("marked,rows,expected", [
    # a raised risk: a risk factor (unchanged)
    ("[Caffeine|CHEMICAL] is associated with an increased risk of [asthma|DISEASE] .", RISK,
     {("Caffeine", "DRIVES", "asthma", "positive", "")}),
    # a superlative raises or lowers it too
    ("[Caffeine|CHEMICAL] is associated with the highest risk of [asthma|DISEASE] .", RISK,
     {("Caffeine", "DRIVES", "asthma", "positive", "")}),
    ("[Caffeine|CHEMICAL] is associated with the lowest risk of [asthma|DISEASE] .", RISK,
     {("Caffeine", "DECREASES", "asthma", "negative", "")}),
    # a parenthesis between the risk and its of-phrase
    ("[Caffeine|CHEMICAL] is associated with an increased risk ( HR 1.5 ) of [asthma|DISEASE] .", PAREN_RISK,
     {("Caffeine", "DRIVES", "asthma", "positive", "")}),
    # a low level of the subject with a raised risk: the subject is protective
    ("Low [vitamin D|CHEMICAL] levels were associated with an increased risk of [asthma|DISEASE] .", LOW_RISK,
     {("vitamin D", "DECREASES", "asthma", "negative", "low")}),
])
def test_risk_direction(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                        rows: list[tuple[int, str, str]], expected: set) -> None:
    doc = blank.get_pipe("mechmine_relations")(attach_parse(marked_doc(marked), rows))
    got = {(r.subject.text, r.predicate, r.object.text, r.polarity, r.subject_state) for r in doc._.relations}
    assert got == expected


@pytest.mark.parametrize("marked,expected", [
    # a level named low: the state low, the predicate turned
    ("Low [IL-10|CYTOKINE] levels increase [inflammation|PROCESS] .",
     {("IL-10", "DECREASES", "inflammation", "low")}),
    ("Lower levels of [IL-10|CYTOKINE] increase [inflammation|PROCESS] .",
     {("IL-10", "DECREASES", "inflammation", "low")}),
    # "lower" naming a place or kind, no level: no state
    ("Lower [motor neurons|CELL_TYPE] secrete [BDNF|GROWTH_FACTOR] .",
     {("motor neurons", "SECRETES", "BDNF", "")}),
    # a low concentration of a drug is its dose
    ("A low concentration of [aspirin|CHEMICAL] reduced [IL-6|CYTOKINE] .",
     {("aspirin", "DECREASES", "IL-6", "")}),
])
def test_low_level_state(relations_of: Callable[[str], list], marked: str, expected: set) -> None:
    got = {(r.subject.text, r.predicate, r.object.text, r.subject_state) for r in relations_of(marked)}
    assert got == expected


# conjpart: the second verb of a clause read as one noun phrase shares the first verb's subject
# ("MSCs reduced TGF-beta levels and attenuated fibrosis": [MSCs-reduced TGF-beta levels] and
# [attenuated fibrosis], the participles amod, "fibrosis" a conjunct of "levels")
JOINED_CONJUNCT = [(1, "npadvmod", N), (3, "amod", V), (3, "compound", N), (3, "ROOT", N), (3, "cc", C),
                   (6, "amod", V), (3, "conj", N), (3, "punct", X)]


@pytest.mark.parametrize("marked,expected", [
    ("[MSCs|CELL_TYPE] reduced [TGF-beta|CYTOKINE] levels and attenuated [fibrosis|DISEASE] .",
     {("MSCs", "DECREASES", "TGF-beta", False), ("MSCs", "DECREASES", "fibrosis", False)}),
    # the second participle is no trigger: nothing more
    ("[MSCs|CELL_TYPE] reduced [TGF-beta|CYTOKINE] levels and extensive [fibrosis|DISEASE] .",
     {("MSCs", "DECREASES", "TGF-beta", False)}),
])
def test_second_verb_of_a_noun_phrase_reading(parsed_relations: Callable[..., set], marked: str,
                                              expected: set) -> None:
    assert parsed_relations(marked, JOINED_CONJUNCT) == expected


# linkinh: "develop into" in a relative clause on the copula's noun takes the copula's subject
# (the parser reads the relative pronoun as ``dep``, so the verb has no subject of its own)
DEVELOP_RELCL = [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", "AUX"), (4, "amod", A), (2, "attr", N),
                 (7, "dep", "PRON"), (7, "aux", "AUX"), (4, "relcl", V), (7, "prep", P), (8, "pobj", N),
                 (9, "prep", P), (10, "pobj", N), (11, "punct", X), (14, "amod", A), (11, "prep", P),
                 (16, "compound", N), (14, "pobj", N), (2, "punct", X)]


def test_develop_into_in_a_relative_clause(blank: Language, marked_doc: Callable[[str], Doc]) -> None:
    doc = marked_doc("[Stem cells|CELL_TYPE] are unique cells that can develop into types of cells , such as "
                     "[blood cells|CELL_TYPE] .")
    got = {(r.subject.text, r.predicate, r.object.text, r.carried)
           for r in dep_relations(blank, doc, [DEVELOP_RELCL])}
    assert got == {("Stem cells", "DIFFERENTIATES_INTO", "blood cells", "copula")}
