"""Custom attributes mechmine sets, registered in one place.

- ``doc._.mentions``: dict (start_char, end_char) -> :class:`MentionInfo` for
  every entity in ``doc.ents``;
- ``span._.classes`` / ``span._.canonical_name`` / ``span._.source``: read
  from ``doc._.mentions`` for that span (scispaCy owns ``span._.long_form``);
- ``doc._.relations``: list of relations (set by the relations component);
- ``doc._.article_kind``: the kind of article the doc holds ("abstract", "review_summary", ...;
  set by the caller before the pipeline runs; the relations component reads it).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class MentionInfo:
    """What mechmine knows about one entity mention beyond its label and kb_id."""

    classes: tuple[str, ...]
    canonical_name: str
    source: str
    long_form: str = ""


def _info(span: Span) -> MentionInfo | None:
    return span.doc._.mentions.get((span.start_char, span.end_char))


def register() -> None:
    """Register the extensions (idempotent)."""
    if not Doc.has_extension("mentions"):
        Doc.set_extension("mentions", default=None)
    if not Doc.has_extension("relations"):
        Doc.set_extension("relations", default=None)
    if not Doc.has_extension("article_kind"):
        Doc.set_extension("article_kind", default="")
    if not Doc.has_extension("parses"):
        Doc.set_extension("parses", default=None)
    if not Doc.has_extension("parse_candidates"):  # starts of the sentences the filter chose
        Doc.set_extension("parse_candidates", default=None)
    if not Token.has_extension("mm_trigger"):
        Token.set_extension("mm_trigger", default=False)
    for name, default in (("classes", ()), ("canonical_name", ""), ("source", "")):
        if not Span.has_extension(name):
            Span.set_extension(
                name, getter=lambda span, _n=name, _d=default: getattr(_info(span), _n, _d)
                if span.doc._.mentions is not None else _d
            )


def mentions(doc: Doc) -> dict[tuple[int, int], MentionInfo]:
    """``doc._.mentions``, created on first use."""
    if doc._.mentions is None:
        doc._.mentions = {}
    return doc._.mentions


register()
