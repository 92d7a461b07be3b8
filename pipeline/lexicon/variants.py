"""Spelling variants of vocabulary terms that the matcher keys cannot see, derived when loading.

**A one-letter first word written with a hyphen.** Names that begin with a
single capital letter ("T cell activation", "B cell receptor", "G protein-coupled
receptor", "S phase") are written as often with a hyphen after it ("T-cell
activation", "G-protein-coupled receptor"). The matcher key glues across a
hyphen ("T-cell" -> ``tcell``, as "IL-10" -> ``il10``) and keeps a space
elsewhere, so the spaced term key ``t cell activation`` never meets the text
key ``tcell activation``. For every vocabulary term that is so written (a
capital letter, a space, a lower-case word of 3+ letters that is not a
conjunction) and matches in any case, the glued key is added as another key of
the same candidate, unless some term already has that key (the vocabulary's own
hyphenated entries, e.g. MeSH "T-Cell", are kept as they are). The glued key
must be written with the capital letter ("T-cell", "T-Cell", "T-CELL"; case
form: the term's words glued in lower, Title or upper case), so that a glued
key that is also a word ("S cone" -> "scone") does not match the word.
"""

from __future__ import annotations

import re

import pandas as pd

from pipeline.lexicon.normalize import case_key

SOURCE_SUFFIX = "+hyphen"
_SPACED_LETTER = re.compile(r"^[A-Z] [a-z]{3,}")
_KEY_LETTER = re.compile(r"^([a-z]) (?!(?:and|nor|or)(?: |$))(?=[a-z]{3,})")


def one_letter_hyphen_variants(terms: pd.DataFrame, term_text: pd.Series) -> pd.DataFrame:
    """Rows (the columns of ``terms``) for the glued keys of ``terms`` whose text
    (``term_text``, aligned with ``terms``) begins with a spaced one-letter word; source
    ``<source>+hyphen``; sorted by key, none with a key ``terms`` has."""
    chosen = (terms["case_form"].eq("") & term_text.str.match(_SPACED_LETTER)
              & terms["key"].str.match(_KEY_LETTER)).to_numpy()
    out = terms[chosen].copy()
    if out.empty:
        return out
    out["key"] = out["key"].str.replace(_KEY_LETTER, r"\1", regex=True)
    out["case_form"] = [_case_forms(t) for t in term_text[chosen]]
    out = out[~out["key"].isin(set(terms["key"]))]
    out["source"] = out["source"] + SOURCE_SUFFIX
    return out.drop_duplicates(["key", "kb_id"]).sort_values("key", kind="stable")


def _case_forms(term: str) -> str:
    """Spellings of a glued one-letter term, as the matcher joins token case keys: the letter in
    capitals, the rest in lower, Title or upper case ('|'-separated)."""
    letter, rest = term[0], [case_key(w) for w in re.split(r"[\s-]+", term[1:]) if w]
    forms = (letter + "".join(rest).lower(), letter + "".join(w[:1].upper() + w[1:] for w in rest),
             (letter + "".join(rest)).upper())
    return "|".join(dict.fromkeys(forms))
