"""Parenthesised source initials before a defined short form (pipeline/nlp/initials.py)."""

from __future__ import annotations

import pytest
import spacy

from pipeline.nlp.initials import initials_start
from pipeline.tokenize import make_tokenizer

NLP = spacy.blank("en")
NLP.tokenizer = make_tokenizer(NLP)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("efficacy of umbilical cord-derived (UC)-MSCs for COPD", "umbilical cord-derived (UC)-MSCs"),
        ("Bone marrow (BM)-MSCs were used", "Bone marrow (BM)-MSCs"),
        # initials that spell no words before them: the token alone
        ("the treated (UC)-MSCs were used", "(UC)-MSCs"),
        # initials without parentheses are not read back
        ("umbilical cord UC-MSCs were used", "UC-MSCs"),
        # a comma ends the words read back: "cord" alone does not spell "UC"
        ("umbilical, cord (UC)-MSCs", "(UC)-MSCs"),
    ],
)
def test_initials_start(text: str, expected: str) -> None:
    doc = NLP(text)
    i = next(t.i for t in doc if t.text.endswith("MSCs"))
    assert doc[initials_start(doc, i):i + 1].text == expected
