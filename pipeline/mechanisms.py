"""The mechanism taxonomy, the long evidence table, and the wide matrices (pandas).

:func:`mechanism_evidence` maps relations, entity mentions and keywords of
each article onto the repair mechanisms of ``resources/mechanisms.yaml``
(``mechanisms.csv``, long: article x mechanism x evidence). The matrices are
built from that long table, outside the NLP code:

- ``mechanism_matrix``: one row per article (title, kind, primary disease),
  one evidence-count column per mechanism (:func:`mechanism_matrix`, per file);
- ``disease_mechanism_matrix``: the same summed per primary disease;
- ``factor_mechanism_matrix``: cytokines and growth factors x mechanisms, with
  the number of relations naming the factor and its net polarity: +1 for each
  relation that raises it (it is the object of SECRETES, INCREASES,
  ACTIVATES), -1 for each that lowers it (DECREASES, INHIBITS), a negated
  relation counting the other way (:func:`polarity_sign`).

The two corpus-wide matrices are summed from each file's :class:`MatrixParts`
by :class:`CorpusMatrices`, their one implementation.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
from pydantic import Field

from pipeline import schema
from pipeline.errors import ResourceError
from pipeline.ruledata import Meta, Strict, compile_pattern, load_yaml, resource_path
from pipeline.schema import MechanismEvidenceRecord

# relation contexts that are no evidence of repair (what a disease does, a side effect)
NOT_REPAIR = frozenset({"pathology", "risk"})
# the lexicon source of drug-class terms: pipeline.lexicon.drugclass.DRUG_CLASS_SOURCE, not imported
# here (the lexicon package pulls in spaCy, which the batch machinery never imports)
DRUG_CLASS_SOURCE = "mesh_drug_class"
FACTOR_LABELS = {"CYTOKINE", "GROWTH_FACTOR", "GENE_OR_PROTEIN", "CHEMICAL"}
MATRIX_FACTOR_LABELS = {"CYTOKINE", "GROWTH_FACTOR"}
RAISES = {"SECRETES", "INCREASES", "ACTIVATES"}
LOWERS = {"DECREASES", "INHIBITS"}


class RelationRuleSpec(Strict):
    predicates: list[str] = Field(default_factory=list)
    object_ids: list[str] = Field(default_factory=list)
    object_classes: list[str] = Field(default_factory=list)
    object_text: str = ""
    subject_text: str = ""
    subject_classes: list[str] = Field(default_factory=list)


class MentionRuleSpec(Strict):
    ids: list[str] = Field(default_factory=list)
    text: str = ""


class MechanismSpec(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    definition: str
    ids: list[str]
    relations: list[RelationRuleSpec] = Field(default_factory=list)
    mentions: list[MentionRuleSpec] = Field(default_factory=list)


class TaxonomyFile(Strict):
    meta: Meta
    mechanisms: list[MechanismSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Mechanism:
    id: str
    name: str
    spec: MechanismSpec
    object_text: tuple[re.Pattern[str] | None, ...]
    subject_text: tuple[re.Pattern[str] | None, ...]
    mention_text: tuple[re.Pattern[str] | None, ...]


def load_taxonomy(path: Path | None = None) -> list[Mechanism]:
    """Load and validate the mechanism taxonomy."""
    path = path or resource_path("mechanisms.yaml")
    spec = load_yaml(path, TaxonomyFile)
    ids = [m.id for m in spec.mechanisms]
    if len(set(ids)) != len(ids):
        raise ResourceError(f"{path}: duplicate mechanism ids")

    def rx(p: str, where: str) -> re.Pattern[str] | None:
        return compile_pattern(p, where) if p else None

    return [
        Mechanism(m.id, m.name, m,
                  tuple(rx(r.object_text, f"{path}: {m.id}") for r in m.relations),
                  tuple(rx(r.subject_text, f"{path}: {m.id}") for r in m.relations),
                  tuple(rx(r.text, f"{path}: {m.id}") for r in m.mentions))
        for m in spec.mechanisms
    ]


@lru_cache(maxsize=1)
def default_taxonomy() -> tuple[Mechanism, ...]:
    return tuple(load_taxonomy())


def _relation_hits(mech: Mechanism, rel: pd.Series) -> bool:
    for rule, obj_rx, subj_rx in zip(mech.spec.relations, mech.object_text, mech.subject_text, strict=True):
        if rule.predicates and rel.predicate not in rule.predicates:
            continue
        if rule.subject_classes and rel.subject_label not in rule.subject_classes:
            continue
        if subj_rx is not None and not subj_rx.search(rel.subject_text):
            continue
        constrained = bool(rule.object_ids or rule.object_classes or obj_rx is not None)
        if not constrained:
            return True
        if rel.object_kb_id and rel.object_kb_id in rule.object_ids:
            return True
        if rel.object_label in rule.object_classes:
            return True
        if obj_rx is not None and obj_rx.search(rel.object_text):
            return True
    return False


def _records(frame: pd.DataFrame) -> list[SimpleNamespace]:
    """The rows of ``frame`` as objects with plain Python values (one column read at a time)."""
    columns = {c: frame[c].tolist() for c in frame.columns}
    return [SimpleNamespace(**dict(zip(columns, values, strict=True)))
            for values in zip(*columns.values(), strict=True)] if len(frame) else []


def _factors(*pairs: tuple[str, str]) -> str:
    return "|".join(dict.fromkeys(kb for kb, label in pairs if kb and label in FACTOR_LABELS))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def drug_class_spans(entities: pd.DataFrame) -> set[tuple[str, int, int]]:
    """(article, start, end) of the drug-class mentions ("cytotoxic drugs", "immunosuppressants":
    lexicon source ``mesh_drug_class``): a conventional treatment named by its class, whose
    effects ("cytotoxic drugs suppress the immune system") are no mechanism of the therapy an
    article is about."""
    if entities.empty or "source" not in entities:
        return set()
    found = entities[entities["source"].astype(str).str.contains(DRUG_CLASS_SOURCE, regex=False)]
    return set(zip(found["article_id"].astype(str), found["start_char"].astype(int),
                   found["end_char"].astype(int), strict=True))


def mechanism_evidence(articles: pd.DataFrame, entities: pd.DataFrame, relations: pd.DataFrame,
                       taxonomy: tuple[Mechanism, ...] | None = None) -> pd.DataFrame:
    """The long table: one row per article x mechanism x piece of evidence. Negated relations,
    those stated as pathology or risk (``context``) and those whose agent is a drug class
    (:func:`drug_class_spans`) are no evidence of a repair mechanism."""
    taxonomy = taxonomy or default_taxonomy()
    rows: list[MechanismEvidenceRecord] = []
    classes = drug_class_spans(entities)
    # plain Python rows: attribute access on Arrow-backed string columns is slow
    for rel in _records(relations):
        if rel.negated or getattr(rel, "context", "") in NOT_REPAIR:
            continue
        if classes and (rel.article_id, rel.subject_start, rel.subject_end) in classes:
            continue
        for mech in taxonomy:
            if _relation_hits(mech, rel):  # type: ignore[arg-type]
                rows.append(MechanismEvidenceRecord(
                    rel.article_id, mech.id, mech.name, "relation", rel.relation_id, rel.sentence_id,
                    _factors((rel.subject_kb_id, rel.subject_label), (rel.object_kb_id, rel.object_label)),
                    f"{rel.subject_text} {rel.predicate} {rel.object_text}"))
    if not entities.empty:
        frames = []
        for mech in taxonomy:
            hit = pd.Series(False, index=entities.index)
            for rule, text_rx in zip(mech.spec.mentions, mech.mention_text, strict=True):
                if rule.ids:
                    hit |= entities.kb_id.isin(rule.ids)
                if text_rx is not None:
                    with warnings.catch_warnings():  # pandas warns about groups in the pattern
                        warnings.simplefilter("ignore", UserWarning)
                        found = entities.text.str.contains(text_rx, regex=True)
                    hit |= found.fillna(False).astype(bool)
            if hit.any():
                frames.append(entities[hit].assign(mechanism_id=mech.id, mechanism=mech.name))
        for ent in (_records(pd.concat(frames)) if frames else ()):
            factors = ent.kb_id if ent.kb_id and ent.label in FACTOR_LABELS else ""
            rows.append(MechanismEvidenceRecord(
                ent.article_id, ent.mechanism_id, ent.mechanism, "mention",
                f"entity:{ent.start_char}-{ent.end_char}", ent.sentence_id, factors, ent.text))
    entity_spans = set(zip(entities["article_id"].tolist(), entities["start_char"].tolist(),
                           entities["end_char"].tolist(), strict=True))
    for art in _records(articles[["article_id", "text"]]):
        for mech in taxonomy:
            for text_rx in mech.mention_text:
                if text_rx is None:
                    continue
                for m in text_rx.finditer(art.text):
                    if (art.article_id, m.start(), m.end()) in entity_spans:
                        continue
                    rows.append(MechanismEvidenceRecord(
                        art.article_id, mech.id, mech.name, "keyword", f"keyword:{m.start()}-{m.end()}",
                        None, "", m.group(0)))
    frame = schema.to_frame("mechanisms", rows)
    order = {m.id: i for i, m in enumerate(taxonomy)}
    art_order = {a: i for i, a in enumerate(articles["article_id"])}
    frame = frame.drop_duplicates(["article_id", "mechanism_id", "evidence_id"])
    keys = frame.assign(_a=frame.article_id.map(art_order), _m=frame.mechanism_id.map(order))
    return frame.loc[keys.sort_values(["_a", "_m", "evidence_type", "evidence_id"], kind="stable").index] \
        .reset_index(drop=True)


def primary_diseases(articles: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Per article: the disease its title names, else its most mentioned disease (earliest on ties)."""
    base = articles[["article_id"]].copy()
    diseases = entities[entities.label == "DISEASE"]
    if diseases.empty:
        return base.assign(primary_disease="", primary_disease_id="")
    key = diseases.kb_id.where(diseases.kb_id != "", "text:" + diseases.text.str.lower())
    stats = diseases.assign(key=key).groupby(["article_id", "key"], sort=False).agg(
        n=("text", "size"), first=("start_char", "min"), name=("canonical_name", "first"),
        text=("text", "first")).reset_index()
    titles = dict(zip(articles.article_id, articles.title.astype(str).str.lower(), strict=True))
    stats["in_title"] = [
        str(t).lower() in titles.get(a, "") or (bool(nm) and str(nm).lower() in titles.get(a, ""))
        for a, t, nm in zip(stats.article_id, stats.text, stats.name, strict=True)
    ]
    best = stats.sort_values(["article_id", "in_title", "n", "first"], ascending=[True, False, False, True],
                             kind="stable").drop_duplicates("article_id")
    best = best.assign(
        primary_disease=best.name.where(best.name.fillna("") != "", best.text),
        primary_disease_id=best.key.where(~best.key.str.startswith("text:"), ""),
    )[["article_id", "primary_disease", "primary_disease_id"]]
    out = base.merge(best, on="article_id", how="left")
    return out.fillna({"primary_disease": "", "primary_disease_id": ""})


