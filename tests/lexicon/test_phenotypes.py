"""The HPO parser on a tiny hand-made OBO text."""

from __future__ import annotations

import json

import pytest

from pipeline.lexicon.phenotypes import HpoParser, descendants, obo_terms
from pipeline.lexicon.sources import ClassRules, Concept, ConceptStore

META = {"name": "t", "version": "1", "source": "hand-made", "licence": "CC0"}
RULES = ClassRules.model_validate({"meta": META, "precedence": ["DISEASE", "PROCESS"], "mesh_trees": {}})

OBO = """format-version: 1.2

[Term]
id: HP:0000001
name: All

[Term]
id: HP:0000118
name: Phenotypic abnormality
is_a: HP:0000001 ! All

[Term]
id: HP:0000005
name: Mode of inheritance
is_a: HP:0000001 ! All

[Term]
id: HP:0000006
name: Autosomal dominant inheritance
is_a: HP:0000005 ! Mode of inheritance

[Term]
id: HP:0000010
name: Slow gait
synonym: "Walking slowly" EXACT layperson []
synonym: "Shuffle" EXACT []
synonym: "Slow walk" RELATED []
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0000011
name: Very slow gait
is_a: HP:0000010 ! Slow gait

[Term]
id: HP:0000012
name: Brain swelling
synonym: "Swollen brain" EXACT []
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0000013
name: Swelling
synonym: "Tissue swelling" EXACT []
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0000015
name: Sudden brain edema
synonym: "Brain edema, sudden" EXACT []
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0000016
name: Cranial oedema
xref: UMLS:C0000001
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0000014
name: Old term
is_obsolete: true
is_a: HP:0000118 ! Phenotypic abnormality

[Typedef]
id: part_of
name: part of
"""


def test_obo_terms_and_descendants() -> None:
    terms = list(obo_terms(OBO))
    assert [t["id"] for t in terms][:3] == ["HP:0000001", "HP:0000118", "HP:0000005"]
    slow = next(t for t in terms if t["id"] == "HP:0000010")
    assert slow["synonyms"] == ["Walking slowly", "Shuffle"]  # EXACT only
    assert slow["is_a"] == ["HP:0000118"]
    assert "part_of" not in {t["id"] for t in terms}  # a [Typedef] is no term
    below = descendants(terms, "HP:0000118")
    assert {"HP:0000010", "HP:0000011", "HP:0000012"} <= below
    assert "HP:0000006" not in below


def test_hpo_parser_adds_joins_and_yields() -> None:
    store = ConceptStore(RULES, common_word=lambda w: w.lower() == "shuffle")
    edema = store.concepts.setdefault("MESH:D1", _concept("MESH:D1", "Brain Edema", {"DISEASE"}))
    edema.add("Brain Swelling", "mesh_synonym")
    process = store.concepts.setdefault("MESH:G1", _concept("MESH:G1", "Swelling", {"PROCESS"}))
    doid = [{"id": "DOID:9", "name": "brain edema",
             "xrefs": [{"namespace": "MESH", "id": "D1"}, {"namespace": "UMLS_CUI", "id": "C0000001"}]}]
    HpoParser(store).parse(OBO, json.dumps(doid))
    slow = store.concepts["HP:0000010"]
    assert slow.classes == {"DISEASE"}
    assert slow.terms == {"Slow gait": "hpo_label", "Walking slowly": "hpo_synonym"}  # common word left out
    assert "HP:0000011" in store.concepts
    # a name of a DISEASE concept: the HPO term joins it
    assert "HP:0000012" not in store.concepts
    assert edema.terms["Swollen brain"] == "hpo_synonym" and "HP:0000012" in edema.xrefs
    # or whose UMLS xref is that of the concept's DOID term
    assert "HP:0000016" not in store.concepts and edema.terms["Cranial oedema"] == "hpo_label"
    # a name another class has stays that class's; the rest of the term is kept
    assert "Swelling" not in store.concepts["HP:0000013"].terms
    assert store.concepts["HP:0000013"].terms == {"Tissue swelling": "hpo_synonym"}
    assert process.terms == {"Swelling": "mesh_label"}
    # composed around a disease term of another vocabulary; outside the phenotype branch,
    # obsolete, or the root itself: nothing
    assert not {"HP:0000015", "HP:0000006", "HP:0000014", "HP:0000118", "HP:0000001"} & set(store.concepts)
    assert "Sudden brain edema" not in edema.terms


def _concept(kb_id: str, name: str, classes: set[str]) -> Concept:
    c = Concept(kb_id, name, set(classes))
    c.add(name, "mesh_label")
    return c


NAMED = {"tremor", "heart block", "heparin", "thrombocytopenia"}


@pytest.mark.parametrize(("name", "composed"), [
    # a name holding a shorter DISEASE/CHEMICAL term of another vocabulary is dropped: BC5CDR
    # annotates the term inside ("heart block" in "complete heart block"); so is "resting tremor"
    # (issue 14: keeping modifier + disease-head names cost BC5CDR devel 0.8445 -> 0.8410)
    ("Resting tremor", True),
    ("Complete heart block", True),
    ("Heparin-induced thrombocytopenia", True),
    ("Tremor", False),
    ("Bradykinesia", False),
])
def test_composed_names(name: str, composed: bool) -> None:
    assert HpoParser._composed(name, NAMED) is composed
