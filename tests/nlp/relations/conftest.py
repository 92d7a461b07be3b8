"""Docs built by hand for the relation tests: no lexicon, no model.

``marked_doc("[MSCs|CELL_TYPE] secrete [BDNF|GROWTH_FACTOR] .")``: tokens are separated by
spaces, an entity is ``[its tokens|LABEL]`` or ``[its tokens|LABEL|KB_ID]`` (its label is
its one class). Punctuation takes no space before it, "(" and "-" none after, "-" none
before; a sentence starts at the first token and after ".", "?" or "!".
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.nlp  # noqa: F401  (registers the extensions and factories)
from pipeline.nlp.relations import RuleSet, load_rules

ENTITY = re.compile(r"\[([^\]|]+)\|([A-Z_]+)(?:\|([^\]]+))?\]")
NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "-", "+", "?", "!"}
NO_SPACE_AFTER = {"(", "-"}
SENTENCE_END = {".", "?", "!"}


def build_doc(nlp: Language, marked: str) -> Doc:
    words: list[str] = []
    ents: list[str] = []
    pos = 0
    for match in ENTITY.finditer(marked):
        plain = marked[pos:match.start()].split()
        words += plain
        ents += ["O"] * len(plain)
        inner = match.group(1).split()
        label = match.group(2)
        words += inner
        ents += [f"B-{label}"] + [f"I-{label}"] * (len(inner) - 1)
        pos = match.end()
    tail = marked[pos:].split()
    words += tail
    ents += ["O"] * len(tail)
    spaces = [k + 1 < len(words) and words[k] not in NO_SPACE_AFTER and words[k + 1] not in NO_SPACE_BEFORE
              for k in range(len(words))]
    starts = [k == 0 or words[k - 1] in SENTENCE_END for k in range(len(words))]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, ents=ents, sent_starts=starts)
    ids = [m.group(3) or "" for m in ENTITY.finditer(marked)]
    doc.ents = [doc.char_span(e.start_char, e.end_char, label=e.label_, kb_id=kb) for e, kb in
                zip(doc.ents, ids, strict=True)]
    return doc


@pytest.fixture(scope="session")
def blank() -> Language:
    """A blank English pipeline with the relations component (packaged rules)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("mechmine_relations").initialize()
    return nlp


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="session")
def marked_doc(blank: Language) -> Callable[[str], Doc]:
    return lambda marked: build_doc(blank, marked)


@pytest.fixture(scope="session")
def relations_of(blank: Language, marked_doc: Callable[[str], Doc]) -> Callable[[str], list]:
    """The relations the component finds in a marked text."""
    return lambda marked: blank.get_pipe("mechmine_relations")(marked_doc(marked))._.relations


def attach_parse(doc: Doc, rows: list[tuple[int, str, str]]) -> Doc:
    """Give a one-sentence marked doc a parse (``doc._.parses``, as mechmine_parser sets it):
    one (head index, dep, POS) row per token."""
    heads, deps, pos = (list(x) for x in zip(*rows, strict=True))
    parse = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                heads=heads, deps=deps, pos=pos)
    doc._.parses = {0: parse}
    return doc


def dep_relations(blank: Language, doc: Doc, sentences: list[list[tuple[int, str, str]] | None]) -> list:
    """The dependency reader's relations (``rule_id`` ``dep:``) of a marked doc, each sentence
    parsed with its (head index within the sentence, dep, POS) rows or, for None, left unparsed."""
    parses = {}
    for sent, rows in zip(doc.sents, sentences, strict=True):
        if rows is None:
            continue
        heads, deps, pos = (list(x) for x in zip(*rows, strict=True))
        parses[sent.start] = Doc(doc.vocab, words=[t.text for t in sent],
                                 spaces=[bool(t.whitespace_) for t in sent], heads=heads, deps=deps, pos=pos)
    doc._.parses = parses
    return [r for r in blank.get_pipe("mechmine_relations")(doc)._.relations if r.rule_id.startswith("dep:")]


@pytest.fixture(scope="session")
def parsed_relations(blank: Language, marked_doc: Callable[[str], Doc]) -> Callable[..., set]:
    """(subject, predicate, object, negated) of a marked one-sentence text with a hand-built parse."""
    def run(marked: str, rows: list[tuple[int, str, str]]) -> set[tuple[str, str, str, bool]]:
        doc = attach_parse(marked_doc(marked), rows)
        rels = blank.get_pipe("mechmine_relations")(doc)._.relations
        return {(r.subject.text, r.predicate, r.object.text, r.negated) for r in rels}
    return run
