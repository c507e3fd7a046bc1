"""Checks of meaning across the whole dataset: references resolve, units fit, years fall in the plan.

The loader has already checked each field's type; here every problem is collected, never only the
first, so one run of `ipcompare validate` tells the user everything to fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .errors import Problem
from .model import Dataset, Figure, Kind, Level, Location, Metric, Plan, suggest
from .units import fits, known_units, parse_unit

_PERCENT_KINDS = (Kind.GROWTH_RATE, Kind.PERIOD_GROWTH, Kind.SHARE)
_LEVEL_RANK = {Level.NATIONAL: 0, Level.PROVINCE: 1, Level.PREFECTURE: 2}


class _Report(list[Problem]):
    """The problems found so far; `add` places each at the line of the key it is about."""

    def add(self, loc: Location, key: str | None, message: str) -> None:
        self.append(Problem(loc.file, loc.at(key) if key else loc.line, message))


def _duplicates(report: _Report, kind: str, items: Iterable[tuple[str, Location]]) -> None:
    first: dict[str, Location] = {}
    for ident, loc in items:
        if ident in first:
            seen = first[ident]
            where = f"{seen.file}:{seen.line}" if seen.line else seen.file
            report.add(loc, None, f"duplicate {kind} id {ident!r} (first defined at {where})")
        else:
            first[ident] = loc


def _figures(plan: Plan) -> Iterator[tuple[str, str, Figure]]:
    """Each target and baseline with its role and the label messages name it by."""
    for role, figures in (("target", plan.targets), ("baseline", plan.baselines)):
        for index, figure in enumerate(figures, start=1):
            yield role, f"plan {plan.id!r}: {role} {index} ({figure.metric} {figure.year})", figure


def _unit_problem(metric: Metric, figure: Figure) -> str | None:
    """Why a figure's unit cannot be a value of its metric, or None when it fits."""
    assert figure.unit is not None
    unit = parse_unit(figure.unit)
    if unit is None:
        return f"unknown unit {figure.unit!r} (known units: {', '.join(known_units()[:14])}, ...)"
    if figure.kind in _PERCENT_KINDS:
        if unit.dimension not in ("percent", "percentage-point"):
            return f"a {figure.kind} is written in %, not {figure.unit!r}"
        if figure.kind == Kind.SHARE and metric.unit is not None and metric.unit != "%":
            return f"kind share needs a metric measured in %, but {metric.id} is measured in {metric.unit}"
        return None
    if metric.unit is None:
        return f"metric {metric.id!r} has no unit: it takes qualitative targets (a direction) only"
    canonical = parse_unit(metric.unit)
    if canonical is not None and not fits(unit, canonical):
        return f"unit {figure.unit!r} does not fit metric {metric.id!r}, which is measured in {metric.unit}"
    return None


def _figure_problems(plan: Plan, figure: Figure, role: str, metrics: dict[str, Metric]) -> list[tuple[str, str]]:
    """Messages about one figure, each with the key whose line it points at."""
    out: list[tuple[str, str]] = []
    metric = metrics.get(figure.metric)
    if metric is None:
        hint = suggest(figure.metric, ((m.id, m.names()) for m in metrics.values()))
        out.append(("metric", f"unknown metric {figure.metric!r}{hint}"))
    if not figure.quote:
        out.append(("quote", f"{'quantified ' if figure.quantified else ''}{role} has no quote"))
    if figure.value is not None and figure.low is not None:
        out.append(("range", "give either value or range, not both"))
    if figure.low is not None and figure.high is not None and figure.low > figure.high:
        out.append(("range", f"range [{figure.low:g}, {figure.high:g}] runs backwards"))
    if figure.quantified:
        for key in ("unit", "comparator", "kind"):
            if getattr(figure, key) is None:
                out.append((key, f"quantified {role} needs {key}"))
        if figure.direction is not None:
            out.append(("direction", "direction is for qualitative figures; a number already says it"))
        if metric is not None and figure.unit is not None:
            message = _unit_problem(metric, figure)
            if message:
                out.append(("unit", message))
    else:
        if figure.direction is None:
            out.append(("direction", f"{role} has neither a value, a range nor a direction (up, down, maintain)"))
        for key in ("unit", "comparator"):
            if getattr(figure, key) is not None:
                out.append((key, f"{key} given without a value"))
    if figure.kind == Kind.UNCLEAR and not figure.note:
        out.append(("kind", "kind unclear needs a note saying what the plan leaves open"))
    if figure.since is not None and figure.since >= figure.year:
        out.append(("since", f"since {figure.since} is not before year {figure.year}"))
    if role == "target" and not plan.period_start <= figure.year <= plan.period_end:
        out.append(("year", f"year {figure.year} is outside the plan's period {plan.period_start}-{plan.period_end}"))
    if role == "baseline" and figure.year > plan.period_start:
        out.append(("year", f"baseline year {figure.year} is after the plan's start ({plan.period_start})"))
    return out


