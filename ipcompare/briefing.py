"""A briefing: what `report` writes, as data. The tables are the ones the commands print, built by the same
functions; the charts are described here (what is drawn, from which rows) and drawn by charts.py, so that
nothing is plotted that the tables do not show.

A chart sets side by side only what the tables would: bars are the targets of one rank group (one metric,
scope, kind, span and year) with the national target of that group as a line; slopes join a plan's own
baseline to its level target in the same unit; outcomes are set against targets of the same metric, scope
and kind (a level), as `progress` sets them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .compare import MetricComparison, bucket, compare_metric, compare_regions, normalize, shown
from .format import comparator_symbol, derived_range, kind_label, when
from .labels import Lang, label, name
from .model import SPAN_KINDS, Dataset, Figure, Kind, Level, Plan, Region, Status
from .records import field, record, replace
from .results import FigureData, MetricRow
from .tables import Table

if TYPE_CHECKING:
    from .checks import Finding


@record(kw_only=False)
class Bar:
    label: str
    value: float  # in the chart's unit; a range's low end
    high: float | None  # a range's high end
    text: str  # the value as the table shows it (≥ 3.6 件/万人)
    draft: bool


@record
class BarChart:
    """The targets of one rank group, best first, and the national target of the same group as a line."""

    title: str
    unit: str
    bars: tuple[Bar, ...]
    national: float | None = None
    national_high: float | None = None  # a national range's high end
    national_label: str | None = None
    of: int = 0  # how many targets the group has: more than the bars when only the best MAX_BARS are drawn


@record(kw_only=False)
class Slope:
    label: str
    start_year: int
    start: float
    end_year: int
    end: float  # a range's low end
    national: bool = False
    end_high: float | None = None  # a range's high end, drawn as a bar at the target year
    text: str = ""  # the target as the table shows it (> 100,000 件, 7–10 家)
    draft: bool = False


@record
class SlopeChart:
    """Each plan's own baseline joined to its level target (same metric, scope and unit)."""

    title: str
    unit: str
    slopes: tuple[Slope, ...]
    of: int = 0  # how many plans state a baseline: more than the slopes when only MAX_SLOPES are drawn


@record(kw_only=False)
class Track:
    """One region: what it planned (a baseline and the straight path to each target) and what it reported."""

    label: str
    planned: tuple[tuple[tuple[int, float], tuple[int, float]], ...]  # (baseline, target) pairs
    targets: tuple[tuple[int, float], ...]
    outcomes: tuple[tuple[int, float], ...]
    drafts: tuple[bool, ...] = ()  # for each target: is it a draft's


@record
class OutcomeChart:
    title: str
    unit: str
    tracks: tuple[Track, ...]
    of: int = 0  # how many regions reported: more than the tracks when only MAX_TRACKS are drawn


Chart = BarChart | SlopeChart | OutcomeChart


@record(kw_only=False)
class Section:
    heading: str
    charts: tuple[Chart, ...] = field(default=())
    tables: tuple[Table[Any], ...] = field(default=())
    text: tuple[str, ...] = field(default=())  # paragraphs said before the charts (why there is no chart)


@record
class Briefing:
    title: str
    sections: tuple[Section, ...]
    files: tuple[str, ...] = field(default=())  # the data files it was made from
    said: tuple[str, ...] = field(default=())  # what the command says on stderr (no targets match)


#: At most this many bars, slopes and regions' tracks in one chart; the table under it lists every target.
MAX_BARS, MAX_SLOPES, MAX_TRACKS = 30, 10, 8


