"""``mechmine report OUTDIR``: one self-contained, explorable HTML page of a run, and figures for papers.

Reads the tables of a run (:func:`pipeline.io.load_outputs`) and writes, next
to them and atomically:

- ``report.html``: no network at view time (CSS, JS and data inline; works from
  ``file://``): the article x mechanism heatmap whose cells open the evidence
  behind them, the relation table with filters and search, the agents ->
  targets graph (inline SVG), and per article its text with the entities
  highlighted (displaCy, manual mode) and its relations linked to their
  sentences. The data it shows is embedded as JSON (``#mechmine-data``),
  built by :func:`pipeline.report.data.report_data` alone;
- ``mechanism_heatmap.png``/``.svg`` and ``relation_graph.png``/``.svg``:
  the same heatmap and graph as files for papers.

``mechmine run`` calls :func:`write_report` after writing the tables, so the
page never lags behind them.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from pipeline.errors import MechmineError
from pipeline.io import load_outputs
from pipeline.report.articles import article_html, sentence_anchor
from pipeline.report.data import COLORS, report_data
from pipeline.report.graph import POLARITY_COLORS, layout, relation_graph, write_png
from pipeline.report.heatmap import cell_color, heatmap

REPORT_FILES = ("mechanism_heatmap.png", "mechanism_heatmap.svg", "relation_graph.svg",
                "relation_graph.png", "report.html")
NEEDED = ("articles", "entities", "relations", "mechanism_matrix")
Progress = Callable[[str, int, int], None]  # (step, done, total)

__all__ = ["REPORT_FILES", "report_html", "write_report"]


def _env() -> Environment:
    return Environment(loader=PackageLoader("pipeline.report", "templates"),
                       autoescape=select_autoescape(["html", "j2", "svg"]), keep_trailing_newline=True)


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


def _cite(a: pd.Series) -> str:
    year = str(int(a.year)) if pd.notna(a.year) else ""
    parts = (a.kind, a.journal, year, f"PMID {a.pmid}" if a.pmid else "",
             f"PMC {a.pmcid}" if a.pmcid else "", f"doi:{a.doi}" if a.doi else "")
    return " · ".join(p for p in parts if p)


def _sections(tables: dict[str, pd.DataFrame], ids: list[str], tick: Callable[[], None]) -> list[dict]:
    articles = tables["articles"].set_index("article_id", drop=False)
    ents = dict(tuple(tables["entities"].groupby("article_id", sort=False)))
    rels = dict(tuple(tables["relations"].groupby("article_id", sort=False)))
    empty_e, empty_r = tables["entities"].head(0), tables["relations"].head(0)
    out = []
    for aid in ids:
        if aid not in articles.index:
            continue
        a = articles.loc[aid]
        e, r = ents.get(aid, empty_e), rels.get(aid, empty_r)
        out.append({"article_id": aid, "title": a.title, "cite": _cite(a), "n_entities": len(e),
                    "n_relations": len(r), "text_html": Markup(article_html(aid, a.text, e, r)),
                    "relations": [{**row._asdict(), "anchor": sentence_anchor(aid, int(row.sentence_id))}
                                  for row in r.itertuples(index=False)]})
        tick()
    return out


def _options(data: dict[str, Any]) -> dict[str, Any]:
    rels = data["relations"]
    opts: dict[str, Any] = {f: sorted({r[f] for r in rels if r[f]}) for f in (
        "predicate", "subject_label", "object_label", "evidence_level")}
    titles = {a["article_id"]: a["title"] for a in data["articles"]}
    opts["article_id"] = [{"value": a, "label": titles.get(a, a)}
                          for a in dict.fromkeys(r["article_id"] for r in rels)]
    return opts


def graph_svg(tables: dict[str, pd.DataFrame]) -> tuple[str, Any]:
    """The agents -> targets graph as a standalone SVG document, and its layout."""
    view = layout(relation_graph(tables["relations"]))
    classes = sorted({n["cls"] for n in view.nodes})
    svg = _env().get_template("graph.svg.j2").render(
        g=view, polarity_colors=POLARITY_COLORS, node_labels={n["id"]: n["label"] for n in view.nodes},
        classes=classes, class_colors={c: COLORS.get(c, COLORS["OTHER"]) for c in classes})
    return svg, view


def report_html(tables: dict[str, pd.DataFrame], source: str, max_articles: int = 50,
                progress: Progress | None = None) -> tuple[str, str, Any]:
    """The page, the graph SVG and its layout for ``tables`` (nothing written)."""
    from pipeline import __version__

    total = min(max_articles, len(tables["mechanism_matrix"]))
    done = [0]

    def tick(step: str) -> Callable[..., None]:
        def advance(*_: object) -> None:
            done[0] += 1
            if progress is not None:
                progress(step, done[0], 2 * total)
        return advance

    data = report_data(tables, max_articles, on_article=tick("evidence"))
    data["matrix_total"] = len(tables["mechanism_matrix"])
    svg, view = graph_svg(tables)
    sections = _sections(tables, [r["article_id"] for r in data["matrix"]], tick("articles"))
    top = max((max(r["counts"], default=0) for r in data["matrix"]), default=0)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    assets = files("pipeline.report") / "templates"
    page = _env().get_template("report.html.j2").render(
        data=data, options=_options(data), sections=sections, source=source, version=__version__, graph=view,
        colors=lambda n: cell_color(n, top), graph_svg=Markup(svg), data_json=Markup(text),
        css=Markup((assets / "report.css").read_text(encoding="utf-8")),
        js=Markup((assets / "report.js").read_text(encoding="utf-8")))
    return page, svg, view


def write_report(out_dir: str | os.PathLike[str], max_articles: int = 50,
                 progress: Progress | None = None) -> list[Path]:
    """Write report.html, the heatmap and the graph figures into ``out_dir`` (a run's folder).

    The heatmap, the cells' evidence and the per-article sections show the
    first ``max_articles`` articles of ``mechanism_matrix`` (a corpus of
    thousands stays a readable page); the relation table and the graph show
    every relation. ``progress(step, done, total)`` is called per article.
    """
    folder = Path(out_dir)
    try:
        tables = load_outputs(folder)
    except FileNotFoundError as err:
        raise MechmineError(str(err)) from err
    missing = [t for t in NEEDED if t not in tables]
    if missing:
        lacking = ", ".join(t + ".csv" for t in missing)
        raise MechmineError(f"{folder} lacks {lacking}; run `mechmine run` first")
    page, svg, view = report_html(tables, str(folder), max_articles, progress)
    written = heatmap(tables["mechanism_matrix"].head(max_articles), folder)
    graph_file = folder / "relation_graph.svg"
    _atomic_write(graph_file, svg.encode("utf-8"))
    png = folder / "relation_graph.png"
    fd, tmp = tempfile.mkstemp(prefix=".relation_graph.", suffix=".png", dir=folder)
    os.close(fd)
    write_png(view, Path(tmp))
    os.chmod(tmp, 0o644)
    os.replace(tmp, png)
    path = folder / "report.html"
    _atomic_write(path, page.encode("utf-8"))
    return [*written, graph_file, png, path]
