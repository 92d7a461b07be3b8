"""BioC XML and BioC JSON (PubTator 3 and PMC BioC exports): one article per ``document``.

A document's passages are placed at their ``offset``s (gaps filled with a
newline and spaces), so character offsets of the text are BioC's offsets;
when offsets are missing, overlap or go backwards the passages are joined by
newlines instead. Reference passages (``type``/``section_type`` ``ref``) and
table/figure passages are left out (their span stays blank). The title is the
``title``/``front`` passage; PMID/PMCID/DOI come from the document id and
infons; the kind from a ``type``/``article-type`` infon, else ``full_text``
when there are body paragraphs, else ``abstract``. Annotations are not read.
XML is parsed safely (:mod:`pipeline.ingest.readers.xmlsafe`).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from pipeline.errors import InputError
from pipeline.ingest.kinds import reader_kind
from pipeline.ingest.model import Citation, SourceDocument
from pipeline.ingest.readers.xmlsafe import local, parse_xml, with_note
from pipeline.schema import SkippedRecord

_DROP_TYPES = {"ref", "references", "table", "table_caption", "table_footnote", "fig", "fig_caption",
               "footnote", "acknowledgement", "ack", "comp_int", "auth_cont", "suppl"}
_TITLE_TYPES = {"title", "front"}
_ABSTRACT_TYPES = {"abstract", "abstract_title_1"}


@dataclass
class Passage:
    offset: int | None
    text: str
    infons: dict[str, str]

    @property
    def types(self) -> set[str]:
        return {self.infons.get("type", "").lower(), self.infons.get("section_type", "").lower()}


def assemble(passages: list[Passage]) -> str:
    """Passage texts at their offsets (or newline-joined when offsets do not fit)."""
    kept = [p for p in passages if p.text.strip()]
    offsets = [p.offset for p in kept]
    aligned = all(o is not None for o in offsets) and all(
        a.offset + len(a.text) <= b.offset for a, b in itertools.pairwise(kept)  # type: ignore[operator]
    )
    if aligned and kept:
        span = kept[-1].offset + len(kept[-1].text)  # type: ignore[operator]
        aligned = span <= 2 * sum(len(p.text) for p in kept) + 10_000  # no huge padding
    if not aligned:
        return "\n".join(p.text for p in kept if not p.types & _DROP_TYPES)
    out: list[str] = []
    pos = kept[0].offset if kept else 0
    base = pos
    for p in kept:
        gap = p.offset - pos  # type: ignore[operator]
        if gap > 0:
            out.append("\n" + " " * (gap - 1))
        text = " " * len(p.text) if p.types & _DROP_TYPES else p.text
        out.append(text)
        pos = p.offset + len(p.text)  # type: ignore[operator]
    return " " * base + "".join(out) if base else "".join(out)


def bioc_document(doc_id: str, infons: dict[str, str], passages: list[Passage], source_path: str,
                  fmt: str, line: int | None = None) -> SourceDocument | SkippedRecord:
    text = assemble(passages)
    if not text.strip():
        return SkippedRecord(source_path, line, f"BioC document {doc_id or '?'} has no passage text")
    title = next((p.text.strip() for p in passages if p.types & _TITLE_TYPES and p.text.strip()), "")
    merged = {k.lower(): v for p in passages for k, v in p.infons.items()} | {
        k.lower(): v for k, v in infons.items()}
    pmid = merged.get("article-id_pmid", "") or (doc_id if doc_id.isdigit() else "")
    pmcid = merged.get("article-id_pmc", "") or (doc_id if doc_id.upper().startswith("PMC") else "")
    if pmcid and not pmcid.upper().startswith("PMC"):
        pmcid = f"PMC{pmcid}"
    body = [p for p in passages if p.text.strip() and not p.types & (_DROP_TYPES | _TITLE_TYPES
                                                                     | _ABSTRACT_TYPES)]
    kind = (reader_kind(infons.get("type", "")) or reader_kind(merged.get("article-type", ""))
            or ("full_text" if body else "abstract"))
    year = merged.get("year", "")[:4]
    citation = Citation(title=title, doi=merged.get("article-id_doi", ""), pmid=pmid, pmcid=pmcid,
                        journal=merged.get("journal", "").split(";")[0].strip(),
                        year=int(year) if year.isdigit() and len(year) < 4000 else None)
    return SourceDocument(source_path=source_path, text=text, format=fmt, source_id=doc_id,
                          single_article=True, kind=kind, title=title, citation=citation, line=line)


def _infons_xml(el) -> dict[str, str]:
    return {i.get("key", ""): (i.text or "").strip() for i in el if local(i.tag) == "infon"}


def read_bioc_xml(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """Yield one document per BioC ``<document>``."""
    root, note = parse_xml(data)
    yield from with_note(_xml_documents(root, source_path), note, "BioC document")


def _xml_documents(root: etree._Element, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    for el in root.iter():
        if local(el.tag) != "document":
            continue
        passages = []
        for p in el:
            if local(p.tag) != "passage":
                continue
            offset = (p.findtext("offset") or "").strip()
            passages.append(Passage(int(offset) if offset.isdigit() else None,
                                    p.findtext("text") or "", _infons_xml(p)))
        yield bioc_document((el.findtext("id") or "").strip(), _infons_xml(el), passages,
                            source_path, "bioc_xml", el.sourceline)


def _str_infons(obj: object) -> dict[str, str]:
    if not isinstance(obj, dict):
        return {}
    return {str(k): str(v) for k, v in obj.items() if isinstance(v, (str, int, float))}


def read_bioc_json(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """Yield one document per BioC JSON document (a collection, a list of them, or one document)."""
    from pipeline.ingest.decode import decode_bytes

    try:
        obj = json.loads(decode_bytes(data).text)
    except (json.JSONDecodeError, ValueError, RecursionError) as err:
        raise InputError(f"malformed BioC JSON: {str(err)[:120]}") from err
    yield from with_note(_json_documents(obj if isinstance(obj, list) else [obj], source_path), "",
                         "BioC document")


def _json_documents(collections: list[object], source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    for n, coll in enumerate(collections, start=1):
        if not isinstance(coll, dict):
            yield SkippedRecord(source_path, n, "BioC JSON item is not an object")
            continue
        docs = coll.get("documents") if "documents" in coll else [coll]
        for doc_obj in docs if isinstance(docs, list) else []:
            if not isinstance(doc_obj, dict) or not isinstance(doc_obj.get("passages"), list):
                yield SkippedRecord(source_path, n, "BioC JSON document has no passages list")
                continue
            passages = []
            for p in doc_obj["passages"]:
                if not isinstance(p, dict):
                    continue
                offset = p.get("offset")
                text = p.get("text")
                passages.append(Passage(offset if isinstance(offset, int) and offset >= 0 else None,
                                        text if isinstance(text, str) else "",
                                        _str_infons(p.get("infons"))))
            yield bioc_document(str(doc_obj.get("id", "")), _str_infons(doc_obj.get("infons")),
                                passages, source_path, "bioc_json", n)
