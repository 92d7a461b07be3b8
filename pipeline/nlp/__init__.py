"""The spaCy pipeline: :func:`make_nlp` builds it from mechmine's components.

Order: mechmine tokenizer (scispaCy rules + splits on '/' and '-') ->
``sentencizer`` -> [an installed NER model's components, with ``--model``] ->
``mechmine_lexicon`` -> scispaCy ``abbreviation_detector`` ->
``mechmine_abbreviations``.
"""

from __future__ import annotations

import scispacy.abbreviation  # noqa: F401
import spacy
from spacy.language import Language

import pipeline.nlp.abbreviations
import pipeline.nlp.extensions
import pipeline.nlp.lexicon_matcher  # noqa: F401  (registers the factories)
from pipeline.nlp.tokenizer import make_tokenizer


def make_nlp(lexicon_dir: str = "", stoplist: str = "") -> Language:
    """The default entity pipeline: no statistical model, lexicon + abbreviations."""
    nlp = spacy.blank("en")
    nlp.tokenizer = make_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("mechmine_lexicon", config={"lexicon_dir": lexicon_dir, "stoplist": stoplist})
    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("mechmine_abbreviations")
    return nlp
