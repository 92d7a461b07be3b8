"""Normalisation, term keys, and the Lexicon loader/matcher on a tiny lexicon."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from pipeline.errors import ResourceError
from pipeline.lexicon import Lexicon
from pipeline.lexicon.keys import TermKeys
from pipeline.lexicon.normalize import fold, is_case_sensitive, join_norms, token_norm

KEYS = TermKeys(is_common=lambda w: w in {"was", "cat", "set"})


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


def write_lexicon(folder: Path, entries: list[tuple[str, str, str, str]],
                  extra: list[tuple[str, str]] | None = None) -> Path:
    """Write a lexicon with (term, kb_id, label, classes) entries, keys made like the builder's."""
    folder.mkdir(parents=True, exist_ok=True)
    concepts = {}
    rows = []
    for term, kb_id, label, classes in entries:
        concepts.setdefault(kb_id, [kb_id, term, label, classes, ""])
        key, case_form = KEYS(term)
        rows.append([key, case_form, term, kb_id, "test"])
    rows.sort()
    with gzip.open(folder / "concepts.tsv.gz", "wt", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["kb_id", "canonical_name", "label", "classes", "xrefs"])
        w.writerows(sorted(concepts.values()))
    with gzip.open(folder / "terms.tsv.gz", "wt", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["key", "case_form", "term", "kb_id", "source"])
        w.writerows(rows)
    if extra:
        with gzip.open(folder / "corpus_terms.tsv.gz", "wt", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            w.writerow(["key", "case_form", "term", "kb_id", "source"])
            w.writerows([[*KEYS(t), t, k, "corpus"] for t, k in extra])
    (folder / "meta.yaml").write_text("name: test lexicon\n")
    return folder


TINY = [
    ("BDNF", "HGNC:1033", "GROWTH_FACTOR", "GROWTH_FACTOR|GENE_OR_PROTEIN"),
    ("brain-derived neurotrophic factor", "HGNC:1033", "GROWTH_FACTOR", "GROWTH_FACTOR|GENE_OR_PROTEIN"),
    ("TNF-alpha", "HGNC:11892", "CYTOKINE", "CYTOKINE|GENE_OR_PROTEIN"),
    ("CAT", "HGNC:1516", "GENE_OR_PROTEIN", "GENE_OR_PROTEIN"),
    ("Parkinson disease", "MESH:D010300", "DISEASE", "DISEASE"),
    ("disease", "MESH:D004194", "DISEASE", "DISEASE"),
]


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
