"""The index's cold build: the data files read straight into the index's rows, file by file, in parallel.

`loader.load` builds the whole dataset as objects and checks it whole; at thousands of plans that is seconds of
one core and memory in proportion to the data. Here each file is read (in worker processes when there is much
to read) into the rows of its plans and figures, checked as far as one file can be checked, and written to the
index as it comes, so that memory follows one file at a time. What needs every file is checked at the end on
what the files name: the catalogue (metrics and regions, small), plan ids, the regions plans belong to, and each
metric, unit and kind the figures use (`validate.plan_problems` says which checks are which).

A build only proves that the data has no problem. At the first sign of one nothing is written, and the caller
loads the files as always (`loader.load`), which reports every problem word for word as without the index.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import signal
import sqlite3
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from . import files as _files
from .files import ReadError, read_bytes
from .index import (
    SCHEMA,
    Stamp,
    _create,
    _database,
    _figure_row,
    _places,
    _plan_row,
    write_catalogue,
    write_counts,
    write_key,
    write_outcomes,
)
from .loader import (
    _FIGURE_KEY_SET,
    Part,
    _Careful,
    _Fields,
    _fine_number,
    _fine_text,
    _fine_year,
    _Map,
    _plain,
    _plan,
    _Quick,
    _Seq,
    build,
    decoded,
    parse,
    read_yaml_quickly,
)
from .model import COMPARATORS, DIRECTIONS, KINDS, Figure, Metric, Plan
from .paths import display_paths
from .records import record
from .validate import _GROWTH, _NOT_NEGATIVE, check, plan_problems, unit_fits

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

#: Less data than this is read in this process: starting workers would cost more than they save.
PARALLEL_BYTES = 4 * 2**20
#: Files go to the workers in batches of at most about this many bytes (fewer, smaller ones for less data, so that
#: each worker has several): few round trips, and even loads.
BATCH_BYTES = 2**20

#: A file to read: as given, its real path, its name in messages, its position in the files table.
_Task = tuple[str, str, str, int]
#: A metric, unit and kind the figures of a file use (the unit None for a qualitative figure).
Use = tuple[str, str | None, str | None]
#: A row of the plans, targets or baselines table.
Row = tuple[Any, ...]


class Unbuilt(Exception):
    """The files could not be read in parallel (a worker died); the caller loads them directly."""


class _Problem(Exception):
    """Some file has a problem: nothing is written, and the careful load says what it is."""


class _Unsure(Exception):
    """The lean reading of a file met something it leaves to the careful one (_Reader.careful)."""


# -- one file -----------------------------------------------------------------------------------------------------


@record(kw_only=False)
class Rows:
    """What one data file puts in the index: its stamp, its catalogue entries (a Part without plans) and the rows
    of its plans (numbered within the file), targets and baselines, with the metrics, units and kinds they use."""

    stamp: Stamp
    part: Part
    plans: list[Row]
    targets: list[Row]
    baselines: list[Row]
    uses: set[Use]


def read_file(given: str, real: str, name: str, position: int) -> Rows | None:
    """The rows of one data file (`name` as messages call it, `position` its place in the files table), or None
    when it has a problem. The stamp is of the bytes read, so the index holds what its key says."""
    try:
        info = os.stat(real)
        data = read_bytes(given, _files.MAX_DATA_BYTES, "a data file")
    except (OSError, ReadError):
        return None
    text, _ = decoded(data, name)
    if text is None:
        return None
    stamp = Stamp(real, info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())
    reader = _Reader(name, position)
    part: Part | None
    try:
        if any(mark in data for mark in _UNSURE):
            raise _Unsure
        part = reader.lean(text)
    except _Unsure:
        reader = _Reader(name, position)
        part = reader.careful(text)
    if part is None:
        return None
    return Rows(stamp, part, reader.plans, reader.targets, reader.baselines, reader.uses)


#: What the lean reader leaves to the careful one, as UTF-8: anchors, aliases and tags (a text without '&', '*' and
#: '!' has none, so it need not look for them), and the line breaks of YAML's that editors do not count (see
#: loader._Lines). Characters YAML refuses stop libyaml, and with it the lean reader.
_UNSURE = tuple(mark.encode() for mark in "&*!\x85\u2028\u2029")


class _Reader:
    """The rows of one file's plans and figures, read the lean way or the careful way."""

    def __init__(self, name: str, position: int) -> None:
        self.name, self.position = name, position
        self.plans: list[Row] = []
        self.targets: list[Row] = []
        self.baselines: list[Row] = []
        self.uses: set[Use] = set()

    def lean(self, text: str) -> Part:
        """The lean way: figures read straight from libyaml's events into rows (_Lean). Raises _Unsure for any
        problem, and for anything the quick reader leaves to the careful one (see _UNSURE too)."""
        try:
            tree = _Lean(text).build(text)
        except _Careful:
            raise _Unsure from None
        part, problems = parse(tree, self.name, self._plan)
        if problems:
            raise _Unsure
        return part

    def _plan(self, fields: _Fields) -> Plan | None:
        """A plan's own fields as `_plan` reads them, and its figures as rows (the Plan returned has none)."""
        data = fields.data
        lists = {key: data.pop(key) for key in ("targets", "baselines") if type(data.get(key)) is _Figures}
        plan = _plan(fields)
        if plan is None or fields.problems or plan_problems([plan]):
            raise _Unsure
        uses, position = self.uses, self.position
        for target, rows in ((True, self.targets), (False, self.baselines)):
            for n, item in enumerate(lists.get("targets" if target else "baselines", ())):
                row = _row(item[1], plan, target)
                if row is None:
                    raise _Unsure
                rows.append((plan.id, n, *row, position, item[0]))
                uses.add((row[0], row[8], row[3]))  # metric, unit, kind
        self.plans.append(_plan_row(plan, len(self.plans), (self.position, plan.loc.line)))
        return None  # the plan is in the rows: the Part keeps none

    def careful(self, text: str) -> Part | None:
        """The careful way: the file read and checked as `loader.load` reads it, then made into rows; None when
        it has a problem."""
        tree, problems = read_yaml_quickly(text, self.name)
        if problems:
            return None
        part, problems = parse(tree, self.name)
        if problems or plan_problems(part.plans):
            return None
        for i, plan in enumerate(part.plans):
            self.plans.append(_plan_row(plan, i, (self.position, plan.loc.line)))
            for rows, figures in ((self.targets, plan.targets), (self.baselines, plan.baselines)):
                for n, figure in enumerate(figures):
                    row = _figure_row(plan.id, n, figure, (None,) * 4, (self.position, figure.loc.line))
                    rows.append(row[:NORMAL] + row[NORMAL + 4 :])
                    self.uses.add(_use(figure))
        part.plans = []
        return part


