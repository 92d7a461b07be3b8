"""Negation, hedging, evidence level, risk and statement context, subject state, anaphora."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.nlp.relations.context import (
    DocumentEvidence,
    anaphora,
    document_evidence,
    is_hedged,
    is_negated,
    masked,
    names_risk,
    relation_evidence,
    sentence_evidence,
    statement_context,
)
from pipeline.nlp.relations.rules import RuleSet
from pipeline.nlp.relations.types import Mention


@pytest.mark.parametrize(
    ("text", "negated"),
    [("IL-10 suppresses", False), ("IL-10 did not suppress", True), ("IL-10 cannot suppress", True),
     ("IL-10 not only suppresses", False), ("IL-10 failed to suppress", True),
     ("IL-10 rarely suppresses", True), ("IL-10 seldom suppresses", True),
     ("IL-10 barely suppresses", True), ("IL-10 hardly suppresses", True)],
)
def test_negation(rules: RuleSet, text: str, negated: bool) -> None:
    assert is_negated(rules.cues, text) is negated


@pytest.mark.parametrize(("text", "hedged"), [("X may bind Y.", True), ("X binds Y.", False),
                                              ("X is a putative target.", True),
                                              # an open question, a conditional's antecedent
                                              ("Children are followed to see if X improves Y.", True),
                                              ("We asked whether X reduces Y.", True),
                                              ("If X damages Y, Z follows.", True),
                                              ("X binds Y if Z is present.", False),
                                              ("X, which modifies Y, binds Z.", False)])
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
    ("kind", "sentences", "expected"),
    [("review_summary", ["In mice, X binds Y."], DocumentEvidence("review")),
     ("review", [], DocumentEvidence("review")),
     # a review's own wording makes an unknown document or an abstract a review
     ("document", ["In this review we discuss X.", "In mice, X binds Y."], DocumentEvidence("review")),
     ("abstract", ["Here, we summarize how X binds Y."], DocumentEvidence("review")),
     # a design sentence's level wins over a level named in the background
     ("abstract", ["Patients with Z lack X.", "In this study, X was added to cultured cells."],
      DocumentEvidence("primary", "in_vitro")),
     # design sentences naming two levels: the first in file order
     ("research_article", ["Mice were injected with X.", "We cultured cells from patients."],
      DocumentEvidence("primary", "clinical")),
     # no design sentence names a level: the first level anywhere
     ("abstract", ["X binds Y.", "Rats lack X."], DocumentEvidence("primary", "animal")),
     ("abstract", ["X binds Y."], DocumentEvidence("primary", "")),
     ("", ["In mice, X binds Y."], DocumentEvidence("primary", "animal")),
     ("web_page", ["In this review, patients love X."], DocumentEvidence("other")),
     ("news", ["Rats were given X."], DocumentEvidence("other"))],
)
def test_document_evidence(rules: RuleSet, kind: str, sentences: list[str],
                           expected: DocumentEvidence) -> None:
    assert document_evidence(rules.cues, kind, sentences) == expected


@pytest.mark.parametrize(
    ("document", "sentence", "level"),
    [(DocumentEvidence("review"), "In mice, X binds Y.", "review"),
     (DocumentEvidence("primary", "in_vitro"), "X binds Y in patients.", "in_vitro"),  # not its design
     (DocumentEvidence("primary", "in_vitro"), "We then treated mice with X.", "animal"),  # names it
     (DocumentEvidence("primary", ""), "X binds Y.", "unspecified"),
     (DocumentEvidence("other"), "Our patients feel better with X.", "unspecified"),
     (DocumentEvidence("other"), "A study published in 2019 found X helps patients.", "clinical"),
     (DocumentEvidence("other"), "A study found X binds Y.", "unspecified")],
)
def test_relation_evidence(rules: RuleSet, document: DocumentEvidence, sentence: str, level: str) -> None:
    assert relation_evidence(rules.cues, document, sentence) == level


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [("GDNF cell line factor", [(5, 14)], "GDNF           factor"), ("abc", [], "abc"),
     ("xx abc", [(0, 2), (5, 9)], "   ab "), ],
)
def test_masked(text: str, spans: list[tuple[int, int]], expected: str) -> None:
    assert masked(text, spans) == expected


def test_masked_with_an_offset() -> None:
    # the text starts at document offset 10; the span covers its characters 2..5
    assert masked("xcell lines", [(12, 16), (0, 3)], offset=10) == "xc    lines"


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
        # relprec: the lost gene's place or kind between the cue and the gene
        ("Deletion of endothelial cell - specific [STAT3|GENE_OR_PROTEIN] reduced [IL-6|CYTOKINE]"
         " expression .", "loss", "positive"),
        ("Knockdown of endogenous [STAT3|GENE_OR_PROTEIN] reduced [IL-6|CYTOKINE] expression .", "loss",
         "positive"),
        # another noun between is no modifier of the lost gene
        ("Deletion of cells and [STAT3|GENE_OR_PROTEIN] reduced [IL-6|CYTOKINE] expression .", "",
         "negative"),
    ],
)
def test_subject_state(relations_of: Callable[[str], list], marked: str, state: str, polarity: str) -> None:
    assert [(r.subject.text, r.subject_state, r.polarity) for r in relations_of(marked)] == [
        ("STAT3", state, polarity)]


@pytest.mark.parametrize(
    ("text", "risk"),
    [("Possible risks include tumour formation and unwanted vessel growth.", True),
     ("Side effects such as fever were seen after X.", True),
     ("X may cause tumorigenicity.", True),
     ("The theoretical risk of promoting tumor growth remains.", True),
     # a risk avoided or absent
     ("X gave minimal side effects.", False),
     ("Vesicles may help while minimizing risks of cell grafts.", False),
     ("We found no evidence of tumor formation.", False),
     ("X lowers the risk of complications.", False),
     # rel-polarity: a lowered risk with a word between, the risk a signed association names
     ("X was associated with a lower relative risk of Y.", False),
     ("X was associated with a reduced Y risk.", False),
     ("X was inversely associated with the risk of Y.", False),
     ("X is linked to a lower likelihood of developing Y.", False),
     # a disease's risk is no treatment risk
     ("Smoking raises the risk of developing Y.", False),
     ("Age is a risk factor for Y.", False),
     # a raised risk of a named harm of the treatment stays a risk
     ("X therapy carries an increased tumor risk.", True),
     ("X reduces harmful immune activity.", False),
     ("X binds Y.", False)],
)
def test_names_risk(rules: RuleSet, text: str, risk: bool) -> None:
    assert names_risk(rules.cues, text) is risk


@pytest.mark.parametrize(
    ("text", "classes", "context"),
    [("Potential risks include unwanted growth of MSCs.", ("CELL_TYPE",), "risk"),
     ("MSC therapy reduces X.", ("CELL_TYPE",), "therapeutic"),
     ("MSC therapy reduces X with minimal side effects.", ("CELL_TYPE",), "therapeutic"),
     ("Y increases the risk of developing Z.", ("DISEASE",), "pathology"),
     ("Oxidative stress increases risk.", ("PROCESS",), "pathology"),
     ("X binds Y.", ("GENE_OR_PROTEIN",), "")],
)
def test_statement_context(rules: RuleSet, text: str, classes: tuple[str, ...], context: str) -> None:
    subject = Mention(0, 1, 0, 1, "X", classes[0], classes, "")
    assert statement_context(rules.cues, text, subject) == context


@pytest.mark.parametrize(
    ("text", "names", "obj_classes", "polarity", "context"),
    [  # the subject's own words (an abbreviation's long form) name the therapy: no cue in the sentence
     ("MMVs restore the barrier of the gut.", "MMVs mesenchymal stem cell-derived microvesicles",
      ("PROCESS",), "positive", "therapeutic"),
     ("MMVs restore the barrier of the gut.", "MMVs", ("PROCESS",), "positive", ""),
     # a positive relation that ends in a disease is a pathology statement
     ("COPD results from chronic inflammation.", "chronic inflammation", ("DISEASE",), "positive",
      "pathology"),
     ("Smoke exposure drives COPD.", "Smoke", ("DISEASE",), "positive", "pathology"),
     # ... not a negative one ("X reduces D" is a treatment when a therapy does it)
     ("Exercise reduces COPD exacerbations.", "Exercise", ("DISEASE",), "negative", ""),
     # the therapy subject goes first: "MSCs drive remission of D" reads as a therapeutic statement
     ("MSC infusion drives COPD remission.", "MSC infusion", ("DISEASE",), "positive", "therapeutic"),
     # a risk cue stays first
     ("MMVs carry a risk of thrombosis.", "MMVs mesenchymal stem cell-derived microvesicles",
      ("DISEASE",), "positive", "risk")],
)
def test_statement_context_from_the_arguments(rules: RuleSet, text: str, names: str,
                                              obj_classes: tuple[str, ...], polarity: str,
                                              context: str) -> None:
    subject = Mention(0, 1, 0, 1, names.split()[0], "ANATOMY", ("ANATOMY",), "")
    obj = Mention(2, 3, 10, 14, "Y", obj_classes[0], obj_classes, "")
    assert statement_context(rules.cues, text, subject, names, obj, polarity) == context
