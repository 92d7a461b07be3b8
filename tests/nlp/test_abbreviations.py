"""Abbreviation definitions on hand-written sentences: lists in parentheses are no definitions."""

from __future__ import annotations

import pytest
import spacy

from pipeline.nlp.abbreviations import find_definitions, is_list, parenthesis_candidates
from pipeline.nlp.initials import prefixed_base
from pipeline.tokenize import make_tokenizer

NLP = spacy.blank("en")
NLP.tokenizer = make_tokenizer(NLP)


@pytest.mark.parametrize(("text", "expected"), [
    ("blue cells, red cells, and green cells", True),
    ("blue cells, red cells or green cells", True),
    ("alpha, beta, gamma", True),
    ("indoleamine 2,3-dioxygenase", False),
    ("tumor necrosis factor", False),
    ("one, the first", False),
])
def test_is_list(text: str, expected: bool) -> None:
    assert is_list(NLP(text)[:]) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # without the list rule: ("cells", "cells, monocytes, and B lymphocytes")
    ("Some cells (stem cells, monocytes, and B lymphocytes) divide.", []),
    ("Zeta blue factor (ZBF) rises.", [("ZBF", "Zeta blue factor")]),
])
def test_definitions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.text, lf.text) for s, lf in find_definitions(NLP(text))] == expected


# --- head noun phrase of a long form; an entity that contains the long form ---

from spacy.tokens import Span  # noqa: E402

from pipeline.nlp.abbreviations import (  # noqa: E402
    OTHER,
    AbbreviationPropagator,
    abbreviation_spans,
    head_label,
    head_part,
    load_head_rules,
    occurrences,
    register_extensions,
)
from pipeline.nlp.extensions import register as register_mentions  # noqa: E402

RULES = load_head_rules()
register_extensions()
register_mentions()


@pytest.mark.parametrize(("text", "head", "label"), [
    ("Global Initiative for Obstructive Lung Disease", "Global Initiative", OTHER),
    ("tissue inhibitor of metalloproteinases", "tissue inhibitor", "GENE_OR_PROTEIN"),
    ("nuclear factor of activated T cells", "nuclear factor", "GENE_OR_PROTEIN"),
    ("chronic obstructive lung disease", "chronic obstructive lung disease", "DISEASE"),
    ("graft-versus-host diseases", "graft-versus-host diseases", "DISEASE"),
    ("mesenchymal-to-epithelial transition", "mesenchymal-to-epithelial transition", "PROCESS"),
    ("matrix metalloproteinase", "matrix metalloproteinase", "GENE_OR_PROTEIN"),
])
def test_head_part_and_label(text: str, head: str, label: str) -> None:
    doc = NLP(text)
    assert head_part(doc[:], RULES.head_ends_before).text == head
    assert head_label(doc[:], RULES) == label


def _short_forms(doc, ents):  # type: ignore[no-untyped-def]
    doc.ents = ents
    doc._.abbreviations = occurrences(doc, find_definitions(doc))
    return [(s.text, s.label_, s.kb_id_, m.source) for s, m in abbreviation_spans(doc, RULES)]


def test_short_form_inside_an_entity_takes_its_id() -> None:
    # Schwartz & Hearst's long form of "ZBs" is "zeta blasts", inside the entity "Myeloid zeta blasts"
    doc = NLP("Myeloid zeta blasts (ZBs) divide. ZBs grow.")
    ents = [Span(doc, 0, 3, label="CELL_TYPE", kb_id="CL:1")]
    assert _short_forms(doc, ents) == [("ZBs", "CELL_TYPE", "CL:1", "abbreviation")] * 2


def test_prepositional_phrase_lends_no_class() -> None:
    doc = NLP("Staging by the Global Initiative for Blue Lung Disease (GIBLD) was used.")
    ents = [Span(doc, 7, 10, label="DISEASE", kb_id="D:1")]  # "Blue Lung Disease"
    assert _short_forms(doc, ents) == [("GIBLD", OTHER, "", "abbreviation")]


def test_entity_ending_the_head_phrase_still_lends() -> None:
    doc = NLP("The zeta blue factor of plants (ZBFP) rises.")
    ents = [Span(doc, 1, 4, label="GENE_OR_PROTEIN", kb_id="G:1")]  # "zeta blue factor"
    # a head rule fits ("factor"): the class, no id; the long form becomes an entity too
    assert _short_forms(doc, ents) == [
        ("ZBFP", "GENE_OR_PROTEIN", "", "abbreviation"),
        ("zeta blue factor of plants", "GENE_OR_PROTEIN", "", "abbreviation_long_form"),
    ]


