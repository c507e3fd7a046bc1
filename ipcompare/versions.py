"""Where the two sides of a diff come from: the loaded data, another data file, or a git revision.

A side is written `PLAN`, `FILE:PLAN` or `REV:PLAN` (`HEAD~3:taian-strong-city-draft`); a revision
is read from the git repository that holds the data file defining the plan. `--rev A..B` reads every
loaded data file that is in git at both revisions (`A` alone: at A and as it is now, as `git diff A`).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import DataError, UsageError
from .loader import load_version, merge, read_text
from .model import Dataset
from .paths import display_path
from .records import record

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
    if os.path.lexists(path) or path.suffix.lower() in DATA_SUFFIXES:  # a broken link or loop is a file too
        text, problems = read_text(path)
        if text is None:
            raise DataError(problems)
        return load_version(text, display_path(path), current), plan
    return at_revision(where, plan, current), plan


#: git, run in the folder of a data file that may come from anyone: settings of that repository that run a
#: program (an fsmonitor hook, hooks, a pager) are switched off; only what is read is asked for.
_GIT = ("git", "--no-pager", "-c", "core.fsmonitor=false", "-c", f"core.hooksPath={os.devnull}")


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([*_GIT, *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60)
    except FileNotFoundError:
        raise UsageError("git is not installed, so no git revision can be read") from None


@record(kw_only=False)
class _Tracked:
    """A loaded data file that is in a git repository."""

    name: str  # as the data was loaded
    root: Path
    relative: str  # its path in the repository

    def at(self, rev: str) -> str | None:
        """The file's text at `rev`; None when it is not in git at that revision."""
        shown = _git(self.root, "show", f"{rev}:{self.relative}")
        return shown.stdout if shown.returncode == 0 else None


def _tracked(name: str) -> _Tracked | None:
    """The file's place in its git repository; None when git does not track it (an installed package's
    data inside a virtual environment in the checkout is in the working tree, but not in git)."""
    path = Path(name).resolve()
    top = _git(path.parent, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        return None
    root = Path(top.stdout.strip())
    relative = path.relative_to(root).as_posix()
    if _git(root, "ls-files", "--error-unmatch", "--", relative).returncode != 0:
        return None
    return _Tracked(name, root, relative)


#: Why a revision cannot be read, and where the data that can be is.
NOT_IN_GIT = "no data file is in a git repository (an installed ipcompare's shipped data is not in git)"


def _check_revision(rev: str, root: Path, about: str | None = None) -> None:
    if _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise UsageError(f"no revision {rev!r} in the git repository at {root}", about)


def parse_range(spec: str) -> tuple[str, str | None]:
    """`A..B` -> (A, B); an empty end is HEAD, as in git; `A` alone -> (A, None): A against the files now."""
    if "..." in spec:
        raise UsageError(f"{spec!r}: write A..B (two dots) or a single revision", "rev")
    if ".." not in spec:
        return spec or "HEAD", None
    old, new = spec.split("..", 1)
    return old or "HEAD", new or "HEAD"


@record(kw_only=False)
class Versions:
    """The plans of every git-tracked data file at two revisions (`new` None: the files as loaded now)."""

    old_rev: str
    new_rev: str | None
    old: Dataset
    new: Dataset
    untracked: tuple[str, ...]  # loaded files left out: not in a git repository


def at_revisions(spec: str, current: Dataset) -> Versions:
    """Read every loaded data file that git tracks, at both ends of `spec` (A..B, or A)."""
    old_rev, new_rev = parse_range(spec)
    tracked, untracked = _split_tracked(current.files)
    if not tracked:
        raise UsageError(f"there are no revisions to compare: {NOT_IN_GIT}", "rev", remedy="checkout-data")
    for root in dict.fromkeys(t.root for t in tracked):
        for rev in (old_rev, new_rev):
            if rev is not None:
                _check_revision(rev, root, "rev")
    old, new = (_version(tracked, rev, current) for rev in (old_rev, new_rev))
    return Versions(old_rev, new_rev, old, new, tuple(untracked))


def _split_tracked(files: Iterable[str]) -> tuple[list[_Tracked], list[str]]:
    """The loaded data files git tracks, and the names of those it does not (left out of the comparison)."""
    tracked: list[_Tracked] = []
    untracked: list[str] = []
    for name in files:
        found = _tracked(name)
        if found is None:
            untracked.append(name)
        else:
            tracked.append(found)
    return tracked, untracked


def _version(tracked: Sequence[_Tracked], rev: str | None, current: Dataset) -> Dataset:
    """The plans of the tracked files at `rev` (None: as loaded now), read with today's catalogue and regions."""
    parts = []
    for file in tracked:
        if rev is None:
            parts.append(Dataset(plans=tuple(p for p in current.plans if p.loc.file == file.name)))
            continue
        text = file.at(rev)
        if text is not None:
            part = load_version(text, f"{rev}:{file.relative}", current)
            parts.append(Dataset(metrics=part.metrics, plans=part.plans))
    merged = merge(parts)
    return Dataset(
        metrics=(*merged.metrics, *current.metrics),
        regions=current.regions,
        plans=merged.plans,
        files=merged.files,
    )


def at_revision(rev: str, plan: str, current: Dataset) -> Dataset:
    """The version of the data file at `rev` that defines `plan`.

    The files loaded now are tried in turn (the one defining the plan first, then the others: the plan
    may have moved, or been deleted since), each at `rev` in its own git repository.
    """
    defining = [p.loc.file for p in current.plans if p.id == plan]
    tried, untracked = [], []
    for name in dict.fromkeys([*defining, *current.files]):
        file = _tracked(name)
        if file is None:
            untracked += [name] if name in defining else []
            continue
        _check_revision(rev, file.root)
        text = file.at(rev)
        if text is None:
            tried.append(f"{rev}:{file.relative} (the file is not in git at {rev})")
            continue
        tried.append(f"{rev}:{file.relative}")
        version = load_version(text, f"{rev}:{file.relative}", current)
        if any(p.id == plan for p in version.plans):
            return version
    if not tried:
        raise UsageError(
            f"{rev!r} is not a data file, and there is no git revision to read: {NOT_IN_GIT}", remedy="checkout-data"
        )
    aside = f"; {', '.join(untracked)}, which defines it now, is not in git" if untracked else ""
    raise UsageError(f"no plan {plan!r} in {', '.join(tried)}{aside}")
