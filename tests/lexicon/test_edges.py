"""Mention edges (pipeline/lexicon/edges.py) through :func:`refine`, over hand-built Docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.lexicon import Concept, Match
from pipeline.lexicon.edges import is_abbreviation
from pipeline.lexicon.refine import load_mention_rules, refine

RULES = load_mention_rules()
NLP = spacy.blank("en")
LET7 = Concept("FPLX:MIRLET7", "MIRLET7", "GENE_OR_PROTEIN", ("GENE_OR_PROTEIN",), ())
COPD = Concept("MESH:D029424", "COPD", "DISEASE", ("DISEASE",), ())
HYPOXIA = Concept("MESH:D000860", "Hypoxia", "DISEASE", ("DISEASE",), ())
CELL_HYPOXIA = Concept("MESH:D015687", "Cell Hypoxia", "PROCESS", ("PROCESS",), ())
CHEM = Concept("MESH:D006838", "Hydrocarbons", "CHEMICAL", ("CHEMICAL",), ())
AHR = Concept("HGNC:348", "AHR", "GENE_OR_PROTEIN", ("GENE_OR_PROTEIN",), ())
ISO = Concept("MESH:D007545", "Isoproterenol", "CHEMICAL", ("CHEMICAL",), ())
MIR221 = Concept("HGNC:31601", "MIR221", "GENE_OR_PROTEIN", ("GENE_OR_PROTEIN",), ())
MIR222 = Concept("HGNC:31602", "MIR222", "GENE_OR_PROTEIN", ("GENE_OR_PROTEIN",), ())
VOCABULARY = {"aryl hydrocarbon receptor": AHR, "cell hypoxia": CELL_HYPOXIA, "mir-222": MIR222}


def run(words: list[str], spaces: list[bool] | None, matches: list[tuple[int, int, Concept]],
        source: str = "test") -> list[tuple[str, str, str]]:
    d = Doc(NLP.vocab, words=words, spaces=spaces)
    chosen = [(s, e, Match(s, e, c, source)) for s, e, c in matches]
    out = refine(d, chosen, RULES, VOCABULARY.get, str.lower)
    return [(d[s:e].text, m.concept.label, m.concept.kb_id) for s, e, m in out]


@pytest.mark.parametrize(
    ("words", "spaces", "match", "expected"),
    [
        # a short English word apart from a number: no microRNA
        (["We", "let", "7", "days", "pass"], None, (1, 3), []),
        # the symbol written joined stays, and so does one in capitals
        (["let", "-", "7", "rose"], [False, False, True, False], (0, 3),
         [("let-7", "GENE_OR_PROTEIN", "FPLX:MIRLET7")]),
        (["LET", "7", "rose"], None, (0, 2), [("LET 7", "GENE_OR_PROTEIN", "FPLX:MIRLET7")]),
        # a symbol without a vowel, a Greek letter's name: symbols written apart
        (["the", "gp", "160", "rose"], None, (1, 3), [("gp 160", "GENE_OR_PROTEIN", "FPLX:MIRLET7")]),
        (["the", "beta", "2", "rose"], None, (1, 3), [("beta 2", "GENE_OR_PROTEIN", "FPLX:MIRLET7")]),
    ],
)
def test_spaced_number(words: list[str], spaces: list[bool] | None, match: tuple[int, int],
                       expected: list[tuple[str, str, str]]) -> None:
    assert run(words, spaces, [(*match, LET7)]) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["the", "COPD", "assessment", "test", "improved"], []),
        (["the", "COPD", "rating", "scale", "improved"], []),
        # no qualifier, or no instrument noun: the disease stays
        (["the", "COPD", "test", "improved"], [("COPD", "DISEASE", "MESH:D029424")]),
        (["the", "COPD", "assessment", "improved"], [("COPD", "DISEASE", "MESH:D029424")]),
    ],
)
def test_instrument_names(words: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert run(words, None, [(1, 2, COPD)]) == expected


@pytest.mark.parametrize(
    ("words", "spaces", "match", "expected"),
    [
        # the hyphen read as a space: the HGNC name
        (["the", "aryl", "-", "hydrocarbon", "receptor", "binds"], [True, False, False, True, True, False],
         (3, 4, CHEM), [("aryl-hydrocarbon receptor", "GENE_OR_PROTEIN", "HGNC:348")]),
        # no longer name: the match stays
        (["an", "aryl", "-", "hydrocarbon", "solvent"], [True, False, False, True, False],
         (3, 4, CHEM), [("hydrocarbon", "CHEMICAL", "MESH:D006838")]),
        # a one-letter prefix is read as before ("L-dopa")
        (["a", "L", "-", "hydrocarbon", "receptor"], [True, False, False, True, False],
         (3, 4, CHEM), [("hydrocarbon", "CHEMICAL", "MESH:D006838")]),
    ],
)
def test_hyphen_spaced_names(words: list[str], spaces: list[bool], match: tuple[int, int, Concept],
                             expected: list[tuple[str, str, str]]) -> None:
    assert run(words, spaces, [match]) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["strict", "ISO", "standards"], []),
        (["an", "ISO", "9001", "certified", "laboratory"], []),
        (["ISO", "raised", "heart", "rate"], [("ISO", "CHEMICAL", "MESH:D007545")]),
    ],
)
def test_abbreviation_naming_a_standard(words: list[str], expected: list[tuple[str, str, str]]) -> None:
    start = words.index("ISO")
    assert run(words, None, [(start, start + 1, ISO)]) == expected


@pytest.mark.parametrize(("text", "expected"), [("ISO", True), ("5-FU", True), ("Iso", False), ("A", False)])
def test_is_abbreviation(text: str, expected: bool) -> None:
    assert is_abbreviation(text) is expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["MSCs", "preconditioned", "under", "hypoxia", "secrete", "VEGF"],
         [("hypoxia", "PROCESS", "MESH:D015687")]),
        (["MSCs", "cultured", "in", "hypoxia"], [("hypoxia", "PROCESS", "MESH:D015687")]),
        # a patient's hypoxia is the disease
        (["patients", "with", "hypoxia", "were", "ventilated"], [("hypoxia", "DISEASE", "MESH:D000860")]),
    ],
)
def test_culture_conditions(words: list[str], expected: list[tuple[str, str, str]]) -> None:
    i = words.index("hypoxia")
    assert run(words, None, [(i, i + 1, HYPOXIA)]) == expected


@pytest.mark.parametrize(
    ("words", "spaces", "expected"),
    [
        (["miR-221", "/", "222", "rose"], [False, False, True, False],
         [("miR-221", "GENE_OR_PROTEIN", "HGNC:31601"), ("222", "GENE_OR_PROTEIN", "HGNC:31602")]),
        # a number the vocabulary has no microRNA for
        (["miR-221", "/", "999", "rose"], [False, False, True, False],
         [("miR-221", "GENE_OR_PROTEIN", "HGNC:31601")]),
        # spaced: two things, not a shorthand list
        (["miR-221", "/", "222", "rose"], [True, True, True, False],
         [("miR-221", "GENE_OR_PROTEIN", "HGNC:31601")]),
    ],
)
def test_mirna_members(words: list[str], spaces: list[bool], expected: list[tuple[str, str, str]]) -> None:
    assert run(words, spaces, [(0, 1, MIR221)], source="mirna_mature") == expected
