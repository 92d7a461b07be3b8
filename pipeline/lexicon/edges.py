"""What the words at a match's edges say about it (rules of ``resources/lexicon/mention_rules.yaml``,
applied by :func:`pipeline.lexicon.refine.refine`): pure functions over a doc's tokens.

- :func:`spaced_number`: a short lower-case word, a space, a number ("We let 7 days pass") is
  English, not the symbol the vocabulary writes joined ("let-7"; the matcher reads "let 7" like
  "let-7", as it reads "IL 10" like "IL-10");
- :func:`instrument_name`: a DISEASE match that names an assessment instrument ("COPD assessment
  test", "Asthma Control Test") is no mention of the disease;
- :func:`hyphen_spaced`: a match read inside a hyphenated word is a fragment of a longer name the
  vocabulary writes with a space ("hydrocarbon" of "aryl-hydrocarbon receptor", the HGNC name
  "aryl hydrocarbon receptor"): the longer name is the mention;
- :func:`names_standard`: an abbreviation before "standards" ("ISO standards") names a standard;
- :func:`culture_conditions`: a disease that cells in culture are put under ("MSCs preconditioned
  under hypoxia") is the vocabulary's cell-level process (MeSH Cell Hypoxia);
- :func:`mirna_members`: "miR-221/222" names miR-222 too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.lexicon import mirna
from pipeline.lexicon.normalize import GREEK_NAMES
from pipeline.lexicon.records import Concept, Match

if TYPE_CHECKING:
    from pipeline.lexicon.tokentext import TokenText

SHORT_WORD = 4  # letters of a lower-case word that is English before a spaced number
NAME_TAIL = 4  # tokens after a hyphen-spaced match that a longer name may take


def spaced_number(t: TokenText, s: int, e: int) -> bool:
    """Tokens ``s:e`` are a lower-case word of at most ``SHORT_WORD`` letters with a vowel, a space
    and a number ("let 7"): symbols written in lower case are joined to their number ("let-7",
    "p53"), or have no vowel ("gp 160"); a Greek letter's name stays ("beta 2")."""
    if e - s != 2 or not t.spaced(s):
        return False
    word, number = t.text(s), t.text(s + 1)
    return word.isalpha() and word.islower() and len(word) <= SHORT_WORD and number.isdigit() \
        and any(c in "aeiouy" for c in word) and word not in GREEK_NAMES


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



def is_abbreviation(text: str) -> bool:
    """Written as an abbreviation: no lower-case letter and two capitals ("ISO", "5-FU", "MK-801")."""
    return not any(c.islower() for c in text) and sum(c.isupper() for c in text) >= 2


def names_standard(t: TokenText, s: int, e: int, heads: frozenset[str]) -> bool:
    """Tokens ``s:e``, written as an abbreviation, name a standard or its body: a word of ``heads``
    follows, a number between allowed ("ISO standards", "ISO 9001 certified"), so the training
    corpora's "ISO" (isoproterenol) is no mention there."""
    if not heads or not t.spaced(e - 1):
        return False
    k = e + 1 if e < t.n and t.text(e).isdigit() and t.spaced(e) else e
    return t.word(k) in heads and is_abbreviation(" ".join(t.text(k) for k in range(s, e)))


def culture_conditions(t: TokenText, chosen: list[tuple[int, int, Match]], cues: frozenset[str],
                       lookup: Callable[[str], Concept | None], key_of: Callable[[str], str],
                       ) -> list[tuple[int, int, Match]]:
    """A DISEASE match in a sentence about cells in culture (a word of ``cues``: "cultured",
    "preconditioning", "stimuli") is the condition the cells are put under, the vocabulary's
    cell-level PROCESS "cell <match>" where it has one ("MSCs preconditioned under hypoxia": MeSH
    Cell Hypoxia, not the disease Hypoxia)."""
    if not cues or not any(m.concept.label == "DISEASE" for _, _, m in chosen):
        return chosen
    out = []
    for s, e, m in chosen:
        if m.concept.label == "DISEASE":
            concept = lookup(key_of("cell " + " ".join(t.text(k) for k in range(s, e))))
            if concept is not None and concept.label == "PROCESS":
                sent = t.doc[s].sent if t.doc.has_annotation("SENT_START") else t.doc[:]
                if any(tok.lower_ in cues for tok in sent):
                    m = Match(s, e, concept, m.source + "+culture", m.key)
        out.append((s, e, m))
    return out


_MEMBER = re.compile(r"^-?(\d+[a-z]?)$")
_NUMBERED = re.compile(r"^(.*?)(\d+[a-z]?)$")


def mirna_members(t: TokenText, chosen: list[tuple[int, int, Match]],
                  lookup: Callable[[str], Concept | None], key_of: Callable[[str], str],
                  ) -> list[tuple[int, int, Match]]:
    """``chosen`` plus the further members of a microRNA list written in shorthand: "miR-221/222"
    names miR-221 and miR-222 (the number after a glued "/" takes the name of the match before
    it, "miR-" + "222", when the vocabulary has that name)."""
    out = list(chosen)
    taken = {k for s, e, _ in chosen for k in range(s, e)}
    for s, e, m in chosen:
        if not m.source.startswith(mirna.SOURCE_PREFIX):
            continue
        named = _NUMBERED.match(" ".join(t.text(k) for k in range(s, e)))
        k = e
        while named is not None and k + 1 < t.n and t.text(k) == "/" and not t.spaced(k - 1) \
                and not t.spaced(k) and k + 1 not in taken:
            number = _MEMBER.match(t.text(k + 1))
            concept = lookup(key_of(named.group(1) + number.group(1))) if number else None
            if concept is None:
                break
            out.append((k + 1, k + 2, Match(k + 1, k + 2, concept, m.source + "+member")))
            k += 2
    return sorted(out, key=lambda x: x[0]) if len(out) > len(chosen) else chosen
