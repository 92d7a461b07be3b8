"""``mechmine_lexicon``: dictionary NER over the packaged lexicon.

Sets ``doc.ents`` (label = the concept's primary class, ``kb_id_`` = its id)
and ``doc._.mentions`` (classes, canonical name, source "lexicon:<term
source>"). Matching is exact on normalised token keys
(:mod:`pipeline.lexicon.normalize`); short all-letter terms must match with
their own case. Overlaps are resolved longest-first
(:func:`spacy.util.filter_spans`); a match right before "et al." is an author
and is dropped. Entities an installed model set before this component are
merged by :func:`pipeline.nlp.model_merge.merge_with_model`. A stoplist (``resources/stoplist.tsv``,
terms matched often but rarely annotated in training corpora) removes
ambiguous entries (``use_stoplist=False`` turns it off); they are kept in
``doc.spans["mechmine_generic"]`` for the relation extractor, except class nouns
("MSCs secrete cytokines": group concepts written as lower-case plurals), which are
entities and are also listed in ``doc.spans["mechmine_group"]``. Short names that are an
entity only in context ("M2" in a sentence about macrophages) come from ``resources/contextual_terms.yaml``
(:func:`contextual_spans`, source "lexicon:contextual").
"""

# No ``from __future__ import annotations``: spaCy validates ``initialize`` settings against
# its annotations, which must be real types.

import csv
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from pipeline.errors import MechmineError
from pipeline.lexicon import Concept, Lexicon, Match, cached_lexicon, load_reference, save_reference
from pipeline.lexicon import groups as lexicon_groups
from pipeline.lexicon.drugclass import DRUG_CLASS_SOURCE, is_drug_class_mention
from pipeline.lexicon.groups import GROUP_SPANS, GROUPS_FILE, is_group_noun, read_groups
from pipeline.lexicon.plurals import plural_matches
from pipeline.lexicon.refine import (
    RULES_FILE,
    MentionRules,
    TokenText,
    load_mention_rules,
    refine,
    rules_path,
)
from pipeline.lexicon.tails import anatomy_tails
from pipeline.lexicon.tokens import DocKeys, KeyedText
from pipeline.nlp.contextual_terms import (
    ContextualTerm,
    contextual_norms,
    contextual_spans,
    load_contextual_terms,
)
from pipeline.nlp.extensions import MentionInfo, mentions
from pipeline.nlp.model_merge import load_model_labels, load_model_refines, merge_with_model
from pipeline.ruledata import resource_path, save_data, saved_data

log = logging.getLogger(__name__)

BLOCK = "\u00b6"


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


GENERIC = "mechmine_generic"
GROUP = GROUP_SPANS
GROUP_SUFFIX = lexicon_groups.GROUP_SOURCE_SUFFIX
# A gene or protein name read in the plural names a family ("tyrosine kinases", "neu proteins"),
# which the gene corpora annotate inconsistently: on the dev splits the plural fallback for this
# class costs BioNLP13CG genes 0.0009 strict F1 and gains BC2GM/JNLPBA < 0.001, so it is left out.
PLURAL_FAMILY = "GENE_OR_PROTEIN"


