"""Tables of articles (CSV / TSV): the exports of Scopus, Web of Science, Zotero, Europe PMC,
or a pandas ``to_csv``; one article per row.

The first line names the columns; which column holds the text, abstract, title, ids, year,
authors, journal and type is read from their names (``resources/record_fields.yaml``, see
:mod:`pipeline.ingest.readers.records`); other columns are ignored. The delimiter is a tab for
``.tsv``/``.tab`` files and a tab-delimited ``.txt`` (Web of Science's "Tab delimited file"),
else the one of ``,`` ``;`` ``\\t`` that splits the header into the most fields. Quoted fields may
span lines; a tab-delimited table whose quotes do not parse is read unquoted (Web of Science).
The file may be UTF-16 (Excel's "Unicode Text"). A table whose header names no text or abstract
column is an error naming the columns it has, and so is one of mechmine's own output tables (a
folder holding a run's ``articles.csv`` is not read twice). A row with no text, abstract or
title, or with more cells than the header names, is a logged skip with its line; a malformed
row (an unclosed quote) ends the table there: the rows before it are read, and the file gets
one skip saying where it stopped.
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
    """The mechmine output table (``articles``, ``entities`` ...) whose columns ``names`` are: its
    first column and at least 80% of the others (a table of an older or newer mechmine too)."""
    given = set(names)
    for table in TABLES:
        cols = columns(table)
        if cols[0] in given and len(given & set(cols)) >= 0.8 * len(cols):
            return table
    return None


def looks_like_table(head: str, fields: RecordFields | None = None) -> bool:
    """Whether a text file's first line is a tab-delimited header with a text or abstract column
    and at least one other known column (Web of Science's tab-delimited export as ``.txt``)."""
    fields = fields or default_record_fields()
    names = head.split("\n", 1)[0].lstrip("\ufeff").rstrip("\r").split("\t")
    known = [n for n in names if fields.role_of(n)]
    return len(names) >= 3 and len(known) >= 2 and bool(text_columns(names, fields))


def parse_rows(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], str | None]:
    """The table's rows with the line each starts on, and why parsing stopped early (None when
    it did not). A tab-delimited table whose quotes do not parse is read again unquoted: Web of
    Science writes its tab-delimited export without quoting, and a title may begin with '"'."""
    old = csv.field_size_limit(MAX_FIELD)
    try:
        rows, error = _parse(text, delimiter, csv.QUOTE_MINIMAL)
        if error is not None and delimiter == "\t":
            unquoted, again = _parse(text, delimiter, csv.QUOTE_NONE)
            if again is None:
                return unquoted, None
        return rows, error
    finally:
        csv.field_size_limit(old)


def _parse(text: str, delimiter: str, quoting: int) -> tuple[list[tuple[int, list[str]]], str | None]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True, quoting=quoting)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as err:
        return rows, f"malformed table in the row from line {line}: {err}"
    return rows, None


def row_record(names: list[str], row: list[str]) -> dict[str, str]:
    """A row as a record: a column named twice gives its first non-empty cell ("Abstract" twice)."""
    record: dict[str, str] = {}
    for name, cell in zip(names, row, strict=False):
        if not record.get(name, "").strip():
            record[name] = cell
    return record


def _shown(names: list[str]) -> str:
    cut = [repr(n if len(n) <= 30 else n[:30] + "...") for n in names[:12] if n]
    return ", ".join(cut) + (" ..." if len(names) > 12 else "")


def read_table(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """Yield one article per row with text and one skip per row without (module text)."""
    decoded = decode_bytes(data)  # UTF-16 with or without a byte-order mark too
    text, note = decoded.text.lstrip("\ufeff"), decode_note(decoded)
    fields = default_record_fields()
    header_line = text.split("\n", 1)[0].rstrip("\r")
    rows, error = parse_rows(text, delimiter_of(header_line, source_path))
    if not rows:
        raise InputError(error or "table has no header")
    names = [n.strip() for n in rows[0][1]]
    if own_table(names):
        raise InputError(f"a mechmine {own_table(names)} table (written by `mechmine run`), not articles")
    if not text_columns(names, fields):
        raise InputError(f"table has no text or abstract column (columns: {_shown(names) or 'none'})")
    good = 0
    for start, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        surplus = [cell for cell in row[len(names):] if cell.strip()]
        if surplus:
            yield SkippedRecord(source_path, start, f"row has {len(names) + len(surplus)} or more cells but "
                                                    f"the header names {len(names)} (an unquoted delimiter?)")
            continue
        item = record_or_skip(row_record(names, row), source_path, start, "table", note, "row", fields)
        good += isinstance(item, SourceDocument)
        yield item
    if error is not None:
        raise InputError(error)  # after the rows before it: the run records one skip (sources._guarded)
    if not good:
        raise InputError("table has no row with text")
