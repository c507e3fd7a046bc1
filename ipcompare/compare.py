"""Comparisons the analyst asks for: one metric across regions, and regions side by side.

Values are only ever set against values of the same metric, scope, kind, span and year: a level, an
increment, an annual flow and a growth rate of one metric answer different questions, and so do
gi-trademarks and its part gi-certification-marks. Each is ranked within its own group, and the
national ratio is taken against the national figure of the same group.
Rows are typed (results.MetricRow, results.CompareRow); tables/ turns them into tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from .errors import UnknownName, UsageError
from .model import PERCENT_KINDS, SPAN_KINDS, Dataset, Figure, Kind, Level, Metric, Plan, Region, Status
from .records import field, fill, record
from .results import (
    BaselineData,
    Cell,
    CompareRow,
    CompareTarget,
    FigureData,
    MetricRow,
    Normalized,
    Number,
    as_json,
    json_number,
)
from .units import Unit, base_of, convert, known_units, parse_unit, per_10k_people

#: The order groups are listed in; qualitative targets (a direction, no number) come last.
KIND_ORDER: tuple[str, ...] = (*(k.value for k in Kind), "qualitative")
#: Growth compounds for stocks and yearly amounts of things and money; a share or a score that
#: moves from 80 to 82 does not compound, so no CAGR is given for those.
CAGR_KINDS = (Kind.LEVEL, Kind.FLOW)
CAGR_DIMENSIONS = ("count", "money")
PER_CAPITA_DIMENSIONS = ("count", "money")


@record(kw_only=False)
class Scale:
    """How one metric's quantified values are normalised for a comparison.

    `normalized` is the unit of the rows' normalized values (the base unit, 元 or 件, unless a
    unit was asked for); `display` is the unit a table shows them in (the metric's own unit,
    亿元 say, unless a unit was asked for).
    """

    canonical: Unit | None
    normalized: Unit | None
    display: Unit | None
    per_capita: bool = False


@record
class MetricComparison:
    metric: Metric
    scale: Scale
    rows: list[MetricRow]
    national: Region | None = None
    #: regions whose targets have no per-capita figure because the data gives no population
    unpopulated: list[Region] = field(default_factory=list)
    #: per-capita figures were asked for, but the metric is already per 10k people
    already_per_capita: bool = False
    #: the metrics whose targets are listed: the metric, then its parts (none with exact=True)
    metrics: list[Metric] = field(default_factory=list)
    #: metrics related to those (either way round) that have targets, and how many: not compared here
    see_also: list[tuple[Metric, int]] = field(default_factory=list)
    #: the scale of each listed metric: a part is shown in its own unit (5 个, not 5 件 of its parent)
    scales: dict[str, Scale] = field(default_factory=dict)
    #: with per-capita figures: the year of the population each region's figures are divided by
    population_years: dict[str, int] = field(default_factory=dict)


@record
class CompareColumn:
    """A column of `compare`: one plan of a region."""

    key: str  # the region's id when the plan is its only column here, else the plan's id
    region: Region
    plan: Plan
    by_plan: bool  # the region has other columns here, or the plan was named: label it with the plan


@record
class RegionComparison:
    regions: list[Region]
    metrics: list[Metric]
    rows: list[CompareRow]
    columns: list[CompareColumn] = field(default_factory=list)
    #: the plans chosen as their regions' latest (latest=True), to say so
    latest: list[Plan] = field(default_factory=list)
    #: how many of the rows have a number from only one of the named columns
    single: int = 0
    min_columns: int = 1
    per_capita: bool = False
    #: regions whose quantified targets have no per-capita figure because the data gives no population
    unpopulated: list[Region] = field(default_factory=list)


def scale_for(metric: Metric, *, per_capita: bool = False, unit: str | None = None) -> Scale:
    """The units a comparison of `metric` uses; a UsageError says why a request cannot be met."""
    canonical = parse_unit(metric.unit) if metric.unit else None
    if canonical is None:
        if per_capita or unit:
            asked = "per-capita figures" if per_capita else f"unit {unit!r}"
            raise UsageError(
                f"cannot give {asked} for {metric.id}: it has no unit (its targets are qualitative)",
                "per_capita" if per_capita else "unit",
            )
        return Scale(None, None, None)
    divide = per_capita and not canonical.per_10k_people
    if per_capita and canonical.dimension not in PER_CAPITA_DIMENSIONS:
        raise UsageError(
            f"cannot give per-capita figures for {metric.id}: it is measured in {metric.unit} "
            f"({canonical.dimension}); only counts and money can be divided by population",
            "per_capita",
        )
    per_10k = canonical.per_10k_people or divide
    normalized = base_of(canonical)
    display = canonical
    if divide:
        normalized, display = per_10k_people(normalized), per_10k_people(display)
    if unit is not None:
        wanted = parse_unit(unit)
        if wanted is None:
            raise UsageError(f"unknown unit {unit!r} (known units: {', '.join(known_units()[:14])}, ...)", "unit")
        if wanted.dimension != canonical.dimension:
            raise UsageError(
                f"cannot show {metric.id} in {unit}: {unit} is {wanted.dimension}, "
                f"but {metric.id} is measured in {metric.unit} ({canonical.dimension})",
                "unit",
            )
        if wanted.per_10k_people and not per_10k:
            raise UsageError(
                f"{unit} is per 10k people, but {metric.id} is a total: ask for per-capita figures",
                "unit",
                remedy="per_capita",
            )
        normalized = display = per_10k_people(wanted) if per_10k else wanted
    return Scale(canonical, normalized, display, per_capita=divide)


def normalize(figure: Figure, scale: Scale, region: Region) -> Normalized | None:
    """The figure in the comparison's unit, per 10k people when asked; None when it cannot be."""
    if not figure.quantified or figure.unit is None:
        return None
    written = parse_unit(figure.unit)
    if written is None:
        return None
    value = figure.value if figure.value is not None else figure.low
    amounts = (value, figure.low, figure.high)
    if figure.kind in PERCENT_KINDS or scale.canonical is None or scale.normalized is None:
        return _normalized(amounts, figure.unit)  # a rate is the same rate per head and in any unit
    if scale.canonical.per_10k_people:
        written = per_10k_people(written)  # 每万人口...达到6件: the 件 is per 10k people
    target = scale.normalized
    population = region.population.value if region.population else None
    if scale.per_capita:
        if not population:
            return None
        # dividing by population in 10k people is one more factor on the way to the base unit
        written = Unit(written.text, written.base, written.dimension, written.factor * 1e4 / population, True)
    try:
        converted = tuple(None if v is None else convert(v, written, target) for v in amounts)
    except ValueError:
        return None
    return _normalized(converted, target.text)


