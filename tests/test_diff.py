"""`ipcompare diff`: the Tai'an draft against a made-up final version (tests/fixtures/taian_final.yaml)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, PLAN, Invoke, Write
from wcwidth import wcswidth

import ipcompare

FINAL = FIXTURES / "taian_final.yaml"
PAIR = ["taian-strong-city-draft", "taian-strong-city-final", "--data", str(FINAL)]


def diff_json(invoke: Invoke, *args: str) -> Any:
    result = invoke("diff", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


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


#: conftest's my-plan (Xiangyang's) and a plan of Tai'an's, in one file.
TWO_REGIONS = PLAN + PLAN.removeprefix("plans:\n").replace("my-plan", "their-plan").replace("xiangyang", "taian")
OTHER_REGIONS_NOTE = (
    "my-plan and their-plan are plans of different regions (襄阳市 Xiangyang, 泰安市 Tai'an): "
    "the changes compare two regions, not two versions of one plan"
)


def cells(text: str, separator: str = "|") -> list[list[str]]:
    """The cells of each row of a table printed as text (markdown, or rich with separator '│')."""
    return [
        [c.strip() for c in line.split(separator)[1:-1]] for line in text.splitlines() if line.startswith(separator)
    ]


def test_plans_of_two_regions_are_compared_with_a_note(invoke: Invoke, write: Write) -> None:
    """Comparing two regions' plans is allowed, but the table says it is not one plan's revision."""
    result = invoke("diff", "my-plan", "their-plan", "--data", str(write(TWO_REGIONS)))
    assert result.exit_code == 0, result.stderr
    assert ["plan", "region", "襄阳市 Xiangyang", "泰安市 Tai'an", "", ""] in cells(result.stdout, "│")
    assert result.stdout.endswith(f"┘\n{OTHER_REGIONS_NOTE}\n")


def test_plans_of_two_regions_in_json_carry_the_note_and_the_region(invoke: Invoke, write: Write) -> None:
    data = write(TWO_REGIONS)
    doc = diff_json(invoke, "my-plan", "their-plan", "--data", str(data))
    assert doc["notes"] == [OTHER_REGIONS_NOTE]
    assert doc["metadata"] == [{"field": "region", "old": "xiangyang", "new": "taian"}]
    assert (doc["changed"], doc["targets"]) == (True, [])
    assert invoke("diff", "my-plan", "their-plan", "--data", str(data), "--exit-code").exit_code == 1


@pytest.mark.parametrize(
    ("lang", "title", "row", "note"),
    [
        (
            None,
            "plan details changed: region**",
            ["plan", "region", "襄阳市 Xiangyang", "泰安市 Tai'an"],
            OTHER_REGIONS_NOTE,
        ),
        (
            "zh",
            "规划信息变动：地区**",
            ["规划信息", "地区", "襄阳市", "泰安市"],
            "my-plan与their-plan是不同地区的规划（襄阳市、泰安市）",
        ),
    ],
)
def test_two_regions_in_markdown(
    invoke: Invoke, write: Write, lang: str | None, title: str, row: list[str], note: str
) -> None:
    args = ["my-plan", "their-plan", "--data", str(write(TWO_REGIONS)), "-f", "markdown"]
    text = invoke("diff", *args, *(["--lang", lang] if lang else [])).stdout
    assert text.splitlines()[0].endswith(title)
    assert [*row, "", ""] in cells(text)
    assert text.splitlines()[-1].startswith(note)


def test_two_regions_in_csv(invoke: Invoke, write: Write) -> None:
    text = invoke("diff", "my-plan", "their-plan", "--data", str(write(TWO_REGIONS)), "-f", "csv").stdout
    assert text == "Change,Metric,Old,New,Difference,What changed\nplan,region,襄阳市 Xiangyang,泰安市 Tai'an,,\n"


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_versions_of_one_plan_have_no_region_note(invoke: Invoke, fmt: str) -> None:
    result = invoke("diff", *PAIR, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert "region" not in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)["notes"] == []


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
        (b"plans: [\xff]\n", "missing.yaml:1: not UTF-8 text (invalid start byte at byte 8): save the file as UTF-8\n"),
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


def _versions(write: Write, old: str, new: str) -> list[str]:
    """Two versions of conftest.PLAN as FILE:PLAN sides."""
    return [f"{write(old, 'old.yaml')}:my-plan", f"{write(new, 'new.yaml')}:my-plan"]


def test_a_target_moved_to_another_year_is_one_change(invoke: Invoke, write: Write) -> None:
    moved = PLAN.replace("year: 2025", "year: 2024").replace("达到9万件", "2024年达到9万件")
    doc = diff_json(invoke, *_versions(write, PLAN, moved))
    [change] = doc["targets"]
    assert (change["change"], change["fields"], change["rewritten"]) == ("changed", ["year"], ["quote"])
    assert (change["old"]["year"], change["new"]["year"]) == (2025, 2024)
    assert change["verdict"] is None and change["delta"] is None  # same number, only sooner


def test_a_change_of_kind_is_one_change_without_a_verdict(invoke: Invoke, write: Write) -> None:
    """9万件 in stock and 9万件 more are different targets: no delta, no raised or lowered."""
    increment = PLAN.replace("kind: level", "kind: increment").replace("达到9万件", "新增9万件")
    doc = diff_json(invoke, *_versions(write, PLAN, increment))
    [change] = doc["targets"]
    assert (change["change"], change["fields"]) == ("changed", ["kind"])
    assert (change["old"]["kind"], change["new"]["kind"]) == ("level", "increment")
    assert change["verdict"] is None and change["delta"] is None
    text = invoke("diff", *_versions(write, PLAN, increment), "-f", "markdown").stdout
    assert "| 9 万件 increment (2021–2025)" in text and "kind changed" in text


def test_increments_over_spans_of_different_length_are_not_raised_or_lowered(invoke: Invoke, write: Write) -> None:
    """50 more over 2021-2025 and 40 more over 2024-2025 are not one target made smaller."""
    five = PLAN.replace("kind: level", "kind: increment\n        since: 2021").replace("达到9万件", "新增9万件")
    two = five.replace("since: 2021", "since: 2024").replace("value: 9", "value: 8").replace("新增9万件", "新增8万件")
    doc = diff_json(invoke, *_versions(write, five, two))
    [change] = doc["targets"]
    assert (change["fields"], change["verdict"], change["delta"], change["percent"]) == (
        ["value", "since"],
        None,
        None,
        None,
    )
    text = invoke("diff", *_versions(write, five, two), "-f", "markdown").stdout
    assert "value changed, start year changed" in text and "year changed" not in text.replace("start year changed", "")
    same_span = five.replace("value: 9", "value: 8").replace("新增9万件", "新增8万件")
    [change] = diff_json(invoke, *_versions(write, five, same_span))["targets"]
    assert (change["verdict"], change["delta"], change["delta_unit"]) == ("lowered", -1, "万件")


def test_a_revised_rate_differs_in_percentage_points(invoke: Invoke, write: Write) -> None:
    rate = PLAN.replace("kind: level", "kind: growth-rate").replace("unit: 万件", 'unit: "%"')
    rate = rate.replace("value: 9", "value: 20").replace("有效注册商标量达到9万件", "有效注册商标量年均增长20%")
    lower = rate.replace("value: 20", "value: 15").replace("增长20%", "增长15%")
    [change] = diff_json(invoke, *_versions(write, rate, lower))["targets"]
    assert (change["delta"], change["delta_unit"], change["percent"], change["verdict"]) == (-5, "pp", None, "lowered")
    assert "-5 pp; lowered" in invoke("diff", *_versions(write, rate, lower), "-f", "markdown").stdout


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A git repository holding a copy of the shipped data, in three commits:
    v1 as shipped; v2 raises Tai'an's 3.6件 to 4件 and adds conftest's my-plan; v3 removes Xuancheng's plan."""
    from ipcompare import bundled_path

    repo = tmp_path / "repo"
    repo.mkdir()
    data = repo / "targets.yaml"
    shipped = bundled_path().read_text(encoding="utf-8")
    _git(repo, "init", "-q")
    data.write_text(shipped, encoding="utf-8")
    _git(repo, "add", "targets.yaml")
    _git(repo, "commit", "-q", "-m", "v1")
    raised = shipped.replace("value: 3.6", "value: 4").replace("达到3.6件", "达到4件")
    assert raised.count("value: 4\n") == shipped.count("value: 4\n") + 1
    data.write_text(raised + PLAN.removeprefix("plans:\n"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "v2")
    start = raised.index("  - id: xuancheng-strong-city-2019")
    end = raised.index("\n  - id: ", start + 1) + 1
    data.write_text(raised[:start] + raised[end:] + PLAN.removeprefix("plans:\n"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "v3")
    return data


def rev_json(invoke: Invoke, data: Path, *args: str) -> Any:
    return diff_json(invoke, *args, "--no-bundled", "--data", str(data))


def test_rev_lists_every_plan_changed_between_two_revisions(invoke: Invoke, history: Path) -> None:
    doc = rev_json(invoke, history, "--rev", "HEAD~2..HEAD~1")
    assert (doc["old"], doc["new"], doc["changed"]) == ("HEAD~2", "HEAD~1", True)
    assert [(p["plan"], p["change"]) for p in doc["plans"]] == [
        ("my-plan", "added"),
        ("taian-strong-city-draft", "changed"),
    ]
    [raised] = doc["plans"][1]["targets"]
    assert (raised["metric"], raised["old"]["value"], raised["new"]["value"], raised["verdict"]) == (
        "high-value-patents",
        3.6,
        4,
        "raised",
    )
    everything = rev_json(invoke, history, "--rev", "HEAD~2..HEAD~1", "--all")["plans"]
    others = {p.id for p in ipcompare.load(env=False).plans} - {"taian-strong-city-draft"}
    assert {p["plan"] for p in everything if p["change"] == "unchanged"} == others  # the other shipped plans
    later = rev_json(invoke, history, "--rev", "HEAD~1..HEAD")
    assert [(p["plan"], p["change"]) for p in later["plans"]] == [("xuancheng-strong-city-2019", "removed")]


def test_rev_table_has_a_row_per_plan_added_or_removed_and_per_change(invoke: Invoke, history: Path) -> None:
    result = invoke("diff", "--rev", "HEAD~2..", "--no-bundled", "--data", str(history), "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("**HEAD~2 → HEAD: 1 plan changed, 1 added, 1 removed, 4 unchanged**")
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")][1:]
    assert [row.split("|")[1:3] for row in rows] == [
        [" xuancheng-strong-city-2019 ", " plan removed "],
        [" my-plan                    ", " plan added   "],
        [" taian-strong-city-draft    ", " changed      "],
    ]


def test_rev_alone_compares_a_revision_with_the_files_now(invoke: Invoke, history: Path) -> None:
    assert invoke("diff", "--rev", "HEAD", "--no-bundled", "--data", str(history), "--exit-code").exit_code == 0
    text = history.read_text(encoding="utf-8")
    mine = text.index("  - id: my-plan")  # edit only my-plan, the last plan in the file
    history.write_text(text[:mine] + text[mine:].replace("value: 9\n", "value: 10\n").replace("9万件", "10万件"))
    doc = rev_json(invoke, history, "--rev", "HEAD")
    assert (doc["new"], [(p["plan"], p["change"]) for p in doc["plans"]]) == (
        "the data files now",
        [("my-plan", "changed")],
    )
    assert invoke("diff", "--rev", "HEAD", "--no-bundled", "--data", str(history), "--exit-code").exit_code == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rev", "nope..HEAD"], "ipcompare: error: --rev: no revision 'nope' in the git repository "),
        (["--rev", "HEAD~1...HEAD"], "ipcompare: error: --rev: 'HEAD~1...HEAD': write A..B (two dots) or a single"),
        (["my-plan", "--rev", "HEAD"], "ipcompare: error: --rev compares every plan in the data; give it without"),
        (["--rev", "HEAD", "--progress"], "ipcompare: error: --progress checks two plans; it does not go with --rev\n"),
        (["my-plan"], "ipcompare: error: diff needs two plans, OLD and NEW, or --rev A..B\n"),
    ],
)
def test_rev_mistakes_are_one_line_errors(invoke: Invoke, history: Path, args: list[str], message: str) -> None:
    result = invoke("diff", *args, "--no-bundled", "--data", str(history))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


def test_rev_on_data_outside_git_says_where_to_look(invoke: Invoke, write: Write) -> None:
    from ipcompare import bundled_path

    outside = write(bundled_path().read_text(encoding="utf-8"), "targets.yaml")
    result = invoke("diff", "--rev", "HEAD~1..HEAD", "--no-bundled", "--data", str(outside))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "ipcompare: error: --rev: there are no revisions to compare: no data file is in a git repository "
        "(an installed ipcompare's shipped data is not in git); in a checkout, use --no-bundled --data "
        "data/targets.yaml\n"
    )


