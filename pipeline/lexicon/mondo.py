"""Diseases from MONDO and chemicals from ChEBI (as shipped in cellxgene-ontology-guide).

MeSH and the Disease Ontology leave out disease names papers use ("pulmonary interstitial
fibrosis", an exact synonym of MONDO's pulmonary fibrosis; "inflammatory disease"), and
MeSH lacks many research compounds ChEBI names ("NS-398"). The cellxgene JSON gives
MONDO labels and synonyms and ChEBI labels (no synonyms, no xrefs), so joining is by name,
as for UBERON (:mod:`pipeline.lexicon.anatomy`).

:class:`MondoParser` (class DISEASE):

- concepts: descendants of *disease* (MONDO:0000001), not deprecated, outside the
  *non-human animal disease* branch (MONDO:0005583); grouping classes with at least
  ``MAX_DESCENDANTS`` descendants ("human disease", "hereditary disease") are left out
  unless they join a concept;
- a MONDO term one of whose names (folded, in either number; the label first) is a term of
  a DISEASE concept joins it (xref ``MONDO:...``), so the MeSH ids the gold corpora use stay
  the ids; otherwise it becomes a ``MONDO:`` concept;
- names: qualified or permuted forms (", ", ";", brackets: "lip neoplasm, benign",
  "neurofibroma (WHO grade I)") and abbreviations ("IPF", "ALL", lower-case "clam") are
  dropped, and so are one-word English words (wordfreq Zipf >= ``ONE_WORD_ZIPF``:
  "disease", "sterile", "pig": a one-word MONDO name MeSH, DOID and HPO lack is mostly the
  word, not the disease), and one-word adjectives ("hyperplastic");
- a name that contains a shorter DISEASE or CHEMICAL term ("heparin-induced
  thrombocytopenia", "complete heart block") is dropped unless the term joins a MeSH concept
  ("fulminant hepatic failure"), as for HPO (:mod:`pipeline.lexicon.phenotypes`): the
  disease corpora annotate the inner terms; a name another concept already has, of any
  class, is not added.

:class:`ChebiParser` (class CHEMICAL): labels of *chemical entity* (CHEBI:24431)
descendants outside *group* (CHEBI:24433, substituents) and *nanostructure* (CHEBI:50795,
"nanotube", "nanoparticle": material forms), not deprecated, classes with fewer
than ``CHEBI_MAX_DESCENDANTS`` descendants, that are names rather than systematic
descriptions: at most ``CHEBI_MAX_WORDS`` words and ``CHEBI_MAX_CHARS`` characters, without
brackets, commas or semicolons ("calcium(2+)", "(S)-...-propanol"), not a PubChem
placeholder ("CID 91850818", "compound 1"), not a one-word English word (Zipf >=
``ONE_WORD_ZIPF``) in lower, Title or upper case ("wax", "HOME", "hydrochloride", "methyl"; a
mixed-case symbol stays); salts and complexes keep their names ("iron dextran", "bupropion
hydrochloride": the chemical corpora annotate them whole); a label another
concept already has is not added, one whose other number is a term of a CHEMICAL concept
joins it ("benzodiazepine": MeSH Benzodiazepines, xref ``CHEBI:...``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.lexicon.anatomy import is_abbreviation, term_owners
from pipeline.lexicon.normalize import fold
from pipeline.lexicon.phenotypes import HpoParser
from pipeline.lexicon.sources import Concept, SourceParser

MONDO_ROOT = "MONDO:0000001"  # disease
MONDO_EXCLUDED = ("MONDO:0005583",)  # non-human animal disease
CHEBI_ROOT = "CHEBI:24431"  # chemical entity
CHEBI_EXCLUDED = ("CHEBI:24433", "CHEBI:50795")  # group ("methyl group"), nanostructure ("nanotube")
MAX_DESCENDANTS = 5000
CHEBI_MAX_DESCENDANTS = 1000
COMMON_ZIPF = 3.5
ONE_WORD_ZIPF = 2.5  # one-word names these sources add are English words first ("sterile", "methyl")
MONDO_ACRONYM_LENGTH = 5
CHEBI_MAX_WORDS = 3
CHEBI_MAX_CHARS = 40
_QUALIFIED = re.compile(r", |;|[()\[\]{}]")
_PLACEHOLDER = re.compile(r"^(?:CID|compound) \S+$", re.I)
_ADJECTIVE = re.compile(r"^[a-z]+(?:ic|al|ous|ive|ed|ile)$")  # "hyperplastic", "sterile"

Terms = dict[str, dict[str, object]]
Zipf = Callable[[str], float]


def _key(term: str) -> str:
    return fold(term).lower()


def _names(entry: dict[str, object]) -> list[str]:
    label = str(entry.get("label") or "")
    names = [label, *(s for s in entry.get("synonyms") or [] if isinstance(s, str))]  # type: ignore[union-attr]
    return list(dict.fromkeys(" ".join(n.split()) for n in names if n and n.strip()))


def _descendant_counts(terms: Terms) -> dict[str, int]:
    out: dict[str, int] = {}
    for entry in terms.values():
        for anc in entry.get("ancestors") or {}:  # type: ignore[union-attr]
            out[anc] = out.get(anc, 0) + 1
    return out


def _in_branch(entry: dict[str, object], root: str, excluded: tuple[str, ...] = ()) -> bool:
    ancestors = entry.get("ancestors") or {}
    return root in ancestors and not any(x in ancestors for x in excluded)  # type: ignore[operator]


def common_one_word(name: str, zipf: Zipf | None, threshold: float = COMMON_ZIPF) -> bool:
    """A one-word name that is a common English word (Zipf >= ``threshold``) written as a
    word ("disease", "Wax", "HOME"), not as a mixed-case symbol ("dUMP", "TAMe")."""
    return (zipf is not None and name.isalpha() and (name.islower() or name.istitle() or name.isupper())
            and zipf(name.lower()) >= threshold)


def lowercase_acronym(name: str) -> bool:
    """A short one-word name in lower case: MONDO writes acronyms so ("clam", "sao", "pila")."""
    return name.isalpha() and name.islower() and len(name) <= MONDO_ACRONYM_LENGTH


class _NameJoiner(SourceParser):
    """Shared by the two parsers: who has a name already, and the DISEASE/CHEMICAL concept a
    term's names point to."""

    def _named(self, owner: dict[str, str], zipf: Zipf | None) -> set[str]:
        """Folded terms of DISEASE and CHEMICAL concepts, without one-word English words."""
        return {k for k, kb in owner.items() if self.concepts[kb].classes & {"DISEASE", "CHEMICAL"}
                and not common_one_word(k, zipf)}

    def _joined(self, names: list[str], owner: dict[str, str], cls: str) -> Concept | None:
        """The concept of class ``cls`` one of ``names`` names (the first name that does; a
        MeSH concept before another one for the same name)."""
        for n in names:
            k = _key(n)
            other_number = k[:-1] if k.endswith("s") else k + "s"
            found = [self.concepts[kb] for kb in (owner.get(k), owner.get(other_number))
                     if kb and kb in self.concepts and cls in self.concepts[kb].classes]
            if found:
                return sorted(found, key=lambda c: not c.kb_id.startswith("MESH:"))[0]
        return None

    def _add(self, c: Concept, names: list[str], label: str, owner: dict[str, str], prefix: str) -> int:
        added = 0
        for n in names:
            if _key(n) in owner:
                continue
            c.add(n, f"{prefix}_label" if n == label else f"{prefix}_synonym")
            owner[_key(n)] = c.kb_id
            added += 1
        return added