def _normalized(amounts: tuple[float | None, ...], unit: str) -> Normalized:
    value, low, high = (json_number(v) for v in amounts)
    return Normalized(value=value, low=low, high=high, unit=unit)


def _cagr(plan: Plan, figure: Figure, base: Figure | None, scale: Scale) -> tuple[float | None, str | None]:
    """Annual growth from the plan's baseline to the target, else the growth rate the plan states."""
    if figure.kind == Kind.GROWTH_RATE and figure.value is not None:
        return figure.value, "stated"
    dimension = scale.canonical.dimension if scale.canonical else None
    if (
        figure.kind in CAGR_KINDS
        and dimension in CAGR_DIMENSIONS
        and base is not None
        and base.value
        and figure.value
        and base.unit
        and figure.unit
        and figure.year > base.year
    ):
        start, end = parse_unit(base.unit), parse_unit(figure.unit)
        if start is not None and end is not None and start.dimension == end.dimension:
            ratio = (figure.value * end.factor) / (base.value * start.factor)
            if ratio > 0:
                return round((ratio ** (1 / (figure.year - base.year)) - 1) * 100, 2), "implied"
    stated = next(
        (
            t
            for t in plan.targets
            if (t.metric, t.scope, t.year) == (figure.metric, figure.scope, figure.year)
            and t.kind == Kind.GROWTH_RATE
            and t.value
        ),
        None,
    )
    if stated is not None and figure.kind in CAGR_KINDS:
        return stated.value, "stated"
    return None, None


