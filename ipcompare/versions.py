"""Where the two sides of a diff come from: the loaded data, another data file, or a git revision.

A side is written `PLAN`, `FILE:PLAN` or `REV:PLAN` (`HEAD~3:taian-strong-city-draft`); a revision
is read from the git repository that holds the data file defining the plan.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import DataError, UsageError
from .load import display_path, load_version, read_text
from .model import Dataset

#: A side whose part before ':' ends so is a file, even when it is missing, not a git revision.
DATA_SUFFIXES = (".yaml", ".yml")


def resolve(spec: str, current: Dataset) -> tuple[Dataset, str]:
    """The dataset a side's plan is read from, and the plan's name."""
    if ":" not in spec:
        return current, spec
    where, plan = spec.rsplit(":", 1)
    if not plan:
        raise UsageError(f"{spec!r}: no plan after ':' (write FILE:PLAN or REV:PLAN)")
    path = Path(where)
    if path.exists() or path.suffix.lower() in DATA_SUFFIXES:
        text, problems = read_text(path)
        if text is None:
            raise DataError(problems)
        return load_version(text, display_path(path), current), plan
    return at_revision(where, plan, current), plan


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60)
    except FileNotFoundError:
        raise UsageError("git is not installed, so a REV:PLAN side cannot be read") from None


def at_revision(rev: str, plan: str, current: Dataset) -> Dataset:
    """The version of the data file at `rev` that defines `plan`.

    The files loaded now are tried in turn (the one defining the plan first), each at `rev` in its
    own git repository.
    """
    defining = [p.loc.file for p in current.plans if p.id == plan]
    candidates = list(dict.fromkeys(defining or current.files))  # a plan deleted since: look everywhere
    tried = []
    for name in candidates:
        path = Path(name).resolve()
        top = _git(path.parent, "rev-parse", "--show-toplevel")
        if top.returncode != 0:
            continue
        root = Path(top.stdout.strip())
        relative = path.relative_to(root).as_posix()
        if _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
            raise UsageError(f"no revision {rev!r} in the git repository {display_path(root)}")
        shown = _git(root, "show", f"{rev}:{relative}")
        if shown.returncode != 0:
            tried.append(f"{rev}:{relative} (the file is not in git at {rev})")
            continue
        tried.append(f"{rev}:{relative}")
        version = load_version(shown.stdout, f"{rev}:{relative}", current)
        if any(p.id == plan for p in version.plans):
            return version
    if not tried:
        raise UsageError(f"{rev!r} is neither a data file nor a git revision: no data file is in a git repository")
    raise UsageError(f"no plan {plan!r} in {', '.join(tried)}")
