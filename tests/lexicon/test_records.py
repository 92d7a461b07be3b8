"""Match records compare and hash by value (sets and dict keys of matches rely on it)."""

from __future__ import annotations

from dataclasses import replace

from pipeline.lexicon.records import Concept, Match

GENE = Concept("HGNC:1", "IL10", "GENE_OR_PROTEIN", ("GENE_OR_PROTEIN",), ())


def test_match_value_semantics() -> None:
    a, b = Match(0, 2, GENE, "hgnc", "il 10"), Match(0, 2, GENE, "hgnc", "il 10")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert replace(a, stopped=True) != a
    assert a.stopped is False
