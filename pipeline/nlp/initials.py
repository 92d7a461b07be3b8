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
