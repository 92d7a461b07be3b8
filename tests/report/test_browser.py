"""The report in a real browser (Playwright driving Debian's chromium), opened from file:// offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("MECHMINE_CHROMIUM", "/usr/bin/chromium"))
SHOTS = Path(os.environ.get("MECHMINE_SCREENSHOTS", "/tmp/report"))

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (test extra)")
pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(),
                                reason=f"no chromium at {CHROMIUM} (apt-get install chromium)")


@pytest.fixture
def page(mini_run: Path):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        tab.on("pageerror", lambda err: errors.append(str(err)))
        tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (errors.append(f"network: {route.request.url}"), route.abort()))
        tab.goto((mini_run / "report.html").as_uri())
        yield tab
        assert errors == []
        browser.close()


def test_cell_click_shows_its_evidence_rows(page, mini_run: Path) -> None:
    from pipeline import load_outputs

    evidence = load_outputs(mini_run)["mechanisms"]
    assert page.locator("#evidence").is_hidden()
    cell = page.locator("#heatmap td.hit").first
    article, mech = cell.get_attribute("data-key").split("|")
    expected = evidence[(evidence.article_id == article) & (evidence.mechanism_id == mech)]
    cell.click()
    assert page.locator("#evidence").is_visible()
    rows = page.locator("#evidence-rows tr")
    assert rows.count() == len(expected) == int(cell.inner_text())
    assert rows.locator("td:nth-child(2)").all_inner_texts() == expected.text.tolist()
    relation_rows = page.locator("#evidence-rows tr.ev-relation")
    if relation_rows.count():
        assert relation_rows.first.locator("mark.subj").count() == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "browser_cell.png"), full_page=False)


def test_filters_and_search_narrow_the_relation_table(page, mini_run: Path) -> None:
    from pipeline import load_outputs

    relations = load_outputs(mini_run)["relations"]
    assert page.locator("#relation-rows tr").count() == len(relations)
    page.select_option("select[data-field=negated]", "true")
    assert page.locator("#relation-rows tr").count() == int(relations.negated.sum()) >= 1
    page.select_option("select[data-field=negated]", "")
    page.fill("#search", "bdnf")
    hits = relations[(relations.subject_text + " " + relations.object_text + " " + relations.sentence + " "
                      + relations.predicate).str.lower().str.contains("bdnf")]
    assert page.locator("#relation-rows tr").count() == len(hits) >= 1
    assert page.inner_text("#relation-count").startswith(f"{len(hits)} of {len(relations)}")


def test_graph_renders_and_sentence_links_open_the_text(page) -> None:
    graph = page.locator("svg#relation-graph")
    box = graph.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 200
    assert page.locator("svg#relation-graph circle").count() >= 2
    assert page.locator("svg#relation-graph path.edge").count() >= 1
    graph.screenshot(path=str(SHOTS / "browser_graph.png"))
    page.locator("article a.to-sentence").first.click()
    target = page.locator(".sent:target")
    assert target.count() == 1 and target.is_visible()
