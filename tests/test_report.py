"""`ipcompare report`: a briefing an analyst hands on, as one HTML file or markdown with its charts beside it.

What a reader would notice: the charts set side by side only what the tables do (one kind, one year, the
national target of the same group as the line), the tables are the commands' own, every number has its
quote, nothing in the data becomes markup, and without matplotlib the report still comes out and says how
to get the charts. tests/test_browser.py opens the page in a real browser.
"""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, Invoke, Write

from ipcompare.briefing import BarChart, OutcomeChart, SlopeChart, bar_charts, metric_briefing
from ipcompare.compare import compare_metric
from ipcompare.loader import load
from ipcompare.render import Format, render
from ipcompare.tables.comparisons import metric_table

COMPARE = FIXTURES / "compare.yaml"
FIXTURE = ("--no-bundled", "--data", str(COMPARE))


def _plan(
    ident: str, region: str, title: str, targets: Sequence[str], baselines: Sequence[str] = (), status: str = "final"
) -> str:
    """A plan of the fixture's regions as an item of a data file's `plans:` (see _plans), 2023–2025; its figures as
    flow mappings."""
    lines = [
        f"  - id: {ident}",
        f"    region: {region}",
        f"    title_zh: {title}",
        f"    title_en: {ident}",
        "    period: {start: 2023, end: 2025}",
        f"    status: {status}",
        "    targets:",
        *(f"      - {{{t}}}" for t in targets),
    ]
    if baselines:
        lines += ["    baselines:", *(f"      - {{{b}}}" for b in baselines)]
    return "\n".join(lines) + "\n"


def _plans(*plans: str) -> str:
    """A data file of the plans _plan writes."""
    return "plans:\n" + "".join(plans)


def _report(invoke: Invoke, path: Path, *args: str, data: tuple[str, ...] = FIXTURE) -> str:
    result = invoke(*data, "report", *args, "-o", str(path))
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    assert result.stdout.startswith(f"wrote {path}")
    return path.read_text(encoding="utf-8")


def test_bars_are_one_group_each_with_the_national_target_of_that_group_as_the_line() -> None:
    charts = bar_charts(compare_metric(load([COMPARE], bundled=False), "things"))
    # The 2025 levels: three regions against the nation's 121万件. The town's 2024 level and its growth rate are
    # one target each, with no national target of their group: no chart, the table says it.
    assert len(charts) == 1
    (chart,) = charts
    assert [(b.label, b.value) for b in chart.bars] == [
        ("北省 North", 120_000),
        ("南省 South", 120_000),
        ("镇市 Town", 25_000),  # the chart marks it a draft after cutting the name to fit
    ]
    assert (chart.national, chart.unit) == (1_210_000, "件")
    assert chart.national_label == "大陆 Land 1,210,000 件"
    assert [b.draft for b in chart.bars] == [False, False, True]
    assert chart.bars[1].text == "> 120,000 件"  # 突破: the comparator stays with the number


def test_an_annual_flow_and_an_increment_are_never_bars_of_one_chart(write: Write) -> None:
    increment = (
        'metric: money, year: 2025, value: 3, unit: 亿元, comparator: stated, kind: increment, quote: "新增3亿元"'
    )
    more = write(_plans(_plan("town-money", "town", "镇市融资方案", [increment])))
    charts = bar_charts(compare_metric(load([COMPARE, more], bundled=False), "money"))
    titles = [c.title for c in charts]
    assert titles == ["融资金额 Money raised · annual flow · 2025", "融资金额 Money raised · increment · 2023–2025"]
    flows, increments = charts
    assert [b.value for b in flows.bars] == [20, 0.5] and flows.national == 100  # 5000万元 shown as 0.5 亿元
    assert [b.value for b in increments.bars] == [5, 3] and increments.national is None


def test_the_html_report_is_one_file_that_fetches_and_runs_nothing(invoke: Invoke, tmp_path: Path) -> None:
    page = _report(invoke, tmp_path / "things.html", "--metric", "things")
    assert page.count("<svg") == 2  # the bars and the national plan's baseline → target
    assert 'data-chart="bars"' in page and 'data-chart="slopes"' in page
    assert "default-src 'none'" in page  # the page's policy: no request, no script
    references = re.findall(r"""(?:src|href|url)\s*[=(]\s*["']?([^"')\s>]+)""", page)
    assert references and all(r.startswith("#") for r in references), references
    assert "<script" not in page.lower()


