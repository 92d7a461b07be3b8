"""Adapt the lexicon with statistics from the *training* splits of public gold corpora.

Four reproducible steps (``mechmine lexicon adapt --gold ../shared/gold``):

1. **Corpus terms.** Surface forms annotated with a MeSH id in the BC5CDR and
   NCBI-disease training sets (PubTator), at least ``min_count`` times, whose id
   is a lexicon concept, become extra terms of that concept (source
   ``corpus:<name>``; e.g. "nephrotoxicity" -> MESH:D007674). They carry the
   concept's class; they never add a concept.
2. **Defined abbreviations.** Short forms the training texts define (Schwartz &
   Hearst) whose long form is a lexicon concept and which the annotators marked
   as mentions at least twice ("MSCs" in BioNLP13CG -> MESH:D059630) are added,
   to be matched with their exact case.
3. **Case variants.** Gene mentions of the gene corpora (BioNLP13CG, BC2GM)
   whose key is a gene term of the lexicon that only matches in another case
   ("Ras" for FamPlex RAS, "c-Fos" for the HGNC alias c-fos; such forms are
   not guessed at build time because "ras" or "fos" is also an English or
   frequent token), seen at least ``min_count`` times, become extra terms of
   that concept with that exact case (source ``corpus_case``); all-lower-case
   forms are left out ("jun" inside "c-jun" is mostly wrong).
4. **Stoplist.** The pipeline (with the corpus terms) runs over the training
   sets; every lexicon match whose class the corpus annotates is counted as
   right (a gold mention of its label starts where it starts: the mention
   itself, or a longer name it begins, "CD44" in "CD44 variant", so that a
   term is stopped for being ambiguous, not for the corpus's boundaries) or
   wrong. A (term key, concept) pair
   seen at least ``min_seen`` times with precision below ``max_precision`` is
   written to ``resources/stoplist.tsv`` ("cells", "protein", "drug").

Development and test splits are never read. Only the training files listed
in ``TRAIN_SETS`` are used; each names the mechmine labels its annotators
marked, so that a class a corpus does not annotate is not judged by it.

Steps 2 and 4 run the spaCy pipeline; it sits above this package, so the
caller passes a function that builds it (the CLI: ``make_nlp(use_stoplist=False)``)
and this module never imports :mod:`pipeline.nlp`.
"""

from __future__ import annotations

import csv
import gzip
import logging
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from pipeline.gold.corpus import chunks
from pipeline.gold.iob import read_iob
from pipeline.gold.model import GoldDoc
from pipeline.gold.pubtator import read_pubtator
from pipeline.lexicon import TERM_COLUMNS, Lexicon, cached_lexicon
from pipeline.lexicon.build import wordfreq_filter
from pipeline.lexicon.keys import TermKeys
from pipeline.lexicon.normalize import join_norms
from pipeline.lexicon.sources import usable
from pipeline.ruledata import resource_path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrainSet:
    name: str
    path: str
    fmt: str
    labels: dict[str, str]  # mechmine label -> gold label it counts as


GENE = {"GENE_OR_PROTEIN": "", "CYTOKINE": "", "GROWTH_FACTOR": ""}
TRAIN_SETS = (
    TrainSet("BC5CDR", "BC5CDR/pubtator/CDR_TrainingSet.PubTator.txt", "pubtator",
             {"CHEMICAL": "Chemical", "DISEASE": "Disease"}),
    TrainSet("NCBI-disease", "NCBI-disease/pubtator/NCBItrainset_corpus.txt", "pubtator",
             {"DISEASE": "*"}),
    TrainSet("BioNLP13CG", "BioNLP13CG/train.tsv", "iob",
             {**{k: "Gene_or_gene_product" for k in GENE}, "CELL_TYPE": "Cell",
              "CHEMICAL": "Simple_chemical"}),
    TrainSet("BC2GM", "BC2GM/train.tsv", "iob", {k: "GENE" for k in GENE}),
)
CORPUS_TERM_SETS = ("BC5CDR", "NCBI-disease")


def _read(gold_dir: Path, ts: TrainSet) -> list[GoldDoc]:
    path = gold_dir / ts.path
    if not path.is_file():
        raise FileNotFoundError(f"training split not found: {path}")
    return list((read_pubtator if ts.fmt == "pubtator" else read_iob)(path))


