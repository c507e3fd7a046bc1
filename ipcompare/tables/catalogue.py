"""Tables of the dataset as it is: `plans`, `show` and `metrics`."""

from __future__ import annotations

from ..format import figure_text, kind_label, when
from ..labels import Lang, label, metric_name, name, stacked
from ..listings import catalogue_rows, figure_rows, plan_rows
from ..model import Counts, Dataset, Plan, Region, Status
from ..results import CatalogueRow, FigureRow, PlanRow
from . import Column, Table


def status_text(status: Status, lang: Lang | None) -> str:
    """A plan's status in a listing of plans: a draft stands out (DRAFT 征求意见稿)."""
    if lang is None:
        return "DRAFT 征求意见稿" if status == Status.DRAFT else status.value
    return label(f"status.{status.value}", lang)


def _region_name(region: Region | None, fallback: str, lang: Lang | None) -> str:
    return name(region.name_zh, region.name_en, lang) if region else fallback


def plans_table(ds: Dataset, lang: Lang | None = None, tally: Counts | None = None) -> Table[PlanRow]:
    regions = {r.id: r for r in ds.regions}

    def counts(r: PlanRow) -> str:
        return label("counts", lang).format(targets=r.targets, quantified=r.quantified_targets)

    # On a narrow terminal (priority): the id to type, the region, status and period stay longest.
    columns: tuple[Column[PlanRow], ...] = (
        Column(label("plan", lang), lambda r: r.id, priority=10),
        Column(label("region", lang), lambda r: _region_name(regions.get(r.region), r.region, lang), priority=9),
        Column(label("level", lang), lambda r: label(f"level.{r.level.value}", lang) if r.level else "", priority=1),
        Column(label("title", lang), lambda r: r.title_en if lang == Lang.EN else r.title_zh, priority=5),
        Column(label("status", lang), lambda r: status_text(r.status, lang), priority=7),
        Column(
            label("issued", lang),
            lambda r: r.issued.isoformat() if r.issued else label("not-stated", lang),
            priority=3,
            nowrap=True,
        ),
        Column(label("period", lang), lambda r: f"{r.period.start}–{r.period.end}", priority=6, nowrap=True),
        Column(label("targets", lang), counts, priority=4),
        Column(label("baselines", lang), lambda r: str(r.baselines), priority=2),
    )
    return Table(columns, plan_rows(ds, tally), title=label("title.plans", lang))


def show_table(ds: Dataset, plan: Plan, lang: Lang | None = None) -> Table[FigureRow]:
    metrics = {m.id: m for m in ds.metrics}
    region = next((r for r in ds.regions if r.id == plan.region), None)

    def metric(r: FigureRow) -> str:
        return metric_name(r.metric, r.metric_zh, metrics[r.metric].name_en if r.metric in metrics else r.metric, lang)

    def kind(r: FigureRow) -> str:
        if lang is None:  # the data's own word for a kind, as in JSON
            return r.figure.kind.value if r.figure.kind else "qualitative"
        return kind_label(r.figure.kind, lang)

    # On a narrow terminal (priority): the metric, the figure, its year and role, then the quote it rests on.
    columns: tuple[Column[FigureRow], ...] = (
        Column(label("role", lang), lambda r: r.role if lang is None else label(f"role.{r.role}", lang), priority=7),
        Column(label("metric", lang), metric, priority=10),
        Column(label("year", lang), lambda r: when(r.figure), priority=8, nowrap=True),
        Column(label("figure", lang), lambda r: figure_text(r.figure, lang=lang), priority=10),
        Column(label("kind", lang), kind, priority=5),
        Column(label("baseline", lang), lambda r: figure_text(r.baseline, with_year=True), priority=4),
        Column(label("quote", lang), lambda r: r.quote, priority=6),
        Column(label("note", lang), lambda r: r.note or "", priority=2),
    )
    facts = [
        plan.title_en if lang == Lang.EN else plan.title_zh,
        _region_name(region, plan.region, lang),
        status_text(plan.status, lang),
        f"{plan.period_start}–{plan.period_end}",
    ]
    if plan.doc_number:
        facts.append(plan.doc_number)
    if plan.issued:
        facts.append(label("issued-on", lang).format(date=plan.issued.isoformat()))
    notes = (plan.notes,) if plan.notes else ()
    return Table(columns, figure_rows(ds, plan), title=" · ".join(facts), notes=notes)


def _tree_prefixes(rows: list[CatalogueRow]) -> dict[str, str]:
    """How each metric hangs in the tree: '├─ ', '│  └─ ' ... (rows are in tree order)."""
    children: dict[str | None, list[str]] = {}
    known = {r.id for r in rows}
    for r in rows:
        children.setdefault(r.parent if r.parent in known else None, []).append(r.id)
    prefix: dict[str, str] = {}

    def walk(parent: str, lead: str) -> None:
        below = children.get(parent, [])
        for i, child in enumerate(below):
            last = i == len(below) - 1
            if child in prefix:
                continue
            prefix[child] = lead + ("└─ " if last else "├─ ")
            walk(child, lead + ("   " if last else "│  "))

    for top in children.get(None, []):
        prefix[top] = ""
        walk(top, "")
    return prefix


def metrics_table(ds: Dataset, lang: Lang | None = None, tally: Counts | None = None) -> Table[CatalogueRow]:
    """The catalogue as a tree: each metric followed by the metrics that are part of it, indented."""
    rows = catalogue_rows(ds, tally)
    prefix = _tree_prefixes(rows)

    def better(r: CatalogueRow) -> str:
        return label("better.higher" if r.higher_is_better else "better.lower", lang)

    # On a narrow terminal (priority): the id, its names and unit, then the counts of targets and baselines.
    columns: tuple[Column[CatalogueRow], ...] = (
        Column(label("metric", lang), lambda r: f"{prefix.get(r.id, '')}{r.id}", priority=10),
        Column(label("name", lang), lambda r: stacked(r.name_zh, r.name_en, lang), priority=8),
        Column(label("unit", lang), lambda r: r.unit or label("qualitative-unit", lang), priority=7),
        Column(label("better", lang), better, priority=3),
        Column(label("plans", lang), lambda r: str(r.plans), priority=4),
        Column(label("target-count", lang), lambda r: str(r.targets), priority=6),
        Column(label("baseline-count", lang), lambda r: str(r.baselines), priority=5),
    )
    return Table(columns, rows, title=label("title.metrics", lang), notes=(label("note.tree", lang),))
