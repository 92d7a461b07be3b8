"""Each reader on a tiny fixture, and its failure modes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from pipeline.errors import InputError
from pipeline.ingest.model import BlockKind, SourceDocument
from pipeline.ingest.readers.html import html_blocks, read_html
from pipeline.ingest.readers.jsonl import read_jsonl
from pipeline.ingest.readers.pubmed import read_pubmed_xml
from pipeline.ingest.readers.text import read_text
from pipeline.ingest.readers.title_abstract import read_pubtator
from pipeline.schema import SkippedRecord


def _docs(items: list) -> list[SourceDocument]:
    return [d for d in items if isinstance(d, SourceDocument)]


def test_text_reader_keeps_whole_text() -> None:
    (doc,) = read_text(b"Title\nBody text here.\n", "x.txt")
    assert doc.text == "Title\nBody text here.\n"
    assert not doc.single_article


def test_jsonl_good_and_bad_lines() -> None:
    items = list(read_jsonl((FIXTURES / "records.jsonl").read_bytes(), "r.jsonl"))
    docs = _docs(items)
    skips = [s for s in items if isinstance(s, SkippedRecord)]
    assert [d.source_id for d in docs] == ["rec-1", ""]
    assert docs[0].citation is not None and docs[0].citation.pmid == "123"
    assert docs[0].kind == "abstract" and docs[1].kind == "document"
    assert [s.line for s in skips] == [3, 4, 5]
    assert "malformed JSON" in skips[0].reason
    assert "text" in skips[2].reason


def test_jsonl_with_no_good_line_fails() -> None:
    with pytest.raises(InputError):
        list(read_jsonl(b"{broken\n", "r.jsonl"))


def test_pubtator_title_space_abstract() -> None:
    docs = _docs(list(read_pubtator((FIXTURES / "abstracts_pt.txt").read_bytes(), "a.pubtator")))
    assert [d.source_id for d in docs] == ["35339180", "29254275"]
    first = docs[0]
    assert first.text.startswith("Mechanism of Mesenchymal") and " MSCs release BDNF" in first.text
    mention = (FIXTURES / "abstracts_pt.txt").read_text().splitlines()[2].split("\t")
    assert first.text[int(mention[1]):int(mention[2])] == mention[3]  # gold offsets line up
    assert first.single_article and first.kind == "abstract"


def test_pubmed_xml_fields() -> None:
    docs = _docs(list(read_pubmed_xml((FIXTURES / "pubmed.xml").read_bytes(), "p.xml")))
    assert len(docs) == 2
    a = docs[0]
    assert a.source_id == "29254275"
    assert a.citation is not None
    assert (a.citation.doi, a.citation.pmcid, a.citation.year) == (
        "10.18632/oncotarget.18126", "PMC5731985", 2017)
    assert a.citation.authors == ["Li X", "Yue S"]
    assert "RESULTS: MSCs secrete KGF and HGF and reduce TGF-β1 levels." in a.text
    assert docs[1].citation is not None and docs[1].citation.authors == ["TBI Study Group"]


def test_pubmed_xml_malformed_keeps_earlier_records() -> None:
    data = (FIXTURES / "pubmed.xml").read_bytes()
    cut = data[: data.index(b"<PMID Version=\"1\">35757508")]
    gen = read_pubmed_xml(cut, "p.xml")
    first = next(gen)
    assert isinstance(first, SourceDocument)
    with pytest.raises(InputError, match="malformed XML"):
        list(gen)


def test_pubmed_xml_does_not_resolve_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xml = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>'
           "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
           "<ArticleTitle>T &e;</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
           "</PubmedArticleSet>").encode()
    docs = _docs(list(read_pubmed_xml(xml, "x.xml")))
    assert all("TOPSECRET" not in d.text for d in docs)


def test_html_blocks_hints_and_furniture() -> None:
    page = """<html><body><nav><a href="/">Home</a> <a>About</a></nav>
    <article><h1>MSCs in <em>IPF</em></h1><p>First para<br>second line</p>
    <ul><li>KGF</li><li>HGF</li></ul></article>
    <div class="cookie-banner">We use cookies.</div><script>alert(1)</script>
    <footer><p>© 2025 Clinic</p></footer></body></html>"""
    text, blocks = html_blocks(page)
    got = [(b.text, b.hint, b.container) for b in blocks]
    assert ("MSCs in IPF", BlockKind.HEADING, 1) in got
    assert ("First para", None, 1) in got and ("second line", None, 1) in got
    assert ("KGF", BlockKind.LIST_ITEM, 1) in got
    assert ("We use cookies.", BlockKind.BOILERPLATE, 0) in got
    assert ("© 2025 Clinic", BlockKind.BOILERPLATE, 0) in got
    assert "alert" not in text
    for b in blocks:
        assert text[b.start:b.end] == b.text


def test_html_without_text_fails() -> None:
    with pytest.raises(InputError):
        list(read_html(b"<html><body><script>x()</script></body></html>", "e.html"))


def test_malformed_html_is_recovered() -> None:
    (doc,) = read_html(b"<html><body><p>Unclosed <b>bold<p>Next paragraph here", "m.html")
    assert doc.blocks is not None
    assert [b.text for b in doc.blocks] == ["Unclosed bold", "Next paragraph here"]
