"""Which data files a run reads, and how messages name them; light, so that a command read from the index
never imports the YAML loader."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .environment import DATA_ENV


def display_path(path: str | Path) -> str:
    """Paths in messages: relative to the working directory when below it, as given otherwise."""
    real = os.path.realpath(path)  # never raises, not even on a symlink loop
    try:
        return str(Path(real).relative_to(os.path.realpath(Path.cwd())))
    except (ValueError, OSError):
        return str(path)


def display_paths(files: Sequence[tuple[str | Path, str]]) -> list[str]:
    """display_path of each file (as given, with its real path), the working directory looked up once."""
    try:
        cwd = os.path.realpath(Path.cwd())
    except OSError:
        return [str(given) for given, _ in files]
    names = []
    for given, real in files:
        try:
            names.append(str(Path(real).relative_to(cwd)))
        except ValueError:
            names.append(str(given))
    return names


def bundled_path() -> Path:
    """The shipped dataset: inside the installed package, or data/ of a source checkout."""
    packaged = Path(__file__).resolve().parent / "data" / "targets.yaml"  # a wheel puts it in the package
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "data" / "targets.yaml"


def env_paths() -> list[str]:
    """Files named by IPCOMPARE_DATA, separated like PATH (':' on Unix)."""
    return [p for p in os.environ.get(DATA_ENV, "").split(os.pathsep) if p.strip()]


#: The data files a folder given as data holds: YAML files, at any depth.
DATA_SUFFIXES = (".yaml", ".yml")


def _data_files(path: str | Path) -> list[tuple[str | Path, str]]:
    """A data file as itself; a folder as the YAML files in it and its subfolders, sorted by path so that
    every run reads them in one order (hidden files and folders, such as .git, are left out). Each with its
    real path: a folder's is found once, as realpath looks at every part of a path, and a folder of
    thousands of plans would pay it at every start."""
    if not os.path.isdir(path):
        return [(path, os.path.realpath(path))]
    real_top = os.path.realpath(path)
    found: list[tuple[str | Path, str]] = []
    for top, folders, names in os.walk(path, followlinks=False):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        inside = os.path.join(real_top, os.path.relpath(top, path))
        for name in sorted(names):
            if name.endswith(DATA_SUFFIXES) and not name.startswith("."):
                given = os.path.join(top, name)
                real = (
                    os.path.realpath(given) if os.path.islink(given) else os.path.normpath(os.path.join(inside, name))
                )
                found.append((given, real))
    return found or [(path, real_top)]  # an empty folder is read as itself, and said to be empty


def data_paths(paths: Sequence[str | Path] = (), *, bundled: bool = True, env: bool = True) -> list[str | Path]:
    """The data files to read, in order: the shipped file, IPCOMPARE_DATA's, then `paths`; folders as the files
    in them; each file once (a checkout's data/targets.yaml is the shipped file itself)."""
    return [given for given, _ in real_data_paths(paths, bundled=bundled, env=env)]


def real_data_paths(
    paths: Sequence[str | Path] = (), *, bundled: bool = True, env: bool = True
) -> list[tuple[str | Path, str]]:
    """data_paths, each with its real path."""
    given: list[str | Path] = [bundled_path()] if bundled else []
    given += env_paths() if env else []
    given += list(paths)
    files: list[tuple[str | Path, str]] = []
    seen: set[str] = set()
    for path, real in (f for g in given for f in _data_files(g)):
        if real not in seen:
            seen.add(real)
            files.append((path, real))
    return files


def display_real(real: str, cwd: str) -> str:
    """display_path of a path already real, given the working directory's real path (no more system calls)."""
    return real[len(cwd) + 1 :] if real.startswith(cwd + os.sep) else real
