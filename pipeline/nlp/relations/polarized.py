"""relrecall (issue 12): the cells a located process names by its modifier, as an object.

The lexicon makes "macrophage polarization" and "microglial polarization" one PROCESS mention
(a located process, :mod:`pipeline.lexicon.compounds`: a cell or organ match, or the relational
adjective of one, before a process head noun), so that "MSCs promote macrophage polarization to
the M2 phenotype" reads MSCs ACTIVATES "macrophage polarization". A cause that brings about a
change of state the ``changed`` cues name by the word after the cells ("polarization": the
cells switch phenotype) states its effect on the cells: MSCs POLARIZES macrophage. The object
becomes the mention's words before its head, a CELL_TYPE argument without an id (the modifiers
of a located process are cells and organs, named here by the cells they consist of), only when
that turns the predicate; otherwise (an association: "regulating macrophage polarization") the
process stays the object.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.nlp.relations.context import changed_predicate
from pipeline.nlp.relations.rules import RuleSet
from pipeline.nlp.relations.types import Candidate, Mention

PROCESS = "PROCESS"
CELLS = "CELL_TYPE"


def polarized_cells(c: Candidate, rules: RuleSet, words: Sequence[str], doc: Doc) -> Candidate:
    """``c`` with its object the cells a located process without an id names before its last
    word, when an ``after`` cue of the ``changed`` cues finds that word (the (up to 2) words after
    the cells, as :func:`changed_predicate` reads them) for the rule's predicate and no cue turns
    the predicate on the process itself; else ``c``. ``words``: the sentence's lower-cased
    tokens."""
    m, off = c.object, c.sentence.start
    if m.kb_id or m.label != PROCESS or m.end - m.start < 2 or m.start < off or m.start <= c.trigger:
        return c
    span = doc[m.start:m.end - 1]
    if not span.text[:1].isalnum():
        return c
    predicate = c.rule.predicate
    # a change named before the phrase is the whole process's ("led to reduced macrophage
    # polarization": DECREASES, the process kept)
    if changed_predicate(rules.cues, predicate, m, words, off, c.trigger) != predicate:
        return c
    after = " ".join(words[m.end - 1 - off:m.end + 1 - off])
    if not any(after_cue is not None and predicate in turns and after_cue.search(after)
               for _, _, after_cue, turns in rules.cues.changed):
        return c
    return replace(c, object=Mention(m.start, m.end - 1, span.start_char, span.end_char, span.text, CELLS,
                                     (CELLS,), ""))
