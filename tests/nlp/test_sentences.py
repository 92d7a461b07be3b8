"""A line break ends a sentence, whatever whitespace comes with it (pipeline/nlp/sentences.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.nlp import make_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return make_nlp(relations=False)


CASES = {
    "two breaks": ("Title\n\nMSCs secrete BDNF.", ["Title", "MSCs secrete BDNF."]),
    "three breaks": ("Title\n\n\nMSCs secrete BDNF.", ["Title", "MSCs secrete BDNF."]),
    "break and spaces": ("Title\n   \n  MSCs secrete BDNF.", ["Title", "MSCs secrete BDNF."]),
    "blanked block between": ("Title\n\n      \n    \n\nMSCs secrete BDNF. IL-6 rises.",
                              ["Title", "MSCs secrete BDNF.", "IL-6 rises."]),
    "spaces alone do not split": ("MSCs   secrete  BDNF.", ["MSCs   secrete  BDNF."]),
}


@pytest.mark.parametrize("text,sentences", CASES.values(), ids=CASES.keys())
def test_line_breaks_end_sentences(nlp: Language, text: str, sentences: list[str]) -> None:
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_the_sentencizer_keeps_its_name(nlp: Language) -> None:
    assert nlp.pipe_names[0] == "sentencizer"
    assert type(nlp.get_pipe("sentencizer")).__name__ == "LineSentencizer"
