"""Scoring mechmine's tables for the documents an answer key names against that key.

The key (:mod:`pipeline.gold.keys`) names documents by path relative to its
own folder. Their tables come from running the pipeline on them
(:func:`pipeline.extract`, the same road as ``mechmine run``) or, with
``pred``, from a folder a previous ``mechmine run`` wrote
(:func:`pipeline.load_outputs`). An article belongs to a key document when
its ``source_path`` resolves (from the working directory) to the document's
path, else when its file name is that of exactly one key document; articles
of other files are not scored. Text comparison uses
:mod:`pipeline.evaluate.matching`.

**Relations.** A predicted row matches a key row of the same document when

1. its predicate is the key predicate or one of its ``also_acceptable``
   predicates, and
2. its subject matches the key subject and its object the key object
   (direction counts), each by :func:`~pipeline.evaluate.matching.same_argument`:
   some form of one equals some form of the other (case, Greek letters,
   hyphens and plural ``s`` normalised; a one-word parenthesis is an
   abbreviation, so ``mesenchymal stem cells (MSCs)`` ~ ``MSCs``; the long
   form the text defines for a predicted abbreviation is one of its forms),
   or the shorter form occurs in the longer one's head phrase (its words
   before the first preposition or conjunction: ``DC`` ~ ``DC generation
   from peripheral blood monocytes``), or they share the entity id: the
   predicted argument's ``kb_id`` is the id of a predicted entity of that
   document whose text (or long form) equals a form of the key argument.

The key's attributes (negated, hedged, ...) and sentence are not compared; a
row may match several key rows and a key row several rows. Recall = key rows
matched by at least one row; precision = extracted rows matching at least one
key row (every row of the document counts, negated or not); F1 of the two.
The ``arguments only`` line drops condition 1.

**Entities.** A key mention is found when a predicted entity of its document
has the same normalised text (:func:`~pipeline.evaluate.matching.normalise`,
no plural folding: ``MSC`` and ``MSCs`` are different mentions) and, as its
primary ``label``, the key class or one of its ``also_acceptable`` classes.
Recall = key rows found. Precision = distinct (normalised text, label) pairs
predicted in the document that some key row accepts; it only means something
when the key lists every mention of the document (an exhaustive key). The
``text only`` line ignores the class.

**Mechanisms.** A document's predicted mechanisms are those with at least one
row of evidence in ``mechanisms.csv`` for its articles (a relation, a mention
or a keyword). Recall = the key's ``clear`` mechanisms found; precision =
predicted mechanisms the key names for the document (``clear`` or
``mentioned``); a ``NONE`` document should get none, and the count of those
that do is reported apart. The ``relation evidence only`` line counts a
mechanism as found only when a relation supports it. Key rows with an
``article`` number are scored against that article of the file alone (the
n-th of the file's articles in table order; shown as ``file#n``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import extract, load_outputs
from pipeline.errors import MechmineError
from pipeline.evaluate.matching import forms, normalise, same_argument, words
from pipeline.gold.keys import (
    NO_MECHANISM,
    KeyEntity,
    KeyMechanism,
    KeyRelation,
    read_entity_key,
    read_mechanism_key,
    read_relation_key,
)

PRECISION_NOTE = ("precision counts every predicted entity the key does not list as wrong: "
                  "meaningful only for a key that lists every mention of its documents (exhaustive)")


@dataclass
class KeyCounts:
    """Key rows matched (recall) and predicted rows matching (precision) are counted apart."""

    n_key: int = 0
    key_matched: int = 0
    n_pred: int = 0
    pred_matched: int = 0

    @property
    def recall(self) -> float:
        return self.key_matched / self.n_key if self.n_key else 0.0

    @property
    def precision(self) -> float:
        return self.pred_matched / self.n_pred if self.n_pred else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: KeyCounts) -> None:
        self.n_key += other.n_key
        self.key_matched += other.key_matched
        self.n_pred += other.n_pred
        self.pred_matched += other.pred_matched

    def row(self, **first: object) -> dict[str, object]:
        return {**first, "key": self.n_key, "found": self.key_matched, "recall": round(self.recall, 4),
                "predicted": self.n_pred, "matching": self.pred_matched,
                "precision": round(self.precision, 4), "f1": round(self.f1, 4)}


@dataclass
class KeyScores:
    """Per-document and overall counts, strict (``main``) and relaxed (``loose``), and the misses."""

    kind: str  # relations, entities or mechanisms
    main: dict[str, KeyCounts] = field(default_factory=dict)
    loose: dict[str, KeyCounts] = field(default_factory=dict)
    missed: list[dict[str, str]] = field(default_factory=list)  # key rows not matched
    unmatched: list[dict[str, str]] = field(default_factory=list)  # predicted rows matching no key row
    none_docs: dict[str, int] = field(default_factory=dict)  # mechanisms: NONE document -> found

    @property
    def loose_name(self) -> str:
        names = {"relations": "arguments only", "entities": "text only"}
        return names.get(self.kind, "relation evidence only")

    def total(self, loose: bool = False) -> KeyCounts:
        out = KeyCounts()
        for c in (self.loose if loose else self.main).values():
            out.add(c)
        return out

    def rows(self) -> list[dict[str, object]]:
        """One row per document, then ALL, then ALL for the relaxed rule."""
        out = [c.row(file=f) for f, c in self.main.items()]
        out.append(self.total().row(file="ALL"))
        out.append(self.total(loose=True).row(file=f"ALL ({self.loose_name})"))
        return out

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"rows": self.rows(), "missed": self.missed, "unmatched": self.unmatched}
        if self.kind == "mechanisms":
            out["none_documents"] = self.none_docs
        return out


# ---- the tables of the key's documents ----
def document_tables(paths: list[Path], pred: Path | None = None,
                    model: str | None = None) -> Mapping[str, pd.DataFrame]:
    """Tables for ``paths``: read from ``pred`` (a ``mechmine run`` folder) or made by the pipeline."""
    if pred is not None:
        try:
            tables = load_outputs(pred)
        except FileNotFoundError as err:
            raise MechmineError(str(err)) from None
        lacking = [t for t in ("articles", "entities", "relations") if t not in tables]
        if lacking:
            raise MechmineError(f"{pred} has no {', '.join(lacking)} table (is it a `mechmine run` folder?)")
        return tables
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise MechmineError(f"the key names documents that do not exist: {', '.join(missing)}")
    return extract(paths, model=model)


def article_files(articles: pd.DataFrame, files: Mapping[str, Path]) -> dict[str, str]:
    """article_id -> key file name (``file`` as the key writes it) for the articles of key documents."""
    by_path = {p.resolve(): f for f, p in files.items()}
    by_name: dict[str, list[str]] = defaultdict(list)
    for f, p in files.items():
        by_name[p.name].append(f)
    out = {}
    for article_id, source in zip(articles["article_id"], articles["source_path"], strict=True):
        source_path = Path(str(source))
        file = by_path.get(source_path.resolve())
        if file is None and len(by_name.get(source_path.name, [])) == 1:
            file = by_name[source_path.name][0]
        if file is not None:
            out[str(article_id)] = file
    return out


def _by_file(frame: pd.DataFrame, owner: dict[str, str]) -> dict[str, pd.DataFrame]:
    frame = frame[frame["article_id"].astype(str).isin(owner)]
    files = frame["article_id"].astype(str).map(owner)
    return {f: part for f, part in frame.groupby(files, sort=False)}


# ---- relations ----
def _entity_names(entities: pd.DataFrame) -> tuple[dict[tuple, str], dict[tuple[str, ...], set[str]]]:
    """(article, start, end) -> long form; words of an entity's text or long form -> its ids."""
    long_forms: dict[tuple, str] = {}
    ids: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for row in entities[["article_id", "start_char", "end_char", "text", "kb_id", "long_form"]].itertuples(
            index=False):
        long_form = "" if pd.isna(row.long_form) else str(row.long_form)
        if long_form:
            long_forms[(str(row.article_id), int(row.start_char), int(row.end_char))] = long_form
        if not pd.isna(row.kb_id) and str(row.kb_id):
            for name in (str(row.text), long_form):
                if name:
                    ids[words(name)].add(str(row.kb_id))
    return long_forms, ids


