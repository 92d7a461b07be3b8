"""Scoring against answer keys: a fake key, fake prediction tables, the CLI with --pred and without."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import schema
from pipeline.batch.sink import TableSink
from pipeline.cli import app
from pipeline.errors import MechmineError
from pipeline.evaluate.keys import (
    article_files,
    evaluate_key,
    score_entities,
    score_mechanisms,
    score_relations,
)
from pipeline.gold.keys import read_entity_key, read_mechanism_key, read_relation_key

REL_KEY = ("file\tsubject\tpredicate\tobject\tsentence\tattribute\talso_acceptable\n"
           "docs/d1.txt\tfoo blast cells (FBCs)\tSECRETES\tbarin\t\t\t\n"
           "docs/d1.txt\tFBCs\tINHIBITS\tQX maturation\t\t\tDECREASES\n"
           "docs/d1.txt\tglorp\tACTIVATES\tzeta\t\t\t\n"
           "docs/d2.txt\tFBCs\tTREATS\twobble disease\t\t\t\n")
ENT_KEY = ("file\tmention\tclass\talso_acceptable\tnote\n"
           "docs/d1.txt\tFBCs\tCELL_TYPE\t\t\n"
           "docs/d1.txt\tbarin\tCHEMICAL\tGENE_OR_PROTEIN\t\n"
           "docs/d1.txt\tQX\tCELL_TYPE\t\t\n"
           "docs/d2.txt\twobble disease\tDISEASE\t\t\n")
MECH_KEY = ("file\tmechanism\tstrength\tevidence\n"
            "docs/d1.txt\thoming\tclear\t\n"
            "docs/d1.txt\tangiogenesis\tclear\t\n"
            "docs/d1.txt\tautophagy\tmentioned\t\n"
            "docs/d2.txt\tNONE\t\t\n")


def _article(article_id: str, source: str) -> schema.ArticleRecord:
    return schema.ArticleRecord(article_id, source, "", 0, 10, "", "document", "", "", None, "", "", "", 2,
                                "")


def _entity(article_id: str, start: int, text: str, label: str, kb_id: str = "",
            long_form: str = "") -> schema.EntityRecord:
    return schema.EntityRecord(article_id, 0, start, start + len(text), text, label, label, kb_id, "",
                               "abbreviation" if long_form else "lexicon:x", long_form)


def _relation(article_id: str, n: int, subj: tuple[str, int, str], pred: str,
              obj: tuple[str, int, str]) -> schema.RelationRecord:
    return schema.RelationRecord(f"{article_id}-r{n}", article_id, 0, subj[0], subj[2], "X", pred, obj[0],
                                 obj[2], "Y", "positive", "", False, False, "unspecified", "", "", "r", "s",
                                 subj[1], subj[1] + len(subj[0]), obj[1], obj[1] + len(obj[0]), 0, 10)


def _tables(key_dir: Path) -> dict[str, pd.DataFrame]:
    fbcs = ("FBCs", 0, "CL:1")
    articles = [_article("a1", str(key_dir / "docs" / "d1.txt")), _article("a2", "elsewhere/d2.txt"),
                _article("a9", str(key_dir / "docs" / "other.txt"))]
    entities = [_entity("a1", 0, "FBCs", "CELL_TYPE", "CL:1", "foo blast cells"),
                _entity("a1", 30, "FBCs", "CELL_TYPE", "CL:1", "foo blast cells"),
                _entity("a1", 10, "barin", "GENE_OR_PROTEIN"), _entity("a1", 20, "QX", "PROCESS"),
                _entity("a1", 40, "glorp", "CHEMICAL"),
                _entity("a2", 10, "wobble disease", "DISEASE", "D:1"),
                _entity("a2", 30, "WD", "DISEASE", "D:1"),
                _entity("a9", 0, "FBCs", "CELL_TYPE")]
    relations = [_relation("a1", 1, fbcs, "SECRETES", ("barin", 10, "")),
                 _relation("a1", 2, fbcs, "DECREASES", ("QX", 20, "")),
                 _relation("a1", 3, ("glorp", 40, ""), "INHIBITS", ("zeta", 50, "")),
                 _relation("a1", 4, ("barin", 10, ""), "ACTIVATES", ("QX", 20, "")),
                 _relation("a2", 1, ("FBCs", 0, ""), "TREATS", ("WD", 30, "D:1")),
                 _relation("a9", 1, fbcs, "SECRETES", ("barin", 10, ""))]
    evidence = [schema.MechanismEvidenceRecord("a1", "homing", "Homing", "relation", "a1-r1", 0, "", "x"),
                schema.MechanismEvidenceRecord("a1", "autophagy", "Autophagy", "keyword", "k:1-2", None, "",
                                               "autophagy"),
                schema.MechanismEvidenceRecord("a1", "antioxidant", "Antioxidant", "mention", "e:1-2", 0, "",
                                               "antioxidant"),
                schema.MechanismEvidenceRecord("a2", "homing", "Homing", "keyword", "k:3-4", None, "",
                                               "homing"),
                schema.MechanismEvidenceRecord("a9", "angiogenesis", "Angiogenesis", "keyword", "k:5-6", None,
                                               "", "angiogenic")]
    return {"articles": schema.to_frame("articles", articles),
            "entities": schema.to_frame("entities", entities),
            "relations": schema.to_frame("relations", relations),
            "mechanisms": schema.to_frame("mechanisms", evidence)}


@pytest.fixture
def key_dir(tmp_path: Path) -> Path:
    (tmp_path / "key_relations.tsv").write_text(REL_KEY)
    (tmp_path / "key_entities.tsv").write_text(ENT_KEY)
    (tmp_path / "key_mechanisms.tsv").write_text(MECH_KEY)
    return tmp_path


def test_article_files(key_dir: Path) -> None:
    files = {"docs/d1.txt": key_dir / "docs" / "d1.txt", "docs/d2.txt": key_dir / "docs" / "d2.txt"}
    assert article_files(_tables(key_dir)["articles"], files) == {"a1": "docs/d1.txt", "a2": "docs/d2.txt"}


def test_score_relations(key_dir: Path) -> None:
    scores = score_relations(read_relation_key(key_dir / "key_relations.tsv"), _tables(key_dir))
    rows = {r["file"]: r for r in scores.rows()}
    assert (rows["docs/d1.txt"]["key"], rows["docs/d1.txt"]["found"], rows["docs/d1.txt"]["predicted"],
            rows["docs/d1.txt"]["matching"]) == (3, 2, 4, 2)
    assert (rows["docs/d2.txt"]["found"], rows["docs/d2.txt"]["matching"]) == (1, 1)  # by shared id D:1
    total = rows["ALL"]
    assert (total["recall"], total["precision"], total["f1"]) == (0.75, 0.6, round(2 * .75 * .6 / 1.35, 4))
    loose = rows["ALL (arguments only)"]
    assert (loose["found"], loose["matching"]) == (4, 4)
    assert scores.missed == [{"file": "docs/d1.txt", "subject": "glorp", "predicate": "ACTIVATES",
                              "object": "zeta"}]
    assert [(u["subject"], u["predicate"]) for u in scores.unmatched] == [("glorp", "INHIBITS"),
                                                                         ("barin", "ACTIVATES")]


def test_score_entities(key_dir: Path) -> None:
    scores = score_entities(read_entity_key(key_dir / "key_entities.tsv"), _tables(key_dir))
    rows = {r["file"]: r for r in scores.rows()}
    assert (rows["ALL"]["key"], rows["ALL"]["found"], rows["ALL"]["predicted"], rows["ALL"]["matching"]) == (
        4, 3, 6, 3)
    assert (rows["ALL (text only)"]["found"], rows["ALL (text only)"]["matching"]) == (4, 4)
    assert scores.missed == [{"file": "docs/d1.txt", "mention": "QX", "class": "CELL_TYPE"}]
    assert {(u["text"], u["label"]) for u in scores.unmatched} == {("QX", "PROCESS"), ("glorp", "CHEMICAL"),
                                                                   ("WD", "DISEASE")}


def test_score_mechanisms(key_dir: Path) -> None:
    known = {"homing", "angiogenesis", "autophagy", "antioxidant"}
    scores = score_mechanisms(read_mechanism_key(key_dir / "key_mechanisms.tsv"), _tables(key_dir), known)
    rows = {r["file"]: r for r in scores.rows()}
    # d1: clear {homing, angiogenesis}, found {homing, autophagy, antioxidant}; autophagy is named (mentioned)
    assert (rows["docs/d1.txt"]["key"], rows["docs/d1.txt"]["found"], rows["docs/d1.txt"]["predicted"],
            rows["docs/d1.txt"]["matching"]) == (2, 1, 3, 2)
    d2, by_relation = rows["docs/d2.txt"], rows["ALL (relation evidence only)"]
    assert (d2["key"], d2["predicted"], d2["matching"]) == (0, 1, 0)
    assert (by_relation["found"], by_relation["predicted"]) == (1, 1)
    assert scores.none_docs == {"docs/d2.txt": 1}
    assert scores.missed == [{"file": "docs/d1.txt", "mechanism": "angiogenesis"}]
    assert [(u["file"], u["mechanism"], u["evidence"]) for u in scores.unmatched] == [
        ("docs/d1.txt", "antioxidant", "antioxidant"), ("docs/d2.txt", "homing", "homing")]
    with pytest.raises(MechmineError, match="taxonomy lacks: angiogenesis, autophagy"):
        score_mechanisms(read_mechanism_key(key_dir / "key_mechanisms.tsv"), _tables(key_dir),
                         {"homing", "antioxidant"})


def test_score_mechanisms_per_article(tmp_path: Path) -> None:
    (tmp_path / "k.tsv").write_text("file\tarticle\tmechanism\tstrength\n"
                                    "docs/m.txt\t1\thoming\tclear\n"
                                    "docs/m.txt\t2\tNONE\t\n")
    source = str(tmp_path / "docs" / "m.txt")
    homing = schema.MechanismEvidenceRecord("x2", "homing", "Homing", "keyword", "k:1-2", None, "", "homing")
    tables = {"articles": schema.to_frame("articles", [_article("x1", source), _article("x2", source)]),
              "mechanisms": schema.to_frame("mechanisms", [homing])}
    scores = score_mechanisms(read_mechanism_key(tmp_path / "k.tsv"), tables, {"homing"})
    rows = {r["file"]: (r["key"], r["found"], r["predicted"]) for r in scores.rows()}
    assert rows["docs/m.txt#1"] == (1, 0, 0) and rows["docs/m.txt#2"] == (0, 0, 1)  # the second article's
    assert scores.none_docs == {"docs/m.txt#2": 1}


def write_tables(out: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Tables written the way a run writes them."""
    with TableSink(out) as sink:
        for name, frame in tables.items():
            sink.append(name, frame)
        sink.commit(list(tables))


