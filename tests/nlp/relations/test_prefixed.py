"""``prefixed``: "up-regulated" / "down-regulation", split at the hyphen by the tokenizer, are
read by the rules as one word: an increase or a decrease, not the undirected "regulate"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.nlp.relations.prefixed import joined_words

WORDS = {
    "down before a stem": (["il10", "down", "-", "regulates", "tnf"],
                           ["il10", "down", "-", "downregulates", "tnf"]),
    "up before a noun": (["the", "up", "-", "regulation", "of"], ["the", "up", "-", "upregulation", "of"]),
    "no hyphen": (["up", "regulated"], ["up", "regulated"]),
    "another prefix": (["self", "-", "regulated"], ["self", "-", "regulated"]),
    "another word": (["down", "-", "stream"], ["down", "-", "stream"]),
}


@pytest.mark.parametrize("words,expected", WORDS.values(), ids=WORDS.keys())
def test_joined_words(words: list[str], expected: list[str]) -> None:
    assert joined_words(words) == expected


CASES = {
    "down-regulates": ("[IL10|GENE_OR_PROTEIN] down-regulates [TNF|GENE_OR_PROTEIN] .",
                       {("IL10", "DECREASES", "TNF")}),
    "up-regulated by": ("[CD80|GENE_OR_PROTEIN] was up-regulated by [CD40|GENE_OR_PROTEIN] .",
                        {("CD40", "INCREASES", "CD80")}),
    "regulates stays undirected": ("[IL10|GENE_OR_PROTEIN] regulates [TNF|GENE_OR_PROTEIN] .",
                                   {("IL10", "ASSOCIATED_WITH", "TNF")}),
}


@pytest.mark.parametrize("marked,expected", CASES.values(), ids=CASES.keys())
def test_prefixed_triggers(relations_of: Callable[[str], list], marked: str,
                           expected: set[tuple[str, str, str]]) -> None:
    assert {(r.subject.text, r.predicate, r.object.text) for r in relations_of(marked)} == expected


# a word only nominal rules read is a trigger only before its of-phrase: without one it is a list
# item, and the list it stands in keeps its later members
LISTED = {
    "nominalisation inside a list": (
        "[IL1|GENE_OR_PROTEIN] increased [IL6|GENE_OR_PROTEIN] induction and [TNF|GENE_OR_PROTEIN] .",
        {("IL1", "INCREASES", "IL6"), ("IL1", "INCREASES", "TNF")}),
    "nominalisation with its of-phrase": (
        "activation of [STAT4|GENE_OR_PROTEIN] by [IL12|GENE_OR_PROTEIN] .",
        {("IL12", "ACTIVATES", "STAT4")}),
}


@pytest.mark.parametrize("marked,expected", LISTED.values(), ids=LISTED.keys())
def test_bare_nominal(relations_of: Callable[[str], list], marked: str,
                      expected: set[tuple[str, str, str]]) -> None:
    assert {(r.subject.text, r.predicate, r.object.text) for r in relations_of(marked)} == expected
