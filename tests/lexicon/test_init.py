"""Normalisation, term keys, and the Lexicon loader/matcher on a tiny lexicon."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from conftest import KEYS, TINY, write_lexicon

from pipeline.errors import ResourceError
from pipeline.lexicon import Lexicon
from pipeline.lexicon.normalize import fold, is_case_sensitive, join_norms, token_norm


@pytest.mark.parametrize(
    "variants",
    [
        ["TNF-α", "TNF-alpha", "TNFα", "TNF alpha", "TNFalpha"],
        ["IL-10", "IL10", "IL 10", "interleukin-10"[:0] + "IL-10"],
        ["TGF-β1", "TGF-beta1", "TGFβ1", "TGF-beta 1"],
        ["Parkinson's disease", "Parkinson’s disease", "Parkinson disease"],
        ["tumour necrosis factor", "tumor necrosis factor"],
        ["stromal cell-derived factor-1", "stromal cell-derived factor 1"],
    ],
)
def test_variants_share_a_key(variants: list[str]) -> None:
    keys = {KEYS(v)[0] for v in variants}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(("a", "b"), [("THEMIS", "them is"), ("inactivation", "in activation")])
def test_word_boundaries_are_kept(a: str, b: str) -> None:
    assert KEYS(a)[0] != KEYS(b)[0]


def test_case_forms() -> None:
    assert KEYS("AKT")[1].split("|") == ["AKT", "Akt", "akt"]
    assert KEYS("WAS")[1] == "WAS"  # a common English word keeps its case
    assert KEYS("pain")[1] == "pain|Pain"
    assert KEYS("interleukin")[1] == ""  # long terms match in any case
    assert is_case_sensitive("IL") and not is_case_sensitive("IL10")


def test_token_norm_and_join() -> None:
    assert fold("β-catenin") == "beta-catenin"
    assert token_norm("-") == "-" and token_norm("’s") == ""
    key, starts, ends = join_norms(["il", "-", "10", "and", "x"])
    assert key == "il10 and x"
    assert (starts[0], ends[2], starts[1]) == (0, 4, -1)


@pytest.mark.parametrize(("token", "expected"), [
    ("miR-17~92", "mir1792"),  # a cluster's members joined by a tilde read as "miR-17-92"
    ("miR-17-92", "mir1792"),
    ("~5", "~5"),  # an approximate number: no inner tilde
])
def test_token_norm_of_inner_tildes(token: str, expected: str) -> None:
    assert token_norm(token) == expected


def test_find(tmp_path: Path) -> None:
    lex = Lexicon.load(write_lexicon(tmp_path / "lex", TINY, extra=[("nephrotoxicity", "MESH:D004194")]))
    words = ["The", "cat", "and", "CAT", "with", "TNFα", "in", "Parkinson", "’s", "disease",
             "and", "nephrotoxicity"]
    norms = [token_norm(w) for w in words]
    cases = [fold(w).replace("-", "") for w in words]
    found = {(" ".join(words[m.start:m.end]), m.concept.kb_id) for m in lex.find(norms, cases)}
    assert ("CAT", "HGNC:1516") in found and ("cat", "HGNC:1516") not in found
    assert ("TNFα", "HGNC:11892") in found
    assert ("Parkinson ’s disease", "MESH:D010300") in found
    assert ("disease", "MESH:D004194") in found  # overlapping matches are all reported
    assert ("nephrotoxicity", "MESH:D004194") in found  # extra (corpus) term
    assert lex.get("HGNC:1033").canonical_name == "BDNF"  # type: ignore[union-attr]
    assert lex.get("HGNC:0") is None


def test_bad_lexicon_files(tmp_path: Path) -> None:
    folder = write_lexicon(tmp_path / "lex", TINY)
    with gzip.open(folder / "terms.tsv.gz", "wt") as f:
        f.write("key\tcase_form\tterm\tkb_id\tsource\nbdnf\t\tBDNF\tHGNC:999\ttest\n")
    with pytest.raises(ResourceError, match="unknown concept"):
        Lexicon.load(folder)
    with gzip.open(folder / "terms.tsv.gz", "wt") as f:
        f.write("term\tid\n")
    with pytest.raises(ResourceError, match="expected columns"):
        Lexicon.load(folder)
    with pytest.raises(ResourceError, match="not readable"):
        Lexicon.load(tmp_path / "nowhere")


def test_longest_first_matches_spacy_filter_spans() -> None:
    import spacy
    from spacy.util import filter_spans

    from pipeline.nlp.lexicon_matcher import longest_first

    doc = spacy.blank("en")("a b c d e f g h")
    ranges = [(0, 2), (1, 4), (3, 4), (4, 6), (5, 8), (6, 7), (2, 3)]
    expected = [(s.start, s.end) for s in filter_spans([doc[s:e] for s, e in ranges])]
    assert longest_first(ranges) == sorted(expected)


def test_stoplist_passes_to_the_next_candidate(tmp_path: Path) -> None:
    folder = write_lexicon(tmp_path / "lex", TINY, extra=[("CAT", "MESH:D004194")])
    lex = Lexicon.load(folder)
    key = KEYS("CAT")[0]
    words = ["CAT"]
    norms, cases = [token_norm(w) for w in words], [fold(w) for w in words]
    assert lex.find(norms, cases)[0].concept.kb_id == "HGNC:1516"
    stopped = lex.stopped_candidates({(key, "HGNC:1516")})
    (m,) = lex.find(norms, cases, stopped)
    assert (m.concept.kb_id, m.stopped) == ("MESH:D004194", False)  # the corpus term backs it up
    (m,) = lex.find(norms, cases, lex.stopped_candidates({(key, "*")}))
    assert m.stopped


@pytest.mark.parametrize(("key", "form", "expected"), [
    ("cat", "Cat", "HGNC:1516"),  # CAT matches only in capitals (a corpus term "Cat" does not count)
    ("cat", "CAT", None),  # the vocabulary already accepts this spelling
    ("bdnf", "Bdnf", None),  # a symbol that is no English word already matches in Title case
    ("disease", "Disease", None),  # no case restriction at all
    ("tnf", "Tnf", None),  # not a key of the lexicon
])
def test_case_variants_only_where_the_vocabulary_refuses_them(tmp_path: Path, key: str, form: str,
                                                              expected: str | None) -> None:
    from pipeline.lexicon.adapt import _case_restricted_gene

    lex = Lexicon.load(write_lexicon(tmp_path / "lex", TINY, extra=[("Cat", "HGNC:1516")]))
    assert _case_restricted_gene(lex, key, form) == expected


def test_scan_keeps_no_state(tmp_path: Path) -> None:
    """Two callers sharing one Lexicon with different stoplists do not see each other's."""
    lex = Lexicon.load(write_lexicon(tmp_path / "lex", TINY, extra=[("CAT", "MESH:D004194")]))
    norms, cases = [token_norm("CAT")], [fold("CAT")]
    stopped = lex.stopped_candidates({(KEYS("CAT")[0], "HGNC:1516")})
    assert lex.find(norms, cases, stopped)[0].concept.kb_id == "MESH:D004194"
    assert lex.find(norms, cases)[0].concept.kb_id == "HGNC:1516"
    assert not hasattr(lex, "stopped")


def test_cached_lexicon_reads_a_rewritten_table(tmp_path: Path) -> None:
    from pipeline.lexicon import cached_lexicon

    folder = write_lexicon(tmp_path / "lex", TINY)
    first = cached_lexicon(folder)
    assert cached_lexicon(folder) is first
    assert first.lookup(KEYS("nephrotoxicity")[0]) is None
    write_lexicon(folder, TINY, extra=[("nephrotoxicity", "MESH:D004194")])
    again = cached_lexicon(folder)
    assert again is not first and again.lookup(KEYS("nephrotoxicity")[0]).kb_id == "MESH:D004194"  # type: ignore[union-attr]


def test_lexicon_reference_checks_the_digest(tmp_path: Path) -> None:
    from pipeline.lexicon import load_reference, save_reference

    folder = write_lexicon(tmp_path / "lex", TINY)
    save_reference(folder, tmp_path / "saved")
    assert load_reference(tmp_path / "saved") == folder.resolve()
    write_lexicon(folder, TINY[:2])
    with pytest.raises(ResourceError, match="changed since"):
        load_reference(tmp_path / "saved")
