"""Split a classified block sequence into articles.

Evidence for a boundary, strongest first:
1. markup: blocks in different HTML ``<article>`` elements;
2. a closing block: a citation run (a review summary ends with its
   ``Source:`` line) or a call-to-action run (a clinic page ends with
   "contact us" / phone / e-mail); the article ends after the last block of
   the run;
3. a lexical topic shift (:mod:`pipeline.ingest.topics`, TextTiling), used only
   inside a long stretch with no other evidence, between two body paragraphs
   (never next to a heading, where sections of one article meet), and only
   when the valley is deep and both sides are long enough to be articles;
4. page evidence (:mod:`pipeline.ingest.pages`) for pages glued together
   without citations: glued lines, site chrome, a title line, a site-name
   suffix and the topic shift, scored with the weights of ``pages.yaml``.
Split modes (``--split``, :func:`parse_split_mode`): ``auto`` (the evidence
above), ``none`` (every kept block of a source is one article) and
``lines:PATTERN`` (a block matching the regular expression starts a new
article; the matching separator block itself is removed as a fragment).
Boilerplate blocks never start or end an article; one that falls inside an
article is blanked out of its text. A stretch with no body paragraph or too few
words to be an article is reported as a removed fragment.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass

from pipeline.ingest.model import Block, BlockKind
from pipeline.ingest.pages import page_boundaries, unglue
from pipeline.ingest.topics import content_words, depth_scores, gap_similarities

_WORD = re.compile(r"\w+")
_CLOSERS = (BlockKind.CITATION, BlockKind.CTA)


@dataclass(frozen=True)
class SplitSettings:
    """Thresholds of the splitter (see module docstring)."""

    min_article_words: int = 40
    # Calibrated on the sample with its citation and call-to-action lines
    # deleted: deepest false valley between body paragraphs 0.51, true ones
    # 0.61-0.87 (window 200); the PD -> IPF boundary stays unseen (0.2).
    topic_min_side_words: int = 300
    topic_min_depth: float = 0.55
    topic_window: int = 200
    use_topic_shift: bool = True
    use_page_evidence: bool = True
    mode: str = "auto"  # auto | none | lines (see module docstring)
    separator: str = ""  # the regular expression of ``lines:PATTERN``


SPLIT_ENV = "MECHMINE_SPLIT"  # how the CLI's --split reaches worker processes


def parse_split_mode(value: str) -> SplitSettings:
    """Settings for a ``--split`` value; ValueError with a one-line message when it is bad."""
    value = value.strip()
    if value in ("auto", "none"):
        return SplitSettings(mode=value)
    if value.startswith("lines:"):
        pattern = value[len("lines:"):]
        if not pattern:
            raise ValueError("lines: needs a pattern, e.g. lines:^={3,}$")
        try:
            re.compile(pattern)
        except re.error as err:
            raise ValueError(f"bad pattern {pattern!r}: {err}") from err
        return SplitSettings(mode="lines", separator=pattern)
    raise ValueError("use auto, none or lines:PATTERN")


def default_split_settings() -> SplitSettings:
    """Settings from ``$MECHMINE_SPLIT`` (set by ``--split``), else ``auto``."""
    value = os.environ.get(SPLIT_ENV, "")
    try:
        return parse_split_mode(value) if value else SplitSettings()
    except ValueError:
        return SplitSettings()


def split_tag() -> str:
    """Manifest version suffix: the ``--split`` mode in force (another mode reprocesses)."""
    settings = default_split_settings()
    return f"|split:{settings.mode}" + (f":{settings.separator}" if settings.mode == "lines" else "")


def _separator_parts(blocks: list[Block], pattern: str) -> tuple[list[list[Block]], list[list[Block]]]:
    sep = re.compile(pattern)
    parts: list[list[Block]] = [[]]
    separators: list[list[Block]] = []
    for block in blocks:  # a separator counts even when a block rule removed it
        if sep.search(block.text):
            if not block.removed:
                separators.append([block])
            parts.append([])
        elif not block.removed:
            parts[-1].append(block)
    return [p for p in parts if p], separators


def n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _close_after(kept: list[Block], i: int) -> bool:
    """Block i closes an article: it is a citation/CTA and the next kept block is not."""
    if kept[i].kind not in _CLOSERS:
        return False
    return i + 1 >= len(kept) or kept[i + 1].kind not in _CLOSERS


def evidence_segments(blocks: list[Block]) -> list[list[Block]]:
    """Runs of kept blocks between markup and closing-block boundaries."""
    kept = [b for b in blocks if not b.removed]
    segments: list[list[Block]] = []
    current: list[Block] = []
    for i, block in enumerate(kept):
        if current and block.container != current[-1].container:
            segments.append(current)
            current = []
        current.append(block)
        if _close_after(kept, i):
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    return segments


def topic_boundaries(segment: list[Block], settings: SplitSettings) -> list[int]:
    """Indexes i where a new article starts at ``segment[i]`` by topic shift alone."""
    if len(segment) < 3:
        return []
    words = [content_words(b.text) for b in segment]
    sizes = [n_words(b.text) for b in segment]
    total = sum(sizes)
    if total < 2 * settings.topic_min_side_words:
        return []
    depths = depth_scores(gap_similarities(words, settings.topic_window))
    candidates = sorted(range(len(depths)), key=lambda k: -depths[k])
    cuts: list[int] = []
    for k in candidates:
        if depths[k] < settings.topic_min_depth:
            break
        i = k + 1
        if segment[i - 1].kind is not BlockKind.BODY or segment[i].kind is not BlockKind.BODY:
            continue
        lo = max((c for c in cuts if c < i), default=0)
        hi = min((c for c in cuts if c > i), default=len(segment))
        left, right = sum(sizes[lo:i]), sum(sizes[i:hi])
        if min(left, right) >= settings.topic_min_side_words:
            cuts.append(i)
    return sorted(cuts)


def split_blocks(
    blocks: list[Block], settings: SplitSettings | None = None
) -> tuple[list[list[Block]], list[list[Block]]]:
    """Return (articles, fragments): lists of kept blocks, in source order."""
    settings = settings or SplitSettings()
    articles: list[list[Block]] = []
    fragments: list[list[Block]] = []
    if settings.mode == "none":
        kept = [b for b in blocks if not b.removed]
        return ([kept] if kept else []), []
    if settings.mode == "lines":
        parts, separators = _separator_parts(blocks, settings.separator)
        return parts, separators
    tails = unglue(blocks) if settings.use_page_evidence else set()
    for segment in evidence_segments(blocks):
        cuts = topic_boundaries(segment, settings) if settings.use_topic_shift else []
        if settings.use_page_evidence and len(segment) > 1:
            pages = page_boundaries(segment, blocks, tails, settings.min_article_words)
            cuts = sorted(set(cuts) | set(pages))
        bounds = [0, *cuts, len(segment)]
        for lo, hi in itertools.pairwise(bounds):
            part = segment[lo:hi]
            has_body = any(b.kind is BlockKind.BODY for b in part)
            if has_body and sum(n_words(b.text) for b in part) >= settings.min_article_words:
                articles.append(part)
            else:
                fragments.append(part)
    return articles, fragments
