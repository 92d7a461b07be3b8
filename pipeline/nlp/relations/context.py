"""Context of a relation, kept apart from extraction: negation, hedging, evidence level,
the subject's state, and the anaphora that carry a subject over.

Cues come from ``resources/context_cues.yaml`` (:class:`~.rules.Cues`):
- negation: a NegEx cue in the text between the clause start and the trigger,
  once pseudo-negations ("not only") are taken out;
- hedging: a hedge cue anywhere in the sentence (BioScope);
- evidence level, from the document rather than from stray words
  (:func:`document_evidence`, :func:`relation_evidence`): every relation of a review
  (its article kind, or the review's own wording: "in this review") is "review"; a
  primary study's relations have the level of its design sentences (sentences naming
  the study's own design: "in this study", "we ...", "cells were cultured"), a
  relation's own sentence counting only when it is such a sentence; a web page's stay
  "unspecified" unless their sentence cites a study. Cues are matched on text whose
  entity spans are masked (:func:`masked`: "glial cell line-derived neurotrophic
  factor" is no in_vitro cue);
- subject state: "knockdown of X", "X siRNA" (loss), "mutations in X" (variant: the gene's
  own effect is unknown), "R140Q", "c.35delG" (variant named by the mention itself: its own
  effect is the predicate's, :func:`own_state`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.nlp.relations.rules import Cues
from pipeline.nlp.relations.types import Mention

UNSPECIFIED = "unspecified"
# article kinds (resources/kinds.yaml) that are reviews: their statements are "review"
REVIEW_KINDS = frozenset({"review", "review_summary"})
# kinds whose own text says what evidence they report: primary studies and unknown documents
# ("" when no kind was given); web pages and news stay "unspecified" unless a sentence cites
# a study (a clinic page that mentions patients reports no clinical evidence)
KINDS_READ_FOR_EVIDENCE = frozenset({"abstract", "research_article", "full_text", "document", ""})


def is_negated(cues: Cues, text: str) -> bool:
    """A NegEx cue in ``text`` once pseudo-negations ("not only") are taken out."""
    for pseudo in cues.pseudo_negation:
        text = pseudo.sub(" ", text)
    return cues.negation.search(text) is not None


def is_hedged(cues: Cues, text: str) -> bool:
    """A hedge cue anywhere in ``text``."""
    return cues.hedge.search(text) is not None


def masked(text: str, spans: Iterable[tuple[int, int]], offset: int = 0) -> str:
    """``text`` with the characters of ``spans`` blanked (character offsets in the document;
    ``text`` starts at ``offset``): cue words inside entity names never count."""
    chars = list(text)
    n = len(chars)
    for start, end in spans:
        for i in range(max(0, start - offset), min(n, end - offset)):
            chars[i] = " "
    return "".join(chars)


def sentence_evidence(cues: Cues, text: str) -> str:
    """The first evidence level whose cue occurs in ``text`` ('' when none)."""
    for level, pattern in cues.evidence:
        if pattern.search(text) is not None:
            return level
    return ""


def names_design(cues: Cues, text: str) -> bool:
    """The sentence names the study's own design ("in this study", "cells were cultured")."""
    return cues.design is not None and cues.design.search(text) is not None


def cites_study(cues: Cues, text: str) -> bool:
    """The sentence cites a study ("a study published in ...", "Smith et al")."""
    return cues.citation is not None and cues.citation.search(text) is not None


@dataclass(frozen=True)
class DocumentEvidence:
    """What the document says of its evidence: ``kind`` "review", "primary" (a study whose
    sentences are read) or "other" (web pages, news, unknown), and a primary study's level."""

    kind: str
    level: str = ""


def document_evidence(cues: Cues, kind: str, sentences: Sequence[str]) -> DocumentEvidence:
    """The document's evidence from its article ``kind`` and its (masked) ``sentences``: a
    review by kind or by its own wording; for a primary study (or an unknown document) the
    first level cued in a design sentence, else the first level cued anywhere."""
    if kind in REVIEW_KINDS:
        return DocumentEvidence("review")
    if kind not in KINDS_READ_FOR_EVIDENCE:
        return DocumentEvidence("other")
    if cues.review_wording is not None and any(cues.review_wording.search(s) for s in sentences):
        return DocumentEvidence("review")
    found = [sentence_evidence(cues, s) for s in sentences if names_design(cues, s)]
    level = next((lv for lv, _ in cues.evidence if lv in found), "")
    if not level:
        level = next((lv for lv in map(lambda s: sentence_evidence(cues, s), sentences) if lv), "")
    return DocumentEvidence("primary", level)


