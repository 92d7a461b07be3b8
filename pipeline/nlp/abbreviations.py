"""``mechmine_abbreviations``: abbreviations defined in a text inherit their long form's entity.

Detection is scispaCy's implementation of Schwartz & Hearst (2003), "A simple
algorithm for identifying abbreviation definitions in biomedical text"
(``scispacy.abbreviation.filter_matches`` and ``find_abbreviation``), fed by a
scan of the token array for parentheses instead of scispaCy's per-document
``Matcher`` runs (several times faster, same candidates for unnested
parentheses; a short form ending in an isoform number or Greek letter that its
long form leaves out, "insulin-like growth factor (IGF-1)", is tried without
it). A long form with an unbalanced bracket ("(CD29, CD90) while lacking
hematopoietic markers (CD45)") is no definition, nor is a list ("cells (dendritic cells,
macrophages, and B cells)"). Every occurrence of a
defined short form (and of its plural or singular: "MSC" for "MSCs") is
collected into ``doc._.abbreviations``, each with ``span._.long_form``, as
scispaCy's ``abbreviation_detector`` does. For
each short form:
- if an entity ends where its long form ends (the long form's head), the short
  form gets that entity's label, id and classes;
- otherwise, if the short form is itself a lexicon entity ("insulin-like
  growth factor (IGF-1)"), it keeps that entity and lends it to the long form;
- otherwise it gets a label from the head word of its long form
  (``resources/abbreviation_heads.yaml``), no id, and the long form as its
  canonical name; the long form becomes an entity with that label too;
- when no head rule fits, an entity that ends the long form but covers less of it (its
  head noun phrase: "mesenchymal stem cell-derived microvesicles") lends the short form its
  label, id and classes; without one the short form is OTHER;
- a long form whose head noun phrase ends in a word of ``non_entity_heads`` (an
  organisation, a test, a procedure: "Cord Blood Registry", "pulmonary function testing",
  "stem cell transplantation") makes the short form OTHER before any of the above, even
  where the short form is a lexicon term ("CBR" is no gene there).
The text's own definition beats the lexicon: a short-form occurrence replaces
any entity overlapping it, except a longer entity that contains it ("VEGF-C").
An OTHER short form names nothing of mechmine's classes: it is no entity, and
still removes the entities it overlaps.
With a statistical model (``--model``), a long form that overlaps one of the model's
entities is not made an entity: the model's boundaries stand (its short form still is).
Sets ``doc.ents`` and ``doc._.mentions`` (source "abbreviation", long form
recorded).
"""

# No ``from __future__ import annotations``: spaCy validates ``initialize`` settings against
# its annotations, which must be real types.

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from scispacy.abbreviation import filter_matches, find_abbreviation, span_contains_unbalanced_parentheses
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.errors import MechmineError
from pipeline.lexicon.edges import instrument_name
from pipeline.lexicon.mention_rules import load_mention_rules
from pipeline.lexicon.refine import TokenText
from pipeline.nlp.abbreviation_heads import (  # noqa: F401  (re-exported)
    OTHER,
    HeadRule,
    HeadRules,
    HeadRulesFile,
    HeadRuleSpec,
    head_label,
    head_part,
    load_head_rules,
    names_no_entity,
)
from pipeline.nlp.extensions import MentionInfo, mentions
from pipeline.nlp.initials import BASES, UNSEEN, initials_start, prefixed_base
from pipeline.ruledata import resource_path, save_data, saved_data

_ISOFORM = re.compile(r"^(.*[A-Za-z])[-\u2010]?(\d{1,2}|[αβγδ]\d?|alpha|beta|gamma)$")


def register_extensions() -> None:
    """``doc._.abbreviations`` and ``span._.long_form``, as scispaCy names them."""
    if not Doc.has_extension("abbreviations"):
        Doc.set_extension("abbreviations", default=[])
    if not Span.has_extension("long_form"):
        Span.set_extension("long_form", default=None)


_OPEN, _CLOSE = get_string_id("("), get_string_id(")")


def parenthesis_candidates(doc: Doc, max_inside: int = 10) -> list[tuple[int, int, int]]:
    """(0, start, end) token ranges inside each '(' ... ')' pair (no nesting), as scispaCy's
    matcher output with the brackets removed."""
    orth = doc.to_array(ORTH)
    opens = np.flatnonzero(orth == _OPEN).tolist()
    if not opens:
        return []
    closes = np.flatnonzero(orth == _CLOSE).tolist()
    out = []
    k = 0
    for o in opens:
        while k < len(closes) and closes[k] <= o:
            k += 1
        if k < len(closes) and 1 < closes[k] - o <= max_inside + 1:
            out.append((0, o + 1, closes[k]))
    return out


