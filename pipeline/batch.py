"""Incremental, resumable batch runs: a per-file manifest in SQLite, a run lock, workers.

``mechmine run PATHS --out DIR`` keeps ``DIR/.mechmine/manifest.sqlite``: for
each input file, its content hash, the versions it was processed with
(pipeline + tokenizer, lexicon, rules) and its rows (articles, removed blocks,
skipped records, entities, relations), committed file by file. A later run
over the same folder plus new files processes only new or changed files (or
all of them after a version change, or with ``force``); the final tables are
the stored rows concatenated in input order, then the derived tables, so they
equal a from-scratch run. A run killed at any point resumes from the files
already committed. A second run into the same folder while one is running
stops at once (an ``fcntl`` lock on ``DIR/.mechmine/lock``). A manifest that
cannot be read is rebuilt with a warning.

Files are processed in order by one process, by ``workers`` processes
(``multiprocessing``, each loading the pipeline once), or on a Dask cluster
(``engine="dask"``; a ``LocalCluster`` on loopback unless a scheduler address
is given), always with the same result.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import multiprocessing
import os
import pickle
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from pipeline import schema
from pipeline.entities import article_annotations
from pipeline.errors import MechmineError
from pipeline.ingest import DEFAULT_MAX_MB, IngestResult, blank_spans, ingest_file
from pipeline.ingest.sources import InputFile, expand_paths
from pipeline.io import OutputError
from pipeline.nlp import NlpSpec
from pipeline.ruledata import resource_path
from pipeline.schema import EntityRecord, RelationRecord

log = logging.getLogger(__name__)

STATE_DIR = ".mechmine"
MANIFEST_SCHEMA = "3"
RULE_FILES = ("blocks.yaml", "relation_rules.yaml", "context_cues.yaml", "abbreviation_heads.yaml",
              "lexicon_classes.yaml", "model_labels.yaml")
LEXICON_FILES = ("lexicon/terms.tsv.gz", "lexicon/concepts.tsv.gz", "lexicon/corpus_terms.tsv.gz",
                 "stoplist.tsv")


class RunLockedError(MechmineError):
    """Another run holds the output folder."""


@lru_cache(maxsize=1)
def versions() -> str:
    """pipeline+tokenizer | code hash | table schema | lexicon hash | rules hash: a change reprocesses
    every file (the code hash covers every module of the package, so an upgrade or a local edit
    never reuses rows an older pipeline made)."""
    from pipeline import __version__
    from pipeline.nlp.tokenizer import TOKENIZER_VERSION

    def digest(names: tuple[str, ...]) -> str:
        h = hashlib.sha256()
        for name in names:
            path = resource_path(name)
            h.update(name.encode())
            h.update(path.read_bytes() if path.exists() else b"-")
        return h.hexdigest()[:12]

    from pipeline import schema

    layout = hashlib.sha256(repr({t: schema.dtypes(t) for t in schema.TABLES}).encode()).hexdigest()[:8]
    code = hashlib.sha256()
    package = Path(__file__).parent
    for source in sorted(package.rglob("*.py")):
        code.update(str(source.relative_to(package)).encode())
        code.update(source.read_bytes())
    return (f"{__version__}+{TOKENIZER_VERSION}|code:{code.hexdigest()[:12]}|schema:{layout}"
            f"|lexicon:{digest(LEXICON_FILES)}|rules:{digest(RULE_FILES)}")


@dataclass
class FileRows:
    """Everything one input file contributes to the tables."""

    ingest: IngestResult
    entities: list[EntityRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    # filled when the file is first emitted, then kept in the manifest: each table's CSV
    # rows and the file's share of the corpus matrices, so a re-run only copies bytes
    csv: dict[str, tuple[bytes, bytes]] | None = None
    matrix_parts: object = None


@dataclass
class StoredRows:
    """A manifest entry: what a re-run copies (CSV bytes, matrix shares, row counts) ready to use,
    the records themselves packed until something needs them (Parquet output)."""

    csv: dict[str, tuple[bytes, bytes]] | None
    matrix_parts: object
    counts: tuple[int, int, int, int, int]  # files read, articles, skipped, entities, relations
    packed: bytes

    def full(self) -> FileRows:
        ingest, entities, relations = pickle.loads(zlib.decompress(self.packed))
        return FileRows(ingest, entities, relations, self.csv, self.matrix_parts)


def row_counts(rows: FileRows) -> tuple[int, int, int, int, int]:
    part = rows.ingest
    return (part.n_files_read, len(part.articles), len(part.skipped), len(rows.entities), len(rows.relations))


class Manifest:
    """The per-file store (SQLite, WAL journal; one transaction per file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as err:
            log.warning("manifest %s is unreadable (%s); rebuilding it", path, err)
            self._remove()
            self.db = self._open()

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(self.path) + suffix).unlink()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, content_hash TEXT, "
                   "versions TEXT, payload BLOB)")
        row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            db.execute("INSERT INTO meta VALUES ('schema', ?)", (MANIFEST_SCHEMA,))
            db.commit()
        elif row[0] != MANIFEST_SCHEMA:
            raise sqlite3.DatabaseError(f"manifest schema {row[0]}, expected {MANIFEST_SCHEMA}")
        db.execute("SELECT count(*) FROM files").fetchone()  # fails on a damaged file
        return db

    def get(self, key: str, content_hash: str, version: str) -> StoredRows | None:
        try:
            row = self.db.execute("SELECT payload FROM files WHERE key=? AND content_hash=? AND versions=?",
                                  (key, content_hash, version)).fetchone()
            if row is None:
                return None
            stored = pickle.loads(zlib.decompress(row[0]))
            if not isinstance(stored, StoredRows):
                raise pickle.UnpicklingError("not a manifest entry")
            return stored
        except (sqlite3.DatabaseError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError,
                TypeError) as err:
            log.warning("manifest entry for %s is unreadable (%s); processing it again", key, err)
            return None

    def put(self, key: str, content_hash: str, version: str, rows: FileRows) -> None:
        packed = zlib.compress(pickle.dumps((rows.ingest, rows.entities, rows.relations),
                                            protocol=pickle.HIGHEST_PROTOCOL))
        stored = StoredRows(rows.csv, rows.matrix_parts, row_counts(rows), packed)
        payload = zlib.compress(pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL))
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                            (key, content_hash, version, payload))

    def close(self) -> None:
        self.db.close()


