"""Boilerplate by what it is: each new block rule on a line written for this test."""

from __future__ import annotations

import pytest

from pipeline.ingest.classify import classify_blocks
from pipeline.ingest.model import Block, BlockKind


def _classify(text: str) -> Block:
    (block,) = classify_blocks([Block(0, len(text), text)])
    return block


@pytest.mark.parametrize(("text", "rule"), [
    ("Advertisement", "site_chrome"), ("Loading...", "site_chrome"), ("Translate »", "site_chrome"),
    ("Over 12,000 Active Subscribers", "site_chrome"), ("4.9", "site_chrome"),
    ("Acme Clinic LogoBeta Labs Logo", "site_logo"), ("Directory Image", "site_chrome"),
    ("Clinic Team Photo", "site_logo"),
    ("Buy article PDF for instant access", "paywall"), ("Price includes VAT (Canada)", "paywall"),
    ("Expression of Concern", "editorial_notice"),
    ("A Correction to this article was published on 1 May 2021", "editorial_notice"),
    ("<?= $page_title ?>", "template_remnant"), ("{{ post.title }}", "template_remnant"),
    ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "template_remnant"),
    ('img/team/photo-3.jpg">', "template_remnant"), ('class="hero" href="/x"', "template_remnant"),
    ("Facebook Twitter LinkedIn Email", "social_widget"),
    ("Join our newsletter for monthly clinic news.", "newsletter_message"),
])
def test_boilerplate_rules(text: str, rule: str) -> None:
    block = _classify(text)
    assert (block.kind, block.rule_id) == (BlockKind.BOILERPLATE, rule)


@pytest.mark.parametrize("text", [
    "Mesenchymal stromal cells lowered IL-6 in treated mice compared with controls.",
    "Back pain improved in 7 of 10 patients.", "Results", "IL-10",
])
def test_body_and_headings_kept(text: str) -> None:
    assert not _classify(text).removed


@pytest.mark.parametrize(("text", "rule"), [
    ("Thank you! Your submission has been received!", "form_acknowledgement"),
    ("Oops! Something went wrong while submitting the form.", "form_acknowledgement"),
    ("12,500+ subscribers", "site_chrome"),
    ("By Jane Roe", "byline"), ("Author: Jane Q. Roe", "byline"), ("Jane Roe, MD", "byline"),
    ("Medically reviewed by Jane Roe, PhD", "byline"),
    ("Updated on", "byline"), ("Posted: Jan 9, 2021", "byline"), ("Feb 28, 2022", "byline"),
    ("Last updated 3 March 2020", "byline"),
    ("Example Journal of Cells Aims and scope Submit manuscript", "publisher_furniture"),
    ("Access this article", "publisher_furniture"), ("How to Cite", "publisher_furniture"),
    ("• Review", "publisher_furniture"),
    ("Research Article Volume 7, Issue 2 pp 10-19", "publisher_furniture"),
    ("Received: May 1, 2020   Accepted: June 2, 2020", "publisher_furniture"),
    ("* Equal contribution", "publisher_furniture"),
    ("Tax calculation will be finalised at checkout", "publisher_furniture"),
    ("This is an open-access article distributed under the terms of the Creative Commons "
     "Attribution License, which permits unrestricted use.", "licence_notice"),
    ("Ann Lee1, *, Bo Chen2, Cy Diaz1, Dee Ema3", "author_affiliation"),
    ("2 Department of Surgery, North City Hospital, North City 4000, Freedonia", "author_affiliation"),
])
def test_front_matter_forms_and_bylines(text: str, rule: str) -> None:
    block = _classify(text)
    assert (block.kind, block.rule_id) == (BlockKind.BOILERPLATE, rule)


@pytest.mark.parametrize("text", [
    "By the Numbers", "Updated guidance on stem cell care", "Review of the evidence",
    "The trial was published in 2020 and updated on the registry every month since then.",
    "Thank you for reading about knee care: the next section explains recovery.",
    "The Department of Surgery treated 40 patients with cells from their own fat.",
])
def test_lines_like_bylines_or_front_matter_kept(text: str) -> None:
    assert not _classify(text).removed


