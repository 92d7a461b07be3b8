"""The ``mechmine_relations`` component: sets ``doc._.relations``.

``__call__`` only wires the pure functions: the doc's argument mentions
(:mod:`.arguments`), the surface reader's candidates (:mod:`.surface`), one
finalize step (:mod:`.finalize`) and the document-level relations (:mod:`.document`); finalize
reads the article kind from
``doc._.article_kind`` (set by the caller before the pipeline runs) for the
evidence level of sentences without a cue.

The rules are data: :meth:`RelationExtractor.initialize` loads the packaged
``relation_rules.yaml`` and ``context_cues.yaml`` (or files given as
``rules`` / ``cues``), :meth:`~RelationExtractor.to_disk` writes both files next
to the pipeline and :meth:`~RelationExtractor.from_disk` reads them back, so
``nlp.to_disk()`` + ``spacy.load()`` does not depend on the installed package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.errors import MechmineError
from pipeline.nlp.relations.dependency import DepReading, Reader, check_surface, make_reader
from pipeline.nlp.relations.dependency import doc_candidates as dep_candidates
from pipeline.nlp.relations.display import shown_objects
from pipeline.nlp.relations.document import document_relations
from pipeline.nlp.relations.finalize import finalize
from pipeline.nlp.relations.inputs import relation_inputs, take_inputs
from pipeline.nlp.relations.leadins import lead_in_candidates
from pipeline.nlp.relations.patterns import PATTERNS_FILE, load_patterns
from pipeline.nlp.relations.rules import CUES_FILE, RULES_FILE, RuleSet, TriggerIndex, load_rules
from pipeline.nlp.relations.types import Candidate, Relation
from pipeline.ruledata import resource_path

MERGE_POLICIES = ("fallback", "matched", "dep_only", "union")


def merge_readers(surface: Sequence[Candidate], dep: DepReading | dict[int, list[Candidate]],
                  policy: str = "fallback") -> list[Candidate]:
    """One candidate list in sentence order. In a parsed sentence the dependency reader's
    candidates come first, then the surface reader's as ``policy`` says:

    - ``fallback``: for the triggers the dependency reader proposed nothing at;
    - ``matched``: for the triggers no dependency pattern matched at;
    - ``dep_only``: none (the surface reader only reads unparsed sentences);
    - ``union``: all of them (finalize keeps the first of a duplicate).
    """
    if isinstance(dep, dict):
        dep = DepReading(dep, {})
    if policy not in MERGE_POLICIES:
        raise MechmineError(f"unknown merge policy {policy!r} (one of {', '.join(MERGE_POLICIES)})")
    if not dep.candidates:
        return list(surface)
    out: list[Candidate] = []
    by_sentence: dict[int, list[Candidate]] = {}
    for c in surface:
        by_sentence.setdefault(c.sentence.index, []).append(c)
    for k in sorted(set(by_sentence) | set(dep.candidates)):
        parsed = dep.candidates.get(k, [])
        out.extend(parsed)
        rest = by_sentence.get(k, [])
        if k in dep.candidates and policy != "union":
            if policy == "dep_only":
                continue
            read = {c.trigger for c in parsed}
            if policy == "matched":
                read |= dep.matched.get(k, set())
            rest = [c for c in rest if c.trigger not in read]
        out.extend(rest)
    return out


def doc_relations(doc: Doc, rules: RuleSet, triggers: TriggerIndex | None = None,
                  reader: Reader | None = None, merge: str = "fallback") -> list[Relation]:
    """All relations of ``doc``: mentions -> candidates of the dependency reader (on the
    sentences ``mechmine_parser`` parsed, with ``reader``) and the surface reader -> finalize.
    The mentions and surface candidates ``mechmine_parser`` read under the same ``rules`` are
    taken from the doc (:mod:`.inputs`), else read here."""
    inputs = take_inputs(doc, rules)
    if inputs is None:
        inputs = relation_inputs(doc, rules, triggers or TriggerIndex(rules))
    ms, lower, bounds = inputs.mentions, inputs.lower, inputs.bounds
    if not ms:
        return []
    candidates = list(inputs.surface)
    parses = doc._.parses
    if reader is not None and parses:
        dep = dep_candidates(reader, doc, ms, bounds, parses, doc._.parse_candidates)  # marks the triggers
        candidates = merge_readers(check_surface(candidates, bounds, parses, ms), dep, merge)
    listed = lead_in_candidates(doc, ms, bounds, rules, rules.cues.lead_ins)  # rellists (.leadins)
    if listed:  # in sentence order, as finalize reads them
        candidates = sorted(candidates + listed, key=lambda c: c.sentence.index)
    relations = shown_objects(finalize(candidates, doc, lower, rules, doc._.article_kind or "", ms), doc)
    return relations + document_relations(doc, ms, rules, relations)  # a title's variants (.document)


class RelationExtractor:
    """The component: sets ``doc._.relations`` (list of :class:`~.types.Relation`)."""

    def __init__(self, nlp: Language, name: str, merge: str = "fallback") -> None:
        if merge not in MERGE_POLICIES:
            raise MechmineError(f"{name}: unknown merge policy {merge!r} "
                                f"(one of {', '.join(MERGE_POLICIES)})")
        self.name = name
        self.merge = merge
        self.vocab = nlp.vocab
        self.rules: RuleSet | None = None
        self.triggers: TriggerIndex | None = None
        self.reader: Reader | None = None
        self.sources: dict[str, str] = {}  # file name -> text of the rule files in use

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, rules: str | None = None, cues: str | None = None,
                   patterns: str | None = None) -> None:
        """Load the rule files: ``rules`` / ``cues`` / ``patterns`` paths, else the packaged ones."""
        self._load(Path(rules) if rules else resource_path(RULES_FILE),
                   Path(cues) if cues else resource_path(CUES_FILE),
                   Path(patterns) if patterns else resource_path(PATTERNS_FILE))

    def _load(self, rules_path: Path, cues_path: Path, patterns_path: Path) -> None:
        self.rules = load_rules(rules_path, cues_path)
        self.triggers = TriggerIndex(self.rules)
        self.reader = make_reader(self.rules, self.triggers, self.vocab, load_patterns(patterns_path))
        self.sources = {RULES_FILE: rules_path.read_text(encoding="utf-8"),
                        CUES_FILE: cues_path.read_text(encoding="utf-8"),
                        PATTERNS_FILE: patterns_path.read_text(encoding="utf-8")}

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            raise MechmineError(f"{self.name}: no rules loaded; call its initialize() (make_nlp does)")
        doc._.relations = doc_relations(doc, self.rules, self.triggers, self.reader, self.merge)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the rule files in use to the folder ``path``."""
        if self.rules is None:
            raise MechmineError(f"{self.name}: nothing to save; call its initialize() first")
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in self.sources.items():
            (folder / name).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RelationExtractor:
        """Read (and validate) the rule files :meth:`to_disk` wrote."""
        folder = Path(path)
        patterns = folder / PATTERNS_FILE
        self._load(folder / RULES_FILE, folder / CUES_FILE,
                   patterns if patterns.exists() else resource_path(PATTERNS_FILE))
        return self


@Language.factory(
    "mechmine_relations",
    requires=["doc.ents", "token.is_sent_start"],
    assigns=["doc._.relations"],
)
def make_relations(nlp: Language, name: str, merge: str = "fallback") -> RelationExtractor:
    """Rule-based relation extraction (see :mod:`pipeline.nlp.relations`); ``merge``: how the
    surface reader's candidates join the dependency reader's in a parsed sentence
    (:func:`merge_readers`)."""
    return RelationExtractor(nlp, name, merge)
