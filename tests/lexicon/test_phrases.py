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
