"""Dataset -> tables of rows. Rows hold JSON-ready values; columns say how each shows as text.

Every listing command builds a Table here and hands it to render.render(), the one place where the
output format is applied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .model import Dataset, Direction, Figure, Plan, Region, Status

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Row], str]


@dataclass(frozen=True)
class Table:
    """What a command shows: `rows` are the data (JSON and CSV), `columns` the human view."""

    columns: tuple[Column, ...]
    rows: list[Row]
    title: str | None = None
    notes: tuple[str, ...] = field(default=())


def number(value: float | None) -> str:
    """A number as a plan would write it: 6 not 6.0, 1.25 not 1.2500, 2500063 not 2.5e+06."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


def json_number(value: float | None) -> float | int | None:
    """80 rather than 80.0 in JSON and CSV, as the plan writes it."""
    return int(value) if value is not None and float(value).is_integer() else value


_SYMBOL = {"exceed": "> ", "at-least": "≥ ", "about": "≈ ", "maintain": "= "}
_ARROW = {Direction.UP: "↑ up", Direction.DOWN: "↓ down", Direction.MAINTAIN: "= maintain"}


def figure_text(row: Row | None, *, with_year: bool = False) -> str:
    """A figure as a reader scans it: '> 8.5 万件', '≥ 80 分', '7–10 家', '↑ up (no number)'."""
    if not row:
        return ""
    if row.get("direction"):
        return f"{_ARROW[Direction(row['direction'])]} (no number)"
    amount = f"{number(row['low'])}–{number(row['high'])}" if row.get("low") is not None else number(row.get("value"))
    symbol = _SYMBOL.get(row.get("comparator") or "", "")
    year = f" ({row['year']})" if with_year else ""
    return f"{symbol}{amount} {row.get('unit') or ''}".strip() + year


def _amount(figure: Figure) -> Row:
    """The number part of a figure, as JSON: shared by a figure's row and the baseline beside a target."""
    return {
        "value": json_number(figure.value),
        "low": json_number(figure.low),
        "high": json_number(figure.high),
        "unit": figure.unit,
        "comparator": figure.comparator.value if figure.comparator else None,
    }


def _figure_row(plan: Plan, figure: Figure, role: str, metric_zh: str) -> Row:
    row: Row = {
        "plan": plan.id,
        "role": role,
        "metric": figure.metric,
        "metric_zh": metric_zh,
        "year": figure.year,
        "since": figure.since,
        **_amount(figure),
        "kind": figure.kind.value if figure.kind else None,
        "direction": figure.direction.value if figure.direction else None,
    }
    if role == "target":
        base = plan.baseline_for(figure)
        row["baseline"] = None if base is None else {**_amount(base), "year": base.year}
    row["quote"] = figure.quote
    row["note"] = figure.note
    return row


def _status_text(status: str) -> str:
    return "DRAFT 征求意见稿" if status == Status.DRAFT else status


def _region_name(region: Region | None, fallback: str) -> str:
    return f"{region.name_zh} {region.name_en}" if region else fallback


def _period(row: Row) -> str:
    return f"{row['period']['start']}–{row['period']['end']}"


