"""The console script: Ctrl-C during start-up (the heavy imports) is one line and exit 130."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# A finder that, when ``MODULE`` is first imported, interrupts the import: with a real SIGINT
# sent to the process (``signal``) or by raising KeyboardInterrupt itself (``raise``).
SCRIPT = textwrap.dedent("""
    import os, signal, sys, time

    # as started from an interactive shell: a job started in the background inherits
    # SIGINT ignored, and then no Ctrl-C could reach the script at all
    signal.signal(signal.SIGINT, signal.default_int_handler)

    class Interrupt:
        def find_spec(self, name, path=None, target=None):
            if name == {module!r}:
                sys.meta_path.remove(self)
                if {how!r} == "signal":
                    os.kill(os.getpid(), signal.SIGINT)
                    time.sleep(60)  # the handler raises KeyboardInterrupt out of the sleep
                raise SystemExit("the interrupt was not delivered")
            return None

    sys.meta_path.insert(0, Interrupt())
    sys.argv = ["mechmine", "--help"]
    from pipeline.entry import main
    main()
""")


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("MECHMINE_DEBUG", None)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("module", ["pandas", "typer", "pipeline.cli"])
@pytest.mark.parametrize("how", ["signal", "raise"])
def test_interrupt_during_start_up_is_one_line_and_130(module: str, how: str) -> None:
    code = SCRIPT.format(module=module, how=how)
    if how == "raise":
        code = code.replace('raise SystemExit("the interrupt was not delivered")',
                            "raise KeyboardInterrupt")
    done = _run(code)
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == ["mechmine: interrupted"]


def test_import_pipeline_does_not_import_the_heavy_libraries() -> None:
    done = _run("import sys, pipeline, pipeline.entry\n"
                "print(sorted(m for m in ('pandas', 'typer', 'rich', 'spacy') if m in sys.modules))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_entry_point_runs_the_command_line() -> None:
    done = _run("import sys\nsys.argv = ['mechmine', '--help']\nfrom pipeline.entry import main\nmain()")
    assert done.returncode == 0, done.stderr
    assert "run" in done.stdout


def test_the_console_script_is_the_entry_module() -> None:
    assert 'mechmine = "pipeline.entry:main"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _app_raising(make_error):  # type: ignore[no-untyped-def]
    import typer

    app = typer.Typer()

    @app.command()
    def go() -> None:
        make_error()

    @app.command()
    def other() -> None:  # two commands: ``go`` is a subcommand
        pass

    return app


def _from_interrupt() -> None:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        raise ValueError("Error tokenizing data") from None  # a library hiding the interrupt


def test_error_raised_while_handling_an_interrupt_ends_as_interrupted(
        capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.cli import guarded

    assert guarded(_app_raising(_from_interrupt), ["go"]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_error_after_a_sigint_ends_as_interrupted(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import pipeline.entry
    from pipeline.cli import guarded

    def fail() -> None:
        raise ValueError("Calling read(nbytes) on source failed")

    assert guarded(_app_raising(fail), ["go"]) == 3  # a plain bug is an internal error
    assert "internal error" in capsys.readouterr().err
    monkeypatch.setattr(pipeline.entry, "_received", 1)
    assert guarded(_app_raising(fail), ["go"]) == 130
    assert "interrupted" in capsys.readouterr().err
