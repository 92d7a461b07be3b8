"""The packaged lexicon: concepts (id, canonical name, classes) and their surface forms.

:class:`Lexicon` loads ``resources/lexicon`` (built by ``mechmine lexicon build``, see
:mod:`pipeline.lexicon.build`) into an Aho-Corasick automaton (pyahocorasick) over the matcher
keys of the terms: spaCy's PhraseMatcher takes over 10 s to add ~475k patterns, the automaton
loads in about a second and scans a document's normalised token string in C. :meth:`Lexicon.find`
returns token-aligned matches with their best candidate concept (keys and exact-case forms: see
:mod:`pipeline.lexicon.keys`).
"""

from __future__ import annotations

import csv
import gzip
import logging
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path

import ahocorasick
import numpy as np
import pandas as pd
import yaml

from pipeline.errors import ResourceError
from pipeline.lexicon.casing import LOWERCASE_FILE, read_lowercase, relax_case
from pipeline.lexicon.records import (
    CONCEPT_COLUMNS,
    LENGTH_BITS,
    LENGTH_MASK,
    MATCH_COLUMNS,
    TERM_COLUMNS,
    Concept,
    Match,
)
from pipeline.lexicon.reference import TABLES, lexicon_digest, load_reference, save_reference
from pipeline.lexicon.tokens import KeyedText, add_tail_lengths, keyed_from_norms
from pipeline.ruledata import resource_path

log = logging.getLogger(__name__)
__all__ = ["CONCEPT_COLUMNS", "LENGTH_BITS", "LENGTH_MASK", "MATCH_COLUMNS", "TERM_COLUMNS", "Concept",
           "Lexicon", "Match", "cached_lexicon"]


