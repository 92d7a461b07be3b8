"""Incremental, resumable and parallel runs; the lock; a damaged manifest; parquet."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, SAMPLE

from pipeline.batch import STATE_DIR, BatchStats, Manifest, RunLockedError, run_lock
from pipeline.io import load_outputs
from pipeline.run import run_pipeline


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        (folder / f"doc{k:03d}.jsonl").write_text(json.dumps({
            "id": f"d{k}", "text": f"Mesenchymal stem cells secrete BDNF and IL-10 in study {k}. "
                                  f"IL-10 suppresses T cells and reduces inflammation ({k})."}) + "\n")
    return folder


def _digest(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*.csv"))}


def test_incremental_equals_full(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    first = BatchStats()
    run_pipeline([str(src)], out, stats=first)
    assert (first.processed, first.reused) == (6, 0)
    _corpus(tmp_path / "in", 8)  # two new files
    (src / "doc000.jsonl").write_text(json.dumps({"text": "IL-6 drives inflammation."}) + "\n")  # changed
    second = BatchStats()
    run_pipeline([str(src)], out, stats=second)
    assert (second.processed, second.reused) == (3, 5)
    full = tmp_path / "full"
    run_pipeline([str(src)], full, force=True)
    assert _digest(out) == _digest(full)


def test_workers_give_identical_tables(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in", 4)
    run_pipeline([str(src)], tmp_path / "one", workers=1)
    run_pipeline([str(src)], tmp_path / "two", workers=2)
    assert _digest(tmp_path / "one") == _digest(tmp_path / "two")


def test_second_run_is_refused_while_one_holds_the_lock(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with run_lock(out), pytest.raises(RunLockedError, match="another mechmine run"):
        run_pipeline([str(SAMPLE)], out)


def test_damaged_manifest_is_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    src = _corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    run_pipeline([str(src)], out)
    before = _digest(out)
    (out / STATE_DIR / "manifest.sqlite").write_bytes(b"this is not a database" * 100)
    for extra in ("-wal", "-shm"):
        Path(str(out / STATE_DIR / "manifest.sqlite") + extra).unlink(missing_ok=True)
    stats = BatchStats()
    run_pipeline([str(src)], out, stats=stats)
    assert "rebuilding" in caplog.text and stats.processed == 2
    assert _digest(out) == before
    assert Manifest(out / STATE_DIR / "manifest.sqlite").db is not None


def test_parquet_has_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_pipeline([str(FIXTURES / "records.jsonl")], out, formats=("parquet",))
    assert not list(out.glob("*.csv"))
    tables = load_outputs(out)
    assert str(tables["articles"]["year"].dtype) == "Int64"
    assert str(tables["relations"]["negated"].dtype) == "boolean"


def test_kill_and_resume(tmp_path: Path) -> None:
    """kill -9 at a random moment, rerun: the tables equal a clean run's."""
    src = _corpus(tmp_path / "in", 30)
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
    assert _digest(out) == _digest(clean)


def test_dask_engine_matches_local(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    src = _corpus(tmp_path / "in", 3)
    run_pipeline([str(src)], tmp_path / "local")
    run_pipeline([str(src)], tmp_path / "dask", engine="dask", workers=1)
    assert _digest(tmp_path / "local") == _digest(tmp_path / "dask")


def test_disk_full_leaves_earlier_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from pipeline.batch import TableSink
    from pipeline.io import OutputError

    src = _corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    run_pipeline([str(src)], out)
    before = _digest(out)
    _corpus(tmp_path / "in", 5)
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
    assert _digest(out) == before
    assert not list(out.glob(".*.partial"))
