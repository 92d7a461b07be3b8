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
   fit it (``object_exclude`` / ``object_only``). A sentence the surface reader has a
   candidate in is a candidate in any case (the parse checks what it read);
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
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

import pipeline.nlp.extensions  # noqa: F401  (doc._.parses)
from pipeline.nlp.relations.agents import POINTING, PREPOSITIONS
from pipeline.nlp.relations.arguments import allowed, object_fits, subject_classes
from pipeline.nlp.relations.dependency import OUTCOME, SITE
from pipeline.nlp.relations.inputs import keep_inputs, relation_inputs
from pipeline.nlp.relations.patterns import Patterns, load_patterns
from pipeline.nlp.relations.products import FACTOR
from pipeline.nlp.relations.rules import Rule, RuleSet, TriggerIndex, load_rules
from pipeline.nlp.relations.types import Mention
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


def lone_agent_noun(words: Sequence[str], covered: Collection[int], i: int) -> bool:
    """The treatment noun at ``i`` may be an agent of its own: no mention, pointing word or
    preposition right before it ("MSC therapy", "these treatments" have theirs; "during therapy"
    is none; :mod:`.relations.agents`)."""
    return i not in covered and not (i > 0 and (i - 1 in covered or words[i - 1] in POINTING
                                                or words[i - 1] in PREPOSITIONS))


POINTING_WORDS = frozenset({"this", "these"})
# conjunctions opening a subordinate clause before the main one ("While they spare X, they limit Y")
SUBORDINATORS = frozenset({"while", "although", "though", "when", "whereas", "because", "since", "once",
                           "if", "as"})


def pointing_inside(words: Sequence[str], anaphor: Callable[[str], bool]) -> bool:
    """A demonstrative anaphor of two words after the sentence's first word ("Research shows that
    this process improves X", "..., and these cells reduce Y"): ``anaphor`` is asked of each
    "this/these" + next word; or an anaphor right after an opening subordinator ("While they
    typically spare X, they may limit Y")."""
    if len(words) > 1 and words[0] in SUBORDINATORS and anaphor(words[1]):
        return True
    return any(w in POINTING_WORDS and anaphor(f"{w} {words[i + 1]}")
               for i, w in enumerate(words[1:-1], 1))


def candidate_sentences(doc: Doc, could_relate: Callable[..., bool],
                        mentions: Sequence[Mention], anaphor: Callable[[str], bool] | None = None,
                        read: Collection[int] = (), agent_nouns: Collection[str] = frozenset(),
                        lower: Sequence[str] | None = None,
                        ) -> list[tuple[int, int]]:
    """(start, end) token ranges of the sentences that can hold a relation: some trigger word
    outside the mentions whose rule finds a subject and a different object among them, or only
    an object when the sentence opens with a subject anaphor ("They ...", "These cells ...", an
    event anaphor "This helps ...": ``anaphor`` is asked of its first word, two and twelve words)
    or holds a demonstrative one later (:func:`pointing_inside`).
    ``could_relate(words, mentions, anaphoric, sentence=all its words)`` decides
    (:func:`relation_filter`); a sentence whose index is in ``read`` (the surface reader has a
    candidate there, which the parse checks) is one in any case. A treatment noun of
    ``agent_nouns`` among the words may be the subject, as an anaphor may (:mod:`.relations.agents`).
    ``lower``: the doc's lower-cased words when the caller has them (else read from its tokens)."""
    bounds = sentence_bounds(doc)
    if not bounds or (not mentions and anaphor is None):
        return []
    firsts = [m.start for m in mentions]
    out = []
    for k, (start, end) in enumerate(bounds):
        if k in read:
            out.append((start, end))
            continue
        lo, hi = bisect_left(firsts, start), bisect_left(firsts, end)
        ms = mentions[lo:hi]
        if not ms and anaphor is None:
            continue
        words = list(lower[start:end]) if lower is not None else [t.lower_ for t in doc[start:end]]
        anaphoric = anaphor is not None and (anaphor(words[0]) or anaphor(" ".join(words[:2]))
                                             or anaphor(" ".join(words[:12]))
                                             or pointing_inside(words, anaphor))
        # a word inside a mention triggers nothing ("secreted frizzled-related protein")
        covered = {i - start for m in ms for i in range(m.start, m.end)}
        anaphoric = anaphoric or any(w in agent_nouns and lone_agent_noun(words, covered, i)
                                     for i, w in enumerate(words))
        if not ms and not anaphoric:  # an anaphor subject may relate to an outcome object
            continue
        free = [w for k, w in enumerate(words) if k not in covered]
        if could_relate(free, ms, anaphoric, sentence=words):
            out.append((start, end))
    return out


# what an outcome (place) noun outside every mention stands for when a rule's object classes are checked
_OUTCOME = Mention(-1, -1, -1, -1, "", OUTCOME, (OUTCOME,), "")
_SITE = Mention(-1, -1, -1, -1, "", SITE, (SITE,), "")
_FACTOR = Mention(-1, -1, -1, -1, "", FACTOR, (FACTOR,), "")


Need = tuple[frozenset[str] | None, tuple[frozenset[str], ...]]  # trigger words, other words needed


