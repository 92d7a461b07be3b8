"""Where a run's tables go: :class:`TableSink` (files, atomic) or :class:`MemorySink` (frames).

:class:`TableSink` appends each file's rows to staged table files (CSV with one
header; Parquet through a ``ParquetWriter``) and drops them, so nothing of the
whole corpus is held in memory. Staged files live in ``DIR/.mechmine/staging/`` and
are named ``NAME.FMT.mechmine-partial``: mechmine touches no other file of the
output folder (a user's ``.x.partial`` is never removed).

Publishing is one switch (a roll-forward journal, like SQLite's):

1. every staged table is written, closed and fsync'ed;
2. the marker ``DIR/.mechmine/publish.json`` (generation number, then each staged file
   and its target, in a fixed order) is written to a temporary name, fsync'ed and renamed
   into place, and the folder fsync'ed: from this moment the new set is *the* set;
3. each staged file is renamed over its ``DIR/NAME.FMT`` in that order (``os.replace``,
   the mode a new file gets under the umask), the folder fsync'ed, the marker removed.

A kill before step 2 leaves the old set (the staged files are removed by the next
run); a kill during step 3 leaves a marker whose remaining staged files are complete,
so the next run (or ``mechmine ingest``/``report``: :func:`repair`, under the run lock)
finishes the renames before doing anything else, and :func:`pipeline.io.load_outputs`
reads the marker's staged files in the meantime: a reader sees the old set or the new
set, never a mix. :meth:`abort` leaves the earlier tables untouched.

CSV cells are quoted as RFC 4180 says, and a formula-like text cell (``=``, ``+``, ``-``,
``@``, tab, CR at its start) gets a leading ``'`` (:func:`pipeline.io.escape_formulas`,
undone by :func:`pipeline.io.load_outputs`, so the tables round-trip exactly); Parquet
cells are written as they are.
:class:`MemorySink` keeps the typed frames and concatenates them (``pipeline.extract``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

import pandas as pd

from pipeline import schema
from pipeline.batch.lock import STATE_DIR
from pipeline.io import OutputError, escape_formulas
from pipeline.mechanisms import empty_matrix
from pipeline.schema import typed

if TYPE_CHECKING:
    import pyarrow.parquet as pq

FORMATS = ("csv", "parquet")
STAGING = "staging"
MARKER = "publish.json"
SUFFIX = ".mechmine-partial"

log = logging.getLogger(__name__)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be fsync'ed
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def pending(out_dir: Path) -> list[tuple[Path, Path]]:
    """(staged file, target) pairs a half-finished publish still has to rename (see the module)."""
    marker = out_dir / STATE_DIR / MARKER
    try:
        entries = json.loads(marker.read_text(encoding="utf-8"))["tables"]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as err:
        log.warning("ignoring unreadable publish marker %s (%s)", marker, err)
        return []
    out = []
    staging = out_dir / STATE_DIR / STAGING
    for staged, target in entries:
        if not (isinstance(staged, str) and isinstance(target, str)) or "/" in staged + target \
                or not staged.endswith(SUFFIX):
            continue  # only mechmine's own names
        if (staging / staged).is_file():
            out.append((staging / staged, out_dir / target))
    return out


def repair(out_dir: Path) -> int:
    """Finish a publish a kill interrupted (roll forward); the number of tables renamed."""
    todo = pending(out_dir)
    for staged, target in todo:
        os.replace(staged, target)
    if todo:
        _fsync_dir(out_dir)
        log.warning("finished publishing %d table(s) in %s that an interrupted run left", len(todo), out_dir)
    (out_dir / STATE_DIR / MARKER).unlink(missing_ok=True)
    return len(todo)


class Sink(Protocol):
    """What a batch run writes to: typed frames (or, when ``takes_csv``, ready CSV bytes)."""

    takes_csv: bool

    def append_csv(self, name: str, header: bytes, body: bytes) -> None: ...
    def append(self, name: str, frame: pd.DataFrame) -> None: ...
    def commit(self, names: list[str]) -> list[Path]: ...


def csv_header(frame: pd.DataFrame) -> bytes:
    return (",".join(_csv_cell(c) for c in frame.columns) + "\n").encode("utf-8")


def _csv_cell(name: str) -> str:
    return f'"{name}"' if any(ch in name for ch in ',"\n') else name


def csv_body(frame: pd.DataFrame) -> bytes:
    """``frame``'s rows as CSV (no header), formula-like text cells escaped (see the module)."""
    return escape_formulas(frame).to_csv(index=False, header=False, lineterminator="\n").encode("utf-8")


def empty_table(name: str) -> pd.DataFrame:
    """``name`` with its columns and no rows."""
    return schema.to_frame(name, []) if name in schema.TABLES else empty_matrix(name)