def _row(data: dict[str, Any], plan: Plan, target: bool) -> Row | None:
    """A figure's row from `metric` to `note`, less the normalized columns (what index._figure_row makes of the
    Figure that loading `data` makes), when `check` would find nothing wrong with that figure but for its metric
    and unit, which are checked on the catalogue (_fits); else None.

    loader.figure_values, validate.figure_fine and index._figure_row in one, in a third of their time: they
    are what it must agree with, and tests/test_bulk.py holds it to them.
    """
    get: Callable[[str], Any] = data.get
    metric, year, since, value, span = get("metric"), get("year"), get("since"), get("value"), get("range")
    unit, comparator, kind, direction = get("unit"), get("comparator"), get("kind"), get("direction")
    quote, note, scope = get("quote"), get("note"), get("scope")
    numbers = _numbers(value, span)
    if not (
        numbers is not None
        and _FIGURE_KEY_SET.issuperset(data)
        and _fine_text(metric, True)
        and _fine_year(year, True)
        and _fine_year(since)
        and _fine_text(quote, True)
        and _fine_text(unit)
        and _fine_text(scope)
        and _fine_text(note)
        and (kind is None or (type(kind) is str and kind in KINDS))
    ):
        return None
    value, low, high = numbers
    if value is None and low is None:  # qualitative: a direction alone
        if not (type(direction) is str and direction in DIRECTIONS and unit is None and comparator is None):
            return None
    elif not (
        unit is not None
        and kind is not None
        and type(comparator) is str
        and comparator in COMPARATORS
        and direction is None
    ):
        return None
    if not _fine_kind(kind, numbers, note, since):
        return None
    start = plan.period_start
    if target and kind == "increment" and since is None and start <= year:  # loader._over_the_period
        since = start
    if since is not None and since > year - (0 if kind == "increment" else 1):
        return None
    if not (start <= year <= plan.period_end if target else year <= start):
        return None
    return metric, year, since, kind, comparator, value, low, high, unit, direction, scope, quote, note


