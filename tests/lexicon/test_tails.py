"""Elliptic anatomy names (pipeline/lexicon/tails.py) over a tiny lexicon and hand-built Docs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from conftest import write_lexicon
from spacy.tokens import Doc

from pipeline.lexicon import Concept, Lexicon, Match
from pipeline.lexicon.refine import load_mention_rules, refine
from pipeline.lexicon.tails import anatomy_tails

NLP = spacy.blank("en")
RULES = load_mention_rules()
ENTRIES = [
    ("umbilical cord blood", "UBERON:0012168", "ANATOMY", "ANATOMY"),
    ("blood", "MESH:D001769", "ANATOMY", "ANATOMY"),
    ("umbilical cord", "MESH:D014470", "ANATOMY", "ANATOMY"),
    ("brain", "MESH:D001921", "ANATOMY", "ANATOMY"),
    ("insect adult brain", "UBERON:6003624", "ANATOMY", "ANATOMY"),
    ("central nervous system", "MESH:D002490", "ANATOMY", "ANATOMY"),
    ("nervous system", "MESH:D009420", "ANATOMY", "ANATOMY"),
    ("acute lung injury", "MESH:D055370", "DISEASE", "DISEASE"),
    ("left heart ventricle", "X:1", "ANATOMY", "ANATOMY"),
    ("right heart ventricle", "X:2", "ANATOMY", "ANATOMY"),
]
BLOOD = Concept("MESH:D001769", "Blood", "ANATOMY", ("ANATOMY",), ())
STEM = Concept("MESH:D013234", "Stem Cells", "CELL_TYPE", ("CELL_TYPE",), ())


@pytest.fixture(scope="module")
def tails(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Concept | None]:
    return anatomy_tails(Lexicon.load(write_lexicon(tmp_path_factory.mktemp("lex") / "lex", ENTRIES)))


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("cord blood", "UBERON:0012168"),
        ("nervous system", None),  # a term of its own
        ("lung injury", None),  # not ANATOMY
        ("heart ventricle", None),  # the tail of two concepts
        ("adult brain", None),  # "insect adult" is no place
    ],
)
def test_anatomy_tails(tails: Callable[[str], Concept | None], key: str, expected: str | None) -> None:
    got = tails(key)
    assert (got.kb_id if got else None) == expected


@pytest.mark.parametrize(
    ("words", "matches", "expected"),
    [
        (["own", "cord", "blood", "stem", "cells"], [(2, 3, BLOOD), (3, 5, STEM)],
         [("cord blood stem cells", "CELL_TYPE", "MESH:D013234")]),
        (["Cord", "blood", "was", "drawn"], [(1, 2, BLOOD)], [("Cord blood", "ANATOMY", "UBERON:0012168")]),
        # a stop word before the match: the match alone
        (["the", "blood", "was", "drawn"], [(1, 2, BLOOD)], [("blood", "ANATOMY", "MESH:D001769")]),
    ],
)
def test_elliptic_anatomy_in_refine(tails: Callable[[str], Concept | None], words: list[str],
                                    matches: list[tuple[int, int, Concept]],
                                    expected: list[tuple[str, str, str]]) -> None:
    d = Doc(NLP.vocab, words=words)
    chosen = [(s, e, Match(s, e, c, "test")) for s, e, c in matches]
    out = refine(d, chosen, RULES, {}.get, str.lower, tails)
    assert [(d[s:e].text, m.concept.label, m.concept.kb_id) for s, e, m in out] == expected


def test_a_lexicon_without_terms_has_no_tails(tmp_path: Path) -> None:
    assert anatomy_tails(Lexicon.load(write_lexicon(tmp_path / "lex", [])))("cord blood") is None


def test_the_index_is_kept_with_the_built_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lexicon read back from the on-disk cache has its tails index already (no pass over every
    term in each process)."""
    from pipeline.lexicon import _built
    from pipeline.lexicon.store import load_built

    monkeypatch.setenv("MECHMINE_CACHE", str(tmp_path / "cache"))
    folder = write_lexicon(tmp_path / "lex", ENTRIES)
    load_built(folder, _built)  # built and kept
    assert list((tmp_path / "cache").glob("lexicon-*.pickle"))
    again = load_built(folder, lambda _: pytest.fail("read from the cache, not built"))
    assert list(again.__dict__["_anatomy_tails"]) == ["cord blood"]
    assert anatomy_tails(again)("cord blood").kb_id == "UBERON:0012168"
