"""Mention lists found by surface position: the objects after a trigger, the list before it.

``words`` are a sentence's lower-cased tokens and ``offset`` its first doc token;
token positions given and returned are sentence-relative.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.nlp.relations.arguments import allowed, heads_its_phrase, in_locative_phrase, mention_at
from pipeline.nlp.relations.types import Mention
from pipeline.nlp.relations.words import (
    BE,
    BREAKS,
    DETERMINERS,
    LIST_LINKS,
    OBJECT_STOP,
    RELATIVE,
    SKIPPABLE,
    TARGET_PREPOSITIONS,
)

MAX_OBJECT_SPAN = 60
FIRST_OBJECT_WITHIN = 8  # tokens between a trigger and its first object, at most


def collect_objects(ms: Sequence[Mention], words: Sequence[str], offset: int, start: int,
                    classes: frozenset[str], stops: frozenset[str], trigger_tokens: frozenset[int],
                    ) -> list[Mention]:
    """Mentions after token ``start`` (sentence-relative) until a clause break."""
    found: list[Mention] = []
    i = start
    limit = min(len(words), start + MAX_OBJECT_SPAN)
    while i < limit:
        w = words[i]
        m = mention_at(ms, offset + i)
        if m is not None:
            if allowed(m, classes) and m not in found:
                found.append(m)
            i = m.end - offset
            continue
        adjective = i > 0 and words[i - 1] == "-"  # "inhibit TGF-beta-induced EMT": read on
        if (w in BREAKS or (i in trigger_tokens and i > start and not adjective) or w in RELATIVE
                or (w in BE and i > start)):
            break
        if found and (w in OBJECT_STOP or w in stops):
            break
        if not found and (w in stops or w in OBJECT_STOP) and i > start:
            break  # the first object is not behind a preposition ("reduced X in CD4+ T cells")
        if not found and i - start >= FIRST_OBJECT_WITHIN:
            break
        i += 1
    return found


def list_before(ms: Sequence[Mention], words: Sequence[str], offset: int, end: int,
                classes: frozenset[str], trigger_tokens: frozenset[int] | None = None) -> list[Mention]:
    """The nearest mention before token ``end`` and the mentions listed with it."""
    before = [m for m in ms if m.end - offset <= end and allowed(m, classes)]
    if not before:
        return []
    head = before[-1]
    if trigger_tokens is not None and not heads_its_phrase(head, words, offset, trigger_tokens):
        return []
    if trigger_tokens is not None and in_locative_phrase(head, ms, words, offset, trigger_tokens):
        return []  # "Runx3 is present in naive CD8+ T cells and represses Runx1": not T cells
    # only words that may stand between a trigger and its subject
    gap = words[head.end - offset:end]
    if any(w in BREAKS for w in gap) or len(gap) > 8:
        return []
    out = [head]
    for m in reversed(before[:-1]):
        between = words[m.end - offset:out[-1].start - offset]
        if all(w in LIST_LINKS or w == "-" for w in between):
            out.append(m)
        else:
            break
    return list(reversed(out))


def after(words: Sequence[str], start: int, targets: frozenset[str] | set[str],
           trigger_tokens: frozenset[int]) -> int | None:
    """The first of ``targets`` from ``start`` on, before a clause break or another trigger."""
    for k in range(start, min(len(words), start + MAX_OBJECT_SPAN)):
        if words[k] in BREAKS or (k in trigger_tokens and k != start):
            return None
        if words[k] in targets:
            return k
    return None


def prev_nonskip(words: Sequence[str], i: int) -> int:
    j = i - 1
    while j >= 0 and words[j] in SKIPPABLE:
        j -= 1
    return j


def coordinated(words: Sequence[str], i: int) -> bool:
    """The trigger continues a list of verbs, is an infinitive, or follows 'help(s)'."""
    j = i - 1
    while j >= 0 and (words[j] in {"also", "even", "can", "could", "may", "might", "further"}
                      or (words[j].endswith("ly") and len(words[j]) > 4)):
        j -= 1
    return j >= 0 and words[j] in {",", "and", "or", "to", "help", "helps", "helped", "by", "while"}


def object_of_trigger(found: list[Mention], words: Sequence[str], offset: int,
                       trigger_tokens: frozenset[int]) -> bool:
    """The mention list directly follows a trigger (determiners aside): it is that verb's object."""
    if not found:
        return False
    j = found[0].start - offset - 1
    while j >= 0 and words[j] in DETERMINERS:
        j -= 1
    return j in trigger_tokens and (j == 0 or words[j - 1] != "-")


def target_start(words: Sequence[str], start: int, trigger_tokens: frozenset[int]) -> int:
    """Where the objects of a trigger begin: after "to" in "shift from M1 to M2" (the state
    left is no object), else at ``start``."""
    if start < len(words) and words[start] == "from":
        to = after(words, start + 1, TARGET_PREPOSITIONS, trigger_tokens)
        if to is not None:
            return to + 1
    return start
