"""UBERON anatomy and GO vesicle components joined to MeSH (pipeline/lexicon/anatomy.py)."""

from __future__ import annotations

import json

import pytest

from pipeline.lexicon.anatomy import (
    GoVesicleParser,
    UberonParser,
    is_abbreviation,
    latin_plural,
    renamed_synonyms,
)
from pipeline.lexicon.sources import ClassRules, ConceptStore, MeshParser
from pipeline.ruledata import load_yaml, resource_path

ROOT = "UBERON:0001062"


def _store() -> ConceptStore:
    store = ConceptStore(load_yaml(resource_path("lexicon_classes.yaml"), ClassRules))
    MeshParser(store).parse("D1\tAdipose Tissue\tFatty Tissue\tA10.165.114\n"
                            "D2\tBone and Bones\t\tA02.835.232\n"
                            "D3\tExosomes\t\tA11.284.430.214.190.875.190\n", "", "")
    return store


def _entry(label: str, synonyms: list[str], ancestors: dict[str, int] | None = None) -> dict[str, object]:
    return {"label": label, "synonyms": synonyms, "deprecated": False,
            "ancestors": {ROOT: 3} if ancestors is None else ancestors}


ZIPF = {"fat": 4.8, "ball": 5.0, "striatum": 2.1}.get


def test_uberon_joins_mesh_adds_new_and_filters() -> None:
    store = _store()
    UberonParser(store).parse({
        "UBERON:0000001": _entry("adipose tissue", ["fat", "fat tissue"]),
        "UBERON:0000002": _entry("striatum", ["ST"]),
        "UBERON:0000003": _entry("alveolus", []),
        "UBERON:2000006": _entry("ball", []),                      # a teleost import
        "UBERON:0000004": _entry("wing bud", [], ancestors={}),      # not under anatomical entity
    }, lambda w: ZIPF(w, 1.0))
    fat = store.concepts["MESH:D1"]
    assert "fat tissue" in fat.terms and "fat" not in fat.terms and "UBERON:0000001" in fat.xrefs
    striatum = store.concepts["UBERON:0000002"]
    assert striatum.classes == {"ANATOMY"} and set(striatum.terms) == {"striatum", "striata"}
    assert set(store.concepts["UBERON:0000003"].terms) == {"alveolus", "alveoli"}
    assert "UBERON:2000006" not in store.concepts and "UBERON:0000004" not in store.concepts


@pytest.mark.parametrize(("entry", "mesh", "kept", "dropped"), [
    # the label of a concept joined to MeSH anatomy (by "peripheral nerve") is kept in either number
    (_entry("nerve", ["nerves", "peripheral nerve"]), "MESH:D4", {"nerve", "nerves"}, set()),
    # a common-word synonym of a joined concept stays out ("fat" of adipose tissue)
    (_entry("adipose tissue", ["fat"]), "MESH:D1", set(), {"fat"}),
    # a common-word label of a concept MeSH lacks stays out
    (_entry("tail", ["caudal appendage"]), "UBERON:0000009", {"caudal appendage"}, {"tail"}),
])
def test_common_word_label_of_mesh_anatomy(entry: dict[str, object], mesh: str, kept: set[str],
                                           dropped: set[str]) -> None:
    store = _store()
    MeshParser(store).parse("D4\tPeripheral Nerves\tPeripheral Nerve\tA08.800\n", "", "")
    UberonParser(store).parse({"UBERON:0000009": entry},
                              lambda w: {"nerve": 4.2, "nerves": 4.0, "fat": 4.8, "tail": 4.3}.get(w, 1.0))
    terms = set(store.concepts[mesh].terms)
    assert kept <= terms and not dropped & terms


def test_mesh_singular_and_plural_label() -> None:
    assert {"Bone", "Bones"} <= set(_store().concepts["MESH:D2"].terms)


def test_go_vesicles_join_mesh_in_either_number() -> None:
    store = _store()
    go = [{"id": "GO:1903561", "name": "extracellular vesicle", "namespace": "cellular_component"},
          {"id": "GO:0070062", "name": "extracellular exosome", "namespace": "cellular_component",
           "synonyms": ["exosome"], "relations": {"is_a": ["GO:1903561"]}},
          {"id": "GO:1990742", "name": "microvesicle", "namespace": "cellular_component",
           "relations": {"is_a": ["GO:1903561"]}},
          {"id": "GO:0005634", "name": "nucleus", "namespace": "cellular_component"}]
    GoVesicleParser(store).parse(json.dumps(go))
    assert "GO:0070062" in store.concepts["MESH:D3"].xrefs
    assert "extracellular exosome" in store.concepts["MESH:D3"].terms
    assert store.concepts["GO:1990742"].classes == {"ANATOMY"}
    assert "GO:0005634" not in store.concepts


