"""The article x mechanism heatmap as PNG and SVG files (matplotlib), and its cell colours for the page."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import to_hex

from pipeline.mechanisms import default_taxonomy


def _short(text: str, n: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def cell_color(value: int, top: int) -> tuple[str, str]:
    """Background and text colour of a heatmap cell (YlOrRd, as the image)."""
    if not value:
        return "#ffffff", "#999999"
    share = value / max(top, 1)
    return to_hex(colormaps["YlOrRd"](0.12 + 0.88 * share)), "#ffffff" if share > 0.6 else "#000000"


def heatmap(matrix: pd.DataFrame, out_dir: Path) -> list[Path]:
    """Write the article x mechanism heatmap as PNG and SVG."""
    taxonomy = default_taxonomy()
    ids = [m.id for m in taxonomy if m.id in matrix.columns]
    names = {m.id: m.name for m in taxonomy}
    values = matrix[ids].fillna(0).astype(int).to_numpy() if len(matrix) else []
    labels = [f"{_short(t, 48)} ({_short(d, 28) or kind})" for t, d, kind in
              zip(matrix.title, matrix.primary_disease.fillna(""), matrix.kind, strict=True)]
    height = max(4.5, 0.55 * len(labels) + 3.2)  # room for the rotated mechanism names
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