def metric_briefing(
    ds: Dataset,
    metrics: Sequence[str],
    regions: Sequence[str] = (),
    year: int | None = None,
    lang: Lang | None = None,
    *,
    exact: bool = False,
    per_capita: bool = False,
    latest: bool = False,
) -> Briefing:
    """A briefing on metrics (each with its parts unless `exact`), across every region or only `regions` and
    the regions within them; with no metric named, on the regions' plans side by side and the metrics they set."""
    from .tables.comparisons import compare_table

    sections: list[Section] = []
    title_parts: list[str] = []
    plan_ids: list[str] = []
    named = bool(metrics)
    if regions and not metrics:
        side = compare_regions(ds, list(regions), year=year, per_capita=per_capita, latest=latest)
        by_region: dict[str, list[str]] = {}
        for column in side.columns:
            by_region.setdefault(column.region.id, []).append(column.key)
        metrics = _shared_metrics(side.rows, list(by_region.values()), min(2, len(by_region)))
        text = () if metrics else (label("report.none-shared", lang),)
        table = compare_table(side, lang, hints=False)
        sections.append(Section(label("report.side-by-side", lang), tables=(table,), text=text))
        plan_ids += [c.plan.id for c in side.columns]
    found = list(dict.fromkeys(ds.metric(m).id for m in metrics))
    said = []
    comparisons = []
    for metric in found:
        comparison, references = _comparison(ds, metric, regions, year, exact, per_capita)
        comparisons.append(comparison)
        sections.append(_metric_section(ds, comparison, references, lang))
        if named:
            title_parts.append(name(comparison.metric.name_zh, comparison.metric.name_en, lang))
        if not comparison.rows:
            said.append(f"no targets for {metric} match these options")
    if regions:
        places = dict.fromkeys(ds.region(r) for r in regions)
        title_parts.append(("、" if lang == Lang.ZH else ", ").join(name(r.name_zh, r.name_en, lang) for r in places))
    if year is not None:
        title_parts.append(str(year))
    by_id = _plans(ds)
    plan_ids += [r.plan for c in comparisons for r in c.rows]
    plans = [by_id[p] for p in dict.fromkeys(plan_ids)]
    family = {m.id for c in comparisons for m in c.metrics} if named else None
    sections.append(_findings(ds, plans, family, lang))
    title = f"{label('report.title', lang)}: {' · '.join(title_parts)}"
    return Briefing(title=title, sections=tuple(sections), files=ds.files, said=tuple(said))


def _shared_metrics(rows: Iterable[Any], regions: list[list[str]], least: int) -> list[str]:
    """The metrics of a side-by-side comparison that `least` of its regions quantify (in any of their columns,
    one for each plan): those worth a chart."""
    return [
        row.metric
        for row in rows
        if sum(any(c.normalized is not None for k in keys for c in row.targets.get(k, [])) for keys in regions)
        >= max(least, 1)
    ]


References = dict[tuple[Any, ...], MetricRow]


def _comparison(
    ds: Dataset, metric: str, regions: Sequence[str], year: int | None, exact: bool, per_capita: bool
) -> tuple[MetricComparison, References]:
    """`metric` as `metric --region ... --year` lists it, and the national target of each of its groups: the line
    the bars are set against, even where the regions chosen leave the nation out of the table."""
    options: dict[str, Any] = {"year": year, "exact": exact, "per_capita": per_capita}
    comparison = compare_metric(ds, metric, regions=regions, **options)
    rows = comparison.rows
    if regions:
        rows = compare_metric(ds, metric, levels=[Level.NATIONAL], **options).rows
    return comparison, {bucket(r): r for r in rows if r.reference}


def _metric_section(ds: Dataset, comparison: MetricComparison, references: References, lang: Lang | None) -> Section:
    from .tables.comparisons import metric_table, quotes_table

    metric = comparison.metric
    heading = name(metric.name_zh, metric.name_en, lang) + f" ({metric.id})"
    if not comparison.rows:
        return Section(heading, text=(label("report.no-targets", lang),))
    bars = bar_charts(comparison, lang, references)
    text = [] if bars else [label("report.no-bars", lang)]
    if comparison.scale.per_capita:  # the tables show baselines and outcomes as stated, not per head
        text.append(label("report.per-capita-bars-only", lang))
        slopes: list[SlopeChart] = []
        outcomes: list[OutcomeChart] = []
    else:
        slopes, outcomes = slope_charts(ds, comparison, lang), outcome_charts(ds, comparison, lang)
        text += _outcome_text(ds, comparison, bool(outcomes), lang)
    tables = (metric_table(comparison, lang), *_progress_tables(ds, comparison, lang), quotes_table(comparison, lang))
    return Section(heading, charts=(*bars, *slopes, *outcomes), tables=tables, text=tuple(text))


