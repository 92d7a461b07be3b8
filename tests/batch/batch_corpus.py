"""Helpers shared by the batch tests: a small corpus of JSONL files and table digests."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def make_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        (folder / f"doc{k:03d}.jsonl").write_text(json.dumps({
            "id": f"d{k}", "text": f"Mesenchymal stem cells secrete BDNF and IL-10 in study {k}. "
                                  f"IL-10 suppresses T cells and reduces inflammation ({k})."}) + "\n")
    return folder


def digest(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*.csv"))}
