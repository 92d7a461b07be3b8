"""What the words at a match's edges say about it (rules of ``resources/lexicon/mention_rules.yaml``,
applied by :func:`pipeline.lexicon.refine.refine`): pure functions over a doc's tokens.

- :func:`spaced_number`: a short lower-case word, a space, a number ("We let 7 days pass") is
  English, not the symbol the vocabulary writes joined ("let-7"; the matcher reads "let 7" like
  "let-7", as it reads "IL 10" like "IL-10");
- :func:`instrument_name`: a DISEASE match that names an assessment instrument ("COPD assessment
  test", "Asthma Control Test") is no mention of the disease;
- :func:`hyphen_spaced`: a match read inside a hyphenated word is a fragment of a longer name the
  vocabulary writes with a space ("hydrocarbon" of "aryl-hydrocarbon receptor", the HGNC name
  "aryl hydrocarbon receptor"): the longer name is the mention.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.lexicon.records import Concept, Match

if TYPE_CHECKING:
    from pipeline.lexicon.refine import TokenText

SHORT_WORD = 4  # letters of a lower-case word that is English before a spaced number
NAME_TAIL = 4  # tokens after a hyphen-spaced match that a longer name may take


def spaced_number(t: TokenText, s: int, e: int) -> bool:
    """Tokens ``s:e`` are a lower-case word of at most ``SHORT_WORD`` letters, a space and a
    number ("let 7"): symbols written in lower case are joined to their number ("let-7", "p53")."""
    if e - s != 2 or not t.spaced(s):
        return False
    word, number = t.text(s), t.text(s + 1)
    return word.isalpha() and word.islower() and len(word) <= SHORT_WORD and number.isdigit()


def instrument_name(t: TokenText, e: int, qualifiers: frozenset[str], heads: frozenset[str]) -> bool:
    """The words after a match ending at token ``e`` name an instrument: a ``qualifiers`` word then
    a ``heads`` word, one space apart ("COPD assessment test", "asthma control test")."""
    if not qualifiers or e + 1 >= t.n or not t.spaced(e - 1) or not t.spaced(e):
        return False
    return t.word(e) in qualifiers and t.word(e + 1) in heads


def hyphen_spaced(t: TokenText, s: int, e: int, lookup: Callable[[str], Concept | None],
                  key_of: Callable[[str], str]) -> tuple[int, int, Match] | None:
    """The longest vocabulary name that a match beginning after "<word>-" ("aryl-hydrocarbon")
    is part of when the hyphen is read as a space, from that word to at most ``NAME_TAIL`` tokens
    after the match, or None (no such match, or no such name: "L-dopa" stays)."""
    if s < 2 or t.word(s - 1) != "-" or t.spaced(s - 2) or t.spaced(s - 1):
        return None
    first = t.text(s - 2)
    if not (first.isalpha() and len(first) > 1):
        return None
    words = [first]
    best = None
    for k in range(s, min(e + NAME_TAIL, t.n)):
        if k > s and not t.spaced(k - 1):
            break  # only whole words, one space apart
        words.append(t.text(k))
        if k + 1 < e:
            continue
        concept = lookup(key_of(" ".join(words)))
        if concept is not None:
            best = (s - 2, k + 1, Match(s - 2, k + 1, concept, "hyphen_spaced"))
    return best
