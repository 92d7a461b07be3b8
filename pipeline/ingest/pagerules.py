"""Validated contents of ``resources/pages.yaml``: the page-boundary weights and settings
(see :mod:`pipeline.ingest.pages`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator

from pipeline.errors import ResourceError
from pipeline.ruledata import Meta, Strict, load_yaml, resource_path


class PageWeightsSpec(Strict):
    glued_line: float
    chrome_run: float
    repeated_chrome: float
    title: float
    site_suffix: float
    unfinished_body: float
    closing_block: float
    site_change: float
    redefinition: float
    chrome_below: float
    echo: float = 0.0
    layout_change: float = 0.0


class FitSpec(Strict):
    """How ``benchmarks/ingest_realdocs.py --fit`` fits the weights: L2-penalised logistic
    regression; the weights named in ``shared_prior`` are shrunk towards their common mean (one
    kind of evidence of a page start, so a cue only one training page shows borrows the weight
    of the others), the rest towards zero."""

    l2: float = Field(gt=0)
    pos_weight: float = Field(gt=0)
    margin: float = Field(ge=0)
    shared_prior: list[str]

    @model_validator(mode="after")
    def _known(self) -> FitSpec:
        unknown = set(self.shared_prior) - set(PageWeightsSpec.model_fields)
        if unknown:
            raise ValueError(f"shared_prior names no weight: {sorted(unknown)}")
        return self


class PageRulesFile(Strict):
    meta: Meta
    threshold: float = Field(gt=0)
    weights: PageWeightsSpec
    fit: FitSpec
    title_max_words: int = Field(gt=0)
    layout_window: int = Field(gt=1)
    layout_after: int = Field(gt=0)
    layout_contrast: float = Field(gt=0.5, le=1)
    closing_rules: list[str]
    closing_patterns: list[str]


@dataclass(frozen=True)
class PageRules:
    """Validated contents of ``pages.yaml``."""

    threshold: float
    weights: PageWeightsSpec
    title_max_words: int
    layout_window: int
    layout_after: int
    layout_contrast: float
    closing_rules: frozenset[str]
    closing_patterns: tuple[re.Pattern[str], ...]
    meta: Meta
    fit: FitSpec


def load_page_rules(path: Path | None = None) -> PageRules:
    """Load and validate page-boundary weights (default: the packaged ``pages.yaml``)."""
    source = path or resource_path("pages.yaml")
    spec = load_yaml(source, PageRulesFile)
    try:
        patterns = tuple(re.compile(p, re.IGNORECASE) for p in spec.closing_patterns)
    except re.error as err:
        raise ResourceError(f"{source}: bad closing pattern: {err}") from err
    return PageRules(spec.threshold, spec.weights,
                     spec.title_max_words, spec.layout_window,
                     spec.layout_after, spec.layout_contrast,
                     frozenset(spec.closing_rules), patterns, spec.meta, spec.fit)


@lru_cache(maxsize=1)
def default_page_rules() -> PageRules:
    return load_page_rules()
