"""Drug-class terms from MeSH D27 (pipeline/lexicon/drugclass.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import MechmineError
from pipeline.lexicon.drugclass import (
    DRUG_CLASS_SOURCE,
    DrugClassParser,
    class_term,
    head_variants,
    is_drug_class_mention,
    load_drug_class_rule,
)
from pipeline.lexicon.sources import ClassRules, Concept, ConceptStore
from pipeline.ruledata import load_yaml, resource_path

RULE = load_drug_class_rule()


@pytest.mark.parametrize(("term", "kept"), [
    ("Dopamine Agonists", True),
    ("Protease Inhibitors", True),
    ("Calcium Channel Blockers", True),
    ("Neuroprotective Drugs", True),
    ("Immunosuppressive Agents", True),
    ("Immunosuppressants", True),
    ("Anticoagulants", True),
    ("Environmental Pollutants", True),
    ("Tricyclic Antidepressants", True),
    ("Dopamine Agonist", False),        # singular: "a dopamine agonist" names one drug
    ("Agonists, Dopamine", False),      # permuted entry term
    ("Adrenergic", False),              # an adjective
    ("Analgesics", False),              # -ics: also the adjective's plural-looking noun, not kept
    ("Immunosuppressant", False),       # singular of a one-word class noun
    ("Ants", False),                    # the suffix alone is no class noun
    ("Antiinflammatory Agent", False),
])
def test_class_term(term: str, kept: bool) -> None:
    assert class_term(term, RULE) is kept


@pytest.mark.parametrize(("term", "variants"), [
    ("Neuroprotective Agents", ["Neuroprotective drugs"]),
    ("Antiarrhythmic Drugs", ["Antiarrhythmic agents"]),
    ("Dopamine Agonists", []),
    ("Immunosuppressants", []),
])
def test_head_variants(term: str, variants: list[str]) -> None:
    assert head_variants(term, RULE) == variants


def test_parser_keeps_class_nouns_of_unclassed_descriptors_only() -> None:
    rules = load_yaml(resource_path("lexicon_classes.yaml"), ClassRules)
    store = ConceptStore(rules)
    chem = store.concepts.setdefault("MESH:D000002", Concept("MESH:D000002", "Somedrug"))
    chem.classes.add("CHEMICAL")
    text = "\n".join([
        "D000001\tDopamine Agonists\tAgonists, Dopamine|Dopamine Agonist|Dopaminergic Agonists\tD27.505.1",
        "D000002\tSomedrug\tSomedrug Inhibitors\tD02.1|D27.505.2",   # classed by its D02 tree
        "D000003\tAnalgesics\tAnalgesic|Analgesic Drugs\tD27.505.3",
        "D000004\tAdrenergic Agents\tAdrenergic\tD27.505.4",
        "D000005\tKidney\tKidneys\tA05.1",                           # not D27
    ])
    DrugClassParser(store).parse(text, RULE)
    terms = {k: dict(c.terms) for k, c in store.concepts.items()}
    assert terms["MESH:D000001"] == {"Dopamine Agonists": DRUG_CLASS_SOURCE,
                                     "Dopaminergic Agonists": DRUG_CLASS_SOURCE}
    assert store.concepts["MESH:D000001"].classes == {"CHEMICAL"}
    assert terms["MESH:D000002"] == {}  # the chemical's own tree decides its terms
    assert terms["MESH:D000003"] == {"Analgesic Drugs": DRUG_CLASS_SOURCE,
                                     "Analgesic agents": DRUG_CLASS_SOURCE}
    assert terms["MESH:D000004"] == {"Adrenergic Agents": DRUG_CLASS_SOURCE,
                                     "Adrenergic drugs": DRUG_CLASS_SOURCE}
    assert "MESH:D000005" not in store.concepts


@pytest.mark.parametrize(("words", "start", "mention"), [
    (["protease", "inhibitors"], False, True),
    (["Dopamine", "agonists"], True, True),
    (["Dopamine", "agonists"], False, False),      # a capitalised name inside a sentence (a title)
    (["Protease", "Inhibitors"], True, False),     # title case
    (["immunosuppressants"], False, True),
    (["anti", "-", "inflammatory", "drugs"], False, True),
    (["dopamine", "agonist"], False, False),
])
def test_is_drug_class_mention(words: list[str], start: bool, mention: bool) -> None:
    assert is_drug_class_mention(words, start) is mention


def test_rule_file_rejects_unknown_keys_and_singular_heads(tmp_path: Path) -> None:
    meta = "meta: {name: t, version: '1', source: s, licence: MIT}\n"
    bad = tmp_path / "bad.yaml"
    bad.write_text(meta + "trees: [D27]\nheads: [agonists]\nsuffixes: [ants]\nextra: 1\n")
    with pytest.raises(MechmineError):
        load_drug_class_rule(bad)
    bad.write_text(meta + "trees: [D27]\nheads: [agonist]\nsuffixes: [ants]\n")
    with pytest.raises(MechmineError):
        load_drug_class_rule(bad)
