"""List members over one sentence parse (CRAFT/ClearNLP labels): the heads listed with a
noun (its conjuncts and appositions, not across a trigger verb; a participle of state that opens
a later item is no verb), the ends of a range it spans, the members an example phrase names
("such as", "including", "like") and the list the parse hangs inside a multi-word mention.
Split out of :mod:`pipeline.nlp.relations.syntax` (relcoord), which builds argument heads on
them."""

from __future__ import annotations

from spacy.tokens import Doc, Token

import pipeline.nlp.extensions  # noqa: F401  (token._.mm_trigger)


def trigger_between(head: Token, conjunct: Token) -> bool:
    """A trigger word between two conjuncts: "secrete HGF and decrease TGF-beta1" parsed as
    one object list is two clauses, so the second noun is no conjunct of the first. A past
    participle or adjective that modifies the later conjunct names its state and is no second
    verb (relcoord: "memory loss, reduced motor control", "tremor and impaired balance")."""
    lo, hi = sorted((head.i, conjunct.i))
    later = head if head.i > conjunct.i else conjunct
    return any(t._.mm_trigger and not state_modifier(t, later) for t in head.doc[lo + 1:hi])


def state_modifier(t: Token, noun: Token) -> bool:
    """``t`` is a past participle or adjective modifying ``noun`` that opens its list item (right
    after a comma or coordinator: ", reduced motor control", "and impaired balance"; not the
    "related" of "nerve-related pain")."""
    before = t.doc[t.i - 1] if t.i > 0 else None
    return (t.dep_ == "amod" and t.head == noun and (t.pos_ == "ADJ" or t.lower_.endswith("ed"))
            and before is not None and (before.text == "," or before.dep_ == "cc"))


# prepositions (and the participle "including") that introduce the members of a class noun:
# "growth factors such as X", "cytokines like X", "factors, including X", "agents, e.g. X",
# "two factors, namely X and Y"
EXAMPLE_WORDS = frozenset({"as", "including", "like", "e.g.", "e.g", "eg", "namely", "especially",
                           "particularly", "notably"})


def list_members(t: Token) -> list[Token]:
    """The heads listed with ``t`` or as its members: its conjuncts and appositions (not across
    a trigger word), the ends of a range it spans (:func:`range_members`), the objects of an
    example phrase on it ("X such as A", "X including A", "X (e.g. A)") and the nouns a
    ``npadvmod``/``appos`` example word introduces."""
    out = [c for c in t.children if c.dep_ in ("conj", "appos") and not trigger_between(t, c)]
    out += [c for c in range_members(t) if c not in out]
    return out + [c for c in example_members(t, EXAMPLE_WORDS) if c not in out]


RANGE_WORDS = frozenset({"ranging", "range", "ranges", "varying"})


def range_members(t: Token) -> list[Token]:
    """The ends of a range the noun ``t`` spans ("conditions ranging from A and B to C": A, C;
    their own conjuncts are listed with them)."""
    return [g for c in t.children if c.dep_ == "acl" and c.lower_ in RANGE_WORDS and c.i > t.i
            for p in c.children if p.dep_ == "prep" and p.lower_ in ("from", "to")
            for g in p.children if g.dep_ == "pobj"]


def example_members(t: Token, words: frozenset[str], after: int = -1) -> list[Token]:
    """The heads an example phrase on ``t`` names (its word one of ``words``, after ``t`` and
    token ``after``): the objects of "such as" / "including" / "like" ..., or the first member
    of a parenthesised "(e.g., X and Y)" (the example word modifies that member)."""
    out: list[Token] = []
    for c in t.children:
        if c.i < max(t.i, after) or trigger_between(t, c):
            continue
        if c.lower_ in words and (c.dep_ == "prep" or c.lower_ != "as"):
            out += [g for g in c.children if g.dep_ in ("pobj", "dobj", "appos", "conj")
                    and not trigger_between(t, g)]
        elif c.dep_ in ("parataxis", "dep", "npadvmod", "appos") and any(
                g.lower_ in words and g.dep_ in ("advmod", "prep", "dep") for g in c.children):
            out.append(c)
    return out


# example words that may also hang on the nominalisation of an object ("the release of growth
# factors, such as X": X is released); not "like", which may compare ("act like X")
TRIGGER_EXAMPLE_WORDS = EXAMPLE_WORDS - {"like"}


def inner_conjuncts(parse: Doc, lo: int, hi: int) -> list[Token]:
    """Conjuncts and appositions the parse hangs on a token inside a mention (sentence tokens
    ``lo``..``hi``) that is not its head: "loss of consciousness, confusion and X" parsed with
    "confusion" a conjunct of "consciousness" lists "confusion" with the whole mention."""
    return [c for t in parse[lo:hi] for c in t.children
            if c.dep_ in ("conj", "appos") and not lo <= c.i < hi and c.i > t.i
            and not trigger_between(t, c)]
