"""Sentences read from the token array: :func:`sentence_bounds`.

``doc.sents`` and ``span.sent`` walk Token objects in Python; the batch path
only needs each sentence's token range, which ``Doc.to_array(SENT_START)``
gives at once. (A numpy version of the sentencizer itself was tried and was
no faster than spaCy's: its cost is per-document overhead.)
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import SENT_START
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