def shown(normalized: Normalized, comparison: MetricComparison, metric: str) -> tuple[list[float], str]:
    """A normalised value, or a range's two ends, in the unit a table shows `metric` in (the metric's own
    unit, 亿元 say, or a part's own), and that unit."""
    ends = [normalized.value] if normalized.low is None else [normalized.low, normalized.high]
    numbers = [float(v) for v in ends if v is not None]
    own = comparison.scales.get(metric, comparison.scale)  # a part is shown in its own unit
    if own.normalized is not None and own.display is not None and normalized.unit == own.normalized.text:
        return [convert(v, own.normalized, own.display) for v in numbers], own.display.text
    return numbers, normalized.unit


def _group(figure: FigureData) -> str:
    return figure.kind.value if figure.kind else "qualitative"


def bucket(row: MetricRow) -> tuple[Any, ...]:
    """The targets a row is set against: one metric, one scope, one kind, one span and one year."""
    figure = row.figure
    start = figure.since if figure.kind in SPAN_KINDS else None
    return (row.metric, figure.scope, _group(figure), start, figure.year)


def _resolve_regions(ds: Dataset, names: Iterable[str]) -> list[Region]:
    return list(dict.fromkeys(ds.region(n) for n in names))


def _with_descendants(ds: Dataset, regions: Iterable[Region]) -> set[str]:
    """A province stands for itself and its cities: --region 山东 includes 泰安."""
    wanted = {r.id for r in regions}
    grew = True
    while grew:
        more = {r.id for r in ds.regions if r.parent in wanted} - wanted
        wanted |= more
        grew = bool(more)
    return wanted


def _ranked(
    rows: list[MetricRow], metrics: dict[str, Metric], buckets: dict[int, tuple[Any, ...]]
) -> dict[int, tuple[int, int]]:
    """Rank within each bucket (metric, scope, kind, span, year), best first by the bucket's own metric;
    ties share a rank (1, 1, 3). By id(row): (rank, how many ranked). A national row is not ranked: the
    reference is what the regions are set against, and a national draft or second plan is no region's peer."""
    groups: dict[tuple[Any, ...], list[MetricRow]] = {}
    for row in rows:
        comparable = row.normalized is not None and row.figure.kind not in (None, Kind.UNCLEAR)
        if comparable and row.level != Level.NATIONAL:
            groups.setdefault(buckets[id(row)], []).append(row)
    ranks: dict[int, tuple[int, int]] = {}
    for members in groups.values():
        higher_is_better = metrics[members[0].metric].higher_is_better
        members.sort(key=lambda r: _value(r) or 0, reverse=higher_is_better)
        for position, row in enumerate(members, start=1):
            previous = members[position - 2] if position > 1 else None
            same = previous is not None and _value(previous) == _value(row)
            rank = ranks[id(previous)][0] if same and previous is not None else position
            ranks[id(row)] = (rank, len(members))
    return ranks


def _value(row: MetricRow) -> Number | None:
    return row.normalized.value if row.normalized is not None else None


def _sort_key(
    row: MetricRow, higher_is_better: bool, led: set[tuple[Any, ...]], position: dict[str, int], bucket: tuple[Any, ...]
) -> tuple[Any, ...]:
    """The metric first, then its parts; within each, groups led by a national reference row first, then by
    scope, kind and year; best first within each group."""
    value = _value(row)
    order = -value if value is not None and higher_is_better else value
    figure = row.figure
    return (
        position[row.metric],
        bucket not in led,
        figure.scope or "",
        KIND_ORDER.index(_group(figure)),
        figure.year,
        figure.since or 0,
        not row.reference,
        row.level != Level.NATIONAL,  # a national draft under the reference, not among the regions
        row.rank is None,
        row.rank or 0,
        order is None,
        order or 0,
        row.region,
        row.plan,
    )


