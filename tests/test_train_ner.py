"""``mechmine train ner`` on a tiny hand-written IOB split, in a fresh interpreter.

A fresh process matters: ``ner.cfg`` names mechmine's ``mechmine_lexicon_tags`` factory, which must be
registered by the training road itself, not by whatever a test session imported before.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# IOB sentences written for this test
IOB = """\
MSCs\tO
secrete\tO
interleukin-10\tB-Chemical
.\tO

Patients\tO
with\tO
lung\tB-Disease
fibrosis\tI-Disease
improved\tO
.\tO

"""


def test_train_ner_in_a_fresh_process(tmp_path: Path) -> None:
    train, dev = tmp_path / "train.tsv", tmp_path / "dev.tsv"
    train.write_text(IOB * 4, encoding="utf-8")
    dev.write_text(IOB, encoding="utf-8")
    out = tmp_path / "ner"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "train", "ner", "--train", str(train), "--dev", str(dev),
         "--out", str(out), "--max-steps", "2", "--eval-frequency", "1"],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    meta = json.loads((out / "model-best" / "meta.json").read_text())
    assert meta["pipeline"] == ["mechmine_lexicon_tags", "tok2vec", "ner"]
    assert set(meta["labels"]["ner"]) == {"Chemical", "Disease"}

    from pipeline.train import ship_model

    info = ship_model(out, "tiny", dest_root=tmp_path / "shipped")
    shipped = tmp_path / "shipped" / "tiny"
    assert info["name"] == "tiny" and (shipped / "config.cfg").exists()
    assert not (shipped / "mechmine_lexicon_tags").exists()  # tags with the packaged lexicon, unpinned
