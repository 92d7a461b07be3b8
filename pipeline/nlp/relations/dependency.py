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
3. :func:`~.depargs.arguments_at` expands a head over conjuncts and appositions and
   through amount/activity heads ("levels of IL-6", "BDNF expression") and maps each
   head token to the entity mention that contains it (or an outcome, place or product
   noun, or what an anaphor stands for).

The surface reader's candidates are checked against the parse in :mod:`.surfacecheck`.

The reader only proposes: class filters, polarity, negation, hedging and
de-duplication belong to the finalize step that the surface reader's
candidates go through too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.attrs import LOWER
from spacy.tokens import Doc

from pipeline.nlp.relations.agents import with_agent_nouns
from pipeline.nlp.relations.arguments import agent_classes, allowed, object_fits, subject_classes
from pipeline.nlp.relations.clauses import MODIFIED_BY_CLAUSE
from pipeline.nlp.relations.depargs import (  # noqa: F401  (re-exported)
    OUTCOME,
    SITE,
    Reader,
    arguments_at,
    event_anaphor,
    has_recipient,
    make_reader,
)
from pipeline.nlp.relations.members import TRIGGER_EXAMPLE_WORDS, example_members
from pipeline.nlp.relations.misattached import continued_objects
from pipeline.nlp.relations.negation import parse_negated
from pipeline.nlp.relations.owned import CAUSAL, owned_by_conjunct_trigger
from pipeline.nlp.relations.passives import participle_object_read_as_subject
from pipeline.nlp.relations.patterns import PatternSpec, match_sentence
from pipeline.nlp.relations.prefixed import bare_nominal, joined_words
from pipeline.nlp.relations.products import FACTOR
from pipeline.nlp.relations.rules import QUIET_FORMS, Rule
from pipeline.nlp.relations.surfacecheck import check_surface  # noqa: F401  (re-exported)
from pipeline.nlp.relations.syntax import (
    CLAUSE_LINKS,
    clause_examples,
    misparsed_verb_object,
    modifies_nominal_trigger,
    same_list,
)
from pipeline.nlp.relations.therapies import TherapyTopic, next_topic
from pipeline.nlp.relations.topics import (
    DISEASE,
    TOPIC,
    class_noun_members,
    clause_subject_mentions,
    coordinated_groups,
    disease_topic,
    how_carried,
    run_members,
    topic_carry,
    topic_subjects,
)
from pipeline.nlp.relations.trailing import trailing_members
from pipeline.nlp.relations.types import Candidate, Carry, Mention, Sentence