def compare_metric(
    ds: Dataset,
    metric: str,
    *,
    exact: bool = False,
    year: int | None = None,
    levels: Iterable[Level | str] = (),
    regions: Iterable[str] = (),
    status: Status | str | None = None,
    per_capita: bool = False,
    unit: str | None = None,
) -> MetricComparison:
    """Every target for one metric (and, unless `exact`, for the metrics that are part of it), normalised,
    with baseline, CAGR and ratio to the nation, each ranked only against targets of its own metric."""
    found = ds.metric(metric)
    family = [found] if exact else [found, *ds.parts(found.id)]
    members = {m.id: m for m in family}
    scale = scale_for(found, per_capita=per_capita, unit=unit)
    # Parts are measured like their parent (validate sees to it), so what works for one works for all;
    # a part with no unit has only qualitative targets.
    scales = {found.id: scale} | {
        m.id: scale_for(m, per_capita=per_capita, unit=unit) if m.unit else Scale(None, None, None) for m in family[1:]
    }
    by_id = {r.id: r for r in ds.regions}
    rows = [
        _metric_row(plan, by_id[plan.region], figure, scales[figure.metric], members[figure.metric])
        for plan in ds.plans
        if plan.region in by_id
        for figure in plan.targets
        if figure.metric in members
    ]
    every = rows  # kept alive while rows are known by id()
    buckets = {id(r): bucket(r) for r in every}
    national = _against_national(every, buckets)  # among every target; ranks among those the options keep
    rows = _filtered(ds, every, year, levels, regions, status)
    ranks = _ranked(rows, members, buckets)
    for r in rows:
        # The rows are this function's own until it returns: filled in place (records.fill), not copied.
        reference, ratio = national[id(r)]
        rank, of = ranks.get(id(r), (None, None))
        fill(r, reference=reference, vs_national=ratio, rank=rank, rank_of=of)
    led = {buckets[id(r)] for r in rows if r.reference}
    position = {m.id: i for i, m in enumerate(family)}
    rows.sort(key=lambda r: _sort_key(r, members[r.metric].higher_is_better, led, position, buckets[id(r)]))

    unpopulated = [
        by_id[i] for i in sorted({r.region for r in rows if r.normalized is None and r.figure.amount.quantified})
    ]
    years: dict[str, int] = {}
    for r in rows if scale.per_capita else []:
        population = by_id[r.region].population
        if r.normalized is not None and population is not None:
            years[r.region] = population.year
    return MetricComparison(
        metric=found,
        scale=scale,
        rows=rows,
        national=next((r for r in ds.regions if r.level == Level.NATIONAL), None),
        unpopulated=unpopulated if scale.per_capita else [],
        already_per_capita=per_capita and scale.canonical is not None and scale.canonical.per_10k_people,
        metrics=family,
        see_also=_see_also(ds, family),
        scales=scales,
        population_years=years,
    )


def _against_national(
    rows: list[MetricRow], buckets: dict[int, tuple[Any, ...]]
) -> dict[int, tuple[bool, float | None]]:
    """The national row of each bucket, and every row's ratio to it: by id(row), (is the reference, ratio)."""
    reference: dict[tuple[Any, ...], MetricRow] = {}
    for row in rows:
        if row.level == Level.NATIONAL and row.normalized is not None and row.figure.kind:
            # the final plan wins over a draft; among equals, the first in the data
            key = buckets[id(row)]
            if key not in reference or (reference[key].status == Status.DRAFT and row.status == Status.FINAL):
                reference[key] = row
    marked: dict[int, tuple[bool, float | None]] = {}
    for row in rows:
        national = reference.get(buckets[id(row)]) if row.figure.kind else None
        ratio = None
        value, base = _value(row), _value(national) if national is not None else None
        # A multiple of the national target says something only of two amounts above zero: -5 % against -2 %
        # is not "2.5 times" the nation's, and 0 against -2 is no "-0×".
        if value is not None and base is not None and base > 0 and value >= 0:
            ratio = round(value / base, 4)
        marked[id(row)] = (national is row, ratio)
    return marked


