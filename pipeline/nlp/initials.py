"""Source initials in parentheses glued before a defined short form.

"umbilical cord-derived (UC)-MSCs" names MSCs by their source, and the initials in parentheses
abbreviate the words before them ("UC": umbilical cord): the mention is the whole name, as
"umbilical cord-derived mesenchymal stem cells" is one mention of the cells (the source
participle rule of ``resources/lexicon/mention_rules.yaml``), and "umbilical cord" is no mention
of its own there. :func:`initials_start` finds where those words begin, Schwartz & Hearst's test
for a long form read on word initials: the initials' letters are the first letters of words before
the token, in order, the first one on the first word.
"""

from __future__ import annotations

import re

from spacy.strings import StringStore
from spacy.tokens import Doc

PARENTHESISED = re.compile(r"^\(([A-Z][A-Za-z0-9]{0,5})\)-[A-Za-z]")
MAX_WORDS = 6  # words read back from the token (S&H: min(|A| + 5, 2|A|) for a short form A)


def initials_start(doc: Doc, i: int) -> int:
    """First token of the words the parenthesised initials of token ``i`` abbreviate
    ("umbilical cord-derived (UC)-MSCs" -> "umbilical"), or ``i`` when there are none or they
    do not spell words before it (only words and hyphens are read back)."""
    hit = PARENTHESISED.match(doc[i].text)
    if hit is None:
        return i
    letters = hit.group(1).lower()
    words: list[tuple[int, str]] = []  # (token, first letter) of the words before, nearest first
    k = i - 1
    while k >= 0 and len(words) < MAX_WORDS:
        tok = doc[k]
        if tok.is_alpha:
            words.append((k, tok.lower_[0]))
        elif tok.text != "-":
            break
        k -= 1
    for n in range(len(words)):  # the nearest start whose initials spell the letters
        if words[n][1] != letters[0]:
            continue
        initials = iter(w for _, w in reversed(words[:n + 1]))
        if all(c in initials for c in letters):  # a subsequence, in order
            return words[n][0]
    return i


# a token of a short form with a source's initials glued before it by a hyphen: "UC-MSCs" (umbilical
# cord MSCs), "BM-MSC", "(UC)-MSCs"
_PREFIXED = re.compile(r"^\(?[A-Z][A-Za-z0-9]{0,5}\)?-([A-Za-z][A-Za-z0-9]*)$")


BASES: dict[int, str | None] = {}  # token text (ORTH id) -> what _PREFIXED reads behind its initials
_MAX_BASES = 200_000
UNSEEN = "\0"  # no short form: the memo has no entry


def prefixed_base(orth: int, strings: StringStore) -> str | None:
    """The short form behind a source's initials in the token text ``strings[orth]`` ("MSCs" of
    "UC-MSCs", "(UC)-MSCs"), or None; memoised per token text (pure: it reads the text only)."""
    try:
        return BASES[orth]
    except KeyError:
        text = strings[orth]
        hit = _PREFIXED.match(text) if "-" in text else None
        if len(BASES) >= _MAX_BASES:
            BASES.clear()
        got = BASES[orth] = hit.group(1) if hit is not None else None
        return got