def test_a_revised_baseline_is_listed_without_raised_or_lowered(invoke: Invoke, write: Write) -> None:
    """A baseline is what the plan reports as achieved: a new figure corrects it, it does not raise a target."""
    baseline = """\
    baselines:
      - metric: trademarks
        year: 2020
        value: 6
        unit: 万件
        comparator: reach
        kind: level
        quote: "有效注册商标量达到6万件"
"""
    revised = baseline.replace("value: 6", "value: 6.5").replace("6万件", "6.5万件")
    doc = diff_json(invoke, *_versions(write, PLAN + baseline, PLAN + revised))
    assert doc["targets"] == [] and doc["changed"] is True
    [change] = doc["baselines"]
    assert (change["role"], change["change"], change["fields"]) == ("baseline", "changed", ["value"])
    assert (change["delta"], change["percent"], change["verdict"]) == (0.5, pytest.approx(8.33), None)
    text = invoke("diff", *_versions(write, PLAN + baseline, PLAN + revised), "-f", "markdown").stdout
    assert "0 removed, 0 changed, 0 added, 1 unchanged; baselines 1 changed" in text
    assert "| baseline changed | 有效注册商标量<br>trademarks | 6 万件 (2020)" in text


def test_a_metric_renamed_in_the_new_version_shows_its_new_name(invoke: Invoke, write: Write) -> None:
    renamed = (
        "metrics:\n  - id: trademarks\n    name_zh: 有效商标注册量\n    name_en: Trademarks in force\n"
        "    unit: 件\n    higher_is_better: true\n" + PLAN.replace("value: 9", "value: 10")
    )
    [change] = diff_json(invoke, *_versions(write, PLAN, renamed))["targets"]
    assert (change["metric_zh"], change["metric_en"]) == ("有效商标注册量", "Trademarks in force")


