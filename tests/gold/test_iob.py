"""IOB reader: sentences, mentions (IOB1 and IOB2), -DOCSTART- groups, malformed lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import MechmineError
from pipeline.gold.corpus import chunks, read_gold
from pipeline.gold.iob import iob_doc, read_iob

IOB = (
    "-DOCSTART-\tO\n\nIL\tB-protein\n-\tI-protein\n2\tI-protein\nbinds\tO\nT\tB-cell_type\n"
    "cells\tI-cell_type\n\nDone\tO\n.\tO\n\n-DOCSTART-\tO\n\nX\tB-protein\n"
)


def test_read_iob(tmp_path: Path) -> None:
    path = tmp_path / "devel.tsv"
    path.write_text(IOB)
    docs = list(read_iob(path))
    assert [d.text for d in docs] == ["IL - 2 binds T cells", "Done .", "X"]
    assert [d.doc_id for d in docs] == ["devel.tsv:1", "devel.tsv:2", "devel.tsv:3"]
    first = docs[0]
    assert [(first.text[m.start:m.end], m.label) for m in first.mentions] == [
        ("IL - 2", "protein"), ("T cells", "cell_type")]
    assert [d.group for d in docs] == [1, 1, 2]
    assert [len(c) for c in chunks(docs, 10)] == [2, 1]
    assert [len(c) for c in chunks(docs, 1)] == [1, 1, 1]


@pytest.mark.parametrize(("tags", "spans"), [
    (["I-A", "I-A", "O"], [(0, 3, "A")]),            # IOB1: I- opens a mention
    (["B-A", "B-A", "O"], [(0, 1, "A"), (2, 3, "A")]),
    (["B-A", "I-B", "I-B"], [(0, 1, "A"), (2, 5, "B")]),  # I- of another label opens one
    (["O", "O", "B-A"], [(4, 5, "A")]),
])
def test_iob_doc_spans(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    doc = iob_doc("d", ["a", "b", "c"], tags)
    assert [(m.start, m.end, m.label) for m in doc.mentions] == spans


def test_malformed_line_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("word-without-tag\n")
    with pytest.raises(MechmineError, match="token<TAB>tag"):
        list(read_iob(path))
    with pytest.raises(MechmineError, match="no such gold file"):
        read_gold(tmp_path / "missing.tsv", "iob")
    with pytest.raises(MechmineError, match="unknown gold format"):
        read_gold(path, "conll")
