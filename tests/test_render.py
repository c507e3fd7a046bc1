"""render.py under hostile input and odd environments: CSV that spreadsheets open safely (--excel), and
terminal tables that fit a real terminal without breaking a number, a year, a rank or a unit across lines."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any, TextIO

import pytest
from conftest import FIXTURES, SOURCES, Invoke, Write
from wcwidth import wcswidth, wcwidth

import ipcompare
import ipcompare.render as render_module
from ipcompare.cells import cell_len, chop_cells
from ipcompare.render import BOM, Format, _drawable, _groups, _Layout, _layout, _wrap, excel_cell, render
from ipcompare.tables import Column, Table

DATA = ipcompare.load(env=False)

# --- CSV for spreadsheets (OWASP, CSV Injection) ----------------------------------------------------------------

PAYLOAD = "cmd|' /C calc'!A0"


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_excel_prefixes_a_cell_that_starts_a_formula(lead: str) -> None:
    assert excel_cell(lead + PAYLOAD) == "'" + lead + PAYLOAD


@pytest.mark.parametrize("number", ["-12", "-3.5", "+5%", "-3.5%", "-85,000", "+0.4", "12", "2025"])
def test_excel_leaves_a_plain_number_a_number(number: str) -> None:
    assert excel_cell(number) == number


@pytest.mark.parametrize("text", ["-4.8 pp", "+0.4 件", "-1+1", "+5% stated", "-", "-3.5%x", "=1", "@SUM(A1)", "-1e5"])
def test_excel_prefixes_text_after_a_sign(text: str) -> None:
    assert excel_cell(text) == "'" + text


def test_excel_leaves_other_text_alone() -> None:
    for text in ("", "中国", "> 8.5 万件", "≥ 80 分", "— ", " =1+1", "a=b"):
        assert excel_cell(text) == text


def _matrix(*cells: str, header: str = "Plan") -> Table[str]:
    columns: tuple[Column[str], ...] = (Column(header, lambda r: r), Column("Note", lambda r: "x"))
    return Table(columns, list(cells), matrix=True)


def _flat(rows: list[dict[str, Any]]) -> Table[dict[str, Any]]:
    return Table((Column("Quote", lambda r: str(r["quote"])),), rows)


def _csv(table: Table[Any], excel: bool) -> list[list[str]]:
    out = io.StringIO()
    render(table, Format.CSV, out, excel=excel)
    text = out.getvalue()
    assert text.startswith(BOM) == excel
    return list(csv.reader(io.StringIO(text.removeprefix(BOM))))


def test_excel_matrix_csv_neutralises_cells_and_headers() -> None:
    rows = _csv(_matrix("=" + PAYLOAD, "-3.5", "-4.8 pp", "\r=1", header="@x"), excel=True)
    assert rows[0] == ["'@x", "Note"]
    # a carriage return is escaped as always (\x0d), after the prefix
    assert [r[0] for r in rows[1:]] == ["'=" + PAYLOAD, "-3.5", "'-4.8 pp", "'\\x0d=1"]


def test_excel_flattened_csv_neutralises_text_and_keeps_numbers() -> None:
    rows = _csv(_flat([{"quote": "=" + PAYLOAD, "value": -3.5, "change": "-12", "count": -12.0}]), excel=True)
    assert rows == [["quote", "value", "change", "count"], ["'=" + PAYLOAD, "-3.5", "-12", "-12"]]


def test_csv_without_excel_is_written_as_is() -> None:
    out = io.StringIO()
    render(_matrix("=" + PAYLOAD, "-4.8 pp", header="@x"), Format.CSV, out)
    assert out.getvalue() == f"@x,Note\n={PAYLOAD},x\n-4.8 pp,x\n"
    out = io.StringIO()
    render(_flat([{"quote": "+" + PAYLOAD, "value": -3.5}]), Format.CSV, out)
    assert out.getvalue() == f"quote,value\n+{PAYLOAD},-3.5\n"


EVIL = f"""\
metrics:
  - id: trademarks
    name_zh: 有效注册商标量
    name_en: Registered trademarks in force
    unit: 件
    higher_is_better: true