def test_the_tables_are_the_ones_the_metric_command_prints(invoke: Invoke, tmp_path: Path) -> None:
    page = _report(invoke, tmp_path / "things.html", "--metric", "things")
    table = metric_table(compare_metric(load([COMPARE], bundled=False), "things"))
    for row in table.rows:
        cells = "".join(
            f"<td{' class=nowrap' if c.nowrap else ''}>{html.escape(c.text(row))}</td>" for c in table.columns
        )
        assert cells.replace("\n", "<br>") in page
    for note in table.notes:
        assert html.escape(note) in page
    for quote in ("物件达到121万件", "物件突破120000件", "物件达到2.5万件"):
        assert quote in page  # every number in the briefing with the words it comes from


def test_markdown_has_its_charts_beside_it_and_the_metric_table_as_metric_prints_it(
    invoke: Invoke, tmp_path: Path
) -> None:
    page = _report(invoke, tmp_path / "brief.md", "--metric", "things")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", page)
    assert links == ["brief-charts/01-bars.svg", "brief-charts/02-slopes.svg"]
    for link in links:
        svg = (tmp_path / link).read_text(encoding="utf-8")
        assert svg.startswith("<?xml") and "<text" in svg  # labels are text, not glyph outlines
    assert "北省 North" in (tmp_path / links[0]).read_text(encoding="utf-8")
    printed = invoke(*FIXTURE, "metric", "things", "--format", "markdown").stdout
    assert printed in page


def test_a_region_briefing_sets_their_targets_side_by_side_and_charts_what_two_of_them_set(
    invoke: Invoke, tmp_path: Path
) -> None:
    page = _report(invoke, tmp_path / "regions.html", "north", "south")
    assert "<h1>Briefing: 北省 North, 南省 South</h1>" in page
    assert "Targets side by side: 北省 North、南省 South" in page
    sections = re.findall(r"<h2>([^<]+)</h2>", page)
    # things, place and money are each set by both; the town (in North) is in North's charts, as --region does
    assert sections == [
        "Targets side by side",
        "物件数量 Things (things)",
        "全国名次 Place in the national table (place)",
        "融资金额 Money raised (money)",
        "Plan checks",
    ]
    bars = re.search(r'data-chart="bars".*?</figure>', page, re.S)
    assert bars is not None and "镇市 Town (draft)" in bars.group(0)
    assert "national target: 大陆 Land" in bars.group(0)  # the nation is the line even when not named


def test_check_findings_of_the_plans_briefed_on_are_listed(invoke: Invoke, tmp_path: Path) -> None:
    page = _report(invoke, tmp_path / "gi.html", "--metric", "gi-trademarks", data=())
    findings = page[page.index("<h2>Plan checks</h2>") :]
    assert "IP101 sum-short" in findings and "51 件 (2015) + 40 件 (2016–2020) = 91 件" in findings


def test_targets_are_set_against_outcomes_in_a_chart_and_in_progress_words(invoke: Invoke, tmp_path: Path) -> None:
    page = _report(invoke, tmp_path / "hvp.html", "--metric", "high-value-patents", data=())
    assert 'data-chart="outcomes"' in page
    assert "china-14th-fyp targets, against reported outcomes: 1 met" in page
    assert "first met in 2025" in page


def test_the_outcome_chart_is_the_progress_verdict_drawn() -> None:
    briefing = metric_briefing(load(), ["high-value-patents"])
    charts = [c for s in briefing.sections for c in s.charts]
    (outcomes,) = [c for c in charts if isinstance(c, OutcomeChart)]
    (track,) = outcomes.tracks
    assert (track.label, track.targets, track.outcomes) == ("中国 China", ((2025, 12),), ((2025, 16),))
    assert track.planned == (((2020, 6.3), (2025, 12)),)
    assert {type(c) for c in charts} == {BarChart, SlopeChart, OutcomeChart}