_NONE3 = (None, None, None)


def _numbers(value: Any, span: Any) -> tuple[float | None, float | None, float | None] | None:
    """A figure's value, low and high as floats; None when they are not numbers, or a range and a value both, or a
    range that runs backwards."""
    if span is None:
        if value is None:
            return _NONE3
        return (float(value), None, None) if _fine_number(value) else None
    if value is not None or type(span) is not list or len(span) != 2:
        return None
    low, high = span
    if not (_fine_number(low) and _fine_number(high)) or low > high:
        return None
    return None, float(low), float(high)


#: validate._NOT_NEGATIVE, as the text figures are read as.
_NOT_NEGATIVE_KINDS = frozenset(k.value for k in _NOT_NEGATIVE)
_GROWTH_KINDS = frozenset(k.value for k in _GROWTH)


def _fine_kind(kind: str | None, numbers: tuple[float | None, ...], note: str | None, since: int | None) -> bool:
    """validate._value_problems and _kind_problems: numbers a figure of its kind can have, and what it needs."""
    if kind in _NOT_NEGATIVE_KINDS and any(n is not None and n < 0 for n in numbers):
        return False
    if kind == "share" and any(n is not None and n > 100 for n in numbers):
        return False
    if kind in _GROWTH_KINDS and any(n is not None and n < -100 for n in numbers):
        return False
    return not ((kind == "unclear" and note is None) or (kind == "flow-change" and since is None))


def _use(figure: Figure) -> Use:
    return figure.metric, figure.unit, None if figure.kind is None else figure.kind.value


class _Figures(_Seq):
    """A plan's targets or baselines as the lean reader keeps them: (line, fields) for each figure (and no
    item_lines: it is read by bulk._Reader only)."""


_SCALAR = yaml.ScalarEvent
_MAPPING_START = yaml.MappingStartEvent
_MAPPING_END = yaml.MappingEndEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_SEQUENCE_END = yaml.SequenceEndEvent


#: The plain scalars a worker has read, as they read (_Quick.seen, kept from file to file): metric ids, years, units
#: and kinds recur in every file. Emptied when it grows large.
_SEEN: dict[str, Any] = {}


