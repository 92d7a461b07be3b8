"""Page boundaries in text that glues several scraped web pages together.

One scoring step (weights in ``resources/pages.yaml``): at each kept block of
a stretch with no citation, call-to-action or markup boundary, the evidence
that a new page starts there is summed:

- ``glued_line``: the block was cut off the end of a longer line where two
  files ran together with no line break ("...effective.Stem Cell Therapy"),
  see :func:`unglue`;
- ``chrome_run``: site-chrome/boilerplate blocks (already removed by the
  block rules: menu, logo, cookie banner, loading message) lie between a
  body paragraph and this block;
- ``unfinished_body``: the block before is a body paragraph of 8 words or
  more that stops mid-sentence (a scraped page cut off at its end);
- ``title``: the block is a short title-like line (no final full stop or
  exclamation mark) followed by body text within three blocks;
- ``site_suffix``: the title ends with a site name ("Knee Pain | Clinic");
- ``topic_shift``: the TextTiling depth (:mod:`pipeline.ingest.topics`) at
  the gap before the block reaches ``topic_depth``.

A page starts where the sum reaches ``threshold``. A section heading inside
one article scores ``title`` alone, which is kept below the threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import Field

from pipeline.ingest.blocks import ends_sentence, is_heading_like
from pipeline.ingest.classify import classify_blocks
from pipeline.ingest.model import Block, BlockKind
from pipeline.ruledata import Meta, Strict, load_yaml, resource_path

# a word boundary lost between two files: lower-case letter or sentence end
# (or a "»" widget) directly followed by a capitalised word
_GLUE = re.compile(r"(?<=[a-z.!?»)])(?=[A-Z][a-z])")
_SITE_SUFFIX = re.compile(r"\s\|\s*\S.{0,60}$")
_WORD = re.compile(r"\w+")
_MIN_HEAD_WORDS = 6


class PageWeightsSpec(Strict):
    glued_line: float = Field(ge=0)
    chrome_run: float = Field(ge=0)
    title: float = Field(ge=0)
    site_suffix: float = Field(ge=0)
    unfinished_body: float = Field(ge=0)
    topic_shift: float = Field(ge=0)


class PageRulesFile(Strict):
    meta: Meta
    threshold: float = Field(gt=0)
    weights: PageWeightsSpec
    topic_depth: float = Field(gt=0)
    title_max_words: int = Field(gt=0)


@dataclass(frozen=True)
class PageRules:
    """Validated contents of ``pages.yaml``."""

    threshold: float
    weights: PageWeightsSpec
    topic_depth: float
    title_max_words: int
    meta: Meta


def load_page_rules(path: Path | None = None) -> PageRules:
    """Load and validate page-boundary weights (default: the packaged ``pages.yaml``)."""
    spec = load_yaml(path or resource_path("pages.yaml"), PageRulesFile)
    return PageRules(spec.threshold, spec.weights, spec.topic_depth, spec.title_max_words, spec.meta)


@lru_cache(maxsize=1)
def default_page_rules() -> PageRules:
    return load_page_rules()


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def glue_point(text: str, max_words: int) -> int | None:
    """Offset in ``text`` where a title-like line was glued onto a longer line, else None."""
    for m in _GLUE.finditer(text):
        head, tail = text[:m.start()], text[m.start():]
        if _n_words(tail) > max_words or not is_heading_like(tail):
            continue
        if _n_words(head) >= _MIN_HEAD_WORDS or head.rstrip().endswith("»"):
            return m.start()
    return None


def unglue(blocks: list[Block], rules: PageRules | None = None) -> set[int]:
    """Cut glued lines into two blocks, in place; return the start offsets of the tails.

    Both parts are classified again (a tail can be site chrome). The list is
    changed in place so that the caller's removed-block listing sees the parts.
    """
    rules = rules or default_page_rules()
    out: list[Block] = []
    tails: set[int] = set()
    for block in blocks:
        cut = None if block.removed else glue_point(block.text, rules.title_max_words)
        if cut is None:
            out.append(block)
            continue
        head_text = block.text[:cut].rstrip()
        head = Block(block.start, block.start + len(head_text), head_text, hint=block.hint,
                     container=block.container)
        tail = Block(block.start + cut, block.end, block.text[cut:], container=block.container)
        classify_blocks([head, tail])
        out.extend([head, tail])
        tails.add(tail.start)
    blocks[:] = out
    return tails


def _title_score(segment: list[Block], i: int, rules: PageRules) -> float:
    block = segment[i]
    text = block.text.strip()
    if _n_words(text) > rules.title_max_words or not is_heading_like(text) or text.endswith("!"):
        return 0.0
    if not any(b.kind is BlockKind.BODY for b in segment[i + 1:i + 4]):
        return 0.0
    score = rules.weights.title
    if _SITE_SUFFIX.search(block.text):
        score += rules.weights.site_suffix
    return score


def page_scores(segment: list[Block], removed: list[Block], tails: set[int],
                depths: list[float], rules: PageRules | None = None) -> list[float]:
    """Evidence that a page starts at each block of ``segment`` (0.0 for the first).

    ``removed`` are the source's boilerplate blocks, ``tails`` the starts of
    unglued lines, ``depths[k]`` the topic depth at the gap before block k + 1.
    """
    rules = rules or default_page_rules()
    w = rules.weights
    scores = [0.0]
    for i in range(1, len(segment)):
        prev, block = segment[i - 1], segment[i]
        score = w.glued_line if block.start in tails else 0.0
        if prev.kind is BlockKind.BODY and any(prev.end <= b.start < block.start for b in removed):
            score += w.chrome_run
        title = _title_score(segment, i, rules)
        if title and prev.kind is BlockKind.BODY and _n_words(prev.text) >= 8 \
                and not ends_sentence(prev.text):
            score += w.unfinished_body
        score += title
        if i - 1 < len(depths) and depths[i - 1] >= rules.topic_depth:
            score += w.topic_shift
        scores.append(score)
    return scores


def page_boundaries(segment: list[Block], scores: list[float], min_words: int,
                    rules: PageRules | None = None) -> list[int]:
    """Indexes where a page starts: score at threshold, both sides ``min_words`` or more."""
    rules = rules or default_page_rules()
    sizes = [_n_words(b.text) for b in segment]
    cuts: list[int] = []
    last = 0
    for i, score in enumerate(scores):
        if i == 0 or score < rules.threshold:
            continue
        if sum(sizes[last:i]) >= min_words and sum(sizes[i:]) >= min_words:
            cuts.append(i)
            last = i
    return cuts
