"""Page evidence of pages.yaml 1.4: a glued paragraph and a page repeating its own title
under its header (echo) (invented pages, no citations)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.ingest.blocks import text_blocks
from pipeline.ingest.classify import classify_blocks
from pipeline.ingest.model import Block
from pipeline.ingest.pagecues import body_glue_point
from pipeline.ingest.pages import page_features
from tests.ingest.conftest import nonblank_lines as _lines

HIP = ("Hip joints wear out with age and sport. The team grows cells from a small sample of "
       "the patient's own bone marrow and returns them to the hip, where they are meant to "
       "calm swelling over the following months")  # cut off mid-sentence, no final stop
GOUT = ("Gouty arthritis (GA) is a painful joint disease caused by crystals of uric acid. Our "
        "clinic treats the swollen joint with cells taken from the patient's own fat, and most "
        "patients report less pain and swelling after two months of care.")
GOUT2 = ("Each visit takes about an hour. A nurse checks the joint, the blood pressure and the "
         "diet diary, and the doctor adjusts the plan when a flare comes back too soon.")


def _segment(texts: list[str]) -> tuple[list[Block], list[Block]]:
    blocks = text_blocks("\n\n".join(texts))
    classify_blocks(blocks)
    return [b for b in blocks if not b.removed], blocks


@pytest.mark.parametrize(("text", "tail"), [
    ("the cells were returned to the hip over the following months and aGouty arthritis "
     "(GA) is a painful joint disease of the toes", "Gouty arthritis (GA) is a painful joint "
     "disease of the toes"),
    ("most patients walk again within six weeks of the injection.Gouty arthritis is a "
     "painful joint disease caused by uric acid", "Gouty arthritis is a painful joint "
     "disease caused by uric acid"),
    # italics lost inside one paper: the head is too short, or the tail is
    ("LPS fromEscherichia coli serotype O111 was used at ten nanograms per millilitre", None),
    ("cells were counted twice over three days in every culture well.Runx proteins bind", None),
    ("I-kappaBalpha phosphorylation was reduced in the cells treated with the drug", None),
])
def test_body_glue_point(text: str, tail: str | None) -> None:
    cut = body_glue_point(text)
    assert (None if cut is None else text[cut:]) == tail


def test_an_untitled_page_glued_onto_the_last_line_starts_a_page(
        _articles: Callable[[str], list[str]]) -> None:
    page_a = f"Hip Care Explained\n\n{HIP}"  # cut off, and no final newline
    arts = _articles(f"{page_a}{GOUT}\n\n{GOUT2}\n")
    assert [_lines(a)[0] for a in arts] == ["Hip Care Explained", GOUT]
    assert [_lines(a)[-1] for a in arts] == [HIP, GOUT2]


def test_a_page_repeating_its_own_title_under_its_header_goes_on(
        _articles: Callable[[str], list[str]]) -> None:
    title = "Gout Treatment With Your Own Cells"
    text = (f"{title}\n\n{GOUT}\n\n{GOUT2}\n\nShare on Facebook\n\n{title}\n\nUpdated on\n\n"
            f"Gouty arthritis (GA) is a disease that our doctors treat with care every day of "
            f"the week, and {GOUT2}\n")
    kept, blocks = _segment([text])
    dupes = [b for b in blocks if b.rule_id == "duplicate"]
    assert [b.text for b in dupes] == [title]  # the second copy only
    feats = page_features(kept, blocks, set())
    assert feats[3].get("echo") == 1.0
    assert len(_articles(text)) == 1
    # without the repeated title the same gap is no echo
    alone, blocks = _segment([text.replace(f"\n\n{title}\n\nUpdated", "\n\nUpdated")])
    assert "echo" not in page_features(alone, blocks, set())[3]


@pytest.mark.parametrize(("lead", "value"), [
    ("Cord blood banking is a service that freezes the blood left in the umbilical cord.", 0.5),
    ("Because cord blood is a rich source of cells, banks freeze it after birth.", None),
])
def test_an_untitled_opening_is_a_weak_title(lead: str, value: float | None) -> None:
    kept, blocks = _segment(["Hip Care Explained", GOUT, lead])
    assert page_features(kept, blocks, set())[2].get("title") == value
