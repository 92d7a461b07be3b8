"""Entity pipeline throughput against scispaCy's tokenizer alone, in one process.

Text: the BC5CDR development abstracts (PubTator, title + abstract). Runs
each configuration ``--repeat`` times over the texts after one warm-up pass,
the passes of all configurations interleaved, and reports the best tokens/s,
the ratio pipeline / tokenizer (the headline: machines here are noisy), the lexicon load time (cold, in this
process) and the peak RSS. Writes ``benchmarks/results/entity_throughput.csv``
and ``.md``.

Reference stages, each also as a ratio to the tokenizer, show what spaCy
itself costs before any entity is found: mechmine's tokenizer; that tokenizer
plus spaCy's ``sentencizer``; that tokenizer plus setting the pipeline's own
entities (computed beforehand) as ``doc.ents`` with their ``doc._.mentions``
entries (a floor for any component that sets entities); the scispaCy tokenizer
plus scispaCy's ``abbreviation_detector``.

    python benchmarks/entity_throughput.py --gold ../shared/gold
"""

from __future__ import annotations

import argparse
import csv
import platform
import resource
import time
from collections.abc import Callable
from pathlib import Path

import scispacy.abbreviation  # noqa: F401  (registers abbreviation_detector)
import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language
from spacy.tokens import Span

from pipeline.gold.pubtator import read_pubtator


def best_rates(fns, texts: list[str], repeat: int) -> list[tuple[float, int]]:  # type: ignore[no-untyped-def]
    """Best tokens/s of each function, their passes interleaved (a slow spell of a noisy
    machine then hits all of them, not only the one that happened to run in it)."""
    for fn in fns:
        fn(texts)  # warm-up
    best = [0.0] * len(fns)
    counts = [0] * len(fns)
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            start = time.perf_counter()
            counts[k] = fn(texts)
            best[k] = max(best[k], counts[k] / (time.perf_counter() - start))
    return list(zip(best, counts, strict=True))


def reference_stages(nlp: Language, texts: list[str]) -> dict[str, Callable[[list[str]], int]]:
    """The reference stages (see the module docstring): name -> function that returns its tokens."""
    make_doc = nlp.tokenizer
    sentencizer = nlp.get_pipe("sentencizer")
    done = [(doc.ents, dict(doc._.mentions or {})) for doc in nlp.pipe(texts, batch_size=64)]

    def tokens_only(batch: list[str]) -> int:
        return sum(len(make_doc(t)) for t in batch)

    def with_sentencizer(batch: list[str]) -> int:
        return sum(len(sentencizer(make_doc(t))) for t in batch)

    def set_entities(batch: list[str]) -> int:
        n = 0
        for text, (ents, info) in zip(batch, done, strict=True):
            doc = make_doc(text)
            doc.ents = [Span(doc, e.start, e.end, label=e.label, kb_id=e.kb_id) for e in ents]
            doc._.mentions = dict(info)
            n += len(doc)
        return n

    abbreviations = spacy.blank("en")
    abbreviations.tokenizer = combined_rule_tokenizer(abbreviations)
    abbreviations.add_pipe("abbreviation_detector")

    def scispacy_abbreviations(batch: list[str]) -> int:
        return sum(len(doc) for doc in abbreviations.pipe(batch, batch_size=64))

    return {"mechmine_tokenizer": tokens_only, "tokenizer_plus_sentencizer": with_sentencizer,
            "tokenizer_plus_setting_precomputed_entities": set_entities,
            "scispacy_tokenizer_plus_abbreviation_detector": scispacy_abbreviations}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    args = parser.parse_args()
    docs = list(read_pubtator(args.gold / "BC5CDR/pubtator/CDR_DevelopmentSet.PubTator.txt"))
    texts = [d.text for d in docs]

    blank = spacy.blank("en")
    tokenizer = combined_rule_tokenizer(blank)

    def tokenize(batch: list[str]) -> int:
        return sum(len(tokenizer(t)) for t in batch)

    start = time.perf_counter()
    from pipeline.lexicon import Lexicon

    Lexicon.load()
    lexicon_load = time.perf_counter() - start

    from pipeline.nlp import make_nlp

    start = time.perf_counter()
    nlp = make_nlp()
    pipeline_load = time.perf_counter() - start

    def run_pipeline(batch: list[str]) -> int:
        return sum(len(doc) for doc in nlp.pipe(batch, batch_size=64))

    references = reference_stages(nlp, texts)
    (tok_rate, n_tok), (pipe_rate, n_pipe), *rest = best_rates(
        [tokenize, run_pipeline, *references.values()], texts, args.repeat)
    stages = {name: rate for name, (rate, _) in zip(references, rest, strict=True)}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        {"measure": "scispacy_tokenizer_tokens_per_s", "value": round(tok_rate)},
        {"measure": "entity_pipeline_tokens_per_s", "value": round(pipe_rate)},
        {"measure": "pipeline_over_tokenizer_ratio", "value": round(pipe_rate / tok_rate, 3)},
        *({"measure": f"reference_{name}_over_tokenizer", "value": round(rate / tok_rate, 3)}
          for name, rate in stages.items()),
        {"measure": "lexicon_load_s", "value": round(lexicon_load, 2)},
        {"measure": "pipeline_build_s_after_lexicon_cached", "value": round(pipeline_load, 2)},
        {"measure": "peak_rss_mb", "value": round(peak_mb)},
        {"measure": "documents", "value": len(texts)},
        {"measure": "tokens_per_pass_tokenizer", "value": n_tok},
        {"measure": "tokens_per_pass_pipeline", "value": n_pipe},
    ]
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "entity_throughput.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["measure", "value"])
        writer.writeheader()
        writer.writerows(rows)
    lines = ["| measure | value |", "|---|---|", *(f"| {r['measure']} | {r['value']} |" for r in rows),
             "", f"Python {platform.python_version()}, spaCy {spacy.__version__}, "
             f"{len(texts)} BC5CDR dev abstracts, best of {args.repeat} passes after a warm-up."]
    (args.out / "entity_throughput.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