def _filtered(
    ds: Dataset,
    rows: list[MetricRow],
    year: int | None,
    levels: Iterable[Level | str],
    regions: Iterable[str],
    status: Status | str | None,
) -> list[MetricRow]:
    """The rows the options ask for; ranks and the national ratio are taken after, among these."""
    wanted_levels = {Level(v) for v in levels}
    wanted_regions = _with_descendants(ds, _resolve_regions(ds, regions)) if regions else None
    wanted_status = Status(status) if status is not None else None
    return [
        r
        for r in rows
        if (year is None or r.figure.year == year)
        and (not wanted_levels or r.level in wanted_levels)
        and (wanted_regions is None or r.region in wanted_regions)
        and (wanted_status is None or r.status == wanted_status)
    ]


def _see_also(ds: Dataset, family: list[Metric]) -> list[tuple[Metric, int]]:
    """Metrics related to the family, with their number of targets: where else an analyst should look."""
    ids = {m.id for m in family}
    related = {r for m in family for r in m.related} | {m.id for m in ds.metrics if ids & set(m.related)}
    counts = {m.id: ds.targets_of(m.id) for m in ds.metrics if m.id in related}
    return [(m, counts[m.id]) for m in ds.metrics if counts.get(m.id) and m.id not in ids]


def _metric_row(plan: Plan, region: Region, figure: Figure, scale: Scale, metric: Metric) -> MetricRow:
    base = plan.baseline_for(figure)
    cagr, cagr_source = _cagr(plan, figure, base, scale) if figure.quantified else (None, None)
    return MetricRow(
        metric=figure.metric,
        metric_zh=metric.name_zh,
        metric_en=metric.name_en,
        plan=plan.id,
        plan_zh=plan.short("zh"),
        plan_en=plan.short("en"),
        region=region.id,
        region_zh=region.name_zh,
        region_en=region.name_en,
        level=region.level,
        status=plan.status,
        figure=FigureData.of(figure),
        normalized=normalize(figure, scale, region),
        baseline=BaselineData.of(base),
        cagr=json_number(cagr),
        cagr_source=cagr_source,
        quote=figure.quote,
        note=figure.note,
    )


def compare_regions(
    ds: Dataset,
    regions: Sequence[str],
    *,
    metrics: Iterable[str] = (),
    national: bool = False,
    year: int | None = None,
    kind: Kind | str | None = None,
    latest: bool = False,
    min_columns: int = 1,
    per_capita: bool = False,
) -> RegionComparison:
    """A matrix: for each metric, each column's targets. A column is a region's plan: a region with one plan
    in the comparison is one column, one with several (a 13th and a 14th plan, a draft and its final) a
    column for each, unless `latest` keeps only its latest final plan. A name may also be a plan id, or a
    region whose plans are its cities' (山东 for 泰安).

    `min_columns` keeps the metrics that at least that many of the named columns (not the national one) set
    a number for. Each target carries its normalised value (per 10k people with `per_capita`) and its quote.
    """
    wanted_kind = None if kind is None or kind == "qualitative" else Kind(kind)
    columns, picked_latest = _columns(ds, regions, latest)
    named = [c.key for c in columns]
    if national:
        taken = {c.region.id for c in columns}
        nation = [r for r in ds.regions if r.level == Level.NATIONAL and r.id not in taken]
        columns = _columns_of(ds, nation, latest)[0] + columns
    by_key = {c.key: c for c in columns}
    cells = _column_cells(ds, columns, year, wanted_kind, kind == "qualitative", per_capita)
    picked = list(dict.fromkeys(ds.metric(m) for m in metrics))
    if not picked:
        picked = _most_targeted(ds, cells, named)
    setting = {
        m.id: sum(any(c.figure.amount.quantified for c in cells.get((m.id, k), [])) for k in named) for m in picked
    }
    rows = [
        CompareRow(
            metric=m.id,
            metric_zh=m.name_zh,
            metric_en=m.name_en,
            unit=m.unit,
            higher_is_better=m.higher_is_better,
            targets={k: cells.get((m.id, k), []) for k in by_key},
        )
        for m in picked
        if min_columns <= 1 or setting[m.id] >= min_columns
    ]
    region_of = {c.key: c.region for c in columns}
    unpopulated = {
        region_of[key].id: region_of[key]
        for row in rows
        for key, entries in row.targets.items()
        for c in entries
        if c.per_capita and c.normalized is None and c.figure.amount.quantified
    }
    return RegionComparison(
        regions=list(dict.fromkeys(c.region for c in columns)),
        metrics=picked,
        rows=rows,
        columns=columns,
        latest=picked_latest,
        single=sum(1 for m in picked if setting[m.id] == 1) if min_columns <= 1 else 0,
        min_columns=min_columns,
        per_capita=per_capita,
        unpopulated=[unpopulated[i] for i in sorted(unpopulated)],
    )