def _key_ids(text: str, ids: dict[tuple[str, ...], set[str]]) -> set[str]:
    return set().union(*(ids.get(f, set()) for f in forms(text)))


def _argument(p: object, side: str, long_forms: dict[tuple, str]) -> tuple[list[tuple[str, ...]], str]:
    """Forms and concept id of a predicted row's subject or object."""
    art, start, end = str(p.article_id), int(getattr(p, f"{side}_start")), int(getattr(p, f"{side}_end"))
    kb_id = getattr(p, f"{side}_kb_id")
    return (forms(str(getattr(p, f"{side}_text")), long_forms.get((art, start, end), "")),
            "" if pd.isna(kb_id) else str(kb_id))


def _counts(n_key: int, n_pred: int, hits: dict[int, set[int]]) -> KeyCounts:
    return KeyCounts(n_key, sum(1 for v in hits.values() if v), n_pred, len(set().union(*hits.values())))


def score_relations(key: list[KeyRelation], tables: Mapping[str, pd.DataFrame]) -> KeyScores:
    """Relation recall/precision of ``tables`` against ``key`` (rules in the module docstring)."""
    files = {k.file: k.path for k in key}
    owner = article_files(tables["articles"], files)
    relations = _by_file(tables["relations"], owner)
    entities = _by_file(tables["entities"], owner)
    scores = KeyScores("relations")
    for file in files:
        rows = [k for k in key if k.file == file]
        preds = list(relations.get(file, tables["relations"].iloc[0:0]).itertuples(index=False))
        long_forms, ids = _entity_names(entities.get(file, tables["entities"].iloc[0:0]))
        keyed = [(forms(k.subject), _key_ids(k.subject, ids), forms(k.object), _key_ids(k.object, ids))
                 for k in rows]
        hits: dict[int, set[int]] = {i: set() for i in range(len(rows))}  # key row -> matching rows
        loose: dict[int, set[int]] = {i: set() for i in range(len(rows))}  # the same, any predicate
        for j, p in enumerate(preds):
            subj, subj_id = _argument(p, "subject", long_forms)
            obj, obj_id = _argument(p, "object", long_forms)
            for i, (ks, ks_ids, ko, ko_ids) in enumerate(keyed):
                if same_argument(ks, subj, ks_ids, subj_id) and same_argument(ko, obj, ko_ids, obj_id):
                    loose[i].add(j)
                    if str(p.predicate) in rows[i].predicates:
                        hits[i].add(j)
        scores.main[file] = _counts(len(rows), len(preds), hits)
        scores.loose[file] = _counts(len(rows), len(preds), loose)
        scores.missed += [{"file": file, "subject": k.subject, "predicate": k.predicate, "object": k.object}
                          for i, k in enumerate(rows) if not hits[i]]
        matched = set().union(*hits.values())
        scores.unmatched += [{"file": file, "subject": str(p.subject_text), "predicate": str(p.predicate),
                              "object": str(p.object_text), "sentence": str(p.sentence)}
                             for j, p in enumerate(preds) if j not in matched]
    return scores


