"""Cut plain text or Markdown into blocks (lines or paragraphs) with offsets.

A scraped page saved as text has one paragraph per line; a hard-wrapped text
has paragraphs of several lines split by blank lines. :func:`text_blocks`
tells the two apart from the line-length profile: when most lines end near a
common width (the wrap width), consecutive full-width lines are joined into one
paragraph. Markdown headings (``#``) and list items start their own block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.ingest.model import Block, BlockKind

_LINE = re.compile(r"[^\r\n]+")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_MD_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    blank_before: bool


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    prev_end = 0
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = m.start() + lead
        end = start + len(stripped)
        blank_before = _has_blank_line(text[prev_end:m.start()])
        out.append(_Line(start, end, blank_before))
        prev_end = end
    return out


def _has_blank_line(gap: str) -> bool:
    return len(re.findall(r"\r\n|\r|\n", gap)) >= 2


def wrap_width(lengths: list[int]) -> int | None:
    """The hard-wrap width of a text, or None when lines are not wrapped.

    Wrapped when at least 10 lines, a 90th-percentile length of at most 120
    characters, and 40 % or more of the lines within 75 % of that width.
    """
    if len(lengths) < 10:
        return None
    ordered = sorted(lengths)
    width = ordered[int(0.9 * (len(ordered) - 1))]
    if width > 120:
        return None
    near = sum(1 for n in lengths if n >= 0.75 * width)
    return width if near >= 0.4 * len(lengths) else None


def text_blocks(text: str) -> list[Block]:
    """Blocks of ``text`` in order; ``block.text == text[block.start:block.end]``."""
    lines = _lines(text)
    width = wrap_width([ln.end - ln.start for ln in lines])
    blocks: list[Block] = []
    last_len = 0  # length of the last line of blocks[-1] (no re-scan of a growing paragraph)
    for ln in lines:
        line_text = text[ln.start:ln.end]
        hint: BlockKind | None = None
        if _MD_HEADING.match(line_text):
            hint = BlockKind.HEADING
        elif _MD_LIST.match(line_text):
            hint = BlockKind.LIST_ITEM
        if blocks and width and hint is None and not ln.blank_before:
            prev = blocks[-1]
            if prev.hint is None and last_len >= 0.75 * width:
                gap_start = prev.end
                prev.end = ln.end
                # the joined line counts from its line break (its indent included)
                brk = max(text.rfind("\n", gap_start, ln.start), text.rfind("\r", gap_start, ln.start))
                last_len = ln.end - (brk + 1 if brk >= 0 else ln.start)
                continue
        blocks.append(Block(ln.start, ln.end, line_text, hint=hint, blank_before=ln.blank_before))
        last_len = ln.end - ln.start
    for block in blocks:  # paragraph texts set once, after joining
        block.text = text[block.start:block.end]
    return blocks


def is_heading_like(text: str) -> bool:
    """Short, title-like text: few words, no sentence-final full stop or comma."""
    stripped = text.strip().lstrip("#").strip()
    if not stripped or len(stripped) > 120:
        return False
    words = stripped.split()
    if len(words) > 15 or not any(ch.isalpha() for ch in stripped):
        return False
    if stripped[-1] in ".,;:":
        return False
    return stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "\"“'‘"


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence."""
    return bool(_SENTENCE_END.search(text.strip()))