def _columns(ds: Dataset, names: Sequence[str], latest: bool) -> tuple[list[CompareColumn], list[Plan]]:
    """The columns the names ask for, in their order, and the plans `latest` chose (to say so)."""
    columns: list[CompareColumn] = []
    chosen: list[Plan] = []
    planned = {p.region for p in ds.plans}
    for name in names:
        try:
            regions = [ds.region(name)]
        except UnknownName:
            plan = next((p for p in ds.plans if p.id == name), None)
            if plan is None:
                raise
            columns.append(_column(ds, plan, alone=False))
            continue
        if regions[0].id not in planned:  # a province whose plans are its cities'
            below = _with_descendants(ds, regions) - {regions[0].id}
            regions = [r for r in ds.regions if r.id in below and r.id in planned] or regions
        _require_plans(ds, regions, planned)
        more, picked = _columns_of(ds, regions, latest)
        columns += more
        chosen += picked
    unique = list({c.key: c for c in columns}.values())
    return unique, chosen


def _columns_of(ds: Dataset, regions: Sequence[Region], latest: bool) -> tuple[list[CompareColumn], list[Plan]]:
    columns: list[CompareColumn] = []
    chosen: list[Plan] = []
    for region in regions:
        plans = [p for p in ds.plans if p.region == region.id]
        if latest and len(plans) > 1:
            finals = [p for p in plans if p.status == Status.FINAL] or plans
            plans = [max(finals, key=lambda p: (p.period_end, p.issued or dt.date.min, p.period_start))]
            chosen += plans
        elif latest and plans and plans[0].status == Status.DRAFT:
            chosen += plans  # its only plan, a draft: said, as a draft is not what --latest promises
        columns += [_column(ds, p, alone=len(plans) == 1) for p in plans]
    return columns, chosen


def _column(ds: Dataset, plan: Plan, *, alone: bool) -> CompareColumn:
    """One plan as a column: keyed by its region's id when it is the region's only column, else by its own."""
    region = ds.region(plan.region)
    return CompareColumn(key=region.id if alone else plan.id, region=region, plan=plan, by_plan=not alone)


def _column_cells(
    ds: Dataset,
    columns: Sequence[CompareColumn],
    year: int | None,
    kind: Kind | None,
    qualitative: bool,
    per_capita: bool,
) -> dict[tuple[str, str], list[Cell]]:
    """Each column's targets (of `year` and `kind` only, when given) by (metric, column key), in reading order."""
    metrics = {m.id: m for m in ds.metrics}
    scales: dict[str, Scale | None] = {}
    cells: dict[tuple[str, str], list[Cell]] = {}
    for column in columns:
        plan = column.plan
        for figure in plan.targets:
            if year is not None and figure.year != year:
                continue
            if (kind is not None and figure.kind != kind) or (qualitative and figure.quantified):
                continue
            metric = metrics.get(figure.metric)
            if metric is None:
                continue
            if figure.metric not in scales:
                scales[figure.metric] = _cell_scale(metric, per_capita)
            scale = scales[figure.metric]
            cell = Cell(
                plan=plan.id,
                status=plan.status,
                figure=FigureData.of(figure),
                normalized=normalize(figure, scale, column.region) if scale is not None else None,
                per_capita=scale is not None and scale.per_capita,
                quote=figure.quote,
            )
            cells.setdefault((figure.metric, column.key), []).append(cell)
    for entries in cells.values():
        entries.sort(key=lambda c: (c.figure.year, KIND_ORDER.index(_group(c.figure)), c.plan))
    return cells


