"""Tables of the comparisons: `metric` (one metric across regions) and `compare` (regions side by side)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..compare import CompareColumn, MetricComparison, RegionComparison, shown, tidy
from ..format import derived, derived_range, figure_text, kind_label, when
from ..labels import Lang, label, listing, metric_name, name, stacked
from ..model import PERCENT_KINDS, Kind, Level, Region, Status
from ..results import Cell, CompareRow, CompareTarget, MetricRow
from . import Column, Table


def _metric_columns(
    comparison: MetricComparison, lang: Lang | None, with_metric: bool
) -> tuple[Column[MetricRow], ...]:
    # On a narrow terminal (priority): who, what figure, its rank and year stay; the comparable value, the
    # ratio to the nation and the kind next; status, CAGR and the plan's name; baseline and level go first.
    return (
        Column(label("rank", lang), lambda r: _rank_text(r, lang), priority=8, nowrap=True),
        *([Column(label("metric", lang), lambda r: _metric_name(r, lang), priority=9)] if with_metric else []),
        Column(label("region", lang), lambda r: name(r.region_zh, r.region_en, lang), priority=10),
        Column(label("level", lang), lambda r: label(f"level.{r.level.value}", lang), priority=1),
        Column(label("plan", lang), lambda r: name(r.plan_zh, r.plan_en, lang), priority=3),
        Column(label("status", lang), lambda r: label(f"status.{r.status.value}", lang), priority=5),
        Column(label("year", lang), lambda r: when(r.figure), priority=8, nowrap=True),
        Column(label("kind", lang), lambda r: kind_label(r.figure.kind, lang), priority=6),
        Column(label("target", lang), lambda r: figure_text(r.figure, lang=lang), priority=10),
        Column(label("normalized", lang), lambda r: _normalized_text(r, comparison, lang), priority=7),
        Column(label("baseline", lang), lambda r: figure_text(r.baseline, with_year=True), priority=2),
        Column(label("cagr", lang), lambda r: _cagr_text(r, lang), priority=4),
        Column(label("vs_national", lang), _ratio_text, priority=6, nowrap=True),
    )


def _rank_text(r: MetricRow, lang: Lang | None) -> str:
    """'2 of 5' within the row's group; the national row is the reference the others are set against."""
    if r.reference:  # a draft stands as the reference only where no final national plan sets the group's target
        return label("reference-draft" if r.status == Status.DRAFT else "reference", lang)
    if r.rank is None:
        return "—"
    return label("rank.of", lang).format(rank=r.rank, of=r.rank_of)


def _metric_name(r: MetricRow, lang: Lang | None) -> str:
    """The metric of a row, for tables that list a metric's parts beside it."""
    return metric_name(r.metric, r.metric_zh, r.metric_en, lang)


def _normalized_text(r: MetricRow, comparison: MetricComparison, lang: Lang | None) -> str:
    """The normalised value or range, shown in the unit of the row's own metric (a part in its own unit)."""
    if r.normalized is None:
        has_value = comparison.scale.per_capita and r.figure.amount.quantified
        return label("no-population", lang) if has_value else ""
    values, unit = shown(r.normalized, comparison, r.metric)
    return f"{derived_range(values)} {unit}"


def _cagr_text(r: MetricRow, lang: Lang | None) -> str:
    """The yearly growth a target asks for, marked when the plan states it rather than ipcompare deriving it."""
    if r.cagr is None:
        return ""
    stated = f" {label('stated', lang)}" if r.cagr_source == "stated" else ""
    return f"{derived(r.cagr)}%{stated}"


def _ratio_text(r: MetricRow) -> str:
    """The target as a multiple of the national target of the same group."""
    return "" if r.vs_national is None else f"{derived(r.vs_national)}×"


def _metric_notes(comparison: MetricComparison, lang: Lang | None, listed_parts: list[str]) -> list[str]:
    metric, rows = comparison.metric, comparison.rows
    notes = [label("note.rank", lang)]
    if listed_parts:
        notes.append(label("note.parts", lang).format(parts=listing(listed_parts, lang), metric=metric.id))
    if any(r.figure.scope for r in rows):
        notes.append(label("note.scope", lang))
    if comparison.see_also:
        notes.append(label("note.see-also", lang).format(metrics=_see_also_text(comparison, lang)))
    if comparison.national is not None and any(r.vs_national is not None for r in rows):
        national = name(comparison.national.name_zh, comparison.national.name_en, lang)
        notes.append(label("note.national", lang).format(name=national))
    if any(r.cagr is not None for r in rows):
        notes.append(label("note.cagr", lang))
    if any(r.status == Status.DRAFT for r in rows):
        notes.append(label("note.draft", lang))
    return notes + _population_notes(comparison, lang)


