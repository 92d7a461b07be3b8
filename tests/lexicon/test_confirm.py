"""DiseaseConfirmation: MeSH disease-tree entries of another class that DOID or MONDO names."""

from __future__ import annotations

import json

import pytest

from pipeline.lexicon.confirm import DiseaseConfirmation, PeptideDrugs
from pipeline.lexicon.sources import ClassRules, ConceptStore, MeshParser

META = {"name": "t", "version": "1", "source": "hand-made", "licence": "CC0"}
RULES = ClassRules.model_validate({
    "meta": META, "precedence": ["DISEASE", "CHEMICAL", "PROCESS"],
    "mesh_trees": {"C": ["DISEASE"], "C23.550": ["PROCESS"], "D": ["CHEMICAL"]},
    "vocabulary_diseases": ["C"],
})
DESC = "\n".join("\t".join(r) for r in [
    ("D1", "Emphysema", "", "C23.550.325"),           # MONDO synonym
    ("D2", "Ischemia", "Ischemias", "C23.550.513"),   # DOID MeSH xref
    ("D3", "Ulcer", "", "C23.550.891"),               # MONDO label, other number
    ("D4", "Inflammation", "", "C23.550.470"),        # no disease vocabulary names it
    ("D5", "Syndrome", "", "C23.550.288"),            # only a DOID grouping class names it
    ("D6", "Tremor", "", "C10.597"),                  # a DISEASE already
    ("D7", "Aspirin", "", "D02.455"),                 # not a disease tree
]) + "\n"
DOID = [
    {"id": "DOID:1", "name": "disease"},
    {"id": "DOID:2", "name": "ischemic thing", "relations": {"is_a": ["DOID:1"]},
     "xrefs": [{"namespace": "MESH", "id": "D2"}]},
    {"id": "DOID:3", "name": "syndrome", "relations": {"is_a": ["DOID:1"]}},
    *({"id": f"DOID:1{i:03d}", "name": f"syndrome {i}", "relations": {"is_a": ["DOID:3"]}}
      for i in range(500)),
    {"id": "DOID:4", "name": "aspirin", "relations": {"is_a": ["DOID:1"]}},
]
ROOT = "MONDO:0000001"
MONDO = {
    ROOT: {"label": "disease", "ancestors": {}},
    "MONDO:1": {"label": "pulmonary emphysema", "synonyms": ["emphysema"], "ancestors": {ROOT: 1}},
    "MONDO:2": {"label": "ulcers", "ancestors": {ROOT: 1}},
    "MONDO:3": {"label": "inflammation", "deprecated": True, "ancestors": {ROOT: 1}},
    "MONDO:4": {"label": "inflammation", "ancestors": {"MONDO:0005583": 1, ROOT: 2}},  # animal disease
}


@pytest.fixture
def store() -> ConceptStore:
    s = ConceptStore(RULES)
    MeshParser(s).parse(DESC, "", "")
    DiseaseConfirmation(s).parse(DESC, json.dumps(DOID), MONDO)
    return s


@pytest.mark.parametrize(("kb_id", "classes"), [
    ("MESH:D1", {"PROCESS", "DISEASE"}),
    ("MESH:D2", {"PROCESS", "DISEASE"}),
    ("MESH:D3", {"PROCESS", "DISEASE"}),
    ("MESH:D4", {"PROCESS"}),
    ("MESH:D5", {"PROCESS"}),
    ("MESH:D6", {"DISEASE"}),
    ("MESH:D7", {"CHEMICAL"}),
])
def test_confirmed_classes(store: ConceptStore, kb_id: str, classes: set[str]) -> None:
    assert store.concepts[kb_id].classes == classes


def test_counts_and_no_rule(store: ConceptStore) -> None:
    assert store.counts["mesh_confirmed_disease"] == 3
    plain = ConceptStore(ClassRules.model_validate({**RULES.model_dump(), "vocabulary_diseases": []}))
    MeshParser(plain).parse(DESC, "", "")
    DiseaseConfirmation(plain).parse(DESC, json.dumps(DOID), MONDO)
    assert plain.concepts["MESH:D1"].classes == {"PROCESS"}


PEPTIDE_RULES = ClassRules.model_validate({
    "meta": META, "precedence": ["GENE_OR_PROTEIN", "CHEMICAL"],
    "mesh_trees": {"D12.644": ["GENE_OR_PROTEIN"], "D12.776": ["GENE_OR_PROTEIN"], "D03": ["CHEMICAL"],
                   "D06": ["CHEMICAL"]},
    "peptide_drugs": {"peptides": ["D12.644"], "proteins": ["D12.776", "D06"]},
})
PEPTIDE_DESC = "\n".join("\t".join(r) for r in [
    ("P1", "Enalapril", "", "D12.644.456.345.360"),             # ChEBI names it
    ("P2", "Atazanavir Sulfate", "", "D03.383.725|D12.644.456.157"),  # a chemical tree
    ("P3", "Carnosine", "", "D12.644.400|D12.776.631.650"),     # also a protein tree
    ("P4", "Oxytocin", "", "D06.472.699|D12.644.548.691"),      # a peptide hormone
    ("P5", "Peptides", "", "D12.644"),                          # only ChEBI's upper-level class
    ("P6", "Kisspeptin", "", "D12.644.400.500"),                # ChEBI lacks it
]) + "\n"
ROOT_C = "CHEBI:24431"
CHEBI = {
    ROOT_C: {"label": "chemical entity", "ancestors": {}},
    "CHEBI:1": {"label": "enalapril", "ancestors": {ROOT_C: 1}},
    "CHEBI:2": {"label": "carnosine", "ancestors": {ROOT_C: 1}},
    "CHEBI:3": {"label": "oxytocin", "ancestors": {ROOT_C: 1}},
    "CHEBI:4": {"label": "peptides", "ancestors": {ROOT_C: 1}},
    **{f"CHEBI:9{i:04d}": {"label": f"peptide {i}", "ancestors": {"CHEBI:4": 1, ROOT_C: 2}}
       for i in range(1000)},
}


@pytest.mark.parametrize(("kb_id", "classes"), [
    ("MESH:P1", {"CHEMICAL"}),
    ("MESH:P2", {"CHEMICAL"}),
    ("MESH:P3", {"GENE_OR_PROTEIN"}),
    ("MESH:P4", {"GENE_OR_PROTEIN", "CHEMICAL"}),
    ("MESH:P5", {"GENE_OR_PROTEIN"}),
    ("MESH:P6", {"GENE_OR_PROTEIN"}),
])
def test_peptide_drugs(kb_id: str, classes: set[str]) -> None:
    s = ConceptStore(PEPTIDE_RULES)
    MeshParser(s).parse(PEPTIDE_DESC, "", "")
    PeptideDrugs(s).parse(PEPTIDE_DESC, CHEBI)
    assert s.concepts[kb_id].classes == classes
    assert s.counts["mesh_peptide_drugs"] == 2
