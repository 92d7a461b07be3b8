"""Each lexicon source parser on a tiny hand-made input (the real wheels are not needed)."""

from __future__ import annotations

import json

import pytest

from pipeline.lexicon.families import FamplexParser, HuciraParser
from pipeline.lexicon.sources import (
    CellOntologyParser,
    ClassRules,
    ConceptStore,
    DiseaseOntologyParser,
    GeneOntologyParser,
    HgncParser,
    MeshParser,
    NumberVariants,
    greek_variants,
    tree_classes,
)
from pipeline.ruledata import load_yaml, resource_path

META = {"name": "t", "version": "1", "source": "hand-made", "licence": "CC0"}
RULES = ClassRules.model_validate({
    "meta": META, "precedence": ["CYTOKINE", "GROWTH_FACTOR", "GENE_OR_PROTEIN", "CELL_TYPE", "DISEASE",
                                 "CHEMICAL", "ANATOMY", "PROCESS"],
    "mesh_trees": {"C": ["DISEASE"], "D": ["CHEMICAL"], "D12.644": ["GENE_OR_PROTEIN"], "A11": ["CELL_TYPE"]},
    "exclude": ["C23"],
})
HGNC_HEADER = ["HGNC ID", "Approved symbol", "Approved name", "Status", "Locus type", "Alias symbols",
               "Previous symbols", "NCBI Gene ID(supplied by NCBI)"]


def hgnc_text(*rows: list[str]) -> str:
    return "\n".join("\t".join(r) for r in (HGNC_HEADER, *rows)) + "\n"


@pytest.fixture
def store() -> ConceptStore:
    return ConceptStore(RULES, common_word=lambda w: w.lower() in {"was", "set", "macrophage"})


def test_hgnc(store: ConceptStore) -> None:
    text = hgnc_text(
        ["HGNC:1", "IL1B", "interleukin 1 beta", "Approved", "gene with protein product", "IL-1, WAS", "",
         "3553"],
        ["HGNC:2", "XRNA1", "some RNA", "Approved", "RNA, long non-coding", "", "", ""],
        ["HGNC:3", "OLD1", "withdrawn", "Entry Withdrawn", "gene with protein product", "", "", ""],
    )
    assert HgncParser(store).parse(text) == {"IL1B": "HGNC:1"}
    c = store.concepts["HGNC:1"]
    assert c.terms == {"IL1B": "hgnc_symbol", "IL1beta": "hgnc_symbol_variant",
                       "interleukin 1 beta": "hgnc_name", "IL-1": "hgnc_alias"}
    assert c.xrefs == {"NCBIGene:3553"} and c.classes == {"GENE_OR_PROTEIN"}
    assert store.counts["dropped_common_word_alias"] == 1 and store.counts["hgnc_genes"] == 1


def test_mesh_descriptors_and_supplementary(store: ConceptStore) -> None:
    hgnc = HgncParser(store).parse(hgnc_text(
        ["HGNC:9", "STC2", "stanniocalcin 2", "Approved", "gene with protein product", "", "", ""]))
    desc = ("D001\tAsthma\tAsthmas|Asthma, Bronchial\tC08.127\n"
            "D002\tStanniocalcin 2 desc\t\tD12.644.1\n"
            "D003\tSkin\t\tC23.1\n")
    supp = ("C001\tSTC2 protein, human\tSTC-2, human|stanniocalcin-2, human\tD002\n"
            "C002\tfoo protein, mouse\t\tD002\n"
            "C003\tAsthmazol\tAsthmazol, human|asthmazol B|Set\t*D001\n"
            "C004\tMacrophage\tWAS\tD001\n")
    mappings = "MESH\tD002\tStanniocalcin 2 desc\tHGNC\t9\n"
    MeshParser(store).parse(desc, supp, mappings, hgnc)
    assert store.concepts["MESH:D001"].terms == {"Asthma": "mesh_label", "Asthmas": "mesh_synonym"}
    assert "MESH:D003" not in store.concepts  # an excluded tree gives no class
    gene = store.concepts["HGNC:9"]
    assert {"MESH:D002", "MESH:C001"} <= gene.xrefs
    assert gene.terms["STC-2"] == "mesh_supp_human" and gene.terms["Stanniocalcin 2 desc"] == "mesh_label"
    assert store.concepts["MESH:C003"].classes == {"DISEASE"}
    assert store.concepts["MESH:C003"].terms == {"Asthmazol": "mesh_supp_label",
                                                 "asthmazol B": "mesh_supp_synonym",
                                                 "Set": "mesh_supp_synonym"}
    # a common English word is dropped, unless written as a symbol the matcher keeps in exact case
    assert store.concepts["MESH:C004"].terms == {"WAS": "mesh_supp_synonym"}
    assert store.counts["dropped_common_word_supplementary"] == 1
    assert store.counts["dropped_species_supplementary"] == 1
    assert store.counts["dropped_permuted_mesh_term"] == 1