@pytest.mark.parametrize(("term", "expected"), [("ALL", True), ("Sp", True), ("NC", True),
                                                ("striatum", False), ("MAO gland", False)])
def test_is_abbreviation(term: str, expected: bool) -> None:
    assert is_abbreviation(term) is expected


@pytest.mark.parametrize(("term", "expected"), [("lung alveolus", "lung alveoli"), ("striatum", "striata"),
                                                ("vertebra", "vertebrae"), ("lung", None), ("Bone", None)])
def test_latin_plural(term: str, expected: str | None) -> None:
    assert latin_plural(term) == expected


def test_renamed_synonyms() -> None:
    # "gut" names the intestine in two other concepts' names ("small gut", "gut wall"); "tube"
    # only in one of them, "pipe" in none
    names = {"U:1": ["intestine", "gut", "pipe"], "U:2": ["small intestine", "small gut"],
             "U:3": ["wall of intestine", "gut wall", "intestine wall"], "U:4": ["tube", "duct"],
             "U:5": ["tube of duct", "duct lumen", "tube lumen"]}
    candidates = {"U:1": ["gut", "pipe"], "U:4": ["tube"]}
    assert renamed_synonyms(names, candidates, minimum=2) == {"gut"}
    assert renamed_synonyms(names, candidates, minimum=1) == {"gut", "tube"}
    assert renamed_synonyms(names, candidates, minimum=3) == set()


@pytest.mark.parametrize(("chemical", "kept"), [(False, True), (True, False)])
def test_common_word_synonym_uberon_names_use_is_kept(chemical: bool, kept: bool) -> None:
    # "fat" names adipose tissue in five other UBERON names: kept, unless a CHEMICAL term ends in
    # it ("dietary fat": the nutrient)
    store = _store()
    if chemical:
        MeshParser(store).parse("D5\tDietary Fats\tDietary Fat\tD10.212\n", "", "")
    parts = {f"UBERON:000010{i}": _entry(f"{side} adipose tissue", [f"{side} fat"])
             for i, side in enumerate(["epicardial", "pericardial", "visceral", "orbital", "renal"])}
    UberonParser(store).parse({"UBERON:0000001": _entry("adipose tissue", ["fat"]),
                               "UBERON:0000002": _entry("ball", ["sphere"]), **parts},
                              lambda w: ZIPF(w, 1.0) if w != "sphere" else 4.0)
    assert ("fat" in store.concepts["MESH:D1"].terms) is kept
    assert "UBERON:0000002" not in store.concepts  # "sphere": common, and no other name uses it
    assert store.counts["uberon_common_renamed_synonym"] == int(kept)


@pytest.mark.parametrize("synonyms", [[], ["knee joint"]])
def test_uberon_entry_without_a_label_is_left_out(synonyms: list[str]) -> None:
    store = _store()
    UberonParser(store).parse({"UBERON:0000001": _entry("", synonyms),
                               "UBERON:0000002": _entry("patella", [])})
    assert "UBERON:0000001" not in store.concepts and "UBERON:0000002" in store.concepts


def test_go_vesicle_parent_alone_not_its_other_children() -> None:
    store = _store()
    go = [{"id": "GO:0031982", "name": "vesicle", "namespace": "cellular_component"},
          {"id": "GO:1903561", "name": "extracellular vesicle", "namespace": "cellular_component",
           "relations": {"is_a": ["GO:0031982"]}},
          {"id": "GO:0008021", "name": "synaptic vesicle", "namespace": "cellular_component",
           "relations": {"is_a": ["GO:0031982"]}}]
    GoVesicleParser(store).parse(json.dumps(go))
    assert store.concepts["GO:0031982"].terms == {"vesicle": "go_component"}
    assert store.concepts["GO:0031982"].classes == {"ANATOMY"}
    assert "GO:0008021" not in store.concepts
