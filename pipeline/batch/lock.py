"""The run lock: one writer per output folder (``fcntl`` lock on ``DIR/.mechmine/lock``).

``run``, ``ingest`` and ``report`` all hold it while they read or write the folder. A lock
file that cannot be made (a read-only folder, a folder in its place) is a one-line error.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import MechmineError
from pipeline.io import OutputError

STATE_DIR = ".mechmine"


class RunLockedError(MechmineError):
    """Another run holds the output folder."""


@contextlib.contextmanager
def run_lock(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir/.mechmine/lock`` for the run; raise RunLockedError if another run has it."""
    state = out_dir / STATE_DIR
    lock = state / "lock"
    if lock.is_dir():
        raise OutputError(f"{lock} is a folder, not mechmine's run lock; move it away")
    try:
        state.mkdir(parents=True, exist_ok=True)
        handle = lock.open("a+")
    except OSError as err:
        where = state if not state.is_dir() else lock
        raise OutputError(f"cannot write outputs to {out_dir}: {where}: {err.strerror or err}") from err
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
