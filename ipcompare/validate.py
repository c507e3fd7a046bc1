"""Checks of meaning across the whole dataset: references resolve, units fit, years fall in the plan.

The loader has already checked each field's type; here every problem is collected, never only the
first, so one run of `ipcompare validate` tells the user everything to fix.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .errors import Problem
from .format import number
from .model import (
    PERCENT_KINDS,
    Dataset,
    Figure,
    Kind,
    Level,
    Location,
    Metric,
    Plan,
    Region,
    Reported,
    name_key,
    suggest,
)
from .records import field, record
from .units import fits, known_units, parse_unit

_LEVEL_RANK = {Level.NATIONAL: 0, Level.PROVINCE: 1, Level.PREFECTURE: 2}
#: Kinds whose value is an amount that cannot fall below zero (a fall is a growth below zero, or `down`).
_NOT_NEGATIVE = (Kind.LEVEL, Kind.FLOW, Kind.SHARE, Kind.UNCLEAR)
#: Rates of growth, in %: -100% is a fall to nothing, and no fall is larger.
_GROWTH = (Kind.GROWTH_RATE, Kind.PERIOD_GROWTH)


class _Report(list[Problem]):
    """The problems found so far; `add` places each at the file and line of the key it is about."""

    def add(self, loc: Location, key: str | None, message: str) -> None:
        self.append(Problem(*loc.place(key), message))


def _duplicates(report: _Report, kind: str, items: Iterable[tuple[str, Location]]) -> None:
    first: dict[str, Location] = {}
    for ident, loc in items:
        if ident in first:
            report.add(loc, None, f"duplicate {kind} id {ident!r} (first defined at {first[ident]})")
        else:
            first[ident] = loc


def _figures(plan: Plan) -> Iterator[tuple[str, str, Figure]]:
    """Each target and baseline with its role and the label messages name it by."""
    for role, figures in (("target", plan.targets), ("baseline", plan.baselines)):
        for index, figure in enumerate(figures, start=1):
            yield role, f"plan {plan.id!r}: {role} {index} ({figure.metric} {figure.year})", figure


def _unit_problem(metric: Metric, written: str, kind: Kind | None) -> str | None:
    """Why a figure's unit (`written`, of a figure of `kind`) cannot be a value of its metric, or None when it fits."""
    unit = parse_unit(written)
    if unit is None:
        return f"unknown unit {written!r} (known units: {', '.join(known_units()[:14])}, ...)"
    if kind == Kind.UNCLEAR and unit.dimension == "percent":
        return None  # a rate whose basis the plan does not give (增长率超过77%: of what, over what?)
    if kind in PERCENT_KINDS:
        if unit.dimension not in ("percent", "percentage-point"):
            return f"a {kind} is written in %, not {written!r}"
        if kind == Kind.SHARE and metric.unit is not None and metric.unit != "%":
            return f"kind share needs a metric measured in %, but {metric.id} is measured in {metric.unit}"
        return None
    if metric.unit is None:
        return f"metric {metric.id!r} has no unit: it takes qualitative targets (a direction) only"
    canonical = parse_unit(metric.unit)
    if canonical is not None and not fits(unit, canonical):
        return f"unit {written!r} does not fit metric {metric.id!r}, which is measured in {metric.unit}"
    return None


def _figure_problems(plan: Plan, figure: Figure, role: str, metrics: dict[str, Metric] | None) -> list[tuple[str, str]]:
    """Messages about one figure, each with the key whose line it points at; without `metrics` (the catalogue
    not known yet), all but those about its metric and unit."""
    metric = metrics.get(figure.metric) if metrics is not None else None
    out = _reference_problems(figure, role, metric, metrics)
    out += _shape_problems(figure, role, metric)
    out += _value_problems(figure)
    out += _kind_problems(figure)
    out += _time_problems(plan, figure, role)
    return out


def _reference_problems(
    figure: Figure, role: str, metric: Metric | None, metrics: dict[str, Metric] | None
) -> list[tuple[str, str]]:
    """What a figure points at: a metric of the catalogue, and the words of its plan that it rests on."""
    out: list[tuple[str, str]] = []
    if metric is None and metrics is not None:
        hint = suggest(figure.metric, ((m.id, m.names()) for m in metrics.values()))
        out.append(("metric", f"unknown metric {figure.metric!r}{hint}"))
    if not figure.quote:
        out.append(("quote", f"{'quantified ' if figure.quantified else ''}{role} has no quote"))
    return out