def relation_evidence(cues: Cues, document: DocumentEvidence, sentence: str) -> str:
    """The evidence level of a relation in (masked) ``sentence``: "review" in a review; in a
    primary study the sentence's level when it names the study's design, else the
    document's; elsewhere the sentence's level only when it cites a study."""
    if document.kind == "review":
        return "review"
    if document.kind == "primary":
        own = sentence_evidence(cues, sentence) if names_design(cues, sentence) else ""
        return own or document.level or UNSPECIFIED
    if cites_study(cues, sentence):
        return sentence_evidence(cues, sentence) or UNSPECIFIED
    return UNSPECIFIED


def own_state(cues: Cues, m: Mention) -> str:
    """The state the mention's own text names ('variant' for "R140Q", "c.35delG", "rs123",
    "M404V mutation": the variant itself, not a gene said to be mutated), else '' (cues:
    ``mention`` of a ``subject_state`` entry)."""
    return next((state for state, pattern, classes in cues.state_mentions
                 if (not classes or any(c in classes for c in m.classes)) and pattern.search(m.text)), "")


def named_state_before(cues: Cues, ms: Sequence[Mention], m: Mention, words: Sequence[str],
                       offset: int) -> Mention | None:
    """The mention naming a state ("p.R229G") that heads the phrase ``m`` lies in ("a p.R229G
    mutation in the FRMD7 gene": the words between match the state's ``located_in`` cue), else
    None. ``ms``: the doc's mentions in order; ``offset``: the sentence's first token."""
    v = next((x for x in reversed(ms) if x.end <= m.start), None)
    if v is None or v.start < offset or m.start - v.end > 8:
        return None
    between = " ".join(words[v.end - offset:m.start - offset])
    return next((v for state, located in cues.state_located
                 if located.search(between) and own_state(cues, v) == state), None)


def subject_state(cues: Cues, m: Mention, words: Sequence[str], offset: int) -> str:
    """'loss' when the text speaks of the subject's loss, knockdown or inhibition, 'variant'
    of its mutation or polymorphism (or the mention names a variant itself: :func:`own_state`),
    'secretome' of its conditioned medium or secretome ("MSC-conditioned medium"), 'low' of its
    low level ("low vitamin D levels"), else ''
    (cues: ``subject_state`` of the cues file). ``words``: the sentence's lower-cased tokens,
    ``offset``: its first token."""
    own = own_state(cues, m)
    if own:
        return own
    before = " ".join(words[max(0, m.start - offset - 8):m.start - offset])
    after = " ".join(words[m.end - offset:m.end - offset + 3])
    for state, before_cue, after_cue in cues.subject_state:
        if before_cue.search(before) or after_cue.search(after):
            return state
    for state, before_cue, after_cue in cues.state_around:
        if before_cue.search(before) and after_cue.search(after):
            return state
    return ""


def object_deficit(cues: Cues, m: Mention, words: Sequence[str], offset: int) -> bool:
    """The object is named by what it lost: "loss of sensation", "death of neurons", "memory
    deficits" (cues: ``deficit`` of the cues file)."""
    if cues.deficit is None:
        return False
    before_cue, after_cue, _ = cues.deficit
    before = " ".join(words[max(0, m.start - offset - 5):m.start - offset])
    after = " ".join(words[m.end - offset:m.end - offset + 2])
    return bool(before_cue.search(before) or after_cue.search(after))


PARENTHESIS = re.compile(r"(^| )\( [^()]*\)(?= |$)")


def behind_risk(cue: re.Pattern[str], m: Mention, words: Sequence[str], offset: int, start: int) -> bool:
    """The mention follows a raised or lowered risk ("an increased risk of D", "a lower
    likelihood of developing D"; ``cue``: the ``before`` of a ``risk_direction`` entry), read in
    the (up to 8) words before it from doc token ``start`` on (the trigger's next word for an
    object: "increased risk of D was associated with X" raises no risk of X)."""
    if m.start < offset:
        return False
    # a parenthesis left out ("an increased risk (HR 1.5, 95% CI 1.1-2.0) of D"), then 8 words
    window = " ".join(words[max(start, m.start - 32) - offset:m.start - offset])
    kept = PARENTHESIS.sub(" ", window).split()
    return cue.search(" ".join(kept[-8:])) is not None


def before_trigger(cue: re.Pattern[str], trigger: int, words: Sequence[str], offset: int) -> bool:
    """The (up to 3) words right before the trigger token match ``cue`` ("inversely" associated,
    "negatively" correlated; the ``trigger_before`` of a ``risk_direction`` entry)."""
    return cue.search(" ".join(words[max(offset, trigger - 3) - offset:trigger - offset])) is not None


