"""Errors a user can cause; each renders as one line, never a traceback."""

from __future__ import annotations


class MechmineError(Exception):
    """Base class for errors reported to the user as one line."""


class InputError(MechmineError):
    """An input file (or one record of it) cannot be read; the run goes on without it."""


class ResourceError(MechmineError):
    """A packaged rule or vocabulary file is malformed (names the file and entry)."""


class InternalError(MechmineError):
    """A bug in mechmine itself (not the input's fault): the run stops, naming the file and record."""


def describe(err: BaseException, limit: int = 200) -> str:
    """``Type: message`` on one line (at most ``limit`` characters of message)."""
    message = " ".join(str(err).split())[:limit]
    return f"{type(err).__name__}: {message}" if message else type(err).__name__
