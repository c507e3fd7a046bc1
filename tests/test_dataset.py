"""The shipped dataset: complete, traceable, and self-consistent."""

from __future__ import annotations

import re

import pytest
from conftest import Invoke

import ipcompare
from ipcompare.format import number
from ipcompare.hanzi import simplify
from ipcompare.units import parse_unit

DATA = ipcompare.load(env=False)
FIGURES = [(p, f) for p in DATA.plans for f in (*p.targets, *p.baselines)]


def _label(item: tuple[ipcompare.Plan, ipcompare.Figure]) -> str:
    plan, figure = item
    return f"{plan.id}:{figure.loc.line}:{figure.metric}"


@pytest.mark.parametrize("item", [i for i in FIGURES if i[1].quantified], ids=_label)
def test_the_number_is_in_its_own_quote(item: tuple[ipcompare.Plan, ipcompare.Figure]) -> None:
    """A mistyped value fails here: 8.5 must be written in '突破8.5万件'."""
    _, figure = item
    if figure.note and "read as" in figure.note:
        return  # a reading the note explains (全覆盖 -> 100%, 零的突破 -> at least 1)
    numbers = [figure.value] if figure.value is not None else [figure.low, figure.high]
    written = re.findall(r"\d+(?:\.\d+)?", figure.quote)
    for value in numbers:
        assert any(float(w) == value for w in written), f"{number(value)} not in {figure.quote!r}"


@pytest.mark.parametrize("item", [i for i in FIGURES if i[1].quantified and i[1].unit], ids=_label)
def test_the_written_unit_is_in_the_quote(item: tuple[ipcompare.Plan, ipcompare.Figure]) -> None:
    _, figure = item
    unit = parse_unit(figure.unit or "")
    assert unit is not None
    if figure.note and "read as" in figure.note:
        return
    assert figure.unit is not None and figure.unit in simplify(figure.quote)


def test_regions_with_plans_have_a_sourced_population() -> None:
    for plan in DATA.plans:
        region = DATA.region(plan.region)
        assert region.population is not None, region.id
        assert region.population.year == 2020 and region.population.source
    assert DATA.region("china").population is not None


def test_plans_record_what_the_documents_state() -> None:
    taian = DATA.plan("taian-strong-city-draft")
    assert taian.status == ipcompare.Status.DRAFT
    assert DATA.plan("inner-mongolia-13th-fyp").doc_number == "内政办发〔2017〕50号"
    xuancheng = DATA.plan("xuancheng-strong-city-2019")
    assert xuancheng.doc_number == "宣政办秘〔2019〕76号"
    assert all(not t.quantified and t.direction == ipcompare.Direction.UP for t in xuancheng.targets)


def test_headline_targets() -> None:
    def target(plan: str, metric: str, kind: str = "level") -> ipcompare.Figure:
        return next(t for t in DATA.plan(plan).targets if t.metric == metric and t.kind == kind)

    assert target("xiangyang-14th-fyp", "high-value-patents").value == 6
    assert target("xiangyang-14th-fyp", "high-value-patents", "growth-rate").value == 43
    assert target("taian-strong-city-draft", "high-value-patents").value == 3.6
    assert target("qinghai-ip-power-2021", "high-value-patents").value == 1.25
    assert target("qinghai-ip-power-2021", "pledge-financing", "unclear").unit == "亿元"
    brands = target("inner-mongolia-13th-fyp", "china-top500-brands", "increment")
    assert (brands.low, brands.high, brands.unit) == (7, 10, "家")
    copyright_ = target("qinghai-ip-power-2021", "copyright-works-registrations", "unclear")
    assert copyright_.note and "annual" in copyright_.note


def test_baselines_from_the_plans() -> None:
    xiangyang = DATA.plan("xiangyang-14th-fyp")
    per10k = next(b for b in xiangyang.baselines if b.metric == "invention-patents-per-10k")
    assert (per10k.value, per10k.year) == (4.09, 2020)
    mongolia = DATA.plan("inner-mongolia-13th-fyp")
    trademarks = next(b for b in mongolia.baselines if b.metric == "trademarks" and b.kind == "level")
    assert (trademarks.value, trademarks.year) == (82931, 2015)


def test_gi_targets_are_all_listed_under_gi_count_each_with_its_metric() -> None:
    rows = ipcompare.metric_rows(DATA, "gi-count")
    quantified = {(r["region"], r["metric"], r["year"], r["value"], r["comparator"]) for r in rows if r["value"]}
    assert ("inner-mongolia", "gi-trademarks", 2020, 100, "exceed") in quantified
    assert ("xiangyang", "gi-count", 2025, 90, "reach") in quantified


@pytest.mark.parametrize("metric", ["ip-service-agencies", "gi-trademarks", "key-ip-projects", "advantage-trademarks"])
def test_no_baseline_of_another_scope_is_set_against_a_target(metric: str) -> None:
    """Inner Mongolia's 3 patent agencies and 51 certification marks, Xiangyang's 30 projects in two years and
    34 enterprises are no baselines of the targets beside them."""
    for row in ipcompare.metric_rows(DATA, metric, exact=True):
        assert (row["baseline"], row["cagr"]) == (None, None), row


def test_every_pairing_in_the_shipped_data_is_of_one_scope_kind_and_span() -> None:
    for plan in DATA.plans:
        for target in plan.targets:
            base = plan.baseline_for(target)
            if base is not None and target.quantified:
                assert (base.metric, base.scope, base.kind, base.span) == (
                    target.metric,
                    target.scope,
                    target.kind,
                    target.span,
                ), (plan.id, target.loc.line)


def test_xiangyangs_77_percent_is_not_read_as_the_growth_of_its_span() -> None:
    [growth] = [
        b for b in DATA.plan("xiangyang-14th-fyp").baselines if b.unit == "%" and b.metric == "invention-grants"
    ]
    assert growth.kind == ipcompare.Kind.UNCLEAR and growth.since is None
    assert growth.note and "+121%" in growth.note


def test_a_change_in_annual_grants_is_not_an_increment() -> None:
    changes = [b for b in DATA.plan("xiangyang-14th-fyp").baselines if b.quote == "较2015年分别增加4749件、278件"]
    assert {(b.metric, b.kind, b.since) for b in changes} == {
        ("patent-grants", ipcompare.Kind.FLOW_CHANGE, 2015),
        ("invention-grants", ipcompare.Kind.FLOW_CHANGE, 2015),
    }


def test_gi_targets_outside_the_family_are_pointed_to(invoke: Invoke) -> None:
    """The per-county minimum counts applications per county, not part of GI trademarks: named, not compared."""
    text = invoke("metric", "gi-count", "-f", "markdown").stdout
    assert "See also, not compared here: " in text and "gi-trademarks-per-county (1 target)" in text
    assert "| 每县地理标志商标申请注册量" not in text


def test_a_part_is_shown_in_its_own_unit() -> None:
    [projects] = [r for r in ipcompare.metric_rows(DATA, "gi-count") if r["metric"] == "gi-brand-projects"]
    assert (projects["unit"], projects["normalized"]["unit"]) == ("个", "个")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1e-07, "0.0000001"),
        (2.5e-05, "0.000025"),
        (-3.25e-06, "-0.00000325"),
        (6.0, "6"),
        (1.25, "1.25"),
        (0.1 + 0.2, "0.3"),  # float noise is not the plan's
        (123456789012.5, "123456789012.5"),  # every digit a plan can write (it was 123456789000)
    ],
)
def test_a_number_is_written_without_an_exponent(value: float, text: str) -> None:
    """The data refuses 1e-07 as a value; tables never write one either."""
    assert number(value) == text
