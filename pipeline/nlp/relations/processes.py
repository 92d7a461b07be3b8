"""Process objects named by the lexicon ("promote axonal growth", "the formation of new neural
connections").

A predicate of the outcome families (increase, decrease, promote, inhibit ...) often takes a
biological process the text names in its own words: no entity mention, but a noun phrase whose
head is the head word of process names of the lexicon (class PROCESS: GO biological processes and
MeSH phenomena; "axon growth", "cell proliferation", "synapse formation": growth, proliferation,
formation). Such a head outside every mention is an argument of class OUTCOME, as the outcome
nouns of ``dependency_patterns.yaml`` are, when the phrase says which process it is: a qualifying
modifier on its left ("axonal growth", not "other growth") or an of-phrase ("growth of new
connections"), and no mention inside (then the mention is the argument: "proliferation of T
cells"). The head words come from the lexicon (:func:`process_heads`); the few generic heads that
name no process by themselves ("process", "regulation", "response", amount words) are the
``process_heads.exclude`` list of the patterns file.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from pipeline.nlp.relations.clauses import POSSESSIVE_PRONOUNS
from pipeline.nlp.relations.syntax import outcome_phrase
from pipeline.nlp.relations.types import Mention, Sentence

# a process name's head: its last word before the first preposition or participle that starts a
# complement ("regulation of X", "response to Y", "neuron projection guidance involved in Z")
_COMPLEMENT = re.compile(r" (?:of|to|in|by|from|involved|into|on|during|with|via|for|at|using|"
                         r"mediated|dependent|induced|resulting|regulating) ")
# a process's kind or owner on its left ("axonal growth", "ECM deposition", "neural stem cell
# proliferation"); determiners, numbers and pronouns name none
QUALIFIERS = ("amod", "compound", "nmod", "poss")
# words the head of a qualified phrase is read through: the lexicon's own spelling
_WORD = re.compile(r"^[a-z][a-z-]*[a-z]$")


@lru_cache(maxsize=4)
def process_heads(concepts: Path, label: str, min_names: int, exclude: frozenset[str]) -> frozenset[str]:
    """Head words of at least ``min_names`` names of ``label`` concepts in the lexicon's
    ``concepts.tsv.gz`` that also end at least ``min_names`` names without a complement (so that
    "ER to Golgi vesicle-mediated transport" makes no head of "ER"), less ``exclude``."""
    heads: Counter[str] = Counter()
    finals: Counter[str] = Counter()
    with gzip.open(concepts, "rt", encoding="utf-8") as f:
        next(f, None)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or cols[2] != label:
                continue
            name = cols[1].lower()
            words = _COMPLEMENT.split(name, maxsplit=1)[0].split()
            if words and _WORD.match(words[-1]):
                heads[words[-1]] += 1
                if len(words) == len(name.split()):
                    finals[words[-1]] += 1
    return frozenset(w for w, n in heads.items()
                     if n >= min_names and finals[w] >= min_names and w not in exclude)


def qualified_process(head: Token, processes: frozenset[str], quantifiers: frozenset[str],
                      covered: frozenset[int]) -> bool:
    """``head`` heads a process phrase: a lexicon process head word, itself no modifier of
    another noun, with a qualifying left modifier (not a quantifier: "other growth", not a
    possessive pronoun), an of-phrase or a first list member with one, and no token of the
    phrase (its left modifiers and of-phrase) in ``covered`` (the sentence tokens of the entity
    mentions)."""
    if head.lower_ not in processes or head.pos_ not in ("NOUN", "PROPN") or head.i in covered:
        return False
    if head.dep_ in QUALIFIERS:  # it only names another noun's kind ("the cell-death pathway")
        return False
    left = [c for c in head.children if c.dep_ in QUALIFIERS and c.i < head.i]
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i]
    span = range(min([c.left_edge.i for c in left], default=head.i),
                 max([c.right_edge.i for c in of], default=head.i) + 1)
    if any(i in covered for i in span):
        return False
    return bool(_qualifiers(head, quantifiers) or of or (
        # "promoted mitochondrial fusion and biogenesis": the first member's modifier is the list's
        head.dep_ == "conj" and head.head.i < head.i and head.head.pos_ in ("NOUN", "PROPN")
        and (first := _qualifiers(head.head, quantifiers))
        # a process of a mention ("T-cell activation or proliferation"): the mention is the object;
        # a mention itself may lead the list ("respiratory failure and death")
        and (head.head.i in covered
             or not any(i in covered for c in first for i in range(c.left_edge.i, c.i + 1)))))


def _qualifiers(head: Token, quantifiers: frozenset[str]) -> list[Token]:
    """The left modifiers of ``head`` that say which one it is: not a quantifier ("other"), a
    determiner, a number or a possessive pronoun."""
    return [c for c in head.children if c.dep_ in QUALIFIERS and c.i < head.i and c.lower_ not in quantifiers
            and c.pos_ not in ("DET", "NUM", "PRON")
            and not (c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS)]


# what an of-phrase keeps of its object: not a list that follows it or a clause on it
_PHRASE_STOPS = frozenset({"conj", "cc", "relcl", "acl", "appos", "punct", "parataxis", "advcl"})


def process_phrase(head: Token, lo: int) -> int:
    """The end (exclusive) of a process phrase that starts at ``lo``: the head with its of-phrase,
    without the list or clause its object goes on with ("the formation of new neural connections
    and repair mechanisms": up to "connections")."""
    end = head.i + 1
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ != "of" or c.i < head.i:
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            stop = [x.left_edge.i for x in g.children if x.dep_ in _PHRASE_STOPS and x.i > g.i]
            end = max(end, min(stop, default=g.right_edge.i + 1))
    while end - 1 > lo and head.doc[end - 1].is_punct:
        end -= 1
    return end


def process_mention(parse: Doc, head: Token, sent: Sentence, label: str) -> Mention:
    """An argument of class ``label`` for the process phrase headed by ``head``: its left
    modifiers (:func:`~.syntax.outcome_phrase`), the head and its of-phrase (:func:`process_phrase`)."""
    lo = outcome_phrase(head)[0]
    span = parse[lo:process_phrase(head, lo)]
    start_char = sent.start_char + span.start_char
    return Mention(sent.start + span.start, sent.start + span.end, start_char, start_char + len(span.text),
                   span.text, label, (label,), "")


def covered_tokens(ms: Sequence[Mention], off: int) -> frozenset[int]:
    """The sentence tokens (doc tokens less ``off``) inside the mentions ``ms``."""
    return frozenset(i - off for m in ms for i in range(m.start, m.end))
