"""`metric` and `compare`: the numbers an analyst reads off them, checked against the data by hand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, Invoke, Write
from wcwidth import wcswidth

import ipcompare
from ipcompare.compare import compare_metric, compare_regions

DATA = ipcompare.load(env=False)
SMALL = FIXTURES / "compare.yaml"
SMALL_DATA = ipcompare.load([SMALL], bundled=False, env=False)
CONTRACT = {
    "plan",
    "region",
    "region_zh",
    "level",
    "status",
    "year",
    "value",
    "unit",
    "comparator",
    "kind",
    "normalized",
    "baseline",
    "cagr",
    "vs_national",
    "quote",
}


def small(*args: str) -> list[str]:
    """Arguments that run a command on the made-up dataset alone."""
    return [*args, "--no-bundled", "--data", str(SMALL)]


def rows_of(invoke: Invoke, *args: str) -> Any:
    result = invoke(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def table_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("|")]


# --- the headline comparison -------------------------------------------------------------------


def test_high_value_patents_best_first_with_the_national_reference(invoke: Invoke) -> None:
    rows = [r for r in rows_of(invoke, "metric", "high-value-patents") if r["kind"] == "level"]
    assert [(r["region_zh"], r["value"], r["year"]) for r in rows] == [
        ("中国", 12, 2025),
        ("襄阳市", 6, 2025),
        ("泰安市", 3.6, 2025),
        ("青海省", 1.25, 2025),
    ]
    assert rows[0]["reference"] and rows[0]["rank"] is None
    assert [r["rank"] for r in rows[1:]] == [1, 2, 3]
    for row in rows:
        assert row["vs_national"] == pytest.approx(row["value"] / 12, abs=1e-4)
    assert [r["status"] for r in rows] == ["final", "final", "draft", "final"]


NATIONAL_DRAFT = """\
plans:
  - id: china-outline-draft
    region: china
    title_zh: 知识产权强国建设纲要（征求意见稿）
    title_en: IP power outline (draft)
    period: {start: 2021, end: 2035}
    status: draft
    targets:
      - {metric: high-value-patents, year: 2025, value: 10, unit: 件, comparator: reach, kind: level,
         quote: "每万人口高价值发明专利拥有量达到10件"}
