"""Speed of mechmine against scispaCy's tokenizer and a peer build, in one run (issue 17).

Text: the 500 BC5CDR development abstracts (PubTator, title + abstract). In one
process, after one warm-up pass, the passes of these configurations are
interleaved ``--repeat`` times (a slow spell of this shared machine then hits all
of them) and each one's best tokens/s is reported as a ratio to the scispaCy
tokenizer (the headline; absolute figures are only context):

- ``peer_build``: what a user gets by wiring the same terms themselves: the
  scispaCy tokenizer, mechmine's lexicon keys in a spaCy ``PhraseMatcher``
  (``attr="LOWER"``, longest match kept) and scispaCy's ``abbreviation_detector``;
- ``entity_pipeline``: :func:`pipeline.nlp.make_nlp` (entities only);
- ``full_default_pipeline``: entities + relations, the parser on candidate sentences;
- ``full_parse_every_sentence``: the same, the parser on every sentence.

Also: the share of sentences parsed, whether the relations of the two full
pipelines are the same on the sentences the candidate pipeline parses (and how
many relations parsing every sentence adds on the others), the lexicon load time (a fresh
process, the built lexicon kept on disk; and building it from its tables),
and, with ``mechmine run`` in subprocesses over ``--noop-docs``
abstracts written as one text file each, the wall time of a first run, of a
second run of the same input into the same ``--out`` (nothing new: the no-op
re-run), and the peak memory of the process tree with 1 and 2 workers (sum of
RSS, and of PSS, which counts a page shared by processes once).
Writes ``benchmarks/results/speed.csv`` and ``.md``.

    python benchmarks/speed.py --gold ../shared/gold
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import scispacy.abbreviation  # noqa: F401  (registers abbreviation_detector)
import spacy
from results_table import write_results
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from pipeline.gold.pubtator import read_pubtator

ROOT = Path(__file__).resolve().parent.parent
Pass = Callable[[list[str]], int]


def best_rates(fns: dict[str, Pass], texts: list[str], repeat: int, warm: int = 20,
               clock: Callable[[], float] = time.perf_counter) -> dict[str, float]:
    """Best tokens/s of each function over ``texts``, their passes interleaved (``clock``:
    ``time.process_time`` counts this process's CPU time only, steadier on a busy machine)."""
    for fn in fns.values():
        fn(texts[:warm])
    best = dict.fromkeys(fns, 0.0)
    for _ in range(repeat):
        for name, fn in fns.items():
            start = clock()
            n = fn(texts)
            best[name] = max(best[name], n / max(clock() - start, 1e-9))
    return best


def peer_build() -> Language:
    """scispaCy tokenizer + mechmine's lexicon keys in a PhraseMatcher + abbreviation_detector."""
    from pipeline.lexicon import CONCEPT_COLUMNS, MATCH_COLUMNS, TERM_COLUMNS, _read
    from pipeline.ruledata import resource_path

    folder = resource_path("lexicon")
    concepts = _read(folder / "concepts.tsv.gz", CONCEPT_COLUMNS, ["kb_id", "label"])
    label_of = dict(zip(concepts["kb_id"], concepts["label"], strict=True))
    terms = _read(folder / "terms.tsv.gz", TERM_COLUMNS, MATCH_COLUMNS).drop_duplicates("key")
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_label: dict[str, list[Doc]] = {}
    for key, kb_id in zip(terms["key"], terms["kb_id"], strict=True):
        by_label.setdefault(label_of[kb_id], []).append(Doc(nlp.vocab, words=key.split(" ")))
    for label, docs in by_label.items():
        matcher.add(label, docs)

    @Language.component("peer_phrase_matcher")
    def match(doc: Doc) -> Doc:
        doc.ents = filter_spans(matcher(doc, as_spans=True))
        return doc

    nlp.add_pipe("peer_phrase_matcher")
    nlp.add_pipe("abbreviation_detector")
    return nlp


def parsed_sentences(doc: Doc) -> set[int]:
    """Indices of the sentences the parser saw."""
    return {k for k, s in enumerate(doc.sents) if s.start in (doc._.parses or {})}


def compare_relations(chosen: list[Doc], every: list[Doc]) -> tuple[bool, int]:
    """Whether the two pipelines give the same relations (frozen records, every field compared) on
    the sentences the candidate pipeline parses, and how many relations parsing every sentence
    adds on the sentences it skips (what the filter costs in recall)."""
    same, extra = True, 0
    for a, b in zip(chosen, every, strict=True):
        parsed = parsed_sentences(a)
        ra = {r for r in a._.relations or [] if r.sentence_index in parsed}
        rb = {r for r in b._.relations or [] if r.sentence_index in parsed}
        same = same and ra == rb
        extra += len(set(b._.relations or []) - set(a._.relations or []) - rb)
    return same, extra


def lexicon_load_s(cache: str | None = None) -> float:
    """Seconds to load the lexicon as a run does (``cached_lexicon``) in a fresh process, after
    importing its module (and with it spaCy, which every pipeline imports anyway); ``cache``
    sets ``MECHMINE_CACHE`` (``"off"``: built from the tables)."""
    code = ("from pipeline.lexicon import cached_lexicon; import time; t = time.perf_counter(); "
            "cached_lexicon(); print(time.perf_counter() - t)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if cache is not None:
        env["MECHMINE_CACHE"] = cache
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=env, cwd=ROOT)
    return float(done.stdout.split()[-1])


def mechmine(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak summed RSS and PSS (MB) of the process tree of ``mechmine ARGS``."""
    exe = shutil.which("mechmine")
    cmd = [exe] if exe else [sys.executable, "-m", "pipeline"]
    start = time.perf_counter()
    proc = psutil.Popen([*cmd, *args], env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0.0, 0.0]

    def poll() -> None:
        while proc.poll() is None:
            rss = pss = 0
            try:
                for p in [proc, *proc.children(recursive=True)]:
                    info = p.memory_full_info()
                    rss, pss = rss + info.rss, pss + info.pss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
            peak[0], peak[1] = max(peak[0], rss / 2**20), max(peak[1], pss / 2**20)
            time.sleep(0.2)

    watcher = threading.Thread(target=poll)
    watcher.start()
    proc.wait()
    wall = time.perf_counter() - start
    watcher.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"mechmine {' '.join(args)} failed ({proc.returncode})")
    return wall, peak[0], peak[1]


def cli_runs(texts: list[str], n: int) -> list[tuple[str, float]]:
    """First run, no-op re-run and peak memory with 1 and 2 workers over ``n`` abstracts."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="mechmine_speed_") as tmp:
        corpus = Path(tmp) / "abstracts"
        corpus.mkdir()
        for k, text in enumerate(texts[:n]):
            (corpus / f"abstract_{k:04d}.txt").write_text(text, encoding="utf-8")
        for workers in (1, 2):
            out = Path(tmp) / f"out_{workers}"
            wall, rss, pss = mechmine(["run", str(corpus), "--out", str(out), "-q", "-j", str(workers)])
            rows += [(f"first_run_{workers}_workers_wall_s", round(wall, 1)),
                     (f"first_run_{workers}_workers_peak_rss_mb", round(rss)),
                     (f"first_run_{workers}_workers_peak_pss_mb", round(pss))]
            if workers == 1:
                wall, rss, _ = mechmine(["run", str(corpus), "--out", str(out), "-q"])
                rows += [("noop_rerun_wall_s", round(wall, 2)), ("noop_rerun_peak_rss_mb", round(rss))]
    return rows


def entity_rows(texts: list[str], repeat: int, clock: Callable[[], float]) -> list[tuple[str, object]]:
    """The entity pipeline and the peer build against the tokenizer (``--only entities``)."""
    from pipeline.nlp import make_nlp

    tokenizer = combined_rule_tokenizer(spacy.blank("en"))
    peer, entities = peer_build(), make_nlp()

    def run(nlp: Language) -> Pass:
        return lambda batch: sum(len(d) for d in nlp.pipe(batch, batch_size=64))

    rates = best_rates({"scispacy_tokenizer": lambda batch: sum(len(tokenizer(t)) for t in batch),
                        "peer_build": run(peer), "entity_pipeline": run(entities)},
                       texts, repeat, clock=clock)
    tok = rates["scispacy_tokenizer"]
    return [("peer_build_over_tokenizer", round(rates["peer_build"] / tok, 3)),
            ("entity_pipeline_over_tokenizer", round(rates["entity_pipeline"] / tok, 3)),
            ("entity_pipeline_over_peer_build", round(rates["entity_pipeline"] / rates["peer_build"], 2)),
            *((f"{name}_tokens_per_s", round(rate)) for name, rate in rates.items()),
            ("documents", len(texts))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--noop-docs", type=int, default=400)
    parser.add_argument("--no-cli", action="store_true", help="skip the mechmine run subprocesses")
    parser.add_argument("--only", choices=["entities"], help="entities: only the tokenizer, the peer build "
                        "and the entity pipeline (no relations, lexicon load or CLI runs; a quick check)")
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                        help="time the passes by the wall clock or by this process's CPU time (cpu: "
                        "steadier when other jobs share the cores)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    args = parser.parse_args()
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    texts = [d.text for d in read_pubtator(args.gold / "BC5CDR/pubtator/CDR_DevelopmentSet.PubTator.txt")]
    texts = texts[:args.documents]
    if args.only == "entities":
        note = (f"Python {platform.python_version()}, spaCy {spacy.__version__}, {len(texts)} BC5CDR dev "
                f"abstracts, best of {args.repeat} interleaved passes after a warm-up ({args.clock} clock); "
                "entities only")
        print(write_results(args.out, "speed_entities", entity_rows(texts, args.repeat, clock), note))
        return

    build_s = lexicon_load_s("off")
    lexicon_load_s()  # the first load of these lexicon files keeps the built lexicon
    load_s = lexicon_load_s()
    from pipeline.nlp import make_nlp

    tokenizer = combined_rule_tokenizer(spacy.blank("en"))
    peer = peer_build()
    entities = make_nlp()
    full = make_nlp(relations=True)
    every = make_nlp(relations=True)
    every.get_pipe("mechmine_parser").every_sentence = True
    docs: dict[str, list[Doc]] = {}

    def run(name: str, nlp: Language) -> Pass:
        def one_pass(batch: list[str]) -> int:
            docs[name] = list(nlp.pipe(batch, batch_size=64))
            return sum(len(d) for d in docs[name])
        return one_pass

    passes: dict[str, Pass] = {
        "scispacy_tokenizer": lambda batch: sum(len(tokenizer(t)) for t in batch),
        "peer_build": run("peer", peer), "entity_pipeline": run("entities", entities),
        "full_default_pipeline": run("full", full), "full_parse_every_sentence": run("every", every)}
    rates = best_rates(passes, texts, args.repeat, clock=clock)
    tok = rates["scispacy_tokenizer"]
    n_sents = sum(len(list(d.sents)) for d in docs["full"])
    parsed = sum(len(d._.parses or {}) for d in docs["full"])
    same, extra = compare_relations(docs["full"], docs["every"])
    n_rel = sum(len(d._.relations or []) for d in docs["full"])
    rows: list[tuple[str, object]] = [
        *((f"{name}_over_tokenizer", round(rate / tok, 3)) for name, rate in rates.items() if rate != tok),
        ("entity_pipeline_over_peer_build", round(rates["entity_pipeline"] / rates["peer_build"], 2)),
        ("candidates_speedup_over_parse_every_sentence",
         round(rates["full_default_pipeline"] / rates["full_parse_every_sentence"], 2)),
        ("share_of_sentences_parsed", round(parsed / n_sents, 3)),
        ("relations_candidates_equal_parse_every_sentence", same),
        ("relations_only_from_skipped_sentences", extra),
        ("relations", n_rel),
        ("lexicon_load_s_fresh_process", round(load_s, 2)),
        ("lexicon_build_s_fresh_process_no_cache", round(build_s, 2)),
        *((f"{name}_tokens_per_s", round(rate)) for name, rate in rates.items()),
        ("documents", len(texts)), ("tokens_per_pass_entity_pipeline", sum(len(d) for d in docs["entities"])),
        ("sentences", n_sents)]
    if not args.no_cli:
        rows += cli_runs(texts, args.noop_docs)
    print(write_results(args.out, "speed", rows,
                        f"Python {platform.python_version()}, spaCy {spacy.__version__}, {len(texts)} BC5CDR "
                        f"dev abstracts, best of {args.repeat} interleaved passes after a warm-up "
                        f"({args.clock} clock); "
                        f"{os.cpu_count()} cores shared with other jobs: read the ratios, not the absolute "
                        "times."))


if __name__ == "__main__":
    main()
