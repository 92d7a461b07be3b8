"""Find input files (files, folders recursively, globs) and choose a reader for each.

The format comes from the extension; an unknown extension is sniffed from the
first bytes (XML with ``PubmedArticle``, BioC ``<collection>``, JATS/NLM
``<article>``, HTML, PubTator ``PMID|t|`` lines, BioC JSON with ``documents``/
``passages``, JSON Lines, else plain text). Hidden files and folders (``.name``) are not inputs.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.ingest.model import SourceDocument
from pipeline.ingest.readers.bioc import read_bioc_json, read_bioc_xml
from pipeline.ingest.readers.html import read_html
from pipeline.ingest.readers.jats import read_jats
from pipeline.ingest.readers.jsonl import read_jsonl
from pipeline.ingest.readers.pubmed import read_pubmed_xml
from pipeline.ingest.readers.text import read_text
from pipeline.ingest.readers.title_abstract import read_pubtator
from pipeline.schema import SkippedRecord

Reader = Callable[[bytes, str], Iterator[SourceDocument | SkippedRecord]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "markdown": lambda data, path: read_text(data, path, "markdown"),
    "html": read_html,
    "jsonl": read_jsonl,
    "pubtator": read_pubtator,
    "pubmed_xml": read_pubmed_xml,
    "jats_xml": read_jats,
    "bioc_xml": read_bioc_xml,
    "bioc_json": read_bioc_json,
}
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".pubtator": "pubtator",
}
_GLOB_CHARS = re.compile(r"[*?\[]")
_PUBTATOR = re.compile(rb"^[^|\t\r\n]+\|[ta]\|", re.MULTILINE)
_JATS = re.compile(rb"<!doctype (article|pmc-articleset)\b|<(article|pmc-articleset)[\s>]|<article-meta\b|"
                   rb"jats|nlm//dtd")
_BIOC_XML = re.compile(rb"<!doctype collection\b|<collection[\s>]")
_BIOC_JSON = re.compile(rb'"(documents|passages)"\s*:')


@dataclass(frozen=True)
class InputFile:
    """A file to read: its path, the name it is reported under, and the id key."""

    path: Path
    display: str
    key: str


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def expand_paths(paths: list[str]) -> tuple[list[InputFile], list[SkippedRecord]]:
    """Resolve command-line paths into input files (sorted, without duplicates)."""
    files: dict[Path, InputFile] = {}
    skipped: list[SkippedRecord] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for f in _walk(path):
                files.setdefault(f.resolve(), InputFile(f, _display(f), f.relative_to(path).as_posix()))
        elif path.is_file():
            files.setdefault(path.resolve(), InputFile(path, _display(path), path.name))
        elif _GLOB_CHARS.search(raw):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                skipped.append(SkippedRecord(raw, None, "no file matches this pattern"))
            for f in matches:
                files.setdefault(f.resolve(), InputFile(f, _display(f), f.name))
        elif path.exists():
            skipped.append(SkippedRecord(raw, None, "not a regular file"))
        else:
            skipped.append(SkippedRecord(raw, None, "no such file or folder"))
    ordered = sorted(files.values(), key=lambda f: f.display)
    seen: set[str] = set()
    unique = []
    for f in ordered:  # the same name under two input folders: tell them apart by path
        if f.key in seen:
            f = InputFile(f.path, f.display, f.display)
        seen.add(f.key)
        unique.append(f)
    return unique, skipped


def sniff_format(name: str, head: bytes) -> str:
    """The reader name for a file, from its extension or its first bytes."""
    ext = Path(name).suffix.lower()
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if ext in {".txt", ".text", ""} and _PUBTATOR.match(start):
        return "pubtator"
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    if "pubtator" in name.lower():
        return "pubtator"
    lower = start.lower()
    if ext == ".xml" or lower.startswith(b"<?xml") or b"<pubmedarticle" in lower:
        if b"<pubmedarticle" in lower or b"<!doctype pubmedarticleset" in lower:
            return "pubmed_xml"
        if b"<html" in lower or b"<!doctype html" in lower:
            return "html"
        if _BIOC_XML.search(lower):
            return "bioc_xml"
        if _JATS.search(lower):
            return "jats_xml"
        return "xml_unknown"
    if lower.startswith(b"<") and re.search(rb"<(html|body|p|div|h[1-6]|article|!doctype html)\b", lower):
        return "html"
    if _PUBTATOR.match(start):
        return "pubtator"
    if (start.startswith((b"{", b"[")) or ext in {".json", ".bioc"}) and _BIOC_JSON.search(start):
        return "bioc_json"
    if start.startswith(b"{") or ext == ".json":
        return "jsonl"
    return "text"


def read_file(item: InputFile, max_bytes: int) -> Iterator[SourceDocument | SkippedRecord]:
    """Read one input file; raise InputError when the whole file cannot be read."""
    try:
        size = item.path.stat().st_size
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from err
    if size > max_bytes:
        raise InputError(
            f"file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB limit; see --max-mb)"
        )
    try:
        data = item.path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from err
    if not data.strip():
        raise InputError("empty file")
    fmt = sniff_format(item.path.name, data[:8192])
    if fmt == "xml_unknown":
        raise InputError("unsupported XML (expected PubMed, JATS/NLM or BioC XML)")
    yield from READERS[fmt](data, item.display)