def _population_notes(comparison: MetricComparison, lang: Lang | None) -> list[str]:
    """What dividing by population did, or that the totals listed beg for it."""
    notes = []
    if comparison.scale.per_capita:
        notes.append(_per_capita_note(comparison, lang))
    elif _levels_mixed(comparison):
        notes.append(label("note.mixed-levels", lang))
    if comparison.already_per_capita:
        notes.append(label("note.already-per-capita", lang).format(metric=comparison.metric.id))
    if comparison.unpopulated:
        notes.append(_unpopulated(comparison.unpopulated, lang))
    return notes


def _levels_mixed(comparison: MetricComparison) -> bool:
    """Whether totals (counts or money, not per head) of regions of different levels are listed together: a
    province's count beside a city's says more about their sizes than about their plans."""
    canonical = comparison.scale.canonical
    if canonical is None or canonical.per_10k_people or canonical.dimension not in ("count", "money"):
        return False
    levels = {
        r.level
        for r in comparison.rows
        if r.normalized is not None and r.level != Level.NATIONAL and r.figure.kind not in PERCENT_KINDS
    }
    return len(levels) > 1


def _see_also_text(comparison: MetricComparison, lang: Lang | None) -> str:
    """The related metrics, each with its number of targets, listed as the note's language lists them."""
    if lang == Lang.ZH:
        return "、".join(f"{m.id}（{n}个目标）" for m, n in comparison.see_also)
    return ", ".join(f"{m.id} ({n} target{'' if n == 1 else 's'})" for m, n in comparison.see_also)


def _per_capita_note(comparison: MetricComparison, lang: Lang | None) -> str:
    """Which census year's populations divided the figures: named region by region unless all are 2020's."""
    years = comparison.population_years
    if set(years.values()) <= {2020}:
        return label("note.per-capita", lang)  # every figure is the shipped 7th-census kind
    said = ", ".join(f"{region} {year}" for region, year in sorted(years.items()))
    return label("note.per-capita-years", lang).format(years=said)


def metric_table(comparison: MetricComparison, lang: Lang | None = None) -> Table[MetricRow]:
    metric, scale = comparison.metric, comparison.scale
    listed = {r.metric for r in comparison.rows}
    listed_parts = [m.id for m in comparison.metrics[1:] if m.id in listed]
    better = label("higher" if metric.higher_is_better else "lower", lang)
    unit = scale.display.text if scale.display else metric.unit
    parts = [name(metric.name_zh, metric.name_en, lang) + f" ({metric.id})", *([unit] if unit else []), better]
    return Table(
        _metric_columns(comparison, lang, bool(listed_parts)),
        comparison.rows,
        title=" · ".join(parts),
        notes=tuple(_metric_notes(comparison, lang, listed_parts)),
    )


def quotes_table(comparison: MetricComparison, lang: Lang | None = None) -> Table[MetricRow]:
    """Each target of a metric table with the words of its plan: where every number in a briefing comes from."""
    columns: tuple[Column[MetricRow], ...] = (
        Column(label("region", lang), lambda r: name(r.region_zh, r.region_en, lang), priority=9),
        Column(label("plan", lang), lambda r: r.plan_zh if lang == Lang.ZH else r.plan_en, priority=5),
        Column(label("target", lang), lambda r: f"{figure_text(r.figure, lang=lang)} ({when(r.figure)})", priority=8),
        Column(label("quote", lang), lambda r: r.quote, priority=10),
    )
    return Table(columns, comparison.rows, title=label("report.quotes", lang), matrix=True)


def _cell_text(cell: Cell, lang: Lang | None, per_capita: bool = False) -> str:
    """'> 8.5 万件 (2025)', '12 亿元 increment (2025)', '3.6 件 (2025, draft)', '↑ up (2020)'; per capita, the
    figure per 10k people after it: '> 8.5 万件 = 161.6 件/万人 (2025)'."""
    figure = cell.figure
    if figure.direction:
        what = label(f"direction.{figure.direction.value}", lang)
    else:
        what = figure_text(figure, lang=lang)
        normal = cell.normalized
        if per_capita and cell.per_capita and normal is not None:
            ends = [normal.value] if normal.high is None else [normal.low, normal.high]
            numbers = [float(v) for v in ends if v is not None]
            what += f" = {derived_range(numbers)} {normal.unit}" if numbers else ""
        elif per_capita and cell.per_capita and figure.amount.quantified:
            what += f" ({label('no-population', lang)})"
        if figure.kind != Kind.LEVEL:
            what += f" {kind_label(figure.kind, lang)}"
    said = when(figure)
    if cell.status == Status.DRAFT:
        said += f", {label('draft', lang)}"
    return f"{what} ({said})"


