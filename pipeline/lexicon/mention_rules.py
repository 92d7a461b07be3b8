"""The schema of ``resources/lexicon/mention_rules.yaml`` and its loader (see the file's comments;
the rules are applied by :mod:`pipeline.lexicon.refine`, :mod:`pipeline.lexicon.phrases` and
:mod:`pipeline.lexicon.compounds`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from pipeline.ruledata import Meta, Strict, load_yaml, resource_path


class MentionRulesFile(Strict):
    meta: Meta
    name_participles: list[str]
    name_heads: dict[str, str]
    modifier_heads: dict[str, str]
    generic: list[str]
    deficit_before: list[str]
    deficit_after: list[str]
    eponym_heads: list[str] = Field(min_length=1)
    anatomy_heads: dict[str, str] = Field(default_factory=dict)
    anatomy_before: list[str] = Field(default_factory=list)
    process_heads: list[str] = Field(default_factory=list)
    process_modifiers: list[str] = Field(default_factory=list)
    adjective_suffixes: dict[str, list[str]] = Field(default_factory=dict)
    institution_heads: list[str] = Field(default_factory=list)
    adjective_heads: list[str] = Field(default_factory=list)
    name_head_suffixes: dict[str, str] = Field(default_factory=dict)
    deficit_functions: list[str] = Field(default_factory=list)
    deficit_domains: list[str] = Field(default_factory=list)
    function_heads: list[str] = Field(default_factory=list)
    process_suffixes: list[str] = Field(default_factory=list)
    anatomy_modifiers: list[str] = Field(default_factory=list)
    course_modifiers: list[str] = Field(default_factory=list)
    process_loci: list[str] = Field(default_factory=list)
    system_nouns: list[str] = Field(default_factory=list)
    region_nouns: list[str] = Field(default_factory=list)
    head_synonyms: dict[str, str] = Field(default_factory=dict)
    place_heads: dict[str, str] = Field(default_factory=dict)
    dysfunction_heads: dict[str, str] = Field(default_factory=dict)
    relational_participles: list[str] = Field(default_factory=list)
    privative_prefixes: list[str] = Field(default_factory=list)
    source_participles: list[str] = Field(default_factory=list)
    instrument_qualifiers: list[str] = Field(default_factory=list)
    instrument_heads: list[str] = Field(default_factory=list)
    culture_cues: list[str] = Field(default_factory=list)
    standard_heads: list[str] = Field(default_factory=list)
    anatomy_compounds: list[str] = Field(default_factory=list)
    injured_classes: list[str] = Field(default_factory=list)
    course_heads: list[str] = Field(default_factory=list)
    unstopped: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class MentionRules:
    name_participles: frozenset[str]
    name_heads: dict[str, str]
    modifier_heads: dict[str, str]
    generic: tuple[str, ...]
    deficit_before: tuple[tuple[str, ...], ...]
    deficit_after: frozenset[str]
    eponym_heads: tuple[str, ...]
    anatomy_heads: dict[str, str]
    anatomy_before: frozenset[str] = frozenset()
    process_heads: frozenset[str] = frozenset()
    process_modifiers: frozenset[str] = frozenset()
    adjective_suffixes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    institution_heads: frozenset[str] = frozenset()
    adjective_heads: frozenset[str] = frozenset()
    name_head_suffixes: tuple[tuple[str, str], ...] = ()
    deficit_functions: frozenset[str] = frozenset()
    deficit_domains: frozenset[str] = frozenset()
    function_heads: frozenset[str] = frozenset()
    process_suffixes: tuple[str, ...] = ()
    anatomy_modifiers: frozenset[str] = frozenset()
    course_modifiers: frozenset[str] = frozenset()
    process_loci: frozenset[str] = frozenset()
    system_nouns: tuple[str, ...] = ()
    region_nouns: tuple[str, ...] = ()
    head_synonyms: dict[str, str] = field(default_factory=dict)
    place_heads: dict[str, str] = field(default_factory=dict)
    dysfunction_heads: dict[str, str] = field(default_factory=dict)
    relational_participles: frozenset[str] = frozenset()
    privative_prefixes: frozenset[str] = frozenset()
    source_participles: frozenset[str] = frozenset()
    instrument_qualifiers: frozenset[str] = frozenset()
    instrument_heads: frozenset[str] = frozenset()
    culture_cues: frozenset[str] = frozenset()
    standard_heads: frozenset[str] = frozenset()
    anatomy_compounds: frozenset[str] = frozenset()
    injured_classes: frozenset[str] = frozenset()
    course_heads: frozenset[str] = frozenset()
    unstopped: frozenset[str] = frozenset()

    def generic_keys(self) -> set[tuple[str, str]]:
        """Stoplist rows (key, '*') for the generic words."""
        return {(g, "*") for g in self.generic}


RULES_FILE = "mention_rules.yaml"


def rules_path() -> Path:
    return resource_path("lexicon") / RULES_FILE


def load_mention_rules(path: Path | None = None) -> MentionRules:
    """Read and validate ``mention_rules.yaml`` (default: packaged)."""
    spec = load_yaml(path or rules_path(), MentionRulesFile)
    for label in (*spec.name_heads.values(), *spec.modifier_heads.values(), *spec.anatomy_heads.values(),
                  *spec.anatomy_before, *spec.anatomy_compounds, *spec.injured_classes,
                  *spec.process_modifiers, *spec.adjective_heads, *spec.name_head_suffixes.values(),
                  *spec.place_heads.values()):
        if label and not label.isupper():
            from pipeline.errors import ResourceError
            raise ResourceError(f"{path or rules_path()}: {label!r} is not a class name")
    return MentionRules(
        frozenset(w.lower() for w in spec.name_participles),
        {k.lower(): v for k, v in spec.name_heads.items()},
        {k.lower(): v for k, v in spec.modifier_heads.items()},
        tuple(spec.generic),
        tuple(sorted((tuple(p.lower().split()) for p in spec.deficit_before), key=len, reverse=True)),
        frozenset(w.lower() for w in spec.deficit_after),
        tuple(spec.eponym_heads),
        {k.lower(): v for k, v in spec.anatomy_heads.items()},
        frozenset(spec.anatomy_before),
        frozenset(w.lower() for w in spec.process_heads),
        frozenset(spec.process_modifiers),
        tuple((k.lower(), tuple(v)) for k, v in spec.adjective_suffixes.items()),
        frozenset(w.lower() for w in spec.institution_heads),
        frozenset(spec.adjective_heads),
        tuple((k.lower(), v) for k, v in spec.name_head_suffixes.items()),
        frozenset(w.lower() for w in spec.deficit_functions),
        frozenset(w.lower() for w in spec.deficit_domains),
        frozenset(w.lower() for w in spec.function_heads),
        tuple(w.lower() for w in spec.process_suffixes),
        frozenset(w.lower() for w in spec.anatomy_modifiers),
        frozenset(w.lower() for w in spec.course_modifiers),
        frozenset(w.lower() for w in spec.process_loci),
        tuple(w.lower() for w in spec.system_nouns),
        tuple(w.lower() for w in spec.region_nouns),
        {k.lower(): v.lower() for k, v in spec.head_synonyms.items()},
        {k.lower(): v for k, v in spec.place_heads.items()},
        {k.lower(): v.lower() for k, v in spec.dysfunction_heads.items()},
        frozenset(w.lower() for w in spec.relational_participles),
        frozenset(w.lower() for w in spec.privative_prefixes),
        frozenset(w.lower() for w in spec.source_participles),
        frozenset(w.lower() for w in spec.instrument_qualifiers),
        frozenset(w.lower() for w in spec.instrument_heads),
        frozenset(w.lower() for w in spec.culture_cues),
        frozenset(w.lower() for w in spec.standard_heads),
        frozenset(spec.anatomy_compounds),
        frozenset(spec.injured_classes),
        frozenset(w.lower() for w in spec.course_heads),
        frozenset(spec.unstopped),
    )
