"""List items under a lead-in line (issue 12, lists): the bullet lines of a clinic page that name
a disease's symptoms or a therapy's reported benefits, each item a sentence of its own.

    There can be a number of symptoms. These include:      Patients report after MSC treatment:
    • pain or burning sensations                           • less spasticity in the legs;
    • slurred speech                                       • better gait and balance;

A **lead-in** is a sentence ending with ":" that a kind of the cues' ``lead_ins`` finds (its
``lead`` pattern, on the lead-in or, when the lead-in only points back, "These include:", on the
sentence before it too). Its **items** are the sentences right after it that follow a bullet
(``item``: a bullet sentence of its own, or the item's first token), up to the first that does not.

- ``subject: disease``: the disease the lead-in (or the sentence it points back to) names, else
  the disease the text is about (:func:`~.topics.disease_topic`, read without a parse); the
  relation's ``carried`` is ``lead`` or ``topic``.
- ``subject: therapy``: the therapy agent the lead-in names ("after stem cell treatment":
  :func:`~.therapies.therapy_agents`), else the therapy topic of the sentences before; carried
  ``lead``.

Each item is split into conjuncts at commas and and/or. With ``per_item``, a conjunct opening
with a word one of the kind's rules triggers at ("less", "better", "improved") takes that rule,
a conjunct without one the rule of the conjunct before it ("better gait, coordination and
balance"); else every conjunct takes the kind's first rule. A conjunct's objects are its mentions
before a ``stop`` word ("spasticity in the legs": spasticity) that fit the rule, else its words
before that word as an OUTCOME phrase ("exacerbation period"). A first conjunct "HEAD in X"
followed by bare conjuncts lists where ("improved function in the heart, liver and gut"): each
place gives "X HEAD".

The reader only proposes candidates (reader ``list``); finalize decides, and also hedges an item
when its lead-in is hedged (``Candidate.lead``: "our patients report").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.nlp.relations.arguments import object_fits
from pipeline.nlp.relations.leadcues import LeadIns, LeadKind
from pipeline.nlp.relations.therapies import TherapyTopic, next_topic, therapy_agents
from pipeline.nlp.relations.topics import DISEASE, TOPIC, disease_topic
from pipeline.nlp.relations.types import OUTCOME, Candidate, Mention, Sentence

READER = "list"
LEAD = "lead"  # the carried value of a subject named by the lead-in
GLUE = frozenset({",", "and", "or", ";", "&"})
MAX_PHRASE = 4  # words of an OUTCOME phrase, at most


def lead_in(text: str) -> bool:
    return text.rstrip().endswith(":")


def ends_line(doc: Doc, end: int) -> bool:
    """Doc token ``end`` - 1 ends a line of the text (or the text)."""
    text, last = doc.text, doc[end - 1]
    stop = last.idx + len(last.text)
    return stop >= len(text) or "\n" in last.text or text[stop] == "\n"


def whole_line(doc: Doc, start: int, end: int) -> bool:
    """Doc tokens ``start .. end`` are a line of the text of their own."""
    begin = doc[start].idx
    return (begin == 0 or doc.text[begin - 1] == "\n") and ends_line(doc, end)


def items_after(doc: Doc, bounds: Sequence[tuple[int, int]], k: int, cues: LeadIns) -> list[tuple[int, bool]]:
    """The item sentences after lead-in sentence ``k``: (index, whether a bullet marks it). An
    unmarked item (an HTML list item) is a whole line of at most ``bare_words`` words after a
    lead-in that ends its line, and only an unmarked item follows another."""
    out: list[tuple[int, bool]] = []
    j = k + 1
    bare = cues.bare_words > 0 and ends_line(doc, bounds[k][1])
    while j < len(bounds):
        a, b = bounds[j]
        text = doc[a:b].text.strip()
        if cues.item.fullmatch(text) and j + 1 < len(bounds):  # a bullet of its own: the item follows
            out.append((j + 1, True))
            j += 2
        elif cues.item.match(text) and text:
            out.append((j, True))
            j += 1
        elif (bare and all(not marked for _, marked in out) and whole_line(doc, a, b)
              and not text.endswith(":") and 0 < sum(not t.is_punct and not t.is_space for t in doc[a:b])
              <= cues.bare_words):
            out.append((j, False))
            j += 1
        else:
            break
    return out


def conjuncts(doc: Doc, start: int, end: int, cues: LeadIns) -> list[tuple[int, int]]:
    """(start, end) doc tokens of the item's conjuncts (a bullet token and glue left out)."""
    out: list[tuple[int, int]] = []
    lo = start
    while lo < end and (cues.item.fullmatch(doc[lo].text) or doc[lo].is_space):
        lo += 1
    for i in range(lo, end + 1):
        if i == end or doc[i].lower_ in GLUE or doc[i].text in (".", "\n") or doc[i].is_space:
            if i > lo:
                out.append((lo, i))
            lo = i + 1
    return out


