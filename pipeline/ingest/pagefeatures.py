"""The evidence of a page start at each block of a segment (names: the ``weights`` of
``pages.yaml``); see :mod:`pipeline.ingest.pages` for what each feature means."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.ingest.blocks import ends_sentence, is_heading_like
from pipeline.ingest.model import Block, BlockKind
from pipeline.ingest.pagecues import (
    SITE_SUFFIX,
    abbreviations_defined,
    defines_subject,
    layout,
    n_words,
    norm,
    site_name,
    subject_abbreviation,
)
from pipeline.ingest.pagerules import PageRules, default_page_rules
from pipeline.ingest.titles import is_title

_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_title(segment: list[Block], i: int, rules: PageRules) -> bool:
    """Block i is a short title-like line (no final period or "!") with body text within three
    blocks, and could be a page's title: not a section label, notice, byline or metadata line
    (``titles.yaml``)."""
    text = segment[i].text.strip()
    if n_words(text) > rules.title_max_words or not is_heading_like(text) or text.endswith("!"):
        return False
    if not is_title(text) or len(_LETTER_WORD.findall(text)) < 2:
        return False
    return any(b.kind is BlockKind.BODY for b in segment[i + 1:i + 4])


def _unfinished(text: str) -> bool:
    """A paragraph cut off mid-sentence (not a lead-in ending with ":" or ",")."""
    text = text.rstrip()
    return not ends_sentence(text) and not text.endswith((":", ",", ";"))


@dataclass(frozen=True)
class _SourceView:
    """What the features need of the whole source: repeats, sites, closers, topic words."""

    repeats: dict[str, int]
    sites: list[tuple[int, str]]  # (block start, site name), source order
    removed: list[Block]


def _source_view(blocks: list[Block]) -> _SourceView:
    repeats: dict[str, int] = {}
    for b in blocks:
        key = norm(b.text)
        if key:
            repeats[key] = repeats.get(key, 0) + 1
    sites = [(b.start, name) for b in blocks if (name := site_name(b.text))]
    return _SourceView(repeats, sites, [b for b in blocks if b.removed])


def _layout_change(segment: list[Block], i: int, rules: PageRules, since: int = 0) -> bool:
    """The layout of the paragraphs changes at block i: of the ``layout_window`` paragraphs
    showing a mark before it (since block ``since``) nearly all (``layout_contrast``) have it
    (three at least) and of the ``layout_after`` or more among the next ``2 * layout_after``
    blocks from it (a bullet: never) nearly none, or the reverse (a site that puts blank lines between
    paragraphs, or two spaces after a full stop, glued to one that does not)."""
    if not segment[i].text.strip()[:1].isalnum():  # a bullet goes on a list
        return False
    marks = [layout(b.text, b.blank_before) for b in segment]
    n, hi = rules.layout_window, rules.layout_contrast
    for dim in range(2):
        before = [m[dim] for m in reversed(marks[since:i]) if m[dim] is not None][:n]
        # the page's lead: marked paragraphs among the next few blocks only
        after = [m[dim] for m in marks[i:i + 2 * rules.layout_after] if m[dim] is not None]
        if len(before) < 3 or len(after) < rules.layout_after:
            continue
        a, b = sum(before) / len(before), sum(after) / len(after)
        if (a >= hi and b <= 1 - hi) or (a <= 1 - hi and b >= hi):
            return True
    return False


def _closing(prev: Block, gap: list[Block], rules: PageRules) -> bool:
    """A page-closing block (call to action, copyright, share widget) ends the text before."""
    if any(b.rule_id in rules.closing_rules for b in gap):
        return True
    return n_words(prev.text) <= 30 and any(p.search(prev.text) for p in rules.closing_patterns)


def _site_change(view: _SourceView, lo: int, block: Block) -> bool:
    """A site name in this block or the gap before it differs from the last one named earlier."""
    earlier = [name for start, name in view.sites if start < lo]
    here = [name for start, name in view.sites if lo <= start <= block.start]
    return bool(earlier and here and here[-1] != earlier[-1])


def _lead(segment: list[Block], i: int) -> list[Block]:
    """Block i and the blocks after it up to its first body paragraph (at most three)."""
    out: list[Block] = []
    for b in segment[i:i + 3]:
        out.append(b)
        if b.kind is BlockKind.BODY:
            break
    return out


def _redefines(segment: list[Block], i: int, since: int = 0) -> bool:
    """The lead from block i defines an abbreviated subject ("Multiple sclerosis (MS) is a ...")
    whose abbreviation was introduced in blocks ``since`` to i."""
    subjects = {a for b in _lead(segment, i) if (a := subject_abbreviation(b.text))}
    return any(subjects & abbreviations_defined(b.text) for b in segment[since:i])


def _chrome_below(segment: list[Block], at: int, view: _SourceView) -> bool:
    """Boilerplate (byline widget, share bar, "Recommended Videos") removed under the title at
    ``at``, before a body paragraph within three kept blocks: a page header under a page title
    (not the chrome opening the next page)."""
    lead = segment[at:at + 4]
    return any(lead[j].kind is BlockKind.BODY and lead[j - 1].end <= b.start < lead[j].start
               for j in range(1, len(lead)) for b in view.removed)


def _echoes(segment: list[Block], i: int, gap: list[Block], since: int = 0) -> bool:
    """The removed blocks before block i hold a second copy of a kept block of blocks
    ``since`` to i (a page repeating its own title or lead under its header): the same page
    goes on."""
    dupes = {norm(b.text) for b in gap if b.rule_id == "duplicate"}
    return bool(dupes) and any(norm(b.text) in dupes for b in segment[since:i])


def page_features(segment: list[Block], blocks: list[Block], tails: set[int],
                  rules: PageRules | None = None) -> list[dict[str, float]]:
    """The evidence found at each block of ``segment`` (name -> value; empty for the first).

    ``blocks`` are all blocks of the source (the removed ones included),
    ``tails`` the starts of unglued lines (see :func:`unglue`). The names are
    the keys of ``weights`` in ``pages.yaml``.
    """
    rules = rules or default_page_rules()
    view = _source_view(blocks)
    feats: list[dict[str, float]] = [{}]
    for i in range(1, len(segment)):
        prev, block = segment[i - 1], segment[i]
        gap = [b for b in view.removed if prev.end <= b.start < block.start]
        f: dict[str, float] = {}
        if block.start in tails:  # a glued paragraph (0.5) is weaker evidence than a glued title
            chrome_head = any(0 <= block.start - b.end <= 2 for b in gap)
            body = block.kind is BlockKind.BODY and not chrome_head
            f["glued_line"] = 0.5 if body else 1.0
        if prev.kind is BlockKind.BODY and gap:
            f["chrome_run"] = 1.0
            if any(view.repeats.get(norm(b.text), 0) >= 2 and b.rule_id != "duplicate"
                   for b in gap):
                f["repeated_chrome"] = 1.0
        at = i
        title = _is_title(segment, i, rules)
        if not title and site_name(block.text) and i + 1 < len(segment):
            at = i + 1
            title = _is_title(segment, at, rules)  # a site/URL line heads the page's title
        if title:
            f["title"] = 1.0
            if SITE_SUFFIX.search(segment[at].text):
                f["site_suffix"] = 1.0
        if prev.kind is BlockKind.BODY and n_words(prev.text) >= 8 and _unfinished(prev.text) \
                and (title or block.text[:1].isupper()):
            f["unfinished_body"] = 1.0
        if _closing(prev, gap, rules):
            f["closing_block"] = 1.0
        if _site_change(view, prev.end, block):
            f["site_change"] = 1.0
        if not title and block.kind is BlockKind.BODY and prev.kind is BlockKind.BODY \
                and defines_subject(block.text):
            f["title"] = 0.5  # an untitled page opening by defining its subject
        if _redefines(segment, i):
            f["redefinition"] = 1.0
        if title and _chrome_below(segment, at, view):
            f["chrome_below"] = 1.0
        if _echoes(segment, i, gap):
            f["echo"] = 1.0
        if _layout_change(segment, i, rules):
            f["layout_change"] = 1.0
        feats.append(f)
    return feats
