"""CoNLL-U reader: sentences, documents, multiword tokens skipped, heads, errors."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from pipeline.errors import MechmineError
from pipeline.gold.treebank import read_conllu

CONLLU = (
    "# newdoc id = doc7\n# sent_id = s1\n# text = Cells grow.\n"
    "1\tCells\tcell\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tgrow\tgrow\tVERB\tVBP\t_\t0\tROOT\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
    "# sent_id = s2\n"
    "1-2\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tcan\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n"
    "2\tnot\tnot\tPART\tRB\t_\t3\tneg\t_\t_\n"
    "3\tstop\tstop\tVERB\tVB\tVerbForm=Inf\t0\tROOT\t_\t_\n\n"
)


@pytest.mark.parametrize("gz", [False, True])
def test_read_conllu(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("t.conllu.gz" if gz else "t.conllu")
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(CONLLU)
    else:
        path.write_text(CONLLU)
    s1, s2 = read_conllu(path)
    assert (s1.sent_id, s1.doc_id, s1.text) == ("s1", "doc7", "Cells grow.")
    assert s1.words == ["Cells", "grow", "."]
    assert s1.tokens[0].morph == "Number=Plur" and s1.tokens[1].morph == ""
    assert [t.space_after for t in s1.tokens] == [True, False, True]
    assert s1.heads() == [1, 1, 1]
    assert [t.dep for t in s1.tokens] == ["nsubj", "ROOT", "punct"]
    assert (s2.doc_id, s2.words, s2.text) == ("doc7", ["can", "not", "stop"], "can not stop")
    assert s2.heads() == [2, 2, 2]


def test_bad_treebank(tmp_path: Path) -> None:
    with pytest.raises(MechmineError, match="no such treebank"):
        list(read_conllu(tmp_path / "none.conllu"))
    path = tmp_path / "bad.conllu"
    path.write_text("1\tCells\tcell\tNOUN\tNNS\t_\tnot-a-head\tnsubj\t_\t_\n\n")
    with pytest.raises(MechmineError, match="not valid CoNLL-U"):
        list(read_conllu(path))
