"""Clause structure over one sentence parse (CRAFT/ClearNLP labels): the subject a verb inherits
through coordination, control and raising ("X is able to V", "X has the potential to V"), gerunds
of means ("X helps by V-ing"), reporting verbs, relative clauses (their antecedent, generic cargo,
number agreement of ", which" with an event) and purpose clauses of use ("using X to V")."""

from __future__ import annotations

import re

from spacy.tokens import Token

import pipeline.nlp.extensions  # noqa: F401  (token._.mm_trigger)

INHERIT_THROUGH = {"conj", "xcomp", "advcl", "pcomp", "ccomp"}

MODIFIED_BY_CLAUSE = {"relcl", "acl"}

RELATIVE_WORDS = {"which", "that", "who", "whom"}

RELATIVE_DEPS = {"nsubj", "nsubjpass", "dep"}

# verbs of use: the purpose clause of "using X to suppress Y" has X, not the user, as its agent
USE_VERBS = frozenset({"use", "uses", "used", "using", "employ", "employs", "employed", "employing",
                       "apply", "applies", "applied", "applying"})

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
        while noun.dep_ == "conj" and noun.head != noun and noun.head.pos_ in ("NOUN", "PROPN", "X"):
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
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    verb = first.head
    if first.dep_ != "dobj" or verb == first or not CARRIER_VERBS.match(verb.lower_):
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
    that ends right before the infinitive (wherever the parse attaches the infinitive), or its
    passive subject ("X is used to V")."""
    if verb.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to"
                                                       for c in verb.children):
        return None
    start = min([c.i for c in verb.children if c.dep_ in ("aux", "advmod") and c.i < verb.i] + [verb.i])
    for j in range(start - 1, max(start - 7, -1), -1):
        user = verb.doc[j]
        if user.lower_ in USE_VERBS:
            used = [c for c in user.children if c.dep_ == "dobj" and c.i < start]
            # "X has been used (in studies) to treat Y": the passive subject is what is used
            used = used or [c for c in user.children if c.dep_ == "nsubjpass" and c.i < user.i]
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
# relevent: verbs of aim whose on-gerund is their subject's doing ("Treatments focus on stabilizing
# patients and reducing damage": the treatments reduce it)
AIM_VERBS = re.compile(r"^(focus|concentrat|cent(er|re))\w*$")

POSSESSIVE_PRONOUNS = frozenset({"their", "its"})

# relpath (issue 12): verbs of help whose bare infinitive the parse may read as their object ("X
# is able to help reduce or prevent Y" with "reduce" a dobj of "help"): the infinitive is the
# helper's doing, as an xcomp
HELP_VERBS = frozenset({"help", "helps", "helped", "helping"})
# relpath: nouns whose to-gerund is the doing of the verb's subject ("stem cells may hold the key
# to reversing the damage": the stem cells reverse it), wherever the parse hangs the to-phrase
KEY_NOUNS = frozenset({"key", "keys"})


def key_to(prep: Token) -> Token | None:
    """The verb of "hold / be the key to V-ing" when ``prep`` is its "to" (a prep of the verb
    beside "key", or of "key")."""
    if prep.dep_ != "prep" or prep.lower_ != "to":
        return None
    head = prep.head
    if head.lower_ in KEY_NOUNS and head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if head.pos_ in ("VERB", "AUX") and any(c.dep_ in ("dobj", "attr") and c.lower_ in KEY_NOUNS
                                             for c in head.children):
        return head
    return None

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
    if noun.dep_ == "dobj" and noun.head != noun:
        return inherited_subject(noun.head)[0]
    if owner:  # "X is studied for its ability to V": the pronoun is the clause's subject
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
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
    if (token.dep_ not in ("conj", "ccomp") or head == token or not REPORTING.match(head.lower_)
            or any(c.dep_ == "mark" for c in token.children)):
        return None
    before = [c for c in head.children if c.dep_ == "ccomp" and c.i < token.i and c != token]
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
    if clause.dep_ != "relcl" or noun == clause or not plural_noun(noun) or not singular_verb(clause):
        return None
    rel = [c for c in clause.children if c.lower_ == "which" and c.i < clause.i]
    if not rel or rel[0].i < 1 or clause.doc[rel[0].i - 1].text != ",":
        return None
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    while verb.dep_ in ("advcl", "xcomp", "conj") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = inherited_subject(verb)[0]
    return subject if subject is not None and subject != noun else None

# quantifiers that open a relative subject: "FoxM1 and Miro1, all of which protect the lung"
RELATIVE_QUANTIFIERS = frozenset({"all", "both", "each", "many", "most", "some", "several", "either"})


def quantified_relative(subject: Token) -> bool:
    """``subject`` is a quantifier over a relative pronoun ("all of which", "both of which")."""
    return subject.lower_ in RELATIVE_QUANTIFIERS and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in RELATIVE_WORDS for g in c.children)
        for c in subject.children)


def behind_colon(subject: Token, verb: Token) -> bool:
    """``subject`` is a heading a colon parts from the clause of ``verb`` ("prevention of nerve cell
    damage: Stem cells are able to ...", "RESULTS: Maternal diabetes increased ..."), which the
    parse may make a second subject of the verb (relrec, issue 12)."""
    return subject.i < verb.i and any(t.text == ":" for t in subject.doc[subject.i + 1:verb.i])


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
            if child.dep_ in RELATIVE_DEPS and quantified_relative(child):  # "X and Y, all of which V"
                found = antecedent(child)  # the list right before it, wherever the parse hangs the clause
                if found is not None:
                    return clause_noun(found)
                if token.dep_ in MODIFIED_BY_CLAUSE:
                    return clause_noun(token.head)
            # a passive subject passes to control ("X is known to V") and to a coordinated verb
            # ("Eomes is induced later and sustains IFN-gamma expression": Eomes sustains it)
            own = child.dep_ in ("nsubj", "csubj") or (
                child.dep_ == "nsubjpass" and step in ("xcomp", "conj"))
            if own and not behind_colon(child, token):
                return child, link
        owner = ability_owner(token)
        if owner is not None:
            return owner, link or "xcomp"
        if token.dep_ == "acomp" and token.lower_ in CONTROL_ADJECTIVES and step == "xcomp":
            link = link or "xcomp"
            token, step = token.head, "acomp"
            continue
        if (token.dep_ == "prep" and step == "pcomp" and token.head.pos_ in ("VERB", "AUX")
                and (token.lower_ in MANNER_PREPOSITIONS
                     or (token.lower_ == "on" and AIM_VERBS.match(token.head.lower_)))):
            token, step = token.head, "prep"  # "X helps by secreting Y": the means of X's doing
            continue
        keyed = key_to(token) if step == "pcomp" else None
        if keyed is not None:  # "X holds the key to reversing Y": X's doing
            link = link or "xcomp"
            token, step = keyed, "prep"
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
        if token.dep_ == "dobj" and token.pos_ == "VERB" and token.head.lower_ in HELP_VERBS:
            link = link or "xcomp"
            token, step = token.head, "xcomp"
            continue
        if token.dep_ in INHERIT_THROUGH and token.head != token:
            link = link or token.dep_
            token, step = token.head, token.dep_
            continue
        return None, ""
    return None, ""