@contextlib.contextmanager
def run_lock(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir/.mechmine/lock`` for the run; raise RunLockedError if another run has it."""
    state = out_dir / STATE_DIR
    state.mkdir(parents=True, exist_ok=True)
    handle = (state / "lock").open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as err:
        handle.close()
        raise RunLockedError(
            f"another mechmine run is writing to {out_dir}; try again when it ends") from err
    try:
        handle.truncate(0)
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ---- per-file work (also run in worker processes) ----
_NLPS: dict[NlpSpec, object] = {}


def _worker_init(spec: NlpSpec) -> None:
    if spec not in _NLPS:
        _NLPS[spec] = spec.build()


def process_file(item: InputFile, max_mb: float, spec: NlpSpec = NlpSpec()) -> FileRows:
    """Ingest one file and annotate its articles."""
    _worker_init(spec)
    nlp = _NLPS[spec]
    result = ingest_file(item, max_mb=max_mb)
    rows = FileRows(result)
    if result.articles:
        items = ((a.article_id, blank_spans(a.text, result.nlp_masks.get(a.article_id, [])),
                  a.kind) for a in result.articles)
        for ann in article_annotations(nlp, items):  # type: ignore[arg-type]
            rows.entities.extend(ann.entities)
            rows.relations.extend(ann.relations)
    return prepare(rows)


def _process_star(args: tuple[InputFile, float, str | None]) -> FileRows:
    return process_file(*args)


@dataclass
class BatchStats:
    processed: int = 0
    reused: int = 0


class TableSink:
    """Appends each file's rows to partial table files, then renames them all at once.

    Nothing of the whole corpus is held in memory: a file's rows are turned
    into frames, appended (CSV with one header; Parquet through a
    ``ParquetWriter``) and dropped. :meth:`commit` renames every partial file
    over the final one; :meth:`abort` (or a crash: stale partials are removed
    by the next run) leaves earlier tables untouched.
    """

    def __init__(self, out_dir: Path, formats: tuple[str, ...]) -> None:
        self.out_dir = out_dir
        self.formats = formats
        self.started: set[tuple[str, str]] = set()
        self.writers: dict[str, object] = {}
        for stale in out_dir.glob(".*.partial"):
            stale.unlink()

    def partial(self, name: str, fmt: str) -> Path:
        return self.out_dir / f".{name}.{fmt}.partial"

    def append_csv(self, name: str, header: bytes, body: bytes) -> None:
        """Append CSV rows (``body``, no header); the header goes first, once."""
        first = (name, "csv") not in self.started
        with self.partial(name, "csv").open("wb" if first else "ab") as handle:
            if first:
                handle.write(header)
            handle.write(body)
        self.started.add((name, "csv"))

    def append(self, name: str, frame: pd.DataFrame) -> None:
        from pipeline.io import typed

        frame = typed(name, frame)
        for fmt in self.formats:
            if fmt == "csv":
                self.append_csv(name, csv_header(frame), csv_body(frame))
                continue
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                writer = self.writers.get(name)
                if writer is None:
                    schema_ = pa.Schema.from_pandas(frame, preserve_index=False)
                    writer = self.writers[name] = pq.ParquetWriter(self.partial(name, fmt), schema_)
                writer.write_table(pa.Table.from_pandas(frame, preserve_index=False,  # type: ignore[attr-defined]
                                                        schema=writer.schema))  # type: ignore[attr-defined]
            self.started.add((name, fmt))

    def commit(self, names: list[str]) -> list[Path]:
        from pipeline.mechanisms import empty_matrix

        for name in names:  # a table no file added to still gets its header
            if (name, self.formats[0]) not in self.started:
                empty = schema.to_frame(name, []) if name in schema.TABLES else empty_matrix(name)
                self.append(name, empty)
        for writer in self.writers.values():
            writer.close()  # type: ignore[attr-defined]
        written = []
        mode = 0o666 & ~_umask()
        for name in names:
            for fmt in self.formats:
                part = self.partial(name, fmt)
                os.chmod(part, mode)
                target = self.out_dir / f"{name}.{fmt}"
                os.replace(part, target)
                written.append(target)
        return written

    def abort(self) -> None:
        for writer in self.writers.values():
            with contextlib.suppress(Exception):
                writer.close()  # type: ignore[attr-defined]
        for stale in self.out_dir.glob(".*.partial"):
            stale.unlink()


def csv_header(frame: pd.DataFrame) -> bytes:
    return (",".join(_csv_cell(c) for c in frame.columns) + "\n").encode("utf-8")


def _csv_cell(name: str) -> str:
    return f'"{name}"' if any(ch in name for ch in ',"\n') else name


def csv_body(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, header=False, lineterminator="\n").encode("utf-8")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@dataclass
class BatchOutcome:
    n_files: int = 0
    n_files_read: int = 0
    n_articles: int = 0
    n_skipped: int = 0
    n_entities: int = 0
    n_relations: int = 0
    written: list[Path] = field(default_factory=list)


def run_batch(
    paths: list[str],
    out_dir: Path,
    *,
    max_mb: float = DEFAULT_MAX_MB,
    model: str | None = None,
    linker: str | None = None,
    workers: int = 1,
    force: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    formats: tuple[str, ...] = ("csv",),
    on_file: Callable[[InputFile], None] | None = None,
    stats: BatchStats | None = None,
) -> BatchOutcome:
    """Process ``paths`` incrementally (manifest in ``out_dir``) and stream every table into ``out_dir``."""
    from pipeline.mechanisms import MatrixAccumulator

    stats = stats if stats is not None else BatchStats()
    files, skipped = expand_paths(paths)
    for rec in skipped:
        log.warning("skipped %s: %s", rec.source_path, rec.reason)
    spec = NlpSpec(model, linker)
    version = versions() + spec.tag()
    outcome = BatchOutcome(n_files=len(files), n_skipped=len(skipped))
    sink = TableSink(out_dir, formats)
    acc = MatrixAccumulator()
    manifest = Manifest(out_dir / STATE_DIR / "manifest.sqlite")
    committed = False
    try:
        if skipped:
            sink.append("skipped", schema.to_frame("skipped", skipped))
        hashes: dict[str, str] = {}
        cached: dict[str, StoredRows] = {}
        todo: list[InputFile] = []
        for item in files:
            try:
                hashes[item.key] = file_hash(item.path)
            except OSError:
                hashes[item.key] = ""
            hit = None if force or not hashes[item.key] else manifest.get(item.key, hashes[item.key], version)
            if hit is not None:
                cached[item.key] = hit
            else:
                todo.append(item)
        fresh = iter(zip(todo, _map(todo, max_mb, spec, workers, engine, scheduler), strict=True))
        for item in files:
            if item.key in cached:
                rows = cached.pop(item.key)
                stats.reused += 1
                _emit(sink, acc, rows, outcome)
            else:
                _, rows = next(fresh)
                _emit(sink, acc, rows, outcome)
                if rows.ingest.n_files_read and hashes[item.key]:
                    manifest.put(item.key, hashes[item.key], version, rows)
                stats.processed += 1
            if on_file is not None:
                on_file(item)
        for name, frame in acc.tables().items():
            sink.append(name, frame)
        if outcome.n_files_read:
            outcome.written = sink.commit(TABLE_ORDER)
            committed = True
    except OSError as err:
        raise OutputError(f"cannot write outputs to {out_dir}: {err.strerror or err}; "
                          "the earlier tables are unchanged") from err
    finally:
        manifest.close()
        if not committed:
            sink.abort()
    return outcome


TABLE_ORDER = ["articles", "removed_blocks", "skipped", "entities", "entity_summary", "relations",
               "mechanisms", "mechanism_matrix", "disease_mechanism_matrix", "factor_mechanism_matrix"]


def file_tables(rows: FileRows) -> tuple[list[tuple[str, pd.DataFrame]], object]:
    """One file's rows as typed tables (with its derived ones) and its share of the matrices."""
    from pipeline.entities import entity_summary
    from pipeline.io import typed
    from pipeline.mechanisms import MatrixAccumulator, mechanism_evidence, mechanism_matrix, primary_diseases

    part = rows.ingest
    articles = schema.to_frame("articles", part.articles)
    entities = schema.to_frame("entities", rows.entities)
    relations = schema.to_frame("relations", rows.relations)
    evidence = mechanism_evidence(articles, entities, relations)
    matrix = mechanism_matrix(articles, evidence, primary_diseases(articles, entities))
    tables = (("articles", articles), ("removed_blocks", schema.to_frame("removed_blocks", part.removed)),
              ("skipped", schema.to_frame("skipped", part.skipped)), ("entities", entities),
              ("entity_summary", entity_summary(entities)), ("relations", relations),
              ("mechanisms", evidence), ("mechanism_matrix", matrix))
    typed_tables = [(name, typed(name, frame)) for name, frame in tables if len(frame)]
    return typed_tables, MatrixAccumulator.parts(matrix, evidence, relations, entities)


def prepare(rows: FileRows) -> FileRows:
    """Fill ``rows.csv`` and ``rows.matrix_parts`` (done in the worker that made the rows)."""
    tables, parts = file_tables(rows)
    rows.csv = {name: (csv_header(frame), csv_body(frame)) for name, frame in tables}
    rows.matrix_parts = parts
    return rows


def _emit(sink: TableSink, acc: object, rows: FileRows | StoredRows, outcome: BatchOutcome) -> None:
    """Append one file's tables (and its share of the derived ones) to the sink.

    CSV rows prepared once (by the worker, or kept in the manifest) are copied as bytes;
    a manifest entry's records are unpacked only for Parquet.
    """
    if isinstance(rows, StoredRows) and (rows.csv is None or sink.formats != ("csv",)):
        rows = rows.full()
    if isinstance(rows, FileRows) and rows.csv is None:
        prepare(rows)
    if sink.formats == ("csv",):
        for name, (header, body) in (rows.csv or {}).items():
            sink.append_csv(name, header, body)
    else:
        for name, frame in file_tables(rows)[0]:  # type: ignore[arg-type]
            sink.append(name, frame)
    acc.add_parts(rows.matrix_parts)  # type: ignore[attr-defined]
    n_read, n_articles, n_skipped, n_entities, n_relations = (
        rows.counts if isinstance(rows, StoredRows) else row_counts(rows))
    outcome.n_files_read += n_read
    outcome.n_articles += n_articles
    outcome.n_skipped += n_skipped
    outcome.n_entities += n_entities
    outcome.n_relations += n_relations


def _map_dask(todo: list[InputFile], max_mb: float, spec: NlpSpec, workers: int,
              scheduler: str | None) -> Iterator[FileRows]:
    """The same per-file function on a Dask cluster (a LocalCluster on loopback when no address)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise MechmineError("the dask engine needs dask.distributed: pip install 'mechmine[dask]'") from err
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(process_file, todo, max_mb=max_mb, spec=spec, pure=False)
        for future in futures:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _map(todo: list[InputFile], max_mb: float, spec: NlpSpec, workers: int,
         engine: str = "local", scheduler: str | None = None) -> Iterator[FileRows]:
    if engine == "dask":
        yield from _map_dask(todo, max_mb, spec, workers, scheduler)
        return
    if workers <= 1 or len(todo) < 2:
        for item in todo:
            yield process_file(item, max_mb, spec)
        return
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(min(workers, len(todo)), initializer=_worker_init, initargs=(spec,)) as pool:
        yield from pool.imap(_process_star, [(item, max_mb, spec) for item in todo], chunksize=1)
