"""Matcher keys of a whole document, built with numpy instead of a loop per token.

:class:`DocKeys` keeps, for every token text (ORTH hash) it has seen, its
matcher key (:func:`pipeline.lexicon.normalize.token_norm`), exact-case key and
the flags :func:`pipeline.lexicon.normalize.join_norms` needs (hyphen, empty,
Greek-letter name, starts with a digit, ends with a letter). For a document it
looks the hashes up in one ``searchsorted`` and joins the keys with the same
rules as ``join_norms``, vectorised; a new token text costs one Python call
once per process. The result, :class:`KeyedText`, is what
:meth:`pipeline.lexicon.Lexicon.scan` reads; ``join_norms`` stays the
reference (tests compare the two).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import ORTH
from spacy.tokens import Doc

from pipeline.lexicon.normalize import GREEK_NAMES, HYPHEN, case_key, join_norms, token_norm

BLOCK = "\u00b6"  # the key of a whitespace token: no term contains it, so no match crosses it
NORMAL, HYPHEN_TOKEN, EMPTY = 0, 1, 2


@dataclass
class KeyedText:
    """A token sequence's joined key ``text`` with token offsets in it.

    ``start_at[p]`` / ``end_at[p]``: the token starting at / ending at key position
    ``p`` (``-1`` if none; ``end_at`` holds token index + 1); ``glued``: key positions
    where a token is joined to the previous one without a space; ``cases[i]``: token
    i's exact-case key; ``norm(i)``: its matcher key.
    """

    text: str
    start_at: np.ndarray
    end_at: np.ndarray
    glued: list[int]
    cases: Sequence[str]
    norm: Callable[[int], str]


def keyed_from_norms(norms: list[str], cases: list[str]) -> KeyedText:
    """The reference construction from per-token keys (:func:`join_norms`)."""
    glued: list[int] = []
    text, starts, ends = join_norms(list(norms), glued)
    start_at = np.full(len(text) + 1, -1, dtype=np.int64)
    end_at = np.full(len(text) + 1, -1, dtype=np.int64)
    for i, (s, e) in enumerate(zip(starts, ends, strict=True)):
        if s >= 0:
            start_at[s] = i
            end_at[e] = i + 1
    return KeyedText(text, start_at, end_at, glued, list(cases), norms.__getitem__)


def add_tail_lengths(tails: dict[str, int], keys: list[str]) -> None:
    """Record in ``tails``, for each key's last space-separated word, the longest automaton
    word (the key behind its space) that ends with it: a key that ends a text on that word is
    no longer (what :func:`pipeline.lexicon.plurals.tail_matches` scans)."""
    get = tails.get
    for key in keys:
        word = key[key.rfind(" ") + 1:]
        if len(key) + 1 > get(word, 0):
            tails[word] = len(key) + 1


def token_positions(keyed: KeyedText) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(tokens, starts, ends): the tokens that have a key in ``keyed.text`` (in order) and
    where each one's key starts and ends there."""
    starts = np.flatnonzero(keyed.start_at >= 0)
    ends = np.flatnonzero(keyed.end_at >= 0)
    return keyed.start_at[starts], starts, ends


def _joins_alike(old: str, new: str) -> bool:
    """Token key ``new`` in place of ``old`` leaves every join decision of :func:`join_norms`
    as it was (same first-digit and last-letter flags, neither a Greek letter name)."""
    return (bool(new) and new != HYPHEN and old not in GREEK_NAMES and new not in GREEK_NAMES
            and old[0].isdigit() == new[0].isdigit() and old[-1].isalpha() == new[-1].isalpha())


