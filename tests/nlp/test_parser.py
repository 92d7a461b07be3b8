"""mechmine_parser: which sentences are parsed, and the parses it stores."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.nlp  # noqa: F401  (factories, extensions)
from pipeline.nlp.parser import (
    CandidateParser,
    candidate_sentences,
    load_parser,
    relation_filter,
)
from pipeline.nlp.relations.arguments import doc_mentions
from pipeline.nlp.relations.candidates import pointing_inside
from pipeline.nlp.relations.patterns import PatternSpec
from pipeline.nlp.relations.rules import TriggerIndex, load_rules


def doc_of(nlp: Language, rows: list[tuple[str, str]]) -> Doc:
    """A Doc from (word, IOB entity tag) rows; a sentence starts after '.'."""
    words = [w for w, _ in rows]
    starts = [k == 0 or words[k - 1] == "." for k in range(len(words))]
    return Doc(nlp.vocab, words=words, ents=[e for _, e in rows], sent_starts=starts)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("en")


# five sentences: 0 can hold a relation; 4 has no trigger; 10 no mention; 14 no cell to
# secrete; 18 opens with an anaphor for its subject
ROWS = [("MSCs", "B-CELL_TYPE"), ("secrete", "O"), ("BDNF", "B-GROWTH_FACTOR"), (".", "O"),
        ("BDNF", "B-GROWTH_FACTOR"), ("and", "O"), ("GDNF", "B-GROWTH_FACTOR"), ("are", "O"),
        ("neurotrophins", "O"), (".", "O"),
        ("Weather", "O"), ("secrete", "O"), ("nothing", "O"), (".", "O"),
        ("BDNF", "B-GROWTH_FACTOR"), ("secretes", "O"), ("GDNF", "B-GROWTH_FACTOR"), (".", "O"),
        ("They", "O"), ("secrete", "O"), ("IL-10", "B-CYTOKINE"), (".", "O")]


def test_candidates_are_sentences_a_rule_could_read(nlp: Language) -> None:
    rules = load_rules()
    doc = doc_of(nlp, ROWS)
    anaphor = lambda words: rules.cues.subject_anaphor.match(words) is not None  # noqa: E731
    got = candidate_sentences(doc, relation_filter(rules, TriggerIndex(rules)), doc_mentions(doc, rules),
                              anaphor)
    assert got == [(0, 4), (18, 22)]


def test_component_parses_only_candidates(nlp: Language) -> None:
    parser = CandidateParser(nlp, "mechmine_parser", "parser", 16)
    parser.initialize(parser=load_parser())
    doc = parser(doc_of(nlp, ROWS))
    assert sorted(doc._.parses) == [0, 18]
    parse = doc._.parses[0]
    assert [t.text for t in parse] == ["MSCs", "secrete", "BDNF", "."]
    assert [(t.dep_, t.head.i) for t in parse][:3] == [("nsubj", 1), ("ROOT", 1), ("dobj", 1)]
    # the document itself keeps its own sentences and gets no parse
    assert not doc.has_annotation("DEP") and len(list(doc.sents)) == 5

    parser.every_sentence = True
    assert sorted(parser(doc_of(nlp, ROWS))._.parses) == [0, 4, 10, 14, 18]


def test_run_pipeline_with_parser_and_relations_round_trips(tmp_path: Path) -> None:
    """``nlp.to_disk()`` + ``spacy.load()`` of the run pipeline (entities, parser on candidate
    sentences, relations) gives the same parses and relations, without the package's files."""
    from pipeline.nlp import make_nlp

    text = ("Mesenchymal stem cells secrete BDNF, which protects neurons. "
            "They also reduce inflammation in the injured lung.")
    nlp = make_nlp(relations=True)
    nlp.to_disk(tmp_path / "saved")
    back = spacy.load(tmp_path / "saved")
    assert back.pipe_names == nlp.pipe_names and "mechmine_parser" in back.pipe_names
    assert (tmp_path / "saved" / "mechmine_parser" / "parser" / "config.cfg").exists()

    def read(n: Language) -> tuple[list[int], list[tuple[str, str, str, str]]]:
        doc = n(text)
        return sorted(doc._.parses), [(r.subject.text, r.predicate, r.object.text, r.rule_id)
                                      for r in doc._.relations]

    parses, relations = read(nlp)
    assert read(back) == (parses, relations)
    assert ("Mesenchymal stem cells", "SECRETES", "BDNF", "dep:secrete") in relations