def corpus_terms(gold_dir: Path, lexicon: Lexicon, min_count: int = 2) -> list[list[str]]:
    """Rows (key, case_form, term, kb_id, source) from id-annotated training mentions."""
    keyer = TermKeys()
    counts: Counter[tuple[str, str, str]] = Counter()
    forms: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for ts in TRAIN_SETS:
        if ts.name not in CORPUS_TERM_SETS:
            continue
        for doc in _read(gold_dir, ts):
            for m in doc.mentions:
                text = doc.text[m.start:m.end]
                for gid in m.ids:
                    kb_id = gid if ":" in gid else f"MESH:{gid}"
                    if lexicon.get(kb_id) is None:
                        continue
                    key, case_form = keyer(text)
                    if key and usable(text):
                        counts[(key, case_form, kb_id)] += 1
                        forms[(key, case_form, kb_id)][text] += 1
                    break
    return _frequent_rows(counts, forms, min_count, "corpus")


def _frequent_rows(counts: Counter[tuple[str, str, str]], forms: dict[tuple[str, str, str], Counter[str]],
                   min_count: int, source: str) -> list[list[str]]:
    """Term rows (key, case_form, most frequent spelling, kb_id, source) seen ``min_count`` times."""
    return [[key, case_form, forms[(key, case_form, kb_id)].most_common(1)[0][0], kb_id, source]
            for (key, case_form, kb_id), n in sorted(counts.items()) if n >= min_count]


def abbreviation_terms(gold_dir: Path, nlp: Language, min_count: int = 2,
                       context: int = 10) -> list[list[str]]:
    """Short forms the training texts define, whose long form is a lexicon concept, that the
    annotators marked as mentions at least ``min_count`` times ("MSCs" -> Mesenchymal Stem Cells),
    found by running ``nlp`` (the entity pipeline without its stoplist) over the texts.

    Rows (key, case_form, term, kb_id, source); the short form must match with its own case.
    """
    keyer = TermKeys()
    counts: Counter[tuple[str, str]] = Counter()
    for ts in TRAIN_SETS:
        docs = _read(gold_dir, ts)
        groups = list(chunks(docs, context if ts.fmt == "iob" else 1))
        texts = ("\n".join(d.text for d in g) for g in groups)
        for group, doc in zip(groups, nlp.pipe(texts, batch_size=64), strict=True):
            gold: set[tuple[int, int]] = set()
            pos = 0
            for d in group:
                gold |= {(pos + m.start, pos + m.end) for m in d.mentions}
                pos += len(d.text) + 1
            info = doc._.mentions or {}
            for ent in doc.ents:
                m = info.get((ent.start_char, ent.end_char))
                if m is None or m.source != "abbreviation" or not ent.kb_id_:
                    continue
                if (ent.start_char, ent.end_char) in gold and len(ent.text) >= 3:
                    counts[(ent.text, ent.kb_id_)] += 1
    common = wordfreq_filter(3.0) or (lambda _w: False)
    rows = []
    for (short, kb_id), n in sorted(counts.items()):
        if n < min_count or common(short.lower()):  # "ALL", "AGE" read as words in capitals
            continue
        variants = {short, short[:-1]} if short.endswith("s") and short[-2:-1].isupper() else {short}
        for form in sorted(variants):
            key, _ = keyer(form)
            if key:
                rows.append([key, form, form, kb_id, "corpus_abbreviation"])
    return rows


def case_variant_terms(gold_dir: Path, lexicon: Lexicon, min_count: int = 2) -> list[list[str]]:
    """Rows (key, case_form, term, kb_id, source) of gene mentions spelled in a case the
    lexicon's candidates for their key do not accept (see the module docstring)."""
    keyer = TermKeys()
    counts: Counter[tuple[str, str, str]] = Counter()
    forms: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for ts in TRAIN_SETS:
        wanted = {gold for ours, gold in ts.labels.items() if ours in GENE}
        if not wanted:
            continue
        for doc in _read(gold_dir, ts):
            for m in doc.mentions:
                if m.label not in wanted:
                    continue
                text = doc.text[m.start:m.end]
                key, case_form = keyer(text)
                form = case_form.split("|")[0]
                if not form or not usable(text) or form.islower():
                    continue  # all lower case ("jun" in "c-jun", "ras") is how genes, not proteins, read
                found = _case_restricted_gene(lexicon, key, form)
                if found:
                    counts[(key, form, found)] += 1
                    forms[(key, form, found)][text] += 1
    return _frequent_rows(counts, forms, min_count, "corpus_case")


