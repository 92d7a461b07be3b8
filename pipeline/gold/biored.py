"""BioRED (PubTator with relation lines): gold entities in mechmine's classes and correlation pairs.

Mentions of the five typed entity kinds become :class:`GoldEntity` objects
keyed by their first id (variants count as genes); ``Positive_Correlation`` /
``Negative_Correlation`` relation lines become (id1, id2, polarity) pairs.
Other relation types (Association, Bind, ...) are not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.gold.model import GoldEntity
from pipeline.gold.pubtator import pubtator_records

BIORED_LABELS = {"GeneOrGeneProduct": "GENE_OR_PROTEIN", "DiseaseOrPhenotypicFeature": "DISEASE",
                 "ChemicalEntity": "CHEMICAL", "CellLine": "CELL_TYPE", "SequenceVariant": "GENE_OR_PROTEIN"}
BIORED_TYPES = {"Positive_Correlation": "positive", "Negative_Correlation": "negative"}


def read_biored(path: Path) -> Iterator[tuple[str, str, list[GoldEntity], set[tuple]]]:
    """(pmid, text, entities with ids, gold pairs (id1, id2, polarity)) per document."""
    for rec in pubtator_records(path):
        ents = [GoldEntity(p[5].split(",")[0].strip(), int(p[1]), int(p[2]), BIORED_LABELS[p[4]])
                for p in rec.mentions if p[4] in BIORED_LABELS]
        rels = {(p[2], p[3], BIORED_TYPES[p[1]]) for p in rec.relations if p[1] in BIORED_TYPES}
        yield rec.pmid, rec.text, ents, rels
