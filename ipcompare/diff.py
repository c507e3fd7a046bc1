"""What changed between two versions of a plan: targets raised, lowered, dropped, added, moved, re-worded.

Targets are matched by metric and kind (and year, where a plan has several for one metric and kind);
numbers are compared after normalisation, so 9万件 against 90000件 is no change.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .base_units import base_point, base_values
from .model import SPAN_KINDS, Dataset, Figure, Metric, Plan, Region, catalogue_of
from .records import field, record
from .results import FigureChange, MetadataChange, PlanRegion, QuotedFigure, json_number
from .units import parse_unit

#: Plan fields a diff reports, in this order (a region by its id).
PLAN_FIELDS = ("region", "status", "title_zh", "title_en", "issuer", "doc_number", "issued", "published", "period")


@record
class PlanDiff:
    old: Plan
    new: Plan
    metadata: list[MetadataChange]
    targets: list[FigureChange]
    unchanged: list[FigureChange] = field(default_factory=list)  # targets and baselines alike (`role` says which)
    baselines: list[FigureChange] = field(default_factory=list)  # a baseline revised, added or removed
    old_region: PlanRegion
    new_region: PlanRegion

    @property
    def changed(self) -> bool:
        return bool(self.metadata or self.targets or self.baselines)

    @property
    def other_region(self) -> bool:
        """The plans are of two regions: the changes compare two regions, not two versions of one plan."""
        return self.old_region.id != self.new_region.id


def _group(figure: Figure) -> tuple[str, str | None]:
    """What a figure is a figure of, besides its metric: its kind and its scope."""
    return (figure.kind.value if figure.kind else "qualitative", figure.scope)


def _pair(old: list[Figure], new: list[Figure]) -> list[tuple[Figure | None, Figure | None]]:
    """Match by metric, kind and scope, then by year where one metric and kind has several; what is left
    over of one metric and year is a change of kind or of scope."""
    pairs: list[tuple[Figure | None, Figure | None]] = []
    left_old, left_new = list(old), list(new)

    def take(match: Any) -> None:
        for o in list(left_old):
            n = next((n for n in left_new if match(o, n)), None)
            if n is not None:
                pairs.append((o, n))
                left_old.remove(o)
                left_new.remove(n)

    take(lambda o, n: (o.metric, _group(o), o.year) == (n.metric, _group(n), n.year))

    def alone(f: Figure, among: list[Figure]) -> bool:
        return sum((g.metric, _group(g)) == (f.metric, _group(f)) for g in among) == 1

    take(lambda o, n: (o.metric, _group(o)) == (n.metric, _group(n)) and alone(o, left_old) and alone(n, left_new))
    take(lambda o, n: (o.metric, o.year) == (n.metric, n.year))
    pairs += [(o, None) for o in left_old]
    pairs += [(None, n) for n in left_new]
    return pairs


def _same_dimension(old: Figure, new: Figure) -> bool:
    a, b = parse_unit(old.unit or ""), parse_unit(new.unit or "")
    return a is not None and b is not None and a.dimension == b.dimension


def _changed_fields(old: Figure, new: Figure) -> list[str]:
    """What changed in substance; a number written another way (9万件, 90000件) is the same number."""
    fields = []
    same_dimension = _same_dimension(old, new)
    if old.quantified != new.quantified:
        fields.append("value")
    elif same_dimension:
        if base_values(old) != base_values(new):
            fields.append("value")
    elif (old.value, old.low, old.high) != (new.value, new.low, new.high):
        fields.append("value")
    if old.quantified and new.quantified and not same_dimension:
        fields.append("unit")
    if old.year != new.year:
        fields.append("year")
    if old.kind == new.kind and old.since != new.since:
        fields.append("since")  # a span belongs to its kind: 9万件 in 2025 to 9万件 more since 2021 is a kind change
    for name in ("comparator", "kind", "scope", "direction"):
        if getattr(old, name) != getattr(new, name):
            fields.append(name)
    return fields


def _rewritten(old: Figure, new: Figure) -> list[str]:
    """How the wording changed without changing the target: the unit as written, the quote."""
    return [name for name in ("unit", "quote") if getattr(old, name) != getattr(new, name)]


def _target_row(
    metric: Metric | None, metric_id: str, old: Figure | None, new: Figure | None, role: str = "target"
) -> FigureChange:
    if old is None or new is None:
        change = "added" if old is None else "removed"
        fields: list[str] = []
        rewritten: list[str] = []
    else:
        fields = _changed_fields(old, new)
        rewritten = [f for f in _rewritten(old, new) if f not in fields]
        change = "changed" if fields else "unchanged"
    delta = percent = None
    verdict = _direction_verdict(metric, old, new) if role == "target" else None
    delta_unit = None
    if old is not None and new is not None and "value" in fields and _same_dimension(old, new) and _like(old, new):
        before, after = base_point(old), base_point(new)
        if before is not None and after is not None:
            delta = after - before
            higher = metric.higher_is_better if metric else True
            # A target is raised or lowered; a baseline is a fact, so a new figure only revises it.
            verdict = None if role == "baseline" else "raised" if (delta > 0) == higher else "lowered"
            unit = parse_unit(new.unit or "")
            points = unit is not None and unit.dimension == "percent"  # rates and shares differ in points
            percent = round(delta / before * 100, 2) if before and not points else None
            if unit is not None:
                delta = json_number(round(delta / unit.factor, 10))  # in the new target's written unit
            delta_unit = "pp" if points else new.unit
    return FigureChange(
        role=role,
        metric=metric_id,
        metric_zh=metric.name_zh if metric else metric_id,
        metric_en=metric.name_en if metric else metric_id,
        change=change,
        fields=tuple(fields),
        rewritten=tuple(rewritten),
        verdict=verdict,
        delta=delta,
        delta_unit=delta_unit,
        percent=percent,
        old=QuotedFigure.of(old),
        new=QuotedFigure.of(new),
    )


def _like(old: Figure, new: Figure) -> bool:
    """Are the two versions one target, so that their difference means something? One kind and scope, and for
    an increment or a change, a span of one length: 50 more over 2021-2025 is not 'lowered' by 40 more over
    2024-2025."""
    if (old.kind, old.scope) != (new.kind, new.scope):
        return False
    return old.kind not in SPAN_KINDS or old.span == new.span


_AMBITION = {"down": 0, "maintain": 1, "up": 2}


def _direction_verdict(metric: Metric | None, old: Figure | None, new: Figure | None) -> str | None:
    """持续增加 -> 保持稳定 lowers a qualitative target of a higher-is-better metric."""
    if old is None or new is None or old.direction is None or new.direction is None or old.direction == new.direction:
        return None
    rise = _AMBITION[new.direction.value] > _AMBITION[old.direction.value]
    higher = metric.higher_is_better if metric else True
    return "raised" if rise == higher else "lowered"


def _plan_value(plan: Plan, name: str) -> str | None:
    if name == "period":
        return f"{plan.period_start}–{plan.period_end}"
    value = getattr(plan, name)
    if value is None:
        return None
    return str(value.isoformat() if hasattr(value, "isoformat") else value)


def _region(plan: Plan, regions: Iterable[Region]) -> PlanRegion:
    found = next((r for r in regions if r.id == plan.region), None)
    if found is None:
        return PlanRegion(id=plan.region)
    return PlanRegion(id=found.id, name_zh=found.name_zh, name_en=found.name_en)


def diff_plans(old: Plan, new: Plan, metrics: Iterable[Metric] = (), regions: Iterable[Region] = ()) -> PlanDiff:
    """Every difference between two versions of a plan (or two regions' plans: the region is a plan detail
    that differs); unchanged targets are kept apart. `regions` name the plans' regions (the first of an id counts)."""
    catalogue = catalogue_of(metrics)
    regions = tuple(regions)
    metadata = [
        MetadataChange(field=name, old=_plan_value(old, name), new=_plan_value(new, name))
        for name in PLAN_FIELDS
        if _plan_value(old, name) != _plan_value(new, name)
    ]
    order = {"removed": 0, "changed": 1, "added": 2, "unchanged": 3}

    def rows(role: str, old_figures: tuple[Figure, ...], new_figures: tuple[Figure, ...]) -> list[FigureChange]:
        found = []
        for o, n in _pair(list(old_figures), list(new_figures)):
            metric_id = o.metric if o is not None else n.metric if n is not None else ""
            found.append(_target_row(catalogue.get(metric_id), metric_id, o, n, role))
        position = {f.metric: i for i, f in enumerate((*old_figures, *new_figures))}
        return sorted(found, key=lambda r: (order[r.change], position.get(r.metric, 0)))

    targets, baselines = rows("target", old.targets, new.targets), rows("baseline", old.baselines, new.baselines)
    return PlanDiff(
        old=old,
        new=new,
        metadata=metadata,
        targets=[r for r in targets if r.change != "unchanged"],
        unchanged=[r for r in (*targets, *baselines) if r.change == "unchanged"],
        baselines=[r for r in baselines if r.change != "unchanged"],
        old_region=_region(old, regions),
        new_region=_region(new, regions),
    )


