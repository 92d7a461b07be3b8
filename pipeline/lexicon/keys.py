"""Matcher keys of terms: the mechmine tokenizer's tokens, normalised and joined.

Tokens are joined by :func:`pipeline.lexicon.normalize.join_norms`, so that
"IL-10", "IL 10" and "IL10", or "factor-1" and "factor 1", share a key, while
"them is" does not read "THEMIS"; the matcher only accepts matches that start
and end on token boundaries of the text.

A term's ``key`` is compared with the same key of a document's token
sequence; ``case_form`` (kept only for short all-letter terms, see
:func:`pipeline.lexicon.normalize.is_case_sensitive`) is what the text must
spell exactly.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy

from pipeline.lexicon.normalize import HYPHEN, case_key, is_case_sensitive, join_norms, token_norm
from pipeline.tokenize import make_tokenizer


class TermKeys:
    """Callable: term -> (key, case_form); uses its own tokenizer instance.

    ``case_form`` lists the spellings a short all-letter term may take,
    '|'-separated: its own; for a symbol in capitals also Title case and
    lower case ("AKT" -> "Akt", "akt"; papers write mouse and viral genes so),
    unless that lower-case form is a common English word (``is_common``,
    e.g. wordfreq: "WAS", "CAT" keep exact case). A longer one-word symbol in
    capitals that is an English word ("TACTILE", an alias of CD96) also keeps
    its exact case.
    """

    def __init__(self, is_common: Callable[[str], bool] | None = None) -> None:
        nlp = spacy.blank("en")
        self.tokenizer = make_tokenizer(nlp)
        self.norms: dict[str, str] = {}
        self.is_common = is_common or (lambda _word: True)

    def __call__(self, term: str) -> tuple[str, str]:
        words = [t.text for t in self.tokenizer(term) if not t.is_space]
        key = join_norms([self._norm(w) for w in words])[0]
        shouted_word = len(words) == 1 and term.isupper() and self.is_common(term.lower())
        if not is_case_sensitive(term) and not shouted_word:
            return key, ""
        own = "".join(case_key(w) for w in words if token_norm(w) not in ("", HYPHEN))
        forms = [own]
        if own.islower():
            forms.append(own.capitalize())
        elif len(own) >= 3 and not self.is_common(own.lower()):
            forms += [own.upper(), own.capitalize(), own.lower()]
        return key, "|".join(dict.fromkeys(forms))

    def _norm(self, word: str) -> str:
        norm = self.norms.get(word)
        if norm is None:
            norm = self.norms[word] = token_norm(word)
        return norm
