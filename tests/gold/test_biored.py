"""BioRED reader: entities in mechmine classes, correlation pairs only."""

from __future__ import annotations

from pathlib import Path

from pipeline.gold.biored import read_biored


def test_read_biored(tmp_path: Path) -> None:
    path = tmp_path / "b.PubTator"
    path.write_text("1|t|Gene A lowers Q.\n1|a|Drug Z raises A.\n"
                    "1\t0\t6\tGene A\tGeneOrGeneProduct\t11,12\n"
                    "1\t14\t15\tQ\tDiseaseOrPhenotypicFeature\tD9\n"
                    "1\t18\t24\tDrug Z\tChemicalEntity\tC5\n"
                    "1\t25\t30\tthing\tOrganismTaxon\t9606\n"
                    "1\tNegative_Correlation\t11\tD9\tNovel\n"
                    "1\tPositive_Correlation\tC5\t11\tNo\n"
                    "1\tAssociation\tC5\tD9\tNo\n\n")
    ((pmid, text, ents, gold),) = list(read_biored(path))
    assert pmid == "1" and text == "Gene A lowers Q. Drug Z raises A."
    assert [(e.key, e.label) for e in ents] == [("11", "GENE_OR_PROTEIN"), ("D9", "DISEASE"),
                                                 ("C5", "CHEMICAL")]
    assert gold == {("11", "D9", "negative"), ("C5", "11", "positive")}
