"""Plain functions behind the CLI commands: read inputs, build tables, write them.

Outputs are written only when at least one input was read, and then all
together and atomically (:func:`pipeline.io.write_tables`), so a failed run
leaves the tables of the previous run untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline import schema
from pipeline.batch import BatchStats, run_batch, run_lock
from pipeline.entities import article_annotations, entity_summary
from pipeline.ingest import DEFAULT_MAX_MB, IngestResult, blank_spans, ingest
from pipeline.ingest.sources import InputFile
from pipeline.io import write_tables
from pipeline.mechanisms import derive_tables


@dataclass
class RunReport:
    """What a run did: counts, written files, and whether any input failed."""

    n_files: int
    n_files_read: int
    n_articles: int
    n_skipped: int
    written: list[Path]
    tables: dict[str, pd.DataFrame]

    n_entities: int = 0
    n_relations: int = 0

    @property
    def exit_code(self) -> int:
        """0 when every input was read, 1 when any input (or record) was skipped."""
        return 1 if self.n_skipped or self.n_files_read == 0 else 0


def run_ingest(
    paths: list[str],
    out_dir: Path | None,
    *,
    max_mb: float = DEFAULT_MAX_MB,
    on_file: Callable[[InputFile], None] | None = None,
) -> RunReport:
    """Ingest ``paths`` and write articles/removed_blocks/skipped tables to ``out_dir``."""
    result: IngestResult = ingest(paths, max_mb=max_mb, on_file=on_file)
    return _finish(result, result.tables(), out_dir)


def _finish(result: IngestResult, tables: dict[str, pd.DataFrame], out_dir: Path | None,
            formats: tuple[str, ...] = ("csv",)) -> RunReport:
    """Write ``tables`` (only when some input was read) and report."""
    written: list[Path] = []
    if out_dir is not None and result.n_files_read > 0:
        written = write_tables(out_dir, tables, formats)
    return RunReport(
        n_files=result.n_files,
        n_files_read=result.n_files_read,
        n_articles=len(result.articles),
        n_skipped=len(result.skipped),
        written=written,
        tables=tables,
        n_entities=len(tables["entities"]) if "entities" in tables else 0,
        n_relations=len(tables["relations"]) if "relations" in tables else 0,
    )


def annotate(result: IngestResult, model: str | None = None,
             on_article: Callable[[int], None] | None = None,
             linker: str | None = None) -> dict[str, pd.DataFrame]:
    """Every table for ingested articles: entities, relations, mechanisms and matrices."""
    from pipeline.nlp import make_nlp

    tables = result.tables()
    rows = []
    relation_rows = []
    if result.articles:
        nlp = make_nlp(model=model, relations=True, linker=linker)
        items = ((a.article_id, blank_spans(a.text, result.nlp_masks.get(a.article_id, [])),
                  a.kind) for a in result.articles)
        for k, ann in enumerate(article_annotations(nlp, items), start=1):
            rows.extend(ann.entities)
            relation_rows.extend(ann.relations)
            if on_article is not None:
                on_article(k)
    entities = schema.to_frame("entities", rows)
    relations = schema.to_frame("relations", relation_rows)
    tables["entities"] = entities
    tables["entity_summary"] = entity_summary(entities)
    tables["relations"] = relations
    tables.update(derive_tables(tables["articles"], entities, relations))
    return tables


def run_pipeline(
    paths: list[str],
    out_dir: Path | None,
    *,
    max_mb: float = DEFAULT_MAX_MB,
    model: str | None = None,
    linker: str | None = None,
    workers: int = 1,
    force: bool = False,
    formats: tuple[str, ...] = ("csv",),
    engine: str = "local",
    scheduler: str | None = None,
    on_file: Callable[[InputFile], None] | None = None,
    on_article: Callable[[int], None] | None = None,
    stats: BatchStats | None = None,
) -> RunReport:
    """Ingest ``paths``, find entities and relations, and write every table to ``out_dir``.

    With an output folder the run is incremental and resumable (see
    :mod:`pipeline.batch`); without one, everything is computed in memory.
    """
    if out_dir is None:
        result: IngestResult = ingest(paths, max_mb=max_mb, on_file=on_file)
        return _finish(result, annotate(result, model=model, on_article=on_article, linker=linker), None)
    out_dir.mkdir(parents=True, exist_ok=True)
    with run_lock(out_dir):
        done = run_batch(paths, out_dir, max_mb=max_mb, model=model, linker=linker, workers=workers,
                         force=force, engine=engine, scheduler=scheduler, formats=formats, on_file=on_file,
                         stats=stats)
    return RunReport(n_files=done.n_files, n_files_read=done.n_files_read, n_articles=done.n_articles,
                     n_skipped=done.n_skipped, written=done.written, tables={},
                     n_entities=done.n_entities, n_relations=done.n_relations)
