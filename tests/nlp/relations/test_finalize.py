"""Candidates -> relations: filters, polarity, de-duplication, evidence fallback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from spacy.tokens import Doc

from pipeline.nlp.relations.arguments import doc_mentions
from pipeline.nlp.relations.finalize import effective_polarity, finalize
from pipeline.nlp.relations.rules import RuleSet
from pipeline.nlp.relations.types import Candidate, Sentence


@pytest.mark.parametrize(
    ("polarity", "state", "expected"),
    [("positive", "", "positive"), ("positive", "loss", "negative"), ("negative", "loss", "positive"),
     ("neutral", "loss", "neutral"), ("negative", "variant", "neutral")],
)
def test_effective_polarity(polarity: str, state: str, expected: str) -> None:
    assert effective_polarity(polarity, state) == expected


@pytest.fixture
def setup(marked_doc: Callable[[str], Doc], rules: RuleSet) -> tuple[Doc, list, Candidate]:
    doc = marked_doc("[MSCs|CELL_TYPE] secrete [BDNF|GROWTH_FACTOR] and [IL-6|CYTOKINE] .")
    ms = doc_mentions(doc, rules)
    secrete = next(r for r in rules.rules if r.id == "secrete")
    sent = Sentence(0, 0, len(doc), 0, len(doc.text))
    return doc, ms, Candidate(ms[0], ms[1], secrete, "active", sent, 1, 1, "dep")


def run(doc: Doc, rules: RuleSet, cands: list[Candidate], kind: str = "") -> list[tuple]:
    lower = [t.lower_ for t in doc]
    return [(r.subject.text, r.predicate, r.object.text, r.rule_id, r.rule_name, r.evidence_level)
            for r in finalize(cands, doc, lower, rules, kind)]


def test_any_reader_feeds_it(setup: tuple, rules: RuleSet) -> None:
    doc, _, cand = setup
    assert run(doc, rules, [cand]) == [("MSCs", "SECRETES", "BDNF", "dep:secrete", "secrete", "unspecified")]


def test_filters_and_dedup(setup: tuple, rules: RuleSet) -> None:
    doc, ms, cand = setup
    cands = [cand, cand,                               # a duplicate
             replace(cand, object=ms[0]),              # a concept with itself
             replace(cand, subject=ms[1]),             # a growth factor is no secreting cell
             replace(cand, object=ms[2])]
    assert [r[:3] for r in run(doc, rules, cands)] == [("MSCs", "SECRETES", "BDNF"),
                                                       ("MSCs", "SECRETES", "IL-6")]


def test_duplicates_in_another_sentence_stay(setup: tuple, rules: RuleSet) -> None:
    doc, _, cand = setup
    other = replace(cand, sentence=replace(cand.sentence, index=1))
    assert len(run(doc, rules, [cand, other])) == 2


@pytest.mark.parametrize(("kind", "level"), [("review_summary", "review"), ("abstract", "unspecified"),
                                             ("", "unspecified")])
def test_article_kind_sets_the_fallback(setup: tuple, rules: RuleSet, kind: str, level: str) -> None:
    doc, _, cand = setup
    assert run(doc, rules, [cand], kind)[0][-1] == level


@pytest.mark.parametrize(("rule_id", "predicate", "polarity"),
                         [("decrease", "INCREASES", "positive"), ("activate", "INHIBITS", "negative"),
                          ("polarize", "POLARIZES", "negative")])
def test_a_lost_subject_states_its_own_effect(marked_doc: Callable[[str], Doc], rules: RuleSet,
                                              rule_id: str, predicate: str, polarity: str) -> None:
    # "knockdown of X reduced Y" says X increases Y; a predicate without an opposite keeps
    # its name and flips its polarity
    doc = marked_doc("knockdown of [NOX4|GENE_OR_PROTEIN] changed [macrophages|CELL_TYPE] .")
    ms = doc_mentions(doc, rules)
    rule = next(r for r in rules.rules if r.id == rule_id)
    cand = Candidate(ms[0], ms[1], rule, "active", Sentence(0, 0, len(doc), 0, len(doc.text)), 3, 3, "dep")
    (rel,) = finalize([cand], doc, [t.lower_ for t in doc], rules)
    assert (rel.predicate, rel.polarity, rel.subject_state) == (predicate, polarity, "loss")


def test_an_argument_inside_the_other_is_no_relation(marked_doc: Callable[[str], Doc],
                                                     rules: RuleSet) -> None:
    # the outcome "MSC-mediated recovery" contains its would-be subject MSC
    doc = marked_doc("[MSC|CELL_TYPE] - mediated recovery .")
    ms = doc_mentions(doc, rules)
    outcome = replace(ms[0], end=4, end_char=len("MSC-mediated recovery"), text="MSC-mediated recovery",
                      label="OUTCOME", classes=("OUTCOME",), kb_id="")
    rule = next(r for r in rules.rules if r.id == "activation_hyphen")
    cand = Candidate(ms[0], outcome, rule, "hyphen", Sentence(0, 0, len(doc), 0, len(doc.text)), 2, 2, "dep")
    assert finalize([cand], doc, [t.lower_ for t in doc], rules) == []


@pytest.mark.parametrize(
    ("marked", "kind", "level"),
    [
        # a cue word inside an entity name is no cue: the text is masked first
        ("[MSCs|CELL_TYPE] secrete [glial cell line-derived factor|GROWTH_FACTOR] .", "abstract",
         "unspecified"),
        ("[MSCs|CELL_TYPE] secrete [BDNF|GROWTH_FACTOR] in cell lines .", "abstract", "in_vitro"),
        # the design sentence sets the level of a sentence that names none of its own
        ("[MSCs|CELL_TYPE] secrete [BDNF|GROWTH_FACTOR] . In this study , mice were injected .",
         "abstract", "animal"),
        # a background sentence's cue does not count when a design sentence names the level
        ("[MSCs|CELL_TYPE] secrete [BDNF|GROWTH_FACTOR] in patients . We cultured them in vitro .",
         "research_article", "in_vitro"),
        ("[MSCs|CELL_TYPE] secrete [BDNF|GROWTH_FACTOR] in patients .", "review", "review"),
        ("[MSCs|CELL_TYPE] secrete [BDNF|GROWTH_FACTOR] in patients .", "web_page", "unspecified"),
    ],
)
def test_evidence_from_the_document(marked_doc: Callable[[str], Doc], rules: RuleSet, marked: str,
                                    kind: str, level: str) -> None:
    doc = marked_doc(marked)
    ms = doc_mentions(doc, rules)
    secrete = next(r for r in rules.rules if r.id == "secrete")
    end = next(t.i for t in doc if t.text == ".") + 1
    sent = Sentence(0, 0, end, 0, doc[end - 1].idx + 1)
    cand = Candidate(ms[0], ms[1], secrete, "active", sent, 1, 1, "dep")
    assert run(doc, rules, [cand], kind) == [("MSCs", "SECRETES", ms[1].text, "dep:secrete", "secrete",
                                              level)]
