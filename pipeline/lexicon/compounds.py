"""Located processes: "lung inflammation", "neuron death", "neuronal apoptosis", "axonal growth".

A process noun phrase whose modifier names where the process happens (an ANATOMY or CELL_TYPE
match, or the relational adjective of one: "neuronal" of neuron, "axonal" of axon, "microglial"
of microglia) is one PROCESS mention, not a cell or organ mention followed by a process or a
generic word. The head is a PROCESS match ("apoptosis", "inflammation": the mention keeps its
concept and id) or a process head noun of ``mention_rules.yaml`` (``process_heads``: "growth",
"death", ...; generic on their own, so the mention has no id). A relational adjective is
recognised by morphology: a word ending in one of the ``adjective_suffixes`` whose stem plus one
of the suffix's noun endings is a term of a ``process_modifiers`` class in the lexicon
("neuronal" -> "neuron", "alveolar" -> "alveolus") whose canonical name begins with the stem.
Pure functions over the token text of
:class:`pipeline.lexicon.refine.TokenText` and the matches the other rules kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.lexicon.records import Concept, Match
from pipeline.lexicon.tokentext import word_ids

if TYPE_CHECKING:
    from pipeline.lexicon.refine import MentionRules, TokenText

PROCESS = "PROCESS"
MIN_STEM = 3  # letters left after the suffix: "oral" or "real" are no relational adjective


def relational_noun(word: str, rules: MentionRules, lookup: Callable[[str], Concept | None],
                    key_of: Callable[[str], str]) -> Concept | None:
    """The ANATOMY/CELL_TYPE concept (``process_modifiers``) that the adjective ``word`` (lower
    case) is derived from ("neuronal" -> Neurons), or None."""
    if not word.isalpha():
        return None
    for suffix, endings in rules.adjective_suffixes:
        if not word.endswith(suffix) or len(word) - len(suffix) < MIN_STEM:
            continue
        stem = word[: -len(suffix)]
        for ending in endings:
            concept = lookup(key_of(stem + ending))
            # the adjective comes from the concept's own name, not from one of its synonyms:
            # "mental" is no adjective of the chin (MeSH Chin, entry term "Mentum")
            if concept is not None and concept.label in rules.process_modifiers \
                    and concept.canonical_name.lower().startswith(stem):
                return concept
    return None


def located_processes(t: TokenText, chosen: list[tuple[int, int, Match]], rules: MentionRules,
                      lookup: Callable[[str], Concept | None], key_of: Callable[[str], str],
                      ) -> list[tuple[int, int, Match]]:
    """``chosen`` (token start, end, match; non-overlapping, in order) with each located process
    made one PROCESS mention (see the module doc)."""
    if not rules.process_modifiers or not (rules.process_heads or rules.adjective_suffixes):
        return chosen
    doc = t.doc
    starts = {s: (s, e, m) for s, e, m in chosen}
    covered = {i for s, e, _ in chosen for i in range(s, e)}
    out: list[tuple[int, int, Match]] = []

    def free_adjective(i: int) -> bool:  # token i is an uncovered relational adjective before i + 1
        return (i >= 0 and i not in covered and t.spaced(i) and (not out or out[-1][1] <= i)
                and relational_noun(t.word(i), rules, lookup, key_of) is not None)

    for s, e, m in chosen:
        if m.concept.label == PROCESS and s > 0 and t.spaced(s - 1):
            prev = out[-1] if out and out[-1][1] == s else None
            if prev is not None and prev[2].concept.label in rules.process_modifiers:
                out[-1] = (prev[0], e, Match(prev[0], e, m.concept, m.source + "+located"))
                continue
            if prev is None and free_adjective(s - 1):
                out.append((s - 1, e, Match(s - 1, e, m.concept, m.source + "+located")))
                continue
        elif m.concept.label in rules.adjective_heads and s > 0 and t.spaced(s - 1) \
                and free_adjective(s - 1):  # "spinal tumors", "alveolar edema": the head's concept
            out.append((s - 1, e, Match(s - 1, e, m.concept, m.source + "+located")))
            continue
        if m.concept.label in rules.process_modifiers and t.word(e) in rules.process_heads \
                and t.spaced(e - 1) and e not in starts:
            text = doc[s:e + 1].text
            out.append((s, e + 1, Match(s, e + 1, _named(text, lookup, key_of), "located")))
            covered.add(e)
            continue
        out.append((s, e, m))
    extra = adjective_phrases(t, covered, rules, lookup, key_of)
    if extra:
        out = sorted([*out, *extra], key=lambda x: x[0])
    return out


def adjective_phrases(t: TokenText, covered: set[int], rules: MentionRules,
                      lookup: Callable[[str], Concept | None], key_of: Callable[[str], str],
                      ) -> list[tuple[int, int, Match]]:
    """A relational adjective and the head noun after it, neither inside a match: a process head
    is a PROCESS mention ("axonal growth"), an ``anatomy_heads`` noun a mention of its class
    ("alveolar damage", "axonal injury": DISEASE; "epithelial tissue": the adjective's ANATOMY
    concept). Mentions other than that ANATOMY one have no id."""
    out: list[tuple[int, int, Match]] = []
    heads = word_ids(rules, "located_heads", lambda: (*rules.process_heads, *rules.anatomy_heads))
    if not t.has_any(heads):
        return out
    for i in (k for k, h in enumerate(t.lower_ids) if h in heads and k):  # few tokens: no array work
        word = t.word(i)
        label = PROCESS if word in rules.process_heads else rules.anatomy_heads.get(word)
        if not label or i in covered or i - 1 in covered or not t.spaced(i - 1):
            continue
        noun = relational_noun(t.word(i - 1), rules, lookup, key_of)
        if noun is None:
            continue
        text = t.doc[i - 1:i + 1].text
        concept = noun if label == noun.label == "ANATOMY" else _phrase(text, label)
        out.append((i - 1, i + 1, Match(i - 1, i + 1, concept, "located")))
    return out


def _named(text: str, lookup: Callable[[str], Concept | None], key_of: Callable[[str], str]) -> Concept:
    """The PROCESS concept the vocabulary names ``text`` by, written with spaces for hyphens
    ("T-cell activation" is GO "T cell activation"), else a mention without an id."""
    for form in (text, text.replace("-", " ")):
        concept = lookup(key_of(form))
        if concept is not None and concept.label == PROCESS:
            return concept
    return _phrase(text)


def _phrase(text: str, label: str = PROCESS) -> Concept:
    return Concept("", text, label, (label,), ())
