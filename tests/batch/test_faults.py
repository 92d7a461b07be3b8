"""Faults a batch survives: bad records among good ones, crafted or damaged manifests, a full
disk, a kill between renames, files that are not mechmine's, and the exit codes of each ending."""

from __future__ import annotations

import errno
import json
import os
import pickle
import sqlite3
from pathlib import Path

import pytest

from pipeline import schema
from pipeline.batch import STATE_DIR, TableSink
from pipeline.batch import worker as worker_module
from pipeline.batch.manifest import Manifest, ManifestError
from pipeline.batch.sink import MARKER, repair
from pipeline.cli import app, guarded
from pipeline.io import OutputError, load_outputs
from pipeline.run import run_ingest, run_pipeline

GOOD = "Stromal cells lowered the swelling in treated rats over two weeks."


def _inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [{"id": "g1", "text": GOOD}, {"id": "big", "text": "x"}, {"id": "g2", "text": GOOD + " Again."}]
    raw = [json.dumps(x) for x in lines]
    raw[1] = '{"id": ' + "1" * 5000 + ', "text": "x y"}'
    (folder / "a.jsonl").write_text("\n".join(raw) + "\n")
    good = json.dumps({"id": "g3", "text": GOOD})
    (folder / "b.jsonl").write_text('{"id": "s", "text": "bad \\ud800"}\n' + good + "\n")
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_bad_records_among_good_ones(tmp_path: Path, workers: int) -> None:
    out = tmp_path / "out"
    report = run_pipeline([str(_inputs(tmp_path / "in"))], out, workers=workers)
    assert report.exit_code == 1 and report.n_skipped == 2
    tables = load_outputs(out)
    assert sorted(tables["articles"].source_id) == ["g1", "g2", "g3"]
    assert sorted(tables["skipped"].line.tolist()) == [1, 2]
    assert tables["skipped"].stage.tolist() == ["read", "read"]


def test_article_whose_nlp_fails_is_skipped_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = worker_module.article_annotations

    def flaky(nlp, items):  # type: ignore[no-untyped-def]
        items = list(items)
        if any("Again" in text for _, text, _ in items):
            raise RuntimeError("model blew up")
        return real(nlp, items)

    monkeypatch.setattr(worker_module, "article_annotations", flaky)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps({"id": "g1", "text": GOOD}) + "\n"
                                             + json.dumps({"id": "g2", "text": GOOD + " Again."}) + "\n")
    report = run_pipeline([str(tmp_path / "in")], None)
    assert report.tables["articles"].source_id.tolist() == ["g1"]
    (reason,) = report.tables["skipped"].reason
    assert reason.startswith("nlp failed on article") and "RuntimeError: model blew up" in reason
    assert report.tables["skipped"].stage.tolist() == ["nlp"]


def test_file_whose_ingest_fails_is_skipped_at_stage_ingest(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("ingest blew up")

    monkeypatch.setattr(worker_module, "ingest_file", broken)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD + "\n", encoding="utf-8")
    report = run_pipeline([str(tmp_path / "in")], None)
    assert report.exit_code == 1
    skipped = report.tables["skipped"]
    assert skipped.stage.tolist() == ["ingest"]
    assert skipped.reason.tolist() == ["ingest failed: RuntimeError: ingest blew up"]


class Boom:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, ("touch PWNED",))


def test_crafted_manifest_cannot_run_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    run_pipeline([str(src)], out)
    db = sqlite3.connect(out / STATE_DIR / "manifest.sqlite")
    import zlib

    with db:
        db.execute("UPDATE files SET payload=?", (zlib.compress(pickle.dumps(Boom())),))
    db.close()
    before = (out / "articles.csv").read_bytes()
    run_pipeline([str(src)], out)
    assert not (tmp_path / "PWNED").exists()
    assert (out / "articles.csv").read_bytes() == before


def test_full_disk_never_deletes_the_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    src = _inputs(tmp_path / "in")
    run_pipeline([str(src)], out)
    path = out / STATE_DIR / "manifest.sqlite"
    with Manifest(out) as manifest:
        before = manifest.db.execute("SELECT count(*) FROM files").fetchone()

    def full(self: Manifest) -> sqlite3.Connection:
        err = sqlite3.OperationalError("database or disk is full")
        err.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
        raise err

    monkeypatch.setattr(Manifest, "_open", full)
    with pytest.raises(ManifestError, match="the disk is full"):
        Manifest(out)
    monkeypatch.undo()
    assert path.exists()
    with Manifest(out) as manifest:
        assert manifest.db.execute("SELECT count(*) FROM files").fetchone() == before