def find_definitions(doc: Doc) -> list[tuple[Span, Span]]:
    """(short form, long form) definitions of ``doc``, each short and long form once."""
    seen_short: set[str] = set()
    seen_long: set[str] = set()
    out = []
    found = parenthesis_candidates(doc)
    if not found:
        return out
    for long_cand, short_cand in [*filter_matches(found, doc), *three_word_long_forms(doc, found)]:
        short, long_form = find_abbreviation(long_cand, short_cand)
        base = _ISOFORM.match(short_cand.text)
        if long_form is None and base and len(base.group(1)) >= 2:
            # "insulin-like growth factor (IGF-1)": long forms often leave out the isoform number
            _, long_form = find_abbreviation(long_cand, [SimpleNamespace(text=base.group(1))])  # type: ignore[arg-type]
            short = short_cand
        if long_form is None or short.text in seen_short or long_form.text in seen_long:
            continue
        if span_contains_unbalanced_parentheses(long_form):
            # "markers (CD44, CD90) while lacking markers (CD45)": no long form spans a bracket
            continue
        if is_list(long_form):
            # "antigen presenting cells (dendritic cells, macrophages, and B cells)": no definition
            continue
        seen_short.add(short.text)
        seen_long.add(long_form.text)
        out.append((short, long_form))
    return out


def three_word_long_forms(doc: Doc, found: list[tuple[int, int, int]]) -> list[tuple[Span, Span]]:
    """(long, short) candidates of "<short form> (<three words>)", which scispaCy reads only the
    other way round (its long-form-inside case needs four tokens or more): Schwartz & Hearst take
    a parenthesis of more than two words as the long form ("CBR (Cord Blood Registry)"). The three
    tokens are words, and the short form one token that passes scispaCy's short-form filter."""
    from scispacy.abbreviation import short_form_filter

    out = []
    for _, start, end in found:
        if end - start == 3 and start >= 2 and all(t.is_alpha for t in doc[start:end]):
            short = doc[start - 2:start - 1]
            if short_form_filter(short):
                out.append((doc[start:end], short))
    return out


LIST_WORDS = frozenset({"and", "or", "&"})


def is_list(span: Span) -> bool:
    """A comma-separated list: a ',' token followed by a space and, later, 'and'/'or'
    ("dendritic cells, macrophages, and B cells"), or two such commas."""
    commas = [t.i for t in span if t.text in (",", ";") and t.whitespace_]
    if not commas:
        return False
    return len(commas) >= 2 or any(t.lower_ in LIST_WORDS for t in span if t.i > commas[0])


def number_variants(short: str) -> set[str]:
    """The short form and its plural or singular ("MSCs" <-> "MSC")."""
    if short.endswith("s") and len(short) > 2 and short[-2].isupper():
        return {short, short[:-1]}
    if short[-1:].isupper():
        return {short, short + "s"}
    return {short}


def occurrences(doc: Doc, definitions: list[tuple[Span, Span]]) -> list[Span]:
    """Every occurrence of each defined short form (single-token forms and their variants, also
    with a source's initials glued before them by a hyphen: "UC-MSCs" for "MSCs"; multi-token
    forms as defined), with ``span._.long_form`` set."""
    orth = doc.to_array([ORTH])
    found: dict[tuple[int, int], Span] = {}
    for short, long_form in definitions:
        if len(short) == 1:
            for variant in number_variants(short.text):
                for i in np.flatnonzero(orth == doc.vocab.strings.add(variant)).tolist():
                    found.setdefault((i, i + 1), long_form)
        else:
            words = [t.orth for t in short]
            for i in np.flatnonzero(orth == words[0]).tolist():
                if orth[i:i + len(words)].tolist() == words:
                    found.setdefault((i, i + len(words)), long_form)
    singles = {v: lf for short, lf in definitions if len(short) == 1 for v in number_variants(short.text)}
    if singles:  # "UC-MSCs", "(UC)-MSCs": a source's initials glued to a defined short form
        strings, known = doc.vocab.strings, BASES.get
        for i, token_orth in enumerate(orth.tolist()):
            base = known(token_orth, UNSEEN)  # prefixed_base, its memo read inline
            if base is UNSEEN:
                base = prefixed_base(token_orth, strings)
            if base is not None and base in singles:  # with the words "(UC)" abbreviates
                found.setdefault((initials_start(doc, i), i + 1), singles[base])
    spans = []
    for (start, end), long_form in sorted(found.items()):
        span = doc[start:end]
        span._.long_form = long_form
        spans.append(span)
    return spans


def _head_entity(long_form: Span, ents: list[Span], min_cover: float = 0.6) -> Span | None:
    """The entity that ends the long form and covers most of it (by characters), or one
    that ends with it and contains it: Schwartz & Hearst take the shortest long form, so
    "Myeloid dendritic cells (DCs)" defines DCs by "dendritic cells" inside the entity."""
    for e in ents:
        if e.end == long_form.end and e.start < long_form.start:
            return e
    inside = [e for e in ents if e.start >= long_form.start and e.end == long_form.end]
    if not inside:
        return None
    best = max(inside, key=len)
    covered = (best.end_char - best.start_char) / max(1, long_form.end_char - long_form.start_char)
    return best if covered >= min_cover else None


