"""Tables of articles (CSV / TSV): the exports of Scopus, Web of Science, Zotero, Europe PMC,
or a pandas ``to_csv``; one article per row.

The first line names the columns; which column holds the text, abstract, title, ids, year,
authors, journal and type is read from their names (``resources/record_fields.yaml``, see
:mod:`pipeline.ingest.readers.records`); other columns are ignored. The delimiter is a tab for
``.tsv``/``.tab`` files and a tab-delimited ``.txt`` (Web of Science's "Tab delimited file"),
else the one of ``,`` ``;`` ``\\t`` that splits the header into the most fields. Quoted fields may
span lines. A table whose header names no text or abstract column is an error naming the
columns it has, and so is one of mechmine's own output tables (a folder holding a run's
``articles.csv`` is not read twice); a row without text is a logged skip with its line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from pipeline.errors import InputError
from pipeline.ingest.decode import decode_bytes, decode_note
from pipeline.ingest.model import SourceDocument
from pipeline.ingest.readers.records import RecordFields, default_record_fields, record_or_skip
from pipeline.schema import TABLES, SkippedRecord, columns

DELIMITERS = (",", "\t", ";")
MAX_FIELD = 64 * 1024 * 1024  # a full text in one cell; csv's default limit is 128 KiB
TAB_EXTENSIONS = (".tsv", ".tab")


def delimiter_of(header: str, source_path: str) -> str:
    """The delimiter of a table whose first line is ``header``."""
    if source_path.lower().endswith(TAB_EXTENSIONS):
        return "\t"
    return max(DELIMITERS, key=lambda d: (len(next(csv.reader([header], delimiter=d), [])), d == ","))


def text_columns(names: list[str], fields: RecordFields) -> list[str]:
    """The columns that can hold an article's text (a text or abstract column)."""
    return [n for n in names if fields.role_of(n) in ("text", "abstract")]


def own_table(names: list[str]) -> str | None:
    """The mechmine output table (``articles``, ``entities`` ...) whose columns ``names`` are."""
    return next((t for t in TABLES if names == columns(t)), None)


def looks_like_table(head: str, fields: RecordFields | None = None) -> bool:
    """Whether a text file's first line is a tab-delimited header with a text or abstract column
    and at least one other known column (Web of Science's tab-delimited export as ``.txt``)."""
    fields = fields or default_record_fields()
    names = head.split("\n", 1)[0].lstrip("\ufeff").rstrip("\r").split("\t")
    known = [n for n in names if fields.role_of(n)]
    return len(names) >= 3 and len(known) >= 2 and bool(text_columns(names, fields))


def read_table(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """Yield one article per row with text and one skip per row without (module text)."""
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    decoded = decode_bytes(data)
    text, note = decoded.text.lstrip("\ufeff"), decode_note(decoded)
    fields = default_record_fields()
    header_line = text.split("\n", 1)[0].rstrip("\r")
    csv.field_size_limit(MAX_FIELD)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(header_line, source_path),
                      strict=True)
    line = 1
    try:
        names = [n.strip() for n in next(rows, [])]
        if own_table(names):
            raise InputError(f"a mechmine {own_table(names)} table (written by `mechmine run`), not articles")
        if not text_columns(names, fields):
            shown = ", ".join(repr(n) for n in names[:12] if n) + (" ..." if len(names) > 12 else "")
            raise InputError(f"table has no text or abstract column (columns: {shown or 'none'})")
        good, line = 0, rows.line_num + 1
        for row in rows:
            start, line = line, rows.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            item = record_or_skip(dict(zip(names, row, strict=False)), source_path, start, "table", note,
                                  "row", fields)
            good += isinstance(item, SourceDocument)
            yield item
    except csv.Error as err:
        raise InputError(f"malformed table in the row from line {line}: {err}") from err
    if not good:
        raise InputError("table has no row with text")
