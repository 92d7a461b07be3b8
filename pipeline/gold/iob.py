"""IOB gold files: one token<TAB>tag per line, a blank line between sentences, ``-DOCSTART-`` lines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import MechmineError
from pipeline.gold.model import GoldDoc, GoldMention


def read_iob(path: Path) -> Iterator[GoldDoc]:
    """Sentences of a token<TAB>tag file (blank line between sentences), text = tokens joined by spaces."""
    words: list[str] = []
    tags: list[str] = []
    n = group = 0
    with path.open(encoding="utf-8") as handle:
        for line in [*handle, "\n"]:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    n += 1
                    yield iob_doc(f"{path.name}:{n}", words, tags, group)
                    words, tags = [], []
                continue
            parts = line.split("\t")
            if parts[0] == "-DOCSTART-":
                group += 1
                continue
            if len(parts) < 2:
                raise MechmineError(f"{path}: line {line!r} is not token<TAB>tag")
            words.append(parts[0])
            tags.append(parts[-1])


def iob_doc(doc_id: str, words: list[str], tags: list[str], group: int = 0) -> GoldDoc:
    """One sentence's tokens and IOB tags as a text (tokens joined by spaces) with its mentions.

    An ``I-`` tag that does not continue a mention of its label starts one (IOB1).
    """
    mentions: list[GoldMention] = []
    pos = 0
    start = label = None
    end = 0
    for word, tag in zip(words, tags, strict=True):
        begin = tag.startswith("B-") or (tag.startswith("I-") and (label is None or tag[2:] != label))
        if (tag == "O" or begin) and label is not None:
            mentions.append(GoldMention(start, end, label))  # type: ignore[arg-type]
            start = label = None
        if begin:
            start, label = pos, tag[2:]
        end = pos + len(word)
        pos = end + 1
    if label is not None:
        mentions.append(GoldMention(start, end, label))  # type: ignore[arg-type]
    return GoldDoc(doc_id, " ".join(words), mentions, group)
