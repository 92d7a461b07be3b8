"""CoNLL-U treebanks (plain or ``.gz``), parsed with the ``conllu`` package.

Each sentence keeps its ``sent_id``, ``text`` and the id of the ``newdoc`` it
belongs to; its tokens are the syntactic words (multiword-token ranges such
as ``3-4`` and empty nodes such as ``5.1`` are left out). ``head`` is the
CoNLL-U head: 1-based, 0 for the root.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import conllu
from conllu.exceptions import ParseException

from pipeline.errors import MechmineError


@dataclass(frozen=True)
class GoldToken:
    form: str
    lemma: str
    upos: str
    tag: str  # XPOS
    morph: str  # FEATS as ``Key=Value|...`` ('' when none)
    head: int  # 1-based; 0 for the root
    dep: str
    space_after: bool = True


@dataclass
class GoldSentence:
    sent_id: str
    text: str
    doc_id: str
    tokens: list[GoldToken]

    @property
    def words(self) -> list[str]:
        return [t.form for t in self.tokens]

    def heads(self) -> list[int]:
        """0-based head index of each token, the root pointing at itself (spaCy's ``Doc(heads=)``)."""
        return [t.head - 1 if t.head else i for i, t in enumerate(self.tokens)]


def _open(path: Path) -> IO[str]:
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")


def _field(value: object) -> str:
    return "" if value in (None, "_") else str(value)


def _token(word: dict) -> GoldToken:
    feats = word.get("feats") or {}
    misc = word.get("misc") or {}
    return GoldToken(word["form"], _field(word.get("lemma")), _field(word.get("upos")),
                     _field(word.get("xpos")), "|".join(f"{k}={v}" for k, v in feats.items()),
                     int(word["head"] or 0), _field(word.get("deprel")), misc.get("SpaceAfter") != "No")


def read_conllu(path: Path) -> Iterator[GoldSentence]:
    """The sentences of a CoNLL-U file; MechmineError (naming the file) when it is missing or malformed."""
    if not path.is_file():
        raise MechmineError(f"no such treebank file: {path}")
    doc_id = ""
    n = 0
    with _open(path) as handle:
        try:
            for sent in conllu.parse_incr(handle):
                n += 1
                doc_id = sent.metadata.get("newdoc id", doc_id)
                tokens = [_token(w) for w in sent if isinstance(w["id"], int)]
                text = sent.metadata.get("text") or " ".join(t.form for t in tokens)
                yield GoldSentence(sent.metadata.get("sent_id", str(n)), text, doc_id, tokens)
        except (ParseException, ValueError, OSError) as err:
            raise MechmineError(f"{path}: sentence {n + 1} is not valid CoNLL-U ({err})") from None
