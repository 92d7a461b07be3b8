"""Constructions that used to give wrong rows, one parametrized case each, with a case that must
keep its row: a marked sentence with a hand-built parse (CRAFT/ClearNLP labels) through the
whole component."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.nlp.relations.clauses import plural_noun, singular_verb

N, V, A, P, D, X, C, PR = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "CCONJ", "PRON"

Rows = list[tuple[int, str, str]]
VOCAB = spacy.blank("en").vocab

COORDINATED_VERBS = {
    # the parse hangs the second verb on the first verb's object: TNF is decreased, not increased
    "second verb read inside the first object": (
        "[Aspirin|CHEMICAL] increased the expression of [IL6|CYTOKINE] and decreased [TNF|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P), (8, "nmod", N),
         (5, "cc", C), (5, "conj", V), (4, "pobj", N), (1, "punct", X)],
        set()),
    "two clauses parsed right": (
        "[Aspirin|CHEMICAL] increased the expression of [IL6|CYTOKINE] and decreased [TNF|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P), (4, "pobj", N),
         (1, "cc", C), (1, "conj", V), (7, "dobj", N), (1, "punct", X)],
        {("Aspirin", "INCREASES", "IL6", False), ("Aspirin", "DECREASES", "TNF", False)}),
    # one object listed: both are increased
    "one verb, two objects": (
        "[Aspirin|CHEMICAL] increased [IL6|CYTOKINE] and [TNF|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (2, "conj", N), (1, "punct", X)],
        {("Aspirin", "INCREASES", "IL6", False), ("Aspirin", "INCREASES", "TNF", False)}),
    # a participle modifier is no second verb
    "a coordinated participle modifier": (
        "[Aspirin|CHEMICAL] reduced the number of resting and activated [T cells|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P), (9, "amod", A),
         (5, "cc", C), (5, "conj", V), (9, "compound", N), (4, "pobj", N), (1, "punct", X)],
        {("Aspirin", "DECREASES", "T cells", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", COORDINATED_VERBS.values(), ids=COORDINATED_VERBS.keys())
def test_a_second_verb_keeps_its_object(parsed_relations: Callable[..., set], marked: str, rows: Rows,
                                        expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


EVENT_RELATIVES = {
    # a singular verb after a plural noun: the clause speaks of the main clause's event
    "singular verb after a plural object": (
        "[Stem cells|CELL_TYPE] generate [glial cells|CELL_TYPE] , which facilitates repair .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (4, "compound", N), (2, "dobj", N),
         (4, "punct", X), (7, "dep", D), (4, "relcl", V), (7, "dobj", N), (2, "punct", X)],
        {("Stem cells", "ACTIVATES", "repair", False)}),
    "a plural verb agrees with the noun": (
        "[Stem cells|CELL_TYPE] generate [glial cells|CELL_TYPE] , which facilitate repair .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (4, "compound", N), (2, "dobj", N),
         (4, "punct", X), (7, "dep", D), (4, "relcl", V), (7, "dobj", N), (2, "punct", X)],
        {("glial cells", "ACTIVATES", "repair", False)}),
    # the noun sits in a participle clause's prepositional phrase
    "after a participle clause": (
        "[MSCs|CELL_TYPE] stimulate [angiogenesis|PROCESS] , providing oxygen to [neurons|CELL_TYPE] ,"
        " which supports repair .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X), (1, "advcl", V), (4, "dobj", N),
         (4, "prep", P), (6, "pobj", N), (7, "punct", X), (10, "dep", D), (7, "relcl", V),
         (10, "dobj", N), (1, "punct", X)],
        {("MSCs", "ACTIVATES", "angiogenesis", False), ("MSCs", "ACTIVATES", "repair", False)}),
    # a singular noun takes its own clause
    "a singular noun": (
        "[MSCs|CELL_TYPE] secrete [IL-10|CYTOKINE] , which inhibits [T cells|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (5, "dep", D), (2, "relcl", V),
         (7, "compound", N), (5, "dobj", N), (1, "punct", X)],
        {("MSCs", "SECRETES", "IL-10", False), ("IL-10", "INHIBITS", "T cells", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", EVENT_RELATIVES.values(), ids=EVENT_RELATIVES.keys())
def test_which_clause_on_the_event(parsed_relations: Callable[..., set], marked: str, rows: Rows,
                                   expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


SUPPORT = {
    "a tissue supported is protected": (
        "[Stem cells|CELL_TYPE] support damaged [nerve tissue|ANATOMY] .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (5, "amod", V), (5, "compound", N),
         (2, "dobj", N), (2, "punct", X)],
        {("Stem cells", "PROTECTS", "nerve tissue", False)}),
    "a cell population supported is activated": (
        "[MSCs|CELL_TYPE] support [T cells|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "ACTIVATES", "T cells", False)}),
    "a tissue's growth supported is furthered": (
        "[MSCs|CELL_TYPE] support new [blood vessel|ANATOMY] growth .",
        [(1, "nsubj", N), (1, "ROOT", V), (5, "amod", A), (4, "compound", N), (5, "compound", N),
         (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "ACTIVATES", "blood vessel", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", SUPPORT.values(), ids=SUPPORT.keys())
def test_support_by_its_object(parsed_relations: Callable[..., set], marked: str, rows: Rows,
                               expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


CLASS_NOUNS = {
    # the examples of a class-noun agent are the agents
    "an agent's examples": (
        "[MSCs|CELL_TYPE] are guided by [chemokines|CYTOKINE] such as [SDF-1|CYTOKINE] and [IL-8|CYTOKINE] .",
        [(2, "nsubjpass", N), (2, "auxpass", V), (2, "ROOT", V), (2, "agent", P), (3, "pobj", N),
         (6, "amod", A), (4, "prep", P), (6, "pobj", N), (7, "cc", C), (7, "conj", N), (2, "punct", X)],
        {("SDF-1", "ACTIVATES", "MSCs", False), ("IL-8", "ACTIVATES", "MSCs", False)}),
    # examples of a harmed noun are each a subject of their own ("Injury to astrocytes")
    "the harm to each example": (
        "Injury to [neurons|CELL_TYPE] , such as [astrocytes|CELL_TYPE] and [glia|CELL_TYPE] , causes"
        " [ataxia|DISEASE] .",
        [(10, "nsubj", N), (0, "prep", P), (1, "pobj", N), (0, "punct", X), (5, "amod", A), (0, "prep", P),
         (5, "pobj", N), (6, "cc", C), (6, "conj", N), (10, "punct", X), (10, "ROOT", V), (10, "dobj", N),
         (10, "punct", X)],
        {("Injury to astrocytes", "DRIVES", "ataxia", False), ("Injury to glia", "DRIVES", "ataxia", False)}),
    # a drug class is an agent of its own
    "a drug class's examples": (
        "[Tics|DISEASE] are treated by [neuroleptics|CHEMICAL] such as [haloperidol|CHEMICAL] .",
        [(2, "nsubjpass", N), (2, "auxpass", V), (2, "ROOT", V), (2, "agent", P), (3, "pobj", N),
         (6, "amod", A), (4, "prep", P), (6, "pobj", N), (2, "punct", X)],
        {("neuroleptics", "TREATS", "Tics", False), ("haloperidol", "TREATS", "Tics", False)}),
    # an object keeps its class noun
    "an object's examples": (
        "[MSCs|CELL_TYPE] release [cytokines|CYTOKINE] such as [IL-6|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (4, "amod", A), (2, "prep", P), (4, "pobj", N),
         (1, "punct", X)],
        {("MSCs", "SECRETES", "cytokines", False), ("MSCs", "SECRETES", "IL-6", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", CLASS_NOUNS.values(), ids=CLASS_NOUNS.keys())
def test_class_noun_subjects(parsed_relations: Callable[..., set], marked: str, rows: Rows,
                             expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


OUTCOME_NAMES = {
    # wherever the parse hangs "of life"
    "quality of life": (
        "[MSCs|CELL_TYPE] improve motor function and quality of life .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (3, "cc", C), (3, "conj", N),
         (3, "prep", P), (6, "pobj", N), (1, "punct", X)],
        {("MSCs", "INCREASES", "motor function", False), ("MSCs", "INCREASES", "quality of life", False)}),
    # "their" names an owner the phrase does not: no part of the outcome's name
    "a possessive pronoun": (
        "[MSCs|CELL_TYPE] enhance their survival .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "poss", D), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "ACTIVATES", "survival", False)}),
    "a named owner stays": (
        "[MSCs|CELL_TYPE] improve neuronal survival .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "INCREASES", "neuronal survival", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", OUTCOME_NAMES.values(), ids=OUTCOME_NAMES.keys())
def test_outcome_names(parsed_relations: Callable[..., set], marked: str, rows: Rows,
                       expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("word,pos,plural", [
    ("neurons", N, True), ("MSCs", "PROPN", True), ("cell", N, False), ("diabetes", N, False),
    ("sepsis", N, False), ("stress", N, False), ("IL-6", N, False)])
def test_plural_noun(word: str, pos: str, plural: bool) -> None:
    assert plural_noun(Doc(VOCAB, words=[word], pos=[pos])[0]) is plural


@pytest.mark.parametrize("words,heads,deps,singular", [
    (["which", "supports"], [1, 1], ["dep", "ROOT"], True),
    (["which", "support"], [1, 1], ["dep", "ROOT"], False),
    (["which", "has", "led"], [2, 2, 2], ["dep", "aux", "ROOT"], True),
    (["which", "have", "led"], [2, 2, 2], ["dep", "aux", "ROOT"], False),
    (["which", "can", "help"], [2, 2, 2], ["dep", "aux", "ROOT"], False),
    (["which", "is"], [1, 1], ["dep", "ROOT"], True)])
def test_singular_verb(words: list[str], heads: list[int], deps: list[str], singular: bool) -> None:
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=["DET"] + [V] * (len(words) - 1))
    assert singular_verb(doc[len(words) - 1]) is singular


FRAGMENTS = {
    # the function of named cells: the cells are the object
    "an outcome whose owner is an object": (
        "[MSCs|CELL_TYPE] regulate the effector function of [T cells|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "dobj", N), (4, "prep", P),
         (7, "compound", N), (5, "pobj", N), (1, "punct", X)],
        {("MSCs", "ASSOCIATED_WITH", "T cells", False)}),
    # no object for the owner (improve_gain takes no cells): the outcome stays
    "an outcome whose owner is no object": (
        "[MSCs|CELL_TYPE] improve the function of [neurons|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P), (4, "pobj", N),
         (1, "punct", X)],
        {("MSCs", "INCREASES", "function of neurons", False)}),  # shown with its of-phrase
}


@pytest.mark.parametrize("marked,rows,expected", FRAGMENTS.values(), ids=FRAGMENTS.keys())
def test_outcome_fragments(parsed_relations: Callable[..., set], marked: str, rows: Rows,
                           expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


def test_an_outcome_listed_before_the_owner(parsed_relations: Callable[..., set]) -> None:
    # the parse hangs "of T cells" on the list's first item
    rows = [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "cc", C), (6, "amod", A),
            (3, "conj", N), (3, "prep", P), (9, "compound", N), (7, "pobj", N), (1, "punct", X)]
    found = parsed_relations("[MSCs|CELL_TYPE] regulate the proliferation and effector function of"
                             " [T cells|CELL_TYPE] .", rows)
    assert found == {("MSCs", "ASSOCIATED_WITH", "T cells", False)}


@pytest.mark.parametrize("marked,rows,expected", [
    ("[Inflammation|PROCESS] worsens motor function .",
     [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "punct", X)],
     {("Inflammation", "DECREASES", "motor function", False)}),
    ("[Smoking|CHEMICAL] worsens [asthma|DISEASE] .",
     [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
     {("Smoking", "DRIVES", "asthma", False)}),
    ("[Inflammation|PROCESS] disrupts brain function .",
     [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
     {("Inflammation", "DECREASES", "brain function", False)}),
    ("[Oxidative stress|PROCESS] impaired neuronal survival .",
     [(1, "amod", A), (2, "nsubj", N), (2, "ROOT", V), (4, "amod", A), (2, "dobj", N), (2, "punct", X)],
     {("Oxidative stress", "DECREASES", "neuronal survival", False)}),
    # not a gain: a harm verb on anything else says nothing of polarity
    ("[Detergents|CHEMICAL] disrupt [membranes|ANATOMY] .",
     [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
     set()),
], ids=["a gain worsened is lowered", "a disease worsened is driven", "a gain disrupted is lowered",
        "a gain impaired is lowered", "a non-gain disrupted gives nothing"])
def test_a_harm_verb_by_its_object(parsed_relations: Callable[..., set], marked: str, rows: Rows,
                                   expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected
