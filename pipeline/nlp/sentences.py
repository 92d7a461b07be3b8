"""Sentences read from the token array: :func:`sentence_bounds`; a line break ends one.

``mechmine_sentences`` (added as ``sentencizer``) is spaCy's sentencizer with one more rule
(:func:`mark_line_starts`): the token after any whitespace token holding a line break starts a
sentence. spaCy's ``punct_chars`` match whole token texts, so "\n" and "\n\n" ended a sentence
but "\n\n\n", "\n  " or the spaces ingest leaves where it blanked a block or Markdown markup
did not, and a heading or title was glued to the next sentence ("Rheumatoid Arthritis ... RA
causes ...").

Not where the text is hard-wrapped (:func:`wrapped_line_starts`): text copied from a PDF, an
e-mail or a fixed-width file breaks its lines inside sentences ("MSCs secrete IL-10, which\n
suppresses T cells"); such a single line break continues the sentence when the next line opens
in lower case, and, in a document whose lines are wrapped, when the line before runs to about
the wrap width without ending a sentence. A blank line, a line ending in . ! ? : ; and a next
line opening a list item always end one.

``doc.sents`` and ``span.sent`` walk Token objects in Python; the batch path
only needs each sentence's token range, which ``Doc.to_array(SENT_START)``
gives at once. (A numpy version of the sentencizer itself was tried and was
no faster than spaCy's: its cost is per-document overhead.)
"""

from __future__ import annotations

from collections.abc import Callable

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


ENDS_SENTENCE = frozenset({".", "!", "?", ":", ";"})
LIST_MARKERS = frozenset({"•", "-", "*", "–", "—", "·", "▪", "○", "◦", "‣", "+"})
WRAP_SHARE = 0.75  # a wrapped line runs to at least this share of the wrap width
MIN_WRAPS = 2  # lower-case continuations that show a document is hard-wrapped ...
WRAP_RATE = 0.25  # ... and their least share of its single line breaks


def opens_item(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a list item: a bullet, or a number or letter with "." or ")" ("1.", "a)")."""
    t = doc[i]
    nxt = doc[i + 1].text if i + 1 < len(doc) else ""
    return t.text in LIST_MARKERS or ((t.like_num or len(t.text) == 1) and nxt in (".", ")"))


def line_breaks(doc: Doc) -> list[tuple[int, bool]]:
    """(token, single) of each whitespace token with a line break that has words on both sides;
    ``single``: one line break and no blank line."""
    n = len(doc)
    return [(i, doc[i].text.count("\n") == 1) for i in np.flatnonzero(doc.to_array(IS_SPACE)).tolist()
            if 0 < i < n - 1 and "\n" in doc[i].text]


def line_length(doc: Doc, i: int) -> int:
    """Characters of the line that ends at whitespace token ``i`` (from the line break before)."""
    start = doc.text.rfind("\n", 0, doc[i].idx) + 1
    return doc[i].idx - start


def wrapped_line_starts(doc: Doc, found: list[tuple[int, bool]] | None = None) -> set[int]:
    """Tokens after a single line break that continue the sentence before (module text);
    ``found``: the doc's :func:`line_breaks`, when known."""
    found = line_breaks(doc) if found is None else found
    breaks = [(i, single) for i, single in found
              if single and doc[i - 1].text not in ENDS_SENTENCE and not opens_item(doc, i + 1)]
    lower = {i + 1 for i, _ in breaks if doc[i + 1].text[:1].islower()}
    singles = sum(1 for _, single in found if single)
    if len(lower) < MIN_WRAPS or len(lower) < WRAP_RATE * singles:
        return lower
    lengths = sorted(line_length(doc, i) for i, _ in breaks)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return lower | {i + 1 for i, _ in breaks if line_length(doc, i) >= WRAP_SHARE * width}


def mark_line_starts(doc: Doc) -> Doc:
    """Make the token after each whitespace token with a line break a sentence start, except
    where a hard-wrapped line continues the sentence (:func:`wrapped_line_starts`)."""
    found = line_breaks(doc)
    continued = wrapped_line_starts(doc, found) if found else set()
    for i, _ in found:
        doc[i + 1].is_sent_start = i + 1 not in continued
    return doc


class LineSentencizer(Sentencizer):
    """spaCy's rule-based sentencizer, and a line break ends a sentence (:func:`mark_line_starts`)."""

    def __call__(self, doc: Doc) -> Doc:  # spaCy's ``pipe`` calls it for each doc
        return mark_line_starts(super().__call__(doc))


@Language.factory("mechmine_sentences", assigns=["token.is_sent_start", "doc.sents"],
                  default_config={"punct_chars": None, "overwrite": False,
                                  "scorer": {"@scorers": "spacy.senter_scorer.v1"}})
def make_sentences(nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool,
                   scorer: Callable[..., dict[str, object]] | None) -> LineSentencizer:
    return LineSentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)
