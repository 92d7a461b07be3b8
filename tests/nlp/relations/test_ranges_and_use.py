"""Range lists ("conditions ranging from A to B"), the passive of a verb of use ("X is used to
treat Y"), the slow / halt triggers and what a disease's patients show, on hand-built parses."""

from __future__ import annotations

import pytest

N, V, P, X, D, A, C = "NOUN", "VERB", "ADP", "PUNCT", "DET", "ADJ", "CCONJ"

# Patients with D often experience S .
PATIENTS = [(4, "nsubj", N), (0, "prep", P), (1, "pobj", N), (4, "advmod", "ADV"), (4, "ROOT", V),
            (4, "dobj", N), (4, "punct", X)]

CASES = {
    "the ends of a range are the objects": (
        "[MSCs|CELL_TYPE] treat conditions ranging from [asthma|DISEASE] and [colitis|DISEASE] to "
        "[arthritis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "acl", V), (3, "prep", P), (4, "pobj", N),
         (5, "cc", C), (5, "conj", N), (3, "prep", P), (8, "pobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "asthma", False), ("MSCs", "TREATS", "colitis", False),
         ("MSCs", "TREATS", "arthritis", False)}),
    "a from-phrase of no range word names no member": (
        "[MSCs|CELL_TYPE] treat conditions arising from [asthma|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "acl", V), (3, "prep", P), (4, "pobj", N),
         (1, "punct", X)],
        set()),
    "what is used treats": (
        "[MSCs|CELL_TYPE] were used in studies to treat [colitis|DISEASE] .",
        [(2, "nsubjpass", N), (2, "auxpass", V), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N),
         (6, "aux", "PART"), (2, "advcl", V), (6, "dobj", N), (2, "punct", X)],
        {("MSCs", "TREATS", "colitis", False)}),
    "slow a progression": (
        "[pirfenidone|CHEMICAL] can slow [fibrosis|DISEASE] progression .",
        [(2, "nsubj", N), (2, "aux", V), (2, "ROOT", V), (4, "compound", N), (2, "dobj", N), (2, "punct", X)],
        {("pirfenidone", "DECREASES", "fibrosis", False)}),
    "slow as an adjective is no trigger": (
        "[pirfenidone|CHEMICAL] is a slow [inhibitor|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "attr", N), (1, "punct", X)],
        set()),
    "what the patients of a disease show": (
        "Patients with [IPF|DISEASE] often experience [dyspnea|DISEASE] .",
        PATIENTS,
        {("IPF", "ASSOCIATED_WITH", "dyspnea", False)}),
    "what a treatment's patients show is no feature of it": (
        "Patients with [MSCs|CELL_TYPE] often experience [dyspnea|DISEASE] .",
        PATIENTS,
        set()),
    "halt": (
        "[MSCs|CELL_TYPE] halt [fibrosis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "INHIBITS", "fibrosis", False)}),
}


@pytest.mark.parametrize("marked, rows, expected", CASES.values(), ids=CASES.keys())
def test_ranges_use_and_rate_verbs(parsed_relations, marked: str, rows: list, expected: set) -> None:
    assert parsed_relations(marked, rows) == expected
