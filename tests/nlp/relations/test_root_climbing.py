"""Climbing the parse to its root ends there (issue 12): spaCy makes a new ``Token`` object on
every access, so ``token.head is token`` never holds, not even at the root; a loop that stops
on it ran forever on a sentence whose root is no verb (Markdown list items, headings, table
rows: "**MSCs** secrete [IL-10](url), which suppresses T cells" parsed with the noun as root).
Each case runs under an alarm so that a loop fails the test instead of hanging the suite."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest
import spacy
from spacy.tokens import Doc, Token

from pipeline.nlp.relations.clauses import event_relative, inherited_subject

VOCAB = spacy.blank("en").vocab
N, V, X, D = "NOUN", "VERB", "PUNCT", "DET"


@pytest.fixture(autouse=True)
def alarm() -> Iterator[None]:
    def fail(signum: int, frame: object) -> None:
        raise TimeoutError("parse climbing did not stop at the root")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(5)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def verbless_root() -> Doc:
    """'Factors , which suppresses cells .' with the plural noun as root and a singular
    relative verb (the number disagreement that makes :func:`event_relative` look for the
    main clause's verb, which this sentence does not have)."""
    words = ["Factors", ",", "which", "suppresses", "cells", "."]
    heads = [0, 0, 3, 0, 3, 0]
    deps = ["ROOT", "punct", "nsubj", "relcl", "dobj", "punct"]
    pos = [N, X, D, V, N, X]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)


def test_event_relative_without_a_main_verb_is_none() -> None:
    doc = verbless_root()
    assert event_relative(doc[3]) is None


def test_inherited_subject_without_a_main_verb() -> None:
    doc = verbless_root()
    subject, link = inherited_subject(doc[3])
    assert (subject.text if isinstance(subject, Token) else subject, link) == ("Factors", "relcl")


def test_root_token_equals_its_head() -> None:
    """What the fix relies on: the root's head compares equal to it, though it is another object."""
    doc = verbless_root()
    assert doc[0].head is not doc[0]
    assert doc[0].head == doc[0]
