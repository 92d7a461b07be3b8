"""Shared fixtures: the sample corpus, its article line ranges, and variants of it."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "stemedix_msc_articles.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# 1-based inclusive line ranges of the five articles, read off the sample by hand.
ARTICLES = {
    "parkinson": (1, 29),
    "ipf": (30, 50),
    "sci": (51, 116),
    "back": (117, 152),
    "tbi": (153, 177),
}
BOILERPLATE = (178, 219)


def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines()


def article_lines(name: str) -> list[str]:
    lo, hi = ARTICLES[name]
    return sample_lines()[lo - 1:hi]


def boilerplate_lines() -> list[str]:
    lo, hi = BOILERPLATE
    return sample_lines()[lo - 1:hi]


def variant_text(order: list[str], newline: str = "\n") -> str:
    """The sample with its articles in ``order``, boilerplate last."""
    lines = [ln for name in order for ln in article_lines(name)] + boilerplate_lines()
    return newline.join(lines) + newline


def variant_html(order: list[str], markup: bool = True) -> str:
    """The sample as an HTML page; with ``markup`` headings are <h2> and the site text a <footer>."""
    from pipeline.ingest.blocks import is_heading_like

    parts = ["<!DOCTYPE html><html><head><title>Stemedix</title>",
             "<style>p{margin:0}</style><script>var x = 1;</script></head><body>"]
    for name in order:
        for ln in article_lines(name):
            tag = "h2" if markup and is_heading_like(ln) else "p"
            parts.append(f"<{tag}>{html.escape(ln, quote=False)}</{tag}>")
    parts.append("<footer>" if markup else "<div>")
    parts.extend(f"<p>{html.escape(ln, quote=False)}</p>" for ln in boilerplate_lines())
    parts.append("</footer>" if markup else "</div>")
    parts.append("</body></html>")
    return "\n".join(parts)


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


# ---- a tiny lexicon (the packaged one has ~231k concepts) ----
from pipeline.lexicon.keys import TermKeys  # noqa: E402

KEYS = TermKeys(is_common=lambda w: w in {"was", "cat", "set"})


def write_lexicon(folder: Path, entries: list[tuple[str, str, str, str]],
                  extra: list[tuple[str, str]] | None = None) -> Path:
    """Write a lexicon with (term, kb_id, label, classes) entries, keys made like the builder's."""
    import csv
    import gzip

    folder.mkdir(parents=True, exist_ok=True)
    concepts = {}
    rows = []
    for term, kb_id, label, classes in entries:
        concepts.setdefault(kb_id, [kb_id, term, label, classes, ""])
        key, case_form = KEYS(term)
        rows.append([key, case_form, term, kb_id, "test"])
    rows.sort()
    with gzip.open(folder / "concepts.tsv.gz", "wt", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["kb_id", "canonical_name", "label", "classes", "xrefs"])
        w.writerows(sorted(concepts.values()))
    with gzip.open(folder / "terms.tsv.gz", "wt", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["key", "case_form", "term", "kb_id", "source"])
        w.writerows(rows)
    if extra:
        with gzip.open(folder / "corpus_terms.tsv.gz", "wt", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            w.writerow(["key", "case_form", "term", "kb_id", "source"])
            w.writerows([[*KEYS(t), t, k, "corpus"] for t, k in extra])
    (folder / "meta.yaml").write_text("name: test lexicon\n")
    return folder


TINY = [
    ("BDNF", "HGNC:1033", "GROWTH_FACTOR", "GROWTH_FACTOR|GENE_OR_PROTEIN"),
    ("brain-derived neurotrophic factor", "HGNC:1033", "GROWTH_FACTOR", "GROWTH_FACTOR|GENE_OR_PROTEIN"),
    ("TNF-alpha", "HGNC:11892", "CYTOKINE", "CYTOKINE|GENE_OR_PROTEIN"),
    ("CAT", "HGNC:1516", "GENE_OR_PROTEIN", "GENE_OR_PROTEIN"),
    ("Parkinson disease", "MESH:D010300", "DISEASE", "DISEASE"),
    ("disease", "MESH:D004194", "DISEASE", "DISEASE"),
]



MINI_RECORDS = [
    {"id": "mini-1", "pmid": "00123", "title": "Stromal cells and lung repair",
     "text": "Stromal cells and lung repair\nMesenchymal stem cells secrete IL-10, which inhibits TNF-α "
             "in the injured lung. MSCs did not increase IL-6 in mice. Exosomes may reduce fibrosis."},
    {"id": "mini-2", "pmid": "0456", "title": "Trophic factors",
     "text": "MSCs secrete BDNF, which protects neurons after stroke. VEGF promotes angiogenesis."},
]


@pytest.fixture(scope="session")
def mini_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A `mechmine run` folder (tables and report) of two tiny hand-written records, shared by tests."""
    import json

    from typer.testing import CliRunner

    from pipeline.cli import app

    folder = tmp_path_factory.mktemp("mini")
    src = folder / "records.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in MINI_RECORDS), encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(src), "--out", str(folder / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    return folder / "out"
