"""Short names that are an entity only in context ("M2" in a sentence about macrophages): the
rules of ``resources/contextual_terms.yaml``, validated on load, and the one-token mentions they
give (source "lexicon:contextual"). Split out of :mod:`pipeline.nlp.lexicon_matcher`, which
calls :func:`contextual_spans` after the lexicon's own matches."""

# No ``from __future__ import annotations``: as in the matcher, annotations stay real types.

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from pipeline.lexicon import Concept, Lexicon, Match
from pipeline.lexicon.normalize import HYPHEN, token_norm
from pipeline.lexicon.tokens import KeyedText
from pipeline.nlp.sentences import sentence_bounds
from pipeline.ruledata import Meta, Strict, compile_pattern, load_yaml, resource_path

log = logging.getLogger(__name__)


class ContextualTermSpec(Strict):
    text: str
    term: str
    context: str


class ContextualTermsFile(Strict):
    meta: Meta
    terms: list[ContextualTermSpec]


@dataclass(frozen=True)
class ContextualTerm:
    """Token text ``orth`` is ``concept`` when its sentence matches ``context``."""

    orth: int
    concept: Concept
    context: re.Pattern[str]


def load_contextual_terms(lexicon: Lexicon, key_of: Callable[[str], str], orth_of: Callable[[str], int],
                          path: Path | None = None) -> list[ContextualTerm]:
    """Rules of ``resources/contextual_terms.yaml``; a rule whose ``term`` the lexicon lacks is
    skipped with a warning."""
    path = path or resource_path("contextual_terms.yaml")
    spec = load_yaml(path, ContextualTermsFile)
    if not spec.terms:
        log.warning("%s: no contextual terms", path)
    out = []
    for t in spec.terms:
        concept = lexicon.lookup(key_of(t.term))
        if concept is None:  # another lexicon (lexicon_dir) may lack it: the rule is left out
            log.warning("%s: %s: %r is not a term of this lexicon; rule skipped", path, t.text, t.term)
            continue
        out.append(ContextualTerm(orth_of(t.text), concept, compile_pattern(t.context, f"{path}: {t.text}")))
    return out


def contextual_spans(doc: Doc, rules: list[ContextualTerm], taken: Iterable[tuple[int, int]],
                     keyed: KeyedText | None = None, norms: tuple[str, ...] = ()) -> list[tuple[Span, Match]]:
    """One-token mentions of contextual terms whose sentence matches the rule's context and
    that no span in ``taken`` overlaps. With the doc's ``keyed`` text and the rules' token
    keys (``norms``, see :func:`contextual_norms`), a doc whose key text holds none of them has
    no such token and is not read further."""
    if not rules or not len(doc):
        return []
    if keyed is not None and norms and not any(n in keyed.text for n in norms):
        return []
    by_orth = {r.orth: r for r in rules}
    orth = doc.to_array(ORTH)
    hit = np.zeros(len(orth), dtype=bool)
    for o in by_orth:  # a handful of rules: comparisons beat np.isin's sort
        hit |= orth == o
    hits = np.flatnonzero(hit).tolist()
    if not hits:
        return []
    covered = {i for s, e in taken for i in range(s, e)}
    bounds = sentence_bounds(doc)
    out = []
    for i in hits:
        if i in covered:
            continue
        rule = by_orth[doc[i].orth]
        s, e = next(b for b in bounds if b[0] <= i < b[1])
        if rule.context.search(doc[s:e].text):
            c = rule.concept
            out.append((Span(doc, i, i + 1, label=c.label, kb_id=c.kb_id), Match(i, i + 1, c, "contextual")))
    return out


def contextual_norms(rules: list[ContextualTerm], strings: Callable[[int], str]) -> tuple[str, ...]:
    """The token keys of the rules' texts (a token of that text puts its key in the doc's key
    text), or () when one has no key of its own (empty or a hyphen: the pre-check is off)."""
    norms = tuple(token_norm(strings(r.orth)) for r in rules)
    return norms if all(n and n != HYPHEN for n in norms) else ()
