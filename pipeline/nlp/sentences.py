"""Sentences read from the token array: :func:`sentence_bounds`; a line break ends one.

``mechmine_sentences`` (added as ``sentencizer``) is spaCy's sentencizer with one more rule
(:func:`mark_line_starts`): the token after any whitespace token holding a line break starts a
sentence. spaCy's ``punct_chars`` match whole token texts, so "\n" and "\n\n" ended a sentence
but "\n\n\n", "\n  " or the spaces ingest leaves where it blanked a block or Markdown markup
did not, and a heading or title was glued to the next sentence ("Rheumatoid Arthritis ... RA
causes ...").

``doc.sents`` and ``span.sent`` walk Token objects in Python; the batch path
only needs each sentence's token range, which ``Doc.to_array(SENT_START)``
gives at once. (A numpy version of the sentencizer itself was tried and was
no faster than spaCy's: its cost is per-document overhead.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
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


def mark_line_starts(doc: Doc) -> Doc:
    """Make the token after each whitespace token with a line break a sentence start."""
    n = len(doc)
    for i in np.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        if i + 1 < n and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


class LineSentencizer(Sentencizer):
    """spaCy's rule-based sentencizer, and a line break ends a sentence (:func:`mark_line_starts`)."""

    def __call__(self, doc: Doc) -> Doc:
        return mark_line_starts(super().__call__(doc))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in super().pipe(stream, batch_size=batch_size):
            yield mark_line_starts(doc)


@Language.factory("mechmine_sentences", assigns=["token.is_sent_start", "doc.sents"],
                  default_config={"punct_chars": None, "overwrite": False,
                                  "scorer": {"@scorers": "spacy.senter_scorer.v1"}})
def make_sentences(nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool,
                   scorer: Callable[..., dict[str, object]] | None) -> LineSentencizer:
    return LineSentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)