def _cell_scale(metric: Metric, per_capita: bool) -> Scale | None:
    """The scale of a metric's cells: its base unit, per 10k people when asked and the metric allows (a share
    or a metric already per head is shown as it is); None for a metric with no unit."""
    if not metric.unit:
        return None
    try:
        return scale_for(metric, per_capita=per_capita)
    except UsageError:  # a per-capita figure of a rate or a score: the figure as it is
        return scale_for(metric)


def _most_targeted(ds: Dataset, cells: dict[tuple[str, str], list[Cell]], named: list[str]) -> list[Metric]:
    """With no metric asked for, every metric the named columns target: the most widely quantified first."""
    position = {m.id: i for i, m in enumerate(ds.metrics)}

    def weight(m: Metric) -> tuple[int, int, int]:
        quantified = sum(any(c.figure.amount.quantified for c in cells.get((m.id, k), [])) for k in named)
        any_target = sum(bool(cells.get((m.id, k))) for k in named)
        return (-quantified, -any_target, position[m.id])

    return sorted((m for m in ds.metrics if any(cells.get((m.id, k)) for k in named)), key=weight)


def _require_plans(ds: Dataset, chosen: Iterable[Region], planned: set[str]) -> None:
    """A region without a plan would be an empty column: say which regions have plans instead."""
    for region in chosen:
        if region.id not in planned:
            with_plans = ", ".join(r.name_zh for r in ds.regions if r.id in planned)
            raise UsageError(
                f"region {region.id!r} ({region.name_zh}) has no plan in the data (regions with plans: {with_plans})",
                "region",
            )


def tidy(comparison: RegionComparison) -> list[CompareTarget]:
    """The comparison in the tidy form: one row per metric, column and target (`compare --long`, its CSV)."""
    by_key = {c.key: c for c in comparison.columns}
    out: list[CompareTarget] = []
    for row in comparison.rows:
        for key, cells in row.targets.items():
            column = by_key[key]
            for cell in cells:
                figure, amount, normal = cell.figure, cell.figure.amount, cell.normalized
                out.append(
                    CompareTarget(
                        metric=row.metric,
                        metric_zh=row.metric_zh,
                        metric_en=row.metric_en,
                        column=key,
                        region=column.region.id,
                        region_zh=column.region.name_zh,
                        region_en=column.region.name_en,
                        level=column.region.level,
                        plan=column.plan.id,
                        plan_zh=column.plan.short("zh"),
                        plan_en=column.plan.short("en"),
                        status=cell.status,
                        year=figure.year,
                        since=figure.since,
                        kind=figure.kind,
                        comparator=amount.comparator,
                        direction=figure.direction,
                        scope=figure.scope,
                        value=amount.value,
                        low=amount.low,
                        high=amount.high,
                        unit=amount.unit,
                        normalized_value=normal.value if normal else None,
                        normalized_low=normal.low if normal else None,
                        normalized_high=normal.high if normal else None,
                        normalized_unit=normal.unit if normal else None,
                        per_capita=cell.per_capita and normal is not None,
                        quote=cell.quote,
                    )
                )
    return out


def metric_rows(ds: Dataset, metric: str, **filters: Any) -> list[dict[str, Any]]:
    """One metric across regions as JSON objects (for a notebook: pandas.DataFrame(rows)); the rows of
    `ipcompare metric --format json`. Keywords as compare_metric: exact, year, levels, regions, status,
    per_capita, unit."""
    rows: list[dict[str, Any]] = as_json(compare_metric(ds, metric, **filters).rows)
    return rows


def compare_rows(ds: Dataset, regions: Sequence[str], *, long: bool = False, **options: Any) -> list[dict[str, Any]]:
    """Regions side by side as JSON objects: the rows of `ipcompare compare --format json` (with `long`, of
    `--long`: one per target, for pandas.DataFrame). Keywords as compare_regions: metrics, national, year,
    kind, latest, min_columns, per_capita."""
    comparison = compare_regions(ds, regions, **options)
    rows: list[dict[str, Any]] = as_json(tidy(comparison) if long else comparison.rows)
    return rows
