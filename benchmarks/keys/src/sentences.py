"""Split the sample corpus into sentences (line = paragraph; split on . ! ? + space + capital)."""
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3] / "corpus" / "stemedix_msc_articles.txt"
# article spans by 1-based line number (inclusive)
ARTICLES = [("PD", 1, 29), ("IPF", 30, 50), ("SCI", 51, 116), ("BACK", 117, 152),
            ("TBI", 153, 177), ("CHROME", 178, 10**6)]
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“(])")


def article_of(lineno: int) -> str:
    for name, a, b in ARTICLES:
        if a <= lineno <= b:
            return name
    raise ValueError(lineno)


def sentences():
    out = []
    for i, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        parts = _SPLIT.split(line)
        merged = []
        for p in parts:
            if merged and merged[-1].endswith(" vs."):
                merged[-1] += " " + p
            else:
                merged.append(p)
        for p in merged:
            out.append((i, p))
    return out
