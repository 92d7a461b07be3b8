"""Score ``mechmine ingest`` output on the shared real documents: titles, kinds, boilerplate kept.

Usage (from the project root)::

    mechmine ingest ../shared/realdocs/docs --out /tmp/realdocs -q
    python benchmarks/ingest_realdocs.py /tmp/realdocs ../shared/realdocs/SOURCES.tsv

Per document listed in SOURCES.tsv:
- kind right: its first article's kind is the listed kind (``off_topic`` pages
  count as right when ``news``, ``web_page`` or ``document``);
- title acceptable: the first article's title is not a section label,
  boilerplate, markup, front matter or a metadata line (patterns below,
  written independently of ``blocks.yaml``);
- boilerplate kept: some kept line of any of its articles looks like site
  chrome (patterns below).
``-v`` prints each document's row (its titles come from the documents: do
not paste them into the project).

Glued multi-page files (``--glue DOCS_DIR``): the web pages of SOURCES.tsv
(kinds ``web_page`` and ``off_topic``) are concatenated into one file, in
several orders (listed, reversed and seeded shuffles) and with each of the
separators below (none: files run together on one line; a trailing newline;
a blank line; two blank lines). Each page is first ingested alone; a page is
recovered in a glued file when one of its articles (or the same number of
consecutive articles) starts with the page's first line and ends with its last
line. Prints pages recovered per order and separator, then the total::

    python benchmarks/ingest_realdocs.py --glue ../shared/realdocs/docs ../shared/realdocs/SOURCES.tsv

A page counts as recovered only as ONE article (before pages.yaml 1.5: as many consecutive
articles as it made alone, which let a page that fitted weights split even alone count).

Fitting the weights (``--fit DOCS_DIR SOURCES.tsv SAMPLE``, settings: ``fit`` in pages.yaml):
fit on all pages (the weights of pages.yaml), then leave one page out at a time: fit on the
others (glued without it, every other text alone, the sample), count the left-out page's
recoveries in the glued files of all pages. The features of each candidate are those the
one-pass splitter scores when the previous page start is the true one (``redefinition``,
``echo``, ``layout_change`` count since it). ``--old-protocol`` gives the protocol of
pages.yaml 1.4 (features since the segment start, a page recovered as several articles)::

    python benchmarks/ingest_realdocs.py --fit ../shared/realdocs/docs \\
        ../shared/realdocs/SOURCES.tsv corpus/stemedix_msc_articles.txt
"""

from __future__ import annotations

import contextlib
import csv
import random
import re
import sys
import tempfile
from pathlib import Path

import pandas as pd

OFF_TOPIC_OK = {"news", "web_page", "document"}
BAD_TITLE = re.compile(
    r"^\W*$|^(abstract|background|summary|introduction|methods?|results|conclusions?|review|"
    r"advertisement|skip to (main )?content|log ?in|menu|home|search|expression of concern)\W*$|"
    r"\b(css|logo|image|jpg|png|svg)\b|[<>{}=\"]|^---|^\w+:\s|\bkey: |https?://|\bthis article\b|"
    r"\bsubscribers\b",
    re.IGNORECASE,
)
CHROME = re.compile(
    r"^\W*(advertisement|skip to (main )?content|log ?in|sign ?in|translate\W*|recommended videos|"
    r"global css|read more|share|loading\W*)\W*$|\bcookies?\b.*\b(consent|website|browser)\b|"
    r"\bnewsletter\b|\bsubscribe\b|\blorem ipsum\b|<\?|\{\{|^---\s*$|\blogo\b|©|all rights reserved|"
    r"\bbuy (article|this)\b|\binstant access\b|\bsubscription\b|\bprice\b.*\b(vat|tax)\b",
    re.IGNORECASE,
)


