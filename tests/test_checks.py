"""`ipcompare check`: each rule on a small plan of its own, found where it should be and not where it should not."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Invoke, Write

from ipcompare.checks import RULES


def _plan(targets: list[dict[str, Any]], baselines: list[dict[str, Any]] = (), **plan: Any) -> str:  # type: ignore[assignment]
    """A data file with one plan of Xiangyang (the shipped catalogue), its figures as given."""
    body = {
        "id": "my-plan",
        "region": "xiangyang",
        "title_zh": "我的规划",
        "title_en": "My plan",
        "period": {"start": 2021, "end": 2025},
        "status": "final",
        **plan,
        "targets": targets,
        "baselines": list(baselines),
    }
    return yaml.safe_dump({"plans": [body]}, allow_unicode=True, sort_keys=False)


def _fig(metric: str, year: int, value: float, unit: str, kind: str, quote: str, **more: Any) -> dict[str, Any]:
    return {
        "metric": metric,
        "year": year,
        "value": value,
        "unit": unit,
        "comparator": "reach",
        "kind": kind,
        "quote": quote,
        **more,
    }


def _check(invoke: Invoke, path: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
    result = invoke("--data", str(path), "check", "my-plan", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


GI_BASE = _fig("gi-trademarks", 2020, 50, "件", "level", "地理标志商标50件")
GI_ADD = _fig("gi-trademarks", 2025, 40, "件", "increment", "新增40件", since=2021, comparator="stated")


def test_a_start_level_and_an_increment_that_do_not_make_the_end_level_are_found(invoke: Invoke, write: Write) -> None:
    end = _fig("gi-trademarks", 2025, 100, "件", "level", "总数突破100件", comparator="exceed")
    code, found = _check(invoke, write(_plan([GI_ADD, end], [GI_BASE])))
    assert code == 1 and [f["code"] for f in found] == ["IP101"]
    assert "50 件 (2020) + 40 件 (2021–2025) = 90 件" in found[0]["message"] and found[0]["severity"] == "warning"
    assert [g["quote"] for g in found[0]["figures"]] == ["地理标志商标50件", "新增40件", "总数突破100件"]
    assert found[0]["line"] is not None and found[0]["file"].endswith("mine.yaml")


def test_a_sum_that_adds_up_within_rounding_is_not_found(invoke: Invoke, write: Write) -> None:
    end = _fig("gi-trademarks", 2025, 91, "件", "level", "总数达到91件")  # 50 + 40 = 90, each written to the unit
    assert _check(invoke, write(_plan([GI_ADD, end], [GI_BASE]))) == (0, [])


def test_a_sum_from_a_part_of_the_metric_is_information_only(invoke: Invoke, write: Write) -> None:
    part = _fig("gi-certification-marks", 2020, 51, "件", "level", "证明商标51件")
    end = _fig("gi-trademarks", 2025, 100, "件", "level", "总数突破100件", comparator="exceed")
    code, found = _check(invoke, write(_plan([GI_ADD, end], [part])))
    assert [(f["code"], f["severity"]) for f in found] == [("IP101", "info")] and code == 1
    assert "counts only a part of it (gi-certification-marks)" in found[0]["message"]
    assert _check(invoke, write(_plan([GI_ADD, end], [part])), "--severity", "warning") == (0, [])


def test_a_stated_rate_the_baseline_and_target_do_not_imply_is_found_with_both(invoke: Invoke, write: Write) -> None:
    base = _fig("invention-patents-per-10k", 2020, 4.09, "件", "level", "达到4.09件")
    rate = _fig("invention-patents-per-10k", 2025, 25, "%", "growth-rate", "年均增长25%", comparator="stated")
    target = _fig("invention-patents-per-10k", 2025, 12, "件", "level", "达到12件")
    code, found = _check(invoke, write(_plan([rate, target], [base])))
    assert [f["code"] for f in found] == ["IP102"] and code == 1
    assert "24.0 % a year over 5 years; the plan states 25 %" in found[0]["message"]


def test_a_stated_rate_within_its_rounding_is_not_found(invoke: Invoke, write: Write) -> None:
    base = _fig("high-value-patents", 2020, 1.02, "件", "level", "1.02件")
    rate = _fig("high-value-patents", 2025, 43, "%", "growth-rate", "年均增长43%", comparator="stated")
    target = _fig("high-value-patents", 2025, 6, "件", "level", "达到6件")  # 42.5 % a year: 43 as rounded
    assert _check(invoke, write(_plan([rate, target], [base]))) == (0, [])


@pytest.mark.parametrize(
    ("metric", "base", "goal", "found"),
    [
        ("trademarks", 9, 8.5, True),  # more is better, the target is below
        ("trademarks", 9, 9, True),  # at it
        ("trademarks", 9, 9.5, False),
        ("admin-protection-rank", 10, 12, True),  # a rank: less is better
        ("admin-protection-rank", 10, 8, False),
    ],
)
def test_a_target_no_better_than_its_baseline_is_found(
    invoke: Invoke, write: Write, metric: str, base: float, goal: float, found: bool
) -> None:
    unit = "万件" if metric == "trademarks" else "位"
    baseline = _fig(metric, 2020, base, unit, "level", f"{base}{unit}")
    target = _fig(metric, 2025, goal, unit, "level", f"达到{goal}{unit}")
    code, findings = _check(invoke, write(_plan([target], [baseline])))
    assert [f["code"] for f in findings] == (["IP103"] if found else []) and code == int(found)


def test_a_target_to_maintain_a_level_is_not_found(invoke: Invoke, write: Write) -> None:
    baseline = _fig("trademarks", 2020, 9, "万件", "level", "9万件")
    target = _fig("trademarks", 2025, 9, "万件", "level", "保持9万件", comparator="maintain")
    assert _check(invoke, write(_plan([target], [baseline]))) == (0, [])


def test_a_part_larger_than_its_whole_is_found_in_either_unit(invoke: Invoke, write: Write) -> None:
    whole = _fig("gi-trademarks", 2025, 1.1, "万件", "level", "1.1万件")  # 10,500 to 11,500 as rounded
    part = _fig("gi-certification-marks", 2025, 12000, "件", "level", "12000件")
    code, found = _check(invoke, write(_plan([whole, part])))
    assert [(f["code"], f["severity"]) for f in found] == [("IP104", "error")] and code == 1
    fine = _fig("gi-certification-marks", 2025, 11400, "件", "level", "11400件")  # within 1.1万 as rounded
    assert _check(invoke, write(_plan([whole, fine]))) == (0, [])


def test_an_increment_over_another_plans_period_is_found(invoke: Invoke, write: Write) -> None:
    early = _fig("gi-trademarks", 2025, 40, "件", "increment", "新增40件", since=2016, comparator="stated")
    code, found = _check(invoke, write(_plan([early])))
    assert [f["code"] for f in found] == ["IP105"] and code == 1
    assert "counted over 2016–2025, outside the plan's period 2021–2025" in found[0]["message"]
    counted_from = _fig(
        "gi-trademarks", 2025, 40, "件", "increment", "较2020年新增40件", since=2020, comparator="stated"
    )
    assert _check(invoke, write(_plan([counted_from]))) == (0, [])


def test_a_quote_that_reads_otherwise_is_found(invoke: Invoke, write: Write) -> None:
    target = _fig("trademarks", 2025, 9, "万件", "level", "有效注册商标量达到8万件")
    code, found = _check(invoke, write(_plan([target])))
    assert [f["code"] for f in found] == ["IP202"] and code == 1


def test_a_quote_not_in_the_source_document_is_found(invoke: Invoke, write: Write, tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text("有效注册商标量达到9万件。", encoding="utf-8")
    target = _fig("trademarks", 2025, 9, "万件", "level", "有效注册商标量达到9万件")
    missing = _fig("trademarks", 2024, 8, "万件", "level", "有效注册商标量达到8万件")
    code, found = _check(invoke, write(_plan([target, missing], source="plan.txt")))
    assert [f["code"] for f in found] == ["IP201"] and found[0]["figures"][0]["year"] == 2024 and code == 1


def test_a_finding_explained_in_a_note_naming_its_code_is_listed_but_passes(invoke: Invoke, write: Write) -> None:
    baseline = _fig("trademarks", 2020, 9, "万件", "level", "9万件")
    target = _fig("trademarks", 2025, 8.5, "万件", "level", "达到8.5万件", note="IP103: the plan counts only ...")
    code, found = _check(invoke, write(_plan([target], [baseline])))
    assert code == 0 and [f["explained"] for f in found] == ["IP103: the plan counts only ..."]
    other = _fig("trademarks", 2025, 8.5, "万件", "level", "达到8.5万件", note="IP102 is another rule's")
    assert _check(invoke, write(_plan([other], [baseline])))[0] == 1


def test_findings_print_as_a_linter_prints_them_and_rules_can_be_chosen(invoke: Invoke, write: Write) -> None:
    baseline = _fig("trademarks", 2020, 9, "万件", "level", "9万件")
    target = _fig("trademarks", 2025, 8, "万件", "level", "有效注册商标量达到8.5万件")  # IP103, and IP202 (8, 8.5)
    path = write(_plan([target], [baseline]))
    lines = invoke("--data", str(path), "check", "my-plan").stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"{path}:") for line in lines)
    assert {line.split(": ", 1)[1].split()[0] for line in lines} == {"IP103", "IP202"}
    assert [f["code"] for f in _check(invoke, path, "--select", "IP1")[1]] == ["IP103"]
    assert [f["code"] for f in _check(invoke, path, "--ignore", "IP103")[1]] == ["IP202"]
    bad = invoke("--data", str(path), "check", "--select", "XX9")
    assert bad.exit_code == 2 and bad.stderr.startswith("ipcompare: error: --select: no rule matches 'XX9'")


def test_every_rule_explains_itself_and_an_unknown_code_is_a_usage_error(invoke: Invoke) -> None:
    for rule in RULES:
        shown = invoke("check", "--explain", rule.code.lower())
        assert shown.exit_code == 0 and shown.stdout.startswith(f"{rule.code} {rule.name} ({rule.severity.value})")
    wrong = invoke("check", "--explain", "IP999")
    assert wrong.exit_code == 2 and wrong.stderr.count("\n") == 1 and "--explain" in wrong.stderr


def test_the_shipped_data_finds_the_two_seed_cases_each_explained(invoke: Invoke) -> None:
    result = invoke("check", "--format", "json")
    found = {(f["plan"], f["code"]): f for f in json.loads(result.stdout)}
    assert result.exit_code == 0
    gi = found[("inner-mongolia-13th-fyp", "IP101")]
    assert "51 件 (2015) + 40 件 (2016–2020) = 91 件" in gi["message"] and gi["explained"]
    assert [g["value"] for g in gi["figures"]] == [51, 40, 100] and gi["line"] > 0
    rate = found[("xiangyang-14th-fyp", "IP102")]
    assert "24.0 % a year" in rate["message"] and "25 %" in rate["message"] and rate["explained"]
    assert all(f["explained"] for f in found.values())  # every finding of the shipped data is explained


def test_a_clean_plan_passes(invoke: Invoke, write: Write) -> None:
    baseline = _fig("trademarks", 2020, 8, "万件", "level", "有效注册商标量8万件")
    target = _fig("trademarks", 2025, 9, "万件", "level", "有效注册商标量达到9万件")
    result = invoke("--data", str(write(_plan([target], [baseline]))), "check", "my-plan")
    assert result.exit_code == 0 and result.stdout == "" and "0 findings in 1 plan" in result.stderr


def _outcome(metric: str, year: int, value: float, unit: str, kind: str, **more: Any) -> dict[str, Any]:
    return {
        "region": "xiangyang",
        "metric": metric,
        "year": year,
        "value": value,
        "unit": unit,
        "kind": kind,
        "source": "a yearbook",
        "quote": "q",
        **more,
    }


def _with_outcomes(plan_text: str, outcomes: list[dict[str, Any]]) -> str:
    return plan_text + yaml.safe_dump({"outcomes": outcomes}, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize(
    ("outcome", "found"),
    [
        (_outcome("trademarks", 2020, 9.5, "万件", "level"), True),  # reached in 2020, the plan issued in 2021
        (_outcome("trademarks", 2020, 95000, "件", "level"), True),  # in another unit of the same kind
        (_outcome("trademarks", 2021, 9.5, "万件", "level"), False),  # the year it was issued: maybe not known
        (_outcome("trademarks", 2020, 8, "万件", "level"), False),  # short of the target
        (_outcome("trademarks", 2020, 9.5, "万件", "flow"), False),  # another kind
        (_outcome("trademarks", 2020, 9.5, "万件", "level", scope="only some"), False),  # another scope
    ],
)
def test_a_target_an_outcome_reached_before_the_plan_was_issued_is_found(
    invoke: Invoke, write: Write, outcome: dict[str, Any], found: bool
) -> None:
    target = _fig("trademarks", 2025, 9, "万件", "level", "有效注册商标量达到9万件")
    text = _with_outcomes(_plan([target], issued=datetime.date(2021, 10, 9)), [outcome])
    code, findings = _check(invoke, write(text))
    assert [f["code"] for f in findings] == (["IP107"] if found else []) and code == int(found)
    if found:
        assert "before the plan was issued (2021-10-09)" in findings[0]["message"]
        assert [g["role"] for g in findings[0]["figures"]] == ["target", "outcome"]


def test_a_plan_without_an_issue_date_is_not_checked_against_outcomes(invoke: Invoke, write: Write) -> None:
    target = _fig("trademarks", 2025, 9, "万件", "level", "有效注册商标量达到9万件")
    text = _with_outcomes(_plan([target]), [_outcome("trademarks", 2018, 12, "万件", "level")])
    assert _check(invoke, write(text)) == (0, [])


def test_checking_for_some_metrics_reads_only_their_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A report on one metric checks its plans for that metric: the quotes of the others are not read back."""
    from ipcompare import readback
    from ipcompare.checks import check_plans
    from ipcompare.loader import load

    read: list[str] = []
    real = readback.read_back

    def reading(figure: Any, *args: Any) -> Any:
        read.append(figure.metric)
        return real(figure, *args)

    monkeypatch.setattr(readback, "read_back", reading)
    ds = load()
    found = check_plans(ds, [ds.plan("inner-mongolia-13th-fyp")], metrics={"gi-trademarks", "gi-certification-marks"})
    assert {f.code for f in found} == {"IP101"}
    assert read and set(read) <= {"gi-trademarks", "gi-certification-marks"}


