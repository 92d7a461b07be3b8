"""Saving and loading pipelines: components keep their data (initialize / to_disk / from_disk)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from conftest import TINY, write_lexicon

import pipeline.nlp  # noqa: F401  (registers the factories)
from pipeline.errors import MechmineError
from pipeline.nlp import make_nlp
from pipeline.tokenize import make_tokenizer

TEXT = ("Mesenchymal stem cells (MSCs) lowered TNF-alpha/IL-10 and brain-derived neurotrophic factor "
        "(BDNF) in Parkinson disease; M2 macrophages rose.\nCAT and cat.")


def _ents(doc: spacy.tokens.Doc) -> list[tuple[str, str, str, str]]:
    return [(e.text, e.label_, e.kb_id_, e._.source) for e in doc.ents]


def test_default_pipeline_round_trip(tmp_path: Path) -> None:
    nlp = make_nlp()
    nlp.to_disk(tmp_path / "saved")
    back = spacy.load(tmp_path / "saved")
    assert back.pipe_names == nlp.pipe_names
    assert [t.text for t in back(TEXT)] == [t.text for t in nlp(TEXT)]
    assert _ents(back(TEXT)) == _ents(nlp(TEXT)) and len(nlp(TEXT).ents) >= 5
    saved = tmp_path / "saved" / "mechmine_lexicon"
    assert {p.name for p in saved.iterdir()} == {"lexicon.json", "stoplist.tsv", "contextual_terms.yaml",
                                                  "model_labels.yaml", "mention_rules.yaml",
                                                  "group_modifiers.yaml"}


def test_analyze_pipes_shows_requires_and_assigns() -> None:
    summary = make_nlp().analyze_pipes()["summary"]
    assert summary["mechmine_lexicon"]["requires"] == ["token.is_sent_start"]
    assert summary["mechmine_lexicon"]["assigns"] == ["doc.ents", "doc._.mentions", "doc.spans"]
    assert summary["mechmine_abbreviations"]["requires"] == ["doc.ents"]


def _tiny_pipeline(folder: Path) -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = make_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("mechmine_lexicon")
    nlp.add_pipe("mechmine_abbreviations")
    nlp.initialize()
    nlp.get_pipe("mechmine_lexicon").initialize(lexicon_dir=folder, stoplist=folder / "none.tsv")
    return nlp


def test_tiny_lexicon_round_trip(tmp_path: Path) -> None:
    folder = write_lexicon(tmp_path / "lex", TINY)
    nlp = _tiny_pipeline(folder)
    doc = nlp("BDNF and brain-derived neurotrophic factor in Parkinson disease.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [
        ("BDNF", "HGNC:1033"), ("brain-derived neurotrophic factor", "HGNC:1033"),
        ("Parkinson disease", "MESH:D010300")]
    nlp.to_disk(tmp_path / "saved")
    back = spacy.load(tmp_path / "saved")
    assert back.get_pipe("mechmine_lexicon").lexicon_dir == folder.resolve()
    assert _ents(back(TEXT)) == _ents(nlp(TEXT))


def test_component_needs_initialize() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("mechmine_lexicon")
    with pytest.raises(MechmineError, match="not initialized"):
        nlp("BDNF")