def mechanism_matrix(articles: pd.DataFrame, evidence: pd.DataFrame, diseases: pd.DataFrame,
                     taxonomy: tuple[Mechanism, ...] | None = None) -> pd.DataFrame:
    """Articles x mechanisms: evidence counts (a pivot of the long table)."""
    taxonomy = taxonomy or default_taxonomy()
    ids = [m.id for m in taxonomy]
    counts = evidence.pivot_table(index="article_id", columns="mechanism_id", values="evidence_id",
                                  aggfunc="count", fill_value=0) if not evidence.empty else pd.DataFrame()
    counts = counts.reindex(index=articles.article_id.tolist(), columns=ids, fill_value=0)
    counts = counts.fillna(0).astype("Int64").reset_index(drop=True)
    base = articles[["article_id", "title", "kind"]].merge(diseases, on="article_id", how="left")
    out = pd.concat([base.reset_index(drop=True), counts], axis=1)  # both in article order
    return out[schema.MATRICES["mechanism_matrix"] + ids]


def empty_matrix(name: str, taxonomy: tuple[Mechanism, ...] | None = None) -> pd.DataFrame:
    """A wide table with no rows (its key columns and one column per mechanism)."""
    ids = [m.id for m in (taxonomy or default_taxonomy())]
    return pd.DataFrame(columns=schema.MATRICES[name] + ids)


