"""An object that names the course of a disease (relprec, issue 12): "associated with the
recurrence of D" is a relation with D; a course noun without an of-phrase stays as it is."""

from __future__ import annotations

from collections.abc import Callable

import pytest

CASES = {
    "the recurrence of a disease": (
        "[IL-6|CYTOKINE] was associated with the [recurrence|PROCESS] of [erysipelas|DISEASE] .",
        {("IL-6", "ASSOCIATED_WITH", "erysipelas")}),
    "a course noun on its own": (
        "[IL-6|CYTOKINE] was associated with [recurrence|PROCESS] .",
        {("IL-6", "ASSOCIATED_WITH", "recurrence")}),
    "a process of cells is no course": (
        "[Aspirin|CHEMICAL] reduces [apoptosis|PROCESS] of [neurons|CELL_TYPE] .",
        {("Aspirin", "DECREASES", "apoptosis"), ("Aspirin", "PROTECTS", "neurons")}),
}


@pytest.mark.parametrize(("marked", "expected"), CASES.values(), ids=CASES.keys())
def test_course_objects(relations_of: Callable[[str], list], marked: str,
                        expected: set[tuple[str, str, str]]) -> None:
    assert {(r.subject.text, r.predicate, r.object.text) for r in relations_of(marked)} == expected
