"""PDF files with a text layer (articles, reviews, saved web pages), read with pypdf.

The text of each page (pypdf's reading order; columns come out one after the other) is
cleaned of what the page layout adds, then read like a plain-text file (boilerplate removed,
citations parsed; a PDF is one paper, so it is one article unless ``--split lines:PATTERN`` says
otherwise):

- **running heads and feet**: a line among the first or last :data:`EDGE_LINES` of a page
  that recurs, digits aside, at that edge of at least half of the pages (and of
  :data:`MIN_PAGES` or more), and lines there that are only a page number ("3", "Page 3 of 9");
- **words broken at a line end**: "differ-" + "entiation" is joined to "differentiation" when
  the document writes that word elsewhere; otherwise the hyphen is kept and the halves joined
  ("brain-" + "derived" gives "brain-derived"), since a line-end hyphen is as often a real one.

The document's title is the first page's run of lines in its largest type (at least
:data:`TITLE_SCALE` times the size of the page's body text, the size most of its characters
have), joined into one line in the text too; else the PDF's Title entry when it reads like a
title (not a file name or "Microsoft Word - ..."). A PDF without a text layer (a scan), an
encrypted or a damaged one is a one-line error.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterator

from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError

from pipeline.errors import InputError
from pipeline.ingest.model import SourceDocument
from pipeline.schema import SkippedRecord

EDGE_LINES = 2
TITLE_SCALE = 1.3
MIN_PAGES = 2
_PAGE_NUMBER = re.compile(r"^\W*(page\s+)?\d{1,4}(\s*(of|/)\s*\d{1,4})?\W*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_BROKEN = re.compile(r"([A-Za-z]*[a-z])-\n([a-z][a-z]*)")
_SYMBOL_BREAK = re.compile(r"(?<=[A-Za-z0-9])-\n(?=[A-Za-z0-9])")  # "IL-\n6", "TGF-\nbeta", "Anti-\nTNF"
_WORD = re.compile(r"[A-Za-z]+")
_NOT_A_TITLE = re.compile(
    r"^(microsoft word|untitled|document\d*$)|\.(docx?|pdf|html?|tex|indd)$|^[\w.-]+$", re.IGNORECASE)
# pypdf logs font and structure repairs as warnings; what matters reaches the user as one line
logging.getLogger("pypdf").setLevel(logging.ERROR)


def edge_lines(pages: list[list[str]]) -> set[tuple[str, str]]:
    """(edge, digit-blind line) pairs that recur at the top or bottom of half of the pages (of
    both, for two)."""
    if len(pages) < MIN_PAGES:
        return set()
    seen: Counter[tuple[str, str]] = Counter()
    for lines in pages:
        filled = [ln.strip() for ln in lines if ln.strip()]
        seen.update({("top", _DIGITS.sub("#", ln)) for ln in filled[:EDGE_LINES]})
        seen.update({("bottom", _DIGITS.sub("#", ln)) for ln in filled[-EDGE_LINES:]})
    return {k for k, n in seen.items() if n * 2 >= len(pages) and n >= 2}


def strip_edges(lines: list[str], recurring: set[tuple[str, str]]) -> list[str]:
    """A page's lines without its running head and foot and page-number lines at its edges."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    drop = set()
    for edge, where in (("top", filled[:EDGE_LINES]), ("bottom", filled[-EDGE_LINES:])):
        for i in where:
            line = lines[i].strip()
            if _PAGE_NUMBER.match(line) or (edge, _DIGITS.sub("#", line)) in recurring:
                drop.add(i)
    return [ln for i, ln in enumerate(lines) if i not in drop]


def join_broken_words(text: str) -> str:
    """Words hyphenated across a line break joined (module text); a break next to a capital or
    a digit is inside a symbol's name ("IL-\\n6", "TGF-\\nbeta"): joined with its hyphen."""
    words = {w.lower() for w in _WORD.findall(_BROKEN.sub(" ", text))}

    def join(m: re.Match[str]) -> str:
        whole = m.group(1) + m.group(2)
        return whole if whole.lower() in words else f"{m.group(1)}-{m.group(2)}"

    return _SYMBOL_BREAK.sub("-", _BROKEN.sub(join, text))


def title_lines(page: object) -> list[str]:
    """The first page's lines in its largest type, when that is the title's (module text)."""
    runs: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            runs.append((round(size * abs(tm[3]) * abs(cm[3]), 1), text.strip()))

    try:
        page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    except Exception:  # no title from a page pypdf cannot walk
        return []
    if not runs:
        return []
    chars: Counter[float] = Counter()
    for size, text in runs:
        chars[size] += len(text)
    body, top = chars.most_common(1)[0][0], max(chars)
    if top < TITLE_SCALE * body:
        return []
    first = next(i for i, (size, _) in enumerate(runs) if size == top)
    lines = [text for size, text in itertools.takewhile(lambda r: r[0] == top, runs[first:])]
    return lines if len(" ".join(lines).split()) >= 3 else []


def join_title(lines: list[str], title: list[str]) -> list[str]:
    """``lines`` with the title's consecutive lines made one (a title wraps in large type)."""
    n = len(title)
    if n < 2:
        return lines
    stripped = [ln.strip() for ln in lines]
    for i in range(len(lines) - n + 1):
        if stripped[i:i + n] == title:
            return [*lines[:i], " ".join(title), *lines[i + n:]]
    return lines


def page_texts(reader: PdfReader, source_path: str) -> Iterator[str | SkippedRecord]:
    """Each page's text, or a skip (with the page number as its line) for a page pypdf cannot read."""
    for number, page in enumerate(reader.pages, start=1):
        try:
            yield page.extract_text() or ""
        except Exception as err:
            yield SkippedRecord(source_path, number, f"PDF page {number} unreadable: {str(err)[:120]}")


def pdf_title(reader: PdfReader) -> str:
    """The Title entry of the PDF's metadata when it reads like a title, else ""."""
    try:
        title = " ".join(str((reader.metadata or {}).get("/Title") or "").split())
    except PyPdfError:
        return ""
    return "" if len(title) < 8 or _NOT_A_TITLE.search(title) else title


def read_pdf(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """The text of a PDF as one document (module text)."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("encrypted PDF (password-protected); save an unprotected copy first")
        pages: list[list[str]] = []
        first_read = True  # page 1 read: its largest type may be the title
        for item in page_texts(reader, source_path):
            if isinstance(item, SkippedRecord):
                first_read = first_read and bool(pages)
                yield item
            else:
                pages.append(item.splitlines())
    except InputError:
        raise
    except DependencyError as err:  # AES without the cryptography package (pypdf[crypto])
        raise InputError(f"encrypted PDF that this installation cannot decrypt: {err}") from err
    except Exception as err:
        raise InputError(f"unreadable PDF: {' '.join(str(err).split())[:160] or type(err).__name__}") from err
    recurring = edge_lines(pages)
    title = title_lines(reader.pages[0]) if pages and first_read else []
    if title:
        pages[0] = join_title(pages[0], title)
    text = "\n".join("\n".join(strip_edges(lines, recurring)) for lines in pages).strip()
    if len(_WORD.findall(text)) < 3:
        raise InputError("PDF has no text layer (a scan?); run OCR first, e.g. ocrmypdf FILE.pdf")
    yield SourceDocument(source_path=source_path, text=join_broken_words(text) + "\n", format="pdf",
                         title=" ".join(title) or pdf_title(reader))
