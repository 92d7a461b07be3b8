"""Per-article entity rows, long-text splitting, and the entity summary."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from pipeline import schema
from pipeline.entities import article_entities, entity_summary, text_pieces
from pipeline.nlp import make_nlp


@given(st.text(alphabet="ab \n", max_size=300), st.integers(min_value=5, max_value=50))
def test_text_pieces_cover_the_text(text: str, max_len: int) -> None:
    pieces = list(text_pieces(text, max_len))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= max_len for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)


def test_long_article_is_split_not_refused() -> None:
    nlp = make_nlp()
    nlp.max_length = 200
    para = "MSCs secrete BDNF in the brain.\n"
    rows = next(article_entities(nlp, [("a1", para * 20)]))
    bdnf = [r for r in rows if r.text == "BDNF"]
    assert len(bdnf) == 20
    assert all((para * 20)[r.start_char:r.end_char] == "BDNF" for r in bdnf)
    ids = [r.sentence_id for r in bdnf]
    assert ids == sorted(set(ids))  # one per sentence, numbered on across the pieces


def test_summary_groups_by_concept() -> None:
    rows = [
        schema.EntityRecord("a", 0, 0, 4, "BDNF", "GROWTH_FACTOR", "GROWTH_FACTOR", "HGNC:1033",
                            "BDNF", "lexicon:hgnc_symbol", ""),
        schema.EntityRecord("a", 1, 9, 42, "brain-derived neurotrophic factor", "GROWTH_FACTOR",
                            "GROWTH_FACTOR", "HGNC:1033", "BDNF", "lexicon:mesh_label", ""),
        schema.EntityRecord("a", 1, 50, 54, "BDNF", "GROWTH_FACTOR", "GROWTH_FACTOR", "HGNC:1033",
                            "BDNF", "lexicon:hgnc_symbol", ""),
        schema.EntityRecord("a", 2, 60, 63, "ZRK", "OTHER", "OTHER", "", "", "abbreviation", "z r k"),
    ]
    summary = entity_summary(schema.to_frame("entities", rows))
    assert list(summary.columns) == schema.columns("entity_summary")
    bdnf = summary[summary.kb_id == "HGNC:1033"].iloc[0]
    assert bdnf.n_mentions == 3 and bdnf.texts == "BDNF; brain-derived neurotrophic factor"
    other = summary[summary.kb_id == ""].iloc[0]
    assert other.canonical_name == "zrk"
    assert entity_summary(schema.to_frame("entities", [])).empty
    assert isinstance(summary, pd.DataFrame)


def test_article_kind_reaches_the_relations() -> None:
    """The kind given with an article sets the evidence of relations whose sentence has no cue."""
    import spacy

    from pipeline.entities import article_annotations

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "CELL_TYPE", "pattern": "MSCs"},
                                               {"label": "GROWTH_FACTOR", "pattern": "BDNF"}])
    nlp.add_pipe("mechmine_relations").initialize()
    text = "MSCs secrete BDNF. Rats were used."
    items = [("a", text, "abstract"), ("b", text, "review_summary"), ("c", text, "web_page")]
    got = [[(r.subject_text, r.predicate, r.object_text, r.evidence_level, r.rule_id) for r in ann.relations]
           for ann in article_annotations(nlp, items)]
    assert got == [[("MSCs", "SECRETES", "BDNF", level, "surface:secrete")] for level in ("animal", "review",
                                                                                   "unspecified")]
