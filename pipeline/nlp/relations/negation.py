"""Negation with syntactic scope over one sentence parse (CRAFT/ClearNLP labels): NegEx's cues
read where the parse attaches them (:func:`parse_negated`), for the dependency reader's
candidates and the surface reader's checked against the parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

NEGATION_HEADS = {"without"}  # a preposition whose object clause is negated: "without forming X"
# relevent: adverbs and the correlative "neither" that negate the verb they modify (the parse
# makes them advmod / preconj, not neg): "they rarely restore X", "X neither reduces A nor B"
# (the cues' negation list has them for the surface reader)
NEGATING_MODIFIERS = {"rarely", "seldom", "neither", "barely", "hardly", "scarcely"}  # relprec: degree too


def negating(t: Token) -> bool:
    """``t`` negates its head: a ``neg`` dependent or a negating modifier ("rarely", "neither")."""
    return t.dep_ == "neg" or (t.dep_ in ("advmod", "preconj") and t.lower_ in NEGATING_MODIFIERS)


CONTRASTS = frozenset({"but", "yet", "whereas"})


def contrasted(conj: Token) -> bool:
    """The conjunct ``conj`` follows a contrastive coordinator ("not A but B"), on it or on its
    head between the two."""
    head = conj.head
    return any(c.dep_ == "cc" and c.lower_ in CONTRASTS and c.i < conj.i
               for c in (*conj.children, *(c for c in head.children if head.i < c.i)))


def parse_negated(parse: Doc, trigger: int) -> bool:
    """NegEx with syntactic scope: the trigger, or a verb it is the complement or later conjunct
    of ("cannot halt or reverse X", "failed to reduce X", "it is not known whether X reduces Y"),
    or the adjective or noun is the complement of ("X was not effective against Y", "X is not a
    treatment for D"), has a ``neg`` dependent, also through an auxiliary ("X does not hold
    promise" with "hold" read as the auxiliary of "promise"), or a negating modifier ("rarely",
    "neither"); the trigger noun has the determiner "no" ("X offers no hope for D"), or the
    trigger is the object of "without" ("without forming tumours")."""
    token = parse[trigger]
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return True
    for _ in range(4):
        if any(negating(c) or (c.dep_ in ("aux", "auxpass") and any(negating(g) for g in c.children))
               for c in token.children):
            return True
        if token.dep_ in ("pcomp", "pobj") and token.head.lower_ in NEGATION_HEADS:
            return True
        if token.dep_ in ("xcomp", "conj", "ccomp", "acomp", "attr") and token.head != token:
            # a conjunct with its own auxiliary is a clause of its own ("X did not ... but Y can"),
            # one after "but" a contrast ("X did not alter A, but induced B")
            if token.dep_ == "conj" and (any(c.dep_ in ("aux", "nsubj") for c in token.children)
                                         or contrasted(token)):
                return False
            token = token.head
            continue
        return False
    return False
