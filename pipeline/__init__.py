"""mechmine: text mining of cell-therapy literature into tidy tables.

The notebook API::

    import pipeline
    tables = pipeline.extract(["corpus/"])            # files, folders, globs
    tables = pipeline.extract(texts=["MSCs secrete BDNF."])   # or texts in memory
    tables.relations[["subject_text", "predicate", "object_text"]]
    tables.mechanism_matrix

    tables = pipeline.load_outputs("outputs")         # what `mechmine run` wrote

Every table is a pandas DataFrame with the schema's dtypes (``pipeline.schema``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

# ``import pipeline`` stays light (the console script imports it before its Ctrl-C handler):
# pandas is imported by the functions that make tables, and typing not at all.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Tables", "extract", "load_outputs"]
__version__ = "0.2.0"


class Tables(Mapping[str, "pd.DataFrame"]):
    """The output tables by name, also readable as attributes (``tables.relations``)."""

    def __init__(self, frames: Mapping[str, pd.DataFrame]) -> None:
        self._frames = dict(frames)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self._frames[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._frames)

    def __len__(self) -> int:
        return len(self._frames)

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self._frames[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self._frames.items())
        return f"Tables({sizes})"


def extract(paths: Iterable[str | Path] | str | Path | None = None, *,
            texts: Iterable[str | tuple[str, str]] | None = None, model: str | None = None) -> Tables:
    """Run the whole pipeline on files (``paths``) or on ``texts`` and return the tables.

    ``texts`` items are strings or (id, text) pairs, one article each. Inputs
    that cannot be read are listed in ``tables.skipped``; nothing is written. The same
    batch run as ``mechmine run`` (:func:`pipeline.run.run_pipeline`), into memory.
    """
    from pipeline.run import run_pipeline, run_texts

    if (paths is None) == (texts is None):
        raise ValueError("give either paths or texts")
    if isinstance(paths, str | Path):
        paths = [paths]
    if paths is not None:
        report = run_pipeline([str(p) for p in paths], None, model=model)
    else:
        report = run_texts(texts or [], model=model)
    return Tables(report.tables)


def load_outputs(out_dir: str | Path) -> Tables:
    """The tables ``mechmine run`` wrote into ``out_dir``."""
    from pipeline.io import load_outputs as _load

    return Tables(_load(out_dir))
