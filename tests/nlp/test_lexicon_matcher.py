"""The entity pipeline with the packaged lexicon: classes, ids, abbreviations, a model."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span
from spacy.training import Example

from pipeline.errors import MechmineError
from pipeline.nlp import make_nlp


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return make_nlp()


def ents(nlp: spacy.language.Language, text: str) -> dict[str, tuple[str, str]]:
    doc = nlp(text)
    return {e.text: (e.label_, e.kb_id_) for e in doc.ents}


@pytest.mark.parametrize(
    ("text", "mention", "label", "kb_id"),
    [
        ("MSCs release BDNF and GDNF.", "BDNF", "GROWTH_FACTOR", "HGNC:1033"),
        ("MSCs release BDNF and GDNF.", "GDNF", "GROWTH_FACTOR", "HGNC:4232"),
        ("It lowers TNF-α levels.", "TNF-α", "CYTOKINE", "HGNC:11892"),
        ("It lowers TNF-alpha levels.", "TNF-alpha", "CYTOKINE", "HGNC:11892"),
        ("It lowers TNFα levels.", "TNFα", "CYTOKINE", "HGNC:11892"),
        ("IL-10 suppresses T cells.", "IL-10", "CYTOKINE", "HGNC:5962"),
        ("IL-1β rises.", "IL-1β", "CYTOKINE", "HGNC:5992"),
        ("IGF-1 and KGF were secreted.", "IGF-1", "GROWTH_FACTOR", "HGNC:5464"),
        ("IGF-1 and KGF were secreted.", "KGF", "GROWTH_FACTOR", "HGNC:3685"),
        ("the CXCL12/CXCR4 axis", "CXCL12", "CYTOKINE", "HGNC:10672"),
        ("the CXCL12/CXCR4 axis", "CXCR4", "GENE_OR_PROTEIN", "HGNC:2561"),
        ("FoxM1 and Miro1 and Bcl-2 were measured.", "Bcl-2", "GENE_OR_PROTEIN", "HGNC:990"),
        ("Patients with idiopathic pulmonary fibrosis improved.", "idiopathic pulmonary fibrosis",
         "DISEASE", "MESH:D054990"),
        ("In the brain, microglia release cytokines.", "microglia", "CELL_TYPE", "MESH:D017628"),
        ("Activated microglia release cytokines.", "Activated microglia", "CELL_TYPE", "CL:0002629"),
        ("MSCs shift M1 macrophages to M2 macrophages.", "M2 macrophages", "CELL_TYPE", "CL:0000890"),
        ("MSCs shift M1 macrophages to M2 macrophages.", "M1 macrophages", "CELL_TYPE", "CL:0000863"),
        ("TGF-β drives EMT.", "TGF-β", "GROWTH_FACTOR", "FPLX:TGFB"),
        ("surface markers (CD44, CD29, CD90) while lacking markers (CD45)", "CD44", "GENE_OR_PROTEIN",
         "HGNC:1681"),
        ("surface markers (CD44, CD29, CD90) while lacking markers (CD45)", "CD45", "GENE_OR_PROTEIN",
         "HGNC:9666"),
        ("macrophages shift from a pro-inflammatory (M1) to an anti-inflammatory (M2) state", "M2",
         "CELL_TYPE", "CL:0000890"),
        ("macrophages shift from a pro-inflammatory (M1) to an anti-inflammatory (M2) state", "M1",
         "CELL_TYPE", "CL:0000863"),
        ("promoting microglial polarization to the M2 healing phenotype", "M2", "CELL_TYPE", "CL:0000890"),
        ("immature (CD14, CD1a+) or mature (CD80+) cells", "CD1a", "GENE_OR_PROTEIN", "HGNC:1634"),
        ("CD11b+ cells were sorted", "CD11b", "GENE_OR_PROTEIN", "HGNC:6149"),
    ],
)
def test_lexicon_entities(nlp: spacy.language.Language, text: str, mention: str, label: str,
                          kb_id: str) -> None:
    assert ents(nlp, text).get(mention) == (label, kb_id)


def test_tgf_beta_carries_both_classes(nlp: spacy.language.Language) -> None:
    doc = nlp("TGF-β drives EMT.")
    tgf = next(e for e in doc.ents if e.text == "TGF-β")
    assert {"GROWTH_FACTOR", "CYTOKINE"} <= set(tgf._.classes)


def test_abbreviation_inherits_long_form(nlp: spacy.language.Language) -> None:
    doc = nlp("Mesenchymal stem cells (MSCs) home to injury. MSCs secrete stromal cell-derived "
              "factor-1 (SDF-1). SDF-1 attracts cells.")
    found = [(e.text, e.label_, e.kb_id_, e._.source) for e in doc.ents if e.text in ("MSCs", "SDF-1")]
    assert ("MSCs", "CELL_TYPE", "MESH:D059630", "abbreviation") in found
    assert sum(1 for f in found if f[0] == "SDF-1" and f[2] == "HGNC:10672") == 2
    info = doc._.mentions[(doc.text.index("(SDF-1)") + 1, doc.text.index("(SDF-1)") + 6)]
    assert info.long_form == "stromal cell-derived factor-1"


def test_unknown_abbreviation_still_an_entity(nlp: spacy.language.Language) -> None:
    doc = nlp("The zorblatin receptor kinase (ZRK) was studied. ZRK binds.")
    zrk = [e for e in doc.ents if e.text == "ZRK"]
    assert len(zrk) == 2 and zrk[0].label_ == "GENE_OR_PROTEIN" and zrk[0].kb_id_ == ""


@pytest.mark.parametrize("text", ["Li et al. reviewed them.", "We asked them is it safe."])
def test_no_false_friends(nlp: spacy.language.Language, text: str) -> None:
    assert not nlp(text).ents


@pytest.mark.parametrize(("text", "expected"), [
    # a disease's course is no entity; the disease is
    ("Gout is a chronic disease that affects the joints.", [("Gout", "DISEASE"), ("joints", "ANATOMY")]),
    # an institution's name is no anatomy; a located process is one mention
    ("The American Heart Association reported lung inflammation and neuronal apoptosis.",
     [("lung inflammation", "PROCESS"), ("neuronal apoptosis", "PROCESS")]),
    ("They saw alveolar damage and axonal growth.",
     [("alveolar damage", "DISEASE"), ("axonal growth", "PROCESS")]),
])
def test_entity_extent_rules_on_the_packaged_lexicon(nlp: spacy.language.Language, text: str,
                                                      expected: list[tuple[str, str]]) -> None:
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


def test_pipeline_analysis(nlp: spacy.language.Language) -> None:
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values())
    assert nlp.pipe_names == ["sentencizer", "mechmine_lexicon", "mechmine_abbreviations"]


def _tiny_model(path: Path) -> Path:
    """Train a very small NER on a handful of sentences (a stand-in for an installed model)."""
    random.seed(0)
    model = spacy.blank("en")
    ner = model.add_pipe("ner")
    data = [
        ("The zorblatin drug was given.", [(4, 13, "CHEMICAL")]),
        ("Patients took zorblatin daily.", [(14, 23, "CHEMICAL")]),
        ("BDNF levels rose after zorblatin.", [(0, 4, "GENE_OR_GENE_PRODUCT"), (23, 32, "CHEMICAL")]),
        ("We measured BDNF in serum.", [(12, 16, "GENE_OR_GENE_PRODUCT")]),
    ]
    for _, spans in data:
        for *_, label in spans:
            ner.add_label(label)
    examples = [Example.from_dict(model.make_doc(t), {"entities": s}) for t, s in data]
    optimizer = model.initialize(lambda: examples, sgd=None)
    for _ in range(30):
        model.update(examples, sgd=optimizer, drop=0.0)
    model.to_disk(path)
    return path


def test_installed_model_is_merged(tmp_path: Path) -> None:
    nlp = make_nlp(model=str(_tiny_model(tmp_path / "tiny_ner")))
    assert nlp.pipe_names[:2] == ["sentencizer", "ner"]
    doc = nlp("Patients took zorblatin daily and BDNF levels rose.")
    got = {e.text: (e.label_, e.kb_id_, e._.source) for e in doc.ents}
    assert got["zorblatin"] == ("CHEMICAL", "", "model")
    assert got["BDNF"][1] == "HGNC:1033" and got["BDNF"][2] in ("model+lexicon", "lexicon:hgnc_symbol")


def test_model_finds_its_classes() -> None:
    """With ``finds``, the lexicon only types and links the model's spans of those classes."""
    from pipeline.lexicon import Concept, Match
    from pipeline.nlp.lexicon_matcher import merge_with_model

    doc = spacy.blank("en")("BDNF and aspirin rose")
    gene = Concept("HGNC:1033", "BDNF", "GROWTH_FACTOR", ("GROWTH_FACTOR", "GENE_OR_PROTEIN"), ())
    drug = Concept("MESH:D001241", "Aspirin", "CHEMICAL", ("CHEMICAL",), ())
    lexicon = [(Span(doc, 0, 1, label="GROWTH_FACTOR", kb_id=gene.kb_id), Match(0, 1, gene, "hgnc")),
               (Span(doc, 2, 3, label="CHEMICAL", kb_id=drug.kb_id), Match(2, 3, drug, "mesh"))]
    labels = {"GENE": "GENE_OR_PROTEIN"}
    kept = {s.text for s, _ in merge_with_model(doc, [], lexicon, labels)}
    assert kept == {"BDNF", "aspirin"}
    # a gene model that did not mark BDNF: the lexicon does not add it; other classes still come
    kept = {s.text for s, _ in merge_with_model(doc, [], lexicon, labels, frozenset({"GENE_OR_PROTEIN"}))}
    assert kept == {"aspirin"}
    genes = frozenset({"GENE_OR_PROTEIN"})
    found = merge_with_model(doc, [Span(doc, 0, 1, label="GENE")], lexicon, labels, genes)
    assert [(s.text, s.kb_id_, m.source) for s, m in found if s.text == "BDNF"] == [
        ("BDNF", "HGNC:1033", "model+lexicon")]


