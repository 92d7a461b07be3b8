"""The surface reader: candidates from trigger words and the mentions around them.

No parser is needed. Within each sentence, trigger tokens (the rules of
``resources/relation_rules.yaml``) are read in one of seven surface forms, one
function each (:data:`FORMS`): active, passive, reduced relative, hyphenated
"X-induced Y", nominal "secretion of X by Y", agent noun "X is a driver of Y",
"X is linked to Y". Every form reads a frozen :class:`SentenceContext` and one
:class:`Site` (the trigger and what the sentence's earlier triggers left):
- objects: the list of mentions after the trigger until a clause break
  (coordination and "such as / including / like" lists give one candidate per
  conjunct);
- subjects: the nearest mention list before the trigger; for a verb
  coordinated with an earlier one ("reduce X, protect Y and promote Z"), a
  gerund or infinitive, the subject of the sentence's first relation; for a
  relative pronoun ("X, which inhibits Y"), the previous relation's objects;
  for "They ..." / "These cells ...", the previous sentence's subject, and for
  "These molecules ...", its objects (:class:`~.types.Carry`).
``reverse`` rules read the arguments the other way ("Y requires X"). The reader
only proposes (rule ids ``surface:<rule>``); :mod:`.finalize` decides.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.nlp.relations.arguments import agent_classes, allowed, is_modifier, mention_at, subject_classes
from pipeline.nlp.relations.context import anaphora, is_privative
from pipeline.nlp.relations.lists import (
    after,
    collect_objects,
    coordinated,
    list_before,
    object_of_trigger,
    prev_nonskip,
    target_start,
)
from pipeline.nlp.relations.prefixed import bare_nominal
from pipeline.nlp.relations.rules import Rule, RuleSet, TriggerIndex
from pipeline.nlp.relations.types import Candidate, Carry, Mention, Sentence
from pipeline.nlp.relations.words import ADJECTIVE_CONTEXT, BE, DETERMINERS, RELATIVE

READER = "surface"
PARTICIPLES = frozenset({"driven", "shown", "given", "led"})
# forms whose subject is the clause's grammatical subject (a later coordinated verb shares it)
CLAUSE_FORMS = frozenset({"active", "passive", "reduced", "agent_noun", "linked"})
Reading = tuple[list[Mention], list[Mention]]  # (subjects, objects)


@dataclass(frozen=True)
class SentenceContext:
    """What every form reads in one sentence: lower-cased ``words`` (``offset`` its first doc
    token), the argument ``mentions``, the trigger positions, and what the previous sentence
    left (used when it opens with an anaphor)."""

    words: Sequence[str]
    offset: int
    mentions: Sequence[Mention]
    trigger_tokens: frozenset[int]
    previous: Carry = field(default_factory=Carry)
    anaphor_subject: bool = False
    anaphor_objects: bool = False

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""


@dataclass(frozen=True)
class Site:
    """One trigger (sentence-relative token ``i``) of ``rule``, and the sentence so far: its
    clause subjects and the objects of its last relation."""

    i: int
    rule: Rule
    subject_classes: frozenset[str]
    clause_subjects: Sequence[Mention] = ()
    last_objects: Sequence[Mention] = ()


def _participle(ctx: SentenceContext, i: int) -> bool:
    return ctx.words[i].endswith("ed") or ctx.words[i] in PARTICIPLES


def _last_be(ctx: SentenceContext, i: int) -> int | None:
    """The last form of "be" among the three words before ``i``."""
    hits = [k for k in range(max(0, i - 3), i) if ctx.words[k] in BE]
    return hits[-1] if hits else None


def read_hyphen(ctx: SentenceContext, site: Site) -> Reading | None:
    """SUBJ-TRIGGER OBJ: "TGF-beta-induced EMT", "MSC-derived exosomes"."""
    i = site.i
    if ctx.word(i - 1) != "-" or i < 2:
        return None
    subj = mention_at(ctx.mentions, ctx.offset + i - 2)
    obj = collect_objects(ctx.mentions, ctx.words, ctx.offset, i + 1, site.rule.object, frozenset(),
                          ctx.trigger_tokens)
    return ([subj], obj[:1]) if subj is not None and obj else None


def read_nominal(ctx: SentenceContext, site: Site) -> Reading | None:
    """TRIGGER of OBJ (by|from SUBJ)?: "secretion of BDNF by MSCs"; "by secretion of X" takes
    the clause's subject."""
    i, words = site.i, ctx.words
    if ctx.word(i + 1) != "of":
        return None
    objects = collect_objects(ctx.mentions, words, ctx.offset, i + 2, site.rule.object,
                              frozenset({"by", "from"}), ctx.trigger_tokens)
    agent = after(words, i + 2, {"by", "from"}, ctx.trigger_tokens)
    subjects = (collect_objects(ctx.mentions, words, ctx.offset, agent + 1, site.subject_classes,
                                frozenset(), ctx.trigger_tokens) if agent is not None else [])
    if not subjects and ctx.word(i - 1) in {"by", "through", "via"} and site.clause_subjects:
        subjects = list(site.clause_subjects)
    return (subjects, objects) if objects and subjects else None


