"""YAML (``---``) and TOML (``+++``) front matter at the top of a text or Markdown file.

:func:`front_matter` finds the block and its fields (parsed with
``yaml.safe_load`` / ``tomllib``; a block that does not parse is still front
matter, with no fields). The splitter removes it as boilerplate; its
``title`` is the article's title.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = None

_FENCE = re.compile(r"\A\ufeff?[ \t]*(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)^[ \t]*(?P=fence)[ \t]*$",
                    re.DOTALL | re.MULTILINE)
MAX_CHARS = 20_000


@dataclass(frozen=True)
class FrontMatter:
    end: int
    fields: dict[str, object] = field(default_factory=dict)

    @property
    def title(self) -> str:
        value = self.fields.get("title")
        return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def front_matter(text: str) -> FrontMatter | None:
    """The front matter block at the start of ``text`` (its end offset and fields), or None."""
    m = _FENCE.match(text[:MAX_CHARS])
    if not m:
        return None
    body = m["body"]
    fields: object = None
    try:
        if m["fence"] == "---":
            fields = yaml.safe_load(body)
        elif tomllib is not None:
            fields = tomllib.loads(body)
    except Exception:
        fields = None
    if m["fence"] == "---" and not isinstance(fields, dict):
        return None  # a Markdown rule line, not front matter
    return FrontMatter(m.end(), fields if isinstance(fields, dict) else {})
