"""Citation parsing: the sample's three NLM references and other styles."""

from __future__ import annotations

import pytest
from conftest import sample_lines

from pipeline.ingest.citations import parse_citation


@pytest.mark.parametrize(
    ("line", "pmid", "pmcid", "doi", "year", "journal", "n_authors", "title_start"),
    [
        (29, "35339180", "PMC10227913", "10.2174/1570159X20666220327212414", 2023,
         "Curr Neuropharmacol", 3, "Mechanism of Mesenchymal Stem Cells"),
        (50, "29254275", "PMC5731985", "10.18632/oncotarget.18126", 2017, "Oncotarget", 3,
         "Mesenchymal stem cells in idiopathic pulmonary fibrosis"),
        (177, "35757508", "PMC9217616", "10.1155/2022/4645021", 2022, "Oxid Med Cell Longev", 6,
         "Mesenchymal Stem Cell Therapy: A Potential Treatment"),
    ],
)
def test_sample_citations(line: int, pmid: str, pmcid: str, doi: str, year: int, journal: str,
                          n_authors: int, title_start: str) -> None:
    cit = parse_citation(sample_lines()[line - 1])
    assert cit is not None
    assert (cit.pmid, cit.pmcid, cit.doi, cit.year, cit.journal) == (pmid, pmcid, doi, year, journal)
    assert len(cit.authors) == n_authors
    assert cit.title.startswith(title_start) and not cit.title.endswith(".")


def test_apa_style() -> None:
    cit = parse_citation("Smith J, Doe AB (2020). Do stem cells heal? Journal of Repair, 12(3), 45-67. "
                         "https://doi.org/10.1000/xyz.123")
    assert cit is not None
    assert cit.authors == ["Smith J", "Doe AB"]
    assert (cit.year, cit.title, cit.journal, cit.doi) == (
        2020, "Do stem cells heal?", "Journal of Repair", "10.1000/xyz.123")


def test_identifiers_only() -> None:
    cit = parse_citation("Reference: doi:10.1038/nm.1234; PMID 111; PMCID: pmc222")
    assert cit is not None
    assert (cit.doi, cit.pmid, cit.pmcid) == ("10.1038/nm.1234", "111", "PMC222")


def test_not_a_citation() -> None:
    assert parse_citation("Contact us today to learn more.") is None
