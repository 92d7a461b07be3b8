"""HTML: a real parser (lxml) turns the page into blocks with what the markup says.

Headings (``h1``-``h6``), paragraphs, list items, table cells and ``<br>``
separated lines become blocks; ``script``/``style`` and similar are dropped;
navigation, footers, sidebars, forms and elements whose class/id name cookie
banners, newsletters, sharing widgets and the like are kept as blocks hinted
as boilerplate (so they are reported in removed_blocks.csv, not lost). Each
``<article>`` element numbers its blocks' container, a boundary the splitter
respects. The document text is the blocks joined by newlines; offsets refer
to it. Before the block rules, trafilatura's main-content extraction
(:mod:`pipeline.ingest.readers.maincontent`) hints the blocks outside the
page's main text as boilerplate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from pipeline.errors import InputError
from pipeline.ingest.decode import decode_bytes, decode_note
from pipeline.ingest.model import Block, BlockKind, SourceDocument
from pipeline.ingest.readers.maincontent import mark_outside_main
from pipeline.schema import SkippedRecord

_DROP = {"script", "style", "template", "noscript", "svg", "head", "iframe", "object", "select",
         "button", "canvas", "video", "audio", "map"}
_FURNITURE = {"nav", "footer", "aside", "form", "dialog"}
_BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt",
          "dd", "figcaption", "caption", "address", "summary", "div", "section", "article",
          "main", "header", "ul", "ol", "dl", "table", "tr", "tbody", "thead", "tfoot", "body",
          "figure", "details", "hr", "center", "fieldset", "legend", *_FURNITURE}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_FURNITURE_NAME = re.compile(
    r"(^|[\s_-])(cookie|consent|gdpr|newsletter|subscribe|signup|sign-up|share|sharing|social|"
    r"breadcrumbs?|menu|navbar|nav|sidebar|footer|popup|modal|banner|advert|ads|related|comments?)"
    r"($|[\s_-])",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)
_ROLES = {"navigation", "contentinfo", "banner", "complementary", "dialog", "alert", "form"}


_Leaving = tuple[bool, "BlockKind | None", str]  # (is a block, its hint, why) at an element's end


class _Walker:
    def __init__(self) -> None:
        self.pieces: list[tuple[str, BlockKind | None, int, str]] = []
        self.buffer: list[str] = []
        self.articles = 0

    def flush(self, hint: BlockKind | None, container: int, why: str) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if text:
            self.pieces.append((text, hint, container, why))

    def walk(self, root: etree._Element, hint: BlockKind | None, container: int, why: str) -> None:
        """Depth-first over ``root`` with an explicit stack (a page may nest thousands deep)."""
        stack: list[tuple[etree._Element, BlockKind | None, int, str, _Leaving | None]]
        stack = [(root, hint, container, why, None)]
        while stack:
            el, hint, container, why, leaving = stack.pop()
            if leaving is not None:  # the element's end: its own block, then its tail
                is_block, inner_hint, inner_why = leaving
                if is_block:
                    self.flush(inner_hint, container, inner_why)
                if el.tail:
                    self.buffer.append(el.tail)
                continue
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if not tag or tag in _DROP:
                if el.tail:
                    self.buffer.append(el.tail)
                continue
            is_block = tag in _BLOCK
            inner_hint, inner_why = hint, why
            if hint is not BlockKind.BOILERPLATE and _is_furniture(el, tag, container):
                inner_hint, inner_why = BlockKind.BOILERPLATE, f"page furniture (<{tag}>)"
            elif hint is not BlockKind.BOILERPLATE:
                if tag in _HEADINGS:
                    inner_hint = BlockKind.HEADING
                elif tag == "li":
                    inner_hint = BlockKind.LIST_ITEM
                elif is_block:
                    inner_hint = None
            if tag == "article":
                self.articles += 1
                container = self.articles
            if is_block or tag == "br":
                self.flush(hint, container, why)
            if el.text:
                self.buffer.append(el.text)
            stack.append((el, hint, container, why, (is_block, inner_hint, inner_why)))
            stack.extend((child, inner_hint, container, inner_why, None) for child in reversed(el))


def _is_furniture(el: etree._Element, tag: str, container: int) -> bool:
    if tag in _FURNITURE or (tag == "header" and container == 0 and _outside_main(el)):
        return True
    if (el.get("role") or "").lower() in _ROLES:
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return tag not in {"body", "main", "article", "html"} and bool(_FURNITURE_NAME.search(names))


def _outside_main(el: etree._Element) -> bool:
    return not any(a.tag in {"main", "article"} for a in el.iterancestors())


def _parse(markup: str) -> etree._Element:
    return _parse_checked(markup)[0]


def _parse_checked(markup: str) -> tuple[etree._Element, str]:
    """The page's tree and, when libxml2 cut it, why ("" when whole).

    ``huge_tree`` lifts libxml2's nesting limit from 256 to 2048 levels (HTML has no
    entities to expand and the parser never reads the network); anything nested deeper
    is not built (nor the rest of the page after it), so that is reported, not lost silently.
    """
    parser = lxml.html.HTMLParser(huge_tree=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise InputError(f"malformed HTML: {err}") from err
    cut = next((e for e in parser.error_log if "depth" in e.message.lower()), None)
    note = "" if cut is None else (
        f"HTML nested deeper than the parser's limit ({cut.message.split(':')[-1].split(',')[0].strip()} "
        f"levels) at line {cut.line}: the text from there to the end of the page was not read")
    return root, note


def page_title(root: etree._Element) -> str:
    """The page's own title: ``og:title``, else the first ``<h1>``, else ``<title>``."""
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in {"og:title", "citation_title"}:
            content = " ".join((meta.get("content") or "").split())
            if content:
                return content
    for tag in ("h1", "title"):
        el = next(root.iter(tag), None)
        if el is not None:
            text = " ".join(el.text_content().split())
            if text:
                return text
    return ""


def html_blocks(markup: str) -> tuple[str, list[Block]]:
    """Parse HTML; return the document text and its blocks (with markup hints)."""
    return _root_blocks(_parse(markup))


def _root_blocks(root: etree._Element) -> tuple[str, list[Block]]:
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root, None, 0, "")
    walker.flush(None, 0, "")
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for text, hint, container, why in walker.pieces:
        start = pos
        blocks.append(Block(start, start + len(text), text, hint=hint, container=container,
                            reason=why if hint is BlockKind.BOILERPLATE else ""))
        parts.append(text)
        pos = start + len(text) + 1
    return "\n".join(parts), blocks


def read_html(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """Yield the page as one (multi-article) document with pre-cut blocks (after a
    :class:`SkippedRecord` when the page nests too deep to be read whole)."""
    declared = _META_CHARSET.search(data[:4096])
    decoded = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    root, cut = _parse_checked(decoded.text)
    title = page_title(root)
    text, blocks = _root_blocks(root)
    mark_outside_main(blocks, decoded.text)
    if not blocks:
        raise InputError("HTML page has no text" + (f" ({cut})" if cut else ""))
    if cut:
        yield SkippedRecord(source_path, None, cut)
    yield SourceDocument(source_path=source_path, text=text, format="html", blocks=blocks, title=title,
                         encoding=decoded.encoding, decoding_note=decode_note(decoded))