def test_cli_with_pred(key_dir: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred"
    write_tables(pred, _tables(key_dir))
    out = tmp_path / "rel.json"
    result = CliRunner().invoke(app, ["evaluate", "relations", "--gold", str(key_dir / "key_relations.tsv"),
                                      "--pred", str(pred), "--json-out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["format"] == "key" and data["rows"][-2]["found"] == 3
    result = CliRunner().invoke(app, ["evaluate", "ner", "--gold", str(key_dir / "key_entities.tsv"),
                                      "--format", "key", "--pred", str(pred), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "exhaustive" in result.output
    assert json.loads(out.read_text())["rows"][-2]["found"] == 3
    result = CliRunner().invoke(app, ["evaluate", "mechanisms", "--gold", str(key_dir / "key_mechanisms.tsv"),
                                      "--pred", str(pred), "--json-out", str(out)])
    assert result.exit_code == 0, result.output
    assert "marks NONE that get no mechanism: 0 of 1" in result.output
    assert json.loads(out.read_text())["none_documents"] == {"docs/d2.txt": 1}


def test_bad_inputs(key_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(MechmineError, match="do not exist"):
        evaluate_key("relations", key_dir / "key_relations.tsv")
    with pytest.raises(MechmineError, match="no such output folder"):
        evaluate_key("entities", key_dir / "key_entities.tsv", pred=tmp_path / "none")
    write_tables(tmp_path / "half", {"articles": _tables(key_dir)["articles"]})
    with pytest.raises(MechmineError, match="no entities, relations table"):
        evaluate_key("relations", key_dir / "key_relations.tsv", pred=tmp_path / "half")


def test_runs_the_pipeline_on_the_key_documents(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "t.txt").write_text(  # an article needs 40 words
        "Stem cells for nerve repair\n\nMesenchymal stem cells (MSCs) are being tested as a therapy for "
        "injured nerves in rats and in mice. In these animal models, MSCs secrete BDNF. The treated animals "
        "walked better than the untreated ones, and the authors plan a larger study with more animals and "
        "longer follow-up.\n")
    (tmp_path / "k.tsv").write_text("file\tsubject\tpredicate\tobject\n"
                                    "docs/t.txt\tmesenchymal stem cells (MSCs)\tSECRETES\tBDNF\n")
    scores = evaluate_key("relations", tmp_path / "k.tsv")
    assert scores.rows()[0] == {"file": "docs/t.txt", "key": 1, "found": 1, "recall": 1.0, "predicted": 1,
                                "matching": 1, "precision": 1.0, "f1": 1.0}