def deficit_predicate(cues: Cues, predicate: str) -> str:
    """The predicate a relation to a deficit object states ("X causes loss of Y": X DECREASES Y)."""
    return cues.deficit[2].get(predicate, predicate) if cues.deficit else predicate


def damage_start(cues: Cues, m: Mention, words: Sequence[str], offset: int) -> int | None:
    """The doc token where a phrase naming the harm done to ``m`` starts ("Damage to
    neurons", "loss of the neurons"; cues: ``damage_subject``), for a cell or tissue
    mention; else None."""
    if cues.damage_subject is None or not m.start >= offset:
        return None
    cue, classes = cues.damage_subject
    if not any(c in classes for c in m.classes):
        return None
    before = words[max(0, m.start - offset - 5):m.start - offset]
    found = cue.search(" ".join(before))
    if found is None:
        return None
    return m.start - (len(before) - len(" ".join(before)[:found.start()].split()))


def benefit_predicate(cues: Cues, predicate: str, m: Mention, words: Sequence[str], offset: int) -> str:
    """The predicate a relation to an object named by what is kept or gained states ("X
    contributes to joint homeostasis": X PROTECTS joint; "... to OA management": X TREATS
    OA; cues: ``benefit`` of the cues file); else ``predicate``."""
    after = " ".join(words[m.end - offset:m.end - offset + 2])
    for after_cue, object_cue, turns in cues.benefit:
        if predicate not in turns:
            continue
        if (after_cue is not None and after_cue.search(after)) or (
                object_cue is not None and object_cue.search(m.text.lower())):
            return turns[predicate]
    return predicate


def changed_predicate(cues: Cues, predicate: str, m: Mention, words: Sequence[str], offset: int,
                      trigger: int) -> str:
    """The predicate a cause states on an object named with the change it brought about ("X led
    to reduced inflammation": X DECREASES inflammation; "X resulted in improved motor function":
    INCREASES; "X promotes macrophage polarization": POLARIZES; cues: ``changed``), read in the
    (up to 4) words between the trigger token ``trigger`` and the object, in the object's own
    text or in the (up to 2) words after it; else ``predicate``."""
    lo = max(trigger + 1, m.start - 4) - offset
    before = " ".join(words[lo:m.start - offset]) if lo >= 0 else ""
    after = " ".join(words[m.end - offset:m.end - offset + 2])
    for before_cue, object_cue, after_cue, turns in cues.changed:
        if predicate in turns and ((before_cue is not None and before_cue.search(before)) or (
                object_cue is not None and object_cue.search(m.text.lower())) or (
                after_cue is not None and after_cue.search(after))):
            return turns[predicate]
    return predicate


def is_privative(cues: Cues, m: Mention, words: Sequence[str], offset: int) -> bool:
    """The mention is negated by its own prefix ("non-hematopoietic cells"): no argument."""
    if cues.privative is None:
        return False
    before = " ".join(words[max(0, m.start - offset - 2):m.start - offset])
    return bool(cues.privative.search(before)) or bool(cues.privative.match(m.text.lower()))


def names_no_participant(cues: Cues, m: Mention, words: Sequence[str], offset: int) -> bool:
    """relprec (issue 12): the mention names no participant of a relation: a generic variant or
    sequence word ("SNP", "the polymorphism", "initiation codon"; ``no_argument``), or a modifier
    of the head noun after it (``opaque_head``: the "EC" of "the EC barrier", the "TSPO" of "a
    TSPO ligand", the "stem cell" of "stem cell-like phenotype")."""
    if cues.no_argument is not None and cues.no_argument.match(m.text.lower()):
        return True
    if cues.opaque_head is None or m.start < offset or own_state(cues, m):
        return False  # a variant heads its phrase: "the K77E substitution of PKD1"
    after = " ".join(words[m.end - offset:m.end - offset + 2])
    return cues.opaque_head.match(after) is not None


def course_of(cues: Cues, m: Mention, ms: Sequence[Mention], words: Sequence[str],
              offset: int) -> Mention | None:
    """relprec (issue 12): the mention whose course object ``m`` names ("associated with the
    recurrence of erysipelas": erysipelas; cues: ``course``, the object's whole text), the
    mention right after its "of" (and an article or possessive), else None."""
    if cues.course is None or m.start < offset or not cues.course.match(m.text.lower()):
        return None
    k = m.end - offset
    if k >= len(words) or words[k] != "of":
        return None
    k += 2 if k + 1 < len(words) and words[k + 1] in ("the", "its", "their", "this", "these") else 1
    return next((x for x in ms if x.start == offset + k), None)


