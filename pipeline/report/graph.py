"""The agents -> targets graph of a run's relations (networkx), drawn as SVG and PNG.

Nodes are concepts (kb id, else the lower-cased mention) with their class;
one edge per (subject, object, predicate, polarity, negated) whose weight is
the number of articles stating it. The layout is networkx's, computed per
connected component (Kamada-Kawai; no randomness), so the same tables give
the same picture; the inline SVG (template ``graph.svg.j2``) and the PNG for papers (matplotlib) share it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from pipeline.report.data import COLORS

POLARITY_COLORS = {"positive": "#2a9d8f", "negative": "#d62828", "neutral": "#6c757d"}
MAX_NODES = 120
WIDTH, HEIGHT, MARGIN = 1200, 820, 50


@dataclass(frozen=True)
class GraphView:
    """A laid-out graph: node and edge dicts with positions, ready for a template."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    n_nodes: int  # before the MAX_NODES cut
    n_edges: int
    width: int = WIDTH
    height: int = HEIGHT


def _key(kb_id: str, text: str) -> str:
    return kb_id or text.lower()


def relation_graph(relations: pd.DataFrame) -> nx.MultiDiGraph:
    """Concepts and their relations: edge weight = articles stating the (s, o, predicate, polarity)."""
    graph = nx.MultiDiGraph()
    edges: dict[tuple[str, str, str, str, bool], set[str]] = {}
    for r in relations.itertuples(index=False):
        s, o = _key(r.subject_kb_id, r.subject_text), _key(r.object_kb_id, r.object_text)
        for node, text, label in ((s, r.subject_text, r.subject_label), (o, r.object_text, r.object_label)):
            if node not in graph:
                graph.add_node(node, label=text, cls=label)
        edges.setdefault((s, o, r.predicate, r.polarity, bool(r.negated)), set()).add(r.article_id)
    for (s, o, pred, pol, neg), arts in sorted(edges.items()):
        graph.add_edge(s, o, predicate=pred, polarity=pol, negated=neg, weight=len(arts),
                       articles=sorted(arts))
    return graph


