"""The vectorised document keys (pipeline.lexicon.tokens) equal the reference join_norms."""

from __future__ import annotations

import numpy as np
import pytest
import spacy

from pipeline.lexicon.normalize import token_norm
from pipeline.lexicon.tokens import BLOCK, DocKeys, keyed_from_norms, with_norms
from pipeline.tokenize import make_tokenizer

TEXTS = [
    "TNF-α and IL-10 were measured in Parkinson's disease.",
    "IL 10, TNF alpha, NF-kappa B and factor-1 (SDF-1) levels rose.",
    "- leading hyphen -- and 's possessive only 's\n\nnew block",
    "",
    "L-dopa and alpha methyldopa; CCL3/CCR5 and CXCL12-CXCR4.",
]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = make_tokenizer(nlp)
    return nlp


def test_doc_keys_match_reference(nlp: spacy.language.Language) -> None:
    keys = DocKeys()
    for _ in range(2):  # cold and warm cache
        for text in TEXTS:
            doc = nlp(text)
            norms = [BLOCK if t.is_space else token_norm(t.text) for t in doc]
            ref = keyed_from_norms(norms, [""] * len(norms))
            got = keys(doc)
            assert got.text == ref.text
            assert got.glued == ref.glued
            assert np.array_equal(got.start_at, ref.start_at) or not ref.text
            assert np.array_equal(got.end_at, ref.end_at) or not ref.text
            assert [got.norm(i) for i in range(len(doc))] == norms


def test_cache_merges_and_still_finds_old_entries(nlp: spacy.language.Language) -> None:
    keys = DocKeys()
    words = " ".join(f"w{i}" for i in range(6000))  # more than one merge's worth of new entries
    assert keys(nlp(words)).text == words
    assert keys(nlp("w1 w5999 TNF-α")).text == "w1 w5999 tnfalpha"


@pytest.mark.parametrize(("words", "changes"), [
    (["chronic", "wounds", "and", "IL", "10", "cells"], {1: ("wound", "wound"), 5: ("cell", "cell")}),
    (["L", "-", "dopa", "doses", "alpha", "cells"], {3: ("dose", "dose"), 5: ("cell", "cell")}),
    (["processes"], {0: ("process", "process")}),
])
def test_with_norms_equals_a_new_join(words: list[str], changes: dict[int, tuple[str, str]]) -> None:
    norms = [token_norm(w) for w in words]
    keyed = keyed_from_norms(norms, list(words))
    got = with_norms(keyed, changes)
    new_norms, new_cases = list(norms), list(words)
    for i, (norm, case) in changes.items():
        new_norms[i], new_cases[i] = norm, case
    ref = keyed_from_norms(new_norms, new_cases)
    assert got is not None
    assert (got.text, got.glued) == (ref.text, ref.glued)
    assert np.array_equal(got.start_at, ref.start_at) and np.array_equal(got.end_at, ref.end_at)
    assert list(got.cases[0:len(words)]) == new_cases
    assert [got.norm(i) for i in range(len(words))] == new_norms


@pytest.mark.parametrize("changes", [{1: ("beta", "beta")}, {0: ("", "")}, {1: ("-", "-")}, {9: ("x", "x")}])
def test_with_norms_declines_what_could_join_otherwise(changes: dict[int, tuple[str, str]]) -> None:
    """A Greek letter name, an empty or hyphen key, or a token without a key: rebuild instead."""
    keyed = keyed_from_norms(["tgf", "betas", "rose"], ["tgf", "betas", "rose"])
    assert with_norms(keyed, changes) is None