@pytest.mark.parametrize(("source", "expected"), [
    # a model's entity: its boundaries stand, the long form is not laid over it
    ("model", [("Wiskott-Aldrich syndrome", "DISEASE"), ("WASP", "GENE_OR_PROTEIN")]),
    ("model+lexicon", [("Wiskott-Aldrich syndrome", "DISEASE"), ("WASP", "GENE_OR_PROTEIN")]),
    # a lexicon entity (no model): the head rule's long form replaces it, as before
    ("lexicon:mesh", [("Wiskott-Aldrich syndrome protein", "GENE_OR_PROTEIN"), ("WASP", "GENE_OR_PROTEIN")]),
])
def test_long_form_over_a_model_entity(source: str, expected: list[tuple[str, str]]) -> None:
    from pipeline.nlp.abbreviations import AbbreviationPropagator
    from pipeline.nlp.extensions import MentionInfo, mentions

    doc = NLP("Wiskott-Aldrich syndrome protein (WASP) is absent.")
    ent = Span(doc, 0, 2, label="DISEASE")
    doc.ents = [ent]
    mentions(doc)[(ent.start_char, ent.end_char)] = MentionInfo(("DISEASE",), ent.text, source)
    component = AbbreviationPropagator(NLP, "abbreviations")
    component.initialize()
    assert [(e.text, e.label_) for e in component(doc).ents] == expected


def test_long_form_ending_in_a_defined_short_form_takes_its_class() -> None:
    # "ZVs" is defined by an entity first; "plant-made ZVs (PM-ZVs)" ends with it and has no head rule
    doc = NLP("Zeta vesicles (ZVs) exist. We used plant-made ZVs (PM-ZVs) here. PM-ZVs help.")
    ents = [Span(doc, 0, 2, label="ANATOMY", kb_id="A:1")]
    rows = _short_forms(doc, ents)
    assert ("PM-ZVs", "ANATOMY", "A:1", "abbreviation") in rows
    assert all(label != OTHER for _, label, _, _ in rows)


def test_long_form_ending_in_an_undefined_word_stays_other() -> None:
    doc = NLP("We used plant-made ZVs (PM-ZVs) here.")
    assert _short_forms(doc, []) == [("PM-ZVs", OTHER, "", "abbreviation")]


def _component_ents(text: str, ents: list[tuple[int, int, str, str]]) -> list[tuple[str, str, str]]:
    doc = NLP(text)
    doc.ents = [Span(doc, s, e, label=label, kb_id=kb_id) for s, e, label, kb_id in ents]
    component = AbbreviationPropagator(NLP, "abbreviations")
    component.initialize()
    return [(e.text, e.label_, e.kb_id_) for e in component(doc).ents]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a defined disease's short form naming an instrument is no mention
        ("Lung blight (LB) is common. The LB assessment test fell and LB waned.", [(0, 2, "DISEASE", "D:1")],
         [("Lung blight", "DISEASE", "D:1"), ("LB", "DISEASE", "D:1"), ("LB", "DISEASE", "D:1")]),
        # parenthesised initials take the words they abbreviate, over the organ's entity
        ("Mesenchymal stem cells (MSCs) help. Umbilical cord-derived (UC)-MSCs too.",
         [(0, 3, "CELL_TYPE", "M:1"), (8, 10, "ANATOMY", "A:1")],
         [("Mesenchymal stem cells", "CELL_TYPE", "M:1"), ("MSCs", "CELL_TYPE", "M:1"),
          ("Umbilical cord-derived (UC)-MSCs", "CELL_TYPE", "M:1")]),
    ],
)
def test_component_short_forms(text: str, ents: list[tuple[int, int, str, str]],
                               expected: list[tuple[str, str, str]]) -> None:
    assert _component_ents(text, ents) == expected


@pytest.mark.parametrize(("token", "expected"), [
    ("UC-MSCs", "MSCs"),
    ("(UC)-MSCs", "MSCs"),
    ("BM-MSC", "MSC"),
    ("MSCs", None),  # no initials
    ("anti-inflammatory", None),  # no capital initials
    ("IL-10", None),  # the part after the hyphen is no word
])
def test_prefixed_base(token: str, expected: str | None) -> None:
    strings = NLP.vocab.strings
    assert prefixed_base(strings.add(token), strings) == expected
    assert prefixed_base(strings.add(token), strings) == expected  # read from the memo


@pytest.mark.parametrize(("text", "expected"), [
    ("mesenchymal stem cells (MSCs) and more", [(0, 4, 5)]),
    ("no parenthesis here", []),
    ("an empty () pair", []),
    ("closed ) before ( never", []),
])
def test_parenthesis_candidates(text: str, expected: list[tuple[int, int, int]]) -> None:
    assert parenthesis_candidates(NLP(text)) == expected
