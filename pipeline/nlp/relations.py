"""``mechmine_relations``: rule-based extraction of directed, typed relations.

Sets ``doc._.relations``: list of :class:`Relation`, one per (subject,
predicate, object) found in a sentence, with negation, hedging and the
sentence's evidence level.

No parser is needed. Within each sentence, trigger tokens (the rules of
``resources/relation_rules.yaml``) are read in one of six surface forms
(active, passive, reduced relative, hyphenated "X-induced Y", nominal "secretion
of X by Y", agent noun "X is a driver of Y", "X is linked to Y"). Arguments
are entity mentions (``doc.ents`` plus the generic class mentions the lexicon
set aside in ``doc.spans["mechmine_generic"]``) of the classes a rule allows:
- objects: the list of mentions after the trigger until a clause break
  (coordination and "such as / including / like" lists give one relation per
  conjunct);
- subjects: the nearest mention list before the trigger; for a verb
  coordinated with an earlier one ("reduce X, protect Y and promote Z"), a
  gerund or infinitive, the subject of the sentence's first relation; for a
  relative pronoun ("X, which inhibits Y"), the previous relation's objects;
  for "They ..." / "These cells ...", the previous sentence's subject, and for
  "These molecules ...", its objects (simple carry-over).
Mentions that only modify a noun are no arguments: cell markers ("CD8+ T
cells"), genotypes and hyphenated modifiers ("HOIP-deficient", "LMP1-transformed"),
antibodies ("anti-IL10"), a place phrase's noun ("present in T cells and
represses X"), a subject after "not"; "X-induced Y" as an object means Y.
``reverse`` rules read the arguments the other way ("Y requires X"). The
subject's state (``subject_state`` cues: "knockdown of X", "mutations in X")
flips the polarity (loss) or makes it neutral (variant).
Negation is a NegEx cue between the subject (or clause start) and the
trigger; hedging a hedge cue anywhere in the sentence (BioScope); the evidence
level comes from the sentence's cues (``resources/context_cues.yaml``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.errors import ResourceError
from pipeline.nlp.lexicon_matcher import GENERIC
from pipeline.nlp.sentences import sentence_bounds
from pipeline.ruledata import Meta, Strict, compile_pattern, load_yaml, resource_path

Form = Literal["active", "passive", "reduced", "hyphen", "nominal", "agent_noun", "linked"]
BE = {"is", "are", "was", "were", "be", "been", "being"}
BREAKS = {";", ":", ".", "?", "!"}
RELATIVE = {"which", "that", "who"}
LIST_LINKS = {",", "and", "or", "such", "as", "like", "including", "other", "&", "/", "both", "well"}
OBJECT_STOP = {"to", "into", "through", "via", "in", "by", "during", "after", "under", "at", "within",
               "without", "across", "toward", "towards", "when", "while", "whereas", "because",
               "although", "but", "from", "which", "that", "where", "whose", "than", "before", "following",
               "among"}
SKIPPABLE = {"also", "even", "further", "directly", "can", "could", "may", "might", "will", "would",
             "to", "not", "significantly", "then", "thereby", "both", "help", "helps", "helped", "each",
             "all", "effectively", "potentially", "strongly", "markedly", "indirectly",
             "and", "or", ","}
DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "no", "any", "such",
               "modest", "significant", "marked", "slight", "further"}
ADJECTIVE_CONTEXT = {"with", "have", "has", "had", "having", "showed", "show", "shows", "exhibited",
                     "exhibit", "exhibits", "displayed", "display", "displays", "of", "revealed",
                     "constitutively", "highly"}
MAX_OBJECT_SPAN = 60
FIRST_OBJECT_WITHIN = 8  # tokens between a trigger and its first object, at most


class PredicateSpec(Strict):
    polarity: Literal["positive", "negative", "neutral"]
    indra: str
    semrep: str


class RuleSpec(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    predicate: str
    trigger: str
    forms: list[Form] = Field(min_length=1)
    subject: list[str] = Field(default_factory=list)
    subject_extra: list[str] = Field(default_factory=list)
    object: list[str] = Field(default_factory=list)
    stop: list[str] = Field(default_factory=list)
    prepositions: list[str] = Field(default_factory=lambda: ["to", "with"])
    reverse: bool = False


class RulesFile(Strict):
    meta: Meta
    predicates: dict[str, PredicateSpec]
    agent_classes: list[str]
    agent_terms: str
    ignore: list[str] = Field(default_factory=list)
    generic_classes: list[str] = Field(default_factory=list)
    rules: list[RuleSpec]


class AnaphoraSpec(Strict):
    subject: str
    objects: str


class StateCues(Strict):
    before: str
    after: str


class CuesFile(Strict):
    meta: Meta
    subject_state: dict[Literal["loss", "variant"], StateCues] = Field(default_factory=dict)
    negation: list[str]
    pseudo_negation: list[str] = Field(default_factory=list)
    hedge: list[str]
    evidence: dict[str, list[str]]
    anaphora: AnaphoraSpec


@dataclass(frozen=True)
class Rule:
    id: str
    predicate: str
    polarity: str
    trigger: re.Pattern[str]
    forms: tuple[str, ...]
    subject: frozenset[str]
    object: frozenset[str]
    stop: frozenset[str]
    subject_extra: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset({"to", "with"})
    reverse: bool = False


@dataclass(frozen=True)
class Cues:
    negation: tuple[re.Pattern[str], ...]
    pseudo_negation: tuple[re.Pattern[str], ...]
    hedge: tuple[re.Pattern[str], ...]
    evidence: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    subject_anaphor: re.Pattern[str]
    object_anaphor: re.Pattern[str]
    subject_state: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = ()


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    agent_classes: frozenset[str]
    cues: Cues
    predicates: dict[str, PredicateSpec]
    agent_terms: re.Pattern[str] | None = None
    ignore: frozenset[str] = frozenset()
    generic_classes: frozenset[str] = frozenset()
    _by_word: dict[str, tuple[Rule, ...]] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def triggered(self, word: str) -> tuple[Rule, ...]:
        """The rules whose trigger matches ``word`` (cached per word)."""
        found = self._by_word.get(word)
        if found is None:
            found = tuple(r for r in self.rules if r.trigger.match(word))
            if len(self._by_word) < 500_000:
                self._by_word[word] = found
        return found


def load_rules(rules_path: Path | None = None, cues_path: Path | None = None) -> RuleSet:
    """Load and validate the relation rules and context cues."""
    rules_path = rules_path or resource_path("relation_rules.yaml")
    cues_path = cues_path or resource_path("context_cues.yaml")
    spec = load_yaml(rules_path, RulesFile)
    cue_spec = load_yaml(cues_path, CuesFile)
    if not spec.rules:
        raise ResourceError(f"{rules_path}: no relation rules")
    rules = []
    for r in spec.rules:
        if r.predicate not in spec.predicates:
            raise ResourceError(f"{rules_path}: rule {r.id}: unknown predicate {r.predicate}")
        rules.append(Rule(r.id, r.predicate, spec.predicates[r.predicate].polarity,
                          compile_pattern(r.trigger, f"{rules_path}: rule {r.id}"), tuple(r.forms),
                          frozenset(r.subject), frozenset(r.object), frozenset(r.stop),
                          frozenset(r.subject_extra), frozenset(r.prepositions), r.reverse))
    where = str(cues_path)
    cues = Cues(
        tuple(compile_pattern(p, where) for p in cue_spec.negation),
        tuple(compile_pattern(p, where) for p in cue_spec.pseudo_negation),
        tuple(compile_pattern(p, where) for p in cue_spec.hedge),
        tuple((level, tuple(compile_pattern(p, where) for p in pats))
              for level, pats in cue_spec.evidence.items()),
        compile_pattern(cue_spec.anaphora.subject, where),
        compile_pattern(cue_spec.anaphora.objects, where),
        tuple((state, compile_pattern(c.before, where), compile_pattern(c.after, where))
              for state, c in cue_spec.subject_state.items()),
    )
    return RuleSet(tuple(rules), frozenset(spec.agent_classes), cues, spec.predicates,
                   compile_pattern(spec.agent_terms, str(rules_path)), frozenset(spec.ignore),
                   frozenset(spec.generic_classes))


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    return load_rules()


@dataclass(frozen=True)
class Mention:
    """An argument: token range, text, label, classes and id."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    label: str
    classes: tuple[str, ...]
    kb_id: str

    def key(self) -> str:
        return self.kb_id or self.text.lower()