def test_a_second_copy_of_a_block_is_a_duplicate_and_the_first_stays() -> None:
    title, body = "Gout Treatment With Your Own Cells", "Gout is a painful joint disease of the toes."
    blocks = [Block(0, 0, t) for t in (title, body, "Results", title, "Results", body)]
    classify_blocks(blocks)
    assert [b.rule_id if b.removed else None for b in blocks] == [
        None, None, None, "duplicate", None, "duplicate"]  # "Results": under 4 words, kept


def test_a_run_of_short_menu_lines_is_navigation_and_the_title_under_it_stays() -> None:
    from pipeline.ingest.blocks import text_blocks

    text = ("Acme Stem Cell Clinic\nAbout Us\nTreatments\nConditions We Treat\nContact\n\n"
            "Knee Pain Relief\n\nKnee pain in older adults often comes from worn cartilage.")
    blocks = classify_blocks(text_blocks(text))
    assert [b.rule_id for b in blocks if b.removed] == ["navigation_run"] * 4
    assert [b.text for b in blocks if not b.removed] == [
        "Acme Stem Cell Clinic", "Knee Pain Relief",
        "Knee pain in older adults often comes from worn cartilage."]


@pytest.mark.parametrize("text", [
    # a bullet list of short items, and section headings between paragraphs, are no menu
    "Symptoms:\n• vision loss\n• slurred speech\n• muscle spasms\n• poor balance\n",
    "Abstract\n\nCells were given.\n\nMethods\n\nMice were treated.\n\nResults\n\nPain fell.",
    "Knee Care\nHip Care\nBack Care\n\nWe treat joints with cells from the patient's own fat.",
])
def test_lists_and_sections_are_no_navigation_run(text: str) -> None:
    from pipeline.ingest.blocks import text_blocks

    assert not any(b.rule_id == "navigation_run" for b in classify_blocks(text_blocks(text)))


def test_a_bare_doi_link_line_is_publisher_furniture() -> None:
    assert _classify("https://doi.org/10.1234/example.2020.5").rule_id == "publisher_furniture"
    assert not _classify("See https://doi.org/10.1234/example.2020.5 for the trial data.").removed


@pytest.mark.parametrize("text", [
    # "Home" and "Log in" are removed by their own rules; with three more short lines a menu
    "Home\nOur Doctors\nPricing\nContact\n\nKnee Care\n\n"
    "We treat worn knees with cells from the patient's own fat.",
    "Sunrise Joint Center\nLog in\nServices\nResults\nVisit\n\nJoint pain often follows an old injury.",
])
def test_menu_items_other_rules_removed_count_towards_a_navigation_run(text: str) -> None:
    from pipeline.ingest.blocks import text_blocks

    blocks = classify_blocks(text_blocks(text))
    nav = [b.text for b in blocks if b.rule_id == "navigation_run"]
    assert len(nav) == 3
    assert all(not b.removed for b in blocks if b.kind is BlockKind.BODY)


def test_a_removed_line_before_two_headings_is_no_menu() -> None:
    from pipeline.ingest.blocks import text_blocks

    text = ("Home\nKnee Care\nHip Care\n\nWe treat joints with cells from the patient's own fat.")
    assert not any(b.rule_id == "navigation_run" for b in classify_blocks(text_blocks(text)))


def test_navigation_members_must_name_rules(tmp_path) -> None:
    from pipeline.errors import ResourceError
    from pipeline.ingest.classify import load_block_rules
    from pipeline.ruledata import resource_path

    text = resource_path("blocks.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "blocks.yaml"
    bad.write_text(text.replace("member_rules: [site_navigation,", "member_rules: [no_such_rule,"),
                   encoding="utf-8")
    with pytest.raises(ResourceError, match="no_such_rule"):
        load_block_rules(bad)
