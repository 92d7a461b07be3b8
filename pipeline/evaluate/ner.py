"""Mention-level NER evaluation against gold corpora (IOB or PubTator, read by :mod:`pipeline.gold`).

Strict: a prediction counts when its character span and (mapped) label equal a
gold mention's. Lenient: when it overlaps a gold mention of the same label
(each gold and predicted mention is used at most once). Normalisation
accuracy (PubTator only): among strict matches, the share whose predicted id
(its ``kb_id`` or one of its cross-references) is one of the gold ids.
Predicted labels are mapped to gold labels by a label map
(``resources/label_maps/*.yaml``); predictions of unmapped labels are ignored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field
from spacy.language import Language

from pipeline.errors import MechmineError
from pipeline.gold.corpus import chunks, read_gold
from pipeline.gold.model import GoldDoc, GoldMention
from pipeline.lexicon.groups import GROUP_SPANS
from pipeline.ruledata import Meta, Strict, load_yaml, resource_path

LABEL_MAPS = {
    "bc5cdr": "bc5cdr.yaml", "ncbi": "ncbi_disease.yaml", "ncbi-disease": "ncbi_disease.yaml",
    "ncbi_disease": "ncbi_disease.yaml", "bionlp13cg": "bionlp13cg.yaml", "jnlpba": "jnlpba.yaml",
    "bc2gm": "bc2gm.yaml", "biored": "biored.yaml",
}


class LabelMapFile(Strict):
    meta: Meta
    labels: dict[str, list[str]] = Field(min_length=1)
    # gold labels scored as another one (NCBI PubTator's four disease mention types -> Disease)
    aliases: dict[str, str] = Field(default_factory=dict)
    # "drop": the corpus does not annotate class nouns ("cytokines"); mechmine's class-noun
    # entities (doc.spans["mechmine_group"]) are left out of its scores
    group_nouns: Literal["keep", "drop"] = "keep"


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    label: str
    ids: tuple[str, ...]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class NerScores:
    """Per-label and overall strict/lenient counts, plus normalisation accuracy."""

    strict: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    lenient: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    norm_total: int = 0
    norm_correct: int = 0
    n_docs: int = 0

    def overall(self, which: str) -> Counts:
        table = self.strict if which == "strict" else self.lenient
        total = Counts()
        for c in table.values():
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        return total

    @property
    def norm_accuracy(self) -> float | None:
        return self.norm_correct / self.norm_total if self.norm_total else None

    def rows(self) -> list[dict[str, object]]:
        out = []
        for label in [*sorted(self.strict), "ALL"]:
            s = self.overall("strict") if label == "ALL" else self.strict[label]
            lc = self.overall("lenient") if label == "ALL" else self.lenient[label]
            out.append({"label": label, "tp": s.tp, "fp": s.fp, "fn": s.fn,
                        "strict_p": round(s.precision, 4), "strict_r": round(s.recall, 4),
                        "strict_f1": round(s.f1, 4), "lenient_p": round(lc.precision, 4),
                        "lenient_r": round(lc.recall, 4), "lenient_f1": round(lc.f1, 4)})
        return out


def load_label_map(name_or_path: str) -> dict[str, list[str]]:
    """A shipped label map by name (bc5cdr, ncbi, bionlp13cg, jnlpba, bc2gm, biored) or a YAML path."""
    key = name_or_path.lower()
    path = resource_path(f"label_maps/{LABEL_MAPS[key]}") if key in LABEL_MAPS else Path(name_or_path)
    if not path.exists():
        raise MechmineError(f"unknown label map {name_or_path!r} (known: {', '.join(sorted(LABEL_MAPS))})")
    spec = load_yaml(path, LabelMapFile)
    drop = {GROUP_MARK: ["drop"]} if spec.group_nouns == "drop" else {}
    return {**spec.labels, **{alias: [ALIAS_MARK + target] for alias, target in spec.aliases.items()}, **drop}


ALIAS_MARK = "="  # label map entry "=Disease": gold label scored as Disease
GROUP_MARK = "~group_nouns"  # label map entry: class-noun entities are not scored


def split_aliases(label_map: dict[str, list[str]]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The map's (gold label -> our classes) part and its (gold label -> gold label) aliases."""
    labels = {k: v for k, v in label_map.items()
              if not (v and v[0].startswith(ALIAS_MARK)) and k != GROUP_MARK}
    aliases = {k: v[0][len(ALIAS_MARK):] for k, v in label_map.items() if v and v[0].startswith(ALIAS_MARK)}
    return labels, aliases


def guess_label_map(gold: Path) -> str:
    """The shipped label map a gold path's name suggests."""
    text = str(gold).lower()
    for key in ("bc5cdr", "cdr_", "ncbi", "bionlp13cg", "jnlpba", "bc2gm", "biored"):
        if key in text:
            return {"cdr_": "bc5cdr"}.get(key, key)
    raise MechmineError(f"cannot tell which label map fits {gold}; pass --labels")


