"""Where a run's tables go: :class:`TableSink` (files, atomic) or :class:`MemorySink` (frames).

:class:`TableSink` appends each file's rows to partial table files in the
output folder (CSV with one header; Parquet through a ``ParquetWriter``) and
drops them, so nothing of the whole corpus is held in memory. :meth:`commit`
fsyncs every partial file, then renames each over the final one (with the mode
a new file gets under the umask), so a reader sees the old table or the new
one, never half of one, and a failure before the renames leaves every earlier
table as it was; :meth:`abort` (or a crash: stale partials are removed by the
next run) leaves the earlier tables untouched. :class:`MemorySink` keeps the
typed frames and concatenates them (``pipeline.extract``).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

import pandas as pd

from pipeline import schema
from pipeline.io import OutputError
from pipeline.mechanisms import empty_matrix
from pipeline.schema import typed

if TYPE_CHECKING:
    import pyarrow.parquet as pq

FORMATS = ("csv", "parquet")


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
    return frame.to_csv(index=False, header=False, lineterminator="\n").encode("utf-8")


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

    def __enter__(self) -> TableSink:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            for stale in self.out_dir.glob(".*.partial"):
                stale.unlink()
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
        return self.out_dir / f".{name}.{fmt}.partial"

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
        for part, target in staged:
            os.replace(part, target)
        self.committed = True
        return [target for _, target in staged]

    def abort(self) -> None:
        for writer in self.writers.values():
            with contextlib.suppress(Exception):
                writer.close()
        self.writers.clear()
        for stale in self.out_dir.glob(".*.partial"):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()


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
