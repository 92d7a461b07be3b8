"""The schema of ``resources/context_cues.yaml`` (negation, hedging, evidence level, anaphora,
subject state, context and list cues): pydantic models, unknown keys rejected. The cues are
compiled into :class:`pipeline.nlp.relations.rules.Cues` by
:func:`pipeline.nlp.relations.rules.build_rules`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from pipeline.nlp.relations.leadcues import LeadInSpec
from pipeline.nlp.relations.therapies import TherapySpec
from pipeline.ruledata import Meta, Strict


class AnaphoraSpec(Strict):
    subject: str
    objects: str
    event: str | None = None  # a sentence opening with an event anaphor ("This helps reduce X")
    therapy: TherapySpec | None = None  # "This procedure is used in ..." (.therapies)


class StateCues(Strict):
    before: str
    after: str
    # the predicate a relation of a subject in this state is stated as ("knockdown of X
    # reduced Y": X INCREASES Y)
    predicates: dict[str, str] = Field(default_factory=dict)
    # a mention whose own text names the state ("R140Q", "c.35delG", "rs123": the variant
    # itself, whose own effect the predicate states)
    mention: str = ""
    mention_classes: list[str] = Field(default_factory=list)  # the classes it applies to (empty: any)
    # the words between such a mention and a gene after it ("R229G mutation in the" FRMD7 gene):
    # the mention heads the phrase, so it is the subject, not the gene it lies in
    located_in: str = ""
    # relfix: [words before, words after] the mention, both to match ("low" X "levels")
    around: list[str] = Field(default_factory=list, max_length=2)


class DeficitCues(Strict):
    before: str
    after: str
    predicates: dict[Annotated[str, Field(pattern=r"^[A-Z_]+$")], Annotated[str, Field(pattern=r"^[A-Z_]+$")]]


class EvidenceCues(Strict):
    # design cues per level, in priority order (the first that occurs wins)
    levels: dict[Literal["clinical", "animal", "in_vitro"], list[str]]
    review: list[str] = Field(default_factory=list)  # a review's own wording
    design: list[str] = Field(default_factory=list)  # a sentence naming the study's design
    citation: list[str] = Field(default_factory=list)  # a sentence citing a study


class DamageSubjectCues(Strict):
    before: str
    classes: list[str]


class BenefitCues(Strict):
    after: str = ""  # the words after the object ("joint homeostasis")
    object: str = ""  # the object's own text ("tissue repair")
    predicates: dict[Annotated[str, Field(pattern=r"^[A-Z_]+$")], Annotated[str, Field(pattern=r"^[A-Z_]+$")]]


class RiskCues(Strict):
    """The direction an association states: a raised or lowered risk of its object ("X is
    associated with an increased / a reduced risk of D"), or an adverb before its trigger
    ("inversely associated with")."""
    before: str = ""  # the words before the object ("associated with an increased risk of")
    trigger_before: str = ""  # the words right before the trigger ("inversely")
    # with ``trigger_before``: a subject of these classes and an object of none is the outcome
    # of the (symmetric) association, which is stated with the arguments swapped
    outcome: list[str] = Field(default_factory=list)
    predicates: dict[Annotated[str, Field(pattern=r"^[A-Z_]+$")], Annotated[str, Field(pattern=r"^[A-Z_]+$")]]

    @model_validator(mode="after")
    def _one_cue(self) -> RiskCues:
        if not self.before and not self.trigger_before:
            raise ValueError("a risk_direction entry needs `before` or `trigger_before`")
        return self


class ChangedCues(Strict):
    """rel-obj2: an object named with the change a cause brought about ("led to reduced Y")."""
    before: str = ""  # the (up to 4) words between the trigger and the object
    object: str = ""  # the object's own text ("improved motor function")
    after: str = ""  # the (up to 2) words after the object ("macrophage polarization")
    predicates: dict[Annotated[str, Field(pattern=r"^[A-Z_]+$")], Annotated[str, Field(pattern=r"^[A-Z_]+$")]]


class CuesFile(Strict):
    meta: Meta
    subject_state: dict[Literal["loss", "variant", "secretome", "low"], StateCues] = Field(
        default_factory=dict)
    negation: list[str]
    pseudo_negation: list[str] = Field(default_factory=list)
    hedge: list[str]
    evidence: EvidenceCues
    anaphora: AnaphoraSpec
    deficit: DeficitCues | None = None
    benefit: list[BenefitCues] = Field(default_factory=list)
    damage_subject: DamageSubjectCues | None = None
    privative: str = ""
    # the words before an object naming harm prevented ("prevent damage caused to X"): the
    # relation protects the object, whatever its trigger
    prevented_harm: str = ""
    # a sentence opening with an expletive "it" ("It is crucial to ..."): no anaphor
    expletive: str = ""
    # a means phrase between an active verb and a mention ("through", "via", "by secreting")
    means: str = ""
    # the direction an association states ("X is associated with an increased risk of D": X
    # DRIVES D; "... with a lower risk of D", "inversely associated with D": X DECREASES D)
    risk_direction: list[RiskCues] = Field(default_factory=list)
    context: dict[Literal["risk", "pathology", "therapeutic"], list[str]] = Field(default_factory=dict)
    pathology_subjects: list[str] = Field(default_factory=list)
    not_risk: list[str] = Field(default_factory=list)
    changed: list[ChangedCues] = Field(default_factory=list)
    lead_ins: LeadInSpec | None = None  # rellists: list items under a lead-in (.leadins)
    # relprec (issue 12): an open question or a study aim before the trigger ("we examined whether
    # X increases Y", "the aim of this study was to test ..."), unless the sentence reports a
    # finding after it ("..., and found that X increases Y")
    question: list[str] = Field(default_factory=list)
    aim: list[str] = Field(default_factory=list)
    answer: str = ""
    # relprec: a mention that names no participant: its own text ("SNP") or the head noun after it
    # ("EC barrier", "TSPO ligand", "stem cell-like phenotype")
    no_argument: str = ""
    opaque_head: str = ""
    course: str = ""  # an object naming the course of the disease of its of-phrase ("recurrence")
