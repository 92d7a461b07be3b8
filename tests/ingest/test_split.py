"""The splitter on the sample and on variants: reordered, CRLF, cp1252, HTML."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import ARTICLES, article_lines, boilerplate_lines, variant_html, variant_text

from pipeline.ingest import ingest
from pipeline.ingest.blocks import text_blocks
from pipeline.ingest.classify import classify_blocks
from pipeline.ingest.model import BlockKind
from pipeline.ingest.split import SplitSettings, split_blocks, topic_boundaries

ORDER = list(ARTICLES)
CITED = {"parkinson": "35339180", "ipf": "29254275", "tbi": "35757508"}


def _norm(s: str) -> str:
    return " ".join(s.split())


def check_articles(path: Path, order: list[str]) -> None:
    result = ingest([str(path)])
    assert not result.skipped
    arts = result.articles
    assert len(arts) == len(order)
    furniture = {_norm(ln) for ln in boilerplate_lines()}
    for rec, name in zip(arts, order, strict=True):
        lines = article_lines(name)
        text = rec.text.replace("\r", "")
        kept = [ln for ln in text.split("\n") if ln.strip()]
        assert _norm(kept[0]) == _norm(lines[0]), name
        assert _norm(kept[-1]) == _norm(lines[-1]), name
        assert len(kept) == len(lines), name
        assert not furniture & {_norm(ln) for ln in kept}, name
        if name in CITED:
            assert rec.kind == "review_summary"
            assert rec.pmid == CITED[name]
            assert rec.pmcid.startswith("PMC") and rec.doi.startswith("10.")
        else:
            assert rec.kind == "web_page"
            assert rec.pmid == ""


def test_sample_splits_into_five(tmp_path: Path, sample_text: str) -> None:
    p = tmp_path / "sample.txt"
    p.write_text(sample_text, encoding="utf-8")
    check_articles(p, ORDER)


def test_offsets_slice_the_source(sample_text: str) -> None:
    from conftest import SAMPLE

    for rec in ingest([str(SAMPLE)]).articles:
        assert rec.text == sample_text[rec.start_char:rec.end_char]


@pytest.mark.parametrize("order", list(itertools.islice(itertools.permutations(ORDER), 0, None, 17)))
def test_reordered(tmp_path: Path, order: tuple[str, ...]) -> None:
    p = tmp_path / "reordered.txt"
    p.write_text(variant_text(list(order)), encoding="utf-8")
    check_articles(p, list(order))


@pytest.mark.parametrize(
    ("newline", "encoding"),
    [("\r\n", "utf-8"), ("\n", "utf-8-sig"), ("\n", "utf-16"), ("\r\n", "cp1252"),
     ("\r\n", "utf-16"), ("\n", "utf-16-le"), ("\r\n", "utf-16-be")],  # -le/-be: no BOM
)
def test_newlines_and_encodings(tmp_path: Path, newline: str, encoding: str) -> None:
    order = ["tbi", "back", "parkinson", "sci", "ipf"]
    p = tmp_path / "variant.txt"
    p.write_bytes(variant_text(order, newline).encode(encoding, errors="replace"))
    check_articles(p, order)


@pytest.mark.parametrize("markup", [True, False])
def test_html(tmp_path: Path, markup: bool) -> None:
    order = ["sci", "back", "ipf", "tbi", "parkinson"]
    p = tmp_path / "page.html"
    p.write_text(variant_html(order, markup), encoding="utf-8")
    check_articles(p, order)


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_html_crlf_without_declared_charset(tmp_path: Path, encoding: str) -> None:
    order = ["ipf", "parkinson", "tbi", "back", "sci"]
    p = tmp_path / "page.html"
    p.write_bytes(variant_html(order).replace("\n", "\r\n").encode(encoding, errors="replace"))
    check_articles(p, order)


def test_html_cp1252(tmp_path: Path) -> None:
    p = tmp_path / "page.htm"
    page = variant_html(ORDER).replace("<head>", '<head><meta charset="windows-1252">')
    p.write_bytes(page.encode("cp1252", errors="replace"))
    check_articles(p, ORDER)


def test_topic_shift_finds_articles_without_closing_lines(sample_text: str) -> None:
    """With citations and calls to action gone, lexical shift alone must not over-split."""
    cta_lines = {115, 116, 151, 152}  # the two pages' closing heading + call to action
    lines = [ln for k, ln in enumerate(sample_text.splitlines()[:177], start=1)
             if not ln.startswith("Source:") and k not in cta_lines]
    blocks = classify_blocks(text_blocks("\n".join(lines)))
    assert not any(b.kind in (BlockKind.CITATION, BlockKind.CTA) for b in blocks)
    kept = [b for b in blocks if not b.removed]
    cuts = topic_boundaries(kept, SplitSettings())
    starts = {kept[i].text[:40] for i in cuts}
    true_starts = {article_lines(n)[0][:40] for n in ORDER[1:]}
    assert starts <= true_starts  # no false split
    assert len(starts) >= 2  # and most real ones found


def test_fragments_are_reported() -> None:
    blocks = classify_blocks(text_blocks("Orphan Heading\nContact us today at 555-123-4567.\n"))
    articles, fragments = split_blocks(blocks)
    assert articles == []
    assert sum(len(f) for f in fragments) == 2


def test_cp1252_sample_keeps_its_curly_quotes(tmp_path: Path) -> None:
    order = ["parkinson", "back", "ipf", "sci", "tbi"]
    text = variant_text(order, "\r\n")
    assert "’" in text  # the sample has curly apostrophes
    p = tmp_path / "variant.txt"
    p.write_bytes(text.encode("cp1252", errors="replace"))  # a few signs have no cp1252 byte
    check_articles(p, order)
    decoded = "".join(a.text for a in ingest([str(p)]).articles)
    wanted = "".join(ln for name in order for ln in article_lines(name))
    wanted = wanted.encode("cp1252", errors="replace").decode("cp1252")
    for ch in "’“”–":
        assert decoded.count(ch) == wanted.count(ch), ch
