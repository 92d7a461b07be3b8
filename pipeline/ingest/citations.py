"""Parse a printed reference into authors, title, journal, year, DOI, PMID and PMCID.

Two styles are understood:
- NLM/Vancouver, as PubMed prints it ("Unnisa A, Dua K, Kamal MA. Title.
  Curr Neuropharmacol. 2023;21(4):988-1000. doi: 10.2174/... PMID: 35339180;
  PMCID: PMC10227913.");
- APA-like ("Smith J, Doe A (2020). Title. Journal, 12(3), 45-67.").
Identifiers (DOI, PMID, PMCID) are found wherever they stand. Fields that
cannot be read are left empty rather than guessed.
"""

from __future__ import annotations

import re

from pipeline.ingest.model import Citation

_LABEL = re.compile(
    r"^\W*(?:source|sources|reference|references|citation|cited (?:study|article|paper)|"
    r"original (?:study|article|paper)|adapted from|based on|read the (?:full )?(?:study|article|paper))"
    r"\s*[:.–—-]\s*",
    re.IGNORECASE,
)
_DOI = re.compile(r"\b(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)", re.IGNORECASE)
_PMID = re.compile(r"\bPMID:?\s*(\d{1,9})\b", re.IGNORECASE)
_PMCID = re.compile(r"\b(PMC\d{3,9})\b", re.IGNORECASE)
_IDS_START = re.compile(r"\s*\b(?:doi:?\s*10\.|https?://(?:dx\.)?doi\.org|PMID|PMCID|PMC\d)", re.I)
_NLM_DATE = re.compile(
    r"(?:^|(?<=[.?!]))\s*(?P<journal>[^.?!]+?)\.\s*(?P<year>(?:19|20)\d{2})"
    r"(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*(?:[;:.]|$)"
)
_APA = re.compile(
    r"^(?P<authors>.+?)\s*\((?P<year>(?:19|20)\d{2})[a-z]?\)\.?\s*(?P<title>.+?[.?!])\s+"
    r"(?P<journal>[^,.]+?)(?:,|\.)"
)
_AUTHOR = re.compile(r"^[\w'’\-]+(?:\s[\w'’\-]+)*\s[A-Z]{1,4}$|^et al$", re.UNICODE)


def _strip_doi(doi: str) -> str:
    return doi.rstrip(".;,)")


def _split_authors(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r",\s*|;\s*|\s+and\s+|\s*&\s*", text) if p.strip()]
    return [p.rstrip(".") for p in parts]


def _looks_like_authors(parts: list[str]) -> bool:
    return bool(parts) and all(_AUTHOR.match(p) for p in parts)


def parse_citation(text: str) -> Citation | None:
    """Parse one reference; None when it carries neither an identifier nor a year."""
    body = _LABEL.sub("", " ".join(text.split()))
    cit = Citation()
    if m := _DOI.search(body):
        cit.doi = _strip_doi(m.group(1))
    if m := _PMID.search(body):
        cit.pmid = m.group(1)
    if m := _PMCID.search(body):
        cit.pmcid = m.group(1).upper()
    ids = _IDS_START.search(body)
    head = body[: ids.start()].strip() if ids else body
    if apa := _APA.match(head):
        cit.authors = _split_authors(apa.group("authors"))
        cit.year = int(apa.group("year"))
        cit.title = apa.group("title").rstrip(".").strip()
        cit.journal = apa.group("journal").strip()
    else:
        _parse_nlm(head, cit)
    if not (cit.doi or cit.pmid or cit.pmcid or cit.year):
        return None
    return cit


def _parse_nlm(head: str, cit: Citation) -> None:
    date = None
    for m in _NLM_DATE.finditer(head):
        date = m
    if date is None:
        return
    cit.year = int(date.group("year"))
    cit.journal = date.group("journal").strip()
    before = head[: date.start("journal")].strip()
    first_stop = re.search(r"\.\s+", before)
    if first_stop:
        authors = _split_authors(before[: first_stop.start()])
        if _looks_like_authors(authors):
            cit.authors = authors
            before = before[first_stop.end():]
    cit.title = before.strip().rstrip(".").strip()
