"""The direction an association states (rel-polarity, issue 12; context_cues.yaml
``risk_direction``, finalize.stated_direction): a lowered risk, likelihood, incidence or odds of
a disease ("X is linked to a lower likelihood of D": X DECREASES D, negative), a raised one (X
DRIVES D, positive), a signed adverb before the trigger ("inversely associated with"), and
protective associations ("X is protective against D", rule protective_against). A bare
association stays ASSOCIATED_WITH, and the risk of a disease is no treatment risk (the
``context`` column). Marked sentences of my own wording, some with hand-built parses
(CRAFT/ClearNLP labels)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.relations.context import before_trigger, behind_risk
from pipeline.nlp.relations.rules import RuleSet
from pipeline.nlp.relations.types import Mention

from .conftest import attach_parse

N, V, P, D, A, X, AUX, ADV = "NOUN", "VERB", "ADP", "DET", "ADJ", "PUNCT", "AUX", "ADV"

# "S is associated with a <adj> <noun> of O ."
ASSOCIATED_WITH_A = [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (6, "det", D),
                     (6, "amod", A), (3, "pobj", N), (6, "prep", P), (7, "pobj", N), (2, "punct", X)]


def parsed(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
           rows: list[tuple[int, str, str]]) -> list[tuple[str, str, str, str, bool, str]]:
    doc = attach_parse(marked_doc(marked), rows)
    return sorted((r.subject.text, r.predicate, r.object.text, r.polarity, r.negated, r.context)
                  for r in blank.get_pipe("mechmine_relations")(doc)._.relations)


@pytest.mark.parametrize("marked,expected", [
    # a lowered risk / likelihood / incidence / odds: a negative association
    ("[Caffeine|CHEMICAL] is associated with a reduced risk of [asthma|DISEASE] .",
     [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    ("[Caffeine|CHEMICAL] is linked to a lower likelihood of [asthma|DISEASE] .",
     [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    ("[Caffeine|CHEMICAL] was associated with a decreased incidence of [asthma|DISEASE] .",
     [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    ("[Caffeine|CHEMICAL] was associated with the lower odds of [asthma|DISEASE] .",
     [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    # the positive counterpart: a risk factor
    ("[Caffeine|CHEMICAL] is associated with an increased risk of [asthma|DISEASE] .",
     [("Caffeine", "DRIVES", "asthma", "positive", False, "pathology")]),
    ("[Caffeine|CHEMICAL] was linked to a higher likelihood of [asthma|DISEASE] .",
     [("Caffeine", "DRIVES", "asthma", "positive", False, "pathology")]),
    # no direction stated: an association
    ("[Caffeine|CHEMICAL] is associated with a lifetime risk of [asthma|DISEASE] .",
     [("Caffeine", "ASSOCIATED_WITH", "asthma", "neutral", False, "pathology")]),
    # a lowered amount is no lowered risk: "associated with" states no direction
    ("[Caffeine|CHEMICAL] is associated with the reduced expression of [IL-6|CYTOKINE] .",
     [("Caffeine", "ASSOCIATED_WITH", "IL-6", "neutral", False, "")]),
])
def test_a_risk_states_the_direction(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                                     expected: list) -> None:
    assert parsed(blank, marked_doc, marked, ASSOCIATED_WITH_A) == expected


MORE = {
    # negated, the turned relation is negated
    "not associated with a lower risk of D": (
        "[Caffeine|CHEMICAL] was not associated with a lower risk of [asthma|DISEASE] .",
        [(3, "nsubjpass", N), (3, "auxpass", AUX), (3, "neg", "PART"), (3, "ROOT", V), (3, "prep", P),
         (7, "det", D), (7, "amod", A), (4, "pobj", N), (7, "prep", P), (8, "pobj", N), (3, "punct", X)],
        [("Caffeine", "DECREASES", "asthma", "negative", True, "")]),
    # "developing" between: the disease is still behind the lowered likelihood
    "a lower likelihood of developing D": (
        "[Caffeine|CHEMICAL] is linked to a lower likelihood of developing [asthma|DISEASE] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (6, "det", D),
         (6, "amod", A), (3, "pobj", N), (6, "prep", P), (9, "amod", V), (7, "pobj", N), (2, "punct", X)],
        [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    # "higher X ... lower risk of D": the subject's amount named, the direction the risk's
    "higher X ... a lower risk of D": (
        "Higher [caffeine|CHEMICAL] intake was associated with a lower risk of [asthma|DISEASE] .",
        [(2, "amod", A), (2, "compound", N), (4, "nsubjpass", N), (4, "auxpass", AUX), (4, "ROOT", V),
         (4, "prep", P), (8, "det", D), (8, "amod", A), (5, "pobj", N), (8, "prep", P), (9, "pobj", N),
         (4, "punct", X)],
        [("caffeine", "DECREASES", "asthma", "negative", False, "")]),
}


@pytest.mark.parametrize("marked,rows,expected", MORE.values(), ids=MORE.keys())
def test_a_lowered_risk_in_longer_phrases(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                                          rows: list[tuple[int, str, str]], expected: list) -> None:
    assert parsed(blank, marked_doc, marked, rows) == expected


@pytest.mark.parametrize("marked,expected", [
    # the disease behind the lowered risk is the subject: the protective factor is the object of "with"
    # (the surface reader, no parse)
    ("A lower risk of [asthma|DISEASE] was associated with [caffeine|CHEMICAL] .",
     [("caffeine", "DECREASES", "asthma", "negative")]),
    ("A reduced incidence of [asthma|DISEASE] was associated with [caffeine|CHEMICAL] .",
     [("caffeine", "DECREASES", "asthma", "negative")]),
    ("[Asthma|DISEASE] was associated with [caffeine|CHEMICAL] .",
     [("Asthma", "ASSOCIATED_WITH", "caffeine", "neutral")]),
])
def test_a_lowered_risk_of_the_subject(relations_of: Callable[[str], list], marked: str,
                                       expected: list) -> None:
    rels = relations_of(marked)
    assert [(r.subject.text, r.predicate, r.object.text, r.polarity) for r in rels] == expected


# "S was <adverb> associated with O ."
ADVERB_ASSOCIATED = [(3, "nsubjpass", N), (3, "auxpass", AUX), (3, "advmod", ADV), (3, "ROOT", V),
                     (3, "prep", P), (4, "pobj", N), (3, "punct", X)]


@pytest.mark.parametrize("marked,expected", [
    ("[Caffeine|CHEMICAL] was inversely associated with [asthma|DISEASE] .",
     [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    ("[Caffeine|CHEMICAL] was negatively correlated with [asthma|DISEASE] .",
     [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    ("[Caffeine|CHEMICAL] was positively associated with [asthma|DISEASE] .",
     [("Caffeine", "DRIVES", "asthma", "positive", False, "pathology")]),
    # an adverb that names no sign leaves the association
    ("[Caffeine|CHEMICAL] was significantly associated with [asthma|DISEASE] .",
     [("Caffeine", "ASSOCIATED_WITH", "asthma", "neutral", False, "")]),
    # a symmetric association: the disease is the outcome, the agent the subject
    ("[Asthma|DISEASE] was inversely associated with [caffeine|CHEMICAL] .",
     [("caffeine", "DECREASES", "Asthma", "negative", False, "")]),
    # two molecules keep their order
    ("[IL-6|CYTOKINE] was inversely correlated with [TNF|CYTOKINE] .",
     [("IL-6", "DECREASES", "TNF", "negative", False, "")]),
])
def test_a_signed_adverb_states_the_direction(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                                              expected: list) -> None:
    assert parsed(blank, marked_doc, marked, ADVERB_ASSOCIATED) == expected


PROTECTIVE = {
    "protects against": (
        "[Caffeine|CHEMICAL] protects against [asthma|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    "is protective against": (
        "[Caffeine|CHEMICAL] is protective against [asthma|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (1, "acomp", A), (2, "prep", P), (3, "pobj", N), (1, "punct", X)],
        [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    "is not protective against": (
        "[Caffeine|CHEMICAL] is not protective against [asthma|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (1, "neg", "PART"), (1, "acomp", A), (3, "prep", P),
         (4, "pobj", N), (1, "punct", X)],
        [("Caffeine", "DECREASES", "asthma", "negative", True, "")]),
    "has a protective effect against": (
        "[Caffeine|CHEMICAL] has a protective effect against [asthma|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "dobj", N), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    "confers protection against": (
        "[Caffeine|CHEMICAL] confers protection against [asthma|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "prep", P), (3, "pobj", N), (1, "punct", X)],
        [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    "has a protective effect on": (
        "[Caffeine|CHEMICAL] has a protective effect on [asthma|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "dobj", N), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    # the agent in the noun's of-phrase, the against-phrase on the noun or on the agent
    "the protective effect of X on D": (
        "The protective effect of [caffeine|CHEMICAL] on [asthma|DISEASE] was studied .",
        [(2, "det", D), (2, "amod", A), (8, "nsubjpass", N), (2, "prep", P), (3, "pobj", N), (2, "prep", P),
         (5, "pobj", N), (8, "auxpass", AUX), (8, "ROOT", V), (8, "punct", X)],
        [("caffeine", "DECREASES", "asthma", "negative", False, "")]),
    "the cardioprotective role of X against D": (
        "The cardioprotective role of [caffeine|CHEMICAL] against [asthma|DISEASE] was studied .",
        [(2, "det", D), (2, "amod", A), (8, "nsubjpass", N), (2, "prep", P), (3, "pobj", N), (4, "prep", P),
         (5, "pobj", N), (8, "auxpass", AUX), (8, "ROOT", V), (8, "punct", X)],
        [("caffeine", "DECREASES", "asthma", "negative", False, "")]),
    "shows neuroprotection against": (
        "[Caffeine|CHEMICAL] shows neuroprotection against [asthma|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "prep", P), (3, "pobj", N), (1, "punct", X)],
        [("Caffeine", "DECREASES", "asthma", "negative", False, "")]),
    # a protective effect on a cell protects no disease
    "has a protective effect on a cell": (
        "[Caffeine|CHEMICAL] has a protective effect on [neurons|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "dobj", N), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        []),
    # a protected cell is rule protect's (PROTECTS), never a disease decreased
    "protects a cell": (
        "[Caffeine|CHEMICAL] protects [neurons|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        [("Caffeine", "PROTECTS", "neurons", "positive", False, "")]),
    # only a disease is protected against here
    "protects against a molecule": (
        "[Caffeine|CHEMICAL] protects against [IL-6|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        []),
}


@pytest.mark.parametrize("marked,rows,expected", PROTECTIVE.values(), ids=PROTECTIVE.keys())
def test_a_protective_association(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                                  rows: list[tuple[int, str, str]], expected: list) -> None:
    assert parsed(blank, marked_doc, marked, rows) == expected


def test_protective_without_a_parse(relations_of: Callable[[str], list]) -> None:
    rels = relations_of("[Caffeine|CHEMICAL] is protective against [asthma|DISEASE] .")
    assert [(r.subject.text, r.predicate, r.object.text, r.polarity) for r in rels] == [
        ("Caffeine", "DECREASES", "asthma", "negative")]


def test_a_treatment_risk_keeps_its_context(relations_of: Callable[[str], list]) -> None:
    """A side effect of a treatment is a risk statement; a disease's lowered risk is none."""
    rels = relations_of("[MSCs|CELL_TYPE] secrete [IL-6|CYTOKINE] , a potential risk of tumor formation .")
    assert [(r.predicate, r.context) for r in rels] == [("SECRETES", "risk")]


