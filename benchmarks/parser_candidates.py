"""Parsing only candidate sentences against parsing every sentence, in one process.

Over the BC5CDR development abstracts (500 PubTator documents), the default
pipeline (entities, ``mechmine_parser``, relations) runs twice, interleaved:
once parsing only the sentences that can hold a relation (the default) and once
parsing every sentence. Reported: the share of sentences parsed, the speed of
each run and their ratio (best of ``--repeat`` passes each), and whether the
relations of the two runs are the same on every sentence of every document.

    python benchmarks/parser_candidates.py --gold ../shared/gold
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline.gold.pubtator import read_pubtator
from pipeline.nlp import make_nlp


def relations_by_sentence(docs: list) -> dict[tuple[int, int], set[tuple[str, str, str, str]]]:  # type: ignore[type-arg]
    out: dict[tuple[int, int], set[tuple[str, str, str, str]]] = {}
    for k, doc in enumerate(docs):
        for r in doc._.relations or []:
            out.setdefault((k, r.sentence_start), set()).add(
                (r.subject.text, r.predicate, r.object.text, r.rule_id))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [d.text for d in read_pubtator(args.gold / "BC5CDR/pubtator/CDR_DevelopmentSet.PubTator.txt")]
    texts = texts[:args.documents]
    nlps = {"candidates": make_nlp(relations=True), "every sentence": make_nlp(relations=True)}
    nlps["every sentence"].get_pipe("mechmine_parser").every_sentence = True
    best = dict.fromkeys(nlps, float("inf"))
    docs: dict[str, list] = {}  # type: ignore[type-arg]
    for name, nlp in nlps.items():  # warm-up
        docs[name] = list(nlp.pipe(texts[:20]))
    for _ in range(args.repeat):
        for name, nlp in nlps.items():
            start = time.perf_counter()
            docs[name] = list(nlp.pipe(texts, batch_size=64))
            best[name] = min(best[name], time.perf_counter() - start)
    n_sents = sum(len(list(d.sents)) for d in docs["candidates"])
    parsed = sum(len(d._.parses or {}) for d in docs["candidates"])
    n_tokens = sum(len(d) for d in docs["candidates"])
    cand, every = relations_by_sentence(docs["candidates"]), relations_by_sentence(docs["every sentence"])
    same = cand == every
    print(f"{len(texts)} abstracts, {n_tokens:,} tokens, {n_sents:,} sentences; "
          f"{parsed:,} parsed as candidates ({parsed / n_sents:.1%})")
    print(f"| parsing | seconds (best of {args.repeat}) | tokens/s |\n|---|---|---|")
    for name, secs in best.items():
        print(f"| {name} | {secs:.2f} | {n_tokens / secs:,.0f} |")
    print(f"candidates only is {best['every sentence'] / best['candidates']:.2f}x faster; "
          f"relations on every sentence are {'the same' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
