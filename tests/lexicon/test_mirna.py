"""microRNA names from HGNC names (pure functions) and the parser on a hand-made HGNC table."""

from __future__ import annotations

from pipeline.lexicon.mirna import (
    ALIAS,
    CLUSTER,
    FAMILY,
    LOCUS,
    MATURE,
    MirnaName,
    MirnaParser,
    assign_names,
    cluster_fragment,
    cluster_names,
    hgnc_names,
    locus_names,
    loose_key,
    names_of,
    parse_name,
)
from pipeline.lexicon.sources import ClassRules, ConceptStore

META = {"name": "t", "version": "1", "source": "hand-made", "licence": "CC0"}
RULES = ClassRules.model_validate({"meta": META, "precedence": ["GENE_OR_PROTEIN"], "mesh_trees": {}})
HEADER = ["HGNC ID", "Approved symbol", "Approved name", "Status", "Locus type", "Alias symbols",
          "Previous symbols", "NCBI Gene ID(supplied by NCBI)"]


def test_parse_name() -> None:
    assert parse_name("microRNA 124-1") == MirnaName(False, "124", "", "1")
    assert parse_name("microRNA 146a") == MirnaName(False, "146", "a", "")
    assert parse_name("microRNA 548aa-2") == MirnaName(False, "548", "aa", "2")
    assert parse_name("microRNA let-7a-1") == MirnaName(True, "7", "a", "1")
    assert parse_name("microRNA 21") == MirnaName(False, "21", "", "")
    assert parse_name("interleukin 6") is None
    assert parse_name("microRNA 548BC") is None
    assert parse_name("microRNA let-7a-1").stem == "let-7a"
    assert parse_name("microRNA let-7a-1").family == "let-7"
    assert parse_name("microRNA 146b").family == "146"
    assert parse_name("microRNA 21").family == ""


def test_names_of_a_stem() -> None:
    assert names_of("124", arms=False) == ["miR-124", "microRNA-124", "miRNA-124", "mir-124",
                                           "hsa-miR-124", "hsa-mir-124", "mmu-miR-124", "rno-miR-124"]
    names = names_of("21")
    assert len(names) == 24
    assert {"miR-21-5p", "miR-21-3p", "hsa-miR-21-5p", "microRNA-21-3p", "mmu-miR-21-5p"} <= set(names)
    assert names_of("let-7a") == ["let-7a", "hsa-let-7a", "mmu-let-7a", "rno-let-7a",
                                  "let-7a-3p", "let-7a-5p", "hsa-let-7a-3p", "hsa-let-7a-5p",
                                  "mmu-let-7a-3p", "mmu-let-7a-5p", "rno-let-7a-3p", "rno-let-7a-5p"]


def test_locus_names() -> None:
    assert locus_names(MirnaName(False, "124", "", "2")) == ["miR-124-2", "mir-124-2", "microRNA-124-2"]
    assert locus_names(MirnaName(True, "7", "f", "1")) == ["let-7f-1", "hsa-let-7f-1"]
    assert locus_names(MirnaName(False, "21", "", "")) == []


def test_loose_key() -> None:
    assert loose_key("miR-124-1") == loose_key("MIR1241") == "mir1241"
    assert loose_key("microRNA 21") == "microrna21"


def test_shared_mature_name_goes_to_the_lowest_locus() -> None:
    genes = {"H:3": MirnaName(False, "124", "", "3"), "H:1": MirnaName(False, "124", "", "1"),
             "H:2": MirnaName(False, "124", "", "2")}
    names = assign_names(genes)
    assert names["H:1"]["miR-124"] == MATURE and names["H:1"]["miR-124-3p"] == MATURE
    assert names["H:2"] == {"miR-124-2": LOCUS, "mir-124-2": LOCUS, "microRNA-124-2": LOCUS}
    assert "miR-124" not in names["H:3"] and names["H:3"]["miR-124-3"] == LOCUS


def test_family_name_goes_to_the_first_letter() -> None:
    genes = {"H:b": MirnaName(False, "146", "b", ""), "H:a": MirnaName(False, "146", "a", ""),
             "H:aa": MirnaName(False, "548", "aa", ""), "H:c": MirnaName(False, "548", "c", ""),
             "H:l1": MirnaName(True, "7", "a", "1"), "H:l2": MirnaName(True, "7", "b", "")}
    names = assign_names(genes)
    assert names["H:a"]["miR-146"] == FAMILY and "miR-146" not in names["H:b"]
    assert names["H:b"]["miR-146b"] == MATURE
    assert names["H:c"]["miR-548"] == FAMILY  # "c" before "aa": the shorter letter first
    assert names["H:l1"]["let-7"] == FAMILY and names["H:l1"]["let-7a"] == MATURE
    assert "miR-146-3p" not in names["H:a"]  # no arms of a family


def test_no_family_name_where_a_gene_has_it() -> None:
    genes = {"H:21": MirnaName(False, "21", "", ""), "H:21a": MirnaName(False, "21", "a", "")}
    names = assign_names(genes)
    assert names["H:21"]["miR-21"] == MATURE
    assert "miR-21" not in names["H:21a"]


