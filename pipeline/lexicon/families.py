"""Gene families and cytokine classes: FamPlex families and complexes, and hucira's human
cytokine dictionary. Both run after HGNC (see :mod:`pipeline.lexicon.sources`, whose
:class:`~pipeline.lexicon.sources.SourceParser` they are): hucira gives HGNC genes their
cytokine / growth factor classes, and FamPlex families inherit those from their members."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from pipeline.lexicon.sources import SourceParser


class FamplexParser(SourceParser):
    """FamPlex families and complexes (``grounding_map.csv``, ``relations.csv``)."""

    def parse(self, grounding_text: str, relations_text: str) -> dict[str, set[str]]:
        """Families and their grounding texts; returns family -> members, for :meth:`inherit`."""
        members: dict[str, set[str]] = defaultdict(set)
        for row in csv.reader(io.StringIO(relations_text)):
            if len(row) >= 5 and row[2] in {"isa", "partof"} and row[3] == "FPLX":
                members[row[4]].add(f"{row[0]}:{row[1]}")
        for row in csv.reader(io.StringIO(grounding_text)):
            if len(row) < 3 or row[1] != "FPLX" or not row[2]:
                continue
            text, fam = row[0], row[2]
            c = self.concept(f"FPLX:{fam}", fam)
            c.classes.add("GENE_OR_PROTEIN")
            c.add(text, "famplex")
        self.counts["famplex_families"] = sum(1 for k in self.concepts if k.startswith("FPLX:"))
        return members

    def inherit(self, members: dict[str, set[str]], hgnc_by_symbol: dict[str, str]) -> None:
        """Run after hucira: families inherit cytokine / growth factor classes from their members,
        through subfamilies too (Chemokine -> CCL, CXCL -> CCL2 ...): repeated until nothing changes."""
        changed = True
        while changed:
            changed = False
            for fam, mem in members.items():
                family = self.concepts.get(f"FPLX:{fam}")
                if family is None:
                    continue
                for m in mem:
                    ns, ident = m.split(":", 1)
                    hgnc = hgnc_by_symbol.get(ident) if ns == "HGNC" else None
                    target = self.concepts.get(hgnc or f"FPLX:{ident}")
                    gained = (target.classes & {"CYTOKINE", "GROWTH_FACTOR"}) - family.classes \
                        if target else set()
                    if gained:
                        family.classes |= gained
                        changed = True


class HuciraParser(SourceParser):
    """hucira's human cytokine dictionary (``all_cytokines`` sheet rows)."""

    def parse(self, rows: list[dict[str, object]], hgnc_by_symbol: dict[str, str]) -> None:
        for row in rows:
            genes = [g.strip() for g in str(row.get("gene") or "").split(",") if g.strip()]
            family = str(row.get("family_level_1") or "")
            cls = {"CYTOKINE"} | ({"GROWTH_FACTOR"} if family == "growth factor" else set())
            names = [str(row.get(k) or "") for k in ("name", "used cytokines")]
            names += [a.strip() for a in str(row.get("alternative names") or "").split(",")]
            ids = [hgnc_by_symbol[g] for g in genes if g in hgnc_by_symbol]
            for kb_id in ids:
                self.concepts[kb_id].classes |= cls
            if len(ids) == 1:
                for n in names:
                    if n and n != "nan":
                        self.concepts[ids[0]].add(n, "hucira")
            self.counts["hucira_cytokines"] += 1
