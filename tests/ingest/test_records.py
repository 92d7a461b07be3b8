"""Bibliographic records as articles: field roles (record_fields.yaml), CSV/TSV tables, RIS."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError, ResourceError
from pipeline.ingest.model import SourceDocument
from pipeline.ingest.readers.records import (
    by_role,
    default_record_fields,
    fold,
    kind_of,
    load_record_fields,
    record_document,
    year_of,
)
from pipeline.ingest.readers.ris import read_ris, references, ris_start
from pipeline.ingest.readers.table import delimiter_of, looks_like_table, read_table
from pipeline.ingest.sources import sniff_format
from pipeline.schema import SkippedRecord, columns


def _docs(items: list) -> list[SourceDocument]:
    return [d for d in items if isinstance(d, SourceDocument)]


def _skips(items: list) -> list[tuple[int | None, str]]:
    return [(s.line, s.reason) for s in items if isinstance(s, SkippedRecord)]


@pytest.mark.parametrize(("name", "folded"), [
    ("Article Title", "article title"), ("article_title", "article title"),
    ("  ABSTRACT-NOTE ", "abstract note"), ("UT (Unique WOS ID)", "ut unique wos id"),
])
def test_fold(name: str, folded: str) -> None:
    assert fold(name) == folded


def test_roles_take_the_first_field_with_a_value() -> None:
    fields = default_record_fields()
    got = by_role({"Abstract": "", "Abstract Note": "IL-6 rises.", "Source title": "J X", "x": "y"}, fields)
    assert got == {"abstract": "IL-6 rises.", "journal": "J X"}


@pytest.mark.parametrize(("value", "year"), [
    (2021, 2021), (2019.0, 2019), ("2020///", 2020), ("2021 Mar 4", 2021), ("n.d.", None), (True, None),
    ("99999", 99999),  # a number as given: the ingest check reports it out of range
])
def test_year_of(value: object, year: int | None) -> None:
    assert year_of(value) == year


@pytest.mark.parametrize(("stated", "from_abstract", "pmid", "kind"), [
    ("Journal Article; Review", True, True, "review"),
    ("Review", False, False, "review"),
    ("Article", True, False, "abstract"),
    ("research-article", False, False, "research_article"),
    ("journalArticle", False, True, "abstract"),
    ("", False, False, "document"),
])
def test_kind_of(stated: str, from_abstract: bool, pmid: bool, kind: str) -> None:
    assert kind_of(stated, from_abstract, pmid) == kind


def test_record_title_and_abstract() -> None:
    doc = record_document({"Title": "MSCs  and BDNF", "Abstract": "MSCs secrete BDNF.", "PubMed ID": "123.0",
                           "DOI": "https://doi.org/10.1000/xyz.1", "Authors": "Li X; Wu Y", "Year": "2022",
                           "PMCID": "pmc77", "Document Type": "Review"}, "a.csv", 2, "table")
    assert doc.text == "MSCs and BDNF\nMSCs secrete BDNF."
    assert (doc.title, doc.kind, doc.source_id, doc.line) == ("MSCs and BDNF", "review", "123", 2)
    cit = doc.citation
    assert cit is not None
    assert (cit.pmid, cit.doi, cit.authors, cit.year, cit.pmcid) == (
        "123", "10.1000/xyz.1", ["Li X", "Wu Y"], 2022, "PMC77")


def test_record_text_wins_over_abstract_and_a_title_alone_is_read() -> None:
    doc = record_document({"text": "Body.", "abstract": "Abs.", "title": "T"}, "r.jsonl", 1, "jsonl")
    assert (doc.text, doc.kind) == ("Body.", "document")
    for fmt in ("table", "jsonl"):
        assert record_document({"title": "Only a title"}, "a", 3, fmt).text == "Only a title"
    with pytest.raises(InputError, match=r"^has no text, abstract or title$"):
        record_document({"year": "2020"}, "r.jsonl", 1, "jsonl")


@pytest.mark.parametrize(("value", "text"), [
    ([{"text": "MSCs reduce TNF.", "section": "Intro"}, {"text": "IL-10 rises."}],
     "MSCs reduce TNF.; IL-10 rises."),
    ({"text": "An abstract."}, "An abstract."),
])
def test_structured_text_fields_are_read_by_their_text_member(value: object, text: str) -> None:
    assert record_document({"abstract": value}, "r.jsonl", 1, "jsonl").text == text


def test_an_object_without_text_is_no_text() -> None:
    with pytest.raises(InputError, match=r"object without a 'text' member \(keys: 'paragraphs'"):
        record_document({"abstract": {"paragraphs": []}, "title": "T"}, "r.jsonl", 1, "jsonl")
    # a structure in a field no role reads is ignored
    assert record_document({"text": "Body.", "metadata": {"a": 1}}, "r.jsonl", 1, "jsonl").text == "Body."


@pytest.mark.parametrize(("record", "pmid", "year"), [
    ({"pmid": "12345678901234567890", "date": "20200304"}, "12345678901234567890", 2020),
    ({"pmid": "123.0", "date": "202003"}, "123", 2020),
    ({"pmid": "9" * 400, "year": "2019"}, "9" * 400, 2019),
])
def test_ids_are_kept_as_written_and_compact_dates_give_years(record: dict, pmid: str, year: int) -> None:
    cit = record_document({"text": "T.", **record}, "a.csv", 2, "table").citation
    assert cit is not None and (cit.pmid, cit.year) == (pmid, year)


@pytest.mark.parametrize(("name", "role"), [
    ("abstractText", "abstract"), ("journalTitle", "journal"), ("pubYear", "year"), ("PubMed ID", "pmid"),
    ("PMCID", "pmcid"), ("Source", None),
])
def test_camel_case_names_have_their_role(name: str, role: str | None) -> None:
    assert default_record_fields().role_of(name) == role


def test_record_fields_file_is_validated(tmp_path: Path) -> None:
    src = (Path(__file__).parents[2] / "pipeline/resources/record_fields.yaml").read_text()
    bad = tmp_path / "f.yaml"
    bad.write_text(src.replace("  pmid: [pmid,", "  pmid: [doi, pmid,"))
    with pytest.raises(ResourceError, match="'doi' is listed for both pmid and doi"):
        load_record_fields(bad)
    bad.write_text(src.replace("  pmid: [pmid,", "  pmid: [PubMed ID,"))
    with pytest.raises(ResourceError, match="folded"):
        load_record_fields(bad)
    bad.write_text(src.replace("roles:", "extra: 1\nroles:"))
    with pytest.raises(ResourceError, match="extra"):
        load_record_fields(bad)


SCOPUS = ('\ufeffAuthors,Title,Year,Source title,Abstract,Document Type,DOI\n'
          '"Li X; Wu Y",MSCs and BDNF,2021,Stem Cells,"MSCs secrete BDNF.\nBDNF protects neurons.",Article,'
          '10.1000/a.1\n'
          ',,,,,,\n'
          'Kim Z,No abstract here,2020,J,,Review,\n'
          ',,2019,J,,Article,\n')


def test_csv_rows_are_articles() -> None:
    items = list(read_table(SCOPUS.encode(), "scopus.csv"))
    docs = _docs(items)
    assert [(d.title, d.kind, d.line) for d in docs] == [
        ("MSCs and BDNF", "abstract", 2), ("No abstract here", "review", 5)]
    assert docs[0].text == "MSCs and BDNF\nMSCs secrete BDNF.\nBDNF protects neurons."
    assert docs[0].citation is not None and docs[0].citation.journal == "Stem Cells"
    assert _skips(items) == [(6, "row has no text, abstract or title")]


def test_tsv_and_semicolon_tables() -> None:
    (doc,) = _docs(list(read_table(b"PT\tTI\tAB\tPY\tPM\nJ\tT1\tIL-6 rises.\t2018\t42\n", "savedrecs.txt")))
    assert (doc.text, doc.source_id, doc.kind) == ("T1\nIL-6 rises.", "42", "abstract")
    (doc,) = _docs(list(read_table(b"title;text\nT;Body, with a comma.\n", "x.csv")))
    assert doc.text == "Body, with a comma."


@pytest.mark.parametrize(("header", "path", "delimiter"), [
    ("a,b;c", "x.csv", ","), ("a;b;c", "x.csv", ";"), ("a,b", "x.tsv", "\t"), ("a\tb\tc", "x.txt", "\t"),
])
def test_delimiter_of(header: str, path: str, delimiter: str) -> None:
    assert delimiter_of(header, path) == delimiter


@pytest.mark.parametrize(("head", "table"), [
    ("PT\tAU\tTI\tAB\n", True), ("TI\tAB\n", False), ("Dose\tTime\tText of note\n", False),
    ("title\tabstract\tyear", True),
])
def test_looks_like_table(head: str, table: bool) -> None:
    assert looks_like_table(head) is table


def test_a_malformed_row_ends_the_table_after_the_rows_before_it() -> None:
    rows = b'title,abstract\nT1,"MSCs secrete IL-10."\nT2,"open quote\nT3,x\n'
    got = read_table(rows, "t.csv")
    assert next(got).title == "T1"
    with pytest.raises(InputError, match=r"^malformed table in the row from line 3: unexpected end of data"):
        next(got)


def test_unquoted_tab_export_with_a_quote_at_a_field_start() -> None:
    data = b'TI\tAB\tPY\n"Omics" of MSCs\tMSCs secrete IL-6.\t2020\nSecond\tIL-10 rises.\t2021\n'
    docs = _docs(list(read_table(data, "savedrecs.tsv")))
    assert [(d.title, d.citation.year if d.citation else None) for d in docs] == [
        ('"Omics" of MSCs', 2020), ("Second", 2021)]


def test_quoted_tsv_cells_may_hold_tabs_and_line_breaks() -> None:
    data = b'title\tabstract\nT\t"IL-6\trises.\nIL-10 falls."\n'
    (doc,) = _docs(list(read_table(data, "x.tsv")))
    assert doc.text == "T\nIL-6\trises.\nIL-10 falls."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_tables_are_read(encoding: str) -> None:
    data = "title,abstract\nT\u00e9,IL-6 rises.\n".encode(encoding)
    (doc,) = _docs(list(read_table(data, "x.csv")))
    assert doc.text == "T\u00e9\nIL-6 rises."


def test_duplicate_columns_and_surplus_cells() -> None:
    data = b"Title,Abstract,Abstract\nT1,IL-6 rises.,\nT2,MSCs secrete IL-10, and more,x\nT3,A.,,\n"
    items = list(read_table(data, "x.csv"))
    assert [d.text for d in _docs(items)] == ["T1\nIL-6 rises.", "T3\nA."]
    assert _skips(items) == [(3, "row has 4 or more cells but the header names 3 (an unquoted delimiter?)")]


@pytest.mark.parametrize(("data", "message"), [
    (b"Name,Dose\nA,1\n", "table has no text or abstract column (columns: 'Name', 'Dose')"),
    (b"title,abstract\n,\n", "table has no row with text"),
    (b"title,abstract\n\"open quote,x\n", "malformed table in the row from line 2: unexpected end of data"),
    (",".join(columns("articles")).encode() + b"\n", "a mechmine articles table"),
    (",".join(columns("entities")[:-1]).encode() + b"\n", "a mechmine entities table"),
    (("x" * 50 + ",y\n").encode(),
     "table has no text or abstract column (columns: '" + "x" * 30 + "...', 'y')"),
    (b"a\x00b", "binary file"),
])
def test_bad_tables_are_one_line_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        list(read_table(data, "t.csv"))


RIS = """TY  - JOUR
TI  - MSCs and BDNF
AU  - Li, X
AU  - Wu, Y
PY  - 2021///
T2  - Stem Cells
AB  - MSCs secrete BDNF.
M3  - Journal Article; Review
DO  - 10.1000/a.1
ER  -