@pytest.mark.parametrize(("text", "model_span", "lexicon_span", "label", "expected"), [
    ("migraine with aura began", (0, 1), (0, 3), "DISEASE", "migraine with aura"),  # wider, same class
    ("migraine with aura began", (0, 1), (0, 3), "CHEMICAL", "migraine"),  # another class
    ("VHL ( VHL ) disease", (0, 1), (0, 5), "DISEASE", "VHL"),  # not across a bracket
])
def test_model_span_takes_a_wider_lexicon_name(text: str, model_span: tuple[int, int],
                                               lexicon_span: tuple[int, int], label: str,
                                               expected: str) -> None:
    from pipeline.lexicon import Concept, Match
    from pipeline.nlp.lexicon_matcher import merge_with_model

    doc = spacy.blank("en")(text)
    concept = Concept("MESH:D000001", "a name", label, (label,), ())
    match = Match(*lexicon_span, concept, "mesh")
    lexicon = [(Span(doc, *lexicon_span, label=label, kb_id=concept.kb_id), match)]
    found = merge_with_model(doc, [Span(doc, *model_span, label="DISEASE")], lexicon, {"DISEASE": "DISEASE"},
                             frozenset({"DISEASE", "CHEMICAL"}))
    assert [s.text for s, _ in found] == [expected]


def test_missing_model_is_a_clear_error() -> None:
    with pytest.raises(MechmineError, match="cannot load model"):
        make_nlp(model="en_no_such_model_xyz")


def test_msc_without_a_definition(nlp: spacy.language.Language) -> None:
    """Learned from the training splits' definitions: MSC(s) are cells, not the gene musculin."""
    got = ents(nlp, "MSCs secrete BDNF. MSC therapy helps.")
    assert got["MSCs"] == ("CELL_TYPE", "MESH:D059630")
    assert got["MSC"] == ("CELL_TYPE", "MESH:D059630")


def test_isoform_short_form_keeps_its_own_concept(nlp: spacy.language.Language) -> None:
    """S&H needs every short-form character in the long form; 'IGF-1' is tried as 'IGF'."""
    got = ents(nlp, "Factors such as insulin-like growth factor (IGF-1) and transforming growth factor "
                    "beta (TGF-β1) were measured.")
    assert got["insulin-like growth factor"] == ("GROWTH_FACTOR", "HGNC:5464")
    assert got["IGF-1"] == ("GROWTH_FACTOR", "HGNC:5464")
    assert got["TGF-β1"][1] == "HGNC:11766"  # TGFB1, not the family its long form names


def test_long_form_never_spans_a_bracket(nlp: spacy.language.Language) -> None:
    doc = nlp("MSCs carry surface markers (CD44, CD29, CD90) while lacking hematopoietic markers (CD45).")
    assert not any(")" in e.text for e in doc.ents)
    assert [a.text for a in doc._.abbreviations] == []


@pytest.mark.parametrize("text", ["The M2 receptor binds acetylcholine.", "Ward M2 reopened."])
def test_contextual_term_needs_its_context(nlp: spacy.language.Language, text: str) -> None:
    assert "M2" not in ents(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "fat" (a UBERON synonym of adipose tissue) is the tissue in a sentence about cells
        ("We obtain these cells from your own fat.", ("ANATOMY", "MESH:D000273")),
        ("MSCs differentiate into bone, cartilage, and fat.", ("ANATOMY", "MESH:D000273")),
        # the food or the nutrient elsewhere
        ("The diet was low in fat.", None),
    ],
)
def test_fat_is_adipose_tissue_in_a_sentence_about_cells(nlp: spacy.language.Language, text: str,
                                                         expected: tuple[str, str] | None) -> None:
    assert ents(nlp, text).get("fat") == expected


def _contextual_file(tmp_path: Path, entry: str) -> Path:
    path = tmp_path / "contextual_terms.yaml"
    path.write_text("meta: {name: t, version: '1', source: test, licence: MIT}\nterms:\n" + entry,
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("entry", "message"), [
    ("  - {text: M2, term: M2 macrophage, context: macrophage, colour: red}\n", "colour"),
    ("  - {text: M2, term: M2 macrophage, context: '(macrophage'}\n", "bad pattern"),
])
def test_contextual_terms_are_validated(nlp: spacy.language.Language, tmp_path: Path, entry: str,
                                        message: str) -> None:
    from pipeline.errors import ResourceError
    from pipeline.nlp.lexicon_matcher import load_contextual_terms

    matcher = nlp.get_pipe("mechmine_lexicon")
    with pytest.raises(ResourceError, match=message):
        load_contextual_terms(matcher.lexicon, lambda t: matcher.keys(nlp.make_doc(t)).text,
                              nlp.vocab.strings.add, _contextual_file(tmp_path, entry))


def test_contextual_term_missing_from_the_lexicon_is_skipped(nlp: spacy.language.Language, tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    from pipeline.nlp.lexicon_matcher import load_contextual_terms

    matcher = nlp.get_pipe("mechmine_lexicon")
    path = _contextual_file(tmp_path, "  - {text: M9, term: M9 unheard-of cell, context: macrophage}\n")
    rules = load_contextual_terms(matcher.lexicon, lambda t: matcher.keys(nlp.make_doc(t)).text,
                                  nlp.vocab.strings.add, path)
    assert rules == [] and "not a term of this lexicon" in caplog.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # case by evidence: a common anatomy noun matches in lower case, a gene symbol does not
        ("It damages the lung.", {"lung": ("ANATOMY", "MESH:D008168")}),
        ("The cat sat.", {}),
        # fragments: the longer name is the mention
        ("Dopamine-producing neurons die.", {"Dopamine-producing neurons": ("CELL_TYPE", "")}),
        ("Growth factors help.", {}),
        # generic words are no mentions; a bare eponym is the disease
        ("Damaged tissues heal in Parkinson's patients.", {"Parkinson's": ("DISEASE", "MESH:D010300")}),
        # a stoplisted key of mention_rules.yaml's unstopped list is an entity; a course word joins it
        ("Drugs combat infections.", {"infections": ("DISEASE", "MESH:D007239")}),
        ("It prevents recurrent infections.", {"recurrent infections": ("DISEASE", "MESH:D007239")}),
        # compounds: the organ's part and the organ's disease, injured cells, damaged tissue
        ("It regrows knee cartilage.", {"knee cartilage": ("ANATOMY", "MESH:D002356")}),
        ("It repairs tissue damage.", {"tissue damage": ("DISEASE", "")}),
    ],
)
def test_mention_rules_on_the_packaged_lexicon(nlp: spacy.language.Language, text: str,
                                               expected: dict[str, tuple[str, str]]) -> None:
    assert ents(nlp, text) == expected


@pytest.mark.parametrize(("text", "mention", "kb_id"), [
    ("Grafts survived in the striatum.", "striatum", "MESH:D017072"),
    ("MSCs from fat tissue were used.", "fat tissue", "MESH:D000273"),
    ("Cells reached the alveoli.", "alveoli", "UBERON:0003215"),
    ("It repairs bone.", "bone", "MESH:D001842"),
    # common-word UBERON labels of concepts MeSH has too (Peripheral Nerves, Torso)
    ("Axons link the nerves.", "nerves", "MESH:D010525"),
    ("It affects the trunk and legs.", "trunk", "MESH:D060726"),
])
def test_anatomy_from_uberon(nlp: spacy.language.Language, text: str, mention: str, kb_id: str) -> None:
    assert ents(nlp, text).get(mention) == ("ANATOMY", kb_id)


@pytest.mark.parametrize(("text", "expected"), [
    # MeSH physiology (G09.772, G10) is PROCESS: Respiration's "Breathing", Deglutition's "Swallowing"
    ("It impairs breathing and swallowing.", {"breathing": ("PROCESS", "MESH:D012119"),
                                               "swallowing": ("PROCESS", "MESH:D003679")}),
    # a deficit phrase around one is a disease
    ("Patients had breathing problems.", {"breathing problems": ("DISEASE", "")}),
    ("They showed impaired swallowing.", {"impaired swallowing": ("DISEASE", "")}),
    # an ANATOMY head rule now reaches a UBERON nerve
    ("It causes nerve damage.", {"nerve damage": ("DISEASE", "")}),
    # movement and its activities are not processes
    ("Walking and exercise improve movement.", {}),
])
def test_physiology_processes(nlp: spacy.language.Language, text: str,
                              expected: dict[str, tuple[str, str]]) -> None:
    assert ents(nlp, text) == expected


def test_abbreviation_takes_the_long_forms_head_phrase(nlp: spacy.language.Language) -> None:
    """No head rule for "microvesicles": the entity that ends the long form lends its id."""
    doc = nlp("Stem cell-derived microvesicles (SMVs) were given. SMVs lowered injury.")
    smv = [(e.label_, e.kb_id_) for e in doc.ents if e.text == "SMVs"]
    assert smv == [("ANATOMY", "MESH:D055252")] * 2


def test_class_nouns_are_entities_listed_as_groups(nlp: spacy.language.Language) -> None:
    doc = nlp("MSCs secrete cytokines. Proteins and cells were counted.")
    assert ents(nlp, doc.text).get("cytokines") == ("CYTOKINE", "MESH:D016207")
    assert [s.text for s in doc.spans["mechmine_group"]] == ["cytokines"]
    assert "Proteins" not in ents(nlp, doc.text) and "cells" not in ents(nlp, doc.text)


@pytest.mark.parametrize(("text", "mention", "label", "kb_id"), [
    ("Grafts secreted anti-inflammatory cytokines.", "anti-inflammatory cytokines", "CYTOKINE",
     "MESH:D016207"),
    ("Pro-inflammatory cytokines fell.", "Pro-inflammatory cytokines", "CYTOKINE", "MESH:D016207"),
    ("Serum inflammatory cytokines fell.", "inflammatory cytokines", "CYTOKINE", "MESH:D016207"),
    ("Grafts released angiogenic cell adhesion molecules.", "angiogenic cell adhesion molecules",
     "GENE_OR_PROTEIN", "MESH:D015815"),
    ("Levels of non-inflammatory cytokines rose.", "cytokines", "CYTOKINE", "MESH:D016207"),
])
def test_class_noun_with_its_modifier(nlp: spacy.language.Language, text: str, mention: str, label: str,
                                      kb_id: str) -> None:
    doc = nlp(text)
    assert ents(nlp, text).get(mention) == (label, kb_id)
    assert [s.text for s in doc.spans["mechmine_group"]] == [mention]


@pytest.mark.parametrize(("text", "groups"), [
    # the vocabulary has the family "growth factor" (stoplisted) only in the singular
    ("Grafts released growth factors such as BDNF.", ["growth factors"]),
    ("Grafts released a growth factor.", []),  # singular: stays stoplisted
])
def test_class_noun_read_as_a_plural(nlp: spacy.language.Language, text: str, groups: list[str]) -> None:
    doc = nlp(text)
    assert [s.text for s in doc.spans["mechmine_group"]] == groups
    assert [e.label_ for e in doc.ents if e.text in groups] == ["GROWTH_FACTOR"] * len(groups)
    assert ents(nlp, text).get("BDNF", ("GROWTH_FACTOR", "HGNC:1033")) == ("GROWTH_FACTOR", "HGNC:1033")


def test_no_modifier_without_a_class_noun(nlp: spacy.language.Language) -> None:
    """"Cytokine" (capitalised, singular) stays stoplisted, so nothing is extended over its modifier."""
    assert not [e for e in nlp("An inflammatory cytokine was added.").ents if "inflammatory" in e.text]


@pytest.mark.parametrize(("text", "mention", "kb_id"), [
    ("Human mesenchymal stem cells (MSCs) are rare.", "Human mesenchymal stem cells", "MESH:D059630"),
    ("Results.\n\nHuman mesenchymal stem cells are rare.", "Human mesenchymal stem cells", "MESH:D059630"),
    ("MSCs activate resident fibroblasts.", "resident fibroblasts", "MESH:D005347"),
    ("murine macrophages were used", "murine macrophages", "MESH:D008264"),
    # after a joiner, or a species word that is not right before the cell type: the cell type alone
    ("tissue-resident fibroblasts", "fibroblasts", "MESH:D005347"),
    ("human and mouse macrophages", "mouse macrophages", "MESH:D008264"),
    ("human primary macrophages", "macrophages", "MESH:D008264"),
])
def test_cell_type_with_its_modifier(nlp: spacy.language.Language, text: str, mention: str,
                                     kb_id: str) -> None:
    assert ents(nlp, text).get(mention) == ("CELL_TYPE", kb_id)


def test_memo_calls_once_per_text_and_clears_when_full() -> None:
    from pipeline.nlp.lexicon_matcher import Memo

    calls: list[str] = []
    memo = Memo(lambda text: calls.append(text) or text.upper(), size=2)
    assert [memo("a"), memo("a"), memo("b"), memo("a")] == ["A", "A", "B", "A"]
    assert calls == ["a", "b"]
    assert memo("c") == "C" and memo.memo == {"c": "C"}  # full at 2: cleared before "c"


@pytest.mark.parametrize("text", [
    "Neuronal apoptosis and lung inflammation follow Parkinson's in rats.",
    "Axonal growth and alveolar damage; spinal tumors and blood monocytes.",
])
def test_memoised_lookups_give_the_same_mentions(nlp: spacy.language.Language, text: str) -> None:
    from pipeline.nlp.lexicon_matcher import lexicon_spans

    pipe = nlp.get_pipe("mechmine_lexicon")
    doc = nlp.make_doc(text)
    nlp.get_pipe("sentencizer")(doc)

    def run(**memos: object) -> list[tuple[int, int, str, str, str]]:
        found = lexicon_spans(doc, pipe.lexicon, pipe.keys, pipe.stopped, [], pipe.rules,
                              class_nouns=pipe.class_nouns, modifiers=pipe.modifiers,
                              cell_modifiers=pipe.cell_modifiers, **memos)
        return [(s.start, s.end, s.label_, s.kb_id_, m.source) for s, m in found]

    plain = run()
    memos = {"lookup": pipe._lookup, "key_of": pipe._key_of}
    assert plain == run(**memos) == run(**memos)  # the second run reads the memos
    assert any(source.endswith("+located") or source == "located" for *_, source in plain)


@pytest.mark.parametrize(("text", "mention", "kb_id"), [
    ("Dopamine agonists ease the symptoms.", "Dopamine agonists", "MESH:D018491"),
    ("Patients on protease inhibitors were excluded.", "protease inhibitors", "MESH:D011480"),
    ("No neuroprotective drugs slow the disease.", "neuroprotective drugs", "MESH:D018696"),
    ("They take immunosuppressants for life.", "immunosuppressants", "MESH:D007166"),
    # MeSH lists "Anti-Inflammatory Agents"; the "drugs" form of a class is read as the same class
    ("They took anti-inflammatory drugs.", "anti-inflammatory drugs", "MESH:D000893"),
])
def test_drug_class_noun_is_a_chemical_class_mention(nlp: spacy.language.Language, text: str, mention: str,
                                                      kb_id: str) -> None:
    doc = nlp(text)
    assert ents(nlp, text).get(mention) == ("CHEMICAL", kb_id)
    assert [s.text for s in doc.spans["mechmine_group"]] == [mention]


@pytest.mark.parametrize("text", [
    "Adrenergic signalling was blocked by an analgesic dose.",  # adjectives of D27 classes
    "A dopamine agonist was given.",                             # singular: one drug, not the class
    "Protease Inhibitors in Practice",                           # title case
])
def test_drug_class_terms_need_a_plural_class_noun(nlp: spacy.language.Language, text: str) -> None:
    doc = nlp(text)
    assert not [e for e in doc.ents if e._.source.startswith("lexicon:mesh_drug_class")]
    assert list(doc.spans["mechmine_group"]) == []


PIPE_TEXTS = [
    "MSCs release BDNF and GDNF.",
    "Pro-inflammatory cytokines and growth factors rose in patients with Parkinson's.",
    "",
    "IL-10 suppresses T cells (Li et al.); mesenchymal stromal cells secrete VEGF.",
    "Degenerative diseases of the pulmonary alveoli.",
]


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_pipe_reads_a_batch_as_call_reads_each_doc(nlp: spacy.language.Language, batch_size: int) -> None:
    def seen(doc: spacy.tokens.Doc) -> list[tuple[object, ...]]:
        return [*((e.start, e.end, e.label_, e.kb_id_) for e in doc.ents),
                *sorted((doc._.mentions or {}).items()),
                *((k, [(s.start, s.end, s.label_) for s in g]) for k, g in sorted(doc.spans.items()))]

    matcher = nlp.get_pipe("mechmine_lexicon")
    one = [seen(matcher(nlp.get_pipe("sentencizer")(nlp.make_doc(t)))) for t in PIPE_TEXTS]
    docs = [nlp.get_pipe("sentencizer")(nlp.make_doc(t)) for t in PIPE_TEXTS]
    batched = [seen(d) for d in matcher.pipe(docs, batch_size=batch_size)]
    assert batched == one
    assert any(one)  # the texts have entities