def names_risk(cues: Cues, text: str) -> bool:
    """The sentence names a risk or side effect ("potential risks include tumour formation",
    "side effects such as fever"), once risks avoided or absent ("minimal side effects",
    "no evidence of tumor formation") and a disease's risk ("risk of developing PD") are
    taken out (``not_risk`` of the cues file)."""
    risk = next((p for name, p in cues.context if name == "risk"), None)
    if risk is None:
        return False
    for phrase in cues.not_risk:
        text = phrase.sub(" ", text)
    return risk.search(text) is not None


def statement_context(cues: Cues, text: str, subject: Mention, subject_names: str = "",
                      obj: Mention | None = None, polarity: str = "") -> str:
    """What a statement is about: "risk" (the sentence names a risk or side effect:
    :func:`names_risk`), else "pathology" (a disease as the agent), else "therapeutic" when the
    subject's own words name a therapy (``subject_names``: its text and, for an abbreviation,
    its long form: "MMVs" for MSC-derived microvesicles, an anaphor's antecedent), else
    "pathology" when a positive relation ends in a disease ("COPD results from chronic
    inflammation", "smoking causes COPD"), else the sentence's cues: "therapeutic" (a therapy
    cue), "pathology" (a pathology cue), else ""."""
    if names_risk(cues, text):
        return "risk"
    if any(c in cues.pathology_subjects for c in subject.classes):
        return "pathology"
    therapy = dict(cues.context).get("therapeutic")
    if therapy is not None and subject_names and therapy.search(subject_names):
        return "therapeutic"
    if obj is not None and polarity == "positive" and any(c in cues.pathology_subjects for c in obj.classes):
        return "pathology"
    found = {name for name, pattern in cues.context if name != "risk" and pattern.search(text)}
    return next((name for name in ("therapeutic", "pathology") if name in found), "")


def anaphora(cues: Cues, words: Sequence[str]) -> tuple[bool, bool]:
    """Whether the sentence opens with a subject anaphor ("They", "These cells") and with
    an object anaphor ("These molecules")."""
    if not words:
        return False, False
    first_words = " ".join(words[:2])
    subject = bool(cues.subject_anaphor.match(words[0]) or cues.subject_anaphor.match(first_words))
    return subject, bool(cues.object_anaphor.match(first_words))


def prevented_harm(cues: Cues, m: Mention, words: Sequence[str], offset: int) -> bool:
    """The object follows a harm prevented ("help prevent damage caused to nerve cells", "limit
    injury to the lung"; cues: ``prevented_harm``): the relation protects it."""
    if cues.prevented_harm is None or m.start < offset:
        return False
    before = " ".join(words[max(0, m.start - offset - 8):m.start - offset])
    return cues.prevented_harm.search(before) is not None


def has_expletive(cues: Cues, words: Sequence[str]) -> bool:
    """The sentence has an expletive "it" ("It is crucial to identify ...", "..., it remains
    unclear whether ..."; cues: ``expletive``): no subject is carried over to it."""
    return cues.expletive is not None and cues.expletive.search(" ".join(words)) is not None


def behind_means(cues: Cues, c_trigger: int, m: Mention, words: Sequence[str], offset: int) -> bool:
    """A means phrase stands between an active verb (doc token ``c_trigger``) and the later
    mention ``m`` ("promote healing through ... the release of EVs"; cues: ``means``): the
    mention is no object of the verb."""
    if cues.means is None or m.start <= c_trigger or m.start < offset:
        return False
    return cues.means.search(" ".join(words[c_trigger - offset + 1:m.start - offset])) is not None



def in_question(cues: Cues, trigger: int, words: Sequence[str], offset: int) -> str:
    """relprec (issue 12): what the trigger stands in: 'question' after an open question's cue
    ("We examined whether X increases Y", "Whether X regulates Y is unknown"), 'aim' after a
    study aim's ("The aim of this study was to test the effect of X on Y", "To determine ...");
    '' when neither cue comes before it or the sentence reports a finding after the last one
    ("..., and found that X increases Y"; the cues' ``answer``). ``words``: the sentence's
    lower-cased tokens, ``offset`` its first token."""
    before = " ".join(words[:trigger - offset])
    found, end = "", -1
    for kind, cue in (("question", cues.question), ("aim", cues.aim)):
        for m in cue.finditer(before) if cue is not None else ():
            if m.end() > end:
                found, end = kind, m.end()
    if not found:
        return ""
    after = " ".join(words)[end:]
    return found if cues.answer is None or cues.answer.search(after) is None else ""