@pytest.mark.parametrize("words,raised,lowered", [
    ("associated with a lower risk of", False, True),
    ("linked to a reduced likelihood of developing", False, True),
    ("associated with a 2-fold higher odds for", True, False),
    ("associated with an increased incidence of", True, False),
    ("associated with a risk of", False, False),
    # a clause break ends the risk phrase
    ("associated with a lower risk of asthma , and", False, False),
])
def test_behind_risk(rules: RuleSet, words: str, raised: bool, lowered: bool) -> None:
    ws = [*words.split(), "d"]
    m = Mention(len(ws) - 1, len(ws), 0, 1, "D", "DISEASE", ("DISEASE",), "")
    raised_cue, lowered_cue = (b for b, _, _, _ in rules.cues.risk_direction[:2])
    assert raised_cue is not None and lowered_cue is not None
    assert (behind_risk(raised_cue, m, ws, 0, 0), behind_risk(lowered_cue, m, ws, 0, 0)) == (raised, lowered)


@pytest.mark.parametrize("words,signed", [
    ("x was inversely associated", True), ("x was negatively correlated", True),
    ("x was significantly associated", False), ("inversely , x was associated", False)])
def test_before_trigger(rules: RuleSet, words: str, signed: bool) -> None:
    ws = words.split()
    adverb = rules.cues.risk_direction[2][1]
    assert adverb is not None
    assert before_trigger(adverb, len(ws) - 1, ws, 0) is signed
