"""Which mentions can be arguments of a relation.

Arguments are entity mentions (``doc.ents`` plus the generic class mentions the
lexicon set aside in ``doc.spans["mechmine_generic"]``) of the classes a rule
allows. Mentions that only modify a noun are no arguments: cell markers ("CD8+
T cells"), genotypes and hyphenated modifiers ("HOIP-deficient",
"LMP1-transformed"), antibodies ("anti-IL10"), a place phrase's noun ("present
in T cells and represses X"), a subject after "not". The functions here read
the sentence's lower-cased words (``words``) with ``offset`` its first token.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc

from pipeline.nlp.lexicon_matcher import GENERIC
from pipeline.nlp.relations.rules import Rule, RuleSet
from pipeline.nlp.relations.types import Mention
from pipeline.nlp.relations.words import (
    BE,
    BREAKS,
    EVENT_NOUNS,
    KEEP_AFTER_HYPHEN,
    LOCATIVE,
    SUBJECT_FOLLOWERS,
)

AGENT = "AGENT"  # pseudo-class of mentions matching the rule set's agent_terms


def doc_mentions(doc: Doc, rules: RuleSet | None = None) -> list[Mention]:
    """Arguments: entities plus generic class mentions overlapping none, in order.

    Mentions of ignored concepts are left out; generic ones count only with
    the rule set's generic classes; a mention whose text matches the agent
    terms gets the pseudo-class AGENT (so it may be a subject).
    """
    info = doc._.mentions or {}
    spans = list(doc.ents)
    taken = {i for e in spans for i in range(e.start, e.end)}
    generic_ok = rules.generic_classes if rules else frozenset()
    spans += [g for g in doc.spans.get(GENERIC, [])
              if g.label_ in generic_ok and not any(i in taken for i in range(g.start, g.end))]
    out = []
    for span in sorted(spans, key=lambda s: s.start):
        if rules is not None and span.kb_id_ in rules.ignore:
            continue
        m = info.get((span.start_char, span.end_char))
        classes = tuple(m.classes if m else (span.label_,))
        # an abbreviation is an agent when the long form the text defines is one ("MMVs")
        if rules is not None and rules.agent_terms is not None and (
                rules.agent_terms.search(span.text)
                or (m is not None and m.long_form and rules.agent_terms.search(m.long_form))):
            classes = (*classes, AGENT)
        out.append(Mention(span.start, span.end, span.start_char, span.end_char, span.text, span.label_,
                           classes, span.kb_id_))
    return out


def allowed(m: Mention, classes: Collection[str]) -> bool:
    """``m`` has one of ``classes`` (an empty set allows any class)."""
    return not classes or any(c in classes for c in m.classes)


def object_fits(m: Mention, rule: Rule) -> bool:
    """``m`` can be ``rule``'s object: of its classes, not found by its ``object_exclude``, found by
    its ``object_only`` (when it has one)."""
    exclude, only = rule.object_exclude, rule.object_only
    return (allowed(m, rule.object) and not (exclude is not None and exclude.search(m.text))
            and not (only is not None and not only.search(m.text)))


def subject_classes(rules: RuleSet, rule: Rule) -> frozenset[str]:
    """The classes ``rule`` accepts as subject: its own list, else the agent classes (and
    AGENT), plus its ``subject_extra``."""
    return (rule.subject or rules.agent_classes | {AGENT}) | rule.subject_extra


def agent_classes(rules: RuleSet) -> frozenset[str]:
    """The default subject classes: the agent classes and AGENT."""
    return rules.agent_classes | {AGENT}


def mention_at(ms: Sequence[Mention], token: int) -> Mention | None:
    """The mention covering doc token ``token``, if any."""
    for m in ms:
        if m.start <= token < m.end:
            return m
    return None


def after_not(m: Mention, words: Sequence[str], offset: int) -> bool:
    """The mention follows "not" ("CAA but not acrolein inhibited ..."): no subject."""
    k = m.start - offset
    return k > 0 and words[k - 1] == "not"


def is_modifier(m: Mention, words: Sequence[str], offset: int, trigger_tokens: Collection[int]) -> bool:
    """A mention that names a cell population, a genotype or an antibody, not an agent.

    "CD8+ T cells", "CD105-positive MSCs", "HOIP-deficient cells",
    "LMP1-transformed fibroblasts", "PKCdelta-dependent apoptosis" (the word after the
    hyphen is no trigger: "TGF-beta-induced EMT" keeps its agent), "anti-IL10".
    """
    k = m.end - offset
    nxt = words[k] if k < len(words) else ""
    if nxt == "+" or m.text.lower().startswith("anti-"):
        return True
    return (nxt == "-" and k + 1 < len(words) and words[k + 1].isalpha()
            and words[k + 1] not in KEEP_AFTER_HYPHEN and k + 1 not in trigger_tokens)


def heads_its_phrase(m: Mention, words: Sequence[str], offset: int,
                     trigger_tokens: Collection[int] | None = None) -> bool:
    """A mention followed by another noun ("LMP1 transgenic B cells") only modifies it."""
    k = m.end - offset
    if k >= len(words):
        return True
    w = words[k]
    return (w in SUBJECT_FOLLOWERS or w in EVENT_NOUNS or not w.isalpha() or w.endswith(("ed", "ly"))
            or (trigger_tokens is not None and k in trigger_tokens))


def in_locative_phrase(m: Mention, ms: Sequence[Mention], words: Sequence[str], offset: int,
                       trigger_tokens: Collection[int]) -> bool:
    """``m`` ends a place phrase ("in naive CD8+ T cells"): up to four words back is 'in', 'at', ..."""
    starts = {x.end - offset for x in ms}
    j = m.start - offset - 1
    for _ in range(4):
        if j < 0 or words[j] in BREAKS or words[j] in {",", "("} or j + 1 in starts or j in trigger_tokens \
                or words[j] in BE:
            return False
        if words[j] in LOCATIVE:
            return j == 0 or words[j - 1] not in EVENT_NOUNS  # not "mutations in X"
        j -= 1
    return False
