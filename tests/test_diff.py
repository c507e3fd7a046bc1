"""`ipcompare diff`: the Tai'an draft against a made-up final version (tests/fixtures/taian_final.yaml)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, PLAN, Invoke
from wcwidth import wcswidth

FINAL = FIXTURES / "taian_final.yaml"
PAIR = ["taian-strong-city-draft", "taian-strong-city-final", "--data", str(FINAL)]


def diff_json(invoke: Invoke, *args: str) -> dict:  # type: ignore[type-arg]
    result = invoke("diff", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_reports_exactly_the_raised_lowered_removed_and_added_targets(invoke: Invoke) -> None:
    doc = diff_json(invoke, *PAIR)
    found = {(t["change"], t["metric"], t["verdict"]) for t in doc["targets"]}
    assert found == {
        ("changed", "high-value-patents", "raised"),
        ("changed", "gi-users", "lowered"),
        ("removed", "patent-intensive-gdp-share", None),
        ("added", "pledge-financing", None),
    }
    raised = next(t for t in doc["targets"] if t["metric"] == "high-value-patents")
    assert (raised["old"]["value"], raised["new"]["value"]) == (3.6, 4)
    assert (raised["delta"], raised["delta_unit"], raised["percent"]) == (0.4, "件", pytest.approx(11.11))
    assert raised["fields"] == ["value"]


def test_a_unit_written_differently_is_unchanged(invoke: Invoke) -> None:
    doc = diff_json(invoke, *PAIR, "--all")
    trademarks = next(t for t in doc["unchanged"] if t["metric"] == "trademarks")
    assert (trademarks["old"]["value"], trademarks["old"]["unit"]) == (9, "万件")
    assert (trademarks["new"]["value"], trademarks["new"]["unit"]) == (90000, "件")
    assert trademarks["fields"] == [] and trademarks["rewritten"] == ["unit", "quote"]
    assert "trademarks" not in {t["metric"] for t in doc["targets"]}
    assert diff_json(invoke, *PAIR)["unchanged"] is None  # listed only with --all


def test_plan_details_that_changed_are_listed(invoke: Invoke) -> None:
    metadata = {m["field"]: (m["old"], m["new"]) for m in diff_json(invoke, *PAIR)["metadata"]}
    assert metadata["status"] == ("draft", "final")
    assert metadata["issued"] == (None, "2023-06-30")
    assert "period" not in metadata


def test_markdown_is_one_aligned_table(invoke: Invoke) -> None:
    text = invoke("diff", *PAIR, "-f", "markdown").stdout
    lines = [line for line in text.splitlines() if line.startswith("|")]
    assert len({wcswidth(line) for line in lines}) == 1
    assert len(lines) == 2 + 4 + 4  # header, rule, four plan details, four target changes
    raised = next(line for line in lines if "high-value-patents" in line)
    assert "| 3.6 件 (2025)" in raised and "| 4 件 (2025)" in raised and "+0.4 件, +11.11%; raised" in raised


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ([*PAIR, "--exit-code"], 1),
        ([*PAIR], 0),
        (["taian-strong-city-draft", "taian-strong-city-draft", "--exit-code"], 0),
    ],
)
def test_exit_code_behaves_as_git_diff(invoke: Invoke, args: list[str], code: int) -> None:
    assert invoke("diff", *args).exit_code == code


def test_an_unknown_plan_is_a_one_line_error(invoke: Invoke) -> None:
    result = invoke("diff", "taian-strong-city-draft", "taian-final")
    assert result.exit_code == 2
    assert result.stderr.startswith("ipcompare: error: unknown plan 'taian-final'")
    assert result.stderr.count("\n") == 1


def test_file_plan_reads_a_plan_from_another_data_file(invoke: Invoke, tmp_path: Path) -> None:
    """The same id in another file: a final version saved over the draft's id."""
    other = tmp_path / "final.yaml"
    other.write_text(FINAL.read_text(encoding="utf-8").replace("taian-strong-city-final", "taian-strong-city-draft"))
    doc = diff_json(invoke, "taian-strong-city-draft", f"{other}:taian-strong-city-draft")
    assert {t["metric"] for t in doc["targets"]} == {
        "high-value-patents",
        "gi-users",
        "patent-intensive-gdp-share",
        "pledge-financing",
    }


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True, capture_output=True
    )


