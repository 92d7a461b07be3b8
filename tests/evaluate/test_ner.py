"""NER scoring: strict/lenient counts, ids, label maps and aliases."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import MechmineError
from pipeline.evaluate.ner import Predicted, guess_label_map, load_label_map, score
from pipeline.gold.model import GoldDoc, GoldMention


def test_score_strict_lenient_and_ids() -> None:
    gold = GoldDoc("d", "IL - 2 binds T cells", [GoldMention(0, 6, "protein", ("D1",)),
                                                   GoldMention(13, 20, "cell_type")])
    preds = [Predicted(0, 6, "protein", ("MESH:D1",)), Predicted(15, 20, "cell_type", ()),
             Predicted(7, 12, "protein", ())]
    s = score([(gold, preds)], ["protein", "cell_type"])
    assert (s.strict["protein"].tp, s.strict["protein"].fp, s.strict["protein"].fn) == (1, 1, 0)
    assert (s.strict["cell_type"].tp, s.strict["cell_type"].fn) == (0, 1)
    assert s.lenient["cell_type"].tp == 1
    assert s.norm_accuracy == 1.0
    assert s.overall("strict").f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_label_maps() -> None:
    assert load_label_map("bc5cdr") == {"Chemical": ["CHEMICAL"], "Disease": ["DISEASE"],
                                        "~group_nouns": ["drop"]}
    assert guess_label_map(Path("x/BC2GM/devel.tsv")) == "bc2gm"
    with pytest.raises(MechmineError):
        load_label_map("nonsense")
    with pytest.raises(MechmineError):
        guess_label_map(Path("mystery.tsv"))


def test_label_aliases_score_gold_types_as_one(tmp_path: Path) -> None:
    """NCBI's PubTator release has four disease mention types; they are scored as Disease."""
    from pipeline.evaluate.ner import evaluate_ner, load_label_map
    from pipeline.nlp import make_nlp

    text = "Patients with Parkinson disease"
    mention = "1\t14\t31\tParkinson disease\tSpecificDisease\tD010300"
    (tmp_path / "ncbi.txt").write_text(f"1|t|{text}\n1|a|\n{mention}\n\n")
    scores = evaluate_ner(make_nlp(), tmp_path / "ncbi.txt", "pubtator", load_label_map("ncbi"))
    row = next(r for r in scores.rows() if r["label"] == "ALL")
    assert row["tp"] == 1 and row["fn"] == 0


# relations scorer (moved from tests/test_relations.py)
def test_evaluate_relations_ge_fixture(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.evaluate.relations import read_ge

    folder = Path(__file__).parents[1] / "fixtures" / "ge"
    (_, _, proteins, gold), = list(read_ge(folder))
    assert gold == {("il-4", "stat6", "positive"), ("il-10", "tnf", "negative")}
    assert len(proteins) == 4
    out = tmp_path / "ge.json"
    result = CliRunner().invoke(app, ["evaluate", "relations", "--gold", str(folder), "--json", str(out)])
    assert result.exit_code == 0, result.output
    import json

    rows = {r["match"]: r for r in json.loads(out.read_text())["rows"]}
    assert rows["with polarity"]["tp"] == 2 and rows["with polarity"]["fp"] == 0


def test_read_biored(tmp_path: Path) -> None:
    from pipeline.evaluate.relations import read_biored

    path = tmp_path / "b.PubTator"
    path.write_text("1|t|IL-10 lowers TNF.\n1|a|It works.\n1\t0\t5\tIL-10\tGeneOrGeneProduct\t3586\n"
                    "1\t13\t16\tTNF\tGeneOrGeneProduct\t7124\n1\tNegative_Correlation\t3586\t7124\tNovel\n\n")
    ((pmid, text, ents, gold),) = list(read_biored(path))
    assert pmid == "1" and text.startswith("IL-10 lowers TNF.") and len(ents) == 2
    assert gold == {("3586", "7124", "negative")}


def test_group_nouns_dropped_where_the_map_says(tmp_path: Path) -> None:
    """BC2GM does not annotate class nouns: "cytokines" is no prediction there; JNLPBA keeps it."""
    from pipeline.evaluate.ner import GROUP_MARK, evaluate_ner
    from pipeline.nlp import make_nlp

    assert GROUP_MARK in load_label_map("bc2gm") and GROUP_MARK not in load_label_map("jnlpba")
    (tmp_path / "g.tsv").write_text("They\tO\nsecrete\tO\ncytokines\tO\n.\tO\n\n")
    nlp = make_nlp()
    dropped = evaluate_ner(nlp, tmp_path / "g.tsv", "iob", load_label_map("bc2gm"))
    kept = evaluate_ner(nlp, tmp_path / "g.tsv", "iob", {"GENE": ["CYTOKINE"]})
    assert dropped.overall("strict").fp == 0 and kept.overall("strict").fp == 1