@dataclass(frozen=True)
class Relation:
    """A directed relation found in one sentence."""

    subject: Mention
    predicate: str
    object: Mention
    polarity: str
    negated: bool
    hedged: bool
    evidence_level: str
    rule_id: str
    form: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    subject_state: str = ""  # "", "loss" or "variant" (see subject_state)


@dataclass
class _State:
    """What the previous sentence leaves for carry-over."""

    subjects: list[Mention] = field(default_factory=list)
    objects: list[Mention] = field(default_factory=list)


AGENT = "AGENT"  # pseudo-class of mentions matching the rule set's agent_terms


def doc_mentions(doc: Doc, rules: RuleSet | None = None) -> list[Mention]:
    """Arguments: entities plus generic class mentions overlapping none, in order.

    Mentions of ignored concepts are left out; generic ones count only with
    the rule set's generic classes; a mention whose text matches the agent
    terms gets the pseudo-class AGENT (so it may be a subject).
    """
    info = doc._.mentions or {}
    spans = list(doc.ents)
    taken = {i for e in spans for i in range(e.start, e.end)}
    generic_ok = rules.generic_classes if rules else frozenset()
    spans += [g for g in doc.spans.get(GENERIC, [])
              if g.label_ in generic_ok and not any(i in taken for i in range(g.start, g.end))]
    out = []
    for span in sorted(spans, key=lambda s: s.start):
        if rules is not None and span.kb_id_ in rules.ignore:
            continue
        m = info.get((span.start_char, span.end_char))
        classes = tuple(m.classes if m else (span.label_,))
        if rules is not None and rules.agent_terms is not None and rules.agent_terms.search(span.text):
            classes = (*classes, AGENT)
        out.append(Mention(span.start, span.end, span.start_char, span.end_char, span.text, span.label_,
                           classes, span.kb_id_))
    return out


