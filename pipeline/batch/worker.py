"""The one road from an input to its rows: :func:`file_rows` (CLI, worker processes, Dask, ``extract``).

:func:`file_rows` reads one source (an input file, or texts given in memory),
annotates its articles with the run pipeline and prepares its tables. Each
process builds a pipeline once per :class:`~pipeline.nlp.NlpSpec` and keeps
it for later files; that cache belongs to this module (:func:`warm` fills it
ahead, e.g. as a process-pool initializer) and nothing else reads it.

Isolation: a file whose ingestion fails is one skipped record (stage ``ingest``), an
article whose NLP fails is one skipped record (stage ``nlp``; the file's other articles
keep their rows), and the run goes on. An article whose NLP runs past its time limit
(:func:`article_seconds`: a minute plus a second per thousand characters, far beyond any
normal article) fails the same way, so one pathological text cannot stall a batch. Only a
failure while tabulating rows mechmine made itself stops the run, as an
:class:`~pipeline.errors.InternalError` naming the file.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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


class NlpTimeout(Exception):
    """An article's NLP ran past its time limit."""


def article_seconds(n_chars: int, per_char: float = 0.001, base: float = 60.0) -> float:
    """The time limit of NLP over ``n_chars`` characters of text (seconds)."""
    return base + per_char * n_chars


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`NlpTimeout` in the block after ``seconds`` (wall clock). Only the main
    thread of a process can take the alarm: elsewhere (a Dask thread) there is no limit."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise NlpTimeout(f"timed out after {seconds:.3g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def annotate(result: IngestResult, nlp: Language, per_char: float = 0.001, base: float = 60.0) -> FileRows:
    """The entity and relation rows of ingested articles.

    When the file's batch fails (or runs past the sum of its articles' time limits,
    :func:`article_seconds` with ``per_char`` / ``base``), its articles are annotated one by
    one and each one that fails or runs past its own limit is dropped with a skipped record
    (stage ``nlp``); the others keep their rows.
    """
    rows = FileRows(result)
    items = list(_articles(result))
    try:
        with time_limit(sum(article_seconds(len(text), per_char, base) for _, text, _ in items)):
            annotations = list(article_annotations(nlp, items))
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception:  # find the failing article(s) below
        annotations = []
        failed: set[str] = set()
        for item in items:
            try:
                with time_limit(article_seconds(len(item[1]), per_char, base)):
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
