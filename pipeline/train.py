"""``mechmine train ner``: train a spaCy NER pipeline on a gold corpus (CPU, fixed seed).

The gold file (IOB or PubTator) is read with the evaluation readers
(:mod:`pipeline.evaluate.ner`), tokenised with mechmine's tokenizer, and its
mentions become ``doc.ents`` (character spans expanded to token boundaries;
mentions that cross each other are dropped, the longer kept). Train and dev
sets are written as spaCy ``DocBin`` files next to the model, and spaCy's
trainer runs with ``resources/train/ner.cfg`` (seed 0). The result is a spaCy
pipeline directory; ``mechmine run --model DIR`` uses it, its labels mapped to
mechmine classes by ``resources/model_labels.yaml``. A ``meta.json`` records
the training data, its licence, the config and the dev scores and time.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import filter_spans

from pipeline.gold.corpus import chunks, read_gold
from pipeline.ruledata import resource_path
from pipeline.tokenize import make_tokenizer

log = logging.getLogger(__name__)

LICENCES = {
    "bc5cdr": "BioCreative V CDR corpus; IOB release CC BY 4.0 (MTL-Bioinformatics-2016)",
    "ncbi": "NCBI disease corpus; IOB release CC BY 4.0 (MTL-Bioinformatics-2016)",
    "bionlp13cg": "BioNLP 2013 CG; annotations CC BY-SA 3.0 (NaCTeM)",
    "bc2gm": "BioCreative II GM; IOB release CC BY 4.0 (MTL-Bioinformatics-2016)",
    "jnlpba": "JNLPBA (GENIA); CC BY 3.0",
}


def gold_docbin(path: Path, fmt: str, context: int = 10,
                keep: frozenset[str] = frozenset()) -> tuple[DocBin, int, set[str]]:
    """Gold documents as a DocBin (IOB sentences grouped ``context`` at a time); with ``keep``,
    only mentions of those labels are entities (the rest of the text is O)."""
    nlp = spacy.blank("en")
    nlp.tokenizer = make_tokenizer(nlp)
    docs = read_gold(path, fmt)
    groups = list(chunks(docs, context)) if fmt == "iob" else [[d] for d in docs]
    out = DocBin(store_user_data=False)
    labels: set[str] = set()
    dropped = 0
    for group in groups:
        text = "\n".join(d.text for d in group)
        doc = nlp.make_doc(text)
        spans = []
        pos = 0
        for d in group:
            for m in d.mentions:
                if keep and m.label not in keep:
                    continue
                span = doc.char_span(pos + m.start, pos + m.end, label=m.label, alignment_mode="expand")
                if span is None:
                    dropped += 1
                    continue
                spans.append(span)
                labels.add(m.label)
            pos += len(d.text) + 1
        kept = filter_spans(spans)
        dropped += len(spans) - len(kept)
        doc.ents = kept
        out.add(doc)
    if dropped:
        log.warning("%s: %d gold mentions could not be aligned or overlapped", path, dropped)
    return out, len(groups), labels


def run_training(config: str, out: Path, train_bin: DocBin, dev_bin: DocBin, *,
                 max_steps: int | None = None, eval_frequency: int | None = None,
                 settings: dict[str, object] | None = None) -> tuple[float, dict[str, object]]:
    """spaCy's trainer on ``resources/<config>`` with the two DocBins (written to
    ``out``/corpus); return the wall time and model-best's meta (empty when none was saved)."""
    from spacy.cli.train import train as spacy_train

    import pipeline.nlp  # noqa: F401  (registers mechmine's factories, e.g. mechmine_lexicon_tags in ner.cfg)

    out.mkdir(parents=True, exist_ok=True)
    work = out / "corpus"
    work.mkdir(exist_ok=True)
    train_bin.to_disk(work / "train.spacy")
    dev_bin.to_disk(work / "dev.spacy")
    overrides: dict[str, object] = {"paths.train": str(work / "train.spacy"),
                                    "paths.dev": str(work / "dev.spacy")}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if eval_frequency is not None:
        overrides["training.eval_frequency"] = eval_frequency
    overrides.update(settings or {})
    start = time.perf_counter()
    spacy_train(resource_path(config), output_path=out, overrides=overrides, use_gpu=-1)
    seconds = time.perf_counter() - start
    meta_path = out / "model-best" / "meta.json"
    return seconds, (json.loads(meta_path.read_text()) if meta_path.exists() else {})


