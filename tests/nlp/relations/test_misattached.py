"""List members the parse hangs on the wrong word (pipeline/nlp/relations/misattached.py), on
hand-built parses."""

from __future__ import annotations

import pytest

N, V, P, X, D, A, C = "NOUN", "VERB", "ADP", "PUNCT", "DET", "ADJ", "CCONJ"

# The symptoms of PD include ... : 0 The 1 symptoms 2 of 3 PD 4 include 5..
FEATURE = [(1, "det", D), (4, "nsubj", N), (1, "prep", P), (2, "pobj", N), (4, "ROOT", V)]

CASES = {
    "members hung on the first member's of-phrase": (
        "The symptoms of [PD|DISEASE] include [slowness|DISEASE] of movement , [rigidity|DISEASE] and "
        "[tremor|DISEASE] .",
        [*FEATURE, (4, "dobj", N), (5, "prep", P), (6, "pobj", N), (7, "punct", X), (7, "conj", N),
         (9, "cc", C), (9, "conj", N), (4, "punct", X)],
        {("PD", "ASSOCIATED_WITH", "slowness", False), ("PD", "ASSOCIATED_WITH", "rigidity", False),
         ("PD", "ASSOCIATED_WITH", "tremor", False)}),
    "the of-phrase's own list when its object is a mention": (
        "The symptoms of [PD|DISEASE] include [slowness|DISEASE] of [gait|DISEASE] and [speech|DISEASE] .",
        [*FEATURE, (4, "dobj", N), (5, "prep", P), (6, "pobj", N), (7, "cc", C), (7, "conj", N),
         (4, "punct", X)],
        {("PD", "ASSOCIATED_WITH", "slowness", False)}),
    "members of another class stay with the of-phrase": (
        "The symptoms of [PD|DISEASE] include [slowness|DISEASE] of movement and [dopamine|CHEMICAL] .",
        [*FEATURE, (4, "dobj", N), (5, "prep", P), (6, "pobj", N), (7, "cc", C), (7, "conj", N),
         (4, "punct", X)],
        {("PD", "ASSOCIATED_WITH", "slowness", False)}),
    "objects hung on the verb after its prepositional object": (
        "[SCI|DISEASE] can result in [paralysis|DISEASE] , [loss of sensation|DISEASE] , and autonomic "
        "dysfunction .",
        [(2, "nsubj", N), (2, "aux", V), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N), (2, "punct", X),
         (2, "dobj", N), (6, "prep", P), (7, "pobj", N), (6, "punct", X), (6, "cc", C), (12, "amod", A),
         (6, "conj", N), (2, "punct", X)],
        {("SCI", "DRIVES", "paralysis", False), ("SCI", "DRIVES", "loss of sensation", False),
         ("SCI", "DRIVES", "autonomic dysfunction", False)}),
    "no comma: no continued list": (
        "[SCI|DISEASE] can result in [paralysis|DISEASE] [seizures|DISEASE] .",
        [(2, "nsubj", N), (2, "aux", V), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N), (2, "dobj", N),
         (2, "punct", X)],
        {("SCI", "DRIVES", "paralysis", False)}),
    # relcoord: an example list on a subject, continued as further subjects of its verb
    "examples continued as subjects of the verb": (
        "[PD|DISEASE] symptoms such as [tremor|DISEASE] , [rigidity|DISEASE] and [apathy|DISEASE] appear "
        "early .",
        [(1, "compound", N), (9, "nsubj", N), (3, "amod", A), (1, "prep", P), (3, "pobj", N), (9, "punct", X),
         (9, "nsubj", N), (6, "cc", C), (6, "conj", N), (9, "ROOT", V), (9, "advmod", "ADV"),
         (9, "punct", X)],
        {("PD", "ASSOCIATED_WITH", "tremor", False), ("PD", "ASSOCIATED_WITH", "rigidity", False),
         ("PD", "ASSOCIATED_WITH", "apathy", False)}),
    "no comma after the example phrase: no continued subjects": (
        "[PD|DISEASE] symptoms such as [tremor|DISEASE] [rigidity|DISEASE] appear .",
        [(1, "compound", N), (6, "nsubj", N), (3, "amod", A), (1, "prep", P), (3, "pobj", N), (6, "nsubj", N),
         (6, "ROOT", V), (6, "punct", X)],
        {("PD", "ASSOCIATED_WITH", "tremor", False)}),
    # relcoord: an example phrase the parse hangs on the verb names the generic cargo's members
    "examples of generic cargo hung on the verb": (
        "[MSCs|CELL_TYPE] secrete [IL-6|CYTOKINE] and other factors like [NO|CHEMICAL] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (5, "amod", A), (2, "conj", N),
         (1, "prep", P), (6, "pobj", N), (1, "punct", X)],
        {("MSCs", "SECRETES", "IL-6", False), ("MSCs", "SECRETES", "NO", False)}),
    "a comparison after a named object is no example": (
        "[MSCs|CELL_TYPE] release [IL-6|CYTOKINE] like [macrophages|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "prep", P), (3, "pobj", N), (1, "punct", X)],
        {("MSCs", "SECRETES", "IL-6", False)}),
}


@pytest.mark.parametrize("marked, rows, expected", CASES.values(), ids=CASES.keys())
def test_misattached_list_members(parsed_relations, marked: str, rows: list, expected: set) -> None:
    assert parsed_relations(marked, rows) == expected
