"""The `ipcompare` command's entry point (also `python -m ipcompare`).

Ctrl-C while the modules load would print a traceback from an import; until the command line has
loaded, SIGINT ends the process at once with one line and exit 130. Then Python's own handler is
back, so that an interrupted command unwinds (an output file's temporary copy is removed) and
cli.py reports it, with the same line and code.
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


def main() -> None:
    """Console-script entry point."""
    previous = signal.signal(signal.SIGINT, _interrupted_while_loading)
    try:
        from .cli import main as run

        signal.signal(signal.SIGINT, previous)
        run()
    except KeyboardInterrupt:  # outside the command itself (Typer building it): cli.py reports the rest
        _interrupted()


if __name__ == "__main__":
    main()
