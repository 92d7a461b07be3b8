"""``mechmine_lexicon_tags``: the vocabulary match as an input feature for a trained NER model.

Sets ``token.tag_`` to the BIO tag of the longest lexicon match the token is
in, by the concept's primary class ("B-DISEASE", "I-CHEMICAL", "O"), so that
a statistical model can embed it next to NORM/PREFIX/SUFFIX/SHAPE (a
dictionary feature, as in Lample et al. 2016 / the "gazetteer feature" of
classic biomedical NER taggers). The lexicon is the vocabularies alone (no
terms learned from training corpora, no stoplist), so training texts get no
feature a test text could not get. Runs before the model's ``tok2vec``;
during training it is an annotating, frozen component.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import TAG
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.lexicon import Lexicon, packaged_lexicon
from pipeline.lexicon.tokens import DocKeys
from pipeline.nlp.lexicon_matcher import longest_first

OUTSIDE = "O"


def lexicon_tags(doc: Doc, lexicon: Lexicon, keys: DocKeys, skip: frozenset[int] = frozenset()) -> list[str]:
    """Per token: B-/I-<class> of the longest match covering it, else O (candidates in ``skip``
    are passed over, see :meth:`pipeline.lexicon.Lexicon.corpus_candidates`)."""
    tags = [OUTSIDE] * len(doc)
    found = {(m.start, m.end): m for m in lexicon.scan(keys(doc), skip) if not m.stopped}
    for start, end in longest_first(found):
        label = found[(start, end)].concept.label
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


class LexiconTagger:
    """The component: writes :func:`lexicon_tags` into ``token.tag_`` (one array write)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon = packaged_lexicon()
        self.skip = self.lexicon.corpus_candidates()
        self.keys = DocKeys()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        values = np.asarray([strings.add(t) for t in lexicon_tags(doc, self.lexicon, self.keys, self.skip)],
                            dtype=np.uint64).reshape(-1, 1)
        doc.from_array([TAG], values)
        return doc


@Language.factory("mechmine_lexicon_tags", assigns=["token.tag"])
def make_lexicon_tagger(nlp: Language, name: str) -> LexiconTagger:
    """Lexicon BIO tags in ``token.tag_`` (a feature for trained NER models)."""
    return LexiconTagger(nlp, name)
