"""The one road from an input to its rows: :func:`file_rows` (CLI, worker processes, Dask, ``extract``).

:func:`file_rows` reads one source (an input file, or texts given in memory),
annotates its articles with the run pipeline and prepares its tables. Each
process builds a pipeline once per :class:`~pipeline.nlp.NlpSpec` and keeps
it for later files; that cache belongs to this module (:func:`warm` fills it
ahead, e.g. as a process-pool initializer) and nothing else reads it.

Isolation: a file whose ingestion fails is one skipped record (stage ``ingest``), an
article whose NLP fails is one skipped record (stage ``nlp``; the file's other articles
keep their rows), and the run goes on. Only a failure while tabulating rows mechmine
made itself stops the run, as an :class:`~pipeline.errors.InternalError` naming the file.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.batch.tables import FileRows, prepare
from pipeline.entities import article_annotations  # imports spaCy only when it annotates
from pipeline.errors import InternalError, describe
from pipeline.ingest import DEFAULT_MAX_MB, IngestResult, blank_spans, ingest_file, ingest_texts
from pipeline.ingest.sources import InputFile
from pipeline.schema import SkippedRecord
from pipeline.spec import NlpSpec

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)


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
    try:
        if isinstance(source, Texts):
            return ingest_texts(source.items, source.display)
        return ingest_file(source, max_mb=max_mb)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as err:  # one file's failure is recorded, the batch goes on
        reason = f"ingest failed: {describe(err)}"
        log.warning("skipped %s: %s", source.display, reason)
        return IngestResult(skipped=[SkippedRecord(source.display, None, reason, "ingest")], n_files=1)


def _articles(result: IngestResult) -> Iterator[tuple[str, str, str]]:
    """(article id, text with its NLP masks blanked, article kind) per article."""
    for a in result.articles:
        yield (a.article_id, blank_spans(a.text, result.nlp_masks.get(a.article_id, [])), a.kind)


def annotate(result: IngestResult, nlp: Language) -> FileRows:
    """The entity and relation rows of ingested articles.

    When the file's batch fails, its articles are annotated one by one and each one that
    fails is dropped with a skipped record (stage ``nlp``); the others keep their rows.
    """
    rows = FileRows(result)
    try:
        annotations = list(article_annotations(nlp, _articles(result)))
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception:  # find the failing article(s) below
        annotations = []
        failed: set[str] = set()
        for item in _articles(result):
            try:
                annotations.extend(article_annotations(nlp, [item]))
            except Exception as err:
                reason = f"nlp failed on article {item[0]}: {describe(err)}"
                log.warning("skipped %s: %s", _path_of(result, item[0]), reason)
                result.skipped.append(SkippedRecord(_path_of(result, item[0]), None, reason, "nlp"))
                failed.add(item[0])
        result.articles = [a for a in result.articles if a.article_id not in failed]
    for ann in annotations:
        rows.entities.extend(ann.entities)
        rows.relations.extend(ann.relations)
    return rows


def _path_of(result: IngestResult, article_id: str) -> str:
    return next((a.source_path for a in result.articles if a.article_id == article_id), "")


def file_rows(source: Source, max_mb: float = DEFAULT_MAX_MB, spec: NlpSpec = NlpSpec(),
              csv: bool = True) -> FileRows:
    """Read, annotate and tabulate one source (``csv``: its tables as CSV bytes, else as frames)."""
    result = read_source(source, max_mb)
    rows = annotate(result, _pipeline(spec)) if result.articles else FileRows(result)
    try:
        return prepare(rows, csv)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as err:
        raise InternalError(f"internal error while tabulating {source.display}: {describe(err)}") from err


def warm(spec: NlpSpec) -> None:
    """Build this process's pipeline for ``spec`` now (a process-pool initializer)."""
    _pipeline(spec)


@lru_cache(maxsize=2)
def _pipeline(spec: NlpSpec) -> Language:
    return spec.build()
