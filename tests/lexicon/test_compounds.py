"""Located processes over hand-built Docs: "<organ/cell> <process>" and relational adjectives."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.lexicon import Concept, Match
from pipeline.lexicon.compounds import relational_noun
from pipeline.lexicon.refine import load_mention_rules, refine

RULES = load_mention_rules()
NLP = spacy.blank("en")
KIDNEY = Concept("MESH:10", "Kidney", "ANATOMY", ("ANATOMY",), ())
HEPATOCYTE = Concept("MESH:11", "Hepatocytes", "CELL_TYPE", ("CELL_TYPE",), ())
SWELLING = Concept("GO:10", "swelling", "PROCESS", ("PROCESS",), ())
FEVER = Concept("MESH:12", "Fever", "DISEASE", ("DISEASE",), ())
# MeSH Chin has the entry term "Mentum": "mental" is not its adjective
CHIN = Concept("MESH:13", "Chin", "ANATOMY", ("ANATOMY",), ())
KIDNIX = Concept("MESH:14", "Kidnix", "ANATOMY", ("ANATOMY",), ())
RENEWAL = Concept("GO:11", "hepatocyte renewal", "PROCESS", ("PROCESS",), ())
VOCAB = {"hepatocyte regeneration": RENEWAL, "kidnix": KIDNIX, "kidney": KIDNEY, "hepatocyte": HEPATOCYTE,
         "mentum": CHIN, "ment": CHIN}


def run(words: list[str], matches: list[tuple[int, int, Concept]]) -> list[tuple[str, str, str]]:
    d = Doc(NLP.vocab, words=words)
    chosen = [(s, e, Match(s, e, c, "test")) for s, e, c in matches]
    out = refine(d, chosen, RULES, VOCAB.get, str.lower)
    return [(d[s:e].text, m.concept.label, m.concept.kb_id) for s, e, m in out]


@pytest.mark.parametrize(
    ("words", "matches", "expected"),
    [
        # an organ match before a process match: one process mention, the process's concept
        (["kidney", "swelling", "rose"], [(0, 1, KIDNEY), (1, 2, SWELLING)],
         [("kidney swelling", "PROCESS", "GO:10")]),
        # a cell match before a process head noun: one process mention without an id
        (["less", "hepatocyte", "proliferation", "seen"], [(1, 2, HEPATOCYTE)],
         [("hepatocyte proliferation", "PROCESS", "")]),
        # the vocabulary's name for the phrase gives its concept
        (["hepatocyte", "regeneration"], [(0, 1, HEPATOCYTE)],
         [("hepatocyte regeneration", "PROCESS", "GO:11")]),
        # a relational adjective of a vocabulary name before a process match or a head noun
        (["Hepatocytal", "swelling"], [(1, 2, SWELLING)], [("Hepatocytal swelling", "PROCESS", "GO:10")]),
        # an adjective the vocabulary does not derive ("renal"), or another suffix, stays out
        (["renal", "swelling"], [(1, 2, SWELLING)], [("swelling", "PROCESS", "GO:10")]),
        (["Hepatocytic", "swelling"], [(1, 2, SWELLING)], [("swelling", "PROCESS", "GO:10")]),
        (["kidneyal", "regeneration", "began"], [], [("kidneyal regeneration", "PROCESS", "")]),
        # a relational adjective before an anatomy head noun: a DISEASE mention without an id, or
        # the adjective's organ for "tissue"
        (["kidneyal", "damage", "rose"], [], [("kidneyal damage", "DISEASE", "")]),
        (["kidneyal", "tissue"], [], [("kidneyal tissue", "ANATOMY", "MESH:10")]),
        # a relational adjective before a DISEASE match joins it, keeping its concept
        (["kidneyal", "fever"], [(1, 2, FEVER)], [("kidneyal fever", "DISEASE", "MESH:12")]),
        # "-ical" -> "-ix": "cervical" of the cervix (here "kidnical" of "kidnix")
        (["kidnical", "damage"], [], [("kidnical damage", "DISEASE", "")]),
        # a disease is no place: "fever" and the generic word stay apart
        (["fever", "growth"], [(0, 1, FEVER)], [("fever", "DISEASE", "MESH:12")]),
        # the organ alone, no process after it
        (["kidney", "function"], [(0, 1, KIDNEY)], [("kidney", "ANATOMY", "MESH:10")]),
        # an adjective from a synonym that does not begin the concept's name is no place
        (["mental", "growth"], [], []),
    ],
)
def test_located_processes(words: list[str], matches: list[tuple[int, int, Concept]],
                           expected: list[tuple[str, str, str]]) -> None:
    assert run(words, matches) == expected


def test_relational_noun_derivation() -> None:
    assert relational_noun("kidneyal", RULES, VOCAB.get, str.lower) is KIDNEY
    assert relational_noun("hepatocytar", RULES, VOCAB.get, str.lower) is HEPATOCYTE  # -ar -> -e
    assert relational_noun("kidneyar", RULES, VOCAB.get, str.lower) is None  # -ar takes -us/-um/-a/-e
    assert relational_noun("al", RULES, VOCAB.get, str.lower) is None
    assert relational_noun("kidney-al", RULES, VOCAB.get, str.lower) is None
