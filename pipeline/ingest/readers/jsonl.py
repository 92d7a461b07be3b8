"""JSON Lines: one record per line with ``text`` and optional ``id``, ``title``, ``pmid``, ``doi``.

Each record is one article. A malformed line (bad JSON, an integer too long to
convert, nesting too deep, not an object, no ``text``) is skipped with its line number;
the other lines are still read.
Offsets of a record's article refer to the record's ``text``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from pipeline.errors import InputError
from pipeline.ingest.decode import decode_bytes, decode_note
from pipeline.ingest.model import Citation, SourceDocument
from pipeline.schema import SkippedRecord

KNOWN_KEYS = {"text", "id", "title", "pmid", "doi", "pmcid", "authors", "journal", "year", "kind"}


def _as_str(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value).strip()


def _record(obj: dict, source_path: str, line: int) -> SourceDocument:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record has no non-empty 'text' string")
    year = obj.get("year")
    try:
        year_int = int(year) if year not in (None, "") else None
    except (TypeError, ValueError):
        year_int = None
    authors = obj.get("authors") or []
    if isinstance(authors, str):
        authors = [a.strip() for a in authors.split(";") if a.strip()]
    citation = Citation(
        authors=[str(a) for a in authors],
        title=_as_str(obj.get("title")),
        journal=_as_str(obj.get("journal")),
        year=year_int,
        doi=_as_str(obj.get("doi")),
        pmid=_as_str(obj.get("pmid")),
        pmcid=_as_str(obj.get("pmcid")),
    )
    source_id = _as_str(obj.get("id")) or citation.pmid
    return SourceDocument(
        source_path=source_path,
        text=text,
        format="jsonl",
        source_id=source_id,
        single_article=True,
        kind=_as_str(obj.get("kind")) or ("abstract" if citation.pmid else "document"),
        title=citation.title,
        citation=citation,
        line=line,
    )


def read_jsonl(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """Yield one document per good line and one SkippedRecord per bad line."""
    decoded = decode_bytes(data)
    text, note = decoded.text, decode_note(decoded)
    good = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
            if not isinstance(obj, dict):
                raise InputError("line is not a JSON object")
            doc = _record(obj, source_path, number)
        except json.JSONDecodeError as err:
            yield SkippedRecord(source_path, number, f"malformed JSON: {err.msg} (column {err.colno})")
            continue
        except InputError as err:
            yield SkippedRecord(source_path, number, str(err))
            continue
        except RecursionError:
            yield SkippedRecord(source_path, number, "malformed JSON: nesting too deep")
            continue
        except ValueError as err:  # e.g. an integer of more digits than Python converts
            yield SkippedRecord(source_path, number, f"malformed JSON: {' '.join(str(err).split())[:160]}")
            continue
        good += 1
        doc.decoding_note = note
        yield doc
    if good == 0:
        raise InputError("no readable JSON Lines record")
