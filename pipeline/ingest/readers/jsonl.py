"""JSON Lines: one record per line with ``text`` (or ``abstract``) and optional ``id``, ``title``,
``pmid``, ``doi``, ``pmcid``, ``authors``, ``journal``, ``year``, ``kind``; the other names of
``resources/record_fields.yaml`` are read too ("Abstract", "PubMed ID").

Each record is one article. A malformed line (bad JSON, an integer too long to
convert, nesting too deep, not an object, no text, abstract or title) is skipped with its line number;
the other lines are still read.
Offsets of a record's article refer to the record's ``text``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from pipeline.errors import InputError
from pipeline.ingest.decode import decode_bytes, decode_note
from pipeline.ingest.model import SourceDocument
from pipeline.ingest.readers.records import record_document
from pipeline.schema import SkippedRecord


def _record(obj: dict, source_path: str, line: int) -> SourceDocument:
    """One record (its fields read by name, :mod:`pipeline.ingest.readers.records`)."""
    text = obj.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError("record's 'text' is not a string")
    try:
        return record_document(obj, source_path, line, "jsonl")
    except InputError as err:  # "has no text ...": the record's
        raise InputError(f"record {err}") from err


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