regions:
  - id: nation
    name_zh: 国家
    name_en: Nation
    level: national
  - id: evilville
    name_zh: "=1+1市"
    name_en: "@Evilville"
    level: province
    parent: nation
plans:
  - id: evil-plan
    region: evilville
    title_zh: "={PAYLOAD}"
    title_en: "+Evil plan"
    period: {{start: 2021, end: 2025}}
    status: final
    targets:
      - metric: trademarks
        year: 2025
        value: 9
        unit: 万件
        comparator: reach
        kind: level
        quote: "={PAYLOAD} 有效注册商标量达到9万件"
"""


def _cli_csv(invoke: Invoke, write: Write, *args: str) -> list[dict[str, str]]:
    result = invoke("--no-bundled", "--data", str(write(EVIL)), *args, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout.removeprefix(BOM))))


def test_excel_csv_from_the_command_line_neutralises_a_quote_and_a_title(invoke: Invoke, write: Write) -> None:
    (figure,) = _cli_csv(invoke, write, "show", "evil-plan", "--excel")
    assert figure["quote"] == f"'={PAYLOAD} 有效注册商标量达到9万件"
    assert figure["value"] == "9" and figure["year"] == "2025"
    (plan,) = _cli_csv(invoke, write, "plans", "--excel")
    assert (plan["title_zh"], plan["title_en"], plan["region_zh"]) == (f"'={PAYLOAD}", "'+Evil plan", "'=1+1市")
    (row,) = _cli_csv(invoke, write, "metric", "trademarks", "--excel")
    assert row["plan_zh"] == f"'={PAYLOAD}" and row["normalized.value"] == "90000"
    result = invoke("--no-bundled", "--data", str(write(EVIL)), "compare", "evilville", "-f", "csv", "--excel")
    (target,) = csv.DictReader(io.StringIO(result.stdout.removeprefix(BOM)))  # the tidy form: one row a target
    assert (target["region_zh"], target["plan_zh"], target["normalized_value"]) == ("'=1+1市", f"'={PAYLOAD}", "90000")
    wide = invoke("--no-bundled", "--data", str(write(EVIL)), "compare", "evilville", "-f", "csv", "--wide", "--excel")
    assert next(csv.reader(io.StringIO(wide.stdout.removeprefix(BOM)))) == ["Metric", "'=1+1市 @Evilville"]


def test_csv_from_the_command_line_without_excel_is_unchanged(invoke: Invoke, write: Write) -> None:
    (figure,) = _cli_csv(invoke, write, "show", "evil-plan")
    assert figure["quote"] == f"={PAYLOAD} 有效注册商标量达到9万件"
    (plan,) = _cli_csv(invoke, write, "plans")
    assert plan["title_zh"] == f"={PAYLOAD}"


# --- terminal tables that fit ---------------------------------------------------------------------------------

INNER_MONGOLIA_NEXT = str(FIXTURES / "inner_mongolia_14th.yaml")
TAIAN_FINAL = str(FIXTURES / "taian_final.yaml")
COMMANDS: dict[str, list[str]] = {
    "metric": ["metric", "trademarks"],
    "metric per capita zh": ["metric", "trademarks", "--per-capita", "--lang", "zh"],
    "metric with parts": ["metric", "pledge-financing"],
    "metric national": ["metric", "high-value-patents"],
    "compare": ["compare", "襄阳", "泰安", "青海", "--national"],
    "show": ["show", "xiangyang-14th-fyp"],
    "plans": ["plans"],
    "metrics": ["metrics"],
    "diff": ["--data", TAIAN_FINAL, "diff", "taian-strong-city-draft", "taian-strong-city-final"],
    "progress": [
        "--data",
        INNER_MONGOLIA_NEXT,
        "progress",
        "inner-mongolia-13th-fyp",
        "inner-mongolia-14th-made-up",
    ],
    "extract": ["extract", str(SOURCES / "003_5d042cf0ad576120.txt"), "--format", "table"],
}

#: A line of a cell that ends a number (or a comparator) ...
_ENDS_NUMBER = re.compile(r"(?:\d|[<>≤≥≈=])$")
#: ... must not be followed by a line that goes on with it: a digit, a decimal part, a percent sign, a unit.
_GOES_ON = re.compile(r"^(?:[\d%‰×.,]|[万亿千百件个家项名人所户次批条篇部种台套座支元分位年])")
#: The numbers of a cell as markdown shows it, each with its comparator and unit where it has them.
_NUMBERS = re.compile(
    r"(?:[<>≤≥≈=] )?(?:(?<![0-9A-Za-z])[-+])?\d(?:[\d,.]*\d)?(?:[–~-]\d(?:[\d,.]*\d)?)?"
    r"(?: ?(?:%|×|[万亿千]?[件个家项元分](?:/万人)?))?"
)


def _offsets(line: str) -> list[int]:
    """The cell column at which each character of `line` starts (wide characters take two)."""
    offsets, at = [], 0
    for char in line:
        offsets.append(at)
        at += max(wcwidth(char), 0)
    return offsets


def _split(line: str, bounds: list[int]) -> list[str]:
    """`line` cut at the cell columns of the table's rules, each piece stripped."""
    cells: list[str] = [""] * (len(bounds) - 1)
    for char, at in zip(line, _offsets(line), strict=True):
        for i in range(len(bounds) - 1):
            if bounds[i] < at < bounds[i + 1]:
                cells[i] += char
    return [c.strip() for c in cells]


