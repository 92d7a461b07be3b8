"""Relation constructions of issue 12 (relfix), each with a hand-built parse (CRAFT/ClearNLP
labels) through the whole component: the dependency reader, the surface reader checked against
the parse, and finalize."""

from __future__ import annotations

from collections.abc import Callable

import pytest

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
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_sentence_with_parse(parsed_relations: Callable[..., set], marked: str,
                             rows: list[tuple[int, str, str]], expected: set) -> None:
    assert parsed_relations(marked, rows) == expected
