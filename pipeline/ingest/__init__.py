"""Ingestion: input files -> articles, removed blocks and skipped inputs.

:func:`ingest` reads every input (see :mod:`pipeline.ingest.sources`), cuts
multi-article sources into blocks, classifies them
(:mod:`pipeline.ingest.classify`), splits them into articles
(:mod:`pipeline.ingest.split`) and parses their citations
(:mod:`pipeline.ingest.citations`). A file that cannot be read is reported in
``skipped`` and the others are still read.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pandas as pd

from pipeline import schema
from pipeline.errors import InputError
from pipeline.ingest.blocks import text_blocks
from pipeline.ingest.citations import parse_citation
from pipeline.ingest.classify import BlockRules, classify_blocks, default_block_rules
from pipeline.ingest.frontmatter import front_matter
from pipeline.ingest.kinds import guess_kind
from pipeline.ingest.markdown import markup_spans, merge
from pipeline.ingest.model import Block, BlockKind, Citation, SourceDocument
from pipeline.ingest.sources import InputFile, expand_paths, read_file
from pipeline.ingest.split import SplitSettings, default_split_settings, n_words, split_blocks
from pipeline.ingest.titles import article_title, first_sentence
from pipeline.schema import ArticleRecord, RemovedBlockRecord, SkippedRecord

log = logging.getLogger(__name__)

DEFAULT_MAX_MB = 25.0
# removed blocks that only a web page has (site navigation, consent, forms, widgets)
CHROME_RULES = {"cookie_notice", "consent_banner", "newsletter", "newsletter_message", "site_navigation",
                "markup", "social_widget", "site_logo", "site_chrome", "template_remnant"}
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class IngestResult:
    """Everything ingestion found, as records in source order."""

    articles: list[ArticleRecord] = field(default_factory=list)
    removed: list[RemovedBlockRecord] = field(default_factory=list)
    skipped: list[SkippedRecord] = field(default_factory=list)
    n_files: int = 0
    n_files_read: int = 0
    # per article: (start, end) offsets in its text that NLP should not read
    # (the citation block: author names are not entities)
    nlp_masks: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "articles": schema.to_frame("articles", self.articles),
            "removed_blocks": schema.to_frame("removed_blocks", self.removed),
            "skipped": schema.to_frame("skipped", self.skipped),
        }


def blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each (start, end) span replaced by spaces, newlines kept (offsets hold)."""
    chars = list(text)
    for start, end in spans:
        for k in range(start, end):
            if chars[k] not in "\r\n":
                chars[k] = " "
    return "".join(chars)


def blank_removed(text: str, start: int, end: int, blocks: Iterable[Block]) -> str:
    """``text[start:end]`` with removed blocks inside it replaced by spaces (newlines kept)."""
    inside = [(b.start - start, b.end - start) for b in blocks
              if b.removed and start <= b.start and b.end <= end]
    return blank_spans(text[start:end], inside)


def heading_text(text: str) -> str:
    return " ".join(text.strip().lstrip("#").split())


def article_id(key: str, source_id: str, text: str) -> str:
    """Stable id: a slug of the source name + a hash of its key and normalised text.

    The text is NFC-normalised and whitespace-folded first, so the same article
    read from a CRLF, re-encoded or reordered copy of a file keeps its id.
    """
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    digest = hashlib.sha1(f"{key}\0{source_id}\0{norm}".encode()).hexdigest()[:12]
    stem = key.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    slug = _SLUG.sub("_", stem.lower()).strip("_")[:32] or "doc"
    return f"{slug}-{digest}"


def _citation_fields(cit: Citation | None) -> dict[str, object]:
    cit = cit or Citation()
    return {
        "authors": "; ".join(cit.authors), "journal": cit.journal, "year": cit.year,
        "doi": cit.doi, "pmid": cit.pmid, "pmcid": cit.pmcid,
    }


def _record(item: InputFile, doc: SourceDocument, start: int, end: int, text: str, title: str,
            kind: str, cit: Citation | None) -> ArticleRecord:
    return ArticleRecord(
        article_id=article_id(item.key, doc.source_id, text),
        source_path=doc.source_path, source_id=doc.source_id, start_char=start, end_char=end,
        title=title, kind=kind, n_words=n_words(text), text=text,
        **_citation_fields(cit),  # type: ignore[arg-type]
    )


def document_articles(
    item: InputFile,
    doc: SourceDocument,
    rules: BlockRules | None = None,
    settings: SplitSettings | None = None,
    masks: list[list[tuple[int, int]]] | None = None,
) -> tuple[list[ArticleRecord], list[RemovedBlockRecord]]:
    """Articles and removed blocks of one decoded document.

    ``masks``, when given, receives per article the citation blocks' offsets
    in its text.
    """
    if doc.single_article:
        title = doc.title or first_sentence(doc.text)
        rec = _record(item, doc, 0, len(doc.text), doc.text, title, doc.kind or "document",
                      doc.citation)
        if masks is not None:
            masks.append([])
        return [rec], []
    blocks = doc.blocks if doc.blocks is not None else text_blocks(doc.text)
    if doc.blocks is None:
        fm = front_matter(doc.text)
        if fm is not None:
            _mark_front_matter(blocks, fm.end)
            doc.title = doc.title or fm.title
    classify_blocks(blocks, rules)
    settings = settings or SplitSettings()
    if doc.format == "pdf" and settings.mode == "auto":  # one file, one paper (`--split lines:` still splits)
        settings = dataclasses.replace(settings, mode="none")
    parts, fragments = split_blocks(blocks, settings)
    if not parts:
        parts, fragments = _short_text_article(fragments), []
    articles = []
    chrome = any(b.removed and b.rule_id in CHROME_RULES for b in blocks)
    prev_end = 0
    for part in parts:
        start, end = part[0].start, part[-1].end
        text = blank_removed(doc.text, start, end, blocks)
        furniture = "\n".join(b.text for b in blocks if b.removed and prev_end <= b.start < end)
        prev_end = end
        citations = [b for b in part if b.kind is BlockKind.CITATION]
        cit = parse_citation(citations[-1].text) if citations else None
        given = [cit.title if cit is not None else ""]
        if len(parts) == 1:
            given.append(doc.title)
        title = article_title(part, *given)
        kind = guess_kind(text, title, cited=cit is not None,
                          cta=any(b.kind is BlockKind.CTA for b in part), html=doc.format == "html",
                          chrome=chrome, removed=furniture)
        articles.append(_record(item, doc, start, end, text, title, kind, cit))
        if masks is not None:
            masked = [(b.start - start, b.end - start) for b in citations]
            if doc.format == "markdown":  # the NLP reads the prose, not its markup
                masked = merge([*masked, *markup_spans(text)])
            masks.append(masked)
    removed = [
        RemovedBlockRecord(doc.source_path, b.start, b.end, b.reason or "boilerplate", b.rule_id,
                           b.text)
        for b in blocks if b.removed
    ]
    separators = settings is not None and settings.mode == "lines"
    why, rule = (("separator line (--split lines:)", "separator") if separators
                 else ("fragment: too short to be an article", "fragment"))
    for frag in fragments:
        removed.extend(RemovedBlockRecord(doc.source_path, b.start, b.end, why, rule, b.text)
                       for b in frag)
    removed.sort(key=lambda r: (r.start_char, r.end_char))
    return articles, removed


def _mark_front_matter(blocks: list[Block], end: int) -> None:
    for block in blocks:
        if block.start < end:
            block.hint, block.rule_id, block.reason = BlockKind.BOILERPLATE, "front_matter", "front matter"


def _short_text_article(fragments: list[list[Block]]) -> list[list[Block]]:
    """A text too short for the splitter is still one article when it has words.

    All kept blocks (the splitter's fragments) become one article; with no
    words at all (only boilerplate was found) there is none.
    """
    kept = [b for frag in fragments for b in frag]
    if not kept or not any(n_words(b.text) for b in kept):
        return []
    return [kept]


def _dedupe_ids(articles: list[ArticleRecord]) -> tuple[list[ArticleRecord], list[tuple[str, str]]]:
    """Suffix repeated ids (-2, -3, ...); return the records and (old, new) renames."""
    seen: Counter[str] = Counter()
    out = []
    renamed = []
    for rec in articles:
        seen[rec.article_id] += 1
        if seen[rec.article_id] > 1:
            new = f"{rec.article_id}-{seen[rec.article_id]}"
            renamed.append((rec.article_id, new))
            rec = ArticleRecord(**{**rec.__dict__, "article_id": new})
        out.append(rec)
    return out, renamed


def ingest_file(
    item: InputFile,
    *,
    max_mb: float = DEFAULT_MAX_MB,
    rules: BlockRules | None = None,
    settings: SplitSettings | None = None,
) -> IngestResult:
    """Read one input file into articles (its own result; never raises for bad input)."""
    rules = rules or default_block_rules()
    settings = settings or default_split_settings()
    result = IngestResult(n_files=1)
    try:
        n_docs = 0
        notes: set[str] = set()
        for doc in read_file(item, int(max_mb * 1_000_000)):
            if isinstance(doc, SkippedRecord):
                result.skipped.append(doc)
                log.warning("skipped %s line %s: %s", doc.source_path, doc.line, doc.reason)
                continue
            if doc.decoding_note and doc.decoding_note not in notes:
                notes.add(doc.decoding_note)
                log.warning("%s: %s", doc.source_path, doc.decoding_note)
            masks: list[list[tuple[int, int]]] = []
            articles, removed = document_articles(item, doc, rules, settings, masks)
            for rec, mask in zip(articles, masks, strict=True):
                if mask:
                    result.nlp_masks[rec.article_id] = mask
            if not articles:
                reason = (f"judged boilerplate only: no article text ({len(removed)} block(s) "
                          "in removed_blocks.csv)")
                result.skipped.append(SkippedRecord(doc.source_path, doc.line, reason, "ingest"))
                log.warning("%s: %s", doc.source_path, reason)
            result.articles.extend(articles)
            result.removed.extend(removed)
            n_docs += 1
        result.n_files_read = 1 if n_docs else 0
    except InputError as err:
        result.skipped.append(SkippedRecord(item.display, None, str(err)))
        log.warning("skipped %s: %s", item.display, err)
    result.articles, renamed = _dedupe_ids(result.articles)
    for old, new in renamed:
        if old in result.nlp_masks:
            result.nlp_masks[new] = result.nlp_masks[old]
    return result


def merge_results(parts: Iterable[IngestResult], skipped: list[SkippedRecord] | None = None,
                  ) -> IngestResult:
    """One result from per-file results, in order (path-level skips first)."""
    out = IngestResult(skipped=list(skipped or []))
    for part in parts:
        out.articles.extend(part.articles)
        out.removed.extend(part.removed)
        out.skipped.extend(part.skipped)
        out.nlp_masks.update(part.nlp_masks)
        out.n_files += part.n_files
        out.n_files_read += part.n_files_read
    return out


def ingest(
    paths: list[str],
    *,
    max_mb: float = DEFAULT_MAX_MB,
    rules: BlockRules | None = None,
    settings: SplitSettings | None = None,
    on_file: Callable[[InputFile], None] | None = None,
) -> IngestResult:
    """Read ``paths`` (files, folders, globs) into articles; never raises for bad input."""
    rules = rules or default_block_rules()
    files, skipped = expand_paths(paths)
    for rec in skipped:
        log.warning("skipped %s: %s", rec.source_path, rec.reason)
    parts = []
    for item in files:
        parts.append(ingest_file(item, max_mb=max_mb, rules=rules, settings=settings))
        if on_file is not None:
            on_file(item)
    return merge_results(parts, skipped)


def ingest_texts(texts: Iterable[str | tuple[str, str]], source: str = "<texts>") -> IngestResult:
    """Texts given in memory, one article each: plain strings, or (id, text) pairs."""
    result = IngestResult()
    item = InputFile(path=None, display=source, key=source)  # type: ignore[arg-type]
    for n, entry in enumerate(texts, start=1):
        source_id, text = entry if isinstance(entry, tuple) else (str(n), entry)
        if not isinstance(text, str) or not text.strip():
            result.skipped.append(SkippedRecord(source, n, "empty text"))
            continue
        doc = SourceDocument(source_path=source, text=text, format="text", source_id=source_id,
                             single_article=True, kind="document")
        articles, _ = document_articles(item, doc)
        result.articles.extend(articles)
    result.n_files = result.n_files_read = 1 if result.articles else 0
    result.articles, _ = _dedupe_ids(result.articles)
    return result
