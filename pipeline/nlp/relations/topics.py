"""What a sentence leaves the next besides its relations: the subject a "They ..." refers to
(:func:`topic_carry`, :func:`clause_subject_mentions`) and the disease the text is about
(:func:`disease_topic`), which is the subject of a feature noun that names no disease (issue 12):
"Long-term consequences may include memory loss", "Non-motor symptoms such as constipation often
appear early", "Pressure sores are common complications" (dependency patterns with ``topic:
true``; :func:`topic_subjects`). Such a relation's ``carried`` is ``topic``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from pipeline.nlp.relations.arguments import allowed, mention_at
from pipeline.nlp.relations.types import Candidate, Carry, Mention

TOPIC = "topic"  # the carried value of a subject that is the text's disease topic
DISEASE = "DISEASE"


def clause_subject_mentions(parse: Doc, ms: Sequence[Mention], off: int) -> list[Mention]:
    """The mentions the grammatical subject of the sentence's main clause names ("Once mobilized,
    MSCs activate repair mechanisms": MSCs), as the surface reader carries them; none for an anaphor."""
    roots = [t for t in parse if t.dep_ == "ROOT"]
    heads = [c for r in roots[:1] for c in r.children if c.dep_ in ("nsubj", "nsubjpass")]
    found = [mention_at(ms, off + t.i) for h in heads[:1] for t in (h, *h.conjuncts)]
    return [m for m in dict.fromkeys(found) if m is not None]


def topic_carry(ms: Sequence[Mention], start: int, agents: frozenset[str], carry: Carry) -> Carry:
    """What a sentence that related no subject of its own leaves the next: a mention of ``agents``
    (the agent classes; the dependency reader adds DISEASE) it opens with is its topic ("MSCs are
    multipotent cells ... . They migrate to X": MSCs; "Cervical injuries are the most severe. They
    impair X": cervical injuries; :func:`number_fits` checks a disease against the anaphor), else
    the carry it was given."""
    first = ms[0] if ms else None
    if first is None or first.start != start or not allowed(first, agents):
        return carry
    return Carry((first,), carry.objects)


def number_fits(anaphor: Token, antecedent: Mention) -> bool:
    """A carried disease agrees in number with the anaphor that takes it: "they"/"these" a
    plural ("Cervical injuries are severe. They ..."), "it" a singular ("PD is common. It ...").
    Other antecedents are not checked."""
    if antecedent.label != DISEASE:
        return True
    word = anaphor.lower_
    if word == "it":
        return not looks_plural(antecedent.text)
    return word not in ("they", "these") or looks_plural(antecedent.text)


def looks_plural(text: str) -> bool:
    """The phrase's last word has a plural -s ("cervical injuries", "infections"; not "fibrosis",
    "lupus", "stress")."""
    last = text.lower().split()[-1] if text.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "is", "us"))