def compare_table(comparison: RegionComparison, lang: Lang | None = None, *, hints: bool = True) -> Table[CompareRow]:
    """`hints`: the notes may point to `compare`'s own options (--shared); a report, which has not them, says less."""

    def cells(key: str) -> Callable[[CompareRow], str]:
        return lambda r: "\n".join(_cell_text(c, lang, comparison.per_capita) for c in r.targets[key]) or "—"

    # On a narrow terminal the metric stays, and the rightmost columns are left out first.
    columns: tuple[Column[CompareRow], ...] = (
        Column(label("metric", lang), lambda r: stacked(r.metric_zh, r.metric_en, lang), priority=10),
        *(Column(_column_label(c, lang), cells(c.key), priority=5) for c in comparison.columns),
    )
    names = "、".join(name(g.name_zh, g.name_en, lang) for g in comparison.regions)
    return Table(
        columns,
        comparison.rows,
        title=f"{label('title.compare', lang)}: {names}",
        notes=tuple(_compare_notes(comparison, lang, hints)),
        matrix=True,
    )


def _column_label(column: CompareColumn, lang: Lang | None) -> str:
    """The region's name; with the plan's short name under it where the region has several columns."""
    region = name(column.region.name_zh, column.region.name_en, lang)
    if not column.by_plan:
        return region
    plan = column.plan.short("en" if lang == Lang.EN else "zh")
    draft = f" ({label('draft', lang)})" if column.plan.status == Status.DRAFT else ""
    return f"{region} · {plan}{draft}"


def _compare_notes(comparison: RegionComparison, lang: Lang | None, hints: bool = True) -> list[str]:
    notes = [label("note.cells", lang)]
    if any(c.by_plan for c in comparison.columns):
        notes.append(label("note.columns-by-plan", lang))
    finals = [p.id for p in comparison.latest if p.status == Status.FINAL]
    drafts = [p.id for p in comparison.latest if p.status == Status.DRAFT]
    if finals:
        notes.append(label("note.latest", lang).format(plans=", ".join(finals)))
    if drafts:
        notes.append(label("note.latest-drafts", lang).format(plans=", ".join(drafts)))
    if comparison.min_columns > 1:
        notes.append(label("note.shared", lang).format(n=comparison.min_columns))
    elif comparison.single:
        key = "note.single" if hints else "note.single-counted"
        notes.append(label(key, lang).format(n=comparison.single, rows=len(comparison.rows)))
    if comparison.per_capita:
        notes.append(label("note.compare-per-capita", lang))
    if comparison.unpopulated:
        notes.append(_unpopulated(comparison.unpopulated, lang))
    return notes


def compare_long_table(comparison: RegionComparison, lang: Lang | None = None) -> Table[CompareTarget]:
    """The tidy form: one row per metric, column and target (`compare --long`; the CSV of `compare`)."""

    def figure(t: CompareTarget) -> str:
        if t.value is None and t.low is None:
            return label(f"direction.{t.direction.value}", lang) if t.direction else ""
        number = _number(t.value) if t.value is not None else f"{_number(t.low)}–{_number(t.high)}"
        return f"{number} {t.unit or ''}".strip()

    def normalised(t: CompareTarget) -> str:
        if t.normalized_value is None:
            return ""
        return f"{_number(t.normalized_value)} {t.normalized_unit or ''}".strip()

    columns: tuple[Column[CompareTarget], ...] = (
        Column(label("metric", lang), lambda t: stacked(t.metric_zh, t.metric_en, lang), priority=10),
        Column(label("region", lang), lambda t: name(t.region_zh, t.region_en, lang), priority=9),
        Column(label("plan", lang), lambda t: t.plan_en if lang == Lang.EN else t.plan_zh, priority=6),
        Column(label("year", lang), lambda t: f"{t.since}–{t.year}" if t.since else str(t.year), priority=7),
        Column(label("kind", lang), lambda t: kind_label(t.kind, lang) if t.kind else "", priority=5),
        Column(label("target", lang), figure, priority=8, nowrap=True),
        Column(label("normalized", lang), normalised, priority=4, nowrap=True),
        Column(label("quote", lang), lambda t: t.quote, priority=3),
    )
    names = "、".join(name(g.name_zh, g.name_en, lang) for g in comparison.regions)
    return Table(columns, tidy(comparison), title=f"{label('title.compare', lang)}: {names}")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:,}" if isinstance(value, int) else f"{value:,.10g}"


def _unpopulated(regions: Sequence[Region], lang: Lang | None) -> str:
    """The note naming the regions whose targets have no per-capita figure, by name in the language asked."""
    names = listing([name(r.name_zh, r.name_en, lang) for r in regions], lang)
    return label("note.unpopulated", lang).format(regions=names)
