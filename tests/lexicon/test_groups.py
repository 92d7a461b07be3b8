"""Group concepts and class nouns (pipeline/lexicon/groups.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.lexicon.groups import famplex_groups, is_group_noun, mesh_groups, read_groups, write_groups


def test_mesh_groups_need_narrower_descriptors_and_depth() -> None:
    text = ("D1\tProteins\t\tD12.776\nD2\tSignal Proteins\t\tD12.776.1.2.3\n"
            "D3\tInterleukin X\t\tD12.776.1.2.3.4\nD4\tKinase Z\t\tD12.776.5\n")
    assert set(mesh_groups(text)) == {"MESH:D2"}  # D1 is too general, D3 and D4 have no narrower one


def test_famplex_families_not_complexes() -> None:
    rel = "HGNC,CCL2,isa,FPLX,Chemokine\nHGNC,NFKB1,partof,FPLX,NFkappaB\n"
    assert set(famplex_groups(rel)) == {"FPLX:Chemokine"}


def test_groups_file_round_trip(tmp_path: Path) -> None:
    n = write_groups({"MESH:D2": "e", "FPLX:X": "f"}, ["MESH:D2", "HGNC:1"], tmp_path)
    assert n == 1 and read_groups(tmp_path / "groups.tsv") == frozenset({"MESH:D2"})
    assert read_groups(tmp_path / "absent.tsv") == frozenset()


@pytest.mark.parametrize(("words", "expected"), [
    (["cytokines"], True), (["cell", "adhesion", "molecules"], True), (["Cytokines"], False),
    (["cytokine"], False), (["hepatitis"], False), (["VEGF", "receptors"], False)])
def test_is_group_noun(words: list[str], expected: bool) -> None:
    assert is_group_noun(words) is expected
