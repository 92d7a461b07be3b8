"""Plural fallback: a plural word the vocabulary lacks is read as its singular.

The vocabularies list many names in one number only ("degenerative disease",
"pulmonary alveolus"); the text writes "degenerative diseases". :func:`singulars`
gives the singular readings of one lower-case word (English ``-s``/``-es``/``-ies``
and the Latin ``-i`` -> ``-us``, ``-ae`` -> ``-a``); :func:`plural_matches` reads
the document again with the last word of a would-be name in the singular (scanning only
the stretch before each such word, :func:`tail_matches`) and keeps the matches that end on
such a word; a span the first scan matched or stopped stays as it
was (a plural the vocabulary has, or one its stoplist removes).
Only words written in lower case or Title case are read so: "DCs" or "MSCs" are
abbreviations (see :mod:`pipeline.nlp.abbreviations`), and short symbols keep their
exact case.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from pipeline.lexicon import LENGTH_BITS, LENGTH_MASK, Lexicon, Match
from pipeline.lexicon.tokens import (
    BLOCK,
    KeyedText,
    _joins_alike,
    keyed_from_norms,
    token_positions,
    with_norms,
)

MIN_LENGTH = 4  # "has", "was", "its" are no plurals of a name
_ES = ("sses", "shes", "ches", "xes", "zes")
_NOT_S = ("ss", "us", "is", "ous", "ys")


def singulars(word: str) -> list[str]:
    """Singular readings of the lower-case ``word`` (most likely first; none if it reads no plural)."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return []
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith(_ES):
        return [word[:-2], word[:-1]]  # "processes" -> "process"; "niches" -> "niche"
    if word.endswith("s") and not word.endswith(_NOT_S):
        return [word[:-1]]
    if word.endswith("ae"):
        return [word[:-1]]  # vertebrae
    if word.endswith("i"):
        return [word[:-1] + "us"]  # alveoli, nuclei
    return []


def _case_singular(case: str, norm: str, singular: str) -> str:
    """The exact-case key with the same ending change as ``norm`` -> ``singular``."""
    if len(case) != len(norm):
        return singular
    if norm.startswith(singular):  # "-s", "-es", "-ae": an ending cut off
        return case[:len(singular)]
    common = 0
    while common < min(len(norm), len(singular)) and norm[common] == singular[common]:
        common += 1
    return case[:common] + singular[common:] if len(case) == len(norm) else singular


def readable(case: str) -> bool:
    """A word in lower case or Title case (not "DCs", "MSCs", "NETs")."""
    return case.isalpha() and case[1:].islower()


_S, _I, _E, _A, _U, _Y = (ord(c) for c in "sieauy")


def plural_candidates(keyed: KeyedText, positions: tuple[np.ndarray, np.ndarray, np.ndarray],
                      ) -> list[dict[int, tuple[str, str]]]:
    """Per reading (most likely first, then the second of "-es" words), token i -> (singular
    key, singular exact-case key) of each token that reads as a plural. Only tokens whose key
    has :data:`MIN_LENGTH` characters and an ending :func:`singulars` reads are looked at
    (found with numpy)."""
    tokens, starts, ends = positions
    variants: list[dict[int, tuple[str, str]]] = [{}, {}]
    if not len(tokens):
        return variants
    text = keyed.text
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    long = ends - starts >= MIN_LENGTH
    last, second = codes[ends - 1], codes[np.maximum(ends - 2, 0)]
    # what singulars() can read: -s but not -ss/-us/-is/-ys, -ae, -i (a superset: it decides)
    ending = (((last == _S) & (second != _S) & (second != _U) & (second != _I) & (second != _Y))
              | ((last == _E) & (second == _A)) | (last == _I))
    maybe = np.flatnonzero(long & ending)
    cases = keyed.cases
    memo = _READINGS
    for i, s, e in zip(tokens[maybe].tolist(), starts[maybe].tolist(), ends[maybe].tolist(), strict=True):
        case, norm = cases[i], text[s:e]
        readings = memo.get((case, norm))
        if readings is None:
            readings = _readings(case, norm)
            if len(memo) >= _MAX_READINGS:
                memo.clear()
            memo[(case, norm)] = readings
        for v, reading in enumerate(readings):
            variants[v][i] = reading
    return variants


