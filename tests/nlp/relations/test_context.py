"""Negation, hedging, evidence level (sentence and article), subject state, anaphora."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.nlp.relations.context import (
    anaphora,
    article_evidence,
    is_hedged,
    is_negated,
    sentence_evidence,
)
from pipeline.nlp.relations.rules import RuleSet


@pytest.mark.parametrize(
    ("text", "negated"),
    [("IL-10 suppresses", False), ("IL-10 did not suppress", True), ("IL-10 cannot suppress", True),
     ("IL-10 not only suppresses", False), ("IL-10 failed to suppress", True)],
)
def test_negation(rules: RuleSet, text: str, negated: bool) -> None:
    assert is_negated(rules.cues, text) is negated


@pytest.mark.parametrize(("text", "hedged"), [("X may bind Y.", True), ("X binds Y.", False),
                                              ("X is a putative target.", True)])
def test_hedge(rules: RuleSet, text: str, hedged: bool) -> None:
    assert is_hedged(rules.cues, text) is hedged


@pytest.mark.parametrize(
    ("text", "level"),
    [("In mice, X binds Y.", "animal"), ("Patients given X in mice", "clinical"),  # file order wins
     ("Cultured cells bound X.", "in_vitro"), ("X binds Y.", "")],
)
def test_sentence_evidence(rules: RuleSet, text: str, level: str) -> None:
    assert sentence_evidence(rules.cues, text) == level


@pytest.mark.parametrize(
    ("kind", "text", "level"),
    [("review_summary", "In mice, X binds Y.", "review"), ("abstract", "Rats were given X.", "animal"),
     ("document", "X binds Y.", "unspecified"), ("web_page", "Our patients love X.", "unspecified"),
     ("", "In mice, X binds Y.", "unspecified"), ("abstract", "", "unspecified"),
     ("review", "In mice, X binds Y.", "review"), ("research_article", "Rats were given X.", "animal"),
     ("news", "Rats were given X.", "unspecified")],
)
def test_article_evidence(rules: RuleSet, kind: str, text: str, level: str) -> None:
    assert article_evidence(rules.cues, kind, text) == level


@pytest.mark.parametrize(
    ("words", "expected"),
    [(["they", "release"], (True, False)), (["these", "cells", "release"], (True, False)),
     (["these", "molecules", "bind"], (True, True)), (["the", "mice"], (False, False)), ([], (False, False))],
)
def test_anaphora(rules: RuleSet, words: list[str], expected: tuple[bool, bool]) -> None:
    assert anaphora(rules.cues, words) == expected


@pytest.mark.parametrize(
    ("marked", "negated", "hedged"),
    [
        ("[IL-10|CYTOKINE] suppresses [T cells|CELL_TYPE] .", False, False),
        ("[IL-10|CYTOKINE] did not suppress [T cells|CELL_TYPE] .", True, False),
        ("[IL-10|CYTOKINE] may suppress [T cells|CELL_TYPE] .", False, True),
        ("[IL-10|CYTOKINE] not only suppresses [T cells|CELL_TYPE] but also protects [neurons|CELL_TYPE] .",
         False, False),
        # the negation scope of an active form starts after its subject
        ("No doubt , not [IL-10|CYTOKINE] but [IL-4|CYTOKINE] suppresses [T cells|CELL_TYPE] .",
         False, False),
    ],
)
def test_context_on_relations(relations_of: Callable[[str], list], marked: str, negated: bool,
                              hedged: bool) -> None:
    rels = [r for r in relations_of(marked) if r.object.text == "T cells"]
    assert [(r.negated, r.hedged) for r in rels] == [(negated, hedged)]


@pytest.mark.parametrize(
    ("marked", "state", "polarity"),
    [
        ("[STAT3|GENE_OR_PROTEIN] reduced [IL-6|CYTOKINE] expression .", "", "negative"),
        ("Knockdown of [STAT3|GENE_OR_PROTEIN] reduced [IL-6|CYTOKINE] expression .", "loss", "positive"),
        ("[STAT3|GENE_OR_PROTEIN] siRNA reduced [IL-6|CYTOKINE] expression .", "loss", "positive"),
        ("Mutations in [STAT3|GENE_OR_PROTEIN] reduced [IL-6|CYTOKINE] expression .", "variant", "neutral"),
    ],
)
def test_subject_state(relations_of: Callable[[str], list], marked: str, state: str, polarity: str) -> None:
    assert [(r.subject.text, r.subject_state, r.polarity) for r in relations_of(marked)] == [
        ("STAT3", state, polarity)]
