"""An OUTCOME object is shown with the of-phrase that follows it (:mod:`pipeline.nlp.relations.display`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.relations.display import with_of_phrase
from pipeline.nlp.relations.types import Mention

N, V, A, P, D, X, C, AUX = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "CCONJ", "AUX"

CASES = {
    # the of-phrase names what was lost
    "loss of a function": (
        "[Stroke|DISEASE] causes total loss of motor function .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (3, "prep", P),
         (6, "amod", A), (4, "pobj", N), (1, "punct", X)],
        {("Stroke", "DRIVES", "total loss of motor function")}),
    # an of-phrase over an entity mention is shown too (the mention is no object of its own here)
    "loss of a named cell": (
        "[Gout|DISEASE] leads to the loss of [chondrocytes|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (4, "det", D), (2, "pobj", N),
         (4, "prep", P), (5, "pobj", N), (1, "punct", X)],
        {("Gout", "DRIVES", "loss of chondrocytes")}),
    # the list the of-object goes on with stays out
    "the list after the of-object stays out": (
        "[Stroke|DISEASE] causes loss of function and pain .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "prep", P), (3, "pobj", N),
         (4, "cc", C), (4, "conj", N), (1, "punct", X)],
        {("Stroke", "DRIVES", "loss of function")}),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_outcome_shown_with_of_phrase(parsed_relations: Callable[..., set], marked: str,
                                      rows: list[tuple[int, str, str]], expected: set) -> None:
    assert {(s, p, o) for s, p, o, _ in parsed_relations(marked, rows)} == expected


def _parse(blank: Language, words: list[str], rows: list[tuple[int, str, str]]) -> Doc:
    heads, deps, pos = (list(x) for x in zip(*rows, strict=True))
    return Doc(blank.vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_without_of_phrase_the_mention_is_kept(blank: Language) -> None:
    parse = _parse(blank, ["It", "improves", "motor", "function", "."],
                   [(1, "nsubj", "PRON"), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "punct", X)])
    m = Mention(12, 14, 109, 123, "motor function", "OUTCOME", ("OUTCOME",), "")
    assert with_of_phrase(parse, 10, m, 100) is m


def test_widened_offsets_follow_the_sentence(blank: Language) -> None:
    parse = _parse(blank, ["It", "causes", "loss", "of", "sleep", "."],
                   [(1, "nsubj", "PRON"), (1, "ROOT", V), (1, "dobj", N), (2, "prep", P), (3, "pobj", N),
                    (1, "punct", X)])
    m = Mention(12, 13, 110, 114, "loss", "OUTCOME", ("OUTCOME",), "")
    shown = with_of_phrase(parse, 10, m, 100)
    assert (shown.start, shown.end, shown.start_char, shown.end_char, shown.text) == (
        12, 15, 110, 123, "loss of sleep")
