"""Surface reader: a second coordinated passive shares the first one's patient ("IL6 was induced
by TNF and inhibited by IL10": IL10 inhibits IL6; TNF, the first verb's agent, is no patient)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

G = "GENE_OR_PROTEIN"
CASES = {
    "reduced second passive": (f"[IL6|{G}] was induced by [TNF|{G}] and inhibited by [IL10|{G}] .",
                               {("TNF", "ACTIVATES", "IL6"), ("IL10", "INHIBITS", "IL6")}),
    "second passive with its be": (f"[IL6|{G}] was induced by [TNF|{G}] and was inhibited by [IL10|{G}] .",
                                   {("TNF", "ACTIVATES", "IL6"), ("IL10", "INHIBITS", "IL6")}),
    "with a linking adverb": (f"[MAF|{G}] was reduced by [TGFB|{G}] and yet was maintained by [IL12|{G}] .",
                              {("TGFB", "DECREASES", "MAF"), ("IL12", "ACTIVATES", "MAF")}),
    # the first verb relates nothing: no patient to share, and the earlier mention is none
    "first verb without a relation": (f"cells were cultured with [TNF|{G}] and stimulated by [IL1|{G}] .",
                                      set()),
    "one passive": (f"[IL6|{G}] was inhibited by [IL10|{G}] .", {("IL10", "INHIBITS", "IL6")}),
}


@pytest.mark.parametrize("marked,expected", CASES.values(), ids=CASES.keys())
def test_second_passive(relations_of: Callable[[str], list], marked: str,
                        expected: set[tuple[str, str, str]]) -> None:
    assert {(r.subject.text, r.predicate, r.object.text) for r in relations_of(marked)} == expected
