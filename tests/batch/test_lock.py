"""The run lock: one writer per output folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLE

from pipeline.batch.lock import STATE_DIR, RunLockedError, run_lock
from pipeline.run import run_pipeline


def test_second_run_is_refused_while_one_holds_the_lock(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with run_lock(out), pytest.raises(RunLockedError, match="another mechmine run"):
        run_pipeline([str(SAMPLE)], out)
    assert not list(out.glob("*.csv"))


def test_lock_is_released_and_records_the_pid(tmp_path: Path) -> None:
    import os

    with run_lock(tmp_path):
        assert (tmp_path / STATE_DIR / "lock").read_text() == str(os.getpid())
    with run_lock(tmp_path):  # taken again once released
        pass
