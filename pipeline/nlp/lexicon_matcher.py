"""``mechmine_lexicon``: dictionary NER over the packaged lexicon.

Sets ``doc.ents`` (label = the concept's primary class, ``kb_id_`` = its id)
and ``doc._.mentions`` (classes, canonical name, source "lexicon:<term
source>"). Matching is exact on normalised token keys
(:mod:`pipeline.lexicon.normalize`); short all-letter terms must match with
their own case. Overlaps are resolved longest-first
(:func:`spacy.util.filter_spans`). A stoplist (``resources/stoplist.tsv``,
terms matched often but rarely annotated in training corpora) removes
ambiguous entries (``stoplist="-"`` turns it off).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.lexicon import Lexicon, Match, packaged_lexicon
from pipeline.lexicon.normalize import case_key, token_norm
from pipeline.nlp.extensions import MentionInfo, mentions
from pipeline.ruledata import resource_path

BLOCK = "\u00b6"


@dataclass
class TokenKeys:
    """Cache of token text -> (norm, case key); shared across documents."""

    norms: dict[str, tuple[str, str]]

    def __call__(self, doc: Doc) -> tuple[list[str], list[str]]:
        norms: list[str] = []
        cases: list[str] = []
        cache = self.norms
        for tok in doc:
            text = tok.text
            got = cache.get(text)
            if got is None:
                if tok.is_space:
                    got = (BLOCK, BLOCK)
                else:
                    norm = token_norm(text)
                    got = (norm, case_key(text) if norm else "")
                if len(cache) < 2_000_000:
                    cache[text] = got
            norms.append(got[0])
            cases.append(got[1])
        return norms, cases


def load_stoplist(path: Path) -> set[tuple[str, str]]:
    """(key, kb_id) pairs to ignore; kb_id '*' drops the key for every concept."""
    if not path.exists():
        return set()
    out = set()
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((ln for ln in handle if not ln.startswith("#")), delimiter="\t")
        header = next(rows, None)
        if header is None:
            return set()
        if header[:2] != ["key", "kb_id"]:
            raise ValueError(f"{path}: expected a 'key<TAB>kb_id' header")
        for row in rows:
            if len(row) >= 2:
                out.add((row[0], row[1]))
    return out


def lexicon_spans(doc: Doc, lexicon: Lexicon, keys: TokenKeys,
                  stoplist: set[tuple[str, str]]) -> list[tuple[Span, Match]]:
    """Longest non-overlapping lexicon matches of ``doc`` with their concepts."""
    norms, cases = keys(doc)
    found: dict[tuple[int, int], Match] = {}
    for m in lexicon.find(norms, cases):
        key = "".join(norms[m.start:m.end])
        if (key, m.concept.kb_id) in stoplist or (key, "*") in stoplist:
            continue
        found.setdefault((m.start, m.end), m)
    spans = [Span(doc, s, e, label=m.concept.label, kb_id=m.concept.kb_id) for (s, e), m in found.items()]
    return [(span, found[(span.start, span.end)]) for span in filter_spans(spans)]


class LexiconMatcher:
    """The component: wires :func:`lexicon_spans` into ``doc.ents``."""

    def __init__(self, nlp: Language, name: str, lexicon_dir: str, stoplist: str) -> None:
        self.name = name
        self.lexicon = packaged_lexicon(lexicon_dir)
        if stoplist == "-":
            self.stoplist: set[tuple[str, str]] = set()
        else:
            self.stoplist = load_stoplist(Path(stoplist) if stoplist else resource_path("stoplist.tsv"))
        self.keys = TokenKeys({})

    def __call__(self, doc: Doc) -> Doc:
        info = mentions(doc)
        chosen = lexicon_spans(doc, self.lexicon, self.keys, self.stoplist)
        for span, m in chosen:
            info[(span.start_char, span.end_char)] = MentionInfo(
                m.concept.classes, m.concept.canonical_name, f"lexicon:{m.source}")
        doc.ents = filter_spans([*doc.ents, *(s for s, _ in chosen)])
        return doc


@Language.factory(
    "mechmine_lexicon",
    assigns=["doc.ents", "doc._.mentions"],
    default_config={"lexicon_dir": "", "stoplist": ""},
)
def make_lexicon_matcher(nlp: Language, name: str, lexicon_dir: str, stoplist: str) -> LexiconMatcher:
    """Dictionary NER over the lexicon in ``lexicon_dir`` (default: packaged)."""
    return LexiconMatcher(nlp, name, lexicon_dir, stoplist)