def _top(graph: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """The ``limit`` nodes with the most article-weighted edges (all of them when fewer)."""
    if graph.number_of_nodes() <= limit:
        return graph
    strength = dict(graph.degree(weight="weight"))
    keep = sorted(graph.nodes, key=lambda n: (-strength[n], n))[:limit]
    return graph.subgraph(keep).copy()


def layout(graph: nx.MultiDiGraph) -> GraphView:
    """Positions in SVG pixels (spring layout, seed 0) with node and edge styles."""
    n_nodes, n_edges = graph.number_of_nodes(), graph.number_of_edges()
    graph = _top(graph, MAX_NODES)
    simple = nx.Graph(graph.to_undirected())
    pos = _positions(simple)
    xs, ys = [0.0, 1.0], [0.0, 1.0]
    span_x, span_y = 1.0, 1.0

    def px(node: str) -> tuple[float, float]:
        x, y = pos[node]
        return (round(MARGIN + (x - min(xs)) / span_x * (WIDTH - 2 * MARGIN), 1),
                round(MARGIN + (y - min(ys)) / span_y * (HEIGHT - 2 * MARGIN), 1))

    strength = dict(graph.degree(weight="weight"))
    nodes = []
    for node, attrs in sorted(graph.nodes(data=True)):
        x, y = px(node)
        nodes.append({"id": node, "label": attrs["label"], "cls": attrs["cls"], "x": x, "y": y,
                      "r": round(6 + 3 * math.sqrt(strength[node]), 1),
                      "color": COLORS.get(attrs["cls"], COLORS["OTHER"])})
    radius = {n["id"]: n["r"] for n in nodes}
    edges = []
    seen: dict[tuple[str, str], int] = {}
    for s, o, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"])):
        (x1, y1), (x2, y2) = px(s), px(o)
        bend = seen.get((s, o), 0)
        seen[(s, o)] = bend + 1
        edges.append({"source": s, "target": o, **{k: attrs[k] for k in (
            "predicate", "polarity", "negated", "weight", "articles")},
            "path": _path(x1, y1, x2, y2, radius[s], radius[o], bend),
            "color": POLARITY_COLORS.get(attrs["polarity"], POLARITY_COLORS["neutral"]),
            "stroke": round(1 + 1.5 * math.log2(attrs["weight"] + 1), 2)})
    return GraphView(nodes, edges, n_nodes, n_edges)


def _ordered(graph: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The subgraph on ``nodes`` with nodes and edges in sorted order (a subgraph view iterates a set,
    whose order changes from one process to the next)."""
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from(sorted(tuple(sorted(e)) for e in graph.subgraph(nodes).edges()))
    return sub


def _positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Kamada-Kawai positions per connected component (largest first), packed in rows of cells."""
    comps = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    if not comps:
        return {}
    big, small = comps[0], comps[1:]
    pos: dict[str, tuple[float, float]] = {}
    main = nx.kamada_kawai_layout(_ordered(graph, big)) if len(big) > 2 else {
        n: (float(i), 0.0) for i, n in enumerate(big)}
    share = 0.68 if small else 1.0  # the largest component takes the left of the picture
    xs, ys = [p[0] for p in main.values()], [p[1] for p in main.values()]
    sx, sy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    for n, (x, y) in main.items():
        pos[n] = ((x - min(xs)) / sx * share, (y - min(ys)) / sy)
    cols = max(1, round(math.sqrt(len(small) * 0.6))) if small else 1
    rows = max(1, math.ceil(len(small) / cols))
    cell_w, cell_h = (1 - share - 0.04) / cols, 1 / rows
    for i, comp in enumerate(small):
        cx = share + 0.04 + (i % cols + 0.5) * cell_w
        cy = (i // cols + 0.5) * cell_h
        local = nx.circular_layout(_ordered(graph, comp)) if len(comp) > 1 else {comp[0]: (0.0, 0.0)}
        for n, (x, y) in local.items():
            pos[n] = (cx + x * cell_w * 0.32, cy + y * cell_h * 0.32)
    return pos


def _path(x1: float, y1: float, x2: float, y2: float, r1: float, r2: float, bend: int) -> str:
    """An SVG path from the edge of one circle to the other, curved for parallel edges and loops."""
    if (x1, y1) == (x2, y2):  # self-loop
        return f"M{x1},{y1 - r1} C{x1 - 40},{y1 - 60} {x1 + 40},{y1 - 60} {x1},{y1 - r1}"
    dx, dy = x2 - x1, y2 - y1
    dist = math.hypot(dx, dy)
    ux, uy = dx / dist, dy / dist
    sx, sy = x1 + ux * r1, y1 + uy * r1
    ex, ey = x2 - ux * (r2 + 4), y2 - uy * (r2 + 4)
    offset = 18 * bend * (1 if bend % 2 else -1) if bend else 8
    cx, cy = (sx + ex) / 2 - uy * offset, (sy + ey) / 2 + ux * offset
    return f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"


def write_png(view: GraphView, path: Path) -> None:
    """The graph as a PNG (matplotlib) with the inline SVG's positions, for papers."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch

    fig, ax = plt.subplots(figsize=(WIDTH / 100, HEIGHT / 100))
    where = {n["id"]: (n["x"], n["y"]) for n in view.nodes}
    for e in view.edges:
        ax.add_patch(FancyArrowPatch(where[e["source"]], where[e["target"]], arrowstyle="-|>",
                                     mutation_scale=10, color=e["color"], lw=e["stroke"] * 0.7,
                                     linestyle="--" if e["negated"] else "-", alpha=0.75,
                                     connectionstyle="arc3,rad=0.12"))
    for n in view.nodes:
        ax.scatter([n["x"]], [n["y"]], s=(n["r"] * 1.6) ** 2, color=n["color"], edgecolors="#333",
                   linewidths=0.6, zorder=3)
        ax.text(n["x"], n["y"] + n["r"] + 9, n["label"][:24], ha="center", va="center", fontsize=6,
                zorder=4)
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(HEIGHT, 0)
    ax.axis("off")
    ax.set_title("Agents -> targets (edge width: articles; green raises, red lowers, dashed negated)",
                 fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=150, format="png")
    plt.close(fig)
