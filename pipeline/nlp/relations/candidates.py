"""Which sentences can hold a relation, read from the rule data before any parse.

``mechmine_parser`` (:mod:`pipeline.nlp.parser`) parses only the sentences
:func:`candidate_sentences` picks with :func:`relation_filter`: a sentence with a word
that triggers a relation rule some dependency pattern could read on its words
(:func:`pattern_needs`), an object that fits the rule among its argument mentions (or an
outcome, place or product noun the dependency reader makes one of) and a subject the
finalize step could keep with it (:func:`could_pair`: of the rule's subject classes, a
different concept, no overlap, no "not" before it, no ``subject_exclude`` or privative
prefix), or an anaphor for subject. Everything is derived from the rule set, the cues and
the patterns, so a new rule or pattern is covered without touching this module.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.nlp.relations.agents import POINTING, PREPOSITIONS, THERAPY
from pipeline.nlp.relations.arguments import AGENT, after_not, allowed, object_fits, subject_classes
from pipeline.nlp.relations.clauses import POSSESSIVE_PRONOUNS
from pipeline.nlp.relations.context import is_privative
from pipeline.nlp.relations.dependency import OUTCOME, SITE
from pipeline.nlp.relations.finalize import PROCESS_SUBJECT, admissible, overlaps
from pipeline.nlp.relations.patterns import Patterns
from pipeline.nlp.relations.products import FACTOR
from pipeline.nlp.relations.rules import Rule, RuleSet, TriggerIndex
from pipeline.nlp.relations.types import Candidate, Mention
from pipeline.nlp.sentences import sentence_bounds


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


def possessive_inside(words: Sequence[str], recipient_heads: Collection[str]) -> bool:
    """A possessive pronoun before a word that is none of ``recipient_heads`` ("PGE2 blocked their
    differentiation": "their" may stand for the cells of the sentence before; "its treatment"
    names no owner)."""
    return any(w in POSSESSIVE_PRONOUNS and words[i + 1] not in recipient_heads
               for i, w in enumerate(words[:-1]))


def candidate_sentences(doc: Doc, could_relate: Callable[..., bool],
                        mentions: Sequence[Mention], anaphor: Callable[[str], bool] | None = None,
                        read: Collection[int] = (), agent_nouns: Collection[str] = frozenset(),
                        lower: Sequence[str] | None = None, recipient_heads: Collection[str] = frozenset(),
                        ) -> list[tuple[int, int]]:
    """(start, end) token ranges of the sentences that can hold a relation: some trigger word
    outside the mentions whose rule finds a subject and a different object among them, or only
    an object when the sentence opens with a subject anaphor ("They ...", "These cells ...", an
    event anaphor "This helps ...": ``anaphor`` is asked of its first word, two and twelve words)
    or holds a demonstrative one later (:func:`pointing_inside`) or a possessive pronoun
    (:func:`possessive_inside`).
    ``could_relate(words, mentions, anaphoric, sentence=all its words)`` decides
    (:func:`relation_filter`); a sentence whose index is in ``read`` (the surface reader has a
    candidate there, which the parse checks) is one in any case. A treatment noun of
    ``agent_nouns`` among the words may be a subject of the THERAPY class (:mod:`.relations.agents`).
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
                                             or pointing_inside(words, anaphor)
                                             or possessive_inside(words, recipient_heads))
        # a word inside a mention triggers nothing ("secreted frizzled-related protein")
        covered = {i - start for m in ms for i in range(m.start, m.end)}
        agent = any(w in agent_nouns and lone_agent_noun(words, covered, i) for i, w in enumerate(words))
        if not ms and not anaphoric and not agent:  # an anaphor subject may relate to an outcome object
            continue
        free = [w for k, w in enumerate(words) if k not in covered]
        if could_relate(free, ms, anaphoric, sentence=words, offset=start, agent_noun=agent):
            out.append((start, end))
    return out


