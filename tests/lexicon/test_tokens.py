"""The vectorised document keys (pipeline.lexicon.tokens) equal the reference join_norms."""

from __future__ import annotations

import numpy as np
import pytest
import spacy

from pipeline.lexicon.normalize import token_norm
from pipeline.lexicon.tokens import BLOCK, DocKeys, keyed_from_norms
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