def polarity_sign(predicate: str, negated: bool) -> int:
    """+1 when the relation raises its object, -1 when it lowers it, 0 otherwise (negation flips)."""
    sign = 1 if predicate in RAISES else -1 if predicate in LOWERS else 0
    return -sign if negated else sign


@dataclass(frozen=True)
class MatrixParts:
    """One file's share of the corpus matrices, as plain tuples (small; kept in the manifest)."""

    diseases: list[tuple[str, str, list[int]]]  # (disease id, name, counts per mechanism) per article
    factors: list[tuple[str, str, str]]  # (kb_id, canonical name, label) per factor mention
    evidence: list[tuple[str, str]]  # (factor ids, mechanism id) per evidence row
    relations: list[tuple[str, str, str, bool]]  # (subject id, object id, predicate, negated)


def matrix_parts(matrix: pd.DataFrame, evidence: pd.DataFrame, relations: pd.DataFrame,
                 entities: pd.DataFrame) -> MatrixParts:
    """One file's share of ``disease_mechanism_matrix`` and ``factor_mechanism_matrix``."""
    ids = [c for c in matrix.columns if c not in schema.MATRICES["mechanism_matrix"]]
    with_disease = matrix[matrix.primary_disease.fillna("") != ""]
    diseases = [(r[0], r[1], [int(v) for v in r[2:]]) for r in
                with_disease[["primary_disease_id", "primary_disease", *ids]].itertuples(index=False)]
    factors = entities[entities.label.isin(MATRIX_FACTOR_LABELS) & (entities.kb_id != "")]
    return MatrixParts(
        diseases,
        list(zip(factors.kb_id, factors.canonical_name, factors.label, strict=True)),
        list(zip(evidence.factor_ids, evidence.mechanism_id, strict=True)),
        list(zip(relations.subject_kb_id, relations.object_kb_id, relations.predicate,
                 relations.negated.astype(bool), strict=True)))


