"""Agent nouns outside the copula (relrecall, issue 12): an agent noun in apposition ("TNF, a
potent inducer of IL-6"), behind a verb of role ("PGE2 acts as an inhibitor of IL-12"), and a
relative clause on an apposition ("IL-10, a cytokine that suppresses TNF"), and a role noun a
treatment phrase hangs on ("MSCs are promising candidates for the treatment of RA"), each through
the whole component on a hand-built CRAFT/ClearNLP parse."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, A, P, D, X, PR, AUX = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "PRON", "AUX"

CASES = {
    "agent noun in apposition": (
        "[TNF|GENE_OR_PROTEIN] , a potent inducer of [IL-6|GENE_OR_PROTEIN] , was measured .",
        [(9, "nsubjpass", N), (0, "punct", X), (4, "det", D), (4, "amod", A), (0, "appos", N), (4, "prep", P),
         (5, "pobj", N), (9, "punct", X), (9, "auxpass", AUX), (9, "ROOT", V), (9, "punct", X)],
        {("TNF", "DRIVES", "IL-6", False)}),
    "inhibitor behind 'acts as'": (
        "[PGE2|CHEMICAL] acts as a potent inhibitor of [IL-12|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (5, "det", D), (5, "amod", A), (2, "pobj", N),
         (5, "prep", P), (6, "pobj", N), (1, "punct", X)],
        {("PGE2", "INHIBITS", "IL-12", False)}),
    "mediator behind 'serves as'": (
        "[IL-6|GENE_OR_PROTEIN] serves as a mediator of [STAT3|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (4, "det", D), (2, "pobj", N), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        {("IL-6", "DRIVES", "STAT3", False)}),
    # the relative clause on the apposition speaks of the noun the apposition describes
    "relative clause on an apposition": (
        "We studied [IL-10|GENE_OR_PROTEIN] , a cytokine that suppresses [TNF|GENE_OR_PROTEIN] .",
        [(1, "nsubj", PR), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (5, "det", D), (2, "appos", N),
         (7, "dep", D), (5, "relcl", V), (7, "dobj", N), (1, "punct", X)],
        {("IL-10", "INHIBITS", "TNF", False)}),
    # a relative clause on a noun that describes no other noun speaks of that noun (no mention)
    "relative clause on a plain object": (
        "[IL-10|GENE_OR_PROTEIN] binds a receptor that suppresses [TNF|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (5, "dep", D), (3, "relcl", V),
         (5, "dobj", N), (1, "punct", X)],
        set()),
    "role noun of a copula": (
        "[MSCs|CELL_TYPE] are promising candidates for the treatment of [rheumatoid arthritis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (3, "amod", A), (1, "attr", N), (3, "prep", P), (6, "det", D),
         (4, "pobj", N), (6, "prep", P), (9, "amod", A), (7, "pobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "rheumatoid arthritis", False)}),
    "role noun of what is used": (
        "[MSCs|CELL_TYPE] have been used as therapeutic agents for the treatment of "
        "[rheumatoid arthritis|DISEASE] .",
        [(3, "nsubjpass", N), (3, "aux", AUX), (3, "auxpass", AUX), (3, "ROOT", V), (3, "prep", P),
         (6, "amod", A), (4, "pobj", N), (6, "prep", P), (9, "det", D), (7, "pobj", N), (9, "prep", P),
         (12, "amod", A), (10, "pobj", N), (3, "punct", X)],
        {("MSCs", "TREATS", "rheumatoid arthritis", False)}),
    # a target is what a treatment acts on
    "a target is no role": (
        "[IL-6|CYTOKINE] is a promising target for the treatment of [rheumatoid arthritis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (4, "det", D), (4, "amod", A), (1, "attr", N), (4, "prep", P),
         (7, "det", D), (5, "pobj", N), (7, "prep", P), (10, "amod", A), (8, "pobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_agent_noun_roles(parsed_relations: Callable[..., set], marked: str, rows: list[tuple[int, str, str]],
                          expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected
