"""``mechmine export OUTDIR --format F``: a run's articles, entities and relations in the field's formats.

Every format keeps the article text and mechmine's character offsets:

- ``pubtator``: one ``articles.pubtator`` file; document id = ``article_id``;
  the text's first line is the ``|t|`` line and the rest the ``|a|`` line
  (PubTator joins them with one space, so every line break of the text is
  written as a space and offsets are unchanged); mention lines carry the
  class and the kb id (``-`` when none); relation lines
  (``id PREDICATE subject_kb_id object_kb_id``) are written for relations
  whose both arguments have a kb id (PubTator relations are between concepts).
- ``bioc-xml`` / ``bioc-json``: ``articles.bioc.xml`` / ``articles.bioc.json``
  written with the ``bioc`` package: a document per article (infons ``type``
  = kind, ``title``, ``article-id_pmid``, ``article-id_pmc``,
  ``article-id_doi``, ``journal``, ``year``), one passage at offset 0 holding the
  text, an annotation per entity (infons ``type`` = class, ``identifier`` =
  kb id, ``classes``, ``canonical_name``, ``source``), a relation per
  relation (infons type = predicate, polarity, negated, hedged,
  evidence_level, rule_id, sentence_id; nodes ``Subject``/``Object``).
- ``brat``: ``ID.txt`` (the text) and ``ID.ann`` per article: ``T`` lines
  (class and span), ``N`` normalisations (kb ids), ``R`` lines
  (``PREDICATE Arg1:T Arg2:T``) and ``A`` attributes ``Negated``/``Hedged``
  on them.
- ``docbin``: ``articles.spacy`` (:class:`spacy.tokens.DocBin`): tokens cut
  at every entity boundary, every entity in ``doc.spans["mechmine"]``, the
  non-overlapping ones (longest first) in ``doc.ents`` with their kb ids;
  ``doc.user_data`` holds ``article_id``, ``title``, ``kind`` and the
  relations as dicts.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.errors import MechmineError
from pipeline.io import load_outputs
from pipeline.report.data import rows

FORMATS = ("pubtator", "bioc-xml", "bioc-json", "brat", "docbin")
FILES = {"pubtator": "articles.pubtator", "bioc-xml": "articles.bioc.xml", "bioc-json": "articles.bioc.json",
         "docbin": "articles.spacy"}
# article column -> document infon (the keys PMC's BioC uses, which mechmine's BioC reader reads)
ARTICLE_INFONS = {"kind": "type", "title": "title", "pmid": "article-id_pmid", "pmcid": "article-id_pmc",
                  "doi": "article-id_doi", "journal": "journal", "year": "year"}
RELATION_INFONS = ("polarity", "negated", "hedged", "evidence_level", "rule_id", "sentence_id",
                   "subject_state")
_NEWLINES = re.compile(r"[\r\n]")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass
class Article:
    """One article with its entity and relation rows (plain dicts)."""

    info: dict[str, Any]
    entities: list[dict[str, Any]]
    relations: list[dict[str, Any]]

    @property
    def id(self) -> str:
        return self.info["article_id"]

    @property
    def text(self) -> str:
        return self.info["text"]

    def entity_ids(self, prefix: str = "T") -> dict[tuple[int, int, str], str]:
        """An id per entity, by (start, end, label), in entity order."""
        return {(e["start_char"], e["end_char"], e["label"]): f"{prefix}{n}"
                for n, e in enumerate(self.entities, start=1)}

    def argument(self, relation: dict[str, Any], role: str) -> tuple[int, int, str]:
        return relation[f"{role}_start"], relation[f"{role}_end"], relation[f"{role}_label"]


def articles(tables: dict[str, pd.DataFrame]) -> Iterator[Article]:
    """The articles of a run's tables with their entities and relations, in table order."""
    ents = {k: g for k, g in tables["entities"].groupby("article_id", sort=False)}
    rels = {k: g for k, g in tables["relations"].groupby("article_id", sort=False)}
    frame = tables["articles"]
    for info in rows(frame, list(frame.columns)):
        e, r = ents.get(info["article_id"]), rels.get(info["article_id"])
        yield Article(info, rows(e, list(e.columns)) if e is not None else [],
                      rows(r, list(r.columns)) if r is not None else [])


def _with_arguments(art: Article) -> tuple[list[dict[str, Any]], dict[tuple[int, int, str], str]]:
    """The article's entities plus any relation argument missing from them, and their ids."""
    ents = list(art.entities)
    known = {(e["start_char"], e["end_char"], e["label"]) for e in ents}
    for r in art.relations:
        for role in ("subject", "object"):
            key = art.argument(r, role)
            if key not in known:
                known.add(key)
                ents.append({"start_char": key[0], "end_char": key[1], "label": key[2],
                             "text": r[f"{role}_text"], "kb_id": r[f"{role}_kb_id"], "classes": key[2],
                             "canonical_name": "", "source": "relation"})
    full = Article(art.info, ents, art.relations)
    return ents, full.entity_ids()


def write_pubtator(items: list[Article], path: Path) -> None:
    lines = []
    for art in items:
        text = _NEWLINES.sub(" ", art.text)
        head, sep, _ = art.text.partition("\n")
        title = _NEWLINES.sub(" ", head) if sep else text
        lines.append(f"{art.id}|t|{title}")
        if sep:
            lines.append(f"{art.id}|a|{text[len(head) + 1:]}")
        for e in art.entities:
            lines.append("\t".join((art.id, str(e["start_char"]), str(e["end_char"]),
                                    _NEWLINES.sub(" ", e["text"]), e["label"], e["kb_id"] or "-")))
        for r in art.relations:
            if r["subject_kb_id"] and r["object_kb_id"]:
                lines.append("\t".join((art.id, r["predicate"], r["subject_kb_id"], r["object_kb_id"])))
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _infon(value: Any) -> str:
    return "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def bioc_collection(items: list[Article]):  # -> bioc.BioCCollection
    import bioc

    coll = bioc.BioCCollection()
    coll.source, coll.key = "mechmine", "mechmine.key"
    for art in items:
        doc = bioc.BioCDocument()
        doc.id = art.id
        doc.infons.update({key: _infon(art.info[col]) for col, key in ARTICLE_INFONS.items()
                           if art.info[col] not in (None, "")})
        passage = bioc.BioCPassage()
        passage.offset, passage.text = 0, art.text
        passage.infons["type"] = "text"
        ents, ids = _with_arguments(art)
        for e in ents:
            ann = bioc.BioCAnnotation()
            ann.id = ids[(e["start_char"], e["end_char"], e["label"])]
            ann.text = art.text[e["start_char"]:e["end_char"]]
            ann.add_location(bioc.BioCLocation(e["start_char"], e["end_char"] - e["start_char"]))
            ann.infons.update({"type": e["label"], "identifier": e["kb_id"] or "", "classes": e["classes"],
                               "canonical_name": e["canonical_name"] or "", "source": e["source"] or ""})
            passage.add_annotation(ann)
        for n, r in enumerate(art.relations, start=1):
            rel = bioc.BioCRelation()
            rel.id = f"R{n}"
            rel.infons.update({"type": r["predicate"], "relation_id": r["relation_id"],
                               **{k: _infon(r[k]) for k in RELATION_INFONS}})
            rel.add_node(bioc.BioCNode(ids[art.argument(r, "subject")], "Subject"))
            rel.add_node(bioc.BioCNode(ids[art.argument(r, "object")], "Object"))
            passage.add_relation(rel)
        doc.add_passage(passage)
        coll.add_document(doc)
    return coll


def write_brat(items: list[Article], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for art in items:
        name = _UNSAFE.sub("_", art.id)
        ents, ids = _with_arguments(art)
        lines = []
        for n, e in enumerate(ents, start=1):
            tid = ids[(e["start_char"], e["end_char"], e["label"])]
            span = art.text[e["start_char"]:e["end_char"]]
            lines.append(f"{tid}\t{e['label']} {e['start_char']} {e['end_char']}\t{_NEWLINES.sub(' ', span)}")
            if e["kb_id"]:
                lines.append(f"N{n}\tReference {tid} {e['kb_id']}\t{e['canonical_name'] or span}")
        attributes = 0
        for n, r in enumerate(art.relations, start=1):
            lines.append(f"R{n}\t{r['predicate']} Arg1:{ids[art.argument(r, 'subject')]} "
                         f"Arg2:{ids[art.argument(r, 'object')]}")
            for flag in ("negated", "hedged"):
                if r[flag]:
                    attributes += 1
                    lines.append(f"A{attributes}\t{flag.capitalize()} R{n}")
        (folder / f"{name}.txt").write_text(art.text, encoding="utf-8", newline="")
        (folder / f"{name}.ann").write_text("".join(f"{x}\n" for x in lines), encoding="utf-8")


def _words(text: str, cuts: set[int]) -> tuple[list[str], list[bool]]:
    """Tokens of ``text`` (words, punctuation, whitespace runs) cut at every offset in ``cuts``."""
    words: list[str] = []
    spaces: list[bool] = []
    for m in re.finditer(r"\w+|[^\w\s]|\s+", text):
        start, end = m.span()
        bounds = [start, *sorted(c for c in cuts if start < c < end), end]
        for a, b in itertools.pairwise(bounds):
            piece = text[a:b]
            if piece == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
            else:
                words.append(piece)
                spaces.append(False)
    return words, spaces


def docbin(items: list[Article]):  # -> spacy.tokens.DocBin
    import spacy
    from spacy.tokens import Doc, DocBin
    from spacy.util import filter_spans

    vocab = spacy.blank("en").vocab
    out = DocBin(store_user_data=True)
    for art in items:
        cuts = {c for e in art.entities for c in (e["start_char"], e["end_char"])}
        words, spaces = _words(art.text, cuts)
        doc = Doc(vocab, words=words, spaces=spaces)
        spans = []
        for e in art.entities:
            span = doc.char_span(e["start_char"], e["end_char"], label=e["label"], kb_id=e["kb_id"] or "")
            if span is not None:
                spans.append(span)
        doc.spans["mechmine"] = spans
        doc.ents = filter_spans(spans)
        doc.user_data.update({"article_id": art.id, "title": art.info["title"], "kind": art.info["kind"],
                              "relations": art.relations})
        out.add(doc)
    return out


def export_outputs(out_dir: str | os.PathLike[str], fmt: str, to: Path | None = None) -> Path:
    """Write the run in ``out_dir`` as ``fmt`` into ``to`` (default ``out_dir/export``); the path written."""
    if fmt not in FORMATS:
        raise MechmineError(f"unknown export format {fmt!r}; use {', '.join(FORMATS)}")
    folder = Path(out_dir)
    try:
        tables = load_outputs(folder)
    except FileNotFoundError as err:
        raise MechmineError(str(err)) from err
    missing = [t for t in ("articles", "entities", "relations") if t not in tables]
    if missing:
        lacking = ", ".join(t + ".csv" for t in missing)
        raise MechmineError(f"{folder} lacks {lacking}; run `mechmine run` first")
    target = to if to is not None else folder / "export"
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise MechmineError(f"cannot write {target}: {err.strerror}") from err
    items = list(articles(tables))
    if fmt == "brat":
        write_brat(items, target / "brat")
        return target / "brat"
    path = target / FILES[fmt]
    if fmt == "pubtator":
        write_pubtator(items, path)
    elif fmt == "docbin":
        docbin(items).to_disk(path)
    else:
        from bioc import biocjson, biocxml

        coll = bioc_collection(items)
        if fmt == "bioc-xml":
            path.write_text(biocxml.dumps(coll), encoding="utf-8")
        else:
            path.write_text(json.dumps(json.loads(biocjson.dumps(coll)), indent=1, ensure_ascii=False),
                            encoding="utf-8")
    return path
