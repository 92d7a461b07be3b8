"""kill -9 at a random moment, re-run, compare with a clean run: ``--trials`` times.

Corpus: the BC5CDR + NCBI-disease train/dev abstracts in ``--gold`` as PubTator
files of 100 (as ``batch_throughput.py`` writes them).

    python benchmarks/kill_resume.py --gold ../shared/gold --trials 5
"""

from __future__ import annotations

import argparse
import hashlib
import random
import runpy
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def digest(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*.csv"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    bench = runpy.run_path(str(Path(__file__).with_name("batch_throughput.py")))
    work = Path(tempfile.mkdtemp(prefix="mechmine-kill-"))
    try:
        docs = bench["load_docs"](args.gold)
        src = work / "in"
        bench["write_corpus"](src, docs, len(docs))

        def cmd(out: Path) -> list[str]:
            return [sys.executable, "-m", "pipeline", "run", str(src), "--out", str(out), "-q"]

        subprocess.run(cmd(work / "clean"), check=True)
        clean = digest(work / "clean")
        rng = random.Random(args.seed)
        same = 0
        for trial in range(args.trials):
            out = work / f"trial{trial}"
            proc = subprocess.Popen(cmd(out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait = rng.uniform(3, 12)
            time.sleep(wait)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            subprocess.run(cmd(out), check=True)
            ok = digest(out) == clean
            same += ok
            print(f"trial {trial}: killed after {wait:.1f} s, tables identical to a clean run: {ok}")
        print(f"{same}/{args.trials} identical")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
