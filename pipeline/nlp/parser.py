"""``mechmine_parser``: the shipped biomedical dependency parser, run only where relations can be.

The parser (tok2vec, tagger, morphologizer, trainable lemmatizer, dependency
parser; trained by ``mechmine train parser`` on the CRAFT treebank, see
``resources/models/parser/MODEL_CARD.md``) is a pipeline of its own. For each
document this component

1. picks the candidate sentences (:func:`candidate_sentences`): a sentence
   with a word that triggers a relation rule for which the sentence has an
   object and a different subject among its argument mentions (the relation
   reader's own :func:`~pipeline.nlp.relations.arguments.doc_mentions` and class
   filters; an outcome noun of the dependency patterns outside every mention is
   an OUTCOME object, and a place noun a SITE object of the rules that name SITE
   ("migrate to sites of injury"), as the dependency reader reads them), or only
   an object when it opens with "They ..." / "These cells ..." or an event anaphor ("This
   helps ...", the cues' ``anaphora.event``). A rule counts only when some dependency
   pattern of its forms could read it on the sentence's words (:func:`pattern_needs`: the
   words a pattern's nodes name, e.g. "of" in "secretion of X by Y"), and an object must
   fit it (``object_exclude`` / ``object_only``), and subject and object must be a pair
   finalize could keep (different concepts, no overlap, no "not" before the subject:
   :func:`~pipeline.nlp.relations.candidates.could_pair`). A sentence the surface reader has a
   candidate in is a candidate when finalize could keep that candidate, whatever the parse
   says (:func:`~pipeline.nlp.relations.candidates.surface_could_relate`; the parse checks what
   it read). The filter lives in :mod:`pipeline.nlp.relations.candidates`;
2. parses each of them as a sentence ``Doc`` of its own (same words and
   spaces, so token ``k`` of the sentence is token ``sent.start + k`` of the
   document), all sentences of a batch of documents in one ``pipe`` call;
3. stores the parses in ``doc._.parses``: sentence start token -> parsed ``Doc``.

The document itself is not changed (its sentence boundaries stay the
sentencizer's), and a sentence that is no candidate costs nothing. What can be
related is the relation rules' business (``initialize`` loads the packaged ones).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

import pipeline.nlp.extensions  # noqa: F401  (doc._.parses)
from pipeline.nlp.relations.candidates import (  # noqa: F401  (re-exported: the filter's old home)
    candidate_sentences,
    lone_agent_noun,
    node_words,
    pattern_needs,
    relation_filter,
    surface_could_relate,
)
from pipeline.nlp.relations.inputs import keep_inputs, relation_inputs
from pipeline.nlp.relations.patterns import load_patterns
from pipeline.nlp.relations.rules import RuleSet, TriggerIndex, load_rules
from pipeline.nlp.relations.therapies import points_to_therapy
from pipeline.nlp.sentences import sentence_bounds
from pipeline.ruledata import resource_path

DEFAULT_MODEL = "parser"


def parser_path(model: str = DEFAULT_MODEL) -> Path:
    """The shipped parser by name (``resources/models/<name>``), else ``model`` as a path."""
    shipped = resource_path("models") / model
    return shipped if (shipped / "config.cfg").exists() else Path(model)


def load_parser(model: str = DEFAULT_MODEL) -> Language:
    """The parser pipeline (its own tokenizer is never used: sentences come as Docs)."""
    import pipeline.tokenize  # noqa: F401  (registers mechmine.Tokenizer.v1 for the config)

    return spacy.load(parser_path(model))


# a capitalised word ("Activates", "Cells"); names with capitals inside or digits ("LMP1",
# "NFkappaB", "IL-10") are no such word
CAPITALISED = re.compile(r"^[A-Z][a-z]+$")
TITLE_WORD = re.compile(r"^[A-Za-z]{4,}$")  # words that show a title's case (not "of", "and", "in")


def title_case_words(words: Sequence[str]) -> list[str]:
    """``words`` with their capitalised words lower-cased when they are a heading in title case
    ("LMP1 Upregulates IL10 and Constitutively Activates Stat3": the parser, trained on
    sentence case, reads "Upregulates" as a name); else ``words``. Title case: at least three
    words of four letters or more, three in four of them capitalised."""
    long = [w for w in words if TITLE_WORD.match(w)]
    if len(long) < 3 or sum(1 for w in long if CAPITALISED.match(w)) * 4 < len(long) * 3:
        return list(words)
    return [w.lower() if CAPITALISED.match(w) else w for w in words]


def sentence_doc(nlp: Language, span: Span) -> Doc:
    """A Doc of the span's words and spaces (the last token keeps no trailing space); a
    heading in title case with its capitalised words lower-cased (:func:`title_case_words`)."""
    words = title_case_words([t.text for t in span])
    spaces = [bool(t.whitespace_) for t in span]
    if spaces:
        spaces[-1] = False
    return Doc(nlp.vocab, words=words, spaces=spaces)


# what the relation readers never read (patterns use DEP, POS and the words): not run in the pipeline
UNUSED_COMPONENTS = ("tagger", "trainable_lemmatizer")


def parse_spans(parser: Language, spans: list[Span], batch_size: int = 64) -> list[Doc]:
    """Each span parsed as its own sentence Doc, in order (without the components the
    readers do not use). Whitespace tokens ("  " of a double space, the blanks ingest leaves
    for removed markup) are no words for the parser, trained on treebank text without them:
    the words around them are parsed alone (:func:`compact_doc`) and the whitespace tokens put
    back, each attached to the word before it (:func:`with_spaces`), so the parse's tokens stay
    the span's tokens."""
    kept = [[t.i - s.start for t in s if not t.is_space] for s in spans]
    docs = [sentence_doc(parser, s) if len(k) in (0, len(s)) else compact_doc(parser, s, k)
            for s, k in zip(spans, kept, strict=True)]
    skip = [name for name in UNUSED_COMPONENTS if name in parser.pipe_names]
    parsed = parser.pipe(docs, batch_size=batch_size, disable=skip)
    return [d if len(k) in (0, len(s)) else with_spaces(d, s, k)
            for d, s, k in zip(parsed, spans, kept, strict=True)]


