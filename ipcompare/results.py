"""The rows the analyses return, as frozen types, and the one place that turns them into JSON.

Each row type is the JSON contract of a command: its fields, in order, are the JSON object's keys. A
field marked `inline` is spread into its parent (a target row carries its figure's year, value and kind
at the top level, as the plans' readers expect). Enums become their values and dates ISO strings;
numbers are written as the analyses made them (80, not 80.0, where the plan writes 80).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum, StrEnum
from typing import Any

from .model import Comparator, Direction, Figure, Kind, Level, Status
from .records import field, fields, is_record, record

Number = float | int
#: A record field spread into its parent object in JSON.
INLINE: dict[str, bool] = {"inline": True}


def json_number(value: float | None) -> Number | None:
    """80 rather than 80.0 in JSON and CSV, as the plan writes it."""
    return int(value) if value is not None and float(value).is_integer() else value


def as_json(value: Any) -> Any:
    """A result (a row, a list of rows, a document) as plain JSON values, keys in the types' field order."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    convert = _CONVERTERS.get(kind)
    return convert(value) if convert is not None else _converter(kind)(value)


def _converter(kind: type) -> Callable[[Any], Any]:
    """How values of one type become JSON, worked out once per type: a `metric` of thousands of rows asks
    for each of its fields' types again and again."""
    convert: Callable[[Any], Any]
    if is_record(kind):
        convert = _record_converter(kind)
    elif issubclass(kind, Enum):
        convert = _enum_value
    elif issubclass(kind, dt.date):
        convert = _isoformat
    elif issubclass(kind, list | tuple):
        convert = _items
    elif issubclass(kind, dict):
        convert = _mapping
    else:
        convert = _itself
    _CONVERTERS[kind] = convert
    return convert


def _record_converter(kind: type) -> Callable[[Any], dict[str, Any]]:
    """One record type's converter, written for its fields (a `metric` converts thousands of rows: a loop over
    a field list at each row was most of the time). A plain value is kept as it is; an inline field's object
    is spread in its place, so that the keys keep the fields' order."""
    items = []
    for f in fields(kind):
        if f.metadata.get("inline"):  # None (or any plain value) stays under its own name
            items.append(f"**({{{f.name!r}: x}} if type(x := v[{f.name!r}]) in _PLAIN else as_json(x))")
        else:
            items.append(f"{f.name!r}: (x if type(x := v[{f.name!r}]) in _PLAIN else as_json(x))")
    source = "def convert(value):\n    v = value.__dict__\n    return {" + ", ".join(items) + "}\n"
    scope: dict[str, Any] = {"_PLAIN": _PLAIN, "as_json": as_json}
    exec(compile(source, f"<json {kind.__qualname__}>", "exec"), scope)  # source made of field names only
    convert: Callable[[Any], dict[str, Any]] = scope["convert"]
    return convert


def _enum_value(value: Enum) -> Any:
    return value._value_  # what .value returns, without the descriptor's cost (thousands of rows)


def _isoformat(value: dt.date) -> str:
    return value.isoformat()


def _items(value: list[Any] | tuple[Any, ...]) -> list[Any]:
    return [as_json(v) for v in value]


def _mapping(value: dict[Any, Any]) -> dict[str, Any]:
    return {str(k): as_json(v) for k, v in value.items()}


def _itself(value: Any) -> Any:
    return value


#: Values that are JSON as they are (the common case, answered first).
_PLAIN = frozenset({str, int, float, bool, type(None)})
_CONVERTERS: dict[type, Callable[[Any], Any]] = {}


@record
class Amount:
    """The number part of a figure: a value or a range, its unit and comparator."""

    value: Number | None
    low: Number | None
    high: Number | None
    unit: str | None
    comparator: Comparator | None

    @property
    def quantified(self) -> bool:
        """A value or a range (a range has no value, only its ends), as Figure.quantified."""
        return self.value is not None or self.low is not None

    @classmethod
    def of(cls, figure: Figure) -> Amount:
        return cls(
            value=json_number(figure.value),
            low=json_number(figure.low),
            high=json_number(figure.high),
            unit=figure.unit,
            comparator=figure.comparator,
        )


