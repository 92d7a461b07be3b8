"""How a statistical NER model's entities and the lexicon's matches are combined (``--model``).

The model finds, the lexicon types and links. A shipped model's ``finds``
(``resources/models/models.yaml``) are the classes it is trusted to find: for those,
the model's "no" stands (lexicon matches of those classes count only on a model
span) and so does its "yes" (its label is not overridden by a lexicon concept of
another class). Model labels map to mechmine classes by ``resources/model_labels.yaml``,
whose ``refines`` names the lexicon classes that are kinds of a model class
(a growth factor is a gene product: the lexicon's more specific label is kept).
"""

from pathlib import Path

from pydantic import Field
from spacy.tokens import Doc, Span

from pipeline.lexicon import Match
from pipeline.nlp.extensions import MentionInfo
from pipeline.ruledata import Meta, Strict, load_yaml, resource_path


class ModelLabelsFile(Strict):
    meta: Meta
    labels: dict[str, str]
    refines: dict[str, list[str]] = Field(default_factory=dict)


def load_model_labels(path: Path | None = None) -> dict[str, str]:
    return load_yaml(path or resource_path("model_labels.yaml"), ModelLabelsFile).labels


def load_model_refines(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Model class -> the lexicon classes that are kinds of it (``refines`` in model_labels.yaml)."""
    spec = load_yaml(path or resource_path("model_labels.yaml"), ModelLabelsFile)
    return {k: frozenset(v) for k, v in spec.refines.items()}


def _typed(doc: Doc, ent: Span, label: str, m: Match, finds: frozenset[str],
           refines: dict[str, frozenset[str]]) -> tuple[Span, MentionInfo]:
    """A model span that a lexicon match covers exactly, typed and linked by it.

    The lexicon's label and id, unless the model's class is one it ``finds`` and the
    concept's label is neither that class nor a kind of it (``refines``): then the
    model's label stands, with the concept's id when the model's class is among the
    concept's classes (oxytocin: a peptide, CHEMICAL for a chemical model) and
    without one when it is not (a disease model's "VHL" is not the HGNC gene)."""
    c = m.concept
    if label not in finds or c.label == label or c.label in refines.get(label, ()):
        span = Span(doc, ent.start, ent.end, label=c.label, kb_id=c.kb_id)
        return span, MentionInfo(c.classes, c.canonical_name, "model+lexicon")
    if label in c.classes:
        classes = (label, *(k for k in c.classes if k != label))
        return (Span(doc, ent.start, ent.end, label=label, kb_id=c.kb_id),
                MentionInfo(classes, c.canonical_name, "model+lexicon"))
    return Span(doc, ent.start, ent.end, label=label), MentionInfo((label,), ent.text, "model")


def merge_with_model(doc: Doc, model_ents: list[Span], lexicon: list[tuple[Span, Match]],
                     model_labels: dict[str, str], finds: frozenset[str] = frozenset(),
                     refines: dict[str, frozenset[str]] | None = None,
                     ) -> list[tuple[Span, MentionInfo]]:
    """Combine a statistical model's entities with lexicon matches.

    A model span that a lexicon match covers exactly is typed and linked by it
    (:func:`_typed`: source "model+lexicon", or "model" where the model's label
    stands); other model spans keep their boundaries, with the model's label mapped
    to a mechmine class (OTHER if unknown) and no id (source "model"); lexicon
    matches that overlap no model span are added as they are, unless one of their
    classes is in ``finds`` (there the model's "no" stands). Before that, a model
    span inside a longer lexicon match of its class takes the lexicon's boundaries
    (:func:`_extend_by_lexicon`).
    """
    if not model_ents:  # the lexicon alone (what the loops below come to without a model span)
        return [(span, MentionInfo(m.concept.classes, m.concept.canonical_name, f"lexicon:{m.source}"))
                for span, m in lexicon if not (finds and finds.intersection(m.concept.classes))]
    refines = refines or {}
    by_span = {(s.start, s.end): m for s, m in lexicon}
    out: list[tuple[Span, MentionInfo]] = []
    model_ents = _extend_by_lexicon(model_ents, lexicon, model_labels)
    for ent in model_ents:
        label = model_labels.get(ent.label_.upper(), "OTHER")
        hit = by_span.get((ent.start, ent.end))
        if hit is not None:
            out.append(_typed(doc, ent, label, hit, finds, refines))
            continue
        out.append((Span(doc, ent.start, ent.end, label=label), MentionInfo((label,), ent.text, "model")))
    taken = [(e.start, e.end) for e in model_ents]
    for span, m in lexicon:
        if finds and finds.intersection(m.concept.classes):
            continue
        if not any(span.start < b and a < span.end for a, b in taken):
            out.append((span, MentionInfo(m.concept.classes, m.concept.canonical_name,
                                          f"lexicon:{m.source}")))
    return out


_BRACKETS = frozenset("()[]")


def _extend_by_lexicon(model_ents: list[Span], lexicon: list[tuple[Span, Match]],
                       model_labels: dict[str, str]) -> list[Span]:
    """Model spans, each replaced by the longer lexicon match that contains it when that match
    has the model's class as its primary label, holds no other model span and no bracket
    ("migraine" -> "migraine with aura", "Q10" -> "coenzyme Q10"; not across the "(VHL)" of
    a definition): the vocabulary knows a name's full extent. Only a term's own extent counts,
    not a match the mention rules or modifiers have widened ("human" + "fibroblasts": a
    corpus convention, where the model has learnt its own corpus's)."""
    if not model_ents or not lexicon:
        return model_ents
    out = []
    for ent in model_ents:
        label = model_labels.get(ent.label_.upper(), "OTHER")
        wider = next((span for span, m in lexicon
                      if span.start <= ent.start and ent.end <= span.end and len(span) > len(ent)
                      and (span.start, span.end) == (m.start, m.end)
                      and m.concept.label == label and not _BRACKETS.intersection(t.text for t in span)
                      and not any(o is not ent and span.start < o.end and o.start < span.end
                                  for o in model_ents)), None)
        out.append(Span(ent.doc, wider.start, wider.end, label=ent.label) if wider is not None else ent)
    return out