def _shape_problems(figure: Figure, role: str, metric: Metric | None) -> list[tuple[str, str]]:
    """Whether the fields given fit together: a value or a range, and what a number (or its absence) needs."""
    out = _range_problems(figure)
    if figure.quantified:
        out += _quantified_problems(figure, role, metric)
    else:
        out += _qualitative_problems(figure, role)
    return out


def _range_problems(figure: Figure) -> list[tuple[str, str]]:
    """A figure is one value or one range, and a range runs upwards."""
    out: list[tuple[str, str]] = []
    if figure.value is not None and figure.low is not None:
        out.append(("range", "give either value or range, not both"))
    if figure.low is not None and figure.high is not None and figure.low > figure.high:
        out.append(("range", f"range [{number(figure.low)}, {number(figure.high)}] runs backwards"))
    return out


def _quantified_problems(figure: Figure, role: str, metric: Metric | None) -> list[tuple[str, str]]:
    """A number needs its unit, comparator and kind; its unit must fit the metric, and it needs no direction."""
    out: list[tuple[str, str]] = []
    for key in ("unit", "comparator", "kind"):
        if getattr(figure, key) is None:
            out.append((key, f"quantified {role} needs {key}"))
    if figure.direction is not None:
        out.append(("direction", "direction is for qualitative figures; a number already says it"))
    if metric is not None and figure.unit is not None:
        message = _unit_problem(metric, figure.unit, figure.kind)
        if message:
            out.append(("unit", message))
    return out


def _qualitative_problems(figure: Figure, role: str) -> list[tuple[str, str]]:
    """Without a number a figure says only a direction, so it needs one and has no unit or comparator."""
    out: list[tuple[str, str]] = []
    if figure.direction is None:
        out.append(("direction", f"{role} has neither a value, a range nor a direction (up, down, maintain)"))
    for key in ("unit", "comparator"):
        if getattr(figure, key) is not None:
            out.append((key, f"{key} given without a value"))
    return out


def _kind_problems(figure: Figure) -> list[tuple[str, str]]:
    """What some kinds need besides a number: an unclear one a note, a flow-change the year it is set against."""
    out: list[tuple[str, str]] = []
    if figure.kind == Kind.UNCLEAR and not figure.note:
        out.append(("kind", "kind unclear needs a note saying what the plan leaves open"))
    if figure.kind == Kind.FLOW_CHANGE and figure.since is None:
        out.append(("kind", "a flow-change needs since: the year whose amount it is set against (较2015年: 2015)"))
    return out


def _time_problems(plan: Plan, figure: Figure, role: str) -> list[tuple[str, str]]:
    """Years in order: since before the year, a target within the plan's period, a baseline before its start."""
    out: list[tuple[str, str]] = []
    # An increment since 2025 to 2025 is the one year 2025; a change since 2025 to 2025 is nothing.
    if figure.since is not None and figure.since > figure.year - (0 if figure.kind == Kind.INCREMENT else 1):
        out.append(("since", f"since {figure.since} is not before year {figure.year}"))
    if not plan.period_read:
        return out
    if role == "target" and not plan.period_start <= figure.year <= plan.period_end:
        out.append(("year", f"year {figure.year} is outside the plan's period {plan.period_start}-{plan.period_end}"))
    if role == "baseline" and figure.year > plan.period_start:
        out.append(("year", f"baseline year {figure.year} is after the plan's start ({plan.period_start})"))
    return out


def _value_problems(figure: Figure) -> list[tuple[str, str]]:
    """Numbers a figure of its kind cannot have: a negative stock, a share above 100%."""
    out: list[tuple[str, str]] = []
    key = "value" if figure.value is not None else "range"
    numbers = [v for v in (figure.value, figure.low, figure.high) if v is not None]
    if figure.kind in _NOT_NEGATIVE and any(v < 0 for v in numbers):
        out.append(
            (
                key,
                f"{key} is negative: a {figure.kind} cannot be below zero (write a fall as a growth-rate "
                "or period-growth below zero, or as direction: down)",
            )
        )
    if figure.kind == Kind.SHARE and any(v > 100 for v in numbers):
        out.append((key, f"{key} is above 100%: a share cannot be more than the whole"))
    if figure.kind in _GROWTH and any(v < -100 for v in numbers):
        out.append((key, f"{key} is below -100%: a {figure.kind} cannot fall by more than the whole"))
    return out


