"""relprec (issue 12): what a list states of its first item it states of every item.

"Inhibition of caspases, RIP1, or RIP3 blocks cell death": the inhibition is RIP1's and RIP3's
too (the subject state ``loss`` of each); "impairment of learning and memory": the memory is
impaired too (a deficit object). The parse names the list: a mention's head token that is a
``conj`` of a noun, up the chain to the list's first item.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.nlp.relations.syntax import mention_at, subject_head
from pipeline.nlp.relations.types import Mention

NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "X"})


def first_conjunct(parse: Doc | None, off: int, m: Mention, ms: Sequence[Mention]) -> Mention | None:
    """The first item of the noun list ``m`` is a later item of (the mention covering it, else
    its head token as a one-token mention), or None: ``m`` heads no list, a verb or clause joins
    it, or no parse of its sentence (``parse``, starting at doc token ``off``). ``ms``: the
    doc's mentions."""
    head = subject_head(parse, off, m) if parse is not None else None
    if head is None:
        return None
    token = head
    for _ in range(12):
        if token.dep_ != "conj" or token.head == token or token.head.pos_ not in NOMINAL:
            break
        token = token.head
    if token == head:
        return None
    i = token.i + off
    found = mention_at(ms, i)
    if found is not None and found.end <= m.start:
        return found
    return Mention(i, i + 1, 0, 0, token.text, "", (), "")
