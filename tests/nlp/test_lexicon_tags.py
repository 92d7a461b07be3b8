"""The vocabulary-match feature (token.tag_) for trained NER models."""

from __future__ import annotations

import spacy

import pipeline.nlp  # noqa: F401  (registers the factories)
from pipeline.tokenize import make_tokenizer


def test_bio_tags_from_vocabularies_only() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer = make_tokenizer(nlp)
    nlp.add_pipe("mechmine_lexicon_tags")
    nlp.initialize()
    doc = nlp("Cisplatin caused nephrotoxicity in Parkinson's disease patients given MSCs.")
    tags = {t.text: t.tag_ for t in doc}
    assert tags["Cisplatin"] == "B-CHEMICAL"
    assert [tags[w] for w in ("Parkinson", "'s", "disease")] == ["B-DISEASE", "I-DISEASE", "I-DISEASE"]
    assert tags["patients"] == "O"
    # terms learned from training corpora are no feature (a test text could not have them)
    assert tags["nephrotoxicity"] == "O" and tags["MSCs"] == "O"
    assert nlp("").text == ""
