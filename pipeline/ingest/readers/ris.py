"""RIS (``.ris``; EndNote, Zotero, Mendeley and publisher exports), parsed with rispy.

Each reference (``TY  -`` to ``ER  -``) becomes one article: title, line break, abstract
(AB, or N2), with authors, year, DOI, journal and the type of work (M3, where PubMed-derived
exports write "Journal Article; Review") read by name like any record
(:mod:`pipeline.ingest.readers.records`). A reference rispy cannot read, or without title and
abstract, is a logged skip with its first line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import rispy

from pipeline.errors import InputError
from pipeline.ingest.decode import decode_bytes, decode_note
from pipeline.ingest.model import SourceDocument
from pipeline.ingest.readers.records import record_or_skip
from pipeline.schema import SkippedRecord

_END = re.compile(r"^ER  -")
# the lines some databases write before the first reference ("Provider: ...", "Database: ...")
_PREAMBLE = re.compile(r"^[A-Z][A-Za-z ]{1,30}: ")
PREAMBLE_LINES = 10


def ris_start(head: str) -> bool:
    """Whether a text begins like an RIS file: a ``TY  -`` line first, or after a few
    "Field: value" preamble lines."""
    for i, line in enumerate(head.splitlines()[:PREAMBLE_LINES + 1]):
        if line.startswith("TY  - "):
            return True
        if line.strip() and (i == PREAMBLE_LINES or not _PREAMBLE.match(line)):
            return False
    return False


def references(text: str) -> Iterator[tuple[int, str]]:
    """(first line, text) of each reference: a ``TY  -`` line up to its ``ER  -`` line (or the
    next ``TY  -`` when one is missing)."""
    lines = text.splitlines()
    start = None
    for i, line in enumerate(lines):
        if line.startswith("TY  - "):
            if start is not None:
                yield start + 1, "\n".join(lines[start:i]) + "\nER  - \n"
            start = i
        elif start is not None and _END.match(line):
            yield start + 1, "\n".join(lines[start:i + 1]) + "\n"
            start = None
    if start is not None:
        yield start + 1, "\n".join(lines[start:]) + "\nER  - \n"


def read_ris(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """Yield one article per reference with text and one skip per unreadable one."""
    decoded = decode_bytes(data)  # UTF-16 too
    note, found = decode_note(decoded), 0
    for line, chunk in references(decoded.text.lstrip("\ufeff")):
        try:
            parsed = rispy.loads(chunk)
        except (OSError, ValueError, KeyError, IndexError) as err:  # rispy's ParseError is an OSError
            why = " ".join(str(err).split())[:160]
            yield SkippedRecord(source_path, line, f"RIS reference unreadable: {why}")
            continue
        for ref in parsed[:1]:
            item = record_or_skip(ref, source_path, line, "ris", note, "RIS reference")
            found += isinstance(item, SourceDocument)
            yield item
    if not found:
        raise InputError("no RIS reference with text (expected 'TY  - ' ... 'ER  - ' references)")