# an outcome noun (dependency_patterns.yaml `outcomes`) is an object the dependency reader reads
# without a mention: 0 has a subject for it; 4 has none; 8 has an anaphor for it; 12 no outcome
OUTCOME_ROWS = [("MSCs", "B-CELL_TYPE"), ("reduce", "O"), ("spasticity", "O"), (".", "O"),
                ("Weather", "O"), ("reduce", "O"), ("spasticity", "O"), (".", "O"),
                ("They", "O"), ("reduce", "O"), ("spasticity", "O"), (".", "O"),
                ("MSCs", "B-CELL_TYPE"), ("reduce", "O"), ("weather", "O"), (".", "O")]


def test_an_outcome_noun_counts_as_an_object(nlp: Language) -> None:
    from pipeline.nlp.relations.patterns import load_patterns

    rules = load_rules()
    outcomes = load_patterns().outcomes
    assert "spasticity" in outcomes and "weather" not in outcomes
    doc = doc_of(nlp, OUTCOME_ROWS)
    anaphor = lambda words: rules.cues.subject_anaphor.match(words) is not None  # noqa: E731
    could = relation_filter(rules, TriggerIndex(rules), outcomes)
    assert candidate_sentences(doc, could, doc_mentions(doc, rules), anaphor) == [(0, 4), (8, 12)]
    without = relation_filter(rules, TriggerIndex(rules))
    assert candidate_sentences(doc, without, doc_mentions(doc, rules), anaphor) == []


# a place noun (dependency_patterns.yaml `sites`) is an object only of a rule naming SITE: 0 has
# a subject for it; 4 an anaphor; 8 a place noun no rule of "reduce" takes; 12 no place noun
SITE_ROWS = [("MSCs", "B-CELL_TYPE"), ("migrate", "O"), ("areas", "O"), (".", "O"),
             ("They", "O"), ("home", "O"), ("sites", "O"), (".", "O"),
             ("MSCs", "B-CELL_TYPE"), ("reduce", "O"), ("areas", "O"), (".", "O"),
             ("MSCs", "B-CELL_TYPE"), ("migrate", "O"), ("quickly", "O"), (".", "O")]


def test_a_place_noun_counts_as_an_object_of_homing(nlp: Language) -> None:
    from pipeline.nlp.relations.patterns import load_patterns

    rules = load_rules()
    patterns = load_patterns()
    assert {"areas", "sites"} <= patterns.sites
    doc = doc_of(nlp, SITE_ROWS)
    anaphor = lambda words: rules.cues.subject_anaphor.match(words) is not None  # noqa: E731
    could = relation_filter(rules, TriggerIndex(rules), patterns.outcomes, patterns.sites)
    assert candidate_sentences(doc, could, doc_mentions(doc, rules), anaphor) == [(0, 4), (4, 8)]
    without = relation_filter(rules, TriggerIndex(rules), patterns.outcomes)
    assert candidate_sentences(doc, without, doc_mentions(doc, rules), anaphor) == []


# an event anaphor opening a sentence stands for a subject: 0 "This helps reduce"; 5 "This study"
# is none; 10 "This" with a verb that passes no event on
EVENT_ROWS = [("This", "O"), ("helps", "O"), ("reduce", "O"), ("spasticity", "O"), (".", "O"),
              ("This", "O"), ("study", "O"), ("reduces", "O"), ("spasticity", "O"), (".", "O"),
              ("This", "O"), ("reduces", "O"), ("spasticity", "O"), (".", "O")]


def test_an_event_anaphor_counts_as_a_subject(nlp: Language) -> None:
    parser = CandidateParser(nlp, "mechmine_parser", "parser", 16)
    parser.initialize(parser=spacy.blank("en"))
    assert parser.select(doc_of(nlp, EVENT_ROWS)) == [(0, 5)]


# relevent: a demonstrative anaphor after the first word ("Work shows that this process ...")
INSIDE_WORDS = ["Work", "shows", "that", "this", "process", "reduces", "spasticity", ".",
                "Work", "shows", "that", "this", "study", "reduces", "spasticity", "."]
INSIDE_ROWS = [(w, "O") for w in INSIDE_WORDS]


def test_a_demonstrative_anaphor_inside_counts_as_a_subject(nlp: Language) -> None:
    parser = CandidateParser(nlp, "mechmine_parser", "parser", 16)
    parser.initialize(parser=spacy.blank("en"))
    assert parser.select(doc_of(nlp, INSIDE_ROWS)) == [(0, 8)]


@pytest.mark.parametrize("words,expected", [
    ("work shows that this process reduces x", True),
    ("this process reduces x", False),  # the opening words are asked elsewhere
    ("work shows that this study reduces x", False),
    ("we saw that these cells reduce x", True),
    # a pronoun right after an opening subordinator
    ("while they spare x , they limit y", True),
    ("while most spare x , they limit y", False)])
def test_pointing_inside(words: str, expected: bool) -> None:
    cues = load_rules().cues
    assert pointing_inside(words.split(), lambda w: cues.subject_anaphor.match(w) is not None) is expected


