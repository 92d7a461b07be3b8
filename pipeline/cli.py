"""The ``mechmine`` command line: thin typer commands over :mod:`pipeline.run`.

Exit codes: 0 success; 1 when any input failed (the others are still
processed) or nothing could be read; 2 for usage errors.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.errors import MechmineError
from pipeline.ingest import DEFAULT_MAX_MB
from pipeline.io import OutputError
from pipeline.run import RunReport, run_ingest

app = typer.Typer(
    name="mechmine",
    help="Mine cell-therapy articles into tables: articles, entities, relations, mechanisms.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)

Paths = Annotated[list[str], typer.Argument(help="Input files, folders (read recursively) or globs.")]
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Output folder for the CSV tables.")]
MaxMb = Annotated[
    float, typer.Option("--max-mb", min=0.001, help="Skip input files larger than this (MB).")
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Only print errors.")]


def _setup_logging(quiet: bool) -> None:
    logging.basicConfig(
        level=logging.ERROR if quiet else logging.WARNING,
        format="mechmine: %(message)s",
        stream=sys.stderr,
        force=True,
    )


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise typer.BadParameter(f"{out} exists and is not a folder", param_hint="--out")


def _with_progress(paths: list[str], out: Path, max_mb: float, quiet: bool) -> RunReport:
    progress = Progress(
        TextColumn("[bold]reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err_console, transient=True,
        disable=quiet or not err_console.is_terminal,
    )
    with progress:
        task = progress.add_task("", total=None)

        def advance(item: object) -> None:
            progress.update(task, advance=1, description=str(getattr(item, "display", "")))

        return run_ingest(paths, out, max_mb=max_mb, on_file=advance)


def _finish(report: RunReport, out: Path, quiet: bool) -> None:
    if report.n_files_read == 0:
        err_console.print(f"mechmine: nothing could be read; {out} left unchanged")
    elif not quiet:
        err_console.print(
            f"mechmine: {report.n_articles} articles from {report.n_files_read} of "
            f"{report.n_files} files, {report.n_skipped} skipped -> {out}/"
        )
    raise typer.Exit(report.exit_code)


@app.command()
def run(paths: Paths, out: OutDir = Path("outputs"), max_mb: MaxMb = DEFAULT_MAX_MB,
        quiet: Quiet = False) -> None:
    """Run the whole pipeline on PATHS and write every table to --out."""
    _setup_logging(quiet)
    _check_out(out)
    _finish(_with_progress(paths, out, max_mb, quiet), out, quiet)


@app.command()
def ingest(paths: Paths, out: OutDir = Path("outputs"), max_mb: MaxMb = DEFAULT_MAX_MB,
           quiet: Quiet = False) -> None:
    """Only ingest PATHS: articles.csv, removed_blocks.csv and skipped.csv in --out."""
    _setup_logging(quiet)
    _check_out(out)
    _finish(_with_progress(paths, out, max_mb, quiet), out, quiet)


def main() -> None:
    """Console-script entry point: user errors are one line, never a traceback."""
    try:
        app()
    except (MechmineError, OutputError) as err:
        err_console.print(f"mechmine: error: {err}")
        sys.exit(1)
    except KeyboardInterrupt:
        err_console.print("mechmine: interrupted; earlier outputs are unchanged")
        sys.exit(130)


if __name__ == "__main__":
    main()
