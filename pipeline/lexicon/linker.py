"""Approximate linking to the lexicon: scispaCy's candidate generator over our own KB.

scispaCy links mentions with a TF-IDF vectoriser over character 3-grams of
every alias and an HNSW nearest-neighbour index (nmslib) whose hits map back to
concepts (``scispacy.candidate_generation.CandidateGenerator``, Neumann et al.
2019, "ScispaCy: fast and robust models for biomedical NLP"). Its own
``create_tfidf_ann_index`` (behind ``EntityLinker.from_kb``) refuses to run on
scipy >= 1.11 because it stores vectors as float16; here the same index is
built in float32 from the packaged lexicon, turned into a scispaCy
``KnowledgeBase`` (concept id, canonical name, aliases, classes as types),
and handed to scispaCy's ``CandidateGenerator`` unchanged.

The index lives in a folder (``mechmine lexicon link-index``; about 1.5 minutes
and 25 MB for the packaged lexicon) tagged with the lexicon's digest; a
stale or missing index is rebuilt on request, never downloaded.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from pipeline.errors import ResourceError
from pipeline.lexicon import CONCEPT_COLUMNS, TERM_COLUMNS, _read
from pipeline.lexicon.normalize import fold, us_spelling
from pipeline.ruledata import resource_path

if TYPE_CHECKING:  # scikit-learn, nmslib and scispaCy's linker load only when linking is used
    from scispacy.candidate_generation import CandidateGenerator, MentionCandidate
    from scispacy.linking_utils import KnowledgeBase

log = logging.getLogger(__name__)

INDEX_FILE = "nmslib_index.bin"
VECTORIZER_FILE = "tfidf_vectorizer.joblib"
ALIASES_FILE = "concept_aliases.json"
META_FILE = "linker_meta.json"
FORM_VERSION = 2  # of alias_form; an index built with another is rebuilt


def alias_form(text: str) -> str:
    """What the vectoriser reads: Greek letters spelled out, lower case, US spelling, one space."""
    return us_spelling(" ".join(fold(text).lower().split()))


def lexicon_digest(folder: Path) -> str:
    """Digest of the lexicon files an index was built from."""
    h = hashlib.sha256()
    for name in ("concepts.tsv.gz", "terms.tsv.gz"):
        h.update((folder / name).read_bytes())
    return h.hexdigest()[:16]


def default_index_dir() -> Path:
    """``$XDG_CACHE_HOME/mechmine/linker`` (``~/.cache/mechmine/linker``)."""
    import os

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "mechmine" / "linker"


def lexicon_kb(folder: Path) -> KnowledgeBase:
    """A scispaCy KnowledgeBase of the lexicon: one Entity per concept, aliases in :func:`alias_form`."""
    from scispacy.linking_utils import Entity, KnowledgeBase

    concepts = _read(folder / "concepts.tsv.gz", CONCEPT_COLUMNS)
    terms = _read(folder / "terms.tsv.gz", TERM_COLUMNS)
    aliases: dict[str, set[str]] = {}
    for kb_id, term in zip(terms["kb_id"], terms["term"], strict=True):
        aliases.setdefault(kb_id, set()).add(alias_form(term))
    entities = (
        Entity(kb_id, name, sorted(aliases.get(kb_id, set()) | {alias_form(name)}), classes.split("|"))
        for kb_id, name, classes in zip(concepts["kb_id"], concepts["canonical_name"], concepts["classes"],
                                        strict=True)
    )
    return KnowledgeBase(entities)


@dataclass
class LinkerIndex:
    """The pieces scispaCy's CandidateGenerator takes, plus the concept classes."""

    generator: CandidateGenerator
    classes: dict[str, tuple[str, ...]]


