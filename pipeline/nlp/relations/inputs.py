"""What both relation components read of a document, computed once: :func:`relation_inputs`.

``mechmine_parser`` picks its candidate sentences from the document's argument
mentions and the surface reader's candidates; ``mechmine_relations`` then reads
the same mentions, lower-cased words, sentence bounds and surface candidates
again. When the two share one rule set (``make_nlp`` wires them so:
:meth:`~pipeline.nlp.parser.CandidateParser.share_inputs`), the parser leaves
what it computed in ``doc.user_data`` and the relation component takes it
(:func:`take_inputs`, which also removes it, so nothing of it outlives the
pipeline). The inputs are pure functions of the document and the rules: a
cached value is used only for the same rule set and the same tokens and
entities, else they are computed afresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import ENT_IOB, ENT_TYPE, LOWER
from spacy.tokens import Doc

from pipeline.nlp.relations.arguments import doc_mentions
from pipeline.nlp.relations.prefixed import joined_words
from pipeline.nlp.relations.rules import RuleSet, TriggerIndex
from pipeline.nlp.relations.surface import doc_candidates
from pipeline.nlp.relations.types import Candidate, Mention
from pipeline.nlp.sentences import sentence_bounds

KEY = "mechmine_relation_inputs"


@dataclass(frozen=True)
class RelationInputs:
    """A document's argument mentions, lower-cased words, sentence bounds and surface candidates
    under ``rules`` (``state``: what of the document they were read from, see :func:`doc_state`)."""

    rules: RuleSet
    state: tuple[int, bytes]
    mentions: Sequence[Mention]
    lower: Sequence[str]
    bounds: Sequence[tuple[int, int]]
    surface: Sequence[Candidate]


def doc_state(doc: Doc) -> tuple[int, bytes]:
    """The document's length and entity annotation (what the inputs depend on besides the words)."""
    return len(doc), doc.to_array([ENT_IOB, ENT_TYPE]).tobytes()


def relation_inputs(doc: Doc, rules: RuleSet, triggers: TriggerIndex) -> RelationInputs:
    """The inputs of ``doc`` under ``rules`` (the surface reader runs only when it has mentions)."""
    ms = doc_mentions(doc, rules)
    strings = doc.vocab.strings
    lower = joined_words([strings[h] for h in doc.to_array(LOWER).tolist()])  # "down-regulates"
    bounds = sentence_bounds(doc)
    surface = doc_candidates(doc, ms, lower, rules, triggers, bounds) if ms else []
    return RelationInputs(rules, doc_state(doc), ms, lower, bounds, surface)


def keep_inputs(doc: Doc, inputs: RelationInputs) -> None:
    """Leave ``inputs`` on ``doc`` for :func:`take_inputs`."""
    doc.user_data[KEY] = inputs


def take_inputs(doc: Doc, rules: RuleSet) -> RelationInputs | None:
    """The inputs :func:`keep_inputs` left on ``doc`` (removed from it) when they were read under
    ``rules`` from the document as it is now, else None."""
    kept = doc.user_data.pop(KEY, None)
    if not isinstance(kept, RelationInputs) or kept.rules is not rules or kept.state != doc_state(doc):
        return None
    return kept
