"""The dependency reader: relation candidates from the parse of one sentence.

The parse comes from ``mechmine_parser`` (``doc._.parses``: a sentence Doc per
candidate sentence, token ``k`` of it being token ``start + k`` of the
document). Patterns are data (``resources/dependency_patterns.yaml``, spaCy
``DependencyMatcher`` syntax, validated on load: :mod:`.patterns`); the syntax
helpers are in :mod:`.syntax`. For each match:

1. the ``trigger`` node gives the rules whose trigger matches the word and that
   are read in the pattern's ``form``;
2. the ``subject`` node gives the agent's head token, or, for a pattern with
   ``inherit``, :func:`inherited_subject` climbs from the trigger: its own
   ``nsubj``; a coordinated, control or purpose verb's subject (``conj``,
   ``xcomp``, ``advcl``, ``pcomp``: "MSCs reduce X and promote Y", "MSCs help
   reduce X"); control and raising ("X is able / known to V", "X has the potential
   to V"), a gerund of means ("X helps by secreting Y"); the noun a relative or
   participial clause modifies ("IDO, which suppresses T cells"; "MSCs secreting
   BDNF"), the producer of generic cargo ("EVs carry molecules that reduce X");
3. :func:`argument_heads` expands a head over conjuncts and appositions and
   through amount/activity heads ("levels of IL-6", "BDNF expression");
4. :func:`mention_at` maps a head token to the entity mention that contains it.

The reader only proposes: class filters, polarity, negation, hedging and
de-duplication belong to the finalize step that the surface reader's
candidates go through too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.attrs import LOWER
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from pipeline.nlp.relations.agents import with_agent_nouns
from pipeline.nlp.relations.arguments import agent_classes, allowed, object_fits, subject_classes
from pipeline.nlp.relations.clauses import MODIFIED_BY_CLAUSE, instrument
from pipeline.nlp.relations.members import TRIGGER_EXAMPLE_WORDS, example_members, inner_conjuncts
from pipeline.nlp.relations.misattached import continued_objects, of_phrase_members
from pipeline.nlp.relations.patterns import Patterns, PatternSpec, load_patterns, match_sentence
from pipeline.nlp.relations.processes import covered_tokens, process_mention, qualified_process
from pipeline.nlp.relations.products import FACTOR, qualified_factor
from pipeline.nlp.relations.rules import Rule, RuleSet, TriggerIndex
from pipeline.nlp.relations.syntax import (
    CLAUSE_LINKS,
    argument_heads,
    clause_examples,
    mention_at,
    mention_head,
    misparsed_verb_object,
    modifier_readings,
    modifies_nominal_trigger,
    outcome_phrase,
    outside_verb_phrase,
    owner_of_modified,
    parse_negated,
    same_list,
    source_holder,
    subject_head,
    verb_read_as_adjective,
)
from pipeline.nlp.relations.topics import (
    DISEASE,
    TOPIC,
    class_noun_members,
    clause_subject_mentions,
    coordinated_groups,
    disease_topic,
    how_carried,
    number_fits,
    same_head,
    topic_carry,
    topic_subjects,
)
from pipeline.nlp.relations.types import Candidate, Carry, Mention, Sentence


def is_anaphor(token: Token, subject_anaphor: Callable[[str], bool]) -> bool:
    """"They", "these cells": a pronoun, or a noun whose determiner points back."""
    if subject_anaphor(token.lower_):
        return True
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    return bool(dets) and subject_anaphor(f"{dets[0]} {token.lower_}")


@dataclass(frozen=True)
class Reader:
    """What the dependency reader needs, built once per component."""

    rules: RuleSet
    triggers: TriggerIndex
    patterns: Patterns
    matcher: DependencyMatcher


def make_reader(rules: RuleSet, triggers: TriggerIndex, vocab: Vocab, patterns: Patterns | None = None
                ) -> Reader:
    """A reader over ``rules`` with the packaged patterns (or ``patterns``)."""
    patterns = patterns or load_patterns()
    return Reader(rules, triggers, patterns, patterns.matcher(vocab))


def antecedent_in_sentence(parse: Doc, anaphor: Token, ms: Sequence[Mention], off: int) -> Mention | None:
    """The nearest mention before ``anaphor`` in its own sentence that is the subject of a clause,
    or a modifier of its subject ("When stem cells are injected, they reduce X": stem cells;
    "MSC therapy improves X, suggesting they ...": MSC), else None."""
    for m in sorted(ms, key=lambda x: -x.end):
        if m.end - off > anaphor.i or m.start < off:
            continue
        head = mention_head(parse, m, off)
        if head.dep_ in ("compound", "nmod") and head.head.i > head.i:  # "MSC therapy ..., they"
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass"):
            return m
    return None


OUTCOME = "OUTCOME"  # class of an outcome/process object without an entity mention
SITE = "SITE"  # class of a place object without an entity mention ("migrate to damaged areas")


def outcome_mention(parse: Doc, head: Token, sent: Sentence, label: str = OUTCOME) -> Mention:
    """An OUTCOME (or SITE) argument for the noun phrase headed by ``head``
    (:func:`outcome_phrase`)."""
    return outcome_mentions(parse, head, sent, label)[0]


def outcome_mentions(parse: Doc, head: Token, sent: Sentence, label: str = OUTCOME) -> list[Mention]:
    """:func:`outcome_mention`, or one argument per listed modifier when the phrase has a
    coordinated modifier list ("restore alveolar and endothelial function": alveolar function,
    endothelial function; :func:`modifier_readings`), each over the whole phrase's span."""
    lo, hi = outcome_phrase(head, keep_of=label == SITE)
    span = parse[lo:hi]
    start_char = sent.start_char + span.start_char
    texts = modifier_readings(head, lo, hi) or [span.text]
    return [Mention(sent.start + lo, sent.start + hi, start_char, start_char + len(span.text), text,
                    label, (label,), "") for text in texts]


