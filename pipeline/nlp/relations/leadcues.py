"""The cues' ``lead_ins``: what makes a sentence ending with ":" the lead-in of a list and
what its items state (read by :mod:`.leadins`). Apart from the reader so that the rule loader
(:mod:`.rules`) can validate and compile them without importing the relation types."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from pipeline.errors import ResourceError
from pipeline.ruledata import Strict, compile_pattern


class LeadKindSpec(Strict):
    """One kind of lead-in: what finds it, its rules (ids of rules of form ``list``), where its
    subject comes from and whether each conjunct picks its rule by its first word."""

    lead: str
    rules: list[str] = Field(min_length=1)
    subject: Literal["disease", "therapy"]
    per_item: bool = False


class LeadInSpec(Strict):
    """The cues' ``lead_ins`` (module text)."""

    item: str
    pointing: str
    stop: list[str] = Field(default_factory=list)
    bare_words: int = Field(default=0, ge=0)
    kinds: list[LeadKindSpec] = Field(min_length=1)


@dataclass(frozen=True)
class LeadKind:
    lead: re.Pattern[str]
    rules: tuple[str, ...]
    subject: str
    per_item: bool


@dataclass(frozen=True)
class LeadIns:
    item: re.Pattern[str]
    pointing: re.Pattern[str]
    stop: frozenset[str]
    bare_words: int
    kinds: tuple[LeadKind, ...]


def compile_lead_ins(spec: LeadInSpec | None, where: str,
                     rule_forms: dict[str, tuple[str, ...]] | None = None) -> LeadIns | None:
    """The compiled ``lead_ins`` (None without them). With ``rule_forms`` (each rule id's forms),
    a kind's rule must exist (when the rules have any ``list`` rule) and read the ``list`` form;
    ``stop`` words must be lower case (item words are compared lower-cased)."""
    if spec is None:
        return None
    upper = [w for w in spec.stop if w != w.lower()]
    if upper:
        raise ResourceError(f"{where}: lead_ins: stop words must be lower case: {upper}")
    # a rules file without list rules (a small custom one) leaves the lead-ins unused
    listing = rule_forms is not None and any("list" in forms for forms in rule_forms.values())
    for kind in spec.kinds if rule_forms is not None else ():
        for rule in kind.rules:
            if rule not in rule_forms:
                if not listing:
                    continue
                raise ResourceError(f"{where}: lead_ins: unknown rule {rule!r}")
            if "list" not in rule_forms[rule]:
                raise ResourceError(f"{where}: lead_ins: rule {rule!r} has no 'list' form")
    return LeadIns(compile_pattern(spec.item, where), compile_pattern(spec.pointing, where),
                   frozenset(spec.stop), spec.bare_words,
                   tuple(LeadKind(compile_pattern(k.lead, where), tuple(k.rules), k.subject, k.per_item)
                         for k in spec.kinds))


