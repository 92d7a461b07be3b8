"""A built lexicon kept on disk, so that a process loads it in about a second.

Building the :class:`~pipeline.lexicon.Lexicon` from its tables (parse ~475k
terms, relax their case, fill and compile the Aho-Corasick automaton) takes
several seconds, and every process of every run paid it. :func:`load_built`
keeps the built object (a pickle, with its compiled automaton) in the user's
cache folder (``$MECHMINE_CACHE``, else ``$XDG_CACHE_HOME/mechmine``, else
``~/.cache/mechmine``) under a key made of the bytes of every lexicon file and
the versions of what the object is made of; any change to the lexicon (``mechmine
lexicon adapt``, another folder, an upgrade) is another key, so a stale build is
never read. ``MECHMINE_CACHE=off`` turns it off. The file is written once,
atomically; a cache that cannot be written only costs the rebuild. A read marks
a file as used; when a new one is written, only the :data:`KEEP` most recently
used builds stay (a build is some hundred MB).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

FORMAT = 3  # bump when the Lexicon's attributes change (3: the anatomy tails index)
FILES = ("meta.yaml", "concepts.tsv.gz", "terms.tsv.gz", "corpus_terms.tsv.gz", "lowercase_terms.tsv")
KEEP = 3  # built lexicons kept in the cache folder (the most recently used)
T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where built lexicons are kept (None: caching is off)."""
    chosen = os.environ.get("MECHMINE_CACHE")
    if chosen is not None:
        return None if chosen.lower() in ("", "0", "off", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mechmine"


def build_key(folder: Path) -> str:
    """Digest of the lexicon files in ``folder`` and of the versions the built object depends on."""
    h = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}|{version('pyahocorasick')}|"
                       f"{version('pandas')}|{version('numpy')}".encode())
    for name in FILES:
        path = folder / name
        h.update(name.encode())
        h.update(path.read_bytes() if path.exists() else b"-")
    return h.hexdigest()[:24]


def load_built(folder: Path, build: Callable[[Path], T]) -> T:
    """``build(folder)``, read from the cache when this lexicon was built before (else built and kept)."""
    where = cache_dir()
    if where is None:
        return build(folder)
    path = where / f"lexicon-{build_key(folder)}.pickle"
    try:
        with path.open("rb") as handle:
            built: T = pickle.load(handle)  # our own file, in the user's cache folder
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: kept by prune()
        return built
    except FileNotFoundError:
        pass
    except Exception as err:  # a damaged or foreign file: rebuilt and replaced
        log.warning("%s: unreadable cached lexicon (%s); building it again", path, err)
    built = build(folder)  # type: ignore[no-redef]
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".lexicon.", dir=where)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        prune(where)
    except OSError as err:
        log.info("cannot keep the built lexicon in %s (%s)", where, err)
    return built


def prune(where: Path, keep: int = KEEP) -> list[Path]:
    """Remove all but the ``keep`` most recently used built lexicons in ``where``; return the removed."""
    def used(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    builds = sorted(where.glob("lexicon-*.pickle"), key=used, reverse=True)
    removed = []
    for old in builds[keep:]:
        try:
            old.unlink()
            removed.append(old)
        except OSError:
            pass
    return removed
