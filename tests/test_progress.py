"""`ipcompare diff --progress`: the real Inner Mongolia 13th plan against a made-up 14th plan whose 2020
baselines are chosen to give each outcome (tests/fixtures/inner_mongolia_14th.yaml says which)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import FIXTURES, Invoke, Write

import ipcompare

NEXT = FIXTURES / "inner_mongolia_14th.yaml"
PAIR = ["inner-mongolia-13th-fyp", "inner-mongolia-14th-made-up", "--progress", "--data", str(NEXT)]
#: The shipped 13th plan the made-up 14th is checked against: counts come from it, not from constants.
OLD_PLAN = ipcompare.load([NEXT], env=False).plan("inner-mongolia-13th-fyp")
QUALITATIVE = sum(not t.quantified for t in OLD_PLAN.targets)


def progress_json(invoke: Invoke, *args: str) -> Any:
    result = invoke("diff", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def outcomes(doc: dict[str, Any], outcome: str) -> set[tuple[str, str]]:
    return {(t["metric"], t["target"]["kind"]) for t in doc["targets"] if t["outcome"] == outcome}


def test_each_target_is_met_missed_or_says_why_not(invoke: Invoke) -> None:
    doc = progress_json(invoke, *PAIR)
    assert outcomes(doc, "met") == {
        ("trademarks", "level"),
        ("well-known-trademarks", "level"),
        ("famous-trademarks", "increment"),
        ("famous-trademarks", "level"),
        ("china-top500-brands", "increment"),
    }
    assert outcomes(doc, "missed") == {
        ("invention-applications", "growth-rate"),
        ("invention-patents-per-10k", "level"),
        ("well-known-trademarks", "increment"),
        ("gi-trademarks", "increment"),
        ("gi-trademarks", "level"),
    }
    assert outcomes(doc, "not comparable") == {("pledge-financing", "unclear")}
    assert ("ip-leading-talent", "increment") in outcomes(doc, "not stated")
    targets = OLD_PLAN.targets
    assert len(doc["targets"]) == len(targets)  # every target of the 13th plan, qualitative ones too
    assert [t["target"]["quote"] for t in doc["targets"]] == [t.quote for t in targets]  # in the plan's order
    assert doc["summary"]["met"] == 5 and sum(doc["summary"].values()) == len(targets)


def row(doc: dict[str, Any], metric: str, kind: str) -> dict[str, Any]:
    found: dict[str, Any] = next(t for t in doc["targets"] if (t["metric"], t["target"]["kind"]) == (metric, kind))
    return found


def test_by_how_much_in_the_targets_unit(invoke: Invoke) -> None:
    doc = progress_json(invoke, *PAIR)
    trademarks = row(doc, "trademarks", "level")
    assert (trademarks["target"]["value"], trademarks["target"]["unit"]) == (10, "万件")
    assert (trademarks["reported"]["value"], trademarks["reported"]["unit"]) == (18.6, "万件")
    assert (trademarks["difference"], trademarks["difference_unit"], trademarks["achieved_percent"]) == (
        8.6,
        "万件",
        186,
    )
    rate = row(doc, "invention-applications", "growth-rate")
    assert (rate["difference"], rate["difference_unit"], rate["achieved_percent"]) == (-4.8, "pp", None)
    brands = row(doc, "china-top500-brands", "increment")  # 新增7~10家 is met from 7 on
    assert (brands["difference"], brands["achieved_percent"]) == (1, pytest.approx(114.29))


def test_an_increment_is_worked_out_from_two_levels_and_says_so(invoke: Invoke) -> None:
    doc = progress_json(invoke, *PAIR)
    famous = row(doc, "famous-trademarks", "increment")
    assert famous["reported"]["value"] == 750 and famous["reported"]["quote"] is None
    assert [(f["year"], f["value"]) for f in famous["derived_from"]] == [(2015, 650), (2020, 1400)]
    assert famous["note"] == "worked out: end level minus start level"
    text = invoke("diff", *PAIR, "-f", "markdown").stdout
    line = next(line for line in text.splitlines() if "famous-trademarks" in line and "increment" in line)
    assert "750 件 increment (2016–2020)<br>= 1400 件 (2020) − 650 件 (2015)" in line  # the target's own span
    assert "+150 件 (125% of target)" in line


def test_figures_of_another_scope_are_never_used(invoke: Invoke) -> None:
    """The 13th plan's 51 GI certification marks are not the start of its GI-trademark target, and the next
    plan's count of autonomous-region pilot enterprises is not an outcome for all pilot units."""
    doc = progress_json(invoke, *PAIR)
    gi = row(doc, "gi-trademarks", "increment")
    assert [(f["year"], f["value"], f["quote"]) for f in gi["derived_from"]] == [
        (2015, 58, "地理标志商标总数由2015年的58件增至96件"),
        (2020, 96, "地理标志商标总数由2015年的58件增至96件"),
    ]
    pilots = row(doc, "ip-pilot-units", "increment")
    assert pilots["outcome"] == "not stated" and pilots["reported"] is None
    assert pilots["note"] == (
        "inner-mongolia-14th-made-up reports it only for another scope: autonomous-region pilot enterprises only"
    )