def read_agent_noun(ctx: SentenceContext, site: Site) -> Reading | None:
    """SUBJ be (a|the)? (adj)? TRIGGER of OBJ: "TGF-beta is a key driver of EMT"."""
    i, words = site.i, ctx.words
    if ctx.word(i + 1) != "of":
        return None
    j = i - 1
    while j >= 0 and words[j] not in BE and i - j <= 5:
        j -= 1
    if j < 0 or words[j] not in BE:
        return None
    subjects = list_before(ctx.mentions, words, ctx.offset, j, site.subject_classes)
    objects = collect_objects(ctx.mentions, words, ctx.offset, i + 2, site.rule.object, site.rule.stop,
                              ctx.trigger_tokens)
    return (subjects, objects) if subjects and objects else None


ARTICLES = frozenset({"the", "a", "an"})


def read_linked(ctx: SentenceContext, site: Site) -> Reading | None:
    """SUBJ be TRIGGER PREP OBJ: "accumulation is linked to poor prognosis" (PREP: the rule's
    ``prepositions``); not after an article, which makes the trigger a noun ("Shown are the
    results from X")."""
    i, rule = site.i, site.rule
    j = _last_be(ctx, i)
    if ctx.word(i + 1) not in rule.prepositions or j is None or ARTICLES & set(ctx.words[j + 1:i]):
        return None
    subjects = list_before(ctx.mentions, ctx.words, ctx.offset, j, site.subject_classes)
    objects = collect_objects(ctx.mentions, ctx.words, ctx.offset, i + 2, rule.object, rule.stop,
                              ctx.trigger_tokens)
    return (subjects, objects) if subjects and objects else None


COORDINATORS = frozenset({"and", "or", "but"})
AGENT_PREPOSITIONS = frozenset({"by", "with", "from"})
LINKING_ADVERBS = frozenset({"yet", "then", "also", "further", "subsequently", "even", "thus", "still"})


def _second_passive(ctx: SentenceContext, k: int) -> bool:
    """The passive that starts at word ``k`` (its "be" or its participle) is coordinated with an
    earlier one that has a by-phrase: "IL-6 was induced by TNF and (was) inhibited by IL-10"
    (gerec): the mention before the coordinator is the first verb's agent, not this one's patient."""
    words, j = ctx.words, k - 1
    while j >= 0 and (words[j] in LINKING_ADVERBS or (words[j].endswith("ly") and len(words[j]) > 4)):
        j -= 1
    if j < 0 or words[j] not in COORDINATORS:
        return False
    before = range(max(0, j - 8), j)  # "induced by TNF and", "treated with TNF and"
    return any(_participle(ctx, p) and any(words[q] in AGENT_PREPOSITIONS for q in range(p + 1, j))
               for p in before)


def _shared_patients(site: Site) -> list[Mention]:
    """The patients of the earlier passive a second one shares (the sentence's last objects)."""
    return [m for m in site.last_objects if allowed(m, site.rule.object)]


def read_passive(ctx: SentenceContext, site: Site) -> Reading | None:
    """OBJ be TRIGGER ... by SUBJ: "T cells are suppressed by IL-10"."""
    i, rule = site.i, site.rule
    j = _last_be(ctx, i)
    if not _participle(ctx, i) or j is None:
        return None
    agent = after(ctx.words, i + 1, {"by"}, ctx.trigger_tokens)
    if agent is None:
        return None
    objects = (_shared_patients(site) if _second_passive(ctx, j)
               else list_before(ctx.mentions, ctx.words, ctx.offset, j, rule.object))
    subjects = collect_objects(ctx.mentions, ctx.words, ctx.offset, agent + 1, site.subject_classes,
                               rule.stop, ctx.trigger_tokens)
    return (subjects, objects) if subjects and objects else None


