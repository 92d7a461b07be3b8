"""Where :func:`~pipeline.batch.worker.file_rows` runs: in this process, in a process pool, or on
a Dask cluster (a ``LocalCluster`` on loopback unless a scheduler address is given). Each yields
the rows in input order, so every executor gives the same tables."""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterator

from pipeline.batch.tables import FileRows
from pipeline.batch.worker import Source, file_rows, warm
from pipeline.errors import MechmineError
from pipeline.spec import NlpSpec

ENGINES = ("local", "dask")
SCHEDULER_TIMEOUT_S = 10


def run_local(todo: list[Source], max_mb: float, spec: NlpSpec, csv: bool) -> Iterator[FileRows]:
    for source in todo:
        yield file_rows(source, max_mb, spec, csv)


def _file_rows_star(args: tuple[Source, float, NlpSpec, bool]) -> FileRows:
    return file_rows(*args)


def run_processes(todo: list[Source], max_mb: float, spec: NlpSpec, csv: bool,
                  workers: int) -> Iterator[FileRows]:
    """``workers`` processes (fork where available), each building its pipeline once."""
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(min(workers, len(todo)), initializer=warm, initargs=(spec,)) as pool:
        yield from pool.imap(_file_rows_star, [(source, max_mb, spec, csv) for source in todo], chunksize=1)


def run_dask(todo: list[Source], max_mb: float, spec: NlpSpec, csv: bool, workers: int,
             scheduler: str | None) -> Iterator[FileRows]:
    """The same per-file function on a Dask cluster."""
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")  # no INFO lines, here or in workers
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise MechmineError("the dask engine needs dask.distributed: pip install 'mechmine[dask]'") from err
    logging.getLogger("distributed").setLevel(logging.WARNING)
    cluster = None
    if scheduler:
        client = _connect(Client, scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(file_rows, todo, max_mb=max_mb, spec=spec, csv=csv, pure=False)
        for future in futures:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(client: type, scheduler: str) -> object:
    """A client of the scheduler at ``scheduler``; a bad or unreachable address is one line."""
    if "://" not in scheduler and ":" not in scheduler:
        raise MechmineError(f"--scheduler {scheduler!r} is not a scheduler address (e.g. tcp://host:8786)")
    try:
        return client(scheduler, timeout=SCHEDULER_TIMEOUT_S)
    except (ValueError, TypeError) as err:
        raise MechmineError(f"--scheduler {scheduler!r} is not a scheduler address: {err}") from err
    except (OSError, TimeoutError) as err:
        raise MechmineError(f"cannot reach the Dask scheduler at {scheduler} within "
                            f"{SCHEDULER_TIMEOUT_S} s: {' '.join(str(err).split())[:160]}") from err


def execute(todo: list[Source], max_mb: float, spec: NlpSpec, csv: bool = True, *, workers: int = 1,
            engine: str = "local", scheduler: str | None = None) -> Iterator[FileRows]:
    """The rows of each source of ``todo``, in order, from the chosen executor."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    if engine == "dask":
        return run_dask(todo, max_mb, spec, csv, workers, scheduler)
    if workers <= 1 or len(todo) < 2:
        return run_local(todo, max_mb, spec, csv)
    return run_processes(todo, max_mb, spec, csv, workers)