def compact_doc(nlp: Language, span: Span, kept: list[int]) -> Doc:
    """:func:`sentence_doc` of the span's tokens at ``kept`` (its non-whitespace ones); a word
    before a dropped whitespace token keeps a space after it."""
    words = title_case_words([span[i].text for i in kept])
    spaces = [bool(span[i].whitespace_) or (i + 1 < len(span) and span[i + 1].is_space) for i in kept]
    spaces[-1] = False
    return Doc(nlp.vocab, words=words, spaces=spaces)


def with_spaces(parsed: Doc, span: Span, kept: list[int]) -> Doc:
    """The parse of :func:`compact_doc` on all of the span's tokens: the parsed words at
    ``kept`` with their heads, labels, tags, morphology and lemmas, each whitespace token
    attached to the word before it (the first word, before any) as ``dep`` with POS ``SPACE``."""
    n = len(span)
    words = [t.text for t in span]
    for j, i in enumerate(kept):
        words[i] = parsed[j].text
    spaces = [bool(t.whitespace_) for t in span]
    spaces[-1] = False
    heads, deps, pos = list(range(n)), ["dep"] * n, ["SPACE"] * n
    tags, morphs, lemmas = ["_SP"] * n, [""] * n, [t.text for t in span]
    previous, words_at = kept[0], set(kept)
    for i in range(n):
        if i in words_at:
            previous = i
        else:
            heads[i] = previous
    for j, i in enumerate(kept):
        t = parsed[j]
        heads[i], deps[i], pos[i] = kept[t.head.i], t.dep_, t.pos_ or "X"
        tags[i], morphs[i], lemmas[i] = t.tag_ or "", str(t.morph), t.lemma_ or t.text
    return Doc(parsed.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
               tags=tags, morphs=morphs, lemmas=lemmas)


