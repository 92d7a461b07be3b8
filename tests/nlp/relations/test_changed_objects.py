"""Rel-obj2 constructions (issue 12), object and predicate side: a cause's object named with the
change it brought about ("X led to reduced Y": DECREASES; context cues ``changed``), feature
nouns ("X is a hallmark of D": ASSOCIATED_WITH; rule feature_noun), the further ICF body
functions and the ICF umbrella terms as outcome objects ("impair bladder control", "restore
mitochondrial health", "cause muscle weakness"), and plural amount heads ("MSC infusions").
Marked sentences of our own wording with hand-built parses (CRAFT/ClearNLP labels) through the
whole component."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.errors import MechmineError
from pipeline.nlp.parser import candidate_sentences, relation_filter
from pipeline.nlp.relations import RuleSet, load_rules
from pipeline.nlp.relations.arguments import doc_mentions
from pipeline.nlp.relations.patterns import load_patterns
from pipeline.nlp.relations.rules import TriggerIndex
from pipeline.ruledata import resource_path

N, V, A, P, D, X, AUX, ADV = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "AUX", "ADV"

CHANGED = {
    "led to reduced": (
        "[IL-10|CYTOKINE] led to reduced [inflammation|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (4, "amod", A), (2, "pobj", N), (1, "punct", X)],
        {("IL-10", "DECREASES", "inflammation", False)}),
    "contributed to increased": (
        "[TGF-beta|CYTOKINE] contributed to increased [fibrosis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (4, "amod", A), (2, "pobj", N), (1, "punct", X)],
        {("TGF-beta", "INCREASES", "fibrosis", False)}),
    "an amount head and an adverb between": (
        "[IL-4|CYTOKINE] resulted in markedly lower levels of [TNF|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (4, "advmod", ADV), (5, "amod", A), (2, "pobj", N),
         (5, "prep", P), (6, "pobj", N), (1, "punct", X)],
        {("IL-4", "DECREASES", "TNF", False)}),
    "an outcome phrase keeps its adjective": (
        "[MSCs|CELL_TYPE] led to improved balance .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (4, "amod", A), (2, "pobj", N), (1, "punct", X)],
        {("MSCs", "INCREASES", "improved balance", False)}),
    "no change named: a cause": (
        "[TGF-beta|CYTOKINE] contributed to [fibrosis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        {("TGF-beta", "DRIVES", "fibrosis", False)}),
    # a cell named with its polarization is polarized, not activated
    "promote macrophage polarization": (
        "[IL-4|CYTOKINE] promotes [macrophage|CELL_TYPE] polarization .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("IL-4", "POLARIZES", "macrophage", False)}),
    # an association states no direction, whatever the object's adjective
    "association not turned": (
        "[IL-6|CYTOKINE] was associated with reduced [fibrosis|PROCESS] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (5, "amod", A),
         (3, "pobj", N), (2, "punct", X)],
        {("IL-6", "ASSOCIATED_WITH", "fibrosis", False)}),
}

FEATURES = {
    "hallmark of a disease": (
        "[Apoptosis|PROCESS] is a hallmark of [Alzheimer disease|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (3, "det", D), (1, "attr", N), (3, "prep", P), (6, "compound", N),
         (4, "pobj", N), (1, "punct", X)],
        {("Apoptosis", "ASSOCIATED_WITH", "Alzheimer disease", False)}),
    "key feature, an adjective between": (
        "[Fibrosis|PROCESS] is a key feature of [scleroderma|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (4, "det", D), (4, "amod", A), (1, "attr", N), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        {("Fibrosis", "ASSOCIATED_WITH", "scleroderma", False)}),
    "a complication, disease to disease": (
        "[Seizures|DISEASE] are a common complication of [stroke|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (4, "det", D), (4, "amod", A), (1, "attr", N), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        {("Seizures", "ASSOCIATED_WITH", "stroke", False)}),
    "an outcome noun as the disease": (
        "[Apoptosis|PROCESS] is a hallmark of secondary injury .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (3, "det", D), (1, "attr", N), (3, "prep", P), (6, "amod", A),
         (4, "pobj", N), (1, "punct", X)],
        {("Apoptosis", "ASSOCIATED_WITH", "secondary injury", False)}),
    # a feature of a cell is no disease feature
    "no cell object": (
        "[IL-10|CYTOKINE] is a feature of [regulatory T cells|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (3, "det", D), (1, "attr", N), (3, "prep", P), (8, "amod", A),
         (8, "compound", N), (4, "pobj", N), (1, "punct", X)],
        set()),
}

OUTCOMES = {
    "impair a control function": (
        "[Sepsis|DISEASE] impairs bladder control .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("Sepsis", "DECREASES", "bladder control", False)}),
    "restore health": (
        "[MSCs|CELL_TYPE] restore mitochondrial health .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "INCREASES", "mitochondrial health", False)}),
    "cause weakness": (
        "[Stroke|DISEASE] causes muscle weakness .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("Stroke", "DRIVES", "muscle weakness", False)}),
    # a gain is improved, never treated; a deficit is treated
    "improve balance": (
        "[MSCs|CELL_TYPE] improve balance .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "INCREASES", "balance", False)}),
    "alleviate weakness": (
        "[MSCs|CELL_TYPE] alleviate muscle weakness .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "muscle weakness", False)}),
    "plural infusions as an amount head": (
        "[MSC|CELL_TYPE] infusions reduced [inflammation|PROCESS] .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)],
        {("MSC", "DECREASES", "inflammation", False)}),
}

# an of-phrase the parse hangs on the first of two coordinated nominalisations, after the second
SHARED_OF = {
    "means: contact or production of": (
        "[Macrophages|CELL_TYPE] suppress [B cells|CELL_TYPE] via contact or production of "
        "[IL-10|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "prep", P), (4, "pobj", N),
         (5, "cc", "CCONJ"), (5, "conj", N), (5, "prep", P), (8, "pobj", N), (1, "punct", X)],
        {("Macrophages", "INHIBITS", "B cells", False), ("Macrophages", "SECRETES", "IL-10", False)}),
    # the of-phrase before the trigger belongs to the first conjunct alone
    "means: of-phrase before the conjunct": (
        "[Macrophages|CELL_TYPE] act via uptake of [glucose|CHEMICAL] and release .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (3, "prep", P), (4, "pobj", N),
         (3, "cc", "CCONJ"), (3, "conj", N), (1, "punct", X)],
        set()),
    "synthesis and release of, by": (
        "The synthesis and release of [IL-6|CYTOKINE] by [macrophages|CELL_TYPE] rose .",
        [(1, "det", D), (9, "nsubj", N), (1, "cc", "CCONJ"), (1, "conj", N), (1, "prep", P), (4, "pobj", N),
         (1, "prep", P), (6, "pobj", N), (9, "ROOT", V), (9, "punct", X)],
        {("macrophages", "SECRETES", "IL-6", False)}),
}

DEVELOP = {
    "develop into a cell type": (
        "[Monocytes|CELL_TYPE] develop into [dendritic cells|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (4, "amod", A), (2, "pobj", N), (1, "punct", X)],
        {("Monocytes", "DIFFERENTIATES_INTO", "dendritic cells", False)}),
    # without "into" a disease developed is no differentiation
    "develop a disease": (
        "[Fibroblasts|CELL_TYPE] develop [fibrosis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
}

# differentiation named by a noun, and an "X-based" therapy whose agent is X
NOMINAL_DIFFERENTIATION = {
    "differentiation of X into Y": (
        "The differentiation of [monocytes|CELL_TYPE] into [osteoclasts|CELL_TYPE] needs time .",
        [(1, "det", D), (6, "nsubj", N), (1, "prep", P), (2, "pobj", N), (1, "prep", P), (4, "pobj", N),
         (6, "ROOT", V), (6, "dobj", N), (6, "punct", X)],
        {("monocytes", "DIFFERENTIATES_INTO", "osteoclasts", False)}),
    "X differentiation into Y": (
        "[Monocyte|CELL_TYPE] differentiation into [macrophages|CELL_TYPE] was slow .",
        [(1, "compound", N), (4, "nsubj", N), (1, "prep", P), (2, "pobj", N), (4, "ROOT", AUX),
         (4, "acomp", A), (4, "punct", X)],
        {("Monocyte", "DIFFERENTIATES_INTO", "macrophages", False)}),
    "Y generation from X": (
        "[Osteoclast|CELL_TYPE] generation from [monocytes|CELL_TYPE] was slow .",
        [(1, "compound", N), (4, "nsubj", N), (1, "prep", P), (2, "pobj", N), (4, "ROOT", AUX),
         (4, "acomp", A), (4, "punct", X)],
        {("monocytes", "DIFFERENTIATES_INTO", "Osteoclast", False)}),
    # a molecule generated by cells is no differentiation
    "generation of a molecule": (
        "The generation of [ROS|CHEMICAL] by [neutrophils|CELL_TYPE] was slow .",
        [(1, "det", D), (6, "nsubj", N), (1, "prep", P), (2, "pobj", N), (1, "prep", P), (4, "pobj", N),
         (6, "ROOT", AUX), (6, "acomp", A), (6, "punct", X)],
        set()),
    "X-based therapies as treatments for D": (
        "Trials establish [MSC|CELL_TYPE] - based therapies as treatments for [IPF|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "npadvmod", N), (4, "punct", X), (5, "amod", V), (1, "dobj", N),
         (1, "prep", P), (6, "pobj", N), (7, "prep", P), (8, "pobj", N), (1, "punct", X)],
        {("MSC", "TREATS", "IPF", False)}),
}

# vesicles named by the cells they come from (rule and pattern vesicles_from)
VESICLES_FROM = {
    "exosomes from cells": (
        "[Exosomes|ANATOMY] from [adipocytes|CELL_TYPE] reach the [liver|ANATOMY] .",
        [(3, "nsubj", N), (0, "prep", P), (1, "pobj", N), (3, "ROOT", V), (5, "det", D), (3, "dobj", N),
         (3, "punct", X)],
        {("adipocytes", "SECRETES", "Exosomes", False)}),
    # cells from a donor, a cytokine from cells: no secretion read from a bare "from"
    "cells from cells": (
        "[T cells|CELL_TYPE] from [donors|CELL_TYPE] reach the [liver|ANATOMY] .",
        [(1, "compound", N), (4, "nsubj", N), (1, "prep", P), (2, "pobj", N), (4, "ROOT", V), (6, "det", D),
         (4, "dobj", N), (4, "punct", X)],
        set()),
    "a cytokine from cells": (
        "[IL-10|CYTOKINE] from [Tregs|CELL_TYPE] reaches the [liver|ANATOMY] .",
        [(3, "nsubj", N), (0, "prep", P), (1, "pobj", N), (3, "ROOT", V), (5, "det", D), (3, "dobj", N),
         (3, "punct", X)],
        set()),
}

# a harm named with its cause behind "from" (rule harm_from); passing into a place (rule cross)
FROM_AND_CROSS = {
    "damage from a process": (
        "[Neurons|CELL_TYPE] suffer damage from [inflammation|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "prep", P), (3, "pobj", N), (1, "punct", X)],
        {("inflammation", "DRIVES", "damage", False)}),
    "recovery from a disease is no harm": (
        "[Mice|CELL_TYPE] showed recovery from [colitis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "prep", P), (3, "pobj", N), (1, "punct", X)],
        set()),
    "cross into a place": (
        "[Monocytes|CELL_TYPE] cross into the injured tissue .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (5, "det", D), (5, "amod", A), (2, "pobj", N),
         (1, "punct", X)],
        {("Monocytes", "MIGRATES_TO", "injured tissue", False)}),
    "cross a barrier": (
        "[Exosomes|ANATOMY] cross the [blood-brain barrier|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("Exosomes", "MIGRATES_TO", "blood-brain barrier", False)}),
    # a molecule crosses nothing as a migrating cell does
    "no molecule subject": (
        "[IL-6|CYTOKINE] crosses the [placenta|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (1, "punct", X)],
        set()),
}

# what a disease involves, is characterized by, or is named with in a reduced relative
DISEASE_FEATURES = {
    "a disease involves a process": (
        "[Sepsis|DISEASE] involves widespread [inflammation|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "punct", X)],
        {("Sepsis", "ASSOCIATED_WITH", "inflammation", False)}),
    # "include" after a disease names its kinds, not its features
    "a disease class includes a disease": (
        "[Autoimmune diseases|DISEASE] include [lupus|DISEASE] .",
        [(1, "amod", A), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)],
        set()),
    "characterized by": (
        "[Gout|DISEASE] is characterized by [arthritis|DISEASE] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "agent", P), (3, "pobj", N),
         (2, "punct", X)],
        {("Gout", "ASSOCIATED_WITH", "arthritis", False)}),
    "a symptom associated with its disease": (
        "[MSCs|CELL_TYPE] reduce the [fatigue|DISEASE] associated with [lupus|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "acl", V), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        {("MSCs", "DECREASES", "fatigue", False), ("lupus", "ASSOCIATED_WITH", "fatigue", False)}),
    "related to names a topic": (
        "[MSCs|CELL_TYPE] reduce symptoms related to [pain|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "acl", V), (3, "prep", P), (4, "pobj", N),
         (1, "punct", X)],
        {("MSCs", "DECREASES", "symptoms", False)}),
    # a molecule associated with a disease is rule associate's, not this one's
    "a gene associated with a disease": (
        "[Mice|CELL_TYPE] lacking [IL13|CYTOKINE] associated with [asthma|DISEASE] live .",
        [(6, "nsubj", N), (0, "acl", V), (1, "dobj", N), (2, "acl", V), (3, "prep", P), (4, "pobj", N),
         (6, "ROOT", V), (6, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", DISEASE_FEATURES.values(), ids=DISEASE_FEATURES.keys())
def test_disease_features(parsed_relations: Callable[..., set], marked: str,
                          rows: list[tuple[int, str, str]],
                          expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked,rows,expected", FROM_AND_CROSS.values(), ids=FROM_AND_CROSS.keys())
def test_harm_from_and_cross(parsed_relations: Callable[..., set], marked: str,
                             rows: list[tuple[int, str, str]],
                             expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked,rows,expected", VESICLES_FROM.values(), ids=VESICLES_FROM.keys())
def test_vesicles_from(parsed_relations: Callable[..., set], marked: str,
                       rows: list[tuple[int, str, str]], expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked,rows,expected", NOMINAL_DIFFERENTIATION.values(),
                         ids=NOMINAL_DIFFERENTIATION.keys())
def test_nominal_differentiation(parsed_relations: Callable[..., set], marked: str,
                                 rows: list[tuple[int, str, str]],
                                 expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked,rows,expected", SHARED_OF.values(), ids=SHARED_OF.keys())
def test_shared_of_phrase(parsed_relations: Callable[..., set], marked: str,
                          rows: list[tuple[int, str, str]],
                          expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked,rows,expected", DEVELOP.values(), ids=DEVELOP.keys())
def test_develop_into(parsed_relations: Callable[..., set], marked: str,
                      rows: list[tuple[int, str, str]], expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked,rows,expected", CHANGED.values(), ids=CHANGED.keys())
def test_changed_objects(parsed_relations: Callable[..., set], marked: str,
                         rows: list[tuple[int, str, str]], expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked,rows,expected", FEATURES.values(), ids=FEATURES.keys())
def test_feature_nouns(parsed_relations: Callable[..., set], marked: str,
                       rows: list[tuple[int, str, str]], expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked,rows,expected", OUTCOMES.values(), ids=OUTCOMES.keys())
def test_icf_outcome_objects(parsed_relations: Callable[..., set], marked: str,
                             rows: list[tuple[int, str, str]],
                             expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


def test_state_before_polarization_is_not_polarized(parsed_relations: Callable[..., set]) -> None:
    """In "M2 polarization of macrophages" the word before "polarization" is the state: no
    POLARIZES row for it."""
    found = parsed_relations(
        "[IL-4|CYTOKINE] promotes [M2|CELL_TYPE] polarization of [macrophages|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (3, "prep", P), (4, "pobj", N),
         (1, "punct", X)])
    assert found and not any(p == "POLARIZES" and o == "M2" for _, p, o, _ in found)


def test_changed_cues_validated(tmp_path: Path) -> None:
    """A ``changed`` entry with an unknown key is rejected on load."""
    text = resource_path("context_cues.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "cues.yaml"
    bad.write_text(text.replace("changed:\n  - before:", "changed:\n  - during: x\n    before:", 1),
                   encoding="utf-8")
    with pytest.raises(MechmineError):
        load_rules(cues_path=bad)


# the candidate filter parses "damage from X" (0) but not "recovery from X" (4): an outcome noun
# counts as an object of a rule with object_only only when the rule's object_only takes it
FROM_ROWS = [("damage", "O"), ("from", "O"), ("inflammation", "B-PROCESS"), (".", "O"),
             ("recovery", "O"), ("from", "O"), ("sepsis", "B-DISEASE"), (".", "O")]


def test_candidate_filter_reads_object_only_on_outcome_nouns(rules: RuleSet) -> None:
    nlp = spacy.blank("en")
    words = [w for w, _ in FROM_ROWS]
    doc = Doc(nlp.vocab, words=words, ents=[e for _, e in FROM_ROWS],
              sent_starts=[k == 0 or words[k - 1] == "." for k in range(len(words))])
    patterns = load_patterns()
    could = relation_filter(rules, TriggerIndex(rules), patterns.outcomes, patterns=patterns)
    assert candidate_sentences(doc, could, doc_mentions(doc, rules)) == [(0, 4)]
