"""``mechmine_abbreviations``: abbreviations defined in a text inherit their long form's entity.

Builds on scispaCy's ``abbreviation_detector`` (Schwartz & Hearst 2003, "A
simple algorithm for identifying abbreviation definitions in biomedical
text"), which sets ``doc._.abbreviations`` (every occurrence of each short
form, with ``span._.long_form``). For each short form:
- if an entity ends where its long form ends (the long form's head), the short
  form gets that entity's label, id and classes;
- otherwise it gets a label from the head word of its long form
  (``resources/abbreviation_heads.yaml``), no id, and the long form as its
  canonical name; the long form becomes an entity with that label too.
The text's own definition beats the lexicon: a short-form occurrence replaces
any entity overlapping it, except a longer entity that contains it ("VEGF-C").
Sets ``doc.ents`` and ``doc._.mentions`` (source "abbreviation", long form
recorded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.nlp.extensions import MentionInfo, mentions
from pipeline.ruledata import Meta, Strict, compile_pattern, load_yaml, resource_path

OTHER = "OTHER"


class HeadRuleSpec(Strict):
    label: str = Field(pattern=r"^[A-Z_]+$")
    pattern: str
    requires: str = ""


class HeadRulesFile(Strict):
    meta: Meta
    rules: list[HeadRuleSpec]


@dataclass(frozen=True)
class HeadRule:
    label: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None


def load_head_rules(path: Path | None = None) -> list[HeadRule]:
    path = path or resource_path("abbreviation_heads.yaml")
    spec = load_yaml(path, HeadRulesFile)
    return [
        HeadRule(r.label, compile_pattern(r.pattern, f"{path}: {r.label}"),
                 compile_pattern(r.requires, f"{path}: {r.label}") if r.requires else None)
        for r in spec.rules
    ]


def head_label(long_form: Span, rules: list[HeadRule]) -> str:
    """Label of a long form from its last alphabetic word (OTHER when no rule fits)."""
    words = [t.text for t in long_form if any(c.isalpha() for c in t.text)]
    if not words:
        return OTHER
    head = words[-1]
    two = " ".join(words[-2:]).lower()
    for rule in rules:
        if (rule.pattern.search(head) or rule.pattern.search(two)) and (
                rule.requires is None or rule.requires.search(long_form.text)):
            return rule.label
    return OTHER


def _head_entity(long_form: Span, ents: list[Span], min_cover: float = 0.6) -> Span | None:
    """The entity that ends the long form and covers most of it (by characters)."""
    inside = [e for e in ents if e.start >= long_form.start and e.end == long_form.end]
    if not inside:
        return None
    best = max(inside, key=len)
    covered = (best.end_char - best.start_char) / max(1, long_form.end_char - long_form.start_char)
    return best if covered >= min_cover else None


def abbreviation_spans(doc: Doc, rules: list[HeadRule]) -> list[tuple[Span, MentionInfo]]:
    """Entity spans for short forms (and unrecognised long forms) with their info."""
    info = mentions(doc)
    ents = list(doc.ents)
    out: list[tuple[Span, MentionInfo]] = []
    for short in getattr(doc._, "abbreviations", None) or []:
        long_form = short._.long_form
        if long_form is None:
            continue
        head = _head_entity(long_form, ents)
        if head is not None:
            known = info.get((head.start_char, head.end_char))
            classes = known.classes if known else (head.label_,)
            canonical = known.canonical_name if known else head.text
            span = Span(doc, short.start, short.end, label=head.label_, kb_id=head.kb_id_)
            out.append((span, MentionInfo(classes, canonical, "abbreviation", long_form.text)))
            continue
        label = head_label(long_form, rules)
        span = Span(doc, short.start, short.end, label=label)
        out.append((span, MentionInfo((label,), long_form.text, "abbreviation", long_form.text)))
        if label != OTHER:
            whole = Span(doc, long_form.start, long_form.end, label=label)
            out.append((whole, MentionInfo((label,), long_form.text, "abbreviation_long_form", "")))
    return out


class AbbreviationPropagator:
    """The component: short forms defined in the text become entities (see module doc).

    Runs after scispaCy's ``abbreviation_detector`` (which declares no
    ``assigns``, so ``doc._.abbreviations`` is not listed in ``requires``).
    """

    def __init__(self, nlp: Language, name: str, head_rules: str) -> None:
        self.name = name
        self.rules = load_head_rules(Path(head_rules) if head_rules else None)

    def __call__(self, doc: Doc) -> Doc:
        found = abbreviation_spans(doc, self.rules)
        if not found:
            return doc
        info = mentions(doc)
        new = [s for s, _ in found]
        for span, mention in found:
            info[(span.start_char, span.end_char)] = mention
        shorts = {(s.start, s.end) for s, m in found if m.source == "abbreviation"}

        def contains(e: Span, start: int, end: int) -> bool:
            return e.start <= start and end <= e.end and (e.start, e.end) != (start, end)

        # a short form beats an entity it overlaps, unless that entity contains it
        # ("VEGF" defined, "VEGF-C" matched: VEGF-C stays)
        kept = [e for e in doc.ents
                if all(contains(e, a, b) or not (e.start < b and a < e.end) for a, b in shorts)]
        doc.ents = filter_spans([*kept, *(s for s in new if (s.start, s.end) in shorts),
                                 *(s for s in new if (s.start, s.end) not in shorts)])
        return doc


@Language.factory(
    "mechmine_abbreviations",
    requires=["doc.ents"],
    assigns=["doc.ents", "doc._.mentions"],
    default_config={"head_rules": ""},
)
def make_abbreviations(nlp: Language, name: str, head_rules: str) -> AbbreviationPropagator:
    """Propagate entities from long forms to the abbreviations a text defines."""
    return AbbreviationPropagator(nlp, name, head_rules)
