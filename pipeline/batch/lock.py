"""The run lock: one writer per output folder (``fcntl`` lock on ``DIR/.mechmine/lock``)."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import MechmineError

STATE_DIR = ".mechmine"


class RunLockedError(MechmineError):
    """Another run holds the output folder."""


@contextlib.contextmanager
def run_lock(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir/.mechmine/lock`` for the run; raise RunLockedError if another run has it."""
    state = out_dir / STATE_DIR
    state.mkdir(parents=True, exist_ok=True)
    handle = (state / "lock").open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as err:
        handle.close()
        raise RunLockedError(
            f"another mechmine run is writing to {out_dir}; try again when it ends") from err
    try:
        handle.truncate(0)
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
