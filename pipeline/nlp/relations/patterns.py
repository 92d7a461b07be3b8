"""Dependency patterns as data: ``resources/dependency_patterns.yaml`` (spaCy
``DependencyMatcher`` syntax) validated on load, and the matches of one sentence parse
(``trigger``, ``subject``, ``object`` nodes; see the file's header)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

import pipeline.nlp.extensions  # noqa: F401  (token._.mm_trigger)
from pipeline.errors import ResourceError
from pipeline.nlp.relations.clauses import behind_colon, inherited_subject
from pipeline.nlp.relations.depmatcher import SharedNodeMatcher
from pipeline.ruledata import Meta, Strict, load_yaml, resource_path

PATTERNS_FILE = "dependency_patterns.yaml"


class PatternSpec(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    form: str
    inherit: bool = False
    topic: bool = False  # the subject is the text's disease topic (.topics); `subject`: the feature noun
    predicates: list[str] = Field(default_factory=list)
    rule_prepositions: bool = False
    nodes: list[dict[str, Any]] = Field(min_length=1)


class ProcessHeadsSpec(Strict):
    """Process objects from the lexicon (:mod:`.processes`): the head words of at least
    ``min_names`` names of ``label`` concepts, less ``exclude``, plus ``include``."""

    label: str = "PROCESS"
    min_names: int = Field(default=2, ge=1)
    exclude: list[str] = Field(default_factory=list)
    include: list[str] = Field(default_factory=list)

    @field_validator("exclude", "include")
    @classmethod
    def _lower_words(cls, words: list[str]) -> list[str]:
        return PatternsFile._one_lower_word_each(words)


class PatternsFile(Strict):
    meta: Meta
    through: list[str] = Field(default_factory=list)
    outcomes: list[str] = Field(default_factory=list)
    sites: list[str] = Field(default_factory=list)
    factors: list[str] = Field(default_factory=list)
    factor_quantifiers: list[str] = Field(default_factory=list)
    process_heads: ProcessHeadsSpec | None = None
    agent_nouns: list[str] = Field(default_factory=list)
    recipient_heads: list[str] = Field(default_factory=list)
    patterns: list[PatternSpec] = Field(min_length=1)

    @field_validator("outcomes", "sites", "factors", "factor_quantifiers", "agent_nouns", "recipient_heads")
    @classmethod
    def _one_lower_word_each(cls, words: list[str]) -> list[str]:
        for w in words:
            if not w or w != w.lower() or not w.replace("-", "").isalpha():
                raise ValueError(f"{w!r}: one lower-case word")
        dup = sorted({w for w in words if words.count(w) > 1})
        if dup:
            raise ValueError(f"duplicates: {', '.join(dup)}")
        return words


@dataclass(frozen=True)
class Patterns:
    """Validated dependency patterns, the amount/activity heads arguments pass through and the
    outcome/process nouns and the place nouns ("damaged areas", "sites of injury") that are
    objects without an entity mention."""

    specs: tuple[PatternSpec, ...]
    through: frozenset[str]
    outcomes: frozenset[str] = frozenset()
    sites: frozenset[str] = frozenset()
    factors: frozenset[str] = frozenset()  # generic product nouns: a FACTOR object when qualified
    factor_quantifiers: frozenset[str] = frozenset()  # modifiers that qualify no factor ("other")
    # process objects from the lexicon (.processes): (class, min_names, excluded, included heads)
    process_spec: tuple[str, int, frozenset[str], frozenset[str]] | None = None
    agent_nouns: frozenset[str] = frozenset()  # treatment nouns that are agents (.agents)
    # heads of `through` whose possessive pronoun names their recipient ("its treatment"), not owner
    recipient_heads: frozenset[str] = frozenset()

    @cached_property
    def processes(self) -> frozenset[str]:
        """The lexicon's process head words (:func:`~.processes.process_heads`); none without
        a ``process_heads`` entry."""
        if self.process_spec is None:
            return frozenset()
        from pipeline.nlp.relations.processes import process_heads

        label, min_names, exclude, include = self.process_spec
        return process_heads(resource_path("lexicon/concepts.tsv.gz"), label, min_names, exclude) | include

    def matcher(self, vocab: Vocab) -> SharedNodeMatcher:
        """A DependencyMatcher (:class:`~.depmatcher.SharedNodeMatcher`), every pattern keyed by its id."""
        matcher = SharedNodeMatcher(vocab, validate=True)
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
    stray = sorted(set(spec.recipient_heads) - {w.lower() for w in spec.through})
    if stray:
        raise ResourceError(f"{path}: recipient_heads: not in through: {', '.join(stray)}")
    heads = spec.process_heads
    process_spec = None if heads is None else (heads.label, heads.min_names, frozenset(heads.exclude),
                                               frozenset(heads.include))
    return Patterns(tuple(spec.patterns), frozenset(w.lower() for w in spec.through),
                    frozenset(spec.outcomes), frozenset(spec.sites), frozenset(spec.factors),
                    frozenset(spec.factor_quantifiers), process_spec, frozenset(spec.agent_nouns),
                    frozenset(spec.recipient_heads))


@dataclass(frozen=True)
class DepMatch:
    """One pattern match in a sentence parse: token indices of the sentence Doc."""

    pattern: str
    form: str
    trigger: int
    subject: int | None
    object: int
    carried: str = ""  # how an inherited subject was reached: conj, xcomp, relcl, ... ("" = own)


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
        carried = "topic" if spec.topic else ""
        if subject is not None and behind_colon(parse[subject], parse[trigger]):
            continue  # a heading before a colon ("damage: Stem cells reduce it")
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
