"""Group concepts: vocabulary entries that name a class of things, not one thing.

Papers name such classes as entities ("MSCs secrete cytokines and growth factors",
"recruitment of immune cells"); some corpora's guidelines do not annotate them (BC2GM,
BioNLP13CG: "cytokines" is annotated 2 times in 37 matches), which is why ``mechmine
lexicon adapt`` put them on the stoplist. The rule (see ``resources/README.md``): a
stoplisted match of a **group concept** written as a **lower-case plural** ("cytokines",
"cell adhesion molecules"; not "Cytokine", not a symbol) is an entity of mechmine's
output, and is also listed in ``doc.spans["mechmine_group"]``; a label map whose corpus
does not annotate group nouns (``group_nouns: drop``) leaves those entities out of its
scores. Other stoplisted matches stay what they were (generic spans, no entity).

A concept is a group when its vocabulary says it has members:
- a MeSH descriptor whose tree number has narrower descriptors under it (Cytokines
  D12.644.276.374 has Chemokines, Interleukins, ...), filed at tree depth ``MIN_DEPTH`` or deeper
  somewhere (not "Proteins", "Enzymes", "Cells");
- a FamPlex family (the target of an ``isa`` relation; complexes, ``partof``, are not).
:func:`group_ids` derives them from the same source files the lexicon is built from;
``resources/lexicon/groups.tsv`` (kb_id, evidence) is written with the lexicon.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field, ValidationInfo, field_validator
from spacy.tokens import Doc

from pipeline.errors import ResourceError
from pipeline.lexicon.tokentext import TokenText
from pipeline.ruledata import Meta, Strict, load_yaml, resource_path

if TYPE_CHECKING:
    from pipeline.lexicon import Match

GROUPS_FILE = "groups.tsv"
MODIFIERS_FILE = "group_modifiers.yaml"
GROUP_SPANS = "mechmine_group"  # doc.spans key of the class-noun entities
COLUMNS = ["kb_id", "evidence"]
# MeSH's first three tree levels are categories of substances and things ("Proteins" D12.776,
# "Enzymes" D08.811, "Hydrolases" D08.811.277, "Cells" A11, "Infections" C01), too general to
# be the class a text names; named classes start at depth 4 ("Cytokines" D12.644.276.374,
# "Cell Adhesion Molecules" D12.776.395.550.200)
MIN_DEPTH = 4


def mesh_groups(desc_text: str) -> dict[str, str]:
    """MeSH descriptor id -> evidence, for descriptors with narrower descriptors."""
    trees: dict[str, list[str]] = {}
    for row in csv.reader(io.StringIO(desc_text), delimiter="\t", quoting=csv.QUOTE_NONE):
        if len(row) >= 4 and row[3]:
            trees[row[0]] = row[3].split("|")
    all_trees = sorted(t for ts in trees.values() for t in ts)
    narrower: dict[str, int] = defaultdict(int)
    by_tree = {t: d for d, ts in trees.items() for t in ts}
    for t in all_trees:
        parent = t.rsplit(".", 1)[0] if "." in t else None
        if parent and parent in by_tree:
            narrower[by_tree[parent]] += 1
    depth = {d: max(t.count(".") + 1 for t in ts) for d, ts in trees.items()}
    return {f"MESH:{d}": f"MeSH: tree depth {depth[d]}, {n} narrower descriptors"
            for d, n in narrower.items() if depth[d] >= MIN_DEPTH}


def famplex_groups(relations_text: str) -> dict[str, str]:
    """FamPlex family id -> evidence (families with ``isa`` members)."""
    members: dict[str, int] = defaultdict(int)
    for row in csv.reader(io.StringIO(relations_text)):
        if len(row) >= 5 and row[2] == "isa" and row[3] == "FPLX":
            members[row[4]] += 1
    return {f"FPLX:{f}": f"FamPlex family: {n} isa members" for f, n in members.items()}


def write_groups(groups: dict[str, str], concept_ids: Iterable[str], out_dir: Path) -> int:
    """Write ``groups.tsv`` for the group ids that are concepts of the lexicon; return the count."""
    keep = sorted(set(groups) & set(concept_ids))
    with (out_dir / GROUPS_FILE).open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Group concepts (a class of things): MeSH descriptors with narrower descriptors,\n"
                     "# FamPlex families. Written by `mechmine lexicon build`"
                     " (pipeline/lexicon/groups.py).\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([k, groups[k]] for k in keep)
    return len(keep)


def read_groups(path: Path) -> frozenset[str]:
    """The kb_ids of ``groups.tsv`` (an absent file: none)."""
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((ln for ln in handle if not ln.startswith("#")), delimiter="\t")
        if next(rows, None) != COLUMNS:
            raise ResourceError(f"{path}: expected the header {' '.join(COLUMNS)}")
        return frozenset(r[0] for r in rows if r)


def is_group_noun(words: list[str]) -> bool:
    """A lower-case plural noun phrase ("cytokines", "cell adhesion molecules"; not "hepatitis")."""
    if not words:
        return False
    last = words[-1]
    return all(w.islower() or not any(c.isalpha() for c in w) for w in words) and (
        len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "is", "us")))


class GroupModifiersFile(Strict):
    meta: Meta
    modifiers: list[str]
    cell_modifiers: list[str] = Field(default_factory=list)
    lineage_modifiers: list[str] = Field(default_factory=list)

    @field_validator("modifiers", "cell_modifiers", "lineage_modifiers")
    @classmethod
    def _one_lower_word(cls, words: list[str], info: ValidationInfo) -> list[str]:
        if not words and info.field_name == "modifiers":
            raise ValueError("the list is empty")
        for w in words:
            if not w or w != w.lower() or not w.replace("-", "").isalpha() or w.startswith("-") \
                    or w.endswith("-"):
                raise ValueError(f"{w!r}: a modifier is one lower-case word (letters, inner hyphens)")
        if len(set(words)) != len(words):
            raise ValueError("a modifier is listed twice")
        return words


def load_group_modifiers(path: Path | None = None) -> frozenset[str]:
    """The modifiers of ``resources/group_modifiers.yaml`` (or ``path``), validated."""
    return frozenset(load_yaml(path or resource_path(MODIFIERS_FILE), GroupModifiersFile).modifiers)


def load_cell_modifiers(path: Path | None = None) -> frozenset[str]:
    """The ``cell_modifiers`` and ``lineage_modifiers`` of ``resources/group_modifiers.yaml`` (or
    ``path``): words that a CELL_TYPE match directly after them is extended over ("human
    mesenchymal stem cells", "mesenchymal stromal cells")."""
    spec = load_yaml(path or resource_path(MODIFIERS_FILE), GroupModifiersFile)
    return frozenset(spec.cell_modifiers) | frozenset(spec.lineage_modifiers)


def load_lineage_modifiers(path: Path | None = None) -> frozenset[str]:
    """The ``lineage_modifiers`` of ``resources/group_modifiers.yaml`` (or ``path``): a CELL_TYPE
    match extended over one of them names a narrower cell type than its concept."""
    return frozenset(load_yaml(path or resource_path(MODIFIERS_FILE), GroupModifiersFile).lineage_modifiers)


MODIFIER_TOKENS = 3  # "anti-inflammatory" may be three tokens: "anti", "-", "inflammatory"
_JOINERS = frozenset("-\u2010\u2011\u2012\u2013/")


def modifier_start(doc: Doc, start: int, floor: int, modifiers: frozenset[str],
                   words: TokenText | None = None) -> int:
    """Where the group noun starting at token ``start`` begins with the modifier that directly
    precedes it ("pro-inflammatory cytokines"): a whole word of ``modifiers`` separated from the
    noun by a space, starting at or after ``floor`` (the end of the previous entity); else
    ``start``. "non-inflammatory" is no modifier "inflammatory" (a joiner comes before it); a
    line break before the modifier (a whitespace token) is a boundary like a space. ``words``:
    the doc's :class:`~pipeline.lexicon.tokentext.TokenText` when the caller has it (the candidate
    texts are read from it, as ``doc[s:start].text`` spells them, without making Spans)."""
    if words is None:
        words = TokenText(doc)
    if start == 0 or not words.spaced(start - 1):
        return start
    text, spaced = words.text, words.spaced
    for s in range(max(floor, start - MODIFIER_TOKENS), start):  # widest first
        phrase = "".join([*(text(k) + " " if spaced(k) else text(k) for k in range(s, start - 1)),
                          text(start - 1)])
        if phrase.lower() not in modifiers:
            continue
        before = doc[s - 1] if s > 0 else None
        if before is None or before.whitespace_ or before.is_space or (
                before.is_punct and before.text not in _JOINERS):
            return s
    return start


GROUP_SOURCE_SUFFIX = "+group"  # the source suffix of a class-noun match (lexicon_matcher.GROUP_SUFFIX)
CELL_TYPE = "CELL_TYPE"  # the class that cell modifiers extend


def extend_over_modifiers(doc: Doc, chosen: list[tuple[int, int, Match]], modifiers: frozenset[str],
                          cell_modifiers: frozenset[str], lineage: frozenset[str] = frozenset(),
                          words: TokenText | None = None) -> list[tuple[int, int, Match]]:
    """``chosen`` (token start, end, match; in text order) with each class-noun match started at a
    word of ``modifiers`` and each CELL_TYPE match at a word of ``cell_modifiers`` that directly
    precedes it (:func:`modifier_start`; not inside the previous match). A cell match extended
    over a word of ``lineage`` ("mesenchymal stromal cells" from "stromal cells") names a narrower
    cell type than its concept, which the vocabularies would have matched whole had they named
    it: the mention keeps the class and has no id. ``words``: as for :func:`modifier_start`."""
    from pipeline.lexicon import Concept
    from pipeline.lexicon import Match as Found

    if not chosen:
        return chosen
    words = TokenText(doc) if words is None else words

    out = []
    floor = 0
    for s, e, m in chosen:
        if modifiers and m.source.endswith(GROUP_SOURCE_SUFFIX):
            s = modifier_start(doc, s, floor, modifiers, words)
        elif cell_modifiers and m.concept.label == CELL_TYPE:
            start = modifier_start(doc, s, floor, cell_modifiers, words)
            if start < s and lineage and doc[start].lower_ in lineage:
                text = doc[start:e].text
                m = Found(start, e, Concept("", text, CELL_TYPE, (CELL_TYPE,), ()), "lineage")
            s = start
        out.append((s, e, m))
        floor = e
    return out