def test_rev_plan_reads_a_plan_at_a_git_revision(invoke: Invoke, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    data = repo / "plans.yaml"
    _git(repo, "init", "-q")
    data.write_text(PLAN, encoding="utf-8")
    _git(repo, "add", "plans.yaml")
    _git(repo, "commit", "-q", "-m", "v1")
    data.write_text(PLAN.replace("value: 9", "value: 10").replace("达到9万件", "达到10万件"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "v2")
    doc = diff_json(invoke, "HEAD~1:my-plan", "my-plan", "--data", str(data))
    [change] = doc["targets"]
    assert (change["metric"], change["old"]["value"], change["new"]["value"], change["verdict"]) == (
        "trademarks",
        9,
        10,
        "raised",
    )
    assert invoke("diff", "HEAD~1:my-plan", "my-plan", "--data", str(data), "--exit-code").exit_code == 1
    same = invoke("diff", "HEAD:my-plan", "my-plan", "--data", str(data), "--exit-code")
    assert same.exit_code == 0  # the working file is HEAD
    assert same.stderr == "ipcompare: no differences between the two plans\n"


@pytest.mark.parametrize(
    ("side", "message"),
    [
        ("HEAD~9:my-plan", "ipcompare: error: no revision 'HEAD~9' in the git repository"),
        ("HEAD:nothing", "ipcompare: error: no plan 'nothing' in "),
    ],
)
def test_a_missing_revision_or_plan_is_a_one_line_error(
    invoke: Invoke, tmp_path: Path, side: str, message: str
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    data = repo / "plans.yaml"
    data.write_text(PLAN, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "plans.yaml")
    _git(repo, "commit", "-q", "-m", "v1")
    result = invoke("diff", side, "my-plan", "--data", str(data))
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "plans.yaml" in result.stderr or "HEAD~9" in result.stderr


def test_a_broken_side_file_is_reported_at_its_line(invoke: Invoke, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(PLAN.replace("metric: trademarks", "metric: trademark"), encoding="utf-8")
    result = invoke("diff", "taian-strong-city-draft", f"{broken}:my-plan")
    assert result.exit_code == 1 and result.stdout == ""
    assert "broken.yaml:9: plan 'my-plan': target 1 (trademark 2025): unknown metric 'trademark'" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "missing.yaml: no such file\n"),
        (b"plans: [\xff]\n", "missing.yaml: not UTF-8 text (invalid start byte at byte 8)\n"),
    ],
)
def test_an_unreadable_side_file_is_a_data_error(
    invoke: Invoke, tmp_path: Path, content: bytes | None, message: str
) -> None:
    side = tmp_path / "missing.yaml"
    if content is not None:
        side.write_bytes(content)
    result = invoke("diff", "taian-strong-city-draft", f"{side}:my-plan")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.endswith(message) and result.stderr.count("\n") == 1


def _versions(write: Callable[[str, str], Path], old: str, new: str) -> list[str]:
    """Two versions of conftest.PLAN as FILE:PLAN sides."""
    return [f"{write(old, 'old.yaml')}:my-plan", f"{write(new, 'new.yaml')}:my-plan"]


def test_a_target_moved_to_another_year_is_one_change(invoke: Invoke, write: Callable[[str, str], Path]) -> None:
    moved = PLAN.replace("year: 2025", "year: 2024").replace("达到9万件", "2024年达到9万件")
    doc = diff_json(invoke, *_versions(write, PLAN, moved))
    [change] = doc["targets"]
    assert (change["change"], change["fields"], change["rewritten"]) == ("changed", ["year"], ["quote"])
    assert (change["old"]["year"], change["new"]["year"]) == (2025, 2024)
    assert change["verdict"] is None and change["delta"] is None  # same number, only sooner


def test_a_change_of_kind_is_one_change_without_a_verdict(invoke: Invoke, write: Callable[[str, str], Path]) -> None:
    """9万件 in stock and 9万件 more are different targets: no delta, no raised or lowered."""
    increment = PLAN.replace("kind: level", "kind: increment").replace("达到9万件", "新增9万件")
    doc = diff_json(invoke, *_versions(write, PLAN, increment))
    [change] = doc["targets"]
    assert (change["change"], change["fields"]) == ("changed", ["kind"])
    assert (change["old"]["kind"], change["new"]["kind"]) == ("level", "increment")
    assert change["verdict"] is None and change["delta"] is None
    text = invoke("diff", *_versions(write, PLAN, increment), "-f", "markdown").stdout
    assert "| 9 万件 increment (2025)" in text and "kind changed" in text
