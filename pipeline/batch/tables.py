"""One file's rows and the tables they make: :class:`FileRows`, :func:`file_tables`, :func:`prepare`.

A file's tables (articles, removed blocks, skipped records, entities, the
entity summary, relations, mechanism evidence and the per-article matrix) are
built from its rows alone; the corpus-wide matrices are summed from each
file's :class:`~pipeline.mechanisms.MatrixParts` by
:class:`~pipeline.mechanisms.CorpusMatrices`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pipeline import mechanisms, schema
from pipeline.batch.sink import csv_body, csv_header
from pipeline.entities import entity_summary
from pipeline.ingest import IngestResult
from pipeline.mechanisms import MatrixParts
from pipeline.schema import EntityRecord, RelationRecord, typed

Frames = list[tuple[str, pd.DataFrame]]


@dataclass
class FileRows:
    """Everything one input file contributes to the tables."""

    ingest: IngestResult
    entities: list[EntityRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    # filled by prepare() in the worker that made the rows: the file's share of the corpus
    # matrices, and either each table's CSV (header, body) bytes (kept in the manifest, so a
    # re-run only copies bytes) or its typed frames (not kept)
    matrix_parts: MatrixParts | None = None
    csv: dict[str, tuple[bytes, bytes]] | None = None
    frames: Frames | None = None

    def counts(self) -> tuple[int, int, int, int, int]:
        """Files read, articles, skipped records, entities, relations."""
        part = self.ingest
        return (part.n_files_read, len(part.articles), len(part.skipped), len(self.entities),
                len(self.relations))


def file_tables(rows: FileRows) -> tuple[Frames, MatrixParts]:
    """One file's non-empty tables, typed and in output order, and its share of the matrices."""
    part = rows.ingest
    articles = schema.to_frame("articles", part.articles)
    entities = schema.to_frame("entities", rows.entities)
    relations = schema.to_frame("relations", rows.relations)
    evidence = mechanisms.mechanism_evidence(articles, entities, relations)
    matrix = mechanisms.mechanism_matrix(articles, evidence, mechanisms.primary_diseases(articles, entities))
    tables = (("articles", articles), ("removed_blocks", schema.to_frame("removed_blocks", part.removed)),
              ("skipped", schema.to_frame("skipped", part.skipped)), ("entities", entities),
              ("entity_summary", entity_summary(entities)), ("relations", relations),
              ("mechanisms", evidence), ("mechanism_matrix", matrix))
    typed_tables = [(name, typed(name, frame)) for name, frame in tables if len(frame)]
    return typed_tables, mechanisms.matrix_parts(matrix, evidence, relations, entities)


def prepare(rows: FileRows, csv: bool = True) -> FileRows:
    """Fill ``rows.matrix_parts`` and ``rows.csv`` (or, with ``csv=False``, ``rows.frames``)."""
    tables, rows.matrix_parts = file_tables(rows)
    if csv:
        rows.csv = {name: (csv_header(frame), csv_body(frame)) for name, frame in tables}
    else:
        rows.frames = tables
    return rows
