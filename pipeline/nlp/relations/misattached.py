"""List members the parse hangs on the wrong word.

Two misattachments of a list's later members that the CRAFT-trained parser makes in running
prose, where the members belong to the list the argument heads:

- on the object of the first member's of-phrase: "symptoms include slowness of movement,
  muscle rigidity and resting tremor" parsed with "rigidity" a conjunct of "movement"
  (:func:`of_phrase_members`): taken only when the first member is a mention, the of-phrase's
  object is none, and the member is a mention of a class the first one has, so that "loss of
  smell and taste" keeps "taste" with "smell";
- on the trigger verb, after its prepositional object: "result in paralysis, loss of sensation,
  and autonomic dysfunction" parsed with "loss" a direct object of "result"
  (:func:`continued_objects`): a noun the verb governs after a comma that follows the
  prepositional object, with no verb of its own;
- relcoord: on the verb whose subject the example phrase's noun is: "symptoms such as A, B, C
  and D often appear" parsed with B a second subject of "appear", its list after it
  (:func:`continued_examples`): a noun of the same subject link right after a comma that follows
  the example phrase;
- relcoord: on the trigger verb, an example phrase that names the members of the last item of
  its object list ("secreting chemokines and regulatory factors like NO and IDO" parsed with
  "like" on "secreting", :func:`verb_examples`): taken only when that item is a generic cargo
  noun (:data:`.clauses.CARGO_NOUNS`) the phrase follows directly.

:func:`continued_objects` gives all three (the dependency reader takes them as further objects).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from pipeline.nlp.relations.clauses import CARGO_NOUNS
from pipeline.nlp.relations.members import EXAMPLE_WORDS
from pipeline.nlp.relations.syntax import mention_at
from pipeline.nlp.relations.types import Mention

LIST_LINKS = ("conj", "appos")
# how the parse hangs a list member on the verb
VERB_OBJECTS = ("dobj", "npadvmod", "attr", "oprd")


def _list_of(token: Token) -> list[Token]:
    """``token``'s conjuncts and appositions, and theirs, in order."""
    out: list[Token] = []
    stack = [c for c in token.children if c.dep_ in LIST_LINKS and c.i > token.i]
    while stack and len(out) < 20:
        t = stack.pop(0)
        if t not in out:
            out.append(t)
            stack += [c for c in t.children if c.dep_ in LIST_LINKS and c.i > t.i]
    return sorted(out, key=lambda t: t.i)


def of_phrase_members(head: Token, m: Mention, ms: Sequence[Mention], off: int) -> list[Token]:
    """The list members hung on the object of the of-phrase of ``head`` (the head token of the
    mention ``m``; ``ms``: the sentence's mentions, doc tokens, ``off``: its first token) that
    are mentions sharing a class with ``m``, while that object is in no mention."""
    out: list[Token] = []
    for p in head.children:
        if p.dep_ != "prep" or p.lower_ != "of" or p.i < head.i:
            continue
        for g in p.children:
            if g.dep_ != "pobj" or mention_at(ms, off + g.i) is not None:
                continue
            for c in _list_of(g):
                other = mention_at(ms, off + c.i)
                if other is not None and other is not m and any(k in m.classes for k in other.classes):
                    out.append(c)
    return out


def continued_objects(trigger: Token, obj: Token) -> list[Token]:
    """Nouns ``trigger`` governs as objects after its prepositional object ``obj`` (the object
    of a preposition on the trigger), each right after a comma that follows ``obj``'s phrase
    (or the previous such noun's): the rest of the list ``obj`` begins; and the members of
    :func:`continued_examples` and :func:`verb_examples`."""
    if obj.dep_ == "pobj" and obj.head.lower_ in EXAMPLE_WORDS and obj.head.head == trigger \
            and trigger.pos_ in NOUNS:
        return continued_examples(trigger, obj)
    if obj.dep_ == "dobj" and obj.head == trigger:
        return verb_examples(trigger, obj)
    if obj.dep_ != "pobj" or obj.head.head != trigger or obj.head.dep_ != "prep" or trigger.pos_ != "VERB":
        return []
    return _continued(trigger, obj, VERB_OBJECTS)


NOUNS = ("NOUN", "PROPN")
SUBJECTS = ("nsubj", "nsubjpass")


def continued_examples(noun: Token, obj: Token) -> list[Token]:
    """The rest of the list an example phrase on the subject ``noun`` begins with ``obj``
    ("Symptoms such as A, B and C appear" parsed with B a second subject of "appear"): nouns
    the verb governs by ``noun``'s subject link, each right after a comma that follows the
    example phrase (or the previous such noun's phrase)."""
    if noun.dep_ not in SUBJECTS or noun.head == noun or noun.head.pos_ not in ("VERB", "AUX"):
        return []
    return _continued(noun.head, obj, (noun.dep_,))


def verb_examples(trigger: Token, obj: Token) -> list[Token]:
    """The objects of an example phrase on ``trigger`` that directly follows the last item of
    the list its direct object ``obj`` begins, when that item is a generic cargo noun
    ("secrete IL-6 and other factors like NO": NO)."""
    last = max([obj, *_list_of(obj)], key=lambda t: t.i)
    if last.lower_ not in CARGO_NOUNS:
        return []
    return [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in EXAMPLE_WORDS
            and c.left_edge.i == last.right_edge.i + 1
            for g in c.children if g.dep_ == "pobj"]


def _continued(verb: Token, obj: Token, deps: tuple[str, ...]) -> list[Token]:
    """Nouns ``verb`` governs by one of ``deps`` after ``obj``'s phrase, each right after a comma
    that follows it (or the previous such noun's phrase and list)."""
    doc = verb.doc
    out: list[Token] = []
    end = obj.right_edge.i
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.i <= end or c.dep_ not in deps or c.pos_ not in NOUNS:
            continue
        start = c.left_edge.i
        while start < c.i and doc[start].is_punct:  # the comma the parse hangs on the member
            start += 1
        if start != end + 2 or end + 1 >= len(doc) or doc[end + 1].text != ",":
            break
        out.append(c)
        end = max([c.right_edge.i, *(x.right_edge.i for x in _list_of(c))])
    return out
