"""The ``mechmine`` console script: a tiny module so that Ctrl-C at any moment is one line.

``import pipeline`` is light (no pandas); the command line (typer, rich, pandas, the
batch machinery) is imported here inside the handler, so an interrupt during start-up
exits 130 with one line instead of a traceback. Everything after start-up is
:func:`pipeline.cli.guarded`'s (same exit codes: see :mod:`pipeline.cli`).
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130


def main() -> None:
    """Import the command line and run it; an interrupt before it is running is one line, 130."""
    try:
        from pipeline.cli import main as cli_main
    except KeyboardInterrupt:
        _interrupted()
    try:
        cli_main()
    except KeyboardInterrupt:  # between start-up and the command's own handler
        _interrupted()


def _interrupted() -> None:
    try:
        sys.stderr.write("mechmine: interrupted\n")
        sys.stderr.flush()
    finally:
        sys.exit(EXIT_INTERRUPTED)
