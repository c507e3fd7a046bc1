"""The dataset as it is: its plans, one plan's figures, and the metric catalogue, as typed rows."""

from __future__ import annotations

from .model import Counts, Dataset, Plan, counts_of
from .results import BaselineData, CatalogueRow, FigureData, FigureRow, Period, PlanRow

#: Plans are listed nation first, then provinces, then cities.
LEVEL_ORDER = {"national": 0, "province": 1, "prefecture": 2}


def plan_rows(ds: Dataset, counts: Counts | None = None) -> list[PlanRow]:
    """One row per plan, by level, region and start year. `counts` when the plans do not carry their figures."""
    regions = {r.id: r for r in ds.regions}
    tally = (counts or counts_of(ds)).plans

    def sort_key(p: Plan) -> tuple[int, str, int]:
        region = regions.get(p.region)
        return (LEVEL_ORDER.get(region.level.value, 3) if region else 3, p.region, p.period_start)

    rows = []
    for p in sorted(ds.plans, key=sort_key):
        region = regions.get(p.region)
        targets, quantified, baselines = tally.get(p.id, (0, 0, 0))
        rows.append(
            PlanRow(
                id=p.id,
                region=p.region,
                region_zh=region.name_zh if region else None,
                region_en=region.name_en if region else None,
                level=region.level if region else None,
                title_zh=p.title_zh,
                title_en=p.title_en,
                status=p.status,
                issuer=p.issuer,
                doc_number=p.doc_number,
                issued=p.issued,
                published=p.published,
                period=Period(start=p.period_start, end=p.period_end),
                targets=targets,
                quantified_targets=quantified,
                baselines=baselines,
                source=p.source,
            )
        )
    return rows


def figure_rows(ds: Dataset, plan: Plan) -> list[FigureRow]:
    """Every target of the plan (each with the plan's own baseline for it), then every baseline."""
    names = {m.id: m.name_zh for m in ds.metrics}
    rows = []
    for role, figures in (("target", plan.targets), ("baseline", plan.baselines)):
        for figure in figures:
            rows.append(
                FigureRow(
                    plan=plan.id,
                    role=role,
                    metric=figure.metric,
                    metric_zh=names.get(figure.metric, figure.metric),
                    figure=FigureData.of(figure),
                    baseline=BaselineData.of(plan.baseline_for(figure)) if role == "target" else None,
                    quote=figure.quote,
                    note=figure.note,
                )
            )
    return rows


def catalogue_rows(ds: Dataset, counts: Counts | None = None) -> list[CatalogueRow]:
    """The catalogue in tree order: most used first, each metric followed by the metrics that are part of it.
    `counts` when the plans do not carry their figures."""
    tally = (counts or counts_of(ds)).metrics
    rows = []
    for m in ds.metrics:
        setting, targets, baselines = tally.get(m.id, ((), 0, 0))
        rows.append(
            CatalogueRow(
                id=m.id,
                name_zh=m.name_zh,
                name_en=m.name_en,
                unit=m.unit,
                higher_is_better=m.higher_is_better,
                parent=m.parent,
                parts=tuple(part.id for part in ds.metrics if part.parent == m.id),
                plans=len(setting),
                plan_ids=setting,
                targets=targets,
                baselines=baselines,
                aliases=m.aliases,
                related=m.related,
            )
        )
    rows.sort(key=lambda r: (-r.plans, -r.targets, r.id))
    known = {r.id for r in rows}
    tree: list[CatalogueRow] = []
    placed: set[str] = set()

    def place(row: CatalogueRow) -> None:
        if row.id in placed:  # a parent loop is a data problem validate reports; never recurse on it
            return
        placed.add(row.id)
        tree.append(row)
        for child in rows:
            if child.parent == row.id:
                place(child)

    for row in rows:
        if row.parent is None or row.parent not in known:
            place(row)
    return tree
