"""Three invented pages in the styles of a clinic, a news site and a publisher's abstract page,
glued into one file in every order with no separator, a newline or a blank line (no citations):
each comes out as its own article with its own first and last lines, title and kind."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.ingest import ingest
from tests.ingest.conftest import nonblank_lines

CLINIC = """Stem Cell Therapy for Hip Pain | Riverside Regen Clinic
Home
About Us
Treatments
Contact
Hip pain is one of the most common reasons adults over fifty stop walking for exercise. Worn \
cartilage, old sports injuries and inflamed tendons can all make the joint stiff and sore.
At Riverside Regen Clinic we collect a small amount of the patient's own bone marrow, concentrate \
the cells in our laboratory and inject them into the hip under ultrasound guidance.
What to expect after treatment
Most patients go home the same day. Mild soreness around the injection site usually fades within \
a week, and many people notice easier movement after six to eight weeks.
• less morning stiffness
• longer walks without pain
Call us today at (555) 201-3344 to book a consultation."""

NEWS = """Local hospital begins trial of cord cells for stroke survivors
By Maria Lopez
Posted: March 3, 2025
A hospital in the city has started enrolling patients in a study that will test whether cells \
taken from donated umbilical cords can help people recover after a stroke.
The trial will include 40 adults who had a stroke within the past year. Half will receive an \
infusion of the cells and half a salt solution, and neither group will know which it got.
"We hope to see better arm and hand movement," said the lead neurologist. "But this is an early \
study and we need to be careful about what we promise."
Results are expected in two years.
Copyright 2025 Channel 9 News. All rights reserved."""

JOURNAL = """Journal of Regenerative Tissues
Original Article
Adipose stromal cells reduce scarring in a rat model of tendon injury
Abstract
Tendon injuries heal slowly and often leave stiff scar tissue. We tested whether stromal cells \
from fat tissue improve healing of the Achilles tendon in rats.
Forty rats received either cells or saline one day after a surgical cut. Cell-treated tendons had \
less collagen type III, more aligned fibres and higher breaking strength at four weeks (p < 0.01).
Adipose stromal cells may be a useful addition to tendon repair surgery.
Keywords: tendon; stromal cells; collagen; scar
Buy article PDF for instant access"""

PAGES = {"clinic": CLINIC, "news": NEWS, "journal": JOURNAL}
WANT = {  # title, kind, first and last kept lines
    "clinic": ("Stem Cell Therapy for Hip Pain | Riverside Regen Clinic", "web_page",
               "Stem Cell Therapy for Hip Pain | Riverside Regen Clinic",
               "Call us today at (555) 201-3344 to book a consultation."),
    "news": ("Local hospital begins trial of cord cells for stroke survivors", "news",
             "Local hospital begins trial of cord cells for stroke survivors",
             "Results are expected in two years."),
    "journal": ("Adipose stromal cells reduce scarring in a rat model of tendon injury", "abstract",
                "Journal of Regenerative Tissues",
                "Keywords: tendon; stromal cells; collagen; scar"),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_alone(tmp_path: Path, name: str) -> None:
    p = tmp_path / f"{name}.txt"
    p.write_text(PAGES[name] + "\n", encoding="utf-8")
    (art,) = ingest([str(p)]).articles
    title, kind, first, last = WANT[name]
    assert (art.title, art.kind) == (title, kind)
    lines = nonblank_lines(art.text)
    assert (lines[0], lines[-1]) == (first, last)


@pytest.mark.parametrize("sep", ["", "\n", "\n\n"])
@pytest.mark.parametrize("order", list(itertools.permutations(PAGES)))
def test_glued_pages_in_any_order(tmp_path: Path, order: tuple[str, ...], sep: str) -> None:
    p = tmp_path / "glued.txt"
    p.write_text("".join(PAGES[n] + sep for n in order), encoding="utf-8")
    arts = ingest([str(p)]).articles
    assert [nonblank_lines(a.text)[0] for a in arts] == [WANT[n][2] for n in order]
    assert [nonblank_lines(a.text)[-1] for a in arts] == [WANT[n][3] for n in order]
    assert [a.title for a in arts] == [WANT[n][0] for n in order]


def test_the_footer_glued_to_the_next_title_is_cut(_articles: Callable[[str], list[str]]) -> None:
    arts = _articles(NEWS + CLINIC + "\n")  # "...All rights reserved.Stem Cell Therapy ..."
    assert [nonblank_lines(a)[0] for a in arts] == [WANT["news"][2], WANT["clinic"][2]]
