"""The figures `ipcompare extract` read, as a table to review (--format table|markdown|csv|json).

The numbers the reader saw but gave no figure for are said too, never left out: as notes under the
human table, and in JSON and CSV as entries of the same fields after the figures, with role `unread`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..extract import Draft
from ..format import number
from ..labels import Lang, label
from ..records import fields
from ..results import CandidateRow, json_number
from . import Column, Table


def candidate_rows(drafts: Sequence[Draft]) -> list[CandidateRow]:
    rows = []
    for draft in drafts:
        for c in draft.candidates:
            r = c.reading
            rows.append(
                CandidateRow(
                    file=draft.source,
                    role=str(r.role),
                    metric=c.metric,
                    indicator=r.indicator,
                    year=r.year,
                    since=r.since,
                    value=json_number(r.value),
                    low=json_number(r.low),
                    high=json_number(r.high),
                    unit=r.unit,
                    comparator=r.comparator,
                    kind=str(r.kind),
                    quote=r.quote,
                    match=c.match,
                    notes=r.notes,
                )
            )
    return rows


#: The role of an entry that is no figure: a number seen but not read, `notes` saying why.
UNREAD = "unread"


def unread_entries(drafts: Sequence[Draft]) -> list[dict[str, Any]]:
    """The numbers seen but not read, each with every field a figure row has (the list's shape stays one):
    null where a figure has a number or a name, empty where it has text."""
    empty = {f.name: None for f in fields(CandidateRow)} | {"indicator": "", "unit": "", "match": ""}
    return [
        empty | {"file": draft.source, "role": UNREAD, "quote": u.quote, "notes": [u.why]}
        for draft in drafts
        for u in draft.unread
    ]


def unread_notes(drafts: Sequence[Draft]) -> tuple[str, ...]:
    """One line for each number seen but not read, under the human table: its words, its file, and why."""
    return tuple(f"Not read: {u.quote} ({Path(d.source).name}): {u.why}" for d in drafts for u in d.unread)


def _value(row: CandidateRow) -> str:
    if row.value is not None:
        return f"{number(row.value)} {row.unit}".strip()
    return f"{number(row.low)}~{number(row.high)} {row.unit}".strip()


def candidates_table(drafts: Sequence[Draft], lang: Lang | None = None) -> Table[CandidateRow]:
    # On a narrow terminal (priority): the value read, its metric and year, the quote to check it against.
    columns: tuple[Column[CandidateRow], ...] = (
        Column(label("role", lang), lambda r: r.role, priority=6),
        Column(label("metric", lang), lambda r: r.metric or f"(new) {r.indicator}", priority=9),
        Column(label("year", lang), lambda r: "" if r.year is None else str(r.year), priority=8, nowrap=True),
        Column(label("kind", lang), lambda r: r.kind, priority=5),
        Column(label("comparator", lang), lambda r: str(r.comparator), priority=2),
        Column(label("value", lang), _value, priority=10),
        Column(label("quote", lang), lambda r: r.quote, priority=7),
        Column(label("review", lang), lambda r: "; ".join(r.notes), priority=3),
    )
    rows = candidate_rows(drafts)
    files = ", ".join(d.source for d in drafts)
    unread = unread_entries(drafts)
    return Table(
        columns,
        rows,
        title=f"Figures read from {files}" if rows else None,
        notes=unread_notes(drafts),
        document=[*rows, *unread] if unread else None,
    )
