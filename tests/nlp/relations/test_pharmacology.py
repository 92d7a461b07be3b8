"""Drug -> disease constructions of pharmacology abstracts (issue 12, BioRED recall): an agent
used for / effective in the treatment or prevention of a disease, a disease caused by an agent,
"X corrected D", and the agent of "treatment with X" / "X pretreatment". Marked sentences with
hand-built parses (CRAFT/ClearNLP labels) through the whole component."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, A, P, D, X, AUX = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "AUX"

# "X is used for the treatment of D": Aspirin0 is1 used2 for3 the4 <noun>5 of6 gout7 .8
USED_FOR = [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (5, "det", D),
            (3, "pobj", N), (5, "prep", P), (6, "pobj", N), (2, "punct", X)]
# "X was effective in the treatment of D", the in-phrase on the copula (index 3 -> 1) or on the
# adjective (3 -> 2)


def effective(prep_head: int) -> list[tuple[int, str, str]]:
    return [(1, "nsubj", N), (1, "ROOT", AUX), (1, "acomp", A), (prep_head, "prep", P), (5, "det", D),
            (3, "pobj", N), (5, "prep", P), (6, "pobj", N), (1, "punct", X)]


# "The D caused by X faded": The0 fever1 <verb>2 by3 aspirin4 faded5 .6
CAUSED_BY = [(1, "det", D), (5, "nsubj", N), (1, "acl", V), (2, "agent", P), (3, "pobj", N),
             (5, "ROOT", V), (5, "punct", X)]

CASES = {
    "used for the treatment of": (
        "[Aspirin|CHEMICAL] is used for the treatment of [gout|DISEASE] .", USED_FOR,
        {("Aspirin", "TREATS", "gout", False)}),
    "approved for the prevention of": (
        "[Aspirin|CHEMICAL] is approved for the prevention of [gout|DISEASE] .", USED_FOR,
        {("Aspirin", "TREATS", "gout", False)}),
    # a verb of study is no use for a therapy
    "examined for the treatment of: none": (
        "[Aspirin|CHEMICAL] is examined for the treatment of [gout|DISEASE] .", USED_FOR, set()),
    "used for the analysis of: none": (
        "[Aspirin|CHEMICAL] is used for the analysis of [gout|DISEASE] .", USED_FOR, set()),
    "effective in the treatment of (on the copula)": (
        "[Aspirin|CHEMICAL] was effective in the treatment of [gout|DISEASE] .", effective(1),
        {("Aspirin", "TREATS", "gout", False)}),
    "effective in the management of (on the adjective)": (
        "[Aspirin|CHEMICAL] was effective in the management of [gout|DISEASE] .", effective(2),
        {("Aspirin", "TREATS", "gout", False)}),
    "ineffective in the treatment of: none": (
        "[Aspirin|CHEMICAL] was ineffective in the treatment of [gout|DISEASE] .", effective(1), set()),
    "the disease caused by": (
        "The [fever|DISEASE] caused by [aspirin|CHEMICAL] faded .", CAUSED_BY,
        {("aspirin", "DRIVES", "fever", False)}),
    "the disease produced by": (
        "The [fever|DISEASE] produced by [aspirin|CHEMICAL] faded .", CAUSED_BY,
        {("aspirin", "DRIVES", "fever", False)}),
    # a protein made by a drug is no disease it causes
    "a protein produced by a drug: none": (
        "The [IL6|GENE_OR_PROTEIN] produced by [aspirin|CHEMICAL] faded .", CAUSED_BY, set()),
    "X-elicited D": (
        "[Aspirin|CHEMICAL] - elicited [fever|DISEASE] faded .",
        [(2, "npadvmod", N), (2, "punct", X), (3, "amod", V), (4, "nsubj", N), (4, "ROOT", V),
         (4, "punct", X)],
        {("Aspirin", "DRIVES", "fever", False)}),
    "X corrected D": (
        "[Iodide|CHEMICAL] corrected the [goitre|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (1, "punct", X)],
        {("Iodide", "TREATS", "goitre", False)}),
    "X corrected a protein: none": (
        "[Iodide|CHEMICAL] corrected the [IL6|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (1, "punct", X)], set()),
    "treatment with X reduced D": (
        "Treatment with [aspirin|CHEMICAL] reduced [fever|DISEASE] .",
        [(3, "nsubj", N), (0, "prep", P), (1, "pobj", N), (3, "ROOT", V), (3, "dobj", N), (3, "punct", X)],
        {("aspirin", "DECREASES", "fever", False)}),
    "X pretreatment reduced D": (
        "[Aspirin|CHEMICAL] pretreatment reduced [fever|DISEASE] .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)],
        {("Aspirin", "DECREASES", "fever", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", CASES.values(), ids=CASES.keys())
def test_drug_disease_constructions(parsed_relations: Callable[..., set], marked: str,
                                    rows: list[tuple[int, str, str]],
                                    expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


# "Z attenuated X-induced D": Aspirin0 attenuated1 cocaine2 -3 induced4 fever5 .6
HYPHEN_INDUCED = [(1, "nsubj", N), (1, "ROOT", V), (4, "npadvmod", N), (4, "punct", X), (5, "amod", V),
                  (1, "dobj", N), (1, "punct", X)]
COUNTER = {
    "Z attenuated X-induced D": (
        "[Aspirin|CHEMICAL] attenuated [cocaine|CHEMICAL] - induced [fever|DISEASE] .", HYPHEN_INDUCED,
        {("Aspirin", "INHIBITS", "cocaine", False), ("Aspirin", "DECREASES", "fever", False),
         ("cocaine", "DRIVES", "fever", False)}),
    # a verb of increase counters nothing
    "Z enhanced X-induced D: no counter": (
        "[Aspirin|CHEMICAL] enhanced [cocaine|CHEMICAL] - induced [fever|DISEASE] .", HYPHEN_INDUCED,
        {("Aspirin", "ACTIVATES", "fever", False), ("cocaine", "DRIVES", "fever", False)}),
    # a cell counters the disease, not the inducer (molecules only)
    "cells attenuated X-induced D: no counter": (
        "[Monocytes|CELL_TYPE] attenuated [cocaine|CHEMICAL] - induced [fever|DISEASE] .", HYPHEN_INDUCED,
        {("Monocytes", "DECREASES", "fever", False), ("cocaine", "DRIVES", "fever", False)}),
    "Z decreased IL6 expression induced by X": (
        "[Aspirin|CHEMICAL] decreased [IL6|GENE_OR_PROTEIN] expression induced by [cocaine|CHEMICAL] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (3, "acl", V), (4, "agent", P),
         (5, "pobj", N), (1, "punct", X)],
        {("Aspirin", "INHIBITS", "cocaine", False), ("Aspirin", "DECREASES", "IL6", False),
         ("cocaine", "ACTIVATES", "IL6", False)}),
    "Z protects against X-induced D": (
        "[Aspirin|CHEMICAL] protects against [cocaine|CHEMICAL] - induced [fever|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (5, "npadvmod", N), (5, "punct", X), (6, "amod", V),
         (2, "pobj", N), (1, "punct", X)],
        # rel-polarity: protecting against the induced disease lowers it (rule protective_against)
        {("Aspirin", "INHIBITS", "cocaine", False), ("cocaine", "DRIVES", "fever", False),
         ("Aspirin", "DECREASES", "fever", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", COUNTER.values(), ids=COUNTER.keys())
def test_an_agent_countering_an_induced_effect_counters_its_inducer(
        parsed_relations: Callable[..., set], marked: str, rows: list[tuple[int, str, str]],
        expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


TREATED = {
    "D was treated with X": (
        "[Gout|DISEASE] was treated with [aspirin|CHEMICAL] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N),
         (2, "punct", X)],
        {("aspirin", "TREATS", "Gout", False)}),
    # patients are no disease
    "patients were treated with X: none": (
        "Patients were treated with [aspirin|CHEMICAL] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N),
         (2, "punct", X)],
        set()),
    "the treatment of D with X (with on the disease)": (
        "The treatment of [gout|DISEASE] with [aspirin|CHEMICAL] works .",
        [(1, "det", D), (6, "nsubj", N), (1, "prep", P), (2, "pobj", N), (3, "prep", P), (4, "pobj", N),
         (6, "ROOT", V), (6, "punct", X)],
        {("aspirin", "TREATS", "gout", False)}),
    "X is effective against D": (
        "[Aspirin|CHEMICAL] is effective against [gout|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (1, "acomp", A), (2, "prep", P), (3, "pobj", N), (1, "punct", X)],
        {("Aspirin", "TREATS", "gout", False)}),
    # the copula's negation reaches its adjective
    "X is not effective against D: negated": (
        "[Aspirin|CHEMICAL] is not effective against [gout|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (1, "neg", "PART"), (1, "acomp", A), (3, "prep", P),
         (4, "pobj", N), (1, "punct", X)],
        {("Aspirin", "TREATS", "gout", True)}),
    "X is effective against a protein: none": (
        "[Aspirin|CHEMICAL] is effective against [IL6|GENE_OR_PROTEIN] .",
        [(1, "nsubj", N), (1, "ROOT", AUX), (1, "acomp", A), (2, "prep", P), (3, "pobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", TREATED.values(), ids=TREATED.keys())
def test_treated_with_and_effective_against(parsed_relations: Callable[..., set], marked: str,
                                            rows: list[tuple[int, str, str]],
                                            expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


DUE_TO = {
    "D secondary to X": (
        "[Hepatitis|DISEASE] secondary to [isoniazid|CHEMICAL] occurs .",
        [(4, "nsubj", N), (0, "amod", A), (1, "prep", P), (2, "pobj", N), (4, "ROOT", V), (4, "punct", X)],
        {("isoniazid", "DRIVES", "Hepatitis", False)}),
    "D was due to X": (
        "The [hepatitis|DISEASE] was due to [isoniazid|CHEMICAL] .",
        [(1, "det", D), (2, "nsubj", N), (2, "ROOT", AUX), (2, "prep", A), (3, "pcomp", P), (3, "pobj", N),
         (2, "punct", X)],
        {("isoniazid", "DRIVES", "hepatitis", False)}),
    "D due to X": (
        "[Hepatitis|DISEASE] due to [isoniazid|CHEMICAL] occurs .",
        [(4, "nsubj", N), (0, "prep", A), (1, "pcomp", P), (1, "pobj", N), (4, "ROOT", V), (4, "punct", X)],
        {("isoniazid", "DRIVES", "Hepatitis", False)}),
    # the cause must be an agent, the effect a disease
    "a disease due to a disease: none": (
        "[Hepatitis|DISEASE] due to [cirrhosis|DISEASE] occurs .",
        [(4, "nsubj", N), (0, "prep", A), (1, "pcomp", P), (1, "pobj", N), (4, "ROOT", V), (4, "punct", X)],
        set()),
    "a protein due to a drug: none": (
        "[IL6|GENE_OR_PROTEIN] due to [isoniazid|CHEMICAL] occurs .",
        [(4, "nsubj", N), (0, "prep", A), (1, "pcomp", P), (1, "pobj", N), (4, "ROOT", V), (4, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", DUE_TO.values(), ids=DUE_TO.keys())
def test_a_disease_due_to_its_cause(parsed_relations: Callable[..., set], marked: str,
                                    rows: list[tuple[int, str, str]],
                                    expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize(("words", "heads", "deps", "expected"), [
    # how often a disease occurs stands for it: "the risk of gout", "the incidence of gout"
    (["the", "risk", "of", "gout"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"], ["risk", "gout"]),
    (["the", "incidence", "of", "gout"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"],
     ["incidence", "gout"]),
    # a drug's treatment / pretreatment stands for the drug
    (["treatment", "with", "aspirin"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["treatment", "aspirin"]),
    (["aspirin", "pretreatment"], [1, 1], ["compound", "ROOT"], ["pretreatment", "aspirin"]),
    # a noun that is no measure of occurrence does not
    (["the", "cost", "of", "gout"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"], ["cost"]),
    (["care", "with", "aspirin"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["care"]),
])
def test_argument_heads_through_occurrence_and_treatment(words: list[str], heads: list[int],
                                                         deps: list[str], expected: list[str]) -> None:
    import spacy
    from spacy.tokens import Doc

    from pipeline.nlp.relations.patterns import load_patterns
    from pipeline.nlp.relations.syntax import argument_heads

    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert [t.text for t in argument_heads(root, load_patterns().through)] == expected
