"""Did a plan meet its targets? Each target of the earlier plan against what the next plan of the same
region reports for that metric and year (its baseline), or failing that, works out from two figures
the plans state (a start level and an end level give the increment).

A target is met when the reported figure is at or beyond it in the metric's better direction. A range
is read at its less ambitious end either way: a target of 7~10家 is met from 7, and a reported 7~10家
counts as 7 (the upper ends where lower is better), so neither the bar nor a claim is stretched.
左右 (about) is read as 达到 (reach): the number itself is the bar.

`progress PLAN` (check_outcomes) sets each target against the outcomes recorded for the plan's region
(`outcomes:` in the data) instead, under the same rules of metric, scope, kind and span: met in the first
year an outcome up to the target year reaches it (which may be before the target year), missed when an
outcome of the target year or later is short and none before reached it, and, while every outcome is from
before the target year, on track or behind against the straight line from the plan's own baseline to the
target, read at the latest outcome's year. Outcomes never mix with a later plan's baselines: `progress OLD
NEW` reads NEW's baselines only, as each answers its own question (what a plan says against what was
reported).
"""

from __future__ import annotations

from collections.abc import Iterable

from .base_units import base_point
from .errors import UsageError
from .labels import Said, said
from .model import SPAN_KINDS, Dataset, Figure, Kind, Metric, Plan, Reported, catalogue_of
from .records import record, replace
from .results import Outcome, ProgressRow, QuotedFigure, json_number
from .units import parse_unit, tidy

__all__ = ["Outcome", "Progress", "check_outcomes", "check_progress", "progress_against_outcomes", "progress_in"]


@record
class Progress:
    old: Plan
    new: Plan | None  # None: checked against the recorded outcomes (`progress PLAN`)
    rows: list[ProgressRow]  # one per target of the old plan, in its order

    def count(self, outcome: Outcome) -> int:
        return sum(r.outcome == outcome for r in self.rows)


def _start(target: Figure, plan: Plan) -> int:
    return target.since if target.since is not None else plan.period_start


def _same_span(figure: Figure, start: int) -> bool:
    """Plans write a span's start as its first year (十三五期间: 2016) or the year it counts from
    (较2015年: 2015); either is the same span, and a figure that gives no start is taken as it."""
    return figure.since is None or abs(figure.since - start) <= 1


def _reported(target: Figure, plan: Plan, year: int, kind: Kind, start: int | None = None) -> Figure | None:
    """The first quantified baseline `plan` states for the target's metric and scope, at `year`, of `kind`
    (over the span from `start`): a figure of another scope counts something else."""
    for figure in plan.baselines:
        if (figure.metric, figure.scope, figure.year, figure.kind) != (target.metric, target.scope, year, kind):
            continue
        if not figure.quantified:
            continue
        if start is None or kind not in SPAN_KINDS or _same_span(figure, start):
            return figure
    return None


def _level_before(target: Figure, old: Plan, new: Plan) -> Figure | None:
    """The level the target's span starts from (2015 for a 2016-2020 increment), as either plan states it."""
    years = (target.since - 1, target.since) if target.since is not None else (old.period_start - 1,)
    for year in years:
        for plan in (old, new):
            found = _reported(target, plan, year, Kind.LEVEL)
            if found is not None:
                return found
    return None


def units_agree(*figures: Figure) -> bool:
    """Whether the figures' units measure one thing alike (both counts, both per 10k people): set side by side."""
    units = [parse_unit(f.unit or "") for f in figures]
    return all(u is not None for u in units) and len({(u.dimension, u.per_10k_people) for u in units if u}) == 1


def _actual(target: Figure, old: Plan, new: Plan, higher: bool) -> tuple[float, list[Figure]] | None:
    """What the later plan says was achieved, in base units, and the figures that say it."""
    assert target.kind is not None
    stated = _reported(target, new, target.year, target.kind, _start(target, old))
    if stated is not None:
        point = base_point(stated, higher) if units_agree(target, stated) else None
        return (point, [stated]) if point is not None else None
    if target.kind not in (Kind.LEVEL, Kind.INCREMENT):
        return None
    before = _level_before(target, old, new)
    if before is None:
        return None
    if target.kind == Kind.INCREMENT:  # end level minus start level
        after = _reported(target, new, target.year, Kind.LEVEL)
        sign = -1.0
    else:  # start level plus the increment reported over the span
        after = _reported(target, new, target.year, Kind.INCREMENT, _start(target, old))
        sign = 1.0
    if after is None or not units_agree(target, before, after):
        return None
    start, end = base_point(before, higher), base_point(after, higher)
    if start is None or end is None:
        return None
    return (end + sign * start, [before, after])


def _in_unit(value: float, figure: Figure) -> float | int | None:
    """A base-unit value in the unit the figure is written in (85000 -> 8.5 for 万件)."""
    unit = parse_unit(figure.unit or "")
    return json_number(tidy(value / unit.factor)) if unit else None


def _quoted(figure: Figure) -> QuotedFigure:
    quoted = QuotedFigure.of(figure)
    assert quoted is not None
    return quoted


