"""The object phrase a reader sees: an outcome named with what it is of.

An OUTCOME argument is the outcome noun with its left modifiers ("gradual loss", "deposition",
"total loss"), so that the rules, the class filters and :func:`.finalize.without_redundant` read
its head: a gain or a harm, and whether its of-phrase names another object of the relation.
Once finalize has decided, the row a reader gets should say what was lost or deposited ("the
gradual loss of dopamine-producing neurons", "deposition of extracellular matrix (ECM) proteins").
:func:`shown_objects` widens each parsed OUTCOME object over the of-phrase that directly follows
it, without the list or clause its object goes on with (:func:`.processes.process_phrase`, the
reading a PROCESS argument already has). Nothing else about a relation changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.nlp.relations.processes import process_phrase
from pipeline.nlp.relations.syntax import subject_head
from pipeline.nlp.relations.types import OUTCOME, Mention, Relation


def with_of_phrase(parse: Doc, off: int, m: Mention, sentence_start_char: int) -> Mention:
    """``m`` (a mention in the sentence parse that starts at doc token ``off``) widened over the
    of-phrase right after it ("total loss" + "of motor and sensory function"); ``m`` itself when
    no such phrase follows it or ``m`` lies outside the sentence."""
    head = subject_head(parse, off, m)
    lo, hi = m.start - off, m.end - off
    if head is None or hi >= len(parse) or parse[hi].lower_ != "of" or parse[hi].head != head:
        return m
    end = process_phrase(head, lo)
    if end <= hi:
        return m
    span = parse[lo:end]
    start_char = sentence_start_char + span.start_char
    return replace(m, end=off + end, start_char=start_char, end_char=start_char + len(span.text),
                   text=span.text)


def shown_objects(rels: Sequence[Relation], doc: Doc) -> list[Relation]:
    """``rels`` with every OUTCOME object of a parsed sentence shown with its of-phrase
    (:func:`with_of_phrase`)."""
    parses = doc._.parses or {}
    if not parses:
        return list(rels)
    by_char = {doc[k].idx: k for k in parses}
    out = []
    for r in rels:
        off = by_char.get(r.sentence_start)
        if r.object.label == OUTCOME and off is not None:
            shown = with_of_phrase(parses[off], off, r.object, r.sentence_start)
            if shown is not r.object:
                r = replace(r, object=shown)
        out.append(r)
    return out
