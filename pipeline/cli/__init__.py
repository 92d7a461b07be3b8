"""The ``mechmine`` command line: thin typer commands over :mod:`pipeline.run`.

One module per command group: :mod:`.run` (run, ingest, report, export), :mod:`.evaluate`,
:mod:`.train`, :mod:`.lexicon`; :mod:`.common` holds the apps, the console and option types.

Exit codes: 0 success; 1 when any input (or record) was skipped (the others are
still processed) or nothing could be read; 2 for usage errors (bad options, an output
folder that cannot be written or is locked by another run); 3 for an internal error (a
bug in mechmine: the message names the file; ``MECHMINE_DEBUG=1`` shows the traceback);
130 when interrupted (Ctrl-C). Every error is one line.
"""

from __future__ import annotations

import sys

import typer
from rich.markup import escape

import pipeline.cli.evaluate
import pipeline.cli.lexicon
import pipeline.cli.run
import pipeline.cli.train  # noqa: F401  (register the commands)
from pipeline.cli.common import app, err_console
from pipeline.errors import InternalError, MechmineError, describe
from pipeline.io import OutputError

__all__ = ["app", "guarded", "main"]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def main() -> None:
    """Console-script entry point: user errors are one line, never a traceback."""
    sys.exit(guarded(app))


def guarded(command: typer.Typer, args: list[str] | None = None) -> int:
    """Run ``command`` and map every way it can end to one line and an exit code (see above)."""
    import os

    from pipeline.entry import watch_interrupts

    watch_interrupts()
    try:
        result = command(args=args, standalone_mode=False)
    except (KeyboardInterrupt, typer.Abort):
        result = EXIT_INTERRUPTED
    except typer.Exit as done:
        result = done.exit_code
    except InternalError as err:
        if os.environ.get("MECHMINE_DEBUG"):
            raise
        _say(f"mechmine: internal error: {err}")
        return EXIT_INTERNAL
    except (MechmineError, OutputError) as err:
        _say(f"mechmine: error: {err}")
        return EXIT_USAGE
    except typer.TyperException as err:  # click's usage errors (bad option, missing argument)
        show = getattr(err, "show", None)
        if show is None:
            raise
        try:
            from typer import rich_utils

            rich_utils.rich_format_error(err)  # type: ignore[arg-type]
        except (ImportError, AttributeError):
            show()
        return int(getattr(err, "exit_code", EXIT_USAGE))
    except Exception as err:  # a bug: one line (the traceback with MECHMINE_DEBUG=1)
        if _by_interrupt(err):  # a library turned Ctrl-C into its own error
            _say("mechmine: interrupted; earlier outputs are unchanged")
            return EXIT_INTERRUPTED
        if os.environ.get("MECHMINE_DEBUG"):
            raise
        _say(f"mechmine: internal error: {describe(err)} (a bug in mechmine; "
             "MECHMINE_DEBUG=1 shows the traceback)")
        return EXIT_INTERNAL
    if result == EXIT_INTERRUPTED:
        _say("mechmine: interrupted; earlier outputs are unchanged")
    return result if isinstance(result, int) else EXIT_OK


def _by_interrupt(err: BaseException) -> bool:
    """Whether ``err`` came of Ctrl-C: a SIGINT was received, or a KeyboardInterrupt is in its chain."""
    from pipeline.entry import interrupted

    seen: set[int] = set()
    cause: BaseException | None = err
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return interrupted()


def _say(line: str) -> None:
    """One line on stderr, as is (no markup, no wrapping)."""
    err_console.print(escape(line), highlight=False, soft_wrap=True)


if __name__ == "__main__":
    main()
