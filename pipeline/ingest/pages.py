"""Page boundaries in text that glues several scraped web pages together.

One scoring step (weights in ``resources/pages.yaml``): at each kept block of
a stretch with no citation, call-to-action or markup boundary, the evidence
that a new page starts there is summed:

- ``glued_line``: the block was cut off the end of a longer line where two
  files ran together with no line break ("...effective.Stem Cell Therapy"),
  see :func:`unglue`; 1.0 for a title (or a line glued onto site chrome),
  0.5 for a paragraph glued onto a body line ("... and aMultiple sclerosis");
- ``chrome_run``: site-chrome/boilerplate blocks (already removed by the
  block rules: menu, logo, cookie banner, loading message) lie between a
  body paragraph and this block;
- ``unfinished_body``: the block before is a body paragraph of 8 words or
  more that stops mid-sentence (a scraped page cut off at its end);
- ``title``: the block opens a page: 1.0 for a short title-like line (no
  final full stop or exclamation mark) followed by body text within three
  blocks; 0.5 for an untitled body paragraph after body text that opens by
  defining a subject ("X is a ...", not a subordinate clause);
- ``site_suffix``: the title ends with a site name ("Knee Pain | Clinic");
- ``redefinition``: the lead defines an abbreviated subject ("Multiple
  sclerosis (MS) is a ...") whose abbreviation was introduced since the last
  page start (:mod:`pipeline.ingest.pagecues`);
- ``chrome_below``: boilerplate removed just under the title, before a body
  paragraph (a page header: byline widget, "Recommended Videos");
- ``echo``: the boilerplate before the block holds a second copy of a block
  of this page (its title or lead repeated under its header, removed as
  ``duplicate``): the same page goes on (negative weight; counted since the
  last page start);
- ``closing_block``: a short call to action or a removed footer (copyright,
  licence, share bar) ends the text before;
- ``layout_change``: the paragraphs before nearly all have a layout mark (a
  blank line before them, two spaces after a full stop) that the first ones
  from this block lack, or the reverse: two sites' scrapes (pages.yaml 1.5;
  counted since the last page start);
- (a per-gap TextTiling depth, the share of title words seen before and of
  new words after were dropped in pages.yaml 1.4, and a title of new words
  (``title_novelty``) in 1.6: they did not generalise across pages, see its
  ``meta.source``).

Code: weights and settings in :mod:`pipeline.ingest.pagerules`, the
features in :mod:`pipeline.ingest.pagefeatures`, line cues in
:mod:`pipeline.ingest.pagecues`.

A title is never a section label, notice, byline, metadata or date line
(``titles.yaml`` ``not_titles``, and two words of letters at least).

:func:`page_features` gives the evidence by name (the keys of ``weights``),
:func:`page_scores` its weighted sum; weights may be negative.

A page starts where the sum reaches ``threshold``. A section heading inside
one article scores ``title`` alone, which is kept below the threshold.
"""

from __future__ import annotations

from pipeline.ingest.classify import classify_blocks
from pipeline.ingest.model import Block, BlockKind
from pipeline.ingest.pagecues import body_glue_point, glue_point, n_words
from pipeline.ingest.pagefeatures import (
    _echoes,
    _is_title,
    _layout_change,
    _redefines,
    page_features,
)
from pipeline.ingest.pagerules import (
    PageRules,
    PageRulesFile,
    PageWeightsSpec,
    default_page_rules,
    load_page_rules,
)

__all__ = ["PageRules", "PageRulesFile", "PageWeightsSpec", "_is_title", "default_page_rules",
           "features_since", "glue_point", "load_page_rules", "page_boundaries", "page_features",
           "page_scores", "unglue"]


