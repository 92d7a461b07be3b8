"""``mechmine train parser`` / ``ship-parser`` / ``evaluate parser`` on a tiny hand-written treebank."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import spacy
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate.parser import score_parser

# two sentences in CoNLL-U (ClearNLP labels, as in CRAFT), written for this test
SENTENCES = """\
# text = MSCs secrete BDNF.
1\tMSCs\tmsc\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\tsecrete\tsecrete\tVERB\tVBP\tTense=Pres\t0\tROOT\t_\t_
3\tBDNF\tbdnf\tPROPN\tNNP\tNumber=Sing\t2\tdobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = IL-10 inhibits T cells.
1\tIL-10\til-10\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_
2\tinhibits\tinhibit\tVERB\tVBZ\tTense=Pres\t0\tROOT\t_\t_
3\tT\tt\tNOUN\tNN\tNumber=Sing\t4\tcompound\t_\t_
4\tcells\tcell\tNOUN\tNNS\tNumber=Plur\t2\tdobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def test_train_ship_and_score_a_parser(tmp_path: Path) -> None:
    train = tmp_path / "train.conllu.gz"
    with gzip.open(train, "wt", encoding="utf-8") as handle:
        handle.write(SENTENCES * 8)
    dev = tmp_path / "dev.conllu"
    dev.write_text(SENTENCES, encoding="utf-8")
    out = tmp_path / "parser"
    result = CliRunner().invoke(app, ["train", "parser", "--train", str(train), "--dev", str(dev),
                                      "--out", str(out), "--max-steps", "4", "--eval-frequency", "2",
                                      "--set", "components.parser.min_action_freq=1"])
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "model-best" / "meta.json").read_text())
    assert meta["mechmine"]["format"] == "conllu" and set(meta["mechmine"]["dev_scores"]) == {
        "dep_uas", "dep_las", "pos_acc", "tag_acc", "lemma_acc"}
    assert meta["pipeline"] == ["tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser"]

    rows = score_parser(spacy.load(out / "model-best"), dev)
    assert [(r.tokens, r.n_sentences, r.n_tokens) for r in rows] == [("gold", 2, 9), ("mechmine", 2, 9)]
    assert all(0.0 <= v <= 1.0 for r in rows for v in r.scores.values())

    from pipeline.train import ship_parser

    info = ship_parser(out, {"dev": rows[0].scores}, "tiny", dest_root=tmp_path / "shipped")
    card = (tmp_path / "shipped" / "tiny" / "MODEL_CARD.md").read_text()
    assert "CC BY 3.0" in card and "Bada" in card and "| dev |" in card
    assert "tiny:" in (tmp_path / "shipped" / "models.yaml").read_text() and info["size_mb"] > 0


def test_evaluate_parser_refuses_a_missing_treebank(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", "parser", "--gold", str(tmp_path / "none.conllu")])
    assert result.exit_code != 0 and "no treebank" in str(result.exception or result.output)