class _Lean(_Quick):
    """The quick reader, but each figure of a plan is read straight from its events into a plain dict of its
    fields: no _Map, no lines of its keys (only messages use them, and a file with a problem is read again the
    careful way), and no look at anchors and tags (only for a text without '&', '*' and '!', which has none).
    Figures are most of a file's events, and this is most of the time the quick reader spends on them."""

    def build(self, text: str) -> Any:
        try:
            from yaml._yaml import CParser
        except ImportError:  # PyYAML built without libyaml
            raise _Careful from None
        self.get: Callable[[], Any] = CParser(text).get_event
        if len(_SEEN) > 100_000:
            _SEEN.clear()
        self.seen = _SEEN
        try:
            return self._run(self.get)
        except yaml.YAMLError:
            raise _Careful from None

    def start(self, event: Any, new: Any) -> None:
        current, stack = self.current, self.stack
        if (
            type(new) is _Seq
            and len(stack) == 3
            and type(current) is _Map
            and self.key in ("targets", "baselines")
            and type(stack[1]) is _Map
            and stack[1].get("plans") is stack[2]
        ):  # a plan's targets or baselines (the file's root, its plans, the plan): read here up to its end
            figures = _Figures()
            figures.item_lines = []
            super().start(event, figures)
            self._figures(figures)
            self.current = self.stack.pop()
            return
        super().start(event, new)

    def _figures(self, figures: _Figures) -> None:
        """The figures of a list whose start has just been read, up to its end."""
        get = self.get
        while True:
            event = get()
            if type(event) is _MAPPING_START:
                figures.append((self.line(event), self._figure()))
            elif type(event) is _SEQUENCE_END:
                return
            else:  # an item that is no mapping: a problem, for the careful reader to report
                raise _Careful

    def _figure(self) -> dict[str, Any]:
        """The fields of the figure whose mapping has just started, up to its end (a key that is not a figure's is
        for _row to refuse)."""
        get, seen = self.get, self.seen
        fields: dict[str, Any] = {}
        pairs = 0
        while True:
            event = get()
            if type(event) is not _SCALAR:
                if type(event) is _MAPPING_END and len(fields) == pairs:
                    return fields
                raise _Careful  # a key that is no text, or one written twice: for the careful reader to report
            key = event.value
            event = get()
            value: Any
            if type(event) is _SCALAR:
                value = event.value
                if not event.style:  # plain: as _Quick reads it
                    known = seen.get(value, seen)
                    if known is not seen:
                        value = known
                    elif len(value) > 32:
                        value = _plain(value)
                    else:
                        value = seen[value] = _plain(value)
            elif type(event) is _SEQUENCE_START:
                value = self._scalars()
            else:
                raise _Careful
            fields[key] = value
            pairs += 1

    def _scalars(self) -> list[Any]:
        """A list of plain scalars (a range), up to its end."""
        out: list[Any] = []
        while True:
            event = self.get()
            if type(event) is _SEQUENCE_END:
                return out
            if type(event) is not _SCALAR or event.style:
                raise _Careful
            out.append(_plain(event.value))


# -- a batch of files ---------------------------------------------------------------------------------------------


@record(kw_only=False)
class Batch:
    """What a batch of files puts in the index, and what the checks across files need: their stamps and catalogue
    entries, each plan's id and region, and the metrics, units and kinds the figures use.

    The rows of its plans (numbered within the batch), targets and baselines come from a worker as a small SQLite
    database, serialized: one buffer to pass between processes, copied into the index by SQLite itself. Read in
    this process, or where SQLite cannot serialize, they are the lists of rows.
    """

    rows: bytes | tuple[list[Row], list[Row], list[Row]]
    stamps: list[Stamp]
    parts: list[Part]
    plans: list[tuple[str, str]]
    uses: set[Use]
    counts: Tally


