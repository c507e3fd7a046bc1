"""The one place where a Table becomes output: a table of text, markdown, CSV or JSON.

Strings from the data are data: control characters are shown escaped, rich markup is never
parsed, and markdown cells have `|` and newlines escaped. rich is imported only for a table on a
terminal (colour, a bold header): a table for a pipe or a file is drawn here, byte for byte as rich
draws it, and markdown as tabulate draws it, so that a command starts fast (issue 13).
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from .cells import cell_len, chop_cells
from .controls import escape_controls
from .records import record
from .tables import Column, Table


class Format(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"


#: What a markdown renderer would read as HTML, a formula or the table's own syntax, shown as itself by a
#: backslash (CommonMark: `\\<` starts no tag, `\\&` no entity; GitHub: `\\$` starts no formula). Emphasis and
#: link brackets are left as written: they only style text (`title_zh`, `[patent agencies only]` stay readable
#: in a plain editor).
_MARKDOWN_SYNTAX = {ord(c): f"\\{c}" for c in "\\|<&$"}


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub pipe table, byte for byte as tabulate's "github" format draws it (tests check it against
    tabulate), with wide characters counted as two columns. Drawn here: importing tabulate took ~35 ms, most of
    it importlib.metadata and wcwidth, longer than the rest of a command."""
    rows = [[cell.strip() for cell in row] for row in rows]
    widths = [max([cell_len(h) + 2, *(cell_len(row[i]) for row in rows)]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c + " " * (w - cell_len(c)) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def _markdown_cell(text: str) -> str:
    cell = escape_controls(text).translate(_MARKDOWN_SYNTAX).replace("\t", " ")
    return cell.replace("\r\n", "\n").replace("\n", "<br>")


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


#: OWASP "CSV Injection": a spreadsheet reads a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A cell that is a plain number: a sign, digits (85,000), a decimal part, a percent sign and nothing else.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


def excel_cell(text: str) -> str:
    """A text cell as `--excel` CSV writes it: a would-be formula is prefixed with `'` (OWASP, CSV Injection).

    OWASP's rule is to prefix every cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return.
    One exception, deliberately: a cell that is a plain number (`-12`, `-3.5`, `+5%`, `-3.5%`, `-85,000`)
    stays as it is, so that a spreadsheet still reads a negative number, or a signed change, as a number
    to compute with. Such a cell cannot be a formula: it is only a sign, digits, separators and a
    percent sign, which Excel, WPS and LibreOffice read as a number (and -3.5% as -0.035), never as a
    call. Anything more after the sign is text that would be evaluated (`-4.8 pp`, `+1+cmd|' /C calc'!A0`,
    `=cmd|...`) and is prefixed, so it shows as written. Numbers in the data (JSON numbers in the
    flattened CSV) are never text and never prefixed.
    """
    if text.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _csv(table: Table[Any], out: TextIO, excel: bool = False) -> None:
    def text(value: str) -> str:
        return escape_controls(excel_cell(value) if excel else value)

    if table.matrix:
        grid = csv.writer(out, lineterminator="\n")
        grid.writerow([excel_cell(c.header) if excel else c.header for c in table.columns])
        grid.writerows([text(c.text(r)) for c in table.columns] for r in table.rows)
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
        writer.writerow({k: text(v) if isinstance(v, str) else v for k, v in row.items()})


def _markdown(table: Table[Any], out: TextIO) -> None:
    headers = [_markdown_cell(c.header) for c in table.columns]  # a header may be a region's name: data
    cells = [[_markdown_cell(c.text(r)) for c in table.columns] for r in table.rows]
    if table.title:
        out.write(f"**{_markdown_cell(table.title)}**\n\n")
    out.write(markdown_table(headers, cells))
    out.write("\n")
    for note in table.notes:
        out.write(f"\n{_markdown_cell(note)}\n")


def _columns() -> int | None:
    """COLUMNS when it is a width a table can have (1 to 10,000 cells); None when unset or nonsense (0, ², -5)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        return None
    return columns if 0 < columns <= 10_000 else None


def _pipe_width() -> int:
    """Width for a table sent to a pipe or file: COLUMNS if it is a width, else wide enough not to fold."""
    return _columns() or 200


def _terminal_width() -> int:
    """The terminal's width, or COLUMNS when it is a width (rich would take COLUMNS=0 as given and fail)."""
    import shutil

    return _columns() or shutil.get_terminal_size().columns or 80


# -- a table that fits the width --------------------------------------------------------------------------------

#: Never at the start of a line (closing punctuation), never at the end of one (opening punctuation).
_CLOSE = frozenset("）》」』】〕］｝〉，。、；：？！”’)]},;:.!?%…")
_OPEN = frozenset("（《「『【〔［｛〈“‘([{")
#: A word made only of these (a comparator, an arrow, an operator, a tree's branches) stays with the next word.
_LEAD = frozenset("<>≤≥≈=~+−-±↑↓│├└─")
#: A unit, written after a number with or without a space: 8.5 万件, 6件/万人, 43%, 0.3×, 2025年.
_UNIT = r"(?:%|‰|×|pp|个?百分点|[万亿千百]{0,2}[件个家项名人所户次批条篇部种台套座支元分位年]次?(?:/万人)?)"
#: A number with what makes it one figure: sign, digits, decimals, a range (7–10, 2021–2025), its unit.
_NUMBER = re.compile(r"(?:(?<![0-9A-Za-z])[-+−±])?\d(?:[\d,.]*\d)?(?:[–—~-]\d(?:[\d,.]*\d)?)?" + _UNIT + "?")
_UNIT_WORD = re.compile(_UNIT)
_WORD = re.compile(r"(\s*)(\S+)")
#: A piece of text without a digit that is wider than this is folded rather than widen its column ...
_FOLD = 20
#: ... and so is one with digits that is too long to be a figure (a web address, a file name).
_LONGEST_FIGURE = 30
#: No column is narrower than this (five Chinese characters) unless all its text is.
_NARROWEST = 10


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _may_break(before: str, a: str, b: str) -> bool:
    """May a line break between the characters a and b of a word (`before` precedes a)?

    Between Chinese characters, yes, unless that starts a line with closing punctuation or ends one with
    opening punctuation; in a Latin word only after a hyphen between letters (Strong-|city, per-|10k).
    """
    if a in _OPEN or b in _CLOSE:
        return False
    if _wide(a) or _wide(b):
        return True
    return a == "-" and before.isalnum() and b.isalnum() and not (before.isdigit() and b.isdigit())


def _split_word(word: str) -> list[str]:
    """A word without spaces cut where a line may break, never inside a number and its unit (达到|8.5万件|，)."""
    inside = {j for m in _NUMBER.finditer(word) for j in range(m.start() + 1, m.end())}
    pieces, start = [], 0
    for j in range(1, len(word)):
        if j not in inside and _may_break(word[j - 2] if j > 1 else "", word[j - 1], word[j]):
            pieces.append(word[start:j])
            start = j
    pieces.append(word[start:])
    return pieces


def _groups(line: str, keep: bool = False) -> list[tuple[str, str]]:
    """A line as the pieces a line break may fall between, each with the space before it.

    A break never falls inside a number, between a number and its unit (> 10 万件), after a comparator or
    an arrow (≥ 80 分, ↑ up), or before closing punctuation; with `keep`, a line with a digit in it is one
    piece (a rank '2 of 5', '43% stated').
    """
    if keep and any(c.isdigit() for c in line):
        return [("", line)]
    groups: list[tuple[str, str]] = []
    previous = ""
    for space, word in _WORD.findall(line):
        first, *rest = [word] if _UNIT_WORD.fullmatch(word) else _split_word(word)
        glued = set(previous) <= _LEAD or (previous[-1:].isdigit() and _UNIT_WORD.fullmatch(word) is not None)
        if not groups:  # the first word keeps the line's indentation
            groups.append(("", space + first))
        elif previous and (glued or set(word) <= _CLOSE):
            groups[-1] = (groups[-1][0], groups[-1][1] + space + first)
        else:
            groups.append((space, first))
        groups += [("", piece) for piece in rest]
        previous = word
    return groups


def _least(text: str, keep: bool = False) -> int:
    """The narrowest a column may be for `text`: its widest piece that holds a figure, or _FOLD."""
    widths = [0]
    for line in text.split("\n"):
        for _, piece in _groups(line, keep):
            width = cell_len(piece)
            figure = width <= _LONGEST_FIGURE and any(c.isdigit() for c in piece)
            widths.append(width if figure else min(width, _FOLD))
    return max(widths)


def _most(text: str) -> int:
    return max(cell_len(line) for line in text.split("\n"))


def _wrap(text: str, width: int, keep: bool = False) -> str:
    """`text` broken into lines of at most `width` cells (wide characters count two), only between pieces."""
    lines: list[str] = []
    for line in text.split("\n"):
        current = ""
        for space, piece in _groups(line, keep):
            if current and cell_len(current + space + piece) <= width:
                current += space + piece
                continue
            if current:
                lines.append(current)
            current = piece
            if cell_len(piece) > width:  # text without a number, or a column too narrow for anything
                *full, current = chop_cells(piece, width)
                lines += full
        lines.append(current)
    return "\n".join(lines)


@record(kw_only=False)
class _Shown:
    """A column as text (control characters escaped), as wide as its text and as narrow as it may get."""

    column: Column[Any]
    index: int
    cells: list[str]
    most: int
    least: int
    empty: bool


def _shown(column: Column[Any], index: int, rows: Sequence[Any]) -> _Shown:
    cells = [escape_controls(column.text(r)) for r in rows]
    header = escape_controls(column.header)
    most = max([_most(header), *(_most(c) for c in cells)])
    least = max([_least(header), *(_least(c, column.nowrap) for c in cells)])
    # Chinese may break after any character, but a column of two characters a line is not read as names
    least = max(least, min(most, _NARROWEST))
    return _Shown(column, index, cells, most, least, empty=not any(c.strip() for c in cells))


def _frame(columns: int) -> int:
    """Cells a rich table takes besides its columns' text: a space each side of each column, and the rules."""
    return 3 * columns + 1


def _choose(shown: list[_Shown], room: int) -> list[_Shown]:
    """The columns that fit in `room`: empty columns go first, then the lowest priority (the rightmost of equals)."""
    kept = list(shown)
    for column in sorted(shown, key=lambda s: (not s.empty, s.column.priority, -s.index)):
        if len(kept) == 1 or _frame(len(kept)) + sum(s.least for s in kept) <= room:
            break
        kept.remove(column)
    return kept


def _widths(kept: Sequence[_Shown], room: int) -> list[int]:
    """Each column as wide as its text, then the widest narrowed first, down to its least, until the table fits."""
    widths = [s.most for s in kept]
    least = [s.least for s in kept]
    excess = _frame(len(kept)) + sum(widths) - room
    while excess > 0:
        narrower = [i for i, w in enumerate(widths) if w > least[i]]
        if not narrower:
            break
        widest = max(narrower, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    if excess > 0 and len(kept) == 1:  # one column wider than the room: it folds
        widths = [max(1, room - _frame(1))]
    return widths


def _left_out_note(table: Table[Any], left_out: list[_Shown], room: int) -> str:
    """Which columns a narrow terminal left out, and how to see them, in the language of the table's headers."""
    names = [s.column.header for s in left_out]
    if any(_wide(c) for c in table.columns[0].header):  # --lang zh: the interface's words are Chinese
        return (
            f"为适应 {room} 列宽度，未显示：{'、'.join(names)}。"
            "加宽终端（或设置 COLUMNS），或用 --format markdown，可看到所有列。"
        )
    return (
        f"Left out to fit {room} columns: {', '.join(names)}. "
        "A wider terminal (or COLUMNS), or --format markdown, shows every column."
    )


class _Layout(NamedTuple):
    """A table laid out to fit `room` cells: the columns kept, their widths, and every text broken into the
    lines it is shown in. Drawing it is left to rich on a terminal and done here for a pipe or a file."""

    room: int
    widths: list[int]
    title: str  # "" for none
    headers: list[str]
    rows: list[list[str]]
    notes: list[str]


def _layout(table: Table[Any], room: int) -> _Layout:
    """The columns that fit in `room` and their widths, numbers and units never broken across lines; when the
    columns cannot all fit at their narrowest, the least important are left out and a note says which."""
    shown = [_shown(c, i, table.rows) for i, c in enumerate(table.columns)]
    kept = _choose(shown, room)
    widths = _widths(kept, room)
    title = _wrap(escape_controls(table.title), _frame(len(kept)) + sum(widths)) if table.title else ""
    left_out = [s for s in shown if s.index not in {k.index for k in kept}]
    notes = ([_left_out_note(table, left_out, room)] if left_out else []) + [escape_controls(n) for n in table.notes]
    return _Layout(
        room=room,
        widths=widths,
        title=title,
        headers=[_wrap(escape_controls(s.column.header), w) for s, w in zip(kept, widths, strict=True)],
        rows=[
            [_wrap(s.cells[r], w, s.column.nowrap) for s, w in zip(kept, widths, strict=True)]
            for r in range(len(table.rows))
        ],
        notes=[_wrap(note, room) for note in notes],
    )


# -- the table as rich draws it, without rich -------------------------------------------------------------------

#: rich's box.HEAVY_HEAD, the box of a rich Table: its top, header line, header rule, row line, row rule and bottom,
#: each as the left edge, the line (or padding), the divider between columns and the right edge.
_HEAVY_HEAD = ("┏━┳┓", "┃ ┃┃", "┡━╇┩", "│ ││", "├─┼┤", "└─┴┘")
#: rich's box.ASCII, which rich draws instead when the output's encoding is not a UTF (Console.options.ascii_only).
_ASCII = ("+--+", "| ||", "|-+|", "| ||", "|-+|", "+--+")


def _drawable(layout: _Layout) -> bool:
    """Whether rich would draw every line of `layout` as it is, which `_draw` assumes: the table fits the room and
    no line is wider than its place or has a tab (rich would fold it, or widen the tab to the next tab stop).
    Only a room too narrow for any table (COLUMNS below 6) or a tab in the data makes this false."""
    if not layout.widths:
        places = [(note, layout.room) for note in layout.notes]
    elif _frame(len(layout.widths)) + sum(layout.widths) > layout.room:
        return False
    else:
        cells = [(c, w) for row in [layout.headers, *layout.rows] for c, w in zip(row, layout.widths, strict=True)]
        places = [(layout.title, _frame(len(layout.widths)) + sum(layout.widths)), *cells]
        places += [(note, layout.room) for note in layout.notes]
    return all(_as_is(line, width) for text, width in places for line in text.split("\n"))


def _as_is(line: str, width: int) -> bool:
    """A line rich shows as it is in `width` cells: it fits, has no tab, and no trailing space rich would trim
    (Text.rstrip_end trims trailing space from a line of more characters than `width`)."""
    return "\t" not in line and cell_len(line) <= width and not (len(line) > width and line[-1:].isspace())


def _fill(line: str, width: int) -> str:
    """`line` padded to `width` cells as rich pads a cell (a glyph joined to the padding is padded once more)."""
    line += " " * (width - cell_len(line))
    return line + " " * (width - cell_len(line))


def _centred(line: str, width: int) -> str:
    """A title line centred as rich centres it (Lines.justify): right-stripped, the odd cell to the right."""
    line = line.rstrip()
    line = " " * ((width - cell_len(line)) // 2) + line
    return line + " " * (width - cell_len(line))


def _cell_lines(cell: str, width: int) -> list[str]:
    """A cell's lines, padded by a space each side. rich renders nothing in no room: a column of width 0 (its text
    is all zero-width characters) shows blank."""
    return [f" {_fill(line, width)} " for line in cell.split("\n")] if width else []


def _box_lines(box: str, cells: list[str], widths: list[int], header: bool) -> list[str]:
    """One row of the table: each cell's lines padded by a space each side, a header aligned to the bottom as rich
    aligns it, a row to the top."""
    columns = [_cell_lines(cell, w) for cell, w in zip(cells, widths, strict=True)]
    height = max(1, *(len(c) for c in columns))
    for column, w in zip(columns, widths, strict=True):
        blank = [" " * (w + 2)] * (height - len(column))
        column[:] = blank + column if header else column + blank
    return [box[0] + box[2].join(c[i] for c in columns) + box[3] for i in range(height)]


def _rule(box: str, widths: list[int]) -> str:
    return box[0] + box[2].join(box[1] * (w + 2) for w in widths) + box[3]


def _draw(layout: _Layout, out: TextIO) -> None:
    """`layout` drawn exactly as rich draws it for a pipe or a file (Table(show_lines=True) in a Console without
    colour, then each note), so that a table on a pipe starts without importing rich."""
    encoding = (getattr(out, "encoding", None) or "utf-8").lower()
    top, head, head_rule, row, row_rule, bottom = _HEAVY_HEAD if encoding.startswith("utf") else _ASCII
    lines: list[str] = []
    if not layout.widths:
        lines.append("")  # rich prints a table without columns as an empty line, without its title
    else:
        widths = layout.widths
        if layout.title:
            lines += [_centred(line, _frame(len(widths)) + sum(widths)) for line in layout.title.split("\n")]
        lines += [_rule(top, widths), *_box_lines(head, layout.headers, widths, header=True), _rule(head_rule, widths)]
        for i, cells in enumerate(layout.rows):
            lines += ([_rule(row_rule, widths)] if i else []) + _box_lines(row, cells, widths, header=False)
        lines.append(_rule(bottom, widths))
    lines += layout.notes
    out.write("".join(f"{line}\n" for line in lines))


# -- the table drawn by rich, on a terminal ---------------------------------------------------------------------

if TYPE_CHECKING:
    from rich.console import Console


def _console(out: TextIO, width: int, terminal: bool) -> Console:
    from rich.console import Console

    return Console(
        file=out,
        width=width,
        markup=False,
        highlight=False,
        emoji=False,
        force_terminal=terminal or None,
        color_system="auto" if terminal else None,
        # the width is decided above; rich would read COLUMNS again, and fail on COLUMNS=²
        _environ={k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")},
    )


def _print(layout: _Layout, console: Console, terminal: bool) -> None:
    """`layout` drawn by rich: on a terminal for its colours and bold header, and for a pipe when `_draw` cannot."""
    from rich.table import Table as RichTable
    from rich.text import Text

    rich_table = RichTable(
        title=Text(layout.title) if layout.title else None, show_lines=True, header_style="bold" if terminal else ""
    )
    for header, w in zip(layout.headers, layout.widths, strict=True):
        rich_table.add_column(Text(header), width=w, overflow="fold")
    for cells in layout.rows:
        rich_table.add_row(*(Text(c) for c in cells))
    console.print(rich_table)
    for note in layout.notes:
        console.print(Text(note))


def _table(table: Table[Any], out: TextIO, terminal: bool) -> None:
    """A table that fits the width (see _layout). rich draws it on a terminal; for a pipe or a file it is drawn
    here, the same to the byte, because importing rich takes most of a command's start-up time (issue 13)."""
    if terminal:
        console = _console(out, _terminal_width(), terminal=True)
        _print(_layout(table, console.width), console, terminal=True)
        return
    layout = _layout(table, _pipe_width())
    if _drawable(layout):
        _draw(layout, out)
    else:
        _print(layout, _console(out, layout.room, terminal=False), terminal=False)


def _json(document: Any, out: TextIO) -> None:
    """JSON with one row (or one top-level field) per line: readable, greppable, diffable line by line, and
    written by the json module's C encoder (indent=2 takes the pure-Python one, most of the time of a
    `metric` of thousands of rows)."""
    encode = _encoder()
    if isinstance(document, list) and document:
        out.write("[\n" + ",\n".join([encode(row) for row in document]) + "\n]\n")
    elif isinstance(document, dict) and document:
        fields = [f"{encode(key)}: {encode(value)}" for key, value in document.items()]
        out.write("{\n" + ",\n".join(fields) + "\n}\n")
    else:
        out.write(encode(document) + "\n")


def _encoder() -> Callable[[Any], str]:
    """What json.dumps(value, ensure_ascii=False) returns, for one row after another. json's C encoder is
    made once and called for each row: dumps makes it again for each, a quarter of the time of writing
    thousands of rows. Where the C encoder is missing, dumps itself."""
    from json import encoder

    c_make_encoder = getattr(encoder, "c_make_encoder", None)  # not in typeshed: json's own, undocumented
    if c_make_encoder is None:  # a Python built without the _json module
        return encoder.JSONEncoder(ensure_ascii=False).encode
    make = c_make_encoder(
        {}, _not_json, encoder.encode_basestring, None, ": ", ", ", False, False, True
    )  # (markers, default, string encoder, indent, separators, sort_keys, skipkeys, allow_nan), as json's own call

    def encode(value: Any) -> str:
        return "".join(make(value, 0))

    return encode


def _not_json(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


#: Excel and WPS read a CSV file as the local code page unless it starts with a byte-order mark.
BOM = "\ufeff"


def render(table: Table[Any], fmt: Format, out: TextIO, *, terminal: bool = False, excel: bool = False) -> None:
    """Write `table` to `out` in `fmt`; `terminal` allows colour and the terminal's width.

    `excel` starts CSV with a byte-order mark, so that Excel and WPS open Chinese text correctly, and
    writes a text cell that a spreadsheet would read as a formula with a leading `'` (excel_cell).
    """
    if excel and fmt != Format.CSV:
        raise ValueError("excel applies to CSV output only")
    if fmt == Format.JSON:
        _json(table.json(), out)
    elif fmt == Format.CSV:
        if excel:
            out.write(BOM)
        _csv(table, out, excel)
    elif fmt == Format.MARKDOWN:
        _markdown(table, out)
    else:
        _table(table, out, terminal)