def predict(nlp: Language, docs: Iterable[GoldDoc], label_map: dict[str, list[str]],
            context: int = 1, batch_size: int = 64, drop_groups: bool = False,
            ) -> Iterator[tuple[GoldDoc, list[Predicted]]]:
    """Run ``nlp`` over the gold texts; yield each with its predictions in gold labels.

    With ``context`` > 1, consecutive sentences (of one ``-DOCSTART-`` document)
    are read together, so that an abbreviation defined in one sentence is
    known in the next, as in the running text; only the gold annotations of
    each sentence score its predictions. With ``drop_groups``, class-noun entities
    (``doc.spans["mechmine_group"]``) are not predictions.
    """
    to_gold = {ours: gold for gold, labels in label_map.items() for ours in labels}
    groups = list(chunks(list(docs), context))
    texts = ("\n".join(d.text for d in g) for g in groups)
    for group, doc in zip(groups, nlp.pipe(texts, batch_size=batch_size), strict=True):
        bounds = []
        pos = 0
        for gold in group:
            bounds.append((pos, pos + len(gold.text)))
            pos += len(gold.text) + 1
        per: list[list[Predicted]] = [[] for _ in group]
        skip = {(s.start, s.end) for s in doc.spans.get(GROUP_SPANS, [])} if drop_groups else set()
        for ent in doc.ents:
            if ent.label_ not in to_gold or (ent.start, ent.end) in skip:
                continue
            k = next((i for i, (lo, hi) in enumerate(bounds)
                      if lo <= ent.start_char and ent.end_char <= hi), None)
            if k is None:
                continue
            ids = (ent.kb_id_, *_concept_xrefs(nlp, ent.kb_id_)) if ent.kb_id_ else ()
            lo = bounds[k][0]
            per[k].append(Predicted(ent.start_char - lo, ent.end_char - lo, to_gold[ent.label_], ids))
        yield from zip(group, per, strict=True)


def _concept_xrefs(nlp: Language, kb_id: str) -> tuple[str, ...]:
    for _, pipe in nlp.pipeline:
        lexicon = getattr(pipe, "lexicon", None)
        if lexicon is not None:
            concept = lexicon.get(kb_id)
            return concept.xrefs if concept else ()
    return ()


def _id_matches(pred_ids: tuple[str, ...], gold_ids: tuple[str, ...]) -> bool:
    plain = {p.split(":", 1)[-1] for p in pred_ids} | set(pred_ids)
    return any(g in plain or g.split(":", 1)[-1] in plain for g in gold_ids)


def score(pairs: Iterable[tuple[GoldDoc, list[Predicted]]], labels: Iterable[str]) -> NerScores:
    """Strict and lenient P/R/F1 per gold label, and normalisation accuracy."""
    wanted = set(labels)
    scores = NerScores()
    for gold, preds in pairs:
        scores.n_docs += 1
        gold_m = [m for m in gold.mentions if m.label in wanted]
        by_span = {(m.start, m.end, m.label): m for m in gold_m}
        pred_spans = {(p.start, p.end, p.label): p for p in preds}
        for key, p in pred_spans.items():
            if key in by_span:
                scores.strict[p.label].tp += 1
                g = by_span[key]
                if g.ids:
                    scores.norm_total += 1
                    scores.norm_correct += _id_matches(p.ids, g.ids)
            else:
                scores.strict[p.label].fp += 1
        for key, g in by_span.items():
            if key not in pred_spans:
                scores.strict[g.label].fn += 1
        used: set[int] = set()
        for p in pred_spans.values():
            hit = next((i for i, g in enumerate(gold_m) if i not in used and g.label == p.label
                        and g.start < p.end and p.start < g.end), None)
            if hit is None:
                scores.lenient[p.label].fp += 1
            else:
                used.add(hit)
                scores.lenient[p.label].tp += 1
        for i, g in enumerate(gold_m):
            if i not in used:
                scores.lenient[g.label].fn += 1
        for label in wanted:
            scores.strict[label]
            scores.lenient[label]
    return scores


def evaluate_ner(nlp: Language, gold: Path, fmt: str, label_map: dict[str, list[str]],
                 limit: int | None = None, context: int = 10) -> NerScores:
    """Score ``nlp`` on a gold file in ``fmt`` ('iob' or 'pubtator')."""
    drop_groups = GROUP_MARK in label_map
    label_map, aliases = split_aliases(label_map)
    docs = read_gold(gold, fmt)
    if limit:
        docs = docs[:limit]
    if aliases:
        for d in docs:
            d.mentions = [GoldMention(m.start, m.end, aliases.get(m.label, m.label), m.ids)
                          for m in d.mentions]
    return score(predict(nlp, docs, label_map, context if fmt == "iob" else 1, drop_groups=drop_groups),
                 label_map)
