"""Relation rules and context cues: file schemas, validated loading, the frozen rule set.

Two packaged files (``resources/relation_rules.yaml``, ``resources/context_cues.yaml``)
are checked against pydantic models (the rules' below, the cues' in
:mod:`pipeline.nlp.relations.cuespec`; unknown keys rejected, patterns
compiled at load) and become one frozen :class:`RuleSet`. Which rules a word
triggers is looked up through a :class:`TriggerIndex`, a cache owned by whoever
builds it (the component), not by the rule set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field

from pipeline.errors import ResourceError
from pipeline.nlp.relations.cuespec import CuesFile
from pipeline.nlp.relations.leadcues import LeadIns, compile_lead_ins
from pipeline.nlp.relations.therapies import TherapyCues, compile_therapy
from pipeline.ruledata import Meta, Strict, compile_pattern, load_yaml, resource_path

Form = Literal["active", "passive", "reduced", "hyphen", "nominal", "agent_noun", "linked", "topic",
               "therapy", "feature", "counter", "cause", "attractant", "value",
               "list", "contents",  # rellists: a list item (.leadins), what a secretome holds
               # relpath (issue 12): parse only, see relation_rules.yaml
               "covering", "definition", "after"]
# rellists: forms whose rules trigger at no word of running text ("less" of a list item,
# "including" of held_product); only the sentence filter and their patterns ask (quiet=True)
QUIET_FORMS = frozenset({"list", "contents"})
RULES_FILE = "relation_rules.yaml"
CUES_FILE = "context_cues.yaml"


class PredicateSpec(Strict):
    polarity: Literal["positive", "negative", "neutral"]
    indra: str
    semrep: str


class RuleSpec(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    predicate: str
    trigger: str
    forms: list[Form] = Field(min_length=1)
    subject: list[str] = Field(default_factory=list)
    subject_extra: list[str] = Field(default_factory=list)
    object: list[str] = Field(default_factory=list)
    stop: list[str] = Field(default_factory=list)
    prepositions: list[str] = Field(default_factory=lambda: ["to", "with"])
    reverse: bool = False
    object_exclude: str = ""
    subject_exclude: str = ""
    object_only: str = ""
    # relrec: read by the dependency reader only (its subject must be the parse's, never the
    # surface reader's nearest mention)
    parsed_only: bool = False


class RetypeSpec(Strict):
    """A relation between these classes is stated as ``becomes`` ("genes that contribute to
    PD": an association, not a cause)."""

    predicates: list[str] = Field(min_length=1)
    subject: list[str] = Field(min_length=1)
    object: list[str] = Field(min_length=1)
    becomes: str
    # subject states that keep the predicate ("mutations in X cause D" is DRIVES with the
    # variant kept as the subject's state, not an association)
    unless_state: list[Literal["loss", "variant", "secretome", "low"]] = Field(default_factory=list)


class RulesFile(Strict):
    meta: Meta
    predicates: dict[str, PredicateSpec]
    agent_classes: list[str]
    agent_terms: str
    ignore: list[str] = Field(default_factory=list)
    generic_classes: list[str] = Field(default_factory=list)
    retype: list[RetypeSpec] = Field(default_factory=list)
    # verbs whose object is the subject of their infinitive ("stimulate stem cells to
    # differentiate": the stem cells differentiate; see :mod:`.agreement`)
    object_control: str = ""
    rules: list[RuleSpec]


@dataclass(frozen=True)
class Rule:
    id: str
    predicate: str
    polarity: str
    trigger: re.Pattern[str]
    forms: tuple[str, ...]
    subject: frozenset[str]
    object: frozenset[str]
    stop: frozenset[str]
    subject_extra: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset({"to", "with"})
    reverse: bool = False
    object_exclude: re.Pattern[str] | None = None
    object_only: re.Pattern[str] | None = None
    subject_exclude: re.Pattern[str] | None = None
    parsed_only: bool = False


@dataclass(frozen=True)
class Retype:
    predicates: frozenset[str]
    subject: frozenset[str]
    object: frozenset[str]
    becomes: str
    unless_state: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Cues:
    """Context cues, each list compiled into one alternation (one search finds any cue)."""

    negation: re.Pattern[str]
    pseudo_negation: tuple[re.Pattern[str], ...]
    hedge: re.Pattern[str]
    evidence: tuple[tuple[str, re.Pattern[str]], ...]  # (level, design cues), in file order
    subject_anaphor: re.Pattern[str]
    object_anaphor: re.Pattern[str]
    subject_state: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = ()
    # an object named by what it lost ("loss of sensation"): words before / after it, and the
    # predicate a relation to it is stated as
    deficit: tuple[re.Pattern[str], re.Pattern[str], dict[str, str]] | None = None
    privative: re.Pattern[str] | None = None  # "non-" before a mention: not that class
    context: tuple[tuple[str, re.Pattern[str]], ...] = ()  # (context, cues) in file order
    pathology_subjects: frozenset[str] = frozenset()
    state_turns: dict[str, dict[str, str]] = field(default_factory=dict)  # state -> predicate map
    review_wording: re.Pattern[str] | None = None  # "in this review": the document is a review
    design: re.Pattern[str] | None = None  # the sentence names the study's own design
    citation: re.Pattern[str] | None = None  # the sentence cites a study
    not_risk: tuple[re.Pattern[str], ...] = ()  # a risk avoided or absent, a disease's risk
    # an object named by what is kept or gained ("joint homeostasis"): (words after it, its
    # own text, the predicate map), each None when not given
    benefit: tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, str]], ...] = ()
    # a subject named by the harm done to it ("damage to neurons"): words before it, classes
    damage_subject: tuple[re.Pattern[str], frozenset[str]] | None = None
    prevented_harm: re.Pattern[str] | None = None  # "prevent damage (caused) to" before an object
    expletive: re.Pattern[str] | None = None  # "It is crucial to ...": the "it" is no anaphor
    means: re.Pattern[str] | None = None  # "through", "via", "by secreting" before an object
    # a sentence opening with an event anaphor whose agent is the previous sentence's ("This
    # helps reduce X"), matched against its first words (lower case, space-separated)
    event_anaphor: re.Pattern[str] | None = None
    # (state, pattern, classes) of mentions whose own text names the state ("R140Q": a variant)
    state_mentions: tuple[tuple[str, re.Pattern[str], frozenset[str]], ...] = ()
    # (state, pattern) of the words between a state-naming mention and the gene it lies in
    state_located: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # the direction an association states: (words before the object, words before the trigger,
    # outcome classes, the predicate map) per entry, each pattern None when not given
    risk_direction: tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None, frozenset[str],
                                dict[str, str]], ...] = ()
    # rel-obj2: an object named with the change a cause brought about ("X led to reduced Y": X
    # DECREASES Y): (words before it, its own text, words after it, the predicate map), each
    # pattern None when not given
    changed: tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None,
                         dict[str, str]], ...] = ()
    # (state, words before, words after) around a mention, both to match ("low" X "levels")
    state_around: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = ()
    therapy: TherapyCues | None = None  # a therapy named before and pointed back to (.therapies)
    lead_ins: LeadIns | None = None  # rellists: list items under a lead-in (.leadins)
    question: re.Pattern[str] | None = None  # an open question before a trigger
    aim: re.Pattern[str] | None = None  # a study aim before a trigger
    no_argument: re.Pattern[str] | None = None  # a mention's text that names no participant
    opaque_head: re.Pattern[str] | None = None  # the words after a mention that only modifies it
    course: re.Pattern[str] | None = None  # "recurrence" of D: the relation is D's
    answer: re.Pattern[str] | None = None  # a finding reported after it: the question is answered


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    agent_classes: frozenset[str]
    cues: Cues
    predicates: dict[str, PredicateSpec]
    agent_terms: re.Pattern[str] | None = None
    ignore: frozenset[str] = frozenset()
    generic_classes: frozenset[str] = frozenset()
    retype: tuple[Retype, ...] = ()
    object_control: re.Pattern[str] | None = None  # "stimulate X to V": X is V's subject

    def triggered(self, word: str, quiet: bool = False) -> tuple[Rule, ...]:
        """The rules whose trigger matches ``word`` (uncached; see :class:`TriggerIndex`); a rule
        read only in :data:`QUIET_FORMS` only with ``quiet``."""
        return tuple(r for r in self.rules if (quiet or not set(r.forms) <= QUIET_FORMS)
                     and r.trigger.match(word))


