"""Build sample_entities.tsv from entities.txt; check every mention occurs (word-bounded, case-sensitive)."""
import csv
import re
import sys
from collections import Counter
from pathlib import Path

from sentences import CORPUS, article_of

HERE = Path(__file__).parent
CLASSES = {"CYTOKINE", "GROWTH_FACTOR", "GENE_OR_PROTEIN", "CELL_TYPE", "DISEASE", "CHEMICAL",
           "ANATOMY", "PROCESS"}
FILE = "../../corpus/stemedix_msc_articles.txt"  # relative to benchmarks/keys/


def occurrences(mention, lines):
    pat = re.compile(r"(?<![\w-])" + re.escape(mention) + r"(?![\w])")
    return [i for i, line in enumerate(lines, 1) for _ in pat.finditer(line)]


def main():
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    rows, errs, seen = [], [], set()
    for n, raw in enumerate((HERE / "entities.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        f = [x.strip() for x in re.split(r"\s;\s?|\s?;\s", raw)] + ["", "", ""]
        mention, cls, also, note = f[:4]
        if cls not in CLASSES or any(a not in CLASSES for a in filter(None, also.split("|"))):
            errs.append(f"{n}: bad class {cls}/{also}")
        if (mention, cls) in seen:
            errs.append(f"{n}: duplicate {mention}")
        seen.add((mention, cls))
        occ = occurrences(mention, lines)
        if not occ:
            errs.append(f"{n}: {mention!r} not in corpus")
            continue
        arts = sorted({article_of(i) for i in occ})
        rows.append((arts, len(occ), [FILE, mention, cls, also, note]))
    if errs:
        print("\n".join(errs))
        sys.exit(1)
    out = HERE.parent / "sample_entities.tsv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["file", "mention", "class", "also_acceptable", "note"])
        for _, _, r in rows:
            assert not any(ch in c for c in r for ch in '\t\n"\\'), r
            w.writerow(r)
    print(len(rows), "entity rows;", sum(c for _, c, _ in rows), "word-bounded occurrences")
    print("per class:", dict(Counter(r[2] for _, _, r in rows).most_common()))
    print("rows whose mention occurs in article:",
          dict(Counter(a for arts, _, _ in rows for a in arts)))
    if "-v" in sys.argv:
        for arts, c, r in rows:
            print(r[1], r[2], c, arts)


if __name__ == "__main__":
    main()
