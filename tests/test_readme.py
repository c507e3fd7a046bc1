"""Every `$ ipcompare ...` example in README.md prints what the README shows, and every Python example
runs and gives the values its `# ...` lines show.

A plain block holds the command and its whole output (a last line `...` means the output goes on).
A `console` block holds the command alone; the output shown after it (a title and table lines) may
be picked rows, so each of its lines must be a line of the output.
"""

from __future__ import annotations

import shlex
import subprocess
from dataclasses import dataclass

import pytest
from conftest import REPO, Invoke

README = REPO / "README.md"


@dataclass(frozen=True)
class Example:
    line: int
    command: str
    shown: tuple[str, ...]
    whole: bool  # the block is the whole output (else: its lines are picked from it, or it goes on)
    prefix: bool  # the block ends with '...': the output starts with it


def _examples() -> list[Example]:
    lines = [line.rstrip() for line in README.read_text(encoding="utf-8").splitlines()]
    found = []
    for i, raw in enumerate(lines):
        indent = len(raw) - len(raw.lstrip())
        text = raw.strip()
        if not text.startswith("$ ipcompare"):
            continue
        fence = lines[i - 1].strip()
        command, j = text[2:], i + 1
        while command.endswith("\\"):
            command, j = command[:-1] + " " + lines[j].strip(), j + 1
        body = [line[indent:] if line[:indent].isspace() else line for line in lines[j:]]
        if fence == "```":
            end = body.index("```") if "```" in body else len(body)
            shown = body[:end]
            cut = bool(shown) and shown[-1] == "..."
            found.append(Example(i + 1, command, tuple(shown[:-1] if cut else shown), not cut, cut))
        else:  # ```console: the output follows the closing fence, as a title and table lines
            after = body[body.index("```") + 1 :]
            while after and not after[0]:
                after = after[1:]
            shown = []
            for line in after:
                if line and not line.startswith(("**", "|")):
                    break
                shown.append(line)
            found.append(Example(i + 1, command, tuple(line for line in shown if line), False, False))
    return found


EXAMPLES = _examples()


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 10


def _has_revision(rev: str) -> bool:
    run = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd=REPO, check=False)
    return run.returncode == 0


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"line {e.line}" for e in EXAMPLES])
def test_a_readme_example_prints_what_the_readme_shows(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, example: Example
) -> None:
    monkeypatch.chdir(REPO)
    args = shlex.split(example.command)[1:]
    revs = [a.split("..")[0] for a in args if ".." in a and not a.startswith("-")]
    result = invoke(*args, env={"COLUMNS": "200"})
    if revs and not _has_revision(revs[0]):
        # a shallow clone has no history to compare: the documented error, not a wrong answer
        assert result.exit_code == 2 and "no revision" in result.stderr
        return
    assert result.exit_code == 0, result.stderr
    out = [line.rstrip() for line in result.stdout.splitlines()]
    if example.whole:
        assert out == list(example.shown)
    elif example.prefix:
        assert out[: len(example.shown)] == list(example.shown)
    else:
        missing = [line for line in example.shown if line not in out]
        assert not missing, f"README line {example.line}: not printed: {missing}"


def _python_blocks() -> list[tuple[int, list[str]]]:
    lines = README.read_text(encoding="utf-8").splitlines()
    blocks, start = [], None
    for i, line in enumerate(lines):
        if line.strip() == "```python":
            start = i + 1
        elif line.strip() == "```" and start is not None:
            blocks.append((start + 1, lines[start:i]))
            start = None
    return blocks


PYTHON = _python_blocks()


def test_the_readme_has_python_examples() -> None:
    assert len(PYTHON) >= 3


@pytest.mark.parametrize("block", PYTHON, ids=[f"line {line}" for line, _ in PYTHON])
def test_a_readme_python_example_gives_what_the_readme_shows(
    monkeypatch: pytest.MonkeyPatch, block: tuple[int, list[str]]
) -> None:
    """A line `# value` after an expression is the repr of that expression's value."""
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("IPCOMPARE_DATA", raising=False)
    namespace: dict[str, object] = {}
    exec("import ipcompare", namespace)  # later blocks go on from the first
    code: list[str] = []
    shown = 0
    for line in block[1]:
        if line.startswith("# ") and code:
            expression = code.pop()
            exec("\n".join(code), namespace)
            code = []
            assert repr(eval(expression, namespace)) == line[2:], f"README line {block[0]}: {expression}"
            shown += 1
        else:
            code.append(line)
    exec("\n".join(code), namespace)
    assert shown or not any(line.startswith("# ") for line in block[1])
