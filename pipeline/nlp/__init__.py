"""The spaCy pipeline: :func:`make_nlp` builds it from mechmine's components.

Order: mechmine tokenizer (scispaCy rules + splits on '/' and '-') ->
``sentencizer`` -> [an installed NER model's components, with ``--model``] ->
``mechmine_lexicon`` -> ``mechmine_abbreviations`` (Schwartz & Hearst
abbreviation detection with scispaCy's functions, then propagation) ->
[``mechmine_linker`` with a linker index: ids for id-less entities] ->
[``mechmine_relations`` when relations are asked for].
"""

from __future__ import annotations

import contextlib
import warnings
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer

import pipeline.nlp.abbreviations
import pipeline.nlp.extensions
import pipeline.nlp.lexicon_matcher
import pipeline.nlp.lexicon_tags
import pipeline.nlp.linker
import pipeline.nlp.parser
import pipeline.nlp.relations
import pipeline.nlp.sentences  # noqa: F401  (registers the factories)
from pipeline.errors import MechmineError
from pipeline.ruledata import resource_path
from pipeline.spec import NlpSpec
from pipeline.tokenize import make_tokenizer


def model_path(model: str) -> str:
    """A model shipped in ``pipeline/resources/models/<name>`` by its name, else ``model`` as given."""
    shipped = resource_path("models") / model
    return str(shipped) if (shipped / "config.cfg").exists() else model


def shipped_finds(model: str) -> set[str]:
    """The classes a shipped model is trusted to find (``finds`` in resources/models/models.yaml)."""
    import yaml

    index = resource_path("models") / "models.yaml"
    if not index.exists():
        return set()
    entry = ((yaml.safe_load(index.read_text(encoding="utf-8")) or {}).get("models") or {}).get(model) or {}
    return set(entry.get("finds") or [])


def _load_one(model: str) -> Language:
    try:
        with warnings.catch_warnings():  # the saved tokenizer's regexes: "Possible set union" (Python 3.11+)
            warnings.filterwarnings("ignore", message="Possible set union", category=FutureWarning)
            nlp = spacy.load(model_path(model),
                             exclude=["parser", "tagger", "lemmatizer", "attribute_ruler", "senter"])
    except (OSError, ImportError, ValueError) as err:
        raise MechmineError(f"cannot load model {model!r}: {str(err).splitlines()[0]}") from err
    if not any(n.startswith("ner") for n in nlp.pipe_names):
        raise MechmineError(f"model {model!r} has no 'ner' component")
    return nlp


def load_model(model: str) -> Language:
    """NER pipelines by shipped name, package name or path; several, comma-separated, run in order.

    Only NER (and what it needs) is kept. A later model's NER gets its own copy
    of its tok2vec (``replace_listeners``) and is added as ``ner_<name>``; spaCy's
    NER keeps the entities an earlier one set and only adds new ones.
    """
    names = [m.strip() for m in model.split(",") if m.strip()]
    if not names:
        raise MechmineError("--model: no model name given")
    nlp = _load_one(names[0])
    nlp.meta["mechmine_finds"] = sorted(set().union(*(shipped_finds(n) for n in names)))
    for name in names[1:]:
        other = _load_one(name)
        encoders = [c for c in other.pipe_names if c.startswith("tok2vec")]
        for pipe in other.pipe_names:
            if pipe in encoders:
                continue
            if not pipe.startswith("ner"):
                if pipe not in nlp.pipe_names:  # a feature component runs once, before every NER
                    nlp.add_pipe(pipe, source=other, first=True)
                continue
            for encoder in encoders:
                with contextlib.suppress(ValueError):  # only the encoder this NER listens to
                    other.replace_listeners(encoder, pipe, ["model.tok2vec"])
            nlp.add_pipe(pipe, name=f"{pipe}_{Path(name).name}", source=other)
    return nlp


def make_nlp(lexicon_dir: Path | str | None = None, stoplist: Path | str | None = None,
             model: str | None = None, relations: bool = False, linker: str | None = None,
             use_stoplist: bool = True, parser: str | None = "parser") -> Language:
    """The entity pipeline; with ``model``, an installed NER pipeline runs before the lexicon;
    with ``linker`` (an index folder, see :mod:`pipeline.lexicon.linker`), id-less entities are linked.

    ``lexicon_dir`` and ``stoplist`` name other data than the packaged ones;
    ``use_stoplist=False`` keeps stoplisted matches. mechmine's components are
    initialized here, one by one (``nlp.initialize()`` would also reset a model's
    weights). The model's entities and the lexicon's are merged as
    :func:`pipeline.nlp.lexicon_matcher.merge_with_model` documents.
    """
    nlp = load_model(model) if model else spacy.blank("en")
    nlp.tokenizer = make_tokenizer(nlp)
    nlp.config["nlp"]["tokenizer"] = {"@tokenizers": "mechmine.Tokenizer.v1"}  # so spacy.load rebuilds it
    # a line break ends a sentence too: headings and list items are not glued to the next line
    punct = [*Sentencizer.default_punct_chars, "\n", "\r\n", "\n\n"]
    nlp.add_pipe("mechmine_sentences", name="sentencizer", first=True, config={"punct_chars": punct})
    lexicon = Path(lexicon_dir) if lexicon_dir else None
    nlp.add_pipe("mechmine_lexicon", config={"use_stoplist": use_stoplist}).initialize(
        lexicon_dir=lexicon, stoplist=Path(stoplist) if stoplist else None)
    nlp.add_pipe("mechmine_abbreviations").initialize()
    if linker:
        nlp.add_pipe("mechmine_linker").initialize(index_dir=Path(linker), lexicon_dir=lexicon)
    if relations:
        candidates = nlp.add_pipe("mechmine_parser", config={"model": parser}) if parser else None
        extractor = nlp.add_pipe("mechmine_relations")
        extractor.initialize()
        if candidates is not None:  # one rule set: the relation inputs are read once (.relations.inputs)
            candidates.share_inputs(extractor.rules, extractor.triggers)
    return nlp


__all__ = ["NlpSpec", "load_model", "make_nlp", "model_path", "shipped_finds"]
