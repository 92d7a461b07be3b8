"""Normalised forms of terms and tokens, shared by the lexicon builder and the matcher.

``token_norm`` is what the phrase matcher compares: lower-cased, Greek
letters spelled out in Latin (α -> alpha, β -> beta), hyphens inside a token
dropped, a possessive 's dropped ("Parkinson's disease" = "Parkinson disease"),
curly quotes straightened, and British/American spellings (tumour, haem-,
-aemia, oedema) folded. So "TNF-α",
"TNFα" and "TNF-alpha" all read "tnfalpha", and "IL-10" reads like the HGNC
symbol "IL10". ``case_key`` keeps the case (for short symbols that must match
exactly).
"""

from __future__ import annotations

import re
import unicodedata

GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu",
    "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "φ": "phi", "χ": "chi",
    "ψ": "psi", "ω": "omega", "Α": "alpha", "Β": "beta", "Γ": "gamma", "Δ": "delta",
    "Κ": "kappa", "Λ": "lambda", "Ω": "omega", "µ": "mu",
}
_GREEK_RE = re.compile("|".join(map(re.escape, GREEK)))
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = re.compile(r"[\u2018\u2019\u02bc\u2032]")
_POSSESSIVE = re.compile(r"'s$")
# a hyphen, or the tilde that joins the members of a microRNA cluster ("miR-17~92" = "miR-17-92"),
# inside a token
_INNER_HYPHEN = re.compile(r"(?<=\w)[-~](?=\w)")
_SPELLING = ((re.compile(r"tumour"), "tumor"), (re.compile(r"haem"), "hem"),
             (re.compile(r"aemia"), "emia"), (re.compile(r"oedema"), "edema"),
             (re.compile(r"oes(?=ophag)"), "es"))


def fold(text: str) -> str:
    """NFKC, Unicode dashes to '-', Greek letters to Latin names (case kept)."""
    text = _QUOTES.sub("'", _DASHES.sub("-", unicodedata.normalize("NFKC", text)))
    return _GREEK_RE.sub(lambda m: GREEK[m.group()], text)


def case_key(token_text: str) -> str:
    """Case-preserving key of one token (Greek folded, inner hyphens and tildes dropped)."""
    return _INNER_HYPHEN.sub("", fold(token_text))


_HYPHEN_ONLY = re.compile(r"^[-‐-―−]+$")


HYPHEN = "-"
GREEK_NAMES = frozenset(GREEK.values())


def token_norm(token_text: str) -> str:
    """The matcher's key of one token: '-' for a hyphen token, '' for a lone possessive."""
    if _HYPHEN_ONLY.match(token_text):
        return HYPHEN
    return us_spelling(_POSSESSIVE.sub("", case_key(token_text).lower()))


def us_spelling(text: str) -> str:
    """British spellings folded to American in lower-cased text (tumour, haem-, -aemia, oedema)."""
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return text


def is_case_sensitive(term: str) -> bool:
    """Short all-letter terms (<= 4 letters: CAT, MAX, PD) must match with exact case."""
    letters = fold(term).replace("-", "")
    return letters.isalpha() and len(letters) <= 4


def soft_boundary(prev: str, cur: str) -> bool:
    """Two words written apart that a name may also write joined: a letter then a
    number ("IL 10", "factor 1") or a Greek letter name ("TNF alpha", "kappa B")."""
    return (prev[-1].isalpha() and cur[0].isdigit()) or cur in GREEK_NAMES or prev in GREEK_NAMES


def join_norms(norms: list[str], glued: list[int] | None = None) -> tuple[str, list[int], list[int]]:
    """The key of a token sequence, with each token's start and end in it (-1 if absent).

    ``glued``, when given, collects the key positions of tokens joined to the
    previous one without a space (where a match may also begin: "L-dopa",
    "alpha methyldopa").

    Hyphen tokens glue their neighbours ("IL-10" = "IL10"), soft boundaries
    (see :func:`soft_boundary`) are dropped, other word boundaries are a space
    ("them is" stays apart from "THEMIS"); empty norms (a lone possessive) are
    skipped.
    """
    out: list[str] = []
    starts = [-1] * len(norms)
    ends = [-1] * len(norms)
    pos = 0
    prev = ""
    glue = False
    for i, norm in enumerate(norms):
        if not norm:
            continue
        if norm == HYPHEN:
            glue = True
            continue
        if prev and not (glue or soft_boundary(prev, norm)):
            out.append(" ")
            pos += 1
        elif prev and glued is not None:
            glued.append(pos)
        starts[i] = pos
        out.append(norm)
        pos += len(norm)
        ends[i] = pos
        prev, glue = norm, False
    return "".join(out), starts, ends
