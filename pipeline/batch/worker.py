"""The one road from an input to its rows: :func:`file_rows` (CLI, worker processes, Dask, ``extract``).

:func:`file_rows` reads one source (an input file, or texts given in memory),
annotates its articles with the run pipeline and prepares its tables. Each
process builds a pipeline once per :class:`~pipeline.nlp.NlpSpec` and keeps
it for later files; that cache belongs to this module (:func:`warm` fills it
ahead, e.g. as a process-pool initializer) and nothing else reads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from pipeline.batch.tables import FileRows, prepare
from pipeline.entities import article_annotations
from pipeline.ingest import DEFAULT_MAX_MB, IngestResult, blank_spans, ingest_file, ingest_texts
from pipeline.ingest.sources import InputFile
from pipeline.nlp import NlpSpec


@dataclass(frozen=True)
class Texts:
    """Texts given in memory, one article each (strings or (id, text) pairs), read as one source."""

    items: tuple[str | tuple[str, str], ...]
    display: str = "<texts>"

    @property
    def key(self) -> str:
        return self.display


Source = InputFile | Texts


def read_source(source: Source, max_mb: float = DEFAULT_MAX_MB) -> IngestResult:
    """Ingest one source (never raises for bad input: failures are skipped records)."""
    if isinstance(source, Texts):
        return ingest_texts(source.items, source.display)
    return ingest_file(source, max_mb=max_mb)


def _articles(result: IngestResult) -> Iterator[tuple[str, str, str]]:
    """(article id, text with its NLP masks blanked, article kind) per article."""
    for a in result.articles:
        yield (a.article_id, blank_spans(a.text, result.nlp_masks.get(a.article_id, [])), a.kind)


def annotate(result: IngestResult, nlp: Language) -> FileRows:
    """The entity and relation rows of ingested articles."""
    rows = FileRows(result)
    for ann in article_annotations(nlp, _articles(result)):
        rows.entities.extend(ann.entities)
        rows.relations.extend(ann.relations)
    return rows


def file_rows(source: Source, max_mb: float = DEFAULT_MAX_MB, spec: NlpSpec = NlpSpec(),
              csv: bool = True) -> FileRows:
    """Read, annotate and tabulate one source (``csv``: its tables as CSV bytes, else as frames)."""
    result = read_source(source, max_mb)
    rows = annotate(result, _pipeline(spec)) if result.articles else FileRows(result)
    return prepare(rows, csv)


def warm(spec: NlpSpec) -> None:
    """Build this process's pipeline for ``spec`` now (a process-pool initializer)."""
    _pipeline(spec)


@lru_cache(maxsize=2)
def _pipeline(spec: NlpSpec) -> Language:
    return spec.build()
