"""load_outputs and the schema (writing is tested in tests/batch/test_sink.py)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from pipeline import schema
from pipeline.io import escape_formulas, load_outputs, unescape_formulas


def test_load_outputs_needs_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such output folder"):
        load_outputs(tmp_path / "nowhere")


def test_read_matrix_types_mechanism_columns(tmp_path: Path) -> None:
    (tmp_path / "disease_mechanism_matrix.csv").write_text(
        "primary_disease_id,primary_disease,n_articles,homing\nMESH:D1,X,2,3\n,,1,\n")
    frame = load_outputs(tmp_path)["disease_mechanism_matrix"]
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        "primary_disease_id": "string", "primary_disease": "string", "n_articles": "Int64", "homing": "Int64"}
    assert frame.primary_disease_id.tolist() == ["MESH:D1", ""]
    assert frame.homing.isna().tolist() == [False, True]


def test_records_match_schema() -> None:
    for name, record in schema.TABLES.items():
        assert [f.name for f in dataclasses.fields(record)] == schema.columns(name)
        assert all(f.metadata["doc"] for f in dataclasses.fields(record))


def test_readme_documents_every_column() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    outputs = readme[readme.index("## Outputs"):]
    for name in schema.TABLES:
        section = re.search(rf"### `{name}\.csv`(.*?)(?=\n### |\Z)", outputs, re.S)
        assert section, f"README has no section for {name}.csv"
        for column in schema.columns(name):
            assert f"`{column}`" in section.group(1), f"{name}.{column} undocumented"
    for name, keys in schema.MATRICES.items():
        assert f"`{name}.csv`" in outputs
        for column in keys:
            assert f"`{column}`" in outputs, f"{name}.{column} undocumented"


def test_csv_dtypes_keep_identifiers_as_text(tmp_path: Path) -> None:
    import pandas as pd

    from pipeline.schema import csv_dtypes

    path = tmp_path / "articles.csv"
    pd.DataFrame({"article_id": ["a"], "pmid": ["00123"], "pmcid": ["PMC1"], "year": [None]}).to_csv(
        path, index=False)
    plain = pd.read_csv(path)
    typed = pd.read_csv(path, dtype={k: v for k, v in csv_dtypes("articles").items() if k in plain.columns})
    assert plain.pmid[0] == 123 and typed.pmid[0] == "00123"
    assert str(typed.year.dtype) == "Int64"
    assert csv_dtypes("mechanism_matrix")["primary_disease_id"] == "string"


@pytest.mark.parametrize(("cell", "written"), [
    ("=1+1", "'=1+1"), ("+x", "'+x"), ("-x", "'-x"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("'=x", "''=x"), ("''-x", "'''-x"), ("'s", "'s"), ("''", "''"), ("x=1", "x=1"), ("", ""),
])
def test_formula_escape_is_undone_exactly(cell: str, written: str) -> None:
    frame = pd.DataFrame({"text": pd.array([cell, None], dtype="string"),
                          "n": pd.array([-1, 2], dtype="Int64")})
    escaped = escape_formulas(frame)
    assert escaped["text"].tolist()[0] == written
    assert escaped["n"].tolist() == [-1, 2]
    assert frame["text"].tolist()[0] == cell  # the frame itself is left alone
    pd.testing.assert_frame_equal(unescape_formulas(escaped.copy()), frame)