def _parse(text: str) -> tuple[list[list[str]], list[list[list[str]]]]:
    """A rich table as header cells and rows of cells, each cell a list of its lines."""
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("┏"))
    bounds = [at for char, at in zip(lines[top], _offsets(lines[top]), strict=True) if char in "┏┳┓"]
    header: list[list[str]] = [[] for _ in bounds[1:]]
    rows: list[list[list[str]]] = []
    current = header
    for line in lines[top + 1 :]:
        if line[:1] in "┡├":
            current = [[] for _ in bounds[1:]]
            rows.append(current)
        elif line[:1] == "└":
            break
        else:
            for cell, piece in zip(current, _split(line, bounds), strict=True):
                if piece:
                    cell.append(piece)
    return header, rows


def _joined(lines: list[str]) -> str:
    """A cell's lines as one text: a space between words, none after a hyphen or next to Chinese."""
    text = ""
    for line in lines:
        wide = text[-1:] and (wcwidth(text[-1]) == 2 or wcwidth(line[0]) == 2)
        text += line if not text or text.endswith("-") or wide else " " + line
    return text


def _markdown(text: str) -> tuple[list[str], list[list[str]]]:
    rows = [line for line in text.splitlines() if line.startswith("|")]
    cells = [[c.strip().replace("<br>", "\n") for c in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]
    return cells[0], cells[2:]


def _table(invoke: Invoke, args: list[str], columns: int, fmt: str = "table") -> str:
    args = list(args)
    if "--format" in args:
        args[args.index("--format") + 1] = fmt
    else:
        args += ["--format", fmt]
    result = invoke(*args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("command", COMMANDS)
def test_no_number_is_split_across_lines(invoke: Invoke, command: str, columns: int) -> None:
    text = _table(invoke, COMMANDS[command], columns)
    box = [line for line in text.splitlines() if line[:1] in "┏┃┡│├└" and line[-1:] in "┓┃┩│┤┘"]
    assert len({wcswidth(line) for line in box}) == 1 and wcswidth(box[0]) <= columns
    assert max(wcswidth(line) for line in text.splitlines()) <= columns
    header, rows = _parse(text)
    for row in [header, *rows]:
        for cell in row:
            for line, after in pairwise(cell):
                split = _ENDS_NUMBER.search(line) and _GOES_ON.match(after)
                assert not split, f"{command} at {columns}: {line!r} / {after!r}"


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_number_shown_is_whole_on_one_line(invoke: Invoke, command: str, columns: int) -> None:
    header, rows = _parse(_table(invoke, COMMANDS[command], columns))
    md_header, md_rows = _markdown(_table(invoke, COMMANDS[command], columns, "markdown"))
    headers = [h.replace(" ", "") for h in md_header]
    shown = [headers.index(_joined(h).replace(" ", "")) for h in header]  # the columns kept, markdown's order
    assert len(rows) == len(md_rows)
    checked = 0
    for row, md_row in zip(rows, md_rows, strict=True):
        for cell, index in zip(row, shown, strict=True):
            for number in _NUMBERS.findall(md_row[index]):
                assert any(number in line for line in cell), f"{command} at {columns}: {number!r} not whole in {cell}"
                checked += 1
    assert checked


def test_the_values_of_metric_json_appear_whole_at_80_columns(invoke: Invoke) -> None:
    text = _table(invoke, ["metric", "trademarks"], 80)
    lines = text.splitlines()
    rows = json.loads(_table(invoke, ["metric", "trademarks"], 80, "json"))
    for row in rows:
        assert any(f"│ {row['year']} │" in line for line in lines)
    for value in ("2025", "2020", "85,000 件", "> 8.5 万件", "> 10 万件", "100,000 件", "1 of 2"):
        assert any(value in line for line in lines), value


def test_a_column_left_out_is_named_under_the_table(invoke: Invoke) -> None:
    text = _table(invoke, ["metric", "trademarks"], 80)
    header, _ = _parse(text)
    assert [_joined(h) for h in header] == ["Rank", "Region", "Status", "Year", "Kind", "Target", "Normalised"]
    after = text.split("┘\n", 1)[1]
    assert after.startswith(
        "Left out to fit 80 columns: Level, Plan, Baseline, CAGR, vs national. A wider\n"
        "terminal (or COLUMNS), or --format markdown, shows every column.\n"
    )
    zh = _table(invoke, ["metric", "trademarks", "--lang", "zh"], 80)
    assert "为适应 80 列宽度，未显示：层级" in zh


def test_a_wide_terminal_shows_every_column_and_no_note(invoke: Invoke) -> None:
    text = _table(invoke, ["metric", "trademarks"], 200)
    header, _ = _parse(text)
    assert len(header) == 12 and "Left out" not in text


def _amount(i: int) -> Column[int]:
    return Column(f"Column {i}", lambda r: f"{r * i * 1000:,} 万件 (2025)", priority=i)


def test_a_terminal_and_a_pipe_fit_the_same_width(monkeypatch: pytest.MonkeyPatch) -> None:
    table = Table(tuple(_amount(i) for i in range(8)), [1, 2, 3])
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setenv("NO_COLOR", "1")
    pipe, terminal = io.StringIO(), io.StringIO()
    render(table, Format.TABLE, pipe)
    render(table, Format.TABLE, terminal, terminal=True)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", terminal.getvalue())
    assert plain == pipe.getvalue()
    header, _ = _parse(plain)
    assert [_joined(h) for h in header] == ["Column 4", "Column 5", "Column 6", "Column 7"]
    assert "Left out to fit 60 columns: Column 0, Column 1, Column 2, Column 3." in " ".join(plain.split("\n"))


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("> 8.5 万件 (2025)", 10, ["> 8.5 万件", "(2025)"]),
        ("有效注册商标总量突破8.5万件", 10, ["有效注册商", "标总量突破", "8.5万件"]),
        ("增长43%,达到6件以上", 8, ["增长43%,", "达到6件", "以上"]),
        ("7–10 家 increment (2016–2020)", 11, ["7–10 家", "increment", "(2016–2020)"]),
        ("“十四五”规划 14th FYP", 8, ["“十四五”", "规划", "14th FYP"]),
        ("inner-mongolia-13th-fyp", 10, ["inner-", "mongolia-", "13th-fyp"]),
        ("│  └─ patent-pledge-financing", 14, ["│  └─ patent-", "pledge-", "financing"]),
        ("≈ 1.25 件/万人", 6, ["≈ 1.25 件/万人"]),  # wider than the column: left whole (the column is widened)
    ],
)
def test_lines_break_between_parts_never_inside_a_number_or_unit(text: str, width: int, lines: list[str]) -> None:
    if max(wcswidth(g) for _, g in _groups(text)) > width:
        assert [g for _, g in _groups(text)] == lines
    else:
        assert _wrap(text, width).split("\n") == lines


