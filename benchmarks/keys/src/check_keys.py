"""Tiny independent check: every key sentence occurs verbatim in the corpus; every mention occurs."""
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3] / "corpus" / "stemedix_msc_articles.txt"
corpus = CORPUS.read_text(encoding="utf-8")
bad = 0
rel = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
assert rel[0].split("\t") == ["file", "subject", "predicate", "object", "sentence", "attribute",
                              "also_acceptable"]
for n, line in enumerate(rel[1:], 2):
    f = line.split("\t")
    assert len(f) == 7, n
    if f[4] not in corpus:
        bad += 1
        print("sentence not verbatim, line", n)
ent = Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()
assert ent[0].split("\t") == ["file", "mention", "class", "also_acceptable", "note"]
for n, line in enumerate(ent[1:], 2):
    f = line.split("\t")
    assert len(f) == 5, n
    if not re.search(r"(?<!\w)" + re.escape(f[1]) + r"(?!\w)", corpus):
        bad += 1
        print("mention not found, line", n)
print(f"{len(rel) - 1} relation rows, {len(ent) - 1} entity rows, {bad} problems")
sys.exit(1 if bad else 0)
