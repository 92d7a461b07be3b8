"""Batch runs: every source through one road into a sink, incrementally and resumably.

One job per module, in the order a file meets them:

- :mod:`~pipeline.batch.lock`: one run per output folder (``DIR/.mechmine/lock``);
- :mod:`~pipeline.batch.manifest`: fingerprints (file hash, pipeline versions) and the
  per-file SQLite manifest a later run reuses rows from;
- :mod:`~pipeline.batch.executors`: where files are processed (this process, a process
  pool, a Dask cluster), always giving the same rows in input order;
- :mod:`~pipeline.batch.worker`: :func:`file_rows`, the one function that turns a file (or
  texts in memory) into its rows, with the per-process pipeline cache;
- :mod:`~pipeline.batch.tables`: one file's rows as typed tables and its share of the matrices;
- :mod:`~pipeline.batch.sink`: where tables go (files written atomically, or frames in memory);
- :mod:`~pipeline.batch.orchestrate`: :func:`run_batch`, the loop that ties them together.
"""

from __future__ import annotations

from pipeline.batch.lock import STATE_DIR, RunLockedError, run_lock
from pipeline.batch.manifest import Manifest, versions
from pipeline.batch.orchestrate import BatchStats, RunReport, run_batch
from pipeline.batch.sink import MemorySink, TableSink
from pipeline.batch.worker import Texts, file_rows

__all__ = ["STATE_DIR", "BatchStats", "Manifest", "MemorySink", "RunLockedError", "RunReport", "TableSink",
           "Texts", "file_rows", "run_batch", "run_lock", "versions"]
