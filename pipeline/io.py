"""Reading what mechmine wrote: :func:`load_outputs` and the typed table readers.

Tables are written by :class:`pipeline.batch.sink.TableSink` (atomically: every
file complete and fsync'ed, a publish marker written, then the renames); this module
reads them back with the schema's dtypes. While a publish marker lists staged tables
not yet renamed (a run was killed between renames), those staged files are read
instead, so a reader sees one whole set.

Formula-like cells: a CSV text cell that would start with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return is written with a leading ``'`` (OWASP's advice against
formula injection: a spreadsheet shows it as text), and so is one that already starts
with apostrophes followed by one of those, so the escape can be undone exactly;
:func:`read_table`/:func:`read_matrix` (and :func:`load_outputs`) remove it, so the
tables read back are the original text. Parquet cells are never escaped.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from pipeline import schema
from pipeline.schema import typed

# A text cell a spreadsheet would take for a formula, possibly behind apostrophes (see the module).
FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_ESCAPE = r"^('*[=+\-@\t\r])"
_ESCAPED = r"^'('*[=+\-@\t\r])"


class OutputError(Exception):
    """The output folder cannot be written; earlier outputs are untouched."""


def escape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every formula-like text cell prefixed by ``'`` (for CSV only; undone by
    :func:`unescape_formulas`); ``frame`` itself when it has none."""
    out = None
    for name in frame.columns:
        column = frame[name]
        if not (pd.api.types.is_string_dtype(column.dtype) or column.dtype == object):
            continue
        text = column.astype("string")
        hits = text.str.match(FORMULA).fillna(False).to_numpy(dtype=bool)
        if not hits.any():
            continue
        if out is None:
            out = frame.copy()
        out[name] = column.mask(hits, text.str.replace(_ESCAPE, r"'\1", regex=True))
    return frame if out is None else out


def unescape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`escape_formulas` on the text columns of a frame read from CSV (in place)."""
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_string_dtype(column.dtype) and column.str.startswith("'").fillna(False).any():
            frame[name] = column.str.replace(_ESCAPED, r"\1", regex=True)
    return frame


def read_table(path: Path, table: str) -> pd.DataFrame:
    """Read one CSV written by mechmine with the schema's dtypes."""
    types = schema.dtypes(table)
    frame = pd.read_csv(path, dtype=types, keep_default_na=False, na_values={
        name: [""] for name, dtype in types.items() if dtype != schema.STRING
    })
    return schema.coerce(table, unescape_formulas(frame))


def read_matrix(path: Path, table: str) -> pd.DataFrame:
    """Read one wide table (see ``schema.MATRICES``) with its dtypes."""
    header = pd.read_csv(path, nrows=0).columns.tolist()
    types = schema.matrix_dtypes(table, header)
    return unescape_formulas(pd.read_csv(path, dtype=types, keep_default_na=False, na_values={
        name: [""] for name, dtype in types.items() if dtype != schema.STRING
    }))


def load_outputs(out_dir: str | os.PathLike[str]) -> dict[str, pd.DataFrame]:
    """Load every table mechmine wrote into ``out_dir``, keyed by table name.

    Columns carry the schema's dtypes (``string``, ``Int64``, ``boolean``).
    """
    folder = Path(out_dir)
    if not folder.is_dir():
        raise FileNotFoundError(f"no such output folder: {folder}")
    from pipeline.batch.sink import pending

    staged = {target.name: part for part, target in pending(folder)}
    tables = {}
    for name in schema.OUTPUTS:
        csv_path = staged.get(f"{name}.csv", folder / f"{name}.csv")
        parquet_path = staged.get(f"{name}.parquet", folder / f"{name}.parquet")
        if csv_path.is_file():
            reader = read_table if name in schema.TABLES else read_matrix
            tables[name] = reader(csv_path, name)
        elif parquet_path.is_file():
            tables[name] = typed(name, pd.read_parquet(parquet_path, engine="pyarrow"))
    return tables
