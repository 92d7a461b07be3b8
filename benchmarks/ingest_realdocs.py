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
"""

from __future__ import annotations

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


def glue_score(docs: Path, sources: Path, verbose: bool = False) -> dict[str, tuple[int, int]]:
    """Pages recovered with first and last lines right, per (order, separator)."""
    with sources.open(encoding="utf-8") as fh:
        names = [Path(r["file"]).name for r in csv.DictReader(fh, delimiter="\t")
                 if r["kind"] in PAGE_KINDS]
    raw = {n: (docs / n).read_text(encoding="utf-8").strip("\n") for n in names}
    solo = {}
    for n in names:
        arts = _articles(docs / n)
        solo[n] = (len(arts), _ends(arts))
    out: dict[str, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for order_name, order in glue_orders(names).items():
            for sep_name, sep in SEPARATORS.items():
                path = Path(tmp) / "glued.txt"
                path.write_text("".join(raw[n] + sep for n in order), encoding="utf-8")
                arts = _articles(path)
                found = 0
                for n in order:
                    k, ends = solo[n]
                    hit = any(_ends(arts[i:i + k]) == ends for i in range(len(arts) - k + 1))
                    found += hit
                    if verbose and not hit:
                        print(f"  {order_name}/{sep_name}: missed {n}")
                out[f"{order_name}/{sep_name}"] = (found, len(order))
    return out


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if len(args) == 3 and args[0] == "--glue":
        results = glue_score(Path(args[1]), Path(args[2]), verbose)
        for label, (k, n) in results.items():
            print(f"{label}: {k}/{n}")
        total = sum(k for k, _ in results.values())
        print(f"glued pages recovered: {total}/{sum(n for _, n in results.values())}")
        return 0
    if len(args) != 2:
        print(__doc__.strip().splitlines()[0])
        print("usage: ingest_realdocs.py OUT_DIR SOURCES.tsv [-v]")
        print("       ingest_realdocs.py --glue DOCS_DIR SOURCES.tsv [-v]")
        return 2
    for label, (k, n) in score(Path(args[0]), Path(args[1]), verbose).items():
        print(f"{label}: {k}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
