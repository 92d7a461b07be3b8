"""brat standoff annotations (``.txt`` with ``.a1``/``.a2``, or ``.ann``), and BioNLP-ST 2013 GE pairs.

:func:`parse_standoff` reads the annotation lines brat writes: text-bound
``T`` (type, one or more ``start end`` fragments separated by ``;``, text),
events ``E`` (``type:trigger`` then ``role:ref`` arguments in order),
relations ``R`` (``type Arg1:ref Arg2:ref``) and modifications ``M``/``A``
(``type target``). Equivalences (``*``), notes (``#``) and normalisations
(``N``) are skipped.

:func:`read_ge` turns a GE 2013 folder into the directed pairs relation
evaluation scores: every Positive_regulation, Negative_regulation or
Regulation event with a Cause and a Theme gives Cause protein -> Theme protein
(an argument that is itself an event stands for that event's Theme protein,
recursively, at most five levels), with polarity positive, negative or
``any``; proteins are the ``.a1`` Protein annotations of a single fragment,
keyed by their lower-cased text; a pair of one protein with itself is
dropped. When an event repeats a role (``Theme``, ``Theme2``), the last one
counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.gold.model import GoldEntity

GE_POLARITY = {"Positive_regulation": "positive", "Negative_regulation": "negative", "Regulation": "any"}

_SPAN = re.compile(r"^\d+ \d+$")


@dataclass(frozen=True)
class TextBound:
    """A ``T`` annotation: its fragments' character spans and the text they cover."""

    id: str
    type: str
    spans: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass(frozen=True)
class Event:
    """An ``E`` annotation: type, trigger id and ``(role, ref)`` arguments as written."""

    id: str
    type: str
    trigger: str
    args: tuple[tuple[str, str], ...]

    def roles(self) -> dict[str, str]:
        """Arguments by role without its number (``Theme2`` -> ``Theme``); a repeated role keeps the last."""
        return {re.sub(r"\d+$", "", role): ref for role, ref in self.args}


@dataclass(frozen=True)
class Relation:
    """An ``R`` annotation (or an ``M``/``A`` modification, with ``args`` = ``(("Target", ref),)``)."""

    id: str
    type: str
    args: tuple[tuple[str, str], ...]


@dataclass
class Standoff:
    """The annotations of one document, by id, in file order."""

    entities: dict[str, TextBound] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    modifications: dict[str, Relation] = field(default_factory=dict)


@dataclass
class BratDoc:
    doc_id: str
    text: str
    a1: Standoff
    a2: Standoff


def parse_standoff(lines: Iterator[str] | list[str], into: Standoff | None = None) -> Standoff:
    """The annotations of brat standoff lines (malformed lines are skipped)."""
    ann = into if into is not None else Standoff()
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2 or not parts[0]:
            continue
        ident, body = parts[0], parts[1]
        kind = ident[0]
        if kind == "T" and len(parts) >= 3:
            etype, _, spans = body.partition(" ")
            frags = spans.split(";")
            if etype and all(_SPAN.match(f) for f in frags):
                ann.entities[ident] = TextBound(
                    ident, etype, tuple((int(a), int(b)) for a, b in (f.split() for f in frags)), parts[2])
        elif kind == "E":
            head, *args = body.split()
            etype, _, trigger = head.partition(":")
            ann.events[ident] = Event(ident, etype, trigger,
                                      tuple(tuple(a.split(":", 1)) for a in args if ":" in a))  # type: ignore[misc]
        elif kind == "R":
            rtype, *args = body.split()
            ann.relations[ident] = Relation(ident, rtype, tuple(tuple(a.split(":", 1))  # type: ignore[misc]
                                                                for a in args if ":" in a))
        elif kind in "MA":
            mtype, *target = body.split()
            ann.modifications[ident] = Relation(ident, mtype, (("Target", target[0]),) if target else ())
    return ann


def _standoff(path: Path) -> Standoff:
    return parse_standoff(path.read_text(encoding="utf-8").splitlines()) if path.exists() else Standoff()


def read_brat(folder: Path) -> Iterator[BratDoc]:
    """Each ``.txt`` of ``folder`` (sorted by name) with its ``.a1`` and ``.a2`` (or ``.ann`` as a2)."""
    for txt in sorted(folder.glob("*.txt")):
        a2 = txt.with_suffix(".a2")
        yield BratDoc(txt.stem, txt.read_text(encoding="utf-8"), _standoff(txt.with_suffix(".a1")),
                      _standoff(a2 if a2.exists() else txt.with_suffix(".ann")))


def ge_pairs(doc: BratDoc) -> tuple[list[GoldEntity], set[tuple[str, str, str]]]:
    """A GE document's proteins and its (cause text, theme text, polarity) regulation pairs."""
    proteins = {t.id: GoldEntity(t.text.lower(), t.start, t.end, "GENE_OR_PROTEIN")
                for t in doc.a1.entities.values() if t.type == "Protein" and len(t.spans) == 1}
    events = {e.id: (e.type, e.roles()) for e in doc.a2.events.values()}
    gold = set()
    for etype, args in events.values():
        if etype in GE_POLARITY and "Cause" in args and "Theme" in args:
            cause = _ge_protein(args["Cause"], proteins, events)
            theme = _ge_protein(args["Theme"], proteins, events)
            if cause is not None and theme is not None and cause.key != theme.key:
                gold.add((cause.key, theme.key, GE_POLARITY[etype]))
    return list(proteins.values()), gold


def read_ge(folder: Path) -> Iterator[tuple[str, str, list[GoldEntity], set[tuple]]]:
    """(doc id, text, proteins, gold pairs (cause text, theme text, polarity)) per document."""
    for doc in read_brat(folder):
        proteins, gold = ge_pairs(doc)
        yield doc.doc_id, doc.text, proteins, gold


def _ge_protein(ref: str, proteins: dict[str, GoldEntity], events: dict[str, tuple[str, dict[str, str]]],
                depth: int = 0) -> GoldEntity | None:
    """The protein an argument names: itself, or (for an event) its Theme's protein."""
    if ref in proteins:
        return proteins[ref]
    if ref in events and depth < 5:
        theme = events[ref][1].get("Theme")
        return _ge_protein(theme, proteins, events, depth + 1) if theme else None
    return None
