"""microRNAs through the entity pipeline with the packaged lexicon (issue 14), and a relation."""

from __future__ import annotations

import pytest
import spacy

import pipeline
from pipeline.nlp import make_nlp

MIR124_1 = "HGNC:31502"
MIR21 = "HGNC:31586"


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return make_nlp()


def ents(nlp: spacy.language.Language, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.kb_id_) for e in nlp(text).ents]


def test_transferred_microrna_is_an_entity(nlp: spacy.language.Language) -> None:
    got = ents(nlp, "Exosomes transferred miR-124 to neurons.")
    assert ("miR-124", "GENE_OR_PROTEIN", MIR124_1) in got


@pytest.mark.parametrize(
    ("text", "mention", "kb_id"),
    [
        ("Cells carried miR-124-3p.", "miR-124-3p", MIR124_1),  # an arm: one mention
        ("Cells carried microRNA-21 here.", "microRNA-21", MIR21),
        ("Cells carried miRNA-21 here.", "miRNA-21", MIR21),
        ("Cells carried hsa-miR-21 here.", "hsa-miR-21", MIR21),
        ("Cells carried mir-21-5p here.", "mir-21-5p", MIR21),
        ("Cells carried mmu-miR-21-5p here.", "mmu-miR-21-5p", MIR21),  # mouse: the human gene
        ("Cells carried microRNA-146a here.", "microRNA-146a", "HGNC:31533"),  # MIR146A
        ("Cells carried miR-146 here.", "miR-146", "HGNC:31533"),  # family: first letter
        ("Cells carried let-7a here.", "let-7a", "FPLX:MIRLET7A"),  # FamPlex's family first
        ("Cells carried miR-16 here.", "miR-16", "HGNC:31545"),  # MIR16-1, not the alias MIR16
    ],
)
def test_microrna_names(nlp: spacy.language.Language, text: str, mention: str, kb_id: str) -> None:
    assert (mention, "GENE_OR_PROTEIN", kb_id) in ents(nlp, text)


def test_cluster_is_one_mention_and_no_fragment(nlp: spacy.language.Language) -> None:
    assert ents(nlp, "The miR-17-92 cluster was high.") == [
        ("miR-17-92 cluster", "GENE_OR_PROTEIN", "HGNC:23564")]  # MIR17HG
    # clusters the vocabulary lacks: no "miR-221" or "miR-143" fragment (tokens "miR-221", "-", "222")
    assert ents(nlp, "The miR-221-222 was high.") == []
    assert ents(nlp, "The miR-143-145 cluster was high.") == []
    assert ents(nlp, "The miR-21-mediated effect.") == [("miR-21", "GENE_OR_PROTEIN", MIR21)]


def test_microrna_relation() -> None:
    rel = pipeline.extract(texts=["miR-21 suppressed PTEN expression."]).relations
    got = set(zip(rel.subject_kb_id, rel.predicate, rel.object_kb_id, rel.polarity, strict=True))
    assert got == {(MIR21, "INHIBITS", "HGNC:9588", "negative")}
