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
"""

from __future__ import annotations

import csv
import re
import sys
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


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[0])
        print("usage: ingest_realdocs.py OUT_DIR SOURCES.tsv [-v]")
        return 2
    for label, (k, n) in score(Path(args[0]), Path(args[1]), verbose).items():
        print(f"{label}: {k}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
