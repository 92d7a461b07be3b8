"""A definition "LONG (SHORT)" is one argument (issue 12, pipeline/nlp/relations/definitions.py):
one relation, with the long form's text and the best id of either. Marked docs with the
definitions set by hand as the abbreviation component sets them (``doc._.abbreviations``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.abbreviations import register_extensions
from pipeline.nlp.relations.definitions import definition_pairs
from pipeline.nlp.relations.types import Mention
from tests.nlp.relations.conftest import dep_relations

register_extensions()


def mentions(doc: Doc) -> list[Mention]:
    return [Mention(e.start, e.end, e.start_char, e.end_char, e.text, e.label_, (e.label_,), e.kb_id_)
            for e in doc.ents]


def define(doc: Doc, short: str, long: str) -> Doc:
    """Mark the short form's occurrences as defined by ``long`` (its first occurrence)."""
    words = [t.text for t in doc]
    n = len(long.split())
    lo = next(i for i in range(len(words)) if " ".join(words[i:i + n]) == long)
    found = []
    for i, w in enumerate(words):
        if w == short:
            span = doc[i:i + 1]
            span._.long_form = doc[lo:lo + n]
            found.append(span)
    doc._.abbreviations = found
    return doc


def rows(blank: Language, doc: Doc) -> list[tuple[str, str, str, str, str]]:
    rels = blank.get_pipe("mechmine_relations")(doc)._.relations
    return [(r.subject.text, r.subject.kb_id, r.predicate, r.object.text, r.object.kb_id) for r in rels]


@pytest.mark.parametrize("marked,short,long,expected", [
    # a long form without an id, a short form without one
    ("[Mesenchymal stromal cells|CELL_TYPE] ( [MSCs|CELL_TYPE] ) secrete [IL-10|CYTOKINE|HGNC:5962] .",
     "MSCs", "Mesenchymal stromal cells",
     [("Mesenchymal stromal cells", "", "SECRETES", "IL-10", "HGNC:5962")]),
    # the short form's id is the one argument's
    ("[Mesenchymal stromal cells|CELL_TYPE] ( [MSCs|CELL_TYPE|MESH:D059630] ) secrete "
     "[IL-10|CYTOKINE|HGNC:5962] .", "MSCs", "Mesenchymal stromal cells",
     [("Mesenchymal stromal cells", "MESH:D059630", "SECRETES", "IL-10", "HGNC:5962")]),
    # an object defined where it is named
    ("[MSCs|CELL_TYPE|MESH:D059630] secrete [hepatocyte growth factor|GROWTH_FACTOR] "
     "( [HGF|GROWTH_FACTOR] ) .",
     "HGF", "hepatocyte growth factor",
     [("MSCs", "MESH:D059630", "SECRETES", "hepatocyte growth factor", "")]),
    # the short form used later is an argument of its own
    ("[Mesenchymal stromal cells|CELL_TYPE] ( [MSCs|CELL_TYPE] ) are cells . [MSCs|CELL_TYPE] secrete "
     "[IL-10|CYTOKINE|HGNC:5962] .", "MSCs", "Mesenchymal stromal cells",
     [("MSCs", "", "SECRETES", "IL-10", "HGNC:5962")]),
])
def test_a_definition_is_one_argument(blank: Language, marked_doc: Callable[[str], Doc], marked: str,
                                      short: str, long: str, expected: list) -> None:
    assert rows(blank, define(marked_doc(marked), short, long)) == expected


# "Mesenchymal stromal cells ( MSCs ) secrete IL-10 .": the short form in apposition
APPOSED = [(2, "amod", "ADJ"), (2, "amod", "ADJ"), (6, "nsubj", "NOUN"), (4, "punct", "PUNCT"),
           (2, "appos", "PROPN"), (4, "punct", "PUNCT"), (6, "ROOT", "VERB"), (6, "dobj", "NOUN"),
           (6, "punct", "PUNCT")]


@pytest.mark.parametrize("defined,expected", [
    (True, [("Mesenchymal stromal cells", "MESH:D059630", "SECRETES", "IL-10", "")]),
    # without the definition the apposition is an argument of its own
    (False, [("Mesenchymal stromal cells", "", "SECRETES", "IL-10", ""),
             ("MSCs", "MESH:D059630", "SECRETES", "IL-10", "")]),
])
def test_the_parse_proposes_both_mentions_of_a_definition(blank: Language, marked_doc: Callable[[str], Doc],
                                                          defined: bool, expected: list) -> None:
    doc = marked_doc("[Mesenchymal stromal cells|CELL_TYPE] ( [MSCs|CELL_TYPE|MESH:D059630] ) secrete "
                     "[IL-10|CYTOKINE] .")
    if defined:
        define(doc, "MSCs", "Mesenchymal stromal cells")
    rels = dep_relations(blank, doc, [APPOSED])
    found = [(r.subject.text, r.subject.kb_id, r.predicate, r.object.text, r.object.kb_id) for r in rels]
    assert found == expected


@pytest.mark.parametrize("marked,short,long,expected", [
    ("[Mesenchymal stromal cells|CELL_TYPE] ( [MSCs|CELL_TYPE] ) .", "MSCs", "Mesenchymal stromal cells",
     {(0, 3): "Mesenchymal stromal cells", (4, 5): "Mesenchymal stromal cells"}),
    # the entity ends where the long form ends, inside a longer long form
    ("Bone marrow - derived [mesenchymal stem cells|CELL_TYPE] ( [BMSCs|CELL_TYPE] ) .", "BMSCs",
     "Bone marrow - derived mesenchymal stem cells",
     {(4, 7): "mesenchymal stem cells", (8, 9): "mesenchymal stem cells"}),
    # ... but not a complement inside it: the short form names the vesicles, not the cells
    ("Extracellular vesicles from [MSCs|CELL_TYPE] ( [MSC-EVs|CELL_TYPE] ) .", "MSC-EVs",
     "Extracellular vesicles from MSCs", {}),
    ("Interleukin 6 and [TNF|CYTOKINE] ( [IL6TNF|CYTOKINE] ) .", "IL6TNF", "Interleukin 6 and TNF", {}),
    # no parenthesis right after the long form: no definition here
    ("[Mesenchymal stromal cells|CELL_TYPE] , [MSCs|CELL_TYPE] .", "MSCs", "Mesenchymal stromal cells", {}),
    # the long form's end is no mention
    ("[Stromal|CELL_TYPE] cells ( [MSCs|CELL_TYPE] ) .", "MSCs", "Stromal cells", {}),
])
def test_definition_pairs(marked_doc: Callable[[str], Doc], marked: str, short: str, long: str,
                          expected: dict) -> None:
    doc = define(marked_doc(marked), short, long)
    assert {k: m.text for k, m in definition_pairs(doc, mentions(doc)).items()} == expected
