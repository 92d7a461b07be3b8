"""``mechmine_parser``: the shipped biomedical dependency parser, run only where relations can be.

The parser (tok2vec, tagger, morphologizer, trainable lemmatizer, dependency
parser; trained by ``mechmine train parser`` on the CRAFT treebank, see
``resources/models/parser/README.md``) is a pipeline of its own. For each
document this component

1. picks the candidate sentences (:func:`candidate_sentences`): a sentence
   with a relation trigger and at least two entity mentions, or with a trigger,
   one mention and an outcome or process word;
2. parses each of them as a sentence ``Doc`` of its own (same words and
   spaces, so token ``k`` of the sentence is token ``sent.start + k`` of the
   document), all sentences of a batch of documents in one ``pipe`` call;
3. stores the parses in ``doc._.parses``: sentence start token -> parsed ``Doc``.

The document itself is not changed (its sentence boundaries stay the
sentencizer's), and a sentence that is no candidate costs nothing. What counts
as a trigger is the relation rules' business: the component is given a
``is_trigger(word) -> bool`` callable (by default the relation rules' triggers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from pipeline.nlp.sentences import sentence_bounds
from pipeline.ruledata import resource_path

DEFAULT_MODEL = "parser"

if not Doc.has_extension("parses"):
    Doc.set_extension("parses", default=None)


def parser_path(model: str = DEFAULT_MODEL) -> Path:
    """The shipped parser by name (``resources/models/<name>``), else ``model`` as a path."""
    shipped = resource_path("models") / model
    return shipped if (shipped / "config.cfg").exists() else Path(model)


def load_parser(model: str = DEFAULT_MODEL) -> Language:
    """The parser pipeline (its own tokenizer is never used: sentences come as Docs)."""
    import pipeline.tokenize  # noqa: F401  (registers mechmine.Tokenizer.v1 for the config)

    return spacy.load(parser_path(model))


def candidate_sentences(doc: Doc, is_trigger: Callable[[str], bool], outcome_words: frozenset[str],
                        min_mentions: int = 2, anaphor: Callable[[str], bool] | None = None,
                        ) -> list[tuple[int, int]]:
    """(start, end) token ranges of the sentences that can hold a relation: a trigger word and
    ``min_mentions`` entity mentions, or a trigger, one mention and an outcome/process word or
    a subject anaphor opening the sentence ("They ...", "These cells ...")."""
    bounds = sentence_bounds(doc)
    if not bounds:
        return []
    counts = [0] * len(bounds)
    starts = [s for s, _ in bounds]
    from bisect import bisect_right

    for ent in doc.ents:
        counts[bisect_right(starts, ent.start) - 1] += 1
    out = []
    for (start, end), n in zip(bounds, counts, strict=True):
        if n == 0:
            continue
        words = [t.lower_ for t in doc[start:end]]
        if not any(is_trigger(w) for w in words):
            continue
        if (n >= min_mentions or any(w in outcome_words for w in words)
                or (anaphor is not None and (anaphor(words[0]) or anaphor(" ".join(words[:2]))))):
            out.append((start, end))
    return out


def sentence_doc(nlp: Language, span: Span) -> Doc:
    """A Doc of the span's words and spaces (the last token keeps no trailing space)."""
    words = [t.text for t in span]
    spaces = [bool(t.whitespace_) for t in span]
    if spaces:
        spaces[-1] = False
    return Doc(nlp.vocab, words=words, spaces=spaces)


def parse_spans(parser: Language, spans: list[Span], batch_size: int = 64) -> list[Doc]:
    """Each span parsed as its own sentence Doc, in order."""
    docs = [sentence_doc(parser, s) for s in spans]
    return list(parser.pipe(docs, batch_size=batch_size))


class CandidateParser:
    """Parses a document's candidate sentences into ``doc._.parses`` (see the module text)."""

    def __init__(self, nlp: Language, name: str, model: str, batch_size: int, min_mentions: int,
                 every_sentence: bool = False, is_trigger: Callable[[str], bool] | None = None,
                 outcome_words: frozenset[str] = frozenset()) -> None:
        self.name = name
        self.model = model
        self.every_sentence = every_sentence
        self.batch_size = batch_size
        self.min_mentions = min_mentions
        self.is_trigger = is_trigger
        self.outcome_words = outcome_words
        self.anaphor: Callable[[str], bool] | None = None
        self.parser: Language | None = None

    def initialize(self, get_examples: Callable[[], Iterable[object]] | None = None,
                   nlp: Language | None = None, parser: Language | None = None) -> None:
        """Load the shipped parser (or take ``parser``) and the relation rules' triggers."""
        self.parser = parser or load_parser(self.model)
        if self.is_trigger is None:
            from pipeline.nlp.relations.rules import TriggerIndex, load_rules

            rules = load_rules()
            index = TriggerIndex(rules)
            self.is_trigger = lambda word: bool(index(word))
            self.anaphor = lambda words: rules.cues.subject_anaphor.match(words) is not None

    def _ensure(self) -> tuple[Language, Callable[[str], bool]]:
        if self.parser is None or self.is_trigger is None:
            self.initialize()
        assert self.parser is not None and self.is_trigger is not None
        return self.parser, self.is_trigger

    def select(self, doc: Doc, is_trigger: Callable[[str], bool]) -> list[tuple[int, int]]:
        """The sentences to parse: the candidates, or all of them with ``every_sentence``."""
        if self.every_sentence:
            return sentence_bounds(doc)
        return candidate_sentences(doc, is_trigger, self.outcome_words, self.min_mentions, self.anaphor)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        parser, is_trigger = self._ensure()
        for batch in minibatch(docs, size=batch_size):
            picked = [[doc[s:e] for s, e in self.select(doc, is_trigger)] for doc in batch]
            parsed = iter(parse_spans(parser, [s for spans in picked for s in spans], self.batch_size))
            for doc, spans in zip(batch, picked, strict=True):
                doc._.parses = {s.start: next(parsed) for s in spans}
                yield doc

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        parser, _ = self._ensure()
        parser.to_disk(Path(path) / "parser")

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> CandidateParser:
        import pipeline.tokenize  # noqa: F401

        self.parser = spacy.load(Path(path) / "parser")
        return self


@Language.factory("mechmine_parser", requires=["doc.sents", "doc.ents"], assigns=["doc._.parses"],
                  default_config={"model": DEFAULT_MODEL, "batch_size": 64, "min_mentions": 2,
                                  "every_sentence": False})
def make_parser(nlp: Language, name: str, model: str, batch_size: int, min_mentions: int,
                every_sentence: bool) -> CandidateParser:
    """The candidate-sentence parser (see :mod:`pipeline.nlp.parser`); ``every_sentence`` parses
    all sentences (for comparison: the relations then come from the same readers)."""
    return CandidateParser(nlp, name, model, batch_size, min_mentions, every_sentence)
