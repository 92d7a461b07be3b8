"""Generic product objects ("release anti-inflammatory mediators", "secrete reparative factors").

A secretion's object is often named only by its kind: a generic noun (``factors`` of
``dependency_patterns.yaml``) with a qualifying modifier. Such a head, outside every entity
mention, is an argument of class :data:`FACTOR` when it names no members ("regulatory factors
like NO and IDO": the members are the objects) and has an adjective modifier on its left that is
not a quantifier (``factor_quantifiers``: "other molecules" names no kind). Only rules
whose object classes name FACTOR take it (secretion, transfer), as only homing takes a SITE.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.relations.members import EXAMPLE_WORDS, example_members
from pipeline.nlp.relations.patterns import Patterns

FACTOR = "FACTOR"  # class of a qualified generic product object without an entity mention

# an adjective says what the product does ("anti-inflammatory", "soluble", "reparative"); a
# compound noun names a kind the vocabularies know ("growth factors", "adhesion molecules"),
# left to the lexicon
QUALIFIERS = ("amod",)


def qualified_factor(head: Token, patterns: Patterns) -> bool:
    """``head`` is a generic product noun with a qualifying left modifier and no members."""
    if head.lower_ not in patterns.factors:
        return False
    after = head.doc[head.i + 1].lower_ if head.i + 1 < len(head.doc) else ""
    if example_members(head, EXAMPLE_WORDS) or after in EXAMPLE_WORDS or after == "such":
        return False  # the members are named, wherever the parse hangs them
    return any(c.dep_ in QUALIFIERS and c.i < head.i and c.lower_ not in patterns.factor_quantifiers
               and c.pos_ not in ("DET", "NUM", "PRON") for c in head.children)
