"""Markdown markup is blanked for the NLP, the prose kept (pipeline/ingest/markdown.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import blank_spans, ingest_file
from pipeline.ingest.markdown import markup_spans, merge
from pipeline.ingest.sources import expand_paths

# (markdown, what the NLP reads: blanked markup squeezed to single spaces)
CASES = {
    "heading": ("## Mechanisms of repair", "Mechanisms of repair"),
    "closing hashes": ("# Title ##", "Title"),
    "strong and emphasis": ("**MSCs** secrete *IL-10* and __BDNF__.", "MSCs secrete IL-10 and BDNF ."),
    "link keeps its text": ("see [IL-10](https://x.org/il10 \"t\") now", "see IL-10 now"),
    "image is blanked": ("![figure 1](fig1.png) MSCs", "MSCs"),
    "autolink": ("at <https://x.org/a> today", "at today"),
    "inline tag": ("MSCs <em>secrete</em> IL-6<br/>", "MSCs secrete IL-6"),
    "list markers": ("- MSCs reduce fibrosis.\n2. IL-6 rises.", "MSCs reduce fibrosis.\nIL-6 rises."),
    "quote": ("> MSCs home to injury.", "MSCs home to injury."),
    "table": ("| factor | effect |\n|---|:---:|\n| IL-6 | up |", "factor effect\n\nIL-6 up"),
    "rule": ("Text.\n\n---\n\nMore.", "Text.\n\n\n\nMore."),
    "code span whole": ("run `mechmine *run*` here", "run here"),
    "fenced block whole": ("Before.\n```\nx = *a*\n```\nAfter.", "Before.\n\n\n\nAfter."),
    "reference definition": ("Text [a][1].\n\n[1]: https://x.org", "Text [a][1].\n\n"),
    # no markup: snake_case words, a lone asterisk, an allele name, arithmetic
    "underscore inside words": ("the gene_name field", "the gene_name field"),
    "allele star": ("HLA-A*02:01 and p < 0.05*", "HLA-A*02:01 and p < 0.05*"),
    "comparison is no tag": ("IL-6 < 5 pg and > 2", "IL-6 < 5 pg and > 2"),
}


def squeeze(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


@pytest.mark.parametrize("markdown,prose", CASES.values(), ids=CASES.keys())
def test_markup_is_blanked(markdown: str, prose: str) -> None:
    spans = markup_spans(markdown)
    blanked = blank_spans(markdown, spans)
    assert len(blanked) == len(markdown)
    assert squeeze(blanked) == prose


def test_merge_joins_overlapping_and_touching_spans() -> None:
    assert merge([(5, 7), (0, 2), (2, 3), (6, 9), (4, 4)]) == [(0, 3), (5, 9)]


def test_markdown_file_keeps_its_text_and_masks_the_markup(tmp_path: Path) -> None:
    path = tmp_path / "k.md"
    path.write_text("---\ntitle: MSCs in knee OA\n---\n# Mechanisms\n\n**MSCs** secrete "
                    "[IL-10](https://x.org/il10), which suppresses T cells.\n", encoding="utf-8")
    (item,), _ = expand_paths([str(path)])
    result = ingest_file(item)
    (article,) = result.articles
    assert article.title == "MSCs in knee OA"
    assert "**MSCs**" in article.text  # shown as written
    nlp_text = blank_spans(article.text, result.nlp_masks[article.article_id])
    assert squeeze(nlp_text).strip() == (
        "Mechanisms\n\nMSCs secrete IL-10 , which suppresses T cells.")


def test_plain_text_is_not_masked(tmp_path: Path) -> None:
    path = tmp_path / "k.txt"
    path.write_text("**MSCs** secrete IL-10 in knee osteoarthritis and reduce pain in patients.\n",
                    encoding="utf-8")
    (item,), _ = expand_paths([str(path)])
    result = ingest_file(item)
    assert result.nlp_masks == {}