def _names(report: _Report, kind: str, items: Sequence[Metric] | Sequence[Region]) -> None:
    """Every name (id, Chinese, English, alias) leads to one object only, compared as lookups compare them."""
    owner: dict[str, Metric | Region] = {}
    for item in items:
        for name in item.names():
            other = owner.setdefault(name_key(name), item)
            if other.id != item.id:
                fields = {item.id: "id", item.name_zh: "name_zh", item.name_en: "name_en"}
                message = (
                    f"{kind} {item.id!r}: name {name!r} is also a name of {kind} {other.id!r} at {other.loc} "
                    "(names match whatever their case, spaces, '-' and '_')"
                )
                report.add(item.loc, fields.get(name, "aliases"), message)


def _parents(report: _Report, metrics: dict[str, Metric]) -> None:
    """A metric is part of a known metric, measured in the same kind of unit, and never of itself."""
    for m in metrics.values():
        if m.parent is None:
            continue
        where = f"metric {m.id!r}"
        parent = metrics.get(m.parent)
        if parent is None:
            hint = suggest(m.parent, ((x.id, x.names()) for x in metrics.values() if x.id != m.id))
            report.add(m.loc, "parent", f"{where}: parent metric {m.parent!r} is not in the catalogue{hint}")
            continue
        chain: list[str] = [m.id]
        up: Metric | None = parent
        while up is not None and up.id not in chain:
            chain.append(up.id)
            up = metrics.get(up.parent) if up.parent else None
        if up is not None:
            loop = " -> ".join([*chain, up.id])
            back = "leads back to it" if up.id == m.id else "leads into a loop"
            report.add(m.loc, "parent", f"{where}: parent {m.parent!r} {back} ({loop})")
            continue
        mine, theirs = (parse_unit(x.unit) if x.unit else None for x in (m, parent))
        if theirs is None and mine is not None:
            report.add(m.loc, "parent", f"{where}: has a unit ({m.unit}), but its parent {parent.id!r} has none")
        elif (
            mine is not None
            and theirs is not None
            and ((mine.dimension, mine.per_10k_people) != (theirs.dimension, theirs.per_10k_people))
        ):
            report.add(
                m.loc,
                "parent",
                f"{where}: measured in {m.unit} ({mine.dimension}), but its parent {parent.id!r} in {parent.unit} "
                f"({theirs.dimension}): a part counts the same kind of thing as the whole",
            )


def check(ds: Dataset, *, catalogue: bool = True) -> list[Problem]:
    """Every problem of meaning in the dataset.

    `catalogue=False` is for an old version of a data file read with today's catalogue: only its plans
    are read, so the catalogue-wide checks (one object per name, parents, related ids) do not apply to
    the mix of old and new definitions, whose names may have moved since.
    """
    report = _Report()
    # Metrics and regions of one id were put together by the loader, which reports duplicates in one file.
    _duplicates(report, "plan", ((p.id, p.loc) for p in ds.plans))
    metrics = {m.id: m for m in ds.metrics}
    regions = {r.id: r for r in ds.regions}
    _check_metrics(report, ds, metrics, catalogue=catalogue)
    _check_regions(report, ds.regions, regions)
    _check_plans(report, ds.plans, regions, metrics)
    _check_outcomes(report, ds.outcomes, regions, metrics)
    return report


