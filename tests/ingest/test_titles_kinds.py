"""Titles never a label, notice, chrome or markup; kinds from reader types and text cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ResourceError
from pipeline.ingest import ingest
from pipeline.ingest.kinds import guess_kind, load_kind_rules, reader_kind
from pipeline.ingest.titles import is_title, load_title_rules, metadata_title

BODY = ("Stromal cells were given to twenty volunteers with stiff knees, and most of them walked "
        "further after three months than they did before the first injection was given. ")


@pytest.mark.parametrize("text", ["Abstract", "Background", "1. Introduction", "Advertisement",
                                  "Global css", "---", 'img/photo.jpg">', "Directory Image",
                                  "Expression of Concern", "Research Paper Volume 3, Issue 2 pp 10-20",
                                  "key: x-1 authors: Doe, J", "Skip to main content",
                                  "Keywords: tendon; collagen", "Received: 2 May 2024",
                                  "Journal of Regenerative Tissues", "The Annals of Hand Surgery"])
def test_not_titles(text: str) -> None:
    assert not is_title(text)


@pytest.mark.parametrize("text", ["Stem cells for knee arthritis", "HSCT for MS: Chemotherapy Treatment",
                                  "A journal of one year on stem cell therapy for my knees.",
                                  "Stem Cell Therapy for Knee Arthritis | Example Clinic"])
def test_titles(text: str) -> None:
    assert is_title(text)


def test_metadata_title() -> None:
    line = "key: a1 authors: Doe, Jane title: Vesicles Heal Lungs date: 2021-01-01 journal: J X"
    assert metadata_title(line) == "Vesicles Heal Lungs"


@pytest.mark.parametrize(("text", "title"), [
    ("Abstract\n" + BODY * 2, "Stromal cells were given to twenty volunteers with stiff knees, and most "
     "of them walked further after three months than they did before the first injection was given."),
    ("Advertisement\nLog in\nKnee Cells Work\n" + BODY * 2, "Knee Cells Work"),
    ("---\ntitle: Front Matter Title\ndate: '2024-01-01'\n---\n" + BODY * 2, "Front Matter Title"),
])
def test_article_titles(tmp_path: Path, text: str, title: str) -> None:
    p = tmp_path / "doc.md"
    p.write_text(text, encoding="utf-8")
    (rec,) = ingest([str(p)]).articles
    assert rec.title == title
    assert "title:" not in rec.text


def test_html_page_title(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text('<html><head><title>Site | Home</title><meta property="og:title" content="Knee Cells">'
                 f"</head><body><div>Global css</div><p>{BODY * 2}</p></body></html>", encoding="utf-8")
    (rec,) = ingest([str(p)]).articles
    assert (rec.title, rec.kind) == ("Knee Cells", "web_page")


@pytest.mark.parametrize(("value", "kind"), [("research-article", "research_article"),
                                            ("review-article", "review"), ("news", "news"),
                                            ("no-such-type", None), ("", None)])
def test_reader_kind(value: str, kind: str | None) -> None:
    assert reader_kind(value) == kind


ABSTRACT = ("Background\nKnee pain is common.\nMethods\nIn this study, we examined 40 patients "
            "(n = 40) in a randomized design.\nResults\nPain fell significantly (p < 0.05).\n"
            "Conclusions\nCells helped.")
REVIEW = ("Abstract\nStromal cells act on many immune cells. In this review, we summarize how they "
          "do so and which factors they secrete.")
WEB = ("Are you a candidate for stem cell therapy? Our clinic offers treatment for your knees. "
       "Contact us to schedule a consultation.")
NEWS = ("Researchers will test cord blood in children.\nPosted: March 3, 2024\nA new study was approved.\n"
        "Recommended Videos")


@pytest.mark.parametrize(("text", "kind"), [(ABSTRACT, "abstract"), (REVIEW, "review"), (WEB, "web_page"),
                                           (NEWS, "news"), ("Cells are small.", "document")])
def test_guess_kind(text: str, kind: str) -> None:
    assert guess_kind(text) == kind


def test_news_furniture_removed_as_boilerplate_still_counts_for_the_kind(tmp_path: Path) -> None:
    """The byline and date line of a news page are removed, yet they tell its kind."""
    p = tmp_path / "news.txt"
    p.write_text("Town clinic opens cord blood bank\nBy Sam Reyes\nPosted: June 9, 2025\n"
                 "A clinic in the town opened a bank for cord blood on Monday, the first in the "
                 "county. \"Families asked for this for years,\" said the director. The bank "
                 "will store donated cord blood for patients who need a transplant.\n",
                 encoding="utf-8")
    (art,) = ingest([str(p)]).articles
    assert "By Sam Reyes" not in art.text and art.kind == "news"
    assert guess_kind(art.text, art.title) == "document"  # the kept text alone says less


def test_cited_source_is_review_summary() -> None:
    assert guess_kind(REVIEW, cited=True) == "review_summary"


def test_rule_files_validate(tmp_path: Path) -> None:
    assert load_kind_rules().cues and load_title_rules().not_titles
    bad = tmp_path / "kinds.yaml"
    bad.write_text("meta: {name: x, version: '1', source: s, licence: l}\nthreshold: 1\n"
                   "reader_types: {a: not_a_kind}\ncues: []\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"reader_types"):
        load_kind_rules(bad)