def pattern_needs(patterns: Patterns, rule: Rule) -> list[Need]:
    """What a sentence must hold for a dependency pattern to read ``rule``, one entry per pattern
    of the rule's forms (and predicate): the words its trigger node may be (None: any), and for
    each other node that names its words (``LOWER`` / ``ORTH``) one of those; a pattern with
    ``rule_prepositions`` needs one of the rule's prepositions too."""
    out: list[Need] = []
    for spec in patterns.specs:
        if spec.form not in rule.forms or (spec.predicates and rule.predicate not in spec.predicates):
            continue
        trigger: frozenset[str] | None = None
        needs: list[frozenset[str]] = []
        for node in spec.nodes:
            attrs = node.get("RIGHT_ATTRS") or {}
            named = [node_words(attrs[a]) for a in ("LOWER", "ORTH") if a in attrs]
            if not named:
                continue
            words = frozenset.intersection(*named)
            if node["RIGHT_ID"] == "trigger":
                trigger = words
            else:
                needs.append(words)
        if spec.rule_prepositions:
            needs.append(rule.prepositions)
        out.append((trigger, tuple(needs)))
    return out


def node_words(value: object) -> frozenset[str]:
    """The lower-cased words a node's ``LOWER`` / ``ORTH`` value lets it be."""
    if isinstance(value, str):
        return frozenset([value.lower()])
    if isinstance(value, dict) and list(value) == ["IN"]:
        return frozenset(str(v).lower() for v in value["IN"])
    raise ValueError(f"unsupported word constraint {value!r}")


def relation_filter(rules: RuleSet, triggers: TriggerIndex, outcomes: frozenset[str] = frozenset(),
                    sites: frozenset[str] = frozenset(), factors: frozenset[str] = frozenset(),
                    patterns: Patterns | None = None) -> Callable[..., bool]:
    """``could_relate(words, mentions, anaphoric, sentence=())``: a word of the sentence triggers a
    rule that has an object among ``mentions`` (or, when one of ``words`` is an outcome noun, an
    OUTCOME object the rule allows; a place noun, a SITE object of a rule that names SITE) and a
    subject other than it (or an anaphor for subject); a generic product noun (``factors``), a
    FACTOR object of a rule that names FACTOR (:mod:`~pipeline.nlp.relations.products`). With
    ``patterns`` (the dependency patterns), only a rule some pattern could read on the sentence's
    words counts (:func:`pattern_needs`; ``sentence``: all its words, lower-cased), and an object
    must fit the rule (``object_exclude`` / ``object_only``) as the dependency reader asks."""
    needs: dict[Rule, list[Need]] = {}  # a rule's pattern needs, found when first asked

    def readable(rule: Rule, word: str, sentence: frozenset[str]) -> bool:
        if patterns is None:
            return True
        if rule not in needs:
            needs[rule] = pattern_needs(patterns, rule)
        return any((trig is None or word in trig) and all(not sentence.isdisjoint(n) for n in rest)
                   for trig, rest in needs[rule])

    def could_relate(words: Sequence[str], ms: Sequence[Mention], anaphoric: bool,
                     sentence: Sequence[str] = ()) -> bool:
        outcome = [_OUTCOME] if outcomes and not outcomes.isdisjoint(words) else []
        site = sites and not sites.isdisjoint(words)
        factor = factors and not factors.isdisjoint(words)
        vocabulary = frozenset(sentence or words)
        for w in words:
            for rule in triggers(w):
                if not readable(rule, w, vocabulary):
                    continue
                subjects = [m for m in ms if allowed(m, subject_classes(rules, rule))]
                objects = [m for m in ms if object_fits(m, rule)] if patterns is not None else [
                    m for m in ms if allowed(m, rule.object)]
                # an outcome noun's phrase is not known before the parse: its class, and the rule's
                # object_only on the noun (the phrase's head, where those patterns end)
                only = rule.object_only
                objects += [m for m in outcome if allowed(m, rule.object) and (
                    only is None or any(only.search(w) for w in words if w in outcomes))]
                if site and SITE in rule.object:  # as the dependency reader: only a rule naming SITE
                    objects.append(_SITE)
                if factor and FACTOR in rule.object:  # as the dependency reader: only a rule naming FACTOR
                    objects.append(_FACTOR)
                if rule.reverse:
                    subjects, objects = objects, subjects
                # a topic rule's subject is the disease an earlier sentence named (.relations.topics)
                elsewhere = anaphoric or "topic" in rule.forms
                if objects and (elsewhere or any(s != o for s in subjects for o in objects)):
                    return True
        return False
    return could_relate


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
    readers do not use)."""
    docs = [sentence_doc(parser, s) for s in spans]
    skip = [name for name in UNUSED_COMPONENTS if name in parser.pipe_names]
    return list(parser.pipe(docs, batch_size=batch_size, disable=skip))


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
        self.could_relate = relation_filter(self.rules, self.triggers, patterns.outcomes,
                                            patterns.sites, patterns.factors, patterns)
        self.agent_nouns = patterns.agent_nouns
        event = cues.event_anaphor
        self.anaphor = lambda words: (cues.subject_anaphor.match(words) is not None
                                      or (event is not None and event.match(words) is not None))

    def candidates(self, doc: Doc) -> list[tuple[int, int]]:
        """The sentences that can hold a relation: those the surface reader has a candidate in
        and those :func:`relation_filter` lets through."""
        if self.could_relate is None or self.rules is None or self.triggers is None:
            self.initialize()
        assert self.could_relate is not None and self.rules is not None and self.triggers is not None
        inputs = relation_inputs(doc, self.rules, self.triggers)
        if self.share:
            keep_inputs(doc, inputs)
        read = {c.sentence.index for c in inputs.surface}
        return candidate_sentences(doc, self.could_relate, inputs.mentions, self.anaphor, read,
                                   self.agent_nouns, inputs.lower)

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
