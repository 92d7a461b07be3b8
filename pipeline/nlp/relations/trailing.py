"""The members of a list that follow an object the parse cut off from them (issue 12, lists):
"X has the capacity to differentiate into A, B, and C" parsed with B hung on the main verb "has"
and C on B, so that only A is in the object node's subtree.

A coordinated run of mentions (:func:`~.topics.coordinated_groups`: one label, only commas and
and/or between two members) that an object of the trigger opens or belongs to brings along the
members after that object, wherever the parse hangs them, unless a member is the subject of a
clause of its own ("X reduced A, and B increased C": B) or hangs on another trigger's clause
(then that trigger's patterns read it). :func:`~.topics.run_members` covers the runs that lie
inside the object's subtree; this covers the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

import pipeline.nlp.extensions  # noqa: F401  (token._.mm_trigger)
from pipeline.nlp.relations.syntax import mention_head
from pipeline.nlp.relations.types import Mention

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
CLAUSE_POS = frozenset({"VERB", "AUX"})


def own_clause(t: Token, trigger: Token) -> bool:
    """``t`` (a member's head word) is, or hangs under, a subject of a clause, or its first verb
    above is a trigger word other than ``trigger`` (sentence parse tokens)."""
    node = t
    while True:
        if node.dep_ in SUBJECTS:
            return True
        if node.head is node:
            return False
        node = node.head
        if node.pos_ in CLAUSE_POS:
            return node._.mm_trigger and node != trigger


def trailing_members(objects: Sequence[Mention], runs: Sequence[tuple[Mention, ...]], parse: Doc,
                     off: int, trigger: int) -> list[Mention]:
    """The members of a run in ``runs`` after an object of ``objects`` that belongs to it, all on
    the object's side of the trigger (sentence token ``trigger``; doc tokens start at ``off``) and
    not in a clause of their own (:func:`own_clause`); those already objects are left out."""
    out: list[Mention] = []
    verb = parse[trigger]
    for run in runs:
        first = next((k for k, m in enumerate(run) if m in objects), None)
        if first is None or run[first].start < off + trigger:
            continue
        for m in run[first + 1:]:
            if m in objects or m in out:
                continue
            if own_clause(mention_head(parse, m, off), verb):
                break
            out.append(m)
    return out