def _allowed(m: Mention, classes: frozenset[str]) -> bool:
    return not classes or any(c in classes for c in m.classes)


def _words(sent: Span) -> list[str]:
    return [t.lower_ for t in sent]


def _mention_at(ms: list[Mention], token: int) -> Mention | None:
    for m in ms:
        if m.start <= token < m.end:
            return m
    return None


def collect_objects(ms: list[Mention], words: list[str], offset: int, start: int, classes: frozenset[str],
                    stops: frozenset[str], trigger_tokens: set[int]) -> list[Mention]:
    """Mentions after token ``start`` (sentence-relative) until a clause break."""
    found: list[Mention] = []
    i = start
    limit = min(len(words), start + MAX_OBJECT_SPAN)
    while i < limit:
        w = words[i]
        m = _mention_at(ms, offset + i)
        if m is not None:
            if _allowed(m, classes) and m not in found:
                found.append(m)
            i = m.end - offset
            continue
        adjective = i > 0 and words[i - 1] == "-"  # "inhibit TGF-beta-induced EMT": read on
        if (w in BREAKS or (i in trigger_tokens and i > start and not adjective) or w in RELATIVE
                or (w in BE and i > start)):
            break
        if found and (w in OBJECT_STOP or w in stops):
            break
        if not found and (w in stops or w in OBJECT_STOP) and i > start:
            break  # the first object is not behind a preposition ("reduced X in CD4+ T cells")
        if not found and i - start >= FIRST_OBJECT_WITHIN:
            break
        i += 1
    return found


