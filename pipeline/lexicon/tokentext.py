"""A doc's token strings for the mention rules, read from its arrays (:class:`TokenText`), and
the string ids of a rule file's word lists (:func:`word_ids`), so that a rule whose words a
document lacks is skipped with one set test instead of a look at every match or token."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from spacy.attrs import LOWER, ORTH, SPACY
from spacy.strings import get_string_id
from spacy.tokens import Doc


class TokenText:
    """A doc's token strings read from its arrays on demand, for the mention rules: ``doc[i]``
    makes a Token object per call, which costs more than the rule itself."""

    __slots__ = ("_lower", "_lower_set", "_orth", "_strings", "_ws", "doc", "n")

    def __init__(self, doc: Doc) -> None:
        arr = doc.to_array([LOWER, ORTH, SPACY]) if len(doc) else np.zeros((0, 3), dtype=np.uint64)
        self.doc, self.n, self._strings = doc, len(doc), doc.vocab.strings
        self._lower, self._orth, self._ws = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist()
        self._lower_set: frozenset[int] | None = None

    def word(self, i: int) -> str:
        """Token i's lower-case text ('' outside the doc)."""
        return self._strings[self._lower[i]] if 0 <= i < self.n else ""

    def text(self, i: int) -> str:
        return self._strings[self._orth[i]]

    @property
    def lower_ids(self) -> list[int]:
        """The tokens' lower-case string ids (hashes)."""
        return self._lower

    def spaced(self, i: int) -> bool:
        """Token i has trailing whitespace."""
        return bool(self._ws[i])

    def has_any(self, ids: frozenset[int]) -> bool:
        """Some token's lower-case text has one of the string ids ``ids`` (:func:`word_ids`)."""
        if self._lower_set is None:
            self._lower_set = frozenset(self._lower)
        return not ids.isdisjoint(self._lower_set)


_IDS: dict[tuple[int, str], tuple[object, frozenset[int]]] = {}


def word_ids(owner: object, name: str, words: Callable[[], Iterable[str]]) -> frozenset[int]:
    """The string ids (hashes, as ``vocab.strings[word]``) of ``words()``: the word list ``name``
    of the rules object ``owner``, computed once per owner (the rules are loaded once and not
    changed; a new object is another key)."""
    key = (id(owner), name)
    got = _IDS.get(key)
    if got is None or got[0] is not owner:
        if len(_IDS) >= 1024:
            _IDS.clear()
        got = _IDS[key] = (owner, frozenset(get_string_id(w) for w in words()))
    return got[1]
