"""Plural fallback on a tiny lexicon: a plural the vocabulary lacks is found by its singular."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_lexicon

from pipeline.lexicon import Lexicon
from pipeline.lexicon.normalize import fold, token_norm
from pipeline.lexicon.plurals import plural_candidates, plural_matches, readable, singulars
from pipeline.lexicon.tokens import keyed_from_norms, token_positions


@pytest.mark.parametrize(("word", "expected"), [
    ("diseases", ["disease"]),
    ("therapies", ["therapy"]),
    ("processes", ["process", "processe"]),
    ("alveoli", ["alveolus"]),
    ("vertebrae", ["vertebra"]),
    ("stress", []),  # -ss
    ("virus", []),  # -us
    ("fibrosis", []),  # -is
    ("numerous", []),
    ("was", []),  # too short
    ("il6s", []),  # not all letters
])
def test_singulars(word: str, expected: list[str]) -> None:
    assert singulars(word) == expected


@pytest.mark.parametrize(("case", "expected"), [("Wounds", True), ("wounds", True), ("DCs", False),
                                                 ("MSCs", False)])
def test_only_lower_or_title_case_words(case: str, expected: bool) -> None:
    assert readable(case) is expected


ENTRIES = [
    ("chronic wound", "X:1", "DISEASE", "DISEASE"),
    ("pulmonary alveolus", "X:2", "ANATOMY", "ANATOMY"),
    ("wound", "X:3", "DISEASE", "DISEASE"),
    ("nerve cells", "X:4", "CELL_TYPE", "CELL_TYPE"),
    ("nerve cell", "X:5", "CELL_TYPE", "CELL_TYPE"),
    ("DC", "X:6", "CELL_TYPE", "CELL_TYPE"),
    ("GENE7", "X:7", "CYTOKINE", "CYTOKINE"),
    ("GENE7 protein", "X:7", "CYTOKINE", "CYTOKINE"),
    ("kinase", "X:8", "GENE_OR_PROTEIN", "GENE_OR_PROTEIN"),

]


def found(lex: Lexicon, words: list[str], stopped: frozenset[int] = frozenset()) -> list[tuple[str, str]]:
    keyed = keyed_from_norms([token_norm(w) for w in words], [fold(w).replace("-", "") for w in words])
    return sorted((" ".join(words[m.start:m.end]), m.concept.kb_id)
                  for m in plural_matches(lex, keyed, len(words), stopped))


def test_plural_last_word_read_as_singular(tmp_path: Path) -> None:
    lex = Lexicon.load(write_lexicon(tmp_path / "lex", ENTRIES))
    assert found(lex, ["Chronic", "wounds", "and", "pulmonary", "alveoli", "heal"]) == [
        ("Chronic wounds", "X:1"), ("pulmonary alveoli", "X:2"), ("wounds", "X:3")]
    # abbreviations and inner words are not read as plurals
    assert found(lex, ["DCs", "migrate"]) == []
    assert found(lex, ["wounds", "wound"]) == [("wounds", "X:3")]


def test_stopped_singular_is_no_match(tmp_path: Path) -> None:
    lex = Lexicon.load(write_lexicon(tmp_path / "lex", ENTRIES))
    stopped = lex.stopped_candidates({("wound", "*")})
    assert found(lex, ["wounds", "heal"], stopped) == []


def test_matcher_keeps_the_first_scan(tmp_path: Path) -> None:
    """A span the vocabulary matched (or stopped) as written is not read again."""
    import spacy
    from spacy.tokens import Doc

    from pipeline.lexicon.tokens import DocKeys
    from pipeline.nlp.lexicon_matcher import lexicon_spans

    lex = Lexicon.load(write_lexicon(tmp_path / "lex", ENTRIES))
    nlp = spacy.blank("en")

    def spans(words: list[str], stoplist: set[tuple[str, str]],
              plurals: bool = True) -> list[tuple[str, str]]:
        doc = Doc(nlp.vocab, words=words)
        got = lexicon_spans(doc, lex, DocKeys(), lex.stopped_candidates(stoplist), plurals=plurals)
        return [(s.text, s.kb_id_) for s, _ in got]

    assert spans(["nerve", "cells", "die"], set()) == [("nerve cells", "X:4")]
    assert spans(["chronic", "wounds"], set()) == [("chronic wounds", "X:1")]
    assert spans(["chronic", "wounds"], set(), plurals=False) == []
    # a plural stoplisted as written stays out, though its singular is a term
    assert spans(["nerve", "cells"], {("nerve cells", "*")}) == []
    assert spans(["nerve", "cells"], {("nerve cell", "*")}) == [("nerve cells", "X:4")]
    # a plural reading that only adds a head noun to a name of the same concept is not taken
    assert spans(["GENE7", "proteins", "bind"], set()) == [("GENE7", "X:7")]
    # nor a gene family
    assert spans(["kinases"], set()) == []


@pytest.mark.parametrize("words", [
    ["Chronic", "wounds", "and", "pulmonary", "alveoli", "heal"],
    ["processes", "niches", "therapies", "vertebrae", "stress", "virus", "fibrosis", "numerous", "days"],
    ["DCs", "MSCs", "was", "il6s", "-", "'s", "Wounds"],
])
def test_candidates_are_those_of_every_token(words: list[str]) -> None:
    """The numpy pre-selection by ending loses no token the word-by-word reading takes."""
    cases = [fold(w).replace("-", "") for w in words]
    keyed = keyed_from_norms([token_norm(w) for w in words], cases)
    expected: list[dict[int, str]] = [{}, {}]
    for i, (w, case) in enumerate(zip(words, cases, strict=True)):
        if readable(case):
            for v, singular in enumerate(singulars(token_norm(w))[:2]):
                expected[v][i] = singular
    got = plural_candidates(keyed, token_positions(keyed))
    assert [{i: s for i, (s, _c) in g.items()} for g in got] == expected


TAIL_ENTRIES = [
    *ENTRIES,
    ("dopa", "X:9", "CHEMICAL", "CHEMICAL"),
    ("L-dopa wound", "X:10", "DISEASE", "DISEASE"),
    ("nerve wound", "X:11", "DISEASE", "DISEASE"),
    ("alpha cell", "X:12", "CELL_TYPE", "CELL_TYPE"),
    ("dopa wound", "X:13", "DISEASE", "DISEASE"),
]


@pytest.mark.parametrize("words", [
    ["Chronic", "wounds", "and", "pulmonary", "alveoli", "heal"],
    ["nerve", "wounds", "wounds"],  # the second plural is a name of its own, not a name's inner word
    ["chronic", "wounds", "nerve", "cells"],
    ["L", "-", "dopa", "wounds"],  # a name that begins inside a joined run
    ["L", "-", "dopas"],
    ["alpha", "cells", "and", "wounds"],  # a Greek letter name joins its neighbour
    ["DC", "wounds", "GENE7", "proteins"],
    ["some", "long", "stretch", "of", "text", "before", "chronic", "wounds"],  # a window cut short
    ["nerve", "kinases", "and", "alveoli"],  # no key ends on "kinase" but "kinase": a one-word window
    ["chronic", "therapies"],  # no key ends on "therapy": no window
])
@pytest.mark.parametrize("stoplist", [set(), {("wound", "*")}, {("chronic wound", "X:1")}])
def test_tail_matches_are_those_of_the_rebuilt_text(tmp_path: Path, words: list[str],
                                                    stoplist: set[tuple[str, str]]) -> None:
    """The window scan finds what scanning the whole rebuilt key text finds."""
    from pipeline.lexicon.plurals import _rescan, tail_matches

    lex = Lexicon.load(write_lexicon(tmp_path / "lex", TAIL_ENTRIES))
    stopped = lex.stopped_candidates(stoplist)
    keyed = keyed_from_norms([token_norm(w) for w in words], [fold(w).replace("-", "") for w in words])
    positions = token_positions(keyed)
    readings = [c for c in plural_candidates(keyed, positions) if c]
    assert readings
    for changed in readings:
        got = tail_matches(lex, keyed, changed, positions, stopped)
        want = _rescan(lex, keyed, len(words), changed, stopped)
        assert sorted(got, key=lambda m: (m.start, m.end)) == sorted(want, key=lambda m: (m.start, m.end))


def test_tail_length_is_the_longest_key_per_last_word(tmp_path: Path) -> None:
    """Per last word of a key (after its last space), the longest key ending on it, plus its space."""
    lex = Lexicon.load(write_lexicon(tmp_path / "lex", TAIL_ENTRIES))
    assert lex.tail_length["wound"] == len(" chronic wound")  # longer than "nerve wound", "dopa wound"
    assert lex.tail_length["protein"] == len(" gene7 protein")
    assert lex.tail_length["kinase"] == len(" kinase")
    assert lex.tail_length["alphacell"] == len(" alphacell")  # a Greek letter name is glued
    assert "therapy" not in lex.tail_length and "chronic" not in lex.tail_length


def test_tail_matches_find_glued_and_inner_names(tmp_path: Path) -> None:
    lex = Lexicon.load(write_lexicon(tmp_path / "lex", TAIL_ENTRIES))
    assert found(lex, ["L", "-", "dopa", "wounds"]) == [
        ("L - dopa wounds", "X:10"), ("dopa wounds", "X:13"), ("wounds", "X:3")]
    assert found(lex, ["nerve", "wounds", "wounds"]) == [("nerve wounds", "X:11"), ("wounds", "X:3"),
                                                          ("wounds", "X:3")]


@pytest.mark.parametrize(("case", "norm", "singular", "expected"), [
    ("Wounds", "wounds", "wound", "Wound"),
    ("Processes", "processes", "processe", "Processe"),
    ("Therapies", "therapies", "therapy", "Therapy"),
    ("Alveoli", "alveoli", "alveolus", "Alveolus"),
    ("Wounds2", "wounds", "wound", "wound"),  # the case key is not the key's length: the singular as is
])
def test_case_singular_keeps_the_written_case(case: str, norm: str, singular: str, expected: str) -> None:
    from pipeline.lexicon.plurals import _case_singular

    assert _case_singular(case, norm, singular) == expected


@pytest.mark.parametrize(("words", "expected"), [
    (["Chronic", "Wounds"], [{1: ("wound", "Wound")}, {}]),
    (["the", "niches"], [{1: ("nich", "nich")}, {1: ("niche", "niche")}]),
    (["MSCs", "alveoli"], [{1: ("alveolus", "alveolus")}, {}]),
])
def test_candidates_read_from_the_memo_are_the_same(words: list[str],
                                                    expected: list[dict[int, tuple[str, str]]]) -> None:
    from pipeline.lexicon import plurals

    keyed = keyed_from_norms([token_norm(w) for w in words], [fold(w).replace("-", "") for w in words])
    plurals._READINGS.clear()
    first = plural_candidates(keyed, token_positions(keyed))
    assert plurals._READINGS  # the second call reads them from the memo
    assert first == plural_candidates(keyed, token_positions(keyed)) == expected
