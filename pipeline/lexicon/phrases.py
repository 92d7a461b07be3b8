"""Phrase rules over the matches :func:`pipeline.lexicon.refine.refine` kept (issue 14).

``resources/lexicon/mention_rules.yaml`` names the words; pure functions over the token text
of :class:`pipeline.lexicon.refine.TokenText`:

- **function deficits** (``deficit_functions``): a deficit phrase of ``deficit_before`` /
  ``deficit_after`` around a word that names a body function the vocabularies have no process
  for ("slowness of movement", "impaired balance", "difficulty speaking"), or an adjective of
  ``deficit_domains`` before a ``deficit_after`` word ("motor impairments"), is a DISEASE mention
  without an id, as around a PROCESS match ("loss of smell"); matches inside the phrase
  ("slowness", an HPO synonym) give way to it, a match that crosses its edge keeps it from
  being made;
- **function heads** (``function_heads``): a PROCESS match ending in one of these words ("bowel
  function", "sensory function": MeSH entry terms of Defecation and Sensation) names what an
  organ or sense can do, not the process: no mention;
- **prefixed processes** (``process_suffixes``): a one-word DISEASE match made of a combining
  form (four or more letters ending in "o") and one of these process nouns ("neuroinflammation" = neuro +
  inflammation, an HPO phenotype term) names the process in that organ, as "lung
  inflammation" does: a PROCESS mention keeping its concept's id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.lexicon.records import Concept, Match

if TYPE_CHECKING:
    from pipeline.lexicon.refine import MentionRules, TokenText

DISEASE = "DISEASE"
PROCESS = "PROCESS"
MIN_PREFIX = 4  # letters of a combining form: "neuro", "hepato"; not "co" or "pro"


def deficit_extent(t: TokenText, start: int, end: int, rules: MentionRules) -> tuple[int, int] | None:
    """The deficit phrase around tokens ``start:end`` ("loss of smell", "memory difficulties")."""
    if t.word(end) in rules.deficit_after:
        return start, end + 1
    before = t.word(start - 1)  # every phrase ends on the word before the match
    for words in rules.deficit_before:
        n = len(words)
        if n and words[-1] != before:
            continue
        if start - n >= 0 and tuple(t.word(k) for k in range(start - n, start)) == words:
            return start - n, end
    return None


def function_deficits(t: TokenText, chosen: list[tuple[int, int, Match]], rules: MentionRules,
                      ) -> list[tuple[int, int, Match]]:
    """``chosen`` (non-overlapping, in order) with the deficit phrases of function words added
    (see the module doc)."""
    if not rules.deficit_functions and not rules.deficit_domains:
        return chosen
    strings = t.doc.vocab.strings
    wanted = {strings[w] for w in (*rules.deficit_functions, *rules.deficit_domains)}
    hits = [i for i, h in enumerate(t.lower_ids) if h in wanted]
    if not hits:
        return chosen
    owner = {i: k for k, (s, e, _) in enumerate(chosen) for i in range(s, e)}
    dropped: set[int] = set()
    made: list[tuple[int, int, Match]] = []
    for i in hits:
        if i in owner or (made and i < made[-1][1]):
            continue  # a match ("motor neuron") or a phrase already holds the word
        if t.word(i) in rules.deficit_domains:  # an adjective: only "<domain> <deficit word>"
            phrase = (i, i + 2) if t.word(i + 1) in rules.deficit_after else None
        else:
            phrase = deficit_extent(t, i, i + 1, rules)
        if phrase is None:
            continue
        a, b = phrase
        inside = {owner[k] for k in range(a, b) if k in owner}
        if any(chosen[k][0] < a or chosen[k][1] > b for k in inside) or (made and a < made[-1][1]):
            continue
        dropped |= inside
        text = t.doc[a:b].text
        made.append((a, b, Match(a, b, Concept("", text, DISEASE, (DISEASE,), ()), "deficit")))
    if not made:
        return chosen
    kept = [x for k, x in enumerate(chosen) if k not in dropped]
    return sorted([*kept, *made], key=lambda x: x[0])


def is_function_head(t: TokenText, start: int, end: int, m: Match, rules: MentionRules) -> bool:
    """A PROCESS match of two or more words (tokens ``start:end``) ending in a ``function_heads`` word."""
    return m.concept.label == PROCESS and end - start > 1 and t.word(end - 1) in rules.function_heads


def prefixed_process(t: TokenText, s: int, e: int, m: Match, rules: MentionRules,
                     lookup: Callable[[str], Concept | None], key_of: Callable[[str], str]) -> Match:
    """``m`` relabelled PROCESS when it is a one-word DISEASE match of a combining form and a
    ``process_suffixes`` noun that the lexicon has as a PROCESS; else ``m``."""
    if e - s != 1 or m.concept.label != DISEASE or not rules.process_suffixes:
        return m
    word = t.word(s)
    for suffix in rules.process_suffixes:
        prefix = word[: -len(suffix)]
        if not word.endswith(suffix) or len(prefix) < MIN_PREFIX or not prefix.endswith("o") \
                or not prefix.isalpha():
            continue
        head = lookup(key_of(suffix))
        if head is not None and head.label == PROCESS:
            classes = (PROCESS, *(c for c in m.concept.classes if c != PROCESS))
            return replace(m, concept=replace(m.concept, label=PROCESS, classes=classes),
                           source=m.source + "+process")
    return m