def numbered(outcomes: Iterable[Reported]) -> Iterator[tuple[int, Reported]]:
    """Each outcome with its number in its own file (messages count from 1 in each file, as plans' targets do)."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.loc.file] = counts.get(outcome.loc.file, 0) + 1
        yield counts[outcome.loc.file], outcome


def outcome_label(index: int, outcome: Reported) -> str:
    """How messages name an outcome: 'outcome 3 (china high-value-patents 2025)'."""
    return f"outcome {index} ({outcome.region} {outcome.figure.metric} {outcome.figure.year})"


def _check_outcomes(
    report: _Report, outcomes: Sequence[Reported], regions: dict[str, Region], metrics: dict[str, Metric]
) -> None:
    """Each outcome as a plan's baseline is checked (a known metric, a unit that fits it, a kind, a quote), and
    its region is known: an outcome is a number, so one without a value is an error too."""
    for index, outcome in numbered(outcomes):
        label, figure = outcome_label(index, outcome), outcome.figure
        if outcome.region not in regions:
            hint = suggest(outcome.region, ((r.id, r.names()) for r in regions.values()))
            report.add(outcome.loc, "region", f"{label}: unknown region {outcome.region!r}{hint}")
        problems = _reference_problems(figure, "outcome", metrics.get(figure.metric), metrics)
        if not figure.quantified:
            problems.append(("value", "an outcome needs a value or a range"))
        problems += _shape_problems(figure, "outcome", metrics.get(figure.metric))
        problems += _value_problems(figure) + _kind_problems(figure)
        if figure.since is not None and figure.since > figure.year - (0 if figure.kind == Kind.INCREMENT else 1):
            problems.append(("since", f"since {figure.since} is not before year {figure.year}"))
        for key, message in problems:
            report.add(figure.loc, key, f"{label}: {message}")


def _check_metrics(report: _Report, ds: Dataset, metrics: dict[str, Metric], *, catalogue: bool) -> None:
    """Each metric's unit is known; with the whole catalogue at hand, its references and names hold too."""
    for m in ds.metrics:
        if m.unit is not None and parse_unit(m.unit) is None:
            report.add(m.loc, "unit", f"metric {m.id!r}: unknown unit {m.unit!r}")
    if catalogue:
        _check_catalogue(report, ds, metrics)


def _check_catalogue(report: _Report, ds: Dataset, metrics: dict[str, Metric]) -> None:
    """The catalogue-wide checks: related metrics exist, every name is one object's, parents make a tree."""
    for m in ds.metrics:
        for rel in m.related:
            if rel not in metrics:
                report.add(m.loc, "related", f"metric {m.id!r}: related metric {rel!r} is not in the catalogue")
    _names(report, "metric", ds.metrics)
    _names(report, "region", ds.regions)
    _parents(report, metrics)


def _check_regions(report: _Report, items: Sequence[Region], regions: dict[str, Region]) -> None:
    """Each region's population agrees with its quote, and its parent is a known region of a higher level; there
    is one nation (every plan of its level is set against the others' as the national reference)."""
    nation: Region | None = None
    for r in items:
        _check_population(report, r)
        _check_region_parent(report, r, regions)
        if r.level == Level.NATIONAL and nation is None:
            nation = r
        elif r.level == Level.NATIONAL and nation is not None:
            report.add(
                r.loc,
                "level",
                f"region {r.id!r}: a second national region (the nation is {nation.id!r}, at {nation.loc})",
            )


def _check_population(report: _Report, r: Region) -> None:
    """A population's document and quote come together, and the quote states the number."""
    where = f"region {r.id!r}"
    pop = r.population
    if pop is not None and (pop.document is None) != (pop.quote is None):
        report.add(r.loc, "population", f"{where}: population document and quote go together: give both or neither")
    elif pop is not None and pop.quote is not None and str(pop.value) not in re.sub(r"[,，\s]", "", pop.quote):
        report.add(r.loc, "population", f"{where}: population {pop.value} is not in its quote {pop.quote!r}")


def _check_region_parent(report: _Report, r: Region, regions: dict[str, Region]) -> None:
    """Every region below the nation lies in a known region of a higher level."""
    where = f"region {r.id!r}"
    parent = regions.get(r.parent) if r.parent else None
    if r.parent is None and r.level != Level.NATIONAL:
        report.add(r.loc, None, f"{where}: a {r.level} region needs a parent")
    elif r.parent is not None and parent is None:
        report.add(r.loc, "parent", f"{where}: unknown parent region {r.parent!r}")
    elif parent is not None and _LEVEL_RANK[parent.level] >= _LEVEL_RANK[r.level]:
        report.add(r.loc, "parent", f"{where}: parent {parent.id!r} is a {parent.level}, not above a {r.level}")


def _check_plans(
    report: _Report, plans: Sequence[Plan], regions: dict[str, Region] | None, metrics: dict[str, Metric] | None
) -> None:
    """Each plan's region, period and dates hold, and then each of its targets and baselines (without the
    catalogue, all but the plan's region and its figures' metrics and units)."""
    for plan in plans:
        where = f"plan {plan.id!r}"
        if regions is not None and plan.region and plan.region not in regions:
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