def test_findings_are_said_in_chinese_with_lang_zh_and_json_keeps_english(invoke: Invoke, write: Write) -> None:
    end = _fig("gi-trademarks", 2025, 100, "件", "level", "总数突破100件", comparator="exceed")
    path = write(_plan([GI_ADD, end], [GI_BASE]))
    lines = invoke("--data", str(path), "check", "my-plan", "--lang", "zh").stdout
    assert "gi-trademarks：50 件 (2020) + 40 件 (2021–2025) = 90 件，未达所述的> 100 件 (2025)" in lines
    code, found = _check(invoke, path, "--lang", "zh")
    assert code == 1
    assert found[0]["message"].startswith("gi-trademarks: 50 件 (2020) + 40 件 (2021–2025) = 90 件, short of")


def test_quote_findings_are_said_in_chinese_with_lang_zh(invoke: Invoke, write: Write, tmp_path: Path) -> None:
    """IP201 and IP202 repeat validate's findings; under --lang zh they are Chinese sentences too."""
    (tmp_path / "plan.txt").write_text("有效注册商标量达到9万件。", encoding="utf-8")
    misread = _fig("trademarks", 2025, 9, "万件", "flow", "有效注册商标量年度达到8万件以上")
    elsewhere = _fig("trademarks", 2024, 8, "万件", "level", "有效注册商标量达到8万件")
    path = write(_plan([misread, elsewhere], source="plan.txt"))
    lines = invoke("--data", str(path), "check", "my-plan", "--lang", "zh").stdout
    assert "trademarks 2025：数值为 9 万件，但引文写的是 8 万件" in lines
    assert "规划 my-plan：目标2（trademarks 2024）：在其来源文件 plan.txt 中找不到该引文" in lines
    said = [line.split("] ", 1)[1] for line in lines.splitlines()]
    assert len(said) == 3 and not [s for s in said if "quote" in s or "but" in s]
    _, found = _check(invoke, path, "--lang", "zh")
    messages = {f["code"]: f["message"] for f in found}
    assert messages["IP202"] == "trademarks 2025: value 9 万件, but the quote says 8 万件"
    assert messages["IP201"] == "plan 'my-plan': target 2 (trademarks 2024): quote not found in its source plan.txt"


