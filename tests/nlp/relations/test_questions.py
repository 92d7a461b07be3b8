"""Open questions and study aims (relprec, issue 12): a relation stated inside one is no finding
and is dropped; a nominal "X-induced Y" inside either is presupposed and stays, as does any
nominal an aim names ("to examine the inhibition of X by Y"); a sentence that reports a finding
after the question keeps its relations."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.nlp.relations.context import in_question
from pipeline.nlp.relations.rules import RuleSet

CASES = {
    "a plain finding": ("[Aspirin|CHEMICAL] reduces [IL-6|CYTOKINE] .", {("Aspirin", "DECREASES", "IL-6")}),
    "we examined whether": ("We examined whether [aspirin|CHEMICAL] reduces [IL-6|CYTOKINE] .", set()),
    "whether ... is unknown": ("Whether [aspirin|CHEMICAL] reduces [IL-6|CYTOKINE] is unknown .", set()),
    "the aim was to test if": (
        "The aim of this study was to test if [aspirin|CHEMICAL] reduces [IL-6|CYTOKINE] .", set()),
    "the purpose is to test": (
        "The purpose of the study is to test how [aspirin|CHEMICAL] reduces [IL-6|CYTOKINE] .", set()),
    "we investigated its ability to": (
        "We investigated its ability to activate [IDO|GENE_OR_PROTEIN] .", set()),
    "a finding reported after the question": (
        "We asked whether it works , and found that [aspirin|CHEMICAL] reduces [IL-6|CYTOKINE] .",
        {("aspirin", "DECREASES", "IL-6")}),
    "a finding before the question": (
        "[Tat|GENE_OR_PROTEIN] activates [IDO|GENE_OR_PROTEIN] , and we investigated whether"
        " [Tat|GENE_OR_PROTEIN] activates [p38|GENE_OR_PROTEIN] .",
        {("Tat", "ACTIVATES", "IDO")}),
    "a nominal named by an aim is presupposed": (
        "The aim of this study was to examine the inhibition of [IL-6|CYTOKINE] by [aspirin|CHEMICAL] .",
        {("aspirin", "INHIBITS", "IL-6")}),
    "a nominal inside a question is asked": (
        "We examined whether the inhibition of [IL-6|CYTOKINE] by [aspirin|CHEMICAL] occurs .", set()),
    "a clause an aim asks about": (
        "To determine how [aspirin|CHEMICAL] reduces [IL-6|CYTOKINE] , cells were cultured .", set()),
    "a hypothesis the sentence answers": (
        "To test the hypothesis that [estrogen|CHEMICAL] increases [PRL-R|GENE_OR_PROTEIN] , we demonstrated"
        " that [estradiol|CHEMICAL] increases [STAT5|GENE_OR_PROTEIN] .",
        {("estrogen", "INCREASES", "PRL-R"), ("estradiol", "INCREASES", "STAT5")}),
    "a hyphenated inducer inside an aim is presupposed": (
        "To explore the mechanism of [LPS|CHEMICAL] - induced [IL-6|CYTOKINE] expression , cells were"
        " cultured .",
        {("LPS", "DRIVES", "IL-6")}),
}


@pytest.mark.parametrize(("marked", "expected"), CASES.values(), ids=CASES.keys())
def test_questions_state_no_finding(relations_of: Callable[[str], list], marked: str,
                                    expected: set[tuple[str, str, str]]) -> None:
    assert {(r.subject.text, r.predicate, r.object.text) for r in relations_of(marked)} == expected


@pytest.mark.parametrize(
    ("words", "trigger", "expected"),
    [("we examined whether x reduces y", 4, "question"),
     ("x reduces y", 1, ""),
     ("we sought to test if x reduces y", 6, "question"),
     ("the goal of this study was to see how x reduces y", 10, "aim"),
     ("these therapies aim to protect y", 4, ""),
     ("we asked whether x works ; x reduces y", 7, ""),
     # the cue comes after the trigger: the finding stands
     ("x reduces y , but whether z does is unknown", 1, "")],
)
def test_in_question(rules: RuleSet, words: str, trigger: int, expected: str) -> None:
    assert in_question(rules.cues, trigger, words.split(), 0) == expected
