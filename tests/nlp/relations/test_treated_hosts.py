"""A change named in hosts given an agent (relrecall, issue 12): "Y was reduced in cells treated
with X", "Y was increased in X-treated cells", "Y was increased in the presence of X": the
treatment (or the condition) is the change's agent. Each case a marked sentence with a hand-built
CRAFT/ClearNLP parse through the whole component."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, A, P, D, X, AUX, ADV = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "AUX", "ADV"

CASES = {
    "host treated with the agent": (
        "[IL-6|GENE_OR_PROTEIN] expression was reduced in cells treated with [dexamethasone|CHEMICAL] .",
        [(1, "compound", N), (3, "nsubjpass", N), (3, "auxpass", AUX), (3, "ROOT", V), (3, "prep", P),
         (4, "pobj", N), (5, "acl", V), (6, "prep", P), (7, "pobj", N), (3, "punct", X)],
        {("dexamethasone", "DECREASES", "IL-6", False)}),
    "host exposed to the agent": (
        "[MMP-2|GENE_OR_PROTEIN] secretion was suppressed in cells exposed to [gartanin|CHEMICAL] .",
        [(1, "compound", N), (3, "nsubjpass", N), (3, "auxpass", AUX), (3, "ROOT", V), (3, "prep", P),
         (4, "pobj", N), (5, "acl", V), (6, "prep", P), (7, "pobj", N), (3, "punct", X)],
        {("gartanin", "INHIBITS", "MMP-2", False)}),
    "hyphenated treatment of the host": (
        "[MMP-9|GENE_OR_PROTEIN] levels were increased in [CaCl2|CHEMICAL] - treated segments .",
        [(1, "compound", N), (3, "nsubjpass", N), (3, "auxpass", AUX), (3, "ROOT", V), (3, "prep", P),
         (7, "npadvmod", N), (7, "punct", X), (8, "amod", V), (4, "pobj", N), (3, "punct", X)],
        {("CaCl2", "INCREASES", "MMP-9", False)}),
    "in the presence of the agent": (
        "[IL-10|GENE_OR_PROTEIN] production was increased in the presence of [IL-12|GENE_OR_PROTEIN] .",
        [(1, "compound", N), (3, "nsubjpass", N), (3, "auxpass", AUX), (3, "ROOT", V), (3, "prep", P),
         (6, "det", D), (4, "pobj", N), (6, "prep", P), (7, "pobj", N), (3, "punct", X)],
        {("IL-12", "INCREASES", "IL-10", False)}),
    # an absence is no agent
    "in the absence of the agent": (
        "[IL-10|GENE_OR_PROTEIN] production was increased in the absence of [IL-12|GENE_OR_PROTEIN] .",
        [(1, "compound", N), (3, "nsubjpass", N), (3, "auxpass", AUX), (3, "ROOT", V), (3, "prep", P),
         (6, "det", D), (4, "pobj", N), (6, "prep", P), (7, "pobj", N), (3, "punct", X)],
        set()),
    # a host described otherwise ("cells derived from X") names no treatment
    "host of another participle": (
        "[IL-6|GENE_OR_PROTEIN] expression was reduced in cells derived from [MSCs|CELL_TYPE] .",
        [(1, "compound", N), (3, "nsubjpass", N), (3, "auxpass", AUX), (3, "ROOT", V), (3, "prep", P),
         (4, "pobj", N), (5, "acl", V), (6, "prep", P), (7, "pobj", N), (3, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_treated_hosts(parsed_relations: Callable[..., set], marked: str, rows: list[tuple[int, str, str]],
                       expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected
