"""Entity pipeline throughput against scispaCy's tokenizer alone, in one process.

Text: the BC5CDR development abstracts (PubTator, title + abstract). Runs
each configuration ``--repeat`` times over the texts after one warm-up pass
and reports the best tokens/s, the ratio pipeline / tokenizer (the headline:
machines here are noisy, ratios are not), the lexicon load time (cold, in this
process) and the peak RSS. Writes ``benchmarks/results/entity_throughput.csv``
and ``.md``.

    python benchmarks/entity_throughput.py --gold ../shared/gold
"""

from __future__ import annotations

import argparse
import csv
import platform
import resource
import time
from pathlib import Path

import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer

from pipeline.evaluate.ner import read_pubtator


def best_rate(fn, texts: list[str], repeat: int) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    fn(texts)  # warm-up
    best = 0.0
    n_tokens = 0
    for _ in range(repeat):
        start = time.perf_counter()
        n_tokens = fn(texts)
        best = max(best, n_tokens / (time.perf_counter() - start))
    return best, n_tokens


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

    tok_rate, n_tok = best_rate(tokenize, texts, args.repeat)
    pipe_rate, n_pipe = best_rate(run_pipeline, texts, args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        {"measure": "scispacy_tokenizer_tokens_per_s", "value": round(tok_rate)},
        {"measure": "entity_pipeline_tokens_per_s", "value": round(pipe_rate)},
        {"measure": "pipeline_over_tokenizer_ratio", "value": round(pipe_rate / tok_rate, 3)},
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
