"""Records passed between the readers, the block classifier and the splitter."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class BlockKind(str, Enum):
    """What a block (a line or paragraph) of a source is."""

    HEADING = "heading"
    BODY = "body"
    LIST_ITEM = "list_item"
    CITATION = "citation"
    CTA = "cta"
    BOILERPLATE = "boilerplate"


@dataclass
class Block:
    """A line or paragraph: ``source.text[start:end]``, classified.

    ``hint`` is what the markup said (an HTML ``<h2>`` is a heading, a
    ``<footer>`` is boilerplate); ``container`` numbers the HTML ``<article>``
    element the block sits in (0 when none); ``blank_before``: a blank line
    separates it from the line before (plain text; a site's layout).
    """

    start: int
    end: int
    text: str
    kind: BlockKind = BlockKind.BODY
    hint: BlockKind | None = None
    rule_id: str = ""
    reason: str = ""
    container: int = 0
    blank_before: bool = False

    @property
    def removed(self) -> bool:
        return self.kind is BlockKind.BOILERPLATE


@dataclass
class Citation:
    """A parsed reference (NLM/Vancouver style as printed under review summaries)."""

    authors: list[str] = field(default_factory=list)
    title: str = ""
    journal: str = ""
    year: int | None = None
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""


@dataclass
class SourceDocument:
    """One decoded text from a reader.

    ``single_article`` documents (a JSONL record, a PubTator or PubMed
    abstract) become exactly one article; others are split into blocks and
    articles. ``blocks`` may come from the reader (HTML) or be derived later.
    """

    source_path: str
    text: str
    format: str
    source_id: str = ""
    single_article: bool = False
    kind: str = ""
    title: str = ""
    citation: Citation | None = None
    blocks: list[Block] | None = None
    encoding: str = "utf-8"
    line: int | None = None
    # one line when the decoding was a choice (not UTF-8, replaced bytes): logged by ingest
    decoding_note: str = ""