def with_norms(keyed: KeyedText, changes: dict[int, tuple[str, str]],
               positions: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> KeyedText | None:
    """``keyed`` with token i's (key, exact-case key) replaced by ``changes[i]``, as
    :func:`keyed_from_norms` would build it from the changed keys, without joining the
    document again; None when a change could alter how tokens join (see
    :func:`_joins_alike`) or names a token without a key (then use :func:`keyed_from_norms`)."""
    tokens, starts, ends = positions if positions is not None else token_positions(keyed)
    text = keyed.text
    order = sorted(changes)
    where = np.searchsorted(tokens, np.asarray(order, dtype=np.int64)).tolist()
    pieces: list[str] = []
    cut = 0
    shifts: list[tuple[int, int]] = []  # (old end position, length change) per changed token
    for i, k in zip(order, where, strict=True):
        if k >= len(tokens) or int(tokens[k]) != i:
            return None
        norm = changes[i][0]
        s, e = int(starts[k]), int(ends[k])
        if not _joins_alike(text[s:e], norm):
            return None
        pieces += [text[cut:s], norm]
        cut = e
        shifts.append((e, len(norm) - (e - s)))
    pieces.append(text[cut:])
    new_text = "".join(pieces)
    change_at = np.array([e for e, _ in shifts], dtype=np.int64)
    deltas = np.cumsum([d for _, d in shifts])

    def moved(pos: np.ndarray) -> np.ndarray:
        k = np.searchsorted(change_at, pos, side="right")
        return pos + np.concatenate(([0], deltas))[k]

    start_at = np.full(len(new_text) + 1, -1, dtype=np.int64)
    end_at = np.full(len(new_text) + 1, -1, dtype=np.int64)
    start_at[moved(starts)] = tokens
    end_at[moved(ends)] = tokens + 1
    glued = moved(np.asarray(keyed.glued, dtype=np.int64)).tolist()
    cases = _Override(keyed.cases, {i: case for i, (_norm, case) in changes.items()})
    norms = {i: norm for i, (norm, _case) in changes.items()}
    base_norm = keyed.norm

    def norm_of(i: int) -> str:
        got = norms.get(i)
        return got if got is not None else base_norm(i)

    return KeyedText(new_text, start_at, end_at, glued, cases, norm_of)


class _Override(Sequence[str]):
    """``base`` with some items replaced."""

    def __init__(self, base: Sequence[str], changes: dict[int, str]) -> None:
        self.base, self.changes = base, changes

    def __len__(self) -> int:
        return len(self.base)

    def __getitem__(self, i):  # type: ignore[no-untyped-def,override]
        if isinstance(i, slice):
            return [self.changes.get(k, self.base[k]) for k in range(*i.indices(len(self)))]
        got = self.changes.get(i)
        return got if got is not None else self.base[i]


class _Lookup(Sequence[str]):
    """``values[ids[i]]``, read on demand (most tokens are never asked for)."""

    def __init__(self, values: list[str], ids: list[int]) -> None:
        self.values, self.ids = values, ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i):  # type: ignore[no-untyped-def,override]
        if isinstance(i, slice):
            return [self.values[k] for k in self.ids[i]]
        return self.values[self.ids[i]]