def test_qualitative_targets_are_listed_only_with_all(invoke: Invoke) -> None:
    text = invoke("diff", *PAIR, "-f", "markdown").stdout
    assert f"1 not comparable; {QUALITATIVE} qualitative not shown (--all)" in text
    assert "| qualitative" not in text
    everything = invoke("diff", *PAIR, "--all", "-f", "markdown").stdout
    assert everything.count("| qualitative") == QUALITATIVE and "not shown" not in everything


def _two_plans(write: Write, target: str, reported: str) -> list[str]:
    """A rank (lower is better) targeted by one plan and reported by the next."""
    text = f"""\
plans:
  - id: first
    region: xiangyang
    title_zh: 第一
    title_en: First
    period: {{start: 2016, end: 2020}}
    status: final
    targets:
      - {{metric: pct-provincial-rank, year: 2020, value: {target}, unit: 位, comparator: reach, kind: level,
          quote: "进入全省前{target}位"}}
  - id: second
    region: xiangyang
    title_zh: 第二
    title_en: Second
    period: {{start: 2021, end: 2025}}
    status: final
    targets:
      - {{metric: pct-provincial-rank, year: 2025, value: 1, unit: 位, comparator: reach, kind: level,
          quote: "全省第1位"}}
    baselines:
      - {{metric: pct-provincial-rank, year: 2020, value: {reported}, unit: 位, comparator: stated, kind: level,
          quote: "位居全省第{reported}位"}}
"""
    return ["first", "second", "--progress", "--data", str(write(text, "ranks.yaml"))]


@pytest.mark.parametrize(("target", "reported", "outcome"), [(3, 2, "met"), (3, 3, "met"), (3, 5, "missed")])
def test_a_lower_is_better_target_is_met_at_or_below_it(
    invoke: Invoke, write: Write, target: int, reported: int, outcome: str
) -> None:
    [checked] = progress_json(invoke, *_two_plans(write, str(target), str(reported)))["targets"]
    assert (checked["outcome"], checked["difference"]) == (outcome, reported - target)