class Tally:
    """What `plans` and `metrics` list of the figures (model.Counts), counted as the rows are read, so that a
    listing reads a few small tables instead of counting thousands of figures (index.Index.counts)."""

    def __init__(self) -> None:
        #: plan id -> [targets, quantified targets, baselines], in the data's order
        self.plans: dict[str, list[int]] = {}
        #: metric id -> [targets, baselines, {plan ids that set it a target, in the data's order}]
        self.metrics: dict[str, list[Any]] = {}

    def add(self, plans: list[Row], targets: list[Row], baselines: list[Row]) -> None:
        """Rows of plans in the data's order, then each plan's targets and baselines after those of earlier ones."""
        counted = self.plans
        for row in plans:
            counted[row[0]] = [0, 0, 0]
        metrics = self.metrics
        for row in targets:
            plan, metric = row[_PLAN], row[_METRIC]
            tally = counted[plan]
            tally[0] += 1
            tally[1] += row[_VALUE] is not None or row[_LOW] is not None
            entry = metrics.get(metric)
            if entry is None:
                entry = metrics[metric] = [0, 0, {}]
            entry[0] += 1
            entry[2][plan] = None
        for row in baselines:
            counted[row[_PLAN]][2] += 1
            entry = metrics.get(row[_METRIC])
            if entry is None:
                entry = metrics[row[_METRIC]] = [0, 0, {}]
            entry[1] += 1

    def merge(self, other: Tally) -> None:
        """Another batch's counts, of plans that come after these."""
        self.plans.update(other.plans)
        for metric, (targets, baselines, plans) in other.metrics.items():
            entry = self.metrics.get(metric)
            if entry is None:
                self.metrics[metric] = [targets, baselines, dict(plans)]
            else:
                entry[0] += targets
                entry[1] += baselines
                entry[2].update(plans)


def _schema_columns() -> dict[str, list[str]]:
    """The columns of each table of index.SCHEMA, in order."""
    db = sqlite3.connect(":memory:")
    try:
        _create(db, SCHEMA)
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: [row[1] for row in db.execute(f"PRAGMA table_info({table})")] for table in tables}
    finally:
        db.close()


_SCHEMA_COLUMNS = _schema_columns()
#: The columns of the plans table, and of the targets and baselines tables but the four normalized ones, which the
#: index leaves empty (commands normalise in the units they are asked for): a batch's rows have these.
PLAN_COLUMNS = _SCHEMA_COLUMNS["plans"]
FIGURE_COLUMNS = [c for c in _SCHEMA_COLUMNS["targets"] if not c.startswith("normalized_")]
#: Where a batch's figure rows hold what Tally counts.
_PLAN, _METRIC, _VALUE, _LOW = (FIGURE_COLUMNS.index(c) for c in ("plan", "metric", "value", "low"))
#: Where index._figure_row puts the four normalized columns.
NORMAL = _SCHEMA_COLUMNS["targets"].index("normalized_value")
#: A batch's tables: no types and no keys (plan ids are checked before the rows are copied).
_BATCH_TABLES = f"""
CREATE TABLE plans ({", ".join(PLAN_COLUMNS)});
CREATE TABLE targets ({", ".join(FIGURE_COLUMNS)});
CREATE TABLE baselines ({", ".join(FIGURE_COLUMNS)});
"""
_INSERT_PLAN = f"INSERT INTO plans ({', '.join(PLAN_COLUMNS)}) VALUES ({', '.join('?' * len(PLAN_COLUMNS))})"
_INSERT_FIGURE = f"INSERT INTO {{}} ({', '.join(FIGURE_COLUMNS)}) VALUES ({', '.join('?' * len(FIGURE_COLUMNS))})"
#: A serialized batch, attached as `batch`, into the index: its plans numbered after those already there.
_MERGE_PLANS = f"INSERT INTO plans SELECT id, position + ?, {', '.join(PLAN_COLUMNS[2:])} FROM batch.plans"
_MERGE_FIGURES = f"INSERT INTO {{0}} ({', '.join(FIGURE_COLUMNS)}) SELECT {', '.join(FIGURE_COLUMNS)} FROM batch.{{0}}"
#: Whether this Python's SQLite can serialize a database (3.36 and later, and some earlier builds).
_SERIALIZE = hasattr(sqlite3.Connection, "serialize")