class DocKeys:
    """Per-process cache of token keys, and the vectorised join (see module doc).

    Entries live in growable arrays; lookups go through a sorted hash array
    (``searchsorted``) plus a small dict of recent entries, merged into the
    sorted array when it grows past a quarter of it (amortised ``n log n``).
    """

    def __init__(self, max_entries: int = 2_000_000) -> None:
        self.max_entries = max_entries
        self.norms: list[str] = []
        self.cases: list[str] = []
        self.recent: dict[int, int] = {}
        self._cap = 0
        self.kind = np.zeros(0, dtype=np.int8)
        self.length = np.zeros(0, dtype=np.int64)
        self.greek = np.zeros(0, dtype=bool)
        self.digit_first = np.zeros(0, dtype=bool)
        self.alpha_last = np.zeros(0, dtype=bool)
        self.norm_array = np.zeros(0, dtype=object)
        self._sorted_hashes = np.zeros(0, dtype=np.uint64)
        self._sorted_ids = np.zeros(0, dtype=np.int64)
        self._hashes: list[int] = []

    def _grow(self) -> None:
        cap = max(1024, 2 * self._cap)
        for name in ("kind", "length", "greek", "digit_first", "alpha_last", "norm_array"):
            old = getattr(self, name)
            new = np.zeros(cap, dtype=old.dtype)
            new[:len(old)] = old
            setattr(self, name, new)
        self._cap = cap

    def _add(self, orth: int, text: str) -> int:
        if text.isspace():
            norm, case = BLOCK, BLOCK
        else:
            norm = token_norm(text)
            case = case_key(text) if norm not in ("", HYPHEN) else ""
        i = len(self.norms)
        if i >= self._cap:
            self._grow()
        self.norms.append(norm)
        self.cases.append(case)
        self._hashes.append(orth)
        self.kind[i] = HYPHEN_TOKEN if norm == HYPHEN else EMPTY if not norm else NORMAL
        self.length[i] = len(norm)
        self.greek[i] = norm in GREEK_NAMES
        self.digit_first[i] = bool(norm) and norm[0].isdigit()
        self.alpha_last[i] = bool(norm) and norm[-1].isalpha()
        self.norm_array[i] = norm
        self.recent[orth] = i
        return i

    def _merge(self) -> None:
        hashes = np.asarray(self._hashes, dtype=np.uint64)
        order = np.argsort(hashes, kind="stable")
        self._sorted_hashes, self._sorted_ids = hashes[order], order.astype(np.int64)
        self.recent = {}

    def ids(self, doc: Doc) -> np.ndarray:
        """Entry ids of the doc's tokens (new token texts are added first)."""
        orths = doc.to_array(ORTH).astype(np.uint64, copy=False)
        table = self._sorted_hashes
        if len(table):
            pos = np.searchsorted(table, orths).clip(0, len(table) - 1)
            known = table[pos] == orths
            out = np.where(known, self._sorted_ids[pos], -1)
        else:
            known = np.zeros(len(orths), dtype=bool)
            out = np.full(len(orths), -1, dtype=np.int64)
        missing = np.flatnonzero(~known)
        if len(missing):
            if len(self.norms) + len(missing) > self.max_entries:  # pragma: no cover - a safety valve
                self.__init__(self.max_entries)  # type: ignore[misc]
                return self.ids(doc)
            strings = doc.vocab.strings
            recent = self.recent
            for i in missing.tolist():
                orth = int(orths[i])
                got = recent.get(orth)
                out[i] = got if got is not None else self._add(orth, strings[orth])
            if len(self.recent) > max(4096, len(self._sorted_hashes) // 4):
                self._merge()
        return out

    def __call__(self, doc: Doc) -> KeyedText:
        """The doc's joined key text, as ``join_norms`` would build it."""
        ids = self.ids(doc)
        n = len(ids)
        kind = self.kind[ids] if n else np.zeros(0, dtype=np.int8)
        valid = np.flatnonzero(kind == NORMAL)
        id_list = ids.tolist()
        cases = _Lookup(self.cases, id_list)
        norms = self.norms

        def norm(i: int) -> str:
            return norms[id_list[i]]

        if not len(valid):
            return KeyedText("", np.full(1, -1), np.full(1, -1), [], cases, norm)
        vid = ids[valid]
        hyphens = np.cumsum(kind == HYPHEN_TOKEN)
        prev = valid[:-1]
        cur = valid[1:]
        glue = hyphens[cur] - hyphens[prev] > 0
        pid, cid = vid[:-1], vid[1:]
        soft = (self.alpha_last[pid] & self.digit_first[cid]) | self.greek[cid] | self.greek[pid]
        joined = glue | soft
        space = np.concatenate(([0], (~joined).astype(np.int64)))
        lengths = self.length[vid]
        ends = np.cumsum(lengths + space)
        starts = ends - lengths
        pieces = np.empty(2 * len(valid), dtype=object)
        pieces[0::2] = np.where(space.astype(bool), " ", "")
        pieces[1::2] = self.norm_array[vid]
        text = "".join(pieces.tolist())
        start_at = np.full(len(text) + 1, -1, dtype=np.int64)
        end_at = np.full(len(text) + 1, -1, dtype=np.int64)
        start_at[starts] = valid
        end_at[ends] = valid + 1
        glued = starts[1:][joined].tolist()
        return KeyedText(text, start_at, end_at, glued, cases, norm)
