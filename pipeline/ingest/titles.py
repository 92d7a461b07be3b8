"""Article titles: the cited paper's, the page's, a title line at the top, else a sentence.

Order: the title of the cited source (a review summary's ``Source:`` line);
the reader's title (JATS ``article-title``, PubMed/BioC title, HTML
``og:title``/``<h1>``/``<title>``, ``title`` of YAML/TOML front matter, a
``title:`` field of a metadata line); a heading among the article's first
blocks (before its first long paragraph); else the first informative sentence
(at least ``MIN_SENTENCE_WORDS`` words). A candidate matching
``resources/titles.yaml`` (section labels, notices, chrome, markup, metadata)
is never chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import Field

from pipeline.ingest.model import Block, BlockKind
from pipeline.ruledata import Meta, Strict, compile_pattern, load_yaml, resource_path

MIN_SENTENCE_WORDS = 5
SCAN_BLOCKS = 8
LONG_PARAGRAPH_WORDS = 30
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9“\"‘(])")
_WORD = re.compile(r"\w+")
_META_TITLE = re.compile(
    r"\btitle:\s*(?P<t>.+?)\s+(?=(date|journal|doi|authors?|sha|doc_id|key|source|description|"
    r"year|abstract)\s*:)", re.IGNORECASE)


class TitlesFile(Strict):
    meta: Meta
    max_words: int = Field(gt=0)
    not_titles: list[str]


@dataclass(frozen=True)
class TitleRules:
    max_words: int
    not_titles: tuple[re.Pattern[str], ...]
    meta: Meta


def load_title_rules(path: Path | None = None) -> TitleRules:
    """Load and validate ``titles.yaml``."""
    path = path or resource_path("titles.yaml")
    spec = load_yaml(path, TitlesFile)
    return TitleRules(spec.max_words, tuple(compile_pattern(p, f"{path}: not_titles")
                                            for p in spec.not_titles), spec.meta)


@lru_cache(maxsize=1)
def default_title_rules() -> TitleRules:
    return load_title_rules()


def clean(text: str) -> str:
    return " ".join(text.strip().lstrip("#").split())


def is_title(text: str, rules: TitleRules | None = None) -> bool:
    """A usable title: words, not too long, and no ``not_titles`` pattern."""
    rules = rules or default_title_rules()
    flat = clean(text)
    n = len(_WORD.findall(flat))
    if not n or n > rules.max_words or not any(ch.isalpha() for ch in flat):
        return False
    return not any(p.search(flat) for p in rules.not_titles)


def metadata_title(text: str) -> str:
    """The ``title:`` field of a one-line metadata record (CORD-19 style), or ""."""
    m = _META_TITLE.search(text[:3000])
    return clean(m["t"]) if m else ""


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence of ``text``, cut at ``limit`` characters on a word boundary."""
    flat = " ".join(text.split())
    sentence = _SENTENCE.split(flat, maxsplit=1)[0]
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + "…"
    return sentence


def informative_sentence(blocks: list[Block], rules: TitleRules | None = None) -> str:
    """The first sentence of a body block with enough words that is not chrome or metadata."""
    for block in blocks:
        if block.kind is not BlockKind.BODY:
            continue
        flat = " ".join(block.text.split())
        for sentence in _SENTENCE.split(flat):
            words = _WORD.findall(sentence)
            if len(words) >= MIN_SENTENCE_WORDS and is_title(" ".join(words[:12]), rules):
                return first_sentence(sentence)
    return ""


def article_title(part: list[Block], *given: str, rules: TitleRules | None = None) -> str:
    """The title of an article made of ``part`` (kept blocks); ``given`` titles first, in order."""
    rules = rules or default_title_rules()
    for title in given:
        if title and is_title(title, rules):
            return clean(title)
    for block in part[:SCAN_BLOCKS]:
        if block.kind is BlockKind.HEADING and is_title(block.text, rules):
            return clean(block.text)
        if block.kind is BlockKind.BODY and len(_WORD.findall(block.text)) >= LONG_PARAGRAPH_WORDS:
            break
    for block in part:
        meta = metadata_title(block.text)
        if meta and is_title(meta, rules):
            return meta
        if block.kind is BlockKind.BODY:
            break
    sentence = informative_sentence(part, rules)
    if sentence:
        return sentence
    body = next((b for b in part if b.kind is BlockKind.BODY), part[0])
    return first_sentence(body.text)
