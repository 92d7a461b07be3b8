"""Build sample_relations.tsv from the rel_*.txt drafts; check every sentence is verbatim."""
import csv
import re
import sys
from collections import Counter
from pathlib import Path

from sentences import CORPUS, article_of, sentences

HERE = Path(__file__).parent
PREDICATES = {"SECRETES", "INCREASES", "DECREASES", "ACTIVATES", "INHIBITS", "PROTECTS",
              "DIFFERENTIATES_INTO", "MIGRATES_TO", "TRANSFERS", "POLARIZES", "TREATS",
              "DRIVES", "ASSOCIATED_WITH"}
ATTRS = {"negated", "hedged", "implicit_subject", "indirect", "regulates"}
FILE = "../../corpus/stemedix_msc_articles.txt"  # relative to benchmarks/keys/


def main() -> None:
    sents = sentences()
    text = CORPUS.read_text(encoding="utf-8")
    rows, errors = [], []
    seen = set()
    for part in ["rel_pd.txt", "rel_ipf.txt", "rel_sci.txt", "rel_back.txt", "rel_tbi.txt"]:
        path = HERE / part
        if not path.exists():
            continue
        cur = None
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@ "):
                key = line[2:].strip()
                hits = [(ln, s) for ln, s in sents if key in s]
                if len(hits) != 1:
                    errors.append(f"{part}:{n}: key {key!r} matches {len(hits)} sentences")
                    cur = None
                else:
                    cur = hits[0]
                continue
            f = [x.strip() for x in re.split(r"\s*;\s*", line)]
            f += [""] * (5 - len(f))
            subj, pred, obj, attr, also = f[:5]
            if cur is None:
                errors.append(f"{part}:{n}: row without sentence")
                continue
            if pred not in PREDICATES:
                errors.append(f"{part}:{n}: bad predicate {pred}")
            for a in filter(None, attr.split("|")):
                if a not in ATTRS:
                    errors.append(f"{part}:{n}: bad attribute {a}")
            for a in filter(None, also.split("|")):
                if a not in PREDICATES or a == pred:
                    errors.append(f"{part}:{n}: bad also_acceptable {a}")
            if not subj or not obj:
                errors.append(f"{part}:{n}: empty argument")
            k = (subj, pred, obj, cur[1])
            if k in seen:
                errors.append(f"{part}:{n}: duplicate row")
            seen.add(k)
            ln, sent = cur
            assert sent in text
            rows.append((article_of(ln), [FILE, subj, pred, obj, sent, attr, also]))
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    out = HERE.parent / "sample_relations.tsv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                       escapechar="\\")
        w.writerow(["file", "subject", "predicate", "object", "sentence", "attribute",
                    "also_acceptable"])
        for _, r in rows:
            assert not any(ch in c for c in r for ch in "\t\n\"\\")
            w.writerow(r)
    # verbatim check, re-reading the written file
    with out.open(encoding="utf-8") as fh:
        back = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    bad = [r for r in back if r["sentence"] not in text]
    assert not bad, bad[:3]
    print(f"{len(rows)} rows, all sentences verbatim, "
          f"{len({r[1][4] for r in rows})} distinct sentences")
    print("per article:", dict(Counter(a for a, _ in rows)))
    print("per predicate:", dict(Counter(r[2] for _, r in rows).most_common()))
    attrs = Counter(a for _, r in rows for a in r[5].split("|") if a)
    print("attributes:", dict(attrs.most_common()))
    per = Counter((a, r[2]) for a, r in rows)
    for art in ["PD", "IPF", "SCI", "BACK", "TBI"]:
        print(art, {p: c for (a, p), c in sorted(per.items()) if a == art})


if __name__ == "__main__":
    main()
