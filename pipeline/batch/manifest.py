"""What a run remembers: fingerprints (file content, pipeline versions) and the per-file manifest.

``DIR/.mechmine/manifest.sqlite`` holds, for each input file, its content hash,
the versions it was processed with (:func:`versions`) and its rows, committed
file by file (SQLite, WAL journal; one transaction per file). A manifest that
cannot be read is rebuilt with a warning; an entry that cannot be read is
processed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
import sqlite3
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import TracebackType

from pipeline import schema
from pipeline.batch.lock import STATE_DIR
from pipeline.batch.tables import FileRows
from pipeline.mechanisms import MatrixParts
from pipeline.ruledata import resource_path

log = logging.getLogger(__name__)

MANIFEST_SCHEMA = "3"
RULE_FILES = ("blocks.yaml", "relation_rules.yaml", "context_cues.yaml", "abbreviation_heads.yaml",
              "lexicon_classes.yaml", "model_labels.yaml")
LEXICON_FILES = ("lexicon/terms.tsv.gz", "lexicon/concepts.tsv.gz", "lexicon/corpus_terms.tsv.gz",
                 "stoplist.tsv")
PACKAGE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def versions() -> str:
    """pipeline+tokenizer | code hash | table schema | lexicon hash | rules hash: a change reprocesses
    every file (the code hash covers every module of the package, so an upgrade or a local edit
    never reuses rows an older pipeline made)."""
    from pipeline import __version__
    from pipeline.tokenize import TOKENIZER_VERSION

    def digest(names: tuple[str, ...]) -> str:
        h = hashlib.sha256()
        for name in names:
            path = resource_path(name)
            h.update(name.encode())
            h.update(path.read_bytes() if path.exists() else b"-")
        return h.hexdigest()[:12]

    layout = hashlib.sha256(repr({t: schema.dtypes(t) for t in schema.TABLES}).encode()).hexdigest()[:8]
    code = hashlib.sha256()
    for source in sorted(PACKAGE.rglob("*.py")):
        code.update(str(source.relative_to(PACKAGE)).encode())
        code.update(source.read_bytes())
    return (f"{__version__}+{TOKENIZER_VERSION}|code:{code.hexdigest()[:12]}|schema:{layout}"
            f"|lexicon:{digest(LEXICON_FILES)}|rules:{digest(RULE_FILES)}")


def file_hash(path: Path) -> str:
    """sha256 of the file's bytes; "" when it cannot be read (the file is then never reused)."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return ""
    return h.hexdigest()


@dataclass
class StoredRows:
    """A manifest entry: what a re-run copies (CSV bytes, matrix shares, row counts) ready to use,
    the records themselves packed until something needs them (Parquet output)."""

    csv: dict[str, tuple[bytes, bytes]] | None
    matrix_parts: MatrixParts
    n: tuple[int, int, int, int, int]  # files read, articles, skipped, entities, relations
    packed: bytes

    def counts(self) -> tuple[int, int, int, int, int]:
        return self.n

    def full(self) -> FileRows:
        ingest, entities, relations = pickle.loads(zlib.decompress(self.packed))
        return FileRows(ingest, entities, relations, self.matrix_parts, self.csv)


class Manifest:
    """The per-file store of ``out_dir`` (a context manager that closes it)."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / STATE_DIR / "manifest.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as err:
            log.warning("manifest %s is unreadable (%s); rebuilding it", self.path, err)
            self._remove()
            self.db = self._open()

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

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
                TypeError, ModuleNotFoundError) as err:
            log.warning("manifest entry for %s is unreadable (%s); processing it again", key, err)
            return None

    def put(self, key: str, content_hash: str, version: str, rows: FileRows) -> None:
        if rows.matrix_parts is None:
            raise ValueError("rows must be prepared before they are stored")
        packed = zlib.compress(pickle.dumps((rows.ingest, rows.entities, rows.relations),
                                            protocol=pickle.HIGHEST_PROTOCOL))
        stored = StoredRows(rows.csv, rows.matrix_parts, rows.counts(), packed)
        payload = zlib.compress(pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL))
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                            (key, content_hash, version, payload))

    def close(self) -> None:
        self.db.close()
