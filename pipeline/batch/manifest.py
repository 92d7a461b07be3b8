"""What a run remembers: fingerprints (file content, pipeline versions) and the per-file manifest.

``DIR/.mechmine/manifest.sqlite`` holds, for each input file, its content hash,
the versions it was processed with (:func:`versions`) and its rows, committed
file by file (SQLite, WAL journal; one transaction per file).

The manifest stores data, never code: an entry is MessagePack (zlib-compressed) of
plain values only (strings, numbers, lists: each record as its field values), decoded
with ``strict_map_key`` and raw-free settings and checked field by field, so a crafted
file can at worst be refused. The database's ``meta`` table names its schema
(:data:`MANIFEST_SCHEMA`); on open ``PRAGMA integrity_check`` must answer ``ok``. A
manifest that is damaged (SQLITE_CORRUPT / SQLITE_NOTADB, a failed integrity check) or of
another schema is rebuilt empty with a warning, and its files are processed again. Any
other error (SQLITE_FULL, an I/O error, a read-only or missing folder, a folder where the
file should be) is reported as such (:class:`ManifestError`) and the manifest is left as it
is: a full disk never deletes it. An entry that cannot be decoded is processed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import sqlite3
import zlib
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

import msgpack

from pipeline import schema
from pipeline.batch.lock import STATE_DIR
from pipeline.batch.tables import FileRows
from pipeline.errors import MechmineError
from pipeline.ingest import IngestResult
from pipeline.mechanisms import MatrixParts
from pipeline.ruledata import resource_path
from pipeline.schema import ArticleRecord, EntityRecord, RelationRecord, RemovedBlockRecord, SkippedRecord

log = logging.getLogger(__name__)

MANIFEST_SCHEMA = "4-msgpack"
DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
MAX_ENTRY = 1 << 31  # decoded bytes per entry
LEXICON_FILES = ("lexicon/terms.tsv.gz", "lexicon/concepts.tsv.gz", "lexicon/corpus_terms.tsv.gz",
                 "stoplist.tsv")
PACKAGE = Path(__file__).resolve().parents[1]


def rule_files() -> tuple[str, ...]:
    """Every rule and vocabulary file the run reads (resources/ and resources/lexicon/ YAML and
    TSV, the models' metas): an edit to any of them reprocesses every file."""
    root = resource_path("")
    found = [*root.glob("*.yaml"), *root.glob("*.tsv"), *root.glob("lexicon/*.yaml"),
             *root.glob("lexicon/*.tsv"), *root.glob("models/*.yaml"), *root.glob("models/*/meta.json")]
    names = (str(p.relative_to(root)) for p in found)
    return tuple(sorted(n for n in names if n not in LEXICON_FILES))


@lru_cache(maxsize=1)
def versions() -> str:
    """pipeline+tokenizer | code hash | table schema | lexicon hash | rules hash: a change reprocesses
    every file (the code hash covers every module of the package, so an upgrade or a local edit
    never reuses rows an older pipeline made)."""
    from pipeline import __version__
    from pipeline.spec import TOKENIZER_VERSION

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
            f"|lexicon:{digest(LEXICON_FILES)}|rules:{digest(rule_files())}")


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


class ManifestError(MechmineError):
    """The manifest cannot be read or written for a reason other than damage (full disk, I/O,
    permissions): reported, never answered by deleting it."""


class EntryError(ValueError):
    """A manifest entry that does not decode to the expected plain values."""


def _plain(value: object) -> object:
    """msgpack ``default``: numpy scalars as Python ones; anything else is refused."""
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy":
        return item()
    raise TypeError(f"cannot store {type(value).__name__} in the manifest")


def _records(cls: type, rows: list[Any]) -> list[Any]:
    names = [f.name for f in fields(cls)]
    return [[getattr(r, n) for n in names] for r in rows]


def _unrecords(cls: type, rows: object) -> list[Any]:
    width = len(fields(cls))
    if not isinstance(rows, list):
        raise EntryError(f"{cls.__name__} rows are not a list")
    out = []
    for row in rows:
        if not isinstance(row, list) or len(row) != width or \
                not all(v is None or isinstance(v, (str, int, float, bool)) for v in row):
            raise EntryError(f"bad {cls.__name__} row")
        out.append(cls(*row))
    return out