TY  - JOUR
AU  - Kim, Z
ER  -

TY  - JOUR
N2  - IL-10 suppresses T cells.
TI  - Second
"""


def test_ris_references() -> None:
    assert [line for line, _ in references(RIS)] == [1, 12, 16]
    items = list(read_ris(RIS.encode(), "refs.ris"))
    docs = _docs(items)
    assert [(d.title, d.kind, d.line, d.text) for d in docs] == [
        ("MSCs and BDNF", "review", 1, "MSCs and BDNF\nMSCs secrete BDNF."),
        ("Second", "abstract", 16, "Second\nIL-10 suppresses T cells.")]
    cit = docs[0].citation
    assert cit is not None
    assert (cit.authors, cit.year, cit.journal, cit.doi) == (
        ["Li, X", "Wu, Y"], 2021, "Stem Cells", "10.1000/a.1")
    assert _skips(items) == [(12, "RIS reference has no text, abstract or title")]


def test_ris_without_references_fails() -> None:
    with pytest.raises(InputError, match="no RIS reference with text"):
        list(read_ris(b"just words\n", "x.ris"))


@pytest.mark.parametrize(("head", "ris"), [
    ("TY  - JOUR\nTI  - X\n", True),
    ("Provider: Some Database\nDatabase: Records\nContent: text/plain\n\nTY  - JOUR\n", True),
    ("Some notes about MSCs.\nTY  - JOUR\n", False),
    ("Provider: x\n" * 11 + "TY  - JOUR\n", False),
])
def test_ris_start(head: str, ris: bool) -> None:
    assert ris_start(head) is ris


@pytest.mark.parametrize(("name", "data", "fmt"), [
    ("refs.txt", "TY  - JOUR\nTI  - X\nER  - \n".encode("utf-16"), "ris"),
    ("savedrecs.txt", "PT\tAU\tTI\tAB\nJ\tLi\tT\tIL-6 rises.\n".encode("utf-16"), "table"),
    ("refs.txt", b"Provider: Db\nContent: text/plain\n\nTY  - JOUR\n", "ris"),
])
def test_utf16_and_preamble_files_are_sniffed(name: str, data: bytes, fmt: str) -> None:
    assert sniff_format(name, data[:4096]) == fmt


def test_utf16_ris_is_read() -> None:
    (doc,) = _docs(list(read_ris("TY  - JOUR\nTI  - T\u00e9\nAB  - IL-6 rises.\nER  - \n".encode("utf-16"),
                                 "r.ris")))
    assert doc.text == "T\u00e9\nIL-6 rises."