def _spec(pid: str, form: str, nodes: list[dict], **extra: object) -> PatternSpec:
    return PatternSpec(id=pid, form=form, nodes=nodes, **extra)


TRIGGER = {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"_": {"mm_trigger": True}}}
SUBJECT = {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"DEP": "nsubj"}}
OF_OBJECT = [{"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "of",
              "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "of"}},
             {"LEFT_ID": "of", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "pobj"}}]


def test_pattern_needs_are_the_words_a_pattern_names() -> None:
    from dataclasses import replace

    from pipeline.nlp.parser import pattern_needs
    from pipeline.nlp.relations.patterns import Patterns

    secrete = next(r for r in load_rules().rules if r.id == "secrete")
    patterns = Patterns((
        _spec("plain", "active", [TRIGGER, SUBJECT, {**SUBJECT, "RIGHT_ID": "object",
                                                      "RIGHT_ATTRS": {"DEP": "dobj"}}]),
        _spec("of_phrase", "passive", [{"RIGHT_ID": "trigger",
                                        "RIGHT_ATTRS": {"LOWER": {"IN": ["Secreted", "made"]}}},
                                       SUBJECT, *OF_OBJECT]),
        _spec("preps", "reduced", [TRIGGER, SUBJECT, *OF_OBJECT], rule_prepositions=True),
        _spec("other_form", "nominal", [TRIGGER, SUBJECT, *OF_OBJECT]),
        _spec("other_predicate", "active", [TRIGGER, SUBJECT, *OF_OBJECT], predicates=["INHIBITS"]),
    ), frozenset())
    assert pattern_needs(patterns, secrete) == [
        (None, ()), (frozenset({"secreted", "made"}), (frozenset({"of"}),)),
        (None, (frozenset({"of"}), frozenset({"to", "with"})))]
    assert pattern_needs(patterns, replace(secrete, forms=("nominal",), predicate="INHIBITS")) == [
        (None, (frozenset({"of"}),))]
    assert pattern_needs(patterns, replace(secrete, forms=("linked",))) == []


# "secretion" read only by a pattern that needs "of": 0 has it; 5 has none; 9 has it but its only
# object is one the rule excludes (CD markers are no secreted factor)
OF_ROWS = [("MSCs", "B-CELL_TYPE"), ("secretion", "O"), ("of", "O"), ("BDNF", "B-GROWTH_FACTOR"),
           (".", "O"),
           ("MSCs", "B-CELL_TYPE"), ("secretion", "O"), ("BDNF", "B-GROWTH_FACTOR"), (".", "O"),
           ("MSCs", "B-CELL_TYPE"), ("secretion", "O"), ("of", "O"), ("CD44", "B-GENE_OR_PROTEIN"),
           (".", "O")]


def test_a_rule_counts_only_where_a_pattern_could_read_it(nlp: Language) -> None:
    from dataclasses import replace

    from pipeline.nlp.relations.patterns import Patterns

    rules = load_rules()
    secrete = replace(next(r for r in rules.rules if r.id == "secrete"), forms=("nominal",))
    patterns = Patterns((_spec("of_phrase", "nominal", [TRIGGER, SUBJECT, *OF_OBJECT]),), frozenset())
    doc = doc_of(nlp, OF_ROWS)
    ms = doc_mentions(doc, rules)
    triggers = lambda w: (secrete,) if w == "secretion" else ()  # noqa: E731
    assert candidate_sentences(doc, relation_filter(rules, triggers, patterns=patterns), ms) == [(0, 5)]
    # without the patterns every sentence with a subject and an object of the rule's classes counts
    assert candidate_sentences(doc, relation_filter(rules, triggers), ms) == [(0, 5), (5, 9), (9, 14)]
    # a sentence the surface reader read is parsed in any case
    assert candidate_sentences(doc, relation_filter(rules, triggers, patterns=patterns), ms,
                               read={1}) == [(0, 5), (5, 9)]


def test_candidates_from_given_words_equal_those_read_from_tokens(nlp: Language) -> None:
    rules = load_rules()
    doc = doc_of(nlp, ROWS)
    anaphor = lambda words: rules.cues.subject_anaphor.match(words) is not None  # noqa: E731
    could = relation_filter(rules, TriggerIndex(rules))
    ms = doc_mentions(doc, rules)
    lower = [t.lower_ for t in doc]
    given = candidate_sentences(doc, could, ms, anaphor, (), lower=lower)
    assert given == candidate_sentences(doc, could, ms, anaphor) == [(0, 4), (18, 22)]
    # the words are what is read: a sentence whose given words hold no trigger is no candidate
    assert (0, 4) not in candidate_sentences(doc, could, ms, anaphor, (), lower=["x"] * len(doc))
