"""Lenient text matching of answer-key items to mechmine's rows.

- :func:`normalise`: NFKC, lower case; Greek letters spelled out as separate
  words (``TNF-α``, ``TNFα`` and ``TNF alpha`` all give ``tnf alpha``, a
  spelled-out name glued to a number is split: ``beta1`` -> ``beta 1``); a
  hyphen, dash or slash between a letter and a digit is dropped (``IL-6`` =
  ``IL6`` = ``il6``), any other becomes a space (``T-cell`` = ``T cell``);
  apostrophes dropped (``Parkinson's`` -> ``parkinsons``); every other
  non-alphanumeric character is a space; spaces collapsed.
- :func:`words`: the normalised words, each made singular by dropping a final
  ``s`` (not ``ss``) from words of three or more characters (``MSCs`` =
  ``MSC``, ``cells`` = ``cell``).
- :func:`forms`: the ways one argument is written. A parenthesised part of
  one word is an alternative name (``mesenchymal stem cells (MSCs)`` gives
  ``mesenchymal stem cell`` and ``msc``); a parenthesised list of two or more
  short names (each at most three words, separated by commas, ``and`` or
  ``or``) names the members of a group, and each member is a form
  (``neurotrophic factors (BDNF, GDNF and IGF-1)`` gives ``bdnf``, ``gdnf``
  and ``igf 1`` besides ``neurotrophic factor``); any other longer
  parenthesised part is an annotator's comment and dropped (``monocytes (in
  the presence of MSCs)`` gives ``monocyte``).
- :func:`modifier_readings`: a form that opens with two coordinated one-word modifiers of one
  head (``physical and cognitive outcomes``, ``bowel or bladder management``, ``pro- and
  anti-apoptotic proteins``) also has each modifier's reading (``physical outcome``, ``cognitive
  outcome``): the answer keys expand coordinated modifiers into one row each ("restore alveolar
  and endothelial function" is keyed as alveolar function and endothelial function) but not
  always, and mechmine's arguments do the same (so either spelling is the same argument).
- :func:`head_phrase`: the words before the first preposition, conjunction
  or relative pronoun (``DC generation from monocytes`` -> ``dc
  generation``; ``T-cell activation or proliferation`` -> ``t cell
  activation``; the whole phrase when it starts with one).
- :func:`same_argument`: two arguments match when some form of one equals
  some form of the other, or the shorter of two forms occurs (as whole
  words, in order) in the head phrase of the longer one (``DC`` ~ ``DC
  maturation``, ``T-cell`` ~ ``T-cell proliferation``, ``inflammation`` ~
  ``inflammation in arthritic joints``; but ``dendritic cells`` is not
  ``T-cell activation``, nor ``intestinal epithelial cells`` ``stem
  cells``), or the shorter is the longer cut short after its head phrase
  where a new phrase starts (``buildup of protein clusters`` ~ ``buildup of
  protein clusters called Lewy bodies``; not ``loss of sleep`` ~ ``loss of
  memory``, nor ``loss of zeta`` ~ ``loss of zeta sleep``), or the predicted
  argument's concept id is among the ids the key argument is known by.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta",
         "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
         "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi",
         "ψ": "psi", "ω": "omega"}
_GREEK_NUMBER = re.compile(r"\b(" + "|".join(GREEK.values()) + r")(\d)")
_LETTER_DASH_DIGIT = re.compile(r"(?<=[^\W\d_])[-‐‑‒–—/](?=\d)")
_APOSTROPHE = re.compile(r"['’`ʼ]")
_OTHER = re.compile(r"[\W_]+")
_PAREN = re.compile(r"\(([^()]*)\)")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
MAX_MEMBER_WORDS = 3
FUNCTION_WORDS = frozenset({
    "of", "from", "in", "on", "to", "toward", "towards", "for", "by", "with", "within", "into", "at",
    "via", "between", "and", "or", "after", "during", "through", "that", "which", "who", "against",
})


def normalise(text: str) -> str:
    """Case-, Greek-, hyphen- and space-normalised text (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(f" {GREEK[c]} " if c in GREEK else c for c in text)
    text = _GREEK_NUMBER.sub(r"\1 \2", text)
    text = _LETTER_DASH_DIGIT.sub("", text)
    text = _APOSTROPHE.sub("", text)
    return " ".join(_OTHER.sub(" ", text).split())


def singular(word: str) -> str:
    return word[:-1] if len(word) >= 3 and word.endswith("s") and not word.endswith("ss") else word


def words(text: str) -> tuple[str, ...]:
    return tuple(singular(w) for w in normalise(text).split())


def forms(text: str, *extra: str) -> list[tuple[str, ...]]:
    """The argument without parenthesised parts, each one-word parenthesised part, and ``extra`` names."""
    found = [words(_PAREN.sub(" ", text))]
    for inner in _PAREN.findall(text):
        inner_words = words(inner)
        if len(inner_words) == 1:
            found.append(inner_words)
        else:
            found += list_members(inner)
    found += [words(e) for e in extra if e]
    found += [r for f in found for r in modifier_readings(f)]
    return [f for i, f in enumerate(found) if f and f not in found[:i]]


COORDINATORS = frozenset({"and", "or"})


def modifier_readings(form: tuple[str, ...]) -> list[tuple[str, ...]]:
    """``A and B H...`` (one-word modifiers A and B, then the head and the rest of the phrase):
    ``A H...`` and ``B H...``; else none."""
    if len(form) < 4 or form[1] not in COORDINATORS or any(
            w in FUNCTION_WORDS for w in (form[0], form[2], form[3])):
        return []
    return [(form[0], *form[3:]), (form[2], *form[3:])]


def list_members(inner: str) -> list[tuple[str, ...]]:
    """The members of a parenthesised list of short names; none when ``inner`` is not such a list."""
    members = [words(m) for m in _LIST_SEPARATOR.split(inner.strip())]
    if len(members) < 2 or not all(0 < len(m) <= MAX_MEMBER_WORDS for m in members):
        return []
    return members


def head_phrase(form: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a form before its first function word (all of them when it starts with one)."""
    cut = next((i for i, w in enumerate(form) if w in FUNCTION_WORDS), len(form))
    return form[:cut] or form


def contains(form: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """``part`` occurs in ``form`` as consecutive whole words."""
    n = len(part)
    return any(form[i:i + n] == part for i in range(len(form) - n + 1))


def cut_short(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """``short`` is ``long`` cut after more than its head phrase, where a new phrase starts: at a
    function word or a reduced relative's participle (``... clusters`` / ``called QX bodies``),
    not inside a compound (``loss of zeta`` is not ``loss of zeta sleep``)."""
    n = len(short)
    if not len(head_phrase(long)) < n < len(long) or long[:n] != short:
        return False
    following = long[n]
    return following in FUNCTION_WORDS or following.endswith(("ed", "ing"))


def same_argument(key_forms: list[tuple[str, ...]], pred_forms: list[tuple[str, ...]],
                  key_ids: Iterable[str] = (), pred_id: str = "") -> bool:
    """The lenient argument rule of the module docstring."""
    if pred_id and pred_id in set(key_ids):
        return True
    for k in key_forms:
        for p in pred_forms:
            short, long = sorted((k, p), key=len)
            if k == p or contains(head_phrase(long), short) or cut_short(long, short):
                return True
    return False