def event_anaphor(parse: Doc, cue: re.Pattern[str] | None) -> int | None:
    """The token of the event anaphor a sentence opens with ("This helps reduce X": This; "This
    process leads to Y": process) when its first words fit ``cue`` (the cues' ``anaphora.event``),
    else None."""
    if cue is None or not len(parse) or not cue.match(" ".join(t.lower_ for t in parse[:12])):
        return None
    first = parse[0]
    if first.dep_ == "det" and first.head.i == 1:
        return 1
    return 0 if first.dep_ in ("nsubj", "nsubjpass") else None


def _arguments(reader: Reader, parse: Doc, head: int, ms: Sequence[Mention], off: int,
               carried: Sequence[Mention], sent: Sentence | None = None,
               named: Sequence[Mention] = (), event: int | None = None) -> list[Mention]:
    """The mentions an argument head stands for; with ``sent`` (objects only), an outcome (place)
    noun outside every mention is an OUTCOME (SITE) argument, de-duplicated by its text. An
    anaphor stands for ``carried``; for a subject, a phrase the object anaphora name ("these
    molecules", "these vesicles") stands for ``named``: the previous relation's objects, and the
    event anaphor at token ``event`` (:func:`event_anaphor`) for ``carried``."""
    out: list[Mention] = []
    patterns = reader.patterns
    heads = argument_heads(parse[head], patterns.through)
    for t in heads:
        m = mention_at(ms, off + t.i)
        if m is not None and m not in out and m.end - m.start > 1 and m.start >= off:
            # a list the parse hangs inside a multi-word mention ("loss of consciousness, confusion")
            for c in inner_conjuncts(parse, m.start - off, m.end - off):
                heads += [x for x in argument_heads(c, patterns.through) if x not in heads]
        if m is not None and m not in out and m.start >= off and t.lower_ not in patterns.through:
            # "slowness of movement, muscle rigidity": members the parse hangs on the of-phrase
            for c in of_phrase_members(t, m, ms, off):
                heads += [x for x in argument_heads(c, patterns.through) if x not in heads]
        if m is None and event is not None and t.dep_ in ("nsubj", "nsubjpass") and (
                t.i == event or any(c.i == event and c.dep_ == "nsubj" for c in t.children)):
            # the anaphor, or the light verb the parse made the subject ("[This helps] reduce X")
            out.extend(x for x in carried if x not in out)
            continue
        if m is None and sent is not None and qualified_factor(t, patterns):  # "anti-inflammatory factors"
            for found in outcome_mentions(parse, t, sent, FACTOR):
                if all(x.key() != found.key() for x in out):
                    out.append(found)
            continue
        if m is None and sent is not None and (t.lower_ in patterns.outcomes or t.lower_ in patterns.sites):
            for found in outcome_mentions(parse, t, sent, OUTCOME if t.lower_ in patterns.outcomes else SITE):
                if all(x.key() != found.key() for x in out):
                    out.append(found)
            continue
        if m is None and sent is not None and patterns.process_spec is not None and qualified_process(
                t, patterns.processes, patterns.factor_quantifiers, covered_tokens(ms, off)):
            found = process_mention(parse, t, sent, OUTCOME)  # "promote axonal growth" (.processes)
            if all(x.key() != found.key() for x in out):
                out.append(found)
            continue
        if m is None and is_anaphor(t, lambda w: bool(reader.rules.cues.subject_anaphor.match(w))):
            local = antecedent_in_sentence(parse, t, ms, off)
            if local is not None:
                if local not in out:
                    out.append(local)
                continue
            out.extend(x for x in carried if x not in out and number_fits(t, x))
        elif m is None and named and is_anaphor(t, lambda w: bool(reader.rules.cues.object_anaphor.match(w))):
            out.extend(x for x in same_head(t, named) if x not in out)  # "these vesicles": the EVs
        elif m is not None and m not in out:
            out.append(m)
    return out