def read_batch(tasks: list[_Task], *, serialize: bool = False) -> Batch | None:
    """The rows of some data files (see read_file), or None when one has a problem."""
    files = []
    for task in tasks:
        rows = read_file(*task)
        if rows is None:
            return None
        files.append(rows)
    plans: list[Row] = []
    targets: list[Row] = []
    baselines: list[Row] = []
    for rows in files:
        offset = len(plans)
        plans += [(row[0], offset + row[1], *row[2:]) for row in rows.plans]
        targets += rows.targets
        baselines += rows.baselines
    uses = set().union(*(rows.uses for rows in files))
    ids = [(row[0], row[2]) for row in plans]
    tally = Tally()
    tally.add(plans, targets, baselines)
    data = _serialized(plans, targets, baselines) if serialize else (plans, targets, baselines)
    return Batch(data, [rows.stamp for rows in files], [rows.part for rows in files], ids, uses, tally)


def _serialized(plans: list[Row], targets: list[Row], baselines: list[Row]) -> bytes:
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db.execute("BEGIN")
        _create(db, _BATCH_TABLES)
        _insert(db, plans, targets, baselines)
        db.execute("COMMIT")
        return db.serialize()
    finally:
        db.close()


def _insert(db: sqlite3.Connection, plans: list[Row], targets: list[Row], baselines: list[Row]) -> None:
    db.executemany(_INSERT_PLAN, plans)
    db.executemany(_INSERT_FIGURE.format("targets"), targets)
    db.executemany(_INSERT_FIGURE.format("baselines"), baselines)


# -- every file ---------------------------------------------------------------------------------------------------


def write(files: Sequence[tuple[str | Path, str]], target: Path) -> bool:
    """Build the index of `files` (each as given and its real path) at `target`; False, with nothing written, when
    a file has a problem (the caller loads the files to report it).

    Raises OSError or sqlite3.Error when the index cannot be written, Unbuilt when the workers failed.
    """
    given = [str(g) for g, _ in files]
    real = [r for _, r in files]
    names = display_paths(files)
    position = {name: i for i, name in enumerate(names)}  # as index.write_tables numbers them
    tasks = [(g, r, n, position[n]) for g, r, n in zip(given, real, names, strict=True)]
    target.parent.mkdir(parents=True, exist_ok=True)
    collecting = gc.isenabled()
    gc.disable()  # rows and trees hold no cycles: walking them for some is wasted time
    try:
        with _reading(tasks) as results:
            _database(target, lambda db: _fill(db, results, names, real))
    except _Problem:
        return False
    finally:
        if collecting:
            gc.enable()
    return True


def _fill(db: sqlite3.Connection, batches: Iterator[Batch | None], names: list[str], real: list[str]) -> None:
    """The index's tables, from each batch's rows as they come; then the checks that need every file."""
    _create(db, SCHEMA)
    db.executemany("INSERT INTO files VALUES (?,?)", enumerate(real))
    db.execute("COMMIT")  # a database is attached outside a transaction; each batch is then one of its own
    db.execute("ATTACH ':memory:' AS batch")
    parts: list[Part] = []
    stamps: list[Stamp] = []
    uses: set[Use] = set()
    tally = Tally()
    plans: set[str] = set()
    regions: set[str] = set()
    for batch in batches:
        if batch is None:
            raise _Problem
        offset = len(plans)
        for plan, region in batch.plans:
            if plan in plans:
                raise _Problem  # a duplicate plan id (before the rows of its figures clash)
            plans.add(plan)
            regions.add(region)
        db.execute("BEGIN")
        if isinstance(batch.rows, bytes):
            db.deserialize(batch.rows, name="batch")
            db.execute(_MERGE_PLANS, (offset,))
            db.execute(_MERGE_FIGURES.format("targets"))
            db.execute(_MERGE_FIGURES.format("baselines"))
        else:
            plans_rows, targets_rows, baselines_rows = batch.rows
            _insert(db, [(r[0], r[1] + offset, *r[2:]) for r in plans_rows], targets_rows, baselines_rows)
        db.execute("COMMIT")
        parts += batch.parts
        stamps += batch.stamps
        uses |= batch.uses
        tally.merge(batch.counts)
    db.execute("DETACH batch")
    db.execute("BEGIN")
    problems: list[Any] = []
    catalogue = build(parts, problems)
    metrics = {m.id: m for m in catalogue.metrics}
    if problems or check(catalogue) or not regions <= {r.id for r in catalogue.regions}:
        raise _Problem
    if not all(_fits(metrics, use) for use in uses):
        raise _Problem
    write_catalogue(db, catalogue, _places(names))
    write_outcomes(db, catalogue, _places(names))
    write_key(db, real, stamps)
    write_counts(db, tally.plans, tally.metrics)


