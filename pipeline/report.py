"""``mechmine report OUTDIR``: a heatmap of the article x mechanism matrix and a static HTML page.

Reads the tables of a run (:func:`pipeline.io.load_outputs`) and writes, next
to them and atomically:

- ``mechanism_heatmap.png`` and ``.svg``: evidence counts per article (rows)
  and mechanism (columns), matplotlib;
- ``report.html``: the heatmap, the matrix, and per article its text with the
  entities highlighted (displaCy, manual mode: the entities of
  ``entities.csv``, no NLP is re-run) and its relations with their evidence.
"""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from spacy import displacy

from pipeline.errors import MechmineError
from pipeline.io import load_outputs
from pipeline.mechanisms import default_taxonomy

COLORS = {
    "CYTOKINE": "#f4a261", "GROWTH_FACTOR": "#e9c46a", "GENE_OR_PROTEIN": "#8ecae6",
    "DISEASE": "#ef8a8a", "CELL_TYPE": "#b5e48c", "CHEMICAL": "#cdb4db", "ANATOMY": "#d9d9d9",
    "PROCESS": "#a8dadc", "OTHER": "#eeeeee",
}
REPORT_FILES = ("mechanism_heatmap.png", "mechanism_heatmap.svg", "report.html")


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _short(text: str, n: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def heatmap(matrix: pd.DataFrame, out_dir: Path) -> list[Path]:
    """Write the article x mechanism heatmap as PNG and SVG."""
    taxonomy = default_taxonomy()
    ids = [m.id for m in taxonomy if m.id in matrix.columns]
    names = {m.id: m.name for m in taxonomy}
    values = matrix[ids].fillna(0).astype(int).to_numpy() if len(matrix) else []
    labels = [f"{_short(t, 48)} ({_short(d, 28) or kind})" for t, d, kind in
              zip(matrix.title, matrix.primary_disease.fillna(""), matrix.kind, strict=True)]
    height = max(2.5, 0.55 * len(labels) + 2.2)
    fig, ax = plt.subplots(figsize=(max(10, 0.62 * len(ids) + 5), height))
    if len(labels):
        im = ax.imshow(values, cmap="YlOrRd", aspect="auto", vmin=0)
        for r in range(len(labels)):
            for c in range(len(ids)):
                v = values[r][c]
                ax.text(c, r, str(v), ha="center", va="center", fontsize=8,
                        color="white" if v > values.max() * 0.6 else "black")
        fig.colorbar(im, ax=ax, fraction=0.025, pad=0.01, label="evidence count")
    ax.set_xticks(range(len(ids)), [names[i] for i in ids], rotation=50, ha="right", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.set_title("Repair mechanisms per article (evidence counts)")
    fig.tight_layout()
    written = []
    for ext in ("png", "svg"):
        path = out_dir / f"mechanism_heatmap.{ext}"
        fd, tmp = tempfile.mkstemp(prefix=".heatmap.", suffix=f".{ext}", dir=out_dir)
        os.close(fd)
        with matplotlib.rc_context({"svg.hashsalt": "mechmine"}):  # the same tables, the same SVG
            fig.savefig(tmp, dpi=130, format=ext, metadata={"Date": None} if ext == "svg" else None)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        written.append(path)
    plt.close(fig)
    return written


def _article_html(article: pd.Series, entities: pd.DataFrame, relations: pd.DataFrame) -> str:
    ents = [{"start": int(e.start_char), "end": int(e.end_char), "label": e.label}
            for e in entities.itertuples(index=False)]
    rendered = displacy.render({"text": article.text, "ents": ents, "title": None}, style="ent",
                               manual=True, page=False, options={"colors": COLORS})
    rows = "".join(
        f"<tr><td>{html.escape(r.subject_text)}</td><td><b>{r.predicate}</b></td>"
        f"<td>{html.escape(r.object_text)}</td><td>{'yes' if r.negated else ''}</td>"
        f"<td>{'yes' if r.hedged else ''}</td><td>{r.evidence_level}</td>"
        f"<td class='s'>{html.escape(r.sentence)}</td></tr>"
        for r in relations.itertuples(index=False))
    cite = " · ".join(x for x in (article.journal, str(article.year) if pd.notna(article.year) else "",
                                  f"PMID {article.pmid}" if article.pmid else "",
                                  f"doi:{article.doi}" if article.doi else "") if x)
    return (f"<section id='{html.escape(article.article_id)}'><h2>{html.escape(article.title)}</h2>"
            f"<p class='meta'>{html.escape(article.kind)} · {html.escape(cite)} · "
            f"{len(entities)} entities · {len(relations)} relations</p>"
            f"<details><summary>Text with entities</summary>{rendered}</details>"
            f"<table class='rel'><tr><th>subject</th><th>predicate</th><th>object</th><th>negated</th>"
            f"<th>hedged</th><th>evidence</th><th>sentence</th></tr>{rows}</table></section>")


def write_report(out_dir: str | os.PathLike[str], max_articles: int = 50) -> list[Path]:
    """Write the heatmap and report.html into ``out_dir`` (which holds a run's tables).

    The heatmap and the matrix show the first ``max_articles`` articles, and so
    do the per-article sections (a corpus of thousands stays a readable page).
    """
    folder = Path(out_dir)
    try:
        tables = load_outputs(folder)
    except FileNotFoundError as err:
        raise MechmineError(str(err)) from err
    needed = ("articles", "entities", "relations", "mechanism_matrix")
    missing = [t for t in needed if t not in tables]
    if missing:
        lacking = ", ".join(t + ".csv" for t in missing)
        raise MechmineError(f"{folder} lacks {lacking}; run `mechmine run` first")
    shown = tables["mechanism_matrix"].head(max_articles)
    written = heatmap(shown, folder)
    matrix = shown.drop(columns=["article_id"])
    total = len(tables["articles"])
    note = (f"<p>Showing the first {max_articles} of {total} articles; every row is in "
            f"<code>mechanism_matrix.csv</code>.</p>" if total > max_articles else "")
    legend = "".join(f"<span class='lg' style='background:{c}'>{k}</span>" for k, c in COLORS.items())
    sections = "".join(
        _article_html(a, tables["entities"][tables["entities"].article_id == a.article_id],
                      tables["relations"][tables["relations"].article_id == a.article_id])
        for _, a in tables["articles"].head(max_articles).iterrows())
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>mechmine report</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2em;max-width:1400px}}
table{{border-collapse:collapse;font-size:13px;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:3px 6px;vertical-align:top}}
td.s{{color:#444;max-width:600px}} .meta{{color:#666}} .lg{{padding:2px 6px;margin:2px;border-radius:4px}}
section{{border-top:2px solid #ddd;margin-top:2em}}
</style></head><body>
<h1>mechmine report</h1>
<p>{len(tables['articles'])} articles · {len(tables['entities'])} entities ·
{len(tables['relations'])} relations · source: <code>{html.escape(str(folder))}</code></p>
<h2>Mechanisms per article</h2>
{note}
<img src="mechanism_heatmap.svg" alt="article x mechanism heatmap" style="max-width:100%">
{matrix.to_html(index=False, na_rep="", border=0)}
<p>Entity colours: {legend}</p>
{sections}
</body></html>
"""
    path = folder / "report.html"
    _atomic_write(path, page.encode("utf-8"))
    return [*written, path]