def check(ds: Dataset) -> list[Problem]:
    report = _Report()
    _duplicates(report, "metric", ((m.id, m.loc) for m in ds.metrics))
    _duplicates(report, "region", ((r.id, r.loc) for r in ds.regions))
    _duplicates(report, "plan", ((p.id, p.loc) for p in ds.plans))
    metrics = {m.id: m for m in ds.metrics}
    regions = {r.id: r for r in ds.regions}

    owner: dict[str, str] = {}
    for m in ds.metrics:
        where = f"metric {m.id!r}"
        if m.unit is not None and parse_unit(m.unit) is None:
            report.add(m.loc, "unit", f"{where}: unknown unit {m.unit!r}")
        for rel in m.related:
            if rel not in metrics:
                report.add(m.loc, "related", f"{where}: related metric {rel!r} is not in the catalogue")
        for name in m.names():
            key = "".join(name.casefold().split())
            if owner.setdefault(key, m.id) != m.id:
                report.add(m.loc, "aliases", f"{where}: name {name!r} is also a name of metric {owner[key]!r}")

    for r in ds.regions:
        where = f"region {r.id!r}"
        parent = regions.get(r.parent) if r.parent else None
        if r.parent is None and r.level != Level.NATIONAL:
            report.add(r.loc, None, f"{where}: a {r.level} region needs a parent")
        elif r.parent is not None and parent is None:
            report.add(r.loc, "parent", f"{where}: unknown parent region {r.parent!r}")
        elif parent is not None and _LEVEL_RANK[parent.level] >= _LEVEL_RANK[r.level]:
            report.add(r.loc, "parent", f"{where}: parent {parent.id!r} is a {parent.level}, not above a {r.level}")

    for plan in ds.plans:
        where = f"plan {plan.id!r}"
        if plan.region and plan.region not in regions:
            report.add(plan.loc, "region", f"{where}: unknown region {plan.region!r}")
        if plan.period_start > plan.period_end:
            report.add(
                plan.loc, "period", f"{where}: period starts ({plan.period_start}) after it ends ({plan.period_end})"
            )
        if plan.issued and plan.published and plan.published < plan.issued:
            report.add(plan.loc, "published", f"{where}: published before issued")
        for role, label, figure in _figures(plan):
            for key, message in _figure_problems(plan, figure, role, metrics):
                report.add(figure.loc, key, f"{label}: {message}")
    return report


def check_quotes(ds: Dataset, sources: Sequence[Path]) -> list[Problem]:
    """Every quote must occur, character for character, in the document its plan names.

    A plan's source is looked for in each directory in turn, so plan documents and reference
    files (the national plan's indicator table) can live apart.
    """
    report = _Report()
    for plan in ds.plans:
        if plan.source is None:
            report.add(plan.loc, None, f"plan {plan.id!r}: no source document named")
            continue
        found = next((d / plan.source for d in sources if (d / plan.source).is_file()), None)
        if found is None:
            where = ", ".join(str(d) for d in sources)
            report.add(plan.loc, "source", f"plan {plan.id!r}: source {plan.source} is not in {where}")
            continue
        try:
            text = found.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            reason = getattr(e, "strerror", None) or str(e)
            report.add(plan.loc, "source", f"plan {plan.id!r}: cannot read source {found}: {reason}")
            continue
        for _, label, figure in _figures(plan):
            if figure.quote and figure.quote not in text:
                report.add(figure.loc, "quote", f"{label}: quote not found in {plan.source}")
    return report