def _save_meta(out: Path, meta: dict[str, object]) -> None:
    best = out / "model-best"
    if best.exists():
        (best / "meta.json").write_text(json.dumps(meta, indent=2))


def fixed_steps(settings: dict[str, object] | None, max_steps: int | None,
                eval_frequency: int | None) -> tuple[dict[str, object], int, int]:
    """Settings for a run whose dev split is also training data: no early stopping on data the
    model has seen (patience off) and dev scored only at the last step (eval frequency = max
    steps), so model-best is the last step; max steps from the argument, ``settings`` or ner.cfg."""
    from spacy.util import load_config

    settings = dict(settings or {})
    steps = max_steps or settings.get("training.max_steps")
    if steps is None:
        steps = load_config(resource_path("train/ner.cfg"))["training"]["max_steps"]
    steps = int(steps)  # type: ignore[call-overload]
    if eval_frequency not in (None, steps) or settings.get("training.patience") not in (None, 0):
        log.warning("dev split in the training data: fixed %d steps, no early stopping on dev "
                    "(--eval-frequency and training.patience ignored)", steps)
    settings.pop("training.eval_frequency", None)
    settings.update({"training.patience": 0, "training.max_steps": steps})
    return settings, steps, steps


def train_ner(train: Path, dev: Path, fmt: str, out: Path, *, max_steps: int | None = None,
              eval_frequency: int | None = None, corpus_name: str = "",
              settings: dict[str, object] | None = None,
              keep_labels: frozenset[str] = frozenset(),
              also_train: tuple[Path, ...] = ()) -> dict[str, object]:
    """Train a NER pipeline into ``out``; return its meta (with dev scores and wall time).

    ``also_train``: further splits added to the training data (for a final model once the
    settings are fixed on dev: with the dev split among them, its scores are no estimate and
    training runs a fixed step count, see :func:`fixed_steps`)."""
    dev_seen = any(p.resolve() == dev.resolve() for p in also_train)
    if dev_seen:
        settings, max_steps, eval_frequency = fixed_steps(settings, max_steps, eval_frequency)
    train_bin, n_train, labels = gold_docbin(train, fmt, keep=keep_labels)
    for extra in also_train:
        extra_bin, n_extra, extra_labels = gold_docbin(extra, fmt, keep=keep_labels)
        train_bin.merge(extra_bin)
        n_train += n_extra
        labels |= extra_labels
    dev_bin, n_dev, _ = gold_docbin(dev, fmt, keep=keep_labels)
    seconds, meta = run_training("train/ner.cfg", out, train_bin, dev_bin, max_steps=max_steps,
                                 eval_frequency=eval_frequency, settings=settings)
    perf: dict[str, float] = meta.get("performance", {})  # type: ignore[assignment]
    key = corpus_name or train.parent.name.lower()
    info = {
        "mechmine": {
            "training_data": str(train), "dev_data": str(dev), "format": fmt,
            "train_documents": n_train, "dev_documents": n_dev, "labels": sorted(labels),
            "licence_of_training_data": LICENCES.get(key.replace("-disease", ""), "see the corpus"),
            "config": "pipeline/resources/train/ner.cfg (seed 0, CPU)",
            "config_overrides": {k: v for k, v in (settings or {}).items()},
            "kept_labels": sorted(keep_labels),
            "wall_time_s": round(seconds, 1),
            "dev_scores": {k: perf.get(k) for k in ("ents_f", "ents_p", "ents_r")},
        }
    }
    if also_train:
        info["mechmine"]["also_trained_on"] = [str(p) for p in also_train]
        if dev_seen:
            info["mechmine"]["dev_scores_note"] = ("the dev split is part of the training data: "
                                                   "these scores are no estimate of accuracy")
    meta.update(info)
    _save_meta(out, meta)
    return info["mechmine"]


