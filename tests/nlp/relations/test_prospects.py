"""A therapy stated with no verb of treating (issue 12, rule therapy_prospect and the patterns
agent_offers_therapy*, agent_emerges_as_therapy, agent_holds_promise*, promise_misparsed_*,
role_for_verb): a prospect held or offered ("X holds promise for D", "X offers hope for patients
with D"), a role ("X is a promising option for D", "X has emerged as an option for D"), what the
role is for ("X holds promise for treating D"); hedged where
the text hedges, negated by the parse. Marked sentences of our own wording with hand-built parses
(CRAFT/ClearNLP labels, as the parser reads them, misreadings included) through the whole
component."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.relations.context import is_hedged
from pipeline.nlp.relations.rules import load_rules
from tests.nlp.relations.conftest import attach_parse

N, V, A, P, D, X, ADV = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "ADV"

PROSPECTS = {
    "hope offered to the people with the disease": (
        "[Stem cell|CELL_TYPE] therapy offers hope for patients with [multiple sclerosis|DISEASE] .",
        [(1, "compound", N), (2, "compound", N), (3, "nsubj", N), (3, "ROOT", V), (3, "dobj", N),
         (4, "prep", P), (5, "pobj", N), (6, "prep", P), (9, "amod", A), (7, "pobj", N), (3, "punct", X)],
        {("Stem cell", "TREATS", "multiple sclerosis", False, True)}),
    "a promising option": (
        "[MSCs|CELL_TYPE] are a promising option for [osteoarthritis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "attr", N), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "osteoarthritis", False, True)}),
    "a promise for the treatment of the disease": (
        "[Stem cells|CELL_TYPE] hold great promise for the treatment of [Parkinson disease|DISEASE] .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (4, "amod", A), (2, "dobj", N),
         (4, "prep", P), (7, "det", D), (5, "pobj", N), (7, "prep", P), (10, "compound", "PROPN"),
         (8, "pobj", N), (2, "punct", X)],
        {("Stem cells", "TREATS", "Parkinson disease", False, True)}),
    "considered a candidate": (
        "[MSCs|CELL_TYPE] are considered a promising candidate for [osteoarthritis|DISEASE] .",
        [(2, "nsubjpass", N), (2, "auxpass", V), (2, "ROOT", V), (5, "det", D), (5, "amod", A),
         (2, "dobj", N), (5, "prep", P), (6, "pobj", N), (2, "punct", X)],
        {("MSCs", "TREATS", "osteoarthritis", False, True)}),
    "emerged as an option": (
        "[MSC|CELL_TYPE] therapy has emerged as a promising option for [multiple sclerosis|DISEASE] .",
        [(1, "compound", N), (3, "nsubj", N), (3, "aux", V), (3, "ROOT", V), (3, "prep", P), (7, "det", D),
         (7, "amod", A), (4, "pobj", N), (7, "prep", P), (10, "amod", A), (8, "pobj", N), (3, "punct", X)],
        {("MSC", "TREATS", "multiple sclerosis", False, True)}),
    # what the prospect is for, a verb: that verb's rule, the prospect's holder its agent
    "a promise for treating": (
        "[MSCs|CELL_TYPE] hold great promise for treating [multiple sclerosis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "advmod", A), (1, "dobj", N), (3, "prep", P),
         (4, "pcomp", V), (7, "amod", A), (5, "dobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "multiple sclerosis", False, True)}),
    # "promise" read as the verb, "MSCs hold" as its subject
    "promise read as the verb of the subject hold": (
        "[MSCs|CELL_TYPE] hold promise for [multiple sclerosis|DISEASE] .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (2, "prep", P), (5, "amod", A),
         (3, "pobj", N), (2, "punct", X)],
        {("MSCs", "TREATS", "multiple sclerosis", False, True)}),
    # ... with "show" its auxiliary
    "promise read as the verb of the auxiliary show": (
        "[MSCs|CELL_TYPE] show promise in [osteoarthritis|DISEASE] .",
        [(1, "nsubj", N), (2, "aux", V), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N), (2, "punct", X)],
        {("MSCs", "TREATS", "osteoarthritis", False, True)}),
    # ... a complement that inherits the subject, the patients with the disease its object
    "promise read as a complement verb, in patients with": (
        "[MSC|CELL_TYPE] transplantation has shown promise in patients with [spinal cord injury|DISEASE] .",
        [(1, "compound", N), (3, "nsubj", N), (3, "aux", V), (3, "ROOT", V), (3, "xcomp", V),
         (4, "prep", P), (5, "pobj", N), (6, "prep", P), (9, "amod", A), (10, "compound", N), (7, "pobj", N),
         (3, "punct", X)],
        {("MSC", "TREATS", "spinal cord injury", False, True)}),
    # negated by the copula's "not", by "no" on the prospect, by the auxiliary's "not"
    "not an option": (
        "[MSCs|CELL_TYPE] are not a promising option for [osteoarthritis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "neg", ADV), (5, "det", D), (5, "amod", A), (1, "attr", N),
         (5, "prep", P), (6, "pobj", N), (1, "punct", X)],
        {("MSCs", "TREATS", "osteoarthritis", True, True)}),
    "no hope": (
        "[MSC|CELL_TYPE] therapy offers no hope for patients with [multiple sclerosis|DISEASE] .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (4, "det", D), (2, "dobj", N), (4, "prep", P),
         (5, "pobj", N), (6, "prep", P), (9, "amod", A), (7, "pobj", N), (2, "punct", X)],
        {("MSC", "TREATS", "multiple sclerosis", True, True)}),
    "does not hold promise": (
        "[MSCs|CELL_TYPE] do not hold promise for [multiple sclerosis|DISEASE] .",
        [(4, "nsubj", N), (3, "aux", V), (3, "neg", ADV), (4, "aux", V), (4, "ROOT", V), (4, "prep", P),
         (7, "amod", A), (5, "pobj", N), (4, "punct", X)],
        {("MSCs", "TREATS", "multiple sclerosis", True, True)}),
    # a bare role noun is no hedge
    "an option, unhedged": (
        "[MSCs|CELL_TYPE] are an option for [osteoarthritis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "attr", N), (3, "prep", P), (4, "pobj", N),
         (1, "punct", X)],
        {("MSCs", "TREATS", "osteoarthritis", False, False)}),
    # the role of a gene is no therapy (the rule's subject classes)
    "a gene as a candidate": (
        "[PINK1|GENE_OR_PROTEIN] is a candidate for [Parkinson disease|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "attr", N), (3, "prep", P),
         (6, "compound", "PROPN"), (4, "pobj", N), (1, "punct", X)],
        set()),
    # people who are no patients of the disease: no object
    "hope for patients, no disease": (
        "[MSCs|CELL_TYPE] offer hope for patients with [IL-6|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "prep", P), (3, "pobj", N), (4, "prep", P),
         (5, "pobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked, rows, expected", PROSPECTS.values(), ids=PROSPECTS.keys())
def test_a_therapy_stated_by_its_prospect(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                                          rows: list, expected: set) -> None:
    doc = attach_parse(marked_doc(marked), rows)
    rels = blank.get_pipe("mechmine_relations")(doc)._.relations
    assert {(r.subject.text, r.predicate, r.object.text, r.negated, r.hedged) for r in rels} == expected


@pytest.mark.parametrize(("sentence", "hedged"), [
    ("MSCs offer new hope for patients with MS.", True),
    ("Stem cells hold great promise for PD.", True),
    ("There is hope that MSCs will reduce relapses.", True),
    ("Some people see an immediate improvement:", True),
    ("Hope Biosciences reported that MSCs reduced fatigue.", False),
    ("The promise of MSCs was confirmed: MSCs reduced TNF.", False),
    ("Treated patients reported that MSCs reduced fatigue.", False),
])
def test_prospect_and_report_cues(sentence: str, hedged: bool) -> None:
    assert is_hedged(load_rules().cues, sentence) is hedged
