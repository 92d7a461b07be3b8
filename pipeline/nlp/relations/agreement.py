"""Does a candidate's subject agree with the parse of its sentence?

Readers propose a subject from the words (the surface reader) or from patterns that climb
to an inherited subject (the dependency reader); both can take the wrong noun when the
trigger's own subject is elsewhere. :func:`understood_subject` finds, in the parse, who the
trigger's clause says acts:

- its own nominal subject ("immune cells" of "allowing immune cells to enter the brain and
  trigger a response"), through coordinated verbs and subject-control infinitives
  ("MSCs are able to help reduce X": MSCs);
- the object of an object-control verb ("stimulate resident stem cells to differentiate":
  the stem cells; the rule set's ``object_control`` verbs);
- the noun a relative clause or an -ing participle modifies ("the sheath that covers nerve
  fibers and causes Y": the sheath; "an M2 phenotype capable of regulating Y": the phenotype);
  for generic cargo that is no mention, its producer or carrier ("EVs carry molecules that
  reduce X": the EVs, as :func:`~pipeline.nlp.relations.clauses.cargo_producer` reads it; a
  pronoun producer is the reader's anaphor to resolve; "growth factors that V", a mention, act
  themselves);
- for a past participle modifying a noun ("damage caused to nerve cells"), only an agent
  inside the participle's phrase ("cytokines secreted by MSCs").

:func:`agrees` checks a candidate's subject against it: the subject lies in that noun's
phrase (its subtree without its clauses: "levels of IL-6" holds IL-6), or was carried over
from an anaphor the parse names ("These molecules can protect ..."). Pure functions over a
sentence parse (``doc._.parses``; token ``i`` of the parse is doc token ``off + i``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from pipeline.nlp.relations.clauses import (
    antecedent,
    cargo_producer,
    event_relative,
    infinitives_before,
    quantified_relative,
)
from pipeline.nlp.relations.types import Candidate

NOUNS = frozenset({"NOUN", "PROPN"})
VERBS = frozenset({"VERB", "AUX"})
# clauses attached to a noun: not part of the phrase that names it
CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc"})
# determiners of a noun phrase that points back ("these molecules", "the cells")
ANAPHORIC = frozenset({"these", "those", "such", "this", "that"})
# ... and those that point back only to a subject carried from the sentence before ("the cells")
DEFINITE = frozenset({"the", "their", "its"})
SUBJECT, AGENT = "subject", "agent"
# words that introduce examples of a noun ("genes that contribute to gout, including SLC2A9"):
# an example stands for the noun it illustrates
EXAMPLE_WORDS = frozenset({"including", "like", "as", "especially", "particularly", "notably", "namely"})


def understood_subject(t: Token, control: re.Pattern[str] | None) -> tuple[Token | None, str]:
    """(token, mode) for the trigger ``t``: a noun whose phrase must hold the subject
    (mode ``subject``), the trigger itself when the subject must be an agent in its phrase
    (mode ``agent``), or (None, "") when the parse does not say."""
    seen: set[int] = set()
    while t.i not in seen:
        seen.add(t.i)
        event = event_relative(t)  # ", which facilitates X" after a plural noun: the main clause's event
        if event is not None:
            return (event, SUBJECT) if event.pos_ in NOUNS else (None, "")
        quantified = next((c for c in t.children if quantified_relative(c)), None)
        if quantified is not None:  # "X and Y, all of which V": the list before it (clauses.py)
            noun = antecedent(quantified)
            if noun is not None:
                return noun, SUBJECT
        deps = {c.dep_: c for c in t.children}
        subj = deps.get("nsubj") or deps.get("csubj")
        if subj is not None:
            if subj.pos_ in NOUNS:
                return subj, SUBJECT
            return (t.head, SUBJECT) if t.dep_ == "relcl" and t.head.pos_ in NOUNS else (None, "")
        if "nsubjpass" in deps or "expl" in deps:
            return None, ""
        head = t.head
        if t.dep_ == "relcl" and head.pos_ in NOUNS:
            return head, SUBJECT
        if t.dep_ == "acl" and head.pos_ in NOUNS:
            # "their ability to restore X": the owner's (also "the ability to A, B and C" parsed
            # with B a clause of the noun of its own)
            if any(c.dep_ == "aux" for v in infinitives_before(head, t) for c in v.children):
                return None, ""
            return (head, SUBJECT) if t.text.lower().endswith("ing") else (t, AGENT)
        if t.dep_ == "pcomp" and head.dep_ == "prep" and head.head.dep_ == "amod" \
                and head.head.head.pos_ in NOUNS:  # "a phenotype capable of regulating Y"
            return head.head.head, SUBJECT
        if t.dep_ in ("xcomp", "ccomp") or (t.dep_ == "dobj" and t.pos_ == "VERB" and head.pos_ == "VERB"):
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < t.i and c.pos_ in NOUNS), None)
            if obj is not None and control is not None and control.match(head.text):
                return obj, SUBJECT
            if t.dep_ == "ccomp":  # "Studies show that ...": the reporting verb's subject is no agent
                return None, ""
            t = head
            continue
        if t.dep_ == "conj" and head.pos_ in VERBS:
            if any(c.dep_ == "ccomp" for c in head.children):  # a list hung on a reporting verb
                return None, ""
            t = head
            continue
        if t.pos_ == "ADJ" and t.dep_ == "acomp":
            t = head
            continue
        return None, ""
    return None, ""


def phrase_tokens(t: Token) -> set[int]:
    """The tokens naming ``t``'s noun phrase: its subtree without the clauses attached to it
    (conjuncts, appositions and "of" phrases stay)."""
    out = {t.i}
    for c in t.children:
        if c.dep_ not in CLAUSES:
            out |= phrase_tokens(c)
    return out


def naming_phrase(t: Token) -> set[int]:
    """The tokens that may hold the subject the noun ``t`` names: the phrase of the largest
    noun phrase it ends ("injection of IL-4 into rats, which ...": the injection's phrase,
    through conjuncts and of/into phrases), and for a predicate noun of a copula the copula's
    subject too ("Fibrocytes are progenitor cells that ..."), and for an apposition the noun it
    describes ("IL-10, a cytokine that ...", as :func:`.clauses.clause_noun` reads it)."""
    while (t.dep_ == "conj" and t.head.pos_ in NOUNS) or (
            t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in NOUNS):
        t = t.head if t.dep_ == "conj" else t.head.head
    out = phrase_tokens(t)
    if t.dep_ == "attr":
        for c in t.head.children:
            if c.dep_ == "nsubj":
                out |= phrase_tokens(c)
    if t.dep_ == "appos" and t.head.pos_ in NOUNS:
        out |= phrase_tokens(t.head)
    return out


def points_back(t: Token, carried: bool = False) -> bool:
    """``t`` heads an anaphoric noun phrase ("these molecules"; with ``carried``, a subject
    from the sentence before, also "the cells")."""
    words = ANAPHORIC | DEFINITE if carried else ANAPHORIC
    return any(c.dep_ in ("det", "poss") and c.text.lower() in words for c in t.children)


def is_example_of(parse: Doc, span: set[int], anchors: set[int]) -> bool:
    """A token of ``span`` sits in an example phrase ("including X", "such as X") attached to
    one of ``anchors``."""
    for i in span:
        if not 0 <= i < len(parse):
            continue
        for a in parse[i].ancestors:
            if a.text.lower() in EXAMPLE_WORDS and a.head.i in anchors:
                return True
    return False


def swallowed(t: Token, span: set[int], trigger: int) -> bool:
    """The subject sits in a clause of the noun ``t`` that does not hold the trigger ("research
    that suggests stem cells may help treat Y", where the parse hangs "stem cells" on
    "suggests" and makes "research" the subject of "help"): a misparse, the reader's subject
    stands."""
    for c in t.children:
        if c.dep_ in ("relcl", "acl"):
            inside = {x.i for x in c.subtree}
            if span <= inside and trigger not in inside:
                return True
    return False


def cargo_agrees(c: Candidate, parse: Doc, off: int, noun: int) -> bool:
    """The noun (doc token ``noun``) the parse names as the subject of ``c``'s clause is
    generic cargo ("EVs carry molecules that reduce X", "MSCs release signals that support Y")
    and ``c``'s subject is its producer or carrier (:func:`.clauses.cargo_producer`: the reader's
    link ``cargo``), or was carried over to the pronoun or anaphor that names the producer ("They
    carry molecules that ..."). Asked only for a noun that is no mention (a named cargo, "growth
    factors that V", is the subject itself)."""
    if not 0 <= noun - off < len(parse):
        return False
    producer = cargo_producer(parse[noun - off])
    span = set(range(c.subject.start - off, c.subject.end - off))
    if producer is None:
        return False
    if c.subject.start < off:
        return producer.pos_ == "PRON" or points_back(producer, True)
    return bool(span & naming_phrase(producer))


def agrees(c: Candidate, parse: Doc, off: int, control: re.Pattern[str] | None) -> tuple[bool, int | None]:
    """(whether ``c``'s subject agrees with the parse, the doc token of the subject the parse
    names instead, when it disagrees in ``subject`` mode). Only active forms are checked, and
    not a reversed rule's (its subject is the verb's object: "X requires Y")."""
    if c.form != "active" or c.rule.reverse or not 0 <= c.trigger - off < len(parse):
        return True, None
    token, mode = understood_subject(parse[c.trigger - off], control)
    if token is None:
        return True, None
    span = set(range(c.subject.start - off, c.subject.end - off))
    if mode == AGENT:  # the participle's agent, or the noun it hangs on when the parse made a
        # main verb a participle ("Sulpiride induced SOCS-1" read as "Sulpiride [induced SOCS-1]")
        return bool(span & ({x.i for x in token.subtree if x.i != token.i} | {token.head.i})), None
    if points_back(token, c.subject.start < off):  # "these cells": an anaphor the reader resolved
        return True, None
    if c.subject.start < off:  # carried over, but the clause names its own subject
        return False, token.i + off
    phrase = naming_phrase(token)
    trigger = parse[c.trigger - off]
    chain = {trigger.i, *(a.i for a in trigger.ancestors)}
    if span & phrase or is_example_of(parse, span, phrase | chain) or swallowed(token, span, trigger.i):
        return True, None
    return False, token.i + off


def head_of(parse: Doc, off: int, start: int, end: int) -> Token | None:
    """The parse token heading doc tokens ``start .. end`` (its head lies outside them)."""
    for i in range(max(start - off, 0), min(end - off, len(parse))):
        t = parse[i]
        if not start - off <= t.head.i < end - off or t.head.i == t.i:
            return t
    return None


# modifiers: a participle there names a state, not a second verb ("resting and activated T cells")
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "acl"})


