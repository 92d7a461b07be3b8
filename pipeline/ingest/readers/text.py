"""Plain text and Markdown: decoded (see :mod:`pipeline.ingest.decode`), split later."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.ingest.decode import decode_bytes, decode_note
from pipeline.ingest.model import SourceDocument


def read_text(data: bytes, source_path: str, fmt: str = "text") -> Iterator[SourceDocument]:
    """Yield the whole decoded file as one (multi-article) document."""
    decoded = decode_bytes(data)
    yield SourceDocument(
        source_path=source_path, text=decoded.text, format=fmt, encoding=decoded.encoding,
        decoding_note=decode_note(decoded),
    )
