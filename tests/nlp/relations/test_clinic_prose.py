"""Rel-sample constructions (issue 12), from clinic and review prose: "affect / impact" (an
association on tissues, processes and functions), "interfere with" (an inhibition), "maintain"
(protection), body-function nouns of the WHO ICF as OUTCOME objects, qualified generic products
("anti-inflammatory mediators") as FACTOR objects of a secretion, "deliver X to cells" as a
transfer, and an abbreviation that is an agent by its long form. Marked sentences with hand-built
parses (CRAFT/ClearNLP labels) through the whole component, and the candidate filter."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.nlp.parser import candidate_sentences, relation_filter
from pipeline.nlp.relations.arguments import doc_mentions
from pipeline.nlp.relations.patterns import load_patterns
from pipeline.nlp.relations.rules import RuleSet, TriggerIndex

N, V, A, P, D, X, C, PR, AUX = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "CCONJ", "PRON", "AUX"

CASES = {
    "injury affects a function noun": (
        "[Stroke|DISEASE] affects mobility .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("Stroke", "ASSOCIATED_WITH", "mobility", False)}),
    "injury impacts a body part": (
        "[Sepsis|DISEASE] impacts the [kidney|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (1, "punct", X)],
        {("Sepsis", "ASSOCIATED_WITH", "kidney", False)}),
    "negated affect": (
        "[IL-10|CYTOKINE] did not affect [apoptosis|PROCESS] .",
        [(3, "nsubj", N), (3, "aux", AUX), (3, "neg", "PART"), (3, "ROOT", V), (3, "dobj", N),
         (3, "punct", X)],
        {("IL-10", "ASSOCIATED_WITH", "apoptosis", True)}),
    # a molecule or a disease affected says nothing a mechanism can use
    "no protein object for affect": (
        "[IL-10|CYTOKINE] affects [STAT3|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
    "no disease object for affect": (
        "[Obesity|DISEASE] affects [asthma|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
    "interfere with": (
        "[Fibrosis|PROCESS] interferes with breathing .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        {("Fibrosis", "INHIBITS", "breathing", False)}),
    # "interfere" without "with" reads nothing
    "interfere without with": (
        "[Fibrosis|PROCESS] interferes in [lung|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        set()),
    "maintain an outcome noun": (
        "[KGF|GROWTH_FACTOR] maintains barrier integrity .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("KGF", "PROTECTS", "barrier integrity", False)}),
    "maintain a cell population": (
        "[MSCs|CELL_TYPE] maintain [neurons|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "PROTECTS", "neurons", False)}),
    "maintain a protein: sustained, not protected": (  # the sustain rule, not maintain's PROTECTS
        "[MSCs|CELL_TYPE] maintain [Oct4|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "ACTIVATES", "Oct4", False)}),
    # ICF body functions: a gain is improved (INCREASES, never TREATS), a deficit prevented
    "improve a body function": (
        "[Exercise|PROCESS] and [MSCs|CELL_TYPE] improve coordination .",
        [(3, "nsubj", N), (0, "cc", C), (0, "conj", N), (3, "ROOT", V), (3, "dobj", N), (3, "punct", X)],
        {("MSCs", "INCREASES", "coordination", False)}),
    "improve circulation": (
        "[MSCs|CELL_TYPE] improve circulation .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "INCREASES", "circulation", False)}),
    "prevent stiffness": (
        "[MSCs|CELL_TYPE] prevent muscle stiffness .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "INHIBITS", "muscle stiffness", False)}),
    "no outcome for a word off the list": (
        "[MSCs|CELL_TYPE] improve weather .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_body_function_constructions(parsed_relations: Callable[..., set], marked: str,
                                     rows: list[tuple[int, str, str]],
                                     expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


def doc_of(rows: list[tuple[str, str]]) -> Doc:
    nlp = spacy.blank("en")
    words = [w for w, _ in rows]
    starts = [k == 0 or words[k - 1] == "." for k in range(len(words))]
    return Doc(nlp.vocab, words=words, ents=[e for _, e in rows], sent_starts=starts)


# the candidate filter parses a sentence whose object is a body-function noun of an affect or
# improve rule (0, 4) and not one whose noun is off the list (8)
FILTER_ROWS = [("Stroke", "B-DISEASE"), ("affects", "O"), ("posture", "O"), (".", "O"),
               ("MSCs", "B-CELL_TYPE"), ("improve", "O"), ("breathing", "O"), (".", "O"),
               ("MSCs", "B-CELL_TYPE"), ("improve", "O"), ("weather", "O"), (".", "O")]


def test_candidate_filter_takes_body_function_objects(rules: RuleSet) -> None:
    doc = doc_of(FILTER_ROWS)
    could = relation_filter(rules, TriggerIndex(rules), load_patterns().outcomes)
    assert candidate_sentences(doc, could, doc_mentions(doc, rules)) == [(0, 4), (4, 8)]


# generic products (pipeline/nlp/relations/products.py): a qualified "factors" / "mediators" /
# "molecules" object of a secretion is a FACTOR argument; bare, quantified, member-naming or
# non-secretion ones are none
FACTORS = {
    "adjective-qualified mediators": (
        "[MSCs|CELL_TYPE] release anti-inflammatory mediators .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "SECRETES", "anti-inflammatory mediators", False)}),
    # a compound names a kind the lexicon knows (or not): no FACTOR
    "compound-qualified molecules": (
        "[Fibroblasts|CELL_TYPE] secrete adhesion molecules .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        set()),
    "nominal secretion of qualified factors": (
        "The secretion of soluble factors by [MSCs|CELL_TYPE] helps .",
        [(1, "det", D), (7, "nsubj", N), (1, "prep", P), (4, "amod", A), (2, "pobj", N), (1, "prep", P),
         (5, "pobj", N), (7, "ROOT", V), (7, "punct", X)],
        {("MSCs", "SECRETES", "soluble factors", False)}),
    "bare factors": (
        "[MSCs|CELL_TYPE] release factors .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        set()),
    "quantifier only": (
        "[MSCs|CELL_TYPE] release other molecules .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "punct", X)],
        set()),
    "members named after the generic noun": (
        "[MSCs|CELL_TYPE] secrete regulatory factors like [NO|CHEMICAL] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (3, "prep", P), (4, "pobj", N),
         (1, "punct", X)],
        {("MSCs", "SECRETES", "NO", False)}),
    "members hung on the verb": (
        "[MSCs|CELL_TYPE] secrete regulatory factors like [NO|CHEMICAL] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "prep", P), (4, "pobj", N),
         (1, "punct", X)],
        {("MSCs", "SECRETES", "NO", False)}),
    # (a decrease or inhibition names FACTOR since rel-obj: decrease_factor, test_factor_objects.py)
    "no FACTOR object for a rule that does not name it": (
        "[MSCs|CELL_TYPE] stimulate harmful molecules .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", FACTORS.values(), ids=FACTORS.keys())
def test_qualified_generic_products(parsed_relations: Callable[..., set], marked: str,
                                    rows: list[tuple[int, str, str]],
                                    expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


# the filter parses a secretion of a generic product noun (0) and nothing for a rule without
# FACTOR (4)
# a secretion and (since rel-obj: decrease_factor) a decrease name FACTOR; a differentiation does not
FACTOR_ROWS = [("MSCs", "B-CELL_TYPE"), ("release", "O"), ("mediators", "O"), (".", "O"),
               ("MSCs", "B-CELL_TYPE"), ("reduce", "O"), ("mediators", "O"), (".", "O"),
               ("MSCs", "B-CELL_TYPE"), ("differentiate", "O"), ("mediators", "O"), (".", "O")]


def test_candidate_filter_takes_generic_products(rules: RuleSet) -> None:
    doc = doc_of(FACTOR_ROWS)
    patterns = load_patterns()
    could = relation_filter(rules, TriggerIndex(rules), frozenset(), frozenset(), patterns.factors)
    assert candidate_sentences(doc, could, doc_mentions(doc, rules)) == [(0, 4), (4, 8)]
    without = relation_filter(rules, TriggerIndex(rules))
    assert candidate_sentences(doc, without, doc_mentions(doc, rules)) == []


# "deliver X to cells" hands X over (TRANSFERS); without recipient cells it is a secretion
DELIVER = {
    "deliver to cells, on the verb": (
        "[MSCs|CELL_TYPE] deliver [mitochondria|ANATOMY] to [neurons|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "prep", P), (3, "pobj", N), (1, "punct", X)],
        {("MSCs", "TRANSFERS", "mitochondria", False)}),
    "deliver to cells, hung on the object": (
        "[MSCs|CELL_TYPE] deliver [mitochondria|ANATOMY] to [neurons|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "prep", P), (3, "pobj", N), (1, "punct", X)],
        {("MSCs", "TRANSFERS", "mitochondria", False)}),
    "deliver without recipient": (
        "[MSCs|CELL_TYPE] deliver [BDNF|GROWTH_FACTOR] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("MSCs", "SECRETES", "BDNF", False)}),
    "deliver to a tissue": (
        "[MSCs|CELL_TYPE] deliver [BDNF|GROWTH_FACTOR] to the [brain|ANATOMY] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "prep", P), (5, "det", D), (3, "pobj", N),
         (1, "punct", X)],
        {("MSCs", "SECRETES", "BDNF", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", DELIVER.values(), ids=DELIVER.keys())
def test_deliver_to_cells_is_a_transfer(parsed_relations: Callable[..., set], marked: str,
                                        rows: list[tuple[int, str, str]],
                                        expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("long_form,agent", [
    ("mesenchymal stem cell-derived microvesicles", True),
    ("matrix metalloproteinase", False),
    ("", False),
])
def test_an_abbreviation_is_an_agent_by_its_long_form(rules: RuleSet, long_form: str, agent: bool) -> None:
    from pipeline.nlp.extensions import MentionInfo
    from pipeline.nlp.relations.arguments import AGENT

    doc = doc_of([("MMVs", "B-ANATOMY"), ("help", "O"), (".", "O")])
    doc._.mentions = {(0, 4): MentionInfo(("ANATOMY",), "", "", long_form)}
    (m,) = doc_mentions(doc, rules)
    assert (AGENT in m.classes) is agent


# "X and Y, all of which V": the quantified relative's agent is the list right before it, wherever
# the parse hangs the clause; "all of them" is no relative
QUANTIFIED = {
    "all of which, clause on the list": (
        "[FoxM1|GENE_OR_PROTEIN] and [Miro1|GENE_OR_PROTEIN] , all of which protect [neurons|CELL_TYPE] .",
        [(0, "ROOT", N), (0, "cc", C), (0, "conj", N), (0, "punct", X), (7, "dep", D), (4, "prep", P),
         (5, "pobj", D), (0, "relcl", V), (7, "dobj", N), (0, "punct", X)],
        {("FoxM1", "PROTECTS", "neurons", False), ("Miro1", "PROTECTS", "neurons", False)}),
    "all of which, clause hung on the subject": (
        "[MSCs|CELL_TYPE] raise [FoxM1|GENE_OR_PROTEIN] and [Miro1|GENE_OR_PROTEIN] , all of which protect"
        " [neurons|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "cc", C), (2, "conj", N), (2, "punct", X),
         (9, "dep", D), (6, "prep", P), (7, "pobj", D), (0, "relcl", V), (9, "dobj", N), (1, "punct", X)],
        {("MSCs", "INCREASES", "FoxM1", False), ("MSCs", "INCREASES", "Miro1", False),
         ("FoxM1", "PROTECTS", "neurons", False), ("Miro1", "PROTECTS", "neurons", False)}),
    "all of them": (
        "[FoxM1|GENE_OR_PROTEIN] and [Miro1|GENE_OR_PROTEIN] rise ; all of them protect"
        " [neurons|CELL_TYPE] .",
        [(3, "nsubj", N), (0, "cc", C), (0, "conj", N), (3, "ROOT", V), (3, "punct", X), (8, "nsubj", D),
         (5, "prep", P), (6, "pobj", PR), (3, "conj", V), (8, "dobj", N), (3, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", QUANTIFIED.values(), ids=QUANTIFIED.keys())
def test_quantified_relative_takes_the_list_before_it(parsed_relations: Callable[..., set], marked: str,
                                                      rows: list[tuple[int, str, str]],
                                                      expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected
