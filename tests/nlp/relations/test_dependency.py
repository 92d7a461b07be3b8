"""The dependency reader on hand-built parses (CRAFT/ClearNLP labels)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.errors import ResourceError
from pipeline.nlp.relations.members import inner_conjuncts
from pipeline.nlp.relations.patterns import load_patterns, mark_triggers, match_sentence
from pipeline.nlp.relations.syntax import argument_heads

TRIGGERS = {"secrete", "suppresses", "suppressed", "induced", "secretion", "driver", "reduce", "help",
            "promote", "inhibits"}


def parse(rows: list[tuple[str, int, str, str]]) -> Doc:
    """A sentence Doc from (word, head index, dep, POS) rows."""
    nlp = spacy.blank("en")
    words, heads, deps, pos = zip(*rows, strict=True)
    doc = Doc(nlp.vocab, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos))
    mark_triggers(doc, TRIGGERS.__contains__)
    return doc


def matches(doc: Doc) -> set[tuple[str, str, str, str, str]]:
    patterns = load_patterns()
    found = match_sentence(doc, patterns.matcher(doc.vocab), patterns)
    return {(m.pattern, doc[m.subject].text if m.subject is not None else "", doc[m.trigger].text,
             doc[m.object].text, m.carried) for m in found}


CASES = {
    "active": ([("MSCs", 1, "nsubj", "NOUN"), ("secrete", 1, "ROOT", "VERB"), ("BDNF", 1, "dobj", "NOUN"),
                (".", 1, "punct", "PUNCT")],
               {("active", "MSCs", "secrete", "BDNF", "")}),
    "relative clause: 'which' is the clause's noun": (
        [("MSCs", 1, "nsubj", "NOUN"), ("secrete", 1, "ROOT", "VERB"), ("IDO", 1, "dobj", "NOUN"),
         (",", 2, "punct", "PUNCT"), ("which", 5, "dep", "PRON"), ("suppresses", 2, "relcl", "VERB"),
         ("T", 7, "compound", "NOUN"), ("cells", 5, "dobj", "NOUN"), (".", 1, "punct", "PUNCT")],
        {("active", "MSCs", "secrete", "IDO", ""), ("active", "IDO", "suppresses", "cells", "relcl")}),
    "passive with agent": (
        [("T", 1, "compound", "NOUN"), ("cells", 3, "nsubjpass", "NOUN"), ("are", 3, "auxpass", "AUX"),
         ("suppressed", 3, "ROOT", "VERB"), ("by", 3, "agent", "ADP"), ("IL-10", 4, "pobj", "NOUN")],
        {("passive_agent", "IL-10", "suppressed", "cells", "")}),
    "hyphenated agent": (
        [("TGF-beta", 2, "npadvmod", "NOUN"), ("-", 2, "punct", "PUNCT"), ("induced", 3, "amod", "VERB"),
         ("EMT", 3, "ROOT", "NOUN")],
        {("hyphen", "TGF-beta", "induced", "EMT", "")}),
    "nominal of/by": (
        [("secretion", 0, "ROOT", "NOUN"), ("of", 0, "prep", "ADP"), ("BDNF", 1, "pobj", "NOUN"),
         ("by", 0, "prep", "ADP"), ("MSCs", 3, "pobj", "NOUN")],
        {("nominal_of_by", "MSCs", "secretion", "BDNF", "")}),
    "agent noun": (
        [("TGF-beta", 1, "nsubj", "NOUN"), ("is", 1, "ROOT", "AUX"), ("a", 4, "det", "DET"),
         ("key", 4, "amod", "ADJ"), ("driver", 1, "attr", "NOUN"), ("of", 4, "prep", "ADP"),
         ("EMT", 5, "pobj", "NOUN")],
        {("agent_noun", "TGF-beta", "driver", "EMT", "")}),
    "control verb passes its subject": (
        [("MSCs", 1, "nsubj", "NOUN"), ("help", 1, "ROOT", "VERB"), ("reduce", 1, "xcomp", "VERB"),
         ("inflammation", 2, "dobj", "NOUN")],
        {("active", "MSCs", "reduce", "inflammation", "xcomp")}),
    "coordinated verbs share the subject": (
        [("MSCs", 1, "nsubj", "NOUN"), ("reduce", 1, "ROOT", "VERB"), ("inflammation", 1, "dobj", "NOUN"),
         ("and", 1, "cc", "CCONJ"), ("promote", 1, "conj", "VERB"), ("repair", 4, "dobj", "NOUN")],
        {("active", "MSCs", "reduce", "inflammation", ""), ("active", "MSCs", "promote", "repair", "conj")}),
    "no subject anywhere: no candidate": (
        [("To", 1, "aux", "PART"), ("reduce", 1, "ROOT", "VERB"), ("inflammation", 1, "dobj", "NOUN")],
        set()),
}


@pytest.mark.parametrize("rows,expected", CASES.values(), ids=CASES.keys())
def test_patterns_read_constructions(rows: list[tuple[str, int, str, str]],
                                     expected: set[tuple[str, str, str, str, str]]) -> None:
    assert matches(parse(rows)) == expected


def test_arguments_expand_over_conjuncts_and_amount_heads() -> None:
    doc = parse([("levels", 5, "nsubj", "NOUN"), ("of", 0, "prep", "ADP"), ("IL-6", 1, "pobj", "NOUN"),
                 ("and", 2, "cc", "CCONJ"), ("TNF", 2, "conj", "NOUN"), ("fell", 5, "ROOT", "VERB")])
    heads = argument_heads(doc[0], load_patterns().through)
    assert [t.text for t in heads] == ["levels", "IL-6", "TNF"]


def test_bad_pattern_names_file_and_pattern(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("meta: {name: x, version: '1', source: s, licence: l}\n"
                   "patterns:\n  - id: broken\n    form: active\n    nodes:\n"
                   "      - {RIGHT_ID: trigger, RIGHT_ATTRS: {NOPE: 1}}\n"
                   "      - {LEFT_ID: trigger, REL_OP: '>', RIGHT_ID: object, RIGHT_ATTRS: {}}\n"
                   "      - {LEFT_ID: trigger, REL_OP: '>', RIGHT_ID: subject, RIGHT_ATTRS: {}}\n",
                   encoding="utf-8")
    with pytest.raises(ResourceError, match="pattern broken"):
        load_patterns(bad)


def test_unknown_key_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("meta: {name: x, version: '1', source: s, licence: l}\n"
                   "patterns:\n  - id: a\n    form: active\n    colour: red\n"
                   "    nodes: [{RIGHT_ID: trigger, RIGHT_ATTRS: {}}]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="colour"):
        load_patterns(bad)


def test_a_trigger_between_conjuncts_ends_the_list() -> None:
    # "secrete HGF and decrease TGF" mis-parsed as one object list with "decrease" a compound
    doc = parse([("MSCs", 1, "nsubj", "NOUN"), ("secrete", 1, "ROOT", "VERB"), ("HGF", 1, "dobj", "NOUN"),
                 ("and", 2, "cc", "CCONJ"), ("reduce", 5, "compound", "NOUN"), ("TGF", 2, "conj", "NOUN")])
    assert [t.text for t in argument_heads(doc[2], load_patterns().through)] == ["HGF"]


# --- list members as arguments (rel-lists) ---
LIST_MEMBERS = {
    # an amount/class head keeps its example phrase: "growth factors such as X and Y"
    "class noun with a compound, such as": (
        [("growth", 1, "compound", "NOUN"), ("factors", 1, "ROOT", "NOUN"), ("such", 3, "amod", "ADJ"),
         ("as", 1, "prep", "ADP"), ("BDNF", 3, "pobj", "NOUN"), ("and", 4, "cc", "CCONJ"),
         ("GDNF", 4, "conj", "NOUN")],
        1, ["factors", "growth", "BDNF", "GDNF"]),
    "types of X, including A and B": (
        [("types", 0, "ROOT", "NOUN"), ("of", 0, "prep", "ADP"), ("cells", 1, "pobj", "NOUN"),
         (",", 0, "punct", "PUNCT"), ("including", 0, "prep", "VERB"), ("iPSCs", 4, "pobj", "NOUN"),
         ("and", 5, "cc", "CCONJ"), ("MSCs", 5, "conj", "NOUN")],
        0, ["types", "cells", "iPSCs", "MSCs"]),
    "parenthesised e.g. list": (
        [("cytokines", 0, "ROOT", "NOUN"), ("(", 0, "punct", "PUNCT"), ("e.g.", 4, "advmod", "ADV"),
         (",", 4, "punct", "PUNCT"), ("IL-6", 0, "parataxis", "NOUN"), ("and", 4, "cc", "CCONJ"),
         ("IL-8", 4, "conj", "NOUN"), (")", 0, "punct", "PUNCT")],
        0, ["cytokines", "IL-6", "IL-8"]),
    # a parenthesised aside without an example word names no member
    "parenthesised aside": (
        [("cytokines", 0, "ROOT", "NOUN"), ("(", 0, "punct", "PUNCT"), ("Figure", 0, "parataxis", "NOUN"),
         ("2", 2, "nummod", "NUM"), (")", 0, "punct", "PUNCT")],
        0, ["cytokines"]),
    # "like" on the verb compares, it lists nothing of the object
    "like before the head is no member": (
        [("like", 1, "prep", "ADP"), ("cytokines", 1, "ROOT", "NOUN"), ("IL-6", 0, "pobj", "NOUN")],
        1, ["cytokines"]),
}


@pytest.mark.parametrize("rows,head,expected", LIST_MEMBERS.values(), ids=LIST_MEMBERS.keys())
def test_arguments_expand_to_list_members(rows: list[tuple[str, int, str, str]], head: int,
                                          expected: list[str]) -> None:
    doc = parse(rows)
    assert [t.text for t in argument_heads(doc[head], load_patterns().through)] == expected


@pytest.mark.parametrize("rows,span,expected", [
    # "loss of smell, confusion and ataxia" with the list hung on "smell"
    ([("loss", 0, "ROOT", "NOUN"), ("of", 0, "prep", "ADP"), ("smell", 1, "pobj", "NOUN"),
      (",", 2, "punct", "PUNCT"), ("confusion", 2, "conj", "NOUN"), ("and", 4, "cc", "CCONJ"),
      ("ataxia", 4, "conj", "NOUN")], (0, 3), ["confusion"]),
    # a trigger word between: a second clause the parse read as a conjunct
    ([("loss", 0, "ROOT", "NOUN"), ("of", 0, "prep", "ADP"), ("smell", 1, "pobj", "NOUN"),
      ("and", 2, "cc", "CCONJ"), ("reduce", 5, "compound", "NOUN"), ("TGF", 2, "conj", "NOUN")],
     (0, 3), []),
], ids=["list hung inside a mention", "not across a trigger"])
def test_conjuncts_inside_a_mention(rows: list[tuple[str, int, str, str]], span: tuple[int, int],
                                    expected: list[str]) -> None:
    assert [t.text for t in inner_conjuncts(parse(rows), *span)] == expected
