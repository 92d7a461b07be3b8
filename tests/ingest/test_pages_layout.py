"""Page evidence of pages.yaml 1.5: a change of paragraph layout between two glued sites, the
fit settings, and features as the one pass sees them (invented pages, no citations)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from pipeline.errors import ResourceError
from pipeline.ingest.blocks import text_blocks
from pipeline.ingest.classify import classify_blocks
from pipeline.ingest.model import Block
from pipeline.ingest.pagecues import layout
from pipeline.ingest.pages import features_since, load_page_rules, page_features
from tests.ingest.conftest import nonblank_lines as _lines

# page A: paragraphs separated by blank lines
A = ["Hip Care Explained",
     "Hip joints wear out with age and sport. The team grows cells from a small sample of bone.",
     "The cells go back into the hip a week later. Most patients rest for two days after it.",
     "A nurse calls each patient after one month. The doctor sees them again after six months.",
     "Patients who run again are asked to start slowly. Swimming is allowed after three weeks."]
# page B: one paragraph a line, no blank lines
B = ["Gout Treatment With Your Own Cells",
     "Gout is a painful joint disease of the big toe. Our clinic treats it with your own cells.",
     "Each visit takes about an hour. A nurse checks the joint and the blood pressure first.",
     "Most patients report less pain after two months. Some need a second injection later."]
PAGE_A = "\n\n".join(A)
PAGE_B = "\n".join(B)


def _kept(text: str) -> tuple[list[Block], list[Block]]:
    blocks = text_blocks(text)
    classify_blocks(blocks)
    return [b for b in blocks if not b.removed], blocks


@pytest.mark.parametrize(("text", "blank", "marks"), [
    ("Each visit takes about an hour. A nurse checks the joint first.", True, (1.0, 0.0)),
    ("Each visit takes about an hour.  A nurse checks the joint first.", False, (0.0, 1.0)),
    ("Each visit takes about an hour and a nurse checks the joint", True, (1.0, None)),
    ("• a nurse checks the joint and the blood pressure. Then the doctor", True, (None, 0.0)),
    ("Gout Treatment", True, (None, None)),  # a short line says nothing of paragraph breaks
])
def test_layout_marks(text: str, blank: bool, marks: tuple[float | None, float | None]) -> None:
    assert layout(text, blank) == marks


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_change_of_paragraph_layout_is_evidence(sep: str) -> None:
    kept, blocks = _kept(PAGE_A + sep + PAGE_B + "\n")
    feats = page_features(kept, blocks, set())
    fired = [i for i, f in enumerate(feats) if "layout_change" in f]
    assert fired[0] == len(A) and kept[fired[0]].text == B[0]  # first at page B's title
    # after that page start (the one pass) page B has one layout
    assert not any("layout_change" in features_since(feats[i], kept, blocks, i, since=len(A))
                   for i in fired[1:])


@pytest.mark.parametrize("text", [
    PAGE_A + "\n\n" + "\n\n".join(B),  # one layout throughout
    "\n".join(A + B),
    # a bullet list without blank lines inside a page of blank-line paragraphs
    PAGE_A + "\n\n" + "\n".join(["• rest for two days", "• walk a little each day",
                                 "• swim after three weeks"]) + "\n\n" + "\n\n".join(A[1:]),
])
def test_one_layout_throughout_is_no_evidence(text: str) -> None:
    kept, blocks = _kept(text)
    assert not any("layout_change" in f for f in page_features(kept, blocks, set()))


def test_layout_change_counts_only_since_the_last_page_start() -> None:
    kept, blocks = _kept(PAGE_A + "\n" + PAGE_B + "\n")
    i = len(A)
    f = page_features(kept, blocks, set())[i]
    assert "layout_change" in features_since(f, kept, blocks, i, since=0)
    # a page start two blocks before leaves too few paragraphs to compare with
    assert "layout_change" not in features_since(f, kept, blocks, i, since=i - 2)


def test_a_title_and_a_layout_change_split_pages(_articles: Callable[[str], list[str]]) -> None:
    arts = _articles(PAGE_A + "\n" + PAGE_B + "\n")
    assert [_lines(a)[0] for a in arts] == [A[0], B[0]]
    assert [_lines(a)[-1] for a in arts] == [A[-1], B[-1]]
    # the same two pages in one layout: the title alone is a section heading
    assert len(_articles(PAGE_A + "\n\n" + "\n\n".join(B) + "\n")) == 1


def test_fit_settings_name_known_weights(tmp_path: Path) -> None:
    good = Path(__file__).parents[2] / "pipeline" / "resources" / "pages.yaml"
    fit = load_page_rules(good).fit
    assert "layout_change" in fit.shared_prior and "redefinition" not in fit.shared_prior
    bad = tmp_path / "pages.yaml"
    bad.write_text(good.read_text(encoding="utf-8").replace(
        "shared_prior: [glued_line,", "shared_prior: [no_such_cue, glued_line,"),
        encoding="utf-8")
    with pytest.raises(ResourceError):
        load_page_rules(bad)


def _benchmark():
    path = Path(__file__).parents[2] / "benchmarks" / "ingest_realdocs.py"
    spec = importlib.util.spec_from_file_location("ingest_realdocs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shared_prior_gives_an_unseen_cue_the_mean_weight() -> None:
    """A cue that never fires in training keeps weight 0 shrunk to zero, but takes a share of
    the others' weight when shrunk towards their mean."""
    fit_logistic = _benchmark().fit_logistic
    # columns: cues a and b (at most starts, and at some other blocks), cue c (never)
    x = np.array([[1, 1, 0], [1, 0, 0], [0, 1, 0], [0, 0, 0], [1, 0, 0], [0, 1, 0],
                  [0, 0, 0], [0, 0, 0]], float)
    y = np.array([1, 1, 1, 1, 0, 0, 0, 0], float)
    w = np.ones(len(y))
    zero, _ = fit_logistic(x, y, w, l2=1.0)
    shared, _ = fit_logistic(x, y, w, l2=1.0, shared=np.array([True, True, True]))
    assert zero[2] == pytest.approx(0.0, abs=1e-6)
    assert 0.1 < shared[2] < min(shared[0], shared[1])
    # separable data stay finite
    sep, _ = fit_logistic(x[:, :1], (x[:, 0] > 0).astype(float), w, l2=1.0,
                          shared=np.array([True]))
    assert np.isfinite(sep).all() and sep[0] < 100
