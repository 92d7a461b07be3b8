"""The ``mechmine_relations`` component: wiring, initialize, to_disk/from_disk round trip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.errors import MechmineError
from pipeline.ruledata import resource_path

from .conftest import build_doc

TEXT = ("[MSCs|CELL_TYPE] secrete [BDNF|GROWTH_FACTOR] . In mice , [IL-10|CYTOKINE] suppresses "
        "[T cells|CELL_TYPE] .")


def triples(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(r.subject.text, r.predicate, r.object.text, r.rule_id, r.evidence_level)
            for r in doc._.relations]


def test_call_sets_relations(blank: Language, marked_doc: Callable[[str], Doc]) -> None:
    doc = blank.get_pipe("mechmine_relations")(marked_doc(TEXT))
    # no kind given: read as a primary study, whose level ("In mice") counts for every sentence
    assert triples(doc) == [("MSCs", "SECRETES", "BDNF", "surface:secrete", "animal"),
                            ("IL-10", "INHIBITS", "T cells", "surface:inhibit", "animal")]


@pytest.mark.parametrize(("kind", "levels"), [("abstract", ["animal", "animal"]),
                                              ("review_summary", ["review", "review"]),
                                              ("web_page", ["unspecified", "unspecified"])])
def test_article_kind_on_the_doc(blank: Language, marked_doc: Callable[[str], Doc], kind: str,
                                 levels: list[str]) -> None:
    # the evidence level comes from the document: a review's relations are "review", a web
    # page's "unspecified" even where a sentence names mice
    doc = marked_doc(TEXT)
    doc._.article_kind = kind
    doc = blank.get_pipe("mechmine_relations")(doc)
    assert [r.evidence_level for r in doc._.relations] == levels


def test_not_initialized_is_a_clear_error(marked_doc: Callable[[str], Doc]) -> None:
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("mechmine_relations")
    with pytest.raises(MechmineError, match="initialize"):
        pipe(marked_doc(TEXT))


def test_analyze_pipes() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("mechmine_relations")
    analysis = nlp.analyze_pipes()
    assert analysis["summary"]["mechmine_relations"]["assigns"] == ["doc._.relations"]
    assert analysis["problems"]["mechmine_relations"] == ["doc.ents"]  # nothing here sets entities


def test_initialize_with_own_rule_file(tmp_path: Path, marked_doc: Callable[[str], Doc]) -> None:
    text = resource_path("relation_rules.yaml").read_text(encoding="utf-8")
    mine = tmp_path / "rules.yaml"
    mine.write_text(text.replace("'^(secret(e|es|ed|ing)|", "'^(secret(e|es|ed|ing)|exud(e|es)|"))
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("mechmine_relations")
    nlp.initialize()  # packaged rules
    assert pipe(marked_doc("[MSCs|CELL_TYPE] exude [BDNF|GROWTH_FACTOR] ."))._.relations == []
    pipe.initialize(rules=str(mine))
    doc = pipe(marked_doc("[MSCs|CELL_TYPE] exude [BDNF|GROWTH_FACTOR] ."))
    assert [r.predicate for r in doc._.relations] == ["SECRETES"]


def test_to_disk_round_trip(tmp_path: Path) -> None:
    text = resource_path("relation_rules.yaml").read_text(encoding="utf-8")
    mine = tmp_path / "rules.yaml"
    mine.write_text(text.replace("'^(secret(e|es|ed|ing)|", "'^(secret(e|es|ed|ing)|exud(e|es)|"))
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("mechmine_relations").initialize(rules=str(mine))
    nlp.to_disk(tmp_path / "pipeline")
    mine.unlink()  # the saved pipeline carries its own copy
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["sentencizer", "mechmine_relations"]
    marked = "[MSCs|CELL_TYPE] exude [BDNF|GROWTH_FACTOR] . [IL-10|CYTOKINE] suppresses [T cells|CELL_TYPE] ."
    docs = [pipe(build_doc(n, marked)) for n, pipe in ((nlp, nlp.get_pipe("mechmine_relations")),
                                                       (loaded, loaded.get_pipe("mechmine_relations")))]
    assert triples(docs[0]) == triples(docs[1]) == [
        ("MSCs", "SECRETES", "BDNF", "surface:secrete", "unspecified"),
        ("IL-10", "INHIBITS", "T cells", "surface:inhibit", "unspecified")]
    saved = tmp_path / "pipeline" / "mechmine_relations"
    assert sorted(p.name for p in saved.iterdir()) == ["context_cues.yaml", "dependency_patterns.yaml",
                                                       "relation_rules.yaml"]


def test_a_broken_saved_file_fails_on_load(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("mechmine_relations").initialize()
    nlp.to_disk(tmp_path / "p")
    saved = tmp_path / "p" / "mechmine_relations" / "relation_rules.yaml"
    saved.write_text(saved.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    with pytest.raises(MechmineError, match="colour"):
        spacy.load(tmp_path / "p")


@pytest.fixture(scope="module")
def full() -> Language:
    from pipeline.nlp import make_nlp

    return make_nlp(relations=True)


# "MSC" is in no vocabulary we ship (MeSH lists no such entry term); texts define it.
DEFINE = "Mesenchymal stem cells (MSCs) were studied. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MSCs secrete BDNF, GDNF, IGF-1 and VEGF.",
         {("MSCs", "SECRETES", o) for o in ("BDNF", "GDNF", "IGF-1", "VEGF")}),
        ("MSCs reduce inflammation, protect neurons and promote angiogenesis.",
         {("MSCs", "DECREASES", "inflammation"), ("MSCs", "PROTECTS", "neurons"),
          ("MSCs", "ACTIVATES", "angiogenesis")}),
        ("T cells are suppressed by IL-10.", {("IL-10", "INHIBITS", "T cells")}),
    ],
)
def test_with_the_lexicon(full: Language, text: str, expected: set[tuple[str, str, str]]) -> None:
    """The whole pipeline (tokenizer, lexicon, abbreviations) gives the same relations."""
    assert {(r.subject.text, r.predicate, r.object.text) for r in full(DEFINE + text)._.relations} == expected
