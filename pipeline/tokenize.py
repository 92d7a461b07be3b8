"""mechmine's tokenizer: scispaCy's ``combined_rule_tokenizer`` plus two infix rules.

The lowest layer of the text side: the lexicon (term keys) and the spaCy
pipeline both tokenize with it, so it imports neither.

scispaCy keeps "CXCL12/CXCR4" and "cocaine-induced" as one token, which hides
the entities inside them. We also split
- "/" between two alphanumeric characters ("CXCL12/CXCR4" -> CXCL12 / CXCR4);
- "-" after a letter or digit (Greek letters too: "TGF-β-induced",
  "LMP1-mediated") when a lower-case word of 3+ letters follows that is not a
  Greek letter name ("cocaine-induced", "MSC-derived"; not "IL-10",
  "TNF-alpha", "TGF-beta"). The lexicon's keys glue across hyphens, so
  "5-fluorouracil" still matches as one name.
And we split a trailing "+" off a marker code whose digits are followed by 1-3
letters ("CD1a+", "CD11b+", "CD45RA+" -> CD1a +): scispaCy splits it only after
a digit ("CD34+"). No lexicon term ends so, and ions ("Na+", "Ca2+") are untouched.
The lexicon's keys are made with this same tokenizer (see
:mod:`pipeline.lexicon.keys`); a change here needs ``mechmine lexicon build``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from pipeline.spec import TOKENIZER_VERSION  # noqa: F401  (defined with the fingerprint, without spaCy)

_GREEK_NAMES = "alpha|beta|gamma|delta|epsilon|kappa|lambda|sigma|omega|theta|zeta"
EXTRA_INFIXES = (
    r"(?<=[A-Za-z0-9])/(?=[A-Za-z0-9])",
    rf"(?<=[^\W_])-(?!(?:{_GREEK_NAMES})(?![a-z]))(?=[a-z]{{3,}})",
)
# "+" (marker positive) after a code's digit and 1-3 letters; fixed-width look-behinds
MARKER_PLUS = r"(?:(?<=\d[A-Za-z])|(?<=\d[A-Za-z]{2})|(?<=\d[A-Za-z]{3}))\+$"


def make_tokenizer(nlp: Language) -> Tokenizer:
    """scispaCy's combined rule tokenizer with mechmine's extra infixes."""
    if getattr(nlp, "_tokenizer", None) is None:  # built from a config: no tokenizer yet
        nlp.tokenizer = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
    with warnings.catch_warnings():  # spaCy's and scispaCy's regexes: "Possible set union" (Python 3.11+)
        warnings.filterwarnings("ignore", message="Possible set union", category=FutureWarning)
        tokenizer = combined_rule_tokenizer(nlp)
        infixes = [*EXTRA_INFIXES, *(p.pattern for p in _infix_patterns(tokenizer))]
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        suffixes = getattr(tokenizer.suffix_search, "__self__", None)
        if suffixes is not None:
            tokenizer.suffix_search = re.compile(f"{MARKER_PLUS}|{suffixes.pattern}").search
    return tokenizer


def _infix_patterns(tokenizer: Tokenizer) -> list:  # type: ignore[type-arg]
    finditer = tokenizer.infix_finditer
    owner = getattr(finditer, "__self__", None)
    return [owner] if owner is not None else []


@spacy.registry.tokenizers("mechmine.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered so a saved pipeline's config can rebuild the tokenizer."""
    return make_tokenizer
