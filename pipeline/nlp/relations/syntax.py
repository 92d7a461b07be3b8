"""Syntax over one sentence parse (CRAFT/ClearNLP labels): argument heads (conjuncts,
appositions, "levels of X"; the list members they build on, "such as", "including", are in
:mod:`pipeline.nlp.relations.members`), outcome phrases and the parse's misreadings the readers
guard against (negation with syntactic scope is in :mod:`pipeline.nlp.relations.negation`).
Inherited subjects (coordinated, control and relative clauses) are in
:mod:`pipeline.nlp.relations.clauses`."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

import pipeline.nlp.extensions  # noqa: F401  (token._.mm_trigger)
from pipeline.nlp.relations.clauses import POSSESSIVE_PRONOUNS
from pipeline.nlp.relations.members import EXAMPLE_WORDS, example_members, list_members, trigger_between
from pipeline.nlp.relations.types import Mention

# links by which a subject reaches a modifying clause: what such a clause says is not what the
# next sentence's "They ..." refers back to
CLAUSE_LINKS = frozenset({"relcl", "acl", "appos"})


PRONOUNS = {"they", "these", "it", "this", "those", "both"}


STAND_INS = {"those", "ones", "genes", "proteins", "factors", "molecules"}
# rel-obj2: "X-based" names what a therapy or approach is made of ("MSC-based therapies as
# treatments for IPF": the MSCs); its agent is the modifier of "based"; relfix: "X-conditioned"
# the cells whose products a medium holds ("MSC-conditioned medium", or "conditioned medium from X")
BASED = frozenset({"based", "conditioned"})


def argument_heads(token: Token, through: frozenset[str], recipients: frozenset[str] | None = None
                   ) -> list[Token]:
    """The head token of an argument and those coordinated or in apposition with it or named
    as its members ("growth factors such as X and Y": :func:`list_members`); an
    amount/activity head ("levels of X", "X expression") stands for its of-phrase (else its
    with-phrase: "treatment with X") or compound (and keeps its own conjuncts and members:
    "types of cells, including X"); without those and with ``recipients`` (the heads whose
    possessive names their recipient: "its treatment"), a head not of them stands for its
    possessive pronoun ("their differentiation": what "their" refers to, :func:`~.depargs.arguments_at`)."""
    out: list[Token] = []
    stack = [token]
    while stack:
        t = stack.pop(0)
        if t in out or len(out) > 20:
            continue
        if t.lower_ in through:
            inner = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
            # else its with-phrase: "treatment with X"
            inner = inner or [g for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
                              for g in c.children if g.dep_ == "pobj"]
            named = [c for c in t.children if c.dep_ in ("compound", "nmod") and c.i < t.i]
            if not inner and not named and recipients is not None and t.lower_ not in recipients:
                # "their differentiation": the owner (an anaphor's antecedent)
                inner = [c for c in t.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS]
            inner += [c for c in t.children if c.dep_ in ("compound", "nmod", "amod") and c.i < t.i]
            if any(c.lower_ in BASED and c.dep_ == "amod" for c in t.children):  # "... from MSCs"
                inner += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "from"
                          for g in c.children if g.dep_ == "pobj"]
            if inner:
                stack[:0] = inner
                out.append(t)
                stack.extend(list_members(t))
                continue
        out.append(t)
        stack.extend(list_members(t))
        if t.lower_ in BASED and t.dep_ == "amod":  # "MSC-based (therapies)": the MSCs
            stack.extend(c for c in t.children if c.dep_ in ("npadvmod", "compound", "nmod"))
        # "those related to X", "ones involved in X": the pronoun stands for X
        if t.lower_ in STAND_INS:
            stack.extend(g for c in t.children if c.dep_ == "acl" for p in c.children if p.dep_ == "prep"
                         for g in p.children if g.dep_ == "pobj")
    return out


def clause_examples(noun: Token, verb: Token) -> list[Token]:
    """The examples a relative clause gives of the generic noun it modifies ("genes that
    contribute to PD, including those related to X"): the objects of an "including", "like" or
    "such as" phrase the parse hangs on the clause's verb. Nothing for a noun outside
    :data:`STAND_INS`."""
    if noun.lower_ not in STAND_INS:
        return []
    def introduces_examples(c: Token) -> bool:
        return c.lower_ in ("including", "like") or (c.lower_ == "as" and any(x.lower_ == "such"
                                                                              for x in c.children))
    return [g for c in verb.children if c.dep_ == "prep" and c.i > verb.i and introduces_examples(c)
            for g in c.children if g.dep_ == "pobj"]


def modifies_nominal_trigger(parse: Doc, trigger: int) -> bool:
    """The hyphenated trigger ("mediated" in "MSC-mediated inhibition of X") modifies a noun
    that is itself a trigger with an of-phrase: that nominalisation states the relation."""
    head = parse[trigger].head
    return (head != parse[trigger] and head.pos_ == "NOUN" and bool(head._.mm_trigger)
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children))


def misparsed_verb_object(parse: Doc, trigger: int, obj: int) -> bool:
    """``obj`` (an object of ``trigger``) has a trigger word as a compound modifier right after
    a coordinator: the parse read a coordinated verb ("and decrease TGF-beta1") as a noun."""
    return any(c.dep_ == "compound" and c._.mm_trigger and c.i > trigger and c.i > 0
               and parse[c.i - 1].dep_ == "cc" for c in parse[obj].children)


def coordination_chain(token: Token) -> list[Token]:
    """``token`` up to the first item of the coordination (or apposition) it is in, or is part
    of the name of ("TNF" in "IL-8, TNF stimulated gene 6 and NO"); the last is that item."""
    chain = [token]
    for _ in range(12):
        if token.dep_ not in ("conj", "appos", "compound", "nmod") or token.head == token:
            break
        token = token.head
        chain.append(token)
    return chain


def mention_head(parse: Doc, m: Mention, off: int) -> Token:
    """The token of mention ``m`` (doc indices) whose head lies outside it."""
    for i in range(m.start - off, m.end - off):
        h = parse[i].head.i + off
        if not m.start <= h < m.end or parse[i].head == parse[i]:
            return parse[i]
    return parse[m.end - off - 1]


def same_list(parse: Doc, off: int, a: Mention, b: Mention, trigger: int) -> bool:
    """``a`` and ``b`` are items of one list ("IDO, PGE2, TSG-6 and NO"): no relation between them.
    A mention outside the sentence (carried over from an earlier one) is in no list of it, and
    a chain through the trigger (sentence index) is a misparse ("X Activates Y" in a title)."""
    if not all(off <= m.start and m.end <= off + len(parse) for m in (a, b)):
        return False
    first = coordination_chain(mention_head(parse, a, off))
    second = coordination_chain(mention_head(parse, b, off))
    if any(t.i == trigger for t in first + second) or verb_inside_noun_phrase(parse, trigger, first, second):
        return False
    return first[-1] == second[-1]


def verb_inside_noun_phrase(parse: Doc, trigger: int, first: list[Token], second: list[Token]) -> bool:
    """"S V-ed O" parsed as one noun phrase ("Exosomes reduced inflammation": S a modifier of O,
    the verb O's adjective): a misparse, not a list. The trigger stands between the two
    mentions and modifies a noun after it that both chains reach (:func:`coordination_chain`'s):
    the later one's head, or the amount head both hang on ("miR-146a reduced IL-6 expression")."""
    early, late = (first, second) if first[0].i < second[0].i else (second, first)
    t = parse[trigger]
    return early[0].i < trigger < late[0].i < t.head.i + 1 and t.head in late and t.head in early


def clause_subject_of(subject: Token, trigger: Token) -> bool:
    """``subject`` is the grammatical subject of a clause the trigger belongs to ("STZ causes
    increased expression of X", "X was associated with lower Y"): its verb is the trigger or
    one of the trigger's ancestors."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = subject.head
    return verb == trigger or verb.is_ancestor(trigger)


def verb_read_as_adjective(parse: Doc, trigger: int, form: str, subject_end: int,
                           subject_head: Token | None = None) -> bool:
    """A trigger the parse reads as a modifier ("... not related to limited IL-2") read by the
    surface reader as a verb (active or passive form) of a subject that does not stand right
    before it (``subject_end``: sentence index after the subject; "IL4 induced X" stays a verb)
    and is not the subject of the clause the modifier is in (``subject_head``:
    :func:`clause_subject_of`)."""
    t = parse[trigger]
    if t.dep_ == "amod" and own_agent_before(parse, trigger) and subject_end != trigger:
        return True  # "in sepsis induced-lung injury": sepsis induces, not the clause's subject
    if subject_head is not None and (clause_subject_of(subject_head, t)
                                     or subject_phrase_joined(parse, trigger, subject_head)):
        return False
    return (form in ("active", "passive") and (t.dep_ == "amod" or t.pos_ == "ADJ")
            and subject_end != trigger)


def subject_phrase_joined(parse: Doc, trigger: int, subject: Token) -> bool:
    """The subject's phrase ends right before the trigger and the parse joined it to the trigger or
    to the noun the trigger modifies ("MSC transplantation reduced inflammation": transplantation
    an npadvmod of "reduced"): a clause read as one noun phrase, so the trigger stays a verb."""
    if subject.i >= trigger:
        return False
    t, chain, tok = parse[trigger], [subject], subject
    for _ in range(4):
        if tok.dep_ not in ("compound", "nmod", "npadvmod") or tok.head == tok:
            break
        tok = tok.head
        chain.append(tok)
    return parse[trigger - 1] in chain and (t in chain or t.head in chain)


def own_agent_before(parse: Doc, trigger: int) -> bool:
    """The word right before a participle modifier modifies the same noun ("sepsis induced-lung
    injury", "IL-1 stimulated cells"): a noun the participle's own agent, as in "X-induced Y"."""
    if trigger == 0:
        return False
    t, before = parse[trigger], parse[trigger - 1]
    if before.dep_ not in ("nmod", "compound") or before.pos_ not in ("NOUN", "PROPN"):
        return False
    for _ in range(4):  # up the modifiers of one noun phrase ("induced" of "intestinal barrier ...")
        if t.head == before.head:
            return True
        if t.dep_ not in ("amod", "compound", "nmod") or t.head == t:
            return False
        t = t.head
    return False


def subject_head(parse: Doc, off: int, m: Mention) -> Token | None:
    """The head token of mention ``m`` in the sentence parse starting at doc token ``off``
    (None for a mention outside the sentence)."""
    if not (off <= m.start and m.end <= off + len(parse)):
        return None
    return mention_head(parse, m, off)


# verbs of a source phrase: "exosomes derived from MSCs", "vesicles secreted by BMSCs"
SOURCE_VERBS = frozenset({"derived", "isolated", "secreted", "released", "obtained", "produced", "shed",
                          "purified", "collected", "harvested"})


def source_holder(parse: Doc, off: int, m: Mention) -> Token | None:
    """The noun whose source ``m`` names: "EVs from BMSCs", "exosomes derived from MSCs", "vesicles
    secreted by MSCs (BMSCs)" give the EVs/exosomes/vesicles token; else None. An "X from Y"
    subject is X."""
    head = subject_head(parse, off, m)
    if head is None:
        return None
    while head.dep_ == "appos" and head.head != head:
        head = head.head
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("from", "by"):
        return None
    noun = prep.head
    if noun.lower_ in SOURCE_VERBS and noun.dep_ in ("acl", "amod") and noun.head != noun:
        noun = noun.head
    elif prep.lower_ == "by":  # "inhibited by MSCs" is an agent, not a source
        return None
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun != prep else None


# a verb heading a clause (a participle modifying a noun, "induced IFN-gamma expression", is
# read by the surface reader as a verb whose object it modifies)
CLAUSAL_VERB = frozenset({"ROOT", "relcl", "conj", "ccomp", "advcl", "xcomp", "pcomp", "parataxis"})


def outside_verb_phrase(parse: Doc, trigger: int, obj: Token) -> bool:
    """The object lies outside the phrase of the clausal verb trigger ("X, which prevented Y,
    abolished the effects of Z": Z is no object of "prevented")."""
    t = parse[trigger]
    return (t.pos_ == "VERB" and t.dep_ in CLAUSAL_VERB and not t.is_ancestor(obj) and obj != t)


def owner_of_modified(parse: Doc, off: int, obj: Token, ms: Sequence[Mention]) -> bool:
    """``obj`` is the "of" phrase of a noun that a mention modifies ("IL-6 secretion of MSCs",
    "M2-polarization of macrophages"): the modifier names what the verb acts on, ``obj`` only
    whose it is."""
    if obj.dep_ != "pobj" or obj.head.lower_ != "of" or obj.head.dep_ != "prep":
        return False
    noun = obj.head.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and mention_at(ms, c.i + off)
               for c in noun.children)


OUTCOME_MODIFIERS = {"compound", "amod", "poss", "nmod"}


# outcome nouns named only with their of-phrase: "quality of life" (not "quality")
OF_NAMED_OUTCOMES = frozenset({"quality"})


def outcome_phrase(head: Token, keep_of: bool = False) -> tuple[int, int]:
    """The sentence token range of an outcome noun phrase: ``head`` with its compound,
    adjective and possessive modifiers on its left ("blood-brain barrier integrity", "motor
    function", not a possessive pronoun: "their survival" names whose only in the text before it);
    an ``of`` phrase stays out ("function of neurons": function) unless ``keep_of`` (a place:
    "sites of injury") or the head is named by it ("quality of life", wherever the parse hangs
    the "of")."""
    floor = max((c.i + 1 for c in head.children if joined_clause_verb(head, c)), default=0)
    left = [c.left_edge.i for c in head.children if c.dep_ in OUTCOME_MODIFIERS and floor <= c.i < head.i
            and not (c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS)]
    end = head.i + 1
    if keep_of:
        end = max([c.right_edge.i + 1 for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                   and c.i > head.i], default=end)
    elif head.lower_ in OF_NAMED_OUTCOMES and end < len(head.doc) and head.doc[end].lower_ == "of":
        end = max(end + 1, head.doc[end].right_edge.i + 1)
    return min(left, default=head.i), end


def joined_clause_verb(head: Token, c: Token) -> bool:
    """``c`` is a trigger participle modifying ``head`` with a subject of its own, a clause the parse
    joined to its object ("MSC transplantation significantly improved motor function": its nsubj,
    or a noun modifier of ``head`` before it, "Exosomes markedly improved survival"): the object's
    phrase starts after it."""
    if c.dep_ != "amod" or c.pos_ != "VERB" or not c._.mm_trigger or c.i > head.i:
        return False
    return any(g.dep_ == "nsubj" for g in c.children) or any(
        s.dep_ in ("nmod", "npadvmod", "compound") and s.i < c.i and s.pos_ in ("NOUN", "PROPN")
        for s in head.children)


# the modifiers a coordinated modifier list is made of: adjectives ("alveolar and endothelial
# function") and nouns, which the parse labels compound or nmod ("T and B lymphocytes")
LISTED_MODIFIERS = ("amod", "compound", "nmod")


def modifier_readings(head: Token, lo: int, hi: int) -> list[str]:
    """The phrases a noun phrase (sentence tokens ``lo``..``hi``, headed by ``head``) with a
    coordinated modifier list stands for, one per listed modifier ("alveolar and endothelial
    function": "alveolar function", "endothelial function"); nothing without such a list."""
    mods = [c for c in head.children if c.dep_ in LISTED_MODIFIERS and lo <= c.i < head.i]
    for c in mods:
        members = [c] + [x for x in c.conjuncts if c.i < x.i < head.i]
        if len(members) < 2:
            continue
        first, last = c.left_edge.i, max(x.right_edge.i for x in members)
        doc = head.doc
        before, after = doc[lo:first].text, doc[last + 1:hi].text
        # the parts joined by a space: a listed modifier keeps no comma ("autoimmune, degenerative
        # and inflammatory diseases": "autoimmune diseases")
        return [" ".join(part for part in (before, doc[m.left_edge.i:m.i + 1].text, after) if part)
                for m in members]
    return []


def example_tokens(parse: Doc, off: int, m: Mention) -> set[int]:
    """The doc tokens of the examples a class-noun mention ``m`` names ("chemokines such as A
    and B", "diseases like A": A and B with their conjuncts and appositions); empty for a
    mention outside the sentence or without examples."""
    head = subject_head(parse, off, m)
    if head is None:
        return set()
    out: set[int] = set()
    stack = example_members(head, EXAMPLE_WORDS)
    while stack and len(out) < 40:
        t = stack.pop()
        if t.i + off in out or t == head:
            continue
        out.add(t.i + off)
        stack += [c for c in t.children
                  if c.dep_ in ("conj", "appos", "parataxis") and not trigger_between(t, c)]
    return out


def owner_tokens(parse: Doc, off: int, m: Mention) -> set[int]:
    """The doc tokens of the of-phrase of the noun heading ``m`` and their conjuncts ("effector
    function of T lymphocytes and NK cells": T lymphocytes, NK cells), or of the list the noun
    ends ("the proliferation and function of T cells", the parse hanging "of" on the first
    item); empty for a mention outside the sentence."""
    head = subject_head(parse, off, m)
    if head is None:
        return set()
    stack: list[Token] = []
    noun = head  # an of-phrase the list's first item holds is the list's only after its last item
    for _ in range(12):
        stack = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i
                 for g in c.children if g.dep_ == "pobj"]
        if stack or head.dep_ != "conj" or head.head == head or head.head.pos_ not in ("NOUN", "PROPN"):
            break
        head = head.head
    out: set[int] = set()
    while stack and len(out) < 40:
        t = stack.pop()
        if t.i + off not in out:
            out.add(t.i + off)
            stack += [c for c in t.children if c.dep_ in ("conj", "appos", "compound")]
    return out


def mention_at(ms: Sequence[Mention], token: int) -> Mention | None:
    """The mention that contains doc token ``token``, else None."""
    for m in ms:
        if m.start <= token < m.end:
            return m
    return None
