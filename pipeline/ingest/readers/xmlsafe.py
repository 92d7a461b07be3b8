"""One safe XML parser for the XML readers: no entity expansion, no DTD, no network.

``resolve_entities=False`` leaves ``&name;`` references unexpanded (no
billion-laughs, no ``SYSTEM "file://..."`` read), ``no_network`` and
``load_dtd=False`` never fetch anything, ``huge_tree=False`` keeps libxml2's
depth and size limits. ``recover`` parses a truncated file as far as it goes;
the caller reports that the file was damaged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lxml import etree

from pipeline.errors import InputError
from pipeline.ingest.model import SourceDocument
from pipeline.schema import SkippedRecord


def parse_xml(data: bytes) -> tuple[etree._Element, str]:
    """The root element and a note ("" when the XML was well formed)."""
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    strict = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(data, strict), ""
    except etree.XMLSyntaxError as err:
        first = f"malformed XML at line {err.lineno}: {err.msg}"
    lenient = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                              huge_tree=False, remove_comments=True, remove_pis=True, recover=True)
    try:
        root = etree.fromstring(data, lenient)
    except etree.XMLSyntaxError as err:
        raise InputError(first) from err
    if root is None:
        raise InputError(first)
    return root, f"{first}; read as far as it parses"


def local(tag: object) -> str:
    """An element's tag without its namespace ("" for comments and the like)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def text_of(el: etree._Element | None) -> str:
    """All text under ``el``, whitespace folded."""
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def with_note(items: Iterable[SourceDocument | SkippedRecord], note: str, what: str
              ) -> Iterator[SourceDocument | SkippedRecord]:
    """``items`` with the decoding ``note`` on each document; InputError when none had text
    (``what``: "JATS article", "BioC document")."""
    found = 0
    for item in items:
        if isinstance(item, SourceDocument):
            item.decoding_note = note
            found += 1
        yield item
    if not found:
        raise InputError(f"no {what} with text{f' ({note})' if note else ''}")
