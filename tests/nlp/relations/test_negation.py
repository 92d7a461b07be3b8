"""Negation with syntactic scope (pipeline/nlp/relations/negation.py): the trigger, a verb it is the
complement or conjunct of, a copula whose complement noun it is, an auxiliary's ``neg``, "no" on a
trigger noun; a conjunct after "but" or with its own auxiliary is a clause of its own. Hand-built
parses (CRAFT/ClearNLP labels) of sentences of our own wording."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.nlp.relations.negation import parse_negated


def parse(rows: list[tuple[str, int, str]]) -> Doc:
    """A sentence Doc from (word, head index, dep) rows."""
    words, heads, deps = zip(*rows, strict=True)
    return Doc(spacy.blank("en").vocab, words=list(words), heads=list(heads), deps=list(deps))


NOT_A_BUT_B = [("MSCs", 3, "nsubj"), ("did", 3, "aux"), ("not", 3, "neg"), ("alter", 3, "ROOT"),
               ("macrophages", 3, "dobj"), (",", 3, "punct"), ("but", 3, "cc"), ("induced", 3, "conj"),
               ("polarization", 7, "dobj"), (".", 3, "punct")]
NOT_A_OR_B = [("MSCs", 3, "nsubj"), ("did", 3, "aux"), ("not", 3, "neg"), ("reduce", 3, "ROOT"),
              ("IL-6", 3, "dobj"), ("or", 3, "cc"), ("inhibit", 3, "conj"), ("T-cells", 6, "dobj"),
              (".", 3, "punct")]
NOT_A_TREATMENT = [("MSCs", 1, "nsubj"), ("are", 1, "ROOT"), ("not", 1, "neg"), ("a", 4, "det"),
                   ("treatment", 1, "attr"), ("for", 4, "prep"), ("OA", 5, "pobj"), (".", 1, "punct")]
A_TREATMENT = [("MSCs", 1, "nsubj"), ("are", 1, "ROOT"), ("a", 3, "det"), ("treatment", 1, "attr"),
               ("for", 3, "prep"), ("OA", 4, "pobj"), (".", 1, "punct")]
NO_HOPE = [("MSCs", 1, "nsubj"), ("offer", 1, "ROOT"), ("no", 3, "det"), ("hope", 1, "dobj"),
           ("for", 3, "prep"), ("MS", 4, "pobj"), (".", 1, "punct")]
# "promise" read as the verb, "hold" its auxiliary with the "not"
NOT_HOLD_PROMISE = [("MSCs", 4, "nsubj"), ("do", 3, "aux"), ("not", 3, "neg"), ("hold", 4, "aux"),
                    ("promise", 4, "ROOT"), ("for", 4, "prep"), ("MS", 5, "pobj"), (".", 4, "punct")]

# relprec: a degree adverb that denies the statement ("LPS barely induces IL-6")
BARELY = [("LPS", 2, "nsubj"), ("barely", 2, "advmod"), ("induces", 2, "ROOT"), ("IL-6", 2, "dobj"),
          (".", 2, "punct")]
STRONGLY = [("LPS", 2, "nsubj"), ("strongly", 2, "advmod"), ("induces", 2, "ROOT"), ("IL-6", 2, "dobj"),
            (".", 2, "punct")]


@pytest.mark.parametrize("rows,trigger,expected", [
    (BARELY, 2, True),
    (STRONGLY, 2, False),
    (NOT_A_BUT_B, 3, True),
    # "not A but B": B is stated
    (NOT_A_BUT_B, 7, False),
    # "not A or B": both denied
    (NOT_A_OR_B, 6, True),
    (NOT_A_TREATMENT, 4, True),
    (A_TREATMENT, 3, False),
    (NO_HOPE, 3, True),
    (NOT_HOLD_PROMISE, 4, True),
])
def test_parse_negated(rows: list, trigger: int, expected: bool) -> None:
    assert parse_negated(parse(rows), trigger) is expected