def later_verb_object(parse: Doc, trigger: int, obj: int) -> bool:
    """The object (sentence token ``obj``) follows a second trigger verb coordinated after the
    trigger's own object ("X increased the expression of IL6 and decreased TNF", which the parse
    may hang on IL6): TNF is that verb's object, not the trigger's. The trigger must have a noun
    of its own before the coordinator ("increase or decrease IL-6" shares IL-6)."""
    for k in range(trigger + 2, obj):
        v = parse[k]
        if not (v._.mm_trigger and v.pos_ == "VERB" and v.dep_ not in MODIFIER_DEPS
                and parse[k - 1].dep_ == "cc"):
            continue
        if v.dep_ == "conj" and v.head.pos_ not in NOUNS and v.head.dep_ in MODIFIER_DEPS:
            continue  # listed with a modifier: "resting and activated T cells"
        if any(t.pos_ in NOUNS for t in parse[trigger + 1:k - 1]) and not v.is_ancestor(parse[trigger]):
            return True
    return False


def object_agrees(c: Candidate, parse: Doc, off: int) -> bool:
    """An active verb's object lies in its own clause and not behind one of the rule's ``stop``
    prepositions: on the way from the object up to the trigger there is no verb with a subject
    of its own ("MSCs enhance X, and exosome-based treatments provide Y": no exosome object of
    "enhance") and no ``stop`` preposition ("transfer mitochondria to neurons": neurons are where
    the mitochondria go), nor a second verb coordinated after the trigger's object
    (:func:`later_verb_object`); an adjective trigger's object is no conjunct with an adjective of
    its own ("decreased stiffness and better pain control"). An object the trigger does not
    govern is not judged here otherwise."""
    if c.form != "active" or c.rule.reverse or c.object.start < off:
        return True
    t = head_of(parse, off, c.object.start, c.object.end)
    trigger = c.trigger - off
    if t is None or not 0 <= trigger < len(parse):
        return True
    if trigger < t.i and later_verb_object(parse, trigger, t.i):
        return False
    trig = parse[trigger]
    if trig.dep_ == "amod" and t.i != trig.head.i and t.dep_ == "conj" and any(
            x.dep_ == "amod" and x.i != trigger for x in t.children):
        return False  # "reported decreased stiffness and better pain control": a change of its own
    path = []
    for a in t.ancestors:
        if a.i == trigger:
            break
        path.append(a)
    else:
        return True
    for a in path:
        if a.dep_ == "prep" and a.text.lower() in c.rule.stop:
            return False
        if a.pos_ in VERBS and any(x.dep_ in ("nsubj", "nsubjpass") for x in a.children):
            return False
    return True


def harmed_in_list(parse: Doc, off: int, start: int, end: int,
                   cue: re.Pattern[str]) -> tuple[int, str] | None:
    """(doc token of the harm noun, its preposition) when the mention at ``start .. end`` is a
    conjunct or an example of what a harm noun names ("Damage to neurons and supporting cells,
    such as astrocytes and microglia": astrocytes are damaged too); ``cue`` tells a harm noun
    with its preposition ("damage to"). None otherwise."""
    t = head_of(parse, off, start, end)
    seen: set[int] = set()
    while t is not None and t.i not in seen:
        seen.add(t.i)
        if t.dep_ == "conj":
            t = t.head
            continue
        if t.dep_ != "pobj" or t.head.dep_ != "prep":
            return None
        prep = t.head
        if prep.text.lower() in EXAMPLE_WORDS:
            owner = prep.head
            first = next((x for x in owner.children if x.dep_ == "prep" and x.i < prep.i), None)
            if first is not None and cue.search(f"{owner.text.lower()} {first.text.lower()}"):
                return owner.i + off, first.text
            t = owner
            continue
        if cue.search(f"{prep.head.text.lower()} {prep.text.lower()}"):
            return prep.head.i + off, prep.text
        return None
    return None
