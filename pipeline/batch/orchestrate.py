"""A batch run: sources in, tables out, reusing what the manifest holds.

:func:`run_batch` looks each input file up in the manifest (content hash and
:func:`~pipeline.batch.manifest.versions`), sends the others to an executor,
and emits every file's tables to the sink in input order, stored rows and
fresh ones alike, then the corpus matrices; so an incremental run equals a
from-scratch one, and a run killed at any point resumes from the files already
committed. The sink is committed only when some input was read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import schema
from pipeline.batch.executors import execute
from pipeline.batch.manifest import Manifest, StoredRows, file_hash, versions
from pipeline.batch.sink import Sink
from pipeline.batch.tables import FileRows, file_tables
from pipeline.batch.worker import Source
from pipeline.ingest import DEFAULT_MAX_MB
from pipeline.ingest.sources import InputFile
from pipeline.ingest.split import split_tag
from pipeline.mechanisms import CorpusMatrices
from pipeline.schema import SkippedRecord
from pipeline.spec import NlpSpec

log = logging.getLogger(__name__)


@dataclass
class BatchStats:
    """Files processed and files reused from the manifest."""

    processed: int = 0
    reused: int = 0


@dataclass
class RunReport:
    """What a run did: counts, written files, in-memory tables, and whether any input failed."""

    n_files: int = 0
    n_files_read: int = 0
    n_articles: int = 0
    n_skipped: int = 0
    n_entities: int = 0
    n_relations: int = 0
    written: list[Path] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        """0 when every input was read, 1 when any input (or record) was skipped."""
        return 1 if self.n_skipped or self.n_files_read == 0 else 0

    def count(self, counts: tuple[int, int, int, int, int]) -> None:
        """Add one file's (files read, articles, skipped, entities, relations)."""
        n_read, n_articles, n_skipped, n_entities, n_relations = counts
        self.n_files_read += n_read
        self.n_articles += n_articles
        self.n_skipped += n_skipped
        self.n_entities += n_entities
        self.n_relations += n_relations


def run_batch(
    sources: list[Source],
    sink: Sink,
    *,
    manifest: Manifest | None = None,
    path_skips: list[SkippedRecord] | None = None,
    max_mb: float = DEFAULT_MAX_MB,
    spec: NlpSpec = NlpSpec(),
    workers: int = 1,
    force: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    on_file: Callable[[Source], None] | None = None,
    stats: BatchStats | None = None,
) -> RunReport:
    """Every table of ``sources`` into ``sink`` (input files found in ``manifest`` are reused)."""
    stats = stats if stats is not None else BatchStats()
    path_skips = path_skips or []
    report = RunReport(n_files=len(sources), n_skipped=len(path_skips))
    matrices = CorpusMatrices()
    if path_skips:
        sink.append("skipped", schema.to_frame("skipped", path_skips))
    version = versions() + spec.tag() + split_tag()
    hashes: dict[str, str] = {}
    cached: dict[str, StoredRows] = {}
    todo: list[Source] = []
    for source in sources:
        hit = None
        if manifest is not None and isinstance(source, InputFile):
            hashes[source.key] = file_hash(source.path)
            if hashes[source.key] and not force:
                hit = manifest.get(source.key, hashes[source.key], version)
        if hit is not None:
            cached[source.key] = hit
        else:
            todo.append(source)
    fresh = execute(todo, max_mb, spec, sink.takes_csv, workers=workers, engine=engine, scheduler=scheduler)
    for source in sources:
        if source.key in cached:
            _emit(sink, matrices, cached.pop(source.key), report)
            stats.reused += 1
        else:
            rows = next(fresh)
            _emit(sink, matrices, rows, report)
            if manifest is not None and rows.ingest.n_files_read and hashes.get(source.key):
                manifest.put(source.key, hashes[source.key], version, rows)
            stats.processed += 1
        if on_file is not None:
            on_file(source)
    for name, frame in matrices.tables().items():
        sink.append(name, frame)
    if report.n_files_read:
        report.written = sink.commit(schema.OUTPUTS)
    return report


def _emit(sink: Sink, matrices: CorpusMatrices, rows: FileRows | StoredRows, report: RunReport) -> None:
    """Append one file's tables to the sink and its share of the corpus matrices to ``matrices``.

    CSV rows prepared once (by the worker, or kept in the manifest) are copied as bytes;
    a manifest entry's records are unpacked only when the sink wants frames.
    """
    report.count(rows.counts())
    if sink.takes_csv and rows.csv is not None and rows.matrix_parts is not None:
        for name, (header, body) in rows.csv.items():
            sink.append_csv(name, header, body)
        matrices.add(rows.matrix_parts)
        return
    full = rows.full() if isinstance(rows, StoredRows) else rows
    if full.frames is not None and full.matrix_parts is not None:
        frames, parts = full.frames, full.matrix_parts
    else:
        frames, parts = file_tables(full)
    for name, frame in frames:
        sink.append(name, frame)
    matrices.add(parts)
