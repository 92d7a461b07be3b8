"""Entity pipeline throughput with shipped NER models, against the lexicon-only pipeline and the
scispaCy tokenizer alone, in one process (200 BC5CDR development abstracts, best of 3 passes).

    python benchmarks/model_throughput.py --gold ../shared/gold --model bc5cdr --model bc5cdr,bionlp13cg
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer

from pipeline.gold.pubtator import read_pubtator
from pipeline.nlp import make_nlp


def best_rate(fn, texts: list[str], repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    fn(texts)  # warm-up over the same texts (the tokenizer caches words)
    best = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        n = fn(texts)
        best = max(best, n / (time.perf_counter() - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--model", action="append", default=[])
    parser.add_argument("--documents", type=int, default=200)
    args = parser.parse_args()
    texts = [d.text for d in read_pubtator(args.gold / "BC5CDR/pubtator/CDR_DevelopmentSet.PubTator.txt")]
    texts = texts[:args.documents]
    tokenizer = combined_rule_tokenizer(spacy.blank("en"))
    base = best_rate(lambda batch: sum(len(tokenizer(t)) for t in batch), texts)
    print("| pipeline | tokens/s | over tokenizer | over lexicon only |\n|---|---|---|---|")
    print(f"| scispaCy tokenizer | {base:,.0f} | 1 | |")
    lexicon = 0.0
    for model in [None, *args.model]:
        nlp = make_nlp(model=model)
        rate = best_rate(lambda batch, nlp=nlp: sum(len(d) for d in nlp.pipe(batch, batch_size=64)), texts)
        lexicon = lexicon or rate
        print(f"| {model or 'lexicon only'} | {rate:,.0f} | {rate / base:.3f} | {rate / lexicon:.3f} |")


if __name__ == "__main__":
    main()