def _row(target: Figure, old: Plan, new: Plan, metric: Metric | None) -> ProgressRow:
    row = ProgressRow(
        metric=target.metric,
        metric_zh=metric.name_zh if metric else target.metric,
        metric_en=metric.name_en if metric else target.metric,
        outcome=Outcome.QUALITATIVE,
        target=_quoted(target),
    )
    higher = metric.higher_is_better if metric else True
    if not target.quantified:
        return row
    if target.kind in (None, Kind.UNCLEAR):
        return replace(row, outcome=Outcome.NOT_COMPARABLE, note=said("progress.kind-unknown"))
    if target.year >= new.period_start:
        note = said("progress.not-before", year=target.year, plan=new.id, start=new.period_start)
        return replace(row, outcome=Outcome.NOT_DUE, note=note)
    found = _actual(target, old, new, higher)
    bar = base_point(target, higher)
    unit = parse_unit(target.unit or "")
    if found is None or bar is None or unit is None:
        return replace(row, outcome=Outcome.NOT_STATED, note=_why_not_stated(target, new))
    actual, figures = found
    points = unit.dimension == "percent"  # rates and shares differ in percentage points
    row = replace(
        row,
        outcome=Outcome.MET if (actual >= bar if higher else actual <= bar) else Outcome.MISSED,
        difference=_in_unit(actual - bar, target),
        difference_unit="pp" if points else target.unit,
        achieved_percent=None if points or not bar else round(actual / bar * 100, 2),
        reported=_quoted(figures[0]),
    )
    if len(figures) > 1:
        # over the target's own span: an increment worked out for 2016-2020 is shown as 2016-2020
        worked_out = replace(target, value=_in_unit(actual, target), low=None, high=None, comparator=None, quote="")
        how = said("worked-out.increment" if target.kind == Kind.INCREMENT else "worked-out.level")
        start, other = figures
        note = said("progress.worked-out", how=how)
        row = replace(row, reported=_quoted(worked_out), derived_from=(_quoted(start), _quoted(other)), note=note)
    return row


def _kinds(kinds: list[str]) -> list[Said]:
    """Kinds as a note names them: their value in English (flow), their name in Chinese (年度量)."""
    return [said(f"kind.{k}", english=k) for k in kinds]


def _scopes(figures: list[Figure], target: Figure) -> list[str]:
    """The other scopes the figures are of, the metric as a whole among them: for a note."""
    named = sorted({f.scope for f in figures if f.scope != target.scope and f.scope})
    whole = [said("progress.whole-metric")] if any(f.scope is None for f in figures if f.scope != target.scope) else []
    return sorted([*named, *whole])


def _why_not_stated(target: Figure, new: Plan) -> str | None:
    """What the later plan does report for the metric and year, when it is not what the target asks."""
    same_year = [f for f in new.baselines if (f.metric, f.year) == (target.metric, target.year)]
    kinds = sorted({f.kind.value for f in same_year if f.scope == target.scope and f.kind})
    if kinds:
        return said("progress.reports-only-as", plan=new.id, kinds=_kinds(kinds))
    scopes = _scopes(same_year, target)
    if not scopes:
        return None
    english = f"{new.id} reports it only for another scope: {'; '.join(scopes)}"
    return said("progress.reports-only-scope", english=english, plan=new.id, scopes=scopes)


def check_progress(old: Plan, new: Plan, metrics: Iterable[Metric] = ()) -> Progress:
    """Every target of `old` against what `new` (the same region's next plan) reports for its year."""
    if old.region != new.region:
        raise UsageError(
            f"a progress check needs two plans of one region: {old.id} is {old.region}'s, {new.id} is {new.region}'s"
        )
    if old.id == new.id:
        raise UsageError(
            f"a progress check needs two plans, the earlier and the next: both are {old.id}; to set its targets "
            f"against the outcomes reported, give it alone (ipcompare progress {old.id})"
        )
    if new.period_start < old.period_start:
        raise UsageError(
            f"a progress check needs the earlier plan first: {new.id} starts in {new.period_start}, "
            f"before {old.id} ({old.period_start})"
        )
    catalogue = catalogue_of(metrics)
    return Progress(old=old, new=new, rows=[_row(t, old, new, catalogue.get(t.metric)) for t in old.targets])


def progress_in(old_data: Dataset, old_plan: str, new_data: Dataset, new_plan: str) -> Progress:
    """check_progress for two plans, each looked up in its own dataset (a file, a revision, the shipped data)."""
    old, new = old_data.plan(old_plan), new_data.plan(new_plan)
    return check_progress(old, new, (*new_data.metrics, *old_data.metrics))


# -- against the recorded outcomes: `progress PLAN` ---------------------------------------------------------------


def _shown(value: float, figure: Figure) -> str:
    """A base-unit value as the figure writes it, with its unit: '9.04 件', '85.2 %'."""
    return f"{_in_unit(value, figure)} {figure.unit or ''}".strip()