class Lexicon:
    """Concepts plus an automaton from term keys to candidate concepts.

    Candidates are kept in flat arrays (``cand_concept``, ``cand_case``,
    ``cand_source``), grouped per key by ``group_start``; Concept records are
    made on first use. This keeps loading ~475k terms near one second.
    """

    def __init__(self, concepts: pd.DataFrame, terms: pd.DataFrame, meta: dict,
                 extra: pd.DataFrame | None = None) -> None:
        self.meta = meta
        self._concept_rows = concepts
        self._concepts: dict[int, Concept] = {}
        self.index = pd.Index(concepts["kb_id"])
        if not self.index.is_unique:  # pragma: no cover - guarded by the builder
            raise ResourceError("lexicon: duplicate concept ids")
        codes = self.index.get_indexer(terms["kb_id"])
        if (codes < 0).any():
            bad = terms["kb_id"][codes < 0].iloc[0]
            raise ResourceError(f"lexicon: a term names unknown concept {bad}")
        keys = terms["key"]
        new_group = keys.ne(keys.shift()).to_numpy()
        self.group_start = [*new_group.nonzero()[0].tolist(), len(keys)]
        self.cand_concept = codes.tolist()
        self.cand_case = terms["case_form"].tolist()
        self.cand_source = terms["source"].tolist()
        self.automaton = ahocorasick.Automaton()
        unique_keys = keys[new_group].tolist()
        add = self.automaton.add_word
        for g, key in enumerate(unique_keys):
            if len(key) < LENGTH_MASK:
                add(" " + key, g << LENGTH_BITS | (len(key) + 1))
        self._has_case = terms["case_form"].ne("").tolist()
        self._simple: dict[int, tuple[frozenset[int], np.ndarray]] = {}
        self.max_key = max((len(k) for k in unique_keys), default=0) + 1
        self.tail_length: dict[str, int] = {}  # last word of a key -> longest such key (+ space)
        add_tail_lengths(self.tail_length, [k for k in unique_keys if len(k) < LENGTH_MASK])
        self.n_terms = len(keys)
        self.n_base = len(keys)  # candidates from the vocabularies; corpus terms come after
        self.extra_by_group: dict[int, list[int]] = {}
        self.kb_ids: list[str] = concepts["kb_id"].tolist()
        if extra is not None and not extra.empty:
            self._add_extra(extra)
        if self.n_terms:
            self.automaton.make_automaton()

    def _add_extra(self, extra: pd.DataFrame) -> None:
        """Add corpus terms (see pipeline.lexicon.adapt): a new key gets its own group; a key
        the lexicon has keeps its own candidates first and the corpus one as a fallback."""
        codes = self.index.get_indexer(extra["kb_id"])
        added = 0
        for key, case_form, source, code in zip(extra["key"], extra["case_form"], extra["source"],
                                                codes, strict=True):
            if code < 0 or not key:
                continue
            known = self.automaton.get(" " + key, None)
            if known is not None:
                self.extra_by_group.setdefault(known >> LENGTH_BITS, []).append(len(self.cand_concept))
                self._has_case.append(bool(case_form))
                self.cand_concept.append(int(code))
                self.cand_case.append(case_form)
                self.cand_source.append(source)
                continue
            group = len(self.group_start) - 1  # a new group with no own candidates
            self.group_start.append(self.group_start[-1])
            self.extra_by_group[group] = [len(self.cand_concept)]
            self.cand_concept.append(int(code))
            self.cand_case.append(case_form)
            self.cand_source.append(source)
            self._has_case.append(bool(case_form))
            if len(key) < LENGTH_MASK:
                self.automaton.add_word(" " + key, group << LENGTH_BITS | (len(key) + 1))
            self.max_key = max(self.max_key, len(key) + 1)
            add_tail_lengths(self.tail_length, [key])
            added += 1
        self.n_terms += added

    @classmethod
    def load(cls, folder: Path | None = None) -> Lexicon:
        """Load ``concepts.tsv.gz`` and ``terms.tsv.gz`` from ``folder`` (default: packaged)."""
        folder = folder or resource_path("lexicon")
        try:
            meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8")) or {}
            concepts = _read(folder / "concepts.tsv.gz", CONCEPT_COLUMNS)
            terms = _read(folder / "terms.tsv.gz", TERM_COLUMNS, MATCH_COLUMNS)
            corpus = folder / "corpus_terms.tsv.gz"
            extra = _read(corpus, TERM_COLUMNS, MATCH_COLUMNS) if corpus.exists() else None
            lower = read_lowercase(folder / LOWERCASE_FILE)  # case by evidence (lexicon/casing.py)
            terms = relax_case(terms, lower)
            extra = relax_case(extra, lower) if extra is not None else None
        except OSError as err:
            raise ResourceError(f"{folder}: lexicon not readable ({err})") from err
        if terms.empty:
            log.warning("%s: the lexicon has no terms; no entity will be found", folder)
        return cls(concepts, terms, meta, extra)

    def concept(self, i: int) -> Concept:
        """Concept number ``i`` (made on first use)."""
        found = self._concepts.get(i)
        if found is None:
            columns = self.__dict__.get("_columns")  # a row read through pandas costs ~0.2 ms
            if columns is None:
                rows = self._concept_rows
                columns = self.__dict__["_columns"] = [rows[c].to_numpy() for c in CONCEPT_COLUMNS]
            kb_id, name, label, classes, xrefs = (c[i] for c in columns)
            found = Concept(kb_id, name, label, tuple(classes.split("|")),
                            tuple(xrefs.split("|")) if xrefs else ())
            self._concepts[i] = found
        return found

    def get(self, kb_id: str) -> Concept | None:
        """The concept with id ``kb_id``, if the lexicon has it."""
        i = self.index.get_indexer([kb_id])[0]
        return self.concept(int(i)) if i >= 0 else None

    def candidates(self, key: str, vocabularies_only: bool = False) -> list[tuple[Concept, str]]:
        """(concept, case form) of each candidate of the term key ``key``, in choice order
        (case form '' = any case; else the '|'-separated spellings it accepts); with
        ``vocabularies_only``, without the corpus terms."""
        hit = self.automaton.get(" " + key, None) if self.n_terms else None
        if hit is None:
            return []
        group = hit >> LENGTH_BITS
        return [(self.concept(self.cand_concept[k]), self.cand_case[k])
                for k in (*range(self.group_start[group], self.group_start[group + 1]),
                          *self.extra_by_group.get(group, ()))
                if not vocabularies_only or k < self.n_base]

    def lookup(self, key: str) -> Concept | None:
        """The first concept of the term with matcher key ``key``, if the lexicon has it."""
        found = self.candidates(key)
        return found[0][0] if found else None

    def corpus_candidates(self) -> frozenset[int]:
        """Candidate numbers of the corpus terms (pass as ``stopped`` to match the vocabularies alone)."""
        return frozenset(range(self.n_base, len(self.cand_concept)))

    def stopped_candidates(self, stoplist: set[tuple[str, str]]) -> frozenset[int]:
        """Candidate numbers that a stoplist of (key, kb_id) pairs ((key, "*"): all) removes."""
        out = set()
        for key, kb_id in stoplist:
            hit = self.automaton.get(" " + key, None)
            if hit is None:
                continue
            group = hit >> LENGTH_BITS
            for k in (*range(self.group_start[group], self.group_start[group + 1]),
                      *self.extra_by_group.get(group, ())):
                if kb_id == "*" or self.kb_ids[self.cand_concept[k]] == kb_id:
                    out.add(k)
        return frozenset(out)

    def find(self, norms: Sequence[str], case_forms: Sequence[str],
             stopped: frozenset[int] = frozenset()) -> list[Match]:
        """All term matches over a token sequence (overlapping; filter later).

        ``norms[i]`` / ``case_forms[i]`` are token i's matcher key and exact-case key
        (hyphens and lone possessives never start or end a match). A candidate in
        ``stopped`` (see :meth:`stopped_candidates`) is passed over for the next
        one that fits; if none is left the match comes back ``stopped``.
        """
        if not norms:
            return []
        return self.scan(keyed_from_norms(list(norms), list(case_forms)), stopped)

    def scan(self, keyed: KeyedText, stopped: frozenset[int] = frozenset(),
             ends: frozenset[int] | None = None) -> list[Match]:
        """:meth:`find` over a prepared key text (see :mod:`pipeline.lexicon.tokens`); with
        ``ends``, only the matches whose end token (exclusive) is in it.

        The automaton's hits are filtered to token boundaries with numpy; a key
        whose first candidate needs no case check and is not stopped takes it
        directly, the others go through the candidate choice one by one.
        """
        text = keyed.text
        if not text or not self.n_terms:
            return []
        only = ends
        out: list[Match] = []
        # Keys are stored behind a space and the text is read behind one, so the
        # automaton only reports matches that begin a word (index shift: +1) ...
        hits = list(self.automaton.iter(" " + text))
        if hits:  # (end, value) pairs read flat: np.array over a list of tuples costs twice as much
            arr = np.fromiter(chain.from_iterable(hits), dtype=np.int64, count=2 * len(hits))
            ends, values = arr[0::2], arr[1::2]
            key_starts = ends - (values & LENGTH_MASK) + 1
            first = keyed.start_at[key_starts]
            last = keyed.end_at[ends]
            ok = (first >= 0) & (last >= 0)
            if only is not None:
                wanted = np.zeros(max(only, default=0) + 2, dtype=bool)
                wanted[list(only)] = True
                ok &= wanted[np.clip(last, 0, len(wanted) - 1)]  # the last slot stays False
            sel = ok.nonzero()[0]
            if len(sel):
                groups = values[sel] >> LENGTH_BITS
                chosen = self._simple_choice(stopped)[groups]
                concept, cand_concept, cand_source = self.concept, self.cand_concept, self.cand_source
                made = self._concepts.get  # concept()'s records, read without its call
                append = out.append
                for f, la, g, c, ks, ke in zip(first[sel].tolist(), last[sel].tolist(), groups.tolist(),
                                               chosen.tolist(), key_starts[sel].tolist(), ends[sel].tolist(),
                                               strict=True):
                    if c >= 0:
                        code = cand_concept[c]
                        append(Match(f, la, made(code) or concept(code), cand_source[c], text[ks:ke]))
                    else:
                        self._accept(out, f, la, g, keyed.cases, text, ks, ke, stopped)
        # ... and, separately, matches that begin inside a joined run ("L-dopa" -> "dopa")
        # (a key read from there: only token ends can end one, and the walk stops at the first
        # piece no key begins with)
        if keyed.glued:
            start_at, end_at = keyed.start_at, keyed.end_at
            token_ends = np.flatnonzero(end_at >= 0)
            after = np.searchsorted(token_ends, keyed.glued, side="right").tolist()
            lasts = end_at[token_ends].tolist()
            token_ends = token_ends.tolist()
            n_ends = len(token_ends)
            get, is_prefix = self.automaton.get, self.automaton.match
            max_key = self.max_key
            for pos, f, k in zip(keyed.glued, start_at[keyed.glued].tolist(), after, strict=True):
                while k < n_ends:
                    e = token_ends[k]
                    k += 1
                    if e - pos > max_key:
                        break
                    piece = " " + text[pos:e]
                    value = get(piece, None)
                    if value is None:
                        if not is_prefix(piece):
                            break
                        continue
                    la = lasts[k - 1]
                    if only is not None and la not in only:
                        continue
                    self._accept(out, f if f >= 0 else None, la, value >> LENGTH_BITS,
                                 keyed.cases, text, pos, e, stopped)
        return out

    def _simple_choice(self, stopped: frozenset[int]) -> np.ndarray:
        """Per key group: its first candidate when that one needs no case check and is not
        stopped (then it is the choice), else -1."""
        cached = self._simple.get(id(stopped))
        if cached is not None and cached[0] is stopped:
            return cached[1]
        starts = np.asarray(self.group_start, dtype=np.int64)
        first = starts[:-1]
        own = first < starts[1:]
        has_case = np.asarray(self._has_case, dtype=bool)
        is_stopped = np.zeros(len(has_case), dtype=bool)
        if stopped:
            is_stopped[np.fromiter(stopped, dtype=np.int64, count=len(stopped))] = True
        safe = np.minimum(first, len(has_case) - 1)
        simple = np.where(own & ~has_case[safe] & ~is_stopped[safe], first, -1)
        if len(self._simple) >= 4:
            self._simple.clear()
        self._simple[id(stopped)] = (stopped, simple)
        return simple

    def _accept(self, out: list[Match], first: int | None, last: int | None, group: int,
                case_forms: Sequence[str], text: str, key_start: int, key_end: int,
                stop: frozenset[int]) -> None:
        if first is None or last is None:
            return
        chosen, stopped = self._choose(group, case_forms[first:last], stop)
        if chosen is not None:
            out.append(Match(first, last, self.concept(self.cand_concept[chosen]),
                             self.cand_source[chosen], text[key_start:key_end], stopped))

    def _choose(self, group: int, forms: Sequence[str], stop: frozenset[int]) -> tuple[int | None, bool]:
        """The first candidate of ``group`` whose case form accepts ``forms`` and that is not in
        ``stop`` (else the first stopped one that fits, flagged), or None."""
        seen = None
        first_stopped = None
        for k, spellings, is_stopped in self._plan(group, stop):
            if spellings is not None:
                if seen is None:
                    seen = "".join(forms)
                if seen not in spellings:
                    continue
            if is_stopped:
                if first_stopped is None:
                    first_stopped = k
                continue
            return k, False
        return first_stopped, first_stopped is not None

    def _plan(self, group: int, stop: frozenset[int]) -> tuple[tuple[int, frozenset[str] | None, bool], ...]:
        """(candidate, accepted spellings or None for any case, stopped) of ``group`` in choice
        order, up to the first one that any spelling takes (kept per stop set)."""
        plans = self.__dict__.setdefault("_plans", {})  # made on first use (a stored build has none)
        cached = plans.get(id(stop))
        if cached is None or cached[0] is not stop:
            if len(plans) >= 4:
                plans.clear()
            cached = plans[id(stop)] = (stop, {})
        plan = cached[1].get(group)
        if plan is None:
            steps = []
            extras = self.extra_by_group.get(group)
            candidates = range(self.group_start[group], self.group_start[group + 1])
            for k in (*candidates, *extras) if extras else candidates:
                case_form = self.cand_case[k]
                spellings = frozenset(case_form.split("|")) if case_form else None
                steps.append((k, spellings, k in stop))
                if spellings is None and k not in stop:
                    break
            plan = cached[1][group] = tuple(steps)
        return plan


