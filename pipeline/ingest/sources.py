"""Find input files (files, folders recursively, globs) and choose a reader for each.

The format comes from the extension; an unknown extension is sniffed from the
first bytes (XML with ``PubmedArticle``, BioC ``<collection>``, JATS/NLM
``<article>``, HTML, PubTator ``PMID|t|`` lines, BioC JSON with ``documents``/
``passages``, JSON Lines, else plain text). Hidden files and folders (``.name``) are not inputs.

Isolation: a reader that fails part-way keeps the records it yielded and the failure becomes
one skipped record (:func:`read_file` never lets a reader's exception escape); a record whose
text cannot be written (a lone surrogate, a year no table can hold) is skipped by itself.
Folders are walked following symlinked folders once (a visited set of (device, inode), so a
link loop ends); FIFOs, sockets and devices are skipped with a reason (never opened), and
folders given in ``exclude`` (the run's output folder) are never read. File names that are
not valid UTF-8 are reported with their bytes escaped (``caf\\xe9.txt``).
"""

from __future__ import annotations

import fnmatch
import glob
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.errors import InputError
from pipeline.ingest.model import SourceDocument
from pipeline.ingest.readers.bioc import read_bioc_json, read_bioc_xml
from pipeline.ingest.readers.html import read_html
from pipeline.ingest.readers.jats import read_jats
from pipeline.ingest.readers.jsonl import read_jsonl
from pipeline.ingest.readers.medline import read_medline
from pipeline.ingest.readers.pdf import read_pdf
from pipeline.ingest.readers.pubmed import read_pubmed_xml
from pipeline.ingest.readers.ris import read_ris, ris_start
from pipeline.ingest.readers.table import looks_like_table, read_table
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
    "medline": read_medline,
    "ris": read_ris,
    "table": read_table,
    "pdf": read_pdf,
    "jats_xml": read_jats,
    "bioc_xml": read_bioc_xml,
    "bioc_json": read_bioc_json,
}
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".pubtator": "pubtator",
    ".nbib": "medline", ".medline": "medline",
    ".ris": "ris", ".csv": "table", ".tsv": "table", ".tab": "table",
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


