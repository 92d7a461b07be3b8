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

# No ``from __future__ import annotations``: spaCy validates ``initialize`` settings against
# its annotations, which must be real types.

from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from spacy.attrs import TAG
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.lexicon import Lexicon, cached_lexicon, load_reference, save_reference
from pipeline.lexicon.tokens import DocKeys
from pipeline.nlp.lexicon_matcher import longest_first
from pipeline.ruledata import resource_path

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
    """The component: writes :func:`lexicon_tags` into ``token.tag_`` (one array write).

    The lexicon is loaded by :meth:`initialize` (packaged unless ``lexicon_dir`` is given; the
    ``initialize`` of ``spacy train``) or :meth:`from_disk`, which reads the reference
    ``to_disk`` wrote (a saved pipeline without one, as the shipped NER models, uses the
    packaged lexicon). Training configs freeze it, and spaCy initializes no frozen
    component: called uninitialized, it loads the packaged lexicon itself.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.keys = DocKeys()
        self.lexicon: Lexicon | None = None
        self.lexicon_dir = resource_path("lexicon")
        self.skip: frozenset[int] = frozenset()

    def initialize(self, get_examples: Callable[[], Iterable[object]] | None = None, *,
                   nlp: Language | None = None, lexicon_dir: Path | None = None) -> None:
        self._load(Path(lexicon_dir) if lexicon_dir else resource_path("lexicon"))

    def _load(self, lexicon_dir: Path) -> None:
        self.lexicon = cached_lexicon(lexicon_dir)
        self.lexicon_dir = lexicon_dir
        self.skip = self.lexicon.corpus_candidates()

    def to_disk(self, path: Path | str, *, exclude: Iterable[str] = ()) -> None:
        save_reference(self.lexicon_dir, Path(path))

    def from_disk(self, path: Path | str, *, exclude: Iterable[str] = ()) -> "LexiconTagger":
        self._load(load_reference(Path(path)))
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:  # frozen in the training config: spaCy does not initialize it
            self.initialize()
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