def build_index(out_dir: Path, lexicon_dir: Path | None = None, *, m: int = 16, ef_construction: int = 100,
                threads: int = 2, min_df: int = 2) -> Path:
    """Fit the TF-IDF vectoriser and the HNSW index over every alias; write them to ``out_dir``."""
    import joblib
    import nmslib
    from sklearn.feature_extraction.text import TfidfVectorizer

    folder = lexicon_dir or resource_path("lexicon")
    kb = lexicon_kb(folder)
    aliases = sorted(kb.alias_to_cuis)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 3), min_df=min_df, dtype=np.float32)
    vectors = vectorizer.fit_transform(aliases)
    keep = np.asarray(vectors.sum(axis=1) != 0).ravel()  # nmslib cannot index empty vectors
    aliases = [a for a, k in zip(aliases, keep, strict=True) if k]
    index = nmslib.init(method="hnsw", space="cosinesimil_sparse", data_type=nmslib.DataType.SPARSE_VECTOR)
    index.addDataPointBatch(vectors[keep])
    index.createIndex({"M": m, "efConstruction": ef_construction, "indexThreadQty": threads, "post": 0},
                      print_progress=False)
    out_dir.mkdir(parents=True, exist_ok=True)
    index.saveIndex(str(out_dir / INDEX_FILE), save_data=False)
    joblib.dump(vectorizer, out_dir / VECTORIZER_FILE)
    (out_dir / ALIASES_FILE).write_text(json.dumps(aliases), encoding="utf-8")
    meta = {"lexicon": str(folder), "lexicon_digest": lexicon_digest(folder), "form": FORM_VERSION,
            "aliases": len(aliases),
            "M": m, "efConstruction": ef_construction, "min_df": min_df}
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return out_dir


def index_is_current(index_dir: Path, lexicon_dir: Path | None = None) -> bool:
    """The folder holds an index built from this lexicon."""
    meta = index_dir / META_FILE
    if not meta.exists() or not all((index_dir / f).exists() for f in (INDEX_FILE, VECTORIZER_FILE,
                                                                         ALIASES_FILE)):
        return False
    try:
        built = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (built.get("form") == FORM_VERSION
            and built.get("lexicon_digest") == lexicon_digest(lexicon_dir or resource_path("lexicon")))


@lru_cache(maxsize=2)
def load_index(index_dir: str, lexicon_dir: str = "", ef_search: int = 100) -> LinkerIndex:
    """Load an index built by :func:`build_index` (once per process)."""
    import joblib
    import nmslib
    from scispacy.candidate_generation import CandidateGenerator

    folder = Path(lexicon_dir) if lexicon_dir else resource_path("lexicon")
    path = Path(index_dir)
    if not index_is_current(path, folder):
        raise ResourceError(f"{path}: no linker index for this lexicon; run 'mechmine lexicon link-index "
                            f"--out {path}'")
    vectorizer = joblib.load(path / VECTORIZER_FILE)
    aliases = json.loads((path / ALIASES_FILE).read_text(encoding="utf-8"))
    index = nmslib.init(method="hnsw", space="cosinesimil_sparse", data_type=nmslib.DataType.SPARSE_VECTOR)
    index.addDataPointBatch(vectorizer.transform(aliases))  # the index file holds the graph only
    index.loadIndex(str(path / INDEX_FILE), load_data=False)
    index.setQueryTimeParams({"efSearch": ef_search})
    kb = lexicon_kb(folder)
    classes = {cid: tuple(e.types) for cid, e in kb.cui_to_entity.items()}
    return LinkerIndex(CandidateGenerator(index, vectorizer, aliases, kb), classes)


def best_candidate(candidates: list[MentionCandidate], threshold: float,
                   allowed: frozenset[str] = frozenset(),
                   classes: dict[str, tuple[str, ...]] | None = None) -> tuple[str, float] | None:
    """The concept with the highest alias similarity >= ``threshold`` (ties: the smaller id),
    among those sharing a class with ``allowed`` (any class when empty)."""
    best: tuple[str, float] | None = None
    for cand in candidates:
        score = max(cand.similarities)
        if score < threshold:
            continue
        if allowed and classes is not None and not allowed & set(classes.get(cand.concept_id, ())):
            continue
        if best is None or score > best[1] or (score == best[1] and cand.concept_id < best[0]):
            best = (cand.concept_id, score)
    return best


__all__ = ["LinkerIndex", "alias_form", "best_candidate", "build_index", "default_index_dir",
           "index_is_current", "lexicon_kb", "load_index"]
