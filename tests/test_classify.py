"""Block classification rules (parametrised) and validation of the rules file."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ResourceError
from pipeline.ingest.blocks import text_blocks
from pipeline.ingest.classify import classify_blocks, load_block_rules
from pipeline.ingest.model import BlockKind


def kind_of(text: str) -> tuple[BlockKind, str]:
    (block,) = classify_blocks(text_blocks(text))
    return block.kind, block.rule_id


@pytest.mark.parametrize(
    ("text", "kind", "rule"),
    [
        ("This website uses cookies to improve your experience.", BlockKind.BOILERPLATE, "cookie_notice"),
        ("Accept all cookies", BlockKind.BOILERPLATE, "consent_banner"),
        ("This site is not intended to diagnose or treat any disease.", BlockKind.BOILERPLATE,
         "medical_disclaimer"),
        ("Subscribe To Our Newsletter", BlockKind.BOILERPLATE, "newsletter"),
        ("Request Information Packet", BlockKind.BOILERPLATE, "information_packet"),
        ("Thanks for your interest!", BlockKind.BOILERPLATE, "form_acknowledgement"),
        ("© 2025 Stemedix Inc. All rights reserved.", BlockKind.BOILERPLATE, "copyright"),
        ("Skip to content", BlockKind.BOILERPLATE, "site_navigation"),
        ("Source: Li X, Yue S. MSCs in IPF. Oncotarget. 2017;8:1-2. doi: 10.18632/x. PMID: 1.",
         BlockKind.CITATION, "source_line"),
        ("Smith J. Title. J Stuff. 2020. doi: 10.1000/abc. PMID: 99.", BlockKind.CITATION, "bare_reference"),
        ("Contact us today to speak with a care coordinator.", BlockKind.CTA, "contact_cta"),
        ("Call (727) 456-8968 or email info@example.com for details.", BlockKind.CTA, "contact_details"),
        ("Write to yourjourney@stemedix.com with questions about the program.", BlockKind.CTA,
         "contact_details"),
        ("Why Stem Cell Therapy is Being Explored", BlockKind.HEADING, ""),
        ("MSCs secrete BDNF and GDNF, which protect dopaminergic neurons.", BlockKind.BODY, ""),
        ("Cookies are a baked food.", BlockKind.BODY, ""),  # 'cookies' alone is not a notice
        ("The study, published in 2020, reported fewer relapses.", BlockKind.BODY, ""),
    ],
)
def test_rules(text: str, kind: BlockKind, rule: str) -> None:
    assert kind_of(text) == (kind, rule)


def test_repeated_blocks_are_boilerplate() -> None:
    text = "\n".join(["A real paragraph about MSCs and neurons in the brain."]
                     + ["Free Consultation Today"] * 3)
    blocks = classify_blocks(text_blocks(text))
    assert [b.kind for b in blocks] == [BlockKind.BODY] + [BlockKind.BOILERPLATE] * 3
    assert blocks[1].rule_id == "repeated"


def test_packaged_rules_carry_provenance() -> None:
    rules = load_block_rules()
    assert rules.meta.source and rules.meta.licence and rules.meta.version
    assert {r.kind for r in rules.rules} == {BlockKind.BOILERPLATE, BlockKind.CITATION, BlockKind.CTA}


HEADER = "meta: {name: t, version: '1', source: s, licence: MIT}\nrepeat: {min_count: 3, max_words: 5}\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("rules:\n  - {id: a, kind: boilerplate, reason: r, any: ['x'], colour: red}\n", "colour"),
        ("rules:\n  - {id: a, kind: sometimes, reason: r}\n", "kind"),
        ("rules:\n  - {id: a, kind: cta, reason: r, any: ['(unclosed']}\n", "bad pattern"),
        ("rules:\n  - {id: a, kind: cta, reason: r}\n  - {id: a, kind: cta, reason: r}\n", "duplicate"),
    ],
)
def test_bad_rule_files_fail_loudly(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(HEADER + body)
    with pytest.raises(ResourceError, match=message) as info:
        load_block_rules(path)
    assert str(path) in str(info.value)


def test_empty_rule_set_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(HEADER + "rules: []\n")
    load_block_rules(path)
    assert "no block rules" in caplog.text
