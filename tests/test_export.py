"""mechmine export: each format read back (mechmine's readers, the bioc package, spaCy) with the same
text and offsets as the tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import load_outputs
from pipeline.cli import app
from pipeline.export import FILES, _words, export_outputs


@pytest.fixture(scope="module")
def tables(mini_run: Path) -> dict:
    return load_outputs(mini_run)


def _spans(tables: dict, aid: str) -> list[tuple[int, int, str]]:
    e = tables["entities"][tables["entities"].article_id == aid]
    return sorted(zip(e.start_char.tolist(), e.end_char.tolist(), e.label.tolist(), strict=True))


def test_pubtator_reads_back_through_mechmine(mini_run: Path, tmp_path: Path, tables: dict) -> None:
    from pipeline.gold.pubtator import pubtator_records, read_pubtator

    path = export_outputs(mini_run, "pubtator", tmp_path)
    docs = {d.doc_id: d for d in read_pubtator(path)}
    assert set(docs) == set(tables["articles"].article_id)
    for a in tables["articles"].itertuples(index=False):
        doc = docs[a.article_id]
        assert doc.text == a.text.replace("\n", " ")  # PubTator has no line breaks; offsets unchanged
        assert sorted((m.start, m.end, m.label) for m in doc.mentions) == _spans(tables, a.article_id)
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == a.text[m.start:m.end].replace("\n", " ")
    rels = [r for rec in pubtator_records(path) for r in rec.relations]
    linked = tables["relations"][(tables["relations"].subject_kb_id != "")
                                 & (tables["relations"].object_kb_id != "")]
    assert sorted(tuple(r[1:4]) for r in rels) == sorted(
        zip(linked.predicate, linked.subject_kb_id, linked.object_kb_id, strict=True))


@pytest.mark.parametrize("fmt", ["bioc-xml", "bioc-json"])
def test_bioc_reads_back_through_mechmine_and_bioc(mini_run: Path, tmp_path: Path, tables: dict,
                                                   fmt: str) -> None:
    from bioc import biocjson, biocxml

    from pipeline.ingest.readers.bioc import read_bioc_json, read_bioc_xml

    path = export_outputs(mini_run, fmt, tmp_path)
    assert path.name == FILES[fmt]
    reader = read_bioc_xml if fmt == "bioc-xml" else read_bioc_json
    ours = {d.source_id: d for d in reader(path.read_bytes(), str(path))}
    coll = (biocxml if fmt == "bioc-xml" else biocjson).loads(path.read_text(encoding="utf-8"))
    theirs = {d.id: d for d in coll.documents}
    assert set(ours) == set(theirs) == set(tables["articles"].article_id)
    for a in tables["articles"].itertuples(index=False):
        assert ours[a.article_id].text == a.text
        assert ours[a.article_id].citation.pmid == a.pmid  # leading zeros kept
        (passage,) = theirs[a.article_id].passages
        assert passage.text == a.text and passage.offset == 0
        anns = sorted((x.total_span.offset, x.total_span.end, x.infons["type"]) for x in passage.annotations)
        assert anns == _spans(tables, a.article_id)
        for x in passage.annotations:
            assert a.text[x.total_span.offset:x.total_span.end] == x.text
        rels = tables["relations"][tables["relations"].article_id == a.article_id]
        by_id = {x.id: x for x in passage.annotations}
        got = sorted((r.infons["type"], by_id[r.nodes[0].refid].text, by_id[r.nodes[1].refid].text,
                      r.infons["negated"]) for r in passage.relations)
        assert got == sorted(zip(rels.predicate, rels.subject_text, rels.object_text,
                                 rels.negated.map(lambda v: str(v).lower()), strict=True))


def test_brat_reads_back_through_mechmine(mini_run: Path, tmp_path: Path, tables: dict) -> None:
    from pipeline.gold.brat import read_brat

    folder = export_outputs(mini_run, "brat", tmp_path)
    docs = {d.doc_id: d for d in read_brat(folder)}
    assert set(docs) == set(tables["articles"].article_id)
    for a in tables["articles"].itertuples(index=False):
        ann = docs[a.article_id].a2
        assert docs[a.article_id].text == a.text
        assert sorted((t.start, t.end, t.type) for t in ann.entities.values()) == _spans(tables, a.article_id)
        rels = tables["relations"][tables["relations"].article_id == a.article_id]
        args = [dict(r.args) for r in ann.relations.values()]
        got = sorted((r.type, ann.entities[a["Arg1"]].text, ann.entities[a["Arg2"]].text)
                     for r, a in zip(ann.relations.values(), args, strict=True))
        assert got == sorted(zip(rels.predicate, rels.subject_text, rels.object_text, strict=True))
        negated = {m.args[0][1] for m in ann.modifications.values() if m.type == "Negated"}
        assert len(negated) == int(rels.negated.sum())


def test_docbin_loads_with_spacy(mini_run: Path, tmp_path: Path, tables: dict) -> None:
    import spacy
    from spacy.tokens import DocBin

    path = export_outputs(mini_run, "docbin", tmp_path)
    docs = list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))
    assert [d.user_data["article_id"] for d in docs] == tables["articles"].article_id.tolist()
    for doc, a in zip(docs, tables["articles"].itertuples(index=False), strict=True):
        assert doc.text == a.text
        spans = sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["mechmine"])
        assert spans == _spans(tables, a.article_id)
        assert {(e.start_char, e.end_char, e.label_) for e in doc.ents} <= set(spans)
        rels = tables["relations"][tables["relations"].article_id == a.article_id]
        assert [r["relation_id"] for r in doc.user_data["relations"]] == rels.relation_id.tolist()


@pytest.mark.parametrize(("text", "cuts", "words", "spaces"), [
    ("IL-10 up", set(), ["IL", "-", "10", "up"], [False, False, True, False]),
    ("ab  cd", {1}, ["a", "b", "  ", "cd"], [False, False, False, False]),
])
def test_words_rebuild_the_text(text: str, cuts: set[int], words: list[str], spaces: list[bool]) -> None:
    got = _words(text, cuts)
    assert got == (words, spaces)
    assert "".join(w + (" " if s else "") for w, s in zip(*got, strict=True)) == text


def test_export_cli_errors_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["export", str(tmp_path), "--format", "xml"]).exit_code == 2
    result = runner.invoke(app, ["export", str(tmp_path / "nowhere"), "--format", "brat"])
    assert result.exit_code == 1 and "no such output folder" in str(result.exception)
