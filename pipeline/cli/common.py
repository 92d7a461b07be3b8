"""What the commands share: the typer apps, the console, option types and checks."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

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
Split = Annotated[str, typer.Option(
    "--split", help="How files are cut into articles: auto (page-boundary evidence), none (one "
                    "article per file) or lines:PATTERN (a line matching the regex starts one).")]


def _use_split(split: str) -> None:
    """Validate --split and hand it to ingestion (and its worker processes) via the environment."""
    import os

    from pipeline.ingest.split import SPLIT_ENV, parse_split_mode

    try:
        parse_split_mode(split)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--split") from err
    os.environ[SPLIT_ENV] = split
Model = Annotated[
    str | None,
    typer.Option("--model", help="An installed spaCy/scispaCy NER pipeline (package name or path) "
                                 "to run before the lexicon."),
]

Link = Annotated[bool, typer.Option(
    "--link", help="Give id-less entities (abbreviations, model spans) ids by approximate match "
                   "(scispaCy candidate generator over the lexicon; the index is built once).")]
LinkIndex = Annotated[Path | None, typer.Option(
    "--link-index", help="Linker index folder (default: ~/.cache/mechmine/linker).")]


def _linker(link: bool, index: Path | None, quiet: bool = False) -> str | None:
    """The linker index folder to use (built first if missing or stale), or None without --link."""
    if not link:
        return None
    from pipeline.lexicon.linker import build_index, default_index_dir, index_is_current

    folder = index or default_index_dir()
    if not index_is_current(folder):
        if not quiet:
            err_console.print(f"mechmine: building the linker index in {folder} (once; about 2 minutes)")
        try:
            build_index(folder)
        except OSError as err:
            raise typer.BadParameter(f"cannot write the linker index: {err}",
                                     param_hint="--link-index") from err
    return str(folder)


evaluate_app = typer.Typer(help="Score mechmine against gold corpora.", no_args_is_help=True)
lexicon_app = typer.Typer(help="Build or adapt the packaged lexicon (developers).", no_args_is_help=True)
train_app = typer.Typer(help="Train models on gold corpora.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
app.add_typer(train_app, name="train")
app.add_typer(lexicon_app, name="lexicon")


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
    for parent in out.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise typer.BadParameter(f"{parent} is a file, so {out} cannot be made",
                                         param_hint="--out")
            break


def _check_max_mb(max_mb: float) -> None:
    import math

    if not math.isfinite(max_mb):
        raise typer.BadParameter(f"give a size in MB, not {max_mb}", param_hint="--max-mb")
