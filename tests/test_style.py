"""The code base stays ruff-clean (ruff comes with the test extra)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


def test_ruff_clean() -> None:
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(ROOT / ".venv-ci" / "bin"))
    if ruff is None:
        pytest.skip("ruff is not installed")
    proc = subprocess.run([ruff, "check", "pipeline", "tests"], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_package_imports_without_side_effects() -> None:
    proc = subprocess.run([sys.executable, "-c", "import pipeline, pipeline.cli"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def _imports(path: Path, top_level_only: bool) -> set[str]:
    """The ``pipeline.*`` modules a file imports (with ``top_level_only``: at import time, not in
    functions nor under ``if TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    out = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("pipeline")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def test_no_import_cycle() -> None:
    """No cycle among the modules' import-time imports (a cycle makes import order matter)."""
    modules = _modules()
    graph = {m: {i for i in _imports(p, True) if i in modules and i != m} for m, p in modules.items()}
    state: dict[str, int] = {}

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*trail[trail.index(n):], n]))
            if n not in state:
                visit(n, [*trail, n])
        state[m] = 2

    for m in sorted(modules):
        if m not in state:
            visit(m, [m])


@pytest.mark.parametrize(("lower", "upper"), [
    ("pipeline.tokenize", "pipeline.lexicon"), ("pipeline.tokenize", "pipeline.nlp"),
    ("pipeline.lexicon", "pipeline.nlp"), ("pipeline.ruledata", "pipeline.lexicon"),
])
def test_layers_go_one_way(lower: str, upper: str) -> None:
    """A lower layer never imports an upper one, not even inside a function."""
    for name, path in _modules().items():
        if name == lower or name.startswith(lower + "."):
            bad = {i for i in _imports(path, False) if i == upper or i.startswith(upper + ".")}
            assert not bad, f"{name} imports {sorted(bad)}"
