"""Abbreviation definitions on hand-written sentences: lists in parentheses are no definitions."""

from __future__ import annotations

import pytest
import spacy

from pipeline.nlp.abbreviations import find_definitions, is_list
from pipeline.tokenize import make_tokenizer

NLP = spacy.blank("en")
NLP.tokenizer = make_tokenizer(NLP)


@pytest.mark.parametrize(("text", "expected"), [
    ("blue cells, red cells, and green cells", True),
    ("blue cells, red cells or green cells", True),
    ("alpha, beta, gamma", True),
    ("indoleamine 2,3-dioxygenase", False),
    ("tumor necrosis factor", False),
    ("one, the first", False),
])
def test_is_list(text: str, expected: bool) -> None:
    assert is_list(NLP(text)[:]) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # without the list rule: ("cells", "cells, monocytes, and B lymphocytes")
    ("Some cells (stem cells, monocytes, and B lymphocytes) divide.", []),
    ("Zeta blue factor (ZBF) rises.", [("ZBF", "Zeta blue factor")]),
])
def test_definitions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.text, lf.text) for s, lf in find_definitions(NLP(text))] == expected
