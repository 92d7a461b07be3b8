"""The head-word rules of ``resources/abbreviation_heads.yaml``: the class of an abbreviation
whose long form is in no vocabulary, from the head word of its long form, and the head words
of long forms that name no entity (organisations, tests, procedures). Used by
:mod:`pipeline.nlp.abbreviations`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field
from spacy.tokens import Span

from pipeline.ruledata import Meta, Strict, compile_pattern, load_yaml, resource_path

OTHER = "OTHER"


class HeadRuleSpec(Strict):
    label: str = Field(pattern=r"^[A-Z_]+$")
    pattern: str
    requires: str = ""


class HeadRulesFile(Strict):
    meta: Meta
    rules: list[HeadRuleSpec]
    head_ends_before: list[str] = Field(default_factory=list)
    non_entity_heads: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class HeadRule:
    label: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None


@dataclass(frozen=True)
class HeadRules:
    """The head-word rules in order, the prepositions that end a long form's head noun
    phrase (see :func:`head_part`) and the head words of long forms that are no entity."""
    rules: tuple[HeadRule, ...]
    head_ends_before: frozenset[str] = frozenset()
    non_entity_heads: frozenset[str] = frozenset()


def load_head_rules(path: Path | None = None) -> HeadRules:
    path = path or resource_path("abbreviation_heads.yaml")
    spec = load_yaml(path, HeadRulesFile)
    return HeadRules(tuple(
        HeadRule(r.label, compile_pattern(r.pattern, f"{path}: {r.label}"),
                 compile_pattern(r.requires, f"{path}: {r.label}") if r.requires else None)
        for r in spec.rules
    ), frozenset(w.lower() for w in spec.head_ends_before),
        frozenset(w.lower() for w in spec.non_entity_heads))


def head_part(long_form: Span, before: frozenset[str]) -> Span:
    """The long form up to its first free-standing preposition of ``before`` (its head noun
    phrase: "Global Initiative for ... Disease" -> "Global Initiative", "tissue inhibitor of
    metalloproteinases" -> "tissue inhibitor"); a preposition glued by a hyphen
    ("mesenchymal-to-epithelial") is part of a compound word."""
    doc = long_form.doc
    for tok in long_form[1:]:
        glued = not doc[tok.i - 1].whitespace_ or not tok.whitespace_
        if tok.lower_ in before and not glued:
            return doc[long_form.start:tok.i]
    return long_form


def head_label(long_form: Span, rules: HeadRules) -> str:
    """Label of a long form from the last alphabetic word of its head noun phrase (see
    :func:`head_part`; OTHER when no rule fits)."""
    words = [t.text for t in head_part(long_form, rules.head_ends_before) if any(c.isalpha() for c in t.text)]
    if not words:
        return OTHER
    head = words[-1]
    two = " ".join(words[-2:]).lower()
    for rule in rules.rules:
        if (rule.pattern.search(head) or rule.pattern.search(two)) and (
                rule.requires is None or rule.requires.search(long_form.text)):
            return rule.label
    return OTHER


def names_no_entity(long_form: Span, rules: HeadRules) -> bool:
    """The last alphabetic word of the long form's head noun phrase is a ``non_entity_heads``
    word: the abbreviation names an organisation, a test or a procedure."""
    if not rules.non_entity_heads:
        return False
    words = [t.lower_ for t in head_part(long_form, rules.head_ends_before) if t.is_alpha]
    return bool(words) and words[-1] in rules.non_entity_heads
