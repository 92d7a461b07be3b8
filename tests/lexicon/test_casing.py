"""Case by evidence: which Title-case anatomy terms also match in lower case."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.errors import ResourceError
from pipeline.lexicon.casing import lowercase_rows, read_lowercase, relax_case

TERMS = pd.DataFrame({
    "key": ["lung", "back", "cat", "zzyx", "liver"],
    "case_form": ["Lung", "Back", "CAT|Cat|cat", "Zzyx", ""],
    "term": ["Lung", "Back", "CAT", "Zzyx", "Liver"],
    "kb_id": ["M:1", "M:2", "H:1", "M:3", "M:4"],
    "source": ["mesh_label"] * 5,
})
CONCEPTS = pd.DataFrame({"kb_id": ["M:1", "M:2", "H:1", "M:3", "M:4"],
                         "label": ["ANATOMY", "ANATOMY", "GENE_OR_PROTEIN", "ANATOMY", "ANATOMY"]})
ZIPF = {"lung": 4.1, "back": 6.0, "cat": 4.8, "zzyx": 0.0, "liver": 4.0}


def test_only_common_nouns_of_anatomy_concepts_are_relaxed() -> None:
    rows = lowercase_rows(TERMS, CONCEPTS, ZIPF.__getitem__)
    # "back" is too frequent (mostly an adverb), CAT a gene symbol, "zzyx" no word,
    # "liver" already matches in any case
    assert rows == [["lung", "M:1", "Lung", "4.10"]]


def test_relax_case_adds_the_lower_case_spelling() -> None:
    out = relax_case(TERMS, {("lung", "M:1")})
    assert out["case_form"].tolist() == ["Lung|lung", "Back", "CAT|Cat|cat", "Zzyx", ""]
    assert TERMS["case_form"][0] == "Lung"  # the input is not changed


def test_read_lowercase(tmp_path: Path) -> None:
    path = tmp_path / "lc.tsv"
    path.write_text("# note\nkey\tkb_id\tterm\tzipf\nlung\tM:1\tLung\t4.10\n", encoding="utf-8")
    assert read_lowercase(path) == {("lung", "M:1")}
    assert read_lowercase(tmp_path / "absent.tsv") == set()
    path.write_text("key\tid\n", encoding="utf-8")
    with pytest.raises(ResourceError):
        read_lowercase(path)
