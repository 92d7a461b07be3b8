"""Fixtures shared by the ingestion tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.ingest import ingest


@pytest.fixture
def _articles(tmp_path: Path) -> Callable[[str], list[str]]:
    """The article texts ``ingest`` makes of one text file holding ``text``."""
    def run(text: str) -> list[str]:
        path = tmp_path / "glued.txt"
        path.write_text(text, encoding="utf-8")
        return [a.text for a in ingest([str(path)]).articles]
    return run


def nonblank_lines(text: str) -> list[str]:
    """The stripped non-blank lines of ``text``."""
    return [ln.strip() for ln in text.splitlines() if ln.strip()]