def _line(target: Figure, plan: Plan, at: Figure, higher: bool) -> tuple[float, str] | None:
    """Where the straight line from the plan's own baseline to the target is in `at`'s year, in base units, with
    the note that says which line; None without a baseline from before that year."""
    baseline = plan.baseline_for(target)
    if baseline is None or baseline.year >= at.year or baseline.year >= target.year or target.kind in SPAN_KINDS:
        return None
    start, end = base_point(baseline, higher), base_point(target, higher)
    if start is None or end is None or not units_agree(target, baseline):
        return None
    expected = start + (end - start) * (at.year - baseline.year) / (target.year - baseline.year)
    note = said(
        "progress.line",
        start=_shown(start, baseline),
        start_year=baseline.year,
        end=_shown(end, target),
        end_year=target.year,
        expected=_shown(expected, target),
        year=at.year,
    )
    return expected, note


def _no_outcome(target: Figure, region: str, outcomes: list[Reported]) -> str:
    """Why no outcome counts for the target: none recorded, or only of another kind or scope."""
    same = [o.figure for o in outcomes if o.figure.metric == target.metric]
    kinds = sorted({f.kind.value for f in same if f.scope == target.scope and f.kind and f.kind != target.kind})
    if kinds:
        return said("progress.outcomes-only-as", kinds=_kinds(kinds))
    scopes = _scopes(same, target)
    if scopes:
        english = f"outcomes recorded only for another scope: {'; '.join(scopes)}"
        return said("progress.outcomes-only-scope", english=english, scopes=scopes)
    if same:
        return said("progress.no-outcome-span")
    return said("progress.no-outcome", region=region)


def _verdict(
    target: Figure, plan: Plan, found: list[Reported], bar: float, higher: bool
) -> tuple[Outcome, Reported, str | None]:
    """The outcome of a target, the outcome record it rests on, and a note."""

    def reached(o: Reported, bar: float = bar) -> bool:
        value = base_point(o.figure, higher)
        return value is not None and (value >= bar if higher else value <= bar)

    upto = [o for o in found if o.figure.year <= target.year]
    met = next((o for o in upto if reached(o)), None)
    if met is not None:
        year, years = met.figure.year, target.year - met.figure.year
        word = "year" if years == 1 else "years"
        early = said("progress.early", years=years, word=word, target=target.year) if years > 0 else ""
        return Outcome.MET, met, said("progress.first-met", year=year, early=early)
    after = [o for o in found if o.figure.year >= target.year]
    if after:
        later = next((o for o in after if reached(o)), None)
        missed = said("progress.reached-after", year=later.figure.year) if later is not None else None
        return Outcome.MISSED, after[0], missed
    latest = upto[-1]
    line = _line(target, plan, latest.figure, higher)
    if line is None:
        return Outcome.NOT_DUE, latest, said("progress.not-yet", year=target.year)
    expected, note = line
    return (Outcome.ON_TRACK if reached(latest, expected) else Outcome.BEHIND), latest, note


def _outcome_row(target: Figure, plan: Plan, outcomes: list[Reported], metric: Metric | None) -> ProgressRow:
    row = ProgressRow(
        metric=target.metric,
        metric_zh=metric.name_zh if metric else target.metric,
        metric_en=metric.name_en if metric else target.metric,
        outcome=Outcome.QUALITATIVE,
        target=_quoted(target),
    )
    higher = metric.higher_is_better if metric else True
    if not target.quantified:
        return row
    if target.kind in (None, Kind.UNCLEAR):
        return replace(row, outcome=Outcome.NOT_COMPARABLE, note=said("progress.kind-unknown"))
    bar = base_point(target, higher)
    unit = parse_unit(target.unit or "")
    found = sorted(
        (o for o in outcomes if target.comparable(o.figure) and units_agree(target, o.figure)),
        key=lambda o: o.figure.year,
    )
    if bar is None or unit is None or not found:
        return replace(row, outcome=Outcome.NOT_STATED, note=_no_outcome(target, plan.region, outcomes))
    outcome, shown, note = _verdict(target, plan, found, bar, higher)
    actual = base_point(shown.figure, higher)
    assert actual is not None
    points = unit.dimension == "percent"
    return replace(
        row,
        outcome=outcome,
        reported=_quoted(shown.figure),
        difference=_in_unit(actual - bar, target),
        difference_unit="pp" if points else target.unit,
        achieved_percent=None if points or not bar else round(actual / bar * 100, 2),
        note=note,
        source=shown.source,
    )


def check_outcomes(plan: Plan, outcomes: Iterable[Reported], metrics: Iterable[Metric] = ()) -> Progress:
    """Every target of `plan` against the outcomes recorded for its region (see the module's docstring)."""
    catalogue = catalogue_of(metrics)
    own = [o for o in outcomes if o.region == plan.region]
    return Progress(
        old=plan, new=None, rows=[_outcome_row(t, plan, own, catalogue.get(t.metric)) for t in plan.targets]
    )


def progress_against_outcomes(ds: Dataset, plan: str) -> Progress:
    """check_outcomes for a plan named by id (or by its region's name); raises UnknownName."""
    return check_outcomes(ds.plan(plan), ds.outcomes, ds.metrics)
