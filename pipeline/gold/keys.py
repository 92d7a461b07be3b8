"""Answer keys: tab-separated tables of what a reader should extract from named documents.

Both kinds have a header line and one row per item; ``file`` is the
document's path relative to the key file's folder (``docs/a02_x.txt`` next to
``key_relations.tsv``). Fields are read verbatim (no quoting); the lists in
``also_acceptable`` and ``attribute`` are separated by ``|`` or ``,``.

- Relation keys: ``file, subject, predicate, object`` and optionally
  ``sentence`` (the verbatim evidence), ``attribute`` (negated, hedged,
  implicit_subject, indirect, regulates) and ``also_acceptable`` (other
  predicates a fair reading allows).
- Entity keys: ``file, mention, class`` and optionally ``also_acceptable``
  (other classes) and ``note``. A row names a mention string once per
  document, not each occurrence.
- Mechanism keys: ``file, mechanism`` (an id of ``resources/mechanisms.yaml``,
  or ``NONE`` for a document that describes no mechanism) and optionally
  ``strength`` (``clear``: the document clearly describes it, the default;
  ``mentioned``: only named in passing), ``evidence`` (free text) and
  ``article`` (for a file that holds several articles: the article's number
  in the file, from 1; empty or 0 for the whole file).

Unknown columns and rows without a required field are errors (one line
naming the key file and row).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import MechmineError

RELATION_COLUMNS = {"required": ("file", "subject", "predicate", "object"),
                    "optional": ("sentence", "attribute", "also_acceptable")}
ENTITY_COLUMNS = {"required": ("file", "mention", "class"), "optional": ("also_acceptable", "note")}
MECHANISM_COLUMNS = {"required": ("file", "mechanism"), "optional": ("article", "strength", "evidence")}
STRENGTHS = ("clear", "mentioned")
NO_MECHANISM = "NONE"

_LIST_SEP = re.compile(r"\s*[|,]\s*")


@dataclass(frozen=True)
class KeyRelation:
    file: str  # as written in the key
    path: Path  # resolved against the key file's folder
    subject: str
    predicate: str
    object: str
    sentence: str = ""
    attributes: tuple[str, ...] = ()
    also_acceptable: tuple[str, ...] = ()

    @property
    def predicates(self) -> tuple[str, ...]:
        """The key predicate, then the also-acceptable ones."""
        return (self.predicate, *(p for p in self.also_acceptable if p != self.predicate))


@dataclass(frozen=True)
class KeyEntity:
    file: str
    path: Path
    mention: str
    label: str
    also_acceptable: tuple[str, ...] = ()
    note: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *(c for c in self.also_acceptable if c != self.label))


@dataclass(frozen=True)
class KeyMechanism:
    file: str
    path: Path
    mechanism: str  # a taxonomy id, or NO_MECHANISM
    strength: str = "clear"
    evidence: str = ""
    article: int = 0  # number of the article in the file (from 1); 0: the whole file


def split_list(value: str) -> tuple[str, ...]:
    """``'A|B'``, ``'A, B'`` -> ``('A', 'B')``; empty items dropped."""
    return tuple(v for v in _LIST_SEP.split(value.strip()) if v)


def _rows(path: Path, columns: dict[str, tuple[str, ...]]) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise MechmineError(f"no such key file: {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = reader.fieldnames or []
        missing = [c for c in columns["required"] if c not in header]
        unknown = [c for c in header if c not in (*columns["required"], *columns["optional"])]
        if missing or unknown:
            what = "; ".join(filter(None, [missing and f"missing {', '.join(missing)}",
                                           unknown and f"unknown {', '.join(unknown)}"]))
            raise MechmineError(f"{path}: not a key of this kind (columns: {what})")
        rows = []
        for n, row in enumerate(reader, start=2):
            if None in row:
                raise MechmineError(f"{path}: line {n} has more fields than the header")
            clean = {k: (v or "").strip() for k, v in row.items()}
            empty = [c for c in columns["required"] if not clean.get(c)]
            if empty:
                raise MechmineError(f"{path}: line {n} lacks {', '.join(empty)}")
            rows.append((n, clean))
    return rows


def read_relation_key(path: Path) -> list[KeyRelation]:
    """The rows of a relation key (see the module docstring)."""
    base = path.parent
    return [KeyRelation(r["file"], base / r["file"], r["subject"], r["predicate"].upper(), r["object"],
                        r.get("sentence", ""), split_list(r.get("attribute", "")),
                        tuple(p.upper() for p in split_list(r.get("also_acceptable", ""))))
            for _, r in _rows(path, RELATION_COLUMNS)]


def read_entity_key(path: Path) -> list[KeyEntity]:
    """The rows of an entity key (see the module docstring)."""
    base = path.parent
    return [KeyEntity(r["file"], base / r["file"], r["mention"], r["class"].upper(),
                      tuple(c.upper() for c in split_list(r.get("also_acceptable", ""))), r.get("note", ""))
            for _, r in _rows(path, ENTITY_COLUMNS)]


def read_mechanism_key(path: Path) -> list[KeyMechanism]:
    """The rows of a mechanism key (see the module docstring)."""
    base = path.parent
    out = []
    for n, r in _rows(path, MECHANISM_COLUMNS):
        strength = (r.get("strength") or "clear").lower()
        mechanism = r["mechanism"]
        if mechanism.upper() == NO_MECHANISM:
            mechanism, strength = NO_MECHANISM, "clear"
        elif strength not in STRENGTHS:
            raise MechmineError(f"{path}: line {n} has strength {strength!r} (use {' or '.join(STRENGTHS)})")
        number = r.get("article") or "0"
        if not number.isdigit():
            raise MechmineError(f"{path}: line {n} has article {number!r} (a number from 1, or empty)")
        out.append(KeyMechanism(r["file"], base / r["file"], mechanism, strength, r.get("evidence", ""),
                                int(number)))
    return out
