"""Main-content extraction for HTML pages with trafilatura, in front of the block rules.

trafilatura (Barbaresi 2021, ACL demo "Trafilatura: A Web Scraping Library and
Command-Line Tool for Text Discovery and Extraction") finds the page's main
text from its structure and link density. Its output only decides which of
the reader's own blocks are kept: a block whose words do not occur in the main
text is hinted as boilerplate (rule ``main_content``), so it is still listed in
``removed_blocks.csv`` and the reader keeps its offsets, headings and
``<article>`` containers; a heading is kept with the text it heads (the
extractor's fallback keeps paragraphs only). When the extraction finds (almost) nothing, or the
page holds several ``<article>`` elements (trafilatura keeps one column), the
markup and block rules decide alone. Nothing is fetched: trafilatura only
parses the string it is given.
"""

from __future__ import annotations

import logging
import re

from pipeline.ingest.model import Block, BlockKind

log = logging.getLogger(__name__)

RULE_ID = "main_content"
REASON = "outside the page's main content (trafilatura)"
_WORD = re.compile(r"\w+")
# below this share of the page's words the extraction is taken to have failed
MIN_SHARE = 0.2


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def main_text(markup: str) -> str | None:
    """The page's main text as folded words, or None when trafilatura finds none."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        text = trafilatura.extract(markup, include_comments=False, include_tables=True,
                                   include_formatting=True, favor_recall=True, with_metadata=False,
                                   deduplicate=False)
    except Exception as err:  # a library failure falls back to the block rules, never fatal
        log.warning("main-content extraction failed (%s): block rules alone", err)
        return None
    return _norm(text) if text else None


def mark_outside_main(blocks: list[Block], markup: str) -> int:
    """Hint the blocks outside the page's main content as boilerplate; return how many."""
    if len({b.container for b in blocks if b.container}) > 1:
        return 0
    main = main_text(markup)
    if not main:
        return 0
    candidates = [b for b in blocks if b.hint is not BlockKind.BOILERPLATE]
    total = sum(len(_WORD.findall(b.text)) for b in candidates)
    if total == 0 or len(main.split()) < MIN_SHARE * total:
        return 0
    padded = f" {main} "
    inside = [bool(key) and f" {key} " in padded for key in (_norm(b.text) for b in candidates)]
    # a heading goes with the text it heads (trafilatura's fallback keeps paragraphs only)
    following = False
    for k in range(len(candidates) - 1, -1, -1):
        if candidates[k].hint is BlockKind.HEADING:
            inside[k] = inside[k] or following
        else:
            following = inside[k]
    n = 0
    for block, keep in zip(candidates, inside, strict=True):
        if not keep and _norm(block.text):
            block.hint, block.rule_id, block.reason = BlockKind.BOILERPLATE, RULE_ID, REASON
            n += 1
    return n
