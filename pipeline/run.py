"""Plain functions behind the CLI commands and :func:`pipeline.extract`.

Each picks a sink and runs :func:`pipeline.batch.run_batch`: files in an output
folder (under the run lock, with the manifest, written atomically and only
when some input was read, so a failed run leaves the previous tables
untouched), or frames in memory. :func:`report_current` tells whether the report in an
output folder was made from its present tables (a re-run with nothing new skips it).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from pipeline import schema
from pipeline.batch import BatchStats, Manifest, MemorySink, RunReport, TableSink, Texts, run_batch, run_lock
from pipeline.batch.lock import STATE_DIR
from pipeline.batch.manifest import versions
from pipeline.batch.worker import Source, read_source
from pipeline.ingest import DEFAULT_MAX_MB, IngestResult, merge_results
from pipeline.ingest.sources import InputFile, expand_paths
from pipeline.schema import SkippedRecord
from pipeline.spec import NlpSpec

log = logging.getLogger(__name__)

INGEST_TABLES = ["articles", "removed_blocks", "skipped"]


def run_ingest(
    paths: list[str],
    out_dir: Path,
    *,
    max_mb: float = DEFAULT_MAX_MB,
    on_file: Callable[[InputFile], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> RunReport:
    """Ingest ``paths`` and write articles/removed_blocks/skipped tables to ``out_dir``
    (under the run lock, like :func:`run_pipeline`; nothing under ``out_dir`` is read)."""
    files, skipped = _expand(paths, out_dir)
    if on_total is not None:
        on_total(len(files))
    if not files:
        return RunReport(n_skipped=len(skipped))
    with run_lock(out_dir):
        parts = []
        for item in files:
            parts.append(read_source(item, max_mb))
            if on_file is not None:
                on_file(item)
        result: IngestResult = merge_results(parts, skipped)
        report = RunReport(n_files=result.n_files, n_files_read=result.n_files_read,
                           n_articles=len(result.articles), n_skipped=len(result.skipped))
        if result.n_files_read == 0:
            return report
        with TableSink(out_dir) as sink:
            for name, frame in result.tables().items():
                sink.append(name, frame)
            report.written = sink.commit(INGEST_TABLES)
    return report


def _expand(paths: list[str], out_dir: Path | None = None) -> tuple[list[InputFile], list[SkippedRecord]]:
    """Input files of ``paths``; nothing under the output folder is an input."""
    files, skipped = expand_paths(paths, exclude=[out_dir] if out_dir is not None else [])
    for rec in skipped:
        log.warning("skipped %s: %s", rec.source_path, rec.reason)
    return files, skipped


def run_pipeline(
    paths: list[str],
    out_dir: Path | None,
    *,
    max_mb: float = DEFAULT_MAX_MB,
    model: str | None = None,
    linker: str | None = None,
    workers: int = 1,
    force: bool = False,
    formats: tuple[str, ...] = ("csv",),
    engine: str = "local",
    scheduler: str | None = None,
    on_file: Callable[[Source], None] | None = None,
    stats: BatchStats | None = None,
    on_total: Callable[[int], None] | None = None,
) -> RunReport:
    """Ingest ``paths``, find entities and relations, and write every table to ``out_dir``.

    With an output folder the run is incremental and resumable (see
    :mod:`pipeline.batch`); without one, the tables are kept in memory
    (``report.tables``).
    """
    files, skipped = _expand(paths, out_dir)
    if on_total is not None:
        on_total(len(files))
    spec = NlpSpec(model, linker)
    sources: list[Source] = list(files)
    if out_dir is None:
        sink = MemorySink()
        report = run_batch(sources, sink, path_skips=skipped, max_mb=max_mb, spec=spec, workers=workers,
                           engine=engine, scheduler=scheduler, on_file=on_file, stats=stats)
        report.tables = sink.tables(schema.OUTPUTS)
        return report
    out_dir.mkdir(parents=True, exist_ok=True)
    with run_lock(out_dir), Manifest(out_dir) as manifest, TableSink(out_dir, formats) as table_sink:
        return run_batch(sources, table_sink, manifest=manifest, path_skips=skipped, max_mb=max_mb,
                         spec=spec, workers=workers, force=force, engine=engine, scheduler=scheduler,
                         on_file=on_file, stats=stats)


def run_texts(texts: Iterable[str | tuple[str, str]], *, model: str | None = None,
              linker: str | None = None) -> RunReport:
    """Every table of ``texts`` (one article each: strings or (id, text) pairs), in memory."""
    sink = MemorySink()
    report = run_batch([Texts(tuple(texts))], sink, spec=NlpSpec(model, linker))
    report.tables = sink.tables(schema.OUTPUTS)
    return report


REPORT_STAMP = "report_stamp.json"


def report_stamp(out_dir: Path, max_articles: int) -> str:
    """Digest of what the report of ``out_dir`` is made from: the pipeline's code and data
    (:func:`~pipeline.batch.versions`), ``max_articles`` and the bytes of every output table."""
    h = hashlib.sha256(f"{versions()}|{max_articles}".encode())
    for name in schema.OUTPUTS:
        for path in (out_dir / f"{name}.csv", out_dir / f"{name}.parquet"):
            if path.is_file():
                h.update(path.name.encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def report_current(out_dir: Path, max_articles: int) -> bool:
    """Whether the report files in ``out_dir`` were written from its present tables
    (:func:`mark_report` recorded their stamp, and every file it listed is still there)."""
    try:
        saved = json.loads((out_dir / STATE_DIR / REPORT_STAMP).read_text(encoding="utf-8"))
        files = [out_dir / name for name in saved["files"]]
        return saved["stamp"] == report_stamp(out_dir, max_articles) and all(p.is_file() for p in files)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def mark_report(out_dir: Path, max_articles: int, written: list[Path]) -> None:
    """Record that ``written`` (the report files) were made from the present tables of ``out_dir``."""
    state = out_dir / STATE_DIR
    state.mkdir(exist_ok=True)
    stamp = {"stamp": report_stamp(out_dir, max_articles), "files": sorted(p.name for p in written)}
    tmp = state / f".{REPORT_STAMP}.tmp"
    tmp.write_text(json.dumps(stamp), encoding="utf-8")
    tmp.replace(state / REPORT_STAMP)
