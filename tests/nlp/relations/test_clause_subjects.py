"""Subjects carried through clause structure (issue 12): control and raising ("X is able to V",
"X is known to V", "X has the potential to V"), gerunds of means ("X helps by V-ing Y"),
coordinated verbs the parse hangs on a verb of reporting, a relative clause after a list and
on generic cargo ("EVs carry molecules that reduce X"). Hand-built parses (CRAFT/ClearNLP labels):
:func:`inherited_subject` on its own, then whole sentences through the component."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.nlp.relations.clauses import inherited_subject
from tests.nlp.relations.conftest import attach_parse

N, V, A, P, D, X, C, PR, AUX = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "CCONJ", "PRON", "AUX"
PART, PN = "PART", "PROPN"

VOCAB = spacy.blank("en").vocab


def parse(words: str, rows: list[tuple[int, str, str]]) -> Doc:
    heads, deps, pos = (list(x) for x in zip(*rows, strict=True))
    return Doc(VOCAB, words=words.split(), heads=heads, deps=deps, pos=pos)


# (words, parse rows, index of the verb, its inherited subject's text or None, the link)
INHERITED = {
    "X is able to V": (
        "Fibroblasts are able to secrete collagen .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (1, "acomp", A), (4, "aux", PART), (2, "xcomp", V),
         (4, "dobj", N), (1, "punct", X)],
        4, "Fibroblasts", "xcomp"),
    # an adjective of evaluation with an expletive subject passes nothing down
    "it is important to V: no control": (
        "It is important to secrete collagen .",
        [(1, "nsubj", PR), (1, "ROOT", AUX), (1, "acomp", A), (4, "aux", PART), (2, "xcomp", V),
         (4, "dobj", N), (1, "punct", X)],
        4, None, ""),
    "X is known to V (raising from a passive)": (
        "Platelets are known to release serotonin .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (4, "aux", PART), (2, "xcomp", V),
         (4, "dobj", N), (2, "punct", X)],
        4, "Platelets", "xcomp"),
    # coordinated verbs share their subject, a passive one too ("Eomes is induced later and
    # sustains IFN-gamma expression"; rel-biored, issue 12: GE train R 0.426 -> 0.440, P 0.727 -> 0.739)
    "passive subject, coordinated verb: carried": (
        "Platelets were activated and release serotonin .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "cc", C), (2, "conj", V),
         (4, "dobj", N), (2, "punct", X)],
        4, "Platelets", "conj"),
    # ... but a coordinated verb with its own subject keeps it
    "passive subject, coordinated verb with its own subject": (
        "Platelets were activated and monocytes release serotonin .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "cc", C), (5, "nsubj", N),
         (2, "conj", V), (5, "dobj", N), (2, "punct", X)],
        5, "monocytes", ""),
    "X has the capacity to V": (
        "Neutrophils have the capacity to release elastase .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (5, "aux", PART), (3, "acl", V),
         (5, "dobj", N), (1, "punct", X)],
        5, "Neutrophils", "xcomp"),
    "studied for their ability to V": (
        "Neutrophils are studied for their ability to release elastase .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (5, "poss", PR),
         (3, "pobj", N), (7, "aux", PART), (5, "acl", V), (7, "dobj", N), (2, "punct", X)],
        7, "Neutrophils", "xcomp"),
    "the owner named: the cells' ability to V": (
        "We tested the neutrophils ' ability to release elastase .",
        [(1, "nsubj", PR), (1, "ROOT", V), (3, "det", D), (5, "poss", N), (3, "case", PART), (1, "dobj", N),
         (7, "aux", PART), (5, "acl", V), (7, "dobj", N), (1, "punct", X)],
        7, "neutrophils", "xcomp"),
    # a noun that is no ability: the clause speaks of the noun itself
    "a plan to V: the noun's own clause": (
        "Neutrophils have a plan to release elastase .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (5, "aux", PART), (3, "acl", V),
         (5, "dobj", N), (1, "punct", X)],
        5, "plan", "acl"),
    # "Data show that IL-4 lowers IgE , raises IgG and blocks Th1" with the later verbs hung on "show"
    "verb of the that-clause hung on the reporting verb": (
        "Data show that IL-4 lowers IgE , raises IgG and blocks Th1 .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "mark", P), (4, "nsubj", N), (1, "ccomp", V), (4, "dobj", N),
         (7, "punct", X), (1, "ccomp", V), (7, "dobj", N), (7, "cc", C), (7, "conj", V), (10, "dobj", N),
         (1, "punct", X)],
        7, "IL-4", "conj"),
    "its later conjunct too": (
        "Data show that IL-4 lowers IgE , raises IgG and blocks Th1 .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "mark", P), (4, "nsubj", N), (1, "ccomp", V), (4, "dobj", N),
         (7, "punct", X), (1, "ccomp", V), (7, "dobj", N), (7, "cc", C), (7, "conj", V), (10, "dobj", N),
         (1, "punct", X)],
        10, "IL-4", "conj"),
    "a conjunct with its own subject keeps it": (
        "Data show that IL-4 lowers IgE and IL-13 raises IgG .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "mark", P), (4, "nsubj", N), (1, "ccomp", V), (4, "dobj", N),
         (1, "cc", C), (8, "nsubj", N), (1, "conj", V), (8, "dobj", N), (1, "punct", X)],
        8, "IL-13", ""),
    "a verb that reports nothing: its own subject": (
        "Authors said that IL-4 lowers IgE , and treated mice .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "mark", P), (4, "nsubj", N), (1, "ccomp", V), (4, "dobj", N),
         (1, "punct", X), (1, "cc", C), (1, "conj", V), (8, "dobj", N), (1, "punct", X)],
        8, "Authors", "conj"),
    "coordinated verbs: the first verb's subject": (
        "Macrophages engulf debris and also release IL-1 .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "cc", C), (5, "advmod", "ADV"), (1, "conj", V),
         (5, "dobj", N), (1, "punct", X)],
        5, "Macrophages", "conj"),
    "X helps by V-ing Y": (
        "Platelets help by releasing serotonin .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pcomp", V), (3, "dobj", N), (1, "punct", X)],
        3, "Platelets", "pcomp"),
    "X V1 Y through V2-ing Z": (
        "Platelets seal wounds through releasing thrombin .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "prep", P), (3, "pcomp", V), (4, "dobj", N),
         (1, "punct", X)],
        4, "Platelets", "pcomp"),
    # relevent: a verb of aim's on-gerund is its subject's doing
    "X focuses on V-ing Y": (
        "Drugs focus on releasing serotonin .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pcomp", V), (3, "dobj", N), (1, "punct", X)],
        3, "Drugs", "pcomp"),
    "X depends on V-ing Y: no subject": (
        "Drugs depend on releasing serotonin .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pcomp", V), (3, "dobj", N), (1, "punct", X)],
        3, None, ""),
    # a gerund in a noun's phrase is no means of the verb: the blocker does not release
    "the step of V-ing: no subject": (
        "Drugs block the step of releasing serotonin .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P), (4, "pcomp", V),
         (5, "dobj", N), (1, "punct", X)],
        5, None, ""),
    # generic cargo: the carrier acts through what it carries or releases
    "X carries other molecules that V Y: the carrier": (
        "Vesicles carry RNAs and other molecules that reduce apoptosis .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (5, "amod", A), (2, "conj", N),
         (7, "dep", D), (5, "relcl", V), (7, "dobj", N), (1, "punct", X)],
        7, "Vesicles", "cargo"),
    "a named antecedent is the agent": (
        "Cells secrete TGF-beta , which promotes fibrosis .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (5, "dep", D), (2, "relcl", V),
         (5, "dobj", N), (1, "punct", X)],
        5, "TGF-beta", "relcl"),
    "generic factors of a verb that carries nothing: the factors": (
        "Cells bind factors that promote fibrosis .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (4, "dep", D), (2, "relcl", V), (4, "dobj", N),
         (1, "punct", X)],
        4, "factors", "relcl"),
    # "which" after a comma that ends a list speaks of the whole list (its first item stands for it)
    "which after a list: the list": (
        "Cells secrete IL-6 , IL-8 and VEGF , which promote angiogenesis .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (2, "conj", N), (4, "cc", C),
         (4, "conj", N), (1, "punct", X), (9, "dep", D), (1, "advcl", V), (9, "dobj", N), (1, "punct", X)],
        9, "IL-6", "relcl"),
    "that right after the last item: that item": (
        "Cells secrete IL-6 , IL-8 and VEGF that promote angiogenesis .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (2, "conj", N), (4, "cc", C),
         (4, "conj", N), (8, "dep", D), (1, "advcl", V), (8, "dobj", N), (1, "punct", X)],
        8, "VEGF", "relcl"),
}


@pytest.mark.parametrize("words,rows,verb,subject,link", INHERITED.values(), ids=INHERITED.keys())
def test_inherited_subject(words: str, rows: list[tuple[int, str, str]], verb: int, subject: str | None,
                           link: str) -> None:
    found, how = inherited_subject(parse(words, rows)[verb])
    assert (found.text if found is not None else None, how) == (subject, link)


SENTENCES = {
    "X has the potential to V Y: hedged, carried by xcomp": (
        "[Fibroblasts|CELL_TYPE] have the potential to secrete [collagen|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (5, "aux", PART), (3, "acl", V),
         (5, "dobj", N), (1, "punct", X)],
        {("Fibroblasts", "SECRETES", "collagen", True, "xcomp")}),
    "X is able to V Y": (
        "[Fibroblasts|CELL_TYPE] are able to secrete [collagen|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (1, "acomp", A), (4, "aux", PART), (2, "xcomp", V),
         (4, "dobj", N), (1, "punct", X)],
        {("Fibroblasts", "SECRETES", "collagen", False, "xcomp")}),
    "which after a list: every item": (
        "[Fibroblasts|CELL_TYPE] secrete [IL-6|CYTOKINE] , [IL-8|CYTOKINE] and [VEGF|GROWTH_FACTOR] , "
        "which promote [angiogenesis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (2, "conj", N), (4, "cc", C),
         (4, "conj", N), (1, "punct", X), (9, "dep", D), (1, "advcl", V), (9, "dobj", N), (1, "punct", X)],
        {("Fibroblasts", "SECRETES", "IL-6", False, ""), ("Fibroblasts", "SECRETES", "IL-8", False, ""),
         ("Fibroblasts", "SECRETES", "VEGF", False, ""),
         ("IL-6", "ACTIVATES", "angiogenesis", False, "relcl"),
         ("IL-8", "ACTIVATES", "angiogenesis", False, "relcl"),
         ("VEGF", "ACTIVATES", "angiogenesis", False, "relcl")}),
    # relcoord: generic cargo keeps its carrier through the parse check, for every verb of the
    # relative clause ("molecules that reduce X and promote Y"); a named cargo is the agent
    "X carries molecules that V1 Y and V2 Z: the carrier, both verbs": (
        "[Exosomes|ANATOMY] carry other molecules that reduce [apoptosis|PROCESS] and promote "
        "[angiogenesis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (5, "dep", D), (3, "relcl", V),
         (5, "dobj", N), (5, "cc", C), (5, "conj", V), (8, "dobj", N), (1, "punct", X)],
        {("Exosomes", "DECREASES", "apoptosis", False, "cargo"),
         ("Exosomes", "ACTIVATES", "angiogenesis", False, "cargo")}),
    "X carries named cargo that V Y: the cargo": (
        "[Exosomes|ANATOMY] carry [growth factors|GROWTH_FACTOR] that promote [angiogenesis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (5, "dep", D), (3, "relcl", V),
         (5, "dobj", N), (1, "punct", X)],
        {("Exosomes", "SECRETES", "growth factors", False, ""),
         ("growth factors", "ACTIVATES", "angiogenesis", False, "parse")}),
    "X binds molecules that V Y: no carrier, no relation": (
        "[Exosomes|ANATOMY] bind other molecules that reduce [apoptosis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (5, "dep", D), (3, "relcl", V),
         (5, "dobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", SENTENCES.values(), ids=SENTENCES.keys())
def test_clause_subjects_in_sentences(blank: spacy.language.Language, marked_doc: Callable[[str], Doc],
                                      marked: str, rows: list[tuple[int, str, str]],
                                      expected: set[tuple[str, str, str, bool, str]]) -> None:
    doc = attach_parse(marked_doc(marked), rows)
    rels = blank.get_pipe("mechmine_relations")(doc)._.relations
    assert {(r.subject.text, r.predicate, r.object.text, r.hedged, r.carried) for r in rels} == expected


def test_cargo_of_a_carried_carrier(blank: spacy.language.Language, marked_doc: Callable[[str], Doc]) -> None:
    """"They carry molecules that V X": the carrier is the subject carried to "They"."""
    from tests.nlp.relations.conftest import dep_relations

    doc = marked_doc("[Exosomes|ANATOMY] protect [neurons|CELL_TYPE] . They carry other molecules that "
                     "reduce [apoptosis|PROCESS] .")
    rels = dep_relations(blank, doc, [
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        [(1, "nsubj", PR), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (5, "dep", D), (3, "relcl", V),
         (5, "dobj", N), (1, "punct", X)]])
    found = {(r.subject.text, r.predicate, r.object.text, r.carried) for r in rels if r.sentence_index == 1}
    assert found == {("Exosomes", "DECREASES", "apoptosis", "anaphor")}