RECIPIENT_PREPOSITIONS = frozenset({"to", "into"})


def has_recipient(trigger: Token, obj: Token, ms: Sequence[Mention], off: int) -> bool:
    """The trigger verb names cells it hands its object to ("MMVs delivered mitochondria to
    epithelial cells"): a to/into phrase whose object is a CELL_TYPE mention, on the verb or (as
    the parse may hang it) on its object or the object's last conjunct."""
    heads = [trigger, obj, *obj.conjuncts] if obj.head == trigger else [trigger]
    return any(m is not None and "CELL_TYPE" in m.classes
               for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPOSITIONS
               for g in c.children if g.dep_ == "pobj"
               for m in [mention_at(ms, off + g.i)])


def _rules_for(reader: Reader, spec: PatternSpec, word: str, prep: str) -> list[Rule]:
    found = [r for r in reader.triggers(word) if spec.form in r.forms]
    if spec.predicates:
        found = [r for r in found if r.predicate in spec.predicates]
    if spec.rule_prepositions:
        found = [r for r in found if prep in r.prepositions]
    return found


@dataclass
class DepReading:
    """What the dependency reader read in a doc, by sentence index: its candidates, and the doc
    tokens of the triggers a pattern matched at (with or without a candidate)."""

    candidates: dict[int, list[Candidate]] = field(default_factory=dict)
    matched: dict[int, set[int]] = field(default_factory=dict)


