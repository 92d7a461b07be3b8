"""``mechmine evaluate parser``: a dependency parser scored on a CoNLL-U treebank.

Two readings of the same gold file, one sentence at a time (the way the
relation extractor parses candidate sentences):

- **gold tokens**: the parser's pipeline runs on a ``Doc`` built from the
  treebank's own words and spaces, so every score is over the same tokens
  (the figure parsers report);
- **mechmine tokens**: the sentence text goes through mechmine's tokenizer and
  spaCy's ``Example`` aligns the predicted tokens to the gold ones; a gold
  token the tokenizer splits or merges counts as wrong, so this is what the
  relation extractor sees on new text.

Scores are spaCy's own (``Scorer``: ``dep_uas``, ``dep_las`` without
punctuation, ``pos_acc`` for UD POS, ``tag_acc`` for Penn tags,
``lemma_acc``). The treebank is read with spaCy's CoNLL-U converter.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example
from spacy.training.converters import conllu_to_docs

METRICS = ("dep_uas", "dep_las", "pos_acc", "tag_acc", "lemma_acc")


@dataclass(frozen=True)
class ParserScores:
    """Accuracy of one reading (``tokens``: "gold" or "mechmine") over ``n_sentences``."""

    tokens: str
    n_sentences: int
    n_tokens: int
    scores: dict[str, float]

    def row(self) -> dict[str, object]:
        """One printable/JSON row."""
        return {"tokens": self.tokens, "sentences": self.n_sentences, "gold_tokens": self.n_tokens,
                **{k: round(v, 4) for k, v in self.scores.items()}}


def read_conllu(path: Path) -> str:
    """The text of a CoNLL-U file (``.gz`` read compressed)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return handle.read()


def gold_sentences(path: Path, limit: int = 0) -> Iterator[Doc]:
    """One gold ``Doc`` per treebank sentence (words, spaces, heads, deps, POS, tags, lemmas)."""
    docs = conllu_to_docs(read_conllu(path), n_sents=1, merge_subtokens=False, no_print=True)
    for k, doc in enumerate(docs):
        if limit and k >= limit:
            return
        yield doc


def _examples(nlp: Language, golds: list[Doc], tokens: str) -> list[Example]:
    if tokens == "gold":
        predicted = [Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
                     for g in golds]
    else:
        predicted = [nlp.make_doc(g.text) for g in golds]
    names = [name for name, _ in nlp.pipeline]
    parsed = list(nlp.pipe(predicted, disable=[n for n in nlp.pipe_names if n not in names]))
    return [Example(p, g) for p, g in zip(parsed, golds, strict=True)]


def score_parser(nlp: Language, gold: Path, limit: int = 0) -> list[ParserScores]:
    """Scores of ``nlp`` on the sentences of ``gold`` with gold tokens and with mechmine's tokens."""
    golds = list(gold_sentences(gold, limit))
    n_tokens = sum(len(g) for g in golds)
    out = []
    for tokens in ("gold", "mechmine"):
        examples = _examples(nlp, golds, tokens)
        scorer = Scorer(nlp)
        raw = scorer.score(examples)
        out.append(ParserScores(tokens, len(golds), n_tokens,
                                {k: float(raw.get(k) or 0.0) for k in METRICS}))
    return out
