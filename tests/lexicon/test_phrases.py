"""Phrase rules (pipeline/lexicon/phrases.py) through :func:`refine`, over hand-built Docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.lexicon import Concept, Match
from pipeline.lexicon.refine import load_mention_rules, refine

RULES = load_mention_rules()
NLP = spacy.blank("en")
SYMPTOM = Concept("HP:1", "Bradykinesia", "DISEASE", ("DISEASE",), ())
PROC = Concept("GO:1", "sensory perception", "PROCESS", ("PROCESS",), ())
INFLAMMATION = Concept("MESH:5", "Inflammation", "PROCESS", ("PROCESS",), ())
NEURO = Concept("HP:2", "Neuroinflammation", "DISEASE", ("DISEASE",), ())
ORGAN = Concept("MESH:3", "Bone Marrow", "ANATOMY", ("ANATOMY",), ())
NEURON = Concept("CL:1", "motor neuron", "CELL_TYPE", ("CELL_TYPE",), ())
VOCAB = {"inflammation": INFLAMMATION}


def run(words: list[str], matches: list[tuple[int, int, Concept]],
        spaces: list[bool] | None = None) -> list[tuple[str, str, str]]:
    d = Doc(NLP.vocab, words=words, spaces=spaces)
    chosen = [(s, e, Match(s, e, c, "test")) for s, e, c in matches]
    out = refine(d, chosen, RULES, VOCAB.get, str.lower)
    return [(d[s:e].text, m.concept.label, m.concept.kb_id) for s, e, m in out]


@pytest.mark.parametrize(
    ("words", "matches", "expected"),
    [
        # a deficit word before a body function: a phenotype, which replaces the match inside it
        (["include", "slowness", "of", "movement", "and"], [(1, 2, SYMPTOM)],
         [("slowness of movement", "DISEASE", "")]),
        (["and", "impaired", "balance", "."], [], [("impaired balance", "DISEASE", "")]),
        (["with", "difficulty", "speaking"], [], [("difficulty speaking", "DISEASE", "")]),
        (["notice", "loss", "of", "movement"], [], [("loss of movement", "DISEASE", "")]),
        (["walking", "problems", "follow"], [], [("walking problems", "DISEASE", "")]),
        # a domain adjective only before a deficit word
        (["improved", "motor", "impairments"], [], [("motor impairments", "DISEASE", "")]),
        (["and", "physical", "disabilities", "."], [], [("physical disabilities", "DISEASE", "")]),
        (["a", "cause", "of", "disability"], [], []),
        (["loss", "of", "motor", "and", "sensory", "function"], [], []),
        # no deficit word: the function word is no mention
        (["balance", "between", "them"], [], []),
        (["good", "balance"], [], []),
        # a match that holds the word keeps it: "motor neuron loss" is no "motor loss"
        (["motor", "neuron", "loss"], [(0, 2, NEURON)], [("motor neuron", "CELL_TYPE", "CL:1")]),
    ],
)
def test_function_deficits(words: list[str], matches: list[tuple[int, int, Concept]],
                           expected: list[tuple[str, str, str]]) -> None:
    assert run(words, matches) == expected


def test_a_match_crossing_the_phrase_edge_blocks_it() -> None:
    # "balance" inside a longer match ending after it: no phrase, the match stays
    words = ["impaired", "balance", "training"]
    other = Concept("X:1", "balance board", "CHEMICAL", ("CHEMICAL",), ())
    assert run(words, [(1, 3, other)]) == [("balance training", "CHEMICAL", "X:1")]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["bowel", "function", "changes"], []),
        (["sensory", "functions"], []),
        # one word or another last word: the process stays
        (["perception", "improves"], [("perception", "PROCESS", "GO:1")]),
    ],
)
def test_function_heads_are_no_process(words: list[str], expected: list[tuple[str, str, str]]) -> None:
    end = 2 if words[1].startswith("function") else 1
    assert run(words, [(0, end, PROC)]) == expected


INFECTIONS = Concept("MESH:8", "Infections", "DISEASE", ("DISEASE",), ())


@pytest.mark.parametrize(
    ("words", "match", "expected"),
    [
        # a course word before a DISEASE match ending in a course head: one mention, its concept
        (["and", "recurrent", "infections", "such"], (2, 3), [("recurrent infections", "DISEASE", "MESH:8")]),
        (["or", "chronic", "infection"], (2, 3), [("chronic infection", "DISEASE", "MESH:8")]),
        (["several", "infections"], (1, 2), [("infections", "DISEASE", "MESH:8")]),
        # a longer name keeps its extent: "recurrent bacterial infections" has "bacterial infections"
        (["recurrent", "bacterial", "infections"], (1, 3), [("bacterial infections", "DISEASE", "MESH:8")]),
    ],
)
def test_course_of_a_disease_head(words: list[str], match: tuple[int, int],
                                  expected: list[tuple[str, str, str]]) -> None:
    assert run(words, [(*match, INFECTIONS)]) == expected


def test_course_word_before_another_disease_is_left_alone() -> None:
    assert run(["chronic", "Bradykinesia"], [(1, 2, SYMPTOM)]) == [("Bradykinesia", "DISEASE", "HP:1")]


def test_deficit_phrase_of_a_function_term_is_made_first() -> None:
    assert run(["loss", "of", "bowel", "function"], [(2, 4, PROC)]) == [
        ("loss of bowel function", "DISEASE", "")]


@pytest.mark.parametrize(
    ("word", "label"),
    [
        ("neuroinflammation", "PROCESS"),  # neuro + inflammation: the process, its id kept
        ("Neuroinflammation", "PROCESS"),
        ("inflammation", "DISEASE"),  # no combining form before it
        ("proinflammation", "DISEASE"),  # "pro" is no combining form (four letters or more)
    ],
)
def test_prefixed_processes(word: str, label: str) -> None:
    assert run([word, "rises"], [(0, 1, NEURO)]) == [(word, label, "HP:2")]


def test_prefixed_process_needs_the_process_in_the_lexicon() -> None:
    d = Doc(NLP.vocab, words=["neuroinflammation"])
    out = refine(d, [(0, 1, Match(0, 1, NEURO, "test"))], RULES, {}.get, str.lower)
    assert out[0][2].concept.label == "DISEASE"


@pytest.mark.parametrize(
    ("words", "spaces", "expected"),
    [
        # "<organ>-derived <...cytes>": one cell mention by the head's ending
        (["bone", "marrow", "-", "derived", "fibrocytes", "circulate"],
         [True, False, False, True, True, False],
         [("bone marrow-derived fibrocytes", "CELL_TYPE", "")]),
        (["bone", "marrow", "-", "derived", "osteoclasts"], [True, False, False, True, False],
         [("bone marrow-derived osteoclasts", "CELL_TYPE", "")]),
        # an ending alone is no head ("cytes" is too short a word), nor another noun
        (["bone", "marrow", "-", "derived", "exosomes"], [True, False, False, True, False],
         [("bone marrow", "ANATOMY", "MESH:3")]),
    ],
)
def test_name_head_suffixes(words: list[str], spaces: list[bool],
                            expected: list[tuple[str, str, str]]) -> None:
    assert run(words, [(0, 2, ORGAN)], spaces) == expected


SYSTEM = Concept("MESH:6", "Immune System", "ANATOMY", ("ANATOMY",), ())
DEGEN = Concept("MESH:7", "Neurodegenerative Diseases", "DISEASE", ("DISEASE",), ())
CHRONIC = Concept("MESH:8", "Chronic Disease", "DISEASE", ("DISEASE",), ())
REGEN = Concept("GO:2", "tissue regeneration", "PROCESS", ("PROCESS",), ())
BARRIER = Concept("GO:3", "intestinal barrier function", "PROCESS", ("PROCESS",), ())
SACRAL = Concept("UBERON:1", "sacral spine", "ANATOMY", ("ANATOMY",), ())
HEADS = {"immune system": SYSTEM, "neurodegenerative diseases": DEGEN, "chronic diseases": CHRONIC,
         "tissue regeneration": REGEN, "intestinal barrier function": BARRIER, "sacral spine": SACRAL}


def heads(words: list[str], matches: list[tuple[int, int, Concept]] | None = None,
          ) -> list[tuple[str, str, str]]:
    d = Doc(NLP.vocab, words=words)
    chosen = [(s, e, Match(s, e, c, "test")) for s, e, c in matches or []]
    out = refine(d, chosen, RULES, HEADS.get, str.lower)
    return [(d[s:e].text, m.concept.label, m.concept.kb_id) for s, e, m in out]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # the adjective of a body system before an anatomy head
        (["suppress", "immune", "cells", "now"], [("immune cells", "CELL_TYPE", "")]),
        (["the", "immune", "tissue"], [("immune tissue", "ANATOMY", "MESH:6")]),
        (["the", "immune", "response"], []),  # no anatomy head
        (["preventing", "immune", "damage"], [("immune damage", "DISEASE", "")]),
        (["the", "skin", "cells"], []),  # "skin system" is no term
        # the adjective of a region before a DISEASE head only
        (["after", "sacral", "injuries", "."], [("sacral injuries", "DISEASE", "")]),
        (["Sacral", "damage"], [("Sacral damage", "DISEASE", "")]),
        (["the", "sacral", "cells"], []),
        (["the", "sacral", "tissue"], []),
        (["after", "pelvic", "injuries"], []),  # "pelvic spine" is no term
        # a generic locus before a process head
        (["support", "tissue", "repair"], [("tissue repair", "PROCESS", "")]),
        (["support", "tissue", "regeneration"], [("tissue regeneration", "PROCESS", "GO:2")]),
        (["support", "tissue", "engineering"], []),
        # a generic locus before a DISEASE anatomy head: the injury, no id
        (["repair", "tissue", "injury", "in"], [("tissue injury", "DISEASE", "")]),
        (["cellular", "and", "tissue", "damage"], [("tissue damage", "DISEASE", "")]),
        (["the", "tissue", "cells"], []),  # a CELL_TYPE head makes nothing of a generic locus
        (["tissue", "infections"], [("tissue infections", "DISEASE", "")]),
        # a head synonym of a disease term
        (["common", "neurodegenerative", "conditions"],
         [("neurodegenerative conditions", "DISEASE", "MESH:7")]),
        (["other", "chronic", "conditions"], []),  # the generic "chronic diseases"
        (["skin", "conditions"], []),
        # the impaired function that a PROCESS term names
        (["on", "intestinal", "barrier", "dysfunction", "."],
         [("intestinal barrier dysfunction", "DISEASE", "")]),
        (["on", "barrier", "dysfunction"], []),  # "barrier function" is no term
    ],
)
def test_head_phrases(words: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert heads(words) == expected


def test_head_phrase_not_inside_a_match() -> None:
    other = Concept("X:2", "immune", "CHEMICAL", ("CHEMICAL",), ())
    assert heads(["immune", "cells"], [(0, 1, other)]) == [("immune", "CHEMICAL", "X:2")]


BLOOD = Concept("MESH:9", "Blood", "ANATOMY", ("ANATOMY",), ())


@pytest.mark.parametrize(
    ("words", "match", "expected"),
    [
        (["in", "peripheral", "blood", "."], (2, 3, BLOOD), [("peripheral blood", "ANATOMY", "MESH:9")]),
        (["during", "acute", "inflammation"], (2, 3, INFLAMMATION),
         [("acute inflammation", "PROCESS", "MESH:5")]),
        # a modifier of another class, or another word, leaves the match alone
        (["acute", "blood"], (1, 2, BLOOD), [("blood", "ANATOMY", "MESH:9")]),
        (["peripheral", "inflammation"], (1, 2, INFLAMMATION), [("inflammation", "PROCESS", "MESH:5")]),
        (["lower", "blood"], (1, 2, BLOOD), [("blood", "ANATOMY", "MESH:9")]),
    ],
)
def test_modifiers(words: list[str], match: tuple[int, int, Concept],
                   expected: list[tuple[str, str, str]]) -> None:
    assert heads(words, [match]) == expected


def test_organ_proteins_are_proteins() -> None:
    ecm = Concept("MESH:10", "Extracellular Matrix", "ANATOMY", ("ANATOMY",), ())
    assert heads(["other", "ECM", "proteins"], [(1, 2, ecm)]) == [("ECM proteins", "GENE_OR_PROTEIN", "")]


def test_place_heads_not_after_a_relational_adjective() -> None:
    nucleus = Concept("MESH:11", "Nucleus", "ANATOMY", ("ANATOMY",), ())
    d = Doc(NLP.vocab, words=["nuclear", "proteins", "bind"])
    out = refine(d, [], RULES, {"nucleus": nucleus}.get, str.lower)
    assert out == []


def test_place_heads_not_after_an_organ_inside_a_longer_name() -> None:
    finger = Concept("MESH:13", "Fingers", "ANATOMY", ("ANATOMY",), ())
    assert heads(["zinc", "finger", "proteins"], [(1, 2, finger)]) == [("finger", "ANATOMY", "MESH:13")]
    assert heads(["the", "finger", "proteins"], [(1, 2, finger)]) == [
        ("finger proteins", "GENE_OR_PROTEIN", "")]


PAIN = Concept("MESH:14", "Pain", "DISEASE", ("DISEASE",), ())
NERVE = Concept("MESH:15", "Nerve", "ANATOMY", ("ANATOMY",), ())
DRUG = Concept("MESH:16", "Drug", "CHEMICAL", ("CHEMICAL",), ())


@pytest.mark.parametrize(
    ("words", "spaces", "first", "expected"),
    [
        (["nerve", "-", "related", "pain", "is"], [False, False, True, True, False], NERVE,
         [("nerve-related pain", "DISEASE", "MESH:14")]),
        # spaced apart, or another class before it: two mentions
        (["nerve", "-", "related", "pain"], [True, True, True, False], NERVE,
         [("nerve", "ANATOMY", "MESH:15"), ("pain", "DISEASE", "MESH:14")]),
        (["drug", "-", "related", "pain"], [False, False, True, False], DRUG,
         [("drug", "CHEMICAL", "MESH:16"), ("pain", "DISEASE", "MESH:14")]),
    ],
)
def test_organ_related_disease(words: list[str], spaces: list[bool], first: Concept,
                               expected: list[tuple[str, str, str]]) -> None:
    assert run(words, [(0, 1, first), (3, 4, PAIN)], spaces) == expected