def phrase(doc: Doc, lo: int, hi: int, stop: frozenset[str]) -> tuple[int, int]:
    """The conjunct's words ``lo .. hi`` before its first ``stop`` word."""
    for i in range(lo, hi):
        if doc[i].lower_ in stop:
            return lo, i
    return lo, hi


def outcome(doc: Doc, lo: int, hi: int, text: str | None = None) -> Mention:
    span = doc[lo:hi]
    return Mention(lo, hi, span.start_char, span.end_char, text or span.text, OUTCOME, (OUTCOME,), "")


def conjunct_objects(doc: Doc, ms: Sequence[Mention], lo: int, hi: int, rule, stop: frozenset[str],
                     phrases: bool = True) -> list[Mention]:
    """The objects of the conjunct ``lo .. hi`` (its rule word already left out; module text)."""
    a, b = phrase(doc, lo, hi, stop)
    if a >= b:
        return []
    own = [m for m in ms if a <= m.start < b and m.end <= hi and object_fits(m, rule)]
    if own or not phrases:
        return own
    words = doc[a:b]
    # a mention of another class inside the phrase is part of it ("swollen joints"), not one
    # that reaches out of it or is all of it
    inside = [m for m in ms if m.start < b and a < m.end]
    wordy = all(t.text == "-" or t.text.replace("-", "").isalpha() for t in words)
    if len(words) > MAX_PHRASE or not wordy or any(
            m.start < a or m.end > b or (m.start, m.end) == (a, b) for m in inside):
        return []
    found = outcome(doc, a, b)
    return [found] if object_fits(found, rule) else []


def lead_subjects(doc: Doc, ms: Sequence[Mention], bounds: Sequence[tuple[int, int]], k: int,
                  kind: LeadKind, pointing: bool, agents: frozenset[str], therapy_cues,
                  ) -> tuple[list[Mention], str]:
    """The subjects of lead-in sentence ``k`` and how they were found (module text)."""
    near = [k - 1, k] if pointing and k > 0 else [k]
    in_lead = [m for m in ms if any(bounds[j][0] <= m.start < bounds[j][1] for j in near)]
    if kind.subject == "disease":
        named = [m for m in in_lead if DISEASE in m.classes]
        if named:
            return named[-1:], LEAD
        topic: tuple[Mention, ...] = ()
        for start, end in bounds[:k + 1]:
            topic = disease_topic([m for m in ms if start <= m.start < end], start, (), None, topic)
        return list(topic), TOPIC
    if therapy_cues is None:
        return [], ""
    found = therapy_agents(doc, in_lead, agents, therapy_cues, doc[bounds[k][0]:bounds[k][1]].end_char)
    if found:
        return found[-1:], LEAD
    topic_t = TherapyTopic()
    for j, (start, end) in enumerate(bounds[:k]):
        topic_t = next_topic(doc, [m for m in ms if start <= m.start < end], j, doc[start:end].end_char,
                             agents, therapy_cues, topic_t)
    return list(topic_t.at(k)), LEAD


