"""Sentences read from the token array: :func:`sentence_bounds`, and the sentencizer.

``doc.sents`` and ``span.sent`` walk Token objects in Python; the batch path
only needs each sentence's token range, which ``Doc.to_array(SENT_START)``
gives at once.

``mechmine_sentencizer`` is spaCy's rule-based ``Sentencizer`` (same settings, same
boundaries: tests compare the two) with its per-token loop, which makes a Token object
per token, done as array work over ``ORTH`` and ``IS_PUNCT``: a token that is neither
punctuation nor one of ``punct_chars`` starts a sentence when one of ``punct_chars`` came
after the previous such token (the first token always starts one).
"""

from collections.abc import Callable, Iterable

import numpy as np
from spacy.attrs import IS_PUNCT, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline.sentencizer import BACKWARD_OVERWRITE, Sentencizer
from spacy.strings import hash_string
from spacy.tokens import Doc


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of the doc's sentences, as ``doc.sents`` gives them
    (one sentence for a doc without sentence boundaries)."""
    if not len(doc):
        return []
    starts = np.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def has_sentences(doc: Doc) -> bool:
    """Some token has a sentence-start value (``doc.has_annotation("SENT_START")`` without
    making a Token per token)."""
    return bool(len(doc)) and bool((doc.to_array(SENT_START) != 0).any())


def sentence_starts(orth: np.ndarray, is_punct: np.ndarray, punct: np.ndarray) -> np.ndarray:
    """Per token, whether spaCy's ``Sentencizer`` starts a sentence there (``orth``: token
    hashes; ``is_punct``: the lexeme flag; ``punct``: the sorted hashes of ``punct_chars``)."""
    n = len(orth)
    out = np.zeros(n, dtype=bool)
    if not n:
        return out
    if len(punct):
        pos = np.searchsorted(punct, orth).clip(0, len(punct) - 1)
        ends = punct[pos] == orth
    else:
        ends = np.zeros(n, dtype=bool)
    words = np.flatnonzero(~(ends | is_punct.astype(bool)))
    before = np.concatenate(([0], np.cumsum(ends)))  # before[i]: sentence-end tokens in [0, i)
    previous = np.concatenate(([-1], words[:-1]))
    out[words[before[words] - before[previous + 1] > 0]] = True
    out[0] = True
    return out


class ArraySentencizer(Sentencizer):
    """spaCy's ``Sentencizer`` with array work in place of its token loop (see module doc)."""

    @property
    def punct_chars(self) -> set[str]:
        return self._punct_chars

    @punct_chars.setter
    def punct_chars(self, chars: Iterable[str]) -> None:
        self._punct_chars = set(chars)
        self._punct_hashes = np.array(sorted(hash_string(c) for c in self._punct_chars), dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array([ORTH, IS_PUNCT, SENT_START])
        starts = sentence_starts(arr[:, 0], arr[:, 1], self._punct_hashes)
        values = np.where(starts, 1, -1).astype(np.int64)
        if not self.overwrite:
            current = arr[:, 2].astype(np.int64)
            values = np.where(current == 0, values, current)
        doc.from_array([SENT_START], values.astype(np.uint64).reshape(-1, 1))
        return doc


@Language.factory(
    "mechmine_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"punct_chars": None, "overwrite": BACKWARD_OVERWRITE,
                    "scorer": {"@scorers": "spacy.senter_scorer.v1"}},
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_array_sentencizer(nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool,
                           scorer: Callable | None) -> ArraySentencizer:  # type: ignore[type-arg]
    """spaCy's rule-based sentencizer, computed over the token arrays."""
    return ArraySentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)
