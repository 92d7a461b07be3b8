"""HTML main-content extraction (trafilatura) in front of the block rules (invented pages)."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest import ingest
from pipeline.ingest.readers.html import _parse, _root_blocks
from pipeline.ingest.readers.maincontent import RULE_ID, mark_outside_main

BODY = ("Knee pain in older adults often comes from worn cartilage. Our clinic injects cells "
        "taken from the patient's own fat into the joint, and most patients walk with less "
        "pain after six weeks. ")
LINKS = "".join(f"<div><a href='/p{k}'>Popular story number {k} this week</a></div>" for k in range(8))


def _page(extra: str = "") -> str:
    return ("<html><head><title>Knee Care | Example Clinic</title>"
            "<meta property='og:title' content='Joint Repair For Knees'></head><body>"
            f"<div class='wrap'>{LINKS}</div>"
            f"<div><h2>Joint Repair For Knees</h2><p>{BODY * 3}</p><h3>Recovery Time</h3>"
            f"<p>{BODY * 2}</p></div>{extra}</body></html>")


def test_link_list_outside_main_content_is_removed_and_listed(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page(), encoding="utf-8")
    result = ingest([str(path)])
    assert len(result.articles) == 1
    art = result.articles[0]
    assert art.title == "Joint Repair For Knees"
    assert "Popular story" not in art.text
    assert "Recovery Time" in art.text  # a heading stays with the text it heads
    listed = [r for r in result.removed if r.rule_id == RULE_ID]
    assert [r.text for r in listed] == [f"Popular story number {k} this week" for k in range(8)]


def test_without_main_content_the_rules_decide_alone() -> None:
    markup = "<html><body><p>Short note.</p></body></html>"
    _, blocks = _root_blocks(_parse(markup))
    assert mark_outside_main(blocks, markup) == 0
    assert [b.rule_id for b in blocks] == [""]


def test_several_article_elements_are_left_to_the_markup() -> None:
    arts = "".join(f"<article><h2>Page {k}</h2><p>{BODY * 2}</p></article>" for k in range(2))
    markup = f"<html><body>{LINKS}{arts}</body></html>"
    _, blocks = _root_blocks(_parse(markup))
    assert mark_outside_main(blocks, markup) == 0