def _read(path: Path, columns: list[str], use: list[str] | None = None) -> pd.DataFrame:
    """A lexicon table (its header must be ``columns``), only the ``use`` columns if given.

    Cells stay Python strings (object dtype): pandas' Arrow-backed strings cost a
    conversion on read and again on every ``tolist``.
    """
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
    if header != columns:
        raise ResourceError(f"{path}: expected columns {columns}, found {header}")
    return pd.read_csv(path, sep="\t", dtype=object, keep_default_na=False, quoting=csv.QUOTE_NONE,
                       compression="gzip", engine="c", usecols=use)


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, mtime, size) of the lexicon files in ``folder``: a rewritten file changes it."""
    out = []
    for name in TABLES:
        path = folder / name
        if path.exists():
            st = path.stat()
            out.append((name, st.st_mtime_ns, st.st_size))
    return tuple(out)


@lru_cache(maxsize=4)
def _cached(folder: str, stamp: tuple[tuple[str, int, int], ...]) -> Lexicon:
    from pipeline.lexicon.store import load_built  # the built lexicon kept on disk

    return load_built(Path(folder), _built)


def _built(folder: Path) -> Lexicon:
    """:meth:`Lexicon.load` with its elliptic anatomy tails indexed (kept with the built lexicon)."""
    from pipeline.lexicon.tails import anatomy_tails
    lexicon = Lexicon.load(folder)
    anatomy_tails(lexicon)
    return lexicon


def cached_lexicon(folder: Path | str | None = None) -> Lexicon:
    """The lexicon in ``folder`` (default: packaged), loaded once per process for each version
    of its files: a table rewritten since (``mechmine lexicon adapt``) is read again, so no
    caller ever clears this cache. Safe to share: :meth:`Lexicon.scan` keeps no state."""
    path = Path(folder) if folder else resource_path("lexicon")
    return _cached(str(path.resolve()), _stamp(path))


__all__ = ["Concept", "Lexicon", "Match", "cached_lexicon", "lexicon_digest", "load_reference",
           "save_reference"]
