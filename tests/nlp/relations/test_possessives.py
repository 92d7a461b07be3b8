"""A possessive pronoun on an amount/activity head ("blocked their differentiation") is resolved as a
subject pronoun is (issue 12, anaphors.possessor): the nearest clause subject before it in its
sentence, else the nearest mention before it, else the subjects carried from before, of the
pronoun's number and not the verb's own subject; an object is then the process of what it refers
to ("differentiation of MSCs", anaphors.owned_process).
Marked texts of our own wording with hand-built parses (CRAFT/ClearNLP labels); a sentence without
rows is not parsed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.errors import ResourceError
from pipeline.nlp.relations.candidates import possessive_inside
from pipeline.nlp.relations.patterns import load_patterns
from tests.nlp.relations.conftest import dep_relations

N, V, D, P, X = "NOUN", "VERB", "DET", "ADP", "PUNCT"

# "[MSCs] inhibit [T cells] ."
INHIBIT = [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)]
# "[PGE2] blocked their differentiation ."
BLOCKED = [(1, "nsubj", N), (1, "ROOT", V), (3, "poss", D), (1, "dobj", N), (1, "punct", X)]
# "[PGE2] blocked their [IL-6] production ."
BLOCKED_NAMED = [(1, "nsubj", N), (1, "ROOT", V), (4, "poss", D), (4, "compound", N), (1, "dobj", N),
                 (1, "punct", X)]
# "[MSCs] secrete [PGE2] , which inhibits their proliferation ."
RELATIVE = [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (5, "dep", D), (2, "relcl", V),
            (7, "poss", D), (5, "dobj", N), (1, "punct", X)]
# "[IL-10] added to cultures of [monocytes] blocked their maturation ."
ADDED = [(6, "nsubj", N), (0, "acl", V), (1, "prep", P), (2, "pobj", N), (3, "prep", P), (4, "pobj", N),
         (6, "ROOT", V), (8, "poss", D), (6, "dobj", N), (6, "punct", X)]
# "[PGE2] blocked their differentiation toward [DCs] ."
TOWARD = [(1, "nsubj", N), (1, "ROOT", V), (3, "poss", D), (1, "dobj", N), (3, "prep", P), (4, "pobj", N),
          (1, "punct", X)]
# "They enhance their survival ."
THEIR_OWN = [(1, "nsubj", "PRON"), (1, "ROOT", V), (3, "poss", D), (1, "dobj", N), (1, "punct", X)]
# "Their treatment reduces [inflammation] ."
TREATMENT = [(1, "poss", D), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)]


@pytest.mark.parametrize("text,rows,expected", [
    # the subject the sentence before carries
    ("[MSCs|CELL_TYPE] inhibit [T cells|CELL_TYPE] . [PGE2|CHEMICAL] blocked their differentiation .",
     [INHIBIT, BLOCKED], {("MSCs", "INHIBITS", "T cells"), ("PGE2", "INHIBITS", "differentiation of MSCs")}),
    # ... from an unparsed sentence
    ("[T cells|CELL_TYPE] were cultured . [IL-10|CYTOKINE] blocked their differentiation .",
     [None, BLOCKED], {("IL-10", "INHIBITS", "differentiation of T cells")}),
    # the subject of the sentence's own main clause
    ("[MSCs|CELL_TYPE] secrete [PGE2|CHEMICAL] , which inhibits their proliferation .", [RELATIVE],
     {("MSCs", "SECRETES", "PGE2"), ("PGE2", "INHIBITS", "proliferation of MSCs")}),
    # the nearest mention of the pronoun's number before it when the clause subject disagrees
    ("[IL-10|CYTOKINE] added to cultures of [monocytes|CELL_TYPE] blocked their maturation .", [ADDED],
     {("IL-10", "INHIBITS", "maturation of monocytes")}),
    # after a subject pronoun the carried subject is the pronoun's, not the possessive's: the
    # outcome alone
    ("[MSCs|CELL_TYPE] are cells . They enhance their survival .", [None, THEIR_OWN],
     {("MSCs", "ACTIVATES", "survival")}),
    # "its" takes no plural, nor the verb's own subject
    ("[IL-10|CYTOKINE] added to cultures of [monocytes|CELL_TYPE] blocked its maturation .", [ADDED], set()),
    # the possessor of a nominalisation is no agent read from the pronoun (the differentiation is
    # blocked): the amount head's owner only
    ("[MSCs|CELL_TYPE] inhibit [T cells|CELL_TYPE] . [PGE2|CHEMICAL] blocked their differentiation toward "
     "[DCs|CELL_TYPE] .", [INHIBIT, TOWARD],
     {("MSCs", "INHIBITS", "T cells"), ("PGE2", "INHIBITS", "differentiation of MSCs toward DCs")}),
    # "its" takes no plural
    ("[MSCs|CELL_TYPE] inhibit [T cells|CELL_TYPE] . [PGE2|CHEMICAL] blocked its differentiation .",
     [INHIBIT, BLOCKED], {("MSCs", "INHIBITS", "T cells")}),
    # a head that names what it is of keeps it ("their IL-6 production": IL-6)
    ("[MSCs|CELL_TYPE] inhibit [T cells|CELL_TYPE] . [PGE2|CHEMICAL] blocked their [IL-6|CYTOKINE] "
     "production .",
     [INHIBIT, BLOCKED_NAMED], {("MSCs", "INHIBITS", "T cells"), ("PGE2", "INHIBITS", "IL-6")}),
    # "their treatment" is of the cells treated (a recipient head): the pronoun names no agent
    ("[Macrophages|CELL_TYPE] are activated . Their treatment reduces [inflammation|PROCESS] .",
     [None, TREATMENT], set()),
])
def test_a_possessive_object_takes_what_the_pronoun_refers_to(blank: Language,
                                                              marked_doc: Callable[[str], Doc], text: str,
                                                              rows: list, expected: set) -> None:
    got = {(r.subject.text, r.predicate, r.object.text) for r in dep_relations(blank, marked_doc(text), rows)}
    assert got == expected


@pytest.mark.parametrize("words,expected", [
    ("pge2 blocked their differentiation .", True),
    ("il-10 reduced its activation .", True),
    ("its treatment reduces fibrosis .", False),
    ("they reduce the risk .", False),
    ("their", False),
])
def test_a_sentence_with_a_possessive_pronoun_may_relate(words: str, expected: bool) -> None:
    assert possessive_inside(words.split(), load_patterns().recipient_heads) is expected


def test_a_recipient_head_must_be_a_through_head(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("meta: {name: x, version: '1', source: s, licence: l}\n"
                   "through: [levels]\nrecipient_heads: [treatment]\n"
                   "patterns:\n  - id: a\n    form: active\n    nodes:\n"
                   "      - {RIGHT_ID: trigger, RIGHT_ATTRS: {}}\n"
                   "      - {LEFT_ID: trigger, REL_OP: '>', RIGHT_ID: object, RIGHT_ATTRS: {}}\n"
                   "      - {LEFT_ID: trigger, REL_OP: '>', RIGHT_ID: subject, RIGHT_ATTRS: {}}\n",
                   encoding="utf-8")
    with pytest.raises(ResourceError, match="recipient_heads: not in through: treatment"):
        load_patterns(bad)