def _outcome_text(ds: Dataset, comparison: MetricComparison, drawn: bool, lang: Lang | None) -> list[str]:
    """Why targets are not set against outcomes, where they are not."""
    family = {m.id for m in comparison.metrics}
    listed = {r.region for r in comparison.rows}
    if not any(o.figure.metric in family and o.region in listed for o in ds.outcomes):
        return [label("report.no-outcomes", lang)]
    return [] if drawn else [label("report.outcomes-not-drawn", lang)]


def _progress_tables(ds: Dataset, comparison: MetricComparison, lang: Lang | None) -> list[Table[Any]]:
    """`progress PLAN`'s table, for the metric's targets only, of each listed plan whose region reported outcomes
    of it: what the outcome chart shows, in words (met, and when; missed; on track or behind)."""
    from .progress import Outcome, Progress, check_outcomes
    from .tables.changes import progress_table

    family = {m.id for m in comparison.metrics}
    reporting = {o.region for o in ds.outcomes if o.figure.metric in family}
    tables = []
    by_id = _plans(ds)
    for plan_id in dict.fromkeys(r.plan for r in comparison.rows):
        plan = by_id[plan_id]
        if plan.region not in reporting:
            continue
        checked = check_outcomes(plan, ds.outcomes, ds.metrics)
        rows = [r for r in checked.rows if r.metric in family and r.outcome != Outcome.QUALITATIVE]
        if rows:
            tables.append(progress_table(Progress(old=plan, new=None, rows=rows), labels=(plan.id, ""), lang=lang))
    return tables


def _findings(ds: Dataset, plans: list[Plan], metrics: set[str] | None, lang: Lang | None) -> Section:
    from .checks import check_plans
    from .tables.checks import findings_table

    findings = [_named(f) for f in check_plans(ds, plans, metrics=metrics)]
    if findings:
        text: tuple[str, ...] = ()
    else:
        text = (label("report.no-findings" if plans else "report.nothing-checked", lang),)
    return Section(label("title.check", lang), tables=(findings_table(findings, lang),) if findings else (), text=text)


def _named(finding: Finding) -> Finding:
    """A finding at its data file's name, not where the file lies on the machine that made the report."""
    figures = [replace(g, file=os.path.basename(g.file)) for g in finding.figures]
    return replace(finding, file=os.path.basename(finding.file), figures=figures)


def _plans(ds: Dataset) -> dict[str, Plan]:
    """Plans by id, made once per chart: Dataset.plan makes the whole table at each call (thousands of plans)."""
    return {p.id: p for p in ds.plans}


def _row_label(row: MetricRow, lang: Lang | None, with_plan: bool) -> str:
    """The region; with the plan's short name when the region has more than one bar. A draft is marked by the
    chart, after the name is cut to fit."""
    text = name(row.region_zh, row.region_en, lang)
    if with_plan:
        text += f" · {row.plan_zh if lang == Lang.ZH else row.plan_en}"
    return text


def _group_title(comparison: MetricComparison, row: MetricRow, lang: Lang | None) -> str:
    metric_names = {m.id: name(m.name_zh, m.name_en, lang) for m in comparison.metrics}
    figure = row.figure
    scope = f" [{figure.scope}]" if figure.scope else ""
    return f"{metric_names.get(row.metric, row.metric)}{scope} · {kind_label(figure.kind, lang)} · {when(figure)}"


