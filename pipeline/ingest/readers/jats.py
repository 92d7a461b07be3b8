"""JATS / NLM XML (PMC OA, publisher XML): one article per ``<article>`` element.

The text is the article title, the abstract (its section titles and
paragraphs) and the body sections (titles and paragraphs), one per line;
references (``ref-list``, ``<back>``), tables, figures, formulas and footnotes
are left out. Title, PMID, PMCID, DOI, journal, year and authors come from
``<front>``; ``article-type`` gives the kind (:mod:`pipeline.ingest.kinds`),
else an article with a body is ``full_text`` and one without is ``abstract``.
Parsed safely (:mod:`pipeline.ingest.readers.xmlsafe`); a truncated file is
read as far as it parses and the damage is reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from pipeline.ingest.kinds import reader_kind
from pipeline.ingest.model import Citation, SourceDocument
from pipeline.ingest.readers.xmlsafe import local, parse_xml, text_of, with_note
from pipeline.schema import SkippedRecord

_SKIP = {"ref-list", "table-wrap", "table", "fig", "disp-formula", "supplementary-material",
         "fn-group", "ack", "back", "notes", "glossary", "app-group", "label", "object-id",
         "alternatives", "graphic", "media"}
_PARA = {"p", "title", "list-item", "def", "term", "disp-quote", "statement"}


def _find(el: etree._Element, *path: str) -> etree._Element | None:
    """The first descendant following ``path`` by local names (namespaces ignored)."""
    current = [el]
    for name in path:
        current = [c for parent in current for c in parent.iter() if local(c.tag) == name]
        if not current:
            return None
    return current[0]


def _lines(el: etree._Element | None, out: list[str]) -> list[str]:
    """Paragraph-like lines under ``el`` in document order, skipped parts left out."""
    if el is None:
        return out
    for child in el:
        tag = local(child.tag)
        if not tag or tag in _SKIP:
            continue
        if tag in _PARA and not any(local(c.tag) in {"p", "list", "sec"} for c in child):
            line = text_of(child)
            if line:
                out.append(line)
        else:
            _lines(child, out)
    return out


def _year(meta: etree._Element) -> int | None:
    for date in meta.iter():
        if local(date.tag) == "pub-date":
            year = _find(date, "year")
            value = text_of(year)[:4]
            if value.isdigit():
                return int(value)
    return None


def _authors(meta: etree._Element) -> list[str]:
    out = []
    for contrib in meta.iter():
        if local(contrib.tag) != "contrib" or contrib.get("contrib-type", "author") != "author":
            continue
        surname, given = text_of(_find(contrib, "surname")), text_of(_find(contrib, "given-names"))
        initials = "".join(part[0] for part in given.replace("-", " ").split() if part)
        name = f"{surname} {initials}".strip() or text_of(_find(contrib, "collab"))
        if name:
            out.append(name)
    return out


def jats_document(article: etree._Element, source_path: str) -> SourceDocument | SkippedRecord:
    """One ``<article>`` element as a single-article document."""
    meta = _find(article, "front", "article-meta")
    line = article.sourceline
    if meta is None:
        return SkippedRecord(source_path, line, "JATS article has no <front>/<article-meta>")
    title = text_of(_find(meta, "title-group", "article-title"))
    abstract = next((a for a in meta.iter() if local(a.tag) == "abstract"
                     and a.get("abstract-type") not in {"graphical", "teaser", "toc"}), None)
    body = next((b for b in article if local(b.tag) == "body"), None)
    lines = [title] if title else []
    _lines(abstract, lines)
    _lines(body, lines)
    text = "\n".join(lines)
    if not text.strip():
        return SkippedRecord(source_path, line, "JATS article has no title, abstract or body text")
    ids = {i.get("pub-id-type"): text_of(i) for i in meta if local(i.tag) == "article-id"}
    journal = text_of(_find(article, "front", "journal-meta", "journal-title"))
    pmcid = ids.get("pmcid") or ids.get("pmc", "")
    if pmcid and not pmcid.upper().startswith("PMC"):
        pmcid = f"PMC{pmcid}"
    citation = Citation(authors=_authors(meta), title=title, journal=journal, year=_year(meta),
                        doi=ids.get("doi", ""), pmid=ids.get("pmid", ""), pmcid=pmcid)
    has_body = body is not None and len(lines) > (1 if title else 0) + len(_lines(abstract, []))
    kind = reader_kind(article.get("article-type", "")) or ("full_text" if has_body else "abstract")
    return SourceDocument(
        source_path=source_path, text=text, format="jats_xml",
        source_id=citation.pmid or citation.pmcid or citation.doi, single_article=True,
        kind=kind, title=title, citation=citation, line=line,
    )


def read_jats(data: bytes, source_path: str) -> Iterator[SourceDocument | SkippedRecord]:
    """Yield one document per ``<article>`` (a file may hold a ``pmc-articleset``)."""
    root, note = parse_xml(data)
    articles = [root] if local(root.tag) == "article" else [
        el for el in root.iter() if local(el.tag) == "article"]
    yield from with_note((jats_document(a, source_path) for a in articles), note, "JATS article")
