"""relrecall (issue 12): two entities written as a slash pair stand together for an argument.

"monocytes/macrophages", "TNF-alpha/IL-6": the parse hangs the first on the second (a compound
modifier, the slash a punctuation child), so an argument read at the second's head names only
the second. A mention joined to an argument mention by a slash with no space on either side
(one written word), sharing a class with it, is an argument too: "MSCs inhibited the
differentiation of monocytes/macrophages" gives MSCs INHIBITS monocytes and MSCs INHIBITS
macrophages. A chain of them ("A/B/C") gives each.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.nlp.relations.types import Mention

SLASH = "/"
MAX_CHAIN = 4


def _joined(parse: Doc, off: int, a: Mention, b: Mention) -> bool:
    """``a``, a slash, then ``b`` as one written word (token indices of the doc; ``parse`` the
    sentence parse whose token 0 is doc token ``off``)."""
    k = a.end - off
    if b.start != a.end + 1 or not 0 < k < len(parse) - 1:
        return False
    return parse[k].text == SLASH and not parse[k - 1].whitespace_ and not parse[k].whitespace_


def slash_partners(parse: Doc, off: int, m: Mention, ms: Sequence[Mention]) -> list[Mention]:
    """The mentions of ``ms`` (the sentence's, in order) joined to ``m`` by slashes, before and
    after it, that share a class with it; none for a mention outside the sentence."""
    if m.start < off or m.end - off > len(parse):
        return []
    inside = [x for x in ms if x.start >= off and x.end - off <= len(parse)]
    out: list[Mention] = []
    for step in (-1, 1):
        cur = m
        for _ in range(MAX_CHAIN):
            nxt = next((x for x in inside if (_joined(parse, off, x, cur) if step < 0
                                              else _joined(parse, off, cur, x))), None)
            if nxt is None or not set(nxt.classes) & set(m.classes) or nxt in out:
                break
            out.append(nxt)
            cur = nxt
    return sorted(out, key=lambda x: x.start)
