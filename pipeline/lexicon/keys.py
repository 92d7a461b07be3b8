"""Matcher keys of terms: the mechmine tokenizer's tokens, normalised and concatenated.

Keys have no separators, so "IL-10", "IL 10" and "IL10", or "factor-1" and
"factor 1", share a key; the matcher only accepts matches that start and end
on token boundaries of the text. Hyphen tokens normalise to nothing.

A term's ``key`` is compared with the same key of a document's token
sequence; ``case_form`` (kept only for short all-letter terms, see
:func:`pipeline.lexicon.normalize.is_case_sensitive`) is what the text must
spell exactly.
"""

from __future__ import annotations

import spacy

from pipeline.lexicon.normalize import case_key, is_case_sensitive, token_norm
from pipeline.nlp.tokenizer import make_tokenizer


class TermKeys:
    """Callable: term -> (key, case_form); uses its own tokenizer instance."""

    def __init__(self) -> None:
        nlp = spacy.blank("en")
        self.tokenizer = make_tokenizer(nlp)
        self.norms: dict[str, str] = {}

    def __call__(self, term: str) -> tuple[str, str]:
        words = [t.text for t in self.tokenizer(term) if not t.is_space]
        key = "".join(self._norm(w) for w in words)
        case_form = "".join(case_key(w) for w in words if token_norm(w)) if is_case_sensitive(term) else ""
        return key, case_form

    def _norm(self, word: str) -> str:
        norm = self.norms.get(word)
        if norm is None:
            norm = self.norms[word] = token_norm(word)
        return norm
