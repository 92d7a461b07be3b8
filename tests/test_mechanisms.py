"""Mechanism evidence and matrices: a small hand-made relation table and the sample corpus."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import SAMPLE

import pipeline
from pipeline import schema
from pipeline.mechanisms import CorpusMatrices, MatrixParts, load_taxonomy, mechanism_evidence, polarity_sign
from pipeline.schema import ArticleRecord, EntityRecord, RelationRecord


def _rel(rid: str, subj: str, pred: str, obj: str, obj_id: str, obj_label: str,
         negated: bool = False) -> RelationRecord:
    return RelationRecord(rid, "a", 0, subj, "MESH:D059630", "CELL_TYPE", pred, obj, obj_id, obj_label,
                          "negative", "", negated, False, "review", "", "", "r", "s", 0, 1, 2, 3, 0, 9)


def test_evidence_from_relations() -> None:
    articles = schema.to_frame("articles", [ArticleRecord("a", "x", "", 0, 5, "T", "document", "", "",
                                                         None, "", "", "", 1, "plain words")])
    relations = schema.to_frame("relations", [
        _rel("a-r1", "MSCs", "DECREASES", "TGF-β1", "HGNC:11766", "GROWTH_FACTOR"),
        _rel("a-r2", "MSCs", "DECREASES", "inflammation", "MESH:D007249", "PROCESS", negated=True),
    ])
    entities = schema.to_frame("entities", [])
    ev = mechanism_evidence(articles, entities, relations)
    assert list(ev.mechanism_id) == ["anti_fibrosis"]
    assert ev.iloc[0].factor_ids == "HGNC:11766" and ev.iloc[0].evidence_id == "a-r1"


@pytest.mark.parametrize(("subject", "found"), [("MSCs", True), ("neural stem cells", True),
                                               ("monocytes", False), ("resident fibroblasts", False)])
def test_differentiation_needs_a_stem_cell(subject: str, found: bool) -> None:
    """Differentiation counts as a repair mechanism for stem and progenitor cells, not for the
    host's own cells ("monocytes develop into DCs")."""
    articles = schema.to_frame("articles", [ArticleRecord("a", "x", "", 0, 5, "T", "document", "", "",
                                                         None, "", "", "", 1, "plain words")])
    relations = schema.to_frame("relations", [
        _rel("a-r1", subject, "DIFFERENTIATES_INTO", "neurons", "", "CELL_TYPE")])
    ev = mechanism_evidence(articles, schema.to_frame("entities", []), relations)
    assert ("differentiation" in set(ev.mechanism_id)) is found


def test_taxonomy_is_valid() -> None:
    tax = load_taxonomy()
    assert len(tax) >= 15 and all(m.spec.definition and m.spec.ids for m in tax)


@pytest.mark.parametrize(("predicate", "negated", "sign"), [
    ("SECRETES", False, 1), ("INCREASES", False, 1), ("ACTIVATES", True, -1), ("DECREASES", False, -1),
    ("INHIBITS", True, 1), ("TREATS", False, 0), ("ASSOCIATED_WITH", True, 0)])
def test_polarity_sign(predicate: str, negated: bool, sign: int) -> None:
    assert polarity_sign(predicate, negated) == sign


def test_corpus_matrices_sum_the_files() -> None:
    taxonomy = tuple(load_taxonomy())[:2]
    first, second = (m.id for m in taxonomy)
    matrices = CorpusMatrices(taxonomy)
    matrices.add(MatrixParts(
        diseases=[("MESH:D1", "Fibrosis", [2, 0])],
        factors=[("HGNC:2", "IL10", "CYTOKINE"), ("HGNC:1", "BDNF", "GROWTH_FACTOR")],
        evidence=[("HGNC:1", first), ("HGNC:1|HGNC:2", second), ("", first)],
        relations=[("MESH:M", "HGNC:1", "SECRETES", False), ("MESH:M", "HGNC:2", "INHIBITS", False)]))
    matrices.add(MatrixParts(
        diseases=[("MESH:D1", "Fibrosis", [1, 1]), ("", "stroke", [0, 3])],
        factors=[("HGNC:1", "other name", "GROWTH_FACTOR")],
        evidence=[("HGNC:2", second)],
        relations=[("HGNC:1", "HGNC:2", "DECREASES", True)]))
    tables = matrices.tables()
    assert tables["disease_mechanism_matrix"].values.tolist() == [
        ["", "stroke", 1, 0, 3], ["MESH:D1", "Fibrosis", 2, 3, 1]]
    assert tables["factor_mechanism_matrix"].values.tolist() == [
        ["HGNC:2", "IL10", "CYTOKINE", 2, 0, 0, 2],  # -1 (inhibited) +1 (negated decrease)
        ["HGNC:1", "BDNF", "GROWTH_FACTOR", 2, 1, 1, 1]]


