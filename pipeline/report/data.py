"""The numbers and rows a report shows, built from a run's tables as plain JSON-able values.

:func:`report_data` is the one place the page's content is computed: the
template renders it and embeds it whole as JSON (``<script id="mechmine-data">``),
so a test can compare the page with the tables it was built from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pandas as pd

from pipeline.mechanisms import default_taxonomy

COLORS = {
    "CYTOKINE": "#f4a261", "GROWTH_FACTOR": "#e9c46a", "GENE_OR_PROTEIN": "#8ecae6",
    "DISEASE": "#ef8a8a", "CELL_TYPE": "#b5e48c", "CHEMICAL": "#cdb4db", "ANATOMY": "#d9d9d9",
    "PROCESS": "#a8dadc", "OTHER": "#eeeeee",
}
RELATION_COLUMNS = ("relation_id", "article_id", "sentence_id", "subject_text", "subject_kb_id",
                    "subject_label", "predicate", "object_text", "object_kb_id", "object_label",
                    "polarity", "subject_state", "negated", "hedged", "evidence_level", "rule_id",
                    "sentence", "subject_start", "subject_end", "object_start", "object_end",
                    "sentence_start", "sentence_end")
CONTEXT_CHARS = 120
_SPAN_ID = re.compile(r"^(?:entity|keyword):(\d+)-(\d+)$")


def _plain(value: Any) -> Any:
    """A JSON value for one table cell (pandas NA -> None, numpy scalars -> Python)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def rows(frame: pd.DataFrame, columns: tuple[str, ...] | list[str]) -> list[dict[str, Any]]:
    """``frame``'s rows as dicts of plain values, columns in the given order."""
    data = {c: [_plain(v) for v in frame[c].tolist()] for c in columns}
    return [dict(zip(columns, values, strict=True)) for values in zip(*data.values(), strict=True)]


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> dict[str, Any]:
    """The words around ``text[start:end]``: ``{"text", "start", "end"}`` (span offsets in the snippet)."""
    lo, hi = max(0, start - width), min(len(text), end + width)
    while lo > 0 and not text[lo - 1].isspace() and lo > start - width - 30:  # to a word boundary
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi < end + width + 30:
        hi += 1
    snippet = text[lo:hi]
    return {"text": ("…" if lo else "") + snippet + ("…" if hi < len(text) else ""),
            "start": start - lo + (1 if lo else 0), "end": end - lo + (1 if lo else 0)}


def _evidence_item(ev: dict[str, Any], text: str, relation_index: dict[str, int]) -> dict[str, Any]:
    item = {"type": ev["evidence_type"], "id": ev["evidence_id"], "text": ev["text"],
            "sentence_id": ev["sentence_id"], "factors": ev["factor_ids"]}
    if ev["evidence_type"] == "relation" and ev["evidence_id"] in relation_index:
        item["relation"] = relation_index[ev["evidence_id"]]
    span = _SPAN_ID.match(ev["evidence_id"] or "")
    if span and text:
        item["context"] = context(text, int(span.group(1)), int(span.group(2)))
    return item


def report_data(tables: dict[str, pd.DataFrame], max_articles: int,
                on_article: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Everything the page shows, from the tables of one run.

    The matrix, its evidence and the per-article sections cover the first
    ``max_articles`` rows of ``mechanism_matrix``; the relation table and the
    graph cover every relation; ``summary`` counts the whole run.
    """
    taxonomy = default_taxonomy()
    matrix = tables["mechanism_matrix"]
    mech_ids = [m.id for m in taxonomy if m.id in matrix.columns]
    names = {m.id: m.name for m in taxonomy}
    articles = tables["articles"]
    relations = tables["relations"]
    evidence = tables.get("mechanisms", pd.DataFrame(columns=["article_id"]))
    shown = matrix.head(max_articles)
    texts = dict(zip(articles.article_id, articles.text, strict=True))
    relation_rows = rows(relations, RELATION_COLUMNS)
    relation_index = {r["relation_id"]: n for n, r in enumerate(relation_rows)}
    by_article = {key: group for key, group in evidence.groupby("article_id", sort=False)} if len(
        evidence) else {}
    cells: dict[str, list[dict[str, Any]]] = {}
    matrix_rows = []
    for row in rows(shown, list(shown.columns)):
        aid = row["article_id"]
        if on_article is not None:
            on_article(aid)
        group = by_article.get(aid)
        items = rows(group, list(group.columns)) if group is not None else []
        for ev in items:
            cells.setdefault(f"{aid}|{ev['mechanism_id']}", []).append(
                _evidence_item(ev, texts.get(aid, ""), relation_index))
        matrix_rows.append({"article_id": aid, "title": row["title"], "kind": row["kind"],
                            "disease": row["primary_disease"] or "",
                            "counts": [row[m] or 0 for m in mech_ids]})
    meta = rows(articles[articles.article_id.isin(set(shown.article_id))],
                ["article_id", "title", "kind", "journal", "year", "doi", "pmid", "pmcid", "n_words"])
    return {
        "summary": {"articles": len(articles), "entities": len(tables["entities"]),
                    "relations": len(relations), "evidence": len(evidence),
                    "articles_shown": len(shown)},
        "mechanisms": [{"id": m, "name": names[m]} for m in mech_ids],
        "matrix": matrix_rows,
        "cells": cells,
        "relations": relation_rows,
        "articles": meta,
        "colors": COLORS,
    }
