"""The records relation extraction passes along: Mention -> Candidate -> Relation.

A reader (the surface reader today, a dependency reader next) turns a
sentence's mentions into :class:`Candidate` records; :mod:`.finalize` turns
candidates into :class:`Relation` records. :class:`Carry` is what one sentence
leaves the next for "They ..." / "These molecules ..." (a reader returns a new
one instead of updating shared state).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.nlp.relations.rules import Rule

OUTCOME = "OUTCOME"  # class of an outcome/process object without an entity mention


@dataclass(frozen=True)
class Mention:
    """An argument: token range, text, label, classes and id."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    label: str
    classes: tuple[str, ...]
    kb_id: str

    def key(self) -> str:
        """Identity used for de-duplication: the concept id, else the lower-cased text."""
        return self.kb_id or self.text.lower()


@dataclass(frozen=True)
class Sentence:
    """Where a sentence is: its index in the doc, token and character bounds."""

    index: int
    start: int
    end: int
    start_char: int
    end_char: int


@dataclass(frozen=True)
class Candidate:
    """A (subject, rule, object) a reader proposes; :mod:`.finalize` decides what it becomes.

    ``trigger`` and ``scope_start`` are doc token indices: negation is looked for
    in the tokens ``scope_start .. trigger`` (the reader knows where the clause of
    its form begins). ``reader`` names who proposed it ("surface", later "dep").
    """

    subject: Mention
    object: Mention
    rule: Rule
    form: str
    sentence: Sentence
    trigger: int
    scope_start: int
    reader: str = "surface"
    carried: str = ""  # how the subject was reached when not the trigger's own: conj, xcomp, relcl, ...
    negated: bool | None = None  # set from the parse (syntactic scope); None: finalize reads the text
    # rellists: the (start, end) characters of the lead-in line a list item hangs under, whose
    # hedging the item shares ("Our patients report:" then "• less pain"; .leadins)
    lead: tuple[int, int] | None = None

    @property
    def rule_id(self) -> str:
        """``<reader>:<rule id>``, e.g. ``surface:secrete``."""
        return f"{self.reader}:{self.rule.id}"


@dataclass(frozen=True)
class Relation:
    """A directed relation found in one sentence.

    ``rule_id`` is the proposing reader and rule (``surface:secrete``);
    :attr:`rule_name` is the rule alone (the ``rule_id`` column of relations.csv).
    """

    subject: Mention
    predicate: str
    object: Mention
    polarity: str
    negated: bool
    hedged: bool
    evidence_level: str
    rule_id: str
    form: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    subject_state: str = ""  # "", "loss", "variant", "secretome" or "low" (see context.subject_state)
    # "" (unknown), "therapeutic", "pathology" or "risk" (see context.statement_context)
    context: str = ""
    # how the subject was reached when it is not the trigger's own: "conj", "xcomp",
    # "relcl", "copula", ... (dependency reader), "anaphor" (a previous sentence's subject)
    carried: str = ""

    @property
    def rule_name(self) -> str:
        """The rule's own id, without the reader prefix."""
        return self.rule_id.partition(":")[2] or self.rule_id


@dataclass(frozen=True)
class Carry:
    """What a sentence leaves the next: its subjects and its last relation's objects."""

    subjects: tuple[Mention, ...] = ()
    objects: tuple[Mention, ...] = ()
