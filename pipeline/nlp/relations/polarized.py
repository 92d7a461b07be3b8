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
    word, when the ``changed`` cues turn the predicate on those cells (:func:`changed_predicate`
    over the words after them) and not on the process itself; else ``c``. ``words``: the
    sentence's lower-cased tokens."""
    m, off = c.object, c.sentence.start
    if m.kb_id or m.label != PROCESS or m.end - m.start < 2 or m.start < off or m.start <= c.trigger:
        return c
    span = doc[m.start:m.end - 1]
    if not span.text[:1].isalnum():
        return c
    cells = Mention(m.start, m.end - 1, span.start_char, span.end_char, span.text, CELLS, (CELLS,), "")
    predicate = c.rule.predicate
    # the turn comes from the head after the cells, not from the words before the phrase ("led to
    # reduced macrophage polarization" turns the whole phrase: DECREASES, the process kept)
    if changed_predicate(rules.cues, predicate, cells, words, off, c.trigger) == \
            changed_predicate(rules.cues, predicate, m, words, off, c.trigger):
        return c
    return replace(c, object=cells)