def disease_topic(ms: Sequence[Mention], start: int, candidates: Sequence[Candidate], parse: Doc | None,
                  topic: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The disease topic after a sentence (``ms``: its mentions; ``start``: its first doc token;
    ``parse``: its parse, None when unparsed): the last disease its relations have as their own
    subject, else the disease that is its main clause's subject, else a disease it opens with,
    else ``topic`` (what the sentences before left)."""
    own = [c.subject for c in candidates if DISEASE in c.subject.classes and c.subject.start >= start]
    if own:
        return (own[-1],)
    if parse is not None:
        subjects = [m for m in clause_subject_mentions(parse, ms, start) if DISEASE in m.classes]
        if subjects:
            return (subjects[0],)
    if ms and ms[0].start == start and DISEASE in ms[0].classes:
        return (ms[0],)
    return topic


def topic_subjects(parse: Doc, trigger: int, subject: int, ms: Sequence[Mention], off: int,
                   topic: Sequence[Mention]) -> list[Mention] | None:
    """The subjects of a topic pattern's match (sentence tokens ``trigger`` and ``subject``): the
    feature noun is the subject node when a noun ("consequences include X"), else the trigger
    ("symptoms such as X", "X are complications"). A disease mention among its left modifiers
    ("PD symptoms include tremor"), else the last disease that is a clause's subject before it in
    the sentence, else the topic; None when the noun names its owner otherwise
    (an of-phrase: "the symptoms of PD", read by ``disease_feature``; another mention on its left:
    "MSC features") or there is no topic."""
    feature = parse[subject] if parse[subject].pos_ in ("NOUN", "PROPN") else parse[trigger]
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in feature.children):
        return None
    left = [m for c in feature.children if c.i < feature.i
            for m in [mention_at(ms, off + c.i)] if m is not None]
    if left:
        diseases = [m for m in dict.fromkeys(left) if DISEASE in m.classes]
        return diseases or None
    # a disease the sentence has as another clause's subject before the noun ("Sepsis is a major
    # cause of death, and barrier dysfunction is its complication"; not the noun's own clause's)
    before = [m for m in ms if m.start >= off and m.end - off <= feature.i and DISEASE in m.classes
              and any(parse[i - off].dep_ in ("nsubj", "nsubjpass") and parse[i - off].head != feature.head
                      for i in range(m.start, m.end))]
    return before[-1:] or list(topic) or None


def how_carried(carried: str, subject: Mention, sentence_start: int) -> str:
    """A candidate's ``carried``: ``topic`` for a topic subject of an earlier sentence (none for
    a disease the sentence names), ``anaphor`` for another subject of an earlier sentence."""
    if carried == TOPIC:
        return TOPIC if subject.start < sentence_start else ""
    return "anaphor" if subject.start < sentence_start else carried


LIST_GLUE = frozenset({",", "and", "or"})
POINTING_BACK = frozenset({"these", "those"})


def coordinated_groups(doc: Doc, ms: Sequence[Mention], abbreviated: bool = False
                       ) -> tuple[tuple[Mention, ...], ...]:
    """The runs of two or more mentions of one label a sentence coordinates ("activating microglia
    and astrocytes", "IL-1, IL-6, and TNF"): only commas and and/or between two members, an and/or
    in the run. ``ms``: the sentence's mentions, in order. With ``abbreviated``, a member may carry
    its parenthesised short form ("Multiple Sclerosis (MS), Neuromyelitis Optica and X"): the
    short form is no member of its own and its parenthesis counts as glue."""
    groups: list[tuple[Mention, ...]] = []
    run: list[Mention] = []
    joined = False
    for m in ms:
        if abbreviated and short_form(doc, m):
            continue
        between = {t.lower_ for t in doc[run[-1].end:m.start]
                   if not (abbreviated and inside_short_form(doc, t.i, ms))} if run else set()
        if run and m.label == run[-1].label and between and between <= LIST_GLUE:
            run.append(m)
            joined = joined or bool(between - {","})
            continue
        if len(run) > 1 and joined:
            groups.append(tuple(run))
        run, joined = [m], False
    if len(run) > 1 and joined:
        groups.append(tuple(run))
    return tuple(groups)


def short_form(doc: Doc, m: Mention) -> bool:
    """``m`` stands alone in a parenthesis right after a mention ("Multiple Sclerosis (MS)")."""
    return (m.start > 0 and m.end < len(doc) and doc[m.start - 1].text == "("
            and doc[m.end].text == ")")


def inside_short_form(doc: Doc, i: int, ms: Sequence[Mention]) -> bool:
    """Token ``i`` is a short form of ``ms`` (:func:`short_form`) or its parenthesis."""
    return any(short_form(doc, m) and m.start - 1 <= i <= m.end for m in ms)


def run_members(objects: Sequence[Mention], groups: Sequence[tuple[Mention, ...]],
                lo: int, hi: int) -> list[Mention]:
    """The members of a coordinated run (``groups``: :func:`coordinated_groups`) that an object
    of ``objects`` belongs to and the parse left out, when the whole run lies in the object
    node's subtree (doc tokens ``lo .. hi``): a list the parse broke ("MS, NMO, CIDP, MG, and
    genetic disorders" with CIDP read as a modifier) keeps all its members; a mention of another
    clause is never in the subtree."""
    out: list[Mention] = []
    for group in groups:
        if lo <= group[0].start and group[-1].end <= hi and any(m in objects for m in group):
            out.extend(m for m in group if m not in objects and m not in out)
    return out


def class_noun_members(parse: Doc, subjects: Sequence[Mention], off: int,
                       listed: Sequence[tuple[Mention, ...]]) -> list[Mention]:
    """Subjects with a class noun after "these"/"those" read as the members the sentence before
    coordinated ("... activating microglia and astrocytes. These glial cells release IL-6":
    microglia, astrocytes): the last coordinated group of ``listed`` (:func:`coordinated_groups`
    of the previous sentence) whose members share the noun's label and are not the noun itself."""
    out: list[Mention] = []
    for m in subjects:
        k = m.start - off
        group = None
        if 0 < k <= len(parse) and parse[k - 1].lower_ in POINTING_BACK:
            group = next((g for g in reversed(listed)
                          if all(x.label == m.label and x.key() != m.key() for x in g)), None)
        out.extend(x for x in (group or (m,)) if x not in out)
    return out


def same_head(anaphor: Token, named: Sequence[Mention]) -> list[Mention]:
    """The antecedents an object anaphor ("these vesicles") takes of the mentions ``named`` (the
    previous relation's objects): those whose last word is its noun ("extracellular vesicles
    (EVs) such as exosomes. These vesicles ...": the EVs, not the exosomes they include), else
    all of them ("IL-6 and TNF. These molecules ...")."""
    noun = anaphor.lower_
    own = [m for m in named if m.text.lower().split()[-1:] == [noun]]
    return own or list(named)