SUBJECT_FOLLOWERS = BE | SKIPPABLE | RELATIVE | {
    ",", "(", ")", "[", "]", "-", "/", "and", "or", "have", "has", "had", "did", "does", "do", "thus",
    "therefore", "then", "alone", "itself", "themselves", "in", "from", "of", "on", "at", "by", "with"}


# nouns naming what a molecule does, how much there is or what was done to it:
# "IL-10 production requires ERK1", "STAT3 siRNA reduced IL-6"
EVENT_NOUNS = {"production", "expression", "secretion", "activation", "signaling", "signalling",
               "phosphorylation", "level", "levels", "release", "activity", "induction", "transcription",
               "synthesis", "mrna", "sirna", "shrna", "knockdown", "deficiency", "inhibitor", "inhibitors",
               "antagonist", "antagonists", "mutation", "mutations", "variant", "variants", "gene",
               "polymorphism", "polymorphisms"}


def heads_its_phrase(m: Mention, words: list[str], offset: int, trigger_tokens: set[int] | None = None,
                     ) -> bool:
    """A mention followed by another noun ("LMP1 transgenic B cells") only modifies it."""
    k = m.end - offset
    if k >= len(words):
        return True
    w = words[k]
    return (w in SUBJECT_FOLLOWERS or w in EVENT_NOUNS or not w.isalpha() or w.endswith(("ed", "ly"))
            or (trigger_tokens is not None and k in trigger_tokens))


LOCATIVE = {"in", "within", "among", "at", "into", "inside"}


def _in_locative_phrase(m: Mention, ms: list[Mention], words: list[str], offset: int,
                        trigger_tokens: set[int]) -> bool:
    """``m`` ends a place phrase ("in naive CD8+ T cells"): up to four words back is 'in', 'at', ..."""
    starts = {x.end - offset for x in ms}
    j = m.start - offset - 1
    for _ in range(4):
        if j < 0 or words[j] in BREAKS or words[j] in {",", "("} or j + 1 in starts or j in trigger_tokens \
                or words[j] in BE:
            return False
        if words[j] in LOCATIVE:
            return j == 0 or words[j - 1] not in EVENT_NOUNS  # not "mutations in X"
        j -= 1
    return False


def list_before(ms: list[Mention], words: list[str], offset: int, end: int,
                classes: frozenset[str], trigger_tokens: set[int] | None = None) -> list[Mention]:
    """The nearest mention before token ``end`` and the mentions listed with it."""
    before = [m for m in ms if m.end - offset <= end and _allowed(m, classes)]
    if not before:
        return []
    head = before[-1]
    if trigger_tokens is not None and not heads_its_phrase(head, words, offset, trigger_tokens):
        return []
    if trigger_tokens is not None and _in_locative_phrase(head, ms, words, offset, trigger_tokens):
        return []  # "Runx3 is present in naive CD8+ T cells and represses Runx1": not T cells
    # only words that may stand between a trigger and its subject
    gap = words[head.end - offset:end]
    if any(w in BREAKS for w in gap) or len(gap) > 8:
        return []
    out = [head]
    for m in reversed(before[:-1]):
        between = words[m.end - offset:out[-1].start - offset]
        if all(w in LIST_LINKS or w == "-" for w in between):
            out.append(m)
        else:
            break
    return list(reversed(out))


def _prev_nonskip(words: list[str], i: int) -> int:
    j = i - 1
    while j >= 0 and words[j] in SKIPPABLE:
        j -= 1
    return j


