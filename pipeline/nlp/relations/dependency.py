"""The dependency reader: relation candidates from the parse of one sentence.

The parse comes from ``mechmine_parser`` (``doc._.parses``: a sentence Doc per
candidate sentence, token ``k`` of it being token ``start + k`` of the
document). Patterns are data (``resources/dependency_patterns.yaml``, spaCy
``DependencyMatcher`` syntax, validated on load). For each match:

1. the ``trigger`` node gives the rules whose trigger matches the word and that
   are read in the pattern's ``form``;
2. the ``subject`` node gives the agent's head token, or, for a pattern with
   ``inherit``, :func:`inherited_subject` climbs from the trigger: its own
   ``nsubj``; a coordinated, control or purpose verb's subject (``conj``,
   ``xcomp``, ``advcl``, ``pcomp``: "MSCs reduce X and promote Y", "MSCs help
   reduce X"); the noun a relative or participial clause modifies ("IDO, which
   suppresses T cells"; "MSCs secreting BDNF");
3. :func:`argument_heads` expands a head over conjuncts and appositions and
   through amount/activity heads ("levels of IL-6", "BDNF expression");
4. :func:`mention_at` maps a head token to the entity mention that contains it.

The reader only proposes: class filters, polarity, negation, hedging and
de-duplication belong to the finalize step that the surface reader's
candidates go through too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import Field
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from pipeline.errors import ResourceError
from pipeline.nlp.relations.arguments import allowed, subject_classes
from pipeline.nlp.relations.rules import Rule, RuleSet, TriggerIndex
from pipeline.nlp.relations.types import Candidate, Carry, Mention, Sentence
from pipeline.ruledata import Meta, Strict, load_yaml, resource_path

if not Token.has_extension("mm_trigger"):
    Token.set_extension("mm_trigger", default=False)

PATTERNS_FILE = "dependency_patterns.yaml"
INHERIT_THROUGH = {"conj", "xcomp", "advcl", "pcomp", "ccomp"}
MODIFIED_BY_CLAUSE = {"relcl", "acl"}
RELATIVE_WORDS = {"which", "that", "who", "whom"}
RELATIVE_DEPS = {"nsubj", "nsubjpass", "dep"}
# links by which a subject reaches a modifying clause: what such a clause says is not what the
# next sentence's "They ..." refers back to
CLAUSE_LINKS = frozenset({"relcl", "acl", "appos"})
PRONOUNS = {"they", "these", "it", "this", "those", "both"}
STAND_INS = {"those", "ones", "genes", "proteins", "factors", "molecules"}
NEGATION_HEADS = {"without"}  # a preposition whose object clause is negated: "without forming X"


class PatternSpec(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    form: str
    inherit: bool = False
    predicates: list[str] = Field(default_factory=list)
    rule_prepositions: bool = False
    nodes: list[dict[str, Any]] = Field(min_length=1)


class PatternsFile(Strict):
    meta: Meta
    through: list[str] = Field(default_factory=list)
    patterns: list[PatternSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Patterns:
    """Validated dependency patterns and the amount/activity heads arguments pass through."""

    specs: tuple[PatternSpec, ...]
    through: frozenset[str]

    def matcher(self, vocab: Vocab) -> DependencyMatcher:
        """A DependencyMatcher with every pattern (key = pattern id)."""
        matcher = DependencyMatcher(vocab, validate=True)
        for spec in self.specs:
            matcher.add(spec.id, [spec.nodes])
        return matcher

    @cached_property
    def by_id(self) -> dict[str, PatternSpec]:
        return {s.id: s for s in self.specs}


def load_patterns(path: Path | None = None) -> Patterns:
    """Load ``dependency_patterns.yaml``; a pattern spaCy refuses, a missing trigger node or an
    unknown node name fails with the file and pattern id."""
    path = path or resource_path(PATTERNS_FILE)
    spec = load_yaml(path, PatternsFile)
    seen: set[str] = set()
    for p in spec.patterns:
        if p.id in seen:
            raise ResourceError(f"{path}: pattern {p.id}: duplicate id")
        seen.add(p.id)
        names = [n.get("RIGHT_ID") for n in p.nodes]
        if names[0] != "trigger":
            raise ResourceError(f"{path}: pattern {p.id}: the first node must be 'trigger'")
        if "object" not in names or ("subject" not in names and not p.inherit):
            raise ResourceError(f"{path}: pattern {p.id}: needs an 'object' node and a 'subject' node "
                                "or inherit: true")
        try:
            DependencyMatcher(Vocab(), validate=True).add(p.id, [p.nodes])
        except ValueError as err:
            detail = " ".join(line.strip() for line in str(err).splitlines()[2:5] if line.strip())
            raise ResourceError(f"{path}: pattern {p.id}: {detail}") from err
    return Patterns(tuple(spec.patterns), frozenset(w.lower() for w in spec.through))


@dataclass(frozen=True)
class DepMatch:
    """One pattern match in a sentence parse: token indices of the sentence Doc."""

    pattern: str
    form: str
    trigger: int
    subject: int | None
    object: int
    carried: str = ""  # how an inherited subject was reached: conj, xcomp, relcl, ... ("" = own)


def antecedent(relative: Token) -> Token | None:
    """The noun a relative pronoun refers back to: the nearest word before it, past
    punctuation ("IDO, which ..."), when that word is a noun."""
    j = relative.i - 1
    while j >= 0 and relative.doc[j].is_punct:
        j -= 1
    if j < 0 or relative.doc[j].pos_ not in ("NOUN", "PROPN", "NUM", "X"):
        return None
    return relative.doc[j]


COPULAS = {"be", "is", "are", "was", "were", "been", "being", "remain", "remains", "become", "becomes"}


def clause_noun(noun: Token) -> tuple[Token, str]:
    """The agent a relative clause on ``noun`` speaks of: ``noun`` itself, or, when ``noun``
    only describes another noun, that noun: the subject of a copula ("IPF is a lung disease
    that causes X": IPF) or the noun it is in apposition with ("MSCs, stromal cells that ...")."""
    if noun.dep_ in ("attr", "oprd") and noun.head.lower_ in COPULAS:
        subj = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0], "copula"
    if noun.dep_ == "appos":
        return noun.head, "appos"
    return noun, "relcl"


