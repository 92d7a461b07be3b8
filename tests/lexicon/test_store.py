"""The built lexicon kept on disk: read back while the lexicon files are unchanged, rebuilt otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.lexicon.store import cache_dir, load_built


@pytest.fixture
def lexicon_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MECHMINE_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / "terms.tsv.gz").write_bytes(b"one")
    return folder


def counting_build() -> tuple[list[Path], object]:
    calls: list[Path] = []

    def build(folder: Path) -> dict[str, str]:
        calls.append(folder)
        return {"terms": (folder / "terms.tsv.gz").read_text()}
    return calls, build


def test_built_once_then_read_back(lexicon_folder: Path) -> None:
    calls, build = counting_build()
    assert load_built(lexicon_folder, build) == {"terms": "one"}  # type: ignore[arg-type]
    assert load_built(lexicon_folder, build) == {"terms": "one"}  # type: ignore[arg-type]
    assert len(calls) == 1


@pytest.mark.parametrize("name", ["terms.tsv.gz", "meta.yaml", "lowercase_terms.tsv"])
def test_a_changed_lexicon_file_is_built_again(lexicon_folder: Path, name: str) -> None:
    calls, build = counting_build()
    load_built(lexicon_folder, build)  # type: ignore[arg-type]
    (lexicon_folder / name).write_bytes(b"two")
    again = load_built(lexicon_folder, build)  # type: ignore[arg-type]
    assert len(calls) == 2
    assert again == {"terms": (lexicon_folder / "terms.tsv.gz").read_text()}


def test_a_damaged_cache_file_is_rebuilt(lexicon_folder: Path) -> None:
    calls, build = counting_build()
    load_built(lexicon_folder, build)  # type: ignore[arg-type]
    where = cache_dir()
    assert where is not None
    (kept,) = where.glob("lexicon-*.pickle")
    kept.write_bytes(b"not a pickle")
    assert load_built(lexicon_folder, build) == {"terms": "one"}  # type: ignore[arg-type]
    assert len(calls) == 2


def test_off_builds_every_time(lexicon_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MECHMINE_CACHE", "off")
    calls, build = counting_build()
    load_built(lexicon_folder, build)  # type: ignore[arg-type]
    load_built(lexicon_folder, build)  # type: ignore[arg-type]
    assert len(calls) == 2 and cache_dir() is None


def test_only_the_most_recently_used_builds_stay(lexicon_folder: Path) -> None:
    import os

    _, build = counting_build()
    where = cache_dir()
    assert where is not None
    stamps = []
    for n, text in enumerate(["a", "b", "c", "d"]):
        (lexicon_folder / "terms.tsv.gz").write_text(text)
        load_built(lexicon_folder, build)  # type: ignore[arg-type]
        (newest,) = [p for p in where.glob("lexicon-*.pickle") if p not in stamps]
        os.utime(newest, (1000 + n, 1000 + n))
        stamps.append(newest)
    # writing 'd' removed 'a' (the least recently used); 'a' is built again, then 'e' removes 'b' and 'c'
    (lexicon_folder / "terms.tsv.gz").write_text("a")
    load_built(lexicon_folder, build)  # type: ignore[arg-type]
    (lexicon_folder / "terms.tsv.gz").write_text("e")
    load_built(lexicon_folder, build)  # type: ignore[arg-type]
    left = set(where.glob("lexicon-*.pickle"))
    assert len(left) == 3 and stamps[0] in left and stamps[1] not in left and stamps[2] not in left
