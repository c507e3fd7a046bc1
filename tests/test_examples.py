"""The README's "Adding a plan" example: an analyst's own file (examples/hubei/) that adds a plan and gives
the shipped region hubei the population the shipped data leaves out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, Invoke

HUBEI = EXAMPLES / "hubei" / "hubei.yaml"


def _pct(invoke: Invoke, data: Path) -> Any:
    result = invoke("--data", str(data), "metric", "pct-applications", "--per-capita", "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_population_added_to_the_shipped_region_gives_a_per_capita_figure(invoke: Invoke) -> None:
    [hubei] = [r for r in _pct(invoke, HUBEI) if r["region"] == "hubei"]
    assert hubei["normalized"]["unit"] == "件/万人"
    assert hubei["normalized"]["value"] == pytest.approx(2000 / 5775.2557, rel=1e-9)


def test_without_the_population_hubei_has_no_per_capita_figure(invoke: Invoke, tmp_path: Path) -> None:
    """The figure above comes from the file's region entry, not from anywhere else."""
    text = HUBEI.read_text(encoding="utf-8")
    plan_only = tmp_path / "hubei.yaml"
    plan_only.write_text(text[text.index("plans:") :], encoding="utf-8")
    [hubei] = [r for r in _pct(invoke, plan_only) if r["region"] == "hubei"]
    assert hubei["normalized"] is None


def test_validate_checks_the_examples_quotes_against_its_own_document(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the source is found beside the data file, wherever the command is run from
    for extra in ([], ["--sources", str(HUBEI.parent)]):
        result = invoke("validate", str(HUBEI), *extra)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.endswith("7 quotes found in 1 source document\n") and result.stderr == ""


def test_a_quote_the_document_does_not_hold_fails_the_example(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "hubei"
    folder.mkdir()
    (folder / "hubei.yaml").write_text(HUBEI.read_text(encoding="utf-8"), encoding="utf-8")
    report = (HUBEI.parent / "hubei-14th-fyp-report.txt").read_text(encoding="utf-8")
    (folder / "hubei-14th-fyp-report.txt").write_text(report.replace("2000件", "3000件"), encoding="utf-8")
    result = invoke("validate", str(folder / "hubei.yaml"), "--sources", str(folder))
    assert result.exit_code == 1
    assert "target 4 (pct-applications 2025): quote not found in its source hubei-14th-fyp-report.txt" in result.stderr
