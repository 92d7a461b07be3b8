"""Classes of MeSH entries that another vocabulary settles.

:class:`DiseaseConfirmation`: MeSH disease-tree entries that a disease vocabulary confirms as
diseases.

MeSH files some diseases only under a C-tree branch that ``lexicon_classes.yaml`` classes
otherwise: Pathologic Processes (C23.550) is PROCESS, for inflammation, fibrosis and necrosis,
but also holds Emphysema, Ischemia, Ulcer, Hyperuricemia. A C-tree entry (the prefixes in
``vocabulary_diseases``) without the DISEASE class that the Disease Ontology or MONDO has
(a DOID term's MeSH xref, or a DOID/MONDO label or synonym equal to one of its names, in
either number) gets DISEASE, which outranks PROCESS; the entries no disease vocabulary names
(inflammation, fibrosis, necrosis, hemorrhage) keep their class. Grouping classes with
``UPPER_LEVEL`` or more descendants ("disease", "syndrome") confirm nothing.

Runs after MeSH and before the Disease Ontology, HPO and MONDO parsers, so those join the
confirmed concepts as they join every DISEASE concept.

:class:`PeptideDrugs`: MeSH files small peptide drugs under Peptides (D12.644) only, which
classes them GENE_OR_PROTEIN: enalapril, lisinopril, glutathione, aspartame (Oligopeptides).
An entry whose protein class comes from the ``peptide_drugs.peptides`` trees alone (no tree
under ``peptide_drugs.proteins``: proteins, enzymes, peptide hormones; no HGNC gene) is
CHEMICAL instead when ChEBI names it as a chemical entity (a label equal to one of its names;
classes with fewer than 1000 descendants, as the ChEBI parser reads them) or when another
tree of it is a chemical's (Atazanavir Sulfate, D03). Runs after the ChEBI parser.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from pipeline.lexicon.mondo import (
    CHEBI_EXCLUDED,
    CHEBI_MAX_DESCENDANTS,
    CHEBI_ROOT,
    MONDO_EXCLUDED,
    MONDO_ROOT,
    Terms,
    _descendant_counts,
    _in_branch,
    _key,
    _names,
)
from pipeline.lexicon.sources import SourceParser, _tsv, tree_classes

UPPER_LEVEL = 500  # DOID "syndrome" has 946 descendants, "disease" 11453


def _under(tree: str, prefix: str) -> bool:
    return tree == prefix or tree.startswith(prefix + ".") or (len(prefix) == 1 and tree.startswith(prefix))


def _doid_descendant_counts(entries: list[dict[str, object]]) -> dict[str, int]:
    children: dict[str, list[str]] = {}
    for e in entries:
        for parent in (e.get("relations") or {}).get("is_a", []):  # type: ignore[union-attr]
            children.setdefault(parent, []).append(str(e["id"]))
    counts: dict[str, int] = {}
    for root in children:
        seen: set[str] = set()
        todo = [root]
        while todo:
            for child in children.get(todo.pop(), []):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        counts[root] = len(seen)
    return counts


class DiseaseConfirmation(SourceParser):
    """Give DISEASE to the C-tree concepts of other classes that DOID or MONDO names."""

    def parse(self, desc_text: str, doid_text: str, mondo_terms: Terms) -> None:
        prefixes = self.rules.vocabulary_diseases
        candidates: dict[str, str] = {}  # folded name -> concept id
        for row in _tsv(desc_text):
            if len(row) < 4 or not any(_under(t, p) for t in row[3].split("|") for p in prefixes):
                continue
            c = self.concepts.get(f"MESH:{row[0]}")
            if c is None or "DISEASE" in c.classes:
                continue
            for term in c.terms:
                candidates.setdefault(_key(term), c.kb_id)
        if not candidates:
            return
        ids = set(candidates.values())
        confirmed: set[str] = set()
        entries = json.loads(doid_text)
        doid_below = _doid_descendant_counts(entries)
        for e in entries:
            if e.get("is_obsolete") or not e.get("name") or doid_below.get(e["id"], 0) >= UPPER_LEVEL:
                continue
            confirmed |= {f"MESH:{x['id']}" for x in e.get("xrefs", [])
                          if x.get("namespace") == "MESH" and f"MESH:{x['id']}" in ids}
            confirmed |= self._named([e["name"], *(e.get("synonyms") or [])], candidates)
        mondo_below = _descendant_counts(mondo_terms)
        for kb_id, entry in mondo_terms.items():
            if (kb_id.startswith("MONDO:") and not entry.get("deprecated")
                    and _in_branch(entry, MONDO_ROOT, MONDO_EXCLUDED)
                    and mondo_below.get(kb_id, 0) < UPPER_LEVEL):
                confirmed |= self._named(_names(entry), candidates)
        for kb_id in sorted(confirmed):
            self.concepts[kb_id].classes.add("DISEASE")
            self.counts["mesh_confirmed_disease"] += 1

    @staticmethod
    def _named(names: Iterable[str], candidates: dict[str, str]) -> set[str]:
        out = set()
        for n in names:
            k = _key(n)
            for form in (k, k[:-1] if k.endswith("s") else k + "s"):
                if form in candidates:
                    out.add(candidates[form])
        return out


class PeptideDrugs(SourceParser):
    """Peptide-tree entries that ChEBI or a chemical tree names as chemicals: CHEMICAL."""

    def parse(self, desc_text: str, chebi_terms: Terms) -> None:
        rule = self.rules.peptide_drugs
        if rule is None:
            return
        below = _descendant_counts(chebi_terms)
        chebi = {_key(str(e.get("label") or "")) for kb_id, e in chebi_terms.items()
                 if kb_id.startswith("CHEBI:") and not e.get("deprecated")
                 and _in_branch(e, CHEBI_ROOT, CHEBI_EXCLUDED)
                 and below.get(kb_id, 0) < CHEBI_MAX_DESCENDANTS}
        for row in _tsv(desc_text):
            if len(row) < 4:
                continue
            trees = row[3].split("|")
            peptide = [t for t in trees if any(_under(t, p) for p in rule.peptides)]
            if not peptide or any(_under(t, p) for t in trees for p in rule.proteins):
                continue
            c = self.concepts.get(f"MESH:{row[0]}")
            if c is None or "GENE_OR_PROTEIN" not in c.classes or c.classes - {"GENE_OR_PROTEIN", "CHEMICAL"}:
                continue
            chemical_tree = "CHEMICAL" in tree_classes([t for t in trees if t not in peptide], self.rules)
            if chemical_tree or any(_key(term) in chebi for term in c.terms):
                c.classes = {"CHEMICAL"}
                self.counts["mesh_peptide_drugs"] += 1
