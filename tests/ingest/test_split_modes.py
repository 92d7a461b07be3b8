"""--split auto|none|lines:PATTERN."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLE

from pipeline.ingest import ingest_file
from pipeline.ingest.sources import InputFile
from pipeline.ingest.split import SPLIT_ENV, SplitSettings, default_split_settings, parse_split_mode

PAGE = ("Cells for Knees\n" + "Knee cells were injected and pain fell over the following months. " * 8 + "\n")


def _ingest(path: Path, settings: SplitSettings | None = None):
    return ingest_file(InputFile(path, path.name, path.name), settings=settings)


def test_none_is_one_article_per_file() -> None:
    result = _ingest(SAMPLE, parse_split_mode("none"))
    assert len(result.articles) == 1
    assert result.removed  # boilerplate still removed


def test_lines_pattern(tmp_path: Path) -> None:
    p = tmp_path / "glued.txt"
    p.write_text(PAGE + "=====\n" + PAGE.replace("Knees", "Hips") + "=====\n" + PAGE, encoding="utf-8")
    result = _ingest(p, parse_split_mode("lines:^={3,}$"))
    assert [a.title for a in result.articles] == ["Cells for Knees", "Cells for Hips", "Cells for Knees"]
    assert all("=====" not in a.text for a in result.articles)
    assert [r.text for r in result.removed] == ["=====", "====="]  # removed as site chrome


@pytest.mark.parametrize("bad", ["sometimes", "lines:", "lines:("])
def test_bad_modes(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_split_mode(bad)


def test_environment_sets_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SPLIT_ENV, "none")
    assert default_split_settings().mode == "none"
    monkeypatch.delenv(SPLIT_ENV)
    assert default_split_settings().mode == "auto"


def test_another_split_mode_reprocesses_instead_of_reusing(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.batch import BatchStats
    from pipeline.ingest.split import split_tag
    from pipeline.io import load_outputs
    from pipeline.run import run_pipeline

    src = tmp_path / "in"
    src.mkdir()
    (src / "glued.txt").write_text(PAGE + "=====\n" + PAGE.replace("Knees", "Hips"), encoding="utf-8")
    out = tmp_path / "out"
    counts = []
    for mode in ("none", "lines:^={3,}$", "lines:^={3,}$", "none"):
        monkeypatch.setenv(SPLIT_ENV, mode)
        assert split_tag().startswith(f"|split:{mode}")
        stats = BatchStats()
        run_pipeline([str(src)], out, stats=stats)
        counts.append((stats.processed, stats.reused, len(load_outputs(out)["articles"])))
    assert counts == [(1, 0, 1), (1, 0, 2), (0, 1, 2), (1, 0, 1)]