def score(out_dir: Path, sources: Path, verbose: bool = False) -> dict[str, tuple[int, int]]:
    arts = pd.read_csv(out_dir / "articles.csv", keep_default_na=False)
    arts["file"] = arts["source_path"].map(lambda p: Path(p).name)
    with sources.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    kinds_ok = titles_ok = chrome_kept = 0
    for row in rows:
        name = Path(row["file"]).name
        mine = arts[arts["file"] == name]
        if mine.empty:
            if verbose:
                print(f"{name}\t(no article)")
            continue
        first = mine.iloc[0]
        want = row["kind"]
        kind_ok = first["kind"] in OFF_TOPIC_OK if want == "off_topic" else first["kind"] == want
        title_ok = not BAD_TITLE.search(str(first["title"]).strip())
        kept = [ln for text in mine["text"] for ln in str(text).splitlines() if CHROME.search(ln)]
        kinds_ok += kind_ok
        titles_ok += title_ok
        chrome_kept += bool(kept)
        if verbose:
            print(f"{name}\t{len(mine)} art\t{first['kind']}/{want}\t{'ok' if title_ok else 'BAD'} "
                  f"{str(first['title'])[:70]!r}\tchrome: {[k.strip()[:40] for k in kept[:3]]}")
    n = len(rows)
    return {"kind right": (kinds_ok, n), "title acceptable": (titles_ok, n),
            "boilerplate kept": (chrome_kept, n)}


# a page is recovered as ONE article (False: as many consecutive articles as it makes alone,
# which let a page that the fitted weights split even alone count as recovered)
WHOLE = True
SEPARATORS = {"raw": "", "newline": "\n", "blank": "\n\n", "2blank": "\n\n\n"}
PAGE_KINDS = {"web_page", "off_topic"}


def _ends(texts: list[str]) -> tuple[str, str]:
    """First and last non-empty line (whitespace folded) of consecutive article texts."""
    lines = [" ".join(ln.split()) for t in texts for ln in t.splitlines() if ln.strip()]
    return (lines[0], lines[-1]) if lines else ("", "")


def _articles(path: Path) -> list[str]:
    from pipeline.ingest import ingest  # the benchmark's scoring part needs no pipeline
    return [a.text for a in ingest([str(path)]).articles]


def glue_orders(names: list[str], n_shuffles: int = 3) -> dict[str, list[str]]:
    orders = {"listed": list(names), "reversed": list(reversed(names))}
    for seed in range(1, n_shuffles + 1):
        shuffled = list(names)
        random.Random(seed).shuffle(shuffled)
        orders[f"shuffle{seed}"] = shuffled
    return orders


def glue_hits(docs: Path, names: list[str]) -> list[tuple[str, str, bool]]:
    """(order/separator, page, recovered with first and last lines right) for each glued page."""
    raw = {n: (docs / n).read_text(encoding="utf-8").strip("\n") for n in names}
    solo = {}
    for n in names:
        arts = _articles(docs / n)
        solo[n] = (len(arts), _ends(arts))
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for order_name, order in glue_orders(names).items():
            for sep_name, sep in SEPARATORS.items():
                path = Path(tmp) / "glued.txt"
                path.write_text("".join(raw[n] + sep for n in order), encoding="utf-8")
                arts = _articles(path)
                for n in order:
                    k, ends = solo[n]
                    k = 1 if WHOLE else k
                    hit = any(_ends(arts[i:i + k]) == ends for i in range(len(arts) - k + 1))
                    out.append((f"{order_name}/{sep_name}", n, hit))
    return out


def page_names(sources: Path) -> list[str]:
    with sources.open(encoding="utf-8") as fh:
        return [Path(r["file"]).name for r in csv.DictReader(fh, delimiter="\t")
                if r["kind"] in PAGE_KINDS]


def glue_score(docs: Path, sources: Path, verbose: bool = False) -> dict[str, tuple[int, int]]:
    """Pages recovered with first and last lines right, per (order, separator)."""
    out: dict[str, tuple[int, int]] = {}
    for label, n, hit in glue_hits(docs, page_names(sources)):
        k, total = out.get(label, (0, 0))
        out[label] = (k + hit, total + 1)
        if verbose and not hit:
            print(f"  {label}: missed {n}")
    return out


# -- fitting the page-boundary weights (``--fit``) ------------------------------------------
# Candidates are the kept blocks (after the first) of each evidence segment; a candidate is a
# page start when a glued page begins between the block before and it. Positives come from the
# glued files above; negatives from them, from every realdocs text alone and from the sample.


FORCED = True  # --fit features since the true last page start (False: since the segment start)


