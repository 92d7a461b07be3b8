"""Mentions that name no participant of a relation (relprec, issue 12): a generic variant or
sequence word, and a modifier of an opaque head noun right after it; heads that name the
mention's own amount or activity keep it an argument."""

from __future__ import annotations

from collections.abc import Callable

import pytest

CASES = {
    "a modifier of a barrier": ("[PGA2|CHEMICAL] enhanced the [EC|CELL_TYPE] barrier .", set()),
    "the cells' own proliferation": (
        "[PGA2|CHEMICAL] enhanced [EC|CELL_TYPE] proliferation .", {("PGA2", "ACTIVATES", "EC")}),
    "a ligand of the subject's protein": (
        "A [TSPO|GENE_OR_PROTEIN] ligand attenuates [brain injury|DISEASE] .", set()),
    "the protein itself": (
        "[TSPO|GENE_OR_PROTEIN] attenuates [brain injury|DISEASE] .",
        {("TSPO", "DECREASES", "brain injury")}),
    "a -like phenotype": ("[ADAM12|GENE_OR_PROTEIN] promotes the [stem cell|CELL_TYPE] - like phenotype .",
                          set()),
    "the cells' expansion": (
        "[ADAM12|GENE_OR_PROTEIN] promotes [stem cell|CELL_TYPE] expansion .",
        {("ADAM12", "ACTIVATES", "stem cell")}),
    "cell cycle arrest": ("[GADD45A|GENE_OR_PROTEIN] induces [cell cycle|PROCESS] arrest .", set()),
    "a generic variant word as subject": (
        "The [SNP|CHEMICAL] was associated with [lung cancer|DISEASE] .", set()),
    "a generic variant word as object": ("[IL-8|CYTOKINE] was associated with the [SNP|CHEMICAL] .", set()),
    "a named variant stays": (
        "[rs1234|GENE_OR_PROTEIN] was associated with [lung cancer|DISEASE] .",
        {("rs1234", "ASSOCIATED_WITH", "lung cancer")}),
}


@pytest.mark.parametrize(("marked", "expected"), CASES.values(), ids=CASES.keys())
def test_mentions_that_name_no_participant(relations_of: Callable[[str], list], marked: str,
                                           expected: set[tuple[str, str, str]]) -> None:
    assert {(r.subject.text, r.predicate, r.object.text) for r in relations_of(marked)} == expected
