"""Lexical cohesion between neighbouring stretches of text (TextTiling).

Implements the block-comparison measure of Hearst (1997), "TextTiling:
Segmenting Text into Multi-paragraph Subtopic Passages", Computational
Linguistics 23(1): at each gap between blocks, the cosine similarity of the
content-word counts of a window of words before and after the gap, and the
*depth* of each gap: how far the similarity falls below the nearest peaks on
either side. A deep valley is where the vocabulary changes, i.e. where a new
text begins. Stop words are spaCy's English list; words are lower-cased and
lightly stemmed (plural -s) so that "cell" and "cells" count together.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

_TOKEN = re.compile(r"[a-z][a-z0-9]+(?:[-'][a-z0-9]+)*")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (imported on first use: importing spaCy costs about a second,
    which a run with nothing new to read must not pay)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def content_words(text: str) -> list[str]:
    """Lower-cased content words of ``text`` (no stop words, plural -s folded)."""
    out = []
    stop = stop_words()
    for tok in _TOKEN.findall(text.lower().replace("’", "'")):
        if tok in stop or len(tok) < 3:
            continue
        if tok.endswith("s") and not tok.endswith("ss") and len(tok) > 4:
            tok = tok[:-1]
        out.append(tok)
    return out


def cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two bags of words (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    dot = sum(n * b[w] for w, n in a.items() if w in b)
    norm = math.sqrt(sum(n * n for n in a.values())) * math.sqrt(sum(n * n for n in b.values()))
    return dot / norm


def gap_similarities(words: Sequence[Sequence[str]], window: int = 120) -> list[float]:
    """Similarity at each gap between consecutive blocks (len(words) - 1 values).

    ``words[i]`` are block i's content words; each side of a gap takes whole
    blocks until it holds at least ``window`` words.
    """
    sims: list[float] = []
    for gap in range(1, len(words)):
        left: Counter[str] = Counter()
        i = gap - 1
        while i >= 0 and sum(left.values()) < window:
            left.update(words[i])
            i -= 1
        right: Counter[str] = Counter()
        j = gap
        while j < len(words) and sum(right.values()) < window:
            right.update(words[j])
            j += 1
        sims.append(cosine(left, right))
    return sims


def depth_scores(sims: Sequence[float]) -> list[float]:
    """Hearst's depth score of each gap: (left peak - s) + (right peak - s)."""
    depths = []
    for k, s in enumerate(sims):
        left_peak = s
        for v in reversed(sims[:k]):
            if v < left_peak:
                break
            left_peak = v
        right_peak = s
        for v in sims[k + 1:]:
            if v < right_peak:
                break
            right_peak = v
        depths.append((left_peak - s) + (right_peak - s))
    return depths
