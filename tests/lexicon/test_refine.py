"""Mention rules over hand-built Docs: boundaries, fragments, deficit phrases, eponyms."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.errors import ResourceError
from pipeline.lexicon import Concept, Match
from pipeline.lexicon.refine import load_mention_rules, on_word_boundaries, refine

RULES = load_mention_rules()
NLP = spacy.blank("en")
GENE = Concept("HGNC:1", "GENE1", "GENE_OR_PROTEIN", ("GENE_OR_PROTEIN",), ())
CHEM = Concept("MESH:1", "Dopamine", "CHEMICAL", ("CHEMICAL",), ())
PROC = Concept("GO:1", "memory", "PROCESS", ("PROCESS",), ())
PD = Concept("MESH:2", "Parkinson Disease", "DISEASE", ("DISEASE",), ())
ORGAN = Concept("MESH:3", "Organ", "ANATOMY", ("ANATOMY",), ())


def doc(words: list[str], spaces: list[bool] | None = None) -> Doc:
    return Doc(NLP.vocab, words=words, spaces=spaces)


def run(d: Doc, matches: list[tuple[int, int, Concept]],
        vocabulary: dict[str, Concept] | None = None) -> list[tuple[str, str, str]]:
    chosen = [(s, e, Match(s, e, c, "test")) for s, e, c in matches]
    vocab = vocabulary or {}
    out = refine(d, chosen, RULES, vocab.get, str.lower)
    return [(d[s:e].text, m.concept.label, m.concept.kb_id) for s, e, m in out]


def test_word_boundaries_of_the_original_text() -> None:
    d = doc(["to", "get", "her"], [False, False, False])  # "together" cut into pieces
    assert not on_word_boundaries(d, 0, 1)
    assert on_word_boundaries(d, 0, 3)
    assert run(d, [(0, 1, GENE)]) == []


@pytest.mark.parametrize(
    ("words", "spaces", "match", "expected"),
    [
        # a participle and a head noun: the whole is the name, of the head's class
        (["Dopamine", "-", "producing", "neurons", "die"], [False, False, True, True, False], (0, 1, CHEM),
         [("Dopamine-producing neurons", "CELL_TYPE", "")]),
        (["Dopamine", "-", "producing", "neuron", "precursors"], [False, False, True, True, False],
         (0, 1, CHEM),
         [("Dopamine-producing neuron precursors", "CELL_TYPE", "")]),
        (["GENE1", "stimulated", "gene", "6", "rises"], None, (0, 1, GENE),
         [("GENE1 stimulated gene 6", "GENE_OR_PROTEIN", "")]),
        # alternative heads joined by a slash: "stimulated gene/protein 6"
        (["GENE1", "stimulated", "gene", "/", "protein", "6", "rises"],
         [True, True, False, False, True, True, False], (0, 1, GENE),
         [("GENE1 stimulated gene/protein 6", "GENE_OR_PROTEIN", "")]),
        # a modifier head: a factor is no mention of its modifier; a drug's target stays
        (["GENE1", "inhibitors", "help"], None, (0, 1, GENE), [("GENE1", "GENE_OR_PROTEIN", "HGNC:1")]),
        (["growth", "factors", "help"], None, (0, 1, PROC), []),
        # a parenthesis glued to the rest of the name
        (["interleukin", "(IL)-1", "receptor"], None, (0, 1, GENE), []),
        # an argument of a compound stays
        (["GENE1", "-", "based", "therapy"], [False, False, True, False], (0, 1, GENE),
         [("GENE1", "GENE_OR_PROTEIN", "HGNC:1")]),
        (["GENE1", "levels", "rise"], None, (0, 1, GENE), [("GENE1", "GENE_OR_PROTEIN", "HGNC:1")]),
    ],
)
def test_fragments(words: list[str], spaces: list[bool] | None, match: tuple[int, int, Concept],
                   expected: list[tuple[str, str, str]]) -> None:
    assert run(doc(words, spaces), [match]) == expected


@pytest.mark.parametrize(
    ("words", "match", "expected"),
    [
        (["memory", "difficulties", "follow"], (0, 1), "memory difficulties"),
        (["with", "loss", "of", "memory"], (3, 4), "loss of memory"),
        (["impaired", "memory", "follows"], (1, 2), "impaired memory"),
    ],
)
def test_deficit_phrases_are_diseases(words: list[str], match: tuple[int, int], expected: str) -> None:
    assert run(doc(words), [(*match, PROC)]) == [(expected, "DISEASE", "")]


def test_a_process_without_deficit_word_stays() -> None:
    assert run(doc(["memory", "improves"]), [(0, 1, PROC)]) == [("memory", "PROCESS", "GO:1")]


def test_eponym_alone_is_the_vocabularys_disease() -> None:
    d = doc(["in", "Parkinson", "'s", "patients"], [True, False, True, False])
    assert run(d, [], {"parkinson disease": PD}) == [("Parkinson's", "DISEASE", "MESH:2")]
    followed = doc(["Parkinson", "'s", "disease"], [False, True, False])
    assert run(followed, [], {"parkinson disease": PD}) == []
    assert run(d, [], {}) == []  # no such disease in the vocabulary


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # "<organ> tissue" is the organ itself: same concept and id
        (["organ", "tissue", "heals"], [("organ tissue", "ANATOMY", "MESH:3")]),
        (["organ", "tissues"], [("organ tissues", "ANATOMY", "MESH:3")]),
        # "<organ> cells" are cells of it: a cell mention without an id
        (["organ", "cells", "die"], [("organ cells", "CELL_TYPE", "")]),
        # "<organ> damage/injury" is a disease of it, without an id
        (["organ", "damage"], [("organ damage", "DISEASE", "")]),
        (["organ", "injuries", "heal"], [("organ injuries", "DISEASE", "")]),
        # any other next word leaves the organ alone
        (["organ", "function"], [("organ", "ANATOMY", "MESH:3")]),
    ],
)
def test_anatomy_heads(words: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert run(doc(words), [(0, 1, ORGAN)]) == expected


def test_anatomy_head_needs_an_anatomy_match() -> None:
    assert run(doc(["GENE1", "cells"]), [(0, 1, GENE)]) == [("GENE1", "GENE_OR_PROTEIN", "HGNC:1")]


def test_generic_words_become_stoplist_rows() -> None:
    assert ("tissues", "*") in RULES.generic_keys()


def test_bad_class_is_rejected(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "pipeline/resources/lexicon/mention_rules.yaml").read_text()
    bad = tmp_path / "rules.yaml"
    bad.write_text(text.replace("gene: GENE_OR_PROTEIN", "gene: gene"))
    with pytest.raises(ResourceError):
        load_mention_rules(bad)


CELL = Concept("MESH:4", "Monocytes", "CELL_TYPE", ("CELL_TYPE",), ())


@pytest.mark.parametrize(
    ("words", "spaces", "matches", "expected"),
    [
        # "<organ> <cells>" is one mention of the cells, with their concept
        (["organ", "monocytes", "divide"], None, [(0, 1, ORGAN), (1, 2, CELL)],
         [("organ monocytes", "CELL_TYPE", "MESH:4")]),
        # not glued: "organ-monocytes" is no located name
        (["organ", "-", "monocytes"], [False, False, True], [(0, 1, ORGAN), (2, 3, CELL)],
         [("organ", "ANATOMY", "MESH:3"), ("monocytes", "CELL_TYPE", "MESH:4")]),
        # a word between them: two mentions
        (["organ", "and", "monocytes"], None, [(0, 1, ORGAN), (2, 3, CELL)],
         [("organ", "ANATOMY", "MESH:3"), ("monocytes", "CELL_TYPE", "MESH:4")]),
        # only ANATOMY before a cell: a gene before a cell stays apart
        (["GENE1", "monocytes"], None, [(0, 1, GENE), (1, 2, CELL)],
         [("GENE1", "GENE_OR_PROTEIN", "HGNC:1"), ("monocytes", "CELL_TYPE", "MESH:4")]),
        # the cells before the organ are no located name
        (["monocytes", "organ"], None, [(0, 1, CELL), (1, 2, ORGAN)],
         [("monocytes", "CELL_TYPE", "MESH:4"), ("organ", "ANATOMY", "MESH:3")]),
    ],
)
def test_anatomy_before_cells(words: list[str], spaces: list[bool] | None,
                              matches: list[tuple[int, int, Concept]],
                              expected: list[tuple[str, str, str]]) -> None:
    assert run(doc(words, spaces), matches) == expected


PART = Concept("MESH:5", "Cartilage", "ANATOMY", ("ANATOMY",), ())
ARTHRITIS = Concept("MESH:6", "Arthritis", "DISEASE", ("DISEASE",), ())


@pytest.mark.parametrize(
    ("words", "spaces", "matches", "expected"),
    [
        # "<organ> <part>": the part of that organ, one mention with the part's concept
        (["organ", "cartilage", "grows"], None, [(0, 1, ORGAN), (1, 2, PART)],
         [("organ cartilage", "ANATOMY", "MESH:5")]),
        # "<organ> <disease>": the disease of that organ, with the disease's concept
        (["Organ", "Arthritis", "care"], None, [(0, 1, ORGAN), (1, 2, ARTHRITIS)],
         [("Organ Arthritis", "DISEASE", "MESH:6")]),
        # no participle joins them ("organ-derived" is for cells only)
        (["organ", "-", "derived", "cartilage"], [False, False, True, False], [(0, 1, ORGAN), (3, 4, PART)],
         [("organ", "ANATOMY", "MESH:3"), ("cartilage", "ANATOMY", "MESH:5")]),
        # a word or punctuation between them: two mentions
        (["organ", ",", "cartilage"], None, [(0, 1, ORGAN), (2, 3, PART)],
         [("organ", "ANATOMY", "MESH:3"), ("cartilage", "ANATOMY", "MESH:5")]),
        # the disease before the organ is no compound
        (["arthritis", "organ"], None, [(0, 1, ARTHRITIS), (1, 2, ORGAN)],
         [("arthritis", "DISEASE", "MESH:6"), ("organ", "ANATOMY", "MESH:3")]),
        # a gene is no compound head of an organ
        (["organ", "GENE1"], None, [(0, 1, ORGAN), (1, 2, GENE)],
         [("organ", "ANATOMY", "MESH:3"), ("GENE1", "GENE_OR_PROTEIN", "HGNC:1")]),
    ],
)
def test_anatomy_compounds(words: list[str], spaces: list[bool] | None,
                           matches: list[tuple[int, int, Concept]],
                           expected: list[tuple[str, str, str]]) -> None:
    assert run(doc(words, spaces), matches) == expected


@pytest.mark.parametrize(
    ("words", "spaces", "expected"),
    [
        # "<cells> damage/injury": the injury of those cells, a DISEASE mention without an id
        (["monocytes", "damage", "follows"], None, [("monocytes damage", "DISEASE", "")]),
        (["monocytes", "injury"], None, [("monocytes injury", "DISEASE", "")]),
        # another head, or a hyphen between them, leaves the cells alone
        (["monocytes", "express"], None, [("monocytes", "CELL_TYPE", "MESH:4")]),
        (["monocytes", "-", "damage"], [False, False, False], [("monocytes", "CELL_TYPE", "MESH:4")]),
    ],
)
def test_injured_cells(words: list[str], spaces: list[bool] | None,
                       expected: list[tuple[str, str, str]]) -> None:
    assert run(doc(words, spaces), [(0, 1, CELL)]) == expected


@pytest.mark.parametrize("word", ["cell", "deaths", "target cells"])
def test_generic_words_of_version_1_1(word: str) -> None:
    assert (word, "*") in RULES.generic_keys()
    assert ("cells", "*") not in RULES.generic_keys()  # stoplisted by the training splits instead


@pytest.mark.parametrize(
    ("words", "match", "kept"),
    [
        (["the", "American", "Organ", "Association", "says"], (2, 3), False),
        (["Institute", "for", "Organ", "Research"], (2, 3), False),
        (["the", "Organ", "Society", "of", "America"], (1, 2), False),
        # a capitalised heading without an institution's head, and lower case, keep the match
        (["Therapy", "for", "Organ", "Health"], (2, 3), True),
        (["the", "organ", "association", "study"], (1, 2), True),
    ],
)
def test_matches_inside_institution_names_are_dropped(words: list[str], match: tuple[int, int],
                                                      kept: bool) -> None:
    d = doc(words)
    out = run(d, [(*match, ORGAN)])
    assert (out == [(d[match[0]:match[1]].text, "ANATOMY", "MESH:3")]) is kept
    assert kept or out == []


# --- issue 14 (entity precision on third-party text) ---

@pytest.mark.parametrize(
    ("words", "spaces", "matches", "expected"),
    [
        # "<organ>-derived <cells>": one mention of the cells, by their source, with their concept
        (["organ", "-", "derived", "monocytes", "divide"], [False, False, True, True, False],
         [(0, 1, ORGAN), (3, 4, CELL)], [("organ-derived monocytes", "CELL_TYPE", "MESH:4")]),
        # "derived" as a word of its own
        (["organ", "derived", "monocytes"], None, [(0, 1, ORGAN), (2, 3, CELL)],
         [("organ derived monocytes", "CELL_TYPE", "MESH:4")]),
        # another participle joins nothing
        (["organ", "-", "treated", "monocytes"], [False, False, True, True],
         [(0, 1, ORGAN), (3, 4, CELL)],
         [("organ", "ANATOMY", "MESH:3"), ("monocytes", "CELL_TYPE", "MESH:4")]),
        # a gene before "-derived" is no source organ: the fragment rule's compound, no id
        (["GENE1", "-", "derived", "monocytes"], [False, False, True, True],
         [(0, 1, GENE), (3, 4, CELL)], [("GENE1-derived monocytes", "CELL_TYPE", "")]),
        # "-derived" glued to the cells: no join ("organ-derived-monocytes")
        (["organ", "-", "derived", "-", "monocytes"], [False, False, False, False, True],
         [(0, 1, ORGAN), (4, 5, CELL)],
         [("organ", "ANATOMY", "MESH:3"), ("monocytes", "CELL_TYPE", "MESH:4")]),
    ],
)
def test_source_derived_cells(words: list[str], spaces: list[bool] | None,
                              matches: list[tuple[int, int, Concept]],
                              expected: list[tuple[str, str, str]]) -> None:
    assert run(doc(words, spaces), matches) == expected


@pytest.mark.parametrize(
    ("words", "spaces", "matches", "expected"),
    [
        # "non-<match>" says what the thing is not: no mention
        (["non", "-", "monocytes", "grow"], [False, False, True, False], [(2, 3, CELL)], []),
        # the prefix as a word of its own, or another prefix, leaves the match
        (["non", "monocytes"], None, [(1, 2, CELL)], [("monocytes", "CELL_TYPE", "MESH:4")]),
        (["pre", "-", "monocytes"], [False, False, True], [(2, 3, CELL)],
         [("monocytes", "CELL_TYPE", "MESH:4")]),
        # a spaced hyphen is no prefix
        (["non", "-", "monocytes"], [True, True, True], [(2, 3, CELL)],
         [("monocytes", "CELL_TYPE", "MESH:4")]),
        # a phrase the rules make ("organ cells", a CELL_TYPE mention) follows the rule too
        (["non", "-", "organ", "cells"], [False, False, True, True], [(2, 3, ORGAN)], []),
    ],
)
def test_privative_prefix(words: list[str], spaces: list[bool] | None,
                          matches: list[tuple[int, int, Concept]],
                          expected: list[tuple[str, str, str]]) -> None:
    assert run(doc(words, spaces), matches) == expected


@pytest.mark.parametrize(
    ("words", "matches", "expected"),
    [
        # a CELL_TYPE name without a cell noun takes the "cells" after it, keeping its concept
        (["fraction", "cells", "grow"],
         [(0, 1, Concept("MESH:9", "Fraction", "CELL_TYPE", ("CELL_TYPE",), ()))],
         [("fraction cells", "CELL_TYPE", "MESH:9")]),
        # a name that ends in a cell noun already does not
        (["monocytes", "cells"], [(0, 1, CELL)], [("monocytes", "CELL_TYPE", "MESH:4")]),
        (["stem", "cells", "cells"], [(0, 2, CELL)], [("stem cells", "CELL_TYPE", "MESH:4")]),
    ],
)
def test_cell_type_name_takes_its_cell_noun(words: list[str], matches: list[tuple[int, int, Concept]],
                                            expected: list[tuple[str, str, str]]) -> None:
    assert run(doc(words), matches) == expected


@pytest.mark.parametrize("word", ["secretions", "secretion"])
def test_secretions_are_generic(word: str) -> None:
    assert (word, "*") in RULES.generic_keys()


def test_registry_is_an_institution_head() -> None:
    assert run(doc(["Organ", "Blood", "Registry"]), [(1, 2, ORGAN)]) == []
