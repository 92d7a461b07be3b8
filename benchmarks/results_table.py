"""The results a benchmark writes: ``<name>.csv`` (measure, value) and ``<name>.md`` (a table and a note)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path


def write_results(out: Path, name: str, rows: Sequence[tuple[str, object]], note: str) -> str:
    """Write ``out/<name>.csv`` and ``out/<name>.md``; return the Markdown."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / f"{name}.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["measure", "value"])
        writer.writerows(rows)
    text = "\n".join(["| measure | value |", "|---|---|", *(f"| {m} | {v} |" for m, v in rows), "", note])
    (out / f"{name}.md").write_text(text + "\n")
    return text
