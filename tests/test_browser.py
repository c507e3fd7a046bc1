"""The HTML report opened in a real browser (headless Chromium): the charts and tables are there, the bars are
drawn to scale against the national line, no label is cut off, and nothing is wider than the window.

Skipped where there is no Chromium, except where IPCOMPARE_REQUIRE_BROWSER=1 (.ci/run sets it, and installs
Debian's chromium and fonts-noto-cjk), so that CI never passes by skipping it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from browser import executable, measure, png_size, screenshot

if executable() is None:
    if os.environ.get("IPCOMPARE_REQUIRE_BROWSER") == "1":
        raise RuntimeError("IPCOMPARE_REQUIRE_BROWSER=1 but no Chromium is installed (apt-get install chromium)")
    pytest.skip("no Chromium on this machine (apt-get install chromium fonts-noto-cjk)", allow_module_level=True)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's report: high-value patents across the shipped plans."""
    from typer.testing import CliRunner

    from ipcompare.cli import app

    path = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(app, ["report", "--metric", "high-value-patents", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def wide(page: Path) -> dict[str, Any]:
    return measure(page, 1280)


def _chart(measured: dict[str, Any], kind: str) -> dict[str, Any]:
    charts: list[dict[str, Any]] = [c for c in measured["charts"] if c["kind"] == kind]
    assert charts, f"no {kind} chart"
    return charts[0]


def test_the_bar_chart_draws_each_target_to_scale_against_the_national_line(wide: dict[str, Any]) -> None:
    bars = _chart(wide, "bars")
    widths = [b["width"] for b in bars["bars"]]  # 襄阳 6, 泰安 3.6, 青海 1.25 件/万人, best first
    assert len(widths) == 3 and widths == sorted(widths, reverse=True)
    assert widths[0] / widths[1] == pytest.approx(6 / 3.6, rel=0.01)
    assert widths[0] / widths[2] == pytest.approx(6 / 1.25, rel=0.01)
    (line,) = bars["national"]
    origin = bars["bars"][0]["left"]
    assert (line["left"] - origin) / widths[0] == pytest.approx(12 / 6, rel=0.01)  # the nation's 12 件/万人
    labels = {t["text"] for t in bars["texts"]}
    assert {"襄阳市 Xiangyang", "青海省 Qinghai", "6 件/万人"} <= labels
    assert any(t.startswith("national target: 中国 China 12") for t in labels)


def test_targets_and_outcomes_are_both_drawn(wide: dict[str, Any]) -> None:
    outcomes = _chart(wide, "outcomes")
    (reported,) = outcomes["outcomes"]
    (target,) = outcomes["targets"]
    assert reported["top"] < target["top"]  # 16 reported is drawn above the 12 planned


def test_every_label_is_inside_its_chart(wide: dict[str, Any]) -> None:
    for chart in wide["charts"]:
        svg = chart["svg"]
        assert svg is not None and svg["width"] > 300 and svg["height"] > 150
        for text in chart["texts"]:
            inside = (
                text["left"] >= svg["left"] - 1
                and text["right"] <= svg["right"] + 1
                and text["top"] >= svg["top"] - 1
                and text["bottom"] <= svg["bottom"] + 1
            )
            assert inside, f"{chart['kind']}: {text['text']!r} is cut off at the chart's edge"


def test_the_tables_are_there_and_fit_the_window(wide: dict[str, Any]) -> None:
    captions = [t["caption"] for t in wide["tables"]]
    assert captions[0].startswith("每万人口高价值发明专利拥有量 High-value invention patents per 10k people")
    assert [t["rows"] for t in wide["tables"]][:2] == [5, 1]  # the metric table; progress: high-value patents met
    assert wide["scrollWidth"] <= wide["innerWidth"]
    for table in wide["tables"]:
        assert table["scrollWidth"] <= table["clientWidth"], f"{table['caption']} is wider than the page"


def test_on_a_phone_the_page_does_not_overflow_only_a_wide_table_scrolls(page: Path) -> None:
    narrow = measure(page, 400)
    assert narrow["scrollWidth"] <= narrow["innerWidth"]
    for chart in narrow["charts"]:
        assert chart["svg"]["right"] <= narrow["innerWidth"]  # charts shrink to the window


def test_a_screenshot_of_the_page_itself(page: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.png"
    screenshot(page, out, 1280, 1600)
    assert png_size(out) == (1280, 1600)
    assert out.stat().st_size > 50_000  # charts and tables drawn, not a blank page (a white one is ~10 KB)
