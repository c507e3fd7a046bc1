"""Figures of different scope are never set against each other: not a metric and its part, not a figure
whose scope is narrower, not spans of different length, not figures of unclear kind (tests/fixtures/scope.yaml)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from conftest import FIXTURES, PLAN, Invoke, Write

import ipcompare

SCOPE = ["--no-bundled", "--data", str(FIXTURES / "scope.yaml")]


def rows(invoke: Invoke, *args: str) -> list[dict[str, Any]]:
    result = invoke(*SCOPE, *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def row(found: list[dict[str, Any]], metric: str, region: str, kind: str = "level") -> dict[str, Any]:
    [hit] = [r for r in found if (r["metric"], r["region"], r["kind"]) == (metric, region, kind)]
    return hit


def test_a_target_has_no_baseline_or_cagr_from_a_part_of_its_metric(invoke: Invoke) -> None:
    """North's 50 certification marks are not the start of its target for all marks."""
    north = row(rows(invoke, "metric", "marks"), "marks", "north")
    assert north["baseline"] is None and north["cagr"] is None


def test_a_baseline_of_the_same_scope_gives_the_cagr(invoke: Invoke) -> None:
    south = row(rows(invoke, "metric", "marks"), "marks", "south")
    assert south["baseline"]["value"] == 60
    assert south["cagr"] == pytest.approx(((120 / 60) ** (1 / 5) - 1) * 100, abs=0.01)


def test_a_part_is_paired_with_its_own_baseline(invoke: Invoke) -> None:
    north = row(rows(invoke, "metric", "cert-marks"), "cert-marks", "north")
    assert north["baseline"]["value"] == 50 and north["cagr"] == pytest.approx(9.86, abs=0.01)


def test_a_baseline_of_narrower_scope_is_no_baseline(invoke: Invoke) -> None:
    """3 patent agencies are not the start of 15 agencies of every kind."""
    agencies = row(rows(invoke, "metric", "agencies"), "agencies", "north")
    assert agencies["baseline"] is None and agencies["cagr"] is None


def test_a_metric_lists_its_parts_each_ranked_against_its_own_metric(invoke: Invoke) -> None:
    found = rows(invoke, "metric", "marks")
    assert [(r["metric"], r["region"]) for r in found] == [
        ("marks", "land"),
        ("marks", "south"),
        ("marks", "north"),
        ("cert-marks", "land"),
        ("cert-marks", "south"),
        ("cert-marks", "north"),
    ]
    assert [(r["rank"], r["rank_of"]) for r in found] == [(None, None), (1, 2), (2, 2), (None, None), (1, 2), (2, 2)]
    # each against its own national target: 120 of 1000 marks, 90 of 500 certification marks
    assert [r["vs_national"] for r in found if r["region"] == "south"] == [0.12, 0.18]
    assert {r["metric_zh"] for r in found} == {"标志商标", "证明标志商标"}


def test_exact_leaves_the_parts_out(invoke: Invoke) -> None:
    assert {r["metric"] for r in rows(invoke, "metric", "marks", "--exact")} == {"marks"}


def test_the_table_names_each_rows_metric_and_says_why(invoke: Invoke) -> None:
    text = invoke(*SCOPE, "metric", "marks", "-f", "markdown").stdout
    assert re.search(r"\| 证明标志商标<br>cert-marks +\| 南省 South", text)
    assert "Also listed: the targets of cert-marks, which count part of what marks counts" in text
    assert "| Metric" not in invoke(*SCOPE, "metric", "marks", "--exact", "-f", "markdown").stdout


def test_a_span_of_unknown_length_is_no_baseline_for_an_increment(invoke: Invoke) -> None:
    """Two years (两年内, no since) against five: not the same span."""
    north = row(rows(invoke, "metric", "grants"), "grants", "north", "increment")
    assert north["baseline"] is None


def test_increments_over_spans_of_one_length_are_paired(invoke: Invoke) -> None:
    south = row(rows(invoke, "metric", "grants"), "grants", "south", "increment")
    assert (south["since"], south["year"]) == (2021, 2025)  # no since written: the plan's years up to 2025
    assert (south["baseline"]["value"], south["baseline"]["since"], south["baseline"]["year"]) == (25, 2016, 2020)
    text = invoke(*SCOPE, "metric", "grants", "-f", "markdown").stdout
    assert "| 25 件 (2016–2020) " in text  # a baseline over a span shows its span, not its last year


def test_a_change_in_an_annual_flow_is_not_ranked_with_an_increment(invoke: Invoke) -> None:
    found = rows(invoke, "metric", "grants")
    increments = [r for r in found if r["kind"] == "increment"]
    assert sorted((r["region"], r["rank"], r["rank_of"]) for r in increments) == [("north", 1, 2), ("south", 2, 2)]
    [change] = [r for r in found if r["kind"] == "flow-change"]
    assert (change["rank"], change["rank_of"], change["since"]) == (1, 1, 2020)
    # and the flow change of 2015->2020 is no baseline for a target of another kind
    assert row(found, "grants", "north", "increment")["baseline"] is None


