"""The one place where a Table becomes output: rich table, markdown, CSV or JSON.

Strings from the data are data: control characters are shown escaped, rich markup is never
parsed, and markdown cells have `|` and newlines escaped. rich and tabulate are imported only by
the formats that need them, so JSON output and --help stay fast.
"""

from __future__ import annotations

import csv
import json
import os
from enum import StrEnum
from typing import Any, TextIO

from .controls import escape_controls
from .tables import Table


class Format(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"


def _markdown_cell(text: str) -> str:
    return escape_controls(text).replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "\n").replace("\n", "<br>")


def _flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = "; ".join(str(v) for v in value)
        elif isinstance(value, bool):
            flat[name] = "true" if value else "false"
        elif isinstance(value, float) and value.is_integer():
            flat[name] = int(value)
        else:
            flat[name] = "" if value is None else value
    return flat


def _csv(table: Table[Any], out: TextIO) -> None:
    if table.matrix:
        grid = csv.writer(out, lineterminator="\n")
        grid.writerow([c.header for c in table.columns])
        grid.writerows([escape_controls(c.text(r)) for c in table.columns] for r in table.rows)
        return
    flat = [_flatten(r) for r in table.json()]
    fields: list[str] = []
    for row in flat:
        fields += [k for k in row if k not in fields]
    # A nested value that is null in some rows (baseline: null) is the empty columns baseline.*, not one more.
    fields = [f for f in fields if not any(g.startswith(f"{f}.") for g in fields)]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", restval="", extrasaction="ignore")
    writer.writeheader()
    for row in flat:
        writer.writerow({k: escape_controls(v) if isinstance(v, str) else v for k, v in row.items()})


def _markdown(table: Table[Any], out: TextIO) -> None:
    import tabulate

    tabulate.WIDE_CHARS_MODE = True  # wide (Chinese) characters count as two columns
    tabulate.PRESERVE_WHITESPACE = True  # the indentation of a tree (ipcompare metrics) is part of the cell
    headers = [c.header for c in table.columns]
    cells = [[_markdown_cell(c.text(r)) for c in table.columns] for r in table.rows]
    if table.title:
        out.write(f"**{_markdown_cell(table.title)}**\n\n")
    out.write(tabulate.tabulate(cells, headers=headers, tablefmt="github", disable_numparse=True))
    out.write("\n")
    for note in table.notes:
        out.write(f"\n{_markdown_cell(note)}\n")


def _pipe_width() -> int:
    """Width for a table sent to a pipe or file: COLUMNS if it is a number, else wide enough not to fold."""
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else 200


def _rich(table: Table[Any], out: TextIO, terminal: bool) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    width = None if terminal else _pipe_width()
    console = Console(
        file=out,
        width=width,
        markup=False,
        highlight=False,
        emoji=False,
        force_terminal=terminal or None,
        color_system="auto" if terminal else None,
    )
    rich_table = RichTable(
        title=Text(escape_controls(table.title)) if table.title else None,
        show_lines=True,
        header_style="bold" if terminal else "",
    )
    for column in table.columns:
        rich_table.add_column(Text(column.header), overflow="fold")
    for row in table.rows:
        rich_table.add_row(*(Text(escape_controls(c.text(row))) for c in table.columns))
    console.print(rich_table)
    for note in table.notes:
        console.print(Text(escape_controls(note)))


#: Excel and WPS read a CSV file as the local code page unless it starts with a byte-order mark.
BOM = "\ufeff"


def render(table: Table[Any], fmt: Format, out: TextIO, *, terminal: bool = False, excel: bool = False) -> None:
    """Write `table` to `out` in `fmt`; `terminal` allows colour and the terminal's width.

    `excel` starts CSV with a byte-order mark, so that Excel and WPS open Chinese text correctly.
    """
    if excel and fmt != Format.CSV:
        raise ValueError("excel applies to CSV output only")
    if fmt == Format.JSON:
        json.dump(table.json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == Format.CSV:
        if excel:
            out.write(BOM)
        _csv(table, out)
    elif fmt == Format.MARKDOWN:
        _markdown(table, out)
    else:
        _rich(table, out, terminal)