# ---- entities ----
def score_entities(key: list[KeyEntity], tables: Mapping[str, pd.DataFrame]) -> KeyScores:
    """Entity recall/precision of ``tables`` against ``key`` (rules in the module docstring)."""
    files = {k.file: k.path for k in key}
    owner = article_files(tables["articles"], files)
    entities = _by_file(tables["entities"], owner)
    scores = KeyScores("entities")
    for file in files:
        rows = [k for k in key if k.file == file]
        frame = entities.get(file, tables["entities"].iloc[0:0])
        spelled: dict[tuple[str, str], str] = {}  # (normalised text, label) -> first spelling
        for t, lab in zip(frame["text"], frame["label"], strict=True):
            spelled.setdefault((normalise(str(t)), str(lab)), str(t))
        predicted = set(spelled)
        texts = {t for t, _ in predicted}
        accepts = {(normalise(k.mention), lab) for k in rows for lab in k.labels}
        key_texts = {normalise(k.mention) for k in rows}
        found = [k for k in rows if any((normalise(k.mention), lab) in predicted for lab in k.labels)]
        scores.main[file] = KeyCounts(len(rows), len(found), len(predicted), len(predicted & accepts))
        scores.loose[file] = KeyCounts(len(rows), sum(normalise(k.mention) in texts for k in rows),
                                       len(texts), len(texts & key_texts))
        scores.missed += [{"file": file, "mention": k.mention, "class": "|".join(k.labels)}
                          for k in rows if k not in found]
        scores.unmatched += [{"file": file, "text": spelled[p], "label": p[1]}
                             for p in sorted(predicted - accepts)]
    return scores


