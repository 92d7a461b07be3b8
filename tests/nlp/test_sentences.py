"""The array sentencizer gives spaCy's Sentencizer boundaries, on hand-written texts."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokens import Doc

from pipeline.nlp.sentences import ArraySentencizer, sentence_bounds
from pipeline.tokenize import make_tokenizer

NLP = spacy.blank("en")
NLP.tokenizer = make_tokenizer(NLP)
PUNCT = [*Sentencizer.default_punct_chars, "\n", "\r\n", "\n\n"]

TEXTS = [
    "Cells divide. They grow!",
    "Is it? Yes... it is.",
    "A (see Fig. 2) result.",
    "Ends with a quote.\" Next one.",
    "No boundary here",
    ". Starts with a period",
    "!!! ???",
    "Heading\nBody text. More\n\nNext block\r\nLast",
    "  leading spaces. And \n trailing  ",
    "x",
    ".",
]


def starts(doc: Doc) -> list[int]:
    return doc.to_array("SENT_START").astype(np.int64).tolist()


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("punct", [PUNCT, None, ["!"]])
def test_same_as_spacy(text: str, punct: list[str] | None) -> None:
    ours, theirs = NLP.make_doc(text), NLP.make_doc(text)
    ArraySentencizer(punct_chars=punct)(ours)
    Sentencizer(punct_chars=punct)(theirs)
    assert starts(ours) == starts(theirs)


@pytest.mark.parametrize(("text", "expected"), [
    ("Cells divide. They grow!", ["Cells divide.", "They grow!"]),
    ("Is it?! Yes.", ["Is it?!", "Yes."]),
    ("One. (Two.) Three", ["One. (", "Two.)", "Three"]),  # punctuation after a period stays with it
    ("Title\nText here.", ["Title\n", "Text here."]),
])
def test_sentences(text: str, expected: list[str]) -> None:
    doc = ArraySentencizer(punct_chars=PUNCT)(NLP.make_doc(text))
    assert [doc[s:e].text_with_ws.strip(" ") for s, e in sentence_bounds(doc)] == expected


def test_keeps_boundaries_set_before() -> None:
    doc = NLP.make_doc("one two three. four")
    doc[1].is_sent_start = True
    ArraySentencizer()(doc)
    assert [t.is_sent_start for t in doc] == [True, True, False, False, True]


def test_empty_doc_and_changed_chars() -> None:
    assert len(ArraySentencizer()(NLP.make_doc(""))) == 0
    pipe = ArraySentencizer()
    pipe.punct_chars = ["!"]
    doc = pipe(NLP.make_doc("a . b ! c"))
    assert [t.is_sent_start for t in doc] == [True, False, False, False, True]


def test_in_the_pipeline() -> None:
    from pipeline.nlp import make_nlp

    nlp = make_nlp()
    assert isinstance(nlp.get_pipe("sentencizer"), ArraySentencizer)
    assert nlp.get_pipe("sentencizer").punct_chars == set(PUNCT)
