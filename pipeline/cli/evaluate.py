"""``mechmine evaluate ner|relations|mechanisms|parser``: scores against gold corpora and answer keys."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pipeline.cli.common import Link, LinkIndex, Model, _linker, evaluate_app
from pipeline.errors import MechmineError


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
    if kind == "mechanisms" and scores.none_docs:
        clean = sum(1 for n in scores.none_docs.values() if n == 0)
        out.print(f"documents the key marks NONE that get no mechanism: {clean} of {len(scores.none_docs)}")
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
    errors = json_out is not None
    scores = evaluate_ge(nlp, gold, errors) if fmt == "ge" else evaluate_biored(nlp, gold, errors)
    rows = scores.rows()
    _print_table(f"{gold} ({scores.n_docs} documents, {fmt})", rows, 120)
    if json_out:
        json_out.write_text(json.dumps({"gold": str(gold), "format": fmt, "rows": rows,
                                        "missed": scores.missed, "unmatched": scores.unmatched}, indent=2))


@evaluate_app.command("mechanisms")
def evaluate_mechanisms_cli(
    gold: Annotated[Path, typer.Option("--gold", help="A mechanism key (.tsv: file, mechanism, strength).")],
    json_out: JsonOut = None,
    pred: Pred = None,
    model: Model = None,
) -> None:
    """Mechanisms per document against a key: recall of the clear ones, precision, NONE documents.

    The key's documents run end to end (or --pred reads a `mechmine run` folder); rules:
    pipeline.evaluate.keys.
    """
    _evaluate_key("mechanisms", gold, pred, model, json_out)


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