@record
class FigureData:
    """When and what a figure says: year (and start year), the number, kind, scope and direction."""

    year: int
    since: int | None
    amount: Amount = field(metadata=INLINE)
    kind: Kind | None
    scope: str | None
    direction: Direction | None

    @classmethod
    def of(cls, figure: Figure) -> FigureData:
        return cls(
            year=figure.year,
            since=figure.since,
            amount=Amount.of(figure),
            kind=figure.kind,
            scope=figure.scope,
            direction=figure.direction,
        )


@record
class BaselineData:
    """A target's baseline: its number, and when (with the start of its span, 2011-2015)."""

    amount: Amount = field(metadata=INLINE)
    year: int
    since: int | None

    @classmethod
    def of(cls, figure: Figure | None) -> BaselineData | None:
        if figure is None or not figure.quantified:
            return None
        return cls(amount=Amount.of(figure), year=figure.year, since=figure.since)


@record
class QuotedFigure:
    """A figure with the words it was read from (diff and progress)."""

    figure: FigureData = field(metadata=INLINE)
    quote: str | None

    @classmethod
    def of(cls, figure: Figure | None) -> QuotedFigure | None:
        return None if figure is None else cls(figure=FigureData.of(figure), quote=figure.quote or None)


# -- metric: one metric across regions ------------------------------------------------------------------------


@record
class Normalized:
    """A figure in the comparison's unit (base unit, the unit asked for, per 10k people)."""

    value: Number | None
    low: Number | None
    high: Number | None
    unit: str


@record
class MetricRow:
    """One target in `ipcompare metric`: who set it, the figure, and what the comparison worked out."""

    metric: str
    metric_zh: str
    metric_en: str
    plan: str
    plan_zh: str
    plan_en: str
    region: str
    region_zh: str
    region_en: str
    level: Level
    status: Status
    figure: FigureData = field(metadata=INLINE)
    normalized: Normalized | None
    baseline: BaselineData | None
    cagr: Number | None
    cagr_source: str | None
    vs_national: float | None = None
    rank: int | None = None
    rank_of: int | None = None
    reference: bool = False
    quote: str
    note: str | None


# -- compare: regions side by side ----------------------------------------------------------------------------


@record
class Cell:
    """One target in a cell of `ipcompare compare`, with its normalised value and its quote."""

    plan: str
    status: Status
    figure: FigureData = field(metadata=INLINE)
    normalized: Normalized | None = None
    per_capita: bool = False  # `normalized` is per 10k people (asked for, and the metric is a total)
    quote: str = ""


@record
class CompareRow:
    """One metric of `ipcompare compare`: each column's targets, keyed by column (the region's id, or the
    plan's where a region has several columns), in column order."""

    metric: str
    metric_zh: str
    metric_en: str
    unit: str | None
    higher_is_better: bool
    targets: dict[str, list[Cell]]


@record
class CompareTarget:
    """One target of `ipcompare compare` in the tidy form (--long, and CSV): one row per metric, column and
    target, with numbers a spreadsheet reads as numbers."""

    metric: str
    metric_zh: str
    metric_en: str
    column: str  # the column's key (the region's id, or the plan's)
    region: str
    region_zh: str
    region_en: str
    level: Level
    plan: str
    plan_zh: str
    plan_en: str
    status: Status
    year: int
    since: int | None
    kind: Kind | None
    comparator: Comparator | None
    direction: Direction | None
    scope: str | None
    value: Number | None
    low: Number | None
    high: Number | None
    unit: str | None
    normalized_value: Number | None
    normalized_low: Number | None
    normalized_high: Number | None
    normalized_unit: str | None
    per_capita: bool  # the normalised value is per 10k people
    quote: str


# -- plans, show, metrics: the dataset as it is ---------------------------------------------------------------


@record
class Period:
    start: int
    end: int