def _rules_for(reader: Reader, spec: PatternSpec, word: str, prep: str) -> list[Rule]:
    quiet = spec.form in QUIET_FORMS  # rellists: its patterns name their trigger words
    found = [r for r in (reader.rules.triggered(word, True) if quiet else reader.triggers(word))
             if spec.form in r.forms]
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
                        therapy: Sequence[Mention] = (), runs: Sequence[tuple[Mention, ...]] = (),
                        ) -> tuple[list[Candidate], Carry]:
    """Candidates the parse of one sentence gives (``ms``: its mentions, doc token indices;
    token ``k`` of ``parse`` is doc token ``sent.start + k``) and what it leaves the next.
    ``matched`` (when given) collects the doc tokens of triggers a rule's pattern matched at;
    ``therapy``: what a therapy anaphor stands for (:mod:`.therapies`); ``runs``: the sentence's
    coordinated runs of mentions (:func:`~.topics.coordinated_groups`), whose members an object
    in one brings along (:func:`~.topics.run_members`)."""
    previous = previous or Carry()
    off = sent.start
    covered = {i - off for m in ms for i in range(m.start, m.end)}
    lower = joined_words([parse.vocab.strings[w] for w in parse.to_array(LOWER).tolist()])
    for i, w in enumerate(lower):  # the other tokens keep the default, False
        found = reader.triggers(w)
        if found and not bare_nominal(found, lower[i + 1] if i + 1 < len(lower) else ""):
            parse[i]._.mm_trigger = i not in covered
    out: list[Candidate] = []
    subjects_seen: list[Mention] = []
    last_objects: list[Mention] = []
    event = event_anaphor(parse, reader.rules.cues.event_anaphor)
    for match in match_sentence(parse, reader.matcher, reader.patterns):
        spec = reader.patterns.by_id[match.pattern]
        prep = next((c.lower_ for c in parse[match.object].ancestors if c.dep_ == "prep"), "")
        rules = _rules_for(reader, spec, lower[match.trigger], prep)
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
        # "the layer surrounding nerve fibers is damaged" parsed with "fibers" a second passive subject
        if participle_object_read_as_subject(parse, match.trigger, match.object):
            continue
        # "TNF-mediated activation of NF-kappaB": the nominalisation states the relation (gerec)
        if spec.form == "hyphen" and modifies_nominal_trigger(parse, match.trigger):
            continue
        if matched is not None:
            matched.add(off + match.trigger)
        subjects = topical if topical is not None else arguments_at(
            reader, parse, match.subject, ms, off, previous.subjects, named=previous.objects, event=event,
            therapy=therapy, owners=previous.subjects)
        subjects = class_noun_members(parse, subjects, off, listed)  # "These glial cells": the list before
        if match.carried in MODIFIED_BY_CLAUSE:  # "genes that contribute to PD, including X"
            for t in clause_examples(parse[match.subject], parse[match.trigger]):
                subjects += [m for m in arguments_at(reader, parse, t.i, ms, off, ()) if m not in subjects]
        objects = arguments_at(reader, parse, match.object, ms, off, previous.objects, sent,
                               owners=previous.subjects)
        for t in continued_objects(parse[match.trigger], parse[match.object]):  # "result in A, B"
            objects += [m for m in arguments_at(reader, parse, t.i, ms, off, (), sent) if m not in objects]
        # "the release of growth factors, such as X" with the example phrase hung on the
        # nominalisation (on a verb it is left to the surface reader: it cost GE precision)
        if spec.form == "nominal":
            for t in example_members(parse[match.trigger], TRIGGER_EXAMPLE_WORDS, after=match.object):
                found = arguments_at(reader, parse, t.i, ms, off, (), sent)
                objects += [m for m in found if m not in objects]
        node = parse[match.object]  # a list the parse broke keeps its members
        objects += run_members(objects, runs, off + node.left_edge.i, off + node.right_edge.i + 1)
        objects += trailing_members(objects, runs, parse, off, match.trigger)  # ... and cut it off
        # "promoted X and reduced Y expression" read as "promoted [X and reduced-Y expression]"
        owned = [m for m in objects if owned_by_conjunct_trigger(parse, match.trigger, match.object, m, off)]
        for rule in rules:
            subj, obj = (objects, subjects) if rule.reverse else (subjects, objects)
            subj = [m for m in subj if m.label not in (OUTCOME, SITE, FACTOR)]  # never an agent
            subj = [m for m in subj if allowed(m, subject_classes(reader.rules, rule))]
            # a place is an object only of a rule that names SITE ("migrate to damaged areas"), a
            # generic product only of one that names FACTOR ("release anti-inflammatory mediators")
            if not rule.reverse and rule.predicate not in CAUSAL:
                obj = [m for m in obj if m not in owned]
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
    therapy, therapy_cues = TherapyTopic(), reader.rules.cues.therapy  # "This procedure" (.therapies)
    for k, (start, end) in enumerate(bounds):
        parse = parses.get(start)
        lo, hi = bisect_left(firsts, start), bisect_left(firsts, end)
        sent_ms = [m for m in ms[lo:hi] if m.end <= end]
        pointed, therapy = therapy.at(k), next_topic(doc, sent_ms, k, doc[start:end].end_char,
                                                      agents - {DISEASE}, therapy_cues, therapy)
        if parse is None or len(parse) != end - start:
            carry = topic_carry(sent_ms, start, agents, carry)
            topic, listed = disease_topic(sent_ms, start, (), None, topic), coordinated_groups(doc, sent_ms)
            continue
        span = doc[start:end]
        sent = Sentence(k, start, end, span.start_char, span.end_char)
        sent_ms = with_agent_nouns(parse, sent, sent_ms, reader.patterns.agent_nouns)  # "treatments"
        out.matched[k] = set()
        out.candidates[k], after = sentence_candidates(reader, sent, parse, sent_ms, carry, out.matched[k],
                                                       topic, listed, pointed,
                                                       coordinated_groups(doc, sent_ms, abbreviated=True))
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
