"""Short inputs: any text with words is an article; boilerplate-only files are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import ingest


@pytest.mark.parametrize(
    "text",
    ["Bone marrow cells were injected. The scar shrank within weeks of treatment.\n",
     "Stem Cells Help Kidneys\n",
     "IL-10 rose.\n"],
)
def test_short_text_is_one_article(tmp_path: Path, text: str) -> None:
    p = tmp_path / "short.txt"
    p.write_text(text, encoding="utf-8")
    result = ingest([str(p)])
    assert len(result.articles) == 1
    assert result.articles[0].text.strip() == text.strip()
    assert not result.skipped


def test_boilerplate_only_file_is_reported(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    p = tmp_path / "chrome.txt"
    p.write_text("This website uses cookies to improve your browser experience.\n"
                 "© 2024 Example Clinic. All rights reserved.\n", encoding="utf-8")
    result = ingest([str(p)])
    assert result.articles == []
    assert len(result.removed) == 2
    assert [r.reason.split(":")[0] for r in result.skipped] == ["judged boilerplate only"]
    assert [r.stage for r in result.skipped] == ["ingest"]
    assert "judged boilerplate only" in caplog.text


def test_a_menu_and_footer_only_file_is_reported(tmp_path: Path) -> None:
    """A page saved before its content loaded: menu, cookie notice, footer."""
    p = tmp_path / "menu.txt"
    p.write_text("Skip to main content\nHome\nAbout\nTreatments\nContact\n"
                 "We use cookies on this website to measure traffic.\n"
                 "© 2025 Example Spine Clinic\n", encoding="utf-8")
    result = ingest([str(p)])
    assert result.articles == []
    assert [r.reason.split(":")[0] for r in result.skipped] == ["judged boilerplate only"]


def test_many_short_lines_are_linear() -> None:
    """A hard-wrapped-looking text of 200k two-letter lines: one pass, not a re-scan per line."""
    import time

    from pipeline.ingest.blocks import text_blocks

    text = "ab\ncd\n" * 100_000
    t0 = time.perf_counter()
    blocks = text_blocks(text)
    # a guard against the quadratic version (minutes), not a speed measurement: generous for a loaded host
    assert time.perf_counter() - t0 < 60
    assert len(blocks) == 1 and blocks[0].text == text.strip()
