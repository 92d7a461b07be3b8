"""Batch throughput, scaling and incremental re-runs of `mechmine run`, with ratios.

Corpus: the BC5CDR and NCBI-disease PubTator abstracts in ``--gold`` (train +
development, ~1,800), written as PubTator files of 100 abstracts, replicated
(with new PMIDs) to ``--scale`` documents. In one process the script measures
the scispaCy tokenizer alone over the same texts (the baseline), then runs
``python -m pipeline run`` as child processes and reads their wall time and
peak RSS (``os.wait4``):

- full run, 1 worker and 2 workers, at the base size and at ``--scale``;
- an incremental re-run after adding 1 % new documents.

Writes ``benchmarks/results/batch_throughput.csv`` and ``.md``.

    python benchmarks/batch_throughput.py --gold ../shared/gold --scale 20000
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy
from results_table import write_results
from scispacy.custom_tokenizer import combined_rule_tokenizer

from pipeline.gold.pubtator import pubtator_records

SOURCES = ("BC5CDR/pubtator/CDR_TrainingSet.PubTator.txt",
           "BC5CDR/pubtator/CDR_DevelopmentSet.PubTator.txt",
           "NCBI-disease/pubtator/NCBItrainset_corpus.txt",
           "NCBI-disease/pubtator/NCBIdevelopset_corpus.txt")


def load_docs(gold: Path) -> list[tuple[str, str, str]]:
    docs = []
    for rel in SOURCES:
        path = gold / rel
        if path.exists():
            docs.extend((r.pmid, r.title, r.abstract) for r in pubtator_records(path))
    return docs


def write_corpus(folder: Path, docs: list[tuple[str, str, str]], n: int, start: int = 0) -> int:
    """Write ``n`` documents (cycling through ``docs``, PMIDs made unique) as files of 100."""
    folder.mkdir(parents=True, exist_ok=True)
    for f0 in range(0, n, 100):
        lines = []
        for k in range(f0, min(n, f0 + 100)):
            pmid, title, abstract = docs[k % len(docs)]
            uid = f"{start + k}{pmid}"
            lines += [f"{uid}|t|{title}", f"{uid}|a|{abstract}", ""]
        (folder / f"part{(start + f0) // 100:05d}.pubtator.txt").write_text("\n".join(lines) + "\n")
    return n


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `mechmine run` child."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", *args, "-q"])
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0,):
        raise SystemExit(f"mechmine run failed ({proc.returncode}): {args}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--scale", type=int, default=20000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    args = parser.parse_args()
    docs = load_docs(args.gold)
    if not docs:
        raise SystemExit(f"no PubTator documents under {args.gold}")
    base = len(docs)
    texts = [f"{t} {a}" for _, t, a in docs]
    tokenizer = combined_rule_tokenizer(spacy.blank("en"))
    start = time.perf_counter()
    n_tokens = sum(len(tokenizer(t)) for t in texts)
    tok_rate = n_tokens / (time.perf_counter() - start)

    rows: list[dict[str, object]] = [
        {"measure": "base_documents", "value": base},
        {"measure": "base_tokens", "value": n_tokens},
        {"measure": "scispacy_tokenizer_tokens_per_s", "value": round(tok_rate)},
    ]
    work = Path(tempfile.mkdtemp(prefix="mechmine-bench-"))
    try:
        for size in (base, args.scale):
            corpus = work / f"corpus{size}"
            write_corpus(corpus, docs, size)
            tokens = n_tokens * size / base
            for workers in (1, 2):
                out = work / f"out{size}-{workers}"
                secs, rss = run([str(corpus), "--out", str(out), "-j", str(workers)])
                rate = tokens / secs
                tag = f"full_run_{size}_docs_{workers}_workers"
                rows += [
                    {"measure": f"{tag}_s", "value": round(secs, 2)},
                    {"measure": f"{tag}_docs_per_s", "value": round(size / secs, 1)},
                    {"measure": f"{tag}_tokens_per_s", "value": round(rate)},
                    {"measure": f"{tag}_over_tokenizer", "value": round(rate / tok_rate, 3)},
                    {"measure": f"{tag}_peak_rss_mb", "value": round(rss)},
                ]
            one = next(r["value"] for r in rows if r["measure"] == f"full_run_{size}_docs_1_workers_s")
            two = next(r["value"] for r in rows if r["measure"] == f"full_run_{size}_docs_2_workers_s")
            rows.append({"measure": f"speedup_2_workers_{size}_docs", "value": round(one / two, 2)})
            new = max(1, size // 100)
            write_corpus(corpus, docs, new, start=size + 1000)
            secs, _ = run([str(corpus), "--out", str(work / f"out{size}-1")])
            rows += [
                {"measure": f"incremental_rerun_{size}_docs_plus_{new}_s", "value": round(secs, 2)},
                {"measure": f"incremental_over_full_{size}_docs", "value": round(secs / one, 3)},
            ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(write_results(args.out, "batch_throughput", [(r["measure"], r["value"]) for r in rows],
                        f"{os.cpu_count()} CPUs; each run is a `python -m pipeline run` child process "
                        "(start-up and lexicon load included)."))


if __name__ == "__main__":
    main()
