"""Trigger words the tokenizer split at a hyphen: "down-regulates" is read as "downregulates".

mechmine's tokenizer splits "-" before a lower-case word ("LMP1-mediated" -> LMP1 - mediated,
:mod:`pipeline.tokenize`), so "up-regulated" and "down-regulation" reach the relation rules as
"up", "-", "regulated": the last word alone would be the undirected "regulate". The rules see
the word joined to its direction prefix instead (``increase`` / ``decrease`` /
``inhibition_nominal`` / ``activation_nominal`` name both spellings); the tokens, the parse and
the mentions are unchanged (gerec, issue 12).

A word only nominal rules read ("activation", "inhibition") states a relation only with a phrase
of its own ("activation of STAT4 by IL-12", "DC generation from monocytes"); right before a
comma or a coordinator it is a list item ("the proliferation, activation, and effector function
of T cells"), no trigger: :func:`bare_nominal`.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.nlp.relations.rules import Rule

# a direction prefix and the word stems it is joined to
PREFIXES = frozenset({"up", "down"})
STEMS = ("regulat",)


def joined_words(words: Sequence[str]) -> list[str]:
    """``words`` (lower-cased tokens) with each stem word after "up -" / "down -" joined to its
    prefix: ["il-10", "down", "-", "regulates", "tnf"] -> [..., "downregulates", "tnf"]."""
    out = list(words)
    for i in range(2, len(out)):
        if words[i - 1] == "-" and words[i - 2] in PREFIXES and words[i].startswith(STEMS):
            out[i] = words[i - 2] + words[i]
    return out


# what ends a list item: a nominalisation right before one has no phrase of its own
ITEM_ENDS = frozenset({",", ";", ".", ")", "and", "or", ""})


def bare_nominal(rules: Sequence[Rule], next_word: str) -> bool:
    """``rules`` (those a word triggers) read it only as a nominalisation, and it ends a list
    item (``next_word`` a comma, coordinator, closing bracket or the end): "glial activation
    and X"; not "activation of X", "DC generation from monocytes" (nor "a reduction LH", whose
    change word turns its cause: changed_predicate)."""
    return bool(rules) and next_word in ITEM_ENDS and all(set(r.forms) <= {"nominal"} for r in rules)
