"""Table models: what a listing command shows, built from the analyses' typed rows.

A Table holds the rows (the data: JSON and tidy CSV) and the columns (the human view: how each row
shows as text). render.render() is the one place that turns a Table into output. Each module here
builds the tables of one family of commands; this one holds only the model, so render needs no
analysis module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from ..records import field, record
from ..results import as_json

R = TypeVar("R")


@record(kw_only=False)
class Column(Generic[R]):
    """A column of the human view: its header, and the text of a row's cell.

    `priority` and `nowrap` are for the terminal table only (markdown, CSV and JSON ignore them). When a
    terminal is too narrow for every column, the columns of lowest `priority` are left out first (of
    equal priorities, the rightmost) and a note names them. A number and its unit never break across
    lines in any column; with `nowrap`, a line that holds a number is not broken at all (a rank
    '2 of 5', '43% stated').
    """

    header: str
    text: Callable[[R], str]
    priority: int = 0
    nowrap: bool = False


@record(kw_only=False)
class Table(Generic[R]):
    """What a command shows: `rows` are the data (JSON and CSV), `columns` the human view."""

    columns: tuple[Column[R], ...]
    rows: Sequence[R]
    title: str | None = None
    notes: tuple[str, ...] = field(default=())
    matrix: bool = False  # CSV is the table as shown (a matrix), not the flattened rows
    #: JSON output when it is not simply the rows (a diff is one object): a result type or a list of them
    document: object = None

    def json(self) -> Any:
        """The table's JSON value: the rows, or its document."""
        return as_json(self.rows if self.document is None else self.document)
