"""The `ipcompare` command's entry point (also `python -m ipcompare`).

Ctrl-C while the modules load would print a traceback from an import; until the command line has
loaded, SIGINT ends the process at once with one line and exit 130. Then Python's own handler is
back, so that an interrupted command unwinds (an output file's temporary copy is removed) and
cli.py reports it, with the same line and code.

When the command has ended and its output is flushed, the process leaves with os._exit: Python's own exit
would free every object the command made, one by one, which at thousands of plans is tens of milliseconds
spent on nothing anyone sees (issue 13). Nothing is left to do by then: files are written and closed,
worker processes joined, and ipcompare registers no atexit handlers.
"""

from __future__ import annotations

import os
import signal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import FrameType

INTERRUPTED = 130  # errors.ExitCode.INTERRUPTED, without importing it


def _interrupted() -> None:
    os.write(2, b"ipcompare: interrupted\n")
    os._exit(INTERRUPTED)


def _interrupted_while_loading(signum: int, frame: FrameType | None) -> None:
    _interrupted()


def run() -> int:
    """The command the arguments name, run to its end: its exit code (not raised)."""
    previous = signal.signal(signal.SIGINT, _interrupted_while_loading)
    try:
        from .cli import main as command

        signal.signal(signal.SIGINT, previous)
        command()
    except KeyboardInterrupt:  # outside the command itself (Typer building it): cli.py reports the rest
        _interrupted()
    except SystemExit as done:
        return _code(done.code)
    return 0


def _code(code: object) -> int:
    """An exit code as Python's exit reads SystemExit's: None is 0, a number itself, anything else is said on
    standard error and is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    os.write(2, f"{code}\n".encode(errors="replace"))
    return 1


def main() -> None:
    """Console-script entry point: run the command, then leave at once (see the module's docstring)."""
    import sys

    code = run()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # output that cannot be flushed: Python's own exit reports it, as it would
        sys.exit(code)
    os._exit(code)


if __name__ == "__main__":
    main()