def _coordinated(words: list[str], i: int) -> bool:
    """The trigger continues a list of verbs, is an infinitive, or follows 'help(s)'."""
    j = i - 1
    while j >= 0 and (words[j] in {"also", "even", "can", "could", "may", "might", "further"}
                      or (words[j].endswith("ly") and len(words[j]) > 4)):
        j -= 1
    return j >= 0 and words[j] in {",", "and", "or", "to", "help", "helps", "helped", "by", "while"}


def _cue(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return _combined(patterns).search(text) is not None


@lru_cache(maxsize=64)
def _combined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One alternation for a cue list: a single search finds whether any cue occurs."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or r"(?!x)x", re.IGNORECASE)


def is_negated(cues: Cues, text: str) -> bool:
    """A NegEx cue in ``text`` once pseudo-negations ("not only") are taken out."""
    for pseudo in cues.pseudo_negation:
        text = pseudo.sub(" ", text)
    return _cue(cues.negation, text)


FLIP = {"positive": "negative", "negative": "positive"}


def subject_state(cues: Cues, m: Mention, words: list[str], offset: int) -> str:
    """'loss' when the text speaks of the subject's loss, knockdown or inhibition, 'variant'
    of its mutation or polymorphism, else '' (cues: ``subject_state`` of the cues file)."""
    before = " ".join(words[max(0, m.start - offset - 8):m.start - offset])
    after = " ".join(words[m.end - offset:m.end - offset + 3])
    for state, before_cue, after_cue in cues.subject_state:
        if before_cue.search(before) or after_cue.search(after):
            return state
    return ""


def effective_polarity(polarity: str, state: str) -> str:
    """The sign of the subject's own effect: flipped for a loss, neutral for a variant."""
    if state == "variant":
        return "neutral"
    return FLIP.get(polarity, polarity) if state == "loss" else polarity


def sentence_evidence(cues: Cues, text: str) -> str:
    """The first evidence level whose cue occurs in ``text`` ('' when none)."""
    for level, patterns in cues.evidence:
        if _cue(patterns, text):
            return level
    return ""


# after "X-", words that leave X an argument: coordination ("IL-1- and TNF-induced"),
# "MSC-based therapy" (the agent), "neuron-like cells" (the cell type)
KEEP_AFTER_HYPHEN = {"and", "or", "but", "nor", "based", "like"}


def is_modifier(m: Mention, words: list[str], offset: int, trigger_tokens: set[int]) -> bool:
    """A mention that names a cell population, a genotype or an antibody, not an agent.

    "CD8+ T cells", "CD105-positive MSCs", "HOIP-deficient cells",
    "LMP1-transformed fibroblasts", "PKCdelta-dependent apoptosis" (the word after the
    hyphen is no trigger: "TGF-beta-induced EMT" keeps its agent), "anti-IL10".
    """
    k = m.end - offset
    nxt = words[k] if k < len(words) else ""
    if nxt == "+" or m.text.lower().startswith("anti-"):
        return True
    return (nxt == "-" and k + 1 < len(words) and words[k + 1].isalpha()
            and words[k + 1] not in KEEP_AFTER_HYPHEN and k + 1 not in trigger_tokens)


def sentence_relations(sent: Span, sent_index: int, ms: list[Mention], rules: RuleSet,
                       state: _State, words: list[str] | None = None, doc_text: str | None = None,
                       ) -> list[Relation]:
    """Relations of one sentence (updates ``state`` for the next sentence); ``words``: its
    lower-cased tokens, ``doc_text``: ``doc.text``, if already known (``Span.text`` walks
    the tokens; a slice of the doc's text is the same string)."""
    doc = sent.doc
    text = doc_text if doc_text is not None else doc.text
    sent_text = text[sent.start_char:sent.end_char]
    words = words if words is not None else _words(sent)
    off = sent.start
    covered = {i - off for m in ms for i in range(m.start, m.end)}
    triggers: list[tuple[int, Rule]] = []
    for i, w in enumerate(words):
        if i in covered:
            continue
        for rule in rules.triggered(w):
            triggers.append((i, rule))
    trigger_tokens = {i for i, _ in triggers}
    ms = [m for m in ms if not is_modifier(m, words, off, trigger_tokens)]
    # "inhibit TGF-beta-induced EMT" inhibits EMT: before a mention, "X-induced" modifies it
    starts = {m.start - off for m in ms}
    hyphen_modifiers = {m for m in ms if is_modifier(m, words, off, set()) and m.end - off + 2 in starts}
    hedged = _cue(rules.cues.hedge, sent_text)
    evidence = sentence_evidence(rules.cues, sent_text)
    first_words = " ".join(words[:2])
    anaphor_subject = bool(rules.cues.subject_anaphor.match(words[0]) or
                           rules.cues.subject_anaphor.match(first_words))
    anaphor_objects = bool(rules.cues.object_anaphor.match(first_words))
    # the sentence's subject: what precedes its first trigger (for coordinated verbs
    # whose first conjunct found no object: "MSCs help by suppressing X, ... and reducing Y")
    lead_subjects = (list_before(ms, words, off, triggers[0][0], rules.agent_classes | {AGENT},
                                 trigger_tokens) if triggers else [])
    clause_subjects: list[Mention] = []
    out: list[Relation] = []
    last_objects: list[Mention] = []
    done_tokens: set[tuple[int, str]] = set()
    for i, rule in triggers:
        subj_classes = (rule.subject or rules.agent_classes | {AGENT}) | rule.subject_extra
        found = _apply(rule, i, words, off, ms, subj_classes, trigger_tokens,
                       clause_subjects or lead_subjects, last_objects, state, anaphor_subject,
                       anaphor_objects)
        if found is None or (i, rule.predicate) in done_tokens:
            continue
        subjects, objects, form = found
        if rule.reverse:
            subjects, objects = objects, subjects
        subjects = [s for s in subjects if _allowed(s, subj_classes)]
        objects = [o for o in objects if _allowed(o, rule.object) and o not in hyphen_modifiers]
        if not subjects or not objects:
            continue
        done_tokens.add((i, rule.predicate))
        if not clause_subjects and form in ("active", "passive", "reduced", "agent_noun", "linked"):
            clause_subjects = subjects
        last_objects = objects
        neg_from = max(s.end for s in subjects) - off if form == "active" else 0
        cue_span = doc[off + max(0, min(neg_from, i)):off + i + 1]
        neg_span = text[cue_span.start_char:cue_span.end_char]
        negated = is_negated(rules.cues, neg_span)
        for s in subjects:
            if s.start - off > 0 and words[s.start - off - 1] == "not":
                continue  # "CAA but not acrolein inhibited ..."
            state_of = subject_state(rules.cues, s, words, off)
            polarity = effective_polarity(rule.polarity, state_of)
            for o in objects:
                if s.key() == o.key():
                    continue
                out.append(Relation(s, rule.predicate, o, polarity, negated, hedged, evidence, rule.id,
                                    form, sent_index, sent.start_char, sent.end_char, state_of))
    if not clause_subjects and triggers:
        # no relation here, but the sentence's grammatical subject (a mention among
        # its first words) may still be carried over
        head = list_before(ms, words, off, triggers[0][0], rules.agent_classes | {AGENT})
        clause_subjects = head if head and head[0].start - off <= 3 else []
    if clause_subjects:
        state.subjects = clause_subjects
    if last_objects:
        state.objects = last_objects
    return out


def _apply(rule: Rule, i: int, words: list[str], off: int, ms: list[Mention], subj_classes: frozenset[str],
           trigger_tokens: set[int], clause_subjects: list[Mention], last_objects: list[Mention],
           state: _State, anaphor_subject: bool, anaphor_objects: bool,
           ) -> tuple[list[Mention], list[Mention], str] | None:
    """Subjects and objects of one trigger under the first form of ``rule`` that fits."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    prev = words[i - 1] if i > 0 else ""
    forms = ("hyphen",) if prev == "-" else rule.forms  # "repair-promoting" is an adjective
    for form in forms:
        if form not in rule.forms:
            return None
        if form == "hyphen":
            if prev == "-" and i >= 2:
                subj = _mention_at(ms, off + i - 2)
                obj = collect_objects(ms, words, off, i + 1, rule.object, frozenset(), trigger_tokens)
                if subj is not None and obj:
                    return [subj], obj[:1], form
            continue
        if form == "nominal":
            if nxt == "of":
                objects = collect_objects(ms, words, off, i + 2, rule.object, frozenset({"by", "from"}),
                                          trigger_tokens)
                agent = _after(words, i + 2, {"by", "from"}, trigger_tokens)
                subjects = (collect_objects(ms, words, off, agent + 1, subj_classes, frozenset(),
                                            trigger_tokens) if agent is not None else [])
                if not subjects and prev in {"by", "through", "via"} and clause_subjects:
                    subjects = clause_subjects
                if objects and subjects:
                    return subjects, objects, form
            continue
        if form == "agent_noun":
            if nxt == "of":
                j = i - 1
                while j >= 0 and words[j] not in BE and i - j <= 5:
                    j -= 1
                if j >= 0 and words[j] in BE:
                    subjects = list_before(ms, words, off, j, subj_classes)
                    objects = collect_objects(ms, words, off, i + 2, rule.object, rule.stop, trigger_tokens)
                    if subjects and objects:
                        return subjects, objects, form
            continue
        if form == "linked":
            if nxt in rule.prepositions and any(w in BE for w in words[max(0, i - 3):i]):
                j = max(k for k in range(max(0, i - 3), i) if words[k] in BE)
                subjects = list_before(ms, words, off, j, subj_classes)
                objects = collect_objects(ms, words, off, i + 2, rule.object, rule.stop, trigger_tokens)
                if subjects and objects:
                    return subjects, objects, form
            continue
        participle = words[i].endswith("ed") or words[i] in {"driven", "shown", "given", "led"}
        be_before = any(w in BE for w in words[max(0, i - 3):i])
        if form == "passive" and participle and be_before:
            agent = _after(words, i + 1, {"by"}, trigger_tokens)
            if agent is None:
                continue
            j = max(k for k in range(max(0, i - 3), i) if words[k] in BE)
            objects = list_before(ms, words, off, j, rule.object)
            subjects = collect_objects(ms, words, off, agent + 1, subj_classes, rule.stop, trigger_tokens)
            if subjects and objects:
                return subjects, objects, form
            continue
        if form == "reduced" and participle and nxt == "by" and not be_before:
            objects = list_before(ms, words, off, i, rule.object)
            subjects = collect_objects(ms, words, off, i + 2, subj_classes, rule.stop, trigger_tokens)
            if subjects and objects:
                return subjects, objects, form
            continue
        if form == "active":
            if participle and (be_before or nxt == "by"):
                continue
            if prev in DETERMINERS:
                continue  # a noun ("a modest decrease in ..."), not a verb
            if participle and prev in ADJECTIVE_CONTEXT:
                continue  # "cells showed decreased expression of p27": an adjective
            first = _target_start(words, i + 1, trigger_tokens)
            objects = collect_objects(ms, words, off, first, rule.object, rule.stop, trigger_tokens)
            if not objects:
                continue
            p = _prev_nonskip(words, i)
            if p >= 0 and words[p] in RELATIVE:
                subjects = last_objects or list_before(ms, words, off, p, subj_classes)
            elif _coordinated(words, i) and clause_subjects:
                subjects = clause_subjects
            elif _coordinated(words, i) and _object_of_trigger(list_before(ms, words, off, i, subj_classes),
                                                              words, off, trigger_tokens):
                subjects = []  # "represses Runx1 and induces Eomes": Runx1 is an object
            else:
                subjects = list_before(ms, words, off, i, subj_classes, trigger_tokens)
                if not subjects and anaphor_objects and state.objects:
                    subjects = state.objects
                elif not subjects and anaphor_subject and state.subjects:
                    subjects = state.subjects
                elif not subjects and clause_subjects:
                    subjects = clause_subjects
            if subjects:
                return subjects, objects, form
    return None


def _object_of_trigger(found: list[Mention], words: list[str], offset: int, trigger_tokens: set[int]) -> bool:
    """The mention list directly follows a trigger (determiners aside): it is that verb's object."""
    if not found:
        return False
    j = found[0].start - offset - 1
    while j >= 0 and words[j] in DETERMINERS:
        j -= 1
    return j in trigger_tokens and (j == 0 or words[j - 1] != "-")


TARGET_PREPOSITIONS = {"to", "into", "toward", "towards"}


def _target_start(words: list[str], start: int, trigger_tokens: set[int]) -> int:
    """Where the objects of a trigger begin: after "to" in "shift from M1 to M2" (the state
    left is no object), else at ``start``."""
    if start < len(words) and words[start] == "from":
        to = _after(words, start + 1, TARGET_PREPOSITIONS, trigger_tokens)
        if to is not None:
            return to + 1
    return start


def _after(words: list[str], start: int, targets: set[str], trigger_tokens: set[int]) -> int | None:
    for k in range(start, min(len(words), start + MAX_OBJECT_SPAN)):
        if words[k] in BREAKS or (k in trigger_tokens and k != start):
            return None
        if words[k] in targets:
            return k
    return None


def doc_relations(doc: Doc, rules: RuleSet) -> list[Relation]:
    """All relations of ``doc``, sentence by sentence, deduplicated per sentence.

    Only sentences with a mention and a trigger can give a relation or change
    the carry-over state; the others are passed over without making spans.
    """
    ms = doc_mentions(doc, rules)
    if not ms:
        return []
    strings = doc.vocab.strings
    lower = [strings[h] for h in doc.to_array(LOWER).tolist()]
    firsts = [m.start for m in ms]
    text = doc.text
    state = _State()
    out: list[Relation] = []
    for k, (start, end) in enumerate(sentence_bounds(doc)):
        lo, hi = bisect_left(firsts, start), bisect_left(firsts, end)
        sent_ms = [m for m in ms[lo:hi] if m.end <= end]
        if not sent_ms:
            continue
        words = lower[start:end]
        if not any(rules.triggered(w) for w in words):
            continue
        seen: set[tuple[str, str, str]] = set()
        for rel in sentence_relations(doc[start:end], k, sent_ms, rules, state, words, text):
            key = (rel.subject.key(), rel.predicate, rel.object.key())
            if key not in seen:
                seen.add(key)
                out.append(rel)
    return out


class RelationExtractor:
    """The component: sets ``doc._.relations`` (list of :class:`Relation`)."""

    def __init__(self, nlp: Language, name: str, rules: str, cues: str) -> None:
        self.name = name
        self.rules = (load_rules(Path(rules) if rules else None, Path(cues) if cues else None)
                      if rules or cues else default_rules())

    def __call__(self, doc: Doc) -> Doc:
        doc._.relations = doc_relations(doc, self.rules)
        return doc


@Language.factory(
    "mechmine_relations",
    requires=["doc.ents", "token.is_sent_start"],
    assigns=["doc._.relations"],
    default_config={"rules": "", "cues": ""},
)
def make_relations(nlp: Language, name: str, rules: str, cues: str) -> RelationExtractor:
    """Rule-based relation extraction (see the module docstring)."""
    return RelationExtractor(nlp, name, rules, cues)


__all__ = ["Mention", "Relation", "RelationExtractor", "doc_relations", "load_rules"]
