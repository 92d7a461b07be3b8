"""List members over hand-built parses (pipeline/nlp/relations/members.py): a trigger verb between
two nouns cuts the list, a participle of state that opens a later item does not (relcoord)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import pipeline.nlp.extensions  # noqa: F401  (token._.mm_trigger)
from pipeline.nlp.relations.members import list_members, state_modifier

N, V, A, X, C = "NOUN", "VERB", "ADJ", "PUNCT", "CCONJ"
VOCAB = spacy.blank("en").vocab


def parse(words: str, rows: list[tuple[int, str, str]], triggers: set[str]) -> Doc:
    heads, deps, pos = (list(x) for x in zip(*rows, strict=True))
    doc = Doc(VOCAB, words=words.split(), heads=heads, deps=deps, pos=pos)
    for t in doc:
        t._.mm_trigger = t.lower_ in triggers
    return doc


# "include" 1: 2 is the first item; (words, rows, trigger words, index of the list head, members)
CASES = {
    "a participle opening an item after a comma": (
        "Signs include aphasia , reduced gait control .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (6, "amod", V), (6, "compound", N),
         (2, "conj", N), (1, "punct", X)],
        {"include", "reduced"}, 2, ["control"]),
    "an adjective opening an item after the coordinator": (
        "Signs include aphasia and impaired gait .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (5, "amod", A), (2, "conj", N),
         (1, "punct", X)],
        {"include", "impaired"}, 2, ["gait"]),
    "a base-form verb between the nouns cuts the list": (
        "Cells secrete HGF and decrease TGF .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (5, "amod", V), (2, "conj", N),
         (1, "punct", X)],
        {"secrete", "decrease"}, 2, []),
    "a participle inside the item, not opening it, cuts the list": (
        "Signs include aphasia and nerve - related pain .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (6, "npadvmod", N), (6, "punct", X),
         (7, "amod", V), (2, "conj", N), (1, "punct", X)],
        {"include", "related"}, 2, []),
}


@pytest.mark.parametrize("words,rows,triggers,head,members", CASES.values(), ids=CASES.keys())
def test_list_members_across_trigger_words(words: str, rows: list[tuple[int, str, str]], triggers: set[str],
                                           head: int, members: list[str]) -> None:
    doc = parse(words, rows, triggers)
    assert [t.text for t in list_members(doc[head])] == members


def test_state_modifier_needs_its_own_noun() -> None:
    doc = parse("Signs include aphasia , reduced gait control .",
                [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (6, "amod", V),
                 (6, "compound", N), (2, "conj", N), (1, "punct", X)], {"reduced"})
    assert state_modifier(doc[4], doc[6])
    assert not state_modifier(doc[4], doc[5])  # not the noun it modifies
