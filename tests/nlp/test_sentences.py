"""A line break ends a sentence, whatever whitespace comes with it, except inside hard-wrapped
text (pipeline/nlp/sentences.py)."""

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
    "a heading before a capital": ("Rheumatoid Arthritis\nRA causes pain.",
                                   ["Rheumatoid Arthritis", "RA causes pain."]),
    # hard-wrapped text: a single break before a lower-case word continues the sentence
    "wrapped before lower case": ("MSCs secrete IL-10, which\nsuppresses T cells.\nIL-6 rises.",
                                  ["MSCs secrete IL-10, which\nsuppresses T cells.", "IL-6 rises."]),
    "a blank line still ends one": ("Stem cells\n\nsecrete factors.", ["Stem cells", "secrete factors."]),
    "a sentence end before the break": ("MSCs help:\nthey secrete BDNF.",
                                        ["MSCs help:", "they secrete BDNF."]),
    # a wrapped document: a full-width line continues even before a capital
    "wrapped document, full-width line": (
        "Mesenchymal stem cells are studied widely in lung fibrosis and\nin spinal cord injury, where "
        "they\nsecrete factors that calm the immune system and\nIL-10 that suppresses T cells.\nShort heading"
        "\nTheir effects remain unclear.",
        ["Mesenchymal stem cells are studied widely in lung fibrosis and\nin spinal cord injury, where they\n"
         "secrete factors that calm the immune system and\nIL-10 that suppresses T cells.", "Short heading",
         "Their effects remain unclear."]),
    # not a wrapped document (one lower-case continuation only): a capital after a break starts one
    "unwrapped document keeps capital starts": (
        "Stem cells help patients with a long and winding description here\nMSCs secrete BDNF.",
        ["Stem cells help patients with a long and winding description here", "MSCs secrete BDNF."]),
}


@pytest.mark.parametrize("text,sentences", CASES.values(), ids=CASES.keys())
def test_line_breaks_end_sentences(nlp: Language, text: str, sentences: list[str]) -> None:
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_the_sentencizer_keeps_its_name(nlp: Language) -> None:
    assert nlp.pipe_names[0] == "sentencizer"
    assert type(nlp.get_pipe("sentencizer")).__name__ == "LineSentencizer"


WRAPPED = ("Mesenchymal stem cells are studied widely in lung fibrosis and\n"
           "in spinal cord injury, where they\n"
           "secrete factors that calm the immune system.\n"
           "In these models their main effects include\n")


@pytest.mark.parametrize("marker", ["-", "•", "1."])
def test_a_list_item_is_no_continuation(nlp: Language, marker: str) -> None:
    """In a wrapped document a full-width line before a list item still ends a sentence (the
    sentencizer also makes the marker one)."""
    sents = [s.text.strip() for s in nlp(f"{WRAPPED}{marker} lower IL-6 in mice").sents]
    assert sents[1] == "In these models their main effects include"