def test_figures_of_unclear_kind_are_neither_ranked_nor_paired(invoke: Invoke) -> None:
    unclear = row(rows(invoke, "metric", "grants"), "grants", "south", "unclear")
    assert (unclear["rank"], unclear["baseline"], unclear["cagr"]) == (None, None, None)


def test_a_scope_is_shown_with_its_figure(invoke: Invoke) -> None:
    text = invoke(*SCOPE, "show", "north-plan", "-f", "markdown").stdout
    assert "3 家 [patent agencies only]" in text
    [agencies] = [
        r for r in rows(invoke, "show", "north-plan") if r["metric"] == "agencies" and r["role"] == "baseline"
    ]
    assert agencies["scope"] == "patent agencies only"


def test_the_library_pairs_by_the_same_rule() -> None:
    data = ipcompare.load([FIXTURES / "scope.yaml"], bundled=False, env=False)
    north = data.plan("north-plan")
    target = next(t for t in north.targets if t.metric == "agencies")
    scoped = next(b for b in north.baselines if b.metric == "agencies")
    assert north.baseline_for(target) is None and not target.comparable(scoped)
    assert [m.id for m in data.parts("marks")] == ["cert-marks"]


def test_metrics_shows_the_tree(invoke: Invoke) -> None:
    text = invoke(*SCOPE, "metrics", "-f", "markdown").stdout
    assert re.search(r"\| marks +\|.*\n\| └─ cert-marks +\|", text)
    by_id = {r["id"]: r for r in rows(invoke, "metrics")}
    assert (by_id["cert-marks"]["parent"], by_id["marks"]["parts"]) == ("marks", ["cert-marks"])


def test_a_scope_change_between_versions_is_no_raise_or_cut(invoke: Invoke, write: Write) -> None:
    old = write(PLAN, "old.yaml")
    new = write(
        PLAN.replace("kind: level", "kind: level\n        scope: Xiangyang city only").replace("9万件", "5万件"),
        "new.yaml",
    )
    result = invoke("diff", f"{old}:my-plan", f"{new}:my-plan", "-f", "json")
    [change] = json.loads(result.stdout)["targets"]
    assert "scope" in change["fields"] and change["verdict"] is None and change["delta"] is None


# The catalogue: a metric's parent is a metric measured alike, and never itself.
PARENTS = [
    ("parent: nowhere", "parent metric 'nowhere' is not in the catalogue"),
    ("parent: b", "parent 'b' leads back to it (a -> b -> a)"),
    ("parent: money", "measured in 件 (count), but its parent 'money' in 亿元 (money)"),
]


@pytest.mark.parametrize(("parent", "message"), PARENTS, ids=[p[0] for p in PARENTS])
def test_a_parent_that_cannot_be_is_located(invoke: Invoke, write: Write, parent: str, message: str) -> None:
    text = f"""\
metrics:
  - id: a
    name_zh: 甲
    name_en: A
    unit: 件
    higher_is_better: true
    {parent}
  - id: b
    name_zh: 乙
    name_en: B
    unit: 件
    higher_is_better: true
    parent: a
  - id: money
    name_zh: 钱
    name_en: Money
    unit: 亿元
    higher_is_better: true
"""
    result = invoke("validate", str(write(text)))
    assert result.exit_code == 1
    assert re.search(rf"mine\.yaml:7: metric 'a': .*{re.escape(message)}", result.stderr), result.stderr


def test_a_flow_change_needs_the_year_it_is_set_against(invoke: Invoke, write: Write) -> None:
    result = invoke("validate", str(write(PLAN.replace("kind: level", "kind: flow-change"))))
    assert result.exit_code == 1
    assert "a flow-change needs since: the year whose amount it is set against (较2015年: 2015)" in result.stderr


def test_each_part_ranks_in_its_own_metrics_direction(invoke: Invoke, write: Write) -> None:
    """A part whose smaller figure is better ranks smallest first, under a parent that ranks largest first."""
    part = (
        "metrics:\n  - id: late-marks\n    name_zh: 逾期标志\n    name_en: Late marks\n    unit: 件\n"
        "    higher_is_better: false\n    parent: marks\nplans:\n"
    )
    for region, value in (("north", 5), ("south", 9)):
        part += (
            f"  - id: {region}-late\n    region: {region}\n    title_zh: 规划\n    title_en: Plan\n"
            "    period: {start: 2021, end: 2025}\n    status: final\n    targets:\n"
            f"      - {{metric: late-marks, year: 2025, value: {value}, unit: 件, comparator: stated,\n"
            "         kind: level, quote: q}\n"
        )
    found = rows(invoke, "--data", str(write(part)), "metric", "marks")
    assert [(r["region"], r["rank"]) for r in found if r["metric"] == "late-marks"] == [("north", 1), ("south", 2)]
    assert [(r["region"], r["rank"]) for r in found if r["metric"] == "marks" and r["rank"]] == [
        ("south", 1),
        ("north", 2),
    ]
