"""Constructions of the dependency patterns, one parametrized case each: a marked sentence with
a hand-built parse (CRAFT/ClearNLP labels) through the whole component (dependency reader,
surface reader checked against the parse, finalize)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

N, V, A, P, D, X, C, PR, AUX = "NOUN", "VERB", "ADJ", "ADP", "DET", "PUNCT", "CCONJ", "PRON", "AUX"

THERAPY = {
    "agent as compound of the therapy noun": (
        "[Fibroblast|CELL_TYPE] therapy for [gout|DISEASE] works .",
        [(1, "compound", N), (4, "nsubj", N), (1, "prep", P), (2, "pobj", N), (4, "ROOT", V),
         (4, "punct", X)],
        {("Fibroblast", "TREATS", "gout", False)}),
    "X-based treatment in Y": (
        "[Macrophage|CELL_TYPE] - based treatment in [lupus|DISEASE] helps .",
        [(2, "npadvmod", N), (2, "punct", X), (3, "amod", V), (6, "nsubj", N), (3, "prep", P),
         (4, "pobj", N), (6, "ROOT", V), (6, "punct", X)],
        {("Macrophage", "TREATS", "lupus", False)}),
    "the for-phrase on the verb": (
        "We test [B cell|CELL_TYPE] therapy for [asthma|DISEASE] .",
        [(1, "nsubj", PR), (1, "ROOT", V), (3, "compound", N), (4, "compound", N), (1, "dobj", N),
         (1, "prep", P), (5, "pobj", N), (1, "punct", X)],
        {("B cell", "TREATS", "asthma", False)}),
    "agent for the treatment of Y": (
        "[Monocytes|CELL_TYPE] for the treatment of [colitis|DISEASE] were tested .",
        [(6, "nsubjpass", N), (0, "prep", P), (3, "det", D), (1, "pobj", N), (3, "prep", P),
         (4, "pobj", N), (7, "auxpass", AUX), (7, "ROOT", V), (7, "punct", X)],
        {("Monocytes", "TREATS", "colitis", False)}),
    "agent offers a treatment for Y": (
        "[Platelets|CELL_TYPE] offer a new treatment for [gout|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (4, "det", D), (4, "amod", A), (1, "dobj", N),
         (4, "prep", P), (5, "pobj", N), (1, "punct", X)],
        {("Platelets", "TREATS", "gout", False)}),
    "the use of X as a therapy for Y": (
        "We study the use of [T cells|CELL_TYPE] as a therapy for [lupus|DISEASE] .",
        [(1, "nsubj", PR), (1, "ROOT", V), (3, "det", D), (1, "dobj", N), (3, "prep", P),
         (6, "compound", N), (4, "pobj", N), (1, "prep", P), (9, "det", D), (7, "pobj", N),
         (9, "prep", P), (10, "pobj", N), (1, "punct", X)],
        {("T cells", "TREATS", "lupus", False)}),
    # the therapy's object must be a disease
    "no disease, no treatment": (
        "[Fibroblast|CELL_TYPE] therapy for [skin|ANATOMY] works .",
        [(1, "compound", N), (4, "nsubj", N), (1, "prep", P), (2, "pobj", N), (4, "ROOT", V),
         (4, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", THERAPY.values(), ids=THERAPY.keys())
def test_therapy_named_by_its_agent(parsed_relations: Callable[..., set], marked: str,
                                    rows: list[tuple[int, str, str]],
                                    expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


REGULATE = {
    # "regulate" / "modulate" state an influence without its direction
    "regulate": (
        "[IL-10|CYTOKINE] regulates [macrophages|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("IL-10", "ASSOCIATED_WITH", "macrophages", False)}),
    "coordinated modulate": (
        "[IL-10|CYTOKINE] inhibits [T cells|CELL_TYPE] and modulates [macrophages|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "cc", C),
         (1, "conj", V), (5, "dobj", N), (1, "punct", X)],
        {("IL-10", "INHIBITS", "T cells", False), ("IL-10", "ASSOCIATED_WITH", "macrophages", False)}),
    "regulation of": (
        "The regulation of [macrophages|CELL_TYPE] by [IL-10|CYTOKINE] matters .",
        [(1, "det", D), (6, "nsubj", N), (1, "prep", P), (2, "pobj", N), (1, "prep", P), (4, "pobj", N),
         (6, "ROOT", V), (6, "punct", X)],
        {("IL-10", "ASSOCIATED_WITH", "macrophages", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", REGULATE.values(), ids=REGULATE.keys())
def test_regulation_has_no_direction(parsed_relations: Callable[..., set], marked: str,
                                     rows: list[tuple[int, str, str]],
                                     expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


HOMING = {
    "migrate to a place noun": (
        "[Monocytes|CELL_TYPE] migrate to damaged areas .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (4, "amod", V), (2, "pobj", N), (1, "punct", X)],
        {("Monocytes", "MIGRATES_TO", "damaged areas", False)}),
    "a place keeps its of-phrase": (
        "[Monocytes|CELL_TYPE] home to sites of injury .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (3, "prep", P), (4, "pobj", N),
         (1, "punct", X)],
        {("Monocytes", "MIGRATES_TO", "sites of injury", False)}),
    # a place is no object of other rules: "reduce X in areas" / "increase the area"
    "a place is the object of homing only": (
        "[Monocytes|CELL_TYPE] increase damaged areas .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", V), (1, "dobj", N), (1, "punct", X)],
        set()),
    # the passive's by-phrase parsed as prep: the attracting factor acts on the cells
    "guided to a place by a chemokine": (
        "[Monocytes|CELL_TYPE] are guided to injured tissue by [CCL2|CYTOKINE] .",
        [(2, "nsubjpass", N), (2, "auxpass", AUX), (2, "ROOT", V), (2, "prep", P), (5, "amod", V),
         (3, "pobj", N), (2, "prep", P), (6, "pobj", N), (2, "punct", X)],
        {("Monocytes", "MIGRATES_TO", "injured tissue", False), ("CCL2", "ACTIVATES", "Monocytes", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", HOMING.values(), ids=HOMING.keys())
def test_homing_to_a_place(parsed_relations: Callable[..., set], marked: str,
                           rows: list[tuple[int, str, str]],
                           expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


GAIN = {
    # a gain is improved (INCREASES), a disease treated
    "improve a gain": (
        "[Monocytes|CELL_TYPE] improve motor function .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (1, "punct", X)],
        {("Monocytes", "INCREASES", "motor function", False)}),
    "improve a disease": (
        "[Monocytes|CELL_TYPE] improve [colitis|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)],
        {("Monocytes", "TREATS", "colitis", False)}),
    # "X therapy" as an argument stands for X
    "a therapy noun stands for its agent": (
        "[Monocyte|CELL_TYPE] therapy reduces [colitis|DISEASE] .",
        [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)],
        {("Monocyte", "DECREASES", "colitis", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", GAIN.values(), ids=GAIN.keys())
def test_gains_and_therapies(parsed_relations: Callable[..., set], marked: str,
                             rows: list[tuple[int, str, str]],
                             expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


def two_sentence_relations(blank: object, doc: object, first: list[tuple[int, str, str]],
                           second: list[tuple[int, str, str]]) -> set[tuple[str, str, str, str]]:
    """(subject, predicate, object, reader) of a two-sentence marked doc, each sentence with its
    hand-built parse (head indices within the sentence)."""
    from spacy.tokens import Doc

    cut = len(first)
    parses = {}
    for start, rows in ((0, first), (cut, second)):
        heads, deps, pos = (list(x) for x in zip(*rows, strict=True))
        toks = doc[start:start + len(rows)]
        parses[start] = Doc(doc.vocab, words=[t.text for t in toks],
                            spaces=[bool(t.whitespace_) for t in toks], heads=heads, deps=deps, pos=pos)
    doc._.parses = parses
    rels = blank.get_pipe("mechmine_relations")(doc)._.relations
    return {(r.subject.text, r.predicate, r.object.text, r.rule_id.partition(":")[0]) for r in rels}


def test_these_vesicles_are_the_previous_objects(blank: object, marked_doc: Callable[..., object]) -> None:
    # "these vesicles" as a subject stands for the vesicles the previous relation named (read
    # by the dependency reader, not left to the surface fallback)
    doc = marked_doc("[Monocytes|CELL_TYPE] release [exosomes|ANATOMY] . "
                     "These vesicles reduce [inflammation|PROCESS] .")
    first = [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)]
    second = [(1, "det", D), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X)]
    assert two_sentence_relations(blank, doc, first, second) == {
        ("Monocytes", "SECRETES", "exosomes", "dep"), ("exosomes", "DECREASES", "inflammation", "dep")}


def test_they_is_the_agent_of_a_subject_therapy(parsed_relations: Callable[..., set]) -> None:
    # "X therapy reduces Y, suggesting they ...": "they" is X
    marked = "[Monocyte|CELL_TYPE] therapy reduces [colitis|DISEASE] , so they reduce [fibrosis|PROCESS] ."
    rows = [(1, "compound", N), (2, "nsubj", N), (2, "ROOT", V), (2, "dobj", N), (2, "punct", X),
            (7, "mark", "SCONJ"), (7, "nsubj", PR), (2, "advcl", V), (7, "dobj", N), (2, "punct", X)]
    assert parsed_relations(marked, rows) == {("Monocyte", "DECREASES", "colitis", False),
                                              ("Monocyte", "DECREASES", "fibrosis", False)}


DISEASE = {
    # what a disease shows is associated with it
    "the symptoms of a disease include": (
        "The symptoms of [gout|DISEASE] include [arthritis|DISEASE] and [fever|DISEASE] .",
        [(1, "det", D), (4, "nsubj", N), (1, "prep", P), (2, "pobj", N), (4, "ROOT", V), (4, "dobj", N),
         (5, "cc", C), (5, "conj", N), (4, "punct", X)],
        {("gout", "ASSOCIATED_WITH", "arthritis", False), ("gout", "ASSOCIATED_WITH", "fever", False)}),
    "what a study includes is no feature": (
        "The trials of [gout|DISEASE] include [arthritis|DISEASE] .",
        [(1, "det", D), (4, "nsubj", N), (1, "prep", P), (2, "pobj", N), (4, "ROOT", V), (4, "dobj", N),
         (4, "punct", X)],
        set()),
    # the examples of a generic noun's relative clause are its subjects; a gene contributing to a
    # disease is associated with it
    "genes that contribute to a disease, including X": (
        "Genes that contribute to [gout|DISEASE] , including [SLC2A9|GENE_OR_PROTEIN] and "
        "[ABCG2|GENE_OR_PROTEIN] , are known .",
        [(12, "nsubjpass", N), (2, "dep", PR), (0, "relcl", V), (2, "prep", P), (3, "pobj", N),
         (2, "punct", X), (2, "prep", V), (6, "pobj", N), (7, "cc", C), (7, "conj", N), (12, "punct", X),
         (12, "auxpass", AUX), (12, "ROOT", V), (12, "punct", X)],
        {("SLC2A9", "ASSOCIATED_WITH", "gout", False), ("ABCG2", "ASSOCIATED_WITH", "gout", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", DISEASE.values(), ids=DISEASE.keys())
def test_what_goes_with_a_disease(parsed_relations: Callable[..., set], marked: str,
                                  rows: list[tuple[int, str, str]],
                                  expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


def test_a_hyphenated_agent_of_a_nominalisation(parsed_relations: Callable[..., set]) -> None:
    # "X-mediated inhibition of Y": X inhibits Y (not "X drives the inhibition"); the object
    # "Y differentiation" stands for Y
    marked = "We saw [Monocyte|CELL_TYPE] - mediated inhibition of [T cell|CELL_TYPE] differentiation ."
    rows = [(1, "nsubj", PR), (1, "ROOT", V), (4, "npadvmod", N), (4, "punct", X), (5, "amod", V),
            (1, "dobj", N), (5, "prep", P), (8, "compound", N), (9, "compound", N), (6, "pobj", N),
            (1, "punct", X)]
    assert parsed_relations(marked, rows) == {("Monocyte", "INHIBITS", "T cell", False)}


def test_a_privative_subject_is_not_carried_over(relations_of: Callable[[str], list]) -> None:
    # "non-hematopoietic cells expressing X": no subject, so "The cells" of the next sentence
    # does not stand for hematopoietic cells
    rels = relations_of("[Pericytes|CELL_TYPE] are non - [hematopoietic cells|CELL_TYPE] expressing "
                        "[CD90|GENE_OR_PROTEIN] . The cells differentiate into [adipocytes|CELL_TYPE] .")
    assert all(r.subject.text != "hematopoietic cells" for r in rels)


SOURCE_AND_SCOPE = {
    # "X from Y" as the subject: the relation is X's; "contribute to" a kept or managed
    # outcome is a beneficial effect, not a cause (rel-obj2: vesicles from cells are the
    # cells' own: rule vesicles_from)
    "X from Y contributes to homeostasis": (
        "[Vesicles|ANATOMY] from [platelets|CELL_TYPE] contribute to [bone|ANATOMY] homeostasis .",
        [(3, "nsubj", N), (0, "prep", P), (1, "pobj", N), (3, "ROOT", V), (3, "prep", P),
         (6, "compound", N), (4, "pobj", N), (3, "punct", X)],
        {("Vesicles", "PROTECTS", "bone", False), ("platelets", "SECRETES", "Vesicles", False)}),
    "X derived from Y contributes to management": (
        "[Vesicles|ANATOMY] derived from [platelets|CELL_TYPE] contribute to [gout|DISEASE] management .",
        [(4, "nsubj", N), (0, "acl", V), (1, "prep", P), (2, "pobj", N), (4, "ROOT", V), (4, "prep", P),
         (7, "compound", N), (5, "pobj", N), (4, "punct", X)],
        {("Vesicles", "TREATS", "gout", False)}),
    # the object of a verb in a relative clause lies in that clause
    "no object past the relative clause": (
        "Injection of [IL-4|CYTOKINE] into rats , which blocked [B cells|CELL_TYPE] , abolished the "
        "effect of [T cells|CELL_TYPE] .",
        [(11, "nsubj", N), (0, "prep", P), (1, "pobj", N), (0, "prep", P), (3, "pobj", N), (4, "punct", X),
         (7, "dep", D), (4, "relcl", V), (9, "compound", N), (7, "dobj", N), (11, "punct", X),
         (11, "ROOT", V), (13, "det", D), (11, "dobj", N), (13, "prep", P), (16, "compound", N),
         (14, "pobj", N), (11, "punct", X)],
        {("IL-4", "INHIBITS", "B cells", False)}),
    # "prevented M2-polarization of macrophages": M2 is what is prevented, macrophages only
    # whose polarization it is; M2 is no agent of the polarization
    "the modifier, not the of-phrase": (
        "Injection of [IL-4|CYTOKINE] into rats , which prevented [M2|CELL_TYPE] - polarization of "
        "[macrophages|CELL_TYPE] , failed .",
        [(14, "nsubj", N), (0, "prep", P), (1, "pobj", N), (0, "prep", P), (3, "pobj", N), (4, "punct", X),
         (7, "dep", D), (4, "relcl", V), (10, "compound", N), (10, "punct", X), (7, "dobj", N),
         (10, "prep", P), (11, "pobj", N), (14, "punct", X), (14, "ROOT", V), (14, "punct", X)],
        {("IL-4", "INHIBITS", "M2", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", SOURCE_AND_SCOPE.values(), ids=SOURCE_AND_SCOPE.keys())
def test_source_subjects_and_verb_scope(parsed_relations: Callable[..., set], marked: str,
                                        rows: list[tuple[int, str, str]],
                                        expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [("[Vesicles|ANATOMY] contribute to [gout|DISEASE] management .", [("Vesicles", "TREATS", "gout")]),
     ("[Vesicles|ANATOMY] contribute to [cartilage|ANATOMY] homeostasis .",
      [("Vesicles", "PROTECTS", "cartilage")]),
     ("[Vesicles|ANATOMY] contribute to [tissue repair|PROCESS] .",
      [("Vesicles", "INCREASES", "tissue repair")]),
     ("[IL-6|CYTOKINE] contributes to [gout|DISEASE] progression .", [("IL-6", "DRIVES", "gout")])],
)
def test_contribute_to_a_benefit(relations_of: Callable[[str], list], marked: str,
                                 expected: list[tuple[str, str, str]]) -> None:
    # no parse: the surface reader and finalize's benefit cues
    assert [(r.subject.text, r.predicate, r.object.text) for r in relations_of(marked)] == expected


HOMING = {
    "the migration of X to Y": (
        "The migration of [MSCs|CELL_TYPE] to injury sites rose .",
        [(1, "det", D), (7, "nsubj", N), (1, "prep", P), (2, "pobj", N), (1, "prep", P), (6, "compound", N),
         (4, "pobj", N), (7, "ROOT", V), (7, "punct", X)],
        {("MSCs", "MIGRATES_TO", "injury sites", False)}),
    "X homing to Y": (
        "[Platelet|CELL_TYPE] homing to the [lung|ANATOMY] rose .",
        [(1, "compound", N), (5, "nsubj", N), (1, "prep", P), (4, "det", D), (2, "pobj", N), (5, "ROOT", V),
         (5, "punct", X)],
        {("Platelet", "MIGRATES_TO", "lung", False)}),
    # a recruitment of cells is no homing of its agent to them
    "recruitment of cells by a cytokine": (
        "The recruitment of [monocytes|CELL_TYPE] by [CCL2|CYTOKINE] rose .",
        [(1, "det", D), (6, "nsubj", N), (1, "prep", P), (2, "pobj", N), (1, "prep", P), (4, "pobj", N),
         (6, "ROOT", V), (6, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", HOMING.values(), ids=HOMING.keys())
def test_homing_named_by_a_noun(parsed_relations: Callable[..., set], marked: str,
                                rows: list[tuple[int, str, str]],
                                expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [("Damage to [neurons|CELL_TYPE] contributes to [ataxia|DISEASE] .",
      [("Damage to neurons", "DRIVES", "ataxia", "")]),
     ("Loss of the [microglia|CELL_TYPE] causes [ataxia|DISEASE] .",
      [("Loss of the microglia", "DRIVES", "ataxia", "")]),
     # a molecule's loss is its subject state: the row states its own effect
     ("Knockdown of [IL-6|CYTOKINE] reduced [fibrosis|DISEASE] .",
      [("IL-6", "INCREASES", "fibrosis", "loss")]),
     ("[Neurons|CELL_TYPE] cause [ataxia|DISEASE] .", [("Neurons", "DRIVES", "ataxia", "")])],
)
def test_a_subject_named_by_its_damage(relations_of: Callable[[str], list], marked: str,
                                       expected: list[tuple[str, str, str, str]]) -> None:
    rels = relations_of(marked)
    assert [(r.subject.text, r.predicate, r.object.text, r.subject_state) for r in rels] == expected


INSTRUMENT = {
    "using X to suppress Y: X is the agent": (
        "[Grafts|CELL_TYPE] involve using [cisplatin|CHEMICAL] to suppress [lymphocytes|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "xcomp", V), (2, "dobj", N), (5, "aux", P), (2, "advcl", V),
         (5, "dobj", N), (1, "punct", X)],
        {("cisplatin", "INHIBITS", "lymphocytes", False)}),
    "the infinitive hung on the main verb by the parse: still the used one's": (
        "[Grafts|CELL_TYPE] involve using [cisplatin|CHEMICAL] to suppress [lymphocytes|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "xcomp", V), (2, "dobj", N), (5, "aux", P), (1, "advcl", V),
         (5, "dobj", N), (1, "punct", X)],
        {("cisplatin", "INHIBITS", "lymphocytes", False)}),
    "a purpose clause of another verb keeps the subject": (
        "[Grafts|CELL_TYPE] release [cisplatin|CHEMICAL] to suppress [lymphocytes|CELL_TYPE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (4, "aux", P), (1, "advcl", V), (4, "dobj", N),
         (1, "punct", X)],
        {("Grafts", "INHIBITS", "lymphocytes", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", INSTRUMENT.values(), ids=INSTRUMENT.keys())
def test_instrument_of_a_purpose_clause(parsed_relations: Callable[..., set], marked: str,
                                        rows: list[tuple[int, str, str]],
                                        expected: set[tuple[str, str, str, bool]]) -> None:
    assert {r for r in parsed_relations(marked, rows) if r[1] == "INHIBITS"} == expected


RESULT_IN = {
    "X results in Y": (
        "[Gout|DISEASE] results in [ataxia|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        {("Gout", "DRIVES", "ataxia", False)}),
    "X can result in Y and Z": (
        "[Gout|DISEASE] can result in [ataxia|DISEASE] and [fibrosis|DISEASE] .",
        [(2, "nsubj", N), (2, "aux", V), (2, "ROOT", V), (2, "prep", P), (3, "pobj", N), (4, "cc", C),
         (4, "conj", N), (2, "punct", X)],
        {("Gout", "DRIVES", "ataxia", False), ("Gout", "DRIVES", "fibrosis", False)}),
    "relative clause: X, which results in Y": (
        "We saw [gout|DISEASE] , which resulted in [ataxia|DISEASE] .",
        [(1, "nsubj", PR), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (5, "dep", D), (2, "relcl", V),
         (5, "prep", P), (6, "pobj", N), (1, "punct", X)],
        {("gout", "DRIVES", "ataxia", False)}),
    # "result" behind another preposition names no outcome of the subject: "from" names its
    # cause (relcoord: rule result_from, reverse), never "Ataxia DRIVES gout"
    "X results from Y": (
        "[Ataxia|DISEASE] results from [gout|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        {("gout", "DRIVES", "Ataxia", False)}),
    # "result" behind another preposition names no outcome
    "X results after Y": (
        "[Ataxia|DISEASE] results after [gout|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (1, "punct", X)],
        set()),
}


@pytest.mark.parametrize("marked,rows,expected", RESULT_IN.values(), ids=RESULT_IN.keys())
def test_a_cause_results_in_its_outcome(parsed_relations: Callable[..., set], marked: str,
                                        rows: list[tuple[int, str, str]],
                                        expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


# --- list members as arguments (rel-lists): one relation per named member, and the class noun's
# own relation when it is an entity
LISTS = {
    "members of the subject: types of X, including A and B": (
        "Certain types of [stem cells|CELL_TYPE] , including [iPSCs|CELL_TYPE] and [MSCs|CELL_TYPE] , "
        "release [cytokines|CYTOKINE] .",
        [(1, "amod", A), (11, "nsubj", N), (1, "prep", P), (4, "compound", N), (2, "pobj", N),
         (1, "punct", X), (1, "prep", V), (6, "pobj", N), (7, "cc", C), (7, "conj", N), (11, "punct", X),
         (11, "ROOT", V), (11, "dobj", N), (11, "punct", X)],
        {("stem cells", "SECRETES", "cytokines", False), ("iPSCs", "SECRETES", "cytokines", False),
         ("MSCs", "SECRETES", "cytokines", False)}),
    "members of the object: class noun (e.g. A and B)": (
        "[MSCs|CELL_TYPE] secrete [cytokines|CYTOKINE] ( e.g. , [IL-6|CYTOKINE] and [IL-8|CYTOKINE] ) .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "dobj", N), (2, "punct", X), (6, "advmod", "ADV"),
         (6, "punct", X), (2, "parataxis", N), (6, "cc", C), (6, "conj", N), (2, "punct", X),
         (1, "punct", X)],
        {("MSCs", "SECRETES", "cytokines", False), ("MSCs", "SECRETES", "IL-6", False),
         ("MSCs", "SECRETES", "IL-8", False)}),
    "a list the parse hangs inside a mention": (
        "[Stroke|DISEASE] leads to problems like [loss of smell|DISEASE] , [confusion|DISEASE] and "
        "[ataxia|DISEASE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (3, "prep", P), (4, "pobj", N),
         (5, "prep", P), (6, "pobj", N), (7, "punct", X), (7, "conj", N), (9, "cc", C), (9, "conj", N),
         (1, "punct", X)],
        {("Stroke", "DRIVES", "loss of smell", False), ("Stroke", "DRIVES", "confusion", False),
         ("Stroke", "DRIVES", "ataxia", False)}),
    # a coordinated modifier list names one outcome per modifier
    "outcome with a coordinated modifier list": (
        "[KGF|GROWTH_FACTOR] restores alveolar and endothelial function .",
        [(1, "nsubj", N), (1, "ROOT", V), (5, "amod", A), (2, "cc", C), (2, "conj", A), (1, "dobj", N),
         (1, "punct", X)],
        {("KGF", "INCREASES", "alveolar function", False),
         ("KGF", "INCREASES", "endothelial function", False)}),
    "outcome with one modifier": (
        "[KGF|GROWTH_FACTOR] restores alveolar function .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "amod", A), (1, "dobj", N), (1, "punct", X)],
        {("KGF", "INCREASES", "alveolar function", False)}),
    # a nominalisation naming the means of a verb has the verb's subject as its agent
    "means: through the secretion of factors such as X": (
        "[MSCs|CELL_TYPE] act through the secretion of factors such as [HGF|GROWTH_FACTOR] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (4, "det", D), (2, "pobj", N), (4, "prep", P),
         (5, "pobj", N), (8, "amod", A), (6, "prep", P), (8, "pobj", N), (1, "punct", X)],
        {("MSCs", "SECRETES", "HGF", False)}),
    "means: a later item of the via-list, example phrase on the nominalisation": (
        "[MSCs|CELL_TYPE] act via contact and release of factors , such as [HGF|GROWTH_FACTOR] .",
        [(1, "nsubj", N), (1, "ROOT", V), (1, "prep", P), (2, "pobj", N), (3, "cc", C), (3, "conj", N),
         (5, "prep", P), (6, "pobj", N), (5, "punct", X), (10, "amod", A), (5, "prep", P), (10, "pobj", N),
         (1, "punct", X)],
        {("MSCs", "SECRETES", "HGF", False)}),
    # the means of a passive verb has no agent: nothing secretes IL-10 here
    "means of a passive verb": (
        "[T cells|CELL_TYPE] were suppressed by secretion of [IL-10|CYTOKINE] .",
        [(1, "compound", N), (3, "nsubjpass", N), (3, "auxpass", AUX), (3, "ROOT", V), (3, "agent", P),
         (4, "pobj", N), (5, "prep", P), (6, "pobj", N), (3, "punct", X)],
        {("IL-10", "INHIBITS", "T cells", False)}),
    # a second verb the parse read as a noun ends the list: IL-6 is reduced, not secreted
    "no member across a trigger": (
        "[MSCs|CELL_TYPE] secrete growth factors and reduce [IL-6|CYTOKINE] .",
        [(1, "nsubj", N), (1, "ROOT", V), (3, "compound", N), (1, "dobj", N), (3, "cc", C),
         (6, "compound", N), (3, "conj", N), (1, "punct", X)],
        {("MSCs", "DECREASES", "IL-6", False)}),
}


@pytest.mark.parametrize("marked,rows,expected", LISTS.values(), ids=LISTS.keys())
def test_list_members_are_arguments(parsed_relations: Callable[..., set], marked: str,
                                    rows: list[tuple[int, str, str]],
                                    expected: set[tuple[str, str, str, bool]]) -> None:
    assert parsed_relations(marked, rows) == expected


@pytest.mark.parametrize("marked,first,expected", [
    # a sentence without a relation still leaves its subject for "They ..." (read by the dependency
    # reader, as the surface reader does)
    ("[Monocytes|CELL_TYPE] gather quickly . They release [exosomes|ANATOMY] .",
     [(1, "nsubj", N), (1, "ROOT", V), (1, "advmod", "ADV"), (1, "punct", X)],
     {("Monocytes", "SECRETES", "exosomes", "dep")}),
    ("The weather was nice . They release [exosomes|ANATOMY] .",
     [(1, "det", D), (2, "nsubj", N), (2, "ROOT", AUX), (2, "acomp", A), (2, "punct", X)],
     set()),
], ids=["subject of a sentence without a relation", "no subject mention"])
def test_a_clause_subject_is_carried_without_a_relation(blank: object, marked_doc: Callable[..., object],
                                                        marked: str, first: list[tuple[int, str, str]],
                                                        expected: set[tuple[str, str, str, str]]) -> None:
    second = [(1, "nsubj", PR), (1, "ROOT", V), (1, "dobj", N), (1, "punct", X)]
    assert two_sentence_relations(blank, marked_doc(marked), first, second) == expected