@pytest.mark.parametrize(
    ("figure", "english", "chinese"),
    [
        (
            _fig("trademarks", 2025, 8, "万件", "level", "有效注册商标量达到8万件以上"),
            "comparator reach, but the quote says at-least (以上, 不低于, 不少于 or 至少)",
            "比较词（comparator）为 reach，但引文的用词是 at-least（以上、不低于、不少于或至少）",
        ),
        (
            _fig("trademarks", 2025, 8, "万件", "level", "年度新增有效注册商标8万件"),
            "kind level, but the quote says",
            "类型（kind）为 level，但引文写的是",
        ),
        (
            _fig("trademarks", 2025, 8, "万件", "level", "2023年有效注册商标量达到8万件"),
            "year 2025, but the quote says 2023",
            "年份为 2025，但引文写的是 2023 年",
        ),
    ],
)
def test_each_read_back_disagreement_has_its_chinese_sentence(
    invoke: Invoke, write: Write, figure: dict[str, Any], english: str, chinese: str
) -> None:
    path = write(_plan([figure]))
    assert english in invoke("--data", str(path), "check", "my-plan").stdout
    assert chinese in invoke("--data", str(path), "check", "my-plan", "--lang", "zh").stdout


def test_severities_roles_and_explanations_are_chinese_with_lang_zh(invoke: Invoke, write: Write) -> None:
    end = _fig("gi-trademarks", 2025, 100, "件", "level", "总数突破100件", comparator="exceed")
    path = write(_plan([GI_ADD, end], [GI_BASE]))
    line = invoke("--data", str(path), "check", "my-plan", "--lang", "zh").stdout
    assert " IP101 [警告] " in line
    table = invoke("--data", str(path), "check", "my-plan", "--lang", "zh", "-f", "markdown").stdout
    assert "| 警告 " in table and "基期值 gi-trademarks 2020" in table and "目标 gi-trademarks 2021–2025" in table
    assert _check(invoke, path, "--lang", "zh")[1][0]["severity"] == "warning"  # JSON keeps the codes
    summary = invoke("--data", str(path), "check", "my-plan", "--lang", "zh").stderr
    assert summary == "ipcompare: 检查1个规划，发现1项\n"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_explains_itself_in_chinese(invoke: Invoke, rule: Any) -> None:
    text = invoke("check", "--explain", rule.code, "--lang", "zh").stdout
    assert text.startswith(f"{rule.code} {rule.name} (") and rule.summary_zh in text and rule.explanation_zh in text
    assert not any(word in text for word in ("the ", " a ", "plan "))  # no English sentence left