def printable(name: str) -> str:
    """``name`` as valid UTF-8 text: bytes that are not UTF-8 (surrogate-escaped by the file
    system) and lone surrogates become ``\\xNN`` / ``\\udNNN`` escapes."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape") if _only_escapes(name) else None
        if raw is not None:
            return raw.decode("utf-8", "backslashreplace")
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _only_escapes(name: str) -> bool:
    return all(not 0xD800 <= ord(ch) <= 0xDFFF or 0xDC80 <= ord(ch) <= 0xDCFF for ch in name)


def _display(path: Path) -> str:
    try:
        shown = path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        shown = path.resolve().as_posix()
    return printable(shown)


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _under(path: Path, folders: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == f or f in resolved.parents for f in folders)


def _walk(folder: Path, skipped: list[SkippedRecord], exclude: list[Path]) -> Iterator[Path]:
    """Regular files under ``folder``, sorted, following symlinked folders once (loop-safe)."""
    visited: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        here = Path(root)
        try:
            info = here.stat()
        except OSError:
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in visited or _under(here, exclude):
            dirs[:] = []
            continue
        visited.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = here / name
            try:
                mode = path.stat().st_mode
            except OSError as err:
                skipped.append(SkippedRecord(_display(path), None, f"cannot read: {err.strerror or err}"))
                continue
            if stat.S_ISREG(mode):
                yield path
            elif not stat.S_ISDIR(mode):
                skipped.append(SkippedRecord(_display(path), None, f"{_special(mode)}; not read"))


def _glob(pattern: str, skipped: list[SkippedRecord], exclude: list[Path]) -> list[Path]:
    """Regular files matching ``pattern``. A ``**`` pattern is matched over a loop-safe walk of
    its literal prefix folder (so a symlink loop ends); FIFOs and other special files are
    reported, not opened."""
    if "**" in pattern:
        parts = pattern.split("/")
        k = next(i for i, part in enumerate(parts) if _GLOB_CHARS.search(part))
        base = Path("/".join(parts[:k]) or ("/" if pattern.startswith("/") else "."))
        if not base.is_dir():
            return []
        rest = tuple(parts[k:])
        return sorted(f for f in _walk(base, skipped, exclude)
                      if _match(tuple(f.relative_to(base).parts), rest))
    out = []
    for match in glob.iglob(pattern):
        path = Path(match)
        try:
            mode = path.stat().st_mode
        except OSError:
            continue
        if stat.S_ISREG(mode):
            out.append(path)
        elif not stat.S_ISDIR(mode):
            skipped.append(SkippedRecord(_display(path), None, f"{_special(mode)}; not read"))
    return sorted(out)


@lru_cache(maxsize=4096)
def _match(rel: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """``rel`` (path components) matches ``pattern`` (``**`` matches any number of them)."""
    if not pattern:
        return not rel
    if pattern[0] == "**":
        return _match(rel, pattern[1:]) or (bool(rel) and _match(rel[1:], pattern))
    return bool(rel) and fnmatch.fnmatchcase(rel[0], pattern[0]) and _match(rel[1:], pattern[1:])


def expand_paths(paths: list[str], exclude: list[Path] | None = None,
                 ) -> tuple[list[InputFile], list[SkippedRecord]]:
    """Resolve command-line paths into input files (sorted, without duplicates).

    Nothing under a folder of ``exclude`` (the run's output folder) is an input.
    """
    files: dict[Path, InputFile] = {}
    skipped: list[SkippedRecord] = []
    excluded = [Path(f).resolve() for f in exclude or []]
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for f in _walk(path, skipped, excluded):
                key = printable(f.relative_to(path).as_posix())
                files.setdefault(f.resolve(), InputFile(f, _display(f), key))
        elif path.is_file():
            if not _under(path, excluded):
                files.setdefault(path.resolve(), InputFile(path, _display(path), printable(path.name)))
        elif _GLOB_CHARS.search(raw):
            matches = [f for f in _glob(raw, skipped, excluded) if not _under(f, excluded)]
            if not matches:
                skipped.append(SkippedRecord(printable(raw), None, "no file matches this pattern"))
            for f in matches:
                files.setdefault(f.resolve(), InputFile(f, _display(f), printable(f.name)))
        elif path.exists():
            try:
                reason = _special(path.stat().st_mode)
            except OSError:
                reason = "not a regular file"
            skipped.append(SkippedRecord(printable(raw), None, f"{reason}; not read"))
        else:
            skipped.append(SkippedRecord(printable(raw), None, "no such file or folder"))
    ordered = sorted(files.values(), key=lambda f: f.display)
    seen: set[str] = set()
    unique = []
    for f in ordered:  # the same name under two input folders: tell them apart by path
        if f.key in seen:
            f = InputFile(f.path, f.display, f.display)
        seen.add(f.key)
        unique.append(f)
    return unique, skipped


_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def sniff_format(name: str, head: bytes) -> str:
    """The reader name for a file, from its extension or its first bytes."""
    ext = Path(name).suffix.lower()
    for bom, encoding in _UTF16_BOMS:  # Excel's "Unicode Text", older EndNote exports: sniff the text
        if head.startswith(bom):
            head = head[2:len(head) - len(head) % 2].decode(encoding, "replace").encode("utf-8")
            break
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if ext in {".txt", ".text", ""} and _PUBTATOR.match(start):
        return "pubtator"
    if ext in {".txt", ".text", ""} and start.startswith(b"PMID- "):  # PubMed's "PubMed format" export
        return "medline"
    if ext in {".txt", ".text", ""} and ris_start(start.decode("utf-8", "replace")):
        return "ris"  # EndNote and Zotero write RIS as .txt too
    if ext in {".txt", ".text", ""} and looks_like_table(start.decode("utf-8", "replace")):
        return "table"  # Web of Science's tab-delimited export (savedrecs.txt)
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


COMPRESSED = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"),
              (b"\x28\xb5\x2f\xfd", "zstd"), (b"PK\x03\x04", "zip"), (b"7z\xbc\xaf\x27\x1c", "7z"))
YEAR_RANGE = (0, 9999)


def compression(head: bytes) -> str | None:
    """The compression format ``head`` starts with (gzip, bzip2, xz, zstd, zip, 7z), if any."""
    for magic, name in COMPRESSED:
        if head.startswith(magic) and (name != "bzip2" or head[3:4].isdigit()):
            return name
    return None


def _megabytes(n: float) -> str:
    """A size in MB: one decimal, more for sizes under 0.1 MB (never "0.0 MB > 0 MB")."""
    return f"{n / 1e6:.1f}" if n >= 100_000 else f"{n / 1e6:.3g}"


def _bad_text(value: str) -> str | None:
    """Why ``value`` cannot be written as UTF-8 (a lone surrogate), or None."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        return f"lone surrogate U+{ord(value[err.start]):04X} at offset {err.start}"
    return None


def check_document(doc: SourceDocument) -> str | None:
    """Why one decoded record cannot become table rows (reported, the others go on), or None."""
    fields = {"text": doc.text, "title": doc.title, "id": doc.source_id, "kind": doc.kind}
    cit = doc.citation
    if cit is not None:
        fields.update(authors="".join(cit.authors), journal=cit.journal, doi=cit.doi, pmid=cit.pmid,
                      pmcid=cit.pmcid, citation_title=cit.title)
        if cit.year is not None and not YEAR_RANGE[0] <= cit.year <= YEAR_RANGE[1]:
            shown = str(cit.year) if abs(cit.year) < 10 ** 30 else f"a {len(str(abs(cit.year)))}-digit number"
            return f"year {shown} is out of range ({YEAR_RANGE[0]}-{YEAR_RANGE[1]})"
    for name, value in fields.items():
        why = _bad_text(value) if isinstance(value, str) else None
        if why:
            return f"{name} is not valid Unicode: {why}"
        if name != "text" and isinstance(value, str) and "\0" in value:
            return f"{name} contains a NUL character (it would not survive the CSV tables)"
    return None


def _guarded(records: Iterator[SourceDocument | SkippedRecord], display: str,
             ) -> Iterator[SourceDocument | SkippedRecord]:
    """A reader's records, each checked; a reader that fails part-way keeps what it yielded and
    its failure becomes one skipped record (an InputError before any record still skips the file)."""
    n = 0
    while True:
        try:
            rec = next(records)
        except StopIteration:
            return
        except InputError as err:
            if n == 0:
                raise
            yield SkippedRecord(display, None, f"reader stopped after {n} record(s): {err}")
            return
        except RecursionError:
            yield SkippedRecord(display, None, f"reader stopped after {n} record(s): nesting too deep")
            return
        except Exception as err:  # a reader's failure is this file's, not the run's
            message = " ".join(str(err).split())[:200]
            yield SkippedRecord(display, None, f"reader stopped after {n} record(s): "
                                               f"{type(err).__name__}: {message}")
            return
        n += 1
        if isinstance(rec, SourceDocument):
            why = check_document(rec)
            if why:
                yield SkippedRecord(display, rec.line if rec.line is not None else n, why)
                continue
        yield rec


def read_file(item: InputFile, max_bytes: int) -> Iterator[SourceDocument | SkippedRecord]:
    """Read one input file; raise InputError when the whole file cannot be read.

    No exception of a reader escapes (see :func:`_guarded`).
    """
    try:
        info = item.path.stat()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from err
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{_special(info.st_mode)}; not read")
    size = info.st_size
    if size > max_bytes:
        raise InputError(
            f"file too large ({_megabytes(size)} MB > {max_bytes / 1e6:g} MB limit; see --max-mb)"
        )
    try:
        data = item.path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from err
    if not data.strip():
        raise InputError("empty file")
    packed = compression(data[:8])
    if packed:
        raise InputError(f"compressed ({packed}); decompress it first")
    fmt = "pdf" if data.lstrip()[:5] == b"%PDF-" else sniff_format(item.path.name, data[:8192])
    if fmt == "xml_unknown":
        raise InputError("unsupported XML (expected PubMed, JATS/NLM or BioC XML)")
    yield from _guarded(iter(READERS[fmt](data, item.display)), item.display)