def diff_in(old_data: Dataset, old_plan: str, new_data: Dataset, new_plan: str) -> PlanDiff:
    """Diff two plans, each looked up in its own dataset (a file, a revision, or the shipped data)."""
    old, new = old_data.plan(old_plan), new_data.plan(new_plan)
    return diff_plans(old, new, (*new_data.metrics, *old_data.metrics), (*new_data.regions, *old_data.regions))


@record(kw_only=False)
class DataDiff:
    """Every plan that differs between two versions of the data (two git revisions)."""

    added: list[Plan]
    removed: list[Plan]
    changed: list[PlanDiff]
    unchanged: list[PlanDiff]

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def diff_datasets(old: Dataset, new: Dataset) -> DataDiff:
    """Plans are matched by id; a plan moved to another file is the same plan."""
    before, after = {p.id: p for p in old.plans}, {p.id: p for p in new.plans}
    metrics, regions = (*new.metrics, *old.metrics), (*new.regions, *old.regions)
    both = [diff_plans(before[i], after[i], metrics, regions) for i in after if i in before]
    return DataDiff(
        added=[p for i, p in after.items() if i not in before],
        removed=[p for i, p in before.items() if i not in after],
        changed=[d for d in both if d.changed],
        unchanged=[d for d in both if not d.changed],
    )