def test_a_plan_against_one_of_the_same_period_is_not_due(invoke: Invoke) -> None:
    args = ["taian-strong-city-draft", "taian-strong-city-final", "--progress", "--all"]
    doc = progress_json(invoke, *args, "--data", str(FIXTURES / "taian_final.yaml"))
    assert {t["outcome"] for t in doc["targets"] if t["target"]["value"] is not None} == {"not due"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["xiangyang-14th-fyp", "inner-mongolia-13th-fyp", "--progress"],
            "ipcompare: error: a progress check needs two plans of one region: "
            "xiangyang-14th-fyp is xiangyang's, inner-mongolia-13th-fyp is inner-mongolia's\n",
        ),
        (
            ["inner-mongolia-14th-made-up", "inner-mongolia-13th-fyp", "--progress", "--data", str(NEXT)],
            "ipcompare: error: a progress check needs the earlier plan first: inner-mongolia-13th-fyp starts in 2016, "
            "before inner-mongolia-14th-made-up (2021)\n",
        ),
        (
            ["china-14th-fyp", "china-14th-fyp", "--progress"],
            "ipcompare: error: a progress check needs two plans, the earlier and the next: both are china-14th-fyp; "
            "to set its targets against the outcomes reported, give it alone (ipcompare progress china-14th-fyp)\n",
        ),
        (
            [*PAIR, "--exit-code"],
            "ipcompare: error: --exit-code reports whether two plans differ; it does not go with --progress\n",
        ),
    ],
)
def test_plans_that_cannot_be_checked_are_a_one_line_error(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke("diff", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_an_increment_over_another_span_is_not_the_same_figure(invoke: Invoke, write: Write) -> None:
    """新增35件 in 2019-2020 says nothing about a 2016-2020 target of 新增40件 (nor 74 + 35 about the level)."""
    text = NEXT.read_text(encoding="utf-8").replace("since: 2016\n        value: 35", "since: 2019\n        value: 35")
    assert text != NEXT.read_text(encoding="utf-8")
    doc = progress_json(invoke, *PAIR[:3], "--data", str(write(text, "later_span.yaml")))
    assert row(doc, "well-known-trademarks", "increment")["outcome"] == "not stated"
    assert row(doc, "well-known-trademarks", "level")["outcome"] == "not stated"


def test_the_library_gives_the_rows_of_the_json_output(invoke: Invoke) -> None:
    import ipcompare

    data = ipcompare.load([NEXT])
    checked = ipcompare.check_progress(
        data.plan("inner-mongolia-13th-fyp"), data.plan("inner-mongolia-14th-made-up"), data.metrics
    )
    assert ipcompare.as_json(checked.rows) == progress_json(invoke, *PAIR)["targets"]
    assert checked.count(ipcompare.Outcome.MISSED) == 5


def test_markdown_is_one_aligned_table_with_a_row_per_target(invoke: Invoke) -> None:
    from wcwidth import wcswidth

    text = invoke("diff", *PAIR, "-f", "markdown").stdout
    lines = [line for line in text.splitlines() if line.startswith("|")]
    assert len({wcswidth(line) for line in lines}) == 1
    assert len(lines) == 2 + len(OLD_PLAN.targets) - QUALITATIVE  # header, rule, every quantified target


@pytest.mark.parametrize(("low", "high", "outcome"), [(4, 5, "met"), (3, 5, "missed")])
def test_a_reported_range_counts_at_its_less_ambitious_end(
    invoke: Invoke, write: Write, low: int, high: int, outcome: str
) -> None:
    """A reported 3~5 against a target of 3.3 (higher is better) is not claimed as met."""
    text = NEXT.read_text(encoding="utf-8").replace("value: 2.9\n", f"range: [{low}, {high}]\n")
    doc = progress_json(invoke, *PAIR[:3], "--data", str(write(text, "range.yaml")))
    checked = row(doc, "invention-patents-per-10k", "level")
    assert (checked["outcome"], checked["reported"]["low"], checked["reported"]["high"]) == (outcome, low, high)


def test_notes_are_said_in_chinese_with_lang_zh_and_stay_english_in_json(invoke: Invoke) -> None:
    zh = invoke("progress", "china-14th-fyp", "--lang", "zh", "--format", "markdown").stdout
    assert "2023年首次达到，比2025年早2年" in zh and "first met" not in zh
    assert "没有china的所报结果" in zh
    rows = json.loads(invoke("progress", "china-14th-fyp", "--lang", "zh", "--format", "json").stdout)["targets"]
    notes = {r["metric"]: r["note"] for r in rows}
    assert notes["pledge-financing"] == "first met in 2023, 2 years before 2025"  # JSON is the same in every language
    assert notes["high-value-patents"] == "first met in 2025"


def test_a_note_that_names_kinds_names_them_in_the_language_asked() -> None:
    from ipcompare.labels import Lang, in_lang, said

    note = said(
        "progress.outcomes-only-as", kinds=[said("kind.flow", english="flow"), said("kind.level", english="level")]
    )
    assert str(note) == "outcomes recorded only as flow, level"
    assert in_lang(note, Lang.ZH) == "所报结果仅有年度量、存量/水平"
    assert in_lang(note, Lang.EN) == in_lang(note, None) == "outcomes recorded only as flow, level"