def inherited_subject(token: Token) -> tuple[Token | None, str]:
    """The agent of a verb without its own subject, and the link it was reached by. A
    relative pronoun's clause takes the noun it modifies (or, when the parse hangs the
    clause elsewhere, the noun right before the pronoun)."""
    seen = 0
    link = ""
    while seen < 6:
        seen += 1
        for child in token.children:
            if child.lower_ in RELATIVE_WORDS and child.i < token.i and child.dep_ in RELATIVE_DEPS:
                if token.dep_ in MODIFIED_BY_CLAUSE:
                    return clause_noun(token.head)
                found = antecedent(child)
                if found is not None:
                    return clause_noun(found)
            if child.dep_ in ("nsubj", "csubj"):
                return child, link
        if token.dep_ in MODIFIED_BY_CLAUSE:
            noun, how = clause_noun(token.head)
            return noun, how if how != "relcl" else token.dep_
        if token.dep_ in INHERIT_THROUGH and token.head is not token:
            link = link or token.dep_
            token = token.head
            continue
        return None, ""
    return None, ""


def _trigger_between(head: Token, conjunct: Token) -> bool:
    """A trigger word between two conjuncts: "secrete HGF and decrease TGF-beta1" parsed as
    one object list is two clauses, so the second noun is no conjunct of the first."""
    lo, hi = sorted((head.i, conjunct.i))
    return any(t._.mm_trigger for t in head.doc[lo + 1:hi])


def argument_heads(token: Token, through: frozenset[str]) -> list[Token]:
    """The head token of an argument and those coordinated or in apposition with it; an
    amount/activity head ("levels of X", "X expression") stands for its of-phrase or compound."""
    out: list[Token] = []
    stack = [token]
    while stack:
        t = stack.pop(0)
        if t in out or len(out) > 20:
            continue
        if t.lower_ in through:
            inner = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
            inner += [c for c in t.children if c.dep_ in ("compound", "nmod", "amod") and c.i < t.i]
            if inner:
                stack[:0] = inner
                out.append(t)
                continue
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ in ("conj", "appos") and not _trigger_between(t, c))
        # "such as X, Y" / "including X"
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("as", "including", "like"):
                stack.extend(g for g in c.children if g.dep_ == "pobj")
            # "those related to X", "ones involved in X": the pronoun stands for X
            if t.lower_ in STAND_INS and c.dep_ == "acl":
                stack.extend(g for p in c.children if p.dep_ == "prep"
                             for g in p.children if g.dep_ == "pobj")
    return out


def misparsed_verb_object(parse: Doc, trigger: int, obj: int) -> bool:
    """``obj`` (an object of ``trigger``) has a trigger word as a compound modifier right after
    a coordinator: the parse read a coordinated verb ("and decrease TGF-beta1") as a noun."""
    return any(c.dep_ == "compound" and c._.mm_trigger and c.i > trigger and c.i > 0
               and parse[c.i - 1].dep_ == "cc" for c in parse[obj].children)


def mark_triggers(parse: Doc, is_trigger: Callable[[str], bool]) -> None:
    """Set ``token._.mm_trigger`` on the sentence parse."""
    for t in parse:
        t._.mm_trigger = is_trigger(t.lower_)


