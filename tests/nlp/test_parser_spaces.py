"""Whitespace tokens inside a sentence do not change its parse (pipeline/nlp/parser.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.nlp.parser import load_parser, parse_spans


@pytest.fixture(scope="module")
def parser() -> Language:
    return load_parser()


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def arcs(doc: spacy.tokens.Doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.dep_, t.head.text, t.pos_) for t in doc if not t.is_space]


@pytest.mark.parametrize("spaced", [
    "MSCs   secrete  IL-10 , which  suppresses  T cells .",
    "  MSCs secrete IL-10       , which suppresses T cells .",
    "MSCs secrete IL-10 , which suppresses T cells .   ",
])
def test_spaces_leave_the_words_parse_as_without_them(parser: Language, blank: Language,
                                                      spaced: str) -> None:
    plain = blank("MSCs secrete IL-10 , which suppresses T cells .")
    doc = blank(spaced)
    assert any(t.is_space for t in doc)
    (expected,) = parse_spans(parser, [plain[:]])
    (got,) = parse_spans(parser, [doc[:]])
    assert [t.text for t in got] == [t.text for t in doc]  # the span's own tokens, in place
    assert arcs(got) == arcs(expected)
    words = [t.i for t in got if not t.is_space]
    for t in got:
        if t.is_space:  # attached to the word before it (the first word, before any)
            before = [i for i in words if i < t.i]
            assert (t.dep_, t.pos_, t.head.i) == ("dep", "SPACE", before[-1] if before else words[0])
