"""``mechmine run``, ``ingest``, ``report`` and ``export``: the user's commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.batch import RunReport
from pipeline.batch.worker import Source
from pipeline.cli.common import (
    Link,
    LinkIndex,
    MaxMb,
    Model,
    OutDir,
    Paths,
    Quiet,
    Split,
    _check_max_mb,
    _check_out,
    _linker,
    _setup_logging,
    _use_split,
    app,
    err_console,
)
from pipeline.errors import MechmineError
from pipeline.ingest import DEFAULT_MAX_MB
from pipeline.run import mark_report, report_current, run_ingest, run_pipeline


def _with_progress(paths: list[str], out: Path, max_mb: float, quiet: bool,
                   full: bool = False, model: str | None = None, workers: int = 1, force: bool = False,
                   formats: tuple[str, ...] = ("csv",), engine: str = "local",
                   scheduler: str | None = None, linker: str | None = None) -> RunReport:
    progress = Progress(
        TextColumn("[bold]reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err_console, transient=True,
        disable=quiet or not err_console.is_terminal,
    )
    with progress:
        task = progress.add_task("", total=None)

        def advance(item: Source) -> None:
            progress.update(task, advance=1, description=item.display)

        def total(n: int) -> None:
            progress.update(task, total=n)

        if not full:
            return run_ingest(paths, out, max_mb=max_mb, on_file=advance, on_total=total)
        return run_pipeline(paths, out, max_mb=max_mb, model=model, workers=workers, force=force,
                            formats=formats, engine=engine, scheduler=scheduler, on_file=advance,
                            linker=linker, on_total=total)


def _finish(report: RunReport, out: Path, quiet: bool, full: bool = True) -> None:
    if report.n_files_read == 0:
        err_console.print(f"mechmine: nothing could be read; {out} left unchanged")
    elif not quiet:
        entities = (f", {report.n_entities} entities, {report.n_relations} relations"
                    if full else "")
        err_console.print(
            f"mechmine: {report.n_articles} articles{entities} from {report.n_files_read} of "
            f"{report.n_files} files, {report.n_skipped} skipped -> {out}/"
        )
    raise typer.Exit(report.exit_code)


REPORT_ARTICLES = 50  # articles the report of `mechmine run` shows (see `mechmine report --max-articles`)


@app.command()
def run(
    paths: Paths,
    out: OutDir = Path("outputs"),
    max_mb: MaxMb = DEFAULT_MAX_MB,
    model: Model = None,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Processes to use.")] = 1,
    force: Annotated[bool, typer.Option(
        "--force", help="Reprocess every file, ignoring the manifest.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="csv, parquet or both.")] = "csv",
    engine: Annotated[str, typer.Option("--engine", help="local (processes) or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address (default: a LocalCluster on loopback).")] = None,
    link: Link = False,
    link_index: LinkIndex = None,
    split: Split = "auto",
    no_report: Annotated[bool, typer.Option(
        "--no-report", help="Do not refresh report.html and its figures next to the tables.")] = False,
    quiet: Quiet = False,
) -> None:
    """Run the whole pipeline on PATHS and write every table to --out, then refresh the report.

    Runs are incremental: only new or changed files are processed (see --force).
    """
    _setup_logging(quiet)
    _use_split(split)
    _check_out(out)
    _check_max_mb(max_mb)
    formats = {"csv": ("csv",), "parquet": ("parquet",), "both": ("csv", "parquet")}.get(fmt)
    if formats is None:
        raise typer.BadParameter("use csv, parquet or both", param_hint="--format")
    if engine not in ("local", "dask"):
        raise typer.BadParameter("use local or dask", param_hint="--engine")
    linker = _linker(link, link_index, quiet)
    result = _with_progress(paths, out, max_mb, quiet, full=True, model=model, workers=workers,
                            force=force, formats=formats, engine=engine, scheduler=scheduler, linker=linker)
    if not no_report and result.n_files_read and not report_current(out, REPORT_ARTICLES):
        _write_report(out, REPORT_ARTICLES, quiet)
    _finish(result, out, quiet)


@app.command()
def ingest(paths: Paths, out: OutDir = Path("outputs"), max_mb: MaxMb = DEFAULT_MAX_MB,
           split: Split = "auto", quiet: Quiet = False) -> None:
    """Only ingest PATHS: articles.csv, removed_blocks.csv and skipped.csv in --out."""
    _setup_logging(quiet)
    _use_split(split)
    _check_out(out)
    _check_max_mb(max_mb)
    _finish(_with_progress(paths, out, max_mb, quiet), out, quiet, full=False)


@app.command()
def report(
    out: Annotated[Path, typer.Argument(help="A folder written by `mechmine run`.")],
    max_articles: Annotated[int, typer.Option("--max-articles", min=1,
                                              help="Articles shown in the heatmap and the page.")] = 50,
) -> None:
    """Write report.html (self-contained), mechanism_heatmap.png/.svg and relation_graph.png/.svg in OUT."""
    from pipeline.batch import run_lock
    from pipeline.batch.sink import repair

    if not out.is_dir():
        raise MechmineError(f"no such output folder: {out}")
    with run_lock(out):
        repair(out)
        written = _write_report(out, max_articles, quiet=False)
    for path in written:
        err_console.print(f"mechmine: wrote {escape(str(path))}")


def _write_report(out: Path, max_articles: int, quiet: bool) -> list[Path]:
    """pipeline.report.write_report with a progress bar on a terminal."""
    from pipeline.report import write_report

    progress = Progress(TextColumn("[bold]report"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.description}"), console=err_console, transient=True,
                        disable=quiet or not err_console.is_terminal)
    with progress:
        task = progress.add_task("", total=None)
        written = write_report(out, max_articles=max_articles, progress=lambda step, done, total:
                               progress.update(task, completed=done, total=total, description=step))
    mark_report(out, max_articles, written)
    return written


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="A folder written by `mechmine run`.")],
    fmt: Annotated[str, typer.Option("--format", help="pubtator, bioc-xml, bioc-json, brat or docbin.")],
    to: Annotated[Path | None, typer.Option("--to", help="Where to write (default: OUT/export).")] = None,
) -> None:
    """Write the articles with their entities (ids, classes) and relations in an interchange format."""
    from pipeline.export import FORMATS, export_outputs

    if fmt not in FORMATS:
        raise typer.BadParameter(f"use {', '.join(FORMATS)}", param_hint="--format")
    written = export_outputs(out, fmt, to)
    err_console.print(f"mechmine: wrote {escape(str(written))}")
