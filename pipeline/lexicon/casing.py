"""Case by evidence: which short capitalised vocabulary terms may also match in lower case.

The builder keeps exact case for short all-letter terms (<= 4 letters), so that symbols
("CAT", "MAX") do not match English words. MeSH writes its anatomy labels in Title case,
though, and "Lung", "Skin", "Neck" are common nouns that texts write in lower case. The
evidence that such a term is a common noun and not a symbol is twofold: the vocabulary types
it as ANATOMY (MeSH A tree), and its lower-case form is an English word (wordfreq Zipf
frequency within ``ZIPF_RANGE``: frequent enough to be a word, not so frequent that it is
mostly something else, "back", "head", "face", "hand"). Words whose English use is mostly a
verb or another sense are listed in ``HOMOGRAPHS``.

:func:`lowercase_rows` derives the table ``resources/lexicon/lowercase_terms.tsv`` once
(``python -m pipeline.lexicon.casing``, needs the optional ``wordfreq``); at load time
:func:`relax_case` adds the lower-case and Title-case spellings to those terms' case forms,
so no rebuild of the lexicon tables is needed and ``wordfreq`` is not a run-time dependency.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from pipeline.errors import ResourceError

LOWERCASE_FILE = "lowercase_terms.tsv"
COLUMNS = ["key", "kb_id", "term", "zipf"]
ZIPF_RANGE = (3.0, 5.0)
LABELS = ("ANATOMY",)
HOMOGRAPHS = frozenset({"back", "head", "face", "hand", "tear", "iris", "gum", "gums", "wool", "whey",
                        "scar", "nail", "lip", "lips", "chin"})


def lowercase_rows(terms: pd.DataFrame, concepts: pd.DataFrame, zipf: Callable[[str], float],
                   ) -> list[list[str]]:
    """(key, kb_id, term, zipf) of Title-case one-word terms of ``LABELS`` concepts that keep an
    exact case form and whose lower case is a common word (see the module doc)."""
    label = dict(zip(concepts["kb_id"], concepts["label"], strict=True))
    out = []
    for key, case_form, term, kb_id in zip(terms["key"], terms["case_form"], terms["term"], terms["kb_id"],
                                           strict=True):
        if not case_form or label.get(kb_id) not in LABELS:
            continue
        if not (term.isalpha() and term[:1].isupper() and term[1:].islower()):
            continue
        word = term.lower()
        z = zipf(word)
        if word in HOMOGRAPHS or not ZIPF_RANGE[0] <= z <= ZIPF_RANGE[1]:
            continue
        out.append([key, kb_id, term, f"{z:.2f}"])
    return sorted(out)


def read_lowercase(path: Path) -> set[tuple[str, str]]:
    """(key, kb_id) pairs of ``lowercase_terms.tsv`` (an absent file: none)."""
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((ln for ln in handle if not ln.startswith("#")), delimiter="\t")
        if next(rows, None) != COLUMNS:
            raise ResourceError(f"{path}: expected the header {' '.join(COLUMNS)}")
        return {(r[0], r[1]) for r in rows if len(r) >= 2}


def relax_case(terms: pd.DataFrame, pairs: set[tuple[str, str]]) -> pd.DataFrame:
    """``terms`` with the lower-case and Title-case spellings added to the case form of each
    (key, kb_id) in ``pairs``."""
    if not pairs or terms.empty:
        return terms
    hit = [(k, i) in pairs for k, i in zip(terms["key"], terms["kb_id"], strict=True)]
    if not any(hit):
        return terms
    out = terms.copy()
    forms = out["case_form"].tolist()
    for n, (flag, form) in enumerate(zip(hit, forms, strict=True)):
        if flag and form:
            own = form.split("|")
            extra = [v for f in own for v in (f.lower(), f.capitalize())]
            forms[n] = "|".join(dict.fromkeys([*own, *extra]))
    out["case_form"] = forms
    return out


HEADER = """# Short MeSH anatomy terms that also match in lower case ("lung", "skin", "neck"):
# Title-case one-word terms of ANATOMY concepts whose lower case is an English word with a
# wordfreq Zipf frequency in {lo}..{hi}, homographs excluded (see pipeline/lexicon/casing.py).
# Written by `python -m pipeline.lexicon.casing` from the packaged terms.tsv.gz with
# wordfreq {version} (Apache-2.0; data CC BY-SA 4.0). MeSH: public domain (NLM).
"""


def main(folder: Path) -> int:  # pragma: no cover - a one-off writer; needs wordfreq
    import wordfreq

    from pipeline.lexicon import CONCEPT_COLUMNS, TERM_COLUMNS, _read

    terms = _read(folder / "terms.tsv.gz", TERM_COLUMNS)
    concepts = _read(folder / "concepts.tsv.gz", CONCEPT_COLUMNS)
    rows = lowercase_rows(terms, concepts, lambda w: wordfreq.zipf_frequency(w, "en"))
    with (folder / LOWERCASE_FILE).open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER.format(lo=ZIPF_RANGE[0], hi=ZIPF_RANGE[1],
                                   version=getattr(wordfreq, "__version__", "3")))
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    print(f"{folder / LOWERCASE_FILE}: {len(rows)} terms")
    return 0


if __name__ == "__main__":  # pragma: no cover
    from pipeline.ruledata import resource_path

    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else resource_path("lexicon")))
