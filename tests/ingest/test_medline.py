"""MEDLINE/PubMed-format exports (pipeline/ingest/readers/medline.py): one article per record,
its fields from the tags, the format sniffed from a .txt's first bytes. A made-up export,
written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.ingest import ingest
from pipeline.ingest.readers.medline import read_medline
from pipeline.ingest.sources import sniff_format
from pipeline.schema import SkippedRecord

EXPORT = """
PMID- 30000001
DP  - 2021 Mar 4
TI  - Stromal cells calm inflamed lungs in mice: a made-up
      study.
LID - 10.1000/made.up.1 [doi]
AB  - Stromal cells lowered IL-6 in mice.
      Lung swelling fell by half.
FAU - Doe, Jane
AU  - Doe J
AU  - Roe R
PT  - Journal Article
TA  - J Imag Res
JT  - Journal of imaginary research
PMC - PMC1234567

PMID- 30000002
DP  - 2020
TI  - Stem cells for spinal cord injury.
AB  - We discuss stem cells.
PT  - Journal Article
PT  - Review
JT  - Reviews of imagination

PMID- 30000003
DP  - 2019
AU  - Nobody N
"""


def test_records_and_fields() -> None:
    first, second, third = read_medline(EXPORT.encode(), "export.txt")
    assert not isinstance(first, SkippedRecord) and not isinstance(second, SkippedRecord)
    assert first.title == "Stromal cells calm inflamed lungs in mice: a made-up study."
    assert first.text == f"{first.title}\nStromal cells lowered IL-6 in mice. Lung swelling fell by half."
    assert (first.kind, first.source_id, first.line) == ("abstract", "30000001", 2)
    cit = first.citation
    assert cit is not None
    assert (cit.authors, cit.journal, cit.year, cit.doi, cit.pmid, cit.pmcid) == (
        ["Doe J", "Roe R"], "J Imag Res", 2021, "10.1000/made.up.1", "30000001", "PMC1234567")
    assert second.kind == "review" and second.citation is not None
    assert (second.citation.journal, second.citation.doi, second.citation.pmcid) == (
        "Reviews of imagination", "", "")
    assert isinstance(third, SkippedRecord)
    assert (third.line, third.reason) == (25, "MEDLINE record 30000003 has no title or abstract")


@pytest.mark.parametrize(("name", "head", "fmt"), [
    ("export.txt", EXPORT.encode(), "medline"), ("pubmed.nbib", b"PMID- 1\nTI  - A.\n", "medline"),
    ("notes.txt", b"PMID 1 was cited.\n", "text"), ("notes.md", EXPORT.encode(), "markdown")])
def test_sniffed(name: str, head: bytes, fmt: str) -> None:
    assert sniff_format(name, head) == fmt


@pytest.mark.parametrize("data", [b"PMID- 1\nDP  - 2020\n", b"PMID- 1\x00\n"])
def test_no_text_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError):
        list(read_medline(data, "bad.nbib"))


def test_ingested_as_articles(tmp_path: Path) -> None:
    (tmp_path / "export.txt").write_text(EXPORT, encoding="utf-8")
    result = ingest([str(tmp_path)])
    assert [(a.pmid, a.kind, a.journal) for a in result.articles] == [
        ("30000001", "abstract", "J Imag Res"), ("30000002", "review", "Reviews of imagination")]
    assert [(s.line, s.stage) for s in result.skipped] == [(25, "read")]