def test_locus_name_reading_like_another_mature_name_is_dropped() -> None:
    genes = {"H:124": MirnaName(False, "124", "", "1"), "H:1241": MirnaName(False, "1241", "", "")}
    names = assign_names(genes)
    assert names["H:1241"]["miR-1241"] == MATURE
    assert "miR-124-1" not in names["H:124"] and names["H:124"]["miR-124"] == MATURE


def test_hgnc_names() -> None:
    assigned = {"H:124": {"miR-124": MATURE}, "H:1241": {"miR-1241": MATURE, "hsa-mir-1241": MATURE}}
    fields = {"H:124": [("MIR124-1", LOCUS), ("MIRN124-1", ALIAS), ("hsa-mir-124-1", ALIAS)],
              "H:1241": [("MIR1241", LOCUS), ("MIRN1241", ALIAS)],
              "H:128": [("MIRN128-1", ALIAS), ("MIR128-1", LOCUS)], "H:1281": [("MIRN1281", ALIAS)]}
    assert hgnc_names(fields, assigned) == {
        "H:124": [],  # "MIR124-1", "hsa-mir-124-1" read "miR-1241"; "MIRN124-1" like "MIRN1241"
        "H:1241": [("MIR1241", LOCUS), ("MIRN1241", ALIAS)],
        "H:128": [("MIR128-1", LOCUS)], "H:1281": [("MIRN1281", ALIAS)]}


def test_cluster_names() -> None:
    assert cluster_names("miR-17-92a-1 cluster host gene", ["FLJ14178", "MIRH1", "miR-17-92"]) == [
        "miR-17-92a-1 cluster", "miR-17-92", "miR-17-92 cluster"]
    assert cluster_names("mir-497-195 cluster host gene", ["MIR195HG"]) == ["mir-497-195 cluster"]
    assert cluster_names("long intergenic non-protein coding RNA 1", ["miR-1-2"]) == []


def test_cluster_fragment() -> None:
    # miR-17 - 92 cluster: "miR-17" glued to "-92"
    assert cluster_fragment(["miR-17", "-", "92", "cluster"], [False, False, True, False], 1)
    assert not cluster_fragment(["miR-17", "-", "92"], [True, False, False], 1)  # "miR-17 -92"
    assert not cluster_fragment(["miR-17", "-", "mediated"], [False, False, False], 1)
    assert not cluster_fragment(["miR-17", "and"], [True, False], 1)
    assert not cluster_fragment(["miR-17"], [False], 1)


def _table(*rows: list[str]) -> str:
    return "\n".join("\t".join(r) for r in (HEADER, *rows)) + "\n"


def test_parser() -> None:
    store = ConceptStore(RULES, common_word=lambda w: w.lower() == "set")
    MirnaParser(store).parse(_table(
        ["HGNC:1", "MIR124-1", "microRNA 124-1", "Approved", "RNA, micro", "hsa-mir-124-1, SET",
         "MIRN124-1", "406907"],
        ["HGNC:2", "MIR124-2", "microRNA 124-2", "Approved", "RNA, micro", "", "", ""],
        ["HGNC:3", "MIR1241", "microRNA 1241", "Approved", "RNA, micro", "", "", "100302222"],
        ["HGNC:4", "MIR17HG", "miR-17-92a-1 cluster host gene", "Approved", "RNA, long non-coding",
         "MIRH1, miR-17-92", "", ""],
        ["HGNC:5", "MIR99", "microRNA 99", "Symbol Withdrawn", "RNA, micro", "", "", ""],
        ["HGNC:6", "IL6", "interleukin 6", "Approved", "gene with protein product", "", "", "3569"],
    ))
    assert set(store.concepts) == {"HGNC:1", "HGNC:2", "HGNC:3", "HGNC:4"}
    one = store.concepts["HGNC:1"]
    assert one.classes == {"GENE_OR_PROTEIN"} and one.xrefs == {"NCBIGene:406907"}
    assert one.canonical == "MIR124-1"
    assert one.terms["miR-124"] == MATURE and one.terms["MIRN124-1"] == ALIAS
    # "MIR124-1", "microRNA 124-1", "miR-124-1", "hsa-mir-124-1" read "miR-1241" (or its
    # hsa- name); "SET" is an English word
    assert not {"MIR124-1", "microRNA 124-1", "miR-124-1", "hsa-mir-124-1", "SET"} & set(one.terms)
    assert "miR-124" not in store.concepts["HGNC:2"].terms
    assert store.concepts["HGNC:3"].terms["MIR1241"] == LOCUS
    assert store.concepts["HGNC:3"].terms["microRNA 1241"] == LOCUS
    assert store.concepts["HGNC:4"].terms == {"miR-17-92a-1 cluster": CLUSTER, "miR-17-92": CLUSTER,
                                              "miR-17-92 cluster": CLUSTER}
    assert store.counts["mirna_genes"] == 3 and store.counts["mirna_clusters"] == 1
    assert store.counts["dropped_mirna_name_of_another"] == 3  # symbol, name, alias of HGNC:1
    assert store.counts["dropped_common_word_alias"] == 1
