"""The commands as an analyst uses them: what they show, in every format, and how they fail."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PLAN, Invoke, Write
from wcwidth import wcswidth

import ipcompare
from ipcompare.cli import app
from ipcompare.render import Format, render
from ipcompare.tables import Column, Table

DATA = ipcompare.load(env=False)


def test_plans_lists_every_plan_with_the_draft_marked(invoke: Invoke) -> None:
    result = invoke("plans")
    assert result.exit_code == 0
    for plan in DATA.plans:
        assert plan.id in result.stdout
    taian_line = next(line for line in result.stdout.splitlines() if "taian-strong-city-draft" in line)
    assert "DRAFT" in taian_line
    assert sum("DRAFT" in line for line in result.stdout.splitlines()) == 1


def test_plans_json_rows(invoke: Invoke) -> None:
    rows = json.loads(invoke("plans", "--format", "json").stdout)
    assert {r["id"] for r in rows} == {p.id for p in DATA.plans}
    for row in rows:
        assert {"id", "region", "region_zh", "level", "title_zh", "status", "issued", "period"} <= row.keys()
    taian = next(r for r in rows if r["region"] == "taian")
    assert (taian["status"], taian["region_zh"], taian["level"]) == ("draft", "泰安市", "prefecture")
    xuancheng = next(r for r in rows if r["region"] == "xuancheng")
    assert (xuancheng["doc_number"], xuancheng["issued"]) == ("宣政办秘〔2019〕76号", "2019-09-05")


@pytest.mark.parametrize("plan", [p.id for p in DATA.plans])
def test_show_lists_every_target_and_baseline_with_its_quote(invoke: Invoke, plan: str) -> None:
    rows = json.loads(invoke("show", plan, "-f", "json").stdout)
    expected = DATA.plan(plan)
    assert [r["quote"] for r in rows if r["role"] == "target"] == [t.quote for t in expected.targets]
    assert [r["quote"] for r in rows if r["role"] == "baseline"] == [b.quote for b in expected.baselines]
    table = invoke("show", plan).stdout
    assert expected.title_zh.split("（")[0] in table.replace("\n", "")


def test_show_gives_the_baseline_beside_the_target(invoke: Invoke) -> None:
    rows = json.loads(invoke("show", "xiangyang-14th-fyp", "-f", "json").stdout)
    per10k = next(
        r for r in rows if r["metric"] == "invention-patents-per-10k" and r["kind"] == "level" and r["role"] == "target"
    )
    assert (per10k["value"], per10k["baseline"]["value"], per10k["baseline"]["year"]) == (12, 4.09, 2020)
    row = next(
        line
        for line in invoke("show", "xiangyang-14th-fyp", "-f", "markdown").stdout.splitlines()
        if "invention-patents-per-10k" in line and "| 12 件" in line
    )
    assert "| 4.09 件 (2020)" in row


def test_show_accepts_a_region_name_and_suggests_on_a_miss(invoke: Invoke) -> None:
    assert invoke("show", "襄阳", "-f", "json").exit_code == 0
    result = invoke("show", "xiangyang-14th")
    assert result.exit_code == 0
    result = invoke("show", "xiangyan-14th-fp")
    assert result.exit_code == 2
    assert result.stderr == (
        "ipcompare: error: unknown plan 'xiangyan-14th-fp' (did you mean "
        "'xiangyang-14th-fyp'?); 'ipcompare plans' lists them\n"
    )


def test_metrics_counts_the_plans_setting_each_metric(invoke: Invoke) -> None:
    rows = json.loads(invoke("metrics", "-f", "json").stdout)
    by_id = {r["id"]: r for r in rows}
    assert set(by_id["high-value-patents"]["plan_ids"]) == {
        "china-14th-fyp",
        "qinghai-ip-power-2021",
        "xiangyang-14th-fyp",
        "taian-strong-city-draft",
    }
    assert by_id["high-value-patents"]["plans"] == 4
    assert rows[0]["plans"] >= rows[-1]["plans"]
    for required in (
        "high-value-patents",
        "invention-patents-per-10k",
        "trademarks",
        "pledge-financing",
        "gi-count",
        "copyright-registrations",
        "madrid-trademarks",
        "pct-applications",
        "invention-grants",
        "patent-intensive-gdp-share",
        "copyright-industry-gdp-share",
        "protection-satisfaction",
        "well-known-trademarks",
        "enforcement-closure-rate",
    ):
        assert required in by_id


def test_csv_is_utf8_and_parses_back(invoke: Invoke) -> None:
    text = invoke("show", "taian-strong-city-draft", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(DATA.plan("taian-strong-city-draft").targets)
    assert rows[0]["quote"] == "每万人口高价值发明专利达到3.6件"
    assert rows[0]["value"] == "3.6"
    assert rows[1]["value"] == "9" and rows[1]["unit"] == "万件"


def _display_widths(text: str) -> set[int]:
    return {wcswidth(line) for line in text.splitlines() if line.startswith("|")}


@pytest.mark.parametrize("command", [["plans"], ["metrics"], ["show", "xiangyang-14th-fyp"]])
def test_markdown_is_one_table_aligned_for_wide_characters(invoke: Invoke, command: list[str]) -> None:
    text = invoke(*command, "-f", "markdown").stdout
    table_lines = [line for line in text.splitlines() if line.startswith("|")]
    assert len(table_lines) >= 3 and set(table_lines[1]) <= set("|-: ")
    assert len(_display_widths(text)) == 1, "columns do not line up in a plain editor"


def test_rich_table_lines_up_chinese_text(invoke: Invoke) -> None:
    text = invoke("plans").stdout
    widths = {wcswidth(line) for line in text.splitlines() if line[:1] in "┏┃┡│├└"}
    assert len(widths) == 1


def _table(cell: str) -> Table[dict[str, str]]:
    columns: tuple[Column[dict[str, str]], ...] = (Column("A", lambda r: r["a"]), Column("B", lambda r: "x"))
    return Table(columns, [{"a": cell}])


def test_data_strings_are_never_markup_or_escapes() -> None:
    out = io.StringIO()
    render(_table("[bold red]危险[/bold red] \x1b[31mred"), Format.TABLE, out)
    assert "[bold red]危险[/bold red]" in out.getvalue()
    assert "\x1b" not in out.getvalue() and "\\x1b[31mred" in out.getvalue()


def test_markdown_cells_escape_pipes_and_newlines() -> None:
    out = io.StringIO()
    render(_table("a|b\nc"), Format.MARKDOWN, out)
    row = out.getvalue().splitlines()[2]
    assert "a\\|b<br>c" in row and row.count("|") - row.count("\\|") == 3


def test_markup_in_a_user_plan_title_shows_literally(invoke: Invoke, write: Write) -> None:
    mine = write(PLAN.replace("title_zh: 我的规划", 'title_zh: "[red]我的规划[/red]"'))
    result = invoke("--data", str(mine), "show", "my-plan")
    assert result.exit_code == 0
    assert "[red]我的规划[/red]" in result.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_output_file_gets_the_same_content(invoke: Invoke, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"plans.{fmt}"
    result = invoke("plans", "-f", fmt, "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    written = target.read_text(encoding="utf-8")
    assert "taian-strong-city-draft" in written
    assert written == invoke("plans", "-f", fmt).stdout
    assert "\x1b" not in written
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_unwritable_output_is_one_line_and_leaves_nothing(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "out.md"
    result = invoke("plans", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == f"ipcompare: error: cannot write {target}: No such file or directory\n"
    assert not target.parent.exists()


def test_a_failed_load_does_not_touch_the_output_file(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous report", encoding="utf-8")
    result = invoke("--data", str(tmp_path / "nope.yaml"), "plans", "-f", "csv", "-o", str(target))
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "previous report"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["plans", "--frmat", "json"],
            "No such option: --frmat (Possible options: --data, --format) (see 'ipcompare plans --help')",
        ),
        (["plans", "-f", "xml"], "'xml' is not one of 'table', 'markdown', 'csv', 'json'"),
        (["compar"], "No such command 'compar'"),
        (["compare"], "Missing argument 'REGION...'"),
        (["show"], "Missing argument 'PLAN'"),
    ],
)
def test_usage_errors_are_one_line_with_exit_2(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("ipcompare: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr


def test_version_and_bare_command(invoke: Invoke) -> None:
    assert invoke("--version").stdout == f"ipcompare {ipcompare.__version__}\n"
    bare = invoke()
    assert bare.exit_code == 0 and "Commands:" in bare.stdout


def test_every_command_has_help_text(invoke: Invoke) -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert set(names) >= {"plans", "show", "metrics", "metric", "compare", "diff", "validate"}
    for name in names:
        result = invoke(name, "--help")
        assert result.exit_code == 0
        description = result.stdout.split("\n\n")[1].strip()
        assert len(description) > 20, name
    for option in ("--format", "--output", "--excel", "--data", "--no-bundled"):
        assert option in invoke("plans", "--help").stdout
    metric_help = invoke("metric", "--help").stdout
    for option in ("--year", "--level", "--region", "--status", "--per-capita", "--unit", "--lang", "--excel"):
        assert option in metric_help
    for option in ("--metric", "--national", "--lang"):
        assert option in invoke("compare", "--help").stdout


def _run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "IPCOMPARE_DATA"} | (env or {})
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=full_env, timeout=60, check=False
    )


def test_real_subprocess_from_outside_the_repository(tmp_path: Path) -> None:
    ok = _run("-m", "ipcompare", "plans", "-f", "json", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert len(json.loads(ok.stdout)) == len(DATA.plans)
    table = _run("-m", "ipcompare", "metric", "高价值发明专利", "-f", "markdown", cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    assert "| 襄阳市 Xiangyang" in table.stdout and "| 6 件" in table.stdout
    bad = _run("-m", "ipcompare", "metrics", "--format", "yaml", cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.startswith("ipcompare: error: Invalid value for '--format'")
    assert "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1


def test_help_and_json_do_not_import_rich_or_tabulate(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom ipcompare.cli import app\n"
        "for args in (['--help'], ['plans', '-f', 'json'], ['metric', 'trademarks', '-f', 'json']):\n"
        "    try:\n        app(args, prog_name='ipcompare')\n    except SystemExit:\n        pass\n"
        "print(sorted(m for m in ('rich', 'tabulate') if m in sys.modules))\n"
    )
    result = _run("-c", probe, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]")


def test_output_to_a_directory_is_refused_and_leaves_no_temp_file(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("plans", "-f", "csv", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"ipcompare: error: cannot write {tmp_path}: ")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("columns", "widest"), [("100", 100), ("wide", 200)])
def test_piped_table_width_follows_columns(monkeypatch: pytest.MonkeyPatch, columns: str, widest: int) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    out = io.StringIO()
    render(_table("很长的文字" * 40), Format.TABLE, out)
    assert max(wcswidth(line) for line in out.getvalue().splitlines()) == widest
