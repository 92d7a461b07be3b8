"""Variants and mutated genes as subjects (issue 12): what a causal statement about a variant
says, what an association says, and which mentions name a variant themselves."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.nlp.relations.context import own_state
from pipeline.nlp.relations.rules import RuleSet
from pipeline.nlp.relations.types import Mention


def gene(text: str, label: str = "GENE_OR_PROTEIN") -> Mention:
    return Mention(0, 1, 0, len(text), text, label, (label,), "")


@pytest.mark.parametrize(
    ("text", "state"),
    [("K77E", "variant"), ("p.W12R", "variant"), ("c.91delT", "variant"), ("g.1200A>C", "variant"),
     ("rs98765", "variant"), ("Lys77Glu", "variant"), ("418 G>A", "variant"), ("IVS3+2", "variant"),
     ("-415 TT", "variant"), ("a glycine substitution at codon 51", "variant"), ("mutant PKD1", "variant"),
     ("212del4", "variant"),
     # a gene or protein is no variant, even when its symbol ends in letter + digits + letter
     ("PKD1", ""), ("S100B", ""), ("E2F", ""), ("IL-10", ""), ("CD44", ""), ("H3K9", ""), ("rs", "")],
)
def test_own_state(rules: RuleSet, text: str, state: str) -> None:
    assert own_state(rules.cues, gene(text)) == state


def test_own_state_only_for_genes(rules: RuleSet) -> None:
    # a cell line named like a substitution ("T47D" reads as one) is no variant
    assert own_state(rules.cues, gene("U87G", "CELL_TYPE")) == ""


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a causal statement about the variant itself: DRIVES, its own effect, positive
        ("The [K77E|GENE_OR_PROTEIN] mutation causes [gout|DISEASE] .",
         ("K77E", "DRIVES", "gout", "positive", "variant", False)),
        ("[c.91delT|GENE_OR_PROTEIN] leads to [ataxia|DISEASE] .",
         ("c.91delT", "DRIVES", "ataxia", "positive", "variant", False)),
        ("The [rs98765|GENE_OR_PROTEIN] allele was the cause of [gout|DISEASE] .",
         ("rs98765", "DRIVES", "gout", "positive", "variant", False)),
        # a gene said to be mutated: DRIVES, the variant kept as its state, its own effect unknown
        ("Mutations in [PKD1|GENE_OR_PROTEIN] cause [ataxia|DISEASE] .",
         ("PKD1", "DRIVES", "ataxia", "neutral", "variant", False)),
        ("[PKD1|GENE_OR_PROTEIN] mutations cause [ataxia|DISEASE] .",
         ("PKD1", "DRIVES", "ataxia", "neutral", "variant", False)),
        # a plain gene causing a disease stays an association (the retype)
        ("[PKD1|GENE_OR_PROTEIN] causes [ataxia|DISEASE] .",
         ("PKD1", "ASSOCIATED_WITH", "ataxia", "neutral", "", False)),
        # an association of a variant stays an association, neutral
        ("The [K77E|GENE_OR_PROTEIN] mutation is associated with [gout|DISEASE] .",
         ("K77E", "ASSOCIATED_WITH", "gout", "neutral", "variant", False)),
        # negated: kept with its flag (dropped by the scorers)
        ("The [K77E|GENE_OR_PROTEIN] mutation was not associated with [gout|DISEASE] .",
         ("K77E", "ASSOCIATED_WITH", "gout", "neutral", "variant", True)),
        ("The [K77E|GENE_OR_PROTEIN] mutation does not cause [gout|DISEASE] .",
         ("K77E", "DRIVES", "gout", "positive", "variant", True)),
    ],
)
def test_variant_statements(relations_of: Callable[[str], list], marked: str, expected: tuple) -> None:
    assert [(r.subject.text, r.predicate, r.object.text, r.polarity, r.subject_state, r.negated)
            for r in relations_of(marked)] == [expected]


@pytest.mark.parametrize(
    "marked",
    [
        # where the variant was found is no relation of ours
        "[PKD1|GENE_OR_PROTEIN] variants were found in patients with [ataxia|DISEASE] .",
        "Patients with [gout|DISEASE] carrying the [K77E|GENE_OR_PROTEIN] mutation were studied .",
    ],
)
def test_variant_carriers_state_no_relation(relations_of: Callable[[str], list], marked: str) -> None:
    assert relations_of(marked) == []


def test_variant_effect_on_a_molecule_stays_neutral(relations_of: Callable[[str], list]) -> None:
    # a mutated gene's effect on another molecule says nothing of the gene's own effect
    rels = relations_of("Mutations in [PKD1|GENE_OR_PROTEIN] reduced [IL-10|CYTOKINE] levels .")
    assert [(r.predicate, r.polarity, r.subject_state) for r in rels] == [("DECREASES", "neutral", "variant")]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # an association with a raised risk states its direction: a risk factor
        ("The [K77E|GENE_OR_PROTEIN] genotype was associated with a higher risk of [gout|DISEASE] .",
         [("K77E", "DRIVES", "gout", "positive", False)]),
        ("[Nicotine|CHEMICAL] was associated with a 2-fold greater risk for [gout|DISEASE] .",
         [("Nicotine", "DRIVES", "gout", "positive", False)]),
        ("The [K77E|GENE_OR_PROTEIN] genotype was not associated with a higher risk of [gout|DISEASE] .",
         [("K77E", "DRIVES", "gout", "positive", True)]),
        # a bare association stays one
        ("[Nicotine|CHEMICAL] was associated with [gout|DISEASE] .",
         [("Nicotine", "ASSOCIATED_WITH", "gout", "neutral", False)]),
        # a plain gene behind a raised risk stays an association (the retype)
        ("[PKD1|GENE_OR_PROTEIN] was associated with a higher risk of [gout|DISEASE] .",
         [("PKD1", "ASSOCIATED_WITH", "gout", "neutral", False)]),
    ],
)
def test_raised_risk(relations_of: Callable[[str], list], marked: str, expected: list) -> None:
    assert [(r.subject.text, r.predicate, r.object.text, r.polarity, r.negated)
            for r in relations_of(marked)] == expected


def test_lowered_risk_is_no_cause(relations_of: Callable[[str], list]) -> None:
    rels = relations_of("[Nicotine|CHEMICAL] was associated with a lower risk of [gout|DISEASE] .")
    assert [r for r in rels if r.predicate == "DRIVES"] == []


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # the disease behind the raised risk is the subject: the risk factor is the object of "with"
        ("An increased risk of [gout|DISEASE] was associated with the [K77E|GENE_OR_PROTEIN] genotype .",
         [("K77E", "DRIVES", "gout", "positive")]),
        # no raised risk of the risk factor itself
        ("A higher risk of [gout|DISEASE] was associated with [PKD1|GENE_OR_PROTEIN] .",
         [("PKD1", "ASSOCIATED_WITH", "gout", "neutral")]),
        ("[Gout|DISEASE] was associated with the [K77E|GENE_OR_PROTEIN] genotype .",
         [("Gout", "ASSOCIATED_WITH", "K77E", "neutral")]),
    ],
)
def test_raised_risk_of_the_subject(relations_of: Callable[[str], list], marked: str, expected: list) -> None:
    rels = relations_of(marked)
    assert [(r.subject.text, r.predicate, r.object.text, r.polarity) for r in rels] == expected


@pytest.mark.parametrize(
    ("marked", "subject"),
    [
        # the variant heads the phrase the gene lies in: the variant is the subject
        ("A [p.W12R|GENE_OR_PROTEIN] missense mutation in the [PKD1|GENE_OR_PROTEIN] gene causes "
         "[ataxia|DISEASE] .", "p.W12R"),
        ("The [K77E|GENE_OR_PROTEIN] substitution of [PKD1|GENE_OR_PROTEIN] leads to [ataxia|DISEASE] .",
         "K77E"),
        # a gene named first, or a plain gene before another: no change
        ("Mutations in [PKD1|GENE_OR_PROTEIN] cause [ataxia|DISEASE] .", "PKD1"),
        ("[TNF|GENE_OR_PROTEIN] and mutations in [PKD1|GENE_OR_PROTEIN] cause [ataxia|DISEASE] .", "PKD1"),
        # a variant after another variant is its own subject
        ("The [K77E|GENE_OR_PROTEIN] change and the substitution of [W12R|GENE_OR_PROTEIN] cause "
         "[ataxia|DISEASE] .", "W12R"),
    ],
)
def test_variant_heads_the_gene_phrase(relations_of: Callable[[str], list], marked: str,
                                       subject: str) -> None:
    rels = [r for r in relations_of(marked) if r.object.text == "ataxia" and r.subject.text != "TNF"]
    assert [(r.subject.text, r.predicate, r.subject_state) for r in rels] == [(subject, "DRIVES", "variant")]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("The [K77E|GENE_OR_PROTEIN] mutation is responsible for [gout|DISEASE] .",
         [("K77E", "DRIVES", "gout", "positive", False)]),
        ("[Nicotine|CHEMICAL] is not responsible for [gout|DISEASE] .",
         [("Nicotine", "DRIVES", "gout", "positive", True)]),
        ("[PKD1|GENE_OR_PROTEIN] is responsible for [gout|DISEASE] .",
         [("PKD1", "ASSOCIATED_WITH", "gout", "neutral", False)]),
        ("The [K77E|GENE_OR_PROTEIN] mutation predisposes to [gout|DISEASE] .",
         [("K77E", "DRIVES", "gout", "positive", False)]),
        # responsible for what is no disease: no relation of these rules
        ("[Nicotine|CHEMICAL] is responsible for [IL-6|CYTOKINE] release .", []),
    ],
)
def test_cause_words(relations_of: Callable[[str], list], marked: str, expected: list) -> None:
    assert [(r.subject.text, r.predicate, r.object.text, r.polarity, r.negated)
            for r in relations_of(marked)] == expected


def test_variant_effect_on_a_molecule_is_neutral(relations_of: Callable[[str], list]) -> None:
    rels = relations_of("The [K77E|GENE_OR_PROTEIN] mutation reduced [IL-10|CYTOKINE] levels .")
    assert [(r.predicate, r.polarity, r.subject_state) for r in rels] == [("DECREASES", "neutral", "variant")]
