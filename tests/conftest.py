"""Shared test helpers: a CLI runner whose streams are captured, and small data files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import pytest
from typer.testing import CliRunner

from ipcompare.cli import app

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The documents the shipped data quotes; they are in the repository, so no test waits for them.
SOURCES = REPO / "data" / "sources"
EXAMPLES = REPO / "examples"


@pytest.fixture(autouse=True, scope="session")
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test's index goes to one folder of the test run, never the user's cache (subprocesses too)."""
    os.environ["IPCOMPARE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr


Invoke = Callable[..., Result]


class Write(Protocol):
    """Write a data file into the test's temporary directory and return its path."""

    def __call__(self, text: str, name: str = "mine.yaml") -> Path: ...


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run the CLI in-process with separate stdout and stderr, and no IPCOMPARE_DATA leaking in."""
    monkeypatch.delenv("IPCOMPARE_DATA", raising=False)
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, so that what the test sees is its own index."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("IPCOMPARE_CACHE_DIR", str(folder))
    monkeypatch.delenv("IPCOMPARE_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def write(tmp_path: Path) -> Write:
    def write_file(text: str, name: str = "mine.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write_file


PLAN = """\
plans:
  - id: my-plan
    region: xiangyang
    title_zh: 我的规划
    title_en: My plan
    period: {start: 2021, end: 2025}
    status: final
    targets:
      - metric: trademarks
        year: 2025
        value: 9
        unit: 万件
        comparator: reach
        kind: level
        quote: "有效注册商标量达到9万件"
"""
