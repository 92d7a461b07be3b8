"""A coordinated run of mentions the parse broke keeps its members as objects (issue 12,
pipeline/nlp/relations/topics.py ``coordinated_groups(abbreviated=True)`` and ``run_members``):
"used in the treatment of MS (MS), NMO, CIDP, MG, and genetic disorders" with CIDP read as a
modifier of NMO. Hand-built parses (CRAFT/ClearNLP labels). Own sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.relations.topics import coordinated_groups, run_members
from pipeline.nlp.relations.types import Mention
from tests.nlp.relations.conftest import attach_parse

N, V, P, X, C, A, PR = "NOUN", "VERB", "ADP", "PUNCT", "CCONJ", "ADJ", "PRON"


def mentions(doc: Doc) -> list[Mention]:
    return [Mention(e.start, e.end, e.start_char, e.end_char, e.text, e.label_, (e.label_,), "")
            for e in doc.ents]


@pytest.mark.parametrize("marked,abbreviated,expected", [
    ("[Multiple sclerosis|DISEASE] ( [MS|DISEASE] ) , [lupus|DISEASE] and [gout|DISEASE] .", True,
     [["Multiple sclerosis", "lupus", "gout"]]),
    # without the option a parenthesis ends the run
    ("[Multiple sclerosis|DISEASE] ( [MS|DISEASE] ) , [lupus|DISEASE] and [gout|DISEASE] .", False,
     [["lupus", "gout"]]),
    # a parenthesis that is no short form still ends it
    ("[lupus|DISEASE] ( see [gout|DISEASE] below ) and [asthma|DISEASE] .", True, []),
    # only commas: no run
    ("[IL-6|CYTOKINE] , [IL-8|CYTOKINE] .", True, []),
])
def test_coordinated_runs(marked_doc: Callable[[str], Doc], marked: str, abbreviated: bool,
                          expected: list[list[str]]) -> None:
    doc = marked_doc(marked)
    groups = coordinated_groups(doc, mentions(doc), abbreviated=abbreviated)
    assert [[m.text for m in g] for g in groups] == expected


def test_run_members_need_the_run_inside_the_subtree(marked_doc: Callable[[str], Doc]) -> None:
    doc = marked_doc("[lupus|DISEASE] , [gout|DISEASE] and [asthma|DISEASE] .")
    ms = mentions(doc)
    groups = coordinated_groups(doc, ms)
    assert [m.text for m in run_members(ms[:1], groups, 0, 5)] == ["gout", "asthma"]
    assert run_members(ms[:1], groups, 0, 3) == []  # the run reaches past the subtree
    assert run_members([], groups, 0, 5) == []  # no object in the run


# "[X] treats [A] , [B] , [C] and [D] ." with C read as a modifier of B (the list broken) and D
# a conjunct of C
BROKEN = [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (2, "conj", N), (4, "punct", X),
          (4, "npadvmod", N), (6, "cc", C), (6, "conj", N), (1, "punct", X)]


def test_a_broken_list_keeps_its_members(blank: Language, marked_doc: Callable[[str], Doc]) -> None:
    doc = attach_parse(marked_doc("[Aspirin|CHEMICAL] treats [lupus|DISEASE] , [gout|DISEASE] , "
                                  "[asthma|DISEASE] and [eczema|DISEASE] ."), BROKEN)
    got = {(r.subject.text, r.predicate, r.object.text)
           for r in blank.get_pipe("mechmine_relations")(doc)._.relations if r.rule_id.startswith("dep:")}
    assert got == {("Aspirin", "TREATS", d) for d in ("lupus", "gout", "asthma", "eczema")}


# "[X] reduced [A] , and [B] increased [C] ." : B is the subject of another clause, no run member
TWO_CLAUSES = [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X), (1, "cc", C),
               (6, "nsubj", N), (1, "conj", V), (6, "dobj", N), (1, "punct", X)]


def test_a_subject_of_another_clause_is_no_member(blank: Language,
                                                 marked_doc: Callable[[str], Doc]) -> None:
    doc = attach_parse(marked_doc("[MSCs|CELL_TYPE] reduced [IL-6|CYTOKINE] , and [IL-10|CYTOKINE] "
                                  "increased [TNF|CYTOKINE] ."), TWO_CLAUSES)
    got = {(r.subject.text, r.predicate, r.object.text)
           for r in blank.get_pipe("mechmine_relations")(doc)._.relations if r.rule_id.startswith("dep:")}
    assert ("MSCs", "DECREASES", "IL-10") not in got
    assert ("MSCs", "DECREASES", "IL-6") in got