def _candidates(text: str, starts: list[int]) -> list[tuple[dict[str, float], bool, bool]]:
    """(features, a page starts here, both sides long enough to be articles) per candidate."""
    from pipeline.ingest import _mark_front_matter
    from pipeline.ingest.blocks import text_blocks
    from pipeline.ingest.classify import classify_blocks
    from pipeline.ingest.frontmatter import front_matter
    from pipeline.ingest.pages import features_since, page_features, unglue
    from pipeline.ingest.split import SplitSettings, evidence_segments, n_words

    blocks = text_blocks(text)
    fm = front_matter(text)
    if fm is not None:
        _mark_front_matter(blocks, fm.end)
    classify_blocks(blocks)
    tails = unglue(blocks)
    out = []
    for seg in evidence_segments(blocks):
        feats = page_features(seg, blocks, tails) if len(seg) > 1 else []
        sizes = [n_words(b.text) for b in seg]
        least = SplitSettings().min_article_words
        last = 0  # the true last page start: features as the one pass sees them (teacher forcing)
        for i in range(1, len(feats)):
            label = any(seg[i - 1].end <= p <= seg[i].start for p in starts)
            cuttable = sum(sizes[:i]) >= least and sum(sizes[i:]) >= least
            out.append((features_since(feats[i], seg, blocks, i, last) if FORCED else feats[i],
                        label, cuttable))
            last = i if label else last
    return out


def _glued(raw: dict[str, str], names: list[str]) -> list[tuple[str, list[int]]]:
    out = []
    for order in glue_orders(names).values():
        for sep in SEPARATORS.values():
            text, starts = "", []
            for n in order:
                starts.append(len(text))
                text += raw[n] + sep
            out.append((text, starts[1:]))
    return out


def _matrix(rows: list, names: list[str]):
    import numpy as np
    x = np.array([[f.get(k, 0.0) for k in names] for f, *_ in rows])
    y = np.array([float(r[1]) for r in rows])
    w = np.array([r[2] for r in rows])
    return x, y, w


def fit_logistic(x, y, sample_weight, l2: float = 1.0, iters: int = 100, shared=None):
    """L2-penalised logistic regression by Newton's method (IRLS); returns (coef, bias).

    ``shared`` (a boolean per column) marks the weights shrunk towards their common mean
    (the penalty ``l2 * sum (w_k - mean)^2``, plus ``0.01 * l2 * n * mean^2``) instead of
    towards zero."""
    import numpy as np
    xb = np.hstack([x, np.ones((len(x), 1))])
    n = xb.shape[1]
    penalty = np.diag([l2] * (n - 1) + [0.0])  # the bias is not penalised
    idx = np.flatnonzero(shared) if shared is not None else np.array([], dtype=int)
    if len(idx):  # and the mean itself weakly towards zero (separable data stay finite)
        penalty[np.ix_(idx, idx)] -= 0.99 * l2 / len(idx)
    beta = np.zeros(n)
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-xb @ beta))
        grad = xb.T @ (sample_weight * (p - y)) + penalty @ beta
        hess = (xb * (sample_weight * p * (1 - p))[:, None]).T @ xb + penalty + 1e-9 * np.eye(n)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    return beta[:-1], beta[-1]


def _texts(docs: Path, sources: Path) -> dict[str, str]:
    with sources.open(encoding="utf-8") as fh:
        files = [Path(r["file"]).name for r in csv.DictReader(fh, delimiter="\t")]
    return {n: (docs / n).read_text(encoding="utf-8").strip("\n") for n in files
            if n.endswith((".txt", ".md"))}


def fit_rows(docs: Path, sources: Path, sample: Path, pages: list[str], pos_weight: float = 10.0):
    """Candidate rows (features, is page start, weight, from a single document): ``pages`` glued
    (page starts weighted ``pos_weight``: they are rare), each of them and every other realdocs
    text alone (a left-out page is in none of them), and the sample."""
    raw = {n: t for n, t in _texts(docs, sources).items()
           if n in pages or Path(n).name[0] not in "wo"}
    rows = []
    for text, starts in _glued(raw, pages):
        rows.extend((f, lab, pos_weight if lab else 1.0, False)
                    for f, lab, _ in _candidates(text, starts))
    for text in [*raw.values(), sample.read_text(encoding="utf-8")]:
        rows.extend((f, False, 1.0, cuttable) for f, _, cuttable in _candidates(text, []))
    return rows


