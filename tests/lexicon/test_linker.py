"""Approximate linking: scispaCy's candidate generator over a KB built from a tiny lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_lexicon

from pipeline.errors import ResourceError
from pipeline.lexicon.linker import (
    alias_form,
    best_candidate,
    build_index,
    index_is_current,
    lexicon_kb,
    load_index,
)
from pipeline.nlp import make_nlp

ENTRIES = [
    ("glial cell line derived neurotrophic factor", "HGNC:4232", "GROWTH_FACTOR",
     "GROWTH_FACTOR|GENE_OR_PROTEIN"),
    ("GDNF", "HGNC:4232", "GROWTH_FACTOR", "GROWTH_FACTOR|GENE_OR_PROTEIN"),
    ("interleukin 10", "HGNC:5962", "CYTOKINE", "CYTOKINE|GENE_OR_PROTEIN"),
    ("tumor necrosis factor", "HGNC:11892", "CYTOKINE", "CYTOKINE|GENE_OR_PROTEIN"),
    ("Parkinson disease", "MESH:D010300", "DISEASE", "DISEASE"),
    ("neurons", "MESH:D009474", "CELL_TYPE", "CELL_TYPE"),
]


@pytest.fixture(scope="module")
def lexicon_and_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("linker")
    lexicon = write_lexicon(root / "lex", ENTRIES)
    index = build_index(root / "index", lexicon, min_df=1, m=8, ef_construction=50, threads=1)
    return lexicon, index


def test_alias_form() -> None:
    assert alias_form("Tumour  necrosis factor-α") == "tumor necrosis factor-alpha"


def test_kb_has_every_concept_with_its_aliases(lexicon_and_index: tuple[Path, Path]) -> None:
    kb = lexicon_kb(lexicon_and_index[0])
    assert set(kb.cui_to_entity) == {kb_id for _, kb_id, _, _ in ENTRIES}
    assert kb.alias_to_cuis["gdnf"] == {"HGNC:4232"}
    assert kb.cui_to_entity["HGNC:5962"].types == ["CYTOKINE", "GENE_OR_PROTEIN"]


def test_candidates_and_threshold(lexicon_and_index: tuple[Path, Path]) -> None:
    lexicon, index_dir = lexicon_and_index
    index = load_index(str(index_dir), str(lexicon))
    near, far = index.generator([alias_form("tumour necrosis factors"), alias_form("weather report")], 5)
    assert best_candidate(near, 0.7) is not None and best_candidate(near, 0.7)[0] == "HGNC:11892"  # type: ignore[index]
    assert best_candidate(far, 0.7) is None
    # a class filter keeps a disease mention off a cytokine
    assert best_candidate(near, 0.7, frozenset({"DISEASE"}), index.classes) is None


def test_index_staleness(lexicon_and_index: tuple[Path, Path], tmp_path: Path) -> None:
    lexicon, index_dir = lexicon_and_index
    assert index_is_current(index_dir, lexicon)
    other = write_lexicon(tmp_path / "other", ENTRIES[:2])
    assert not index_is_current(index_dir, other)
    assert not index_is_current(tmp_path / "missing", lexicon)
    with pytest.raises(ResourceError, match="link-index"):
        load_index(str(tmp_path / "missing"), str(lexicon))


def test_component_links_an_unknown_long_form(lexicon_and_index: tuple[Path, Path]) -> None:
    lexicon, index_dir = lexicon_and_index
    text = "Glial-cell derived neurotrophic factor (GLDF) protects neurons."
    plain = make_nlp(lexicon_dir=str(lexicon), use_stoplist=False)(text)
    linked = make_nlp(lexicon_dir=str(lexicon), use_stoplist=False, linker=str(index_dir))(text)
    short = next(e for e in plain.ents if e.text == "GLDF")
    assert short.kb_id_ == ""  # the exact matcher cannot know it
    got = {e.text: (e.kb_id_, e._.source) for e in linked.ents}
    assert got["GLDF"] == ("HGNC:4232", "linker")
    assert got["neurons"][0] == "MESH:D009474"  # exact matches are left alone
