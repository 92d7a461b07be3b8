"""Answer-key readers: columns, lists, paths relative to the key, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import MechmineError
from pipeline.gold.keys import (
    NO_MECHANISM,
    read_entity_key,
    read_mechanism_key,
    read_relation_key,
    split_list,
)

REL = ("file\tsubject\tpredicate\tobject\tsentence\tattribute\talso_acceptable\n"
       "docs/d1.txt\tFoo cells (FCs)\tsecretes\tbarin\tFCs make barin.\t\t\n"
       "docs/d1.txt\tFCs\tINHIBITS\tzeta growth\tFCs slow it.\thedged|negated\tDECREASES, TREATS\n")
ENT = ("file\tmention\tclass\talso_acceptable\tnote\n"
       "docs/d1.txt\tbarin\tCHEMICAL\tGENE_OR_PROTEIN|CYTOKINE\t\n"
       "docs/d1.txt\tFCs\tCELL_TYPE\t\tshort form\n")


def test_read_relation_key(tmp_path: Path) -> None:
    (tmp_path / "key_relations.tsv").write_text(REL)
    a, b = read_relation_key(tmp_path / "key_relations.tsv")
    assert a.path == tmp_path / "docs" / "d1.txt" and a.file == "docs/d1.txt"
    assert (a.subject, a.predicate, a.object, a.predicates) == ("Foo cells (FCs)", "SECRETES", "barin",
                                                                ("SECRETES",))
    assert b.attributes == ("hedged", "negated")
    assert b.predicates == ("INHIBITS", "DECREASES", "TREATS")


def test_read_entity_key(tmp_path: Path) -> None:
    (tmp_path / "k.tsv").write_text(ENT)
    a, b = read_entity_key(tmp_path / "k.tsv")
    assert a.labels == ("CHEMICAL", "GENE_OR_PROTEIN", "CYTOKINE")
    assert (b.mention, b.labels, b.note) == ("FCs", ("CELL_TYPE",), "short form")


@pytest.mark.parametrize(("text", "message"), [
    ("file\tmention\tclass\n", "missing subject"),
    ("file\tsubject\tpredicate\tobject\tcolour\n", "unknown colour"),
    ("file\tsubject\tpredicate\tobject\nd.txt\tA\t\tB\n", "line 2 lacks predicate"),
    ("file\tsubject\tpredicate\tobject\nd.txt\tA\tP\tB\textra\n", "line 2 has more fields"),
])
def test_bad_relation_keys(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "k.tsv").write_text(text)
    with pytest.raises(MechmineError, match=message):
        read_relation_key(tmp_path / "k.tsv")


def test_missing_key_and_lists(tmp_path: Path) -> None:
    with pytest.raises(MechmineError, match="no such key file"):
        read_entity_key(tmp_path / "none.tsv")
    assert split_list(" A | B,C ,, ") == ("A", "B", "C")
    assert split_list("") == ()


def test_read_mechanism_key(tmp_path: Path) -> None:
    (tmp_path / "k.tsv").write_text("file\tmechanism\tstrength\tevidence\n"
                                    "docs/d1.txt\thoming\t\tFCs home\n"
                                    "docs/d1.txt\tangiogenesis\tMentioned\t\n"
                                    "docs/d2.txt\tnone\t\tno mechanism\n")
    a, b, c = read_mechanism_key(tmp_path / "k.tsv")
    assert (a.mechanism, a.strength, a.evidence, a.path) == ("homing", "clear", "FCs home",
                                                             tmp_path / "docs" / "d1.txt")
    assert (b.mechanism, b.strength) == ("angiogenesis", "mentioned")
    assert (c.file, c.mechanism) == ("docs/d2.txt", NO_MECHANISM)
    (tmp_path / "bad.tsv").write_text("file\tmechanism\tstrength\nd.txt\thoming\tstrong\n")
    with pytest.raises(MechmineError, match="line 2 has strength 'strong'"):
        read_mechanism_key(tmp_path / "bad.tsv")
