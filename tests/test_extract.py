"""`ipcompare extract` drafts a plan from its text, and `validate` reads every curated quote back."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, SOURCES, Invoke

import ipcompare
from ipcompare.extract import _catalogue, extract, match
from ipcompare.reader import ReadKind, read

SEEDS = sorted(SOURCES.glob("00*.txt"))


def _draft(invoke: Invoke, tmp_path: Path, *files: Path) -> tuple[Path, Any]:
    out = tmp_path / "draft.yaml"
    result = invoke("extract", *map(str, files), "-o", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    return out, yaml.safe_load(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_the_draft_of_each_seed_passes_validate_sources(invoke: Invoke, tmp_path: Path, seed: Path) -> None:
    out, _ = _draft(invoke, tmp_path, seed)
    result = invoke("validate", str(out), "--sources", str(SOURCES))
    assert result.exit_code == 0, result.stderr
    assert re.search(r"ok: .*draft\.yaml: 1 plan, \d+ targets? and baselines?", result.stdout)
    assert "not found" not in result.stdout + result.stderr


def test_a_draft_holds_the_plans_figures_matched_to_the_catalogue(invoke: Invoke, tmp_path: Path) -> None:
    _, draft = _draft(invoke, tmp_path, SOURCES / "002_0dde06b395c12430.txt")
    plan = draft["plans"][0]
    assert plan["region"] == "xiangyang"
    assert (plan["period"], plan["status"]) == ({"start": 2021, "end": 2025}, "final")
    assert plan["id"] != "xiangyang-14th-fyp"  # the shipped plan's id is taken: the draft gets its own
    targets = {(t["metric"], t["kind"]): t for t in plan["targets"]}
    level = targets[("high-value-patents", "level")]
    assert (level["value"], level["unit"], level["comparator"], level["year"]) == (6, "件", "reach", 2025)
    assert targets[("high-value-patents", "growth-rate")]["value"] == 43
    assert targets[("trademarks", "level")]["quote"] == "有效注册商标总量突破8.5万件"
    baselines = {(b["metric"], b["value"]) for b in plan["baselines"]}
    assert ("invention-patents-per-10k", 4.09) in baselines


def test_metadata_of_a_gazette_page_and_a_draft(tmp_path: Path) -> None:
    data = ipcompare.load()
    xuancheng = extract((SOURCES / "001_d55733f8a75cea65.txt").read_text(encoding="utf-8"), data, "x.txt").meta
    assert (xuancheng.doc_number, xuancheng.region, xuancheng.draft) == ("宣政办秘〔2019〕76号", "xuancheng", False)
    taian = extract((SOURCES / "003_5d042cf0ad576120.txt").read_text(encoding="utf-8"), data, "t.txt").meta
    assert (taian.draft, taian.region, taian.period) == (True, "taian", (2021, 2035))
    inner = extract((SOURCES / "004_91e6a8df366a2355.txt").read_text(encoding="utf-8"), data, "i.txt").meta
    assert (inner.doc_number, inner.issued, inner.period) == ("内政办发〔2017〕50号", "2017-03-31", (2016, 2020))


@pytest.mark.parametrize(
    ("indicator", "metric"),
    [
        ("每万人口高价值发明专利拥有量", "high-value-patents"),
        ("万人高价值发明专利拥有量", "high-value-patents"),
        ("每万人口高价值发明专利", "high-value-patents"),
        ("每万人发明专利拥有量", "invention-patents-per-10k"),
        ("有效发明专利拥有量", "invention-patents-in-force"),
        ("全市有效注册商标总量", "trademarks"),
        ("地理标志证明商标", "gi-certification-marks"),
        ("年度PCT国际专利申请量", "pct-applications"),
    ],
)
def test_indicators_match_the_catalogue_by_name_and_alias(indicator: str, metric: str) -> None:
    catalogue = _catalogue(ipcompare.load().metrics)
    readings = read(f"到2025年，{indicator}达到12件。", period=(2021, 2025))
    assert [match(r, catalogue)[0] for r in readings] == [metric]


def test_a_count_never_matches_a_per_head_metric_and_a_share_never_a_count() -> None:
    catalogue = _catalogue(ipcompare.load().metrics)
    (count,) = read("到2025年，高价值发明专利拥有量达到3万件。", period=(2021, 2025))
    assert match(count, catalogue)[0] != "high-value-patents"
    (share,) = read("到2025年，有效注册商标占比达到30%。", period=(2021, 2025))
    assert share.kind == ReadKind.SHARE
    assert match(share, catalogue)[0] != "trademarks"


def test_an_unknown_indicator_gets_a_proposed_metric_marked_for_review(invoke: Invoke, tmp_path: Path) -> None:
    text = tmp_path / "plan.txt"
    text.write_text(
        "某市知识产权“十四五”规划\n二、发展目标\n到2025年，知识产权公共服务网点达到30个。\n", encoding="utf-8"
    )
    out, draft = _draft(invoke, tmp_path, text)
    (metric,) = draft["metrics"]
    assert (metric["name_zh"], metric["unit"]) == ("知识产权公共服务网点", "个")
    (target,) = draft["plans"][0]["targets"]
    assert target["metric"] == metric["id"] and "Review" in target["note"]
    assert draft["regions"][0]["name_zh"] == "某市"
    assert invoke("validate", str(out)).exit_code == 0


@pytest.mark.parametrize("encoding", ["gb18030", "html"])
def test_gb18030_text_and_html_pages_give_the_figures_of_the_utf8_text(
    invoke: Invoke, tmp_path: Path, encoding: str
) -> None:
    utf8 = SOURCES / "003_5d042cf0ad576120.txt"
    text = utf8.read_text(encoding="utf-8")
    if encoding == "html":
        body = "".join(f"<p>{line}</p>\n" for line in text.splitlines())
        other = tmp_path / "plan.html"
        other.write_text(
            f'<html><head><meta charset="gbk"><script>var x="达到99件";</script></head><body>{body}</body></html>',
            encoding="gb18030",
        )
    else:
        other = tmp_path / "plan.txt"
        other.write_bytes(text.encode("gb18030"))
    want = json.loads(invoke("extract", str(utf8), "--format", "json").stdout)
    got = json.loads(invoke("extract", str(other), "--format", "json").stdout)
    assert [(r["metric"], r["value"], r["quote"]) for r in got] == [(r["metric"], r["value"], r["quote"]) for r in want]


def test_candidates_as_json_carry_quote_kind_and_review_notes(invoke: Invoke) -> None:
    result = invoke("extract", str(SOURCES / "000_72cd5337cb8fe56a.txt"), "--format", "json")
    rows = json.loads(result.stdout)
    pledge = next(r for r in rows if r["metric"] == "pledge-financing")
    assert pledge["quote"] == "知識產(chǎn)權質(zhì)押融資登記金額新增12億元"  # the source's own characters
    assert (pledge["value"], pledge["unit"], pledge["kind"]) == (12, "亿元", "unclear")
    assert pledge["notes"]


_UNREAD_PLAN = "某市知识产权“十四五”规划\n到2025年，有效注册商标量达到5万件，知识产权侵权案件发生率不超过5%。\n"


def test_numbers_not_read_are_notes_under_the_human_tables(invoke: Invoke, tmp_path: Path) -> None:
    """The table and markdown views say each number seen but not read, as the draft's comments do: words, file, why."""
    text = tmp_path / "plan.txt"
    text.write_text(_UNREAD_PLAN, encoding="utf-8")
    for fmt in ("table", "markdown"):
        shown = invoke("extract", str(text), "--format", fmt).stdout
        line = next(ln for ln in shown.splitlines() if "不超过5%" in ln and "知识产权侵权案件发生率" in ln)
        assert "plan.txt" in line and "ceiling" in line, line
        assert "有效注册商标量达到5万件" in shown