def test_a_long_address_folds_rather_than_push_other_columns_out(monkeypatch: pytest.MonkeyPatch) -> None:
    address = "http://www.gov.cn/zhengce/content/2021-10/28/content_5647274.htm"
    columns: tuple[Column[str], ...] = (Column("Year", lambda r: "2025", priority=1), Column("Source", lambda r: r))
    monkeypatch.setenv("COLUMNS", "40")
    out = io.StringIO()
    render(Table(columns, [address]), Format.TABLE, out)
    header, rows = _parse(out.getvalue())
    assert [_joined(h) for h in header] == ["Year", "Source"] and "Left out" not in out.getvalue()
    assert "".join(rows[0][1]) == address


def test_a_rank_is_never_broken_but_words_are() -> None:
    assert [g for _, g in _groups("2 of 5", keep=True)] == ["2 of 5"]
    assert [g for _, g in _groups("第1（共3）", keep=True)] == ["第1（共3）"]
    assert [g for _, g in _groups("national ref.", keep=True)] == ["national", "ref."]


# --- a table for a pipe or a file is drawn without rich, exactly as rich draws it -------------------------------


def _drawn_by_rich(layout: _Layout, out: TextIO | None = None) -> str:
    """The oracle: `layout` drawn by rich as the table for a pipe was drawn before it was drawn without rich
    (a Table with rich's default box and show_lines, in a Console without colour, then each note)."""
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    out = out or io.StringIO()
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    console = Console(
        file=out, width=layout.room, markup=False, highlight=False, emoji=False, color_system=None, _environ=environ
    )
    table = RichTable(title=Text(layout.title) if layout.title else None, show_lines=True, header_style="")
    for header, width in zip(layout.headers, layout.widths, strict=True):
        table.add_column(Text(header), width=width, overflow="fold")
    for cells in layout.rows:
        table.add_row(*(Text(c) for c in cells))
    console.print(table)
    for note in layout.notes:
        console.print(Text(note))
    return out.getvalue() if isinstance(out, io.StringIO) else ""