def test_rev_lists_a_plan_moved_to_another_region(invoke: Invoke, history: Path) -> None:
    """The same plan, its region corrected: a plan detail that changed, not a comparison of two regions."""
    text = history.read_text(encoding="utf-8")
    mine = text.index("  - id: my-plan")  # the last plan in the file
    history.write_text(text[:mine] + text[mine:].replace("region: xiangyang", "region: taian"), encoding="utf-8")
    [plan] = rev_json(invoke, history, "--rev", "HEAD")["plans"]
    assert (plan["plan"], plan["metadata"]) == ("my-plan", [{"field": "region", "old": "xiangyang", "new": "taian"}])
    assert plan["summary"].endswith("; plan details changed: region")
    result = invoke("diff", "--rev", "HEAD", "--no-bundled", "--data", str(history), "-f", "markdown")
    assert ["my-plan", "plan", "region", "襄阳市 Xiangyang", "泰安市 Tai'an", "", ""] in cells(result.stdout)
    assert "different regions" not in result.stdout


def test_a_file_git_does_not_track_is_left_out_and_named(invoke: Invoke, history: Path) -> None:
    """An installed package inside a checkout's .venv is in the working tree, but not in git."""
    extra = history.parent / "extra.yaml"
    extra.write_text(PLAN.replace("my-plan", "extra-plan"), encoding="utf-8")
    args = ["--no-bundled", "--data", str(history), "--data", str(extra)]
    result = invoke("diff", "--rev", "HEAD~1..", *args, "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    table, note = result.stdout.split("Not in git, so left out: ")
    assert "xuancheng-strong-city-2019" in table and "extra-plan" not in table
    assert note.strip().endswith("extra.yaml")
    missing = invoke("diff", "HEAD:extra-plan", "extra-plan", *args)
    assert missing.exit_code == 2
    assert missing.stderr.startswith("ipcompare: error: no plan 'extra-plan' in HEAD:targets.yaml; ")
    assert missing.stderr.endswith("extra.yaml, which defines it now, is not in git\n")


def test_an_old_revision_is_read_although_a_name_has_moved_since(invoke: Invoke, tmp_path: Path) -> None:
    """v1 calls a metric's alias what v2 makes a metric of its own: reading v1's plan is not a name clash."""
    repo = tmp_path / "repo"
    repo.mkdir()
    data = repo / "plans.yaml"
    metric = (
        "metrics:\n  - id: marks\n    name_zh: 标志\n    name_en: Marks\n    unit: 件\n    higher_is_better: true\n"
    )
    v1 = metric + "    aliases: [certified]\n" + PLAN.replace("trademarks", "marks")
    data.write_text(v1, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "plans.yaml")
    _git(repo, "commit", "-q", "-m", "v1")
    part = (
        "  - id: certified\n    name_zh: 证明标志\n    name_en: Certified\n    unit: 件\n    higher_is_better: true\n"
    )
    data.write_text(metric + part + PLAN.replace("trademarks", "marks"), encoding="utf-8")
    result = invoke("diff", "HEAD:my-plan", "my-plan", "--data", str(data), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["changed"] is False