class CandidateParser:
    """Parses a document's candidate sentences into ``doc._.parses`` (see the module text)."""

    def __init__(self, nlp: Language, name: str, model: str, batch_size: int,
                 every_sentence: bool = False) -> None:
        self.name = name
        self.model = model
        self.batch_size = batch_size
        self.every_sentence = every_sentence
        self.parser: Language | None = None
        self.rules: RuleSet | None = None
        self.could_relate: Callable[..., bool] | None = None
        self.triggers: TriggerIndex | None = None
        self.anaphor: Callable[[str], bool] | None = None
        self.agent_nouns: frozenset[str] = frozenset()
        self.recipient_heads: frozenset[str] = frozenset()
        self.share = False  # leave the relation inputs on the doc (see share_inputs)

    def initialize(self, get_examples: Callable[[], Iterable[object]] | None = None,
                   nlp: Language | None = None, parser: Language | None = None,
                   rules: RuleSet | None = None, triggers: TriggerIndex | None = None) -> None:
        """Load the shipped parser (or take ``parser``) and the relation rules (or ``rules``, with
        their ``triggers`` index) that say which sentences can hold a relation."""
        self.parser = parser or load_parser(self.model)
        self.rules = rules or load_rules()
        cues = self.rules.cues
        patterns = load_patterns()
        self.triggers = triggers or TriggerIndex(self.rules)
        quiet = TriggerIndex(self.rules, quiet=True)  # rellists: the quiet forms' rules too
        self.could_relate = relation_filter(self.rules, quiet, patterns.outcomes,
                                            patterns.sites, patterns.factors, patterns)
        self.agent_nouns = patterns.agent_nouns
        self.recipient_heads = patterns.recipient_heads
        event = cues.event_anaphor
        self.anaphor = lambda words: (cues.subject_anaphor.match(words) is not None
                                      or (event is not None and event.match(words) is not None)
                                      or points_to_therapy(cues.therapy, words))

    def candidates(self, doc: Doc) -> list[tuple[int, int]]:
        """The sentences that can hold a relation: those the surface reader has a candidate in
        and those :func:`relation_filter` lets through."""
        if self.could_relate is None or self.rules is None or self.triggers is None:
            self.initialize()
        assert self.could_relate is not None and self.rules is not None and self.triggers is not None
        inputs = relation_inputs(doc, self.rules, self.triggers)
        if self.share:
            keep_inputs(doc, inputs)
        # a surface candidate finalize would drop whatever the parse says needs no parse
        read = {c.sentence.index for c in inputs.surface
                if surface_could_relate(c, self.rules, inputs.lower, inputs.mentions)}
        return candidate_sentences(doc, self.could_relate, inputs.mentions, self.anaphor, read,
                                   self.agent_nouns, inputs.lower, self.recipient_heads)

    def share_inputs(self, rules: RuleSet, triggers: TriggerIndex) -> None:
        """Use the relation component's ``rules`` and ``triggers`` and leave what the candidates
        were read from on each doc for it (:mod:`pipeline.nlp.relations.inputs`): the mentions and
        surface candidates are then read once per document."""
        self.initialize(parser=self.parser, rules=rules, triggers=triggers)
        self.share = True

    def select(self, doc: Doc) -> list[tuple[int, int]]:
        """The sentences to parse: the candidates, or all of them with ``every_sentence``."""
        return sentence_bounds(doc) if self.every_sentence else self.candidates(doc)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        if self.parser is None:
            self.initialize()
        assert self.parser is not None
        for batch in minibatch(docs, size=batch_size):
            chosen = [self.candidates(doc) for doc in batch]
            picked = [[doc[s:e] for s, e in (sentence_bounds(doc) if self.every_sentence else c)]
                      for doc, c in zip(batch, chosen, strict=True)]
            parsed = iter(parse_spans(self.parser, [s for spans in picked for s in spans], self.batch_size))
            for doc, spans, c in zip(batch, picked, chosen, strict=True):
                doc._.parses = {s.start: next(parsed) for s in spans}
                doc._.parse_candidates = frozenset(s for s, _ in c)
                yield doc

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        if self.parser is None:
            self.initialize()
        assert self.parser is not None
        Path(path).mkdir(parents=True, exist_ok=True)
        self.parser.to_disk(Path(path) / "parser")

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> CandidateParser:
        import pipeline.tokenize  # noqa: F401

        self.initialize(parser=spacy.load(Path(path) / "parser"))
        return self


@Language.factory("mechmine_parser", requires=["doc.sents", "doc.ents"], assigns=["doc._.parses"],
                  default_config={"model": DEFAULT_MODEL, "batch_size": 256, "every_sentence": False})
def make_parser(nlp: Language, name: str, model: str, batch_size: int,
                every_sentence: bool) -> CandidateParser:
    """The candidate-sentence parser (see :mod:`pipeline.nlp.parser`); ``every_sentence`` parses
    all sentences (for comparison: the relations then come from the same readers)."""
    return CandidateParser(nlp, name, model, batch_size, every_sentence)
