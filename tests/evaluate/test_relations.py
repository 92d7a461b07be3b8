"""Gold-pair relation scoring: which predicted relations count, with which polarity."""

from __future__ import annotations

import pytest
import spacy

import pipeline.nlp  # noqa: F401  (registers doc._.relations)
from pipeline.evaluate.relations import RelationScores, _score, predicted_pairs
from pipeline.nlp.relations.types import Mention, Relation


def mention(text: str, kb: str) -> Mention:
    return Mention(0, 1, 0, len(text), text, "GENE_OR_PROTEIN", ("GENE_OR_PROTEIN",), kb)


def relation(predicate: str, polarity: str, rule_id: str, negated: bool = False) -> Relation:
    return Relation(mention("IL6", "a"), predicate, mention("STAT3", "b"), polarity, negated, False, "",
                    rule_id, "active", 0, 0, 10)


@pytest.mark.parametrize(
    ("rel", "undirected", "expected"),
    [(relation("INHIBITS", "negative", "dep:inhibit"), False, {("a", "b", "negative")}),
     # "X regulates Y": a GE Regulation pair (either polarity), unscored without such a type
     (relation("ASSOCIATED_WITH", "neutral", "dep:regulate"), True, {("a", "b", "any")}),
     (relation("ASSOCIATED_WITH", "neutral", "surface:regulation_nominal"), True, {("a", "b", "any")}),
     (relation("ASSOCIATED_WITH", "neutral", "dep:regulate"), False, set()),
     # an association is no regulation event
     (relation("ASSOCIATED_WITH", "neutral", "dep:associate"), True, set()),
     (relation("ASSOCIATED_WITH", "neutral", "dep:regulate", negated=True), True, set())],
)
def test_predicted_pairs(rel: Relation, undirected: bool, expected: set[tuple[str, str, str]]) -> None:
    doc = spacy.blank("en")("IL6 regulates STAT3")
    doc._.relations = [rel]
    assert predicted_pairs(doc, undirected=undirected) == expected


@pytest.mark.parametrize(("gold", "tp", "fp"), [("any", 1, 0), ("positive", 0, 1), ("negative", 0, 1)])
def test_an_undirected_pair_matches_only_a_gold_regulation(gold: str, tp: int, fp: int) -> None:
    scores = RelationScores()
    _score(scores, {("a", "b", gold)}, {("a", "b", "any")}, unordered=False)
    assert (scores.counts.tp, scores.counts.fp) == (tp, fp)


def test_errors_list_missed_and_unmatched_pairs() -> None:
    from spacy.tokens import Span

    from pipeline.evaluate.relations import _errors

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("IL6 binds STAT3 . STAT3 helps JAK2 .")
    doc.ents = [Span(doc, 0, 1, "GENE_OR_PROTEIN", kb_id="a"), Span(doc, 2, 3, "GENE_OR_PROTEIN", kb_id="b"),
                Span(doc, 4, 5, "GENE_OR_PROTEIN", kb_id="b"), Span(doc, 6, 7, "GENE_OR_PROTEIN", kb_id="c")]
    rel = Relation(mention("IL6", "a"), "INHIBITS", mention("STAT3", "b"), "negative", False, False, "",
                   "dep:inhibit", "active", 0, 0, 17)
    scores = RelationScores()
    gold = {("b", "a", "positive"), ("b", "c", "positive")}
    _errors(scores, "d1", doc, gold, {("a", "b", "negative"): [rel]}, unordered=True)
    assert [(m["pair"], m["other_polarity"], m["sentences"]) for m in scores.missed] == [
        (["b", "a", "positive"], ["negative"], ["IL6 binds STAT3 ."]),
        (["b", "c", "positive"], [], ["STAT3 helps JAK2 ."])]
    assert [(u["pair"], u["rule_id"], u["gold_polarity"], u["sentence"]) for u in scores.unmatched] == [
        (["a", "b", "negative"], "dep:inhibit", ["positive"], "IL6 binds STAT3 .")]