def lexicon_spans(doc: Doc, lexicon: Lexicon, keys: DocKeys, stopped: frozenset[int],
                  generic: list[Span] | None = None, rules: MentionRules | None = None,
                  plurals: bool = True, class_nouns: frozenset[tuple[str, str]] = frozenset(),
                  modifiers: frozenset[str] = frozenset(),
                  cell_modifiers: frozenset[str] = frozenset(), lineage: frozenset[str] = frozenset(),
                  lookup: Callable[[str], Concept | None] | None = None,
                  key_of: Callable[[str], str] | None = None,
                  keyed: KeyedText | None = None,
                  raw: tuple[list[Match], list[Match]] | None = None) -> list[tuple[Span, Match]]:
    """Longest non-overlapping lexicon matches of ``doc`` with their concepts.

    Stoplisted matches ("cytokines", "protein") are not entities; when
    ``generic`` is given they are collected there (relations may use them). With
    ``rules``, fragments, deficit phrases and eponyms are settled by
    :func:`pipeline.lexicon.refine.refine`. With ``plurals``, a name whose last word is a
    plural the vocabulary lacks is found by its singular (:mod:`pipeline.lexicon.plurals`),
    unless the text matched it (or stopped it) as written, it is a gene or protein
    (``PLURAL_FAMILY``), or it holds a shorter match of the same concept ("FasL proteins").
    A stoplisted match whose (key, kb_id) is in ``class_nouns`` (a group concept, see
    :func:`class_noun_keys`) and that is written as a lower-case plural ("cytokines") is an
    entity all the same; its source gets the suffix ``+group`` and :func:`group_spans`
    lists it (:mod:`pipeline.lexicon.groups`). Such a class noun directly preceded by a word
    of ``modifiers`` ("pro-inflammatory cytokines") is extended over it
    (:func:`pipeline.lexicon.groups.modifier_start`); so is a CELL_TYPE match directly
    preceded by a word of ``cell_modifiers`` ("human mesenchymal stem cells", "resident
    fibroblasts"; over a word of ``lineage``, "mesenchymal stromal cells", without an id).
    ``lookup`` (a term key's concept) and ``key_of`` (a text's term key) stand for ``lexicon.lookup``
    and :func:`_key_of` (the component passes memoised ones, :class:`Memo`);
    ``keyed``: ``keys(doc)`` when the caller has it; ``raw``: :func:`raw_matches` of it, when the
    caller has them (the component finds them for a batch of documents in a row).
    """
    keyed = keys(doc) if keyed is None else keyed
    n = len(doc)
    scanned, plural = raw if raw is not None else raw_matches(lexicon, keyed, n, stopped, plurals,
                                                              bool(class_nouns))
    found: dict[tuple[int, int], Match] = {}
    held: dict[tuple[int, int], Match] = {}
    # "et" then a word beginning "al" come out as "et al..." or "etal..." in the key text
    authors = "et al" in keyed.text or "etal" in keyed.text
    for m in scanned:
        if authors and m.end + 1 < n and keyed.norm(m.end) == "et" and keyed.norm(m.end + 1).startswith("al"):
            continue  # an author's name ("Li et al.")
        if m.stopped:
            if (m.key, m.concept.kb_id) not in class_nouns or not is_group_noun(
                    [t.text for t in doc[m.start:m.end]]):
                held.setdefault((m.start, m.end), m)
                continue
            m = Match(m.start, m.end, m.concept, m.source + GROUP_SUFFIX, m.key)
        elif m.source == DRUG_CLASS_SOURCE:  # a drug class: a class noun in the plural, or nothing
            words = [t.text for t in doc[m.start:m.end]]
            if not is_drug_class_mention(words, bool(doc[m.start].is_sent_start)):
                continue
            m = Match(m.start, m.end, m.concept, m.source + GROUP_SUFFIX, m.key)
        found.setdefault((m.start, m.end), m)
    if plurals:
        first = dict(found)
        for m in plural:
            if m.source.startswith(DRUG_CLASS_SOURCE):
                continue  # drug-class terms are plurals already
            if m.stopped:  # a stoplisted family read as a plural: only a class noun ("growth factors")
                if (m.key, m.concept.kb_id) not in class_nouns or not is_group_noun(
                        [t.text for t in doc[m.start:m.end]]) or (m.start, m.end) in held:
                    continue
                m = Match(m.start, m.end, m.concept, m.source + GROUP_SUFFIX, m.key)
            elif m.concept.label == PLURAL_FAMILY or (m.start, m.end) in held or any(
                    m.start <= a and b <= m.end and f.concept.kb_id == m.concept.kb_id
                    for (a, b), f in first.items() if a < m.end and m.start < b):
                continue
            found.setdefault((m.start, m.end), m)
    if generic is not None:
        generic.extend(Span(doc, s, e, label=m.concept.label, kb_id=m.concept.kb_id)
                       for s, e in longest_first(held) for m in (held[(s, e)],))
    chosen = [(s, e, found[(s, e)]) for s, e in longest_first(found)]
    words = TokenText(doc)  # the token strings the rules read, once for all of them
    if rules is not None:
        chosen = refine(doc, chosen, rules, lookup or lexicon.lookup,
                        key_of or (lambda text: _key_of(doc, keys, text)), anatomy_tails(lexicon), words)
    if modifiers or cell_modifiers:
        chosen = lexicon_groups.extend_over_modifiers(doc, chosen, modifiers, cell_modifiers, lineage, words)
    return [(Span(doc, s, e, label=m.concept.label, kb_id=m.concept.kb_id), m) for s, e, m in chosen]


