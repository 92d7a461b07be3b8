"""Group concepts and class nouns (pipeline/lexicon/groups.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.errors import ResourceError
from pipeline.lexicon import Concept, Match
from pipeline.lexicon.groups import (
    extend_over_modifiers,
    famplex_groups,
    is_group_noun,
    load_cell_modifiers,
    load_group_modifiers,
    mesh_groups,
    modifier_start,
    read_groups,
    write_groups,
)


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


MODS = frozenset({"inflammatory", "anti-inflammatory", "peripheral"})


@pytest.mark.parametrize(("words", "spaces", "start", "floor", "expected"), [
    (["some", "inflammatory", "cytokines"], [True, True, False], 2, 0, 1),
    (["some", "anti", "-", "inflammatory", "cytokines"], [True, False, False, True, False], 4, 0, 1),
    (["Anti", "-", "inflammatory", "cytokines"], [False, False, True, False], 3, 0, 0),
    (["(", "inflammatory", "cytokines"], [False, True, False], 2, 0, 1),
    # "non-inflammatory": the word is not the modifier
    (["non", "-", "inflammatory", "cytokines"], [False, False, True, False], 3, 0, 3),
    # glued to the noun, or another word between
    (["inflammatory", "-", "cytokines"], [False, False, False], 2, 0, 2),
    (["inflammatory", "key", "cytokines"], [True, True, False], 2, 0, 2),
    # the modifier inside the previous entity stays there
    (["some", "inflammatory", "cytokines"], [True, True, False], 2, 2, 2),
    (["cytokines"], [False], 0, 0, 0),
    # after a line break (a whitespace token) as after a space
    (["Intro", "\n\n", "inflammatory", "cytokines"], [False, False, True, False], 3, 0, 2),
])
def test_modifier_start(words: list[str], spaces: list[bool], start: int, floor: int, expected: int) -> None:
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    assert modifier_start(doc, start, floor, MODS) == expected


def test_packaged_modifiers_load() -> None:
    mods = load_group_modifiers()
    assert {"pro-inflammatory", "anti-inflammatory", "neurotrophic", "peripheral"} <= mods
    cells = load_cell_modifiers()
    # "peripheral" is both: the compartment of a class noun and of a cell ("peripheral blood monocytes")
    assert {"human", "murine", "resident", "peripheral"} <= cells and cells & mods == {"peripheral"}
    assert {"mesenchymal", "hematopoietic", "embryonic"} <= cells  # lineage adjectives (version 1.2)


@pytest.mark.parametrize("modifiers", [
    "[Inflammatory]", "[inflammatory, inflammatory]", "['pro inflammatory']", "['-angiogenic']", "[]"])
def test_bad_modifier_files_are_rejected(tmp_path: Path, modifiers: str) -> None:
    path = tmp_path / "mods.yaml"
    path.write_text("meta: {name: t, version: '1', source: s, licence: MIT}\nmodifiers: " + modifiers + "\n")
    with pytest.raises(ResourceError):
        load_group_modifiers(path)


@pytest.mark.parametrize("cells", ["[Human]", "[human, human]", "['tissue resident']"])
def test_bad_cell_modifiers_are_rejected(tmp_path: Path, cells: str) -> None:
    path = tmp_path / "mods.yaml"
    path.write_text("meta: {name: t, version: '1', source: s, licence: MIT}\nmodifiers: [x]\n"
                    "cell_modifiers: " + cells + "\n")
    with pytest.raises(ResourceError):
        load_cell_modifiers(path)


def _match(label: str, source: str) -> Match:
    return Match(0, 0, Concept("X:1", "x", label, (label,), ()), source)


@pytest.mark.parametrize(("words", "label", "source", "expected"), [
    (["human", "stem", "cells"], "CELL_TYPE", "cl_label", 0),
    (["Human", "stem", "cells"], "CELL_TYPE", "cl_label", 0),
    (["resident", "stem", "cells"], "CELL_TYPE", "cl_label", 0),
    # a cell modifier before another class, or a class-noun modifier before a cell type: no
    (["human", "stem", "cells"], "GENE_OR_PROTEIN", "hgnc_name", 1),
    (["inflammatory", "stem", "cells"], "CELL_TYPE", "cl_label", 1),
    # a class noun takes the group modifiers, not the cell modifiers
    (["inflammatory", "stem", "cells"], "CYTOKINE", "mesh_label+group", 0),
    (["human", "stem", "cells"], "CYTOKINE", "mesh_label+group", 1),
])
def test_extend_over_modifiers(words: list[str], label: str, source: str, expected: int) -> None:
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
    chosen = [(1, len(words), _match(label, source))]
    out = extend_over_modifiers(doc, chosen, MODS, frozenset({"human", "resident"}))
    assert [(s, e) for s, e, _ in out] == [(expected, len(words))]


def test_unknown_keys_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "mods.yaml"
    path.write_text("meta: {name: t, version: '1', source: s, licence: MIT}\nmodifiers: [x]\nextra: 1\n")
    with pytest.raises(ResourceError):
        load_group_modifiers(path)
