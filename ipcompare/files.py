"""Reading input files and writing output files, safely whatever the path turns out to be.

A data file or plan document can be named by anyone: a pipe, a device, a symlink loop or a huge file
is refused with one line, never waited on or read to the end. An output path is written as a shell's
`>` would write it, but whole or not at all: a symlink is followed and its target written, a device
or pipe (/dev/null, /dev/stdout, a FIFO) is written directly, and a regular file is replaced by a
complete new file with the old one's mode (a new one gets the mode the umask gives).
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError


class ReadError(Exception):
    """A file that could not be read; the message says why, without the file's name."""


#: The largest data file read: far above any real one (5,000 plans are tens of MB), far below the memory it takes.
MAX_DATA_BYTES = 256 * 2**20


def read_bytes(path: str | Path, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; `what` names it in the message ("a data file").

    The file is opened without blocking, so a FIFO with no writer is refused rather than waited on.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            kind = not_regular(os.fstat(fd).st_mode)
            data = b"" if kind else _read_at_most(fd, limit + 1)
        finally:
            os.close(fd)
    except OSError as e:
        raise ReadError(_os_reason(e)) from None
    if kind:
        raise ReadError(f"is {kind}, not {what}")
    if len(data) > limit:
        raise ReadError(f"is larger than {limit // 2**20} MB: not read (too large for {what})")
    return data


def _read_at_most(fd: int, size: int) -> bytes:
    with open(fd, "rb", closefd=False) as file:
        return file.read(size)


def not_regular(mode: int) -> str | None:
    """What a file is when it is not a regular file (None when it is one)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    return "a pipe" if stat.S_ISFIFO(mode) else "a device or socket"


def _os_reason(error: OSError) -> str:
    """An OSError as the words after the file's name: 'no such file', 'cannot read: Permission denied'."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {error.strerror or error}"


def write_output(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` as a whole, or raise OutputError and leave what was there.

    Ctrl-C or a full disk while writing leaves neither a half-written file nor a temporary one.
    """
    write_bytes(path, encoded(text, str(path)))


def write_bytes(path: Path, data: bytes) -> None:
    """write_output for bytes (an SQLite database): a symlink is written through, a device or pipe written to."""
    try:
        info: os.stat_result | None = os.stat(path)  # what the path names, symlinks followed
    except FileNotFoundError:
        info = None  # a new file, or a symlink to one not there yet
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {path}: it is a directory")
    if info is not None and not os.access(path, os.W_OK):
        raise OutputError(f"cannot write {path}: Permission denied")  # as the shell's > says; replacing it could
    target = Path(os.path.realpath(path))  # a symlink's target is what gets replaced
    # /dev/stdout and /dev/fd/N lead into /proc: an open descriptor, written where it points. A file with other
    # hard links is written in place too, as > does, so that every name for it sees the new content.
    regular = info is None or stat.S_ISREG(info.st_mode)
    if not regular or target.parts[1:2] == ("proc",) or (info is not None and info.st_nlink > 1):
        _write_in_place(path, data)
    else:
        _replace(path, target, data, info)


def encoded(text: str, where: str) -> bytes:
    """`text` as UTF-8; a file name that is not UTF-8 (a lone surrogate) cannot be, and is said, not written."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as e:
        around = text[max(0, e.start - 20) : e.end + 20].encode("utf-8", "backslashreplace").decode("ascii", "replace")
        raise OutputError(
            f"cannot write {where}: it would hold a name that is not UTF-8 text ({around.strip()!r}); rename that file"
        ) from None


def _write_in_place(path: Path, data: bytes) -> None:
    """A device or pipe is written to, never replaced (replacing /dev/null as root would clobber it)."""
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C held back (it stays pending, and comes after) while a temporary file is made and its name stored for
    the cleanup: between the two, it would leave the file behind. Where the platform cannot hold it, nothing."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _replace(path: Path, target: Path, data: bytes, info: os.stat_result | None) -> None:
    """A new file, written beside the target and renamed over it, so that readers see the old or the new."""
    import tempfile  # only when a file is written: ~2 ms of every start otherwise

    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    temp: Path | None = None
    fd: int | None = None
    try:
        with interrupts_held():
            fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            temp = Path(name)
        with open(fd, "wb") as handle:
            fd = None  # the file object closes it
            handle.write(data)
            handle.flush()
            _sync(handle.fileno())
        os.chmod(temp, mode)
        if info is not None and hasattr(os, "chown"):
            _keep_owner(temp, info)
        os.replace(temp, target)
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    finally:
        if fd is not None:
            os.close(fd)
        if temp is not None:
            temp.unlink(missing_ok=True)  # gone after os.replace; left only when writing failed or was interrupted


def _sync(fd: int) -> None:
    """On disk before the rename, so that a crash leaves the old file or the new one, not an empty one."""
    os.fsync(fd)


def _keep_owner(temp: Path, info: os.stat_result) -> None:
    """Root writing another user's file keeps it theirs; anyone else cannot change owners and need not."""
    if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):
            os.chown(temp, info.st_uid, info.st_gid)


def _umask() -> int:
    """The process's umask (reading it means setting it; nothing else runs in between)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