def raw_matches(lexicon: Lexicon, keyed: KeyedText, n_tokens: int, stopped: frozenset[int],
                plurals: bool = True, keep_stopped: bool = False) -> tuple[list[Match], list[Match]]:
    """What :func:`lexicon_spans` reads of the automaton for a doc's key text ``keyed``
    (``n_tokens`` tokens): :meth:`Lexicon.scan`'s matches and, with ``plurals``,
    :func:`pipeline.lexicon.plurals.plural_matches` (``keep_stopped``: there are class nouns)."""
    scanned = lexicon.scan(keyed, stopped)
    return scanned, plural_matches(lexicon, keyed, n_tokens, stopped, keep_stopped) if plurals else []


def group_spans(chosen: list[tuple[Span, Match]]) -> list[Span]:
    """The class-noun mentions among ``chosen`` (source ending ``+group``)."""
    return [span for span, m in chosen if m.source.endswith(GROUP_SUFFIX)]


def class_noun_keys(stoplist: set[tuple[str, str]], groups: frozenset[str],
                    generic: set[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """Stoplist rows of group concepts, without the generic words of the mention rules."""
    words = {k for k, _ in generic}
    return frozenset((k, i) for k, i in stoplist if i in groups and k not in words)


def _key_of(doc: Doc, keys: DocKeys, text: str) -> str:
    """The matcher key of ``text`` tokenized on whitespace (for short lookups such as eponyms)."""
    return keys(Doc(doc.vocab, words=text.split())).text


class Memo:
    """A pure function of one string, memoised (cleared when it holds ``size`` results): the
    mention rules look the same few words up in every document."""

    def __init__(self, fn: Callable[[str], object], size: int = 200_000) -> None:
        self.fn, self.size = fn, size
        self.memo: dict[str, object] = {}

    def __call__(self, text: str):  # type: ignore[no-untyped-def]
        memo = self.memo
        try:
            return memo[text]
        except KeyError:
            if len(memo) >= self.size:
                memo.clear()
            got = memo[text] = self.fn(text)
            return got


def longest_first(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping token ranges, longest first then leftmost (as spaCy's filter_spans), in order."""
    taken: set[int] = set()
    out = []
    for s, e in sorted(ranges, key=lambda r: (r[1] - r[0], -r[0]), reverse=True):
        if s not in taken and e - 1 not in taken:
            out.append((s, e))
            taken.update(range(s, e))
    return sorted(out)


MATCHER_DATA = ("stoplist.tsv", "contextual_terms.yaml", "model_labels.yaml", RULES_FILE,
                lexicon_groups.MODIFIERS_FILE)


def packaged_matcher_data() -> dict[str, Path]:
    """The packaged rule files of the matcher, by their name in a saved pipeline."""
    return {name: rules_path() if name == RULES_FILE else resource_path(name) for name in MATCHER_DATA}


class LexiconMatcher:
    """The component: wires :func:`lexicon_spans` (and :func:`merge_with_model`) into ``doc.ents``.

    Empty until :meth:`initialize` (the packaged lexicon and rule files unless other paths
    are given) or :meth:`from_disk`. ``to_disk`` copies the rule files and writes a
    reference to the lexicon tables with their digest (:func:`pipeline.lexicon.save_reference`).
    """

    def __init__(self, nlp: Language, name: str, *, use_stoplist: bool = True) -> None:
        self.name = name
        self.use_stoplist = use_stoplist
        self.finds = frozenset(nlp.meta.get("mechmine_finds", ()))
        self.keys = DocKeys()
        self._make_doc = nlp.make_doc
        self._add_string = nlp.vocab.strings.add
        self._vocab = nlp.vocab
        self._lookup: Callable[[str], Concept | None] | None = None
        self._key_of: Callable[[str], str] | None = None
        self.lexicon: Lexicon | None = None
        self.lexicon_dir = resource_path("lexicon")
        self.files: dict[str, Path] = {}
        self.model_labels: dict[str, str] = {}
        self.refines: dict[str, frozenset[str]] = {}
        self.stoplist: set[tuple[str, str]] = set()
        self.stopped: frozenset[int] = frozenset()
        self.contextual: list[ContextualTerm] = []
        self._contextual_norms: tuple[str, ...] = ()
        self._infos: dict[tuple[tuple[str, ...], str, str], MentionInfo] = {}
        self.rules: MentionRules | None = None
        self.class_nouns: frozenset[tuple[str, str]] = frozenset()
        self.modifiers: frozenset[str] = frozenset()
        self.cell_modifiers: frozenset[str] = frozenset()
        self.lineage: frozenset[str] = frozenset()

    def initialize(self, get_examples: Callable[[], Iterable[object]] | None = None, *,
                   nlp: Language | None = None, lexicon_dir: Path | None = None, stoplist: Path | None = None,
                   contextual_terms: Path | None = None, model_labels: Path | None = None,
                   mention_rules: Path | None = None, group_modifiers: Path | None = None) -> None:
        """Load the lexicon and the rule files (each default: the packaged one)."""
        files = packaged_matcher_data()
        for name, given in zip(MATCHER_DATA, (stoplist, contextual_terms, model_labels, mention_rules,
                                              group_modifiers), strict=True):
            if given is not None:
                files[name] = Path(given)
        self._load(Path(lexicon_dir) if lexicon_dir else resource_path("lexicon"), files)

    def _load(self, lexicon_dir: Path, files: dict[str, Path]) -> None:
        self.lexicon = cached_lexicon(lexicon_dir)
        self.lexicon_dir = lexicon_dir
        self.files = files
        self.model_labels = load_model_labels(files["model_labels.yaml"])
        self.refines = load_model_refines(files["model_labels.yaml"])
        self.rules = load_mention_rules(files[RULES_FILE]) if files[RULES_FILE].exists() else None
        self.stoplist = load_stoplist(files["stoplist.tsv"]) if self.use_stoplist else set()
        if self.rules is not None and self.rules.unstopped:  # entities in running text all the same
            self.stoplist = {row for row in self.stoplist if row[0] not in self.rules.unstopped}
        generic = self.rules.generic_keys() if self.use_stoplist and self.rules is not None else set()
        self.class_nouns = class_noun_keys(self.stoplist, read_groups(lexicon_dir / GROUPS_FILE), generic)
        self.stoplist |= generic
        mods = files[lexicon_groups.MODIFIERS_FILE]  # a pipeline saved before the file existed has none
        self.modifiers = lexicon_groups.load_group_modifiers(mods) if mods.exists() else frozenset()
        self.cell_modifiers = lexicon_groups.load_cell_modifiers(mods) if mods.exists() else frozenset()
        self.lineage = lexicon_groups.load_lineage_modifiers(mods) if mods.exists() else frozenset()
        self.stopped = self.lexicon.stopped_candidates(self.stoplist)
        lexicon, keys, vocab = self.lexicon, self.keys, self._vocab
        self._lookup = Memo(lexicon.lookup)
        self._key_of = Memo(lambda text: keys(Doc(vocab, words=text.split())).text)
        self.contextual = load_contextual_terms(
            self.lexicon, lambda term: self.keys(self._make_doc(term)).text, self._add_string,
            files["contextual_terms.yaml"])
        self._contextual_norms = contextual_norms(self.contextual, self._vocab.strings.__getitem__)
        self._infos = {}

    def _info(self, m: Match) -> MentionInfo:
        """``MentionInfo(classes, canonical name, "lexicon:<source>")`` of a match, shared by all
        matches that have the same (frozen): most mentions repeat across documents."""
        key = (m.concept.classes, m.concept.canonical_name, m.source)
        got = self._infos.get(key)
        if got is None:
            if len(self._infos) >= 200_000:
                self._infos.clear()
            got = self._infos[key] = MentionInfo(m.concept.classes, m.concept.canonical_name,
                                                 f"lexicon:{m.source}")
        return got

    def to_disk(self, path: Path | str, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        save_data(self.files, path)
        save_reference(self.lexicon_dir, path)

    def from_disk(self, path: Path | str, *, exclude: Iterable[str] = ()) -> "LexiconMatcher":
        path = Path(path)
        self._load(load_reference(path), saved_data(path, packaged_matcher_data()))
        return self

    def _ready(self) -> Lexicon:
        if self.lexicon is None:
            raise MechmineError(f"{self.name}: not initialized (call nlp.initialize() or the component's "
                                "initialize())")
        return self.lexicon

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """``__call__`` over ``docs``, the automaton read for ``batch_size`` documents in a row
        first, one step at a time (key texts, scans, plural readings: :func:`raw_matches`): its
        tables (some hundred MB) stay in the CPU caches, which the rules' work in between would
        evict. Same results as ``__call__``, doc by doc."""
        for batch in minibatch(docs, size=batch_size):
            lexicon, stopped, keep = self._ready(), self.stopped, bool(self.class_nouns)
            keyed = [self.keys(doc) for doc in batch]
            scanned = [lexicon.scan(k, stopped) for k in keyed]
            plural = [plural_matches(lexicon, k, len(doc), stopped, keep)
                      for doc, k in zip(batch, keyed, strict=True)]
            for doc, k, raw in zip(batch, keyed, zip(scanned, plural, strict=True), strict=True):
                yield self._annotate(doc, k, raw)

    def __call__(self, doc: Doc) -> Doc:
        lexicon = self._ready()
        keyed = self.keys(doc)
        return self._annotate(doc, keyed, raw_matches(lexicon, keyed, len(doc), self.stopped, True,
                                                      bool(self.class_nouns)))

    def _annotate(self, doc: Doc, keyed: KeyedText, raw: tuple[list[Match], list[Match]]) -> Doc:
        lexicon = self._ready()
        info = mentions(doc)
        generic: list[Span] = []
        chosen = lexicon_spans(doc, lexicon, self.keys, self.stopped, generic, self.rules,
                               class_nouns=self.class_nouns, modifiers=self.modifiers,
                               cell_modifiers=self.cell_modifiers, lineage=self.lineage,
                               lookup=self._lookup, key_of=self._key_of, keyed=keyed, raw=raw)
        doc.spans[GROUP] = group_spans(chosen)
        extra = contextual_spans(doc, self.contextual, ((s.start, s.end) for s, _ in chosen), keyed,
                                 self._contextual_norms)
        if extra:
            chosen = sorted([*chosen, *extra], key=lambda pair: pair[0].start)
        doc.spans[GENERIC] = generic  # longest_first's ranges: non-overlapping, in order already
        model_ents = list(doc.ents)
        if model_ents or self.finds:
            merged = merge_with_model(doc, model_ents, chosen, self.model_labels, self.finds, self.refines)
        else:  # the lexicon alone: merge_with_model's first case, one MentionInfo per kind of mention
            merged = [(span, self._info(m)) for span, m in chosen]
        for span, mention in merged:
            info[(span.start_char, span.end_char)] = mention
        # lexicon spans alone never overlap (longest_first); with a model's they may
        # (set_ents: the ``doc.ents`` setter would copy every span first)
        doc.set_ents(filter_spans([s for s, _ in merged]) if model_ents else [s for s, _ in merged])
        return doc


@Language.factory(
    "mechmine_lexicon",
    requires=["token.is_sent_start"],
    assigns=["doc.ents", "doc._.mentions", "doc.spans"],
    default_config={"use_stoplist": True},
)
def make_lexicon_matcher(nlp: Language, name: str, use_stoplist: bool) -> LexiconMatcher:
    """Dictionary NER over a lexicon (loaded by ``initialize``); ``use_stoplist=False`` keeps the
    stoplisted matches as entities."""
    return LexiconMatcher(nlp, name, use_stoplist=use_stoplist)
