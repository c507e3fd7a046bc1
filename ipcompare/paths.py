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


def data_files(path: str | Path) -> list[str | Path]:
    """A data file as itself; a folder as the YAML files in it and its subfolders, sorted by path so that
    every run reads them in one order (hidden files and folders, such as .git, are left out)."""
    if not os.path.isdir(path):
        return [path]
    found: list[str] = []
    for top, folders, names in os.walk(path, followlinks=False):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found += [os.path.join(top, n) for n in sorted(names) if n.endswith(DATA_SUFFIXES) and not n.startswith(".")]
    return list(found) or [path]  # an empty folder is read as itself, and said to be empty


def data_paths(paths: Sequence[str | Path] = (), *, bundled: bool = True, env: bool = True) -> list[str | Path]:
    """The data files to read, in order: the shipped file, IPCOMPARE_DATA's, then `paths`; folders as the files
    in them; each file once (a checkout's data/targets.yaml is the shipped file itself)."""
    given: list[str | Path] = [bundled_path()] if bundled else []
    given += env_paths() if env else []
    given += list(paths)
    files: list[str | Path] = []
    seen: set[str] = set()
    for path in (f for g in given for f in data_files(g)):
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            files.append(path)
    return files