def match_sentence(parse: Doc, matcher: DependencyMatcher, patterns: Patterns) -> list[DepMatch]:
    """Every pattern match of one sentence parse (triggers already marked), in token order."""
    out: list[DepMatch] = []
    seen: set[tuple[str, int, int | None, int]] = set()
    for key, token_ids in matcher(parse):
        spec = patterns.by_id[matcher.vocab.strings[key]]
        names = [n["RIGHT_ID"] for n in spec.nodes]
        roles = dict(zip(names, token_ids, strict=True))
        trigger = roles["trigger"]
        subject: int | None = roles.get("subject")
        carried = ""
        if subject is None:
            head, carried = inherited_subject(parse[trigger])
            if head is None:
                continue
            subject = head.i
        found = (spec.id, trigger, subject, roles["object"])
        if found in seen:
            continue
        seen.add(found)
        out.append(DepMatch(spec.id, spec.form, trigger, subject, roles["object"], carried))
    out.sort(key=lambda m: (m.trigger, m.object, m.subject or -1))
    return out


def parse_negated(parse: Doc, trigger: int) -> bool:
    """NegEx with syntactic scope: the trigger, or a verb it is the complement or later conjunct
    of ("cannot halt or reverse X", "failed to reduce X", "it is not known whether X reduces Y"),
    has a ``neg`` dependent, or the
    trigger is the object of "without" ("without forming tumours")."""
    token = parse[trigger]
    for _ in range(4):
        if any(c.dep_ == "neg" for c in token.children):
            return True
        if token.dep_ in ("pcomp", "pobj") and token.head.lower_ in NEGATION_HEADS:
            return True
        if token.dep_ in ("xcomp", "conj", "ccomp") and token.head is not token:
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


def mention_at(ms: Sequence[Mention], token: int) -> Mention | None:
    """The mention that contains doc token ``token``, else None."""
    for m in ms:
        if m.start <= token < m.end:
            return m
    return None


def is_anaphor(token: Token, subject_anaphor: Callable[[str], bool]) -> bool:
    """"They", "these cells": a pronoun, or a noun whose determiner points back."""
    if subject_anaphor(token.lower_):
        return True
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    return bool(dets) and subject_anaphor(f"{dets[0]} {token.lower_}")


@dataclass(frozen=True)
class Reader:
    """What the dependency reader needs, built once per component."""

    rules: RuleSet
    triggers: TriggerIndex
    patterns: Patterns
    matcher: DependencyMatcher


def make_reader(rules: RuleSet, triggers: TriggerIndex, vocab: Vocab, patterns: Patterns | None = None
                ) -> Reader:
    """A reader over ``rules`` with the packaged patterns (or ``patterns``)."""
    patterns = patterns or load_patterns()
    return Reader(rules, triggers, patterns, patterns.matcher(vocab))


def antecedent_in_sentence(parse: Doc, anaphor: Token, ms: Sequence[Mention], off: int) -> Mention | None:
    """The nearest mention before ``anaphor`` in its own sentence that is the subject of a clause
    ("When stem cells are injected, they reduce X": stem cells), else None."""
    for m in sorted(ms, key=lambda x: -x.end):
        if m.end - off > anaphor.i or m.start < off:
            continue
        if mention_head(parse, m, off).dep_ in ("nsubj", "nsubjpass"):
            return m
    return None


