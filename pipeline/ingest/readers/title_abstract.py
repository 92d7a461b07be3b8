"""PubTator title/abstract files: ``PMID|t|title`` and ``PMID|a|abstract`` lines, then
mention and relation lines.

Each document becomes one abstract; its text is ``title + " " + abstract``, the
convention PubTator's character offsets use, so gold mentions line up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.errors import InputError
from pipeline.ingest.decode import decode_bytes, decode_note
from pipeline.ingest.model import Citation, SourceDocument
from pipeline.schema import SkippedRecord

_HEAD = re.compile(r"^(?P<pmid>[^|\t]+)\|(?P<part>[ta])\|(?P<text>.*)$")


def pubtator_documents(text: str) -> Iterator[tuple[int, str, str, str]]:
    """Yield (line, pmid, title, abstract) per PubTator document."""
    pmid, title, abstract, line0 = "", None, None, 0
    for number, raw in enumerate(text.splitlines(), start=1):
        m = _HEAD.match(raw)
        if m:
            if m["pmid"] != pmid and pmid and title is not None:
                yield line0, pmid, title, abstract or ""
                title, abstract = None, None
            if m["part"] == "t":
                pmid, title, line0 = m["pmid"], m["text"], number
            else:
                if m["pmid"] != pmid:
                    pmid, title, line0 = m["pmid"], "", number
                abstract = m["text"]
    if pmid and title is not None:
        yield line0, pmid, title, abstract or ""


def read_pubtator(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """Yield one abstract per PubTator document."""
    decoded = decode_bytes(data)
    text, note = decoded.text, decode_note(decoded)
    found = 0
    for line, pmid, title, abstract in pubtator_documents(text):
        body = f"{title} {abstract}" if abstract else title
        if not body.strip():
            yield SkippedRecord(source_path, line, f"PubTator document {pmid} has no text")
            continue
        found += 1
        yield SourceDocument(
            source_path=source_path,
            text=body,
            format="pubtator",
            source_id=pmid,
            single_article=True,
            kind="abstract",
            title=title.strip(),
            citation=Citation(title=title.strip(), pmid=pmid if pmid.isdigit() else ""),
            line=line,
            decoding_note=note,
        )
    if not found:
        raise InputError("no PubTator document (expected 'PMID|t|title' lines)")