def test_labels_of_a_target_and_an_outcome_close_together_do_not_overlap() -> None:
    """A target of 12 and 11.6 reported the same year, another region's target alike: every label readable."""
    pytest.importorskip("matplotlib")
    from ipcompare.briefing import Track
    from ipcompare.charts import _draw, _matplotlib

    tracks = (
        Track("甲市", (((2020, 6.0), (2025, 12.0)),), ((2025, 12.0),), ((2023, 9.0), (2025, 11.6))),
        Track("乙市", (((2020, 5.0), (2025, 11.8)),), ((2025, 11.8),), ((2025, 11.9),)),
        # what was reported in years next to each other, close in value: a label runs into the next year's
        Track("丙市", (), (), ((2021, 7.5), (2022, 9.4), (2023, 11.8), (2024, 11.9), (2025, 12.05))),
    )
    with _matplotlib("overlap"):
        figure = _draw(OutcomeChart(title="t", unit="件", tracks=tracks), None)
        figure.draw_without_rendering()
        texts = figure.axes[0].texts
        boxes = [(t.get_text(), (t.get_bbox_patch() or t).get_window_extent()) for t in texts]  # with its clear box
    labels = sorted(text for text, _ in boxes if text != "件")  # the unit's label is the axis's
    assert labels == sorted(["12", "11.8", "9", "11.6", "11.9", "7.5", "9.4", "11.8", "11.9", "12.05"])
    touching = [(a, b) for i, (a, one) in enumerate(boxes) for b, other in boxes[i + 1 :] if one.overlaps(other)]
    assert touching == []


HOSTILE = """\
regions:
  - id: evil
    name_zh: "<script>alert(1)</script>恶市"
    name_en: "$x^2$ </svg><img src=x onerror=alert(1)> [a](http://x) =cmd|' /C calc'!A0"
    level: province
    parent: land
plans:
  - id: evil-plan
    region: evil
    title_zh: "恶市规划</td></table>"
    title_en: "Evil plan <b>bold</b>"
    period: {start: 2023, end: 2025}
    status: final
    targets:
      - {metric: things, year: 2025, value: 5, unit: 万件, comparator: reach, kind: level, quote: "<img src=x>5万件"}
"""