@record
class PlanRow:
    """One plan in `ipcompare plans`."""

    id: str
    region: str
    region_zh: str | None
    region_en: str | None
    level: Level | None
    title_zh: str
    title_en: str
    status: Status
    issuer: str | None
    doc_number: str | None
    issued: dt.date | None
    published: dt.date | None
    period: Period
    targets: int
    quantified_targets: int
    baselines: int
    source: str | None


@record
class FigureRow:
    """One target or baseline in `ipcompare show`; `baseline` is the plan's own baseline of a target."""

    plan: str
    role: str  # target or baseline
    metric: str
    metric_zh: str
    figure: FigureData = field(metadata=INLINE)
    baseline: BaselineData | None
    quote: str
    note: str | None


@record
class CatalogueRow:
    """One metric in `ipcompare metrics`, with how much the plans use it."""

    id: str
    name_zh: str
    name_en: str
    unit: str | None
    higher_is_better: bool
    parent: str | None
    parts: tuple[str, ...]
    plans: int
    plan_ids: tuple[str, ...]
    targets: int
    baselines: int
    aliases: tuple[str, ...]
    related: tuple[str, ...]


# -- diff: what changed between two plans ---------------------------------------------------------------------


@record
class MetadataChange:
    """A plan detail that differs (region, status, title, issue date, period ...); a region is its id."""

    field: str
    old: str | None
    new: str | None


@record
class PlanRegion:
    """The region a plan of a diff is of: its id, and its names where the data has the region."""

    id: str
    name_zh: str | None = None
    name_en: str | None = None


@record
class FigureChange:
    """A target or baseline of two plans, paired: added, removed, changed (raised or lowered) or unchanged."""

    role: str  # target or baseline
    metric: str
    metric_zh: str
    metric_en: str
    change: str  # added, removed, changed, unchanged
    fields: tuple[str, ...]  # what changed in substance
    rewritten: tuple[str, ...]  # what is written differently without changing the target
    verdict: str | None  # raised or lowered
    delta: Number | None
    delta_unit: str | None
    percent: float | None
    old: QuotedFigure | None
    new: QuotedFigure | None


# -- progress: were the targets met ---------------------------------------------------------------------------


class Outcome(StrEnum):
    MET = "met"
    MISSED = "missed"
    ON_TRACK = "on track"  # before the target year: at or beyond the straight line from baseline to target
    BEHIND = "behind"  # before the target year: short of that line
    NOT_STATED = "not stated"  # the later plan reports no such figure
    NOT_DUE = "not due"  # the target's year is in or after the later plan's period
    NOT_COMPARABLE = "not comparable"  # unclear kind, or units of another dimension
    QUALITATIVE = "qualitative"  # a direction, no number to check


@record
class ProgressRow:
    """One target of the earlier plan, checked against what the later plan reports."""

    metric: str
    metric_zh: str
    metric_en: str
    outcome: Outcome
    target: QuotedFigure
    reported: QuotedFigure | None = None
    #: a worked-out figure's sources: (start level, end level or increment)
    derived_from: tuple[QuotedFigure, QuotedFigure] | None = None
    difference: Number | None = None
    difference_unit: str | None = None
    achieved_percent: float | None = None
    note: str | None = None
    #: where the reported figure comes from, for an outcome (`progress PLAN`); None for a later plan's baseline
    source: str | None = None


# -- extract: figures read from a plan's text -----------------------------------------------------------------


@record
class CandidateRow:
    """One figure `ipcompare extract` read from a document, with the metric it was matched to."""

    file: str
    role: str  # target or baseline
    metric: str | None  # None: no metric of the catalogue has this name (the draft proposes one)
    indicator: str  # as the text names it, in simplified characters
    year: int | None
    since: int | None
    value: Number | None
    low: Number | None
    high: Number | None
    unit: str
    comparator: Comparator
    kind: str  # the reader's kind: the dataset's kinds, and points, score, rank
    quote: str  # the source's own characters
    match: str  # how the metric was found
    notes: tuple[str, ...]  # what the reader assumed: for review