def _groups(comparison: MetricComparison) -> dict[tuple[Any, ...], list[MetricRow]]:
    """The rows that a chart may set side by side: quantified, of a known kind, by rank group."""
    groups: dict[tuple[Any, ...], list[MetricRow]] = {}
    for row in comparison.rows:
        if row.normalized is not None and row.figure.kind not in (None, Kind.UNCLEAR):
            groups.setdefault(bucket(row), []).append(row)
    return groups


def bar_charts(
    comparison: MetricComparison, lang: Lang | None = None, references: References | None = None
) -> list[BarChart]:
    """A bar chart for each rank group with a target other than the nation's, the national target of the group
    as the line (from `references` where the comparison's rows leave the nation out); the best MAX_BARS."""
    charts = []
    for key, rows in _groups(comparison).items():
        ranked = [r for r in rows if not r.reference]
        reference = next((r for r in rows if r.reference), None) or (references or {}).get(key)
        if not ranked or (len(ranked) == 1 and reference is None):
            continue  # one bar with nothing to set it against says no more than the table
        counts: dict[str, int] = {}
        for r in ranked:
            counts[r.region] = counts.get(r.region, 0) + 1
        bars = []
        unit = ""
        for r in ranked[:MAX_BARS]:  # ranked best first, as the table lists them
            assert r.normalized is not None  # _groups keeps only these
            values, unit = shown(r.normalized, comparison, r.metric)
            text = f"{comparator_symbol(r.figure)}{derived_range(values)} {unit}"
            high = values[1] if len(values) > 1 else None
            bars.append(Bar(_row_label(r, lang, counts[r.region] > 1), values[0], high, text, r.status == Status.DRAFT))
        national = national_high = national_label = None
        if reference is not None and reference.normalized is not None:
            values, _ = shown(reference.normalized, comparison, reference.metric)
            national, national_high = values[0], (values[1] if len(values) > 1 else None)
            nation = name(reference.region_zh, reference.region_en, lang)
            national_label = f"{nation} {comparator_symbol(reference.figure)}{derived_range(values)} {unit}"
        charts.append(
            BarChart(
                title=_group_title(comparison, ranked[0], lang),
                unit=unit,
                bars=tuple(bars),
                national=national,
                national_high=national_high,
                national_label=national_label,
                of=len(ranked),
            )
        )
    return charts


def _figure_of(plan: Plan, row: MetricRow) -> Figure | None:
    """The plan's figure a row was made from."""
    return next((t for t in plan.targets if t.metric == row.metric and FigureData.of(t) == row.figure), None)


def _in_chart_unit(figure: Figure, comparison: MetricComparison, region: Region) -> float | None:
    """A baseline's or an outcome's value in the unit the chart of its metric shows (None when it has none, or no
    unit to convert); a range's low end. A target's is its row's own normalised value (`shown`)."""
    scale = comparison.scales.get(figure.metric, comparison.scale)
    normalized = normalize(figure, scale, region)
    if normalized is None or normalized.value is None:
        return None
    return shown(normalized, comparison, figure.metric)[0][0]


def slope_charts(ds: Dataset, comparison: MetricComparison, lang: Lang | None = None) -> list[SlopeChart]:
    """For each rank group of levels: each plan's baseline → target, where the plan states a baseline."""
    regions = {r.id: r for r in ds.regions}
    plans = _plans(ds)
    charts = []
    for rows in _groups(comparison).values():
        if rows[0].figure.kind != Kind.LEVEL:
            continue
        slopes = []
        unit = ""
        for row in rows:
            plan, region = plans[row.plan], regions[row.region]
            target = _figure_of(plan, row)
            base = plan.baseline_for(target) if target is not None else None
            if target is None or base is None or base.year >= target.year:
                continue
            start = _in_chart_unit(base, comparison, region)
            assert row.normalized is not None  # _groups keeps only these
            ends, unit = shown(row.normalized, comparison, row.metric)
            if start is None or not ends:
                continue
            text = comparator_symbol(row.figure) + derived_range(ends)
            high = ends[1] if len(ends) > 1 else None
            slopes.append(
                Slope(
                    _row_label(row, lang, False),
                    base.year,
                    start,
                    target.year,
                    ends[0],
                    row.reference,
                    end_high=high,
                    text=text,
                    draft=row.status == Status.DRAFT,
                )
            )
        if slopes:
            title = f"{_group_title(comparison, rows[0], lang)} · {label('report.baseline-target', lang)}"
            drawn = tuple(slopes[:MAX_SLOPES])  # the national plan first, then best first
            charts.append(SlopeChart(title=title, unit=unit, slopes=drawn, of=len(slopes)))
    return charts