# what an outcome (place) noun outside every mention stands for when a rule's object classes are checked
_OUTCOME = Mention(-1, -1, -1, -1, "", OUTCOME, (OUTCOME,), "")
_SITE = Mention(-1, -1, -1, -1, "", SITE, (SITE,), "")
_FACTOR = Mention(-1, -1, -1, -1, "", FACTOR, (FACTOR,), "")
# what a treatment noun outside every mention may become (.relations.agents), its phrase unknown
_THERAPY = Mention(-1, -1, -1, -1, "", THERAPY, (THERAPY, AGENT), "")


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
                     sentence: Sequence[str] = (), offset: int | None = None,
                     agent_noun: bool = False) -> bool:
        therapy = [_THERAPY] if agent_noun else []
        outcome = [_OUTCOME] if outcomes and not outcomes.isdisjoint(words) else []
        site = sites and not sites.isdisjoint(words)
        factor = factors and not factors.isdisjoint(words)
        vocabulary = frozenset(sentence or words)
        for w in words:
            for rule in triggers(w):
                if not readable(rule, w, vocabulary):
                    continue
                # a treatment noun is a clause's subject: the relation's, or its object when the rule
                # reverses them (its phrase is not known yet: only its class is checked)
                agents = [m for m in therapy if allowed(m, rule.object if rule.reverse
                                                        else subject_classes(rules, rule))]
                subjects = [m for m in ms if allowed(m, subject_classes(rules, rule))]
                objects = [m for m in ms if object_fits(m, rule)] if patterns is not None else [
                    m for m in ms if allowed(m, rule.object)]
                if rule.reverse:
                    objects += agents
                else:
                    subjects += agents
                # an outcome noun's phrase is not known before the parse: its class, and the rule's
                # object_only on the noun (the phrase's head, where those patterns end)
                only = rule.object_only
                objects += [m for m in outcome if allowed(m, rule.object) and (
                    only is None or any(only.search(w) for w in words if w in outcomes))]
                if site and SITE in rule.object:  # as the dependency reader: only a rule naming SITE
                    objects.append(_SITE)
                if factor and FACTOR in rule.object:  # as the dependency reader: only a rule naming FACTOR
                    objects.append(_FACTOR)
                pairs = (subjects, objects)  # the relation's subject and object candidates
                if rule.reverse:
                    subjects, objects = objects, subjects
                # a topic rule's subject is the disease an earlier sentence named (.relations.topics)
                elsewhere = anaphoric or "topic" in rule.forms
                if not objects:
                    continue
                if elsewhere:
                    return True
                # a pair finalize could keep (``offset``: where the sentence starts; unknown: any two)
                if any(s != o if offset is None else could_pair(rules, rule, s, o, sentence, offset)
                       for s in pairs[0] for o in pairs[1]):
                    return True
        return False
    return could_relate


def could_pair(rules: RuleSet, rule: Rule, s: Mention, o: Mention, words: Sequence[str],
               offset: int) -> bool:
    """Finalize could keep subject ``s`` and object ``o`` of ``rule`` in the sentence of
    lower-cased ``words`` (first token ``offset``): what
    :func:`~pipeline.nlp.relations.finalize.admissible` asks of a pair besides the classes,
    which the caller checked. Every subject finalize may put in a candidate's place (the
    parse's subject, a variant, a swapped risk factor) is a mention of the sentence that must
    pass the same test; only a rule that takes process subjects may get a new one, the phrase
    naming the harm done to ``s`` (``damaged_subject``): then ``s`` need only differ from ``o``.
    An outcome, place or product object (no mention yet: ``start`` < 0) is only told apart by
    its class."""
    if s.start < 0:  # a treatment noun's phrase (or two of them): not known before the parse
        return True
    if s == o:
        return False
    if allowed(PROCESS_SUBJECT, subject_classes(rules, rule)):
        return True
    cues = rules.cues
    if o.start >= 0 and (s.key() == o.key() or overlaps(s, o) or is_privative(cues, o, words, offset)):
        return False
    return not (after_not(s, words, offset) or is_privative(cues, s, words, offset)
                or (rule.subject_exclude is not None and rule.subject_exclude.search(s.text)))


def surface_could_relate(c: Candidate, rules: RuleSet, lower: Sequence[str],
                         ms: Sequence[Mention]) -> bool:
    """A surface candidate finalize could keep, whatever the parse of its sentence says: it
    is admissible, or would be with another mention of its sentence (``ms``) as subject (the
    parse may name one: ``parse_subject``, ``source_holder``), or its rule takes process
    subjects (``damaged_subject`` may make one). A sentence whose surface candidates are none
    of these gets nothing from its parse for them."""
    if allowed(PROCESS_SUBJECT, subject_classes(rules, c.rule)):
        return True
    words = lower[c.sentence.start:c.sentence.end]
    if admissible(c, rules, words):
        return True
    return any(admissible(replace(c, subject=m), rules, words) for m in ms
               if c.sentence.start <= m.start < c.sentence.end and m != c.subject)