def plans_table(ds: Dataset) -> Table:
    regions = {r.id: r for r in ds.regions}
    order = {"national": 0, "province": 1, "prefecture": 2}

    def sort_key(p: Plan) -> tuple[int, str, int]:
        region = regions.get(p.region)
        return (order.get(region.level.value, 3) if region else 3, p.region, p.period_start)

    rows = []
    for p in sorted(ds.plans, key=sort_key):
        region = regions.get(p.region)
        rows.append(
            {
                "id": p.id,
                "region": p.region,
                "region_zh": region.name_zh if region else None,
                "region_en": region.name_en if region else None,
                "level": region.level.value if region else None,
                "title_zh": p.title_zh,
                "title_en": p.title_en,
                "status": p.status.value,
                "issuer": p.issuer,
                "doc_number": p.doc_number,
                "issued": p.issued.isoformat() if p.issued else None,
                "published": p.published.isoformat() if p.published else None,
                "period": {"start": p.period_start, "end": p.period_end},
                "targets": len(p.targets),
                "quantified_targets": sum(1 for t in p.targets if t.quantified),
                "baselines": len(p.baselines),
                "source": p.source,
            }
        )
    columns = (
        Column("Plan", lambda r: r["id"]),
        Column("Region", lambda r: _region_name(regions.get(r["region"]), r["region"])),
        Column("Level", lambda r: r["level"] or ""),
        Column("Title", lambda r: r["title_zh"]),
        Column("Status", lambda r: _status_text(r["status"])),
        Column("Issued", lambda r: r["issued"] or "not stated"),
        Column("Period", _period),
        Column("Targets", lambda r: f"{r['targets']} ({r['quantified_targets']} quantified)"),
        Column("Baselines", lambda r: str(r["baselines"])),
    )
    return Table(columns, rows, title="Plans in the dataset")


def show_table(ds: Dataset, plan: Plan) -> Table:
    metrics = {m.id: m for m in ds.metrics}
    region = next((r for r in ds.regions if r.id == plan.region), None)

    def zh(metric_id: str) -> str:
        return metrics[metric_id].name_zh if metric_id in metrics else metric_id

    rows = [_figure_row(plan, t, "target", zh(t.metric)) for t in plan.targets]
    rows += [_figure_row(plan, b, "baseline", zh(b.metric)) for b in plan.baselines]

    def year(r: Row) -> str:
        return f"{r['since']}–{r['year']}" if r["since"] else str(r["year"])

    columns = (
        Column("Role", lambda r: r["role"]),
        Column("Metric", lambda r: f"{r['metric_zh']}\n{r['metric']}"),
        Column("Year", year),
        Column("Figure", figure_text),
        Column("Kind", lambda r: r["kind"] or "qualitative"),
        Column("Baseline", lambda r: figure_text(r.get("baseline"), with_year=True)),
        Column("Quote", lambda r: r["quote"]),
        Column("Note", lambda r: r["note"] or ""),
    )
    facts = [
        plan.title_zh,
        _region_name(region, plan.region),
        _status_text(plan.status),
        f"{plan.period_start}–{plan.period_end}",
    ]
    facts += [x for x in (plan.doc_number, plan.issued and f"issued {plan.issued.isoformat()}") if x]
    notes = (plan.notes,) if plan.notes else ()
    return Table(columns, rows, title=" · ".join(str(f) for f in facts), notes=notes)


def metrics_table(ds: Dataset) -> Table:
    rows: list[Row] = []
    for m in ds.metrics:
        setting = ds.plans_setting(m.id)
        rows.append(
            {
                "id": m.id,
                "name_zh": m.name_zh,
                "name_en": m.name_en,
                "unit": m.unit,
                "higher_is_better": m.higher_is_better,
                "plans": len(setting),
                "plan_ids": [p.id for p in setting],
                "targets": sum(1 for p in ds.plans for t in p.targets if t.metric == m.id),
                "baselines": sum(1 for p in ds.plans for b in p.baselines if b.metric == m.id),
                "aliases": list(m.aliases),
                "related": list(m.related),
            }
        )
    rows.sort(key=lambda r: (-r["plans"], -r["targets"], r["id"]))
    columns = (
        Column("Metric", lambda r: r["id"]),
        Column("Name", lambda r: f"{r['name_zh']}\n{r['name_en']}"),
        Column("Unit", lambda r: r["unit"] or "(qualitative)"),
        Column("Better", lambda r: "higher" if r["higher_is_better"] else "lower"),
        Column("Plans", lambda r: str(r["plans"])),
        Column("Targets", lambda r: str(r["targets"])),
        Column("Baselines", lambda r: str(r["baselines"])),
    )
    return Table(columns, rows, title="Metric catalogue")