def _file_mode() -> int:
    """Mode a new file gets under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


class TableSink:
    """Tables streamed into ``out_dir`` and renamed into place together (use as a context manager:
    leaving it without :meth:`commit` aborts; an ``OSError`` becomes :class:`OutputError`)."""

    def __init__(self, out_dir: Path, formats: tuple[str, ...] = ("csv",)) -> None:
        for fmt in formats:
            if fmt not in FORMATS:
                raise ValueError(f"unknown format {fmt!r}")
        self.out_dir = out_dir
        self.formats = formats
        self.takes_csv = formats == ("csv",)
        self.started: set[tuple[str, str]] = set()
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.committed = False

    @property
    def staging(self) -> Path:
        return self.out_dir / STATE_DIR / STAGING

    def __enter__(self) -> TableSink:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            repair(self.out_dir)
            if self.staging.is_dir():
                for stale in self.staging.glob(f"*{SUFFIX}"):
                    stale.unlink()
            self.staging.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(f"cannot write outputs to {self.out_dir}: {err.strerror or err}") from err
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: TracebackType | None) -> None:
        if not self.committed:
            self.abort()
        if isinstance(err, OSError):
            raise OutputError(f"cannot write outputs to {self.out_dir}: {err.strerror or err}; "
                              "the earlier tables are unchanged") from err

    def partial(self, name: str, fmt: str) -> Path:
        return self.staging / f"{name}.{fmt}{SUFFIX}"

    def append_csv(self, name: str, header: bytes, body: bytes) -> None:
        """Append CSV rows (``body``, no header); the header goes first, once."""
        first = (name, "csv") not in self.started
        with self.partial(name, "csv").open("wb" if first else "ab") as handle:
            if first:
                handle.write(header)
            handle.write(body)
        self.started.add((name, "csv"))

    def append(self, name: str, frame: pd.DataFrame) -> None:
        frame = typed(name, frame)
        for fmt in self.formats:
            if fmt == "csv":
                self.append_csv(name, csv_header(frame), csv_body(frame))
                continue
            import pyarrow as pa
            import pyarrow.parquet as pq

            writer = self.writers.get(name)
            if writer is None:
                schema_ = pa.Schema.from_pandas(frame, preserve_index=False)
                writer = self.writers[name] = pq.ParquetWriter(self.partial(name, fmt), schema_)
            writer.write_table(pa.Table.from_pandas(frame, preserve_index=False, schema=writer.schema))
            self.started.add((name, fmt))

    def commit(self, names: list[str]) -> list[Path]:
        """Write every table of ``names`` (a header for those no file added to) and move them into place."""
        for name in names:
            if (name, self.formats[0]) not in self.started:
                self.append(name, empty_table(name))
        for writer in self.writers.values():
            writer.close()
        self.writers.clear()
        mode = _file_mode()
        staged = []
        for name in names:
            for fmt in self.formats:
                part = self.partial(name, fmt)
                with part.open("rb") as handle:
                    os.fsync(handle.fileno())
                os.chmod(part, mode)
                staged.append((part, self.out_dir / f"{name}.{fmt}"))
        self._mark(staged)
        for part, target in staged:
            os.replace(part, target)
        _fsync_dir(self.out_dir)
        (self.out_dir / STATE_DIR / MARKER).unlink(missing_ok=True)
        self.committed = True
        return [target for _, target in staged]

    def _mark(self, staged: list[tuple[Path, Path]]) -> None:
        """Write the publish marker (atomically): from here on the staged set is the set."""
        _fsync_dir(self.staging)
        state = self.out_dir / STATE_DIR
        marker, temp = state / MARKER, state / f"{MARKER}{SUFFIX}"
        body = {"generation": time.time_ns(), "pid": os.getpid(),
                "tables": [[part.name, target.name] for part, target in staged]}
        with temp.open("w", encoding="utf-8") as handle:
            json.dump(body, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, marker)
        _fsync_dir(state)

    def abort(self) -> None:
        for writer in self.writers.values():
            with contextlib.suppress(Exception):
                writer.close()
        self.writers.clear()
        if (self.out_dir / STATE_DIR / MARKER).exists():
            return  # the set is published: the next start finishes the renames
        for name, fmt in self.started:
            with contextlib.suppress(OSError):
                self.partial(name, fmt).unlink()


class MemorySink:
    """Tables kept in memory as typed frames, concatenated in the order they were appended."""

    takes_csv = False

    def __init__(self) -> None:
        self.parts: dict[str, list[pd.DataFrame]] = {}

    def append_csv(self, name: str, header: bytes, body: bytes) -> None:
        raise TypeError("a MemorySink takes frames, not CSV bytes")

    def append(self, name: str, frame: pd.DataFrame) -> None:
        self.parts.setdefault(name, []).append(typed(name, frame))

    def commit(self, names: list[str]) -> list[Path]:
        return []  # nothing to move: the frames are read with tables()

    def tables(self, names: list[str]) -> dict[str, pd.DataFrame]:
        """Every table of ``names`` (empty when nothing was appended to it)."""
        out = {}
        for name in names:
            parts = self.parts.get(name) or [typed(name, empty_table(name))]
            out[name] = parts[0].reset_index(drop=True) if len(parts) == 1 else \
                pd.concat(parts, ignore_index=True)
        return out