def ship_model(trained: Path, name: str, dest_root: Path | None = None) -> dict[str, object]:
    """Copy ``trained``/model-best into ``resources/models/<name>`` (what ``--model <name>`` loads)
    and record its meta (training data, licence, config, dev scores, wall time, size) in
    ``resources/models/models.yaml``."""
    import shutil

    import yaml

    best = trained / "model-best" if (trained / "model-best").exists() else trained
    meta = json.loads((best / "meta.json").read_text())
    root = dest_root or resource_path("models")
    dest = root / name
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(best, dest)
    # a shipped model tags with whichever lexicon is packaged beside it: a saved reference would pin the
    # lexicon digest of the training day and make the model unloadable after the next lexicon build
    shutil.rmtree(dest / "mechmine_lexicon_tags", ignore_errors=True)
    size = sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())
    info = dict(meta.get("mechmine", {}))
    info.update({"name": name, "spacy_version": meta.get("spacy_version", ""), "labels":
                 meta.get("labels", {}).get("ner", info.get("labels", [])), "size_mb": round(size / 1e6, 1)})
    index_path = root / "models.yaml"
    index = yaml.safe_load(index_path.read_text()) if index_path.exists() else {}
    index = index or {}
    index.setdefault("meta", {"name": "mechmine trained NER models", "version": "1",
                              "source": "mechmine train ner (spaCy, CPU, seed 0) on the gold training splits",
                              "licence": "weights: as their training data (see each entry)"})
    previous = index.setdefault("models", {}).get(name) or {}
    if "finds" in previous:  # what the model is trusted to find is a decision, not a training result
        info["finds"] = previous["finds"]
    index["models"][name] = info
    index_path.write_text(yaml.safe_dump(index, sort_keys=False, allow_unicode=True))
    return info


PARSER_LICENCE = ("CRAFT v5 dependency layer (UCDenver-ccp/CRAFT, structural-annotation/dependency/conllu): "
                  "annotations CC BY 3.0; texts PMC open-access articles. Cite Bada et al. 2012 and "
                  "Verspoor et al. 2012.")


def conllu_docbin(path: Path, n_sents: int = 10) -> tuple[DocBin, int]:
    """A CoNLL-U treebank (``.gz`` or plain) as a DocBin of ``n_sents``-sentence docs."""
    from spacy.training.converters import conllu_to_docs

    from pipeline.evaluate.parser import read_conllu

    out = DocBin(store_user_data=False)
    n = 0
    for doc in conllu_to_docs(read_conllu(path), n_sents=n_sents, merge_subtokens=False, no_print=True):
        out.add(doc)
        n += 1
    return out, n


def train_parser(train: Path, dev: Path, out: Path, *, max_steps: int | None = None,
                 eval_frequency: int | None = None,
                 settings: dict[str, object] | None = None) -> dict[str, object]:
    """Train tagger, morphologizer, lemmatizer and dependency parser on a CoNLL-U treebank into ``out``
    (``resources/train/parser.cfg``, gold tokens, seed 0, CPU); return its meta with dev scores."""
    train_bin, n_train = conllu_docbin(train)
    dev_bin, n_dev = conllu_docbin(dev)
    seconds, meta = run_training("train/parser.cfg", out, train_bin, dev_bin, max_steps=max_steps,
                                 eval_frequency=eval_frequency, settings=settings)
    perf: dict[str, float] = meta.get("performance", {})  # type: ignore[assignment]
    info = {
        "training_data": str(train), "dev_data": str(dev), "format": "conllu",
        "train_documents": n_train, "dev_documents": n_dev,
        "licence_of_training_data": PARSER_LICENCE,
        "config": "pipeline/resources/train/parser.cfg (seed 0, CPU, gold tokens)",
        "config_overrides": dict(settings or {}),
        "wall_time_s": round(seconds, 1),
        "dev_scores": {k: perf.get(k) for k in ("dep_uas", "dep_las", "pos_acc", "tag_acc", "lemma_acc")},
    }
    meta["mechmine"] = info
    _save_meta(out, meta)
    return info