def read_reduced(ctx: SentenceContext, site: Site) -> Reading | None:
    """OBJ TRIGGER by SUBJ (no "be"): "cytokines secreted by MSCs"."""
    i, rule = site.i, site.rule
    if not _participle(ctx, i) or ctx.word(i + 1) != "by" or _last_be(ctx, i) is not None:
        return None
    objects = (_shared_patients(site) if _second_passive(ctx, i)
               else list_before(ctx.mentions, ctx.words, ctx.offset, i, rule.object))
    subjects = collect_objects(ctx.mentions, ctx.words, ctx.offset, i + 2, site.subject_classes,
                               rule.stop, ctx.trigger_tokens)
    return (subjects, objects) if subjects and objects else None


def _active_subjects(ctx: SentenceContext, site: Site) -> list[Mention]:
    words, off, i = ctx.words, ctx.offset, site.i
    p = prev_nonskip(words, i)
    if p >= 0 and words[p] in RELATIVE:
        return list(site.last_objects) or list_before(ctx.mentions, words, off, p, site.subject_classes)
    coordinate = coordinated(words, i)
    if coordinate and site.clause_subjects:
        return list(site.clause_subjects)
    if coordinate and object_of_trigger(list_before(ctx.mentions, words, off, i, site.subject_classes),
                                          words, off, ctx.trigger_tokens):
        return []  # "represses Runx1 and induces Eomes": Runx1 is an object
    subjects = list_before(ctx.mentions, words, off, i, site.subject_classes, ctx.trigger_tokens)
    if not subjects and ctx.anaphor_objects and ctx.previous.objects:
        return list(ctx.previous.objects)
    if not subjects and ctx.anaphor_subject and ctx.previous.subjects:
        return list(ctx.previous.subjects)
    if not subjects and site.clause_subjects:
        return list(site.clause_subjects)
    return subjects


def read_active(ctx: SentenceContext, site: Site) -> Reading | None:
    """SUBJ ... TRIGGER OBJ[, OBJ and OBJ]: "MSCs secrete BDNF, GDNF and VEGF"."""
    i, words = site.i, ctx.words
    participle = _participle(ctx, i)
    if participle and (_last_be(ctx, i) is not None or ctx.word(i + 1) == "by"):
        return None
    prev = ctx.word(i - 1)
    if prev in DETERMINERS:
        return None  # a noun ("a modest decrease in ..."), not a verb
    if participle and prev in ADJECTIVE_CONTEXT:
        return None  # "cells showed decreased expression of p27": an adjective
    first = target_start(words, i + 1, ctx.trigger_tokens)
    objects = collect_objects(ctx.mentions, words, ctx.offset, first, site.rule.object, site.rule.stop,
                              ctx.trigger_tokens)
    if not objects:
        return None
    subjects = _active_subjects(ctx, site)
    return (subjects, objects) if subjects else None


FORMS: dict[str, Callable[[SentenceContext, Site], Reading | None]] = {
    "active": read_active, "passive": read_passive, "reduced": read_reduced, "hyphen": read_hyphen,
    "nominal": read_nominal, "agent_noun": read_agent_noun, "linked": read_linked,
}


def read_trigger(ctx: SentenceContext, site: Site) -> tuple[list[Mention], list[Mention], str] | None:
    """(subjects, objects, form) of one trigger under the first of its rule's forms that fits.
    After a hyphen ("repair-promoting", "MSC-derived") only the hyphen form is tried."""
    if site.rule.parsed_only:  # relrec: a rule the dependency reader alone reads
        return None
    if ctx.word(site.i - 1) == "-":
        forms: tuple[str, ...] = ("hyphen",) if "hyphen" in site.rule.forms else ()
    else:
        forms = site.rule.forms
    for form in forms:
        if form not in FORMS:  # a form only the dependency reader reads ("therapy")
            continue
        found = FORMS[form](ctx, site)
        if found is not None:
            return found[0], found[1], form
    return None