_READINGS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}  # (case, key) -> its readings
_MAX_READINGS = 200_000


def _readings(case: str, norm: str) -> tuple[tuple[str, str], ...]:
    """(singular key, singular exact-case key) of each of the first two readings of a token
    (exact-case key ``case``, key ``norm``); none unless :func:`readable`. Pure: memoised."""
    if not readable(case):
        return ()
    return tuple((singular, _case_singular(case, norm, singular)) for singular in singulars(norm)[:2])


def plural_matches(lexicon: Lexicon, keyed: KeyedText, n_tokens: int,
                   stopped: frozenset[int], keep_stopped: bool = False) -> list[Match]:
    """Matches of names whose last word is a plural read in the singular (the caller drops
    those whose span the first scan already matched or stopped: "cytokines" stoplisted
    stays so, and is not read as "cytokine"). Stoplisted readings are left out, unless
    ``keep_stopped`` (then they come with ``stopped`` set: "growth factors" read as the
    stoplisted family "growth factor" may be a class noun).

    A reading's matches are those of the key text with the plural keys replaced that end
    on a replaced word and hold no other: :func:`tail_matches` finds them in one automaton
    pass over the stretch before each such word (the text is not rebuilt); only when a
    replacement could change how tokens join is the key text rebuilt token by token and
    scanned whole."""
    positions = token_positions(keyed)
    out: list[Match] = []
    seen: set[tuple[int, int]] = set()
    for changed in plural_candidates(keyed, positions):
        if not changed:
            continue
        spots = _changed_positions(changed, positions)
        if all(_joins_alike(keyed.text[s:e], changed[i][0]) for i, s, e in spots):
            found = tail_matches(lexicon, keyed, changed, positions, stopped, spots)
        else:
            found = _rescan(lexicon, keyed, n_tokens, changed, stopped)
        for m in found:
            if (m.stopped and not keep_stopped) or (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            out.append(Match(m.start, m.end, m.concept, f"{m.source}+plural", m.key, m.stopped))
    return out


def _changed_positions(changed: dict[int, tuple[str, str]],
                       positions: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[tuple[int, int, int]]:
    """(token, key start, key end) of each changed token, in order."""
    tokens, starts, ends = positions
    order = sorted(changed)
    where = np.searchsorted(tokens, np.asarray(order, dtype=np.int64))
    return list(zip(order, starts[where].tolist(), ends[where].tolist(), strict=True))


def _rescan(lexicon: Lexicon, keyed: KeyedText, n_tokens: int, changed: dict[int, tuple[str, str]],
            stopped: frozenset[int]) -> list[Match]:
    """The reading's key text rebuilt from the changed keys and scanned whole (the reference)."""
    variant = with_norms(keyed, changed)
    if variant is None:
        norms = [keyed.norm(i) for i in range(n_tokens)]
        cases = list(keyed.cases[0:n_tokens])
        for i, (singular, case) in changed.items():
            norms[i], cases[i] = singular, case
        variant = keyed_from_norms(norms, cases)
    out = []
    for m in lexicon.scan(variant, stopped, frozenset(i + 1 for i in changed)):
        last = m.end - 1
        if last in changed and not any(i in changed for i in range(m.start, last)):
            out.append(m)  # only the last word of a name is read in the singular
    return out


def tail_matches(lexicon: Lexicon, keyed: KeyedText, changed: dict[int, tuple[str, str]],
                 positions: tuple[np.ndarray, np.ndarray, np.ndarray],
                 stopped: frozenset[int], spots: list[tuple[int, int, int]] | None = None) -> list[Match]:
    """Matches of the reading ``changed`` (token -> (singular key, singular exact-case key))
    that end on a changed token and hold no other changed token, as :func:`_rescan` finds
    them when no change alters how tokens join.

    Each changed token's window is its singular and the key text before it, as long as
    the longest key that ends on the same last word (none if no key does:
    :attr:`Lexicon.tail_length`); the windows, joined by a character no key holds, are
    scanned in one automaton pass and only the hits that end a window are read. A match
    that would begin inside a joined run is looked up piece by piece as in
    :meth:`Lexicon.scan`. ``spots``: :func:`_changed_positions`, if the caller has them.
    """
    text = keyed.text
    if not text or not lexicon.n_terms:
        return []
    spaced = " " + text  # keys are stored behind a space (see Lexicon.scan)
    max_key = lexicon.max_key
    spots = _changed_positions(changed, positions) if spots is None else spots
    pieces: list[str] = []
    # (window end, offset to ``spaced``, token, floor, token start, window start) in ``joined``
    windows: list[tuple[int, int, int, int, int, int]] = []
    floors: list[int] = []  # per spot: the changed token before it
    reach: list[int] = []  # per spot: the first position a glued key ending on it can start at
    at = 0
    floor, floor_end = -1, 0  # the previous changed token (a match that holds it is no reading)
    tails = lexicon.tail_length
    for i, s, e in spots:
        singular = changed[i][0]
        # a key that ends the window ends on its last word: the text's glued run before the
        # token plus the singular (Lexicon.tail_length): often no key ends so, and the
        # window need be no longer than the longest one that does
        run = text.rfind(" ", 0, s) + 1  # where the glued run that ends on the token starts
        longest = tails.get(text[run:s] + singular)
        floors.append(floor)
        # a key from a glued position before ``run`` holds a space and ends on the same last word
        reach.append(run if longest is None else min(run, s + len(singular) + 1 - longest))
        if longest is not None:
            a = max(floor_end, s + 1 + len(singular) - longest)  # window start in ``spaced``
            piece = spaced[a:s + 1] + singular
            pieces.append(piece)
            at_end = at + len(piece)
            windows.append((at_end - 1, a - at, i, floor, s, at))
            at = at_end + 1
        floor, floor_end = i, e + 1
    joined = BLOCK.join(pieces)
    window_of = {w[0]: w for w in windows}
    out: list[Match] = []
    start_at = keyed.start_at
    simple = lexicon._simple_choice(stopped)
    cases = keyed.cases
    for end, value in lexicon.automaton.iter(joined):
        window = window_of.get(end)
        if window is None:
            continue
        _end, offset, i, floor, _s, window_start = window
        space_at = end - (value & LENGTH_MASK) + 1  # the key's leading space, in ``joined``
        if space_at < window_start:  # pragma: no cover - no key holds BLOCK
            continue
        f = int(start_at[space_at + offset])  # ``spaced`` index of the space = ``text`` index of the key
        if f < 0 or f <= floor:
            continue
        group = value >> LENGTH_BITS
        key = joined[space_at + 1:end + 1]
        _add(lexicon, out, f, i, group, int(simple[group]), cases, changed[i][1], key, stopped)
    if keyed.glued:
        glued = keyed.glued
        get = lexicon.automaton.get
        starts = np.asarray([s for _i, s, _e in spots], dtype=np.int64)
        lengths = np.asarray([len(changed[i][0]) for i, _s, _e in spots], dtype=np.int64)
        first = np.maximum(starts + lengths - max_key, np.asarray(reach, dtype=np.int64))
        los = np.searchsorted(glued, first, side="left").tolist()
        his = np.searchsorted(glued, starts, side="right").tolist()
        for (i, s, _e), floor, lo, hi in zip(spots, floors, los, his, strict=True):
            singular = changed[i][0]
            for pos in glued[lo:hi]:
                f = int(start_at[pos])
                if f < 0 or f <= floor:
                    continue
                value = get(" " + text[pos:s] + singular, None)
                if value is not None:
                    _add(lexicon, out, f, i, value >> LENGTH_BITS, -1, cases, changed[i][1],
                         text[pos:s] + singular, stopped)
    return out


def _add(lexicon: Lexicon, out: list[Match], first: int, i: int, group: int, simple: int,
         cases: Sequence[str], last_case: str, key: str, stopped: frozenset[int]) -> None:
    """The match of tokens ``first..i`` (token i read as ``last_case``) for key ``group``."""
    if simple >= 0:
        out.append(Match(first, i + 1, lexicon.concept(lexicon.cand_concept[simple]),
                         lexicon.cand_source[simple], key))
        return
    chosen, is_stopped = lexicon._choose(group, [*cases[first:i], last_case], stopped)
    if chosen is not None:
        out.append(Match(first, i + 1, lexicon.concept(lexicon.cand_concept[chosen]),
                         lexicon.cand_source[chosen], key, is_stopped))