class MondoParser(_NameJoiner):
    """MONDO diseases (cellxgene-ontology-guide's MONDO JSON); runs after MeSH, DOID and HPO."""

    def parse(self, terms: Terms, zipf: Zipf | None = None) -> None:
        owner = term_owners(self.concepts)
        named = self._named(owner, zipf)
        descendants = _descendant_counts(terms)
        for kb_id, entry in sorted(terms.items()):
            if not kb_id.startswith("MONDO:") or entry.get("deprecated"):
                continue
            if not _in_branch(entry, MONDO_ROOT, MONDO_EXCLUDED):
                continue
            names = _names(entry)
            label = names[0] if names else ""
            joined = self._joined(names, owner, "DISEASE")
            if joined is None and descendants.get(kb_id, 0) >= MAX_DESCENDANTS:
                self.counts["mondo_upper_level"] += 1
                continue
            kept = [n for n in names if self._keep(n, zipf)]
            if joined is None or not joined.kb_id.startswith("MESH:"):
                composed = [n for n in kept if HpoParser._composed(n, named)]
                self.counts["mondo_dropped_composed"] += len(composed)
                kept = [n for n in kept if n not in composed]
            if joined is None and not any(_key(n) not in owner for n in kept):
                continue
            c = joined or self.concept(kb_id, label)
            c.classes.add("DISEASE")
            if joined is not None:
                c.xrefs.add(kb_id)
            added = self._add(c, kept, label, owner, "mondo")
            if joined is not None:
                self.counts["mondo_joined_disease"] += 1
                self.counts["mondo_names_joined"] += added
            else:
                self.counts["mondo_diseases"] += 1

    def _keep(self, name: str, zipf: Zipf | None) -> bool:
        if _QUALIFIED.search(name):
            self.counts["mondo_dropped_qualified"] += 1
            return False
        if is_abbreviation(name):
            self.counts["mondo_dropped_abbreviation"] += 1
            return False
        if common_one_word(name, zipf, ONE_WORD_ZIPF) or lowercase_acronym(name) or \
                _ADJECTIVE.match(name):
            self.counts["mondo_dropped_common_word"] += 1
            return False
        return True


class ChebiParser(_NameJoiner):
    """ChEBI chemical entities (cellxgene-ontology-guide's ChEBI JSON: labels only)."""

    def parse(self, terms: Terms, zipf: Zipf | None = None) -> None:
        owner = term_owners(self.concepts)
        descendants = _descendant_counts(terms)
        for kb_id, entry in sorted(terms.items()):
            if not kb_id.startswith("CHEBI:") or entry.get("deprecated"):
                continue
            if not _in_branch(entry, CHEBI_ROOT, CHEBI_EXCLUDED):
                continue
            label = " ".join(str(entry.get("label") or "").split())
            if not label or _key(label) in owner:
                continue
            if descendants.get(kb_id, 0) >= CHEBI_MAX_DESCENDANTS:
                self.counts["chebi_upper_level"] += 1
                continue
            if not self._keep(label, zipf):
                continue
            joined = self._joined([label], owner, "CHEMICAL")  # the other number: "Benzodiazepines"
            if joined is not None:
                joined.xrefs.add(kb_id)
                self._add(joined, [label], label, owner, "chebi")
                self.counts["chebi_joined_chemical"] += 1
                continue
            c = self.concept(kb_id, label)
            c.classes.add("CHEMICAL")
            self._add(c, [label], label, owner, "chebi")
            self.counts["chebi_chemicals"] += 1

    def _keep(self, name: str, zipf: Zipf | None) -> bool:
        if (_QUALIFIED.search(name) or "," in name or len(name) > CHEBI_MAX_CHARS
                or len(name.split()) > CHEBI_MAX_WORDS or _PLACEHOLDER.match(name)):
            self.counts["chebi_dropped_systematic"] += 1
            return False
        if common_one_word(name, zipf, ONE_WORD_ZIPF):
            self.counts["chebi_dropped_common_word"] += 1
            return False
        return True