def test_numbers_not_read_follow_the_figures_in_json_and_csv_with_the_same_fields(
    invoke: Invoke, tmp_path: Path
) -> None:
    """JSON stays a list of rows of one shape: the figures as before, then each number not read (role unread)."""
    text = tmp_path / "plan.txt"
    text.write_text(_UNREAD_PLAN, encoding="utf-8")
    rows = json.loads(invoke("extract", str(text), "--format", "json").stdout)
    assert [r["role"] for r in rows] == ["target", "unread"]
    figure, unread = rows
    assert (figure["metric"], figure["value"], figure["unit"]) == ("trademarks", 5, "万件")
    assert list(unread) == list(figure)
    assert unread["quote"] == "知识产权侵权案件发生率不超过5%" and unread["value"] is None
    assert "ceiling" in unread["notes"][0]
    csv_lines = invoke("extract", str(text), "--format", "csv").stdout.splitlines()
    assert len(csv_lines) == 3 and csv_lines[2].split(",")[1] == "unread"


def test_a_truncated_document_gives_no_figure_for_its_last_sentence(invoke: Invoke, tmp_path: Path) -> None:
    text = tmp_path / "cut.txt"
    text.write_text("二、发展目标\n到2025年，有效发明专利达到2万件，质押融资登记金额达到12", encoding="utf-8")
    rows = json.loads(invoke("extract", str(text), "--format", "json").stdout)
    assert [r["value"] for r in rows] == [2]