"""


def test_a_second_national_plan_is_listed_under_the_reference_and_not_ranked(invoke: Invoke, write: Write) -> None:
    path = write(NATIONAL_DRAFT)
    rows = [r for r in rows_of(invoke, "--data", str(path), "metric", "high-value-patents") if r["kind"] == "level"]
    assert [(r["plan"], r["rank"], r["rank_of"]) for r in rows[:3]] == [
        ("china-14th-fyp", None, None),
        ("china-outline-draft", None, None),
        ("xiangyang-14th-fyp", 1, 3),
    ]
    assert rows[1]["vs_national"] == pytest.approx(10 / 12, abs=1e-4) and not rows[1]["reference"]
    later = write(NATIONAL_DRAFT.replace("year: 2025", "year: 2035"), "later.yaml")  # no final plan for 2035
    text = invoke("--data", str(later), "metric", "high-value-patents", "--year", "2035", "-f", "markdown").stdout
    [row] = [line for line in table_lines(text) if "china-outline" in line or "征求意见稿" in line]
    assert row.startswith("| national ref. (draft) ")


def test_high_value_patents_table_flags_the_draft_and_shows_ratios(invoke: Invoke) -> None:
    text = invoke("metric", "高价值发明专利").stdout
    taian = next(line for line in text.splitlines() if "泰安市" in line)
    assert "DRAFT" in taian and "3.6 件" in taian and "0.3×" in taian
    national = next(line for line in text.splitlines() if "中国" in line)
    assert "national ref." in national and "1×" in national
    order = [name for line in text.splitlines() for name in ("中国", "襄阳市", "泰安市", "青海省") if name in line]
    assert order[:4] == ["中国", "襄阳市", "泰安市", "青海省"]


def test_high_value_patents_markdown_is_one_aligned_table(invoke: Invoke) -> None:
    text = invoke("metric", "high-value-patents", "-f", "markdown").stdout
    lines = table_lines(text)
    assert set(lines[1]) <= set("|-: ")
    assert len(lines) == 2 + len(rows_of(invoke, "metric", "high-value-patents"))
    assert len({wcswidth(line) for line in lines}) == 1, "columns do not line up in a plain editor"
    assert len({line.count("|") for line in lines}) == 1
    # one table: the lines of the table are consecutive
    first = text.splitlines().index(lines[0])
    assert text.splitlines()[first : first + len(lines)] == lines


def test_every_row_keeps_the_json_contract(invoke: Invoke) -> None:
    for metric in ("high-value-patents", "trademarks", "pledge-financing", "gi-count"):
        rows = rows_of(invoke, "metric", metric)
        assert rows, metric
        for row in rows:
            assert row.keys() >= CONTRACT
            if row["normalized"] is not None:
                assert row["normalized"].keys() >= {"value", "unit"}
            if row["baseline"] is not None:
                assert row["baseline"].keys() >= {"value", "year"}


# --- normalisation ------------------------------------------------------------------------------


def test_pledge_financing_is_normalised_to_yuan(invoke: Invoke) -> None:
    rows = rows_of(invoke, "metric", "pledge-financing")
    quantified = [r for r in rows if r["value"] is not None]
    assert len(quantified) >= 4
    for row in quantified:
        assert row["unit"] == "亿元"
        assert row["normalized"] == {"value": row["value"] * 10**8, "low": None, "high": None, "unit": "元"}


def test_an_increment_is_never_ranked_against_a_level_or_flow(invoke: Invoke) -> None:
    """North's 新增5亿元 stands alone: not ranked among the annual flows, nor set against the nation's flow."""
    rows = rows_of(invoke, *small("metric", "money"))
    increment = next(r for r in rows if r["kind"] == "increment")
    assert (increment["region"], increment["rank"], increment["rank_of"], increment["vs_national"]) == (
        "north",
        1,
        1,
        None,
    )
    national = next(r for r in rows if r["region"] == "land")
    assert national["kind"] == "flow" and national["reference"]
    assert {r["rank_of"] for r in rows if r["kind"] == "flow" and not r["reference"]} == {2}


def test_targets_of_unclear_kind_are_not_ranked_or_compared(invoke: Invoke) -> None:
    rows = rows_of(invoke, "metric", "pledge-financing")
    unclear = [r for r in rows if r["kind"] == "unclear"]
    assert {r["region"] for r in unclear} == {"qinghai", "xiangyang", "inner-mongolia"}
    assert all(r["rank"] is None and r["vs_national"] is None for r in unclear)


def test_mixed_written_units_rank_on_the_normalised_value(invoke: Invoke) -> None:
    rows = rows_of(invoke, *small("metric", "money"))
    flows = [r for r in rows if r["kind"] == "flow"]
    assert [(r["region"], r["value"], r["unit"], r["normalized"]["value"]) for r in flows] == [
        ("land", 100, "亿元", 10**10),
        ("north", 20, "亿元", 2 * 10**9),
        ("south", 5000, "万元", 5 * 10**7),
    ]
    assert [r["rank"] for r in flows] == [None, 1, 2]
    increment = next(r for r in rows if r["kind"] == "increment")
    assert increment["rank_of"] == 1 and increment["vs_national"] is None


def test_unit_option_shows_values_in_the_unit_asked_for(invoke: Invoke) -> None:
    rows = rows_of(invoke, *small("metric", "money", "--unit", "万元"))
    south = next(r for r in rows if r["region"] == "south")
    assert south["normalized"] == {"value": 5000, "low": None, "high": None, "unit": "万元"}
    text = invoke(*small("metric", "money", "--unit", "万元")).stdout
    assert "200,000 万元" in text  # 20 亿元


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["metric", "trademarks", "--unit", "亿元"],
            "--unit: cannot show trademarks in 亿元: 亿元 is money, but trademarks is measured in 件 (count)",
        ),
        (["metric", "trademarks", "--unit", "斤"], "--unit: unknown unit '斤' (known units: %"),
        (
            ["metric", "trademarks", "--unit", "件/万人"],
            "--unit: 件/万人 is per 10k people, but trademarks is a total: ask for per-capita figures (--per-capita)",
        ),
        (
            ["metric", "protection-satisfaction", "--per-capita"],
            "--per-capita: cannot give per-capita figures for protection-satisfaction: it is measured in 分 (score); "
            "only counts and money can be divided by population",
        ),
        (
            ["metric", "brand-reputation", "--per-capita"],
            "--per-capita: cannot give per-capita figures for brand-reputation: it has no unit",
        ),
        (["metric", "trademrks"], "unknown metric 'trademrks' (did you mean 'trademarks'"),
        (["metric", "trademarks", "--region", "火星"], "--region: unknown region '火星'"),
        (["metric", "trademarks", "--level", "city"], "Invalid value for '--level'"),
        (["metric", "trademarks", "--lang", "fr"], "Invalid value for '--lang'"),
        (["metric", "trademarks", "--excel"], "--excel: only with --format csv, not --format table"),
        (
            ["compare", "孤县", "--data", str(FIXTURES / "lonely_region.yaml")],
            "region 'lonely' (孤县) has no plan in the data (regions with plans: 中国, 青海省",
        ),
        (["compare", "襄阳", "火星"], "unknown region '火星'"),
        (["compare", "襄阳", "--metric", "nothing"], "--metric: unknown metric 'nothing'"),
    ],
)
def test_what_cannot_be_compared_is_a_one_line_error(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"ipcompare: error: {message}")
    assert result.stderr.count("\n") == 1


# --- CAGR ---------------------------------------------------------------------------------------


def test_cagr_is_implied_from_the_plans_own_baseline(invoke: Invoke) -> None:
    land = next(r for r in rows_of(invoke, *small("metric", "things")) if r["region"] == "land")
    assert land["baseline"] == {
        "value": 100,
        "low": None,
        "high": None,
        "unit": "万件",
        "comparator": "reach",
        "year": 2023,
        "since": None,
    }
    assert (land["cagr"], land["cagr_source"]) == (10, "implied")  # 100 -> 121 in two years


def test_cagr_across_units_and_years_matches_the_formula(invoke: Invoke) -> None:
    """Xiangyang: 3万件 (2020) -> 8.5万件 (2025); Inner Mongolia: 82931件 (2015) -> 10万件 (2020)."""
    rows = {r["region"]: r for r in rows_of(invoke, "metric", "trademarks") if r["kind"] == "level"}
    assert rows["xiangyang"]["cagr"] == pytest.approx(((85000 / 30000) ** (1 / 5) - 1) * 100, abs=0.01)
    assert rows["inner-mongolia"]["cagr"] == pytest.approx(((100000 / 82931) ** (1 / 5) - 1) * 100, abs=0.01)
    national = next(r for r in rows_of(invoke, "metric", "high-value-patents") if r["region"] == "china")
    assert national["cagr"] == pytest.approx(((12 / 6.3) ** (1 / 5) - 1) * 100, abs=0.01)


def test_a_stated_growth_rate_stands_in_where_there_is_no_baseline(invoke: Invoke) -> None:
    rows = rows_of(invoke, "metric", "high-value-patents")
    xiangyang = [r for r in rows if r["region"] == "xiangyang"]
    level = next(r for r in xiangyang if r["kind"] == "level")
    growth = next(r for r in xiangyang if r["kind"] == "growth-rate")
    assert (level["cagr"], level["cagr_source"]) == (43, "stated")
    assert (growth["value"], growth["unit"], growth["cagr"]) == (43, "%", 43)
    assert next(r for r in rows if r["region"] == "taian")["cagr"] is None


def test_no_cagr_for_shares_and_scores(invoke: Invoke) -> None:
    for metric in ("patent-intensive-gdp-share", "protection-satisfaction"):
        national = next(r for r in rows_of(invoke, "metric", metric) if r["region"] == "china")
        assert national["baseline"] is not None and national["cagr"] is None


# --- per capita ---------------------------------------------------------------------------------


def test_trademarks_per_capita_with_xuancheng_as_a_row_without_a_number(invoke: Invoke) -> None:
    rows = rows_of(invoke, "metric", "trademarks", "--per-capita")
    by_region = {r["region"]: r for r in rows}
    for region, written in (("xiangyang", 85000), ("taian", 90000), ("inner-mongolia", 100000)):
        population = DATA.region(region).population
        assert population is not None
        row = by_region[region]
        assert row["normalized"]["unit"] == "件/万人"
        assert row["normalized"]["value"] == pytest.approx(written / (population.value / 10_000))
    xuancheng = by_region["xuancheng"]
    assert (xuancheng["value"], xuancheng["normalized"], xuancheng["direction"]) == (None, None, "up")
    assert xuancheng["rank"] is None
    text = invoke("metric", "trademarks", "--per-capita").stdout
    assert "161.57 件/万人" in text and "164.47 件/万人" in text
    assert "宣城市" in text and "↑ up (no number)" in text


def test_per_capita_ranks_differently_and_says_where_population_is_missing(invoke: Invoke) -> None:
    def levels_2025(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [r for r in rows if r["year"] == 2025 and r["kind"] == "level" and r["rank"]]

    totals = [r["region"] for r in levels_2025(rows_of(invoke, *small("metric", "things")))]
    assert totals == ["north", "south", "town"]
    rows = rows_of(invoke, *small("metric", "things", "--per-capita"))
    ranked = [(r["region"], r["rank"], r["normalized"]["value"]) for r in levels_2025(rows)]
    assert ranked == [("north", 1, 6000), ("town", 2, 5000)]  # 12万 / 20万人, 2.5万 / 5万人
    south = next(r for r in rows if r["region"] == "south")
    assert south["normalized"] is None and south["rank"] is None
    national = next(r for r in rows if r["reference"])
    assert national["normalized"]["value"] == 12100
    town = next(r for r in rows if r["region"] == "town" and r["year"] == 2025 and r["kind"] == "level")
    assert town["vs_national"] == pytest.approx(5000 / 12100, abs=1e-4)
    text = invoke(*small("metric", "things", "--per-capita")).stdout
    assert "No population in the data for 南省 South" in text


def test_a_density_metric_is_already_per_capita(invoke: Invoke) -> None:
    plain = rows_of(invoke, "metric", "high-value-patents")
    per_capita = rows_of(invoke, "metric", "high-value-patents", "--per-capita")
    assert [r["normalized"] for r in plain] == [r["normalized"] for r in per_capita]
    text = invoke("metric", "high-value-patents", "--per-capita").stdout
    assert "high-value-patents is already per 10k people" in text


# --- ranking ------------------------------------------------------------------------------------


def test_ties_share_a_rank_and_lower_is_better_ranks_ascending(invoke: Invoke) -> None:
    things = [r for r in rows_of(invoke, *small("metric", "things")) if r["year"] == 2025 and r["kind"] == "level"]
    assert [(r["region"], r["rank"]) for r in things] == [("land", None), ("north", 1), ("south", 1), ("town", 3)]
    place = rows_of(invoke, *small("metric", "place"))
    assert [(r["region"], r["value"], r["rank"]) for r in place] == [
        ("south", 1, 1),
        ("north", 3, 2),
        ("town", None, None),
    ]


def test_different_years_are_ranked_apart(invoke: Invoke) -> None:
    town_2024 = next(r for r in rows_of(invoke, *small("metric", "things")) if r["year"] == 2024)
    assert (town_2024["rank"], town_2024["rank_of"], town_2024["vs_national"]) == (1, 1, None)


# --- filters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "regions"),
    [
        ([], {"xiangyang", "taian", "inner-mongolia", "xuancheng"}),
        (["--year", "2020"], {"inner-mongolia", "xuancheng"}),
        (["--level", "prefecture"], {"xiangyang", "taian", "xuancheng"}),
        (["--level", "province", "--level", "national"], {"inner-mongolia"}),
        (["--region", "襄阳", "--region", "Tai'an"], {"xiangyang", "taian"}),
        (["--region", "山东"], {"taian"}),  # a province stands for its cities too
        (["--status", "draft"], {"taian"}),
        (["--status", "final", "--year", "2025"], {"xiangyang"}),
    ],
)
def test_filters(invoke: Invoke, options: list[str], regions: set[str]) -> None:
    assert {r["region"] for r in rows_of(invoke, "metric", "trademarks", *options)} == regions


def test_a_filter_that_matches_nothing_says_so(invoke: Invoke) -> None:
    result = invoke("metric", "trademarks", "--year", "2035")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "ipcompare: no targets for trademarks match these options\n"
    assert invoke("metric", "trademarks", "--year", "2035", "-f", "json").stdout == "[]\n"
    matrix = invoke("compare", "襄阳", "--year", "2035", "-f", "markdown")
    assert (matrix.exit_code, matrix.stdout) == (0, "")
    assert matrix.stderr == "ipcompare: no targets for these regions match these options\n"


def test_the_national_ratio_survives_a_level_filter(invoke: Invoke) -> None:
    rows = rows_of(invoke, "metric", "high-value-patents", "--level", "prefecture")
    assert {r["region"] for r in rows} == {"xiangyang", "taian"}
    assert next(r for r in rows if r["region"] == "taian")["vs_national"] == 0.3


# --- formats and language -----------------------------------------------------------------------


def test_csv_flattens_the_rows_and_excel_adds_a_bom(invoke: Invoke) -> None:
    text = invoke("metric", "pledge-financing", "-f", "csv").stdout
    assert not text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["region_zh"] == "中国" and rows[0]["normalized.value"] == "320000000000"
    assert rows[0]["baseline.year"] == "2020" and "baseline" not in rows[0]
    excel = invoke("metric", "pledge-financing", "-f", "csv", "--excel").stdout
    assert excel == "\ufeff" + text


def test_excel_csv_written_to_a_file_opens_as_utf8_with_bom(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "pledge.csv"
    assert invoke("metric", "pledge-financing", "-f", "csv", "--excel", "-o", str(target)).exit_code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "青海省" in target.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("lang", "header", "region", "kind"),
    [
        ([], "| Rank", "| 襄阳市 Xiangyang", "level"),
        (["--lang", "en"], "| Rank", "| Xiangyang", "level"),
        (["--lang", "zh"], "| 排名", "| 襄阳市", "存量/水平"),
    ],
)
def test_lang_picks_headers_and_names(invoke: Invoke, lang: list[str], header: str, region: str, kind: str) -> None:
    lines = table_lines(invoke("metric", "high-value-patents", "-f", "markdown", *lang).stdout)
    assert lines[0].startswith(header)
    xiangyang = next(line for line in lines if "Xiangyang" in line or "襄阳市" in line)
    assert region in xiangyang and kind in xiangyang
    if lang == ["--lang", "en"]:
        assert "襄阳" not in "".join(lines)
    if lang == ["--lang", "zh"]:
        assert "Xiangyang" not in "".join(lines)


def test_lang_leaves_json_alone(invoke: Invoke) -> None:
    assert rows_of(invoke, "metric", "trademarks", "--lang", "zh") == rows_of(invoke, "metric", "trademarks")


def test_rich_table_lines_up_and_has_no_colour_when_piped(invoke: Invoke) -> None:
    text = invoke("metric", "trademarks", "--per-capita").stdout
    assert "\x1b" not in text
    widths = {wcswidth(line) for line in text.splitlines() if line[:1] in "┏┃┡│├└"}
    assert len(widths) == 1


def test_no_color_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from ipcompare.render import Format, render
    from ipcompare.tables.comparisons import metric_table

    table = metric_table(compare_metric(DATA, "trademarks"))
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = io.StringIO()
    render(table, Format.TABLE, out, terminal=True)
    assert "\x1b[" in out.getvalue()  # a terminal gets styles (bold headers) ...
    monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    render(table, Format.TABLE, out, terminal=True)
    assert "\x1b[3" not in out.getvalue() and "\x1b[9" not in out.getvalue()  # ... but never colour with NO_COLOR


# --- compare ------------------------------------------------------------------------------------


def test_compare_prints_the_matrix(invoke: Invoke) -> None:
    result = invoke("compare", "襄阳", "泰安", "青海")
    assert result.exit_code == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if line.startswith("┃"))
    assert header.index("襄阳市") < header.index("泰安市") < header.index("青海省")
    hv = next(line for line in result.stdout.splitlines() if "每万人口高价值发明专利拥有量" in line)
    assert "6 件 (2025)" in hv and "3.6 件 (2025, draft)" in hv and "1.25 件 (2025)" in hv


def test_compare_markdown_is_one_aligned_table(invoke: Invoke) -> None:
    text = invoke("compare", "襄阳", "泰安", "青海", "-f", "markdown").stdout
    lines = table_lines(text)
    assert lines[0].startswith("| Metric") and "襄阳市 Xiangyang" in lines[0]
    assert len({wcswidth(line) for line in lines}) == 1
    rows = rows_of(invoke, "compare", "襄阳", "泰安", "青海")
    assert len(lines) == 2 + len(rows)
    trademarks = next(line for line in lines if "有效注册商标量" in line)
    cells = [c.strip() for c in trademarks.strip("|").split("|")]
    assert cells[1:] == ["> 8.5 万件 (2025)", "9 万件 (2025, draft)", "—"]


def test_compare_rows_put_shared_metrics_first(invoke: Invoke) -> None:
    rows = rows_of(invoke, "compare", "襄阳", "泰安", "青海")
    assert rows[0]["metric"] == "high-value-patents"  # the only metric all three quantify
    targeted = {t.metric for p in DATA.plans if p.region in ("xiangyang", "taian", "qinghai") for t in p.targets}
    assert {r["metric"] for r in rows} == targeted
    pledge = next(r for r in rows if r["metric"] == "pledge-financing")
    assert [c["kind"] for c in pledge["targets"]["qinghai"]] == ["unclear"]  # 新增 of a yearly amount
    assert pledge["targets"]["taian"] == []


def test_compare_national_column_metric_choice_and_year(invoke: Invoke) -> None:
    args = ["compare", "Xiangyang", "taian", "--national", "--metric", "trademarks", "--metric", "高价值发明专利"]
    rows = rows_of(invoke, *args)
    assert [r["metric"] for r in rows] == ["trademarks", "high-value-patents"]
    assert list(rows[0]["targets"]) == ["china", "xiangyang", "taian"]
    assert [c["value"] for c in rows[1]["targets"]["china"]] == [12]
    header = table_lines(invoke(*args, "-f", "markdown", "--lang", "en").stdout)[0]
    assert [c.strip() for c in header.strip("|").split("|")] == ["Metric", "China", "Xiangyang", "Tai'an"]
    only_2020 = rows_of(invoke, "compare", "内蒙古", "宣城", "--year", "2020", "--metric", "trademarks")
    assert [c["value"] for c in only_2020[0]["targets"]["inner-mongolia"]] == [10]
    assert [c["direction"] for c in only_2020[0]["targets"]["xuancheng"]] == ["up"]


def test_compare_csv_wide_is_the_matrix(invoke: Invoke) -> None:
    text = invoke(*small("compare", "north", "town", "-f", "csv", "--wide", "--lang", "en")).stdout
    grid = list(csv.reader(io.StringIO(text)))
    assert grid[0] == ["Metric", "North", "Town"]
    things = next(row for row in grid if row[0] == "Things")
    assert things[1] == "12 万件 (2025)"
    assert things[2].splitlines() == [
        "2 万件 (2024, draft)",
        "2.5 万件 (2025, draft)",
        "10 % growth rate (2025, draft)",
    ]


def test_compare_lang_zh(invoke: Invoke) -> None:
    lines = table_lines(invoke("compare", "襄阳", "青海", "--lang", "zh", "-f", "markdown").stdout)
    assert [c.strip() for c in lines[0].strip("|").split("|")] == ["指标", "襄阳市", "青海省"]
    pledge = next(line for line in lines if "知识产权质押融资金额" in line)
    assert "12 亿元 口径不明 (2025)" in pledge


# --- library ------------------------------------------------------------------------------------


def test_the_library_gives_the_same_rows_as_the_json(invoke: Invoke) -> None:
    assert ipcompare.metric_rows(DATA, "高价值发明专利") == rows_of(invoke, "metric", "high-value-patents")
    assert ipcompare.metric_rows(DATA, "trademarks", per_capita=True, year=2025) == rows_of(
        invoke, "metric", "trademarks", "--per-capita", "--year", "2025"
    )
    assert ipcompare.compare_rows(DATA, ["襄阳", "泰安"], national=True) == rows_of(
        invoke, "compare", "襄阳", "泰安", "--national"
    )


def test_the_library_raises_usage_errors_that_name_the_parameter() -> None:
    with pytest.raises(ipcompare.UsageError) as caught:
        ipcompare.metric_rows(SMALL_DATA, "things", unit="亿元")
    assert caught.value.about == "unit"
    with pytest.raises(ipcompare.UsageError, match="unknown metric"):
        compare_metric(SMALL_DATA, "nothing")
    lonely = ipcompare.load([FIXTURES / "lonely_region.yaml"], env=False)
    with pytest.raises(ipcompare.UsageError, match="has no plan"):
        compare_regions(lonely, ["lonely"])


def test_the_per_capita_note_names_a_population_year_other_than_2020(invoke: Invoke, write: Write) -> None:
    older = write("regions:\n  - id: south\n    population: {value: 100000, year: 2018, source: a yearbook}\n")
    text = invoke(*small("metric", "things", "--per-capita", "-f", "markdown"), "--data", str(older)).stdout
    assert "each region's population of the year the data gives (land 2020, north 2020, south 2018" in text
    assert "2020 census" not in text
    shipped = invoke(*small("metric", "things", "--per-capita", "-f", "markdown")).stdout
    assert "resident population at the 2020 census" in shipped


@pytest.mark.parametrize(
    ("args", "noted"),
    [
        (["metric", "trademarks"], True),  # Inner Mongolia's count beside Xiangyang's and Tai'an's
        (["metric", "trademarks", "--per-capita"], False),  # divided by population: the note's advice taken
        (["metric", "trademarks", "--level", "prefecture"], False),  # cities only
        (["metric", "high-value-patents"], False),  # already per 10k people
        (["metric", "protection-satisfaction"], False),  # a score, not a total
    ],
)
def test_totals_of_regions_of_different_levels_carry_the_per_capita_note(
    invoke: Invoke, args: list[str], noted: bool
) -> None:
    result = invoke(*args, "--format", "markdown")
    assert result.exit_code == 0
    assert ("regions of different levels" in result.stdout and "--per-capita" in result.stdout) == noted


# --- compare: plans as columns, shared metrics, tidy numbers (issue 15) ----------------------------------------

IM_NEXT = str(FIXTURES / "inner_mongolia_14th.yaml")


def test_a_region_with_two_plans_has_a_column_for_each_named_by_the_plan(invoke: Invoke) -> None:
    rows = rows_of(invoke, "--data", IM_NEXT, "compare", "内蒙古", "襄阳")
    assert list(rows[0]["targets"]) == ["inner-mongolia-13th-fyp", "inner-mongolia-14th-made-up", "xiangyang"]
    for row in rows:
        for key, cells in row["targets"].items():
            assert all(c["plan"] == (key if key != "xiangyang" else "xiangyang-14th-fyp") for c in cells)
    text = invoke("--data", IM_NEXT, "compare", "内蒙古", "襄阳", "-f", "markdown", "--lang", "en").stdout
    header = table_lines(text)[0]
    assert "Inner Mongolia · 13th FYP" in header and header.count("Inner Mongolia · ") == 2
    assert "A region with several plans here has a column for each" in text


def test_latest_keeps_a_regions_latest_final_plan_and_says_which(invoke: Invoke) -> None:
    result = invoke("--data", IM_NEXT, "compare", "内蒙古", "襄阳", "--latest", "-f", "json")
    assert list(json.loads(result.stdout)[0]["targets"]) == ["inner-mongolia", "xiangyang"]
    text = invoke("--data", IM_NEXT, "compare", "内蒙古", "襄阳", "--latest", "-f", "markdown").stdout
    assert "Each region's latest final plan only: inner-mongolia-14th-made-up." in text


def test_latest_says_when_a_region_has_only_a_draft(invoke: Invoke) -> None:
    """泰安 has one plan, a draft: --latest shows it, and says that it is not a final plan."""
    text = invoke("compare", "泰安", "襄阳", "--latest", "-f", "markdown").stdout
    assert "A region with no final plan is shown by its latest draft: taian-strong-city-draft." in text
    assert "latest final plan only" not in text


def test_a_plan_id_and_a_province_standing_for_its_cities_are_columns(invoke: Invoke) -> None:
    rows = rows_of(invoke, "compare", "xiangyang-14th-fyp", "山东")
    assert list(rows[0]["targets"]) == ["xiangyang-14th-fyp", "taian"]  # 山东 has no plan of its own: Tai'an's
    named = invoke("compare", "xiangyang-14th-fyp", "-f", "markdown", "--lang", "en").stdout
    assert "Xiangyang · 14th FYP" in table_lines(named)[0]  # named by its plan: labelled with it


def test_shared_keeps_the_metrics_two_columns_set_a_number_for(invoke: Invoke) -> None:
    rows = rows_of(invoke, "compare", "襄阳", "泰安", "青海", "--shared")
    assert [r["metric"] for r in rows] == ["high-value-patents", "trademarks", "pledge-financing"]
    for row in rows:
        numbered = [k for k, cells in row["targets"].items() if any(c["value"] is not None for c in cells)]
        assert len(numbered) >= 2, row["metric"]
    three = rows_of(invoke, "compare", "襄阳", "泰安", "青海", "--min-regions", "3", "--national")
    assert [r["metric"] for r in three] == ["high-value-patents"] and "china" in three[0]["targets"]
    everything = invoke("compare", "襄阳", "泰安", "青海", "-f", "markdown").stdout
    assert "Rows with a number from one column only:" in everything


def test_the_json_of_compare_carries_the_normalised_value_and_quote_of_every_target(invoke: Invoke) -> None:
    rows = rows_of(invoke, "compare", "襄阳", "泰安", "青海", "--national")
    cells = [c for r in rows for cs in r["targets"].values() for c in cs]
    assert cells and all("normalized" in c and c["quote"] for c in cells)
    trademarks = next(r for r in rows if r["metric"] == "trademarks")["targets"]["xiangyang"][0]
    assert trademarks["normalized"] == {"value": 85000, "low": None, "high": None, "unit": "件"}
    assert trademarks["quote"] == "有效注册商标总量突破8.5万件"


def test_compare_csv_is_tidy_with_numbers_a_spreadsheet_reads(invoke: Invoke) -> None:
    text = invoke("compare", "襄阳", "泰安", "青海", "--national", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {"metric", "region", "plan", "year", "kind", "value", "unit", "normalized_value", "quote"} <= set(rows[0])
    numbered = [r for r in rows if r["normalized_value"]]
    assert len(numbered) > 10 and all(float(r["normalized_value"]) >= 0 for r in numbered)
    xiangyang = next(r for r in rows if r["metric"] == "trademarks" and r["region"] == "xiangyang")
    assert (xiangyang["value"], xiangyang["unit"], xiangyang["normalized_value"]) == ("8.5", "万件", "85000")
    assert all(r["quote"] for r in rows)


def test_long_gives_the_tidy_rows_in_json_and_wide_the_matrix_in_csv(invoke: Invoke) -> None:
    tidy = rows_of(invoke, "compare", "襄阳", "青海", "--long")
    assert tidy and all({"metric", "column", "normalized_value", "quote"} <= set(t) for t in tidy)
    wide = invoke("compare", "襄阳", "青海", "-f", "csv", "--wide").stdout
    assert next(csv.reader(io.StringIO(wide)))[0] == "Metric"
    both = invoke("compare", "襄阳", "--long", "--wide")
    assert both.exit_code == 2 and both.stderr.startswith("ipcompare: error: --wide: --long and --wide")


def test_kind_and_year_narrow_the_cells(invoke: Invoke) -> None:
    rows = rows_of(invoke, "compare", "襄阳", "青海", "--kind", "growth-rate", "--long")
    assert rows and {r["kind"] for r in rows} == {"growth-rate"}
    later = rows_of(invoke, "--data", IM_NEXT, "compare", "内蒙古", "--year", "2025", "--long")
    assert later and {r["year"] for r in later} == {2025}


def test_compare_per_capita_divides_totals_and_leaves_rates_and_per_head_figures(invoke: Invoke) -> None:
    tidy = rows_of(invoke, "compare", "襄阳", "泰安", "--per-capita", "--long")
    marks = next(r for r in tidy if r["metric"] == "trademarks" and r["region"] == "xiangyang")
    assert marks["per_capita"] is True and marks["normalized_unit"] == "件/万人"
    assert abs(marks["normalized_value"] - 85000 / 526.0951) < 0.01  # 5,260,951 people at the 2020 census
    per_head = next(r for r in tidy if r["metric"] == "high-value-patents" and r["region"] == "xiangyang")
    assert per_head["per_capita"] is False and per_head["normalized_value"] == 6
    text = invoke("compare", "襄阳", "泰安", "--per-capita", "-f", "markdown").stdout
    assert "> 8.5 万件 = 161.57 件/万人 (2025)" in text and "6 件 (2025)" in text


def test_the_tidy_csv_reads_in_pandas_with_a_numeric_normalised_value(invoke: Invoke) -> None:
    pandas = pytest.importorskip("pandas")  # in the test extra: CI has it
    text = invoke("compare", "襄阳", "泰安", "青海", "--national", "--shared", "-f", "csv").stdout
    frame = pandas.read_csv(io.StringIO(text))
    assert str(frame["normalized_value"].dtype) == "float64" and str(frame["year"].dtype) == "int64"
    assert frame["normalized_value"].notna().sum() >= 6 and frame["quote"].notna().all()


def test_compare_kind_takes_every_kind_and_qualitative() -> None:
    from ipcompare.cli import KindChoice
    from ipcompare.model import Kind

    assert [c.value for c in KindChoice] == [*(k.value for k in Kind), "qualitative"]


def _range_plan(city: str, zh: str) -> str:
    """A final 2021-2025 plan of `city` with one range target, 2–4 万件 of trademarks."""
    return (
        f"  - {{id: {city}-plan, region: {city}, title_zh: {zh}规划, title_en: {city} plan, status: final,\n"
        "     period: {start: 2021, end: 2025}, targets: [{metric: trademarks, year: 2025, range: [2, 4], unit: 万件,\n"
        '     comparator: reach, kind: level, quote: "有效注册商标2至4万件"}]}\n'
    )


UNPOPULATED = (
    "regions:\n"
    "  - {id: acity, name_zh: 甲市, name_en: Acity, level: prefecture, parent: hubei,\n"
    '     population: {value: 2000000, year: 2020, source: "made up"}}\n'
    "  - {id: bcity, name_zh: 乙市, name_en: Bcity, level: prefecture, parent: hubei}\n"
    "plans:\n" + _range_plan("acity", "甲市") + _range_plan("bcity", "乙市")
)


def test_per_capita_says_no_population_for_a_range_target_too(invoke: Invoke, write: Write) -> None:
    path = write(UNPOPULATED)
    text = invoke(
        "--data", str(path), "metric", "trademarks", "--per-capita", "--region", "湖北", "-f", "markdown"
    ).stdout
    [bcity] = [line for line in table_lines(text) if "Bcity" in line]
    assert "no population" in bcity and "No population in the data for 乙市 Bcity" in text
    [acity] = [line for line in table_lines(text) if "Acity" in line]
    assert "100–200 件/万人" in acity


def test_compare_per_capita_says_which_regions_have_no_population(invoke: Invoke, write: Write) -> None:
    path = write(UNPOPULATED)
    text = invoke("--data", str(path), "compare", "乙市", "甲市", "--per-capita", "-f", "markdown").stdout
    [row] = [line for line in table_lines(text) if "trademarks" in line.lower() or "商标" in line]
    assert "2–4 万件 (no population) (2025)" in row and "2–4 万件 = 100–200 件/万人 (2025)" in row
    assert "No population in the data for 乙市 Bcity: no per-capita figure." in text
    chinese = invoke("--data", str(path), "compare", "乙市", "甲市", "--per-capita", "--lang", "zh", "-f", "markdown")
    assert "数据中没有乙市的人口，无法折算每万人口值。" in chinese.stdout