def abbreviation_spans(doc: Doc, rules: HeadRules, ents: list[Span] | None = None,
                       ) -> list[tuple[Span, MentionInfo]]:
    """Entity spans for short forms (and unrecognised long forms) with their info (``ents``: the
    doc's entities when the caller has read them already)."""
    info = mentions(doc)
    ents = list(doc.ents) if ents is None else ents
    by_span = {(e.start, e.end): e for e in ents if e.kb_id_}
    out: list[tuple[Span, MentionInfo]] = []
    heads: dict[tuple[int, int], Span | None] = {}  # per long form: its occurrences share it
    nothing: dict[tuple[int, int], bool] = {}
    memo: dict[tuple[int, int], tuple[str, Span | None]] = {}
    for short in getattr(doc._, "abbreviations", None) or []:
        long_form = short._.long_form
        if long_form is None:
            continue
        where = (long_form.start, long_form.end)
        if where not in nothing:
            nothing[where] = names_no_entity(long_form, rules)
        if nothing[where]:
            out.append((Span(doc, short.start, short.end, label=OTHER),
                        MentionInfo((OTHER,), long_form.text, "abbreviation", long_form.text)))
            continue
        if where not in heads:
            heads[where] = _head_entity(long_form, ents)
        head = heads[where]
        own = by_span.get((short.start, short.end))
        if head is not None and not (own is not None and _ISOFORM.match(short.text)):
            known = info.get((head.start_char, head.end_char))
            classes = known.classes if known else (head.label_,)
            canonical = known.canonical_name if known else head.text
            span = Span(doc, short.start, short.end, label=head.label_, kb_id=head.kb_id_)
            out.append((span, MentionInfo(classes, canonical, "abbreviation", long_form.text)))
            continue
        if own is not None:  # the short form is a lexicon entity (TGF-beta1: more specific than its long)
            known = info.get((own.start_char, own.end_char))
            classes = known.classes if known else (own.label_,)
            canonical = known.canonical_name if known else own.text
            out.append((Span(doc, short.start, short.end, label=own.label_, kb_id=own.kb_id_),
                        MentionInfo(classes, canonical, "abbreviation", long_form.text)))
            if head is None or (head.start, head.end) != (long_form.start, long_form.end):
                # a long form the lexicon does not know as a whole borrows the short form's concept
                out.append((Span(doc, long_form.start, long_form.end, label=own.label_, kb_id=own.kb_id_),
                            MentionInfo(classes, canonical, "abbreviation_long_form", "")))
            continue
        label, head = _unknown_head(long_form, rules, ents, memo)
        if head is not None:  # no head rule: the long form's head noun phrase names it
            known = info.get((head.start_char, head.end_char))
            out.append((Span(doc, short.start, short.end, label=head.label_, kb_id=head.kb_id_),
                        MentionInfo(known.classes if known else (head.label_,),
                                    known.canonical_name if known else head.text, "abbreviation",
                                    long_form.text)))
            continue
        span = Span(doc, short.start, short.end, label=label)
        out.append((span, MentionInfo((label,), long_form.text, "abbreviation", long_form.text)))
        if label != OTHER:
            whole = Span(doc, long_form.start, long_form.end, label=label)
            out.append((whole, MentionInfo((label,), long_form.text, "abbreviation_long_form", "")))
    return _heads_defined_here(out)


def _unknown_head(long_form: Span, rules: HeadRules, ents: list[Span],
                  memo: dict[tuple[int, int], tuple[str, Span | None]]) -> tuple[str, Span | None]:
    """(head-rule label, entity naming the head noun phrase when no rule fits) of a long form
    no entity ends, once per long form (``memo``)."""
    where = (long_form.start, long_form.end)
    got = memo.get(where)
    if got is None:
        label = head_label(long_form, rules)
        part = head_part(long_form, rules.head_ends_before) if label == OTHER else None
        got = memo[where] = (label, _head_entity(part, ents, min_cover=0.0) if part is not None else None)
    return got


def _heads_defined_here(out: list[tuple[Span, MentionInfo]]) -> list[tuple[Span, MentionInfo]]:
    """An OTHER short form whose long form ends with another short form of the text takes that
    one's label and id: "MSC-derived EVs (MSC-EVs)" after "extracellular vesicles (EVs)"."""
    known = {s.text: (s, i) for s, i in out if i.source == "abbreviation" and s.label_ != OTHER}
    fixed = []
    for span, info in out:
        words = info.long_form.split() if span.label_ == OTHER and info.source == "abbreviation" else []
        hit = known.get(words[-1]) if words else None
        if hit is not None:
            head, head_info = hit
            span = Span(span.doc, span.start, span.end, label=head.label_, kb_id=head.kb_id_)
            info = MentionInfo(head_info.classes, head_info.canonical_name, info.source, info.long_form)
        fixed.append((span, info))
    return fixed


