"""Headings in title case are parsed with their capitalised words lower-cased."""

from __future__ import annotations

import pytest
import spacy

from pipeline.nlp.parser import sentence_doc, title_case_words


@pytest.mark.parametrize(("text", "expected"), [
    ("LMP1 Upregulates IL10 and Constitutively Activates Stat3",
     "LMP1 upregulates IL10 and constitutively activates Stat3"),
    ("IL-12 and High Doses of Antigen Induce the Development of Th1 Cells",
     "IL-12 and high doses of antigen induce the development of Th1 cells"),
    ("Interleukin Production Is Maintained by Signal Strength",
     "interleukin production is maintained by signal strength"),
    # sentence case stays as written
    ("Seven novel PHEX gene mutations in patients with Hypophosphatemic Rickets",
     "Seven novel PHEX gene mutations in patients with Hypophosphatemic Rickets"),
    ("Foxp3 inhibits NFAT activation in Jurkat cells", "Foxp3 inhibits NFAT activation in Jurkat cells"),
    # too short to tell
    ("Akt Activates Stat3", "Akt Activates Stat3"),
    ("NFKB IL10 STAT3 LMP1", "NFKB IL10 STAT3 LMP1"),
])
def test_title_case_words(text: str, expected: str) -> None:
    assert " ".join(title_case_words(text.split())) == expected


def test_sentence_doc_keeps_spaces_and_length() -> None:
    nlp = spacy.blank("en")
    doc = nlp("EBV Latent Membrane Protein Activates Akt in B Cell Lymphomas.")
    parsed = sentence_doc(nlp, doc[:])
    assert [t.text for t in parsed] == ["EBV", "latent", "membrane", "protein", "activates", "akt", "in",
                                        "B", "cell", "lymphomas", "."]
    assert [bool(t.whitespace_) for t in parsed] == [*[bool(t.whitespace_) for t in doc][:-1], False]