def test_extract_of_a_missing_file_is_one_line(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("extract", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and "nope.txt" in result.stderr


# -- validate reads each quote back ---------------------------------------------------------------------------


def _copy_of_the_data(tmp_path: Path) -> Path:
    shutil.copytree(SOURCES, tmp_path / "sources")
    copy = tmp_path / "targets.yaml"
    shutil.copy(REPO / "data" / "targets.yaml", copy)
    return copy


def _change(path: Path, quote: str, key: str, old: str, new: str) -> int:
    """Change `key: old` to `key: new` in the figure quoting `quote`; return the changed line's number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip() == f'quote: "{quote}"')
    start = max(i for i in range(at) if lines[i].lstrip().startswith("- metric:"))
    index = next(i for i in range(start, at) if lines[i].strip() == f"{key}: {old}")
    lines[index] = lines[index].replace(f"{key}: {old}", f"{key}: {new}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def test_the_shipped_data_passes_strict(invoke: Invoke) -> None:
    result = invoke("validate", "--strict")
    assert (result.exit_code, result.stderr) == (0, "")


def test_strict_reports_a_changed_value_comparator_and_kind_at_their_lines(invoke: Invoke, tmp_path: Path) -> None:
    copy = _copy_of_the_data(tmp_path)
    value = _change(copy, "每萬人口高價值發(fā)明專利擁有量達到1.25件", "value", "1.25", "1.5")
    comparator = _change(copy, "有效注册商标总量突破8.5万件", "comparator", "exceed", "reach")
    kind = _change(copy, "年度PCT国际专利申请量超过100件", "kind", "flow", "level")
    at_least = _change(copy, "知识产权行政执法结案率达到90%以上", "comparator", "at-least", "reach")
    warned = invoke("validate", "--no-bundled", "--data", str(copy))
    assert warned.exit_code == 0
    assert "4 warnings" in warned.stdout
    result = invoke("validate", "--no-bundled", "--data", str(copy), "--strict")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "ipcompare: 4 figures whose quote reads otherwise (--strict)"
    expected = {
        value: "value 1.5 件, but the quote says 1.25 件",
        comparator: "comparator reach, but the quote says exceed",
        kind: "kind level, but the quote says flow (年度)",
        at_least: "comparator reach, but the quote says at-least",
    }
    for line_number, words in expected.items():
        assert any(line.startswith(f"{copy}:{line_number}: ") and words in line for line in lines), (words, lines)


def test_excel_with_a_yaml_draft_is_one_line_naming_the_option(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    result = invoke("extract", str(SOURCES / "003_5d042cf0ad576120.txt"), "--excel", "-o", str(out))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "ipcompare: error: --excel: only with --format csv, not --format yaml\n"
    assert not out.exists()


def test_numbers_seen_and_not_read_are_said_in_the_draft(invoke: Invoke, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "遵义市知识产权“十四五”规划\n到2025年，发明专利申请量、授权量和PCT国际专利申请量分别达到3000件、1200件。\n",
        encoding="utf-8",
    )
    out, draft = _draft(invoke, tmp_path, plan)
    assert "targets" not in draft["plans"][0]
    assert "see the comments" in draft["plans"][0]["notes"]
    text = out.read_text(encoding="utf-8")
    assert "# Seen but not read" in text
    assert "分别达到3000件、1200件 (plan.txt): 分别 (respectively) pairs 3 indicators" in text


@pytest.mark.parametrize("period", ["（2021—2035年）", "(2021-2035年)", "（2021—2035）"])
def test_a_title_that_ends_with_its_period_is_the_title(period: str) -> None:
    text = f"南平市知识产权强市建设纲要{period}\n到2025年，每万人口高价值发明专利拥有量达到3件。\n"
    meta = extract(text, ipcompare.load(), "plan.txt").meta
    assert meta.title is not None and meta.title.startswith("南平市知识产权强市建设纲要(2021")
    assert meta.period == (2021, 2035)


def test_a_figure_without_a_year_is_listed_without_a_python_none(invoke: Invoke, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("滁州市知识产权工作要点\n有效注册商标量达到8万件。\n", encoding="utf-8")
    out, _ = _draft(invoke, tmp_path, plan)
    text = out.read_text(encoding="utf-8")
    assert "#   有效注册商标量达到8万件 (target): no year" in text
    assert "None" not in text


def test_a_text_with_only_numbers_not_read_says_them_on_the_screen(invoke: Invoke, tmp_path: Path) -> None:
    """No figure to tabulate: the message, then each number seen but not read (a ceiling here), on stderr."""
    document = tmp_path / "plan.txt"
    document.write_text("某市知识产权规划\n到2025年，知识产权侵权案件发生率控制在5%以内。\n", encoding="utf-8")
    result = invoke("extract", str(document), "-f", "table")
    assert result.exit_code == 0 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "ipcompare: no quantified figure was read; 1 number seen but not read:"
    assert lines[1].startswith("  Not read: 知识产权侵权案件发生率控制在5%以内 (plan.txt): 控制在: a ceiling")


@pytest.mark.parametrize(
    ("words", "scope"), [("高新技术企业发明专利拥有量", "高新技术企业"), ("规上企业有效发明专利", "规上")]
)
def test_an_indicator_narrower_than_its_metric_keeps_the_match_and_says_the_scope(
    invoke: Invoke, tmp_path: Path, words: str, scope: str
) -> None:
    """高新技术企业发明专利拥有量 is matched to the all-holders metric, and the draft asks about the scope."""
    text = tmp_path / "plan.txt"
    text.write_text(f"一、主要目标\n到2025年，{words}达到2.5万件。\n", encoding="utf-8")
    _, draft = _draft(invoke, tmp_path, text)
    [target] = draft["plans"][0]["targets"]
    assert (target["metric"], target["value"], target["quote"]) == (
        "invention-patents-in-force",
        2.5,
        f"{words}达到2.5万件",
    )
    assert f"counts only {scope}: check the metric or give it a scope" in target["note"]
    shown = invoke("extract", str(text), "--format", "markdown").stdout
    assert f"counts only {scope}" in shown