def outcome_charts(ds: Dataset, comparison: MetricComparison, lang: Lang | None = None) -> list[OutcomeChart]:
    """For the metric itself (not its parts), one chart per kind (a level, an annual flow, a share: never two
    kinds in one chart): each listed region's targets of that kind against what it reported of the same kind."""
    metric = comparison.metric
    kinds = [
        kind
        for kind in dict.fromkeys(r.figure.kind for r in comparison.rows if r.metric == metric.id)
        if kind is not None and kind not in SPAN_KINDS and kind != Kind.UNCLEAR
    ]
    charts = []
    regions, plans = {r.id: r for r in ds.regions}, _plans(ds)
    reporting = {o.region for o in ds.outcomes if o.figure.metric == metric.id}
    for kind in kinds:
        tracks = [
            track
            for region_id in dict.fromkeys(r.region for r in comparison.rows)
            if region_id in reporting
            and (track := _track(ds, plans, comparison, regions[region_id], kind, lang)) is not None
        ]
        if tracks:
            of = len(tracks)
            tracks = tracks[:MAX_TRACKS]
            rows = [r for r in comparison.rows if r.metric == metric.id and r.figure.kind == kind and r.normalized]
            unit = shown(rows[0].normalized, comparison, metric.id)[1] if rows and rows[0].normalized else ""
            title = f"{name(metric.name_zh, metric.name_en, lang)} · {kind_label(kind, lang)}"
            title += f" · {label('report.targets-outcomes', lang)}"
            charts.append(OutcomeChart(title=title, unit=unit, tracks=tuple(tracks), of=of))
    return charts


def _track(
    ds: Dataset, plans: dict[str, Plan], comparison: MetricComparison, region: Region, kind: Kind, lang: Lang | None
) -> Track | None:
    """A region's targets of one kind, their straight paths from the plan's baseline, and its outcomes of that kind."""
    metric = comparison.metric.id
    reported = [
        o.figure
        for o in ds.outcomes
        if o.region == region.id and o.figure.metric == metric and o.figure.scope is None and o.figure.kind == kind
    ]
    outcomes = sorted((f.year, v) for f in reported if (v := _in_chart_unit(f, comparison, region)) is not None)
    if not outcomes:
        return None
    planned, targets, drafts = [], [], []
    for row in comparison.rows:
        if (row.region, row.metric, row.figure.scope, row.figure.kind) != (region.id, metric, None, kind):
            continue
        plan = plans[row.plan]
        target = _figure_of(plan, row)
        ends = shown(row.normalized, comparison, metric)[0] if row.normalized is not None else []
        if target is None or not ends:
            continue
        end = ends[0]
        targets.append((target.year, end))
        drafts.append(row.status == Status.DRAFT)
        base = plan.baseline_for(target)
        start = _in_chart_unit(base, comparison, region) if base is not None else None
        if base is not None and start is not None and base.year < target.year:
            planned.append(((base.year, start), (target.year, end)))
    label_ = name(region.name_zh, region.name_en, lang)
    return Track(label_, tuple(planned), tuple(targets), tuple(outcomes), tuple(drafts))


__all__ = [
    "Bar",
    "BarChart",
    "Briefing",
    "Chart",
    "OutcomeChart",
    "Section",
    "Slope",
    "SlopeChart",
    "Track",
    "bar_charts",
    "metric_briefing",
    "outcome_charts",
    "slope_charts",
]
