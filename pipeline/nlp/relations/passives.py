"""Passive subjects the CRAFT-trained parser reads wrong (relpath, issue 12).

"the protective myelin layer surrounding nerve fibers is damaged by the immune system" is parsed
with both "layer" and "fibers" passive subjects of "damaged" and "surrounding" an adjective on
"fibers": the second noun is the participle's object, not what the verb is done to
(:func:`participle_object_read_as_subject`)."""

from __future__ import annotations

from spacy.tokens import Doc


def participle_object_read_as_subject(parse: Doc, trigger: int, obj: int) -> bool:
    """``obj`` is a passive subject of ``trigger`` after another one, and a participle
    (a verb read as an adjective modifier, before it) modifies it: the participle's object."""
    verb, noun = parse[trigger], parse[obj]
    if noun.dep_ != "nsubjpass" or noun.head != verb:
        return False
    if not any(c.dep_ == "nsubjpass" and c.i < noun.i for c in verb.children):
        return False
    return any(c.dep_ == "amod" and c.pos_ == "VERB" and c.i < noun.i for c in noun.children)
