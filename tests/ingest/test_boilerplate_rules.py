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
