"""Page boundaries in glued multi-page text (invented pages, no citations)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.errors import ResourceError
from pipeline.ingest.pages import glue_point, load_page_rules
from tests.ingest.conftest import nonblank_lines as _lines

BODY_A = ("Knee pain in older adults often comes from worn cartilage. Our clinic injects "
          "cells taken from the patient's own fat into the joint. Most patients walk "
          "with less pain after six weeks, and some return to running within a year.")
BODY_A2 = ("The procedure takes one morning under local anaesthetic. Patients go home the "
           "same day and should rest the leg for two days before light walking again.")
BODY_B = ("Asthma narrows the airways of the lungs and makes breathing hard. Researchers "
          "are testing whether infused cord cells calm the airway inflammation that drives "
          "attacks in children with severe disease who do not respond to inhalers.")
BODY_B2 = ("The trial will follow forty children for two years and measure how often "
           "they need emergency care compared with children given a placebo.")

PAGE_A = f"Joint Repair For Knees | Example Clinic\n\n{BODY_A}\n\nRecovery\n\n{BODY_A2}"
PAGE_B = f"Cord Cells Tested In Childhood Asthma\n\n{BODY_B}\n\nWhat Happens Next\n\n{BODY_B2}"


def test_glued_without_newline_splits_at_the_glue(_articles: Callable[[str], list[str]]) -> None:
    arts = _articles(PAGE_A + PAGE_B)  # the first file has no final newline
    assert len(arts) == 2
    assert _lines(arts[0])[0] == "Joint Repair For Knees | Example Clinic"
    assert _lines(arts[0])[-1] == BODY_A2
    assert _lines(arts[1])[0] == "Cord Cells Tested In Childhood Asthma"
    assert _lines(arts[1])[-1] == BODY_B2


def test_chrome_run_and_title_split_pages(_articles: Callable[[str], list[str]]) -> None:
    chrome = "Skip to main content\nThis website uses cookies to improve your experience."
    arts = _articles(f"{PAGE_A}\n\n{chrome}\n\n{PAGE_B}\n")
    assert len(arts) == 2
    assert _lines(arts[1])[0] == "Cord Cells Tested In Childhood Asthma"
    assert not any("cookies" in a for a in arts)


def test_section_headings_alone_do_not_split(_articles: Callable[[str], list[str]]) -> None:
    text = f"{PAGE_A}\n\nSymptoms\n\n{BODY_A}\n\nTreatment Options\n\n{BODY_A2}\n"
    assert len(_articles(text)) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("cells were given to the patients and aGlobal css", "Global css"),
    ("the last line of a long clinic page ends here.Next Page Title", "Next Page Title"),
    ("Translate »Directory Image", "Directory Image"),
    ("Follow us on YouTube", None),  # camel case inside a short line
    ("We compared the PubMed records of both groups over ten years.", None),
])
def test_glue_point(text: str, expected: str | None) -> None:
    cut = glue_point(text, 15)
    assert (None if cut is None else text[cut:]) == expected


def test_page_rules_reject_unknown_keys(tmp_path: Path) -> None:
    good = Path(__file__).parents[2] / "pipeline" / "resources" / "pages.yaml"
    assert load_page_rules(good).threshold > max(load_page_rules(good).weights.title, 0)
    bad = tmp_path / "pages.yaml"
    bad.write_text(good.read_text(encoding="utf-8") + "surprise: 1\n", encoding="utf-8")
    with pytest.raises(ResourceError):
        load_page_rules(bad)


# -- evidence added in pages.yaml 1.1: each case alone would not reach the threshold
#    with a title only; the new feature tips it over (the same text without it stays one).
BODY_C = ("Hip joints wear out with age and sport. The team grows cells from a small "
          "sample of the patient's own bone marrow and returns them to the hip, where "
          "they are meant to calm swelling over the following months.")


def test_closing_call_to_action_ends_a_page(_articles: Callable[[str], list[str]]) -> None:
    page_a = f"Hip Care Explained\n\n{BODY_C}\n\nTo book a visit, click here.\n"
    with_closer = _articles(f"{page_a}\nCord Cells Tested In Childhood Asthma\n\n{BODY_B}\n")
    assert len(with_closer) == 2
    assert _lines(with_closer[0])[-1] == "To book a visit, click here."
    assert _lines(with_closer[1])[0] == "Cord Cells Tested In Childhood Asthma"


def test_repeated_footer_ends_each_page(_articles: Callable[[str], list[str]]) -> None:
    footer = "Share on Facebook"  # removed as a social widget, on every page
    text = (f"Hip Care Explained\n\n{BODY_C}\n\n{footer}\n\n"
            f"Cord Cells Tested In Childhood Asthma\n\n{BODY_B}\n\n{footer}\n")
    arts = _articles(text)
    assert [_lines(a)[0] for a in arts] == ["Hip Care Explained", "Cord Cells Tested In Childhood Asthma"]
    assert not any(footer in a for a in arts)


def test_site_change_starts_a_page(_articles: Callable[[str], list[str]]) -> None:
    text = (f"www.alpha-clinic.example\n\nHip Care Explained\n\n{BODY_C}\n\n"
            f"www.beta-health.example\n\nCord Cells Tested In Childhood Asthma\n\n{BODY_B}\n")
    arts = _articles(text)
    assert len(arts) == 2
    assert _lines(arts[1])[-1] == BODY_B
    same_site = text.replace("beta-health", "alpha-clinic")
    assert len(_articles(same_site)) <= 2  # a repeated header is evidence too, never fewer pages


@pytest.mark.parametrize("sep", ["", "\n", "\n\n"])
def test_pages_split_in_either_order(_articles: Callable[[str], list[str]], sep: str) -> None:
    for first, second in ((PAGE_A, PAGE_B), (PAGE_B, PAGE_A)):
        chrome = "\n\nSkip to main content\n\n"
        arts = _articles(first + sep + chrome + second)
        assert [_lines(a)[0] for a in arts] == [_lines(first)[0], _lines(second)[0]]
        assert [_lines(a)[-1] for a in arts] == [_lines(first)[-1], _lines(second)[-1]]


def _segment(texts: list[str]) -> list:
    from pipeline.ingest.blocks import text_blocks
    from pipeline.ingest.classify import classify_blocks

    blocks = text_blocks("\n\n".join(texts))
    classify_blocks(blocks)
    return blocks


def test_page_features_name_the_evidence_and_scores_are_their_weighted_sum() -> None:
    from pipeline.ingest.pages import default_page_rules, page_features, page_scores

    lead_b = "Asthma is a childhood disease that cord cells may calm in the lungs."
    blocks = _segment(["Joint Repair For Knees", BODY_A, "Cord Cells Tested In Childhood Asthma",
                       lead_b])
    feats = page_features(blocks, blocks, set())
    assert feats[0] == {}
    assert feats[2]["title"] == 1.0  # a title, not an untitled defining lead (0.5)
    assert "title" not in feats[1]  # "Knee pain in older adults often comes from ..."
    weights = default_page_rules().weights.model_dump()
    expected = [0.0] + [sum(weights[k] * v for k, v in f.items()) for f in feats[1:]]
    assert page_scores(blocks, blocks, set()) == pytest.approx(expected)


def test_a_section_heading_of_new_words_is_title_evidence_only(
        _articles: Callable[[str], list[str]]) -> None:
    """Section headings bring new words as often as page titles do (pages.yaml 1.6 drops
    title_novelty): a heading of words the article has not used is no page start."""
    from pipeline.ingest.pages import page_features

    costs = ("Insurers rarely pay for the injection, so most patients pay for it themselves; "
             "a payment plan spreads the price over twelve months.")
    blocks = _segment(["Joint Repair For Knees", BODY_A, "Prices and Payment Plans", costs])
    assert page_features(blocks, blocks, set())[2] == {"title": 1.0}
    assert len(_articles(f"{PAGE_A}\n\nPrices and Payment Plans\n\n{costs}\n")) == 1


# -- evidence added in pages.yaml 1.3 ---------------------------------------------------------

GOUT_A = ("Gouty arthritis (GA) is a painful joint disease caused by crystals of uric acid. "
          "Our clinic treats the swollen joint with cells taken from the patient's own fat, "
          "and most patients report less pain and swelling after two months of care.")
GOUT_A2 = ("Each visit takes about an hour. A nurse checks the joint, the blood pressure and the "
           "diet diary, and the doctor adjusts the plan when a flare comes back too soon.")
GOUT_B = ("Gouty arthritis (GA) is a form of inflammatory arthritis that strikes the big toe "
          "first. Researchers want to know whether infused cord cells shorten the flares and "
          "lower the uric acid level in adults who cannot take the usual tablets.")
GOUT_B2 = ("Sixty adults will join the study for one year, and half of them will receive a "
           "placebo infusion so that the effect of the cells can be measured fairly.")


def test_a_page_redefining_its_subject_is_evidence() -> None:
    from pipeline.ingest.pages import default_page_rules, page_features, page_scores

    blocks = _segment(["Gout Care", GOUT_A, "Gouty Arthritis Trial", GOUT_B])
    feats = page_features(blocks, blocks, set())
    assert feats[2]["redefinition"] == 1.0 and "redefinition" not in feats[1]
    # the same abbreviation used again without a defining lead is no evidence
    again = GOUT_B.replace("Gouty arthritis (GA) is a form of", "Like other forms of")
    plain = _segment(["Gout Care", GOUT_A, "Gouty Arthritis Trial", again])
    assert "redefinition" not in page_features(plain, plain, set())[2]
    weight = default_page_rules().weights.redefinition
    assert weight > 0
    assert page_scores(blocks, blocks, set())[2] > page_scores(plain, plain, set())[2]


def test_redefinition_counts_only_since_the_last_page_start() -> None:
    from pipeline.ingest.pages import _redefines

    blocks = _segment(["Gout Care", GOUT_A, "Gouty Arthritis Trial", GOUT_B])
    assert _redefines(blocks, 2) and _redefines(blocks, 2, since=0)
    assert not _redefines(blocks, 2, since=2)  # GA was introduced on an earlier page


def test_an_untitled_page_opening_with_a_definition_after_a_cut_off_page() -> None:
    from pipeline.ingest.pages import page_features

    cut_off = GOUT_A2[:-40].rstrip()  # a scraped page that stops mid-sentence
    lead = ("Cord blood banking is a service that freezes the blood left in the umbilical cord "
            "after birth, so that its stem cells can be used later for the child or a sibling.")
    blocks = _segment(["Gout Care", GOUT_A, cut_off, lead])
    feats = page_features(blocks, blocks, set())
    assert feats[3]["unfinished_body"] == 1.0 and feats[3]["title"] == 0.5  # untitled opening
    titled = _segment(["Gout Care", GOUT_A, "Cord Blood Banks", lead])
    titled_feats = page_features(titled, titled, set())
    assert titled_feats[2]["title"] == 1.0  # the title counts
    assert "title" not in titled_feats[3]  # the lead under it opens nothing


def test_a_line_glued_after_site_chrome_is_cut() -> None:
    from pipeline.ingest.pagecues import glue_point
    from pipeline.ingest.pages import _is_chrome

    assert _is_chrome("Advertisement")
    text = "AdvertisementCord blood banking is a service that freezes cord blood."
    assert glue_point(text, 15, _is_chrome) == len("Advertisement")
    assert glue_point(text, 15) is None  # without the block rules a short head is kept


def test_a_date_or_byline_is_no_page_title() -> None:
    from pipeline.ingest.pages import _is_title, default_page_rules

    blocks = _segment(["Gout Care", GOUT_A, "Mar 3, 2024", GOUT_A2, "Author: Jane Roe", GOUT_B2])
    rules = default_page_rules()
    assert _is_title(blocks, 0, rules)
    assert not _is_title(blocks, 2, rules) and not _is_title(blocks, 4, rules)
