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
    """(subject id, object id, polarity) of the doc's non-negated relations with a polarity;
    with ``undirected`` (a gold schema with an undirected regulation type), a relation of an
    :data:`UNDIRECTED` rule too, with polarity ``any``.

    Pairs whose label pair is in ``unscored`` (types the gold schema never relates) are left out,
    and so are relations with an argument that is no gold entity (an outcome phrase such as
    "motor function" has no id: the gold pairs cannot say whether it is right).
    """
    pred = set()
    for rel in doc._.relations:
        if frozenset((rel.subject.label, rel.object.label)) in unscored:
            continue
        if not rel.subject.kb_id or not rel.object.kb_id:
            continue
        pol = polarity_of(rel.predicate) and (rel.polarity if rel.polarity != "neutral" else None)
        if undirected and rel.rule_name in UNDIRECTED:
            pol = "any"
        if pol and not rel.negated and rel.subject.kb_id != rel.object.kb_id:
            pred.add((rel.subject.kb_id, rel.object.kb_id, pol))
    return pred


def score_documents(nlp: Language, docs: Iterator[tuple[str, str, list[GoldEntity], set[tuple]]],
                    unordered: bool, unscored: frozenset[frozenset[str]] = frozenset(),
                    undirected: bool = False) -> RelationScores:
    """Relation P/R/F1 over (id, text, gold entities, gold pairs) documents."""
    scores = RelationScores()
    for _, text, ents, gold in docs:
        _score(scores, gold, predicted_pairs(with_gold_entities(nlp, text, ents), unscored, undirected),
               unordered=unordered)
    return scores


def evaluate_ge(nlp: Language, folder: Path) -> RelationScores:
    if not folder.is_dir():
        raise MechmineError(f"no such folder: {folder}")
    return score_documents(nlp, read_ge(folder), unordered=False, undirected=True)


def evaluate_biored(nlp: Language, path: Path) -> RelationScores:
    if not path.is_file():
        raise MechmineError(f"no such file: {path}")
    return score_documents(nlp, read_biored(path), unordered=True, unscored=BIORED_UNSCORED)
