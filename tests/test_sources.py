"""Path expansion and format sniffing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.ingest.sources import expand_paths, sniff_format


def test_expand_dirs_globs_and_missing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "sub").mkdir()
    (tmp_path / "a" / "sub" / "two.md").write_text("y")
    (tmp_path / "a" / ".hidden").write_text("z")
    (tmp_path / "b.html").write_text("<p>x</p>")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        files, skipped = expand_paths(["a", "*.html", "a/one.txt", "nope.txt", "*.pdf"])
    finally:
        os.chdir(cwd)
    assert [f.display for f in files] == ["a/one.txt", "a/sub/two.md", "b.html"]
    assert [f.key for f in files] == ["one.txt", "sub/two.md", "b.html"]
    assert [(s.source_path, s.reason) for s in skipped] == [
        ("nope.txt", "no such file or folder"), ("*.pdf", "no file matches this pattern")]


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("a.txt", b"<html>", "text"),
        ("a.md", b"# Title", "markdown"),
        ("a.htm", b"plain", "html"),
        ("data", b"<!DOCTYPE html><html><body>", "html"),
        ("data", b"  <div>hello</div>", "html"),
        ("data", b'<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle>', "pubmed_xml"),
        ("a.xml", b"<?xml version='1.0'?><root/>", "xml_unknown"),
        ("data", b"12345|t|A title\n12345|a|An abstract", "pubtator"),
        ("CDR_Dev.PubTator.txt", b"1|t|x\n1|a|y", "pubtator"),
        ("notes.txt", b"Plain | text | with bars", "text"),
        ("corpus.PubTator", b"1|t|x", "pubtator"),
        ("data", b'{"text": "x"}\n', "jsonl"),
        ("data", b"Just some words.", "text"),
        ("refs.ris", b"anything", "ris"),
        ("export.txt", b"\xef\xbb\xbfTY  - JOUR\nTI  - x\n", "ris"),
        ("scopus.csv", b"Title,Abstract\n", "table"),
        ("rows.tsv", b"title\ttext\n", "table"),
        ("savedrecs.txt", b"PT\tAU\tTI\tSO\tAB\tPY\n", "table"),
        ("notes.txt", b"Dose\tTime\tResponse\n", "text"),  # tabs, but no text column
        ("notes.txt", b"TY - not an RIS tag line", "text"),
    ],
)
def test_sniff(name: str, head: bytes, fmt: str) -> None:
    assert sniff_format(name, head) == fmt