def sentence_candidates(reader: Reader, sent: Sentence, parse: Doc, ms: Sequence[Mention],
                        previous: Carry | None = None, matched: set[int] | None = None,
                        topic: Sequence[Mention] = (), listed: Sequence[tuple[Mention, ...]] = (),
                        ) -> tuple[list[Candidate], Carry]:
    """Candidates the parse of one sentence gives (``ms``: its mentions, doc token indices;
    token ``k`` of ``parse`` is doc token ``sent.start + k``) and what it leaves the next.
    ``matched`` (when given) collects the doc tokens of triggers a rule's pattern matched at."""
    previous = previous or Carry()
    off = sent.start
    covered = {i - off for m in ms for i in range(m.start, m.end)}
    for i, w in enumerate(parse.to_array(LOWER).tolist()):  # the other tokens keep the default, False
        if reader.triggers(parse.vocab.strings[w]):
            parse[i]._.mm_trigger = i not in covered
    out: list[Candidate] = []
    subjects_seen: list[Mention] = []
    last_objects: list[Mention] = []
    event = event_anaphor(parse, reader.rules.cues.event_anaphor)
    for match in match_sentence(parse, reader.matcher, reader.patterns):
        spec = reader.patterns.by_id[match.pattern]
        prep = next((c.lower_ for c in parse[match.object].ancestors if c.dep_ == "prep"), "")
        rules = _rules_for(reader, spec, parse[match.trigger].lower_, prep)
        if not rules or match.subject is None:
            continue
        topical = topic_subjects(parse, match.trigger, match.subject, ms, off, topic) if spec.topic else None
        if spec.topic and topical is None:  # "Long-term consequences include X": the disease topic's
            continue
        if has_recipient(parse[match.trigger], parse[match.object], ms, off):  # a transfer first
            rules = sorted(rules, key=lambda r: r.predicate != "TRANSFERS")
        # "secrete HGF and decrease TGF-beta1" parsed as "secrete [HGF] and [decrease TGF-beta1]":
        # an object whose compound modifier is a trigger word after a coordinator is that word's
        if spec.form == "active" and misparsed_verb_object(parse, match.trigger, match.object):
            continue
        if matched is not None:
            matched.add(off + match.trigger)
        subjects = topical if topical is not None else _arguments(
            reader, parse, match.subject, ms, off, previous.subjects, named=previous.objects, event=event)
        subjects = class_noun_members(parse, subjects, off, listed)  # "These glial cells": the list before
        if match.carried in MODIFIED_BY_CLAUSE:  # "genes that contribute to PD, including X"
            for t in clause_examples(parse[match.subject], parse[match.trigger]):
                subjects += [m for m in _arguments(reader, parse, t.i, ms, off, ()) if m not in subjects]
        objects = _arguments(reader, parse, match.object, ms, off, previous.objects, sent)
        for t in continued_objects(parse[match.trigger], parse[match.object]):  # "result in A, B"
            objects += [m for m in _arguments(reader, parse, t.i, ms, off, (), sent) if m not in objects]
        # "the release of growth factors, such as X" with the example phrase hung on the
        # nominalisation (on a verb it is left to the surface reader: it cost GE precision)
        if spec.form == "nominal":
            for t in example_members(parse[match.trigger], TRIGGER_EXAMPLE_WORDS, after=match.object):
                objects += [m for m in _arguments(reader, parse, t.i, ms, off, (), sent) if m not in objects]
        for rule in rules:
            subj, obj = (objects, subjects) if rule.reverse else (subjects, objects)
            subj = [m for m in subj if m.label not in (OUTCOME, SITE, FACTOR)]  # never an agent
            subj = [m for m in subj if allowed(m, subject_classes(reader.rules, rule))]
            # a place is an object only of a rule that names SITE ("migrate to damaged areas"), a
            # generic product only of one that names FACTOR ("release anti-inflammatory mediators")
            obj = [m for m in obj if object_fits(m, rule)
                   and (m.label not in (SITE, FACTOR) or m.label in rule.object)]
            if not subj or not obj:
                continue
            trigger = off + match.trigger
            before = [m.end for m in subj if m.end <= trigger]
            scope = max(before) if before else off + parse[match.trigger].left_edge.i
            negated = parse_negated(parse, match.trigger)
            out.extend(Candidate(s_, o, rule, spec.form, sent, trigger, min(scope, trigger), "dep",
                                 how_carried(match.carried, s_, sent.start), negated)
                       for s_ in subj for o in obj if not same_list(parse, off, s_, o, match.trigger))
            if match.carried not in CLAUSE_LINKS and match.carried != TOPIC:  # nor a relative clause's
                subjects_seen.extend(m for m in subj if m not in subjects_seen)
            last_objects = [m for m in obj if m.label not in (OUTCOME, SITE, FACTOR)]
            break
    out.sort(key=lambda c: c.trigger)
    if not subjects_seen:  # no relation, but the sentence's subject is what "They ..." next refers to
        subjects_seen = clause_subject_mentions(parse, ms, off)
    carry = Carry(tuple(subjects_seen) or previous.subjects, tuple(last_objects) or previous.objects)
    return out, carry


