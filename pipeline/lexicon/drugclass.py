"""Drug classes named by their pharmacological action (MeSH D27, issue 14).

MeSH's "Chemical Actions and Uses" descriptors (D27: Dopamine Agonists, Protease Inhibitors,
Neuroprotective Agents, Immunosuppressive Agents) name classes of drugs. Taken wholesale they
match adjectives ("adrenergic", "analgesic") and bare nouns everywhere (BC5CDR devel strict F1
0.8445 -> 0.8330 on branch lexbuild), so :class:`DrugClassParser` keeps only the entry terms
that are a plural noun phrase headed by a class noun ("dopamine agonists", "neuroprotective
drugs") or by a plural noun of an action suffix ("immunosuppressants"); the terms carry the
source ``DRUG_CLASS_SOURCE`` and the runtime (:func:`is_drug_class_mention`) takes a match of
them only as a plural noun phrase, a class-noun mention (``doc.spans["mechmine_group"]``).
A descriptor another tree already classes (a chemical also filed under D27) is left to its tree.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import Field, field_validator

from pipeline.lexicon.sources import SourceParser
from pipeline.ruledata import Meta, Strict, load_yaml, resource_path

DRUG_CLASS_SOURCE = "mesh_drug_class"
RULE_FILE = "drug_classes.yaml"
CLASS = "CHEMICAL"


class DrugClassRule(Strict):
    meta: Meta
    trees: list[str]  # MeSH tree prefixes of pharmacological actions (D27)
    heads: list[str]  # plural class nouns a term may end with ("agonists")
    suffixes: list[str]  # endings of a one-word plural class noun ("immunosuppressants": "ants")
    # heads that name the same class ("agents", "drugs")
    interchangeable: list[str] = Field(default_factory=list)

    @field_validator("heads", "suffixes", "interchangeable")
    @classmethod
    def _plural_words(cls, words: list[str]) -> list[str]:
        for w in words:
            if not w.isalpha() or w != w.lower() or not w.endswith("s"):
                raise ValueError(f"{w!r}: a head or suffix is one lower-case plural word")
        return words


def load_drug_class_rule(path: Path | None = None) -> DrugClassRule:
    """``resources/drug_classes.yaml`` (or ``path``), validated."""
    return load_yaml(path or resource_path(RULE_FILE), DrugClassRule)


def class_term(term: str, rule: DrugClassRule) -> bool:
    """A D27 entry term that names the class as a plural noun phrase: its last word is a head
    ("Dopamine Agonists") or a plural class noun of a suffix ("Immunosuppressants",
    "Environmental Pollutants"); not a permuted form ("Agonists, Dopamine"), not a singular
    ("Dopamine Agonist")."""
    if ", " in term:
        return False
    words = term.lower().split()
    if not words:
        return False
    last = words[-1]
    return last in rule.heads or any(last.endswith(s) and len(last) > len(s) + 3 for s in rule.suffixes)


def head_variants(term: str, rule: DrugClassRule) -> list[str]:
    """The term with each other interchangeable head ("Neuroprotective Agents" ->
    "Neuroprotective drugs"): MeSH lists one or both forms of a class."""
    words = term.split()
    if len(words) < 2 or words[-1].lower() not in rule.interchangeable:
        return []
    return [" ".join([*words[:-1], h]) for h in rule.interchangeable if h != words[-1].lower()]


def in_trees(trees: list[str], prefixes: list[str]) -> bool:
    return any(t == p or t.startswith(p + ".") for t in trees for p in prefixes)


class DrugClassParser(SourceParser):
    """The D27 descriptors no other tree classes, with their class-noun terms only."""

    def parse(self, desc_text: str, rule: DrugClassRule) -> None:
        for row in csv.reader(io.StringIO(desc_text), delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 4 or not in_trees(row[3].split("|"), rule.trees):
                continue
            kb_id = f"MESH:{row[0]}"
            if kb_id in self.concepts and self.concepts[kb_id].classes:
                continue  # a chemical also filed under D27 keeps its own tree's terms
            names = [row[1], *(s for s in row[2].split("|") if s)]
            kept = [n for n in names if class_term(n, rule)]
            kept += [v for n in kept for v in head_variants(n, rule)]
            self.counts["dropped_drug_class_term"] += len(names) - len(set(names) & set(kept))
            if not kept:
                continue
            c = self.concept(kb_id, row[1])
            c.classes.add(CLASS)
            for n in kept:
                c.add(n, DRUG_CLASS_SOURCE)
            self.counts["mesh_drug_classes"] += 1


def is_drug_class_mention(words: list[str], sentence_start: bool) -> bool:
    """A match of a drug-class term is a mention written as a plural noun phrase in lower case
    (the first word may be capitalised at the start of a sentence): "protease inhibitors",
    "Dopamine agonists begin ..."; not "Protease Inhibitors" in a title."""
    if not words:
        return False
    first = words[0]
    if sentence_start and first[:1].isupper() and first[1:].islower():
        first = first.lower()
    rest = [first, *words[1:]]
    return all(w.islower() or not any(c.isalpha() for c in w) for w in rest) and rest[-1].endswith("s")