def test_disease_ontology(store: ConceptStore) -> None:
    store.concepts.clear()
    DiseaseOntologyParser(store).parse(json.dumps([
        {"id": "DOID:1", "name": "lung disease", "synonyms": ["pulmonary disease"],
         "xrefs": [{"namespace": "MESH", "id": "D008171"}]},
        {"id": "DOID:2", "name": "gone", "is_obsolete": True},
        {"id": "DOID:3", "name": "rare thing"},
    ]))
    assert set(store.concepts) == {"MESH:D008171", "DOID:3"}
    assert store.concepts["MESH:D008171"].xrefs == {"DOID:1"}
    assert store.concepts["MESH:D008171"].terms == {"lung disease": "doid_name",
                                                    "pulmonary disease": "doid_synonym"}


def test_gene_ontology(store: ConceptStore) -> None:
    GeneOntologyParser(store).parse(json.dumps([
        {"id": "GO:1", "name": "angiogenesis", "namespace": "biological_process"},
        {"id": "GO:2", "name": "a very long process name of many words", "namespace": "biological_process"},
        {"id": "GO:3", "name": "nucleus", "namespace": "cellular_component"},
    ]))
    assert set(store.concepts) == {"GO:1"} and store.concepts["GO:1"].classes == {"PROCESS"}


def test_gene_ontology_former_signaling_names(store: ConceptStore) -> None:
    # GO's "<X>-mediated signaling pathway" is also read by its former name "<X> signaling pathway"
    GeneOntologyParser(store).parse(json.dumps([
        {"id": "GO:4", "name": "lymphokine-mediated signaling pathway", "namespace": "biological_process"},
        {"id": "GO:5", "name": "Notch signaling pathway", "namespace": "biological_process"},
        {"id": "GO:6", "name": "cell-mediated immunity", "namespace": "biological_process"},
    ]))
    assert store.concepts["GO:4"].terms == {"lymphokine-mediated signaling pathway": "go_name",
                                            "lymphokine signaling pathway": "go_variant"}
    assert store.concepts["GO:5"].terms == {"Notch signaling pathway": "go_name"}
    assert store.concepts["GO:6"].terms == {"cell-mediated immunity": "go_name"}
    assert store.counts["go_variant_names"] == 1


def test_famplex_and_hucira(store: ConceptStore) -> None:
    hgnc = HgncParser(store).parse(hgnc_text(
        ["HGNC:5", "IL6", "interleukin 6", "Approved", "gene with protein product", "", "", ""]))
    HuciraParser(store).parse([{"gene": "IL6", "family_level_1": "growth factor", "name": "IL-6",
                                "used cytokines": "nan", "alternative names": "BSF-2, IFN-beta2"}], hgnc)
    assert store.concepts["HGNC:5"].classes == {"GENE_OR_PROTEIN", "CYTOKINE", "GROWTH_FACTOR"}
    assert {"IL-6", "BSF-2", "IFN-beta2"} <= set(store.concepts["HGNC:5"].terms)
    famplex = FamplexParser(store)
    families = famplex.parse("IL6 family,FPLX,IL6F\nfoo,HGNC,X\nsuper family,FPLX,TOP\n",
                             "FPLX,IL6F,isa,FPLX,TOP\nHGNC,IL6,isa,FPLX,IL6F\n")
    assert store.concepts["FPLX:TOP"].classes == {"GENE_OR_PROTEIN"}  # before inherit()
    famplex.inherit(families, hgnc)
    fam = store.concepts["FPLX:IL6F"]
    assert fam.terms == {"IL6 family": "famplex"}
    assert fam.classes == {"GENE_OR_PROTEIN", "CYTOKINE", "GROWTH_FACTOR"}  # inherited from the member
    # and through the subfamily, although TOP's relation row comes first
    assert store.concepts["FPLX:TOP"].classes == {"GENE_OR_PROTEIN", "CYTOKINE", "GROWTH_FACTOR"}