def unglue(blocks: list[Block], rules: PageRules | None = None) -> set[int]:
    """Cut glued lines into two blocks, in place; return the start offsets of the tails.

    A title glued onto a line (:func:`glue_point`) is cut first; else a body
    paragraph glued onto a body line (:func:`body_glue_point`). A removed line
    (a copyright footer) is cut only when its tail is no boilerplate (the next
    page's title). Both parts are classified again (a tail can be site chrome). The list is
    changed in place so that the caller's removed-block listing sees the parts.
    """
    rules = rules or default_page_rules()
    out: list[Block] = []
    tails: set[int] = set()
    for block in blocks:
        if not block.removed:
            cut = glue_point(block.text, rules.title_max_words, _is_chrome)
        elif block.hint is not BlockKind.BOILERPLATE:  # a footer line with the next title on it
            cut = glue_point(block.text, rules.title_max_words)
        else:
            cut = None
        if cut is None and block.kind is BlockKind.BODY:
            cut = body_glue_point(block.text)
        if cut is None:
            out.append(block)
            continue
        head_text = block.text[:cut].rstrip()
        head = Block(block.start, block.start + len(head_text), head_text, hint=block.hint,
                     container=block.container, blank_before=block.blank_before)
        tail = Block(block.start + cut, block.end, block.text[cut:], container=block.container)
        classify_blocks([head, tail])
        if block.removed and tail.removed:  # boilerplate throughout: one removed block
            out.append(block)
            continue
        out.extend([head, tail])
        tails.add(tail.start)
    blocks[:] = out
    return tails


def _is_chrome(text: str) -> bool:
    """The block rules remove ``text`` as boilerplate (a glued line's short head)."""
    probe = Block(0, len(text), text)
    classify_blocks([probe])
    return probe.removed


def _gap(blocks: list[Block], segment: list[Block], i: int) -> list[Block]:
    """The removed blocks between segment block i - 1 and block i."""
    lo, hi = segment[i - 1].end, segment[i].start
    return [b for b in blocks if b.removed and lo <= b.start < hi]


def page_scores(segment: list[Block], blocks: list[Block], tails: set[int],
                rules: PageRules | None = None) -> list[float]:
    """Evidence that a page starts at each block of ``segment`` (0.0 for the first):
    the weighted sum of :func:`page_features`."""
    rules = rules or default_page_rules()
    weights = rules.weights.model_dump()
    return [sum(weights[k] * v for k, v in f.items()) if n else 0.0
            for n, f in enumerate(page_features(segment, blocks, tails, rules))]


def features_since(f: dict[str, float], segment: list[Block], blocks: list[Block], i: int,
                   since: int, rules: PageRules | None = None) -> dict[str, float]:
    """The features ``f`` of block i as the one pass sees them when the last page started at
    block ``since``: ``redefinition``, ``echo`` and ``layout_change`` count only what came after
    it. (The weight fit
    of ``benchmarks/ingest_realdocs.py --fit`` passes the true last page start, so that it learns
    from the features the splitter scores.)"""
    if f.get("redefinition") and not _redefines(segment, i, since=since):
        f = {k: v for k, v in f.items() if k != "redefinition"}
    if f.get("echo") and not _echoes(segment, i, _gap(blocks, segment, i), since=since):
        f = {k: v for k, v in f.items() if k != "echo"}
    if f.get("layout_change") and not _layout_change(segment, i, rules or default_page_rules(),
                                                     since=since):
        f = {k: v for k, v in f.items() if k != "layout_change"}
    return f


def page_boundaries(segment: list[Block], blocks: list[Block], tails: set[int], min_words: int,
                    rules: PageRules | None = None) -> list[int]:
    """Indexes where a page starts: score at ``threshold``, both sides ``min_words`` or more.

    One pass in source order: ``redefinition`` counts only an abbreviation
    introduced since the last page start (one introduced on an earlier page
    says nothing about this one), ``echo`` only a copy of a block since then.
    """
    rules = rules or default_page_rules()
    weights = rules.weights.model_dump()
    sizes = [n_words(b.text) for b in segment]
    cuts: list[int] = []
    last = 0
    for i, f in enumerate(page_features(segment, blocks, tails, rules)):
        if i == 0:
            continue
        f = features_since(f, segment, blocks, i, last, rules)
        if sum(weights[k] * v for k, v in f.items()) < rules.threshold:
            continue
        if sum(sizes[last:i]) >= min_words and sum(sizes[i:]) >= min_words:
            cuts.append(i)
            last = i
    return cuts
