"""A candidate's subject checked against the parse (agreement.py, applied in finalize), and the
precision cues and rules of the same change: each case a marked sentence (with a hand-built
CRAFT/ClearNLP parse where the parse decides) through the whole component."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.nlp.relations import RuleSet
from pipeline.nlp.relations.context import has_expletive, prevented_harm, subject_state
from pipeline.nlp.relations.types import Mention

N, V, A, P, D, X, C, PR, AUX, PT = ("NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "CCONJ", "PRON", "AUX",
                                    "PART")

PARSED = {
    # object control: the object of "prompt" is the subject of its infinitive
    "object control gives the infinitive its subject": (
        "[Fibroblasts|CELL_TYPE] prompt [monocytes|CELL_TYPE] to differentiate into "
        "[osteoclasts|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (4, "aux", PT), (1, "xcomp", V), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        {("monocytes", "DIFFERENTIATES_INTO", "osteoclasts", False)}),
    # subject control: "able to" keeps the clause's subject
    "subject control keeps the subject": (
        "[Fibroblasts|CELL_TYPE] are able to differentiate into [osteoclasts|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (1, "acomp", A), (4, "aux", PT), (2, "xcomp", V), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        {("Fibroblasts", "DIFFERENTIATES_INTO", "osteoclasts", False)}),
    # the coordinated verb's own clause subject, not the sentence's first agent
    "a later clause names its own subject": (
        "[IL-2|CYTOKINE] acts , allowing [neutrophils|CELL_TYPE] to enter and activate "
        "[macrophages|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "punct", X), (1, "advcl", V), (6, "nsubj", N), (6, "aux", PT),
         (3, "ccomp", V), (6, "cc", C), (6, "conj", V), (8, "dobj", N), (1, "punct", X)],
        {("neutrophils", "ACTIVATES", "macrophages", False)}),
    # a relative clause on a noun that is no mention: its verbs have no mention as subject
    "a relative clause's verbs belong to its noun": (
        "[IL-6|CYTOKINE] damages the barrier that covers [neurons|CELL_TYPE] and causes [pain|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (5, "dep", D), (3, "relcl", V),
         (5, "dobj", N), (5, "cc", C), (5, "conj", V), (8, "dobj", N), (1, "punct", X)],
        set()),
    "a relative clause on the mention keeps it": (
        "[IL-6|CYTOKINE] , which causes [pain|DISEASE] , rises .",
        [(6, "nsubj", N), (0, "punct", X), (3, "dep", PR), (0, "relcl", V), (3, "dobj", N), (0, "punct", X),
         (6, "ROOT", V), (6, "punct", X)],
        {("IL-6", "DRIVES", "pain", False)}),
    # a participle on a noun: the noun is its patient; the harm prevented protects the object
    "harm prevented protects its object": (
        "[MSCs|CELL_TYPE] limit damage caused to [neurons|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "acl", V), (3, "prep", P), (4, "pobj", N),
         (1, "punct", X)],
        {("MSCs", "PROTECTS", "neurons", False), ("MSCs", "DECREASES", "damage", False)}),
    # a main verb parsed as a participle of its own subject: the subject stands
    "a main verb misparsed as a participle": (
        "[Sulpiride|CHEMICAL] induced [SOCS-1|GENE_OR_PROTEIN] here .",
        [(0, "ROOT", N), (0, "acl", V), (1, "dobj", N), (1, "advmod", "ADV"), (0, "punct", X)],
        {("Sulpiride", "ACTIVATES", "SOCS-1", False)}),
    "a noun's ability to act is its owner's": (
        "[MSCs|CELL_TYPE] have the ability to reduce [fibrosis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (5, "aux", PT), (3, "acl", V),
         (5, "dobj", N), (1, "punct", X)],
        {("MSCs", "DECREASES", "fibrosis", False)}),
    # an object in a later clause with its own subject is no object of the first verb
    "no object from a coordinated clause with its own subject": (
        "[IL-2|CYTOKINE] enhances growth , and [IL-7|CYTOKINE] - based drugs provide relief .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X), (1, "cc", C), (7, "npadvmod", N),
         (7, "punct", X), (8, "amod", V), (9, "nsubj", N), (1, "conj", V), (9, "dobj", N), (1, "punct", X)],
        set()),
    "an object of the verb's own clause stays": (
        "[IL-2|CYTOKINE] enhances the growth of [T cells|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P), (6, "compound", N),
         (4, "pobj", N), (1, "punct", X)],
        {("IL-2", "ACTIVATES", "T cells", False)}),
    # the rule's stop preposition ends the object: the recipient of a transfer is no object
    "transfer to a recipient": (
        "[MSCs|CELL_TYPE] transfer [mitochondria|ANATOMY] to [neurons|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "prep", P), (3, "pobj", N), (1, "punct", X)],
        {("MSCs", "TRANSFERS", "mitochondria", False)}),
    # the examples of a harmed noun are harmed too (the reader takes the examples of the
    # subject noun as its subjects)
    "harm to a list's examples": (
        "Injury to [neurons|CELL_TYPE] , such as [astrocytes|CELL_TYPE] , causes [ataxia|DISEASE] .",
        [(8, "nsubj", N), (0, "prep", P), (1, "pobj", N), (0, "punct", X), (5, "amod", A), (0, "prep", P),
         (5, "pobj", N), (8, "punct", X), (8, "ROOT", V), (8, "dobj", N), (8, "punct", X)],
        {("Injury to astrocytes", "DRIVES", "ataxia", False)}),
    # a subject swallowed by a relative clause of the parse's subject, the trigger outside it:
    # a misparse ("data that show X may help treat Y"), the reader's subject stands
    "a subject swallowed by another noun's relative clause": (
        "Data that show [MSCs|CELL_TYPE] may help treat [colitis|DISEASE] .",
        [(5, "nsubj", N), (2, "dep", D), (0, "relcl", V), (2, "dobj", N), (5, "aux", V), (5, "ROOT", V),
         (5, "xcomp", V), (6, "dobj", N), (5, "punct", X)],
        {("MSCs", "TREATS", "colitis", False)}),
    # relevent: generic cargo that is no mention stands for its carrier, in the agreement check
    # too ("vesicles carry other molecules that reduce X": the vesicles reduce it)
    "generic cargo in a relative clause: the carrier": (
        "[Platelets|CELL_TYPE] carry other molecules that reduce [apoptosis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (5, "dep", D), (3, "relcl", V),
         (5, "dobj", N), (1, "punct", X)],
        {("Platelets", "DECREASES", "apoptosis", False)}),
    # a cargo noun that is a mention acts itself
    "a named cargo acts itself": (
        "[Platelets|CELL_TYPE] release [growth factors|GROWTH_FACTOR] that reduce [apoptosis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (5, "dep", D),
         (3, "relcl", V), (5, "dobj", N), (1, "punct", X)],
        {("Platelets", "SECRETES", "growth factors", False),
         ("growth factors", "DECREASES", "apoptosis", False)}),
    # a verb that neither carries nor releases: the clause speaks of the noun (no mention: nothing)
    "generic nouns of a verb that carries nothing": (
        "[Platelets|CELL_TYPE] bind molecules that reduce [apoptosis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (4, "dep", D), (2, "relcl", V), (4, "dobj", N),
         (1, "punct", X)],
        set()),
    # a means phrase between the verb and a mention (here misparsed as a second object)
    "a mention behind a means phrase is no object": (
        "[IL-2|CYTOKINE] activates [T cells|CELL_TYPE] through signaling , the release of [IFN|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "prep", P), (4, "pobj", N),
         (1, "punct", X), (8, "det", D), (1, "dobj", N), (8, "prep", P), (9, "pobj", N), (1, "punct", X)],
        {("IL-2", "ACTIVATES", "T cells", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", PARSED.values(), ids=PARSED.keys())
def test_subject_agrees_with_the_parse(parsed_relations: Callable[..., set], marked: str,
                                       rows: list[tuple[int, str, str]],
                                       expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


SURFACE = {
    # marker and receptor expression is no secretion; a secreted factor's expression is
    "receptor expression": ("[MSCs|CELL_TYPE] express [TLR4|GENE_OR_PROTEIN] .", set()),
    "receptor named as such": ("[MSCs|CELL_TYPE] express [IL-6 receptor|CYTOKINE] .", set()),
    "factor expression": ("[MSCs|CELL_TYPE] express [TGF-beta|CYTOKINE] .",
                          {("MSCs", "SECRETES", "TGF-beta")}),
    # the state a cell is shifted to is no object
    "polarization state": ("[MSCs|CELL_TYPE] shift [macrophages|CELL_TYPE] toward [M2|CELL_TYPE] .",
                           {("MSCs", "POLARIZES", "macrophages")}),
    # a molecule "stimulating" cells activates them; "X-induced disease" stays a cause
    "X-stimulated cells": ("Here [LPS|CHEMICAL] - stimulated [monocytes|CELL_TYPE] died .",
                           {("LPS", "ACTIVATES", "monocytes")}),
    "X-induced disease": ("Here [LPS|CHEMICAL] - induced [sepsis|DISEASE] was mild .",
                          {("LPS", "DRIVES", "sepsis")}),
    # a named agent after its target acts (the dependency and surface readers); without a name
    # the target's loss is stated, its polarity reading right on its own
    "named inhibitor": ("Here the [PGE2|CHEMICAL] inhibitor [NS-398|CHEMICAL] restored [IL-12|CYTOKINE] .",
                        {("NS-398", "INCREASES", "IL-12")}),
    "unnamed inhibitor": ("Here the [PGE2|CHEMICAL] inhibitor restored [IL-12|CYTOKINE] .",
                          {("PGE2", "DECREASES", "IL-12")}),
    # a means phrase: the mention behind it is no object; the verb's own object stays
    "by + gerund": ("[MSCs|CELL_TYPE] reduce [fibrosis|DISEASE] by releasing [HGF|GROWTH_FACTOR] .",
                    {("MSCs", "DECREASES", "fibrosis"), ("MSCs", "SECRETES", "HGF")}),
    # an expletive "it" carries no subject over; a referring "it" does
    "expletive it": ("[MSCs|CELL_TYPE] grow . It is crucial to block [IL-6|CYTOKINE] .", set()),
}


@pytest.mark.parametrize("marked,expected", SURFACE.values(), ids=SURFACE.keys())
def test_precision_rules(relations_of: Callable[[str], list], marked: str, expected: set) -> None:
    assert {(r.subject.text, r.predicate, r.object.text) for r in relations_of(marked)} == expected


def mention(start: int, end: int) -> Mention:
    return Mention(start, end, 0, 0, "x", "CELL_TYPE", ("CELL_TYPE",), "")


@pytest.mark.parametrize("words,start,expected", [
    ("they help prevent damage caused to neurons", 6, True),
    ("they limit injury to the lung", 5, True),
    ("these molecules protect neurons from damage", 3, False),  # the rule's own PROTECTS
    ("smoking causes damage to the lung", 5, False),  # harm caused, not prevented
])
def test_prevented_harm(rules: RuleSet, words: str, start: int, expected: bool) -> None:
    assert prevented_harm(rules.cues, mention(start, start + 1), words.split(), 0) is expected


@pytest.mark.parametrize("words,expected", [
    ("it is crucial to identify new strategies", True),
    ("it remains unclear whether they act", True),
    ("given this , it is crucial to act", True),
    ("it secretes il-10", False),
])
def test_has_expletive(rules: RuleSet, words: str, expected: bool) -> None:
    assert has_expletive(rules.cues, words.split()) is expected


@pytest.mark.parametrize("words,expected", [
    ("tnf antibody reduced fever", "loss"),
    ("il-6 receptor blockade reduced fever", "loss"),
    ("tnf agonist reduced fever", ""),  # an agonist acts as the molecule does
])
def test_loss_after_the_mention(rules: RuleSet, words: str, expected: str) -> None:
    assert subject_state(rules.cues, mention(0, 1), words.split(), 0) == expected
