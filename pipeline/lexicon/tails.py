"""Elliptic anatomy names: the last two words of a longer ANATOMY term, written alone.

Texts drop the first word of a long anatomy name they use often: "cord blood" is UBERON's
"umbilical cord blood", as "cord blood stem cells" are stem cells from it. The vocabularies
list the full name only. :func:`anatomy_tails` indexes, once per lexicon, the last two words of
its ANATOMY terms of three or more words made of an ANATOMY term and a one-word ANATOMY term
("umbilical cord" + "blood": what is in a place) whose two-word tail is no term of its own, to
the term's concept (a tail two concepts share is left out); :func:`elliptic_anatomy` makes an
ANATOMY match and the word before it that mention, where the two are such a tail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.lexicon.records import LENGTH_BITS, Concept, Match

if TYPE_CHECKING:
    from pipeline.lexicon import Lexicon
    from pipeline.lexicon.tokentext import TokenText

LABEL = "ANATOMY"
MIN_WORD = 3  # letters of the word before the match


def anatomy_tails(lexicon: Lexicon) -> Callable[[str], Concept | None]:
    """The concept of the ANATOMY term a two-word key is the tail of (see the module doc), built
    on first use and kept on the lexicon."""
    index: dict[str, int] | None = lexicon.__dict__.get("_anatomy_tails")
    if index is None:
        index = {}
        labels = lexicon._concept_rows["label"].to_numpy()
        starts, get = lexicon.group_start, lexicon.automaton.get

        def anatomy(value: int | None) -> int:
            """The concept of a key's first own candidate when it is ANATOMY, else -1."""
            if value is None:
                return -1
            group = value >> LENGTH_BITS
            if starts[group] == starts[group + 1]:
                return -1  # a corpus term only
            code = lexicon.cand_concept[starts[group]]
            return code if labels[code] == LABEL else -1

        for key, value in lexicon.automaton.items() if lexicon.n_terms else ():
            words = key.split()
            if len(words) < 3 or anatomy(value) < 0:
                continue
            tail = " ".join(words[-2:])
            # a place and what is there, both terms ("umbilical cord" + "blood"); the tail no term
            if get(" " + tail, None) is not None or anatomy(get(" " + " ".join(words[:-1]), None)) < 0 \
                    or anatomy(get(" " + words[-1], None)) < 0:
                continue
            code = anatomy(value)
            index[tail] = code if index.get(tail, code) == code else -1
        lexicon.__dict__["_anatomy_tails"] = index

    def concept(key: str) -> Concept | None:
        code = index.get(key, -1)
        return lexicon.concept(code) if code >= 0 else None
    return concept


def elliptic_anatomy(t: TokenText, chosen: list[tuple[int, int, Match]],
                     tails: Callable[[str], Concept | None], key_of: Callable[[str], str],
                     ) -> list[tuple[int, int, Match]]:
    """``chosen`` with each one-word ANATOMY match that the word before it (one space, lower
    or Title case, no stop word, in no match) makes the tail of a longer ANATOMY term ("cord blood") made
    that term's mention."""
    out: list[tuple[int, int, Match]] = []
    for s, e, m in chosen:
        if m.concept.label == LABEL and e - s == 1 and s > 0 and t.spaced(s - 1) \
                and not (out and out[-1][1] > s - 1):
            word = t.text(s - 1)
            if word.isalpha() and (word.islower() or word.istitle()) and len(word) >= MIN_WORD \
                    and not t.doc[s - 1].is_stop:
                concept = tails(key_of(f"{word} {t.text(s)}"))
                if concept is not None:
                    out.append((s - 1, e, Match(s - 1, e, concept, "elliptic")))
                    continue
        out.append((s, e, m))
    return out