class CorpusMatrices:
    """The disease and factor matrices of a corpus, summed from per-file :class:`MatrixParts`.

    The one implementation of ``disease_mechanism_matrix`` (evidence counts summed per
    primary disease) and ``factor_mechanism_matrix`` (per cytokine or growth factor:
    evidence counts, relations naming it, net polarity by :func:`polarity_sign`).
    """

    def __init__(self, taxonomy: tuple[Mechanism, ...] | None = None) -> None:
        self.taxonomy = taxonomy or default_taxonomy()
        self.ids = [m.id for m in self.taxonomy]
        self.diseases: dict[tuple[str, str], list[int]] = {}
        self.names: dict[str, tuple[str, str]] = {}
        self.counts: dict[tuple[str, str], int] = {}
        self.subject_n: dict[str, int] = {}
        self.object_n: dict[str, int] = {}
        self.net: dict[str, int] = {}

    def add(self, parts: MatrixParts) -> None:
        for did, dname, counts in parts.diseases:
            acc = self.diseases.setdefault((did, dname), [0] * (len(self.ids) + 1))
            acc[0] += 1
            for k, v in enumerate(counts, start=1):
                acc[k] += v
        for kb_id, name, label in parts.factors:
            self.names.setdefault(kb_id, (name, label))
        for fids, mid in parts.evidence:
            for fid in (fids.split("|") if fids else ()):
                self.counts[(fid, mid)] = self.counts.get((fid, mid), 0) + 1
        for subj, obj, pred, neg in parts.relations:
            self.subject_n[subj] = self.subject_n.get(subj, 0) + 1
            self.object_n[obj] = self.object_n.get(obj, 0) + 1
            self.net[obj] = self.net.get(obj, 0) + polarity_sign(pred, neg)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Diseases sorted by (id, name); factors by (label, name, id)."""
        disease_rows = [[did, name, acc[0], *acc[1:]] for (did, name), acc in sorted(self.diseases.items())]
        diseases = (pd.DataFrame(disease_rows, columns=schema.MATRICES["disease_mechanism_matrix"] + self.ids)
                    if disease_rows else empty_matrix("disease_mechanism_matrix", self.taxonomy))
        factor_rows = []
        for kb_id in sorted(self.names, key=lambda k: (self.names[k][1], self.names[k][0], k)):
            name, label = self.names[kb_id]
            n_relations = self.subject_n.get(kb_id, 0) + self.object_n.get(kb_id, 0)
            factor_rows.append([kb_id, name, label, n_relations, self.net.get(kb_id, 0),
                                *(self.counts.get((kb_id, m), 0) for m in self.ids)])
        factors = (pd.DataFrame(factor_rows, columns=schema.MATRICES["factor_mechanism_matrix"] + self.ids)
                   if factor_rows else empty_matrix("factor_mechanism_matrix", self.taxonomy))
        return {"disease_mechanism_matrix": diseases, "factor_mechanism_matrix": factors}
