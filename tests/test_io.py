"""Atomic table writing, load_outputs and the schema."""

from __future__ import annotations

import dataclasses
import errno
import os
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from pipeline import schema
from pipeline.io import OutputError, load_outputs, write_tables
from pipeline.schema import ArticleRecord, SkippedRecord


def _article(i: int) -> ArticleRecord:
    return ArticleRecord(f"a-{i}", "x.txt", "", 0, 5, "T", "document", "", "", None, "", "", "",
                         1, "hello")


def test_round_trip_keeps_dtypes(tmp_path: Path) -> None:
    tables = {"articles": schema.to_frame("articles", [_article(1), _article(2)]),
              "skipped": schema.to_frame("skipped", [SkippedRecord("y.bin", None, "binary file")])}
    write_tables(tmp_path, tables)
    loaded = load_outputs(tmp_path)
    assert set(loaded) == {"articles", "skipped"}
    pd.testing.assert_frame_equal(loaded["articles"], tables["articles"])
    assert str(loaded["articles"]["year"].dtype) == "Int64"
    assert loaded["articles"]["doi"].tolist() == ["", ""]


def test_failed_write_leaves_earlier_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = {"articles": schema.to_frame("articles", [_article(1)]),
             "skipped": schema.to_frame("skipped", [])}
    write_tables(tmp_path, first)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    calls = {"n": 0}
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    second = {"articles": schema.to_frame("articles", [_article(1), _article(2)]),
              "skipped": schema.to_frame("skipped", [SkippedRecord("z", None, "r")])}
    with pytest.raises(OutputError, match="No space left"):
        write_tables(tmp_path, second)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_records_match_schema() -> None:
    for name, record in schema.TABLES.items():
        assert [f.name for f in dataclasses.fields(record)] == schema.columns(name)
        assert all(f.metadata["doc"] for f in dataclasses.fields(record))


def test_readme_documents_every_column() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    outputs = readme[readme.index("## Outputs"):]
    for name in schema.TABLES:
        section = re.search(rf"### `{name}\.csv`(.*?)(?=\n### |\Z)", outputs, re.S)
        assert section, f"README has no section for {name}.csv"
        for column in schema.columns(name):
            assert f"`{column}`" in section.group(1), f"{name}.{column} undocumented"
    for name, keys in schema.MATRICES.items():
        assert f"`{name}.csv`" in outputs
        for column in keys:
            assert f"`{column}`" in outputs, f"{name}.{column} undocumented"
