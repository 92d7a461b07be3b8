"""Relpath constructions (issue 12), from clinic pages and reviews on a disease: a therapy that
"helps" a disease or is "administered in" it (TREATS), the bare infinitive of "help" the parse
reads as its object ("able to help reduce X"), a protective layer and what it covers (PROTECTS),
harm done to a tissue by its agent (INHIBITS), a disease defined by its organs
(ASSOCIATED_WITH) and "deterioration" as an outcome. Marked sentences with hand-built parses
(CRAFT/ClearNLP labels) through the whole component."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, A, P, D, X, C, AUX, ADV, PART = ("NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "CCONJ", "AUX",
                                       "ADV", "PART")

THERAPY = {
    "help a disease": (
        "Can [MSCs|CELL_TYPE] help [lupus|DISEASE] ?",
        [(2, "aux", AUX), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)],
        {("MSCs", "TREATS", "lupus", False)}),
    "help patients with a disease": (
        "[MSCs|CELL_TYPE] help patients with [lupus|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "prep", P), (3, "pobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "lupus", False)}),
    # a tissue is not helped as a disease is treated
    "help a tissue": (
        "[MSCs|CELL_TYPE] help the [kidney|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (1, "punct", X)],
        set()),
    # the bare infinitive read as the object of "help" is the helper's doing
    "help with an infinitive read as its object": (
        "[MSCs|CELL_TYPE] help reduce [fibrosis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", V), (2, "dobj", N), (1, "punct", X)],
        {("MSCs", "DECREASES", "fibrosis", False)}),
    "able to help with an infinitive read as its object": (
        "[MSCs|CELL_TYPE] are able to help prevent [fibrosis|PROCESS] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "acomp", A), (4, "aux", PART), (2, "xcomp", V), (4, "dobj", V),
         (5, "dobj", N), (1, "punct", X)],
        {("MSCs", "INHIBITS", "fibrosis", False)}),
    "a tissue as the therapy that helps": (
        "Could [cord blood|ANATOMY] help children with [autism|DISEASE] ?",
        [(3, "aux", AUX), (2, "compound", N), (3, "nsubj", N), (3, "ROOT", V), (3, "dobj", N), (4, "prep", P),
         (5, "pobj", N), (3, "punct", X)],
        {("cord blood", "TREATS", "autism", False)}),
    "a tissue regrows after a therapy": (
        "The [cartilage|ANATOMY] regenerated after [MSC|CELL_TYPE] treatment .",
        [(1, "det", D), (2, "nsubj", N), (2, "ROOT", V), (2, "prep", P), (5, "compound", N), (3, "pobj", N),
         (2, "punct", X)],
        {("MSC", "INCREASES", "cartilage", False)}),
    "a tissue appears to regrow after a therapy": (
        "The [cartilage|ANATOMY] appears to regenerate after [MSC|CELL_TYPE] treatment .",
        [(1, "det", D), (2, "nsubj", N), (2, "ROOT", V), (4, "aux", PART), (2, "xcomp", V), (4, "prep", P),
         (7, "compound", N), (5, "pobj", N), (2, "punct", X)],
        {("MSC", "INCREASES", "cartilage", False)}),
    "a tissue regrows after an injury: no therapy": (
        "The [cartilage|ANATOMY] regenerated after [injury|DISEASE] .",
        [(1, "det", D), (2, "nsubj", N), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N), (2, "punct", X)],
        set()),
    # the to-gerund of "hold / be the key to" is the doing of the verb's subject
    "hold the key to, the to-phrase on the key": (
        "[MSCs|CELL_TYPE] hold the key to treating [lupus|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P), (4, "pcomp", V),
         (5, "dobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "lupus", False)}),
    "be the key to, the to-phrase on the verb": (
        "[MSCs|CELL_TYPE] are the key to treating [lupus|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "attr", N), (1, "prep", P), (4, "pcomp", V),
         (5, "dobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "lupus", False)}),
    "a to-phrase on another noun passes no subject": (
        "[MSCs|CELL_TYPE] hold the door to treating [lupus|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P), (4, "pcomp", V),
         (5, "dobj", N), (1, "punct", X)],
        set()),
    "a condition treated with an agent": (
        "[Asthma|DISEASE] is a condition treated with [steroids|CHEMICAL] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "attr", N), (3, "acl", V), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        {("steroids", "TREATS", "Asthma", False)}),
    "a tissue treated with an agent is no condition": (
        "The [skin|ANATOMY] is the tissue treated with [steroids|CHEMICAL] .",
        [(1, "det", D), (2, "nsubj", N), (2, "ROOT", V), (4, "det", D), (2, "attr", N), (4, "acl", V),
         (5, "prep", P), (6, "pobj", N), (2, "punct", X)],
        set()),
    "administered in a disease": (
        "[MSCs|CELL_TYPE] were administered in [lupus|DISEASE] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N),
         (2, "punct", X)],
        {("MSCs", "TREATS", "lupus", False)}),
    "administered in a question, the participle on the agent": (
        "How are [MSCs|CELL_TYPE] administered in [lupus|DISEASE] ?",
        [(1, "advmod", ADV), (1, "ROOT", AUX), (1, "attr", N), (2, "acl", V), (3, "prep", P), (4, "pobj", N),
         (1, "punct", X)],
        {("MSCs", "TREATS", "lupus", False)}),
    "infused in patients with a disease": (
        "[MSCs|CELL_TYPE] were infused in patients with [lupus|DISEASE] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N),
         (4, "prep", P), (5, "pobj", N), (2, "punct", X)],
        {("MSCs", "TREATS", "lupus", False)}),
    "administered in a place": (
        "[MSCs|CELL_TYPE] were administered in the [tail vein|ANATOMY] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (6, "det", D),
         (6, "compound", N), (3, "pobj", N), (2, "punct", X)],
        set()),
}

PATHOLOGY = {
    "protective layer, relative clause": (
        "A protective [capsule|ANATOMY] that surrounds the [kidney|ANATOMY] .",
        [(2, "det", D), (2, "amod", A), (2, "ROOT", N), (4, "dep", D), (2, "relcl", V), (6, "det", D),
         (4, "dobj", N), (2, "punct", X)],
        {("capsule", "PROTECTS", "kidney", False)}),
    "a layer that is not called protective": (
        "A fibrous [capsule|ANATOMY] that surrounds the [kidney|ANATOMY] .",
        [(2, "det", D), (2, "amod", A), (2, "ROOT", N), (4, "dep", D), (2, "relcl", V), (6, "det", D),
         (4, "dobj", N), (2, "punct", X)],
        set()),
    "protective layer named by its compound, participle clause": (
        "The protective [myelin|ANATOMY] layer surrounding [axons|ANATOMY] .",
        [(3, "det", D), (3, "amod", A), (3, "compound", N), (3, "ROOT", N), (3, "acl", V), (4, "dobj", N),
         (3, "punct", X)],
        {("myelin", "PROTECTS", "axons", False)}),
    "wrapped in a protective layer called X": (
        "[Axons|ANATOMY] are wrapped in a protective layer called [myelin|ANATOMY] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (6, "det", D),
         (6, "amod", A), (3, "pobj", N), (6, "acl", V), (7, "oprd", N), (2, "punct", X)],
        {("myelin", "PROTECTS", "Axons", False)}),
    # the participle read as an adjective on its object, which the parse makes a second passive
    # subject: the layer protects the axons, the T cells harm the layer only
    "second passive subject behind a participle": (
        "The protective [myelin|ANATOMY] layer surrounding [axons|ANATOMY] is destroyed by"
        " [T cells|CELL_TYPE] .",
        [(3, "det", D), (3, "amod", A), (3, "compound", N), (7, "nsubjpass", N), (5, "amod", V),
         (7, "nsubjpass", N), (7, "auxpass", AUX), (7, "ROOT", V), (7, "agent", P), (10, "compound", N),
         (8, "pobj", N), (7, "punct", X)],
        {("myelin", "PROTECTS", "axons", False), ("T cells", "INHIBITS", "myelin", False)}),
    "attack a tissue": (
        "[T cells|CELL_TYPE] attack the [islets|ANATOMY] .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (4, "det", D), (2, "dobj", N), (2, "punct", X)],
        {("T cells", "INHIBITS", "islets", False)}),
    "damage cells": (
        "[Microglia|CELL_TYPE] damages [neurons|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("Microglia", "INHIBITS", "neurons", False)}),
    "damaged by an agent": (
        "The [myelin|ANATOMY] is damaged by the [immune system|ANATOMY] .",
        [(1, "det", D), (3, "nsubjpass", N), (3, "auxpass", AUX), (3, "ROOT", V), (3, "agent", P),
         (7, "det", D), (7, "amod", A), (4, "pobj", N), (3, "punct", X)],
        {("immune system", "INHIBITS", "myelin", False)}),
    # a damaged tissue names a state: no harm by the sentence's subject
    "damaged as a modifier": (
        "[MSCs|CELL_TYPE] reach damaged [cartilage|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", V), (1, "dobj", N), (1, "punct", X)],
        set()),
    "a disease of organs": (
        "[Lupus|DISEASE] is a chronic disease of the [skin|ANATOMY] and [kidneys|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "attr", N), (4, "prep", P),
         (7, "det", D), (5, "pobj", N), (7, "cc", C), (7, "conj", N), (1, "punct", X)],
        {("Lupus", "ASSOCIATED_WITH", "skin", False), ("Lupus", "ASSOCIATED_WITH", "kidneys", False)}),
    "a condition of a process is no disease definition": (
        "[Stress|PROCESS] is a condition of the [brain|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "attr", N), (3, "prep", P), (6, "det", D),
         (4, "pobj", N), (1, "punct", X)],
        set()),
    "deterioration an outcome": (
        "People with [lupus|DISEASE] experience deterioration of the [kidneys|ANATOMY] .",
        [(3, "nsubj", N), (0, "prep", P), (1, "pobj", N), (3, "ROOT", V), (3, "dobj", N), (4, "prep", P),
         (7, "det", D), (5, "pobj", N), (3, "punct", X)],
        {("lupus", "ASSOCIATED_WITH", "deterioration of the kidneys", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", THERAPY.values(), ids=THERAPY.keys())
def test_therapy_statements(parsed_relations: Callable[..., set], marked: str,
                            rows: list[tuple[int, str, str]],
                            expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked,rows,expected", PATHOLOGY.values(), ids=PATHOLOGY.keys())
def test_pathology_statements(parsed_relations: Callable[..., set], marked: str,
                              rows: list[tuple[int, str, str]],
                              expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected
