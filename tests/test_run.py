"""One road: ``extract()`` and ``mechmine run`` give the same tables; ``run_ingest``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import FIXTURES, ROOT
from typer.testing import CliRunner

import pipeline
from pipeline import schema
from pipeline.cli import app
from pipeline.run import run_ingest


@pytest.mark.parametrize("source", [ROOT / "corpus", FIXTURES / "mini.pubtator"], ids=["sample", "pubtator"])
def test_extract_equals_mechmine_run(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(source), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    written = pipeline.load_outputs(out)
    extracted = pipeline.extract([source])
    assert list(extracted) == schema.OUTPUTS and list(written) == schema.OUTPUTS
    assert len(extracted.articles) >= 3 and len(extracted.relations) > 0
    assert len(extracted.disease_mechanism_matrix) > 0 and len(extracted.factor_mechanism_matrix) > 0
    for name in schema.OUTPUTS:
        pd.testing.assert_frame_equal(extracted[name], written[name], obj=name)


def test_extract_texts_has_every_table() -> None:
    tables = pipeline.extract(texts=["IL-10 suppresses T cells.", ""])
    assert list(tables) == schema.OUTPUTS
    assert len(tables.articles) == 1 and tables.skipped.reason.tolist() == ["empty text"]
    assert tables.mechanism_matrix.article_id.tolist() == tables.articles.article_id.tolist()


def test_run_ingest_writes_three_tables(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run_ingest([str(FIXTURES / "mini.pubtator")], out)
    assert sorted(p.name for p in report.written) == ["articles.csv", "removed_blocks.csv", "skipped.csv"]
    assert report.n_articles == 3 and report.exit_code == 0
    assert pipeline.load_outputs(out).articles.source_id.tolist() == ["90000001", "90000002", "90000003"]


def test_run_ingest_writes_nothing_when_nothing_is_read(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run_ingest([str(tmp_path / "missing.txt")], out)
    assert report.exit_code == 1 and report.written == [] and not out.exists()


def test_report_is_current_only_for_the_tables_it_was_made_from(tmp_path: Path) -> None:
    from pipeline.run import mark_report, report_current

    (tmp_path / "relations.csv").write_text("a\n1\n")
    (tmp_path / "report.html").write_text("<p>")
    assert not report_current(tmp_path, 50)  # never stamped
    mark_report(tmp_path, 50, [tmp_path / "report.html"])
    assert report_current(tmp_path, 50)
    assert not report_current(tmp_path, 10)  # another --max-articles
    (tmp_path / "relations.csv").write_text("a\n2\n")
    assert not report_current(tmp_path, 50)  # a table changed
    mark_report(tmp_path, 50, [tmp_path / "report.html"])
    (tmp_path / "report.html").unlink()
    assert not report_current(tmp_path, 50)  # a report file is gone


def test_rerun_with_nothing_new_skips_the_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    src = FIXTURES / "mini.pubtator"
    assert CliRunner().invoke(app, ["run", str(src), "--out", str(out), "-q"]).exit_code == 0
    before = (out / "report.html").stat().st_mtime_ns
    assert CliRunner().invoke(app, ["run", str(src), "--out", str(out), "-q"]).exit_code == 0
    assert (out / "report.html").stat().st_mtime_ns == before


def test_the_batch_machinery_does_not_import_spacy() -> None:
    """A re-run with nothing new must not pay for importing spaCy (about a second)."""
    import subprocess
    import sys

    code = ("import sys, pipeline.cli, pipeline.run, pipeline.batch; "
            "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=ROOT, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "[]"
