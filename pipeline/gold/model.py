"""Types shared by the gold readers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GoldMention:
    """A gold entity mention: character span in its document's text, gold label, gold ids."""

    start: int
    end: int
    label: str
    ids: tuple[str, ...] = ()


@dataclass
class GoldDoc:
    """A gold text (an IOB sentence or a PubTator document) with its mentions."""

    doc_id: str
    text: str
    mentions: list[GoldMention]
    group: int = 0  # IOB: documents delimited by -DOCSTART- (0 when the file has none)


@dataclass
class GoldEntity:
    """A gold entity given to the relation extractor: id (or lower-cased text), span, mechmine class."""

    key: str
    start: int
    end: int
    label: str