# -- the same checks, file by file (the index's cold build, bulk.py) -------------------------------------------------
#
# A file's plans are checked as the file is read, without the catalogue or the other files: `plan_problems` and
# `figure_fine` are `check` less what needs those, and the build checks the rest on what each file names
# (`unit_fits` for each metric, unit and kind it uses, plan ids and regions). They only need to tell whether there
# is a problem: when there is one, the files are loaded as always, and `check` says what it is. The build reads most
# figures with bulk._row, which does what loader.figure_values and figure_fine do in one step: a check of a figure
# added here is added there too (tests/test_bulk.py compares them on generated figures).


def plan_problems(plans: Sequence[Plan]) -> list[Problem]:
    """The problems `check` finds in these plans that need neither the catalogue nor the other plans."""
    report = _Report()
    _check_plans(report, plans, None, None)
    return report


def figure_fine(plan: Plan, figure: Figure, role: str) -> bool:
    """Whether `plan_problems` finds nothing wrong with one figure of the plan (`role` target or baseline)."""
    return not _figure_problems(plan, figure, role, None)


def unit_fits(metric: Metric, unit: str, kind: Kind | None) -> bool:
    """Whether a quantified figure of `metric` may be written in `unit` (as `check` asks of every figure)."""
    return _unit_problem(metric, unit, kind) is None


@record(frozen=False, kw_only=False)
class QuoteCheck:
    """What checking quotes against their source documents found, kept apart by what went wrong."""

    found: int = 0  # quotes found, character for character, in their documents
    documents: set[Path] = field(default_factory=set)  # documents read
    not_found: list[Problem] = field(default_factory=list)  # a quote that is not in its document
    no_document: list[Problem] = field(default_factory=list)  # each citing a document that cannot be found or read
    no_source: list[Problem] = field(default_factory=list)  # a plan that names no document
    missing: set[str] = field(default_factory=set)  # the documents that cannot be found or read, each once
    unchecked: list[str] = field(default_factory=list)  # what was not checked: "plan", "population"


def find_source(name: str, data_file: str, directories: Sequence[Path]) -> Path | None:
    """A source document: in each directory by its path and then by its file name, else beside its data file."""
    written = Path(name)
    candidates = [d / written for d in directories] + [d / written.name for d in directories]
    candidates.append(Path(data_file).parent / written)
    # Anything there but a folder is the document (a pipe is then refused by name); a name too long for the
    # system is simply not there.
    return next((c for c in candidates if os.path.lexists(c) and not os.path.isdir(c)), None)


def _looked_in(data_file: str, directories: Sequence[Path]) -> str:
    beside = str(Path(data_file).parent) if Path(data_file).parent != Path() else "."
    return ", ".join(dict.fromkeys([*(str(d) for d in directories), beside]))


#: A line break in a document, with the indentation around it: a quote may run across one.
_LINE_BREAK = re.compile(r"[ \t\u3000]*\r?\n[ \t\u3000]*")


def _read(path: Path) -> str:
    """A document's text (UTF-8 or GB18030 text, an HTML page, .docx or .pdf), or why it cannot be read."""
    from .documents import read_document
    from .errors import DataError

    try:
        return read_document(path)
    except DataError as e:
        raise OSError(e.problems[0].message) from None


def check_quotes(ds: Dataset, directories: Sequence[Path] = (), files: Iterable[str] | None = None) -> QuoteCheck:
    """Every quote must occur, character for character, in the document it cites.

    A plan's `source` (and a population's `document`) is looked for in each of `directories`, then
    beside the data file that names it. Only the plans and populations written in `files` are checked
    (every one when `files` is None).
    """
    checker = _QuoteChecker(directories, None if files is None else set(files))
    for plan in ds.plans:
        checker.plan(plan)
    for region in ds.regions:
        checker.population(region)
    for index, outcome in numbered(ds.outcomes):
        checker.outcome(index, outcome)
    return checker.result


