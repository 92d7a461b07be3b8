"""A therapy named before and pointed back to (issue 12): "Hematopoietic stem cell transplantation
(HSCT) is a medical procedure ... . This procedure is used in the treatment of MS, ...",
"Mesenchymal stem cell therapy is a promising option. This therapy reduces inflammation".

Clinic pages and reviews name a therapy by its cells once and then go on with "this procedure",
"this therapy", "this treatment". Such a demonstrative phrase (the cues' ``anaphora.therapy.
anaphor``) in a subject position stands for the **therapy topic**: the last agent mention that
the text named as a therapy's agent (:func:`therapy_agents`), a cell or factor mention with a
therapy noun right after it ("stem cell transplantation", "MSC therapy"; ``after``) or in an
of/with phrase of one ("transplantation of MSCs", "treatment with IL-10"; ``before``), in the
sentence of the anaphor or in one of the :data:`REACH` sentences before it.

The topic is read from the document's tokens and mentions only, never from a parse, so that the
sentences a run parses do not change it. The anaphor itself is read by the dependency reader
(:func:`pipeline.nlp.relations.depargs.arguments_at`); the subject is then ``carried``
"anaphor", as for "They ...".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.ruledata import Strict, compile_pattern

if TYPE_CHECKING:  # types imports the rules, which import this module
    from spacy.tokens import Doc, Token

    from pipeline.nlp.relations.types import Mention

REACH = 3  # sentences after its last naming in which the therapy topic can be pointed back to


class TherapySpec(Strict):
    """The cues' ``anaphora.therapy``: the anaphor, and the words that make a mention a therapy's
    agent (``after``: matched at the text right after it; ``before``: at the end of the text before it)."""

    anaphor: str
    after: str
    before: str


@dataclass(frozen=True)
class TherapyCues:
    anaphor: re.Pattern[str]
    after: re.Pattern[str]
    before: re.Pattern[str]


@dataclass(frozen=True)
class TherapyTopic:
    """The therapy the text last named (its agent mentions) and the sentence it was named in."""

    agents: tuple[Mention, ...] = ()
    sentence: int = -1

    def at(self, k: int) -> tuple[Mention, ...]:
        """The topic's agents for an anaphor in sentence ``k`` (none once out of :data:`REACH`)."""
        return self.agents if 0 <= k - self.sentence <= REACH else ()


def compile_therapy(spec: TherapySpec | None, where: str) -> TherapyCues | None:
    """The compiled cues of ``spec`` (None without it)."""
    if spec is None:
        return None
    return TherapyCues(compile_pattern(spec.anaphor, where), compile_pattern(spec.after, where),
                       compile_pattern(spec.before, where))


def therapy_agents(doc: Doc, ms: Sequence[Mention], agents: frozenset[str], cues: TherapyCues,
                   end_char: int) -> list[Mention]:
    """The mentions of ``ms`` (one sentence's, ending at ``end_char``) of the ``agents`` classes
    that the text names as a therapy's agent (module text)."""
    text = doc.text
    out: list[Mention] = []
    for m in ms:
        if not set(m.classes) & agents:
            continue
        after = text[m.end_char:end_char].lstrip(" -")
        before = text[max(0, m.start_char - 40):m.start_char].rstrip()
        if cues.after.match(after) or cues.before.search(before):
            out.append(m)
    return out


def next_topic(doc: Doc, ms: Sequence[Mention], k: int, end_char: int, agents: frozenset[str],
               cues: TherapyCues | None, topic: TherapyTopic) -> TherapyTopic:
    """The therapy topic after sentence ``k`` (its mentions ``ms``): the last therapy it names,
    else ``topic``."""
    if cues is None:
        return topic
    found = therapy_agents(doc, ms, agents, cues, end_char)
    if not found:
        return topic
    return TherapyTopic((found[-1],), k)


def points_to_therapy(cues: TherapyCues | None, words: str) -> bool:
    """``words`` (lower case: a determiner and a noun, "this procedure") are a therapy anaphor."""
    return cues is not None and cues.anaphor.match(words) is not None


def therapy_anaphor(token: Token, cues: TherapyCues | None) -> bool:
    """``token`` heads a therapy anaphor: its determiner and it fit the cue ("This procedure")."""
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    return bool(dets) and points_to_therapy(cues, f"{dets[0]} {token.lower_}")