def test_strings_from_the_data_are_shown_as_written_never_as_markup(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    evil = write(HOSTILE, "evil.yaml")
    data = (*FIXTURE, "--data", str(evil))
    page = _report(invoke, tmp_path / "evil.html", "--metric", "things", data=data)
    assert "<script" not in page.lower() and "<img" not in page.lower() and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;恶市" in page
    assert page.count("</svg>") == page.count("<svg")  # the name closes no chart
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", page)
    assert any("$x^2$" in t for t in texts)  # mathtext is off: the dollars are shown, not typeset
    markdown = _report(invoke, tmp_path / "evil.md", "--metric", "things", data=data)
    assert "\\<script>alert(1)\\</script>恶市 \\$x^2\\$" in markdown  # \\< a plain <, \\$ no formula (GitHub)
    assert not re.search(r"(?<!\\)<(script|img|/svg|b>)", markdown)


def test_without_matplotlib_the_report_is_written_and_says_how_to_get_the_charts(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    blocked = "import sys; sys.modules['matplotlib'] = None; from ipcompare.__main__ import run; sys.exit(run())"
    argv = [*FIXTURE, "report", "--metric", "things", "-o", str(out)]
    result = subprocess.run(
        [sys.executable, "-c", blocked, *argv], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "ipcompare: note: 2 charts not drawn: matplotlib is not installed (pip install 'ipcompare[report]')"
    ]
    page = out.read_text(encoding="utf-8")
    assert "<svg" not in page and page.count("pip install &#x27;ipcompare[report]&#x27;") == 2
    assert "物件突破120000件" in page  # the tables are all there


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--metric", "things"], 2, "a report is written to a file: name it with -o report.html or -o report.md"),
        (["--metric", "things", "-o", "r.txt"], 2, "cannot tell the format from 'r.txt'"),
        (["-o", "r.html"], 2, "name a metric (--metric high-value-patents) or regions"),
        (["--metric", "thingz", "-o", "r.html"], 2, "unknown metric 'thingz'"),
        (["--metric", "things", "-o", "missing/r.html"], 1, "cannot write"),
        (["--metric", "things", "-f", "pdf", "-o", "r.html"], 2, "'pdf' is not one of"),
    ],
)
def test_a_wrong_report_request_is_one_line(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(*FIXTURE, "report", *args)
    assert result.exit_code == code
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr, result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_a_report_never_writes_over_a_data_file(invoke: Invoke, write: Write) -> None:
    mine = write(HOSTILE.replace("evil", "mine"), "mine.html")  # a data file may have any name
    before = mine.read_bytes()
    result = invoke(*FIXTURE, "--data", str(mine), "report", "--metric", "things", "-f", "html", "-o", str(mine))
    assert result.exit_code == 1 and "one of the files this command reads" in result.stderr
    assert mine.read_bytes() == before


def test_the_markdown_renderer_and_the_report_agree_on_a_table() -> None:
    """The report's markdown tables are render()'s, not a copy of it."""
    from ipcompare.report import to_markdown

    briefing = metric_briefing(load([COMPARE], bundled=False), ["money"])
    text, _, _ = to_markdown(briefing, Path("x.md"))
    for section in briefing.sections:
        for table in section.tables:
            out = io.StringIO()
            render(table, Format.MARKDOWN, out)
            assert out.getvalue() in text


def test_the_readme_shows_a_screenshot_of_the_report() -> None:
    """docs/report.png is made by `python tests/browser.py docs/report.png`, the report opened in Chromium."""
    from browser import png_size

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "](docs/report.png)" in readme
    width, height = png_size(REPO / "docs" / "report.png")
    assert width >= 800 and height >= 600


@pytest.mark.parametrize(("command", "usage"), [("report", "[REGION...]"), ("check", "[PLAN...]")])
def test_help_names_an_optional_list_once(invoke: Invoke, command: str, usage: str) -> None:
    shown = invoke(command, "-h").stdout
    assert f"Usage: ipcompare {command} [OPTIONS] {usage}" in shown and "[[" not in shown


def test_outcomes_of_an_annual_flow_are_set_against_flow_targets_only() -> None:
    """Pledge financing: the nation's yearly 3200 亿元 target (a flow) and the 8539.9 亿元 reported for 2023; the
    provinces' targets of unclear kind are in the table, not the chart."""
    briefing = metric_briefing(load(), ["pledge-financing"])
    section = briefing.sections[0]
    (chart,) = [c for c in section.charts if isinstance(c, OutcomeChart)]
    assert chart.title.endswith("annual flow · targets and what was reported") and chart.unit == "亿元"
    (track,) = chart.tracks
    assert (track.label, track.targets, track.outcomes) == ("中国 China", ((2025, 3200),), ((2023, 8539.9),))
    assert not any("No outcomes" in t for t in section.text)  # they are recorded, and drawn


def test_with_region_the_table_is_metrics_own_and_the_nation_is_still_the_line(invoke: Invoke, tmp_path: Path) -> None:
    page = _report(invoke, tmp_path / "north.md", "--metric", "things", "--region", "north")
    printed = invoke(*FIXTURE, "metric", "things", "--region", "north", "--format", "markdown").stdout
    assert printed in page and "national ref." not in page
    svg = (tmp_path / "north-charts" / "01-bars.svg").read_text(encoding="utf-8")
    assert "national target: 大陆 Land 1,210,000 件" in svg


def _regions(count: int, national: str = "") -> str:
    """`count` provinces of the fixture's nation, each with a level target of things for 2025 (i 万件)."""
    lines = ["regions:"]
    for i in range(1, count + 1):
        lines += [f"  - {{id: p{i}, name_zh: 省{i}, name_en: P{i}, level: province, parent: land}}"]
    lines.append("plans:")
    for i in range(1, count + 1):
        lines += [
            f"  - {{id: p{i}-plan, region: p{i}, title_zh: 省{i}规划, title_en: P{i} plan, status: final,",
            "     period: {start: 2023, end: 2025},",
            f"     targets: [{{metric: things, year: 2025, value: {i}, unit: 万件, comparator: reach, kind: level,",
            f'                 quote: "物件达到{i}万件"}}]}}',
        ]
    return "\n".join(lines) + "\n" + national


def test_a_chart_draws_the_best_thirty_and_says_the_table_has_the_rest(write: Write) -> None:
    from ipcompare.briefing import MAX_BARS
    from ipcompare.report import caption_of

    ds = load([COMPARE, write(_regions(45))], bundled=False)
    (chart,) = bar_charts(compare_metric(ds, "things", year=2025, levels=["province"]))
    assert len(chart.bars) == MAX_BARS == 30 and chart.of == 47  # 45 provinces, North and South
    assert [b.value for b in chart.bars[:2]] == [450_000, 440_000]  # best first, as ranked
    assert caption_of(chart, None).endswith("The first 30 of 47 are drawn; the table lists every one.")


def test_a_national_range_is_a_band_and_its_label_says_both_ends(write: Write) -> None:
    text = COMPARE.read_text(encoding="utf-8").replace(
        "value: 121, unit: 万件,",
        "range: [120, 130], unit: 万件,",
    )
    ds = load([write(text, "range.yaml")], bundled=False)
    (chart,) = bar_charts(compare_metric(ds, "things"))
    assert (chart.national, chart.national_high) == (1_200_000, 1_300_000)
    assert chart.national_label == "大陆 Land 1,200,000–1,300,000 件"


def test_a_long_name_is_cut_in_the_chart_and_whole_in_the_table(invoke: Invoke, write: Write, tmp_path: Path) -> None:
    long = "很长的名字" * 20
    more = write(_regions(2).replace("name_zh: 省1", f"name_zh: {long}"))
    page = _report(invoke, tmp_path / "long.html", "--metric", "things", data=(*FIXTURE, "--data", str(more)))
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", page)
    cut = [t for t in texts if t.startswith("很长的名字")]
    assert cut and all(len(t) <= 36 and t.endswith("…") for t in cut)
    assert f"<td>{long} P1</td>" in page


def test_a_year_with_no_targets_says_so_and_names_the_year(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "y.html"
    result = invoke(*FIXTURE, "report", "--metric", "things", "--year", "2020", "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr == "ipcompare: no targets for things match these options\n"
    page = out.read_text(encoding="utf-8")
    assert "<h1>Briefing: 物件数量 Things · 2020</h1>" in page and "No targets in the data match." in page


def test_one_region_gets_charts_of_what_its_plans_quantify(invoke: Invoke, tmp_path: Path) -> None:
    page = _report(invoke, tmp_path / "north.html", "north")
    assert 'data-chart="bars"' in page and "No chart" not in page


def test_findings_name_the_data_file_not_where_it_lies_on_this_machine(invoke: Invoke, tmp_path: Path) -> None:
    page = _report(invoke, tmp_path / "gi.html", "--metric", "gi-trademarks", data=())
    findings = page[page.index("<h2>Plan checks</h2>") :]
    assert re.search(r"<td>targets\.yaml:\d+</td>", findings)  # the finding, and each figure it used
    assert re.search(r"“地理标志商标新增40件” \(targets\.yaml:\d+\)", findings)
    assert "site-packages" not in findings and "data/targets.yaml" not in findings


def test_a_rerun_with_fewer_charts_leaves_no_old_chart_behind(invoke: Invoke, tmp_path: Path) -> None:
    _report(invoke, tmp_path / "brief.md", "--metric", "things")
    folder = tmp_path / "brief-charts"
    (folder / "notes.txt").write_text("mine", encoding="utf-8")  # not a chart of ours: kept
    _report(invoke, tmp_path / "brief.md", "--metric", "place")  # one chart, where things had two
    assert sorted(p.name for p in folder.iterdir()) == ["01-bars.svg", "notes.txt"]


GROWTH = """\
metrics:
  - {id: output-growth, name_zh: 产出增速, name_en: Output growth, unit: "%", higher_is_better: true}
""" + _plans(
    *(
        _plan(f"{region}-growth", region, f"{region}增长方案", [f"metric: output-growth, year: 2025, {value}, " + rest])
        for region, value, rest in [
            ("land", "range: [-2, 3]", 'unit: "%", comparator: reach, kind: growth-rate, quote: "年均增长-2%至3%"'),
            ("north", "value: -5", 'unit: "%", comparator: reach, kind: growth-rate, quote: "年均增长-5%"'),
            ("south", "value: 0", 'unit: "%", comparator: reach, kind: growth-rate, quote: "年均增长0%"'),
        ]
    )
)


def test_a_fall_is_a_bar_left_of_zero_and_has_no_multiple_of_the_nations(write: Write) -> None:
    from ipcompare.charts import svg

    ds = load([COMPARE, write(GROWTH, "growth.yaml")], bundled=False)
    comparison = compare_metric(ds, "output-growth")
    (chart,) = bar_charts(comparison)
    assert [(b.label, b.value) for b in chart.bars] == [("南省 South", 0), ("北省 North", -5)]
    assert (chart.national, chart.national_high) == (-2, 3)
    ticks = re.findall(r"<text[^>]*>([^<]*)</text>", svg(chart, "1"))
    assert "−6" in ticks or "−5" in ticks  # the axis reaches below zero (matplotlib writes a true minus)
    assert {r.region: r.vs_national for r in comparison.rows} == {"land": None, "north": None, "south": None}


def test_a_range_target_is_drawn_from_its_baseline_to_both_ends(write: Write) -> None:
    from ipcompare.briefing import slope_charts

    target = (
        'metric: things, year: 2025, range: [7, 10], unit: 万件, comparator: reach, kind: level, quote: "7至10万件"'
    )
    base = 'metric: things, year: 2022, value: 3, unit: 万件, comparator: reach, kind: level, quote: "3万件"'
    ranged = _plans(_plan("south-range", "south", "南省区间规划", [target], [base], status="draft"))
    ds = load([COMPARE, write(ranged, "ranged.yaml")], bundled=False)
    (chart,) = slope_charts(ds, compare_metric(ds, "things"))
    (south,) = [s for s in chart.slopes if s.label == "南省 South"]
    assert (south.start_year, south.start, south.end, south.end_high) == (2022, 30_000, 70_000, 100_000)
    assert south.text == "70,000–100,000" and south.draft


def test_per_capita_draws_only_the_bars_and_says_why(invoke: Invoke, tmp_path: Path) -> None:
    page = _report(invoke, tmp_path / "pc.html", "--metric", "things", "--per-capita")
    assert re.findall(r'data-chart="(\w+)"', page) == ["bars"]
    assert "Per 10k people, only the bars are drawn" in page


def test_one_region_with_two_plans_is_briefed_on_every_metric_either_plan_sets(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    flow = 'metric: money, year: 2025, value: 30, unit: 亿元, comparator: reach, kind: flow, quote: "年度融资30亿元"'
    second = write(_plans(_plan("north-money", "north", "北省融资方案", [flow])))
    page = _report(invoke, tmp_path / "north.html", "north", data=(*FIXTURE, "--data", str(second)))
    sections = re.findall(r"<h2>([^<]+)</h2>", page)
    assert "物件数量 Things (things)" in sections and "融资金额 Money raised (money)" in sections
    assert "--shared" not in page  # an option of compare, not of report


def test_a_cut_name_keeps_its_draft_mark(invoke: Invoke, write: Write, tmp_path: Path) -> None:
    long = "很长的名字" * 20
    more = write(COMPARE.read_text(encoding="utf-8").replace("name_zh: 镇市", f"name_zh: {long}"), "long.yaml")
    page = _report(invoke, tmp_path / "d.html", "--metric", "things", data=("--no-bundled", "--data", str(more)))
    labels = [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", page) if t.startswith("很长")]
    assert labels and all(t.endswith("… (draft)") for t in labels)


def test_latest_keeps_a_regions_latest_final_plan_as_compare_does(invoke: Invoke, tmp_path: Path) -> None:
    data = ("--data", str(FIXTURES / "inner_mongolia_14th.yaml"))
    both = _report(invoke, tmp_path / "both.html", "内蒙古", data=data)
    latest = _report(invoke, tmp_path / "latest.html", "内蒙古", "--latest", data=data)
    side = [page.split("<h2>")[1] for page in (both, latest)]  # the side-by-side table; the metric sections
    assert "“十三五”规划" in side[0] and "“十三五”规划" not in side[1]  # list every plan, as metric --region
