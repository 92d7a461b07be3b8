"""Rule ``activation_nominal``: a positive influence named by a noun ("activation of STAT4 by
IL12", "IL12-induced activation of STAT4"); a hyphenated agent of such a noun is read once, by
the nominalisation (pattern ``nominal_hyphen_agent``), not also as "IL12-induced" (DRIVES)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, P, X, AUX = "NOUN", "VERB", "ADP", "PUNCT", "AUX"
G = "GENE_OR_PROTEIN"

CASES = {
    "of-object and by-agent": (
        f"Activation of [STAT4|{G}] by [IL12|{G}] was seen .",
        [(6, "nsubjpass", N), (0, "prep", P), (1, "pobj", N), (0, "prep", P), (3, "pobj", N),
         (6, "auxpass", AUX), (6, "ROOT", V), (6, "punct", X)],
        {("IL12", "ACTIVATES", "STAT4", False)}),
    "induction by": (
        f"Induction of [IL10|{G}] by [IL12|{G}] was seen .",
        [(6, "nsubjpass", N), (0, "prep", P), (1, "pobj", N), (0, "prep", P), (3, "pobj", N),
         (6, "auxpass", AUX), (6, "ROOT", V), (6, "punct", X)],
        {("IL12", "ACTIVATES", "IL10", False)}),
    "hyphenated agent": (
        f"[MEK1|{G}] - catalyzed activation of [ERK2|{G}] was seen .",
        [(2, "npadvmod", N), (2, "punct", X), (3, "amod", V), (7, "nsubjpass", N), (3, "prep", P),
         (4, "pobj", N), (7, "auxpass", AUX), (7, "ROOT", V), (7, "punct", X)],
        {("MEK1", "ACTIVATES", "ERK2", False)}),
    # no nominalisation: the hyphen rule reads it
    "hyphen before a name": (
        f"[IL12|{G}] - induced [STAT4|{G}] signaling was seen .",
        [(2, "npadvmod", N), (2, "punct", X), (4, "amod", V), (4, "compound", N), (6, "nsubjpass", N),
         (6, "auxpass", AUX), (6, "ROOT", V), (6, "punct", X)],
        {("IL12", "DRIVES", "STAT4", False)}),
    # without an agent the noun relates nothing
    "no agent": (
        f"Activation of [STAT4|{G}] was seen .",
        [(4, "nsubjpass", N), (0, "prep", P), (1, "pobj", N), (4, "auxpass", AUX), (4, "ROOT", V),
         (4, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_activation_nominal(parsed_relations: Callable[..., set], marked: str,
                            rows: list[tuple[int, str, str]],
                            expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


D, A = "DET", "ADJ"
# rule requirement_noun: what something needs, named by a noun after the copula
REQUIREMENTS = {
    "requirement for": (
        f"Activation of [ERK1|{G}] was a requirement for [IL10|{G}] production .",
        [(3, "nsubj", N), (0, "prep", P), (1, "pobj", N), (3, "ROOT", V), (5, "det", D), (3, "attr", N),
         (5, "prep", P), (8, "compound", N), (6, "pobj", N), (3, "punct", X)],
        {("ERK1", "ACTIVATES", "IL10", False)}),
    "prerequisite for": (
        f"[STAT4|{G}] is a key prerequisite for [IL10|{G}] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "attr", N), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        {("STAT4", "ACTIVATES", "IL10", False)}),
    # no copula: a requirement only mentioned states nothing
    "mentioned only": (
        f"The requirement for [IL2|{G}] was tested .",
        [(1, "det", D), (5, "nsubjpass", N), (1, "prep", P), (2, "pobj", N), (5, "auxpass", AUX),
         (5, "ROOT", V), (5, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", REQUIREMENTS.values(), ids=REQUIREMENTS.keys())
def test_requirement_noun(parsed_relations: Callable[..., set], marked: str,
                          rows: list[tuple[int, str, str]],
                          expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected
