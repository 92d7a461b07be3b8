"""Every output table's columns, dtypes and documentation, defined once.

Each table is a frozen dataclass whose fields are the table's columns in order.
A field's ``metadata`` carries its pandas dtype and a one-line description; the
README's "Outputs" section, the CSV writers and :func:`pipeline.io.load_outputs`
all read them from here.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

STRING = "string"
INT = "Int64"
BOOL = "boolean"


def col(dtype: str, doc: str, default: Any = dataclasses.MISSING) -> Any:
    """Declare a column: its pandas dtype and documentation."""
    meta = {"dtype": dtype, "doc": doc}
    if default is dataclasses.MISSING:
        return field(metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class ArticleRecord:
    """One row of ``articles.csv``: a real article found in an input file."""

    article_id: str = col(STRING, "Stable id: source name + hash of source path and article text.")
    source_path: str = col(STRING, "Input file the article came from (as found under the input path).")
    source_id: str = col(STRING, "Id the record carried in its input (JSONL `id`, PMID); empty if none.")
    start_char: int = col(INT, "Offset of the article's first character in the decoded source text.")
    end_char: int = col(INT, "Offset just past the article's last character in the decoded source.")
    title: str = col(STRING, "Cited paper's title for review summaries; else first heading/sentence.")
    kind: str = col(STRING, "abstract, review, review_summary, research_article, full_text, web_page, "
                            "news or document (resources/kinds.yaml).")
    authors: str = col(STRING, "Cited authors, '; '-separated (from the citation or record).")
    journal: str = col(STRING, "Cited journal (abbreviation as printed).")
    year: int | None = col(INT, "Cited publication year.")
    doi: str = col(STRING, "Cited DOI as printed (DOIs compare case-insensitively).")
    pmid: str = col(STRING, "Cited PubMed id.")
    pmcid: str = col(STRING, "Cited PubMed Central id (PMC...).")
    n_words: int = col(INT, "Number of words in `text`.")
    text: str = col(STRING, "The article text: the source slice start_char:end_char, removed blocks "
                            "inside it blanked with spaces so offsets still line up.")


@dataclass(frozen=True)
class RemovedBlockRecord:
    """One row of ``removed_blocks.csv``: text that is in no article, and why."""

    source_path: str = col(STRING, "Input file the block came from.")
    start_char: int = col(INT, "Offset of the block in the decoded source text.")
    end_char: int = col(INT, "Offset just past the block.")
    reason: str = col(STRING, "Why it was removed: boilerplate, repeated, fragment, ...")
    rule_id: str = col(STRING, "Id of the rule (resources/boilerplate.yaml) that matched, if any.")
    text: str = col(STRING, "The removed text.")


@dataclass(frozen=True)
class SkippedRecord:
    """One row of ``skipped.csv``: an input (or one record of it) that was not read."""

    source_path: str = col(STRING, "The path (or file) that was skipped.")
    line: int | None = col(INT, "Line number of a skipped record inside the file, if any.")
    reason: str = col(STRING, "One-line reason: missing, empty, binary, undecodable, too large, ...")
    stage: str = col(STRING, "Where it was dropped: read (the file or record could not be read), "
                             "ingest (read, but no article came of it), nlp (the entity/relation "
                             "step failed on it).",
                     default="read")


@dataclass(frozen=True)
class EntityRecord:
    """One row of ``entities.csv``: an entity mention in an article."""

    article_id: str = col(STRING, "The article (see articles.csv).")
    sentence_id: int = col(INT, "0-based index of the sentence within the article.")
    start_char: int = col(INT, "Offset of the mention in the article's text.")
    end_char: int = col(INT, "Offset just past the mention in the article's text.")
    text: str = col(STRING, "The mention as written.")
    label: str = col(STRING, "Primary class: CYTOKINE, GROWTH_FACTOR, GENE_OR_PROTEIN, DISEASE, "
                             "CELL_TYPE, CHEMICAL, ANATOMY, PROCESS (OTHER for unclassed abbreviations).")
    classes: str = col(STRING, "Every class of the concept, '|'-separated, primary first.")
    kb_id: str = col(STRING, "Concept id: HGNC:n, MESH:Dn/Cn, FPLX:name, DOID:n, GO:n; empty if none.")
    canonical_name: str = col(STRING, "The concept's preferred name (HGNC symbol, MeSH heading, ...).")
    source: str = col(STRING, "lexicon:<term source>, abbreviation, abbreviation_long_form, linker, "
                              "model, model+lexicon.")
    long_form: str = col(STRING, "For an abbreviation: the long form the text defines.")


@dataclass(frozen=True)
class EntitySummaryRecord:
    """One row of ``entity_summary.csv``: one concept (or unlinked name) per article."""

    article_id: str = col(STRING, "The article.")
    kb_id: str = col(STRING, "Concept id; empty for mentions without one (grouped by text).")
    label: str = col(STRING, "Primary class.")
    canonical_name: str = col(STRING, "Preferred name (or the lower-cased text when unlinked).")
    classes: str = col(STRING, "Every class, '|'-separated.")
    n_mentions: int = col(INT, "Mentions of it in the article.")
    texts: str = col(STRING, "Distinct spellings, '; '-separated, most frequent first.")


@dataclass(frozen=True)
class RelationRecord:
    """One row of ``relations.csv``: a directed relation stated in one sentence."""

    relation_id: str = col(STRING, "Stable id: article id + running number.")
    article_id: str = col(STRING, "The article.")
    sentence_id: int = col(INT, "0-based sentence index within the article.")
    subject_text: str = col(STRING, "The subject mention as written.")
    subject_kb_id: str = col(STRING, "Subject concept id (empty when unlinked).")
    subject_label: str = col(STRING, "Subject primary class.")
    predicate: str = col(STRING, "SECRETES, INCREASES, DECREASES, ACTIVATES, INHIBITS, PROTECTS, "
                                 "DIFFERENTIATES_INTO, MIGRATES_TO, TRANSFERS, POLARIZES, TREATS, DRIVES, "
                                 "ASSOCIATED_WITH.")
    object_text: str = col(STRING, "The object mention as written; an outcome phrase read from a "
                                   "list item or a possessive is the phrase it stands for ('liver "
                                   "function' from 'function in the liver and kidneys'), its offsets "
                                   "those of the mention it is built on.")
    object_kb_id: str = col(STRING, "Object concept id (empty when unlinked).")
    object_label: str = col(STRING, "Object primary class.")
    polarity: str = col(STRING, "positive, negative or neutral: the sign of the subject's own effect on the "
                                "object (the predicate's: 'X is associated with a lower risk of D', "
                                "'inversely associated with D', 'X is protective against D' are "
                                "DECREASES, negative; a raised risk DRIVES, positive; neutral for a "
                                "gene said to be mutated, "
                                "subject_state variant, the predicate's for a subject naming the "
                                "variant itself, 'R140Q'; see negated).")
    subject_state: str = col(STRING, "What the text says happened to the subject: loss (knockdown, "
                                     "deficiency, inhibition of it: the predicate already states the "
                                     "subject's own effect, 'knockdown of X reduced Y' is X INCREASES Y), "
                                     "variant (a mutation or polymorphism of it, or the subject names the "
                                     "variant itself), secretome (it acts through what it released: "
                                     "'MSC-conditioned medium reduced Y', 'conditioned medium from "
                                     "MSCs', 'the secretome of MSCs'), low (a low level of it: "
                                     "'low X levels were associated with an increased risk of D' "
                                     "is X DECREASES D), or empty.")
    negated: bool = col(BOOL, "A negation cue governs the trigger (NegEx).")
    hedged: bool = col(BOOL, "The sentence is hedged (may, might, suggest, potential, ...).")
    evidence_level: str = col(STRING, "in_vitro, animal, clinical, review (from the sentence, else the "
                                      "article), or unspecified.")
    context: str = col(STRING, "therapeutic (a treatment's effect), pathology (what the disease does), "
                               "risk (a side effect or danger), or empty (resources/context_cues.yaml).")
    subject_carried: str = col(STRING, "How the subject was found when the clause does not name it: "
                                       "anaphor (from an earlier sentence: 'They ...'), conj / xcomp / "
                                       "relcl / copula / appos (from the clause it depends on), cargo "
                                       "(the producer of generic cargo a relative clause is on: 'EVs "
                                       "carry molecules that reduce X'), event (the main clause's subject, "
                                       "for a ', which' clause on the event: 'X generates cells, which "
                                       "facilitates Y'), topic (the disease the text is about, for a feature "
                                       "noun that names none: 'Late complications include X'), or empty.")
    rule_id: str = col(STRING, "Reader and rule that proposed the relation: dep:<rule> (dependency patterns "
                               "over the parse) or surface:<rule> (surface reader); rules in "
                               "resources/relation_rules.yaml.")
    sentence: str = col(STRING, "The evidence sentence.")
    subject_start: int = col(INT, "Subject offset in the article text.")
    subject_end: int = col(INT, "Offset just past the subject.")
    object_start: int = col(INT, "Object offset in the article text.")
    object_end: int = col(INT, "Offset just past the object.")
    sentence_start: int = col(INT, "Sentence offset in the article text.")
    sentence_end: int = col(INT, "Offset just past the sentence.")


@dataclass(frozen=True)
class MechanismEvidenceRecord:
    """One row of ``mechanisms.csv``: one piece of evidence for one mechanism in one article."""

    article_id: str = col(STRING, "The article.")
    mechanism_id: str = col(STRING, "Mechanism id (resources/mechanisms.yaml).")
    mechanism: str = col(STRING, "Mechanism name.")
    evidence_type: str = col(STRING, "relation, mention (an entity) or keyword (a phrase in the text).")
    evidence_id: str = col(STRING, "relation_id, or 'entity:<start>-<end>' / 'keyword:<start>-<end>'.")
    sentence_id: int | None = col(INT, "Sentence of the evidence (relations and entities).")
    factor_ids: str = col(STRING, "Ids of the cytokines, growth factors, genes or chemicals involved, "
                                  "'|'-separated.")
    text: str = col(STRING, "The evidence: 'subject PREDICATE object', the mention, or the phrase.")


TABLES: dict[str, type] = {
    "articles": ArticleRecord,
    "removed_blocks": RemovedBlockRecord,
    "skipped": SkippedRecord,
    "entities": EntityRecord,
    "entity_summary": EntitySummaryRecord,
    "relations": RelationRecord,
    "mechanisms": MechanismEvidenceRecord,
}


# Wide tables derived by pipeline.mechanisms: these key columns (strings, except
# Int64 counts named n_* and net_polarity), then one Int64 evidence-count
# column per mechanism id, in taxonomy order.
MATRICES: dict[str, list[str]] = {
    "mechanism_matrix": ["article_id", "title", "kind", "primary_disease", "primary_disease_id"],
    "disease_mechanism_matrix": ["primary_disease_id", "primary_disease", "n_articles"],
    "factor_mechanism_matrix": ["factor_id", "factor", "label", "n_relations", "net_polarity"],
}


# every output table, in the order runs write them
OUTPUTS: list[str] = [*TABLES, *MATRICES]


def matrix_dtypes(table: str, frame_columns: list[str]) -> dict[str, str]:
    """dtypes of a wide table: key columns as declared, mechanism columns Int64."""
    keys = MATRICES[table]
    out = {}
    for c in frame_columns:
        if c in keys:
            out[c] = INT if c.startswith("n_") or c == "net_polarity" else STRING
        else:
            out[c] = INT
    return out


def csv_dtypes(table: str) -> dict[str, str]:
    """``dtype=`` for a plain ``pd.read_csv`` of a mechmine CSV: ids (pmid, pmcid, kb ids...) stay text.

    Long tables get every column's schema dtype; a matrix its key columns (its
    mechanism columns read as integers anyway). ``pd.read_csv(path,
    dtype=csv_dtypes("articles"))`` keeps "00123" as "00123" (an empty cell is
    ``<NA>``; :func:`pipeline.io.load_outputs` reads them as "").
    """
    if table in TABLES:
        return dtypes(table)
    if table in MATRICES:
        return matrix_dtypes(table, MATRICES[table])
    raise ValueError(f"unknown table {table!r}")


def columns(table: str) -> list[str]:
    """Column names of ``table`` in output order."""
    return [f.name for f in dataclasses.fields(TABLES[table])]


def dtypes(table: str) -> dict[str, str]:
    """pandas dtype of each column of ``table``."""
    return {f.name: f.metadata["dtype"] for f in dataclasses.fields(TABLES[table])}


def docs(table: str) -> dict[str, str]:
    """One-line description of each column of ``table``."""
    return {f.name: f.metadata["doc"] for f in dataclasses.fields(TABLES[table])}


def to_frame(table: str, records: Iterable[Any]) -> pd.DataFrame:
    """Build ``table`` from its records with the schema's column order and dtypes."""
    names = columns(table)
    get = operator.attrgetter(*names)  # records are flat: no deep copy as astuple would make
    rows = [get(r) for r in records] if len(names) > 1 else [(get(r),) for r in records]
    frame = pd.DataFrame(rows, columns=names)
    return coerce(table, frame)


def coerce(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Cast ``frame`` to the schema's dtypes, with columns in schema order (``frame`` itself,
    not a copy, when it is already so: callers must not modify the result in place)."""
    missing = [c for c in columns(table) if c not in frame.columns]
    if missing:
        raise ValueError(f"table {table!r} lacks columns {missing}")
    names = columns(table)
    types = dtypes(table)
    if list(frame.columns) == names and all(_has_dtype(frame[n], d) for n, d in types.items()):
        return frame  # already typed (a table built by to_frame, filtered or sorted since)
    frame = frame[names].copy()
    for name, dtype in types.items():
        column = frame[name]
        if dtype == STRING and column.hasnans:
            column = column.astype("object").where(column.notna(), "")
        frame[name] = column.astype(dtype)
    return frame


def _has_dtype(column: pd.Series, dtype: str) -> bool:
    """``column`` has ``dtype`` already (a string column also has no missing value)."""
    if column.dtype != dtype:
        return False
    return dtype != STRING or not column.hasnans


def typed(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the schema's dtypes (long tables) or the wide-table dtypes (matrices)."""
    if table in TABLES:
        return coerce(table, frame)
    if table in MATRICES:
        return frame.astype(matrix_dtypes(table, list(frame.columns)))
    raise ValueError(f"unknown table {table!r}")
