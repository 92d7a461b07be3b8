"""Candidates -> relations: the one step every reader's candidates go through.

For each candidate, in order: a subject carried over to a sentence with an expletive "it"
dropped, a relation asked in an open question or a study aim dropped
(:func:`.context.in_question`; a presupposed nominal stays), an object behind a means phrase
dropped, the subject and object checked against the parse (:mod:`.agreement`; not for an
object behind a harm prevented, "prevent damage caused to X", which is PROTECTS X), the class
filters (the rule's subject and object classes; no subject right after "not"; no relation of a
concept with itself; no argument that names no participant: a generic variant word, a modifier
of an opaque head, "the EC barrier"), an object naming a disease's course replaced by the
disease ("the recurrence of D"), the context (:mod:`.context`: negation in the candidate's
scope, hedging of its sentence, the evidence level from the document
(:func:`.context.document_evidence`, cues matched with the entity spans masked), the subject's
state, shared by the later items of a list: :mod:`.conjuncts`), the polarity (the predicate's,
flipped for a lost subject, neutral for a gene said to be mutated, the predicate's for a
mention naming the variant itself: "R140Q causes D"), and de-duplication: one relation per
(subject, predicate, object) and sentence, the first proposed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.nlp.relations.agreement import agrees, cargo_agrees, harmed_in_list, object_agrees
from pipeline.nlp.relations.arguments import (
    after_not,
    allowed,
    doc_mentions,
    mention_at,
    object_fits,
    subject_classes,
)
from pipeline.nlp.relations.conjuncts import first_conjunct
from pipeline.nlp.relations.context import (
    DocumentEvidence,
    before_trigger,
    behind_means,
    behind_risk,
    benefit_predicate,
    changed_predicate,
    course_of,
    damage_start,
    deficit_predicate,
    document_evidence,
    has_expletive,
    in_question,
    is_hedged,
    is_negated,
    is_privative,
    masked,
    named_state_before,
    names_no_participant,
    object_deficit,
    own_state,
    prevented_harm,
    relation_evidence,
    statement_context,
    subject_state,
)
from pipeline.nlp.relations.contrast import crosses_contrast
from pipeline.nlp.relations.definitions import Pairs, definition_pairs, one_argument
from pipeline.nlp.relations.polarized import polarized_cells
from pipeline.nlp.relations.rules import Cues, RuleSet
from pipeline.nlp.relations.syntax import example_tokens, owner_tokens
from pipeline.nlp.relations.types import Candidate, Mention, Relation
from pipeline.nlp.sentences import sentence_bounds

FLIP = {"positive": "negative", "negative": "positive"}
# the class of a "damage to X" subject phrase, checked against the rule's subject classes
OUTCOME = "OUTCOME"  # class of an outcome object without an entity mention (dependency reader)
# a drug class is an agent of its own ("treated by antipsychotics such as risperidone": BioRED
# annotates the class as a chemical), unlike a class of cytokines or diseases
DRUG_CLASS = "CHEMICAL"
# relprec: forms that name what a thing is or does inside a noun phrase ("X-induced Y", "the X
# inhibitor Y"): presupposed by a question around them, so they stay; a study aim questions only
# the clauses of VERBAL forms ("to investigate the protective effect of X on Y" presupposes it)
PRESUPPOSED = frozenset({"hyphen", "agent_noun"})
VERBAL = frozenset({"active", "passive", "reduced"})
PROCESS_SUBJECT = Mention(0, 0, 0, 0, "", "PROCESS", ("PROCESS",), "")


def effective_polarity(polarity: str, state: str) -> str:
    """The sign of the subject's own effect: flipped for a loss or a low level, neutral for a
    variant."""
    if state == "variant":
        return "neutral"
    return FLIP.get(polarity, polarity) if state in ("loss", "low") else polarity


def overlaps(a: Mention, b: Mention) -> bool:
    """One argument's tokens are inside the other's ("MSC" in the outcome "MSC-mediated
    recovery"): never a relation."""
    return a.start < b.end and b.start < a.end


def admissible(c: Candidate, rules: RuleSet, words: Sequence[str]) -> bool:
    """The candidate's arguments are of the rule's classes, its subject follows no "not" and is
    not found by the rule's ``subject_exclude`` ("M2" in "M2 polarization of macrophages"), and
    subject and object are different concepts and do not overlap. ``words``: its sentence's
    lower-cased tokens."""
    off = c.sentence.start
    return (allowed(c.subject, subject_classes(rules, c.rule)) and object_fits(c.object, c.rule)
            and not after_not(c.subject, words, off)
            and not (c.rule.subject_exclude is not None and c.rule.subject_exclude.search(c.subject.text))
            and c.subject.key() != c.object.key()
            and not overlaps(c.subject, c.object)
            and not (c.subject.start >= off and is_privative(rules.cues, c.subject, words, off))
            and not is_privative(rules.cues, c.object, words, off)
            and not names_no_participant(rules.cues, c.subject, words, off)
            and not names_no_participant(rules.cues, c.object, words, off))


def damaged_subject(c: Candidate, rules: RuleSet, words: Sequence[str], doc: Doc) -> Candidate:
    """The candidate with its subject the phrase naming the harm done to it ("Damage to
    neurons contributes to Y": the subject is "Damage to neurons", a PROCESS) when the rule
    takes process subjects; else ``c``."""
    if not allowed(PROCESS_SUBJECT, subject_classes(rules, c.rule)):
        return c
    start = damage_start(rules.cues, c.subject, words, c.sentence.start)
    text = ""
    if start is None:  # a conjunct or example of the harmed ("damage to neurons and glia, such as X")
        sent, ds = c.sentence, rules.cues.damage_subject
        parse = (doc._.parses or {}).get(sent.start)
        if ds is None or parse is None or len(parse) != sent.end - sent.start \
                or c.subject.start < sent.start or not any(k in ds[1] for k in c.subject.classes):
            return c
        found = harmed_in_list(parse, sent.start, c.subject.start, c.subject.end, ds[0])
        if found is None:
            return c
        start, prep = found
        text = f"{doc[start].text} {prep} {c.subject.text}"  # "Damage to astrocytes"
    span = doc[start:c.subject.end]
    phrase = Mention(start, c.subject.end, span.start_char, span.end_char, text or span.text, "PROCESS",
                     ("PROCESS",), "")
    return replace(c, subject=phrase)


def parse_subject(c: Candidate, rules: RuleSet, doc: Doc, ms: list[Mention]) -> Candidate | None:
    """``c`` when its subject agrees with its sentence's parse (:func:`.agreement.agrees`; no
    parse: ``c``); else ``c`` with the mention the parse names as subject ("They stimulate
    resident stem cells to differentiate": the stem cells differentiate), or None when that
    noun is no mention. ``ms``: the doc's mentions, filled on first use."""
    sent = c.sentence
    parse = (doc._.parses or {}).get(sent.start)
    if parse is None or len(parse) != sent.end - sent.start:
        return c
    if not object_agrees(c, parse, sent.start):
        return None
    ok, token = agrees(c, parse, sent.start, rules.object_control)
    if ok:
        return c
    if token is None:
        return None
    if not ms:
        ms.extend(doc_mentions(doc, rules))
    m = mention_at(ms, token)
    if m is None and cargo_agrees(c, parse, sent.start, token):  # "EVs carry molecules that V"
        return c
    if m is None or overlaps(m, c.object):
        return None
    return replace(c, subject=m, carried="parse")


def stated_predicate(c: Candidate, rules: RuleSet, words: Sequence[str], harm: bool = False,
                     state: str = "", direction: dict[str, str] | None = None,
                     listed: Mention | None = None) -> str:
    """The predicate the text states: the rule's, as a deficit object turns it ("causes loss of
    Y": DECREASES Y) or an object named by what is kept or gained ("contributes to joint
    homeostasis": PROTECTS joint) and as the argument classes retype it (a gene "contributing to" a disease:
    ASSOCIATED_WITH; not for a subject in a retype's ``unless_state``: "mutations in X cause D",
    ``state`` 'variant', stay DRIVES) and, with ``direction`` (the predicate map of the
    direction the association states, :func:`stated_direction`), as that turns it ("X is
    associated with an increased risk of D": DRIVES; "... with a lower risk of D": DECREASES);
    PROTECTS with ``harm``, an object behind a harm prevented ("prevent damage caused to X").
    ``listed``: the first item of the list the object is a later item of, whose deficit is the
    object's too ("impairment of learning and memory"; :func:`.conjuncts.first_conjunct`)."""
    predicate = c.rule.predicate
    changed = changed_predicate(rules.cues, predicate, c.object, words, c.sentence.start, c.trigger) \
        if c.object.start > c.trigger else predicate
    if harm and "PROTECTS" in rules.predicates:
        predicate = "PROTECTS"
    elif changed != predicate:  # "X led to reduced Y": X DECREASES Y (rel-obj2)
        predicate = changed
    elif c.object.start >= c.sentence.start and (
            object_deficit(rules.cues, c.object, words, c.sentence.start)
            or (listed is not None and object_deficit(rules.cues, listed, words, c.sentence.start))):
        predicate = deficit_predicate(rules.cues, predicate)
    elif c.object.start >= c.sentence.start:
        predicate = benefit_predicate(rules.cues, predicate, c.object, words, c.sentence.start)
    if direction:
        predicate = direction.get(predicate, predicate)
    for t in rules.retype:
        if predicate in t.predicates and allowed(c.subject, t.subject) and allowed(c.object, t.object) \
                and state not in t.unless_state:
            return t.becomes
    return predicate


def subject_names(doc: Doc, subject: Mention) -> str:
    """The subject's words: its text, and the long form when it is a defined abbreviation."""
    info = (doc._.mentions or {}).get((subject.start_char, subject.end_char))
    return f"{subject.text} {info.long_form}" if info is not None and info.long_form else subject.text


def without_redundant(rels: list[Relation], starts: list[int], doc: Doc) -> list[Relation]:
    """``rels`` without a relation another one of its sentence states more exactly: a class-noun
    subject whose examples state the same relation ("MSCs are guided by chemokines such as SDF-1
    and IL-8": SDF-1 and IL-8 guide them, not "chemokines"; objects and drug classes keep their
    class noun), and
    an outcome object whose of-phrase names an object of the same subject and predicate ("MSCs
    regulate the effector function of T cells": T cells, not "effector function"). ``starts``:
    each relation's sentence start token."""
    parses = doc._.parses or {}
    by_subject: dict[tuple[int, str, str, int], list[Mention]] = {}
    for r in rels:
        for i in range(r.subject.start, r.subject.end):
            by_subject.setdefault((r.sentence_index, r.predicate, r.object.key(), i), []).append(r.subject)
    by_object = {(r.sentence_index, r.predicate, r.subject.key(), i) for r in rels
                 for i in range(r.object.start, r.object.end) if r.object.label != OUTCOME}
    out = []
    for r, start in zip(rels, starts, strict=True):
        parse = parses.get(start)
        if parse is not None and r.subject.start >= start and DRUG_CLASS not in r.subject.classes:
            members = {i for i in example_tokens(parse, start, r.subject)
                       if not r.subject.start <= i < r.subject.end}
            if any(not overlaps(x, r.subject) for i in members
                   for x in by_subject.get((r.sentence_index, r.predicate, r.object.key(), i), [])):
                continue
        if parse is not None and r.object.label == OUTCOME and r.object.start >= start:
            owners = owner_tokens(parse, start, r.object) - set(range(r.object.start, r.object.end))
            if any((r.sentence_index, r.predicate, r.subject.key(), i) in by_object for i in owners):
                continue
        out.append(r)
    return out


def variant_subject(c: Candidate, rules: RuleSet, words: Sequence[str], doc: Doc,
                    ms: list[Mention]) -> Candidate:
    """``c`` with the variant as its subject when its subject is the gene a named variant lies
    in ("A p.W12R mutation in the PKD1 gene causes D": p.W12R DRIVES D) and the variant
    candidate is admissible; else ``c``. ``ms``: the doc's mentions, filled on first use."""
    if c.subject.start < c.sentence.start or not rules.cues.state_located or own_state(rules.cues, c.subject):
        return c  # a variant after a variant ("X and the substitution of Y") is its own subject
    if not ms:
        ms.extend(doc_mentions(doc, rules))
    v = named_state_before(rules.cues, ms, c.subject, words, c.sentence.start)
    if v is None or overlaps(v, c.object):
        return c
    found = replace(c, subject=v)
    return found if admissible(found, rules, words) else c


def variant_effect(cues: Cues, c: Candidate) -> bool:
    """The subject names a variant itself and the object is a disease ("R140Q causes D"): the
    predicate states the variant's own effect. On a molecule ("the L35A mutation inhibits X")
    a variant's effect stays neutral, as a mutated gene's does."""
    return bool(own_state(cues, c.subject)) and "DISEASE" in c.object.classes


def stated_direction(c: Candidate, rules: RuleSet, words: Sequence[str]) -> tuple[Candidate, dict[str, str]]:
    """``c`` and the predicate map of the direction it states (cues: ``risk_direction``, the
    first entry that fits; else an empty map): a raised or lowered risk of its object ("X is
    associated with a higher risk of D": DRIVES; "X is linked to a lower likelihood of
    developing D": DECREASES), for a subject behind the risk ("an increased risk of D was
    associated with X") with its arguments swapped (X, the risk factor, is the subject) when
    the swapped candidate is admissible; or an adverb before its trigger ("X was inversely
    associated with D"), with the arguments swapped when the subject is of the entry's
    ``outcome`` classes and the object of none ("D was inversely associated with X")."""
    off = c.sentence.start
    if c.subject.start < off:
        return c, {}
    for before, adverb, outcome, turns in rules.cues.risk_direction:
        if c.rule.predicate not in turns:
            continue
        if adverb is not None and before_trigger(adverb, c.trigger, words, off):
            if outcome and allowed(c.subject, outcome) and not allowed(c.object, outcome) \
                    and c.object.start >= off:
                swapped = replace(c, subject=c.object, object=c.subject)
                if admissible(swapped, rules, words):
                    return swapped, turns
            return c, turns
        if before is None:
            continue
        if c.object.start > c.trigger and behind_risk(before, c.object, words, off, c.trigger + 1):
            return c, turns
        if c.subject.end <= c.trigger < c.object.start and behind_risk(before, c.subject, words, off, off):
            swapped = replace(c, subject=c.object, object=c.subject)
            if admissible(swapped, rules, words):
                return swapped, turns
    return c, {}


def finalize(candidates: Sequence[Candidate], doc: Doc, lower: Sequence[str], rules: RuleSet,
             article_kind: str = "", mentions: Sequence[Mention] | None = None) -> list[Relation]:
    """The relations of ``doc`` from its candidates (in sentence order). ``lower``: the doc's
    lower-cased tokens; ``article_kind``: the article's kind (``doc._.article_kind``), which
    with the document's design sentences sets the evidence level (:func:`.context.document_evidence`);
    ``mentions``: the doc's argument mentions under ``rules`` when the caller has them (else
    read from the doc when first needed)."""
    if not candidates:
        return []
    cues = rules.cues
    text = doc.text  # built from the tokens on every access: once per doc
    plain = ""  # the text with entity spans masked, for the evidence cues
    document: DocumentEvidence | None = None
    current = -1
    words: Sequence[str] = ()
    sent_text = ""
    hedged, evidence = False, ""
    negated: dict[tuple[int, int], bool] = {}
    ms: list[Mention] = list(mentions or ())  # the doc's mentions, for a subject the parse names
    expletive = False
    pairs: Pairs | None = None  # the definitions' mentions (.definitions), read when first needed
    seen: set[tuple[str, str, str]] = set()
    out: list[Relation] = []
    starts: list[int] = []  # each relation's sentence start token
    for c in candidates:
        sent = c.sentence
        if sent.index != current:
            current, seen = sent.index, set()
            words = lower[sent.start:sent.end]
            sent_text = text[sent.start_char:sent.end_char]
            hedged, evidence = is_hedged(cues, sent_text), ""
            expletive = has_expletive(cues, words)
        if expletive and c.subject.start < sent.start:
            continue  # "It is crucial to ...": nothing to carry over
        asked = in_question(cues, c.trigger, words, sent.start)
        if (asked == "question" and c.form not in PRESUPPOSED) or (asked == "aim" and c.form in VERBAL):
            continue  # "We examined whether X increases Y": no finding (relprec)
        if c.form == "active" and not c.rule.reverse and behind_means(cues, c.trigger, c.object, words,
                                                                        sent.start):
            continue  # "promote X through the release of EVs": the EVs are the means
        harm = c.object.start >= sent.start and prevented_harm(cues, c.object, words, sent.start)
        if not harm:  # a harm prevented states its own relation, whatever the trigger's subject
            found = parse_subject(c, rules, doc, ms)
            if found is None:
                continue
            c = found
        c = damaged_subject(c, rules, words, doc)
        c = polarized_cells(c, rules, words, doc)  # "promote macrophage polarization": the macrophages
        parse = (doc._.parses or {}).get(sent.start)
        if parse is not None and len(parse) != sent.end - sent.start:
            parse = None
        if not admissible(c, rules, words) or crosses_contrast(parse, sent.start, c.subject, c.object):
            continue  # (relprec: "While X ..., Y ...": no relation of X and Y)
        if not ms:
            ms.extend(doc_mentions(doc, rules))
        disease = course_of(cues, c.object, ms, words, sent.start)
        if disease is not None:  # "associated with the recurrence of D": D (relprec)
            found = replace(c, object=disease)
            if not admissible(found, rules, words):
                continue
            c = found
        c = variant_subject(c, rules, words, doc, ms)
        c, direction = stated_direction(c, rules, words)
        state = subject_state(cues, c.subject, words, sent.start)
        parse = (doc._.parses or {}).get(sent.start)
        listed = first_conjunct(parse, sent.start, c.subject, ms) if not state else None
        if listed is not None:  # "inhibition of A, B or C blocks Y": B's and C's loss too
            state = subject_state(cues, listed, words, sent.start)
        predicate = stated_predicate(c, rules, words, harm, state, direction,
                                     first_conjunct(parse, sent.start, c.object, ms))
        if pairs is None:
            if not ms:
                ms.extend(doc_mentions(doc, rules))
            pairs = definition_pairs(doc, ms)
        c = replace(c, subject=one_argument(c.subject, pairs), object=one_argument(c.object, pairs))
        key = (c.subject.key(), predicate, c.object.key())
        if key in seen or c.subject.key() == c.object.key():
            continue
        seen.add(key)
        scope = (c.scope_start, c.trigger)
        if c.negated is None and scope not in negated:
            span = doc[c.scope_start:c.trigger + 1]
            negated[scope] = is_negated(cues, text[span.start_char:span.end_char])
        neg = negated[scope] if c.negated is None else c.negated
        if document is None:
            plain = masked(text, ((e.start_char, e.end_char) for e in doc.ents))
            document = document_evidence(cues, article_kind,
                                         [plain[s.start_char:s.end_char]
                                          for s in (doc[a:b] for a, b in sentence_bounds(doc))])
        if not evidence:
            evidence = relation_evidence(cues, document, plain[sent.start_char:sent.end_char])
        turned = cues.state_turns.get(state, {}).get(predicate)
        if turned is not None:  # the predicate now states the subject's own effect
            predicate = turned
        polarity = rules.predicates[predicate].polarity if predicate in rules.predicates else c.rule.polarity
        carried = "anaphor" if c.subject.start < sent.start and c.carried not in ("topic", "lead") \
            else c.carried
        lead_hedged = c.lead is not None and is_hedged(cues, text[c.lead[0]:c.lead[1]])  # rellists
        out.append(Relation(c.subject, predicate, c.object,
                            polarity if turned is not None or variant_effect(cues, c)
                            else effective_polarity(polarity, state),
                            neg, hedged or lead_hedged,
                            evidence, c.rule_id, c.form, sent.index, sent.start_char,
                            sent.end_char, state, statement_context(
                                cues, sent_text, c.subject, subject_names(doc, c.subject), c.object,
                                polarity),
                            carried))
        starts.append(sent.start)
    return without_redundant(out, starts, doc)
