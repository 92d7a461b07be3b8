"""One bibliographic record (a table row, a JSON Lines object, an RIS reference) as an article.

Which field holds what is data: ``resources/record_fields.yaml`` lists, per role (text,
abstract, title, id, pmid, pmcid, doi, year, authors, journal, type), the field names the
common exports use (Scopus, Web of Science, Zotero, Europe PMC CSV; RIS via rispy). Names are
compared folded (:func:`fold`: lower case, every run of other characters than letters and digits
one space). The article is the ``text`` field, or else the title, a line break and the
``abstract`` (a title alone when there is no abstract, as the MEDLINE and PubMed readers read a
record without one: letters and editorials often have none); a record with none of the three is
an :class:`~pipeline.errors.InputError` for the reader to log as a skip with its line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import field_validator

from pipeline.errors import InputError, ResourceError
from pipeline.ingest.kinds import reader_kind
from pipeline.ingest.model import Citation, SourceDocument
from pipeline.ruledata import Meta, Strict, load_yaml, resource_path
from pipeline.schema import SkippedRecord

ROLES = ("text", "abstract", "title", "id", "pmid", "pmcid", "doi", "year", "authors", "journal", "type")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2\d\d\d)(?!\d)")
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_PMCID = re.compile(r"^PMC\d+$", re.IGNORECASE)


def fold(name: str) -> str:
    """A field name as compared: lower case, runs of non-alphanumerics one space, trimmed."""
    return _NOT_WORD.sub(" ", name.lower()).strip()


def folds(name: str) -> tuple[str, ...]:
    """The folded forms a field name is looked up by: :func:`fold`, then, for a camelCase name
    ("abstractText", "pubYear" in Europe PMC's API dumps), its words apart ("abstract text")."""
    plain = fold(name)
    camel = fold(_CAMEL.sub(" ", name))
    return (plain,) if camel == plain else (plain, camel)


class Roles(Strict):
    text: list[str]
    abstract: list[str]
    title: list[str]
    id: list[str]
    pmid: list[str]
    pmcid: list[str]
    doi: list[str]
    year: list[str]
    authors: list[str]
    journal: list[str]
    type: list[str]

    @field_validator("*")
    @classmethod
    def _folded(cls, names: list[str]) -> list[str]:
        bad = [n for n in names if fold(n) != n or not n]
        if bad:
            raise ValueError(f"field names must be written folded (lower case, single spaces): {bad}")
        return names


class RecordFieldsFile(Strict):
    meta: Meta
    roles: Roles


@dataclass(frozen=True)
class RecordFields:
    """Per role, the folded field names that can hold it, in order of preference."""

    roles: dict[str, tuple[str, ...]]

    def role_of(self, name: str) -> str | None:
        """The role a field name holds (its first role in :data:`ROLES` order), or None."""
        return next((r for folded in folds(name) for r in ROLES if folded in self.roles[r]), None)


def load_record_fields(path: Path | None = None) -> RecordFields:
    """Load and validate ``record_fields.yaml`` (unknown keys rejected, a name in two roles too)."""
    path = path or resource_path("record_fields.yaml")
    spec = load_yaml(path, RecordFieldsFile).roles
    roles = {r: tuple(getattr(spec, r)) for r in ROLES}
    seen: dict[str, str] = {}
    for role, names in roles.items():
        for name in names:
            if name in seen:
                raise ResourceError(f"{path}: field {name!r} is listed for both {seen[name]} and {role}")
            seen[name] = role
    return RecordFields(roles)


@lru_cache(maxsize=1)
def default_record_fields() -> RecordFields:
    return load_record_fields()


def as_text(value: object) -> str:
    """A field value as one trimmed string (a list joined with "; "; an object by its ``text``
    member, as in S2ORC's ``body_text`` paragraphs). An object without one is an InputError:
    its Python form is no text."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(s for s in (as_text(v) for v in value) if s)
    if isinstance(value, Mapping):
        if "text" in value:
            return as_text(value["text"])
        shown = ", ".join(repr(k) for k in list(value)[:5])
        raise InputError(f"has a field holding an object without a 'text' member (keys: {shown or 'none'})")
    return str(value).strip()


def _filled(value: object) -> bool:
    """Whether a field has a value (checked without reading it as text)."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, Mapping)):
        return bool(value)
    return value is not None


def by_role(record: Mapping[str, object], fields: RecordFields) -> dict[str, object]:
    """The record's values per role: for each role, the first of its fields with a value."""
    folded: dict[str, object] = {}
    for name, value in record.items():
        if isinstance(name, str) and _filled(value):
            for folded_name in folds(name):
                folded.setdefault(folded_name, value)
    out: dict[str, object] = {}
    for role in ROLES:
        for name in fields.roles[role]:
            if name in folded:
                out[role] = folded[name]
                break
    return out


def year_of(value: object) -> int | None:
    """A number as given (an out-of-range year is reported by the ingest check), else the first
    plausible year in the value ("2021 Mar 4", "2020///", "2019.0")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = as_text(value)
    if text.isdigit():  # a year, or a compact date (20200304, 202003): its first four digits
        return int(text[:4]) if len(text) in (6, 8) and _YEAR.match(text[:4]) else int(text)
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def authors_of(value: object) -> list[str]:
    """Authors from a list or a "; "-separated string."""
    if isinstance(value, (list, tuple)):
        return [a for a in (as_text(v) for v in value) if a]
    return [a.strip() for a in as_text(value).split(";") if a.strip()]


def doi_of(value: object) -> str:
    """The DOI in a value (a bare DOI, "doi:10...", "https://doi.org/10...")."""
    m = _DOI.search(as_text(value))
    return m.group(0).rstrip(".,;") if m else ""


def kind_of(value: object, from_abstract: bool, pmid: bool) -> str:
    """The article kind a stated type gives ("Journal Article; Review" is a review); a title +
    abstract record is otherwise an ``abstract``, a text the stated kind, else ``abstract`` with
    a PMID (a PubMed record) and ``document`` without."""
    kinds = [reader_kind(part) for part in re.split(r"[;|,]", as_text(value))]
    if "review" in kinds:
        return "review"
    if from_abstract:
        return "abstract"
    return next((k for k in kinds if k), None) or ("abstract" if pmid else "document")


def record_document(record: Mapping[str, object], source_path: str, line: int, fmt: str,
                    fields: RecordFields | None = None) -> SourceDocument:
    """One record as a single-article :class:`SourceDocument` (see the module text)."""
    values = by_role(record, fields or default_record_fields())
    title = " ".join(as_text(values.get("title")).split())
    text = as_text(values.get("text"))
    abstract = "" if text else as_text(values.get("abstract"))
    if not text:
        text = "\n".join(p for p in (title, abstract) if p)
    if not text:
        raise InputError("has no text, abstract or title")
    pmid = as_text(values.get("pmid"))
    pmid = pmid.split(".")[0].lstrip("0") if re.fullmatch(r"\d+(\.0)?", pmid) else ""
    pmcid = as_text(values.get("pmcid"))
    citation = Citation(authors=authors_of(values.get("authors")), title=title,
                        journal=as_text(values.get("journal")), year=year_of(values.get("year")),
                        doi=doi_of(values.get("doi")), pmid=pmid,
                        pmcid=pmcid.upper() if _PMCID.match(pmcid) else "")
    return SourceDocument(source_path=source_path, text=text, format=fmt,
                          source_id=as_text(values.get("id")) or pmid, single_article=True,
                          kind=kind_of(values.get("type"), "text" not in values, bool(pmid)),
                          title=title, citation=citation, line=line)


def record_or_skip(record: Mapping[str, object], source_path: str, line: int, fmt: str, note: str,
                   what: str, fields: RecordFields | None = None) -> SourceDocument | SkippedRecord:
    """:func:`record_document` with the reader's decoding ``note``, or a skip at ``line`` whose
    reason begins with ``what`` ("row", "RIS reference": "row has no text, abstract or title")."""
    try:
        doc = record_document(record, source_path, line, fmt, fields)
    except InputError as err:
        return SkippedRecord(source_path, line, f"{what} {err}")
    doc.decoding_note = note
    return doc
