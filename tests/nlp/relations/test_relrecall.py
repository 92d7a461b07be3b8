"""Relrecall constructions (issue 12): "X reduced Y expression" parsed as one noun phrase (X and Y
both modifiers of the amount head: no list), a cause of a cell's polarization ("promote macrophage
polarization", "induce the polarization of macrophages": POLARIZES the cells, .polarized) and a
slash pair of entities ("monocytes/macrophages": both, .slashed), an effect named by its kind ("the
inhibitory effect of X on Y") and a therapy by its value ("the therapeutic value of X for D"). Marked
sentences of our own
wording with hand-built parses (CRAFT/ClearNLP labels) through the whole component."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.nlp.relations.conftest import attach_parse

N, V, A, P, D, X, AUX, C, PR = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "AUX", "CCONJ", "PRON"

JOINED = {
    # the parse reads "X reduced Y expression" as one noun phrase ("X-reduced Y expression")
    "a miRNA reduced a cytokine's expression": (
        "[miR-146a|GENE_OR_PROTEIN] reduced [IL-6|CYTOKINE] expression .",
        [(3, "nmod", N), (3, "amod", V), (3, "compound", N), (3, "ROOT", N), (3, "punct", X)],
        {("miR-146a", "DECREASES", "IL-6", False)}),
    "a growth factor increased levels": (
        "[BDNF|GROWTH_FACTOR] increased [IL-10|CYTOKINE] levels .",
        [(3, "nmod", N), (3, "amod", V), (3, "compound", N), (3, "ROOT", N), (3, "punct", X)],
        {("BDNF", "INCREASES", "IL-10", False)}),
    "the head noun itself (as before)": (
        "[BDNF|GROWTH_FACTOR] reduced [IL-6|CYTOKINE] .",
        [(2, "nmod", N), (2, "amod", V), (2, "ROOT", N), (2, "punct", X)],
        {("BDNF", "DECREASES", "IL-6", False)}),
    # the subject noun read as the root, the object its direct object
    "the subject read as the root": (
        "[miR-146a|GENE_OR_PROTEIN] significantly reduced [IL-6|CYTOKINE] expression .",
        [(0, "ROOT", N), (2, "advmod", "ADV"), (4, "amod", V), (4, "compound", N), (0, "dobj", N),
         (0, "punct", X)],
        {("miR-146a", "DECREASES", "IL-6", False)}),
    # a protein's phosphorylation stands for the protein (an amount/activity head)
    "a phosphorylation": (
        "[BDNF|GROWTH_FACTOR] increased [TrkB|GENE_OR_PROTEIN] phosphorylation .",
        [(3, "nmod", N), (3, "amod", V), (3, "compound", N), (3, "ROOT", N), (3, "punct", X)],
        {("BDNF", "INCREASES", "TrkB", False)}),
    # two modifiers of one amount head with the verb after them: a list, no relation between them
    "a list before the verb stays a list": (
        "The [IL-6|CYTOKINE] and [TNF|CYTOKINE] levels were reduced .",
        [(4, "det", D), (4, "compound", N), (1, "cc", C), (1, "conj", N), (6, "nsubjpass", N),
         (6, "auxpass", AUX), (6, "ROOT", V), (6, "punct", X)],
        set()),
}

POLARIZED = {
    "a located process: the cells": (
        "[IL-4|CYTOKINE] promotes [macrophage polarization|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("IL-4", "POLARIZES", "macrophage", False)}),
    "a relational adjective, the phenotype after it": (
        "[Exosomes|ANATOMY] promoted [microglial polarization|PROCESS] to the [M2 phenotype|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (3, "prep", P), (7, "det", D),
         (7, "compound", N), (4, "pobj", N), (1, "punct", X)],
        {("Exosomes", "POLARIZES", "microglial", False)}),
    "the polarization of the cells": (
        "[MSCs|CELL_TYPE] induced the polarization of [macrophages|CELL_TYPE] towards [M2|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P), (4, "pobj", N),
         (3, "prep", P), (6, "pobj", N), (1, "punct", X)],
        {("MSCs", "POLARIZES", "macrophages", False)}),
    # an influence without direction keeps the process
    "regulating the polarization keeps the process": (
        "[MSCs|CELL_TYPE] regulate [macrophage polarization|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "ASSOCIATED_WITH", "macrophage polarization", False)}),
    # a change named before the phrase is the whole process's
    "a reduced polarization keeps the process": (
        "[TNF|CYTOKINE] led to reduced [macrophage polarization|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (5, "amod", A), (5, "compound", N), (2, "pobj", N),
         (1, "punct", X)],
        {("TNF", "DECREASES", "macrophage polarization", False)}),
    # a located process that is no polarization stays the object
    "another process head": (
        "[IL-4|CYTOKINE] promotes [macrophage proliferation|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("IL-4", "ACTIVATES", "macrophage proliferation", False)}),
}


@pytest.mark.parametrize("marked, rows, expected", JOINED.values(), ids=JOINED.keys())
def test_verb_inside_a_noun_phrase(parsed_relations: Callable[..., set], marked: str,
                                   rows: list[tuple[int, str, str]], expected: set) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked, rows, expected", POLARIZED.values(), ids=POLARIZED.keys())
def test_polarized_cells(parsed_relations: Callable[..., set], marked: str,
                         rows: list[tuple[int, str, str]], expected: set) -> None:
    assert parsed_relations(marked, rows) == expected


def slashed_doc(marked_doc: Callable[[str], Doc], marked: str) -> Doc:
    """The marked doc with no space around its "/" tokens ("monocytes/macrophages")."""
    doc = marked_doc(marked)
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) and t.text != "/" and (t.i + 1 >= len(doc) or doc[t.i + 1].text != "/")
              for t in doc]
    out = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=[t.is_sent_start for t in doc])
    out.ents = [out[e.start:e.end].char_span(0, len(out[e.start:e.end].text), label=e.label_)
                for e in doc.ents]
    return out


# "X suppressed A/B .": A a compound of B, the slash a punctuation child of B
SUPPRESSED = [(1, "nsubj", N), (1, "ROOT", V), (4, "compound", N), (4, "punct", X), (1, "dobj", N),
              (1, "punct", X)]
SLASHED = {
    "a slash pair of cells as the object": (
        "[IL-10|CYTOKINE] suppressed [monocytes|CELL_TYPE] / [macrophages|CELL_TYPE] .",
        SUPPRESSED,
        {("IL-10", "INHIBITS", "monocytes", False), ("IL-10", "INHIBITS", "macrophages", False)}),
    "through an amount head": (
        "[MSCs|CELL_TYPE] inhibited the differentiation of [monocytes|CELL_TYPE] / [macrophages|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P), (7, "compound", N),
         (7, "punct", X), (4, "pobj", N), (1, "punct", X)],
        {("MSCs", "INHIBITS", "monocytes", False), ("MSCs", "INHIBITS", "macrophages", False)}),
    "a slash pair as the subject": (
        "[Monocytes|CELL_TYPE] / [macrophages|CELL_TYPE] secrete [TNF|CYTOKINE] .",
        [(2, "compound", N), (2, "punct", X), (3, "nsubj", N), (3, "ROOT", V), (3, "dobj", N),
         (3, "punct", X)],
        {("Monocytes", "SECRETES", "TNF", False), ("macrophages", "SECRETES", "TNF", False)}),
    # a slash joins only mentions of one class: "IL-10/macrophages" is no pair
    "no pair across classes": (
        "[MSCs|CELL_TYPE] suppressed [IL-6|CYTOKINE] / [macrophages|CELL_TYPE] .",
        SUPPRESSED,
        {("MSCs", "INHIBITS", "macrophages", False)}),
}


@pytest.mark.parametrize("marked, rows, expected", SLASHED.values(), ids=SLASHED.keys())
def test_slash_pairs(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                     rows: list[tuple[int, str, str]], expected: set) -> None:
    doc = attach_parse(slashed_doc(marked_doc, marked), rows)
    rels = blank.get_pipe("mechmine_relations")(doc)._.relations
    assert {(r.subject.text, r.predicate, r.object.text, r.negated) for r in rels} == expected


def test_spaced_slash_is_no_pair(blank: Language, marked_doc: Callable[[str], Doc]) -> None:
    """"monocytes / macrophages" with spaces (a table cell, an alternative) is left as parsed."""
    marked = "[IL-10|CYTOKINE] suppressed [monocytes|CELL_TYPE] / [macrophages|CELL_TYPE] ."
    rels = blank.get_pipe("mechmine_relations")(attach_parse(marked_doc(marked), SUPPRESSED))._.relations
    found = {(r.subject.text, r.predicate, r.object.text) for r in rels}
    assert found == {("IL-10", "INHIBITS", "macrophages")}


# "X exerts / has an <adj> effect on Y": subject, verb, det, adjective, effect, on, compound, pobj
HAD_EFFECT = [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "dobj", N), (4, "prep", P),
              (7, "compound", N), (5, "pobj", N), (1, "punct", X)]
EFFECTS = {
    "exert an inhibitory effect on": (
        "[MSCs|CELL_TYPE] exert an inhibitory effect on [T cells|CELL_TYPE] .", HAD_EFFECT,
        {("MSCs", "INHIBITS", "T cells", False)}),
    "have a stimulatory effect on": (
        "[IL-12|CYTOKINE] had a stimulatory effect on [NK cells|CELL_TYPE] .", HAD_EFFECT,
        {("IL-12", "ACTIVATES", "NK cells", False)}),
    "an effect without its kind states nothing": (
        "[IL-12|CYTOKINE] had a marked effect on [NK cells|CELL_TYPE] .", HAD_EFFECT, set()),
    "the suppressive effect of X on Y": (
        "The suppressive effect of [MSCs|CELL_TYPE] on [T cells|CELL_TYPE] was strong .",
        [(2, "det", D), (2, "amod", A), (8, "nsubj", N), (2, "prep", P), (3, "pobj", N), (2, "prep", P),
         (7, "compound", N), (5, "pobj", N), (8, "ROOT", AUX), (8, "acomp", A), (8, "punct", X)],
        {("MSCs", "INHIBITS", "T cells", False)}),
    "the inhibitory effect exerted by X on Y": (
        "Studies analyzed the inhibitory effect exerted by [MSCs|CELL_TYPE] on [DCs|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "dobj", N), (4, "acl", V),
         (5, "agent", P), (6, "pobj", N), (4, "prep", P), (8, "pobj", N), (1, "punct", X)],
        {("MSCs", "INHIBITS", "DCs", False)}),
    "the therapeutic value of X for D": (
        "We studied the therapeutic value of [MSCs|CELL_TYPE] for [rheumatoid arthritis|DISEASE] .",
        [(1, "nsubj", PR), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "dobj", N), (4, "prep", P),
         (5, "pobj", N), (4, "prep", P), (9, "amod", A), (7, "pobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "rheumatoid arthritis", False)}),
    "the therapeutic potential of X in D, hung on X": (
        "The therapeutic potential of [MSCs|CELL_TYPE] in [MS|DISEASE] is high .",
        [(2, "det", D), (2, "amod", A), (7, "nsubj", N), (2, "prep", P), (3, "pobj", N), (4, "prep", P),
         (5, "pobj", N), (7, "ROOT", AUX), (7, "acomp", A), (7, "punct", X)],
        {("MSCs", "TREATS", "MS", False)}),
    # only a disease is treated
    "a therapeutic effect on cells is no treatment": (
        "The therapeutic effect of [MSCs|CELL_TYPE] on [T cells|CELL_TYPE] was strong .",
        [(2, "det", D), (2, "amod", A), (8, "nsubj", N), (2, "prep", P), (3, "pobj", N), (2, "prep", P),
         (7, "compound", N), (5, "pobj", N), (8, "ROOT", AUX), (8, "acomp", A), (8, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked, rows, expected", EFFECTS.values(), ids=EFFECTS.keys())
def test_effects_named_by_their_kind(parsed_relations: Callable[..., set], marked: str,
                                     rows: list[tuple[int, str, str]], expected: set) -> None:
    assert parsed_relations(marked, rows) == expected