def _tuples(rows: object, width: int) -> list[tuple[Any, ...]]:
    if not isinstance(rows, list) or not all(isinstance(r, list) and len(r) == width for r in rows):
        raise EntryError("bad matrix part")
    return [tuple(r) for r in rows]


def pack(rows: FileRows) -> bytes:
    """One file's rows as a manifest payload (MessagePack of plain values, compressed)."""
    if rows.matrix_parts is None:
        raise ValueError("rows must be prepared before they are stored")
    part, parts = rows.ingest, rows.matrix_parts
    entry = {
        "csv": None if rows.csv is None else {k: [h, b] for k, (h, b) in rows.csv.items()},
        "parts": [parts.diseases, parts.factors, parts.evidence, parts.relations],
        "n": list(rows.counts()),
        "ingest": [_records(ArticleRecord, part.articles), _records(RemovedBlockRecord, part.removed),
                   _records(SkippedRecord, part.skipped), part.n_files, part.n_files_read,
                   {k: [list(s) for s in v] for k, v in part.nlp_masks.items()}],
        "entities": _records(EntityRecord, rows.entities),
        "relations": _records(RelationRecord, rows.relations),
    }
    return zlib.compress(msgpack.packb(entry, default=_plain, use_bin_type=True))


def unpack(payload: bytes) -> StoredRows:
    """A manifest payload back as :class:`StoredRows` (raises EntryError, never runs code)."""
    try:
        raw = zlib.decompressobj().decompress(payload, MAX_ENTRY)
        entry = msgpack.unpackb(raw, raw=False, strict_map_key=True, use_list=True)
    except (zlib.error, ValueError, msgpack.UnpackException) as err:
        raise EntryError(f"undecodable entry ({err})") from err
    if not isinstance(entry, dict):
        raise EntryError("entry is not a map")
    csv = entry.get("csv")
    if csv is not None:
        if not isinstance(csv, dict) or not all(
                isinstance(k, str) and isinstance(v, list) and len(v) == 2
                and all(isinstance(x, bytes) for x in v) for k, v in csv.items()):
            raise EntryError("bad CSV part")
        csv = {k: (v[0], v[1]) for k, v in csv.items()}
    parts = entry.get("parts")
    n = entry.get("n")
    if not isinstance(parts, list) or len(parts) != 4:
        raise EntryError("bad matrix parts")
    if not isinstance(n, list) or len(n) != 5 or not all(isinstance(x, int) for x in n):
        raise EntryError("bad counts")
    diseases = [(d, name, list(c)) for d, name, c in _tuples(parts[0], 3)]
    matrix = MatrixParts(diseases, _tuples(parts[1], 3), _tuples(parts[2], 2), _tuples(parts[3], 4))
    return StoredRows(csv, matrix, (n[0], n[1], n[2], n[3], n[4]), entry)


@dataclass
class StoredRows:
    """A manifest entry: what a re-run copies (CSV bytes, matrix shares, row counts) ready to use,
    the records themselves decoded only when something needs them (Parquet output)."""

    csv: dict[str, tuple[bytes, bytes]] | None
    matrix_parts: MatrixParts
    n: tuple[int, int, int, int, int]  # files read, articles, skipped, entities, relations
    entry: dict[str, Any]

    def counts(self) -> tuple[int, int, int, int, int]:
        return self.n

    def full(self) -> FileRows:
        ingest = self.entry.get("ingest")
        if not isinstance(ingest, list) or len(ingest) != 6:
            raise EntryError("bad ingest part")
        articles, removed, skipped, n_files, n_read, masks = ingest
        if not isinstance(masks, dict):
            raise EntryError("bad masks")
        result = IngestResult(_unrecords(ArticleRecord, articles), _unrecords(RemovedBlockRecord, removed),
                              _unrecords(SkippedRecord, skipped), int(n_files), int(n_read),
                              {str(k): [(int(a), int(b)) for a, b in v] for k, v in masks.items()})
        return FileRows(result, _unrecords(EntityRecord, self.entry.get("entities")),
                        _unrecords(RelationRecord, self.entry.get("relations")), self.matrix_parts, self.csv)


