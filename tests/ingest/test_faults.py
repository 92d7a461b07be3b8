"""Bad inputs never escape a reader: each bad record is one skipped row, good records are kept.

Tiny generated inputs (no shared text), plus small ``hypothesis`` fuzzing of every reader.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.ingest import ingest_file
from pipeline.ingest.model import SourceDocument
from pipeline.ingest.sources import READERS, InputFile, expand_paths, printable, read_file
from pipeline.schema import SkippedRecord

GOOD = {"id": "g1", "text": "Stromal cells lowered the swelling in treated rats over two weeks."}
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _item(path: Path) -> InputFile:
    return InputFile(path, path.name, path.name)


def _jsonl(tmp_path: Path, bad_line: str) -> InputFile:
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + bad_line + "\n" + json.dumps({**GOOD, "id": "g2"}) + "\n")
    return _item(path)


@pytest.mark.parametrize(("bad", "reason"), [
    ('{"id": ' + "7" * 5000 + ', "text": "x y z"}', "malformed JSON: Exceeds the limit"),
    ('{"id": "y", "year": ' + "9" * 30 + ', "text": "some words here"}', "year "),
    ('{"id": "s", "text": "a \\ud800 b"}', "text is not valid Unicode: lone surrogate U+D800"),
    ('{"id": "n\\u0000", "text": "some words here"}', "id contains a NUL character"),
    ("[" * 100_000, "malformed JSON"),
])
def test_bad_jsonl_record_is_skipped_alone(tmp_path: Path, bad: str, reason: str) -> None:
    result = ingest_file(_jsonl(tmp_path, bad))
    assert [a.source_id for a in result.articles] == ["g1", "g2"]
    assert [(s.line, s.reason.startswith(reason)) for s in result.skipped] == [(2, True)]
    assert result.n_files_read == 1


def test_reader_failing_part_way_keeps_its_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def reader(data: bytes, path: str):  # type: ignore[no-untyped-def]
        yield SourceDocument(path, "First article words.", "text", single_article=True, kind="document")
        raise KeyError("boom")

    monkeypatch.setitem(READERS, "text", reader)
    path = tmp_path / "a.txt"
    path.write_text("anything")
    got = list(read_file(_item(path), 10**6))
    assert isinstance(got[0], SourceDocument)
    assert isinstance(got[1], SkippedRecord)
    assert got[1].reason.startswith("reader stopped after 1 record(s): KeyError")


@pytest.mark.parametrize(("magic", "name"), [(b"\x1f\x8b\x08\x00", "gzip"), (b"BZh91AY", "bzip2"),
                                             (b"\xfd7zXZ\x00\x00", "xz"), (b"PK\x03\x04", "zip")])
def test_compressed_inputs_are_named(tmp_path: Path, magic: bytes, name: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(magic + b"\x00" * 64)
    result = ingest_file(_item(path))
    assert [s.reason for s in result.skipped] == [f"compressed ({name}); decompress it first"]


@pytest.mark.parametrize("name", ["paper.pdf", "paper.txt"])
def test_a_damaged_pdf_is_named(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    result = ingest_file(_item(path))
    # the words after the colon are pypdf's own (they may change between its versions)
    assert [s.reason.split(":")[0] for s in result.skipped] == ["unreadable PDF"]
    assert not result.articles


def test_tiny_size_limit_is_readable(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("w " * 3000)
    (skip,) = ingest_file(_item(path), max_mb=0.001).skipped
    assert skip.reason == "file too large (0.006 MB > 0.001 MB limit; see --max-mb)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_skipped_not_opened(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Cells were given to mice twice.")
    os.mkfifo(tmp_path / "pipe.txt")
    files, skipped = expand_paths([str(tmp_path)])
    assert [f.key for f in files] == ["a.txt"]
    assert [(Path(s.source_path).name, s.reason) for s in skipped] == [
        ("pipe.txt", "a named pipe (FIFO); not read")]
    files, skipped = expand_paths([str(tmp_path / "*.txt")])
    assert [f.key for f in files] == ["a.txt"] and len(skipped) == 1
    with pytest.raises(InputError, match="FIFO"):
        list(read_file(_item(tmp_path / "pipe.txt"), 10**6))


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("words")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "linked").symlink_to(tmp_path / "sub", target_is_directory=True)
    files, _ = expand_paths([str(tmp_path)])
    assert [f.path.resolve() for f in files] == [(tmp_path / "sub" / "a.txt").resolve()]
    files, _ = expand_paths([str(tmp_path / "**" / "*.txt")])
    assert len(files) == 1


def test_symlinked_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "b.txt").write_text("words")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    files, _ = expand_paths([str(tmp_path / "in")])
    assert [f.key for f in files] == ["link/b.txt"]


def test_output_folder_is_not_an_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("words")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "articles.csv").write_text("article_id\n")
    files, _ = expand_paths([str(tmp_path)], exclude=[tmp_path / "out"])
    assert [f.key for f in files] == ["a.txt"]


def test_non_utf8_file_name_is_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text("Cells were given to mice twice a week.")
    (item,), _ = expand_paths([str(tmp_path)])
    assert item.key == "caf\\xe9.txt" and printable(name) == "caf\\xe9.txt"
    assert ingest_file(item).articles[0].source_path.endswith("caf\\xe9.txt")


@pytest.mark.parametrize("fmt", sorted(READERS))
@FAST
@given(data=st.binary(max_size=300))
def test_fuzz_readers_random_bytes(fmt: str, data: bytes) -> None:
    _no_escape(fmt, data)


@FAST
@given(value=st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                              st.sampled_from(["id", "text", "year", "title", "authors", "x"]), inner,
                              max_size=4), max_leaves=8))
def test_fuzz_jsonl_random_json_keeps_good_records(value: object) -> None:
    data = (json.dumps(GOOD) + "\n" + json.dumps(value) + "\n").encode()
    got = _no_escape("jsonl", data)
    assert any(isinstance(d, SourceDocument) and d.source_id == "g1" for d in got)


_XML = st.recursive(st.text(alphabet="abc <>&;\"'", max_size=8),
                    lambda inner: st.builds(lambda tag, kids: f"<{tag}>{''.join(kids)}</{tag}>",
                                            st.sampled_from(["article", "body", "p", "PubmedArticle",
                                                             "collection", "document", "passage", "text",
                                                             "AbstractText", "title"]),
                                            st.lists(inner, max_size=3)), max_leaves=10)


@pytest.mark.parametrize("fmt", ["pubmed_xml", "jats_xml", "bioc_xml", "html"])
@FAST
@given(body=_XML)
def test_fuzz_xml_readers(fmt: str, body: str) -> None:
    _no_escape(fmt, ("<?xml version='1.0'?>" + body).encode())


def _no_escape(fmt: str, data: bytes) -> list[SourceDocument | SkippedRecord]:
    """The reader's records through read_file's guard: only InputError (whole file) may come out."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.bin"
        path.write_bytes(data)
        saved = READERS.copy()
        try:
            READERS["text"] = READERS[fmt]  # route the file to the reader under test
            from pipeline.ingest import sources

            real = sources.sniff_format
            sources.sniff_format = lambda name, head: "text"  # type: ignore[assignment]
            try:
                return list(read_file(_item(path), 10**6))
            except InputError:
                return []
            finally:
                sources.sniff_format = real
        finally:
            READERS.clear()
            READERS.update(saved)


