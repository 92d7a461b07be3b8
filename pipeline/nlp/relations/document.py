"""Document-level relations: what a document states once and means throughout.

``title_variants`` (``resources/document_relations.yaml``): a title that reports sequence
variants in patients with a disease ("Seven novel PHEX gene mutations in patients with
hypophosphatemic rickets") makes each variant the abstract names ("p.Cys77Arg",
"c.1234delA") a variant of that disease: the variant mention ``predicate`` the title's disease,
in the variant's sentence, with ``carried`` "title" (the ``subject_carried`` column) and rule
``document:<rule>``. Runs after :mod:`.finalize` on its relations; a pair they already relate
(in any predicate or direction) is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from spacy.tokens import Doc

from pipeline.errors import ResourceError
from pipeline.nlp.relations.context import UNSPECIFIED, own_state
from pipeline.nlp.relations.rules import RuleSet
from pipeline.nlp.relations.types import Mention, Relation
from pipeline.nlp.sentences import sentence_bounds
from pipeline.ruledata import Meta, Strict, load_yaml, resource_path

DOCUMENT_FILE = "document_relations.yaml"
TITLE = "title"  # the carried value of a relation the title states
VARIANT = "variant"


class TitleVariantsSpec(Strict):
    rule: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    predicate: str = Field(pattern=r"^[A-Z_]+$")
    object_classes: list[str] = Field(min_length=1)
    title: str = Field(min_length=1)
    not_: str = Field("", alias="not")
    document_not: str = ""

    @field_validator("title", "not_", "document_not")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ValueError(f"{pattern!r}: {err}") from err
        return pattern


class DocumentFile(Strict):
    meta: Meta
    title_variants: TitleVariantsSpec | None = None


@dataclass(frozen=True)
class TitleVariants:
    rule: str
    predicate: str
    object_classes: frozenset[str]
    title: re.Pattern[str]
    not_: re.Pattern[str] | None
    document_not: re.Pattern[str] | None = None


@dataclass(frozen=True)
class DocumentRules:
    title_variants: TitleVariants | None = None


def load_document_rules(path: Path | None = None, predicates: Sequence[str] = ()) -> DocumentRules:
    """Load ``document_relations.yaml``; ``predicates``: the known predicates (a rule naming
    another fails with the file)."""
    path = path or resource_path(DOCUMENT_FILE)
    spec = load_yaml(path, DocumentFile)
    tv = spec.title_variants
    if tv is None:
        return DocumentRules()
    if predicates and tv.predicate not in predicates:
        raise ResourceError(f"{path}: title_variants: unknown predicate {tv.predicate!r}")
    return DocumentRules(TitleVariants(tv.rule, tv.predicate, frozenset(tv.object_classes),
                                       re.compile(tv.title, re.IGNORECASE),
                                       re.compile(tv.not_, re.IGNORECASE) if tv.not_ else None,
                                       re.compile(tv.document_not, re.IGNORECASE)
                                       if tv.document_not else None))


@lru_cache(maxsize=1)
def packaged_document_rules() -> DocumentRules:
    return load_document_rules()


def _pairs(relations: Sequence[Relation]) -> set[frozenset[str]]:
    return {frozenset((r.subject.key(), r.object.key())) for r in relations}


def title_variant_relations(doc: Doc, ms: Sequence[Mention], rules: RuleSet, spec: TitleVariants,
                            relations: Sequence[Relation]) -> list[Relation]:
    """The relations a variant-reporting title gives its document (see the module docstring).
    ``ms``: the doc's argument mentions in order; ``relations``: those the sentences state."""
    bounds = sentence_bounds(doc)  # token ranges: doc.sents would make a Token per token
    if len(bounds) < 2:
        return []
    title = doc[bounds[0][0]:bounds[0][1]]
    in_title = [m for m in ms if m.start >= title.start and m.end <= title.end]
    diseases = [m for m in in_title if any(c in spec.object_classes for c in m.classes)]
    variants = [m for m in ms if own_state(rules.cues, m) == VARIANT]
    if not diseases or not variants:
        return []
    text = title.text
    if spec.not_ is not None and spec.not_.search(text):
        return []
    if not (spec.title.search(text) or any(title.start <= v.start < title.end for v in variants)):
        return []
    if spec.document_not is not None and spec.document_not.search(doc.text):
        return []
    if spec.predicate not in rules.predicates:
        raise ResourceError(f"{DOCUMENT_FILE}: title_variants: unknown predicate {spec.predicate!r}")
    polarity = rules.predicates[spec.predicate].polarity
    related = _pairs(relations)
    out: list[Relation] = []
    for v in variants:
        index = bisect_right(bounds, (v.start, len(doc) + 1)) - 1
        sent = doc[bounds[index][0]:bounds[index][1]]
        for d in diseases:
            pair = frozenset((v.key(), d.key()))
            if pair in related or v.key() == d.key():
                continue
            related.add(pair)
            out.append(Relation(v, spec.predicate, d, polarity, False, False, UNSPECIFIED,
                                f"document:{spec.rule}", "document", index, sent.start_char,
                                sent.end_char, VARIANT, "", TITLE))
    return out


def document_relations(doc: Doc, ms: Sequence[Mention], rules: RuleSet, relations: Sequence[Relation],
                       spec: DocumentRules | None = None) -> list[Relation]:
    """The document-level relations of ``doc`` beyond ``relations`` (the sentences')."""
    spec = spec if spec is not None else packaged_document_rules()
    if spec.title_variants is None:
        return []
    return title_variant_relations(doc, ms, rules, spec.title_variants, relations)
