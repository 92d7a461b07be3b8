"""Syntax over one sentence parse (CRAFT/ClearNLP labels): inherited subjects (coordinated,
control and relative clauses), argument heads (conjuncts, appositions, "levels of X"),
negation from ``neg`` dependents, list membership, and the parse's misreadings the readers
guard against."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

import pipeline.nlp.extensions  # noqa: F401  (token._.mm_trigger)
from pipeline.nlp.relations.types import Mention

INHERIT_THROUGH = {"conj", "xcomp", "advcl", "pcomp", "ccomp"}


MODIFIED_BY_CLAUSE = {"relcl", "acl"}


RELATIVE_WORDS = {"which", "that", "who", "whom"}


RELATIVE_DEPS = {"nsubj", "nsubjpass", "dep"}


# links by which a subject reaches a modifying clause: what such a clause says is not what the
# next sentence's "They ..." refers back to
CLAUSE_LINKS = frozenset({"relcl", "acl", "appos"})


PRONOUNS = {"they", "these", "it", "this", "those", "both"}


STAND_INS = {"those", "ones", "genes", "proteins", "factors", "molecules"}


# verbs of use: the purpose clause of "using X to suppress Y" has X, not the user, as its agent
USE_VERBS = frozenset({"use", "uses", "used", "using", "employ", "employs", "employed", "employing",
                       "apply", "applies", "applied", "applying"})


NEGATION_HEADS = {"without"}  # a preposition whose object clause is negated: "without forming X"


def antecedent(relative: Token) -> Token | None:
    """The noun a relative pronoun refers back to: the nearest word before it, past
    punctuation ("IDO, which ..."), when that word is a noun. After a comma that noun may end a
    list ("IL-6, IL-8 and VEGF, which promote X"): the list's first item stands for all of it
    (:func:`argument_heads` expands it)."""
    j = relative.i - 1
    while j >= 0 and relative.doc[j].is_punct:
        j -= 1
    if j < 0 or relative.doc[j].pos_ not in ("NOUN", "PROPN", "NUM", "X"):
        return None
    noun = relative.doc[j]
    if j < relative.i - 1 and relative.doc[j + 1].text == ",":
        while noun.dep_ == "conj" and noun.head is not noun and noun.head.pos_ in ("NOUN", "PROPN", "X"):
            noun = noun.head
    return noun


COPULAS = {"be", "is", "are", "was", "were", "been", "being", "remain", "remains", "become", "becomes"}


# generic nouns of what a cell or vesicle releases or carries: "EVs carry proteins and other
# molecules that reduce X" states what the carrier does through its cargo
CARGO_NOUNS = frozenset({"molecules", "factors", "proteins", "mediators", "substances", "signals",
                         "cargo", "cargoes", "products", "compounds", "cytokines", "chemokines"})


CARRIER_VERBS = re.compile(r"^(secret|releas|produc|carr|deliver|contain|transfer|shed|transport)\w*$")


def cargo_producer(noun: Token) -> Token | None:
    """The producer or carrier of a generic cargo noun a relative clause modifies: "MSCs secrete
    factors that restore X", "vesicles carry RNAs and other molecules that reduce X" give the
    subject of the verb of secretion or carriage the noun (or the list it ends) is the object
    of; None for a named antecedent ("MSCs secrete TGF-beta, which promotes fibrosis")."""
    if noun.lower_ not in CARGO_NOUNS:
        return None
    first = noun
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    verb = first.head
    if first.dep_ != "dobj" or verb is first or not CARRIER_VERBS.match(verb.lower_):
        return None
    return inherited_subject(verb)[0]


def clause_noun(noun: Token) -> tuple[Token, str]:
    """The agent a relative clause on ``noun`` speaks of: ``noun`` itself, or, when ``noun``
    only describes another noun, that noun: the subject of a copula ("IPF is a lung disease
    that causes X": IPF) or the noun it is in apposition with ("MSCs, stromal cells that ..."),
    or, for generic cargo, its producer (:func:`cargo_producer`, link ``cargo``)."""
    producer = cargo_producer(noun)
    if producer is not None:
        return producer, "cargo"
    if noun.dep_ in ("attr", "oprd") and noun.head.lower_ in COPULAS:
        subj = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0], "copula"
    if noun.dep_ == "appos":
        return noun.head, "appos"
    return noun, "relcl"


def instrument(verb: Token) -> Token | None:
    """What is used in "using X to V" when ``verb`` is that V: the object of a verb of use
    that ends right before the infinitive (wherever the parse attaches the infinitive)."""
    if verb.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to"
                                                       for c in verb.children):
        return None
    start = min([c.i for c in verb.children if c.dep_ in ("aux", "advmod") and c.i < verb.i] + [verb.i])
    for j in range(start - 1, max(start - 7, -1), -1):
        user = verb.doc[j]
        if user.lower_ in USE_VERBS:
            used = [c for c in user.children if c.dep_ == "dobj" and c.i < start]
            return used[0] if used else None
        if user.pos_ in ("VERB", "AUX") or user.is_punct:
            return None
    return None


# nouns of ability whose infinitive's agent is the noun's owner: "MSCs have the potential to
# reduce X", "their ability to suppress X" (control by the possessor or the verb's subject)
ABILITY_NOUNS = frozenset({"ability", "abilities", "potential", "capacity", "capacities", "capability",
                           "capabilities", "propensity", "tendency", "power", "potency"})


# prepositions of means whose gerund shares the subject of the verb they modify: "X helps by
# secreting Y", "X acts through inhibiting Y", "X reduces Y without forming Z"
MANNER_PREPOSITIONS = frozenset({"by", "through", "via", "without"})


POSSESSIVE_PRONOUNS = frozenset({"their", "its"})


# adjectives whose infinitive shares the copula's subject: "MSCs are able to suppress X"
CONTROL_ADJECTIVES = frozenset({"able", "capable", "likely", "sufficient"})


# verbs of reporting: a coordinated verb the parse hangs on one of them ("Studies show that X
# lowers A, restores B, reduces C") belongs to the that-clause before it
REPORTING = re.compile(r"^(show|demonstrat|suggest|indicat|reveal|found|find|report|confirm|conclud|observ|"
                       r"establish|prove)\w*$")


def ability_owner(token: Token) -> Token | None:
    """The agent of the infinitive ``token`` of an ability noun: the noun's possessor ("their
    ability to V"), else the subject of the verb the noun is the object of ("X has the
    potential to V")."""
    noun = token.head
    if token.dep_ != "acl" or noun.lower_ not in ABILITY_NOUNS or not any(
            c.dep_ == "aux" and c.lower_ == "to" for v in infinitives_before(noun, token)
            for c in v.children):
        return None
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if owner and owner[0].lower_ not in POSSESSIVE_PRONOUNS:
        return owner[0]
    if noun.dep_ == "dobj" and noun.head is not noun:
        return inherited_subject(noun.head)[0]
    if owner:  # "X is studied for its ability to V": the pronoun is the clause's subject
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subject[0] if subject else owner[0]
    return None


def infinitives_before(noun: Token, token: Token) -> list[Token]:
    """``token`` and the clauses of ``noun`` before it: "the ability to A, B and C" parsed with
    B as a second clause of the noun shares A's "to"."""
    return [token, *(c for c in noun.children if c.dep_ == "acl" and c.i < token.i)]


def reported_clause(token: Token) -> Token | None:
    """The that-clause verb ``token`` is coordinated with when the parse hangs it on the
    reporting verb instead ("Studies show that X lowers A, restores B": restores): the
    nearest clausal complement of the same head ending right before ``token`` (past
    punctuation and a coordinator), ``token`` having no complementizer of its own."""
    head = token.head
    if (token.dep_ not in ("conj", "ccomp") or head is token or not REPORTING.match(head.lower_)
            or any(c.dep_ == "mark" for c in token.children)):
        return None
    before = [c for c in head.children if c.dep_ == "ccomp" and c.i < token.i and c is not token]
    if not before:
        return None
    clause = before[-1]
    gap = token.doc[clause.right_edge.i + 1:token.left_edge.i]
    if clause.right_edge.i >= token.i or any(not (t.is_punct or t.dep_ == "cc") for t in gap):
        return None
    return clause


# nouns ending in -s that are singular (diseases, Latin forms)
SINGULAR_IN_S = frozenset({"diabetes", "rabies", "measles", "mumps", "herpes", "series", "species",
                           "means", "lupus", "sepsis", "fibrosis", "apoptosis", "stenosis", "sclerosis"})
SINGULAR_AUX = frozenset({"is", "was", "has", "does"})
PLURAL_AUX = frozenset({"are", "were", "have", "do"})


def plural_noun(t: Token) -> bool:
    """The noun ``t`` is plural: by its morphology, else by its form ("neurons", "MSCs", not
    "diabetes", "sepsis", "class")."""
    number = t.morph.get("Number")
    if number:
        return number[0] == "Plur"
    w = t.lower_
    return (t.pos_ in ("NOUN", "PROPN") and len(w) > 3 and w.endswith("s") and w not in SINGULAR_IN_S
            and not w.endswith(("ss", "us", "is", "os")) and w[-2].isalpha())


def singular_verb(verb: Token) -> bool:
    """The finite verb of a clause is third person singular: its first auxiliary ("has led", "is
    known"), else its own form ("supports", "facilitates"); a modal tells nothing ("can help")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if aux:
        return aux[0].lower_ in SINGULAR_AUX
    if verb.lower_ in SINGULAR_AUX:
        return True
    number = verb.morph.get("Number")
    if number:
        return number[0] == "Sing"
    w = verb.lower_
    return verb.pos_ in ("VERB", "AUX") and len(w) > 2 and w.endswith("s") and not w.endswith("ss")


def event_relative(clause: Token) -> Token | None:
    """The agent of the event a ", which" clause speaks of when its verb disagrees in number
    with the noun the parse hangs it on ("X generates myelin-producing cells, which facilitates
    repair", "X stimulates angiogenesis, providing oxygen to neurons, which supports repair"): the
    subject of the main clause the noun is in (through participle clauses); None when verb and
    noun agree or the clause is no comma relative."""
    noun = clause.head
    if clause.dep_ != "relcl" or noun is clause or not plural_noun(noun) or not singular_verb(clause):
        return None
    rel = [c for c in clause.children if c.lower_ == "which" and c.i < clause.i]
    if not rel or rel[0].i < 1 or clause.doc[rel[0].i - 1].text != ",":
        return None
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    while verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = inherited_subject(verb)[0]
    return subject if subject is not None and subject is not noun else None


def inherited_subject(token: Token) -> tuple[Token | None, str]:
    """The agent of a verb without its own subject, and the link it was reached by. A
    relative pronoun's clause takes the noun it modifies (or, when the parse hangs the
    clause elsewhere, the noun right before the pronoun); the purpose clause of a verb of
    use takes what is used ("using drugs to suppress X": drugs). Control and raising pass the
    subject down (link ``xcomp``): the passive subject of "X is known / was found to V", the
    copula's subject of "X is able to V", the owner of "X has the ability / potential to V"; a
    gerund of means takes the subject of the verb it modifies ("X helps by secreting Y")."""
    seen = 0
    link = ""
    step = ""
    while seen < 6:
        seen += 1
        for child in token.children:
            if child.lower_ in RELATIVE_WORDS and child.i < token.i and child.dep_ in RELATIVE_DEPS:
                event = event_relative(token)
                if event is not None:
                    return event, "event"
                if token.dep_ in MODIFIED_BY_CLAUSE:
                    return clause_noun(token.head)
                found = antecedent(child)
                if found is not None:
                    return clause_noun(found)
            if child.dep_ in ("nsubj", "csubj") or (child.dep_ == "nsubjpass" and step == "xcomp"):
                return child, link
        owner = ability_owner(token)
        if owner is not None:
            return owner, link or "xcomp"
        if token.dep_ == "acomp" and token.lower_ in CONTROL_ADJECTIVES and step == "xcomp":
            link = link or "xcomp"
            token, step = token.head, "acomp"
            continue
        if (token.dep_ == "prep" and token.lower_ in MANNER_PREPOSITIONS and step == "pcomp"
                and token.head.pos_ in ("VERB", "AUX")):
            token, step = token.head, "prep"  # "X helps by secreting Y": the means of X's doing
            continue
        clause = reported_clause(token)
        if clause is not None:
            link = link or "conj"
            token, step = clause, "conj"
            continue
        if token.dep_ in MODIFIED_BY_CLAUSE:
            noun, how = clause_noun(token.head)
            return noun, how if how != "relcl" else token.dep_
        used = instrument(token)
        if used is not None:
            return used, "instrument"
        if token.dep_ in INHERIT_THROUGH and token.head is not token:
            link = link or token.dep_
            token, step = token.head, token.dep_
            continue
        return None, ""
    return None, ""


def _trigger_between(head: Token, conjunct: Token) -> bool:
    """A trigger word between two conjuncts: "secrete HGF and decrease TGF-beta1" parsed as
    one object list is two clauses, so the second noun is no conjunct of the first."""
    lo, hi = sorted((head.i, conjunct.i))
    return any(t._.mm_trigger for t in head.doc[lo + 1:hi])


# prepositions (and the participle "including") that introduce the members of a class noun:
# "growth factors such as X", "cytokines like X", "factors, including X", "agents, e.g. X",
# "two factors, namely X and Y"
EXAMPLE_WORDS = frozenset({"as", "including", "like", "e.g.", "e.g", "eg", "namely", "especially",
                           "particularly", "notably"})


def list_members(t: Token) -> list[Token]:
    """The heads listed with ``t`` or as its members: its conjuncts and appositions (not across
    a trigger word), the objects of an example phrase on it ("X such as A", "X including A",
    "X (e.g. A)") and the nouns a ``npadvmod``/``appos`` example word introduces."""
    out = [c for c in t.children if c.dep_ in ("conj", "appos") and not _trigger_between(t, c)]
    return out + [c for c in example_members(t, EXAMPLE_WORDS) if c not in out]


def example_members(t: Token, words: frozenset[str], after: int = -1) -> list[Token]:
    """The heads an example phrase on ``t`` names (its word one of ``words``, after ``t`` and
    token ``after``): the objects of "such as" / "including" / "like" ..., or the first member
    of a parenthesised "(e.g., X and Y)" (the example word modifies that member)."""
    out: list[Token] = []
    for c in t.children:
        if c.i < max(t.i, after) or _trigger_between(t, c):
            continue
        if c.lower_ in words and (c.dep_ == "prep" or c.lower_ != "as"):
            out += [g for g in c.children if g.dep_ in ("pobj", "dobj", "appos", "conj")
                    and not _trigger_between(t, g)]
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
            and not _trigger_between(t, c)]


def argument_heads(token: Token, through: frozenset[str]) -> list[Token]:
    """The head token of an argument and those coordinated or in apposition with it or named
    as its members ("growth factors such as X and Y": :func:`list_members`); an
    amount/activity head ("levels of X", "X expression") stands for its of-phrase (else its
    with-phrase: "treatment with X") or compound (and keeps its own conjuncts and members:
    "types of cells, including X")."""
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
            inner += [c for c in t.children if c.dep_ in ("compound", "nmod", "amod") and c.i < t.i]
            if inner:
                stack[:0] = inner
                out.append(t)
                stack.extend(list_members(t))
                continue
        out.append(t)
        stack.extend(list_members(t))
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
    return (head is not parse[trigger] and head.pos_ == "NOUN" and bool(head._.mm_trigger)
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children))


def misparsed_verb_object(parse: Doc, trigger: int, obj: int) -> bool:
    """``obj`` (an object of ``trigger``) has a trigger word as a compound modifier right after
    a coordinator: the parse read a coordinated verb ("and decrease TGF-beta1") as a noun."""
    return any(c.dep_ == "compound" and c._.mm_trigger and c.i > trigger and c.i > 0
               and parse[c.i - 1].dep_ == "cc" for c in parse[obj].children)


def parse_negated(parse: Doc, trigger: int) -> bool:
    """NegEx with syntactic scope: the trigger, or a verb it is the complement or later conjunct
    of ("cannot halt or reverse X", "failed to reduce X", "it is not known whether X reduces Y"),
    or the adjective is the complement of ("X was not effective against Y"),
    has a ``neg`` dependent, or the
    trigger is the object of "without" ("without forming tumours")."""
    token = parse[trigger]
    for _ in range(4):
        if any(c.dep_ == "neg" for c in token.children):
            return True
        if token.dep_ in ("pcomp", "pobj") and token.head.lower_ in NEGATION_HEADS:
            return True
        if token.dep_ in ("xcomp", "conj", "ccomp", "acomp") and token.head is not token:
            # a conjunct with its own auxiliary is a clause of its own ("X did not ... but Y can")
            if token.dep_ == "conj" and any(c.dep_ in ("aux", "nsubj") for c in token.children):
                return False
            token = token.head
            continue
        return False
    return False


def coordination_chain(token: Token) -> list[Token]:
    """``token`` up to the first item of the coordination (or apposition) it is in, or is part
    of the name of ("TNF" in "IL-8, TNF stimulated gene 6 and NO"); the last is that item."""
    chain = [token]
    for _ in range(12):
        if token.dep_ not in ("conj", "appos", "compound", "nmod") or token.head is token:
            break
        token = token.head
        chain.append(token)
    return chain


def mention_head(parse: Doc, m: Mention, off: int) -> Token:
    """The token of mention ``m`` (doc indices) whose head lies outside it."""
    for i in range(m.start - off, m.end - off):
        h = parse[i].head.i + off
        if not m.start <= h < m.end or parse[i].head is parse[i]:
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
    if any(t.i == trigger for t in first + second):
        return False
    return first[-1] == second[-1]


def clause_subject_of(subject: Token, trigger: Token) -> bool:
    """``subject`` is the grammatical subject of a clause the trigger belongs to ("STZ causes
    increased expression of X", "X was associated with lower Y"): its verb is the trigger or
    one of the trigger's ancestors."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = subject.head
    return verb is trigger or verb.is_ancestor(trigger)


def verb_read_as_adjective(parse: Doc, trigger: int, form: str, subject_end: int,
                           subject_head: Token | None = None) -> bool:
    """A trigger the parse reads as a modifier ("... not related to limited IL-2") read by the
    surface reader as a verb (active or passive form) of a subject that does not stand right
    before it (``subject_end``: sentence index after the subject; "IL4 induced X" stays a verb)
    and is not the subject of the clause the modifier is in (``subject_head``:
    :func:`clause_subject_of`)."""
    t = parse[trigger]
    if subject_head is not None and clause_subject_of(subject_head, t):
        return False
    return (form in ("active", "passive") and (t.dep_ == "amod" or t.pos_ == "ADJ")
            and subject_end != trigger)


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
    while head.dep_ == "appos" and head.head is not head:
        head = head.head
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("from", "by"):
        return None
    noun = prep.head
    if noun.lower_ in SOURCE_VERBS and noun.dep_ in ("acl", "amod") and noun.head is not noun:
        noun = noun.head
    elif prep.lower_ == "by":  # "inhibited by MSCs" is an agent, not a source
        return None
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun is not prep else None


# a verb heading a clause (a participle modifying a noun, "induced IFN-gamma expression", is
# read by the surface reader as a verb whose object it modifies)
CLAUSAL_VERB = frozenset({"ROOT", "relcl", "conj", "ccomp", "advcl", "xcomp", "pcomp", "parataxis"})


def outside_verb_phrase(parse: Doc, trigger: int, obj: Token) -> bool:
    """The object lies outside the phrase of the clausal verb trigger ("X, which prevented Y,
    abolished the effects of Z": Z is no object of "prevented")."""
    t = parse[trigger]
    return (t.pos_ == "VERB" and t.dep_ in CLAUSAL_VERB and not t.is_ancestor(obj) and obj is not t)


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
    left = [c.left_edge.i for c in head.children if c.dep_ in OUTCOME_MODIFIERS and c.i < head.i
            and not (c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS)]
    end = head.i + 1
    if keep_of:
        end = max([c.right_edge.i + 1 for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                   and c.i > head.i], default=end)
    elif head.lower_ in OF_NAMED_OUTCOMES and end < len(head.doc) and head.doc[end].lower_ == "of":
        end = max(end + 1, head.doc[end].right_edge.i + 1)
    return min(left, default=head.i), end


def modifier_readings(head: Token, lo: int, hi: int) -> list[str]:
    """The phrases a noun phrase (sentence tokens ``lo``..``hi``, headed by ``head``) with a
    coordinated modifier list stands for, one per listed modifier ("alveolar and endothelial
    function": "alveolar function", "endothelial function"); nothing without such a list."""
    mods = [c for c in head.children if c.dep_ in ("amod", "compound") and lo <= c.i < head.i]
    for c in mods:
        members = [c] + [x for x in c.conjuncts if c.i < x.i < head.i]
        if len(members) < 2:
            continue
        first, last = c.left_edge.i, max(x.right_edge.i for x in members)
        doc = head.doc
        before, after = doc[lo:first], doc[last + 1:hi]
        return ["".join(t.text_with_ws for t in (*before, *doc[m.left_edge.i:m.i + 1], *after)).strip()
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
        if t.i + off in out or t is head:
            continue
        out.add(t.i + off)
        stack += [c for c in t.children
                  if c.dep_ in ("conj", "appos", "parataxis") and not _trigger_between(t, c)]
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
    for _ in range(12):
        stack = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i
                 for g in c.children if g.dep_ == "pobj"]
        if stack or head.dep_ != "conj" or head.head is head or head.head.pos_ not in ("NOUN", "PROPN"):
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
