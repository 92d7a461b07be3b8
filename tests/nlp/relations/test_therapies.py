"""A therapy named before and pointed back to ("This procedure ...", "This therapy ..."; issue 12,
pipeline/nlp/relations/therapies.py): the topic from the document's mentions, the anaphor cue,
and the dependency reader taking the topic for the anaphor. Hand-built parses (CRAFT/ClearNLP
labels); a sentence without rows is not parsed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.relations.rules import load_rules
from pipeline.nlp.relations.therapies import REACH, TherapyTopic, next_topic, points_to_therapy
from pipeline.nlp.relations.types import Mention
from tests.nlp.relations.conftest import dep_relations

N, V, P, D, X, A, AUX = "NOUN", "VERB", "ADP", "DET", "PUNCT", "ADJ", "AUX"
AGENTS = frozenset({"CELL_TYPE", "CYTOKINE", "CHEMICAL"})
CUES = load_rules().cues.therapy


def mentions(doc: Doc) -> list[Mention]:
    return [Mention(e.start, e.end, e.start_char, e.end_char, e.text, e.label_, (e.label_,), "")
            for e in doc.ents]


@pytest.mark.parametrize("marked,expected", [
    ("[Mesenchymal stem cell|CELL_TYPE] therapy is promising .", "Mesenchymal stem cell"),
    ("[Hematopoietic stem cell|CELL_TYPE] transplantation ( HSCT ) is a procedure .",
     "Hematopoietic stem cell"),
    ("Patients received an infusion of autologous [MSCs|CELL_TYPE] .", "MSCs"),
    ("Mice got treatment with [IL-10|CYTOKINE] .", "IL-10"),
    ("[MSC|CELL_TYPE] - based therapy is safe .", "MSC"),
    # the last therapy of the sentence
    ("[IL-10|CYTOKINE] therapy failed , but [MSC|CELL_TYPE] therapy worked .", "MSC"),
    # a disease before a therapy noun is what is treated, not the agent
    ("[MS|DISEASE] treatment is difficult .", None),
    # a mention that is no therapy's agent
    ("[MSCs|CELL_TYPE] secrete [IL-10|CYTOKINE] .", None),
    ("The number of [MSCs|CELL_TYPE] fell .", None),
])
def test_the_therapy_a_sentence_names(marked_doc: Callable[[str], Doc], marked: str,
                                      expected: str | None) -> None:
    doc = marked_doc(marked)
    topic = next_topic(doc, mentions(doc), 0, len(doc.text), AGENTS, CUES, TherapyTopic())
    assert [m.text for m in topic.agents] == ([expected] if expected else [])


def test_the_topic_reaches_a_few_sentences() -> None:
    m = Mention(0, 1, 0, 4, "MSCs", "CELL_TYPE", ("CELL_TYPE",), "")
    topic = TherapyTopic((m,), 2)
    assert [bool(topic.at(k)) for k in (1, 2, 2 + REACH, 3 + REACH)] == [False, True, True, False]


@pytest.mark.parametrize("words,expected", [
    ("this procedure", True), ("this therapy", True), ("these treatments", True), ("such approaches", True),
    ("the procedure", False), ("this study", False), ("this", False), ("these cells", False)])
def test_therapy_anaphor_cue(words: str, expected: bool) -> None:
    assert points_to_therapy(CUES, words) is expected


# "This procedure is used in the treatment of [MS] ."
USED = [(1, "det", D), (3, "nsubjpass", N), (3, "auxpass", AUX), (3, "ROOT", V), (3, "prep", P),
        (6, "det", D), (4, "pobj", N), (6, "prep", P), (9, "amod", A), (7, "pobj", N), (3, "punct", X)]
# "This therapy reduces [inflammation] ."
REDUCES = [(1, "det", D), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)]
TREATED = "This procedure is used in the treatment of [multiple sclerosis|DISEASE] ."
REDUCED = "This therapy reduces [inflammation|PROCESS] ."


@pytest.mark.parametrize("text,rows,expected", [
    (f"[Hematopoietic stem cell|CELL_TYPE] transplantation is a procedure . {TREATED}", [None, USED],
     {("Hematopoietic stem cell", "TREATS", "multiple sclerosis", "anaphor")}),
    (f"Mice received an infusion of [MSCs|CELL_TYPE] . {REDUCED}", [None, REDUCES],
     {("MSCs", "DECREASES", "inflammation", "anaphor")}),
    # no therapy named before: no subject
    (f"[MSCs|CELL_TYPE] are cells . {REDUCED}", [None, REDUCES], set()),
    # named too long before
    (f"[MSC|CELL_TYPE] therapy is new . A . B . C . {REDUCED}", [None, None, None, None, REDUCES], set()),
])
def test_a_therapy_anaphor_takes_the_therapy_topic(blank: Language, marked_doc: Callable[[str], Doc],
                                                  text: str, rows: list, expected: set) -> None:
    got = {(r.subject.text, r.predicate, r.object.text, r.carried)
           for r in dep_relations(blank, marked_doc(text), rows)}
    assert got == expected