def ship_parser(trained: Path, scores: dict[str, dict[str, float]], name: str = "parser",
                dest_root: Path | None = None) -> dict[str, object]:
    """Copy a trained parser (``trained``/model-best) into ``resources/models/<name>``, write its
    model card (``MODEL_CARD.md``: data, licence, citation, config, scores, wall time, size) and
    record it under ``parsers`` in ``resources/models/models.yaml``. ``scores``: the
    ``mechmine evaluate parser`` rows by split ("dev: gold tokens", ...)."""
    import shutil

    import yaml

    best = trained / "model-best" if (trained / "model-best").exists() else trained
    meta = json.loads((best / "meta.json").read_text())
    info = dict(meta.get("mechmine", {}))
    root = dest_root or resource_path("models")
    dest = root / name
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(best, dest, ignore=shutil.ignore_patterns("corpus"))
    size = sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())
    info.update({"name": name, "spacy_version": meta.get("spacy_version", ""),
                 "pipeline": meta.get("pipeline", []), "size_mb": round(size / 1e6, 1),
                 "mechmine_scores": scores})
    rows = "\n".join(f"| {split} | " + " | ".join(f"{row.get(k, 0):.4f}" for k in
                                                  ("dep_uas", "dep_las", "pos_acc", "tag_acc", "lemma_acc"))
                     + " |" for split, row in scores.items())
    card = f"""# mechmine biomedical parser (`{name}`)

spaCy {info['spacy_version']} pipeline: {", ".join(info['pipeline'])} over one CNN tok2vec
(NORM/PREFIX/SUFFIX/SHAPE hash embeddings, width 128, depth 4; no pretrained vectors).
Used by `mechmine_parser` on the sentences that can hold a relation.

- Training data: {info.get('training_data')} ({info.get('train_documents')} docs of 10 sentences);
  early stopping on {info.get('dev_data')} ({info.get('dev_documents')} docs).
- Licence of the training data: {PARSER_LICENCE}
- Citation: Bada M, et al. Concept annotation in the CRAFT corpus. BMC Bioinformatics 13:161 (2012);
  Verspoor K, et al. A corpus of full-text journal articles is a robust evaluation tool for
  revealing differences in performance of biomedical natural language processing tools.
  BMC Bioinformatics 13:207 (2012).
- Config: `pipeline/resources/train/parser.cfg` (CPU, seed 0, gold tokens); command:
  `mechmine train parser --train ../shared/treebanks/CRAFT/train.conllu.gz
  --dev ../shared/treebanks/CRAFT/dev.conllu.gz --out DIR` then `mechmine train ship-parser DIR`.
- Wall time: {info.get('wall_time_s')} s on 2 CPU cores; size {info['size_mb']} MB.

## Scores (`mechmine evaluate parser --gold FILE`; LAS/UAS without punctuation, spaCy's scorer)
| split | UAS | LAS | POS | tag | lemma |
|---|---|---|---|---|---|
{rows}
"""
    (dest / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    index_path = root / "models.yaml"
    index = (yaml.safe_load(index_path.read_text()) if index_path.exists() else {}) or {}
    index.setdefault("parsers", {})[name] = info
    index_path.write_text(yaml.safe_dump(index, sort_keys=False, allow_unicode=True))
    return info
