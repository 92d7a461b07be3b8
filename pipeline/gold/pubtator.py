"""PubTator files: ``PMID|t|title``, ``PMID|a|abstract``, mention lines and relation lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.gold.model import GoldDoc, GoldMention

_PT_HEAD = re.compile(r"^([^|\t]+)\|([ta])\|(.*)$")


@dataclass
class PubTatorRecord:
    """One document of a PubTator file: its lines split into fields."""

    pmid: str
    title: str
    abstract: str
    mentions: list[list[str]]  # pmid, start, end, text, type, ids
    relations: list[list[str]]  # pmid, type, id1, id2[, novelty]

    @property
    def text(self) -> str:
        return f"{self.title} {self.abstract}" if self.abstract else self.title


def pubtator_records(path: Path) -> Iterator[PubTatorRecord]:
    """Documents of a PubTator file (``PMID|t|``, ``PMID|a|``, mention and relation lines)."""
    rec: PubTatorRecord | None = None
    with path.open(encoding="utf-8") as handle:
        for line in [*handle, "\n"]:
            line = line.rstrip("\n")
            head = _PT_HEAD.match(line)
            if head:
                if rec is None or rec.pmid != head.group(1):
                    if rec is not None:
                        yield rec
                    rec = PubTatorRecord(head.group(1), "", "", [], [])
                if head.group(2) == "t":
                    rec.title = head.group(3)
                else:
                    rec.abstract = head.group(3)
                continue
            parts = line.split("\t")
            if rec is not None and len(parts) >= 6 and parts[1].isdigit():
                rec.mentions.append(parts)
            elif rec is not None and len(parts) >= 4 and not parts[1].isdigit():
                rec.relations.append(parts)
            elif not line.strip() and rec is not None:
                yield rec
                rec = None
    if rec is not None:
        yield rec


def read_pubtator(path: Path) -> Iterator[GoldDoc]:
    """Documents of a PubTator file: text = title + ' ' + abstract, mentions with ids."""
    for rec in pubtator_records(path):
        ments = [GoldMention(int(p[1]), int(p[2]), p[4],
                             tuple(i for i in re.split(r"[|,;]", p[5]) if i and i != "-1"))
                 for p in rec.mentions]
        yield GoldDoc(rec.pmid, rec.text, ments)
