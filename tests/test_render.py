"""render.py under hostile input and odd environments: CSV that spreadsheets open safely (--excel), and
terminal tables that fit a real terminal without breaking a number, a year, a rank or a unit across lines."""

from __future__ import annotations

import csv
import io
import json
import re
from itertools import pairwise
from typing import Any

import pytest
from conftest import FIXTURES, SOURCES, Invoke, Write
from wcwidth import wcswidth, wcwidth

from ipcompare.render import BOM, Format, _groups, _wrap, excel_cell, render
from ipcompare.tables import Column, Table

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
    assert next(csv.reader(io.StringIO(result.stdout.removeprefix(BOM)))) == ["Metric", "'=1+1市 @Evilville"]


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
