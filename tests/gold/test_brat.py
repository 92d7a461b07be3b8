"""brat standoff parsing and the GE 2013 regulation pairs read from it."""

from __future__ import annotations

from pathlib import Path

from pipeline.gold.brat import parse_standoff, read_brat, read_ge

A1 = "T1\tProtein 0 3\tAbc\nT2\tProtein 8 11\tDef\nT3\tProtein 20 23\tGhi\nT4\tProtein 30 33;36 39\tJk lm\n"
A2 = ("T5\tPositive_regulation 4 7\tups\n"
      "E1\tPositive_regulation:T5 Theme:T2 Cause:T1\n"
      "T6\tGene_expression 12 19\tmakes\n"
      "E2\tGene_expression:T6 Theme:T3\n"
      "E3\tNegative_regulation:T5 Theme:E2 Cause:T2\n"
      "E4\tRegulation:T5 Theme:E3 Cause:T3\n"
      "E5\tPositive_regulation:T5 Theme:T1 Theme2:T2\n"
      "M1\tNegation E1\n*\tEquiv T1 T2\nR1\tBinds Arg1:T1 Arg2:T3\nbroken line\n")


def test_parse_standoff() -> None:
    ann = parse_standoff(A1.splitlines() + A2.splitlines())
    assert ann.entities["T4"].spans == ((30, 33), (36, 39))
    assert (ann.entities["T4"].start, ann.entities["T4"].end) == (30, 39)
    assert ann.events["E3"].args == (("Theme", "E2"), ("Cause", "T2"))
    assert ann.events["E5"].roles() == {"Theme": "T2"}
    assert ann.modifications["M1"].args == (("Target", "E1"),)
    assert ann.relations["R1"].type == "Binds"
    assert set(ann.entities) == {"T1", "T2", "T3", "T4", "T5", "T6"}


def test_read_ge_pairs(tmp_path: Path) -> None:
    (tmp_path / "d1.txt").write_text("Abc ups Def makes Ghi, and Jk lm.")
    (tmp_path / "d1.a1").write_text(A1)
    (tmp_path / "d1.a2").write_text(A2)
    (tmp_path / "d0.txt").write_text("No annotations.")
    docs = list(read_ge(tmp_path))
    assert [d[0] for d in docs] == ["d0", "d1"]
    assert docs[0][2:] == ([], set())
    _, text, proteins, gold = docs[1]
    assert text.startswith("Abc ups Def")
    # the discontinuous T4 is not a protein for pairs; E3's event theme stands for Ghi,
    # E4's event theme chains E3 -> E2 -> Ghi, itself, so it is dropped; E5 has no Cause
    assert [(p.key, p.start, p.end) for p in proteins] == [("abc", 0, 3), ("def", 8, 11), ("ghi", 20, 23)]
    assert gold == {("abc", "def", "positive"), ("def", "ghi", "negative")}
    assert [d.doc_id for d in read_brat(tmp_path)] == ["d0", "d1"]
