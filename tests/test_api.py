"""The notebook API: extract() on texts and paths, Tables, load_outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app
from pipeline.schema import dtypes


def test_extract_texts() -> None:
    t = pipeline.extract(texts=[("doc1", "Mesenchymal stem cells secrete BDNF."), "  ",
                                "IL-10 suppresses T cells."])
    assert len(t.articles) == 2 and len(t.skipped) == 1
    assert list(t.articles.source_id) == ["doc1", "3"]
    rel = t.relations
    got = set(zip(rel.subject_text, rel.predicate, rel.object_text, strict=True))
    assert ("Mesenchymal stem cells", "SECRETES", "BDNF") in got
    for name, frame in t.items():
        if name in ("articles", "entities", "relations"):
            assert {c: str(frame[c].dtype) for c in frame.columns} == dtypes(name)
    assert "relations=" in repr(t)
    with pytest.raises(AttributeError):
        _ = t.nonexistent


def test_extract_needs_one_input() -> None:
    with pytest.raises(ValueError):
        pipeline.extract()


def test_report_renders(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    sample = Path(__file__).resolve().parents[1] / "corpus"
    assert runner.invoke(app, ["run", str(sample), "--out", str(out)]).exit_code == 0
    result = runner.invoke(app, ["report", str(out)])
    assert result.exit_code == 0, result.output
    png = out / "mechanism_heatmap.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    page = (out / "report.html").read_text()
    assert "Idiopathic" in page and "SECRETES" in page and "mechanism_heatmap.svg" in page
    assert pipeline.load_outputs(out).mechanism_matrix.shape[0] == 5
    assert runner.invoke(app, ["report", str(tmp_path / "nowhere")]).exit_code == 1


def test_train_ner_cli(tmp_path: Path) -> None:
    """A few training steps on a tiny IOB set give a loadable pipeline with a meta file."""
    import json

    from pipeline.nlp import make_nlp

    rows = ("BDNF\tB-GENE\nprotects\tO\nneurons\tO\n.\tO\n\nIL\tB-GENE\n-\tI-GENE\n10\tI-GENE\n"
            "suppresses\tO\nT\tO\ncells\tO\n.\tO\n\n")
    (tmp_path / "train.tsv").write_text(rows * 5)
    (tmp_path / "dev.tsv").write_text(rows)
    out = tmp_path / "model"
    result = CliRunner().invoke(app, ["train", "ner", "--train", str(tmp_path / "train.tsv"), "--dev",
                                      str(tmp_path / "dev.tsv"), "--out", str(out), "--max-steps", "6",
                                      "--eval-frequency", "3"])
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "model-best" / "meta.json").read_text())
    assert meta["mechmine"]["labels"] == ["GENE"] and meta["mechmine"]["train_documents"] == 1
    nlp = make_nlp(model=str(out / "model-best"))
    assert "ner" in nlp.pipe_names and nlp("BDNF protects neurons.").text
    # two models in a row: the second NER gets its own encoder copy and its own name
    both = make_nlp(model=f"{out / 'model-best'},{out / 'model-best'}")
    assert {"ner", "ner_model-best"} <= set(both.pipe_names)
    assert both.pipe_names.count("mechmine_lexicon_tags") == 1
    assert both("IL-10 suppresses T cells.").text

    from pipeline.train import ship_model

    info = ship_model(out, "tiny", dest_root=tmp_path / "shipped")
    assert (tmp_path / "shipped" / "tiny" / "config.cfg").exists()
    index = (tmp_path / "shipped" / "models.yaml").read_text()
    assert "tiny:" in index and "licence_of_training_data" in index and info["size_mb"] > 0
    index_path = tmp_path / "shipped" / "models.yaml"
    index_path.write_text(index.replace("tiny:\n", "tiny:\n    finds: [GENE]\n", 1))
    assert ship_model(out, "tiny", dest_root=tmp_path / "shipped")["finds"] == ["GENE"]  # kept on re-ship


def test_train_ner_also_on_dev(tmp_path: Path) -> None:
    """--also-train adds a split to the training data; with the dev split, the meta says its scores
    are no estimate; a missing split is a one-line error."""
    import json

    rows = "BDNF\tB-GENE\nprotects\tO\nneurons\tO\n.\tO\n\n"
    (tmp_path / "train.tsv").write_text(rows * 3)
    (tmp_path / "dev.tsv").write_text(rows)
    args = ["train", "ner", "--train", str(tmp_path / "train.tsv"), "--dev", str(tmp_path / "dev.tsv"),
            "--out", str(tmp_path / "m"), "--max-steps", "2", "--eval-frequency", "2"]
    result = CliRunner().invoke(app, [*args, "--also-train", str(tmp_path / "dev.tsv")])
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "m" / "model-best" / "meta.json").read_text())["mechmine"]
    assert meta["train_documents"] == 2 and meta["also_trained_on"] == [str(tmp_path / "dev.tsv")]
    assert "no estimate" in meta["dev_scores_note"]
    result = CliRunner().invoke(app, [*args, "--also-train", str(tmp_path / "none.tsv")])
    assert result.exit_code == 1 and "no such gold file" in str(result.exception)


def test_train_ner_on_dev_runs_a_fixed_step_count(tmp_path: Path) -> None:
    """With the dev split in the training data there is no early stopping on it: patience off, dev
    scored only at the last step (so model-best is the last step), whatever was asked."""
    from spacy.util import load_config

    rows = "IL-6\tB-GENE\nrises\tO\n.\tO\n\n"
    (tmp_path / "train.tsv").write_text(rows * 2)
    (tmp_path / "dev.tsv").write_text(rows)
    out = tmp_path / "m"
    args = ["train", "ner", "--train", str(tmp_path / "train.tsv"), "--dev", str(tmp_path / "dev.tsv"),
            "--out", str(out), "--max-steps", "3", "--eval-frequency", "1", "--set", "training.patience=1"]
    result = CliRunner().invoke(app, [*args, "--also-train", str(tmp_path / "dev.tsv")])
    assert result.exit_code == 0, result.output
    assert "no early stopping on dev" in result.output
    training = load_config(out / "model-best" / "config.cfg")["training"]
    assert (training["max_steps"], training["eval_frequency"], training["patience"]) == (3, 3, 0)
    meta = json.loads((out / "model-best" / "meta.json").read_text())["mechmine"]
    assert meta["config_overrides"] == {"training.patience": 0, "training.max_steps": 3}
    # without the dev split among the training data the arguments stand
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "n")])
    assert result.exit_code == 0, result.output
    training = load_config(tmp_path / "n" / "model-best" / "config.cfg")["training"]
    assert (training["max_steps"], training["eval_frequency"], training["patience"]) == (3, 1, 1)


def test_training_data_keeps_only_chosen_labels(tmp_path: Path) -> None:
    from pipeline.train import gold_docbin

    (tmp_path / "t.tsv").write_text("BDNF\tB-GENE\nin\tO\nneurons\tB-CELL\n.\tO\n\n")
    _, _, every = gold_docbin(tmp_path / "t.tsv", "iob")
    _, _, kept = gold_docbin(tmp_path / "t.tsv", "iob", keep=frozenset({"CELL"}))
    assert every == {"GENE", "CELL"} and kept == {"CELL"}
