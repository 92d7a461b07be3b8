"""MEDLINE/PubMed format: what PubMed's "Send to > File > Format: PubMed" and ``efetch
rettype=medline`` write (also ``.nbib``), parsed with Biopython's ``Bio.Medline``.

Each record (``PMID- ...`` to the next blank line) becomes one article: title, newline, the
abstract, with PMID, DOI, PMCID, authors, journal and year from its tags (NLM's MEDLINE/PubMed
element descriptions: TI, AB, AU/FAU, TA/JT, DP, LID/AID "[doi]", PMC, PT). A record whose
publication types include "Review" is a review (its evidence level is then ``review``), any other an
abstract. A record without title or abstract is a logged skip with its line.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from Bio import Medline

from pipeline.errors import InputError
from pipeline.ingest.decode import decode_bytes, decode_note
from pipeline.ingest.model import Citation, SourceDocument
from pipeline.schema import SkippedRecord

RECORD_START = re.compile(r"^PMID- ", re.MULTILINE)  # how a file in the format looks from its start
_DOI = re.compile(r"^(10\.\S+) \[doi\]$")
REVIEW_TYPES = frozenset({"review", "systematic review", "meta-analysis", "scoping review"})


def records(text: str) -> Iterator[tuple[int, str]]:
    """(first line, text) of each record: from a ``PMID- `` line to the line before the next."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("PMID- ")]
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        yield start + 1, "\n".join(lines[start:end]).strip() + "\n"


def as_list(value: object) -> list[str]:
    """A tag's values as a list (Bio.Medline gives a repeated tag as a list, a single one as str)."""
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if value else []


def doi_of(record: dict) -> str:
    """The DOI among the record's LID and AID values ("10.1000/x.1 [doi]")."""
    for value in (*as_list(record.get("LID")), *as_list(record.get("AID"))):
        m = _DOI.match(value.strip())
        if m:
            return m.group(1)
    return ""


def year_of(record: dict) -> int | None:
    """The year of the publication date (DP "2021 Mar 4"), else of the electronic date (DEP)."""
    for tag in ("DP", "DEP"):
        value = str(record.get(tag, ""))[:4]
        if value.isdigit():
            return int(value)
    return None


def kind_of(record: dict) -> str:
    """``review`` when a publication type (PT) is a review, else ``abstract``."""
    types = {t.strip().lower() for t in as_list(record.get("PT"))}
    return "review" if types & REVIEW_TYPES else "abstract"


def document(record: dict, line: int, source_path: str, note: str) -> SourceDocument | SkippedRecord:
    """One record as an article, or a skip when it has neither title nor abstract."""
    pmid = str(record.get("PMID", "")).strip()
    title = " ".join(str(record.get("TI", "")).split())
    abstract = " ".join(str(record.get("AB", "")).split())
    if not title and not abstract:
        return SkippedRecord(source_path, line, f"MEDLINE record {pmid or '?'} has no title or abstract")
    pmc = str(record.get("PMC", "")).strip()
    citation = Citation(authors=as_list(record.get("AU")) or as_list(record.get("FAU")), title=title,
                        journal=str(record.get("TA") or record.get("JT") or "").strip(),
                        year=year_of(record), doi=doi_of(record), pmid=pmid if pmid.isdigit() else "",
                        pmcid=pmc if pmc.upper().startswith("PMC") else "")
    return SourceDocument(source_path=source_path, text="\n".join(p for p in (title, abstract) if p),
                          format="medline", source_id=pmid, single_article=True, kind=kind_of(record),
                          title=title, citation=citation, line=line, decoding_note=note)


def read_medline(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """Yield one article per MEDLINE record (module text)."""
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    decoded = decode_bytes(data)
    note, found = decode_note(decoded), 0
    for line, chunk in records(decoded.text):
        try:
            record = Medline.read(io.StringIO(chunk))
        except (ValueError, KeyError) as err:  # a line Bio.Medline cannot place
            yield SkippedRecord(source_path, line, f"MEDLINE record unreadable: {err}")
            continue
        item = document(dict(record), line, source_path, note)
        found += isinstance(item, SourceDocument)
        yield item
    if not found:
        raise InputError("no MEDLINE record with text (expected 'PMID- ' records, PubMed format)")
