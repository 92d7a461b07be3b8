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
   when the valley is deep and both sides are long enough to be articles.
Boilerplate blocks never start or end an article; one that falls inside an
article is blanked out of its text. A stretch with no body paragraph or too few
words to be an article is reported as a removed fragment.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from pipeline.ingest.model import Block, BlockKind
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
    for segment in evidence_segments(blocks):
        cuts = topic_boundaries(segment, settings) if settings.use_topic_shift else []
        bounds = [0, *cuts, len(segment)]
        for lo, hi in itertools.pairwise(bounds):
            part = segment[lo:hi]
            has_body = any(b.kind is BlockKind.BODY for b in part)
            if has_body and sum(n_words(b.text) for b in part) >= settings.min_article_words:
                articles.append(part)
            else:
                fragments.append(part)
    return articles, fragments
