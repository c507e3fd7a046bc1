"""The validated dataset: what a plan says, as typed objects the rest of ipcompare can trust."""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Iterable, Iterator
from enum import StrEnum
from functools import cached_property
from typing import TypeVar

from .errors import UnknownName
from .records import field, record

T = TypeVar("T")


class Level(StrEnum):
    NATIONAL = "national"
    PROVINCE = "province"
    PREFECTURE = "prefecture"


class Status(StrEnum):
    DRAFT = "draft"  # 征求意见稿
    FINAL = "final"


class Comparator(StrEnum):
    REACH = "reach"  # 达到, 达
    EXCEED = "exceed"  # 突破, 超过, N余
    AT_LEAST = "at-least"  # N以上, 不低于, 至少
    MAINTAIN = "maintain"  # 保持
    ABOUT = "about"  # 近, 约, 左右
    STATED = "stated"  # the number with no comparator word (培育5个, 新增12亿元)


class Kind(StrEnum):
    LEVEL = "level"  # the stock or value at the year
    INCREMENT = "increment"  # added over the period `since`..`year` (新增, 培育 N, “十二五”期间 ... 共)
    FLOW = "flow"  # the amount within one year (年度 ...)
    FLOW_CHANGE = "flow-change"  # the year's amount less the amount in `since` (较2015年增加, of an annual flow)
    GROWTH_RATE = "growth-rate"  # annual growth, % (年增, 年均增长)
    PERIOD_GROWTH = "period-growth"  # growth over the whole period `since` -> `year`, %
    SHARE = "share"  # a share or rate, % (占GDP比重, 结案率)
    UNCLEAR = "unclear"  # the plan does not say which; the figure's note says why


#: No plan figure, in the unit it is written in, comes near this: a bigger number in a data file is a typing
#: slip, and a longer run of digits in a plan's text is an identifier or noise.
MAX_VALUE = 1e15
#: Kinds written in % whatever the metric's unit (年均增长43%, 占GDP比重13%).
PERCENT_KINDS = (Kind.GROWTH_RATE, Kind.PERIOD_GROWTH, Kind.SHARE)
#: Kinds that count over a span from `since` to `year`: two such figures compare only over spans of one length.
SPAN_KINDS = (Kind.INCREMENT, Kind.FLOW_CHANGE, Kind.PERIOD_GROWTH)


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    MAINTAIN = "maintain"


#: Each member by its value, for reading figures in bulk (a dict lookup; calling the enum is slower).
COMPARATORS = {c.value: c for c in Comparator}
KINDS = {k.value: k for k in Kind}
DIRECTIONS = {d.value: d for d in Direction}
LEVELS = {v.value: v for v in Level}
STATUSES = {s.value: s for s in Status}


@record(kw_only=False)
class Location:
    """Where an object was defined, down to the line of each of its keys.

    A region or metric that a user's file extends has keys in two files: `key_files` names the file
    of each key written elsewhere than `file`.
    """

    file: str
    line: int | None
    key_lines: tuple[tuple[str, int], ...] = ()
    key_files: tuple[tuple[str, str], ...] = ()

    def at(self, key: str) -> int | None:
        return dict(self.key_lines).get(key, self.line)

    def place(self, key: str | None = None) -> tuple[str, int | None]:
        """The file and line of a key (of the object itself when `key` is None)."""
        if key is None:
            return self.file, self.line
        return dict(self.key_files).get(key, self.file), self.at(key)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


@record
class Population:
    value: int
    year: int
    source: str
    document: str | None = None  # a source document holding `quote` (checked by validate)
    quote: str | None = None


@record
class Metric:
    id: str
    name_zh: str
    name_en: str
    unit: str | None = None  # none: a metric that is only ever qualitative
    higher_is_better: bool
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    note: str | None = None
    loc: Location = Location("", None)
    parent: str | None = None  # the broader metric this one is part of (gi-trademarks is part of gi-count)

    def names(self) -> tuple[str, ...]:
        return (self.id, self.name_zh, self.name_en, *self.aliases)


@record
class Region:
    id: str
    name_zh: str
    name_en: str
    level: Level
    parent: str | None = None
    population: Population | None = None
    aliases: tuple[str, ...] = ()
    note: str | None = None
    loc: Location = Location("", None)

    def names(self) -> tuple[str, ...]:
        return (self.id, self.name_zh, self.name_en, *self.aliases)


