"""Objects another trigger owns (issue 12, relfix).

"Exosomes promoted M2 polarization and reduced TNF-α expression": the parse may read the second
verb as an adjective of its noun ("reduced" an ``amod`` of "expression") and make that noun a
conjunct of the first verb's object. The change word then states the relation to its noun
(exosomes DECREASES TNF-α); the outer verb must not also take it (no exosomes ACTIVATES TNF-α).
A conjunct's own trigger modifier before it marks such an object; the first object itself keeps
its reading ("STZ causes increased expression of X" joins the two words), and a cause takes a
changed state as what it causes ("Stroke causes aphasia and reduced mobility").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

import pipeline.nlp.extensions  # noqa: F401  (token._.mm_trigger)
from pipeline.nlp.relations.syntax import mention_head
from pipeline.nlp.relations.types import Mention

# predicates whose object may be a changed state (SemRep CAUSES): the participle a state of it
CAUSAL = frozenset({"DRIVES"})
CHANGE_MODIFIERS = frozenset({"amod", "compound", "nmod"})
# the links from a mention's head up to the noun the verb's object list holds
UP_LINKS = frozenset({"compound", "nmod", "amod", "pobj", "prep", "conj", "appos"})


def own_change_word(noun: Token, trigger: int) -> bool:
    """``noun`` has a trigger word of its own among its left modifiers, after the verb
    ``trigger`` (sentence index), that opens the conjunct right after its coordinator (adverbs
    aside): "and (markedly) reduced TNF-α expression". A list item a state opens after a comma
    is a noun phrase ("causes aphasia, impaired balance and ataxia")."""
    doc = noun.doc
    for c in noun.children:
        if c.dep_ not in CHANGE_MODIFIERS or not c._.mm_trigger or not trigger < c.i < noun.i:
            continue
        k = c.left_edge.i - 1
        while k > trigger and doc[k].pos_ == "ADV":
            k -= 1
        if k > trigger and doc[k].dep_ == "cc":
            return True
    return False


def owned_by_conjunct_trigger(parse: Doc, trigger: int, obj: int, m: Mention, off: int) -> bool:
    """The object mention ``m`` of the verb ``trigger`` lies in a conjunct of the verb's object
    ``obj`` (sentence indices) that has its own change word: that word's relation, not the verb's."""
    if not (off <= m.start and m.end <= off + len(parse)):
        return False
    t = mention_head(parse, m, off)
    path: list[Token] = []
    for _ in range(12):
        if t.i == obj or t.i == trigger:
            break
        path.append(t)
        if t.dep_ not in UP_LINKS or t.head is t:
            return False
        t = t.head
    if t.i != obj:
        return False
    # a noun on the path with its own change word, reached from the verb's object through a conjunct
    # (the conjunct itself, or a noun inside it: not a later conjunct of it, "A and reduced B and C")
    for k, x in enumerate(path):
        if own_change_word(x, trigger) and any(y.dep_ == "conj" for y in path[k:]):
            return not any(y.dep_ == "conj" for y in path[:k])
    return False
