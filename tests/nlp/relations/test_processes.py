"""Process objects named by the lexicon (pipeline/nlp/relations/processes.py), on hand-built parses."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from pipeline.nlp.relations.patterns import load_patterns
from pipeline.nlp.relations.processes import process_heads

NSUBJ, ROOT = (1, "nsubj", "NOUN"), (1, "ROOT", "VERB")

CASES = {
    "qualified by an adjective": (
        "[MSCs|CELL_TYPE] promote axonal growth .",
        [NSUBJ, ROOT, (3, "amod", "ADJ"), (1, "dobj", "NOUN"), (1, "punct", "PUNCT")],
        {("MSCs", "ACTIVATES", "axonal growth", False)}),
    "named by its of-phrase": (
        "[MSCs|CELL_TYPE] promote the growth of new connections .",
        [NSUBJ, ROOT, (3, "det", "DET"), (1, "dobj", "NOUN"), (3, "prep", "ADP"), (6, "amod", "ADJ"),
         (4, "pobj", "NOUN"), (1, "punct", "PUNCT")],
        {("MSCs", "ACTIVATES", "growth of new connections", False)}),
    "the of-phrase stops at the list it goes on with": (
        "[MSCs|CELL_TYPE] promote the formation of new connections and repair mechanisms .",
        [NSUBJ, ROOT, (3, "det", "DET"), (1, "dobj", "NOUN"), (3, "prep", "ADP"), (6, "amod", "ADJ"),
         (4, "pobj", "NOUN"), (6, "cc", "CCONJ"), (9, "compound", "NOUN"), (6, "conj", "NOUN"),
         (1, "punct", "PUNCT")],
        {("MSCs", "ACTIVATES", "formation of new connections", False)}),
    "a bare list member takes the first member's modifier": (
        "[MSCs|CELL_TYPE] promote mitochondrial fusion and biogenesis .",
        [NSUBJ, ROOT, (3, "amod", "ADJ"), (1, "dobj", "NOUN"), (3, "cc", "CCONJ"), (3, "conj", "NOUN"),
         (1, "punct", "PUNCT")],
        {("MSCs", "ACTIVATES", "mitochondrial fusion", False), ("MSCs", "ACTIVATES", "biogenesis", False)}),
    "a bare list member after a mention's process": (
        "[MSCs|CELL_TYPE] promote [T-cell|CELL_TYPE] activation and proliferation .",
        [NSUBJ, ROOT, (3, "compound", "NOUN"), (1, "dobj", "NOUN"), (3, "cc", "CCONJ"), (3, "conj", "NOUN"),
         (1, "punct", "PUNCT")],
        {("MSCs", "ACTIVATES", "T-cell", False)}),
    "a bare list member after a mention": (
        "[MSCs|CELL_TYPE] promote [T-cell activation|PROCESS] and proliferation .",
        [NSUBJ, ROOT, (3, "compound", "NOUN"), (1, "dobj", "NOUN"), (3, "cc", "CCONJ"), (3, "conj", "NOUN"),
         (1, "punct", "PUNCT")],
        {("MSCs", "ACTIVATES", "T-cell activation", False), ("MSCs", "ACTIVATES", "proliferation", False)}),
    "a bare list of process words": (
        "[MSCs|CELL_TYPE] promote fusion and biogenesis .",
        [NSUBJ, ROOT, (1, "dobj", "NOUN"), (2, "cc", "CCONJ"), (2, "conj", "NOUN"), (1, "punct", "PUNCT")],
        set()),
    "a bare head names no process": (
        "[MSCs|CELL_TYPE] promote growth .",
        [NSUBJ, ROOT, (1, "dobj", "NOUN"), (1, "punct", "PUNCT")],
        set()),
    "a quantifier qualifies nothing": (
        "[MSCs|CELL_TYPE] promote other growth .",
        [NSUBJ, ROOT, (3, "amod", "ADJ"), (1, "dobj", "NOUN"), (1, "punct", "PUNCT")],
        set()),
    "a mention in the phrase is the argument": (
        "[MSCs|CELL_TYPE] promote the proliferation of [T cells|CELL_TYPE] .",
        [NSUBJ, ROOT, (3, "det", "DET"), (1, "dobj", "NOUN"), (3, "prep", "ADP"), (6, "compound", "NOUN"),
         (4, "pobj", "NOUN"), (1, "punct", "PUNCT")],
        {("MSCs", "ACTIVATES", "T cells", False)}),
    "a process word that only modifies another noun": (
        "[MSCs|CELL_TYPE] promote the cell death pathway .",
        [NSUBJ, ROOT, (5, "det", "DET"), (4, "compound", "NOUN"), (5, "compound", "NOUN"),
         (1, "dobj", "NOUN"), (1, "punct", "PUNCT")],
        set()),
    "an activity named by its kind (process_heads.include)": (
        "[MSCs|CELL_TYPE] enhance antioxidant activity .",
        [NSUBJ, ROOT, (3, "compound", "NOUN"), (1, "dobj", "NOUN"), (1, "punct", "PUNCT")],
        {("MSCs", "ACTIVATES", "antioxidant activity", False)}),
    "an activity named by the mention in it": (
        "[MSCs|CELL_TYPE] enhance [kinase|GENE_OR_PROTEIN] activity .",
        [NSUBJ, ROOT, (3, "compound", "NOUN"), (1, "dobj", "NOUN"), (1, "punct", "PUNCT")],
        {("MSCs", "ACTIVATES", "kinase", False)}),
    "an excluded generic head": (
        "[MSCs|CELL_TYPE] promote gene expression .",
        [NSUBJ, ROOT, (3, "compound", "NOUN"), (1, "dobj", "NOUN"), (1, "punct", "PUNCT")],
        set()),
}


@pytest.mark.parametrize("marked, rows, expected", CASES.values(), ids=CASES.keys())
def test_process_objects(parsed_relations, marked: str, rows: list, expected: set) -> None:
    assert parsed_relations(marked, rows) == expected


def test_process_heads_come_from_the_lexicon_names(tmp_path: Path) -> None:
    path = tmp_path / "concepts.tsv.gz"
    rows = ["kb_id\tcanonical_name\tlabel\tclasses\txrefs",
            "GO:1\taxon growth\tPROCESS\tPROCESS\t", "GO:2\tcell growth\tPROCESS\tPROCESS\t",
            "GO:3\tregulation of growth\tPROCESS\tPROCESS\t",
            "GO:4\tER to Golgi transport\tPROCESS\tPROCESS\t",
            "GO:5\tER to Golgi budding\tPROCESS\tPROCESS\t",
            "GO:6\tsynapse formation\tPROCESS\tPROCESS\t",  # one name only
            "GO:7\tcell death\tPROCESS\tPROCESS\t", "GO:8\tneuron death\tPROCESS\tPROCESS\t",
            "X:1\tbone growth\tANATOMY\tANATOMY\t", "X:2\tbone mass\tANATOMY\tANATOMY\t",
            "X:3\tbone mass\tANATOMY\tANATOMY\t"]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    # "regulation" heads one name; "er" ends none; "formation" one; "mass" is another class's
    assert process_heads(path, "PROCESS", 2, frozenset()) == {"growth", "death"}
    assert process_heads(path, "PROCESS", 2, frozenset({"death"})) == {"growth"}
    # "regulation" ends no name without a complement: no head even at one name
    assert process_heads(path, "PROCESS", 1, frozenset()) == {"growth", "death", "formation"}


def test_packaged_process_heads() -> None:
    heads = load_patterns().processes
    assert {"growth", "proliferation", "angiogenesis", "death", "activity"} <= heads
    assert not {"process", "regulation", "expression", "vesicle", "er"} & heads
