"""Relation evaluation with gold entities: BioNLP-ST 2013 GE and BioRED.

The gold entities of each document are given to the pipeline as its
``doc.ents`` (no NER error enters the score), then only the sentencizer and
``mechmine_relations`` run. Predicates map to polarity: ACTIVATES, INCREASES,
SECRETES, DRIVES, POLARIZES -> positive; INHIBITS, DECREASES, TREATS ->
negative, flipped when the subject's loss is stated ("knockdown of X reduced
Y"), none for a variant; a negated relation is dropped.

- **GE 2013** (brat standoff ``.txt/.a1/.a2``): every Positive_regulation,
  Negative_regulation or Regulation event with a Cause gives a directed pair
  Cause protein -> Theme protein (a Theme or Cause that is itself an event is
  replaced by that event's Theme protein, recursively), with polarity positive,
  negative or unspecified. Pairs are compared per document on the proteins'
  lower-cased text; a predicted pair matches when cause, theme and polarity
  agree (Regulation matches either polarity). A relation without a direction
  ("X regulates / modulates Y": ASSOCIATED_WITH, neutral, rules ``regulate`` and
  ``regulation_nominal``) is a Regulation pair
  (polarity ``any``): it matches a gold Regulation only, never a positive or
  negative one.
- **BioRED** (PubTator): Positive_Correlation / Negative_Correlation pairs of
  entity ids per document, undirected; a predicted relation gives the pair of
  its arguments' ids with its polarity.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from pipeline.errors import MechmineError
from pipeline.evaluate.ner import Counts
from pipeline.gold.biored import read_biored
from pipeline.gold.brat import read_ge
from pipeline.gold.model import GoldEntity
from pipeline.nlp.extensions import MentionInfo, mentions

POSITIVE = {"ACTIVATES", "INCREASES", "SECRETES", "DRIVES", "POLARIZES"}
NEGATIVE = {"INHIBITS", "DECREASES", "TREATS"}
# BioRED relates disease-gene, disease-chemical, gene-gene, gene-chemical and
# chemical-chemical pairs (variants count as genes here); disease-disease pairs
# and cell lines are outside its schema, so such predictions are not scored.
BIORED_UNSCORED = frozenset({frozenset({"DISEASE"}), frozenset({"CELL_TYPE"}),
                             *(frozenset({"CELL_TYPE", x})
                               for x in ("DISEASE", "CHEMICAL", "GENE_OR_PROTEIN"))})


@dataclass
class RelationScores:
    counts: Counts = field(default_factory=Counts)
    unlabelled: Counts = field(default_factory=Counts)
    n_docs: int = 0
    # with ``errors``: gold pairs not found and predicted pairs matching none, with their sentences
    missed: list[dict[str, object]] = field(default_factory=list)
    unmatched: list[dict[str, object]] = field(default_factory=list)

    def rows(self) -> list[dict[str, object]]:
        out = []
        for name, c in (("with polarity", self.counts), ("pair only", self.unlabelled)):
            out.append({"match": name, "tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 4),
                        "recall": round(c.recall, 4), "f1": round(c.f1, 4)})
        return out


def polarity_of(predicate: str) -> str | None:
    return "positive" if predicate in POSITIVE else "negative" if predicate in NEGATIVE else None


def with_gold_entities(nlp: Language, text: str, ents: list[GoldEntity]) -> Doc:
    """Run the sentencizer and the relation extractor over ``text`` with ``ents`` as its entities."""
    doc = nlp.make_doc(text)
    spans = []
    info = mentions(doc)
    for e in ents:
        span = doc.char_span(e.start, e.end, label=e.label, kb_id=e.key, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    chosen = filter_spans(spans)
    for s in chosen:
        info[(s.start_char, s.end_char)] = MentionInfo((s.label_,), s.text, "gold")
    doc.ents = chosen
    for name in ("sentencizer", "mechmine_parser", "mechmine_relations"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return doc


def _score(scores: RelationScores, gold: set[tuple], pred: set[tuple], unordered: bool) -> None:
    scores.n_docs += 1
    c = scores.counts

    def matches(p: tuple, g: tuple) -> bool:
        same = (p[0], p[1]) == (g[0], g[1]) or (unordered and (p[0], p[1]) == (g[1], g[0]))
        return same and (g[2] == "any" or p[2] == g[2])

    hit_gold = {g for g in gold if any(matches(p, g) for p in pred)}
    hit_pred = {p for p in pred if any(matches(p, g) for g in gold)}
    c.tp += len(hit_pred)
    c.fp += len(pred - hit_pred)
    c.fn += len(gold - hit_gold)
    u = scores.unlabelled

    def pair(t: tuple) -> tuple:
        return tuple(sorted(t[:2])) if unordered else t[:2]

    gp, pp = {pair(g) for g in gold}, {pair(p) for p in pred}
    u.tp += len(gp & pp)
    u.fp += len(pp - gp)
    u.fn += len(gp - pp)


# the rules of an influence without its direction ("X regulates / modulates Y"): a GE Regulation.
# An association ("X is associated with Y") is no regulation event and stays unscored.
UNDIRECTED = frozenset({"regulate", "regulation_nominal"})


def predicted_pairs(doc: Doc, unscored: frozenset[frozenset[str]] = frozenset(),
                    undirected: bool = False) -> set[tuple[str, str, str]]:
    return set(predicted_relations(doc, unscored, undirected))


def predicted_relations(doc: Doc, unscored: frozenset[frozenset[str]] = frozenset(),
                        undirected: bool = False) -> dict[tuple[str, str, str], list]:
    """(subject id, object id, polarity) of the doc's non-negated relations with a polarity;
    with ``undirected`` (a gold schema with an undirected regulation type), a relation of an
    :data:`UNDIRECTED` rule too, with polarity ``any``.

    Pairs whose label pair is in ``unscored`` (types the gold schema never relates) are left out,
    and so are relations with an argument that is no gold entity (an outcome phrase such as
    "motor function" has no id: the gold pairs cannot say whether it is right).
    :func:`predicted_relations` gives the relations behind each pair.
    """
    pred: dict[tuple[str, str, str], list] = {}
    for rel in doc._.relations:
        if frozenset((rel.subject.label, rel.object.label)) in unscored:
            continue
        if not rel.subject.kb_id or not rel.object.kb_id:
            continue
        pol = polarity_of(rel.predicate) and (rel.polarity if rel.polarity != "neutral" else None)
        if undirected and rel.rule_name in UNDIRECTED:
            pol = "any"
        if pol and not rel.negated and rel.subject.kb_id != rel.object.kb_id:
            pred.setdefault((rel.subject.kb_id, rel.object.kb_id, pol), []).append(rel)
    return pred


def _errors(scores: RelationScores, doc_id: str, doc: Doc, gold: set[tuple],
            pred: dict[tuple[str, str, str], list], unordered: bool) -> None:
    """Record the gold pairs no prediction matched (with the sentences naming both entities and
    a prediction of the pair with another polarity) and the predictions matching no gold pair."""
    names: dict[str, list[str]] = {}
    for e in doc.ents:
        names.setdefault(e.kb_id_, []).append(e.text)
    sents = [(s.text.strip(), {e.kb_id_ for e in s.ents}) for s in doc.sents]

    def same(a: tuple, b: tuple) -> bool:
        return (a[0], a[1]) == (b[0], b[1]) or (unordered and (a[0], a[1]) == (b[1], b[0]))

    def found(p: tuple, g: tuple) -> bool:
        return same(p, g) and (g[2] == "any" or p[2] == g[2])

    for g in sorted(gold):
        if any(found(p, g) for p in pred):
            continue
        scores.missed.append({
            "doc": doc_id, "pair": list(g), "names": [sorted(set(names.get(x, [])))[:3] for x in g[:2]],
            "other_polarity": sorted({p[2] for p in pred if same(p, g)}),
            "sentences": [t for t, ids in sents if g[0] in ids and g[1] in ids]})
    for p, rels in sorted(pred.items()):
        if any(found(p, g) for g in gold):
            continue
        rel = rels[0]
        scores.unmatched.append({
            "doc": doc_id, "pair": list(p), "subject": rel.subject.text, "predicate": rel.predicate,
            "object": rel.object.text, "rule_id": rel.rule_id,
            "gold_polarity": sorted({g[2] for g in gold if same(p, g)}),
            "sentence": doc.text[rel.sentence_start:rel.sentence_end].strip()})


def score_documents(nlp: Language, docs: Iterator[tuple[str, str, list[GoldEntity], set[tuple]]],
                    unordered: bool, unscored: frozenset[frozenset[str]] = frozenset(),
                    undirected: bool = False, errors: bool = False) -> RelationScores:
    """Relation P/R/F1 over (id, text, gold entities, gold pairs) documents; with ``errors``, the
    missed and unmatched pairs too (:attr:`RelationScores.missed`, ``unmatched``)."""
    scores = RelationScores()
    for doc_id, text, ents, gold in docs:
        doc = with_gold_entities(nlp, text, ents)
        pred = predicted_relations(doc, unscored, undirected)
        _score(scores, gold, set(pred), unordered=unordered)
        if errors:
            _errors(scores, doc_id, doc, gold, pred, unordered)
    return scores


def evaluate_ge(nlp: Language, folder: Path, errors: bool = False) -> RelationScores:
    if not folder.is_dir():
        raise MechmineError(f"no such folder: {folder}")
    return score_documents(nlp, read_ge(folder), unordered=False, undirected=True, errors=errors)


def evaluate_biored(nlp: Language, path: Path, errors: bool = False) -> RelationScores:
    if not path.is_file():
        raise MechmineError(f"no such file: {path}")
    return score_documents(nlp, read_biored(path), unordered=True, unscored=BIORED_UNSCORED, errors=errors)
