"""List items under a lead-in line (issue 12, lists; pipeline/nlp/relations/leadins.py): a
disease's symptom bullets and a therapy's reported benefits, each bullet line a sentence of its
own. No parse: the list reader reads tokens and mentions. Own sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.errors import ResourceError
from pipeline.nlp.relations import RuleSet
from pipeline.nlp.relations.leadcues import LeadInSpec, LeadKindSpec, compile_lead_ins
from pipeline.nlp.relations.leadins import READER
from tests.nlp.relations.conftest import build_doc

Row = tuple[str, str, str, str, bool]  # subject, predicate, object, carried, hedged


def lines_doc(blank: Language, lines: list[str]) -> Doc:
    """One sentence per marked line (a bullet "•" is a line of its own)."""
    return Doc.from_docs([build_doc(blank, line) for line in lines])


@pytest.fixture(scope="module")
def list_rows(blank: Language) -> Callable[[list[str]], set[Row]]:
    def run(lines: list[str]) -> set[Row]:
        doc = blank.get_pipe("mechmine_relations")(lines_doc(blank, lines))
        return {(r.subject.text, r.predicate, r.object.text, r.carried, r.hedged)
                for r in doc._.relations if r.rule_id.startswith(f"{READER}:")}
    return run


CASES = {
    "symptoms under a lead-in pointing back: the disease topic": (
        ["[Lupus|DISEASE] is a chronic disease .", "It has many symptoms .", "These include:",
         "•", "[joint pain|DISEASE] , or [fatigue|DISEASE]", "•", "skin rashes"],
        {("Lupus", "ASSOCIATED_WITH", "joint pain", "topic", False),
         ("Lupus", "ASSOCIATED_WITH", "fatigue", "topic", False),
         ("Lupus", "ASSOCIATED_WITH", "skin rashes", "topic", False)}),
    "the lead-in names the disease; a line without a bullet ends the list": (
        ["Symptoms of [gout|DISEASE] include:", "•", "[swelling|DISEASE] of the toe",
         "[fever|DISEASE] is rare ."],
        {("gout", "ASSOCIATED_WITH", "swelling", "lead", False)}),
    "benefits by each item's own polarity word, hedged as a patient report": (
        ["After [MSC|CELL_TYPE] therapy , our patients report:", "•", "less [pain|DISEASE] in the knees ;",
         "•", "better sleep and mobility ;", "•", "shorter relapses and longer remissions ;",
         "•", "a chance to travel again ."],
        {("MSC", "DECREASES", "pain", "lead", True), ("MSC", "INCREASES", "sleep", "lead", True),
         ("MSC", "INCREASES", "mobility", "lead", True), ("MSC", "DECREASES", "relapses", "lead", True),
         ("MSC", "INCREASES", "remissions", "lead", True)}),
    "a head noun with a list of places": (
        ["After [MSC|CELL_TYPE] therapy , our patients report:", "•",
         "improved function in the [liver|ANATOMY] and [kidneys|ANATOMY] ;"],
        {("MSC", "INCREASES", "liver function", "lead", True),
         ("MSC", "INCREASES", "kidneys function", "lead", True)}),
    "a mention of another class inside an item phrase is part of it; a hyphenated phrase": (
        ["Symptoms of [gout|DISEASE] include:", "•", "swollen [toes|ANATOMY]", "•", "night-time waking"],
        {("gout", "ASSOCIATED_WITH", "swollen toes", "lead", False),
         ("gout", "ASSOCIATED_WITH", "night-time waking", "lead", False)}),
    "a lead-in of no kind: nothing": (
        ["[Lupus|DISEASE] is a chronic disease .", "Our clinic offers:", "•", "[fatigue|DISEASE] care"],
        set()),
    "a lead-in without items: nothing": (
        ["[Lupus|DISEASE] has many symptoms .", "These include:", "[fatigue|DISEASE] is common ."],
        set()),
}


@pytest.mark.parametrize("lines,expected", list(CASES.values()), ids=list(CASES))
def test_lead_in_lists(list_rows: Callable[[list[str]], set[Row]], lines: list[str],
                       expected: set[Row]) -> None:
    assert list_rows(lines) == expected


@pytest.mark.parametrize("word", ["less", "better", "improved", "symptoms"])
def test_list_rules_trigger_at_no_word(rules: RuleSet, word: str) -> None:
    assert [r.id for r in rules.triggered(word) if "list" in r.forms] == []


def raw_doc(blank: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """A doc of raw ``text`` (one sentence per line) with the entities ``ents`` (text, label)."""
    doc = blank.make_doc(text)
    for t in doc:
        t.is_sent_start = t.i == 0 or "\n" in doc[t.i - 1].text
    doc.ents = [doc.char_span(text.index(e), text.index(e) + len(e), label=label) for e, label in ents]
    return doc


def test_unmarked_items_are_whole_short_lines(blank: Language) -> None:
    text = ("Symptoms of gout include:\nfatigue care\nswelling\n"
            "Our clinic welcomes new patients from many countries every single week of the year.\nfever\n")
    doc = raw_doc(blank, text, [("gout", "DISEASE"), ("swelling", "DISEASE"), ("fever", "DISEASE")])
    rows = {(r.subject.text, r.predicate, r.object.text)
            for r in blank.get_pipe("mechmine_relations")(doc)._.relations if r.rule_id.startswith("list:")}
    # an unmarked item gives its mentions only; a long line ends the list
    assert rows == {("gout", "ASSOCIATED_WITH", "swelling")}


@pytest.mark.parametrize(("line", "bullet"), [
    ("• fatigue", True), ("1. fatigue", True), ("2) fatigue", True), ("- fatigue", True),
    ("1.5 million people have fatigue", False), ("2.0 is the ratio", False),
])
def test_item_marks(rules: RuleSet, line: str, bullet: bool) -> None:
    assert rules.cues.lead_ins is not None
    assert bool(rules.cues.lead_ins.item.match(line)) is bullet


@pytest.mark.parametrize(("kind", "stop", "message"), [
    ({"lead": "x", "rules": ["list_gian"], "subject": "disease"}, [], "unknown rule 'list_gian'"),
    ({"lead": "x", "rules": ["secrete"], "subject": "disease"}, [], "rule 'secrete' has no 'list' form"),
    ({"lead": "x", "rules": ["list_gain"], "subject": "disease"}, ["In"], "stop words must be lower case"),
])
def test_lead_in_data_is_checked_against_the_rules(kind: dict, stop: list[str], message: str) -> None:
    spec = LeadInSpec(item="^-", pointing="^these", stop=stop, kinds=[LeadKindSpec(**kind)])
    with pytest.raises(ResourceError, match=message):
        compile_lead_ins(spec, "cues.yaml", {"list_gain": ("list",), "secrete": ("active",)})
