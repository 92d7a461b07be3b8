"""Loading and validating packaged rule/vocabulary files (YAML with a ``meta`` header).

Every file is checked against a pydantic model with unknown keys forbidden; a
problem is raised as :class:`~pipeline.errors.ResourceError` naming the file
and the offending entry. Patterns are compiled at load time so that a bad
regular expression fails at once, not on the first matching document.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pipeline.errors import ResourceError

log = logging.getLogger(__name__)

Model = TypeVar("Model", bound=BaseModel)


class Strict(BaseModel):
    """Base for resource models: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Meta(Strict):
    """Provenance header every resource file carries."""

    name: str
    version: str
    source: str = Field(min_length=1)
    licence: str = Field(min_length=1)


# libyaml's safe loader when PyYAML was built with it (the same documents, several times faster)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def resource_path(name: str) -> Path:
    """Path of a file shipped in ``pipeline/resources``."""
    return Path(str(resources.files("pipeline").joinpath("resources", name)))


def load_yaml(path: Path, model: type[Model]) -> Model:
    """Read ``path`` and validate it as ``model``; raise ResourceError on any problem."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except OSError as err:
        raise ResourceError(f"{path}: cannot read ({err.strerror or err})") from err
    except yaml.YAMLError as err:
        raise ResourceError(f"{path}: not valid YAML ({err})") from err
    if not isinstance(raw, dict):
        raise ResourceError(f"{path}: expected a mapping at the top level")
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ResourceError(f"{path}: {where}: {first['msg']}") from err


def compile_pattern(pattern: str, where: str) -> re.Pattern[str]:
    """Compile a case-insensitive pattern; a bad one raises ResourceError naming ``where``."""
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        raise ResourceError(f"{where}: bad pattern {pattern!r}: {err}") from err


def save_data(files: Mapping[str, Path], folder: Path) -> None:
    """A component's ``to_disk``: a copy of each of its data files as ``folder / name``
    (a source file that does not exist, e.g. an absent optional stoplist, is left out)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in files.items():
        if source.is_file():
            shutil.copyfile(source, folder / name)


def saved_data(folder: Path, packaged: Mapping[str, Path]) -> dict[str, Path]:
    """A component's ``from_disk``: the files :func:`save_data` wrote in ``folder``, by name.

    A pipeline saved before the component kept its data (no ``folder``; the shipped NER
    models) gets the ``packaged`` files instead.
    """
    if not folder.is_dir():
        log.info("%s: no saved data; using the packaged files", folder)
        return dict(packaged)
    return {name: folder / name for name in packaged}
