"""The disease a text is about as the subject of a feature noun that names no disease (issue 12,
pipeline/nlp/relations/topics.py): "Late complications include X", "skin symptoms such as X
appear", "X and Y are late complications". Hand-built parses (CRAFT/ClearNLP labels); a
sentence without rows is not parsed. Own sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.parser import CandidateParser
from tests.nlp.relations.conftest import dep_relations

N, V, P, D, X, C, A, AUX, ADV = "NOUN", "VERB", "ADP", "DET", "PUNCT", "CCONJ", "ADJ", "AUX", "ADV"
Rows = list[tuple[int, str, str]] | None


def relations(blank: Language, doc: Doc, sentences: list[Rows]) -> set[tuple[str, str, str, str]]:
    """(subject, predicate, object, carried) of the ASSOCIATED_WITH rows of the dependency reader."""
    return {(r.subject.text, r.predicate, r.object.text, r.carried)
            for r in dep_relations(blank, doc, sentences) if r.predicate == "ASSOCIATED_WITH"}


INCLUDE = [(1, "amod", A), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)]
CASES = {
    "the feature noun names no disease: the disease the text opened with": (
        "[Asthma|DISEASE] is common . Late complications include [pneumonia|DISEASE] .",
        [None, INCLUDE],
        {("Asthma", "ASSOCIATED_WITH", "pneumonia", "topic")}),
    "examples of the feature noun": (
        "[Lupus|DISEASE] is rare . Skin symptoms such as [rash|DISEASE] appear early .",
        [None, [(1, "compound", N), (5, "nsubj", N), (3, "amod", A), (1, "prep", P), (3, "pobj", N),
                (5, "ROOT", V), (5, "advmod", ADV), (5, "punct", X)]],
        {("Lupus", "ASSOCIATED_WITH", "rash", "topic")}),
    "the feature noun as what the listed disorders are": (
        "[Diabetes|DISEASE] is common . [Neuropathy|DISEASE] and [retinopathy|DISEASE] are late"
        " complications .",
        [None, [(3, "nsubj", N), (0, "cc", C), (0, "conj", N), (3, "ROOT", AUX), (5, "amod", A),
                (3, "attr", N), (3, "punct", X)]],
        {("Diabetes", "ASSOCIATED_WITH", "Neuropathy", "topic"),
         ("Diabetes", "ASSOCIATED_WITH", "retinopathy", "topic")}),
    "the latest disease a sentence is about is the topic": (
        "[Asthma|DISEASE] is common . [Lupus|DISEASE] is rare . Late complications include"
        " [nephritis|DISEASE] .",
        [None, None, INCLUDE],
        {("Lupus", "ASSOCIATED_WITH", "nephritis", "topic")}),
    "an of-phrase names the disease itself": (
        "[Asthma|DISEASE] is common . Complications of [influenza|DISEASE] include [pneumonia|DISEASE] .",
        [None, [(3, "nsubj", N), (0, "prep", P), (1, "pobj", N), (3, "ROOT", V), (3, "dobj", N),
                (3, "punct", X)]],
        {("influenza", "ASSOCIATED_WITH", "pneumonia", "")}),
    "a disease on its left names the disease itself": (
        "[Asthma|DISEASE] is common . [Lupus|DISEASE] symptoms include [rash|DISEASE] .",
        [None, [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)]],
        {("Lupus", "ASSOCIATED_WITH", "rash", "")}),
    "another mention on its left: no disease's features": (
        "[Asthma|DISEASE] is common . [MSC|CELL_TYPE] features include [plasticity|PROCESS] .",
        [None, [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)]],
        set()),
    "no disease before: no topic": (
        "Late complications include [pneumonia|DISEASE] .",
        [INCLUDE],
        set()),
    # relevent: a phase of the injury the text is about, named by "injury" alone
    "an injury phase names the topic's features": (
        "[Stroke|DISEASE] is common . Delayed injury includes [edema|DISEASE] .",
        [None, INCLUDE],
        {("Stroke", "ASSOCIATED_WITH", "edema", "topic")}),
    "the feature verb coordinated with the noun's own verb": (
        "[Stroke|DISEASE] is common . Delayed injury starts later and involves [edema|DISEASE] .",
        [None, [(1, "amod", A), (2, "nsubj", N), (2, "ROOT", V), (2, "advmod", ADV), (2, "cc", C),
                (2, "conj", V), (5, "dobj", N), (2, "punct", X)]],
        {("Stroke", "ASSOCIATED_WITH", "edema", "topic")}),
    "a coordinated verb whose subject is no feature noun": (
        "[Stroke|DISEASE] is common . The patient improves later and includes [edema|DISEASE] .",
        [None, [(1, "det", D), (2, "nsubj", N), (2, "ROOT", V), (2, "advmod", ADV), (2, "cc", C),
                (2, "conj", V), (5, "dobj", N), (2, "punct", X)]],
        set()),
    "a disease on the injury's left is its own": (
        "[Stroke|DISEASE] is common . [Burn|DISEASE] injury includes [edema|DISEASE] .",
        [None, INCLUDE],
        {("Burn", "ASSOCIATED_WITH", "edema", "")}),
}


@pytest.mark.parametrize("marked,parses,expected", CASES.values(), ids=CASES.keys())
def test_disease_topic_subjects(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                                parses: list[Rows], expected: set) -> None:
    assert relations(blank, marked_doc(marked), parses) == expected


def test_a_topic_rule_makes_a_sentence_a_parse_candidate(blank: Language) -> None:
    words = ["Late", "complications", "include", "pneumonia", ".", "Weather", "is", "pneumonia", "."]
    ents = ["O", "O", "O", "B-DISEASE", "O", "O", "O", "B-DISEASE", "O"]
    doc = Doc(blank.vocab, words=words, ents=ents, sent_starts=[k in (0, 5) for k in range(len(words))])
    parser = CandidateParser(blank, "mechmine_parser", "parser", 16)
    parser.initialize(parser=spacy.blank("en"))
    assert parser.select(doc) == [(0, 5)]


THEY_AFFECT = [(1, "nsubj", "PRON"), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)]


@pytest.mark.parametrize("first,expected", [
    # a plural disease opening an unparsed sentence is what the next "They" stands for
    ("[Cervical injuries|DISEASE] are the most severe .",
     {("Cervical injuries", "ASSOCIATED_WITH", "breathing", "anaphor")}),
    # a singular one is not ("they" needs a plural; "it" takes it)
    ("[Colitis|DISEASE] is common .", set()),
    # nor a disease inside the sentence
    ("Most patients have [cervical injuries|DISEASE] .", set())])
def test_a_plural_disease_opening_a_sentence_is_its_topic(blank: Language, marked_doc: Callable[[str], Doc],
                                                          first: str, expected: set) -> None:
    doc = marked_doc(f"{first} They affect breathing .")
    assert relations(blank, doc, [None, THEY_AFFECT]) == expected


@pytest.mark.parametrize("first,expected", [
    ("[Colitis|DISEASE] is common .", {("Colitis", "ASSOCIATED_WITH", "breathing", "anaphor")}),
    ("[Cervical injuries|DISEASE] are the most severe .", set())])
def test_it_takes_a_singular_disease(blank: Language, marked_doc: Callable[[str], Doc], first: str,
                                     expected: set) -> None:
    doc = marked_doc(f"{first} It affects breathing .")
    assert relations(blank, doc, [None, THEY_AFFECT]) == expected


def test_a_disease_subject_of_the_sentence_comes_before_the_topic(blank: Language,
                                                                  marked_doc: Callable[[str], Doc]) -> None:
    doc = marked_doc("[Asthma|DISEASE] is common . [Gout|DISEASE] is painful , and [nephropathy|DISEASE] is"
                     " its late complication .")
    parse = [(1, "nsubj", N), (1, "ROOT", AUX), (1, "acomp", A), (1, "punct", X), (1, "cc", C),
             (6, "nsubj", N), (1, "conj", AUX), (9, "poss", "PRON"), (9, "amod", A), (6, "attr", N),
             (1, "punct", X)]
    assert relations(blank, doc, [None, parse]) == {("Gout", "ASSOCIATED_WITH", "nephropathy", "")}


SECRETE = [(2, "det", D), (2, "amod", A), (3, "nsubj", N), (3, "ROOT", V), (3, "dobj", N), (3, "punct", X)]


@pytest.mark.parametrize("first,expected", [
    # "these" + a class noun: the members the sentence before coordinated, of the noun's label
    ("Blood contains [neutrophils|CELL_TYPE] and [macrophages|CELL_TYPE] .",
     {("neutrophils", "SECRETES", "IL-1", "anaphor"), ("macrophages", "SECRETES", "IL-1", "anaphor")}),
    # members of another label are no members of the class noun
    ("Blood contains [IL-6|CYTOKINE] and [TNF|CYTOKINE] .", {("myeloid cells", "SECRETES", "IL-1", "")}),
    # mentions that are not coordinated are no list
    ("[Neutrophils|CELL_TYPE] outnumber [macrophages|CELL_TYPE] .",
     {("myeloid cells", "SECRETES", "IL-1", "")}),
])
def test_a_class_noun_after_these_stands_for_the_list_before(blank: Language,
                                                             marked_doc: Callable[[str], Doc],
                                                             first: str, expected: set) -> None:
    doc = marked_doc(f"{first} These [myeloid cells|CELL_TYPE] secrete [IL-1|CYTOKINE] .")
    heads, deps, pos = (list(x) for x in zip(*SECRETE, strict=True))
    second = list(doc.sents)[1]
    doc._.parses = {second.start: Doc(doc.vocab, words=[t.text for t in second],
                                      spaces=[bool(t.whitespace_) for t in second], heads=heads, deps=deps,
                                      pos=pos)}
    rels = blank.get_pipe("mechmine_relations")(doc)._.relations
    assert {(r.subject.text, r.predicate, r.object.text, r.carried) for r in rels
            if r.rule_id.startswith("dep:")} == expected


def test_coordinated_groups(marked_doc: Callable[[str], Doc]) -> None:
    from pipeline.nlp.relations.topics import coordinated_groups
    from pipeline.nlp.relations.types import Mention

    doc = marked_doc("[IL-1|CYTOKINE] , [IL-6|CYTOKINE] , and [TNF|CYTOKINE] rise ; [IL-10|CYTOKINE] ,"
                     " [IL-4|CYTOKINE] fall .")
    ms = [Mention(e.start, e.end, e.start_char, e.end_char, e.text, e.label_, (e.label_,), "")
          for e in doc.ents]
    assert [[m.text for m in g] for g in coordinated_groups(doc, ms)] == [["IL-1", "IL-6", "TNF"]]


SECRETE_SUCH_AS = [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (5, "amod", A),
                   (3, "prep", P), (5, "pobj", N), (1, "punct", X)]
SECRETE_AND = [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (2, "conj", N), (1, "punct", X)]
THESE_PROTECT = [(1, "det", D), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)]


@pytest.mark.parametrize("first,rows,expected", [
    # the anaphor's noun is one antecedent's: that one, not the examples it includes
    ("[MSCs|CELL_TYPE] secrete [growth factors|GROWTH_FACTOR] such as [BDNF|GROWTH_FACTOR] .",
     SECRETE_SUCH_AS, {("growth factors", "PROTECTS", "neurons", "anaphor")}),
    # no antecedent has its noun: all of them
    ("[MSCs|CELL_TYPE] secrete [IL-6|CYTOKINE] and [TNF|CYTOKINE] .", SECRETE_AND,
     {("IL-6", "PROTECTS", "neurons", "anaphor"), ("TNF", "PROTECTS", "neurons", "anaphor")}),
])
def test_an_object_anaphor_takes_the_antecedent_it_names(blank: Language, marked_doc: Callable[[str], Doc],
                                                         first: str, rows: Rows, expected: set) -> None:
    doc = marked_doc(f"{first} These factors protect [neurons|CELL_TYPE] .")
    parses = {}
    for sent, r in zip(doc.sents, [rows, THESE_PROTECT], strict=True):
        heads, deps, pos = (list(x) for x in zip(*r, strict=True))
        parses[sent.start] = Doc(doc.vocab, words=[t.text for t in sent],
                                 spaces=[bool(t.whitespace_) for t in sent], heads=heads, deps=deps, pos=pos)
    doc._.parses = parses
    rels = blank.get_pipe("mechmine_relations")(doc)._.relations
    assert {(r.subject.text, r.predicate, r.object.text, r.carried) for r in rels
            if r.rule_id.startswith("dep:") and r.predicate == "PROTECTS"} == expected
