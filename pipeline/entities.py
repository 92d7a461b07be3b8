"""Entity and relation rows per article, and the derived entity summary.

:func:`article_annotations` runs the spaCy pipeline over one article (split
at paragraph boundaries when longer than ``nlp.max_length``) and returns
:class:`~pipeline.schema.EntityRecord` and
:class:`~pipeline.schema.RelationRecord` rows with offsets into the article's
text. :func:`entity_summary` derives ``entity_summary.csv`` from the long
table with pandas.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from pipeline import schema
from pipeline.schema import EntityRecord, RelationRecord

if TYPE_CHECKING:  # spaCy is imported by the functions that annotate, not by entity_summary's users
    from spacy.language import Language
    from spacy.tokens import Doc

_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def text_pieces(text: str, max_len: int) -> Iterator[tuple[int, str]]:
    """(offset, piece) cuts of ``text`` at paragraph (else line, else space) breaks, each <= max_len."""
    start = 0
    n = len(text)
    while n - start > max_len:
        window = text[start:start + max_len]
        cut = max((m.end() for m in _PARAGRAPH.finditer(window)), default=0)
        if cut <= 0:
            cut = window.rfind(" ") + 1 or max_len
        yield start, text[start:start + cut]
        start += cut
    yield start, text[start:]


def sentence_starts(doc: Doc) -> list[int]:
    """First tokens of the doc's sentences from one read of the sentence-start array (``[0]``
    for a doc without sentence boundaries, or without tokens)."""
    from pipeline.nlp.sentences import sentence_bounds

    return [s for s, _ in sentence_bounds(doc)] or [0]


def doc_entities(article_id: str, doc: Doc, offset: int = 0, sentence_base: int = 0,
                 starts: list[int] | None = None) -> list[EntityRecord]:
    """Entity rows of one processed doc (offsets shifted by ``offset``; ``starts``:
    :func:`sentence_starts` when the caller has them)."""
    rows = []
    starts = sentence_starts(doc) if starts is None else starts
    info = doc._.mentions or {}
    for ent in doc.ents:
        sid = max(0, bisect_right(starts, ent.start) - 1)
        m = info.get((ent.start_char, ent.end_char))
        rows.append(EntityRecord(
            article_id=article_id, sentence_id=sentence_base + sid,
            start_char=offset + ent.start_char, end_char=offset + ent.end_char, text=ent.text,
            label=ent.label_, classes="|".join(m.classes) if m else ent.label_, kb_id=ent.kb_id_,
            canonical_name=m.canonical_name if m else "", source=m.source if m else "model",
            long_form=m.long_form if m else "",
        ))
    return rows


@dataclass
class Annotations:
    """Rows of one article."""

    article_id: str
    entities: list[EntityRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)


def doc_relations(article_id: str, doc: Doc, offset: int, sentence_base: int, first_number: int,
                  ) -> list[RelationRecord]:
    """Relation rows of one processed doc (``doc._.relations``)."""
    rows = []
    text = doc.text  # built from the tokens on every access: once per doc
    for k, rel in enumerate(doc._.relations or [], start=first_number):
        rows.append(RelationRecord(
            relation_id=f"{article_id}-r{k}", article_id=article_id,
            sentence_id=sentence_base + rel.sentence_index,
            subject_text=rel.subject.text, subject_kb_id=rel.subject.kb_id, subject_label=rel.subject.label,
            predicate=rel.predicate,
            object_text=rel.object.text, object_kb_id=rel.object.kb_id, object_label=rel.object.label,
            polarity=rel.polarity, subject_state=rel.subject_state, negated=rel.negated, hedged=rel.hedged,
            evidence_level=rel.evidence_level, context=rel.context, subject_carried=rel.carried,
            rule_id=rel.rule_id,
            sentence=" ".join(text[rel.sentence_start:rel.sentence_end].split()),
            subject_start=offset + rel.subject.start_char, subject_end=offset + rel.subject.end_char,
            object_start=offset + rel.object.start_char, object_end=offset + rel.object.end_char,
            sentence_start=offset + rel.sentence_start, sentence_end=offset + rel.sentence_end,
        ))
    return rows


def article_annotations(nlp: Language, items: Iterable[tuple[str, str, str]], batch_size: int = 32,
                        ) -> Iterator[Annotations]:
    """Entity and relation rows per (article_id, text, article kind), in input order.

    Each piece's Doc is made here and carries the kind (``doc._.article_kind``) into the
    pipeline: the relations component reads it for the evidence level of sentences without
    a cue (an article split into pieces is read piece by piece).
    """
    def pieces() -> Iterator[tuple[Doc, tuple[str, int, bool]]]:
        for article_id, text, kind in items:
            parts = list(text_pieces(text, nlp.max_length - 1))
            for k, (offset, piece) in enumerate(parts):
                doc = nlp.make_doc(piece)
                doc._.article_kind = kind
                yield doc, (article_id, offset, k == len(parts) - 1)

    current: Annotations | None = None
    sentences = 0
    for doc, (article_id, offset, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        if current is None:
            current = Annotations(article_id)
        starts = sentence_starts(doc)
        current.entities.extend(doc_entities(article_id, doc, offset, sentences, starts))
        if doc.has_extension("relations") and doc._.relations:
            current.relations.extend(doc_relations(article_id, doc, offset, sentences,
                                                   len(current.relations) + 1))
        sentences += len(starts)
        if last:
            yield current
            current, sentences = None, 0


def article_entities(nlp: Language, items: Iterable[tuple[str, str]], batch_size: int = 32,
                     ) -> Iterator[list[EntityRecord]]:
    """Entity rows per (article_id, text), in input order."""
    for ann in article_annotations(nlp, ((a, t, "") for a, t in items), batch_size):
        yield ann.entities


def entity_summary(entities: pd.DataFrame) -> pd.DataFrame:
    """One row per concept (or unlinked lower-cased name) per article, from ``entities``."""
    if entities.empty:
        return schema.to_frame("entity_summary", [])
    frame = entities.copy()
    frame["group"] = frame["kb_id"].where(frame["kb_id"] != "", "text:" + frame["text"].str.lower())
    keys = ["article_id", "group"]
    grouped = frame.groupby(keys, sort=True)
    out = grouped.agg(
        kb_id=("kb_id", "first"), label=("label", "first"), classes=("classes", "first"),
        canonical_name=("canonical_name", "first"), n_mentions=("text", "size"),
    )
    spellings = frame.groupby([*keys, "text"], sort=True).size().rename("n").reset_index()
    spellings = spellings.sort_values([*keys, "n", "text"], ascending=[True, True, False, True],
                                      kind="stable")
    joined: dict[tuple[str, str], list[str]] = {}  # plain lists: a per-group pandas join is slow
    for article, group, text in zip(spellings["article_id"].tolist(), spellings["group"].tolist(),
                                    spellings["text"].tolist(), strict=True):
        joined.setdefault((article, group), []).append(text)
    out["texts"] = ["; ".join(joined[key]) for key in out.index]
    out = out.reset_index()
    out["canonical_name"] = out["canonical_name"].where(out["canonical_name"] != "",
                                                        out["group"].str.removeprefix("text:"))
    return schema.coerce("entity_summary", out)