# ---- mechanisms ----
def score_mechanisms(key: list[KeyMechanism], tables: Mapping[str, pd.DataFrame],
                     known: set[str]) -> KeyScores:
    """Mechanism recall/precision per document of ``tables`` against ``key`` (module docstring)."""
    unknown = sorted({k.mechanism for k in key} - known - {NO_MECHANISM})
    if unknown:
        raise MechmineError(f"the key names mechanisms the taxonomy lacks: {', '.join(unknown)}")
    if "mechanisms" not in tables:
        raise MechmineError("no mechanisms table to score (is it a `mechmine run` folder?)")
    files = {k.file: k.path for k in key}
    owner = article_files(tables["articles"], files)
    by_article = {k.file for k in key if k.article}
    seen: dict[str, int] = defaultdict(int)
    for article_id, file in owner.items():  # table order
        if file in by_article:
            seen[file] += 1
            owner[article_id] = f"{file}#{seen[file]}"
    evidence = _by_file(tables["mechanisms"], owner)
    scores = KeyScores("mechanisms")
    units = dict.fromkeys(f"{k.file}#{k.article}" if k.file in by_article else k.file for k in key)
    for unit in units:
        file, _, number = unit.rpartition("#") if "#" in unit else (unit, "", "")
        unit_rows = [k for k in key if k.file == file and (not number or k.article == int(number))]
        rows = [k for k in unit_rows if k.mechanism != NO_MECHANISM]
        clear = {k.mechanism for k in rows if k.strength == "clear"}
        named = {k.mechanism for k in rows}
        frame = evidence.get(unit, tables["mechanisms"].iloc[0:0])
        found = set(frame["mechanism_id"].astype(str))
        by_relation = set(frame.loc[frame["evidence_type"] == "relation", "mechanism_id"].astype(str))
        scores.main[unit] = KeyCounts(len(clear), len(clear & found), len(found), len(found & named))
        scores.loose[unit] = KeyCounts(len(clear), len(clear & by_relation), len(by_relation),
                                       len(by_relation & named))
        if any(k.mechanism == NO_MECHANISM for k in unit_rows):
            scores.none_docs[unit] = len(found)
        scores.missed += [{"file": unit, "mechanism": m} for m in sorted(clear - found)]
        for m in sorted(found - named):
            texts = frame.loc[frame["mechanism_id"] == m, "text"].astype(str).head(3).tolist()
            scores.unmatched += [{"file": unit, "mechanism": m, "evidence": " | ".join(texts)}]
    return scores


def evaluate_key(kind: str, key_path: Path, pred: Path | None = None, model: str | None = None) -> KeyScores:
    """Score ``kind`` ('relations' or 'entities') of the key's documents against the key."""
    if kind == "relations":
        rel_key = read_relation_key(key_path)
        return score_relations(rel_key, document_tables(_paths(rel_key), pred, model))
    if kind == "entities":
        ent_key = read_entity_key(key_path)
        return score_entities(ent_key, document_tables(_paths(ent_key), pred, model))
    if kind == "mechanisms":
        from pipeline.mechanisms import default_taxonomy

        mech_key = read_mechanism_key(key_path)
        return score_mechanisms(mech_key, document_tables(_paths(mech_key), pred, model),
                                {m.id for m in default_taxonomy()})
    raise MechmineError(f"unknown key kind {kind!r} (relations, entities or mechanisms)")


def _paths(key: list[KeyRelation] | list[KeyEntity] | list[KeyMechanism]) -> list[Path]:
    return list(dict.fromkeys(k.path for k in key))
