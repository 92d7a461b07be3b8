"""``mechmine_linker``: ids for the entities the exact lexicon match left without one.

Which entities: those with no ``kb_id`` (abbreviations a text defines whose long
form is no lexicon term, long forms typed from their head word, and an
installed model's spans). Each is looked up by its long form when it has one
(as scispaCy's ``EntityLinker`` does with ``resolve_abbreviations``), else by
its text, with scispaCy's ``CandidateGenerator`` over the lexicon's KB
(:mod:`pipeline.lexicon.linker`). The best concept whose alias similarity
reaches ``threshold`` and that shares a class with the mention (any class for
OTHER) gives the entity its id, and its label and classes when the mention had
none (OTHER). Sets ``doc.ents`` and ``doc._.mentions`` (source "linker",
canonical name of the concept).
"""

# No ``from __future__ import annotations``: spaCy validates ``initialize`` settings against
# its annotations, which must be real types.

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.errors import MechmineError, ResourceError
from pipeline.lexicon.linker import LinkerIndex, alias_form, best_candidate, load_index
from pipeline.nlp.extensions import MentionInfo, mentions

OTHER = "OTHER"


def unlinked(doc: Doc) -> list[tuple[Span, str]]:
    """Entities without an id, with the text to look up (long form if known)."""
    info = mentions(doc)
    out = []
    for ent in doc.ents:
        if ent.kb_id_:
            continue
        known = info.get((ent.start_char, ent.end_char))
        out.append((ent, known.long_form if known is not None and known.long_form else ent.text))
    return out


def link_entities(doc: Doc, index: LinkerIndex, threshold: float, k: int) -> list[tuple[Span, MentionInfo]]:
    """New spans (same boundaries, id set) for the entities the index links."""
    todo = unlinked(doc)
    if not todo:
        return []
    info = mentions(doc)
    batch = index.generator([alias_form(text) for _, text in todo], k)
    out = []
    for (ent, _), candidates in zip(todo, batch, strict=True):
        allowed = frozenset() if ent.label_ == OTHER else frozenset({ent.label_})
        best = best_candidate(candidates, threshold, allowed, index.classes)
        if best is None:
            continue
        concept = index.generator.kb.cui_to_entity[best[0]]
        classes = index.classes.get(best[0], ()) or (ent.label_,)
        label = classes[0] if ent.label_ == OTHER else ent.label_
        known = info.get((ent.start_char, ent.end_char))
        long_form = known.long_form if known is not None else ""
        out.append((Span(doc, ent.start, ent.end, label=label, kb_id=best[0]),
                    MentionInfo(tuple(classes), concept.canonical_name, "linker", long_form)))
    return out


LINKER_FILE = "linker.json"


class Linker:
    """The component: wires :func:`link_entities` into ``doc.ents`` / ``doc._.mentions``.

    The index is loaded by :meth:`initialize` (``index_dir`` required; the lexicon is the
    packaged one unless ``lexicon_dir`` is given) or :meth:`from_disk`. ``to_disk`` writes a
    reference to the index folder (the index is ~25 MB and is rebuilt, never copied, by
    ``mechmine lexicon link-index``); loading checks it still fits the lexicon.
    """

    def __init__(self, nlp: Language, name: str, *, threshold: float = 0.85, k: int = 10) -> None:
        self.name = name
        self.threshold = threshold
        self.k = k
        self.index: LinkerIndex | None = None
        self.paths: dict[str, str] = {}

    def initialize(self, get_examples: Callable[[], Iterable[object]] | None = None, *,
                   nlp: Language | None = None, index_dir: Path | None = None,
                   lexicon_dir: Path | None = None) -> None:
        if index_dir is None:
            raise MechmineError(f"{self.name}: initialize needs index_dir (a linker index folder)")
        self._load({"index_dir": str(index_dir), "lexicon_dir": str(lexicon_dir) if lexicon_dir else ""})

    def _load(self, paths: dict[str, str]) -> None:
        self.index = load_index(paths["index_dir"], paths["lexicon_dir"])
        self.paths = paths

    def to_disk(self, path: Path | str, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / LINKER_FILE).write_text(json.dumps(self.paths, indent=1), encoding="utf-8")

    def from_disk(self, path: Path | str, *, exclude: Iterable[str] = ()) -> "Linker":
        file = Path(path) / LINKER_FILE
        try:
            paths = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ResourceError(f"{file}: no linker reference ({err})") from err
        self._load(paths)
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.index is None:
            raise MechmineError(f"{self.name}: not initialized (call the component's initialize())")
        linked = link_entities(doc, self.index, self.threshold, self.k)
        if not linked:
            return doc
        info = mentions(doc)
        by_range = {(s.start, s.end): s for s, _ in linked}
        for span, mention in linked:
            info[(span.start_char, span.end_char)] = mention
        doc.ents = [by_range.get((e.start, e.end), e) for e in doc.ents]
        return doc


@Language.factory(
    "mechmine_linker",
    requires=["doc.ents"],
    assigns=["doc.ents", "doc._.mentions"],
    default_config={"threshold": 0.85, "k": 10},
)
def make_linker(nlp: Language, name: str, threshold: float, k: int) -> Linker:
    """Approximate linking of id-less entities to the lexicon (scispaCy CandidateGenerator)."""
    return Linker(nlp, name, threshold=threshold, k=k)
