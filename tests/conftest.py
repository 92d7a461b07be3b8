"""Shared fixtures: the sample corpus, its article line ranges, and variants of it."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "stemedix_msc_articles.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# 1-based inclusive line ranges of the five articles, read off the sample by hand.
ARTICLES = {
    "parkinson": (1, 29),
    "ipf": (30, 50),
    "sci": (51, 116),
    "back": (117, 152),
    "tbi": (153, 177),
}
BOILERPLATE = (178, 219)


def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines()


def article_lines(name: str) -> list[str]:
    lo, hi = ARTICLES[name]
    return sample_lines()[lo - 1:hi]


def boilerplate_lines() -> list[str]:
    lo, hi = BOILERPLATE
    return sample_lines()[lo - 1:hi]


def variant_text(order: list[str], newline: str = "\n") -> str:
    """The sample with its articles in ``order``, boilerplate last."""
    lines = [ln for name in order for ln in article_lines(name)] + boilerplate_lines()
    return newline.join(lines) + newline


def variant_html(order: list[str], markup: bool = True) -> str:
    """The sample as an HTML page; with ``markup`` headings are <h2> and the site text a <footer>."""
    from pipeline.ingest.blocks import is_heading_like

    parts = ["<!DOCTYPE html><html><head><title>Stemedix</title>",
             "<style>p{margin:0}</style><script>var x = 1;</script></head><body>"]
    for name in order:
        for ln in article_lines(name):
            tag = "h2" if markup and is_heading_like(ln) else "p"
            parts.append(f"<{tag}>{html.escape(ln, quote=False)}</{tag}>")
    parts.append("<footer>" if markup else "<div>")
    parts.extend(f"<p>{html.escape(ln, quote=False)}</p>" for ln in boilerplate_lines())
    parts.append("</footer>" if markup else "</div>")
    parts.append("</body></html>")
    return "\n".join(parts)


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")