class TriggerIndex:
    """``word -> rules it triggers``, memoised (a bounded dict; words repeat across docs)."""

    def __init__(self, rules: RuleSet, max_words: int = 500_000, quiet: bool = False) -> None:
        self.rules = rules
        self.max_words = max_words
        self.quiet = quiet  # with the rules of QUIET_FORMS (the sentence filter's index)
        self._by_word: dict[str, tuple[Rule, ...]] = {}

    def __call__(self, word: str) -> tuple[Rule, ...]:
        found = self._by_word.get(word)
        if found is None:
            found = self.rules.triggered(word, self.quiet)
            if len(self._by_word) < self.max_words:
                self._by_word[word] = found
        return found


def combine(patterns: list[str], where: str) -> re.Pattern[str]:
    """One case-insensitive alternation of ``patterns`` (each checked on its own first);
    an empty list matches nothing."""
    compiled = [compile_pattern(p, where) for p in patterns]
    return re.compile("|".join(f"(?:{p.pattern})" for p in compiled) or r"(?!x)x", re.IGNORECASE)


def build_rules(spec: RulesFile, cue_spec: CuesFile, rules_where: str, cues_where: str) -> RuleSet:
    """The frozen rule set of two validated files (``*_where`` name them in errors)."""
    if not spec.rules:
        raise ResourceError(f"{rules_where}: no relation rules")
    rules = []
    for r in spec.rules:
        if r.predicate not in spec.predicates:
            raise ResourceError(f"{rules_where}: rule {r.id}: unknown predicate {r.predicate}")
        rules.append(Rule(r.id, r.predicate, spec.predicates[r.predicate].polarity,
                          compile_pattern(r.trigger, f"{rules_where}: rule {r.id}"), tuple(r.forms),
                          frozenset(r.subject), frozenset(r.object), frozenset(r.stop),
                          frozenset(r.subject_extra), frozenset(r.prepositions), r.reverse,
                          compile_pattern(r.object_exclude, f"{rules_where}: rule {r.id}")
                          if r.object_exclude else None,
                          compile_pattern(r.object_only, f"{rules_where}: rule {r.id}")
                          if r.object_only else None,
                          compile_pattern(r.subject_exclude, f"{rules_where}: rule {r.id}")
                          if r.subject_exclude else None, r.parsed_only))
    for t in spec.retype:
        for name in (*t.predicates, t.becomes):
            if name not in spec.predicates:
                raise ResourceError(f"{rules_where}: retype: unknown predicate {name}")
    deficit = cue_spec.deficit
    # the cues file serves any rules file: a deficit mapping counts for the predicates it has
    turns = {a: b for a, b in deficit.predicates.items()
             if a in spec.predicates and b in spec.predicates} if deficit else {}
    where = cues_where
    ev = cue_spec.evidence
    cues = Cues(
        combine(cue_spec.negation, where),
        tuple(compile_pattern(p, where) for p in cue_spec.pseudo_negation),
        combine(cue_spec.hedge, where),
        tuple((level, combine(pats, where)) for level, pats in cue_spec.evidence.levels.items()),
        compile_pattern(cue_spec.anaphora.subject, where),
        compile_pattern(cue_spec.anaphora.objects, where),
        tuple((state, compile_pattern(c.before, where), compile_pattern(c.after, where))
              for state, c in cue_spec.subject_state.items()),
        (compile_pattern(deficit.before, where), compile_pattern(deficit.after, where),
         turns) if deficit else None,
        compile_pattern(cue_spec.privative, where) if cue_spec.privative else None,
        tuple((name, combine(pats, where)) for name, pats in cue_spec.context.items()),
        frozenset(cue_spec.pathology_subjects),
        {state: {a: b for a, b in c.predicates.items() if a in spec.predicates and b in spec.predicates}
         for state, c in cue_spec.subject_state.items() if c.predicates},
        combine(ev.review, where) if ev.review else None,
        combine(ev.design, where) if ev.design else None,
        combine(ev.citation, where) if ev.citation else None,
        tuple(compile_pattern(p, where) for p in cue_spec.not_risk),
        tuple((compile_pattern(b.after, where) if b.after else None,
               compile_pattern(b.object, where) if b.object else None,
               {x: y for x, y in b.predicates.items() if x in spec.predicates and y in spec.predicates})
              for b in cue_spec.benefit),
        (compile_pattern(cue_spec.damage_subject.before, where), frozenset(cue_spec.damage_subject.classes))
        if cue_spec.damage_subject else None,
        compile_pattern(cue_spec.prevented_harm, where) if cue_spec.prevented_harm else None,
        compile_pattern(cue_spec.expletive, where) if cue_spec.expletive else None,
        compile_pattern(cue_spec.means, where) if cue_spec.means else None,
        compile_pattern(cue_spec.anaphora.event, where) if cue_spec.anaphora.event else None,
        tuple((state, compile_pattern(c.mention, where), frozenset(c.mention_classes))
              for state, c in cue_spec.subject_state.items() if c.mention),
        tuple((state, compile_pattern(c.located_in, where)) for state, c in cue_spec.subject_state.items()
              if c.located_in),
        tuple((compile_pattern(r.before, where) if r.before else None,
               compile_pattern(r.trigger_before, where) if r.trigger_before else None,
               frozenset(r.outcome),
               {a: b for a, b in r.predicates.items() if a in spec.predicates and b in spec.predicates})
              for r in cue_spec.risk_direction),
        state_around=tuple((state, compile_pattern(c.around[0], where), compile_pattern(c.around[-1], where))
                           for state, c in cue_spec.subject_state.items() if len(c.around) == 2),
        changed=tuple((compile_pattern(b.before, where) if b.before else None,
                       compile_pattern(b.object, where) if b.object else None,
                       compile_pattern(b.after, where) if b.after else None,
                       {x: y for x, y in b.predicates.items()
                        if x in spec.predicates and y in spec.predicates})
                      for b in cue_spec.changed),
        therapy=compile_therapy(cue_spec.anaphora.therapy, where),
        lead_ins=compile_lead_ins(cue_spec.lead_ins, where, {r.id: tuple(r.forms) for r in spec.rules}),
        question=combine(cue_spec.question, where) if cue_spec.question else None,
        aim=combine(cue_spec.aim, where) if cue_spec.aim else None,
        no_argument=compile_pattern(cue_spec.no_argument, where) if cue_spec.no_argument else None,
        opaque_head=compile_pattern(cue_spec.opaque_head, where) if cue_spec.opaque_head else None,
        course=compile_pattern(cue_spec.course, where) if cue_spec.course else None,
        answer=compile_pattern(cue_spec.answer, where) if cue_spec.answer else None,
    )
    return RuleSet(tuple(rules), frozenset(spec.agent_classes), cues, spec.predicates,
                   compile_pattern(spec.agent_terms, rules_where), frozenset(spec.ignore),
                   frozenset(spec.generic_classes),
                   tuple(Retype(frozenset(t.predicates), frozenset(t.subject), frozenset(t.object), t.becomes,
                                frozenset(t.unless_state))
                         for t in spec.retype),
                   compile_pattern(spec.object_control, rules_where) if spec.object_control else None)


def load_rules(rules_path: Path | None = None, cues_path: Path | None = None) -> RuleSet:
    """Load and validate the relation rules and context cues (the packaged files by default)."""
    rules_path = rules_path or resource_path(RULES_FILE)
    cues_path = cues_path or resource_path(CUES_FILE)
    return build_rules(load_yaml(rules_path, RulesFile), load_yaml(cues_path, CuesFile),
                       str(rules_path), str(cues_path))
