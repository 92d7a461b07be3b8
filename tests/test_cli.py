"""The command line end to end: the sample, a batch of bad inputs, exit codes, determinism."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, SAMPLE
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.io import load_outputs

runner = CliRunner()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_end_to_end_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(SAMPLE.parent), "--out", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    tables = load_outputs(out)
    arts = tables["articles"]
    assert len(arts) == 5
    assert sorted(arts["kind"]) == ["review_summary"] * 3 + ["web_page"] * 2
    assert set(arts["pmid"]) == {"35339180", "29254275", "35757508", ""}
    assert (tables["removed_blocks"]["rule_id"] == "repeated").sum() == 35
    assert tables["skipped"].empty
    assert "5 articles" in proc.stderr
    ents = tables["entities"]
    ids = dict(zip(arts["pmid"], arts["article_id"], strict=True))
    pd_ents = ents[ents.article_id == ids["35339180"]]
    assert {"BDNF", "GDNF", "IGF-1", "VEGF"} <= set(pd_ents.text)
    assert (pd_ents[pd_ents.text == "BDNF"].kb_id == "HGNC:1033").all()
    for _, e in ents.iterrows():  # offsets point into the article text
        text = arts.set_index("article_id").loc[e.article_id, "text"]
        assert text[e.start_char:e.end_char] == e.text
    summary = tables["entity_summary"]
    assert summary.n_mentions.sum() == len(ents)


def test_same_inputs_give_identical_csvs(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert runner.invoke(app, ["run", str(SAMPLE), "--out", str(tmp_path / name)]).exit_code == 0
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")


def test_article_ids_survive_reordering_and_crlf(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    crlf = tmp_path / "in"
    crlf.mkdir()
    (crlf / "stemedix_msc_articles.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    runner.invoke(app, ["run", str(SAMPLE), "--out", str(tmp_path / "a")])
    runner.invoke(app, ["run", str(crlf), "--out", str(tmp_path / "b")])
    ids_a = set(load_outputs(tmp_path / "a")["articles"]["article_id"])
    ids_b = set(load_outputs(tmp_path / "b")["articles"]["article_id"])
    assert ids_a == ids_b and len(ids_a) == 5


def _bad_batch(folder: Path) -> None:
    shutil.copy(SAMPLE, folder / "good.txt")
    shutil.copy(FIXTURES / "records.jsonl", folder / "records.jsonl")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "bad_utf8.txt").write_bytes(b"\xef\xbb\xbfHello \xff\xfe world")
    (folder / "broken.xml").write_bytes(b"<?xml version='1.0'?><PubmedArticleSet><PubmedArticle>")
    (folder / "empty.html").write_bytes(b"<html><body><script>1</script></body></html>")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1000 * 1000)


def test_bad_inputs_are_skipped_not_fatal(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _bad_batch(src)
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(src), str(tmp_path / "missing.txt"), "--out", str(out)])
    assert result.exit_code == 1
    tables = load_outputs(out)
    assert len(tables["articles"]) == 5 + 2  # the sample + two good JSONL records
    reasons = {Path(p).name: r for p, r in zip(tables["skipped"]["source_path"],
                                                tables["skipped"]["reason"], strict=True)}
    assert reasons["missing.txt"] == "no such file or folder"
    assert reasons["empty.txt"] == "empty file"
    assert reasons["image.png"].startswith("binary file")
    assert reasons["bad_utf8.txt"].startswith("undecodable bytes")
    assert reasons["broken.xml"].startswith("malformed XML")
    assert reasons["empty.html"] == "HTML page has no text"
    assert reasons["huge.txt"].startswith("file too large (50.0 MB")
    assert (tables["skipped"]["source_path"].str.endswith("records.jsonl")).sum() == 3
    assert "Traceback" not in result.output


def test_failed_run_keeps_earlier_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(SAMPLE), "--out", str(out)]).exit_code == 0
    before = _snapshot(out)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["run", str(empty), "--out", str(out)])
    assert result.exit_code == 1
    assert "left unchanged" in " ".join(result.output.split())  # rich may wrap the line
    assert _snapshot(out) == before


@pytest.mark.parametrize(
    "args",
    [["run"], ["run", "x", "--max-mb", "-1"], ["run", "x", "--bogus"], ["frobnicate"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 2


def test_out_must_be_a_folder(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    assert runner.invoke(app, ["run", str(SAMPLE), "--out", str(f)]).exit_code == 2


def test_help_everywhere() -> None:
    for args in (["--help"], ["run", "--help"], ["ingest", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Usage" in result.output


def test_evaluate_ner_cli(tmp_path: Path) -> None:
    gold = tmp_path / "devel.tsv"
    gold.write_text("MSCs\tO\nsecrete\tO\nBDNF\tB-GENE\n.\tO\n\nIL\tB-GENE\n-\tI-GENE\n10\tI-GENE\n\n")
    out = tmp_path / "scores.json"
    result = runner.invoke(app, ["evaluate", "ner", "--gold", str(gold), "--labels", "bc2gm",
                                 "--json", str(out)])
    assert result.exit_code == 0, result.output
    import json

    rows = {r["label"]: r for r in json.loads(out.read_text())["rows"]}
    assert rows["GENE"]["tp"] == 2 and rows["GENE"]["strict_f1"] == 1.0
