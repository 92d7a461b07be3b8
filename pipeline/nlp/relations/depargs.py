"""The arguments of a dependency match: the mentions an argument head token stands for.

:func:`arguments_at` expands a head over conjuncts and appositions and through
amount/activity heads (:func:`~.syntax.argument_heads`), maps each head to the entity
mention containing it (:func:`~.syntax.mention_at`), reads an outcome, place or generic
product noun outside every mention as an OUTCOME, SITE or FACTOR argument, and resolves
anaphors (a pronoun, "these cells", an event anaphor) to the subjects or objects carried
from before. :class:`Reader` is what the dependency reader (:mod:`.dependency`) needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from pipeline.nlp.relations.anaphors import OUTCOME, antecedent_in_sentence, owned_process, possessor
from pipeline.nlp.relations.clauses import POSSESSIVE_PRONOUNS
from pipeline.nlp.relations.members import inner_conjuncts
from pipeline.nlp.relations.misattached import of_phrase_members
from pipeline.nlp.relations.patterns import Patterns, load_patterns
from pipeline.nlp.relations.processes import covered_tokens, process_mention, qualified_process
from pipeline.nlp.relations.products import FACTOR, qualified_factor
from pipeline.nlp.relations.rules import RuleSet, TriggerIndex
from pipeline.nlp.relations.slashed import slash_partners
from pipeline.nlp.relations.syntax import (
    LISTED_MODIFIERS,
    argument_heads,
    mention_at,
    mention_head,
    modifier_readings,
    outcome_phrase,
)
from pipeline.nlp.relations.therapies import therapy_anaphor
from pipeline.nlp.relations.topics import number_fits, same_head
from pipeline.nlp.relations.types import Mention, Sentence


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


def arguments_at(reader: Reader, parse: Doc, head: int, ms: Sequence[Mention], off: int,
               carried: Sequence[Mention], sent: Sentence | None = None,
               named: Sequence[Mention] = (), event: int | None = None,
               therapy: Sequence[Mention] = (), owners: Sequence[Mention] = ()) -> list[Mention]:
    """The mentions an argument head stands for; with ``sent`` (objects only), an outcome (place)
    noun outside every mention is an OUTCOME (SITE) argument, de-duplicated by its text. An
    anaphor stands for ``carried``; for a subject, a phrase the object anaphora name ("these
    molecules", "these vesicles") stands for ``named``: the previous relation's objects, and the
    event anaphor at token ``event`` (:func:`event_anaphor`) for ``carried``, and a therapy anaphor
    ("This procedure ...") for ``therapy``, the therapy topic (:mod:`.therapies`). The possessive
    pronoun of an amount/activity head ("blocked their differentiation") is resolved as a subject
    pronoun is (:func:`possessor`; ``owners``: the subjects carried from before): an object is the
    process of what it refers to (:func:`owned_process`), a subject that itself; a pronoun that is
    the argument head itself (a nominalisation's possessor, "their differentiation into X") is not
    resolved."""
    out: list[Mention] = []
    patterns = reader.patterns
    heads = argument_heads(parse[head], patterns.through, patterns.recipient_heads)
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
        if m is None and t.dep_ == "poss" and t.lower_ in POSSESSIVE_PRONOUNS and t.i != head:
            found = possessor(parse, t, ms, off, owners)
            if sent is not None:  # an object: the process of what the pronoun refers to
                found = [owned_process(parse, t, x, sent) for x in found]
            out.extend(x for x in found if all(x.key() != y.key() for y in out))
            continue
        if m is None and therapy and therapy_anaphor(t, reader.rules.cues.therapy):
            out.extend(x for x in therapy if x not in out)
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
            # "monocytes/macrophages": the slash pair's other entity too (.slashed)
            out.extend(x for x in slash_partners(parse, off, m, ms) if x not in out)
            if sent is not None:  # "autoimmune, degenerative and inflammatory diseases": each
                out.extend(r for r in listed_readings(parse, m, off, sent)
                           if all(x.key() != r.key() for x in out))
    return out


def listed_readings(parse: Doc, m: Mention, off: int, sent: Sentence) -> list[Mention]:
    """The other phrases an entity mention stands for when its head carries a coordinated modifier
    list the mention ends ("treatment of autoimmune, degenerative, and inflammatory diseases" with
    the mention "inflammatory diseases": "autoimmune diseases", "degenerative diseases";
    :func:`~.syntax.modifier_readings`): arguments of the mention's label and classes, without its
    id, over the whole phrase; none without such a list, nor for a list with a participle ("resting
    and activated T cells" are T cells in two states)."""
    if m.start < off or m.end - off > len(parse):
        return []
    # the noun the list modifies (the parse may hang the mention's own modifier on the list)
    inside = parse[m.start - off:m.end - off]
    outside = [t for t in inside if not m.start - off <= t.head.i < m.end - off]
    # relrec: the last such noun ("T and B lymphocytes" with the mention "B lymphocytes": the
    # parse hangs "B" on the listed "T", outside the mention too)
    head = next((t for t in reversed(outside) if t.pos_ in ("NOUN", "PROPN")), mention_head(parse, m, off))
    mods = [c for c in head.children if c.dep_ in LISTED_MODIFIERS and c.i < head.i]
    lo = min([c.left_edge.i for c in mods] + [m.start - off])
    listed = [c for c in mods if len([x for x in c.conjuncts if c.i < x.i < head.i]) > 0]
    if not all(x.pos_ == "ADJ" or listed_noun(x) for c in listed[:1] for x in (c, *c.conjuncts)):
        return []  # a participle states a state of the same things ("resting and activated T cells")
    texts = modifier_readings(head, lo, m.end - off)
    span = parse[lo:m.end - off]
    start_char = sent.start_char + span.start_char
    return [Mention(off + lo, m.end, start_char, start_char + len(span.text), text, m.label, m.classes, "")
            for text in texts if text.lower() != m.text.lower()]


def listed_noun(t: Token) -> bool:
    """``t`` is a noun naming a kind in a modifier list ("T and B lymphocytes", "CD4 and CD8 T
    cells"), not a verb form the tagger called a noun ("resting")."""
    return t.pos_ in ("NOUN", "PROPN") and t.tag_ not in ("VBN", "VBG", "VBD")


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
