"""mechmine's tokenizer rules on top of scispaCy's (pipeline/tokenize.py)."""

from __future__ import annotations

import pytest
import spacy

from pipeline.tokenize import make_tokenizer


@pytest.fixture(scope="module")
def tokenizer() -> spacy.tokenizer.Tokenizer:
    return make_tokenizer(spacy.blank("en"))


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("CD1a+", ["CD1a", "+"]),
        ("CD11b+ cells", ["CD11b", "+", "cells"]),
        ("CD45RA+", ["CD45RA", "+"]),
        ("(CD14, CD1a+)", ["(", "CD14", ",", "CD1a", "+", ")"]),
        ("CD34+", ["CD34", "+"]),  # scispaCy's own rule after a digit
        # negatives: no digit before the letters (ions, cofactors), or letters run longer
        ("Na+", ["Na+"]),
        ("NAD+", ["NAD+"]),
        ("Ca2+", ["Ca2", "+"]),
        ("CD1a", ["CD1a"]),
        ("CXCL12/CXCR4", ["CXCL12", "/", "CXCR4"]),
        ("cocaine-induced", ["cocaine", "-", "induced"]),
    ],
)
def test_tokens(tokenizer: spacy.tokenizer.Tokenizer, text: str, tokens: list[str]) -> None:
    assert [t.text for t in tokenizer(text)] == tokens
