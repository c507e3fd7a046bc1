"""`ipcompare progress PLAN`: a plan's targets against the outcomes recorded in the data, one small case each
(a made-up Qinghai plan and outcomes in a file of the test's own), and the shipped national outcomes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import Invoke, Write

import ipcompare


def _figure(metric: str, year: int, value: float, unit: str, kind: str, extra: str = "") -> str:
    return (
        f"      - metric: {metric}\n        year: {year}\n        value: {value}\n        unit: {unit}\n"
        f"        comparator: stated\n        kind: {kind}\n        quote: q\n{extra}"
    )


def _outcome(metric: str, year: int, value: float, unit: str, kind: str, extra: str = "") -> str:
    return (
        f"  - region: qinghai\n    metric: {metric}\n    year: {year}\n    value: {value}\n    unit: {unit}\n"
        f"    kind: {kind}\n    source: a report\n    quote: q\n{extra}"
    )


PLAN = (
    "plans:\n  - id: qinghai-made-up\n    region: qinghai\n    title_zh: 规划\n    title_en: A plan\n"
    "    period: {start: 2021, end: 2025}\n    status: final\n    targets:\n"
    + _figure("trademarks", 2025, 20000, "件", "level")  # met early: 21000 in 2023
    + _figure("high-value-patents", 2025, 2, "件", "level")  # met in the target year: 2.5 in 2025
    + _figure("pct-applications", 2024, 100, "件", "flow")  # missed: 80 in 2024
    + _figure("pledge-financing", 2025, 30, "亿元", "flow")  # on track: 25 in 2023, the line is at 22
    + _figure("protection-satisfaction", 2025, 85, "分", "level")  # behind: 81 in 2023, the line is at 83
    + _figure("invention-patents-in-force", 2025, 5000, "件", "level")  # only another scope's outcome
    + "    baselines:\n"
    + _figure("pledge-financing", 2020, 10, "亿元", "flow")
    + _figure("protection-satisfaction", 2020, 80, "分", "level")
)
OUTCOMES = "outcomes:\n" + "".join(
    [
        _outcome("trademarks", 2022, 15000, "件", "level"),
        _outcome("trademarks", 2023, 2.1, "万件", "level"),
        _outcome("high-value-patents", 2024, 1.8, "件", "level"),
        _outcome("high-value-patents", 2025, 2.5, "件", "level"),
        _outcome("pct-applications", 2024, 80, "件", "flow"),
        _outcome("pledge-financing", 2023, 25, "亿元", "flow"),
        _outcome("protection-satisfaction", 2023, 81, "分", "level"),
        _outcome("invention-patents-in-force", 2023, 9000, "件", "level", "    scope: universities only\n"),
    ]
)


@pytest.fixture
def mine(write: Write) -> Path:
    return write(OUTCOMES + PLAN)


def _rows(invoke: Invoke, *args: str) -> dict[str, dict[str, Any]]:
    result = invoke("progress", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["new"] is None
    return {row["metric"]: row for row in doc["targets"]}


@pytest.mark.parametrize("cache_flag", [["--no-cache"], []])
def test_each_target_against_the_outcomes(invoke: Invoke, mine: Path, cache_flag: list[str]) -> None:
    rows = _rows(invoke, "qinghai-made-up", "--data", str(mine), *cache_flag)
    early = rows["trademarks"]
    assert (early["outcome"], early["reported"]["year"], early["note"]) == (
        "met",
        2023,
        "first met in 2023, 2 years before 2025",
    )
    assert early["difference"] == 1000 and early["source"] == "a report"  # 2.1万件 against 20000件
    on_time = rows["high-value-patents"]
    assert (on_time["outcome"], on_time["reported"]["value"], on_time["note"]) == ("met", 2.5, "first met in 2025")
    missed = rows["pct-applications"]
    assert (missed["outcome"], missed["difference"], missed["achieved_percent"]) == ("missed", -20, 80)
    on_track = rows["pledge-financing"]
    assert on_track["outcome"] == "on track"
    assert on_track["note"] == "straight line from 10 亿元 (2020) to 30 亿元 (2025): 22 亿元 in 2023"
    behind = rows["protection-satisfaction"]
    assert behind["outcome"] == "behind" and "83 分 in 2023" in behind["note"]
    other_scope = rows["invention-patents-in-force"]
    assert other_scope["outcome"] == "not stated" and other_scope["reported"] is None
    assert other_scope["note"] == "outcomes recorded only for another scope: universities only"


def test_the_table_says_what_was_checked_against(invoke: Invoke, mine: Path) -> None:
    result = invoke("progress", "qinghai-made-up", "--data", str(mine), "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "against reported outcomes: 2 met, 1 missed, 1 on track, 1 behind, 1 not stated" in result.stdout
    assert "| Source" in result.stdout and "a report" in result.stdout


def test_the_shipped_national_outcomes_meet_five_targets(invoke: Invoke) -> None:
    rows = _rows(invoke, "china-14th-fyp")
    patents = rows["high-value-patents"]
    assert (patents["outcome"], patents["reported"]["value"], patents["target"]["value"]) == ("met", 16, 12)
    assert patents["reported"]["year"] == 2025
    for metric in ("pledge-financing", "ip-royalties-trade", "protection-satisfaction", "civil-no-appeal-rate"):
        assert (rows[metric]["outcome"], rows[metric]["reported"]["year"]) == ("met", 2023), metric
    assert rows["civil-no-appeal-rate"]["difference"] == 6.9  # 91.9 % against 85 %, in points


def test_progress_old_new_does_not_read_outcomes() -> None:
    data = ipcompare.load(env=False)
    assert data.outcomes  # the national ones are shipped
    checked = ipcompare.progress_against_outcomes(data, "china-14th-fyp")
    assert checked.new is None and checked.count(ipcompare.Outcome.MET) == 5


def test_an_unknown_metric_in_an_outcome_is_reported_at_its_line(invoke: Invoke, write: Write) -> None:
    path = write(OUTCOMES.replace("metric: pct-applications", "metric: pct-aplications") + PLAN)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "pct-aplications" in text)
    for args in (["--no-cache", "validate", str(path)], ["progress", "qinghai-made-up", "--data", str(path)]):
        result = invoke(*args)
        assert result.exit_code == 1 and "Traceback" not in result.stderr
        assert re.search(
            rf"mine\.yaml:{line}: outcome 5 \(qinghai pct-aplications 2024\): unknown metric 'pct-aplications' "
            r"\(did you mean 'pct-applications'",
            result.stderr,
        ), result.stderr


def test_an_outcome_of_an_unknown_region_or_a_unit_that_does_not_fit_is_an_error(invoke: Invoke, write: Write) -> None:
    text = OUTCOMES.replace("region: qinghai", "region: qinhai", 1).replace("25\n    unit: 亿元", "25\n    unit: 件")
    result = invoke("--no-cache", "validate", str(write(text + PLAN)))
    assert result.exit_code == 1
    assert "outcome 1 (qinhai trademarks 2022): unknown region 'qinhai'" in result.stderr
    assert (
        "outcome 6 (qinghai pledge-financing 2023): unit '件' does not fit metric 'pledge-financing'" in result.stderr
    )


def test_an_outcome_quote_is_checked_in_its_document(invoke: Invoke, write: Write) -> None:
    write("| trademarks | 2022 | 15000 |\n", "report.md")
    text = OUTCOMES.replace(
        "    quote: q\n", "    document: report.md\n    quote: '| trademarks | 2022 | 15000 |'\n", 1
    )
    text = text.replace("    quote: q\n", "    document: report.md\n    quote: '| trademarks | 2023 | 21000 |'\n", 1)
    result = invoke("--no-cache", "validate", str(write(text + PLAN)))
    assert "outcome 2 (qinghai trademarks 2023): quote not found in its source report.md" in result.stderr
    assert "outcome 1 " not in result.stderr


def test_an_unknown_plan_is_one_line(invoke: Invoke) -> None:
    result = invoke("progress", "no-such-plan")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "unknown plan 'no-such-plan'" in result.stderr


def test_validate_counts_the_outcomes_of_the_files_it_names(invoke: Invoke, mine: Path) -> None:
    result = invoke("--no-cache", "validate", str(mine))
    assert result.exit_code == 0, result.stderr
    assert re.search(r"mine\.yaml: 1 plan, \d+ targets and baselines, 8 outcomes \(2 data files", result.stdout)
    shipped = invoke("--no-cache", "validate")
    assert ", 5 outcomes (" in shipped.stdout  # the national ones the data ships