def doc_candidates(reader: Reader, doc: Doc, ms: Sequence[Mention], bounds: Sequence[tuple[int, int]],
                   parses: dict[int, Doc], chosen: frozenset[int] | None = None) -> DepReading:
    """Candidates of every parsed sentence, by sentence index (``parses``: ``doc._.parses``;
    ``chosen``: ``doc._.parse_candidates``, the starts of the sentences the filter chose)."""
    from bisect import bisect_left

    firsts = [m.start for m in ms]
    carry = Carry()
    topic: tuple[Mention, ...] = ()  # the disease the text is about (.topics)
    listed: tuple[tuple[Mention, ...], ...] = ()  # the mentions the previous sentence coordinated
    out = DepReading()
    agents = agent_classes(reader.rules) | {DISEASE}  # "X injuries are the most severe. They ..."
    for k, (start, end) in enumerate(bounds):
        parse = parses.get(start)
        lo, hi = bisect_left(firsts, start), bisect_left(firsts, end)
        sent_ms = [m for m in ms[lo:hi] if m.end <= end]
        if parse is None or len(parse) != end - start:
            carry = topic_carry(sent_ms, start, agents, carry)
            topic, listed = disease_topic(sent_ms, start, (), None, topic), coordinated_groups(doc, sent_ms)
            continue
        span = doc[start:end]
        sent = Sentence(k, start, end, span.start_char, span.end_char)
        sent_ms = with_agent_nouns(parse, sent, sent_ms, reader.patterns.agent_nouns)  # "treatments"
        out.matched[k] = set()
        out.candidates[k], after = sentence_candidates(reader, sent, parse, sent_ms, carry, out.matched[k],
                                                       topic, listed)
        listed = coordinated_groups(doc, sent_ms)
        own = chosen is None or start in chosen  # an unchosen sentence leaves what an unparsed one does
        topic = disease_topic(sent_ms, start, out.candidates[k] if own else (), parse if own else None, topic)
        if not own:
            # parsed although the filter did not choose it (every_sentence): it leaves the carry an
            # unparsed sentence leaves, so that parsing more sentences changes no carried subject
            carry = topic_carry(sent_ms, start, agents, carry)
        elif after.subjects is not carry.subjects:
            carry = after
        else:
            carry = topic_carry(sent_ms, start, agents, after)
    return out


def check_surface(candidates: Sequence[Candidate], bounds: Sequence[tuple[int, int]],
                  parses: dict[int, Doc], ms: Sequence[Mention] = ()) -> list[Candidate]:
    """The surface reader's candidates, read against the parse where their sentence has one:
    items of one list are not related to each other (:func:`same_list`), a hyphenated agent of a
    nominalisation is the nominalisation's (:func:`modifies_nominal_trigger`), an active verb's
    object lies in its phrase (:func:`outside_verb_phrase`) and is not the owner of a noun a
    mention modifies (:func:`owner_of_modified`), the agent of "using X to V" is X
    (:func:`instrument`), the subject "Y" of "X from Y" is the mention X
    (:func:`source_holder`, with ``ms`` the doc's mentions), and negation takes its syntactic
    scope (:func:`parse_negated`). Triggers must be marked on the parses (:func:`doc_candidates`
    does)."""
    from dataclasses import replace

    out: list[Candidate] = []
    for c in candidates:
        start, end = bounds[c.sentence.index]
        parse = parses.get(start)
        if parse is None or len(parse) != end - start:
            out.append(c)
            continue
        if same_list(parse, start, c.subject, c.object, c.trigger - start):
            continue
        if verb_read_as_adjective(parse, c.trigger - start, c.form, c.subject.end - start,
                                  subject_head(parse, start, c.subject)):
            continue
        if c.form == "hyphen" and modifies_nominal_trigger(parse, c.trigger - start):
            continue  # "MSC-mediated inhibition of X": the nominalisation states the relation
        obj = subject_head(parse, start, c.object)
        if obj is not None and c.form == "active" and (outside_verb_phrase(parse, c.trigger - start, obj)
                                                       or owner_of_modified(parse, start, obj, ms)):
            continue
        used = instrument(parse[c.trigger - start]) if c.form == "active" else None
        if used is not None and used is not subject_head(parse, start, c.subject):
            continue  # "using drugs to suppress X": the drugs suppress, not the sentence's subject
        negated = parse_negated(parse, c.trigger - start)
        holder = source_holder(parse, start, c.subject) if ms else None
        sources = [] if holder is None else [
            m for m in dict.fromkeys(mention_at(ms, t.i + start) for t in (holder, *holder.conjuncts))
            if m is not None and m is not c.object]
        out.extend(replace(c, subject=m, negated=negated) for m in sources or [c.subject])
    return out
