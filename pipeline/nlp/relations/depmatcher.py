"""A ``DependencyMatcher`` that finds the same matches, in the same order, at less cost per sentence.

spaCy's matcher (3.8) runs every node of every pattern as a token pattern of its
own and, for each token a node matches, walks the token's ancestors to find its
root. mechmine's patterns share most of their nodes ("a pobj", "a prep 'of'",
"any token": 239 nodes, 83 distinct), so on a 25-word sentence that is thousands
of ancestor walks. :class:`SharedNodeMatcher` matches each distinct node once,
finds every token's root once per sentence and hands spaCy's own tree search
(``DependencyMatcher.__call__``) the same root -> node key -> token positions map,
so the matches (and their order) are spaCy's. spaCy then tries every combination of
the tokens a pattern's nodes match (their cartesian product) against the pattern's
relations; :meth:`SharedNodeMatcher._get_matches` picks the nodes' tokens one node at a
time, in the same order, and drops a partial choice as soon as a relation between
chosen nodes fails: the same matches in the same order, without trying the
combinations a failed relation rules out.

A node of attributes ``DEP``, ``POS``, ``LOWER``, ``ORTH`` (a value or ``IN`` a list)
and boolean token extensions (``_``) is tested without spaCy's ``Matcher``: a
token's attribute values are its signature, and which nodes a signature matches is
computed once and kept (a sentence's tokens mostly repeat signatures already seen).
A matcher with any other node matches its nodes with a spaCy ``Matcher``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, LOWER, ORTH, POS
from spacy.matcher import DependencyMatcher, Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

COLUMNS = {"DEP": DEP, "POS": POS, "LOWER": LOWER, "ORTH": ORTH}  # the attributes a node may test
_RELATED = "mechmine related"  # key of the operator results as sets in spaCy's per-call cache
Test = tuple[tuple[tuple[int, frozenset[int]], ...], tuple[tuple[str, bool], ...]]


def node_test(attrs: dict[str, Any]) -> Test | None:
    """``attrs`` as (column, allowed ids) pairs and (extension, value) pairs; None when it tests
    anything else (another attribute, operator or extension value)."""
    columns: list[tuple[int, frozenset[int]]] = []
    extensions: list[tuple[str, bool]] = []
    for name, value in attrs.items():
        if name == "_":
            if not isinstance(value, dict) or not all(isinstance(v, bool) for v in value.values()):
                return None
            extensions += sorted(value.items())
        elif name in COLUMNS and isinstance(value, str):
            columns.append((COLUMNS[name], frozenset([get_string_id(value)])))
        elif (name in COLUMNS and isinstance(value, dict) and list(value) == ["IN"]
              and all(isinstance(v, str) for v in value["IN"])):
            columns.append((COLUMNS[name], frozenset(get_string_id(v) for v in value["IN"])))
        else:
            return None
    return tuple(columns), tuple(extensions)


class SharedNodeMatcher(DependencyMatcher):
    """``DependencyMatcher`` whose node patterns are matched once per distinct node."""

    def __init__(self, vocab: Vocab, *, validate: bool = False) -> None:
        super().__init__(vocab, validate=validate)
        self.nodes = Matcher(vocab, validate=validate)
        self.node_id: dict[str, str] = {}  # canonical node attrs -> its key in ``nodes``
        self.keys_of: dict[int, list[int]] = defaultdict(list)  # ``nodes`` key -> spaCy's node keys
        self.tests: dict[int, Test | None] = {}  # ``nodes`` key -> its test
        self.seen: dict[tuple[Any, ...], list[int]] = {}  # token signature -> the nodes it matches
        self.plan: tuple[dict[int, Test], list[int], list[str], list[frozenset[int]]] | None = None
        # id(tree) -> (tree, the relations to test once node j is chosen): see _get_matches
        self.checks: dict[int, tuple[Any, list[list[tuple[int, Any, int]]]]] = {}

    def add(self, key: str, patterns: list[list[dict[str, Any]]], *, on_match: Any = None) -> None:
        norm = self._normalize_key(key)
        offset = len(self._patterns[norm])
        super().add(key, patterns, on_match=on_match)
        for i, pattern in enumerate(patterns, start=offset):
            for j, node in enumerate(pattern):
                attrs = json.dumps(node["RIGHT_ATTRS"], sort_keys=True)
                if attrs not in self.node_id:
                    self.node_id[attrs] = f"node{len(self.node_id)}"
                    self.nodes.add(self.node_id[attrs], [[node["RIGHT_ATTRS"]]])
                    self.tests[self.vocab.strings[self.node_id[attrs]]] = node_test(node["RIGHT_ATTRS"])
                    self.seen.clear()
                    self.plan = None
                uid = self.vocab.strings[self.node_id[attrs]]
                self.keys_of[uid].append(self._get_matcher_key(norm, i, j))

    def _get_keys_to_position_maps(self, doc: Doc) -> dict[int, dict[int, list[int]]]:
        """Root token -> node key -> the tokens under that root the node matches, ascending."""
        # each token's head from the array (relative offsets, stored unsigned): no Token objects
        heads = (doc.to_array(HEAD).astype("int64") + np.arange(len(doc))).tolist() if len(doc) else []
        roots = [-1] * len(heads)
        for i in range(len(heads)):
            path, k = [], i
            while roots[k] < 0 and heads[k] != k:  # up to a token whose root is known, or a root
                path.append(k)
                k = heads[k]
            root = roots[k] if roots[k] >= 0 else k
            roots[k] = root
            for p in path:
                roots[p] = root
        by_root: dict[int, dict[int, list[int]]] = {}  # root -> node -> its tokens (in order)
        for start, uid in self.node_matches(doc):
            by_root.setdefault(roots[start], {}).setdefault(uid, []).append(start)
        # spaCy's node keys of one node share its list (spaCy only reads them)
        return {root: defaultdict(list, {key: where for uid, where in nodes.items()
                                         for key in self.keys_of[uid]})
                for root, nodes in by_root.items()}

    def node_matches(self, doc: Doc) -> list[tuple[int, int]]:
        """(token, ``nodes`` key) of every node match, by token and then node."""
        if any(t is None for t in self.tests.values()):
            return sorted((start, uid) for uid, start, _ in self.nodes(doc))
        if self.plan is None:
            tests = {uid: t for uid, t in self.tests.items() if t is not None}
            columns = sorted({c for t in tests.values() for c, _ in t[0]})
            names = sorted({n for t in tests.values() for n, _ in t[1]})
            # the values some node tests, by column: any other value is the same to every node (-1)
            tested = [frozenset().union(*(ok for t in tests.values() for c, ok in t[0] if c == col))
                      for col in columns]
            self.plan = tests, columns, names, tested
        tests, columns, names, tested = self.plan
        rows = doc.to_array(columns).tolist() if columns else [[] for _ in doc]
        if len(columns) == 1:
            rows = [[v] for v in rows]
        if len(self.seen) > 100_000:
            self.seen.clear()
        out = []
        for i, row in enumerate(rows):
            sig = (*(v if v in ok else -1 for v, ok in zip(row, tested, strict=True)),
                   *(bool(doc[i]._.get(n)) for n in names))
            uids = self.seen.get(sig)
            if uids is None:
                values = dict(zip([*columns, *names], sig, strict=True))
                uids = self.seen[sig] = [uid for uid, (cols, exts) in tests.items()
                                         if all(values[c] in ok for c, ok in cols)
                                         and all(values[n] == v for n, v in exts)]
            out += [(i, uid) for uid in uids]
        return out

    def _get_matches(self, cache: dict[Any, Any], doc: Doc, tree: Any, tokens_to_key: list[int],
                     keys_to_position: dict[int, list[int]]) -> Iterator[list[int]]:
        """spaCy's matches of one pattern (``tree``: node -> its (operator, node) relations), in its
        order: the tokens of node 0, then of node 1, ... ascending, a choice kept while every
        relation between the nodes chosen so far holds."""
        positions = []
        for key in tokens_to_key:
            where = keys_to_position.get(key)
            if not where:  # a node no token matches: no match (most patterns, most sentences)
                return
            positions.append(where)
        kept = self.checks.get(id(tree))
        if kept is not None and kept[0] is tree:
            checks = kept[1]
        else:  # the relations to test once node j is chosen: those between nodes <= j
            checks = [[] for _ in positions]
            for left in range(len(positions)):
                for op, right in tree[left]:
                    checks[max(left, right)].append((left, op, right))
            self.checks[id(tree)] = (tree, checks)
        chosen = [0] * len(positions)
        last = len(positions) - 1
        related: dict[tuple[int, Any], frozenset[int]] = cache.setdefault(_RELATED, {})

        def holds(left: int, op: Any, right: int) -> bool:
            found = related.get((left, op))
            if found is None:  # spaCy's operator (and its cache), as a set
                found = related[left, op] = frozenset(self._resolve_node_operator(cache, doc, left, op))
            return right in found

        def extend(j: int) -> Iterator[list[int]]:
            for pos in positions[j]:
                chosen[j] = pos
                if all(holds(chosen[left], op, chosen[r]) for left, op, r in checks[j]):
                    if j == last:
                        yield list(chosen)
                    else:
                        yield from extend(j + 1)

        yield from extend(0)
