"""Sinks: atomic table files (a failure leaves the earlier tables) and frames in memory."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from pipeline import schema
from pipeline.batch.sink import MemorySink, TableSink
from pipeline.io import OutputError, load_outputs
from pipeline.schema import ArticleRecord, SkippedRecord


def _article(i: int) -> ArticleRecord:
    return ArticleRecord(f"a-{i}", "x.txt", "", 0, 5, "T", "document", "", "", None, "", "", "",
                         1, "hello")


def _write(out: Path, tables: dict[str, pd.DataFrame], formats: tuple[str, ...] = ("csv",)) -> list[Path]:
    with TableSink(out, formats) as sink:
        for name, frame in tables.items():
            sink.append(name, frame)
        return sink.commit(list(tables))


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_round_trip_keeps_dtypes(tmp_path: Path, fmt: str) -> None:
    tables = {"articles": schema.to_frame("articles", [_article(1), _article(2)]),
              "skipped": schema.to_frame("skipped", [SkippedRecord("y.bin", None, "binary file")])}
    written = _write(tmp_path, tables, (fmt,))
    assert [p.name for p in written] == [f"articles.{fmt}", f"skipped.{fmt}"]
    loaded = load_outputs(tmp_path)
    assert set(loaded) == {"articles", "skipped"}
    pd.testing.assert_frame_equal(loaded["articles"], tables["articles"])
    assert str(loaded["articles"]["year"].dtype) == "Int64"
    assert loaded["articles"]["doi"].tolist() == ["", ""]
    assert not list(tmp_path.rglob("*.mechmine-partial"))
    assert not (tmp_path / ".mechmine/publish.json").exists()


def test_files_get_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        (path,) = _write(tmp_path, {"skipped": schema.to_frame("skipped", [])})
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text() == "source_path,line,reason,stage\n"


def test_failed_commit_leaves_earlier_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, {"articles": schema.to_frame("articles", [_article(1)]),
                      "skipped": schema.to_frame("skipped", [])})
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    calls = {"n": 0}
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OutputError, match="No space left"):
        _write(tmp_path, {"articles": schema.to_frame("articles", [_article(1), _article(2)]),
                          "skipped": schema.to_frame("skipped", [SkippedRecord("z", None, "r")])})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_leaving_without_commit_removes_partials(tmp_path: Path) -> None:
    with TableSink(tmp_path) as sink:
        sink.append("skipped", schema.to_frame("skipped", []))
        assert list(tmp_path.glob(".mechmine/staging/*.mechmine-partial"))
    assert [p.name for p in tmp_path.iterdir()] == [".mechmine"]
    assert not list(tmp_path.rglob("*.mechmine-partial"))


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        TableSink(tmp_path, ("xlsx",))


def test_memory_sink_concatenates_and_fills_empty_tables() -> None:
    sink = MemorySink()
    sink.append("articles", schema.to_frame("articles", [_article(1)]))
    sink.append("articles", schema.to_frame("articles", [_article(2)]))
    tables = sink.tables(["articles", "skipped", "mechanism_matrix"])
    assert tables["articles"].article_id.tolist() == ["a-1", "a-2"]
    assert tables["articles"].index.tolist() == [0, 1]
    assert tables["skipped"].empty and list(tables["skipped"].columns) == schema.columns("skipped")
    assert list(tables["mechanism_matrix"].columns[:5]) == schema.MATRICES["mechanism_matrix"]


FORMULAS = ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "'=already", "'s", "a=b", "", "plain"]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_formula_like_cells_round_trip(tmp_path: Path, fmt: str) -> None:
    skipped = schema.to_frame("skipped", [SkippedRecord(v, i, v) for i, v in enumerate(FORMULAS)])
    matrix = pd.DataFrame({"article_id": ["=a", "b"], "title": ["-t", "@u"], "kind": ["k", "k"],
                           "primary_disease": ["+d", ""], "primary_disease_id": ["", ""]})
    _write(tmp_path, {"skipped": skipped, "mechanism_matrix": matrix}, (fmt,))
    loaded = load_outputs(tmp_path)
    pd.testing.assert_frame_equal(loaded["skipped"], skipped)
    assert loaded["mechanism_matrix"]["title"].tolist() == ["-t", "@u"]
    assert loaded["mechanism_matrix"]["article_id"].tolist() == ["=a", "b"]
    if fmt == "csv":  # escaped in the file: no cell a spreadsheet would evaluate
        rows = (tmp_path / "skipped.csv").read_text(encoding="utf-8").splitlines()
        assert rows[1] == "'=cmd|' /C calc'!A0,0,'=cmd|' /C calc'!A0,read"
        assert rows[2] == "'+1,1,'+1,read"
        assert rows[6] == "''=already,5,''=already,read"
        assert rows[7] == "'s,6,'s,read"
        assert rows[8] == "a=b,7,a=b,read"
    else:  # Parquet holds the text as it is
        raw = pd.read_parquet(tmp_path / "skipped.parquet")
        assert raw["source_path"].tolist() == FORMULAS
