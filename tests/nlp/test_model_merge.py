"""merge_with_model on hand-built Docs: which label and id a model span ends with."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from pipeline.lexicon import Concept, Match
from pipeline.nlp.model_merge import load_model_refines, merge_with_model

LABELS = {"DISEASE": "DISEASE", "CHEMICAL": "CHEMICAL", "GENE": "GENE_OR_PROTEIN"}
REFINES = {"GENE_OR_PROTEIN": frozenset({"CYTOKINE", "GROWTH_FACTOR"})}


@pytest.mark.parametrize(("model_label", "concept_label", "classes", "finds", "refines", "expected"), [
    # a disease model's span, a gene concept: the model's label stands, no id
    ("DISEASE", "GENE_OR_PROTEIN", ("GENE_OR_PROTEIN",), {"DISEASE"}, REFINES, ("DISEASE", "", "model")),
    # a model not trusted for the class (no finds): the lexicon types and links, as before
    ("DISEASE", "GENE_OR_PROTEIN", ("GENE_OR_PROTEIN",), set(), REFINES,
     ("GENE_OR_PROTEIN", "X:1", "model+lexicon")),
    # a chemical model, a concept that is a protein and a chemical: model's label, concept's id
    ("CHEMICAL", "GENE_OR_PROTEIN", ("GENE_OR_PROTEIN", "CHEMICAL"), {"CHEMICAL", "DISEASE"}, REFINES,
     ("CHEMICAL", "X:1", "model+lexicon")),
    # a gene model, a growth factor: a kind of gene product, the lexicon's label is kept
    ("GENE", "GROWTH_FACTOR", ("GROWTH_FACTOR", "GENE_OR_PROTEIN"), {"GENE_OR_PROTEIN"}, REFINES,
     ("GROWTH_FACTOR", "X:1", "model+lexicon")),
    # without the refines entry the model's class is among the concept's: model label, id kept
    ("GENE", "GROWTH_FACTOR", ("GROWTH_FACTOR", "GENE_OR_PROTEIN"), {"GENE_OR_PROTEIN"}, {},
     ("GENE_OR_PROTEIN", "X:1", "model+lexicon")),
    # same class: the lexicon's span as it is
    ("DISEASE", "DISEASE", ("DISEASE",), {"DISEASE"}, REFINES, ("DISEASE", "X:1", "model+lexicon")),
])
def test_model_span_typed_by_an_exact_lexicon_match(model_label: str, concept_label: str,
                                                    classes: tuple[str, ...], finds: set[str],
                                                    refines: dict[str, frozenset[str]],
                                                    expected: tuple[str, str, str]) -> None:
    doc = spacy.blank("en")("Patients with VHL were seen")
    concept = Concept("X:1", "VHL", concept_label, classes, ())
    lexicon = [(Span(doc, 2, 3, label=concept_label, kb_id="X:1"), Match(2, 3, concept, "hgnc"))]
    found = merge_with_model(doc, [Span(doc, 2, 3, label=model_label)], lexicon, LABELS,
                             frozenset(finds), refines)
    assert [(s.text, s.label_, s.kb_id_, m.source) for s, m in found] == [("VHL", *expected)]
    assert found[0][1].classes[0] == expected[0]


def test_packaged_refines() -> None:
    assert load_model_refines() == REFINES


@pytest.mark.parametrize(("term", "expected"), [
    ((0, 2), "human fibroblasts"),  # the vocabulary term is "human fibroblasts": its extent
    ((1, 2), "fibroblasts"),  # the term is "fibroblasts", widened over "human" by a modifier rule
])
def test_model_span_widened_only_to_a_term_extent(term: tuple[int, int], expected: str) -> None:
    doc = spacy.blank("en")("human fibroblasts grew")
    concept = Concept("CL:0000057", "fibroblast", "CELL_TYPE", ("CELL_TYPE",), ())
    lexicon = [(Span(doc, 0, 2, label="CELL_TYPE", kb_id=concept.kb_id), Match(*term, concept, "cl"))]
    found = merge_with_model(doc, [Span(doc, 1, 2, label="CELL")], lexicon, {"CELL": "CELL_TYPE"},
                             frozenset({"CELL_TYPE"}), REFINES)
    assert [s.text for s, _ in found] == [expected]
