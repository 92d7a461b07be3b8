"""Classify blocks as heading, body, list item, citation, call to action or boilerplate.

Precedence: what the markup says about boilerplate (an HTML ``<footer>``),
then repetition (a block whose normalised text occurs ``repeat.min_count``
times in one source is site furniture; a later copy of a block of
``repeat.duplicate_min_words`` words or more seen once before, such as a
page's title or lead repeated under its header, is removed and the first
copy kept), then the rules of
``resources/blocks.yaml`` (boilerplate, citation, cta), then the markup's
heading/list hints, then the shape of the text (short title-like lines are
headings), and last a run of very short headings is a navigation menu
(``navigation_run``). Sets ``block.kind``, ``block.rule_id`` and ``block.reason``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from pipeline.errors import ResourceError
from pipeline.ingest.blocks import is_heading_like
from pipeline.ingest.model import Block, BlockKind
from pipeline.ruledata import Meta, Strict, compile_pattern, load_yaml, resource_path

log = logging.getLogger(__name__)

_KIND_ORDER = {"boilerplate": 0, "citation": 1, "cta": 2}
_WORD = re.compile(r"\w+")


class RuleSpec(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: Literal["boilerplate", "citation", "cta"]
    reason: str
    any: list[str] = Field(default_factory=list)
    all: list[str] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)
    max_words: int | None = Field(default=None, gt=0)


class RepeatSpec(Strict):
    min_count: int = Field(ge=2)
    max_words: int = Field(gt=0)
    duplicate_min_words: int = Field(default=4, gt=0)


class NavigationSpec(Strict):
    min_blocks: int = Field(ge=2)
    max_words: int = Field(gt=0)
    # short blocks these rules removed ("Home", "Search", "Log in") are items of the menu too
    member_rules: list[str] = Field(default_factory=list)


class BlockRulesFile(Strict):
    meta: Meta
    repeat: RepeatSpec
    rules: list[RuleSpec]
    navigation_run: NavigationSpec | None = None


@dataclass(frozen=True)
class BlockRule:
    """A compiled rule from ``blocks.yaml``."""

    id: str
    kind: BlockKind
    reason: str
    any: tuple[re.Pattern[str], ...]
    all: tuple[re.Pattern[str], ...]
    none: tuple[re.Pattern[str], ...]
    max_words: int | None

    def matches(self, text: str, n_words: int) -> bool:
        if self.max_words is not None and n_words > self.max_words:
            return False
        if self.any and not any(p.search(text) for p in self.any):
            return False
        if not all(p.search(text) for p in self.all):
            return False
        return not any(p.search(text) for p in self.none)


@dataclass(frozen=True)
class BlockRules:
    """All block rules, ordered boilerplate, citation, cta (file order within a kind)."""

    rules: tuple[BlockRule, ...]
    repeat_min_count: int
    repeat_max_words: int
    meta: Meta
    duplicate_min_words: int = 4
    nav_min_blocks: int = 0  # 0: no navigation-run rule
    nav_max_words: int = 0
    nav_member_rules: frozenset[str] = frozenset()


def load_block_rules(path: Path | None = None) -> BlockRules:
    """Load and validate block rules (default: the packaged ``blocks.yaml``)."""
    path = path or resource_path("blocks.yaml")
    spec = load_yaml(path, BlockRulesFile)
    if not spec.rules:
        log.warning("%s: no block rules; only repeated blocks will be removed", path)
    ids = Counter(r.id for r in spec.rules)
    dupes = [i for i, n in ids.items() if n > 1]
    if dupes:
        raise ResourceError(f"{path}: duplicate rule ids {dupes}")
    compiled = []
    for r in sorted(spec.rules, key=lambda r: _KIND_ORDER[r.kind]):
        where = f"{path}: rule {r.id}"
        compiled.append(
            BlockRule(
                id=r.id,
                kind=BlockKind(r.kind),
                reason=r.reason,
                any=tuple(compile_pattern(p, where) for p in r.any),
                all=tuple(compile_pattern(p, where) for p in r.all),
                none=tuple(compile_pattern(p, where) for p in r.none),
                max_words=r.max_words,
            )
        )
    nav = spec.navigation_run
    unknown = set(nav.member_rules) - set(ids) if nav else set()
    if unknown:
        raise ResourceError(f"{path}: navigation_run member_rules name no rule: {sorted(unknown)}")
    return BlockRules(tuple(compiled), spec.repeat.min_count, spec.repeat.max_words, spec.meta,
                      spec.repeat.duplicate_min_words, nav.min_blocks if nav else 0,
                      nav.max_words if nav else 0,
                      frozenset(nav.member_rules) if nav else frozenset())


@lru_cache(maxsize=1)
def default_block_rules() -> BlockRules:
    return load_block_rules()


def normalise(text: str) -> str:
    """Case- and space-folded text used to find repeated blocks."""
    return " ".join(_WORD.findall(text.lower()))


def classify_blocks(blocks: list[Block], rules: BlockRules | None = None) -> list[Block]:
    """Set ``kind``, ``rule_id`` and ``reason`` on each block (in place); return them."""
    rules = rules or default_block_rules()
    counts = Counter(normalise(b.text) for b in blocks)
    seen: set[str] = set()
    for block in blocks:
        n_words = len(_WORD.findall(block.text))
        if block.hint is BlockKind.BOILERPLATE:
            block.kind = BlockKind.BOILERPLATE
            block.rule_id = block.rule_id or "markup"
            block.reason = block.reason or "page furniture (markup)"
            continue
        key = normalise(block.text)
        if counts[key] >= rules.repeat_min_count and n_words <= rules.repeat_max_words:
            block.kind, block.rule_id = BlockKind.BOILERPLATE, "repeated"
            block.reason = f"repeated block ({counts[key]} times in this source)"
            continue
        if key in seen and rules.duplicate_min_words <= n_words <= rules.repeat_max_words:
            block.kind, block.rule_id = BlockKind.BOILERPLATE, "duplicate"
            block.reason = "second copy of a block earlier in this source"
            continue
        seen.add(key)
        rule = next((r for r in rules.rules if r.matches(block.text, n_words)), None)
        if rule is not None:
            block.kind, block.rule_id, block.reason = rule.kind, rule.id, rule.reason
        elif block.hint is not None:
            block.kind = block.hint
        elif is_heading_like(block.text):
            block.kind = BlockKind.HEADING
        else:
            block.kind = BlockKind.BODY
    _navigation_runs(blocks, rules)
    return blocks


_LIST_MARK = re.compile(r"^\s*(?:[-*+•·▪‣◦]|\d{1,3}[.)])\s")


def _navigation_runs(blocks: list[Block], rules: BlockRules) -> None:
    """A run of ``nav_min_blocks`` or more consecutive headings of at most ``nav_max_words``
    words each, with no list marks, is a menu ("Home / About Us / Treatments / Contact"):
    removed. Short blocks a ``nav_member_rules`` rule already removed ("Home", "Log in")
    just before or inside the run count as its items; other removed blocks inside it are
    skipped. A list item or a body paragraph ends a run; the heading just over a body
    paragraph is a title (or the menu's last item: it counts towards the run but is kept)."""
    if not rules.nav_min_blocks:
        return
    run: list[Block] = []
    members = 0  # items of the run the block rules removed already
    for block in [*blocks, None]:
        short = (block is not None and block.kind is BlockKind.HEADING
                 and block.hint is not BlockKind.HEADING and not _LIST_MARK.match(block.text)
                 and len(_WORD.findall(block.text)) <= rules.nav_max_words)
        if short:
            run.append(block)
            continue
        if block is not None and block.removed:
            if block.rule_id in rules.nav_member_rules \
                    and len(_WORD.findall(block.text)) <= rules.nav_max_words:
                members += 1
                continue
            if run:
                continue  # chrome inside a menu does not end it
        over_body = bool(run) and block is not None and block.kind is BlockKind.BODY
        if over_body:
            run.pop()  # the heading over a paragraph is the page's title or a section's (kept)
        if run and len(run) + members + over_body >= rules.nav_min_blocks:
            for b in run:
                b.kind, b.rule_id, b.reason = BlockKind.BOILERPLATE, "navigation_run", "navigation menu"
        run, members = [], 0