def test_full_disk_while_writing_tables_keeps_earlier_set(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    src = _inputs(tmp_path / "in")
    run_pipeline([str(src)], out)
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}

    def failing(self: TableSink, name: str, header: bytes, body: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(TableSink, "append_csv", failing)
    with pytest.raises(OutputError, match="No space left"):
        run_pipeline([str(src)], out, force=True)
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before
    assert (out / STATE_DIR / "manifest.sqlite").exists()


def test_folder_in_place_of_manifest_or_lock(tmp_path: Path) -> None:
    (tmp_path / STATE_DIR / "manifest.sqlite").mkdir(parents=True)
    with pytest.raises(ManifestError, match="is a folder"):
        Manifest(tmp_path)
    other = tmp_path / "o2"
    (other / STATE_DIR / "lock").mkdir(parents=True)
    with pytest.raises(OutputError, match="is a folder"):
        run_ingest([str(_inputs(tmp_path / "in"))], other)


def test_damaged_page_is_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    out = tmp_path / "out"
    src = _inputs(tmp_path / "in")
    run_pipeline([str(src)], out)
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    path = out / STATE_DIR / "manifest.sqlite"
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # damage the second page
    path.write_bytes(bytes(data))
    run_pipeline([str(src)], out)
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before
    with Manifest(out) as manifest:
        assert manifest.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_kill_between_renames_is_rolled_forward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    real = os.replace
    calls = {"n": 0}

    def killed(src: str | Path, dst: str | Path) -> None:
        if Path(src).name.endswith(".mechmine-partial") and Path(dst).suffix == ".csv":
            calls["n"] += 1
            if calls["n"] == 2:
                raise KeyboardInterrupt  # the process dies after one table was renamed
        real(src, dst)

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps({"id": "g1", "text": GOOD}) + "\n")
    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        run_ingest([str(tmp_path / "in")], out)
    monkeypatch.undo()
    assert (out / STATE_DIR / MARKER).exists()
    assert load_outputs(out)["articles"].source_id.tolist() == ["g1"]  # read through the marker
    assert repair(out) == 2 and not (out / STATE_DIR / MARKER).exists()
    assert sorted(p.name for p in out.glob("*.csv")) == ["articles.csv", "removed_blocks.csv", "skipped.csv"]


def test_users_files_are_never_touched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    mine = out / ".bigdownload.partial"
    mine.write_bytes(b"keep me")
    (out / "notes.txt").write_text("user notes")
    src = _inputs(tmp_path / "in")
    run_pipeline([str(src)], out)
    run_ingest([str(src)], out)
    assert mine.read_bytes() == b"keep me" and (out / "notes.txt").read_text() == "user notes"


def test_output_inside_input_is_not_read_back(tmp_path: Path) -> None:
    src = _inputs(tmp_path / "in")
    out = src / "out"
    first = run_pipeline([str(src)], out)
    second = run_pipeline([str(src)], out)
    assert first.n_articles == second.n_articles == 3 and second.n_files == 2


@pytest.mark.parametrize(("args", "code"), [
    (["run", "x", "--max-mb", "inf"], 2),
    (["run", "x", "--engine", "dask", "--scheduler", "notaurl"], 2),
    (["report", "/nonexistent/folder"], 2),
    (["run", "--no-such-option"], 2),
])
def test_user_errors_exit_2_in_one_line(tmp_path: Path, args: list[str], code: int,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    if "--scheduler" in args:
        src = _inputs(tmp_path / "in")
        args = ["run", str(src), "--out", str(tmp_path / "o"), *args[2:]]
    assert guarded(app, args) == code
    assert "Traceback" not in capsys.readouterr().err


def test_out_under_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    assert guarded(app, ["run", str(tmp_path), "--out", str(tmp_path / "f" / "sub")]) == 2


def test_internal_error_and_interrupt_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import pipeline.run as run_module

    src = _inputs(tmp_path / "in")

    def bug(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(run_module, "expand_paths", bug)
    assert guarded(app, ["run", str(src), "--out", str(tmp_path / "o")]) == 3
    assert "internal error: ZeroDivisionError: oops" in capsys.readouterr().err

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(run_module, "expand_paths", interrupted)
    assert guarded(app, ["run", str(src), "--out", str(tmp_path / "o")]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_skipped_table_header() -> None:
    assert schema.columns("skipped") == ["source_path", "line", "reason", "stage"]
