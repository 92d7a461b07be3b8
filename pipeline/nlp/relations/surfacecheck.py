"""The surface reader's candidates read against the parse of their sentence (:func:`check_surface`)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.nlp.relations.clauses import instrument
from pipeline.nlp.relations.negation import parse_negated
from pipeline.nlp.relations.syntax import (
    mention_at,
    modifies_nominal_trigger,
    outside_verb_phrase,
    owner_of_modified,
    same_list,
    source_holder,
    subject_head,
    verb_read_as_adjective,
)
from pipeline.nlp.relations.types import Candidate, Mention


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
        if used is not None and used != subject_head(parse, start, c.subject):
            continue  # "using drugs to suppress X": the drugs suppress, not the sentence's subject
        negated = parse_negated(parse, c.trigger - start)
        holder = source_holder(parse, start, c.subject) if ms else None
        sources = [] if holder is None else [
            m for m in dict.fromkeys(mention_at(ms, t.i + start) for t in (holder, *holder.conjuncts))
            if m is not None and m is not c.object]
        out.extend(replace(c, subject=m, negated=negated) for m in sources or [c.subject])
    return out