def _arguments(reader: Reader, parse: Doc, head: int, ms: Sequence[Mention], off: int,
               carried: Sequence[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for t in argument_heads(parse[head], reader.patterns.through):
        m = mention_at(ms, off + t.i)
        if m is None and is_anaphor(t, lambda w: bool(reader.rules.cues.subject_anaphor.match(w))):
            local = antecedent_in_sentence(parse, t, ms, off)
            if local is not None:
                if local not in out:
                    out.append(local)
                continue
            out.extend(x for x in carried if x not in out)
        elif m is not None and m not in out:
            out.append(m)
    return out


def _rules_for(reader: Reader, spec: PatternSpec, word: str, prep: str) -> list[Rule]:
    found = [r for r in reader.triggers(word) if spec.form in r.forms]
    if spec.predicates:
        found = [r for r in found if r.predicate in spec.predicates]
    if spec.rule_prepositions:
        found = [r for r in found if prep in r.prepositions]
    return found


@dataclass
class DepReading:
    """What the dependency reader read in a doc, by sentence index: its candidates, and the doc
    tokens of the triggers a pattern matched at (with or without a candidate)."""

    candidates: dict[int, list[Candidate]] = field(default_factory=dict)
    matched: dict[int, set[int]] = field(default_factory=dict)


def sentence_candidates(reader: Reader, sent: Sentence, parse: Doc, ms: Sequence[Mention],
                        previous: Carry | None = None, matched: set[int] | None = None,
                        ) -> tuple[list[Candidate], Carry]:
    """Candidates the parse of one sentence gives (``ms``: its mentions, doc token indices;
    token ``k`` of ``parse`` is doc token ``sent.start + k``) and what it leaves the next.
    ``matched`` (when given) collects the doc tokens of triggers a rule's pattern matched at."""
    previous = previous or Carry()
    off = sent.start
    covered = {i - off for m in ms for i in range(m.start, m.end)}
    for t in parse:
        t._.mm_trigger = t.i not in covered and bool(reader.triggers(t.lower_))
    out: list[Candidate] = []
    subjects_seen: list[Mention] = []
    last_objects: list[Mention] = []
    for match in match_sentence(parse, reader.matcher, reader.patterns):
        spec = reader.patterns.by_id[match.pattern]
        prep = next((c.lower_ for c in parse[match.object].ancestors if c.dep_ == "prep"), "")
        rules = _rules_for(reader, spec, parse[match.trigger].lower_, prep)
        if not rules or match.subject is None:
            continue
        # "secrete HGF and decrease TGF-beta1" parsed as "secrete [HGF] and [decrease TGF-beta1]":
        # an object whose compound modifier is a trigger word after a coordinator is that word's
        if spec.form == "active" and misparsed_verb_object(parse, match.trigger, match.object):
            continue
        if matched is not None:
            matched.add(off + match.trigger)
        subjects = _arguments(reader, parse, match.subject, ms, off, previous.subjects)
        objects = _arguments(reader, parse, match.object, ms, off, previous.objects)
        for rule in rules:
            subj, obj = (objects, subjects) if rule.reverse else (subjects, objects)
            subj = [m for m in subj if allowed(m, subject_classes(reader.rules, rule))]
            obj = [m for m in obj if allowed(m, rule.object)]
            if not subj or not obj:
                continue
            trigger = off + match.trigger
            before = [m.end for m in subj if m.end <= trigger]
            scope = max(before) if before else off + parse[match.trigger].left_edge.i
            negated = parse_negated(parse, match.trigger)
            out.extend(Candidate(s_, o, rule, spec.form, sent, trigger, min(scope, trigger), "dep",
                                 "anaphor" if s_.start < sent.start else match.carried, negated)
                       for s_ in subj for o in obj if not same_list(parse, off, s_, o, match.trigger))
            if match.carried not in CLAUSE_LINKS:  # a relative clause's subject is no topic
                subjects_seen.extend(m for m in subj if m not in subjects_seen)
            last_objects = obj
            break
    out.sort(key=lambda c: c.trigger)
    carry = Carry(tuple(subjects_seen) or previous.subjects, tuple(last_objects) or previous.objects)
    return out, carry


def doc_candidates(reader: Reader, doc: Doc, ms: Sequence[Mention], bounds: Sequence[tuple[int, int]],
                   parses: dict[int, Doc]) -> DepReading:
    """Candidates of every parsed sentence, by sentence index (``parses``: ``doc._.parses``)."""
    from bisect import bisect_left

    firsts = [m.start for m in ms]
    carry = Carry()
    out = DepReading()
    for k, (start, end) in enumerate(bounds):
        parse = parses.get(start)
        if parse is None or len(parse) != end - start:
            continue
        lo, hi = bisect_left(firsts, start), bisect_left(firsts, end)
        span = doc[start:end]
        sent = Sentence(k, start, end, span.start_char, span.end_char)
        out.matched[k] = set()
        out.candidates[k], carry = sentence_candidates(reader, sent, parse,
                                                       [m for m in ms[lo:hi] if m.end <= end], carry,
                                                       out.matched[k])
    return out


def check_surface(candidates: Sequence[Candidate], bounds: Sequence[tuple[int, int]],
                  parses: dict[int, Doc]) -> list[Candidate]:
    """The surface reader's candidates, read against the parse where their sentence has one:
    items of one list are not related to each other (:func:`same_list`) and negation takes its
    syntactic scope (:func:`parse_negated`)."""
    from dataclasses import replace

    out: list[Candidate] = []
    for c in candidates:
        start, end = bounds[c.sentence.index]
        parse = parses.get(start)
        if parse is None or len(parse) != end - start:
            out.append(c)
            continue
        if same_list(parse, start, c.subject, c.object, c.trigger - start):
            continue
        if verb_read_as_adjective(parse, c.trigger - start, c.form, c.subject.end - start,
                                  subject_head(parse, start, c.subject)):
            continue
        out.append(replace(c, negated=parse_negated(parse, c.trigger - start)))
    return out