def _case_restricted_gene(lexicon: Lexicon, key: str, form: str) -> str | None:
    """The kb_id of the first gene candidate of ``key`` when none of its candidates accepts
    the spelling ``form`` (None when one does, or when the key names no gene)."""
    candidates = lexicon.candidates(key, vocabularies_only=True)
    if not candidates or any(not case or form in case.split("|") for _, case in candidates):
        return None
    return next((c.kb_id for c, _ in candidates if GENE.keys() & set(c.classes)), None)


def learn_stoplist(gold_dir: Path, nlp: Language, min_seen: int = 3, max_precision: float = 0.3,
                   context: int = 10) -> list[list[str]]:
    """Rows (key, kb_id, seen, right, corpora) of lexicon matches that are mostly wrong, counted
    by running ``nlp`` (the entity pipeline without its stoplist) over the training texts."""
    seen: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], set[str]] = defaultdict(set)
    lex = nlp.get_pipe("mechmine_lexicon")
    for ts in TRAIN_SETS:
        docs = _read(gold_dir, ts)
        groups = list(chunks(docs, context if ts.fmt == "iob" else 1))
        texts = ("\n".join(d.text for d in g) for g in groups)
        for group, doc in zip(groups, nlp.pipe(texts, batch_size=64), strict=True):
            gold: set[tuple[int, int, str]] = set()
            pos = 0
            for d in group:
                gold |= {(pos + m.start, pos + m.end, m.label) for m in d.mentions}
                pos += len(d.text) + 1
            keyed = lex.keys(doc)
            norms = [keyed.norm(i) for i in range(len(doc))]
            for ent in doc.ents:
                info = doc._.mentions.get((ent.start_char, ent.end_char))
                if info is None or not info.source.startswith("lexicon") or ent.label_ not in ts.labels:
                    continue
                key = (join_norms(list(norms[ent.start:ent.end]))[0], ent.kb_id_)
                wanted = ts.labels[ent.label_]
                same = [e for s, e, lab in gold
                        if s == ent.start_char and e >= ent.end_char and (wanted == "*" or lab == wanted)]
                seen[key] += 1
                right[key] += bool(same)
                where[key].add(ts.name)
        log.info("stoplist: read %s", ts.name)
    rows = []
    for key, n in sorted(seen.items()):
        if n >= min_seen and right[key] / n < max_precision:
            rows.append([key[0], key[1], str(n), str(right[key]), ",".join(sorted(where[key]))])
    return rows


def adapt_lexicon(gold_dir: Path, make_pipeline: Callable[[], Language], lexicon_dir: Path | None = None,
                  stoplist: Path | None = None) -> dict[str, int]:
    """Write corpus terms and the stoplist; return their sizes.

    ``make_pipeline`` builds the entity pipeline without its stoplist over the packaged
    lexicon; it is called twice, before and after the corpus terms are written (the second
    pipeline reads the new ones: :func:`pipeline.lexicon.cached_lexicon` sees the file change).
    """
    lexicon_dir = lexicon_dir or resource_path("lexicon")
    stoplist = stoplist or resource_path("stoplist.tsv")
    lexicon = cached_lexicon(lexicon_dir)
    terms = corpus_terms(gold_dir, lexicon)
    terms += abbreviation_terms(gold_dir, make_pipeline())
    terms += case_variant_terms(gold_dir, lexicon)
    with gzip.open(lexicon_dir / "corpus_terms.tsv.gz", "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(TERM_COLUMNS)
        writer.writerows(terms)
    stops = learn_stoplist(gold_dir, make_pipeline())
    with stoplist.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Lexicon matches that are mostly wrong in the training splits of BC5CDR, NCBI-disease,\n"
            "# BioNLP13CG and BC2GM (precision < 0.3 over >= 3 matches, counted only in corpora that\n"
            "# annotate the match's class). Written by `mechmine lexicon adapt`; see\n"
            "# pipeline/lexicon/adapt.py. Corpora: CC BY 4.0 (MTL-Bioinformatics-2016 collection),\n"
            "# BioCreative V CDR and NCBI disease corpus releases.\n"
        )
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["key", "kb_id", "seen", "right", "corpora"])
        writer.writerows(stops)
    return {"corpus_terms": len(terms), "stoplist": len(stops)}