def fitted_rules(rows, fit=None, threshold: float = 2.0):
    """Page rules with weights fitted on ``rows`` (settings ``fit``: the ``fit`` section of
    pages.yaml by default), scaled so that a page starts at ``threshold``."""
    import dataclasses

    import numpy as np

    from pipeline.ingest.pages import PageWeightsSpec, default_page_rules

    base = default_page_rules()
    fit = fit or base.fit
    names = list(PageWeightsSpec.model_fields)
    x, y, w = _matrix(rows, names)
    shared = np.array([k in fit.shared_prior for k in names])
    coef, bias = fit_logistic(x, y, w, l2=fit.l2, shared=shared)
    # the cut-off: the fitted one, raised above every candidate of a single document (the
    # sample and each realdocs text alone must stay whole) with a margin
    single = np.array([r[3] for r in rows])
    raw = x @ coef
    cut = max(-bias, float(raw[single].max()) + fit.margin * float(np.abs(coef).sum()))
    scale = threshold / cut
    weights = PageWeightsSpec(**{k: round(float(v * scale), 3) for k, v in zip(names, coef, strict=True)})
    return dataclasses.replace(base, weights=weights, threshold=threshold)


@contextlib.contextmanager
def using_rules(rules):
    """Ingest with ``rules`` in place of the packaged ``pages.yaml``."""
    from pipeline.ingest import pages

    saved = pages.default_page_rules
    pages.default_page_rules = lambda: rules
    try:
        yield
    finally:
        pages.default_page_rules = saved


def solo_counts(docs: Path, sources: Path, sample: Path) -> dict[str, int]:
    """Articles of each realdocs document alone and of the sample."""
    with sources.open(encoding="utf-8") as fh:
        files = [Path(r["file"]).name for r in csv.DictReader(fh, delimiter="\t")]
    counts = {n: len(_articles(docs / n)) for n in files}
    counts[sample.name] = len(_articles(sample))
    return counts


def fit_report(docs: Path, sources: Path, sample: Path, fit=None) -> int:
    """Fit on all pages (weights to paste into pages.yaml), then leave-one-page-out."""
    from pipeline.ingest.pages import default_page_rules

    fit = fit or default_page_rules().fit
    pages = page_names(sources)
    rules = fitted_rules(fit_rows(docs, sources, sample, pages, fit.pos_weight), fit)
    print("fitted weights (threshold 2.0):")
    for k, v in rules.weights.model_dump().items():
        print(f"  {k}: {v}")
    with using_rules(rules):
        hits = glue_hits(docs, pages)
        print(f"glued pages recovered (fitted on all): {sum(h for *_, h in hits)}/{len(hits)}")
        print("articles alone:", solo_counts(docs, sources, sample))
    held = 0
    for left in pages:
        rest = [p for p in pages if p != left]
        rules = fitted_rules(fit_rows(docs, sources, sample, rest, fit.pos_weight), fit)
        with using_rules(rules):
            mine = [h for _, n, h in glue_hits(docs, pages) if n == left]
            alone = len(_articles(docs / left))
        held += sum(mine)
        print(f"  left out {left}: {sum(mine)}/{len(mine)} recovered, {alone} article(s) alone")
    print(f"leave-one-page-out: {held}/{len(hits)}")
    return 0


def main(argv: list[str]) -> int:
    global FORCED, WHOLE
    verbose = "-v" in argv
    if "--old-protocol" in argv:
        FORCED = WHOLE = False
    args = [a for a in argv if a not in ("-v", "--old-protocol")]
    if len(args) == 3 and args[0] == "--glue":
        results = glue_score(Path(args[1]), Path(args[2]), verbose)
        for label, (k, n) in results.items():
            print(f"{label}: {k}/{n}")
        total = sum(k for k, _ in results.values())
        print(f"glued pages recovered: {total}/{sum(n for _, n in results.values())}")
        return 0
    if len(args) == 4 and args[0] == "--fit":
        return fit_report(Path(args[1]), Path(args[2]), Path(args[3]))
    if len(args) != 2:
        print(__doc__.strip().splitlines()[0])
        print("usage: ingest_realdocs.py OUT_DIR SOURCES.tsv [-v]")
        print("       ingest_realdocs.py --glue DOCS_DIR SOURCES.tsv [-v]")
        print("       ingest_realdocs.py --fit DOCS_DIR SOURCES.tsv SAMPLE [--old-protocol]")
        return 2
    for label, (k, n) in score(Path(args[0]), Path(args[1]), verbose).items():
        print(f"{label}: {k}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
