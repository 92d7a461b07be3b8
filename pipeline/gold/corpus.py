"""Reading a mention corpus by format name, and grouping its sentences."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import MechmineError
from pipeline.gold.iob import read_iob
from pipeline.gold.model import GoldDoc
from pipeline.gold.pubtator import read_pubtator

GOLD_FORMATS = ("iob", "pubtator")


def read_gold(path: Path, fmt: str) -> list[GoldDoc]:
    """All documents of a gold file in ``fmt`` ('iob' or 'pubtator'); MechmineError if unreadable."""
    reader = {"iob": read_iob, "pubtator": read_pubtator}.get(fmt)
    if reader is None:
        raise MechmineError(f"unknown gold format {fmt!r} (iob or pubtator)")
    if not path.is_file():
        raise MechmineError(f"no such gold file: {path}")
    return list(reader(path))


def chunks(docs: list[GoldDoc], context: int) -> Iterator[list[GoldDoc]]:
    """Consecutive gold sentences of one document, at most ``context`` at a time."""
    chunk: list[GoldDoc] = []
    for d in docs:
        if chunk and (len(chunk) >= max(1, context) or d.group != chunk[-1].group):
            yield chunk
            chunk = []
        chunk.append(d)
    if chunk:
        yield chunk