def _nested(depth: int) -> bytes:
    return ("<html><body><p>Before the nest.</p>" + "<div>" * depth + "<p>Deep inside.</p>"
            + "</div>" * depth + "<p>After the nest.</p></body></html>").encode()


@pytest.mark.parametrize("depth", [300, 1500])
def test_html_nested_past_256_levels_is_read_whole(depth: int) -> None:
    from pipeline.ingest.readers.html import read_html

    got = list(read_html(_nested(depth), "deep.html"))
    assert [type(d) for d in got] == [SourceDocument]
    assert got[0].text.split("\n") == ["Before the nest.", "Deep inside.", "After the nest."]


def test_html_nested_past_the_parser_limit_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "deeper.html"
    path.write_bytes(_nested(5000))
    result = ingest_file(_item(path))
    assert len(result.skipped) == 1
    assert result.skipped[0].source_path.endswith("deeper.html")
    assert "nested deeper than the parser's limit (2048 levels)" in result.skipped[0].reason
    assert "not read" in result.skipped[0].reason and result.skipped[0].stage == "read"
    assert "Before the nest." in " ".join(a.text for a in result.articles)


def test_a_table_broken_part_way_keeps_its_rows_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('title,abstract\nT1,"MSCs secrete IL-10."\nT2,"open quote\nT3,x\n', encoding="utf-8")
    result = ingest_file(_item(path))
    assert [a.title for a in result.articles] == ["T1"]
    assert [s.reason for s in result.skipped] == [
        "reader stopped after 1 record(s): malformed table in the row from line 3: unexpected end of data"]
