"""Treatment nouns as agents (issue 12): "Current treatments reduce inflammation but cannot
restore function", "Traditional therapies ..., but they rarely prevent chronic complications",
"interventions during the secondary phase may reduce neuron death".

A clinical text often names what acts by the kind of intervention, without an entity: the
subject is a treatment noun of ``dependency_patterns.yaml``'s ``agent_nouns`` (treatment,
therapy, intervention, medication, ...). Such a noun in a subject position of the parse (the
subject of a clause, or a noun coordinated with one) becomes an argument of class THERAPY, the
noun with its left modifiers ("Traditional treatments"), which may be an agent (it also has the
pseudo-class AGENT) and is what a later "they" of the sentence or of the next one stands for.

Not when the phrase names its agent itself: a mention among its left modifiers or in its
with-phrase ("MSC therapy", "treatment with IL-10": the mention is the agent, read through the
``through`` heads), nor when a demonstrative or possessive makes it an anaphor ("these
treatments", "their therapy": the anaphora rules read it).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from pipeline.nlp.relations.arguments import AGENT
from pipeline.nlp.relations.syntax import outcome_phrase
from pipeline.nlp.relations.types import Mention, Sentence

THERAPY = "THERAPY"  # class of a treatment noun that is an agent without an entity mention
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# determiners and possessives that make the noun point back ("these treatments", "their therapy")
POINTING = frozenset({"this", "these", "that", "those", "such", "its", "their", "his", "her", "our"})
# phrases on the right of the noun that say what or when it treats, and clauses on it
SETTINGS = frozenset({"of", "for", "in", "during", "after", "at", "before", "within"})
CLAUSES = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj"})
TREATED = frozenset({"DISEASE", "ANATOMY"})  # what a treatment is of or for
# words before a noun that make it no subject ("during therapy", "need for new therapies"): the
# parse filter's cheap check (pipeline/nlp/parser.py)
PREPOSITIONS = frozenset({"in", "during", "for", "of", "with", "to", "after", "before", "from", "by",
                          "than", "into", "on", "about", "like", "under", "via", "through"})


def in_subject_position(t: Token) -> bool:
    """``t`` is a clause's subject or coordinated with one ("surgery and medications reduce X")."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ in SUBJECT_DEPS


def names_own_agent(t: Token, covered: Collection[int], treated: Collection[int]) -> bool:
    """A mention modifies ``t`` on its left or sits in a phrase on its right ("MSC therapy",
    "treatment with IL-10", "medications such as levodopa", "the treatment of gout with
    aspirin"), or a demonstrative/possessive makes it an anaphor ("these treatments"). What it
    treats in a phrase of what, where or when (``treated``: the tokens of disease and anatomy
    mentions: "treatment of PD", "interventions during the acute phase") and a clause on it name
    no agent."""
    for c in t.children:
        if c.i < t.i and c.lower_ in POINTING:
            return True
        if c.i > t.i and c.dep_ in CLAUSES:
            continue
        setting = c.i > t.i and c.dep_ == "prep" and c.lower_ in SETTINGS
        if any(x.i in covered and not (setting and x.i in treated) for x in c.subtree):
            return True
    return False


def agent_noun_mentions(parse: Doc, sent: Sentence, ms: Sequence[Mention],
                        nouns: frozenset[str]) -> list[Mention]:
    """THERAPY arguments of one sentence parse (module text); ``ms``: the sentence's mentions
    (doc token indices; parse token ``k`` is doc token ``sent.start + k``)."""
    if not nouns:
        return []
    covered = {i - sent.start for m in ms for i in range(m.start, m.end)}
    treated = {i - sent.start for m in ms if m.label in TREATED for i in range(m.start, m.end)}
    out: list[Mention] = []
    for t in parse:
        if t.lower_ not in nouns or t.pos_ not in ("NOUN", "PROPN") or t.i in covered:
            continue
        if not in_subject_position(t) or names_own_agent(t, covered, treated):
            continue
        lo, hi = outcome_phrase(t)
        if any(i in covered for i in range(lo, hi)):
            continue
        span = parse[lo:hi]
        start_char = sent.start_char + span.start_char
        out.append(Mention(sent.start + lo, sent.start + hi, start_char, start_char + len(span.text),
                           span.text, THERAPY, (THERAPY, AGENT), ""))
    return out


def with_agent_nouns(parse: Doc, sent: Sentence, ms: Sequence[Mention],
                     nouns: frozenset[str]) -> list[Mention]:
    """``ms`` and the sentence's THERAPY arguments, in text order."""
    found = agent_noun_mentions(parse, sent, ms, nouns)
    return sorted([*ms, *found], key=lambda m: m.start) if found else list(ms)
