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
  inflammation" does: a PROCESS mention keeping its concept's id;
- **head phrases** (:func:`head_phrases`), an uncovered word and the head noun after it: the
  adjective of a body system ("immune" of "immune system", ``system_nouns``) before an
  ``anatomy_heads`` noun ("immune cells": CELL_TYPE, no id; "neurological injuries": DISEASE);
  the adjective of a region (``region_nouns``: "lumbar" of "lumbar spine") before a DISEASE
  ``anatomy_heads`` noun ("lumbar injuries": DISEASE, no id);
  a ``process_loci`` word before a ``process_heads`` noun ("tissue repair": PROCESS) or a
  DISEASE ``anatomy_heads`` noun ("tissue damage", "tissue injury": DISEASE, no id);
  "<word> <head>" where "<word> <synonym>" is a DISEASE term (``head_synonyms``:
  "neurodegenerative conditions" is Neurodegenerative Diseases); up to three words and a
  ``dysfunction_heads`` noun where "<words> <function noun>" is a PROCESS term ("intestinal
  barrier dysfunction": DISEASE, no id);
- **modifiers** (:func:`extend_modifiers`): an ANATOMY match directly after a word of
  ``anatomy_modifiers`` ("peripheral blood") and a PROCESS match after one of
  ``course_modifiers`` ("acute inflammation"; a one-word DISEASE match of a ``course_heads`` word
  too: "chronic infections") are extended over it, keeping their concept; a
  DISEASE match after "<ANATOMY match>-<relational participle>" is extended over both ("nerve-
  related pain" is one mention of Pain).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.lexicon.groups import modifier_start
from pipeline.lexicon.records import Concept, Match
from pipeline.lexicon.tokentext import word_ids

if TYPE_CHECKING:
    from pipeline.lexicon.mention_rules import MentionRules
    from pipeline.lexicon.tokentext import TokenText

ANATOMY = "ANATOMY"
DISEASE = "DISEASE"
PROCESS = "PROCESS"
DYSFUNCTION_WORDS = 3  # words before "dysfunction" that may name the function
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
    wanted = word_ids(rules, "deficit_words", lambda: (*rules.deficit_functions, *rules.deficit_domains))
    if not t.has_any(wanted):
        return chosen
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


def _phrase(text: str, label: str) -> Concept:
    return Concept("", text, label, (label,), ())


def head_phrases(t: TokenText, chosen: list[tuple[int, int, Match]], rules: MentionRules,
                 lookup: Callable[[str], Concept | None], key_of: Callable[[str], str],
                 ) -> list[tuple[int, int, Match]]:
    """``chosen`` (non-overlapping, in order) with the head phrases of the module doc added."""
    wanted = word_ids(rules, "head_phrases", lambda: (
        *rules.head_synonyms, *rules.dysfunction_heads,
        *(rules.anatomy_heads if rules.system_nouns or rules.region_nouns else ()),
        *(rules.process_heads if rules.process_loci else ())))
    if not wanted or not t.has_any(wanted):
        return chosen
    covered = {i for s, e, _ in chosen for i in range(s, e)}
    made: list[tuple[int, int, Match]] = []
    for i in (k for k, h in enumerate(t.lower_ids) if h in wanted and k):
        j = i - 1
        if i in covered or j in covered or not t.spaced(j) or (made and made[-1][1] > j):
            continue
        if t.word(i) in rules.dysfunction_heads:
            found = _dysfunction(t, i, covered, rules, lookup, key_of)
            if found is not None:
                made.append(found)
            continue
        word, head = t.word(j), t.word(i)
        if not word.isalpha():
            continue
        concept = _head_concept(t, j, word, head, rules, lookup, key_of)
        if concept is not None:
            made.append((j, i + 1, Match(j, i + 1, concept, "compound")))
    if not made:
        return chosen
    return sorted([*chosen, *made], key=lambda x: x[0])


def _head_concept(t: TokenText, j: int, word: str, head: str, rules: MentionRules,
                  lookup: Callable[[str], Concept | None], key_of: Callable[[str], str]) -> Concept | None:
    text = t.doc[j:j + 2].text
    synonym = rules.head_synonyms.get(head)
    if synonym:
        form = f"{word} {synonym}"
        concept = lookup(key_of(form))
        if concept is not None and concept.label == DISEASE and form not in rules.generic:
            return concept
    label = rules.anatomy_heads.get(head)
    if label:
        for noun in rules.system_nouns:
            system = lookup(key_of(f"{word} {noun}"))
            if system is not None and system.label == ANATOMY:
                return system if label == ANATOMY else _phrase(text, label)
        for noun in rules.region_nouns if label == DISEASE else ():  # "lumbar injuries"
            region = lookup(key_of(f"{word} {noun}"))
            if region is not None and region.label == ANATOMY:
                return _phrase(text, label)
    if head in rules.process_heads and word in rules.process_loci:
        concept = lookup(key_of(text))
        return concept if concept is not None and concept.label == PROCESS else _phrase(text, PROCESS)
    if label == DISEASE and word in rules.process_loci:  # "tissue damage", "tissue injury"
        return _phrase(text, DISEASE)
    return None


def _dysfunction(t: TokenText, i: int, covered: set[int], rules: MentionRules,
                 lookup: Callable[[str], Concept | None], key_of: Callable[[str], str],
                 ) -> tuple[int, int, Match] | None:
    """"<words> dysfunction" (tokens before ``i``, widest first, none covered, one sentence of
    spaced words) whose "<words> function" is a PROCESS term: a DISEASE mention without an id."""
    noun = rules.dysfunction_heads[t.word(i)]
    for j in range(max(0, i - DYSFUNCTION_WORDS), i):
        words = [t.word(k) for k in range(j, i)]
        if any(k in covered or not t.spaced(k) for k in range(j, i)) or not all(w.isalpha() for w in words):
            continue
        concept = lookup(key_of(" ".join([*words, noun])))
        if concept is not None and concept.label == PROCESS:
            text = t.doc[j:i + 1].text
            return j, i + 1, Match(j, i + 1, _phrase(text, DISEASE), "deficit")
    return None


def extend_modifiers(t: TokenText, chosen: list[tuple[int, int, Match]], rules: MentionRules,
                     ) -> list[tuple[int, int, Match]]:
    """``chosen`` (in order) with ANATOMY and PROCESS matches extended over the modifier word
    directly before them (:func:`pipeline.lexicon.groups.modifier_start`; not into the previous
    match)."""
    mods = {ANATOMY: rules.anatomy_modifiers, PROCESS: rules.course_modifiers}
    if not any(mods.values()) and not rules.relational_participles and not rules.course_heads:
        return chosen
    out: list[tuple[int, int, Match]] = []
    floor = 0
    for s, e, m in chosen:
        if out and m.concept.label == DISEASE and _related_organ(t, out[-1], s, rules):
            start = out.pop()[0]  # "nerve-related pain": one mention of the disease
            out.append((start, e, Match(start, e, m.concept, m.source + "+related", m.key)))
            floor = e
            continue
        words = mods.get(m.concept.label)
        if m.concept.label == DISEASE and e - s == 1 and t.word(s) in rules.course_heads:
            words = rules.course_modifiers  # "chronic infections"; not "recurrent bacterial infections"
        start = modifier_start(t.doc, s, floor, words, t) if words and s > floor else s
        if start != s:
            m = Match(start, e, m.concept, m.source + "+modifier", m.key)
        out.append((start, e, m))
        floor = e
    return out


def _related_organ(t: TokenText, prev: tuple[int, int, Match], s: int, rules: MentionRules) -> bool:
    """``prev`` is an ANATOMY match joined to token ``s`` by "-<participle>" and a space
    ("nerve-related pain")."""
    _, pe, pm = prev
    return (pm.concept.label == ANATOMY and pe + 2 == s and t.word(pe) == "-" and not t.spaced(pe - 1)
            and not t.spaced(pe) and t.word(pe + 1) in rules.relational_participles and t.spaced(pe + 1))


def starts_noun_phrase(t: TokenText, s: int) -> bool:
    """Token ``s`` begins a noun phrase: no content word directly before it ("zinc" of "zinc
    finger proteins", a term the stoplist holds, is one; "the", "other", "of", a comma are not)."""
    if s == 0 or not t.spaced(s - 1):
        return s == 0
    before = t.doc[s - 1]
    return before.is_stop or not before.is_alpha