def lead_in_candidates(doc: Doc, ms: Sequence[Mention], bounds: Sequence[tuple[int, int]],
                       rules, lead_ins: LeadIns | None) -> list[Candidate]:
    """The candidates of every list item under a lead-in of the doc (``ms``: its argument
    mentions, in order; ``rules``: the rule set; module text)."""
    if lead_ins is None:
        return []
    by_id = {r.id: r for r in rules.rules}
    out: list[Candidate] = []
    for k, (start, end) in enumerate(bounds):
        span = doc[start:end]
        if not lead_in(span.text):
            continue
        words = span.text.strip().lower()
        pointing = lead_ins.pointing.search(words) is not None
        before = doc[bounds[k - 1][0]:bounds[k - 1][1]].text.lower() if pointing and k > 0 else ""
        kind = next((x for x in lead_ins.kinds if x.lead.search(words) or (before and x.lead.search(before))),
                    None)
        items = items_after(doc, bounds, k, lead_ins) if kind is not None else []
        if kind is None or not items:
            continue
        kind_rules = [by_id[r] for r in kind.rules if r in by_id]
        subjects, carried = lead_subjects(doc, ms, bounds, k, kind, pointing, rules.agent_classes,
                                          rules.cues.therapy)
        if not subjects or not kind_rules:
            continue
        for j, marked in items:
            out += item_candidates(doc, ms, bounds, j, kind, kind_rules, subjects, carried, lead_ins,
                                   (span.start_char, span.end_char), marked)
    return out


def item_candidates(doc: Doc, ms: Sequence[Mention], bounds: Sequence[tuple[int, int]], j: int,
                    kind: LeadKind, kind_rules: list, subjects: list[Mention], carried: str,
                    lead_ins: LeadIns, lead: tuple[int, int], marked: bool = True) -> list[Candidate]:
    """The candidates of item sentence ``j`` (``marked``: a bullet marks it; an unmarked item
    of a kind without ``per_item`` gives its mentions only, no OUTCOME phrase)."""
    start, end = bounds[j]
    span = doc[start:end]
    sent = Sentence(j, start, end, span.start_char, span.end_char)
    parts = conjuncts(doc, start, end, lead_ins)
    out: list[Candidate] = []
    rule = None if kind.per_item else kind_rules[0]
    head: str | None = None  # "improved function in the heart, liver and gut": the head noun
    for n, (lo, hi) in enumerate(parts):
        trigger = lo
        word = doc[lo].lower_
        own = next((r for r in kind_rules if r.trigger.search(word)), None) if kind.per_item else None
        if own is not None:
            rule, lo, head = own, lo + 1, None
        if rule is None or lo >= hi:
            continue
        if own is None and head is not None:  # a bare conjunct after "HEAD in X": a place
            objects = [place_object(doc, lo, hi, head)] if hi - lo <= MAX_PHRASE else []
        else:
            a, b = phrase(doc, lo, hi, lead_ins.stop)
            objects = conjunct_objects(doc, ms, lo, hi, rule, lead_ins.stop, marked or kind.per_item)
            if n == 0 and own is not None and a < b < hi - 1 and doc[b].lower_ == "in" and len(parts) > 1:
                head = doc[a:b].text
                objects = [place_object(doc, b + 1, hi, head)]
        out += [Candidate(s, o, rule, "list", sent, trigger, start, READER, carried, lead=lead)
                for s in subjects for o in objects if object_fits(o, rule)]
    return out


def place_object(doc: Doc, lo: int, hi: int, head: str) -> Mention:
    """A place of "HEAD in (the) X, Y ...": the OUTCOME "X HEAD" over the place's words."""
    while lo < hi - 1 and doc[lo].lower_ in ("the", "a", "an"):
        lo += 1
    return outcome(doc, lo, hi, f"{doc[lo:hi].text} {head}")
