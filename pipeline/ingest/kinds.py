"""Article kinds: from what a reader states, else one scoring step over text cues.

``resources/kinds.yaml`` maps reader types (JATS ``article-type``, BioC and
JSONL ``type``/``kind``) to mechmine kinds and lists weighted cues; see its
header for the scoring. Context the splitter knows is scored the same way:
a cited source (``review_summary``) and a call to action or an HTML page
(``web_page``), with the weights below.

Kinds: ``abstract``, ``review``, ``review_summary``, ``research_article``,
``full_text``, ``web_page``, ``news``, and ``document`` when nothing fits.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from pipeline.errors import ResourceError
from pipeline.ruledata import Meta, Strict, compile_pattern, load_yaml, resource_path

Kind = Literal["abstract", "review", "review_summary", "research_article", "full_text", "web_page",
               "news", "document"]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
# ties go to the more specific kind
_TIE_ORDER = ("review_summary", "review", "research_article", "news", "web_page", "abstract",
              "full_text", "document")
HEAD_WORDS = 250
# context weights (the splitter's evidence, not text cues)
CITED_SOURCE_WEIGHT = 10.0
CTA_BLOCK_WEIGHT = 3.0
CHROME_WEIGHT = 1.0  # site chrome (menus, cookie notices, forms) was removed around the article
HTML_PAGE_WEIGHT = 2.0
_WORD = re.compile(r"\w+")


class CueSpec(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: Kind
    weight: float = Field(gt=0)
    # removed: the boilerplate removed in or just before the article (bylines, date lines)
    where: Literal["title", "head", "text", "removed"]
    any: list[str] = Field(min_length=1)
    min_count: int = Field(default=1, ge=1)
    min_words: int = Field(default=0, ge=0)
    max_words: int | None = Field(default=None, gt=0)


class KindsFile(Strict):
    meta: Meta
    threshold: float = Field(gt=0)
    reader_types: dict[str, Kind]
    cues: list[CueSpec]


@dataclass(frozen=True)
class Cue:
    id: str
    kind: str
    weight: float
    where: str
    patterns: tuple[re.Pattern[str], ...]
    min_count: int
    min_words: int
    max_words: int | None

    def fires(self, title: str, head: str, text: str, n_words: int, removed: str = "") -> bool:
        if n_words < self.min_words or (self.max_words is not None and n_words > self.max_words):
            return False
        target = {"title": title, "head": head, "text": text, "removed": removed}[self.where]
        count = 0
        for pattern in self.patterns:
            count += sum(1 for _ in pattern.finditer(target))
            if count >= self.min_count:
                return True
        return False


@dataclass(frozen=True)
class KindRules:
    threshold: float
    reader_types: dict[str, str]
    cues: tuple[Cue, ...]
    meta: Meta


def load_kind_rules(path: Path | None = None) -> KindRules:
    """Load and validate ``kinds.yaml`` (unknown keys and kinds rejected)."""
    path = path or resource_path("kinds.yaml")
    spec = load_yaml(path, KindsFile)
    ids = Counter(c.id for c in spec.cues)
    dupes = [i for i, n in ids.items() if n > 1]
    if dupes:
        raise ResourceError(f"{path}: duplicate cue ids {dupes}")
    cues = tuple(
        Cue(c.id, c.kind, c.weight, c.where,
            tuple(re.compile(compile_pattern(p, f"{path}: cue {c.id}").pattern,
                             re.IGNORECASE | re.MULTILINE) for p in c.any),
            c.min_count, c.min_words, c.max_words)
        for c in spec.cues
    )
    types = {k.lower(): v for k, v in spec.reader_types.items()}
    return KindRules(spec.threshold, types, cues, spec.meta)


@lru_cache(maxsize=1)
def default_kind_rules() -> KindRules:
    return load_kind_rules()


def reader_kind(value: str, rules: KindRules | None = None) -> str | None:
    """The kind a reader's stated type means (None when unknown or empty)."""
    rules = rules or default_kind_rules()
    return rules.reader_types.get(value.strip().lower()) if value else None


def kind_scores(text: str, title: str = "", *, cited: bool = False, cta: bool = False,
                html: bool = False, chrome: bool = False, rules: KindRules | None = None,
                removed: str = "") -> dict[str, float]:
    """Score of each kind for one article (only kinds with evidence); ``removed`` is the text of
    the boilerplate blocks removed in or just before it, one per line."""
    rules = rules or default_kind_rules()
    words = _WORD.findall(text)
    n_words = len(words)
    head_end = _head_end(text, HEAD_WORDS)
    head = text[:head_end]
    scores: Counter[str] = Counter()
    for cue in rules.cues:
        if cue.fires(title, head, text, n_words, removed):
            scores[cue.kind] += cue.weight
    if cited:
        scores["review_summary"] += CITED_SOURCE_WEIGHT
    if cta:
        scores["web_page"] += CTA_BLOCK_WEIGHT
    if html:
        scores["web_page"] += HTML_PAGE_WEIGHT
    if chrome:
        scores["web_page"] += CHROME_WEIGHT
    return dict(scores)


def guess_kind(text: str, title: str = "", *, cited: bool = False, cta: bool = False,
               html: bool = False, chrome: bool = False, rules: KindRules | None = None,
               removed: str = "") -> str:
    """The best-scoring kind, or ``document`` when no kind reaches the threshold.

    Ties go to the more specific kind (``_TIE_ORDER``).
    """
    rules = rules or default_kind_rules()
    scores = kind_scores(text, title, cited=cited, cta=cta, html=html, chrome=chrome, rules=rules,
                         removed=removed)
    if not scores:
        return "document"
    best = max(scores, key=lambda k: (scores[k], -_TIE_ORDER.index(k)))
    return best if scores[best] >= rules.threshold else "document"


def _head_end(text: str, n: int) -> int:
    for k, m in enumerate(_WORD.finditer(text)):
        if k == n:
            return m.start()
    return len(text)