def _error_name(err: sqlite3.Error) -> str:
    return getattr(err, "sqlite_errorname", "") or ""


def _damaged(err: sqlite3.Error) -> bool:
    return _error_name(err) in DAMAGED or "malformed" in str(err) or "not a database" in str(err)


class Manifest:
    """The per-file store of ``out_dir`` (a context manager that closes it)."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / STATE_DIR / "manifest.sqlite"
        for path in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
            if path.is_dir():
                raise ManifestError(f"{path} is a folder, not mechmine's manifest; move it away")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ManifestError(f"cannot create {self.path.parent}: {err.strerror or err}") from err
        try:
            self.db = self._open()
        except _Rebuild as why:
            log.warning("manifest %s %s; rebuilding it (its files are processed again)", self.path, why)
            self._remove()
            self.db = self._checked(self._open)
        except sqlite3.Error as err:
            raise self._error("open", err) from err

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _error(self, action: str, err: sqlite3.Error) -> ManifestError:
        name = _error_name(err)
        hint = {"SQLITE_FULL": "the disk is full", "SQLITE_READONLY": "it is read-only",
                "SQLITE_CANTOPEN": "it cannot be opened (missing or read-only folder?)",
                "SQLITE_PERM": "permission denied"}.get(name, "")
        if not hint and name.startswith("SQLITE_IOERR"):
            hint = "an I/O error"
        detail = f"{hint} ({name}: {err})" if hint else f"{err}{f' ({name})' if name else ''}"
        return ManifestError(f"cannot {action} the manifest {self.path}: {detail}; "
                             "it is left as it was, and the earlier tables are unchanged")

    def _checked(self, opener: Any) -> sqlite3.Connection:
        try:
            return opener()
        except (sqlite3.Error, _Rebuild) as err:
            if isinstance(err, _Rebuild):
                raise ManifestError(f"cannot rebuild the manifest {self.path}: {err}") from err
            raise self._error("create", err) from err

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(self.path) + suffix).unlink()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        try:
            return self._prepare(db)
        except BaseException:
            db.close()
            raise

    @staticmethod
    def _prepare(db: sqlite3.Connection) -> sqlite3.Connection:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            check = db.execute("PRAGMA integrity_check").fetchall()
            if check != [("ok",)]:
                raise _Rebuild(f"fails its integrity check ({'; '.join(str(r[0]) for r in check[:3])})")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is not None and row[0] != MANIFEST_SCHEMA:
                raise _Rebuild(f"has schema {row[0]!r}, not {MANIFEST_SCHEMA!r}")
            db.execute("CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, content_hash TEXT, "
                       "versions TEXT, payload BLOB)")
            if row is None:
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (MANIFEST_SCHEMA,))
            db.commit()
            return db
        except sqlite3.Error as err:
            if _damaged(err):
                raise _Rebuild(f"is damaged ({err})") from err
            raise

    def get(self, key: str, content_hash: str, version: str) -> StoredRows | None:
        try:
            row = self.db.execute("SELECT payload FROM files WHERE key=? AND content_hash=? AND versions=?",
                                  (key, content_hash, version)).fetchone()
        except sqlite3.Error as err:
            if _damaged(err):
                log.warning("manifest entry for %s is unreadable (%s); processing it again", key, err)
                return None
            raise self._error("read", err) from err
        if row is None:
            return None
        try:
            if not isinstance(row[0], bytes):
                raise EntryError("payload is not bytes")
            return unpack(row[0])
        except (EntryError, TypeError, ValueError) as err:
            log.warning("manifest entry for %s is unreadable (%s); processing it again", key, err)
            return None

    def put(self, key: str, content_hash: str, version: str, rows: FileRows) -> None:
        try:
            payload = pack(rows)
        except (TypeError, ValueError, OverflowError) as err:
            log.warning("%s is not kept in the manifest (%s); it is processed again next run", key, err)
            return
        try:
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                                (key, content_hash, version, payload))
        except sqlite3.Error as err:
            raise self._error("update", err) from err

    def close(self) -> None:
        self.db.close()


class _Rebuild(Exception):
    """The manifest is damaged or of another schema: rebuild it."""
