"""Every executor gives the same tables: one process, a process pool, a Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_corpus import digest, make_corpus

from pipeline.batch.executors import execute
from pipeline.nlp import NlpSpec
from pipeline.run import run_pipeline


def test_workers_give_identical_tables(tmp_path: Path) -> None:
    src = make_corpus(tmp_path / "in", 4)
    run_pipeline([str(src)], tmp_path / "one", workers=1)
    run_pipeline([str(src)], tmp_path / "two", workers=2)
    assert digest(tmp_path / "one") == digest(tmp_path / "two")
    assert len(digest(tmp_path / "one")) == 10


def test_dask_engine_matches_local(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    src = make_corpus(tmp_path / "in", 3)
    run_pipeline([str(src)], tmp_path / "local")
    run_pipeline([str(src)], tmp_path / "dask", engine="dask", workers=1)
    assert digest(tmp_path / "local") == digest(tmp_path / "dask")


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        execute([], 1.0, NlpSpec(), engine="spark")
