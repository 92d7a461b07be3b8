"""``mechmine train ner|ship|parser|ship-parser``: models trained on the gold corpora."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import _setup_logging, err_console, train_app
from pipeline.errors import MechmineError

Settings = Annotated[list[str] | None, typer.Option(
    "--set", help="Config override SECTION.KEY=VALUE (JSON value), e.g. training.dropout=0.3.")]


def _overrides(settings: list[str] | None) -> dict[str, object]:
    """``--set`` items as spaCy config overrides (values read as JSON where they parse)."""
    import json

    parsed: dict[str, object] = {}
    for item in settings or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--set")
        try:
            parsed[key] = json.loads(value)
        except ValueError:
            parsed[key] = value
    return parsed


@train_app.command("ner")
def train_ner_cli(
    train: Annotated[Path, typer.Option("--train", help="Training split (IOB .tsv or PubTator).")],
    dev: Annotated[Path, typer.Option("--dev", help="Development split, same format.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder (model-best/ inside).")],
    fmt: Annotated[str, typer.Option("--format", help="iob or pubtator.")] = "iob",
    max_steps: Annotated[int | None, typer.Option("--max-steps", min=1, help="Override the config.")] = None,
    eval_frequency: Annotated[int | None, typer.Option("--eval-frequency", min=1)] = None,
    settings: Settings = None,
    keep: Annotated[str | None, typer.Option(
        "--labels", help="Comma-separated gold labels to learn (the others become O).")] = None,
    also_train: Annotated[list[Path] | None, typer.Option(
        "--also-train", help="A further training split (repeatable), e.g. the dev split for a final "
                             "model once the settings are fixed.")] = None,
) -> None:
    """Train a spaCy NER pipeline (resources/train/ner.cfg, CPU, seed 0)."""
    from pipeline.train import train_ner

    _setup_logging(False)
    for path in (train, dev, *(also_train or ())):
        if not path.is_file():
            raise MechmineError(f"no such gold file: {path}")
    info = train_ner(train, dev, fmt, out, max_steps=max_steps, eval_frequency=eval_frequency,
                     settings=_overrides(settings),
                     keep_labels=frozenset(filter(None, (keep or "").split(","))),
                     also_train=tuple(also_train or ()))
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
    settings: Settings = None,
) -> None:
    """Train the biomedical parser (tagger, morphologizer, lemmatizer, dependency parser;
    resources/train/parser.cfg, CPU, seed 0) on a CoNLL-U treebank."""
    from pipeline.train import train_parser

    _setup_logging(False)
    for path in (train, dev):
        if not path.is_file():
            raise MechmineError(f"no treebank at {path}")
    info = train_parser(train, dev, out, max_steps=max_steps, eval_frequency=eval_frequency,
                        settings=_overrides(settings))
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
