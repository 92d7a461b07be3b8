"""The lexicon's records and table columns: :class:`Concept` (one vocabulary entry) and :class:`Match`."""

from __future__ import annotations

from dataclasses import dataclass

TERM_COLUMNS = ["key", "case_form", "term", "kb_id", "source"]
MATCH_COLUMNS = ["key", "case_form", "kb_id", "source"]  # what matching reads of the terms
LENGTH_BITS = 12  # automaton values: group << LENGTH_BITS | key length (keys up to 4094 characters)
LENGTH_MASK = (1 << LENGTH_BITS) - 1
CONCEPT_COLUMNS = ["kb_id", "canonical_name", "label", "classes", "xrefs"]


@dataclass(frozen=True)
class Concept:
    """One entry of the vocabulary."""

    kb_id: str
    canonical_name: str
    label: str
    classes: tuple[str, ...]
    xrefs: tuple[str, ...]


@dataclass(unsafe_hash=True)  # not frozen: treat as immutable (a frozen __init__ costs 3x, and the
class Match:                  # matcher makes tens of thousands per thousand abstracts); hashed by value
    """Tokens ``start:end`` match a term of ``concept`` (found via ``source``); never changed once
    made (``dataclasses.replace`` makes another)."""

    start: int
    end: int
    concept: Concept
    source: str
    key: str = ""
    stopped: bool = False  # every candidate that fits is in the caller's stoplist