def _fits(metrics: dict[str, Metric], use: Use) -> bool:
    """Whether figures of this metric, unit and kind are what `check` lets through: a known metric, and a unit
    that fits it (for a quantified figure)."""
    metric_id, unit, kind = use
    metric = metrics.get(metric_id)
    if metric is None:
        return False
    return unit is None or unit_fits(metric, unit, None if kind is None else KINDS[kind])


@contextlib.contextmanager
def _reading(tasks: list[_Task]) -> Iterator[Iterator[Batch | None]]:
    """Each batch of files in order: read here when there is little to read, else by worker processes (as many as
    there are cores), whose first batches are handed out before the index is opened (and the workers forked)."""
    sizes = [_size(real) for _, real, _, _ in tasks]
    workers = os.cpu_count() or 1
    if workers < 2 or len(tasks) < 2 or sum(sizes) < PARALLEL_BYTES:
        yield (read_batch(batch) for batch in _batches(tasks, sizes, BATCH_BYTES))  # rows as lists: nothing to pass
        return
    import multiprocessing  # here: a few milliseconds of every small build's start
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    for stream in (sys.stdout, sys.stderr):  # a forked worker must not write out what is buffered here as it exits
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
    # Ctrl-C is the main process's to handle (it stops the build): a worker ignores it (_worker), and is started
    # with it held back until then, lest it arrive before and print a traceback of the worker's own.
    held = _hold_interrupts()
    try:
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker)
    except BaseException:
        _release_interrupts(held)
        raise
    try:
        size = min(BATCH_BYTES, max(BATCH_BYTES // 4, sum(sizes) // (8 * workers)))
        batches = iter(_batches(tasks, sizes, size))
        pending: deque[Future[Batch | None]] = deque()
        try:
            for batch in batches:  # a few batches ahead of the one being written: memory for these only
                pending.append(pool.submit(_read_batch, batch))  # the first forks the workers
                if len(pending) >= 2 * workers:
                    break
        finally:
            _release_interrupts(held)
        yield _results(pool, pending, batches)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _hold_interrupts() -> set[int | signal.Signals] | None:
    """Hold back Ctrl-C (it stays pending) where the platform can; the previous mask, to give back."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _release_interrupts(held: set[int | signal.Signals] | None) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _results(
    pool: ProcessPoolExecutor, pending: deque[Future[Batch | None]], batches: Iterator[list[_Task]]
) -> Iterator[Batch | None]:
    from concurrent.futures.process import BrokenProcessPool

    while pending:
        try:
            done = pending.popleft().result()
            batch = next(batches, None)
            if batch is not None:
                pending.append(pool.submit(_read_batch, batch))
        except BrokenProcessPool as e:
            raise Unbuilt(str(e)) from None
        yield done


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # its read will say why


def _batches(tasks: list[_Task], sizes: list[int], most: int) -> Iterator[list[_Task]]:
    """The tasks in order, in runs of about `most` bytes (a larger file alone)."""
    batch: list[_Task] = []
    size = 0
    for task, bytes_ in zip(tasks, sizes, strict=True):
        batch.append(task)
        size += bytes_
        if size >= most:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _worker() -> None:
    """A worker leaves Ctrl-C to the main process (which stops the build), and collects no garbage (its trees
    and rows hold no cycles)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    gc.disable()


def _read_batch(batch: list[_Task]) -> Batch | None:
    return read_batch(batch, serialize=_SERIALIZE)  # by this name in a worker (a test replaces it)
