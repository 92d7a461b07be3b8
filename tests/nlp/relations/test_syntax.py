"""Whole sentences with hand-built parses (CRAFT/ClearNLP labels) through the component:
the dependency reader, the surface reader checked against the parse, and finalize."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, A, P, D, X, C, PR, AUX = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "CCONJ", "PRON", "AUX"

CASES = {
    # a relative clause on a copula's complement speaks of the copula's subject
    "copular relative clause": (
        "[Fibrocytes|CELL_TYPE] are progenitor cells that differentiate into [myofibroblasts|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (3, "compound", N), (1, "attr", N), (5, "dep", PR),
         (3, "relcl", V), (5, "prep", P), (6, "pobj", N), (1, "punct", X)],
        {("Fibrocytes", "DIFFERENTIATES_INTO", "myofibroblasts", False)}),
    # the causing disease, not the noun describing it
    "copular relative clause, disease": (
        "[Gout|DISEASE] is a painful joint disease that causes [erosion|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (5, "det", D), (5, "amod", A), (5, "compound", N),
         (1, "attr", N), (7, "dep", PR), (5, "relcl", V), (7, "dobj", N), (1, "punct", X)],
        {("Gout", "DRIVES", "erosion", False)}),
    # NegEx with syntactic scope: the negated verb and its later conjunct
    "negation reaches the second conjunct": (
        "[Statins|CHEMICAL] do not halt or reverse [atrophy|DISEASE] .",
        [(3, "nsubj", N), (3, "aux", AUX), (3, "neg", "PART"), (3, "ROOT", V), (3, "cc", C),
         (3, "conj", V), (5, "dobj", N), (3, "punct", X)],
        # relcoord: "halt" shares the object of "reverse" (pattern active_shared_object), negated too
        {("Statins", "TREATS", "atrophy", True), ("Statins", "INHIBITS", "atrophy", True)}),
    # "not" before the subject's clause is not the trigger's negation
    "negation of another clause does not count": (
        "[Cells|CELL_TYPE] that do not divide secrete [IL-6|CYTOKINE] .",
        [(5, "nsubj", N), (4, "dep", PR), (4, "aux", AUX), (4, "neg", "PART"), (0, "relcl", V),
         (5, "ROOT", V), (5, "dobj", N), (5, "punct", X)],
        {("Cells", "SECRETES", "IL-6", False)}),
    # items of one list do not act on each other (the trigger is inside a name)
    "list items are not related": (
        "They release [IL-8|CYTOKINE] , [TNF|CYTOKINE] stimulated gene 6 and [NO|CHEMICAL] .",
        [(1, "nsubj", PR), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (6, "nmod", N),
         (6, "amod", V), (2, "conj", N), (6, "nummod", "NUM"), (6, "cc", C), (6, "conj", N),
         (1, "punct", X)],
        set()),
    # "S V-ed O" parsed as one noun phrase (the verb an adjective of O, S a modifier of O): the
    # parse does not make S and O items of one list
    "verb read as an adjective inside one noun phrase": (
        "[Exosomes|ANATOMY] reduced [inflammation|PROCESS] .",
        [(2, "nmod", N), (2, "amod", V), (2, "ROOT", N), (2, "punct", X)],
        {("Exosomes", "DECREASES", "inflammation", False)}),
    "... or the subject's phrase attached to the verb": (
        "[MSC|CELL_TYPE] transplantation reduced [inflammation|PROCESS] in rats .",
        [(1, "compound", N), (2, "npadvmod", N), (3, "amod", V), (3, "ROOT", N), (3, "prep", P),
         (4, "pobj", N), (3, "punct", X)],
        {("MSC", "DECREASES", "inflammation", False)}),
    # a participle modifier with its own agent noun right before it ("X induced-Y", a hyphen
    # misplaced): the agent is that noun, never the subject of the clause around it
    "participle with its own agent inside a phrase": (
        "Whether [exosomes|ANATOMY] are therapeutic in [sepsis|DISEASE] induced - [lung injury|DISEASE]"
        " is unclear .",
        [(2, "mark", "SCONJ"), (2, "nsubj", N), (10, "csubj", AUX), (2, "acomp", A), (3, "prep", P),
         (9, "nmod", N), (9, "amod", V), (8, "punct", X), (9, "compound", N), (4, "pobj", N),
         (10, "ROOT", AUX), (10, "acomp", A), (10, "punct", X)],
        set()),
    "... also when the participle modifies the noun's first modifier": (
        "Whether [exosomes|ANATOMY] are therapeutic in [sepsis|DISEASE] induced - intestinal"
        " [barrier dysfunction|DISEASE] is unclear .",
        [(2, "mark", "SCONJ"), (2, "nsubj", N), (11, "csubj", AUX), (2, "acomp", A), (3, "prep", P),
         (10, "nmod", N), (8, "amod", V), (8, "punct", X), (10, "amod", A), (10, "compound", N),
         (4, "pobj", N), (11, "ROOT", AUX), (11, "acomp", A), (11, "punct", X)],
        set()),
    # homing in the passive: the cells move to the place, the agent attracts them
    "passive homing": (
        "[Monocytes|CELL_TYPE] are recruited to the [kidney|ANATOMY] by [CCL2|CYTOKINE] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (5, "det", D),
         (3, "pobj", N), (2, "agent", P), (6, "pobj", N), (2, "punct", X)],
        {("Monocytes", "MIGRATES_TO", "kidney", False), ("CCL2", "ACTIVATES", "Monocytes", False)}),
    # a cause behind "to": "X leads to Y"
    "leads to": (
        "[Hypoxia|PROCESS] leads to [necrosis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        {("Hypoxia", "DRIVES", "necrosis", False)}),
    # a gene that contributes to a disease is associated with it ("those related to X" is X)
    "a generic subject without a mention gives nothing": (
        "Genes that contribute to [gout|DISEASE] include those related to [SLC2A9|GENE_OR_PROTEIN] .",
        [(5, "nsubj", N), (2, "dep", PR), (0, "relcl", V), (2, "prep", P), (3, "pobj", N),
         (5, "ROOT", V), (5, "dobj", PR), (6, "acl", V), (7, "prep", P), (8, "pobj", N),
         (5, "punct", X)],
        set()),
    "gene contributes to disease, named": (
        "[SLC2A9|GENE_OR_PROTEIN] contributes to [gout|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        {("SLC2A9", "ASSOCIATED_WITH", "gout", False)}),
    # a modifier trigger inside the clause of the subject still speaks of that subject (and,
    # rel-obj2, the cause of an increase states the increase: cues `changed`, one row)
    "modifier trigger in the subject's clause": (
        "[Aspirin|CHEMICAL] causes increased expression of [IL-6|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (3, "prep", P),
         (4, "pobj", N), (1, "punct", X)],
        {("Aspirin", "INCREASES", "IL-6", False)}),
    # ... but not of a noun that is itself only an object in a list of changes
    "modifier trigger after an object": (
        "[Rats|ORGANISM] displayed increased [IL-6|CYTOKINE] , reduced [IL-10|CYTOKINE] and fever .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (3, "punct", X),
         (6, "amod", A), (3, "conj", N), (6, "cc", C), (6, "conj", N), (1, "punct", X)],
        set()),
    # a caused change: the change noun is the predicate, the causing verb's subject the agent
    "led to an increase in": (
        "Injection of [aspirin|CHEMICAL] led to a marked increase in [IL-6|CYTOKINE] and [IL-8|CYTOKINE] .",
        [(3, "nsubj", N), (0, "prep", P), (1, "pobj", N), (3, "ROOT", V), (3, "prep", P),
         (7, "det", D), (7, "amod", A), (4, "pobj", N), (7, "prep", P), (8, "pobj", N),
         (9, "cc", C), (9, "conj", N), (3, "punct", X)],
        {("aspirin", "INCREASES", "IL-6", False), ("aspirin", "INCREASES", "IL-8", False)}),
    "causes a decrease of": (
        "[Aspirin|CHEMICAL] causes a decrease of [IL-6|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P),
         (4, "pobj", N), (1, "punct", X)],
        {("Aspirin", "DECREASES", "IL-6", False)}),
    # "X is required for Y": X supports Y (a requirement read in the parse)
    "required for": (
        "[STAT1|GENE_OR_PROTEIN] is required for [CXCL9|CYTOKINE] expression .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (5, "compound", N),
         (3, "pobj", N), (2, "punct", X)],
        {("STAT1", "ACTIVATES", "CXCL9", False)}),
    "not required for": (
        "[STAT1|GENE_OR_PROTEIN] is not required for [CXCL9|CYTOKINE] expression .",
        [(3, "nsubjpass", N), (3, "auxpass", AUX), (3, "neg", "PART"), (3, "ROOT", V), (3, "prep", P),
         (6, "compound", N), (4, "pobj", N), (3, "punct", X)],
        {("STAT1", "ACTIVATES", "CXCL9", True)}),
    # "they" takes the subject of an earlier clause of its own sentence
    "anaphor inside the sentence": (
        "When [MSCs|CELL_TYPE] meet [T cells|CELL_TYPE] , they reduce [IL-6|CYTOKINE] .",
        [(2, "advmod", "ADV"), (2, "nsubj", N), (7, "advcl", V), (4, "compound", N), (2, "dobj", N),
         (7, "punct", X), (7, "nsubj", PR), (7, "ROOT", V), (7, "dobj", N), (7, "punct", X)],
        {("MSCs", "DECREASES", "IL-6", False)}),
    # generic stem cells are agents too
    "stem cells as agents": (
        "[Stem cells|CELL_TYPE|MESH:D013234] secrete [IL-10|CYTOKINE] .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)],
        {("Stem cells", "SECRETES", "IL-10", False)}),
    # a named inhibitor inhibits its target
    "named inhibitor": (
        "The [HDAC|GENE_OR_PROTEIN] inhibitor [vorinostat|CHEMICAL] was given .",
        [(2, "det", D), (2, "compound", N), (5, "nsubjpass", N), (2, "appos", N), (5, "auxpass", AUX),
         (5, "ROOT", V), (5, "punct", X)],
        {("vorinostat", "INHIBITS", "HDAC", False)}),
    "inhibitor in apposition": (
        "[Celecoxib|CHEMICAL] , a [COX-2|GENE_OR_PROTEIN] inhibitor , was given .",
        [(7, "nsubjpass", N), (0, "punct", X), (4, "det", D), (4, "compound", N), (0, "appos", N),
         (0, "punct", X), (7, "auxpass", AUX), (7, "ROOT", V), (7, "punct", X)],
        {("Celecoxib", "INHIBITS", "COX-2", False)}),
    # a coordinated verb the parse reads as a noun modifier keeps its own object
    "coordinated verb read as a compound": (
        "[MSCs|CELL_TYPE] secrete [HGF|GROWTH_FACTOR] and decrease [IL-6|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "cc", C), (5, "compound", N),
         (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "SECRETES", "HGF", False), ("MSCs", "DECREASES", "IL-6", False)}),
    # outcome and process nouns outside every mention are objects (class OUTCOME), with their
    # compound and adjective modifiers; an of-phrase stays out
    "outcome object with modifiers": (
        "[Exosomes|ANATOMY] restore gut - wall barrier integrity .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "compound", N), (4, "punct", X), (5, "compound", N),
         (6, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("Exosomes", "INCREASES", "gut-wall barrier integrity", False)}),
    "outcome object, deficit noun": (
        "[Pericytes|CELL_TYPE] reduce muscle stiffness and spasticity .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (3, "cc", C),
         (3, "conj", N), (1, "punct", X)],
        # rel-sample: "stiffness" is an outcome noun too (WHO ICF b780, dependency_patterns.yaml)
        {("Pericytes", "DECREASES", "muscle stiffness", False),
         ("Pericytes", "DECREASES", "spasticity", False)}),
    # (rel-prec2) the outcome "function" is dropped when its owner is an object of the same relation
    # (tests/nlp/relations/test_precision.py: its owner no object, it stays with its head before of)
    "outcome object keeps its head before of": (
        "[Pericytes|CELL_TYPE] protect the function of [podocytes|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P),
         (4, "pobj", N), (1, "punct", X)],
        {("Pericytes", "PROTECTS", "podocytes", False)}),
    "outcome inside a mention is that mention": (
        "[Pericytes|CELL_TYPE] reduce [renal fibrosis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "punct", X)],
        {("Pericytes", "DECREASES", "renal fibrosis", False)}),
    "an outcome is never an agent": (
        "Muscle strength increases [IL-6|CYTOKINE] .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)],
        set()),
    "an outcome is no agent of a reversed rule": (
        "[Pericytes|CELL_TYPE] require survival .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
    # a deficit is treated, a gain is not
    "treated deficit outcome": (
        "[Pericytes|CELL_TYPE] alleviate motor deficits .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "punct", X)],
        {("Pericytes", "TREATS", "motor deficits", False)}),
    "an improved gain is not treated but increased": (
        "[Pericytes|CELL_TYPE] improve motor function .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("Pericytes", "INCREASES", "motor function", False)}),
    "a noun outside the outcome list is no argument": (
        "[Pericytes|CELL_TYPE] reduce muscle tone .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_sentence_with_parse(parsed_relations: Callable[..., set], marked: str,
                             rows: list[tuple[int, str, str]], expected: set) -> None:
    assert parsed_relations(marked, rows) == expected
