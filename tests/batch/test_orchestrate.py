"""Incremental and resumable runs; parquet output; a full disk."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from batch_corpus import digest, make_corpus
from conftest import FIXTURES

from pipeline.batch import BatchStats
from pipeline.batch.sink import TableSink
from pipeline.io import OutputError, load_outputs
from pipeline.run import run_pipeline
from pipeline.schema import typed


def test_incremental_equals_full(tmp_path: Path) -> None:
    src = make_corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    first = BatchStats()
    run_pipeline([str(src)], out, stats=first)
    assert (first.processed, first.reused) == (6, 0)
    make_corpus(tmp_path / "in", 8)  # two new files
    (src / "doc000.jsonl").write_text(json.dumps({"text": "IL-6 drives inflammation."}) + "\n")  # changed
    second = BatchStats()
    run_pipeline([str(src)], out, stats=second)
    assert (second.processed, second.reused) == (3, 5)
    full = tmp_path / "full"
    run_pipeline([str(src)], full, force=True)
    assert digest(out) == digest(full)


def test_reused_rows_give_the_same_parquet(tmp_path: Path) -> None:
    """A manifest made by a CSV run serves a Parquet run (its records are unpacked)."""
    src = make_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    run_pipeline([str(src)], out)
    stats = BatchStats()
    run_pipeline([str(src)], out, formats=("csv", "parquet"), stats=stats)
    assert stats.reused == 2
    fresh = tmp_path / "fresh"
    run_pipeline([str(src)], fresh, formats=("parquet",))
    expected = load_outputs(fresh)
    assert len(expected) == 10
    for name, frame in expected.items():
        reused = typed(name, pd.read_parquet(out / f"{name}.parquet", engine="pyarrow"))
        pd.testing.assert_frame_equal(reused, frame, obj=name)


def test_parquet_has_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_pipeline([str(FIXTURES / "records.jsonl")], out, formats=("parquet",))
    assert not list(out.glob("*.csv"))
    tables = load_outputs(out)
    assert str(tables["articles"]["year"].dtype) == "Int64"
    assert str(tables["relations"]["negated"].dtype) == "boolean"


def test_nothing_read_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run_pipeline([str(tmp_path / "missing")], out)
    assert report.exit_code == 1 and report.written == [] and not list(out.glob("*.csv"))


def test_kill_and_resume(tmp_path: Path) -> None:
    """kill -9 at a random moment, rerun: the tables equal a clean run's."""
    src = make_corpus(tmp_path / "in", 30)
    clean = tmp_path / "clean"
    run_pipeline([str(src)], clean)
    out = tmp_path / "out"
    rng = random.Random(7)
    cmd = [sys.executable, "-m", "pipeline", "run", str(src), "--out", str(out), "-q"]
    for _ in range(2):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(2.5, 5.0))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert subprocess.run(cmd, check=False).returncode == 0
    assert digest(out) == digest(clean)


def test_disk_full_leaves_earlier_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    run_pipeline([str(src)], out)
    before = digest(out)
    make_corpus(tmp_path / "in", 5)
    calls = {"n": 0}
    real = TableSink.append_csv

    def full_disk(self: TableSink, name: str, header: bytes, body: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, name, header, body)

    monkeypatch.setattr(TableSink, "append_csv", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        run_pipeline([str(src)], out)
    assert digest(out) == before
    assert not list(out.rglob("*.mechmine-partial"))