def _layouts(monkeypatch: pytest.MonkeyPatch) -> list[_Layout]:
    """The layouts render() makes from now on, for the oracle to draw them too."""
    made: list[_Layout] = []

    def layout(table: Table[Any], room: int) -> _Layout:
        made.append(_layout(table, room))
        return made[-1]

    monkeypatch.setattr(render_module, "_layout", layout)
    return made


@pytest.mark.parametrize("columns", [60, 80, 200])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_on_a_pipe_prints_what_rich_draws(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, command: str, columns: int
) -> None:
    made = _layouts(monkeypatch)
    text = _table(invoke, COMMANDS[command], columns)
    (layout,) = made
    assert _drawable(layout)  # drawn without rich
    assert text == _drawn_by_rich(layout)


def test_every_plan_and_metric_on_a_pipe_prints_what_rich_draws(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _layouts(monkeypatch)
    commands = [["show", p.id] for p in DATA.plans] + [["metric", m.id, "--lang", "zh"] for m in DATA.metrics]
    for args in commands:
        text = _table(invoke, args, 100)
        if made:  # a metric no plan sets prints no table
            layout = made.pop()
            assert _drawable(layout) and text == _drawn_by_rich(layout), args
    assert not made


#: Cells a user's data may hold: wide and full-width characters, combining marks and zero-width characters,
#: emoji sequences, blank and multi-line cells, leading spaces, long unbroken text, markup and escapes.
HOSTILE = [
    "",
    " ",
    "   lead",
    "trail   ",
    "中文字符很长很长很长很长很长很长很长很长很长",
    "＂全角，标点。（括号）【方括号】",
    "e\u0301\u0301 combining",
    "\u200b\u200d\u2060 zero width",
    "👨\u200d👩\u200d👧 family",
    "1\ufe0f\u20e3 keycap, ©\ufe0f, ❤\ufe0f",
    "\ufe0f\u200d at the start",
    "ends with a joiner\u200d",
    "👍🏽 🇨🇳 flags",
    "a\nb\n\nc",
    "\n",
    "\n\n",
    "x" * 300,
    "\u3000全角空格",
    "\xa0nbsp\xa0",
    "≥ 80 分",
    "> 8.5 万件 (2025)",
    "http://www.gov.cn/zhengce/content/2021-10/28/content_5647274.htm",
    "[bold]markup[/bold] :smile:",
    "\x1b[31mred\x07",
    "\u202eevil",
    "𠀀𪚥 𱍐 ﾊﾝｶｸ 각 \u1160\u3164\uffa0",
    "العربية \u0600\u0601 हिन्दी",
    "a\u00adb soft hyphen",
]


def _hostile_tables() -> dict[str, Table[Any]]:
    cells: tuple[Column[str], ...] = (
        Column("中文表头很长很长", lambda r: r, priority=1),
        Column("Reversed", lambda r: r[::-1]),
        Column("Rank", lambda r: f"{len(r)} of {len(HOSTILE)}", nowrap=True),
    )
    return {
        "hostile cells": Table(cells, HOSTILE, title="A title " * 3, notes=("note one", "第二条注释" * 30)),
        "hostile headers": Table(tuple(Column(h, lambda r: "1") for h in HOSTILE[:14]), [1, 2], title="x"),
        "one column": Table((Column("Cell", lambda r: r),), HOSTILE, title="标题" * 80),
        "empty table": Table((Column("A", lambda r: r), Column("B", lambda r: r)), [], title="Nothing"),
        "no columns": Table((), [1, 2], title="not shown", notes=("a note",)),
        "no columns, no rows": Table((), []),
        "empty headers and cells": Table((Column("", lambda r: ""), Column("", lambda r: "")), [1], title=" "),
        "zero-width column": Table((Column("\u0301", lambda r: "\u200b"), Column("b", lambda r: "x")), [1]),
        "long title": Table((Column("a", lambda r: "1"),), [1], title="A very long title " * 30, notes=("n " * 200,)),
        "title with spaces and lines": Table((Column("abcdef", lambda r: "1"),), [1], title="  in\n\ndented  \n"),
        "wide title, odd width": Table((Column("abcde", lambda r: "1"),), [1], title="中文"),
        # a title line of ideographic spaces only, which rich strips before centring it
        "title of wide spaces": Table((Column("a", lambda r: "1"),), [1], title="\u3000" * 3 + "标题"),
        "many columns": Table(tuple(_amount(i) for i in range(15)), [1, 2, 3], notes=("\x1b[1mnote",)),
    }


@pytest.mark.parametrize("columns", [60, 80, 200, 33, 6, 7, 10])
@pytest.mark.parametrize("name", _hostile_tables())
def test_hostile_tables_on_a_pipe_print_what_rich_draws(
    monkeypatch: pytest.MonkeyPatch, name: str, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    made = _layouts(monkeypatch)
    out = io.StringIO()
    render(_hostile_tables()[name], Format.TABLE, out)
    (layout,) = made
    assert _drawable(layout)  # drawn without rich
    assert out.getvalue() == _drawn_by_rich(layout)


@pytest.mark.parametrize("columns", [1, 2, 3, 4, 5, 60])
@pytest.mark.parametrize("name", ["hostile cells", "one column", "no columns", "zero-width column"])
def test_what_only_rich_can_draw_is_drawn_by_rich(monkeypatch: pytest.MonkeyPatch, name: str, columns: int) -> None:
    """A room narrower than any table (COLUMNS below 6), or a tab, which rich widens to the next tab stop."""
    tabs = Table((Column("Quote", lambda r: r), Column("\tHeader", lambda r: "x")), ["a\tb", "\ttab", "中文\t"])
    for table in (_hostile_tables()[name], tabs):
        monkeypatch.setenv("COLUMNS", str(columns))
        made = _layouts(monkeypatch)
        out = io.StringIO()
        render(table, Format.TABLE, out)
        (layout,) = made
        assert out.getvalue() == _drawn_by_rich(layout)


def test_rich_draws_a_pipe_in_ascii_when_its_encoding_is_not_unicode(monkeypatch: pytest.MonkeyPatch) -> None:
    table = Table((Column("Plan", lambda r: r), Column("Target", lambda r: "> 8.5")), ["a", "b\nc"], title="T")
    made = _layouts(monkeypatch)
    for encoding in ("ascii", "latin-1", "UTF-8", "utf_16"):
        drawn, expected = (io.TextIOWrapper(io.BytesIO(), encoding=encoding, write_through=True) for _ in "ab")
        render(table, Format.TABLE, drawn)
        _drawn_by_rich(made.pop(), expected)
        assert isinstance(drawn.buffer, io.BytesIO) and isinstance(expected.buffer, io.BytesIO)
        assert drawn.buffer.getvalue() == expected.buffer.getvalue(), encoding


def test_a_pipe_ignores_what_would_make_rich_colour_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {
        "FORCE_COLOR": "1",
        "TTY_COMPATIBLE": "1",
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
    }.items():
        monkeypatch.setenv(name, value)
    made = _layouts(monkeypatch)
    out = io.StringIO()
    render(_hostile_tables()["many columns"], Format.TABLE, out)
    assert "\x1b" not in out.getvalue() and out.getvalue() == _drawn_by_rich(made.pop())


def test_a_terminal_still_gets_rich_with_its_bold_header(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    render(_hostile_tables()["many columns"], Format.TABLE, out, terminal=True)
    assert "\x1b[1m" in out.getvalue()


# --- widths measured as rich measures them ----------------------------------------------------------------------


def _sample() -> list[str]:
    """Code points where a width table could go wrong (each end of each of rich's ranges, and either side), all of
    the scripts below CJK, and every 97th code point above; surrogates cannot be printed and are left out."""
    from rich._unicode_data import load

    points = set(range(0x3400))
    for first, last, _ in load("latest").widths:
        points |= {first - 1, first, first + 1, last - 1, last, last + 1}
    points |= set(range(0x3400, 0x110000, 97))
    return [chr(p) for p in sorted(points) if 0 <= p < 0x110000 and not 0xD800 <= p < 0xE000]


def test_every_character_is_as_wide_as_rich_measures_it() -> None:
    from rich.cells import cell_len as rich_cell_len

    sample = _sample()
    assert len(sample) > 20_000
    assert [c for c in sample if cell_len(c) != rich_cell_len(c)] == []


#: Characters whose widths and joins differ most: ASCII, CJK, full-width punctuation, combining marks, joiners,
#: variation selectors, emoji with skin tones and flags, Hangul jamo, the controls that escape_controls keeps.
_POOL = (
    "aZ 1-.,%中文字𠀀，。（）「」＂０ｱ\u0301\u0308\u20e3\u200b\u200d\ufe0f\ufe0e"
    "©®#*👨👩👍🏽🇨🇳❤☺가\u1160\u3164\t\n\u3000\xa0\u00ad"
)


def test_strings_are_measured_and_cut_as_rich_does() -> None:
    from rich.cells import cell_len as rich_cell_len
    from rich.cells import chop_cells as rich_chop_cells

    chosen = random.Random(13)
    for _ in range(3000):
        text = "".join(chosen.choices(_POOL, k=chosen.randint(0, 12)))
        assert cell_len(text) == rich_cell_len(text), repr(text)
        for width in range(1, 7):
            assert chop_cells(text, width) == rich_chop_cells(text, width), (text, width)


# --- a table on a pipe starts without importing rich (issue 13) -------------------------------------------------

_PROBE = """\
import sys
sys.argv = ["ipcompare", "metric", "high-value-patents", *sys.argv[1:]]
from ipcompare.__main__ import run
sys.stderr.write(f"exit {run()}\\n")
loaded = {name.split(".")[0] for name in sys.modules}
sys.stderr.write(repr(sorted(loaded & {"rich", "wcwidth", "tabulate"})))
"""


@pytest.mark.parametrize(
    ("columns", "args", "drawn"), [(None, [], "┏"), ("80", [], "┏"), (None, ["-f", "markdown"], "|--")]
)
def test_a_table_on_a_pipe_does_not_import_rich_or_tabulate(
    tmp_path: Path, columns: str | None, args: list[str], drawn: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("IPCOMPARE_DATA", "COLUMNS")}
    if columns:
        env["COLUMNS"] = columns
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.stderr.endswith("[]"), result.stderr
    assert result.stderr.splitlines()[-2] in ("exit 0", "exit None")
    assert drawn in result.stdout and "襄阳" in result.stdout


def test_json_has_one_row_per_line_and_reads_back_as_the_rows() -> None:
    import io
    import json

    import ipcompare
    from ipcompare.tables.comparisons import metric_table

    table = metric_table(ipcompare.compare_metric(ipcompare.load(env=False), "trademarks"), None)
    out = io.StringIO()
    render(table, Format.JSON, out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(table.rows) + 2
    assert json.loads(out.getvalue()) == table.json()
    assert all(json.loads(line.rstrip(",")) == row for line, row in zip(lines[1:-1], table.json(), strict=True))


# --- markdown, as tabulate draws it ------------------------------------------------------------------------------

_MARKDOWN_TEXT = "ab xyz019 .,-%()（）：，。、襄阳市有效注册商标量万件亿元│└├─·—～≥≤×₂²\\|*_`<>&\u3000éü€°±<br>"


@pytest.mark.parametrize("seed", range(40))
def test_markdown_is_drawn_as_tabulate_draws_it(seed: int) -> None:
    """The oracle is tabulate's github format (ipcompare drew markdown with it, and no longer imports it)."""
    import tabulate

    generator = random.Random(seed)

    def text(longest: int) -> str:
        return "".join(generator.choice(_MARKDOWN_TEXT) for _ in range(generator.randint(0, longest)))

    for _ in range(50):
        width = generator.randint(1, 6)
        headers = [text(8) for _ in range(width)]
        rows = [[text(14) for _ in range(width)] for _ in range(generator.randint(0, 5))]
        expected = tabulate.tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
        assert render_module.markdown_table(headers, rows) == expected, (headers, rows)


@pytest.mark.parametrize("args", [["metric", "trademarks"], ["compare", "襄阳", "泰安", "--national"], ["metrics"]])
def test_every_markdown_table_lines_up_its_chinese_text(invoke: Invoke, args: list[str]) -> None:
    lines = [line for line in invoke(*args, "-f", "markdown").stdout.splitlines() if line.startswith("|")]
    assert len(lines) > 3 and len({cell_len(line) for line in lines}) == 1  # every row as wide as the header


def test_a_dollar_in_a_markdown_cell_starts_no_formula() -> None:
    """GitHub reads $...$ in markdown as a formula: a region named `$x^2$` would show typeset, not as written."""
    from ipcompare.tables import Column, Table

    table: Table[str] = Table((Column("Region", lambda r: r),), ["$x^2$ 市"])
    out = io.StringIO()
    render(table, Format.MARKDOWN, out)
    assert "| \\$x^2\\$ 市" in out.getvalue()
