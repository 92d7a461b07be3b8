"""The ``mechmine`` console script: a tiny module so that Ctrl-C at any moment is one line.

``import pipeline`` is light (no pandas); the command line (typer, rich, pandas, the
batch machinery) is imported here inside the handler, so an interrupt during start-up
exits 130 with one line instead of a traceback. Everything after start-up is
:func:`pipeline.cli.guarded`'s (same exit codes: see :mod:`pipeline.cli`).
"""

from __future__ import annotations

import sys
import types  # already loaded by Python's start-up, unlike typing

EXIT_INTERRUPTED = 130
_received = 0  # SIGINTs received since start-up (see :func:`interrupted`)


def interrupted() -> bool:
    """Whether Ctrl-C was pressed: a library that turns the KeyboardInterrupt into its own error
    (pandas' C CSV reader does) must still end the run as interrupted, not as a bug."""
    return _received > 0


def _on_sigint(signum: int, frame: types.FrameType | None) -> None:
    import signal

    global _received
    _received += 1
    signal.default_int_handler(signum, frame)  # raises KeyboardInterrupt, as Python's own handler


def watch_interrupts() -> None:
    """Count SIGINTs (when Python's default handler is in place; an ignored SIGINT stays ignored)."""
    import signal  # here, not at the top: importing it (and enum) is already start-up

    try:
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, _on_sigint)
    except ValueError:  # not the main thread
        pass


def main() -> None:
    """Import the command line and run it; an interrupt before it is running is one line, 130."""
    try:
        watch_interrupts()
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
