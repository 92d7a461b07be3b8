"""Plural fallback: a plural word the vocabulary lacks is read as its singular.

The vocabularies list many names in one number only ("degenerative disease",
"pulmonary alveolus"); the text writes "degenerative diseases". :func:`singulars`
gives the singular readings of one lower-case word (English ``-s``/``-es``/``-ies``
and the Latin ``-i`` -> ``-us``, ``-ae`` -> ``-a``); :func:`plural_matches` scans
the document again with the last word of a would-be name in the singular and keeps
the matches that end on such a word; a span the first scan matched or stopped stays as it
was (a plural the vocabulary has, or one its stoplist removes).
Only words written in lower case or Title case are read so: "DCs" or "MSCs" are
abbreviations (see :mod:`pipeline.nlp.abbreviations`), and short symbols keep their
exact case.
"""

from __future__ import annotations

import numpy as np

from pipeline.lexicon import Lexicon, Match
from pipeline.lexicon.tokens import KeyedText, keyed_from_norms, token_positions, with_norms

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
    for i, s, e in zip(tokens[maybe].tolist(), starts[maybe].tolist(), ends[maybe].tolist(), strict=True):
        case = cases[i]
        if not readable(case):
            continue
        norm = text[s:e]
        for v, singular in enumerate(singulars(norm)[:2]):
            variants[v][i] = (singular, _case_singular(case, norm, singular))
    return variants


def plural_matches(lexicon: Lexicon, keyed: KeyedText, n_tokens: int,
                   stopped: frozenset[int], keep_stopped: bool = False) -> list[Match]:
    """Matches of names whose last word is a plural read in the singular (the caller drops
    those whose span the first scan already matched or stopped: "cytokines" stoplisted
    stays so, and is not read as "cytokine"). Stoplisted readings are left out, unless
    ``keep_stopped`` (then they come with ``stopped`` set: "growth factors" read as the
    stoplisted family "growth factor" may be a class noun).

    Each reading's key text is ``keyed`` with the plural keys replaced
    (:func:`pipeline.lexicon.tokens.with_norms`; rebuilt token by token only when a
    replacement could change how tokens join), and the scan keeps only matches that end
    on a replaced word."""
    positions = token_positions(keyed)
    out: list[Match] = []
    seen: set[tuple[int, int]] = set()
    for changed in plural_candidates(keyed, positions):
        if not changed:
            continue
        variant = with_norms(keyed, changed, positions)
        if variant is None:
            norms = [keyed.norm(i) for i in range(n_tokens)]
            cases = list(keyed.cases[0:n_tokens])
            for i, (singular, case) in changed.items():
                norms[i], cases[i] = singular, case
            variant = keyed_from_norms(norms, cases)
        for m in lexicon.scan(variant, stopped, frozenset(i + 1 for i in changed)):
            last = m.end - 1
            if (m.stopped and not keep_stopped) or last not in changed or (m.start, m.end) in seen:
                continue
            if any(i in changed for i in range(m.start, last)):
                continue  # only the last word of a name is read in the singular
            seen.add((m.start, m.end))
            out.append(Match(m.start, m.end, m.concept, f"{m.source}+plural", m.key, m.stopped))
    return out
