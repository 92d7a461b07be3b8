"""TokenText's word test and the memoised string ids of rule word lists."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.lexicon.tokentext import TokenText, word_ids

VOCAB = spacy.blank("en").vocab


class Rules:
    def __init__(self, heads: frozenset[str]) -> None:
        self.heads = heads


@pytest.mark.parametrize(("words", "heads", "expected"), [
    (["The", "American", "Lung", "Association"], {"association"}, True),  # read in lower case
    (["The", "American", "Lung", "Association"], {"institute"}, False),
    (["lung", "tissue"], {"Tissue"}, False),  # the rule words are lower-case words
    ([], {"tissue"}, False),
    (["lung", "tissue"], set(), False),
])
def test_has_any(words: list[str], heads: set[str], expected: bool) -> None:
    t = TokenText(Doc(VOCAB, words=words))
    assert t.has_any(word_ids(Rules(frozenset(heads)), "heads", lambda: heads)) is expected


def test_word_ids_are_the_vocab_ids_and_kept_per_owner() -> None:
    rules = Rules(frozenset({"tissue", "cells"}))
    calls: list[int] = []

    def words() -> frozenset[str]:
        calls.append(1)
        return rules.heads

    first = word_ids(rules, "heads", words)
    assert first == frozenset({VOCAB.strings["tissue"], VOCAB.strings["cells"]})
    assert word_ids(rules, "heads", words) is first
    assert len(calls) == 1
    other = Rules(frozenset({"tissue"}))
    assert word_ids(other, "heads", lambda: other.heads) == frozenset({VOCAB.strings["tissue"]})
