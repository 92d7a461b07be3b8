"""Where the entity pipeline spends its time (issue 17): CPU seconds per component, and a profile.

Over the BC5CDR development abstracts (PubTator, title + abstract), after one full
warm-up pass (the tokenizer's cache, the vocabulary and the lexicon's memos filled, as in
the best-of passes of ``speed.py``): the best of ``--repeat`` passes of each component
called doc by doc (``time.process_time``: this process's CPU time, steadier on a shared
machine), then, with ``--profile N``, one pass under ``cProfile`` (CPU clock) and its top N
functions by cumulative time. The profile inflates per-call Python costs (a Cython
generator such as ``Doc.__iter__`` most of all): read it for where, the component
seconds for how much. With ``--parts``, the CPU seconds of the components' main steps
(:data:`PARTS`, each timed inclusive of what it calls; best of the passes), the
profile's "where" on the component clock.

    python benchmarks/entity_profile.py --gold ../shared/gold --parts --profile 15
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import importlib
import pstats
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.gold.pubtator import read_pubtator
from pipeline.nlp import make_nlp


def component_seconds(texts: list[str], repeat: int, batch_size: int = 0) -> dict[str, float]:
    """Best CPU seconds of the tokenizer and of each pipeline component over ``texts``: called
    doc by doc, or, with ``batch_size``, each component over all texts in turn through its
    ``pipe`` (as ``nlp.pipe`` runs a component that has one, e.g. the lexicon matcher, which
    reads the automaton for a batch of docs in a row)."""
    nlp = make_nlp()
    list(nlp.pipe(texts))
    clock = time.process_time
    best: dict[str, float] = {}
    for _ in range(repeat):
        spent = {"tokenizer": 0.0, **dict.fromkeys(nlp.pipe_names, 0.0)}
        if batch_size:
            start = clock()
            docs = [nlp.make_doc(text) for text in texts]
            spent["tokenizer"] = clock() - start
            for name, proc in nlp.pipeline:
                start = clock()
                docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else \
                    [proc(doc) for doc in docs]
                spent[name] = clock() - start
            texts_left: list[str] = []
        else:
            texts_left = texts
        for text in texts_left:
            start = clock()
            doc = nlp.make_doc(text)
            spent["tokenizer"] += clock() - start
            for name, proc in nlp.pipeline:
                start = clock()
                doc = proc(doc)
                spent[name] += clock() - start
        for name, seconds in spent.items():
            best[name] = min(best.get(name, float("inf")), seconds)
    return best


# (module, attribute) of each timed step, patched where its caller looks it up (a class
# attribute for a method); a step called inside another is counted in both
PARTS = (
    ("pipeline.lexicon.tokens", "DocKeys.__call__"),
    ("pipeline.lexicon", "Lexicon.scan"),
    ("pipeline.nlp.lexicon_matcher", "lexicon_spans"),
    ("pipeline.nlp.lexicon_matcher", "plural_matches"),
    ("pipeline.nlp.lexicon_matcher", "refine"),
    ("pipeline.lexicon.refine", "located_processes"),
    ("pipeline.lexicon.refine", "_eponyms"),
    ("pipeline.lexicon.phrases", "function_deficits"),
    ("pipeline.lexicon.phrases", "head_phrases"),
    ("pipeline.lexicon.phrases", "extend_modifiers"),
    ("pipeline.lexicon.groups", "extend_over_modifiers"),
    ("pipeline.nlp.lexicon_matcher", "contextual_spans"),
    ("pipeline.nlp.lexicon_matcher", "merge_with_model"),
    ("pipeline.nlp.abbreviations", "find_definitions"),
    ("pipeline.nlp.abbreviations", "occurrences"),
    ("pipeline.nlp.abbreviations", "abbreviation_spans"),
)


@contextmanager
def timed_parts(spent: dict[str, float]) -> Iterator[None]:
    """Add each :data:`PARTS` step's CPU seconds to ``spent`` while in the block."""
    clock = time.process_time
    undo: list[tuple[object, str, object]] = []

    def timer(label: str, fn: Callable[..., object]) -> Callable[..., object]:
        @functools.wraps(fn)
        def run(*args: object, **kwargs: object) -> object:
            start = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + clock() - start
        return run

    for module, name in PARTS:
        owner: object = importlib.import_module(module)
        *path, attr = name.split(".")
        for part in path:
            owner = getattr(owner, part)
        fn = owner.__dict__[attr] if isinstance(owner, type) else getattr(owner, attr)
        undo.append((owner, attr, fn))
        setattr(owner, attr, timer(f"{module.rsplit('.', 1)[-1]}.{name}", fn))
    try:
        yield
    finally:
        for owner, attr, fn in reversed(undo):
            setattr(owner, attr, fn)


def part_seconds(texts: list[str], repeat: int) -> dict[str, float]:
    """Best CPU seconds of each :data:`PARTS` step over ``texts`` (whole pipeline passes)."""
    nlp = make_nlp()
    list(nlp.pipe(texts))
    best: dict[str, float] = {}
    for _ in range(repeat):
        spent: dict[str, float] = {}
        with timed_parts(spent):
            for _doc in nlp.pipe(texts, batch_size=64):
                pass
        for name, seconds in spent.items():
            best[name] = min(best.get(name, float("inf")), seconds)
    return best


def profile(texts: list[str], top: int) -> pstats.Stats:
    """One warm pass of the entity pipeline under cProfile (CPU clock)."""
    nlp = make_nlp()
    list(nlp.pipe(texts))
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=0, metavar="N",
                        help="time each component over all documents through its pipe() in "
                             "batches of N (as nlp.pipe runs it), instead of doc by doc")
    parser.add_argument("--parts", action="store_true",
                        help="also time the components' main steps (PARTS; CPU s, inclusive)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also profile one pass and print its top N functions")
    args = parser.parse_args()
    path = args.gold / "BC5CDR/pubtator/CDR_DevelopmentSet.PubTator.txt"
    if not path.exists():
        parser.error(f"no BC5CDR development file at {path}")
    texts = [d.text for d in read_pubtator(path)][:args.documents]
    seconds = component_seconds(texts, args.repeat, args.batch_size)
    total = sum(seconds.values())
    how = f", pipe() in batches of {args.batch_size}" if args.batch_size else ""
    print(f"{len(texts)} documents, best of {args.repeat} passes (CPU s{how}):")
    for name, value in seconds.items():
        print(f"  {name:26s} {value:7.3f}  {value / total:6.1%}")
    print(f"  {'total':26s} {total:7.3f}")
    print(f"  entity pipeline / tokenizer: {seconds['tokenizer'] / total:.3f}x the tokenizer's speed")
    if args.parts:
        parts = part_seconds(texts, args.repeat)
        print(f"steps, best of {args.repeat} passes (CPU s, inclusive; share of the total above):")
        for name, value in sorted(parts.items(), key=lambda item: -item[1]):
            print(f"  {name:40s} {value:7.3f}  {value / total:6.1%}")
    if args.profile:
        profile(texts, args.profile)


if __name__ == "__main__":
    main()
