"""Exit codes and the problem records that every bad-input path reports through."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """One place for what the process returns, so scripts can rely on it (as httpie does)."""

    OK = 0
    ERROR = 1  # bad data, unreadable or unwritable file
    USAGE = 2  # wrong option, argument or unknown name on the command line
    INTERRUPTED = 130


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located so the user can jump to it."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


class DataError(Exception):
    """The data could not be loaded; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(Exception):
    """A name or value on the command line that does not resolve (unknown plan, metric, unit ...).

    `about` names the parameter at fault (unit, per_capita, regions ...), so the command line
    can name its option.
    """

    def __init__(self, message: str, about: str | None = None) -> None:
        super().__init__(message)
        self.about = about