def test_cell_ontology_and_number_variants(store: ConceptStore) -> None:
    CellOntologyParser(store).parse({
        "CL:1": {"label": "M2 macrophage", "synonyms": ["alternatively activated macrophage", "set"]},
        "CL:2": {"label": "macrophage"},  # a one-word common label is left out
        "CL:3": {"label": "old cell", "deprecated": True},
        "UBERON:1": {"label": "lung"},
    })
    assert set(store.concepts) == {"CL:1"}
    assert set(store.concepts["CL:1"].terms) == {"M2 macrophage", "alternatively activated macrophage",
                                                 "M2 phenotype", "M2-like", "M2 cells"}
    NumberVariants(store).parse()
    assert store.concepts["CL:1"].terms["M2 macrophages"] == "number_variant"


def test_helpers() -> None:
    assert greek_variants("TGFB1") == ["TGFbeta1"] and greek_variants("ABC") == []
    assert tree_classes(["C08.127", "C23.1", "D12.644.9"], RULES) == {"DISEASE", "GENE_OR_PROTEIN"}


PACKAGED = load_yaml(resource_path("lexicon_classes.yaml"), ClassRules)


@pytest.mark.parametrize(
    ("trees", "expected"),
    [
        # Axons, Nerve Fibers: parts of neurons, also filed under Neurons (A11.671)
        (["A08.675.542.145", "A11.284.180.075", "A11.671.501.145"], {"ANATOMY"}),
        (["A08.675.542", "A11.671.501"], {"ANATOMY"}),
        # Dendrites
        (["A08.675.256", "A11.284.180.225", "A11.671.240"], {"ANATOMY"}),
        # a neuron type stays a cell type (Motor Neurons)
        (["A08.675.655.500", "A11.671.655.500"], {"ANATOMY", "CELL_TYPE"}),
        # Myelin Sheath: a cellular structure (A11.284), also under Oligodendroglia and Schwann Cells
        (["A08.637.600.500", "A11.284.149.165.600", "A11.650.600.500", "A11.650.800.500"], {"ANATOMY"}),
        # Acrosome: under Spermatozoa (A11.497) too
        (["A05.360.490.890.820.100", "A11.284.430.214.190.875.190.550.040", "A11.497.760.400.100"],
         {"ANATOMY"}),
        # a glial cell type stays a cell type (Oligodendroglia)
        (["A08.637.600", "A11.650.600"], {"ANATOMY", "CELL_TYPE"}),
    ],
)
def test_packaged_classes_of_neuron_parts(trees: list[str], expected: set[str]) -> None:
    assert tree_classes(trees, PACKAGED) == expected


@pytest.mark.parametrize(
    ("trees", "expected"),
    [
        (["G09.772.705"], {"PROCESS"}),                  # Respiration (entry term "Breathing")
        (["G10.261.178"], {"PROCESS"}),                  # Deglutition ("Swallowing")
        # Movement and its activities (exercise, walking) stay out
        (["G07.568", "G11.427.410"], set()),
        (["G16.762.891"], {"PROCESS"}),                  # Wound Healing
        # the rest of G07 (diets, foods) and G16 (environment) stays out
        (["G07.203.300.456"], set()),                    # Diet, Vegan
        (["G16.500.275.157.049"], set()),                # Air
        # Hematocrit (G09.188) is no respiratory process
        (["G09.188.261.316", "E01.370.225.500.363"], set()),
    ],
)
def test_packaged_classes_of_physiology(trees: list[str], expected: set[str]) -> None:
    assert tree_classes(trees, PACKAGED) == expected
