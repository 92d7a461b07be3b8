"""Atomic table writing and :func:`load_outputs`.

Tables are written to a temporary file in the output folder, flushed and
fsync'ed, then moved over the old file with :func:`os.replace`, so a reader
sees either the old table or the new one, never half of one. When several
tables are written together all temporary files are complete before the first
rename, so a failure while writing leaves every earlier table as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from pipeline import schema


class OutputError(Exception):
    """The output folder cannot be written; earlier outputs are untouched."""


def _csv_bytes(table: str, frame: pd.DataFrame) -> bytes:
    return typed(table, frame).to_csv(index=False, lineterminator="\n").encode("utf-8")


def _file_mode() -> int:
    """Mode a new file gets under the current umask (mkstemp would give 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def typed(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the schema's dtypes (long tables) or the wide-table dtypes."""
    if table in schema.TABLES:
        return schema.coerce(table, frame)
    if table in schema.MATRICES:
        return frame.astype(schema.matrix_dtypes(table, list(frame.columns)))
    raise ValueError(f"unknown table {table!r}")


def _parquet_bytes(table: str, frame: pd.DataFrame) -> bytes:
    import io as _io

    buffer = _io.BytesIO()
    typed(table, frame).to_parquet(buffer, index=False, engine="pyarrow")
    return buffer.getvalue()


FORMATS = ("csv", "parquet")


def write_tables(out_dir: Path, tables: Mapping[str, pd.DataFrame],
                 formats: tuple[str, ...] | list[str] = ("csv",)) -> list[Path]:
    """Write each table as ``out_dir/<name>.csv`` (and/or ``.parquet``) atomically; return the paths.

    Raises :class:`OutputError` (earlier files intact) when anything fails.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"cannot create output folder {out_dir}: {err.strerror or err}") from err
    staged: list[tuple[Path, Path]] = []
    mode = _file_mode()
    try:
        for fmt in formats:
            if fmt not in FORMATS:
                raise ValueError(f"unknown format {fmt!r}")
        for name, frame in tables.items():
            for fmt in formats:
                data = _csv_bytes(name, frame) if fmt == "csv" else _parquet_bytes(name, frame)
                target = out_dir / f"{name}.{fmt}"
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
                staged.append((Path(tmp), target))
                os.fchmod(fd, mode)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as err:
        raise OutputError(f"cannot write outputs to {out_dir}: {err.strerror or err}") from err
    finally:
        for tmp, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
    return [target for _, target in staged]


def read_table(path: Path, table: str) -> pd.DataFrame:
    """Read one CSV written by mechmine with the schema's dtypes."""
    types = schema.dtypes(table)
    frame = pd.read_csv(path, dtype=types, keep_default_na=False, na_values={
        name: [""] for name, dtype in types.items() if dtype != schema.STRING
    })
    return schema.coerce(table, frame)


def read_matrix(path: Path, table: str) -> pd.DataFrame:
    """Read one wide table (see ``schema.MATRICES``) with its dtypes."""
    header = pd.read_csv(path, nrows=0).columns.tolist()
    types = schema.matrix_dtypes(table, header)
    return pd.read_csv(path, dtype=types, keep_default_na=False, na_values={
        name: [""] for name, dtype in types.items() if dtype != schema.STRING
    })


def load_outputs(out_dir: str | os.PathLike[str]) -> dict[str, pd.DataFrame]:
    """Load every table mechmine wrote into ``out_dir``, keyed by table name.

    Columns carry the schema's dtypes (``string``, ``Int64``, ``boolean``).
    """
    folder = Path(out_dir)
    if not folder.is_dir():
        raise FileNotFoundError(f"no such output folder: {folder}")
    tables = {}
    for name in [*schema.TABLES, *schema.MATRICES]:
        csv_path, parquet_path = folder / f"{name}.csv", folder / f"{name}.parquet"
        if csv_path.is_file():
            reader = read_table if name in schema.TABLES else read_matrix
            tables[name] = reader(csv_path, name)
        elif parquet_path.is_file():
            tables[name] = typed(name, pd.read_parquet(parquet_path, engine="pyarrow"))
    return tables
