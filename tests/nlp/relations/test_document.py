"""Document-level relations (:mod:`pipeline.nlp.relations.document`): a title reporting variants
in patients with a disease makes each variant the document names a variant of that disease."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.errors import ResourceError
from pipeline.nlp.relations.document import load_document_rules

TITLE_CASES = {
    "variants in patients with the title's disease": (
        "Novel [PHEX|GENE_OR_PROTEIN] mutations in patients with [rickets|DISEASE] . "
        "We found [p.Cys77Arg|GENE_OR_PROTEIN] and [c.1234delA|GENE_OR_PROTEIN] in two families .",
        {("p.Cys77Arg", "DRIVES", "rickets", "positive", "title", 1),
         ("c.1234delA", "DRIVES", "rickets", "positive", "title", 1)}),
    "a causal title, the variant named in it": (
        "The [R1306W|GENE_OR_PROTEIN] change underlies [gout|DISEASE] . It was found in a family .",
        {("R1306W", "DRIVES", "gout", "positive", "title", 0)}),
    # the gene is no variant: it gets nothing
    "only variant mentions": (
        "A [PHEX|GENE_OR_PROTEIN] mutation in a family with [rickets|DISEASE] . "
        "[PHEX|GENE_OR_PROTEIN] is expressed in bone .",
        set()),
    # negatives: no variant in the title, a negated title, an association study, no disease
    "no variant word in the title": (
        "[PHEX|GENE_OR_PROTEIN] in patients with [rickets|DISEASE] . "
        "We found [p.Cys77Arg|GENE_OR_PROTEIN] in one patient .",
        set()),
    "a negated title": (
        "No mutations of [PHEX|GENE_OR_PROTEIN] in patients with [rickets|DISEASE] . "
        "We found [p.Cys77Arg|GENE_OR_PROTEIN] in one control .",
        set()),
    "an association study": (
        "Mutations of [PHEX|GENE_OR_PROTEIN] in patients with [rickets|DISEASE] . "
        "The [p.Cys77Arg|GENE_OR_PROTEIN] allele was more frequent in patients .",
        set()),
    "no disease in the title": (
        "Mutations of [PHEX|GENE_OR_PROTEIN] in a large cohort . "
        "[p.Cys77Arg|GENE_OR_PROTEIN] was seen in [rickets|DISEASE] patients .",
        set()),
    "a one-sentence document": (
        "We found [p.Cys77Arg|GENE_OR_PROTEIN] mutations in [rickets|DISEASE] patients .",
        set()),
}


@pytest.mark.parametrize(("marked", "expected"), TITLE_CASES.values(), ids=TITLE_CASES.keys())
def test_title_variants(relations_of: Callable[[str], list], marked: str, expected: set) -> None:
    got = {(r.subject.text, r.predicate, r.object.text, r.polarity, r.carried, r.sentence_index)
           for r in relations_of(marked) if r.rule_id == "document:title_variant"}
    assert got == expected


def test_title_variant_row(relations_of: Callable[[str], list]) -> None:
    rels = relations_of("Novel [PHEX|GENE_OR_PROTEIN] mutations in patients with [rickets|DISEASE] . "
                        "We found [p.Cys77Arg|GENE_OR_PROTEIN] in two families .")
    rel = next(r for r in rels if r.rule_id == "document:title_variant")
    assert (rel.subject_state, rel.form, rel.negated, rel.hedged, rel.evidence_level) == (
        "variant", "document", False, False, "unspecified")


def test_a_stated_pair_is_left_alone(relations_of: Callable[[str], list]) -> None:
    rels = relations_of("Novel [PHEX|GENE_OR_PROTEIN] mutations in patients with [rickets|DISEASE] . "
                        "The [p.Cys77Arg|GENE_OR_PROTEIN] mutation prevents [rickets|DISEASE] .")
    assert [r.rule_id for r in rels if r.subject.text == "p.Cys77Arg"] == ["surface:inhibit"]


def test_load_rejects_unknown_predicate_and_bad_pattern(tmp_path: Path) -> None:
    meta = "meta: {name: t, version: '1', source: s, licence: l}\n"
    bad = tmp_path / "bad.yaml"
    spec = "title_variants: {rule: t, predicate: %s, object_classes: [DISEASE], title: '%s'}\n"
    bad.write_text(meta + spec % ("CURES", "x"))
    with pytest.raises(ResourceError, match="unknown predicate 'CURES'"):
        load_document_rules(bad, ["DRIVES"])
    bad.write_text(meta + spec % ("DRIVES", "("))
    with pytest.raises(ResourceError, match=r"title_variants\.title"):
        load_document_rules(bad, ["DRIVES"])
    empty = tmp_path / "empty.yaml"
    empty.write_text(meta)
    assert load_document_rules(empty).title_variants is None
