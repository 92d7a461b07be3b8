"""Treatment nouns as agents (issue 12, pipeline/nlp/relations/agents.py): "Current therapies
reduce X", a "they" of the sentence or of the next one standing for them, and the phrases that
name their agent themselves. Hand-built parses (CRAFT/ClearNLP labels), own sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.parser import CandidateParser
from pipeline.nlp.relations.agents import THERAPY, agent_noun_mentions
from pipeline.nlp.relations.patterns import load_patterns
from pipeline.nlp.relations.types import Mention, Sentence
from tests.nlp.relations.conftest import dep_relations

N, V, P, D, X, C, PR, AUX, A, ADV = ("NOUN", "VERB", "ADP", "DET", "PUNCT", "CCONJ", "PRON", "AUX",
                                     "ADJ", "ADV")
Rows = list[tuple[int, str, str]]


def relations(blank: Language, doc: Doc, sentences: list[Rows]) -> set[tuple[str, str, str, str, bool]]:
    """(subject, predicate, object, carried, negated) of the dependency reader on a marked doc,
    each sentence parsed with its rows (head indices within the sentence)."""
    return {(r.subject.text, r.predicate, r.object.text, r.carried, r.negated)
            for r in dep_relations(blank, doc, list(sentences))}


CASES = {
    "a qualified treatment noun is the subject": (
        "Current therapies reduce [inflammation|PROCESS] .",
        [[(1, "amod", A), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)]],
        {("Current therapies", "DECREASES", "inflammation", "", False)}),
    "a bare plural, coordinated with another treatment noun": (
        "Medications and procedures reduce [fibrosis|PROCESS] .",
        [[(3, "nsubj", N), (0, "cc", C), (0, "conj", N), (3, "ROOT", V), (3, "dobj", N), (3, "punct", X)]],
        {("Medications", "DECREASES", "fibrosis", "", False),
         ("procedures", "DECREASES", "fibrosis", "", False)}),
    "the 'they' of a later clause stands for it": (
        "Older treatments reduce [pain|DISEASE] , but they do not prevent [fibrosis|PROCESS] .",
        [[(1, "amod", A), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X),
          (2, "cc", C), (9, "nsubj", PR), (9, "aux", AUX), (9, "neg", ADV), (2, "conj", V),
          (9, "dobj", N), (2, "punct", X)]],
        {("Older treatments", "DECREASES", "pain", "", False),
         ("Older treatments", "INHIBITS", "fibrosis", "", True)}),
    "the 'They' of the next sentence stands for it": (
        "Standard interventions reduce [edema|DISEASE] . They also reduce [apoptosis|PROCESS] .",
        [[(1, "amod", A), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)],
         [(2, "nsubj", PR), (2, "advmod", ADV), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)]],
        {("Standard interventions", "DECREASES", "edema", "", False),
         ("Standard interventions", "DECREASES", "apoptosis", "anaphor", False)}),
    "a mention on its left is the agent": (
        "[MSC|CELL_TYPE] therapy reduces [fibrosis|PROCESS] .",
        [[(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)]],
        {("MSC", "DECREASES", "fibrosis", "", False)}),
    "a mention in its with-phrase is the agent": (
        "Treatment with [IL-10|CYTOKINE] reduces [fibrosis|PROCESS] .",
        [[(3, "nsubj", N), (0, "prep", P), (1, "pobj", N), (3, "ROOT", V), (3, "dobj", N), (3, "punct", X)]],
        {("IL-10", "DECREASES", "fibrosis", "", False)}),
    "a demonstrative makes it an anaphor, not a new agent": (
        "These treatments reduce [fibrosis|PROCESS] .",
        [[(1, "det", D), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)]],
        set()),
    "an object is no agent": (
        "[IL-10|CYTOKINE] improves therapy .",
        [[(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)]],
        set()),
}


@pytest.mark.parametrize("marked,parses,expected", CASES.values(), ids=CASES.keys())
def test_treatment_nouns_as_agents(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                                   parses: list[Rows], expected: set) -> None:
    assert relations(blank, marked_doc(marked), parses) == expected


def test_the_mention_spans_the_noun_and_its_left_modifiers(blank: Language) -> None:
    words = ["Conventional", "drug", "therapies", "help", "."]
    parse = Doc(blank.vocab, words=words, heads=[2, 2, 3, 3, 3],
                deps=["amod", "compound", "nsubj", "ROOT", "punct"], pos=[A, N, N, V, X])
    nouns = load_patterns().agent_nouns
    assert {"therapies", "treatment", "interventions"} <= nouns
    sent = Sentence(0, 10, 15, 100, 100 + len(parse.text))
    (m,) = agent_noun_mentions(parse, sent, [], nouns)
    assert (m.text, m.start, m.end, m.start_char) == ("Conventional drug therapies", 10, 13, 100)
    assert m.label == THERAPY
    assert agent_noun_mentions(parse, sent, [], frozenset()) == []


def test_a_treatment_noun_makes_a_sentence_a_parse_candidate(blank: Language) -> None:
    words = ["Current", "therapies", "reduce", "inflammation", ".", "Weather", "reduces", "inflammation", "."]
    ents = ["O", "O", "O", "B-PROCESS", "O", "O", "O", "B-PROCESS", "O"]
    doc = Doc(blank.vocab, words=words, ents=ents, sent_starts=[k in (0, 5) for k in range(len(words))])
    parser = CandidateParser(blank, "mechmine_parser", "parser", 16)
    parser.initialize(parser=spacy.blank("en"))
    assert parser.select(doc) == [(0, 5)]


def test_examples_of_the_noun_are_the_agents_not_the_noun(blank: Language) -> None:
    words = ["Medications", "such", "as", "aspirin", "reduce", "pain", "."]
    parse = Doc(blank.vocab, words=words, heads=[4, 0, 1, 2, 4, 4, 4],
                deps=["nsubj", "amod", "prep", "pobj", "ROOT", "dobj", "punct"], pos=[N, A, P, N, V, N, X])
    nouns = load_patterns().agent_nouns
    sent = Sentence(0, 0, 7, 0, len(parse.text))
    aspirin = Mention(3, 4, 20, 27, "aspirin", "CHEMICAL", ("CHEMICAL",), "")
    assert agent_noun_mentions(parse, sent, [aspirin], nouns) == []
    assert [m.text for m in agent_noun_mentions(parse, sent, [], nouns)] == ["Medications"]


def test_what_it_treats_names_no_agent(blank: Language) -> None:
    words = ["Treatment", "of", "gout", "reduces", "pain", "."]
    parse = Doc(blank.vocab, words=words, heads=[3, 0, 1, 3, 3, 3],
                deps=["nsubj", "prep", "pobj", "ROOT", "dobj", "punct"], pos=[N, P, N, V, N, X])
    sent = Sentence(0, 0, 6, 0, len(parse.text))
    gout = Mention(2, 3, 13, 17, "gout", "DISEASE", ("DISEASE",), "")
    aspirin = Mention(2, 3, 13, 17, "gout", "CHEMICAL", ("CHEMICAL",), "")
    nouns = load_patterns().agent_nouns
    assert [m.text for m in agent_noun_mentions(parse, sent, [gout], nouns)] == ["Treatment"]
    assert agent_noun_mentions(parse, sent, [aspirin], nouns) == []


def test_a_treatment_noun_after_a_pointing_word_makes_no_candidate(blank: Language) -> None:
    words = ["Current", "therapies", "reduce", "inflammation", ".",
             "Its", "treatment", "reduces", "fibrosis", ".",
             "Fibrosis", "is", "reduced", "during", "therapy", "."]
    ents = ["O", "O", "O", "B-PROCESS", "O", "O", "O", "O", "B-PROCESS", "O",
            "B-PROCESS", "O", "O", "O", "O", "O"]
    doc = Doc(blank.vocab, words=words, ents=ents, sent_starts=[k in (0, 5, 10) for k in range(len(words))])
    parser = CandidateParser(blank, "mechmine_parser", "parser", 16)
    parser.initialize(parser=spacy.blank("en"))
    # "its treatment" is an anaphor's, "during therapy" no subject: neither has a subject of its own
    assert parser.select(doc) == [(0, 5)]