@record
class Figure:
    """A number (or a direction) a plan states for a metric: a target, or a baseline it reports.

    Quantified figures carry `value` or `low`/`high` (a range such as 7~10家) with `unit`,
    `comparator` and `kind`; qualitative ones (达到新高度, 持续增加) carry only `direction`.
    """

    metric: str
    year: int
    quote: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    comparator: Comparator | None = None
    kind: Kind | None = None
    direction: Direction | None = None
    since: int | None = None
    note: str | None = None
    loc: Location = Location("", None)
    #: What the figure counts when that is narrower than, or other than, its metric (only national
    #: demonstration enterprises); figures of different scope are never set against each other.
    scope: str | None = None

    @property
    def quantified(self) -> bool:
        return self.value is not None or self.low is not None

    @property
    def span(self) -> int | None:
        """Years a span figure covers: 2016-2020 (an increment since 2016) and 2015->2020 (a change since
        2015) are both 5. None for other kinds, or when the start is not known."""
        if self.kind not in SPAN_KINDS or self.since is None:
            return None
        return self.year - self.since + (1 if self.kind == Kind.INCREMENT else 0)

    def comparable(self, other: Figure) -> bool:
        """May the two figures be set against each other (a baseline and its target, two versions, a target
        and its outcome)? Same metric, same scope and same kind; for a span kind, spans of one length."""
        if (self.metric, self.scope, self.kind) != (other.metric, other.scope, other.kind):
            return False
        if self.kind == Kind.UNCLEAR:
            return False  # two figures of unknown kind may still be of different kinds
        return self.kind not in SPAN_KINDS or (self.span is not None and self.span == other.span)


@record
class Reported:
    """What a region reported it achieved (an outcome), kept beside the plans so that `progress PLAN` can check
    a plan's targets without waiting for the next plan. The number is a Figure (metric, year, value, unit,
    kind, scope, quote, note), so it is read, checked and compared as a plan's figures are; `source` names
    where it was reported (a citation), and `document` the file under the data's folder whose words `quote` are.
    """

    region: str
    figure: Figure
    source: str
    document: str | None = None
    loc: Location = Location("", None)


#: The period of a plan whose period could not be read: the load fails anyway, but the plan is kept so that
#: its targets are checked too, and no check compares a year with these (nor names them in a message).
UNREAD_PERIOD = (-9999, 9999)


@record
class Plan:
    id: str
    region: str
    title_zh: str
    title_en: str
    period_start: int
    period_end: int
    status: Status
    source: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    issued: dt.date | None = None
    published: dt.date | None = None
    notes: str | None = None
    targets: tuple[Figure, ...] = ()
    baselines: tuple[Figure, ...] = ()
    loc: Location = Location("", None)
    short_zh: str | None = None
    short_en: str | None = None

    @property
    def period_read(self) -> bool:
        """False for a plan whose period was missing or wrong in its file (see UNREAD_PERIOD)."""
        return UNREAD_PERIOD[0] < self.period_start and self.period_end < UNREAD_PERIOD[1]

    def short(self, lang: str) -> str:
        """The name a table column has room for (十四五规划, 14th FYP); the title when none is given."""
        if lang == "zh":
            return self.short_zh or self.title_zh
        return self.short_en or self.title_en

    def baseline_for(self, target: Figure) -> Figure | None:
        """The plan's own baseline for a target: comparable (same metric, scope, kind and span length), the
        latest not after it. A qualitative target is set against the latest level of the same scope."""
        if target.quantified:
            candidates = [b for b in self.baselines if b.year <= target.year and b.comparable(target)]
        else:
            candidates = [
                b
                for b in self.baselines
                if (b.metric, b.scope) == (target.metric, target.scope)
                and b.year <= target.year
                and (b.kind == Kind.LEVEL or not b.quantified)
            ]
        return max(candidates, key=lambda b: b.year) if candidates else None


def catalogue_of(metrics: Iterable[Metric]) -> dict[str, Metric]:
    """Metrics by id, the first of each id winning: callers list the newer version's metrics first."""
    catalogue: dict[str, Metric] = {}
    for metric in metrics:
        catalogue.setdefault(metric.id, metric)
    return catalogue