class _QuoteChecker:
    """One run of check_quotes: each document is read once, however many plans and populations cite it."""

    def __init__(self, directories: Sequence[Path], wanted: set[str] | None) -> None:
        self.directories = directories
        self.wanted = wanted  # the data files whose plans and populations are checked; None: every one
        self.result = QuoteCheck()
        self.texts: dict[Path, str | OSError] = {}  # each document read, or why it cannot be
        self.joined: dict[int, str] = {}  # each document's text with its line breaks taken out, made when first needed

    def plan(self, plan: Plan) -> None:
        """The quotes of one plan's targets and baselines, in the document the plan names as its source."""
        if self.wanted is not None and plan.loc.file not in self.wanted:
            return
        if plan.source is None:
            self.result.no_source.append(Problem(*plan.loc.place(), f"plan {plan.id!r}: names no source document"))
            self.result.unchecked.append("plan")
            return
        text = self.document(plan.source, plan.loc, "source", f"plan {plan.id!r}")
        if text is None:
            return
        for _, label, figure in _figures(plan):
            if figure.quote:
                message = f"{label}: quote not found in its source {plan.source}"
                self.quote(text, figure.quote, figure.loc, "quote", message)

    def population(self, region: Region) -> None:
        """The quote of one region's population, when it gives one, in the document it cites."""
        pop = region.population
        if pop is None or pop.document is None or pop.quote is None:
            return
        if self.wanted is not None and region.loc.place("population")[0] not in self.wanted:
            return
        text = self.document(pop.document, region.loc, "population", f"population of region {region.id!r}")
        if text is not None:
            where = f"region {region.id!r}: population quote not found in its source {pop.document}"
            self.quote(text, pop.quote, region.loc, "population", where)

    def outcome(self, index: int, outcome: Reported) -> None:
        """The quote of an outcome that names the document it is in (one citing only a report has none here)."""
        if outcome.document is None or (self.wanted is not None and outcome.loc.file not in self.wanted):
            return
        label = outcome_label(index, outcome)
        text = self.document(outcome.document, outcome.loc, "document", label)
        if text is not None and outcome.figure.quote:
            message = f"{label}: quote not found in its source {outcome.document}"
            self.quote(text, outcome.figure.quote, outcome.figure.loc, "quote", message)

    def document(self, name: str, loc: Location, key: str, what: str) -> str | None:
        """The text of the document `name`; None, with the problem noted, when it cannot be found or read."""
        file, _ = loc.place(key)
        path = find_source(name, file, self.directories)
        if path is None:
            message = f"{what}: source document {name} not found (looked in {_looked_in(file, self.directories)})"
            self._unreadable(Problem(*loc.place(key), message), str(Path(file).parent / name), what)
            return None
        text = self._text(path)
        if isinstance(text, OSError):
            reason = text.strerror or str(text)
            message = f"{what}: cannot read source document {path}: {reason}"
            self._unreadable(Problem(*loc.place(key), message), str(path), what)
            return None
        self.result.documents.add(path)
        return text

    def _text(self, path: Path) -> str | OSError:
        """A document's text, read when first asked for, or why it cannot be read."""
        if path not in self.texts:
            try:
                self.texts[path] = _read(path)
            except OSError as e:
                self.texts[path] = e
        return self.texts[path]

    def _unreadable(self, problem: Problem, missing: str, what: str) -> None:
        """Note a document that cannot be found or read, and that what cites it goes unchecked."""
        self.result.no_document.append(problem)
        self.result.missing.add(missing)
        self.result.unchecked.append(what.split()[0])

    def occurs(self, quoted: str, text: str) -> bool:
        """Whether the quote is in the text as it is, or with the text's line breaks taken out."""
        if quoted in text:
            return True
        if id(text) not in self.joined:
            self.joined[id(text)] = _LINE_BREAK.sub("", text)
        return quoted in self.joined[id(text)]

    def quote(self, text: str, quoted: str, loc: Location, key: str, message: str) -> None:
        """Count a quote found, or note `message` at its place when it is not."""
        if self.occurs(quoted, text):
            self.result.found += 1
        else:
            self.result.not_found.append(Problem(*loc.place(key), message))


def check_readings(ds: Dataset, files: Iterable[str] | None = None) -> list[Problem]:
    """Each quantified figure read back from its own quote: a problem where the words say otherwise.

    These are warnings of `validate` (errors with `--strict`): the reader sees only the quote, so a
    curator who read the sentence around it may know better, and says so in the figure's note.
    """
    from .readback import read_back

    wanted = None if files is None else set(files)
    out: list[Problem] = []
    for plan in ds.plans:
        if wanted is not None and plan.loc.file not in wanted:
            continue
        for role, label, figure in _figures(plan):
            for d in read_back(figure, plan, role):
                out.append(Problem(*figure.loc.place(d.key), f"{label}: {d.message}"))
    return out