def test_corpus_matrices_without_rows_have_their_columns() -> None:
    tables = CorpusMatrices().tables()
    ids = [m.id for m in load_taxonomy()]
    keys = schema.MATRICES["disease_mechanism_matrix"]
    assert list(tables["disease_mechanism_matrix"].columns) == keys + ids
    assert tables["factor_mechanism_matrix"].empty


@pytest.fixture(scope="module")
def tables() -> pipeline.Tables:
    return pipeline.extract([SAMPLE])


def test_sample_matrix(tables: pipeline.Tables) -> None:
    m = tables.mechanism_matrix.set_index("primary_disease_id")
    molecular = ["trophic_secretion", "immunomodulation", "anti_inflammation", "anti_apoptosis",
                 "antioxidant", "mitochondrial_transfer", "extracellular_vesicles", "anti_fibrosis"]
    back = tables.mechanism_matrix[tables.mechanism_matrix.title.str.contains("back")]
    assert len(back) == 1 and int(back[molecular].sum(axis=1).iloc[0]) == 0
    pd_row, ipf, tbi = m.loc["MESH:D010300"], m.loc["MESH:D054990"], m.loc["DOID:0081292"]
    assert pd_row.trophic_secretion > 0 and pd_row.anti_apoptosis > 0
    assert ipf.anti_fibrosis > 0 and ipf.immunomodulation > 0 and ipf.homing > 0
    assert tbi.mitochondrial_transfer > 0 and tbi.extracellular_vesicles > 0 and tbi.antioxidant > 0


def test_sample_relations_checklist(tables: pipeline.Tables) -> None:
    rel = tables.relations
    got = set(zip(rel.subject_text, rel.predicate, rel.object_text, strict=True))
    by_id = set(zip(rel.subject_text, rel.predicate, rel.object_kb_id, strict=True))
    for factor in ("HGNC:1033", "HGNC:4232", "HGNC:5464", "FPLX:VEGF"):  # BDNF, GDNF, IGF1, VEGF
        assert ("MSCs", "SECRETES", factor) in by_id
    assert ("MSCs", "SECRETES", "insulin") not in got  # "insulin-like growth factor (IGF-1)" is IGF1
    for factor in ("IL-1ra", "IL-10", "PGE2", "TSG-6"):
        assert (factor, "INHIBITS", "inflammation") in got
    assert ("TGF-β", "DRIVES", "EMT") in got
    assert ("MSCs", "DECREASES", "TGF-β1") in got
    assert ("MSCs", "TRANSFERS", "mitochondria") in got
    assert ("stromal cell-derived factor-1", "ACTIVATES", "MSCs") in got
    hedged = rel[rel.sentence.str.contains(r"\bmay\b")]
    assert not hedged.empty and hedged.hedged.all()


def test_factor_matrix_polarity(tables: pipeline.Tables) -> None:
    f = tables.factor_mechanism_matrix.set_index("factor_id")
    assert f.loc["HGNC:11766", "net_polarity"] < 0  # MSCs decrease TGF-beta1
    assert f.loc["HGNC:1033", "net_polarity"] > 0  # MSCs secrete BDNF
    assert set(f.label) <= {"CYTOKINE", "GROWTH_FACTOR"}
    assert isinstance(tables.disease_mechanism_matrix, pd.DataFrame)


@pytest.mark.parametrize(("source", "found"), [("lexicon:mesh+group", True),
                                               ("lexicon:mesh_drug_class+group", False)])
def test_a_drug_class_agent_is_no_mechanism(source: str, found: bool) -> None:
    """A conventional treatment named by its class ("cytotoxic drugs suppress the immune system")
    is no evidence of the therapy's own mechanism; the same relation from another agent is."""
    articles = schema.to_frame("articles", [ArticleRecord("a", "x", "", 0, 5, "T", "document", "", "",
                                                         None, "", "", "", 1, "plain words")])
    relations = schema.to_frame("relations", [
        _rel("a-r1", "zeta drugs", "INHIBITS", "T cells", "CL:0000084", "CELL_TYPE")])
    entities = schema.to_frame("entities", [
        EntityRecord("a", 0, 0, 1, "zeta drugs", "CHEMICAL", "CHEMICAL", "MESH:D0", "Zeta", source, "")])
    ev = mechanism_evidence(articles, entities, relations)
    assert ("immunomodulation" in set(ev.mechanism_id)) is found


def test_drug_class_source_is_the_lexicons() -> None:
    from pipeline.lexicon.drugclass import DRUG_CLASS_SOURCE
    from pipeline.mechanisms import DRUG_CLASS_SOURCE as SEEN
    assert SEEN == DRUG_CLASS_SOURCE