def name_key(name: str) -> str:
    """The one form in which names are matched, by lookups and by the duplicate check alike: compatibility
    forms folded (full-width ＰＣＴ is PCT), case ignored, and spaces, '-' and '_' ignored (high value_patents
    is high-value-patents)."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(folded.split()).replace("-", "").replace("_", "")  # split() splits where isspace() holds


def _name_table(items: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for item_id, names in items:
        for name in names:
            table.setdefault(name_key(name), item_id)
    return table


def _partial(table: dict[str, str], wanted: str) -> set[str]:
    """Ids with a name containing what the user typed (襄阳 is in 襄阳市)."""
    return {item_id for name, item_id in table.items() if wanted and wanted in name}


def suggest(query: str, items: Iterable[tuple[str, tuple[str, ...]]]) -> str:
    """' (did you mean 'a', 'b'?)' for a name that matched nothing, or '' when nothing is close."""
    table = _name_table(items)
    wanted = name_key(query)
    close = difflib.get_close_matches(wanted, list(table), n=6, cutoff=0.6)
    if close:  # only the ones nearly as close as the best: a clear winner is suggested alone
        best = difflib.SequenceMatcher(None, wanted, close[0]).ratio()
        close = [c for c in close if difflib.SequenceMatcher(None, wanted, c).ratio() >= best - 0.1]
    hints = list(dict.fromkeys(table[c] for c in close))  # best first, each id once
    if not hints:
        hints = sorted(_partial(table, wanted))
    return f" (did you mean {', '.join(repr(h) for h in hints[:3])}?)" if hints else ""


def _resolve(kind: str, query: str, items: Iterable[tuple[str, tuple[str, ...]]]) -> str:
    """Find an id by id, alias or zh/en name (case and spaces ignored); suggest on a miss."""
    items = list(items)
    if any(item_id == query for item_id, _ in items):  # an id as written: the common case, and never ambiguous
        return query
    table = _name_table(items)
    wanted = name_key(query)
    if wanted in table:
        return table[wanted]
    # A unique partial match is what a user typing 襄阳 for 襄阳市 means.
    partial = _partial(table, wanted)
    if len(partial) == 1:
        return partial.pop()
    raise UnknownName(kind, f"unknown {kind} {query!r}{suggest(query, items)}")


@record
class Dataset:
    metrics: tuple[Metric, ...] = ()
    regions: tuple[Region, ...] = ()
    plans: tuple[Plan, ...] = ()
    files: tuple[str, ...] = field(default=())
    #: What regions reported they achieved (outcomes), in the files' order.
    outcomes: tuple[Reported, ...] = ()
    #: Set when the plans carry only some of their figures (read from the index for one question): how many
    #: targets each metric has in all plans, as (metric id, count), which those plans cannot tell.
    target_counts: tuple[tuple[str, int], ...] | None = None

    def targets_of(self, metric_id: str) -> int:
        """How many targets of `metric_id` the plans set."""
        if self.target_counts is not None:
            return dict(self.target_counts).get(metric_id, 0)
        return sum(t.metric == metric_id for p in self.plans for t in p.targets)

    def metric(self, query: str) -> Metric:
        """A metric by id, alias or name; raises UnknownName (a LookupError) with suggestions."""
        for m in self.metrics:  # an id as written, the common case: without making every metric's names
            if m.id == query:
                return m
        found = _resolve("metric", query, ((m.id, m.names()) for m in self.metrics))
        return next(m for m in self.metrics if m.id == found)

    def region(self, query: str) -> Region:
        for r in self.regions:  # as metric(): thousands of regions at scale, each with several names
            if r.id == query:
                return r
        found = _resolve("region", query, ((r.id, r.names()) for r in self.regions))
        return next(r for r in self.regions if r.id == found)

    def plan(self, query: str) -> Plan:
        """A plan by id; a region's name also works when that region has exactly one plan."""
        by_id = {p.id: p for p in self.plans}
        if query in by_id:
            return by_id[query]
        items: list[tuple[str, tuple[str, ...]]] = [(p.id, (p.id, p.title_zh, p.title_en)) for p in self.plans]
        for region in self.regions:
            own = [p for p in self.plans if p.region == region.id]
            if len(own) == 1:
                items.append((own[0].id, region.names()))
        return by_id[_resolve("plan", query, items)]

    def plans_setting(self, metric_id: str) -> list[Plan]:
        return [p for p in self.plans if any(t.metric == metric_id for t in p.targets)]

    @cached_property
    def _parts(self) -> dict[str, list[Metric]]:
        children: dict[str, list[Metric]] = {}
        for m in self.metrics:
            if m.parent is not None:
                children.setdefault(m.parent, []).append(m)
        return children

    def parts(self, metric_id: str) -> list[Metric]:
        """The metrics that are part of `metric_id`, at any depth, each after the metric it is part of."""
        seen = {metric_id}

        def walk(parent: str) -> Iterator[Metric]:
            for child in self._parts.get(parent, []):
                if child.id not in seen:  # a cycle is a data problem validate reports; never loop on it
                    seen.add(child.id)
                    yield child
                    yield from walk(child.id)

        return list(walk(metric_id))


@record
class Counts:
    """How many figures each plan and each metric has: what `plans` and `metrics` list, read from the index
    by counting rather than by making every figure of thousands of plans."""

    #: plan id -> (targets, quantified targets, baselines)
    plans: dict[str, tuple[int, int, int]]
    #: metric id -> (the plans that set it a target, in the data's order; its targets; its baselines)
    metrics: dict[str, tuple[tuple[str, ...], int, int]]


def counts_of(ds: Dataset) -> Counts:
    """The counts of a dataset that holds every figure."""
    plans = {p.id: (len(p.targets), sum(1 for t in p.targets if t.quantified), len(p.baselines)) for p in ds.plans}
    setting: dict[str, dict[str, None]] = {}
    targets: dict[str, int] = {}
    baselines: dict[str, int] = {}
    for p in ds.plans:
        for t in p.targets:
            setting.setdefault(t.metric, {})[p.id] = None
            targets[t.metric] = targets.get(t.metric, 0) + 1
        for b in p.baselines:
            baselines[b.metric] = baselines.get(b.metric, 0) + 1
    metrics = {
        m: (tuple(setting.get(m, {})), targets.get(m, 0), baselines.get(m, 0))
        for m in dict.fromkeys([*setting, *baselines])
    }
    return Counts(plans=plans, metrics=metrics)
