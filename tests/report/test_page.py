"""report.html: every number on the page equals the tables it was built from; nothing is fetched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import load_outputs
from pipeline.cli import app
from pipeline.report import write_report
from pipeline.report.data import RELATION_COLUMNS, context


def _page(folder: Path) -> tuple[lxml.html.HtmlElement, dict]:
    root = lxml.html.fromstring((folder / "report.html").read_bytes())
    data = json.loads(root.get_element_by_id("mechmine-data").text)
    return root, data


def test_summary_counts_equal_tables(mini_run: Path) -> None:
    tables = load_outputs(mini_run)
    root, data = _page(mini_run)
    shown = {s.get("data-count"): int(s.text) for s in root.cssselect("#summary [data-count]")}
    expected = {"articles": len(tables["articles"]), "entities": len(tables["entities"]),
                "relations": len(tables["relations"]), "evidence": len(tables["mechanisms"])}
    assert shown == expected == {k: data["summary"][k] for k in expected}
    assert expected["relations"] > 0 and expected["evidence"] > 0


def test_heatmap_cells_equal_matrix_and_open_their_evidence(mini_run: Path) -> None:
    tables = load_outputs(mini_run)
    matrix = tables["mechanism_matrix"].set_index("article_id")
    evidence = tables["mechanisms"]
    root, data = _page(mini_run)
    cells = root.cssselect("#heatmap td.cell")
    mech_ids = [m["id"] for m in data["mechanisms"]]
    assert len(cells) == len(matrix) * len(mech_ids) > 0
    for td in cells:
        article, mech = td.get("data-key").split("|")
        count = int(matrix.loc[article, mech])
        assert int(td.text) == int(td.get("data-count")) == count
        behind = evidence[(evidence.article_id == article) & (evidence.mechanism_id == mech)]
        items = data["cells"].get(td.get("data-key"), [])
        assert len(items) == len(behind) == count
        assert [i["id"] for i in items] == behind.evidence_id.tolist()
        for item in items:
            if item["type"] == "relation":
                assert data["relations"][item["relation"]]["relation_id"] == item["id"]


def test_relation_rows_equal_relations_csv(mini_run: Path) -> None:
    relations = load_outputs(mini_run)["relations"]
    _, data = _page(mini_run)
    expected = json.loads(relations[list(RELATION_COLUMNS)].to_json(orient="records"))
    assert data["relations"] == expected
    assert any(r["negated"] for r in data["relations"]) and any(r["hedged"] for r in data["relations"])


def test_article_sections_count_and_anchor_their_relations(mini_run: Path) -> None:
    tables = load_outputs(mini_run)
    root, _ = _page(mini_run)
    sections = root.cssselect("article.article")
    assert len(sections) == len(tables["mechanism_matrix"])
    for section in sections:
        aid = section.get("id").removeprefix("a-")
        counts = {s.get("data-count"): int(s.text) for s in section.cssselect(".meta [data-count]")}
        rels = tables["relations"][tables["relations"].article_id == aid]
        ents = tables["entities"][tables["entities"].article_id == aid]
        assert counts == {"entities": len(ents), "relations": len(rels)}
        marks = section.cssselect("mark.entity")
        assert len(marks) <= len(ents) and (len(ents) == 0 or marks)
        links = [a.get("href").removeprefix("#") for a in section.cssselect("a.to-sentence")]
        assert len(links) == len(rels)
        for link, rel in zip(links, rels.itertuples(index=False), strict=True):
            sentence = root.get_element_by_id(link)
            assert " ".join(sentence.text_content().split()).startswith(rel.sentence.split()[0])


def test_graph_edges_weigh_articles(mini_run: Path) -> None:
    relations = load_outputs(mini_run)["relations"]
    root, _ = _page(mini_run)
    edges = root.cssselect("svg#relation-graph path.edge")
    keys = relations.assign(s=relations.subject_kb_id.where(relations.subject_kb_id != "",
                                                              relations.subject_text.str.lower()),
                            o=relations.object_kb_id.where(relations.object_kb_id != "",
                                                            relations.object_text.str.lower()))
    groups = keys.groupby(["s", "o", "predicate", "polarity", "negated"]).article_id.nunique()
    assert len(edges) == len(groups)
    assert sorted(int(e.get("data-weight")) for e in edges) == sorted(groups.tolist())
    assert (mini_run / "relation_graph.svg").read_text().startswith("<svg")
    assert (mini_run / "relation_graph.png").read_bytes()[:4] == b"\x89PNG"


def test_page_fetches_nothing(mini_run: Path) -> None:
    root, _ = _page(mini_run)
    remote = [el.get(a) for el in root.iter() for a in ("src", "href")
              if el.get(a) and re.match(r"^(https?:)?//", el.get(a))]
    assert remote == []
    assert root.cssselect("script[src], link[rel=stylesheet], img[src^=http]") == []
    assert root.cssselect("style") and "function" in root.cssselect("script:not([type])")[0].text


def test_run_refreshes_the_report_unless_told_not_to(mini_run: Path, tmp_path: Path) -> None:
    src = mini_run.parent / "records.jsonl"
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(src), "--out", str(out), "--no-report", "-q"]).exit_code == 0
    assert (out / "relations.csv").is_file() and not (out / "report.html").exists()
    assert runner.invoke(app, ["run", str(src), "--out", str(out), "-q"]).exit_code == 0
    _, data = _page(out)
    assert data["summary"]["relations"] == len(load_outputs(out)["relations"])


def test_max_articles_cuts_the_matrix_not_the_relations(mini_run: Path, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "copy"
    shutil.copytree(mini_run, folder)
    progress: list[tuple[str, int, int]] = []
    write_report(folder, max_articles=1, progress=lambda *step: progress.append(step))
    root, data = _page(folder)
    assert len(root.cssselect("#heatmap tbody tr")) == 1 == data["summary"]["articles_shown"]
    assert len(data["relations"]) == len(pd.read_csv(folder / "relations.csv"))
    assert "Showing the first 1 of 2 articles" in root.text_content()
    assert progress[-1] == ("articles", 2, 2)


def test_report_of_a_folder_without_tables_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 1 and "run `mechmine run` first" in str(result.exception)


@pytest.mark.parametrize(("text", "start", "end", "width", "expected"), [
    ("one two three four", 4, 7, 100, {"text": "one two three four", "start": 4, "end": 7}),
    ("aaaa bbbb cccc dddd", 10, 14, 2, {"text": "…bbbb cccc dddd", "start": 6, "end": 10}),
])
def test_context_keeps_the_span_offsets(text: str, start: int, end: int, width: int, expected: dict) -> None:
    got = context(text, start, end, width)
    assert got == expected
    assert got["text"][got["start"]:got["end"]] == text[start:end]


def test_error_messages_keep_their_brackets(tmp_path: Path) -> None:
    import subprocess
    import sys

    missing = tmp_path / "mechmine[dask]"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "report", str(missing)], capture_output=True,
                          text=True, check=False, env={**__import__("os").environ, "COLUMNS": "400"})
    assert proc.returncode == 2  # a usage error (see pipeline.cli)
    assert f"no such output folder: {missing}" in proc.stderr.replace("\n", "")
