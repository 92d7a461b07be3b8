"""PubMed XML (efetch ``PubmedArticleSet``), streamed with lxml's ``iterparse``.

Each ``PubmedArticle`` becomes one abstract: title, newline, the abstract
sections (``LABEL: text``), with PMID, DOI, PMCID, authors, journal and year
from the record. Entities are not resolved and the network is never used.
A syntax error stops the file there: records before it are kept and the
error is reported with its line.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from lxml import etree

from pipeline.errors import InputError
from pipeline.ingest.model import Citation, SourceDocument
from pipeline.schema import SkippedRecord


def _text(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _year(article: etree._Element) -> int | None:
    paths = (".//JournalIssue/PubDate/Year", ".//ArticleDate/Year", ".//JournalIssue/PubDate/MedlineDate")
    for path in paths:
        value = _text(article.find(path))[:4]
        if value.isdigit():
            return int(value)
    return None


def _authors(article: etree._Element) -> list[str]:
    out = []
    for author in article.iterfind(".//AuthorList/Author"):
        last, initials = _text(author.find("LastName")), _text(author.find("Initials"))
        name = f"{last} {initials}".strip() or _text(author.find("CollectiveName"))
        if name:
            out.append(name)
    return out


def _document(el: etree._Element, source_path: str) -> SourceDocument | SkippedRecord:
    pmid = _text(el.find("MedlineCitation/PMID"))
    article = el.find("MedlineCitation/Article")
    line = el.sourceline
    if article is None:
        return SkippedRecord(source_path, line, f"PubmedArticle {pmid or '?'} has no Article element")
    title = _text(article.find("ArticleTitle"))
    sections = []
    for part in article.iterfind("Abstract/AbstractText"):
        label, body = part.get("Label"), _text(part)
        if body:
            sections.append(f"{label}: {body}" if label else body)
    text = "\n".join([title, *sections]).strip()
    if not text:
        return SkippedRecord(source_path, line, f"PubmedArticle {pmid or '?'} has no title or abstract")
    ids = {i.get("IdType"): _text(i) for i in el.iterfind("PubmedData/ArticleIdList/ArticleId")}
    journal = _text(article.find("Journal/ISOAbbreviation")) or _text(article.find("Journal/Title"))
    citation = Citation(
        authors=_authors(article), title=title, journal=journal, year=_year(article),
        doi=ids.get("doi", ""), pmid=pmid, pmcid=ids.get("pmc", ""),
    )
    return SourceDocument(
        source_path=source_path, text=text, format="pubmed_xml", source_id=pmid,
        single_article=True, kind="abstract", title=title, citation=citation, line=line,
    )


def read_pubmed_xml(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """Yield one abstract per ``PubmedArticle``."""
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    found = 0
    parser = etree.iterparse(
        io.BytesIO(data), events=("end",), tag="PubmedArticle",
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
    )
    try:
        for _, el in parser:
            item = _document(el, source_path)
            if isinstance(item, SourceDocument):
                found += 1
            yield item
            el.clear(keep_tail=True)
    except etree.XMLSyntaxError as err:
        raise InputError(f"malformed XML at line {err.lineno}: {err.msg}") from err
    if not found:
        raise InputError("no PubmedArticle with text (expected an efetch PubmedArticleSet)")
