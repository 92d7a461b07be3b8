"""Which lexicon matches are mentions in running text: pure functions over a Doc and its matches.

The automaton finds every term; :func:`refine` then applies
``resources/lexicon/mention_rules.yaml`` (see its comments) in this order:

1. **word boundaries**: a match must start and end where the original text has no letter or
   digit on the other side ("tog" is no gene inside "together");
2. **fragments**: a match that modifies a longer name is dropped: before a head noun of
   ``modifier_heads`` ("growth factors", "oxygen species"; with a class the compound becomes
   a mention of it, no id; drug classes are not there: their target is the mention), before
   a parenthesis glued to the rest of the name ("interleukin (IL)-1 receptor antagonist"),
   before a participle and a ``name_heads`` noun ("dopamine-producing neurons", "TNF-alpha
   stimulated gene 6": the whole is a mention of the head's class);
3. **deficit phrases**: a PROCESS match inside "loss of ...", "... difficulties" becomes a
   DISEASE phrase ("memory difficulties"); so does a body-function word ("impaired balance"),
   and a PROCESS "<organ> function" is no mention (:mod:`pipeline.lexicon.phrases`);
4. **eponyms**: "Parkinson's" alone is the vocabulary's "Parkinson disease";
5. **located cells**: an ANATOMY match directly before a CELL_TYPE match (``anatomy_before``)
   is one mention of the cells ("blood monocytes": the Monocytes concept); so is one joined to
   it by a participle of ``source_participles`` ("umbilical cord-derived mesenchymal stem
   cells": the cells, by their source); so is an ANATOMY match directly before an ANATOMY or
   DISEASE match (``anatomy_compounds``: "knee cartilage", "knee arthritis");
0. **edges** (:mod:`pipeline.lexicon.edges`): "let 7" of "We let 7 days pass", a disease naming
   an instrument ("COPD assessment test") and an abbreviation naming a standard ("ISO standards")
   are no mentions; a match inside a hyphenated word is the longer name it is part of read with
   a space ("aryl-hydrocarbon receptor"); a disease that cells in culture are put under is the
   cell-level process ("under hypoxia"); the number after "miR-221/" is miR-222;
0. **privative prefixes**: a match glued by a hyphen to a prefix of ``privative_prefixes``
   names what the thing is not ("non-hematopoietic cells") and is no mention (applied with
   the word boundaries);
6. **cell heads**: a CELL_TYPE match not ending in a plural or a cell noun followed by one of
   ``anatomy_heads``'
   CELL_TYPE heads is one mention with it, keeping its concept ("stromal vascular fraction
   cells", "M2 cells");
7. **anatomy heads**: an ANATOMY match followed by a head noun of ``anatomy_heads`` is one
   mention with it: "lung tissue" is the lung (same concept; ``ANATOMY`` head), "spleen
   cells" the cells of the spleen, "liver damage" its disease (a ``CELL_TYPE`` or ``DISEASE``
   head: that class, no id); a match of an ``injured_classes`` class before a DISEASE head is
   that disease too ("nerve cell damage", no id).

The rule file's schema and loader are in :mod:`pipeline.lexicon.mention_rules`.
Generic words (``generic``) are handled by the stoplist machinery (see
:meth:`MentionRules.generic_keys`). New mentions carry a concept with an empty id.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.lexicon import Concept, Match, edges, mirna, phrases
from pipeline.lexicon.compounds import located_processes
from pipeline.lexicon.mention_rules import RULES_FILE, MentionRules, load_mention_rules, rules_path
from pipeline.lexicon.tails import elliptic_anatomy
from pipeline.lexicon.tokentext import TokenText, word_ids

NAME_WORDS = 4  # capitalised words between a match and the head of an institution's name


def phrase_concept(text: str, label: str) -> Concept:
    """A mention the vocabularies have no concept for: its own text, one class, no id."""
    return Concept("", text, label, (label,), ())


def on_word_boundaries(doc: Doc, start: int, end: int) -> bool:
    """Tokens ``start:end`` begin and end on word boundaries of the original text.

    Read from the tokens around them (the character before a token is the last one of the
    previous token's text with its whitespace): ``doc.text``, which spaCy joins anew on
    every read, is never needed."""
    return _on_word_boundaries(TokenText(doc), start, end)


def _on_word_boundaries(t: TokenText, start: int, end: int) -> bool:
    if start > 0 and not t.spaced(start - 1) and t.text(start - 1)[-1].isalnum() \
            and t.text(start)[0].isalnum():
        return False
    if t.spaced(end - 1) or end >= t.n:
        return True
    return not (t.text(end)[0].isalnum() and t.text(end - 1)[-1].isalnum())


def in_institution_name(t: TokenText, start: int, end: int, heads: frozenset[str]) -> bool:
    """Capitalised tokens ``start:end`` are part of a capitalised name headed by a word of
    ``heads``: "American Lung Association", "Institute for Stem Cell Research"."""
    if not heads or not all(t.text(k)[:1].isupper() for k in range(start, end)):
        return False
    k = end
    while k < t.n and k - end < NAME_WORDS and t.text(k)[:1].isupper():
        if t.word(k) in heads:
            return True
        k += 1
    k = start - 1
    while k >= 0 and start - k <= NAME_WORDS and t.text(k)[:1].isupper():
        if t.word(k) in heads:
            return True
        k -= 1
    if k < 1 or t.word(k) not in ("of", "for", "on"):
        return False
    return t.word(k - 1) in heads and t.text(k - 1)[:1].isupper()


def _glued(t: TokenText, i: int) -> bool:
    """Token i follows token i-1 with no space."""
    return i > 0 and not t.spaced(i - 1)


def name_extent(doc: Doc, start: int, end: int, rules: MentionRules) -> tuple[int, str] | None:
    """(end, label) of the longer name that tokens ``start:end`` modify through a participle
    ("dopamine-producing neurons", "TNF-alpha stimulated gene 6"), or None."""
    return _name_extent(TokenText(doc), start, end, rules)


def _name_extent(t: TokenText, start: int, end: int, rules: MentionRules) -> tuple[int, str] | None:
    i = end
    if t.word(i) == "-" and _glued(t, i):
        i += 1
    if t.word(i) not in rules.name_participles:
        return None
    head = t.word(i + 1)
    label = rules.name_heads.get(head) or _suffix_head(head, rules)
    if not label:
        return None
    stop = i + 2
    while True:  # a compound head: "dopamine-producing neuron precursors", "stimulated gene/protein 6"
        if t.word(stop) in rules.name_heads:
            label = rules.name_heads[t.word(stop)]
            stop += 1
        elif t.word(stop) == "/" and t.word(stop + 1) in rules.name_heads:
            label = rules.name_heads[t.word(stop + 1)]
            stop += 2
        else:
            break
    if label == "GENE_OR_PROTEIN":  # "gene 6", "protein-6"
        doc = t.doc
        while stop < len(doc) and (doc[stop].like_num or doc[stop].text in ("-", "/")) and stop - i < 6:
            stop += 1
        while stop > i + 2 and doc[stop - 1].text in ("-", "/"):
            stop -= 1
    return stop, label


def _suffix_head(word: str, rules: MentionRules) -> str:
    """The class a head noun has by its ending ("fibrocytes", "osteoblasts"), or ''."""
    for suffix, label in rules.name_head_suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and word.isalpha():
            return label
    return ""


def is_fragment(doc: Doc, start: int, end: int, rules: MentionRules) -> bool:
    """Tokens ``start:end`` modify a longer name the text uses (see the module doc)."""
    return _is_fragment(TokenText(doc), start, end, rules)


def _is_fragment(t: TokenText, start: int, end: int, rules: MentionRules) -> bool:
    nxt = t.word(end)
    if nxt in rules.modifier_heads:
        return True
    if nxt.startswith("(") and (_glued_parenthesis(t, end) if nxt == "(" else
                                not nxt.endswith(")") and ")" in nxt):  # "(IL)-1" as one token
        return True
    return _name_extent(t, start, end, rules) is not None


def _mirna_fragment(t: TokenText, end: int) -> bool:
    """A microRNA match ending before token ``end`` is one member of a cluster written on
    ("miR-17" of "miR-17-92"; see :func:`pipeline.lexicon.mirna.cluster_fragment`)."""
    k = range(end - 1, min(end + 2, t.n))
    return mirna.cluster_fragment([t.text(i) for i in k], [t.spaced(i) for i in k], 1)


def _glued_parenthesis(t: TokenText, i: int) -> bool:
    """A short parenthesis at token i is glued to the rest of the name: "(IL)-1"."""
    for k in range(i + 1, min(i + 5, t.n)):
        if t.text(k) == ")":
            return k + 1 < t.n and not t.spaced(k) and t.text(k + 1) == "-"
    return False


def deficit_extent(doc: Doc, start: int, end: int, rules: MentionRules) -> tuple[int, int] | None:
    """The deficit phrase around a PROCESS match ("loss of smell", "memory difficulties")."""
    return phrases.deficit_extent(TokenText(doc), start, end, rules)


def refine(doc: Doc, chosen: list[tuple[int, int, Match]], rules: MentionRules,
           lookup: Callable[[str], Concept | None], key_of: Callable[[str], str],
           tails: Callable[[str], Concept | None] | None = None,
           words: TokenText | None = None) -> list[tuple[int, int, Match]]:
    """The matches of ``chosen`` (token start, end, match; non-overlapping, in order) that are
    mentions, plus the longer names and phrases the rules make of the others (``tails``: see
    :func:`pipeline.lexicon.tails.anatomy_tails`; without it no elliptic anatomy name;
    ``words``: the doc's :class:`TokenText` when the caller has it)."""
    out: list[tuple[int, int, Match]] = []
    t = TokenText(doc) if words is None else words
    if tails is not None:
        chosen = elliptic_anatomy(t, chosen, tails, key_of)
    # rules that need a word of their list somewhere in the doc: skipped when it has none
    institutions = t.has_any(word_ids(rules, "institution_heads", lambda: rules.institution_heads))
    standards = t.has_any(word_ids(rules, "standard_heads", lambda: rules.standard_heads))
    instruments = t.has_any(word_ids(rules, "instrument_heads", lambda: rules.instrument_heads))
    for s, e, m in _located(t, chosen, rules):
        if not _on_word_boundaries(t, s, e) or (
                institutions and in_institution_name(t, s, e, rules.institution_heads)) \
                or _privative(t, s, rules.privative_prefixes) or edges.spaced_number(t, s, e) \
                or (standards and edges.names_standard(t, s, e, rules.standard_heads)) or (
                    instruments and m.concept.label == "DISEASE" and edges.instrument_name(
                        t, e, rules.instrument_qualifiers, rules.instrument_heads)):
            continue
        whole = edges.hyphen_spaced(t, s, e, lookup, key_of)
        if whole is not None:
            out.append(whole)
            continue
        if m.source.startswith(mirna.SOURCE_PREFIX) and _mirna_fragment(t, e):
            continue
        if _is_fragment(t, s, e, rules):
            made = _compound(t, s, e, rules)
            if made is not None:
                out.append(made)
            continue
        m = phrases.prefixed_process(t, s, e, m, rules, lookup, key_of)
        if m.concept.label == "PROCESS":
            phrase = phrases.deficit_extent(t, s, e, rules)
            if phrase is not None:
                a, b = phrase
                text = doc[a:b].text
                out.append((a, b, Match(a, b, phrase_concept(text, "DISEASE"), "deficit")))
                continue
            if phrases.is_function_head(t, s, e, m, rules):
                continue
        if m.concept.label == "CELL_TYPE" and rules.anatomy_heads.get(t.word(e)) == "CELL_TYPE" \
                and t.spaced(e - 1) and not t.word(e - 1).endswith("s") \
                and t.word(e - 1) not in rules.anatomy_heads and t.word(e - 1) not in rules.name_heads:
            # "stromal vascular fraction cells": the cells of a CELL_TYPE name without a cell noun
            out.append((s, e + 1, Match(s, e + 1, m.concept, m.source + "+head")))
            continue
        if m.concept.label in rules.injured_classes and rules.anatomy_heads.get(t.word(e)) == "DISEASE" \
                and t.spaced(e - 1):  # "nerve cell damage": the injury of those cells, no id
            out.append(_anatomy_head(t, s, e, m, rules))
            continue
        if m.concept.label == "ANATOMY" and (t.word(e) in rules.anatomy_heads or (
                t.word(e) in rules.place_heads and phrases.starts_noun_phrase(t, s))):
            out.append(_anatomy_head(t, s, e, m, rules))
            continue
        out.append((s, e, m))
    taken = {i for s, e, _ in out for i in range(s, e)}
    out += [x for x in _eponyms(t, rules, lookup, key_of) if x[0] not in taken]
    out.sort(key=lambda x: x[0])
    out = phrases.function_deficits(t, _non_overlapping(out), rules)
    out = phrases.head_phrases(t, out, rules, lookup, key_of)
    out = phrases.extend_modifiers(t, located_processes(t, out, rules, lookup, key_of), rules)
    if rules.privative_prefixes:  # the phrases made above ("immune cells") follow the prefix rule too
        out = [x for x in out if not _privative(t, x[0], rules.privative_prefixes)]
    out = edges.culture_conditions(t, out, rules.culture_cues, lookup, key_of)
    out = edges.mirna_members(t, out, lookup, key_of)
    return out


def privative(doc: Doc, start: int, prefixes: frozenset[str]) -> bool:
    """Token ``start`` is glued by a hyphen to a privative prefix ("non-hematopoietic")."""
    return _privative(TokenText(doc), start, prefixes)


def _privative(t: TokenText, start: int, prefixes: frozenset[str]) -> bool:
    return bool(prefixes) and start >= 2 and t.word(start - 1) == "-" and not t.spaced(start - 1) \
        and not t.spaced(start - 2) and t.word(start - 2) in prefixes


def _source_join(t: TokenText, pe: int, s: int, rules: MentionRules) -> bool:
    """Tokens ``pe:s`` are a source participle ("-derived", " derived") between two matches,
    with one space before the second."""
    if s - pe == 2 and t.word(pe) == "-" and not t.spaced(pe - 1) and not t.spaced(pe):
        word = pe + 1
    elif s - pe == 1 and t.spaced(pe - 1):
        word = pe
    else:
        return False
    return t.word(word) in rules.source_participles and t.spaced(word)


def _located(t: TokenText, chosen: list[tuple[int, int, Match]], rules: MentionRules,
             ) -> list[tuple[int, int, Match]]:
    """An ANATOMY match directly before (one space) a match of an ``anatomy_before`` class is
    one mention with it, of the second match's class and concept: "blood monocytes", "lung
    fibroblasts", "bone marrow macrophages" are those cells where the organ is; so is one
    joined to it by a source participle ("umbilical cord-derived mesenchymal stem cells",
    "adipose tissue derived stromal cells": the cells, named by where they come from). A match of
    an ``anatomy_compounds`` class directly after it is one mention with it too ("knee
    cartilage", "knee arthritis": the second match's concept), without a participle."""
    if not rules.anatomy_before and not rules.anatomy_compounds:
        return chosen
    out: list[tuple[int, int, Match]] = []
    for s, e, m in chosen:
        if out:
            ps, pe, pm = out[-1]
            label = m.concept.label
            if pm.concept.label == "ANATOMY" and _on_word_boundaries(t, ps, pe) and (
                    (label in rules.anatomy_before and (
                        (pe == s and t.spaced(pe - 1)) or _source_join(t, pe, s, rules)))
                    or (label in rules.anatomy_compounds and pe == s and t.spaced(pe - 1))):
                out[-1] = (ps, e, Match(ps, e, m.concept, m.source + "+anatomy"))
                continue
        out.append((s, e, m))
    return out


def anatomy_head(doc: Doc, s: int, e: int, m: Match, rules: MentionRules) -> tuple[int, int, Match]:
    """ANATOMY tokens ``s:e`` and the head noun after them ("lung tissue", "spleen cells"):
    the organ's own concept for an ANATOMY head, else a mention of the head's class, no id."""
    return _anatomy_head(TokenText(doc), s, e, m, rules)


def _anatomy_head(t: TokenText, s: int, e: int, m: Match, rules: MentionRules) -> tuple[int, int, Match]:
    label = rules.anatomy_heads.get(t.word(e)) or rules.place_heads[t.word(e)]
    concept = m.concept if label == m.concept.label else phrase_concept(t.doc[s:e + 1].text, label)
    return s, e + 1, Match(s, e + 1, concept, m.source + "+head" if concept is m.concept else "compound")


def _compound(t: TokenText, s: int, e: int, rules: MentionRules) -> tuple[int, int, Match] | None:
    label = rules.modifier_heads.get(t.word(e), "")
    stop = e + 1
    if not label:
        found = _name_extent(t, s, e, rules)
        if found is None:
            return None
        stop, label = found
    text = t.doc[s:stop].text
    return s, stop, Match(s, stop, phrase_concept(text, label), "compound")


def eponyms(doc: Doc, rules: MentionRules, lookup: Callable[[str], Concept | None],
            key_of: Callable[[str], str]) -> list[tuple[int, int, Match]]:
    """A capitalised name with a possessive ("Parkinson's") not followed by a head word, which
    the vocabulary names "<name> <head>" as a DISEASE."""
    return _eponyms(TokenText(doc), rules, lookup, key_of)


_POSSESSIVES = frozenset(get_string_id(w) for w in ("'s", "\u2019s"))


def _eponyms(t: TokenText, rules: MentionRules, lookup: Callable[[str], Concept | None],
             key_of: Callable[[str], str]) -> list[tuple[int, int, Match]]:
    out: list[tuple[int, int, Match]] = []
    doc = t.doc
    if len(doc) < 2 or not t.has_any(_POSSESSIVES):
        return out
    lower = np.asarray(t._lower, dtype=np.uint64)
    strings = doc.vocab.strings
    possessive = np.flatnonzero((lower[1:] == strings["'s"]) | (lower[1:] == strings["\u2019s"])).tolist()
    for i in possessive:  # token i + 1 is a possessive
        tok = doc[i]
        if not (tok.is_title and tok.is_alpha and not tok.whitespace_):
            continue
        if t.word(i + 2) in rules.eponym_heads or t.word(i + 2) in ("syndrome", "disorder"):
            continue
        for head in rules.eponym_heads:
            concept = lookup(key_of(f"{tok.text} {head}"))
            if concept is not None and concept.label == "DISEASE":
                out.append((i, i + 2, Match(i, i + 2, concept, "eponym")))
                break
    return out


def _non_overlapping(items: list[tuple[int, int, Match]]) -> list[tuple[int, int, Match]]:
    out: list[tuple[int, int, Match]] = []
    for item in sorted(items, key=lambda x: (x[0], -(x[1] - x[0]))):
        if out and item[0] < out[-1][1]:
            if item[1] - item[0] > out[-1][1] - out[-1][0]:
                out[-1] = item
            continue
        out.append(item)
    return out


__all__ = ["RULES_FILE", "MentionRules", "load_mention_rules", "refine", "rules_path"]
