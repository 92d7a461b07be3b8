"""Lenient text matching of key arguments: normalisation, forms, head phrases, the argument rule."""

from __future__ import annotations

import pytest

from pipeline.evaluate.matching import forms, head_phrase, modifier_readings, normalise, same_argument, words


@pytest.mark.parametrize(("a", "b"), [
    ("TNF-α", "tnf alpha"), ("TNFα", "TNF Alpha"), ("IL-6", "il6"), ("T-cell", "T cell"),
    ("Zeta’s disease", "zetas  disease"), ("TGF-β1", "TGF-beta1"), ("gene/protein", "gene protein"),
])
def test_normalise_equal(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(("a", "b"), [("IL-6", "IL-16"), ("MSC", "MSCs"), ("TNF-α", "TNF-β")])
def test_normalise_different(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


def test_words_singular_and_forms() -> None:
    assert words("Foo cells express CD4s") == ("foo", "cell", "express", "cd4")
    assert words("class") == ("class",)
    assert forms("foo blast cells (FBCs)") == [("foo", "blast", "cell"), ("fbc",)]
    assert forms("barins (in the presence of FBCs)") == [("barin",)]
    assert forms("FBCs", "foo blast cells") == [("fbc",), ("foo", "blast", "cell")]
    assert forms("FBCs", "FBC") == [("fbc",)]
    assert forms("zeta factors (QX1, QX-2 and zeta binding protein)") == [
        ("zeta", "factor"), ("qx1",), ("qx2",), ("zeta", "binding", "protein")]
    assert forms("zeta factors (QX1, or QX2)") == [("zeta", "factor"), ("qx1",), ("qx2",)]
    # not a list of names: a comment with a comma, or a member longer than three words
    assert forms("barins (protect, and in the presence of FBCs)") == [("barin",)]
    assert forms("barins (when QX is high)") == [("barin",)]


@pytest.mark.parametrize(("text", "readings"), [
    ("slow and steady zeta gains", [("slow", "zeta", "gain"), ("steady", "zeta", "gain")]),
    ("foo or barin control of the gut", [("foo", "control", "of", "the", "gut"),
                                         ("barin", "control", "of", "the", "gut")]),
    ("pro- and anti-zeta proteins", [("pro", "zeta", "protein"), ("anti", "zeta", "protein")]),
    ("zeta gains and losses", []),        # the coordinator is not right after one modifier
    ("foo and barin", []),                # no head after the second word
    ("foo and of barin", []),             # a function word where the second modifier would be
])
def test_modifier_readings(text: str, readings: list[tuple[str, ...]]) -> None:
    assert modifier_readings(words(text)) == readings


def test_head_phrase() -> None:
    assert head_phrase(words("QX generation from zeta monocytes")) == ("qx", "generation")
    assert head_phrase(words("T-cell activation or proliferation")) == ("t", "cell", "activation")
    assert head_phrase(words("in the presence")) == ("in", "the", "presence")


@pytest.mark.parametrize(("key", "pred", "expected"), [
    ("foo blast cells (FBCs)", "FBCs", True),            # abbreviation vs long form
    ("FBCs", "foo blast cells", False),                 # only through the defined long form
    ("QX maturation", "QX", True),                       # shorter in the longer's head phrase
    ("QX generation from zeta monocytes", "QX", True),
    ("T-cell activation or proliferation", "T cell", True),
    ("zeta monocytes (near FBCs)", "Zeta monocyte", True),  # comment dropped, plural folded
    ("T-cell activation or proliferation", "dendritic cells", False),
    ("QX generation from zeta monocytes", "zeta monocytes", False),  # only in the modifier
    ("gut epithelial cells", "stem cells", False),
    ("IL-6", "IL-16", False),
    ("zeta factors (QX1, QX2, QX3)", "QX2", True),       # a member of the listed group
    ("zeta factors (QX1, QX2, QX3)", "QX4", False),
    ("slow and steady zeta gains (worsen)", "steady zeta gains", True),  # one modifier's reading
    ("steady zeta gains", "slow and steady zeta gains", True),
    ("slow and steady zeta gains", "rapid zeta gains", False),
    ("buildup of zeta clusters called QX bodies", "buildup of zeta clusters", True),  # cut short
    ("buildup of zeta clusters", "buildup of zeta clusters called QX bodies", True),
    ("loss of zeta sleep", "loss of zeta memory", False),  # same head phrase, other phrase
    ("loss of zeta sleep and memory", "loss of zeta", False),  # cut inside the of-phrase's words
])
def test_same_argument(key: str, pred: str, expected: bool) -> None:
    assert same_argument(forms(key), forms(pred)) is expected


def test_same_argument_through_long_form() -> None:
    assert same_argument(forms("FBCs"), forms("FBC", "foo blast cells"))
    assert same_argument(forms("foo blast cells"), forms("FBCs", "foo blast cells"))


def test_same_argument_by_id() -> None:
    assert same_argument(forms("barin"), forms("glorp"), {"X:1"}, "X:1")
    assert not same_argument(forms("barin"), forms("glorp"), {"X:1"}, "X:2")
    assert not same_argument(forms("barin"), forms("glorp"), set(), "")