MODEL_SOURCES = frozenset({"model", "model+lexicon"})


def _overlaps_model(span: Span, ents: list[Span], info: dict[tuple[int, int], MentionInfo]) -> bool:
    """Whether ``span`` overlaps an entity a statistical model found (``--model``): a long form
    the model's entities cut differently is not added over them ("Wiskott-Aldrich syndrome"
    in "Wiskott-Aldrich syndrome protein (WASP)"); without a model no entity has that source."""
    for e in ents:
        if e.start < span.end and span.start < e.end:
            known = info.get((e.start_char, e.end_char))
            if known is not None and known.source in MODEL_SOURCES:
                return True
    return False


HEAD_RULES = "abbreviation_heads.yaml"


class AbbreviationPropagator:
    """The component: short forms defined in the text become entities (see module doc).

    Sets ``doc._.abbreviations`` itself (see the module docstring). The head-word rules
    are loaded by :meth:`initialize` (packaged unless ``head_rules`` is given) or
    :meth:`from_disk`; ``to_disk`` saves a copy of the rule file.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        self.rules: HeadRules | None = None
        self.files: dict[str, Path] = {}

    def initialize(self, get_examples: Callable[[], Iterable[object]] | None = None, *,
                   nlp: Language | None = None, head_rules: Path | None = None) -> None:
        self._load({HEAD_RULES: Path(head_rules) if head_rules else resource_path(HEAD_RULES)})

    def _load(self, files: dict[str, Path]) -> None:
        self.rules = load_head_rules(files[HEAD_RULES])
        self.files = files
        self.mention_rules = load_mention_rules()  # the packaged lexicon's (its instrument words)

    def to_disk(self, path: Path | str, *, exclude: Iterable[str] = ()) -> None:
        save_data(self.files, Path(path))

    def from_disk(self, path: Path | str, *, exclude: Iterable[str] = ()) -> "AbbreviationPropagator":
        self._load(saved_data(Path(path), {HEAD_RULES: resource_path(HEAD_RULES)}))
        return self

    def __call__(self, doc: Doc) -> Doc:
        definitions = find_definitions(doc)
        doc._.abbreviations = occurrences(doc, definitions) if definitions else []
        if not doc._.abbreviations:
            return doc
        if self.rules is None:
            raise MechmineError(f"{self.name}: not initialized (call nlp.initialize() or the component's "
                                "initialize())")
        ents = list(doc.ents)  # each read of doc.ents makes its Span objects anew
        found = abbreviation_spans(doc, self.rules, ents)
        if not found:
            return doc
        info = mentions(doc)
        mr = self.mention_rules  # a disease naming an instrument is none ("COPD assessment test")
        words = TokenText(doc) if any(s.label_ == "DISEASE" for s, _ in found) else None
        found = [(s, m) for s, m in found if (m.source != "abbreviation_long_form"
                 or not _overlaps_model(s, ents, info)) and not (words is not None and s.label_ == "DISEASE"
                 and instrument_name(words, s.end, mr.instrument_qualifiers, mr.instrument_heads))]
        new = [s for s, _ in found if s.label_ != OTHER]
        for span, mention in found:
            if span.label_ != OTHER:
                info[(span.start_char, span.end_char)] = mention
        shorts = {(s.start, s.end) for s, m in found if m.source == "abbreviation"}

        def contains(e: Span, start: int, end: int) -> bool:
            return e.start <= start and end <= e.end and (e.start, e.end) != (start, end)

        # a short form beats an entity it overlaps, unless that entity contains it
        # ("VEGF" defined, "VEGF-C" matched: VEGF-C stays)
        covered = {i for a, b in shorts for i in range(a, b)}
        kept = [e for e in ents
                if not any(i in covered for i in range(e.start, e.end))  # overlaps no short form
                or all(contains(e, a, b) or not (e.start < b and a < e.end) for a, b in shorts)]
        doc.set_ents(filter_spans([*kept, *(s for s in new if (s.start, s.end) in shorts),
                                 *(s for s in new if (s.start, s.end) not in shorts)]))
        return doc


@Language.factory(
    "mechmine_abbreviations",
    requires=["doc.ents"],
    assigns=["doc.ents", "doc._.mentions", "doc._.abbreviations"],
)
def make_abbreviations(nlp: Language, name: str) -> AbbreviationPropagator:
    """Propagate entities from long forms to the abbreviations a text defines."""
    return AbbreviationPropagator(nlp, name)
