"""Exit codes and the errors the library raises; the command line turns them into messages in one place.

The library speaks of its own parameters (`per_capita`, `unit`, a plan's id); it never names a
command-line flag. The front end (cli.py) knows which option each parameter came from.
"""

from __future__ import annotations

from enum import IntEnum

from .records import record


class ExitCode(IntEnum):
    """One place for what the process returns, so scripts can rely on it (as httpie does)."""

    OK = 0
    ERROR = 1  # bad data, unreadable or unwritable file
    USAGE = 2  # wrong option, argument or unknown name on the command line
    INTERRUPTED = 130


@record(kw_only=False, order=True)
class Problem:
    """One thing wrong with the input, located so the user can jump to it."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


class IpcompareError(Exception):
    """Every error ipcompare raises on purpose: bad data, a request that cannot be met, an unwritable file."""


class DataError(IpcompareError):
    """The data could not be loaded (or checked); carries every problem found, not only the first.

    `summary` is an optional closing line that counts the problems (validate's quote check).
    """

    def __init__(self, problems: list[Problem], summary: str | None = None) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        self.summary = summary
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(IpcompareError):
    """A name or value that does not resolve or cannot be met (unknown plan, metric, unit ...).

    `about` names the parameter at fault (unit, per_capita, regions ...), so that a front end can name
    its own option. `remedy` names what would help (the parameter to use instead, or a listing of the
    names), for the front end to say in its own terms; the message never names a command-line flag.
    """

    def __init__(self, message: str, about: str | None = None, *, remedy: str | None = None) -> None:
        super().__init__(message)
        self.about = about
        self.remedy = remedy


class UnknownName(UsageError, LookupError):
    """A plan, metric or region that no name matches (with suggestions in the message).

    It is a LookupError too, so `try: data.plan(x) except LookupError` keeps working.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message, kind, remedy=f"list-{kind}s")
        self.kind = kind


class OutputError(IpcompareError):
    """An output file that cannot be written; nothing was written to it."""