def sentence_candidates(sent: Sentence, words: Sequence[str], ms: Sequence[Mention],
                        rules: RuleSet, triggers: TriggerIndex, previous: Carry | None = None,
                        ) -> tuple[list[Candidate], Carry]:
    """Candidates of one sentence and what it leaves the next. ``words``: its lower-cased
    tokens, ``ms``: its mentions."""
    previous = previous or Carry()
    off = sent.start
    covered = {i - off for m in ms for i in range(m.start, m.end)}
    found = [(i, rule) for i, w in enumerate(words) if i not in covered
             and not bare_nominal(triggers(w), words[i + 1] if i + 1 < len(words) else "")
             for rule in triggers(w)]
    trigger_tokens = frozenset(i for i, _ in found)
    ms = [m for m in ms if not is_modifier(m, words, off, trigger_tokens)]
    # "inhibit TGF-beta-induced EMT" inhibits EMT: before a mention, "X-induced" modifies it
    starts = {m.start - off for m in ms}
    hyphen_modifiers = {m for m in ms
                        if is_modifier(m, words, off, frozenset()) and m.end - off + 2 in starts}
    anaphor_subject, anaphor_objects = anaphora(rules.cues, words)
    ctx = SentenceContext(words, off, ms, trigger_tokens, previous, anaphor_subject, anaphor_objects)
    agents = agent_classes(rules)
    # the sentence's subject: what precedes its first trigger (for coordinated verbs
    # whose first conjunct found no object: "MSCs help by suppressing X, ... and reducing Y")
    lead_subjects = list_before(ms, words, off, found[0][0], agents, trigger_tokens) if found else []
    clause_subjects: list[Mention] = []
    last_objects: list[Mention] = []
    done: set[tuple[int, str]] = set()
    out: list[Candidate] = []
    for i, rule in found:
        if (i, rule.predicate) in done:
            continue
        classes = subject_classes(rules, rule)
        reading = read_trigger(ctx, Site(i, rule, classes, clause_subjects or lead_subjects, last_objects))
        if reading is None:
            continue
        subjects, objects, form = reading
        if rule.reverse:
            subjects, objects = objects, subjects
        # the filters finalize applies, here too: what is carried on must be what is kept
        subjects = [s for s in subjects if allowed(s, classes)
                    and not (s.start >= off and is_privative(rules.cues, s, words, off))]
        objects = [o for o in objects if allowed(o, rule.object) and o not in hyphen_modifiers]
        if not subjects or not objects:
            continue
        done.add((i, rule.predicate))
        if not clause_subjects and form in CLAUSE_FORMS:
            clause_subjects = subjects
        last_objects = objects
        neg_from = max(s.end for s in subjects) - off if form == "active" else 0
        scope_start = off + max(0, min(neg_from, i))
        out.extend(Candidate(s, o, rule, form, sent, off + i, scope_start, READER)
                   for s in subjects for o in objects)
    if not clause_subjects and found:
        # no relation here, but the sentence's grammatical subject (a mention among
        # its first words) may still be carried over
        head = list_before(ms, words, off, found[0][0], agents)
        clause_subjects = head if head and head[0].start - off <= 3 else []
    carry = Carry(tuple(clause_subjects) or previous.subjects, tuple(last_objects) or previous.objects)
    return out, carry


def doc_candidates(doc: Doc, ms: Sequence[Mention], lower: Sequence[str], rules: RuleSet,
                   triggers: TriggerIndex, bounds: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Candidates of every sentence (``bounds``: token ranges), in order.

    Only sentences with a mention and a trigger can give a candidate or change
    the carry-over; the others are passed over without making spans.
    """
    firsts = [m.start for m in ms]
    carry = Carry()
    out: list[Candidate] = []
    for k, (start, end) in enumerate(bounds):
        lo, hi = bisect_left(firsts, start), bisect_left(firsts, end)
        sent_ms = [m for m in ms[lo:hi] if m.end <= end]
        if not sent_ms:
            continue
        words = lower[start:end]
        if not any(triggers(w) for w in words):
            continue
        span = doc[start:end]
        sent = Sentence(k, start, end, span.start_char, span.end_char)
        found, carry = sentence_candidates(sent, words, sent_ms, rules, triggers, carry)
        out.extend(found)
    return out
