"""MONDO diseases and ChEBI chemicals joined to MeSH (pipeline/lexicon/mondo.py)."""

from __future__ import annotations

import pytest

from pipeline.lexicon.mondo import CHEBI_ROOT, MONDO_ROOT, ChebiParser, MondoParser, common_one_word
from pipeline.lexicon.sources import ClassRules, Concept, ConceptStore, MeshParser
from pipeline.ruledata import load_yaml, resource_path

ZIPF = {"disease": 5.0, "sickness": 3.9, "fibrosis": 2.9, "wax": 3.8, "kebuzone": 0.0}.get


def _zipf(word: str) -> float:
    return ZIPF(word, 1.0)


def _store() -> ConceptStore:
    store = ConceptStore(load_yaml(resource_path("lexicon_classes.yaml"), ClassRules))
    MeshParser(store).parse("D1\tLung Fibrosis\tFibrosis of Lung\tC08.381.765\n"
                            "D2\tAspirin\t\tD02.241.223\n"
                            "D3\tRenal Tumor\t\tA05.810.453\n"
                            "D4\tWaxes\t\tD10.627\n", "", "")
    return store


def _entry(label: str, synonyms: list[str] | None = None, root: str = MONDO_ROOT,
           deprecated: bool = False) -> dict[str, object]:
    return {"label": label, "synonyms": synonyms or [], "deprecated": deprecated, "ancestors": {root: 2}}


def test_mondo_joins_mesh_disease_and_adds_unmapped_concepts() -> None:
    store = _store()
    MondoParser(store).parse({
        "MONDO:0000010": _entry("fibrosis of lungs", ["interstitial lung fibrosis", "ILF"]),
        "MONDO:0000011": _entry("glassy disorder", ["glassy disease", "sickness", "glassy disorder, adult",
                                                    "glassic", "gld", "aspirin-induced glassy disorder"]),
        "MONDO:0000012": _entry("renal tumor", ["kidney tumour"]),  # MeSH has the name, as ANATOMY
        "MONDO:0000013": _entry("old disorder", deprecated=True),
        "MONDO:0000014": _entry("horse disorder", root="MONDO:0005583"),
        "MONDO:0000015": _entry("aspirin allergy"),  # names around a MeSH chemical: the corpora tag aspirin
    }, _zipf)
    lung = store.concepts["MESH:D1"]
    assert lung.terms["interstitial lung fibrosis"] == "mondo_synonym" and "ILF" not in lung.terms
    assert "MONDO:0000010" in lung.xrefs and "MONDO:0000010" not in store.concepts
    glassy = store.concepts["MONDO:0000011"]
    assert glassy.classes == {"DISEASE"} and set(glassy.terms) == {"glassy disorder", "glassy disease"}
    tumour = store.concepts["MONDO:0000012"]
    assert set(tumour.terms) == {"kidney tumour"} and "renal tumor" not in tumour.terms
    assert not {"MONDO:0000013", "MONDO:0000014", "MONDO:0000015"} & set(store.concepts)
    assert store.counts["mondo_joined_disease"] == 1 and store.counts["mondo_diseases"] == 2


def test_mondo_grouping_class_only_where_it_joins() -> None:
    store = _store()
    terms = {"MONDO:0000020": _entry("widespread disorder")}
    terms.update({f"MONDO:1{i:06d}": {"label": "", "ancestors": {MONDO_ROOT: 3, "MONDO:0000020": 1}}
                  for i in range(5000)})
    MondoParser(store).parse(terms, _zipf)
    assert "MONDO:0000020" not in store.concepts and store.counts["mondo_upper_level"] == 1


def test_chebi_adds_named_compounds_only() -> None:
    store = _store()
    ChebiParser(store).parse({
        "CHEBI:1": _entry("aspirin", root=CHEBI_ROOT),            # MeSH has it
        "CHEBI:2": _entry("NS-398", root=CHEBI_ROOT),
        "CHEBI:3": _entry("kebuzone", root=CHEBI_ROOT),
        "CHEBI:4": _entry("calcium(2+)", root=CHEBI_ROOT),
        "CHEBI:5": _entry("2,3-dihydroxy-4-methylbutanoic acid", root=CHEBI_ROOT),
        "CHEBI:6": _entry("CID 91850818", root=CHEBI_ROOT),
        "CHEBI:7": _entry("wax", root=CHEBI_ROOT),
        "CHEBI:8": _entry("methyl group", root="CHEBI:24433"),
        "CHEBI:9": _entry("aspirin lysinate", root=CHEBI_ROOT),     # a salt keeps its whole name
        "CHEBI:11": _entry("compound 7b", root=CHEBI_ROOT),
        "CHEBI:12": _entry("wax", root=CHEBI_ROOT),                 # MeSH has "Waxes": still a word
        "CHEBI:10": _entry("aspirins", root=CHEBI_ROOT),            # MeSH has it in the other number
    }, _zipf)
    assert store.concepts["CHEBI:2"].terms == {"NS-398": "chebi_label"}
    assert store.concepts["CHEBI:2"].classes == {"CHEMICAL"}
    assert "kebuzone" in store.concepts["CHEBI:3"].terms
    assert set(store.concepts) & {f"CHEBI:{i}" for i in range(1, 13)} == {"CHEBI:2", "CHEBI:3", "CHEBI:9"}
    aspirin = store.concepts["MESH:D2"]
    assert aspirin.terms["aspirins"] == "chebi_label" and aspirin.xrefs == {"CHEBI:10"}
    assert set(store.concepts["MESH:D4"].terms) == {"Waxes"}


@pytest.mark.parametrize(("name", "common"), [
    ("disease", True), ("Disease", True), ("fibrosis", False), ("glassy disease", False),
    ("WAX", True), ("wax", True), ("Wax", True), ("dUMP", False), ("NS-398", False),
])
def test_common_one_word(name: str, common: bool) -> None:
    assert common_one_word(name, lambda w: {"disease": 5.0, "wax": 3.8, "dump": 4.0}.get(w, 1.0)) is common


def test_mondo_names_around_a_term_kept_only_for_mesh_concepts() -> None:
    store = _store()
    store.concepts["DOID:9"] = Concept("DOID:9", "glass block", {"DISEASE"},
                                       terms={"glass block": "doid_name"})
    MondoParser(store).parse({
        "MONDO:0000030": _entry("glass block", ["complete glass block", "vitreous block"]),
        "MONDO:0000031": _entry("lung fibrosis", ["fulminant lung fibrosis"]),
    }, _zipf)
    assert set(store.concepts["DOID:9"].terms) == {"glass block", "vitreous block"}
    assert store.concepts["MESH:D1"].terms["fulminant lung fibrosis"] == "mondo_synonym"
