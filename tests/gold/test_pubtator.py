"""PubTator reader: titles, abstracts, mentions with ids, relation lines."""

from __future__ import annotations

from pathlib import Path

from pipeline.gold.corpus import read_gold
from pipeline.gold.pubtator import pubtator_records, read_pubtator

PT = ("7|t|Drug X lowers fever.\n7|a|It also eases pain.\n"
      "7\t0\t6\tDrug X\tChemical\tD01\n7\t14\t19\tfever\tDisease\tD02|D03\n"
      "7\t35\t39\tpain\tDisease\t-1\n7\tCID\tD01\tD02\n\n"
      "8|t|Only a title.\n8|a|\n\n")


def test_records_and_docs(tmp_path: Path) -> None:
    path = tmp_path / "x.PubTator"
    path.write_text(PT)
    recs = list(pubtator_records(path))
    assert [r.pmid for r in recs] == ["7", "8"]
    assert recs[0].relations == [["7", "CID", "D01", "D02"]]
    assert recs[1].text == "Only a title."
    docs = list(read_pubtator(path))
    first = docs[0]
    assert first.text == "Drug X lowers fever. It also eases pain."
    assert [(first.text[m.start:m.end], m.label, m.ids) for m in first.mentions] == [
        ("Drug X", "Chemical", ("D01",)), ("fever", "Disease", ("D02", "D03")), ("pain", "Disease", ())]
    assert [d.doc_id for d in read_gold(path, "pubtator")] == ["7", "8"]


def test_record_without_blank_line_at_end(tmp_path: Path) -> None:
    path = tmp_path / "y.txt"
    path.write_text("1|t|A.\n1|a|B.\n2|t|C.")
    assert [(r.pmid, r.text) for r in pubtator_records(path)] == [("1", "A. B."), ("2", "C.")]
