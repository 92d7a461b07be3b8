"""write_lexicon's candidate order: GO process names, HPO terms against corpus terms."""

from __future__ import annotations

import gzip
from pathlib import Path

from pipeline.lexicon.build import write_lexicon
from pipeline.lexicon.sources import ClassRules, Concept, ConceptStore

META = {"name": "t", "version": "1", "source": "hand-made", "licence": "CC0"}
RULES = ClassRules.model_validate({"meta": META, "precedence": ["DISEASE", "PROCESS"], "mesh_trees": {}})


def _store(*concepts: tuple[str, str, str, str]) -> ConceptStore:
    store = ConceptStore(RULES)
    for kb_id, term, cls, source in concepts:
        c = store.concepts.setdefault(kb_id, Concept(kb_id, term, {cls}))
        c.add(term, source)
    return store


def _terms(folder: Path) -> list[tuple[str, str]]:
    with gzip.open(folder / "terms.tsv.gz", "rt", encoding="utf-8") as f:
        next(f)
        return [(r.split("\t")[0], r.split("\t")[3]) for r in f]


def test_go_name_first_among_processes_only(tmp_path: Path) -> None:
    store = _store(("MESH:G1", "Cell Death", "PROCESS", "mesh_label"),
                   ("GO:1", "cell death", "PROCESS", "go_name"),
                   ("MESH:C1", "Hypersensitivity", "DISEASE", "mesh_label"),
                   ("GO:2", "hypersensitivity", "PROCESS", "go_name"))
    write_lexicon(store, RULES, tmp_path)
    assert _terms(tmp_path) == [("cell death", "GO:1"), ("cell death", "MESH:G1"),
                                ("hypersensitivity", "MESH:C1"), ("hypersensitivity", "GO:2")]


def test_hpo_term_yields_to_a_corpus_term(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "corpus_terms.tsv.gz", "wt", encoding="utf-8") as f:
        f.write("key\tcase_form\tterm\tkb_id\tsource\nslow gait\t\tslow gait\tMESH:C9\tcorpus\n")
    store = _store(("HP:1", "Slow gait", "DISEASE", "hpo_label"),
                   ("HP:2", "Fast gait", "DISEASE", "hpo_label"))
    write_lexicon(store, RULES, tmp_path)
    assert _terms(tmp_path) == [("fast gait", "HP:2")]


def test_tables_are_byte_reproducible(tmp_path: Path) -> None:
    """Two builds of the same concepts write the same bytes (no time stamp in the gzip header)."""
    store = _store(("MESH:C1", "Tremor", "DISEASE", "mesh_label"))
    first, second = tmp_path / "a", tmp_path / "b"
    write_lexicon(store, RULES, first)
    write_lexicon(store, RULES, second)
    for name in ("concepts.tsv.gz", "terms.tsv.gz"):
        data = (first / name).read_bytes()
        assert data == (second / name).read_bytes()
        assert data[4:8] == b"\0\0\0\0"  # gzip MTIME field
    assert _terms(first) == [("tremor", "MESH:C1")]
