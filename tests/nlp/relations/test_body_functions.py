"""Rel-sample block (issue 12): clinical prose on injuries and body functions. "affect / impact"
(an association on tissues, processes and functions), "interfere with" (an inhibition),
"maintain" (protection), and body-function nouns of the WHO ICF as OUTCOME objects. Marked
sentences with hand-built parses (CRAFT/ClearNLP labels) through the whole component."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.nlp.parser import candidate_sentences, relation_filter
from pipeline.nlp.relations.arguments import doc_mentions
from pipeline.nlp.relations.patterns import load_patterns
from pipeline.nlp.relations.rules import RuleSet, TriggerIndex

N, V, A, P, D, X, C, PR, AUX = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "CCONJ", "PRON", "AUX"

CASES = {
    "injury affects a function noun": (
        "[Stroke|DISEASE] affects mobility .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("Stroke", "ASSOCIATED_WITH", "mobility", False)}),
    "injury impacts a body part": (
        "[Sepsis|DISEASE] impacts the [kidney|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (1, "punct", X)],
        {("Sepsis", "ASSOCIATED_WITH", "kidney", False)}),
    "negated affect": (
        "[IL-10|CYTOKINE] did not affect [apoptosis|PROCESS] .",
        [(3, "nsubj", N), (3, "aux", AUX), (3, "neg", "PART"), (3, "ROOT", V), (3, "dobj", N),
         (3, "punct", X)],
        {("IL-10", "ASSOCIATED_WITH", "apoptosis", True)}),
    # a molecule or a disease affected says nothing a mechanism can use
    "no protein object for affect": (
        "[IL-10|CYTOKINE] affects [STAT3|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
    "no disease object for affect": (
        "[Obesity|DISEASE] affects [asthma|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
    "interfere with": (
        "[Fibrosis|PROCESS] interferes with breathing .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        {("Fibrosis", "INHIBITS", "breathing", False)}),
    # "interfere" without "with" reads nothing
    "interfere without with": (
        "[Fibrosis|PROCESS] interferes in [lung|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        set()),
    "maintain an outcome noun": (
        "[KGF|GROWTH_FACTOR] maintains barrier integrity .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("KGF", "PROTECTS", "barrier integrity", False)}),
    "maintain a cell population": (
        "[MSCs|CELL_TYPE] maintain [neurons|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "PROTECTS", "neurons", False)}),
    "maintain no protein": (
        "[MSCs|CELL_TYPE] maintain [Oct4|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
    # ICF body functions: a gain is improved (INCREASES, never TREATS), a deficit prevented
    "improve a body function": (
        "[Exercise|PROCESS] and [MSCs|CELL_TYPE] improve coordination .",
        [(3, "nsubj", N), (0, "cc", C), (0, "conj", N), (3, "ROOT", V), (3, "dobj", N), (3, "punct", X)],
        {("MSCs", "INCREASES", "coordination", False)}),
    "improve circulation": (
        "[MSCs|CELL_TYPE] improve circulation .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "INCREASES", "circulation", False)}),
    "prevent stiffness": (
        "[MSCs|CELL_TYPE] prevent muscle stiffness .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "INHIBITS", "muscle stiffness", False)}),
    "no outcome for a word off the list": (
        "[MSCs|CELL_TYPE] improve weather .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_body_function_constructions(parsed_relations: Callable[..., set], marked: str,
                                     rows: list[tuple[int, str, str]],
                                     expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


def doc_of(rows: list[tuple[str, str]]) -> Doc:
    nlp = spacy.blank("en")
    words = [w for w, _ in rows]
    starts = [k == 0 or words[k - 1] == "." for k in range(len(words))]
    return Doc(nlp.vocab, words=words, ents=[e for _, e in rows], sent_starts=starts)


# the candidate filter parses a sentence whose object is a body-function noun of an affect or
# improve rule (0, 4) and not one whose noun is off the list (8)
FILTER_ROWS = [("Stroke", "B-DISEASE"), ("affects", "O"), ("posture", "O"), (".", "O"),
               ("MSCs", "B-CELL_TYPE"), ("improve", "O"), ("breathing", "O"), (".", "O"),
               ("MSCs", "B-CELL_TYPE"), ("improve", "O"), ("weather", "O"), (".", "O")]


def test_candidate_filter_takes_body_function_objects(rules: RuleSet) -> None:
    doc = doc_of(FILTER_ROWS)
    could = relation_filter(rules, TriggerIndex(rules), load_patterns().outcomes)
    assert candidate_sentences(doc, could, doc_mentions(doc, rules)) == [(0, 4), (4, 8)]
