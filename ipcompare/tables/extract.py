"""The figures `ipcompare extract` read, as a table to review (--format table|markdown|csv|json)."""

from __future__ import annotations

from collections.abc import Sequence

from ..extract import Draft
from ..format import number
from ..labels import Lang, label
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
    return Table(columns, rows, title=f"Figures read from {files}" if rows else None)
