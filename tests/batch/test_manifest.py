"""Fingerprints and the per-file manifest: store, look up, damaged entries and files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from pipeline.batch import BatchStats
from pipeline.batch.lock import STATE_DIR
from pipeline.batch.manifest import Manifest, file_hash, rule_files, versions
from pipeline.batch.tables import FileRows, prepare
from pipeline.ingest import IngestResult
from pipeline.run import run_pipeline
from pipeline.schema import ArticleRecord


def _rows() -> FileRows:
    article = ArticleRecord("a-1", "x.txt", "", 0, 5, "T", "document", "", "", None, "", "", "", 1, "hello")
    return prepare(FileRows(IngestResult(articles=[article], n_files=1, n_files_read=1)))


def test_put_then_get_by_hash_and_version(tmp_path: Path) -> None:
    with Manifest(tmp_path) as manifest:
        manifest.put("x.txt", "h1", "v1", _rows())
        stored = manifest.get("x.txt", "h1", "v1")
        assert stored is not None and stored.counts() == (1, 1, 0, 0, 0)
        assert stored.full().ingest.articles[0].article_id == "a-1"
        assert stored.csv is not None and stored.csv["articles"][0].startswith(b"article_id,")
        assert manifest.get("x.txt", "h2", "v1") is None and manifest.get("x.txt", "h1", "v2") is None


def test_unreadable_entry_is_processed_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with Manifest(tmp_path) as manifest:
        with manifest.db:
            manifest.db.execute("INSERT INTO files VALUES ('k', 'h', 'v', ?)", (b"garbage",))
        assert manifest.get("k", "h", "v") is None
    assert "unreadable" in caplog.text


def test_damaged_manifest_is_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    out = tmp_path / "out"
    src = FIXTURES / "mini.pubtator"
    run_pipeline([str(src)], out)
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    path = out / STATE_DIR / "manifest.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    stats = BatchStats()
    run_pipeline([str(src)], out, stats=stats)
    assert "rebuilding" in caplog.text and stats.processed == 1
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before
    with Manifest(out) as manifest:
        assert manifest.db.execute("SELECT count(*) FROM files").fetchone() == (1,)


def test_file_hash(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"abc")
    assert file_hash(tmp_path / "a") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert file_hash(tmp_path / "missing") == ""


def test_versions_name_each_part() -> None:
    parts = versions().split("|")
    assert [p.split(":")[0] for p in parts[1:]] == ["code", "schema", "lexicon", "rules"]


def test_every_rule_file_a_run_reads_is_in_the_versions() -> None:
    names = rule_files()
    for name in ("record_fields.yaml", "dependency_patterns.yaml", "lexicon/mention_rules.yaml",
                 "relation_rules.yaml", "models/parser/meta.json"):
        assert name in names
    assert "lexicon/terms.tsv.gz" not in names  # the lexicon tables have their own digest
