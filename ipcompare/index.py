"""The compiled index: the validated dataset in SQLite, so that a command reads only the rows it needs.

YAML stays the source of truth. The first command after a data file changes loads and validates the
files as always (`loader.load`), and writes what it loaded into an SQLite file in the user's cache
directory; the next commands read from there: `metric trademarks` reads the trademark rows, not every
plan. A file with problems is never indexed: loading raises its DataError first, word for word.

The index is keyed by the ipcompare version and, for each data file, its real path, size, mtime and
SHA-256. A file whose size or mtime differs is hashed: the same bytes (a `touch`, a checkout) keep the
index; other bytes rebuild it. A file changed within two seconds of the build is hashed too (its mtime may
not have moved yet, as git's "racily clean" entries). The index is written to a temporary file and renamed
into place, so a concurrent run sees the old index or the new one, never half of one.

The tables are the ones `ipcompare export --sqlite` writes (`SCHEMA`, documented in the README); the index
adds `stamps` and `meta`, its key.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from . import __version__
from .environment import CACHE_ENV
from .model import (
    COMPARATORS,
    DIRECTIONS,
    KINDS,
    LEVELS,
    STATUSES,
    Counts,
    Dataset,
    Figure,
    Location,
    Metric,
    Plan,
    Population,
    Region,
    Reported,
    counts_of,
)
from .paths import display_real
from .records import made, record, replace

#: Bumped whenever the tables change: an index of another schema is rebuilt, an export says which it is.
SCHEMA_VERSION = 2
#: A file modified this close to the build may change again without its mtime moving: hash it to be sure.
_RACY_NS = 2_000_000_000

_FIGURE_COLUMNS = """
    plan TEXT NOT NULL REFERENCES plans(id),
    position INTEGER NOT NULL,
    metric TEXT NOT NULL REFERENCES metrics(id),
    year INTEGER NOT NULL,
    since INTEGER,
    kind TEXT,
    comparator TEXT,
    value REAL,
    low REAL,
    high REAL,
    unit TEXT,
    direction TEXT,
    scope TEXT,
    normalized_value REAL,
    normalized_low REAL,
    normalized_high REAL,
    normalized_unit TEXT,
    quote TEXT NOT NULL,
    note TEXT,
    file INTEGER NOT NULL REFERENCES files(position),
    line INTEGER,
    PRIMARY KEY (plan, position)
"""

#: The tables, as `export --sqlite` writes them (README, "Export"). Lists are JSON arrays; dates ISO text;
#: `position` keeps the data files' order; `file` and `line` say where each object is written.
SCHEMA = f"""
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE files (
    position INTEGER PRIMARY KEY,
    path TEXT NOT NULL
);
CREATE TABLE metrics (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    unit TEXT,
    higher_is_better INTEGER NOT NULL,
    parent TEXT,
    aliases TEXT NOT NULL,
    related TEXT NOT NULL,
    note TEXT,
    file INTEGER NOT NULL REFERENCES files(position),
    line INTEGER
);
CREATE TABLE regions (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    level TEXT NOT NULL,
    parent TEXT REFERENCES regions(id),
    population INTEGER,
    population_year INTEGER,
    population_source TEXT,
    population_document TEXT,
    population_quote TEXT,
    aliases TEXT NOT NULL,
    note TEXT,
    file INTEGER NOT NULL REFERENCES files(position),
    line INTEGER
);
CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    region TEXT NOT NULL REFERENCES regions(id),
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL,
    short_zh TEXT,
    short_en TEXT,
    period_start INTEGER NOT NULL,
    period_end INTEGER NOT NULL,
    status TEXT NOT NULL,
    issuer TEXT,
    doc_number TEXT,
    issued TEXT,
    published TEXT,
    source TEXT,
    notes TEXT,
    file INTEGER NOT NULL REFERENCES files(position),
    line INTEGER
);
CREATE TABLE targets ({_FIGURE_COLUMNS});
CREATE TABLE baselines ({_FIGURE_COLUMNS});
CREATE TABLE outcomes (
    region TEXT NOT NULL REFERENCES regions(id),
    position INTEGER PRIMARY KEY,
    metric TEXT NOT NULL REFERENCES metrics(id),
    year INTEGER NOT NULL,
    since INTEGER,
    kind TEXT,
    comparator TEXT,
    value REAL,
    low REAL,
    high REAL,
    unit TEXT,
    scope TEXT,
    normalized_value REAL,
    normalized_low REAL,
    normalized_high REAL,
    normalized_unit TEXT,
    source TEXT NOT NULL,
    document TEXT,
    quote TEXT NOT NULL,
    note TEXT,
    file INTEGER NOT NULL REFERENCES files(position),
    line INTEGER
);
CREATE INDEX targets_metric ON targets(metric, plan);
CREATE INDEX baselines_metric ON baselines(metric);
CREATE INDEX plans_region ON plans(region);
"""

_INDEX_TABLES = """
CREATE TABLE stamps (position INTEGER PRIMARY KEY, path TEXT NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE plan_counts (plan TEXT PRIMARY KEY, targets INTEGER NOT NULL, quantified INTEGER NOT NULL,
    baselines INTEGER NOT NULL);
CREATE TABLE metric_counts (metric TEXT PRIMARY KEY, targets INTEGER NOT NULL, baselines INTEGER NOT NULL,
    plans TEXT NOT NULL);
"""
# plan_counts and metric_counts are what `plans` and `metrics` list (model.Counts), counted as the index is built:
# counting thousands of figures at every listing took 0.2 s at 5,000 plans. metric_counts.plans is a JSON array
# of the plans that set the metric a target, in the data's order.


class CacheProblem(Exception):
    """The index could not be read or written; the command loads the files directly and says so once."""


def cache_dir() -> Path:
    """Where indexes live: IPCOMPARE_CACHE_DIR, else the platform's cache folder (XDG on Linux)."""
    given = os.environ.get(CACHE_ENV, "").strip()
    if given:
        return Path(given)
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "ipcompare"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "ipcompare" / "Cache"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if os.path.isabs(xdg) else home / ".cache") / "ipcompare"


# -- the key ------------------------------------------------------------------------------------------------------


@record(kw_only=False)
class Stamp:
    """A data file as the index knows it."""

    path: str
    size: int
    mtime_ns: int
    sha256: str


def _sha256(path: str) -> str:
    import hashlib

    from . import files

    return hashlib.sha256(files.read_bytes(path, files.MAX_DATA_BYTES, "a data file")).hexdigest()


def index_path(real_paths: Sequence[str]) -> Path:
    """One index per list of data files (the shipped file alone, or with a user's): the list's hash names it."""
    # A cheap key (hashlib costs an import at every start): two lists that share it only rebuild in turn, as
    # the index records its paths and is read only for the same list.
    # The schema's text is in the key too: a new index (as well as a new table) is never read from an old file.
    tables = f"{zlib.crc32((SCHEMA + _INDEX_TABLES).encode()):08x}"
    key = "\0".join([__version__, str(SCHEMA_VERSION), tables, *real_paths]).encode()
    return cache_dir() / f"index-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.sqlite"


def _figure(columns: Sequence[Any], file: str, line: int | None) -> Figure:
    """A figure from its columns as _FIGURE_SELECT orders them (file and line apart): made without __init__'s
    checks (records.made), as the index holds checked data and a command may read thousands of figures."""
    metric, year, quote, value, low, high, unit, comparator, kind, direction, since, note, scope = columns
    return made(
        Figure,
        {
            "metric": metric,
            "year": year,
            "quote": quote,
            "value": value,
            "low": low,
            "high": high,
            "unit": unit,
            "comparator": COMPARATORS[comparator] if comparator else None,
            "kind": KINDS[kind] if kind else None,
            "direction": DIRECTIONS[direction] if direction else None,
            "since": since,
            "note": note,
            "loc": made(Location, {"file": file, "line": line, "key_lines": (), "key_files": ()}),
            "scope": scope,
        },
    )


def _prune(kept: Path, real_paths: Sequence[str]) -> None:
    """Remove the other indexes of the same data files: made by another version of ipcompare (its version and
    schema are in the file's name), they would never be read again, and at thousands of plans each is tens of
    megabytes. Indexes of other lists of files are another user's question and stay. Housekeeping only: an
    index that cannot be read or removed is left as it is."""
    wanted = list(real_paths)
    for other in kept.parent.glob("index-*.sqlite"):
        if other == kept:
            continue
        try:
            db = sqlite3.connect(f"{other.resolve().as_uri()}?mode=ro", uri=True)
            try:
                paths = [p for (p,) in db.execute("SELECT path FROM files ORDER BY position")]
            finally:
                db.close()
            if paths == wanted:
                other.unlink()
        except (sqlite3.Error, OSError):
            continue


def _unchanged(recorded: Stamp, built_ns: int) -> bool:
    """Is the file as it was when the index was built? Size and mtime first, the content when they differ."""
    try:
        info = os.stat(recorded.path)
    except OSError:
        return False
    if info.st_size != recorded.size:
        return False
    if info.st_mtime_ns == recorded.mtime_ns and built_ns - recorded.mtime_ns > _RACY_NS:
        return True
    try:
        return _sha256(recorded.path) == recorded.sha256
    except Exception:  # unreadable now: the direct load says why
        return False


# -- reading ------------------------------------------------------------------------------------------------------


_FIGURE_SELECT = (
    "metric, year, quote, value, low, high, unit, comparator, kind, direction, since, note, scope, file, line"
)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class Index:
    """An open index: the dataset's catalogue, and its plans with the figures a command asks for."""

    def __init__(self, connection: sqlite3.Connection, files: Sequence[str]) -> None:
        self.db = connection
        #: The data files' names as messages show them (relative to the working directory), by position.
        try:
            cwd = os.path.realpath(os.getcwd())
        except OSError:
            cwd = "\0"  # no working directory: every name in full
        self.files = [display_real(f, cwd) for f in files]

    @cached_property
    def metrics(self) -> tuple[Metric, ...]:
        """Read once: a command asks for the catalogue, then for the plans with it."""
        rows = self.db.execute(
            "SELECT id, name_zh, name_en, unit, higher_is_better, parent, aliases, related, note, file, line "
            "FROM metrics ORDER BY position"
        )
        return tuple(
            Metric(
                id=i,
                name_zh=zh,
                name_en=en,
                unit=unit,
                higher_is_better=bool(better),
                parent=parent,
                aliases=tuple(json.loads(aliases)),
                related=tuple(json.loads(related)),
                note=note,
                loc=Location(self.files[file], line),
            )
            for i, zh, en, unit, better, parent, aliases, related, note, file, line in rows
        )

    @cached_property
    def regions(self) -> tuple[Region, ...]:
        rows = self.db.execute(
            "SELECT id, name_zh, name_en, level, parent, population, population_year, population_source, "
            "population_document, population_quote, aliases, note, file, line FROM regions ORDER BY position"
        )
        return tuple(
            made(
                Region,
                {
                    "id": i,
                    "name_zh": zh,
                    "name_en": en,
                    "level": LEVELS[level],
                    "parent": parent,
                    "population": None
                    if people is None
                    else Population(value=people, year=year, source=source, document=document, quote=quote),
                    "aliases": tuple(json.loads(aliases)),
                    "note": note,
                    "loc": Location(self.files[file], line),
                },
            )
            for i, zh, en, level, parent, people, year, source, document, quote, aliases, note, file, line in rows
        )

    def _figures(self, table: str, where: str, args: Sequence[Any]) -> dict[str, list[Figure]]:
        """Each plan's figures, by plan id."""
        found: dict[str, list[Figure]] = {}
        files = self.files
        query = f"SELECT plan, {_FIGURE_SELECT} FROM {table} {where} ORDER BY plan, position"
        for row in self.db.execute(query, args):
            figure = _figure(row[1:14], files[row[14]], row[15])
            found.setdefault(row[0], []).append(figure)
        return found

    @cached_property
    def outcomes(self) -> tuple[Reported, ...]:
        """Every outcome (few: read whole, with the catalogue)."""
        rows = self.db.execute(
            "SELECT region, metric, year, since, kind, comparator, value, low, high, unit, scope, source, document, "
            "quote, note, file, line FROM outcomes ORDER BY position"
        )
        out = []
        for region, metric, year, since, kind, comparator, value, low, high, unit, scope, *rest in rows:
            source, document, quote, note, file, line = rest
            figure = _figure(
                (metric, year, quote, value, low, high, unit, comparator, kind, None, since, note, scope),
                self.files[file],
                line,
            )
            loc = figure.loc
            out.append(Reported(region=region, figure=figure, source=source, document=document, loc=loc))
        return tuple(out)

    def catalogue(self) -> Dataset:
        """The metrics and regions, without plans: enough to find what a name means."""
        return Dataset(metrics=self.metrics, regions=self.regions, files=tuple(self.files), outcomes=self.outcomes)

    def dataset(
        self,
        *,
        metrics: Iterable[str] | None = None,
        plans: Iterable[str] | None = None,
        regions: Iterable[str] | None = None,
    ) -> Dataset:
        """The dataset, with every plan; its figures all (by default), or only those of `metrics`, of `plans`
        or of the plans of `regions`.

        A dataset with some figures only carries `target_counts`, the number of targets of each metric in
        every plan, which its own plans cannot tell.
        """
        where, args = "", []
        if metrics is not None:
            args = list(metrics)
            where = f"WHERE metric IN ({','.join('?' * len(args))})"
        elif plans is not None:
            args = list(plans)
            where = f"WHERE plan IN ({','.join('?' * len(args))})"
        elif regions is not None:
            args = list(regions)
            where = f"WHERE plan IN (SELECT id FROM plans WHERE region IN ({','.join('?' * len(args))}))"
        targets = self._figures("targets", where, args)
        baselines = self._figures("baselines", where, args)
        counts = None
        if where:
            counts = tuple(
                self.db.execute("SELECT metric, targets FROM metric_counts WHERE targets > 0 ORDER BY metric")
            )
        return Dataset(
            metrics=self.metrics,
            regions=self.regions,
            plans=tuple(self._plans(targets, baselines)),
            files=tuple(self.files),
            target_counts=counts,
            outcomes=self.outcomes,
        )

    def with_figures(self, headers: Dataset, plans: Sequence[str]) -> Dataset:
        """`headers` (from dataset(plans=())) with the figures of `plans` filled in: the plans' headers are not
        read twice when a command first finds its plans by name, then reads their figures."""
        where = f"WHERE plan IN ({','.join('?' * len(plans))})"
        targets, baselines = self._figures("targets", where, plans), self._figures("baselines", where, plans)
        wanted = set(plans)
        filled = tuple(
            replace(p, targets=tuple(targets.get(p.id, ())), baselines=tuple(baselines.get(p.id, ())))
            if p.id in wanted
            else p
            for p in headers.plans
        )
        return replace(headers, plans=filled)

    def counts(self) -> Counts:
        """What counts_of(the whole dataset) says, as the index counted it when it was built."""
        plans = {p: (t, q, b) for p, t, q, b in self.db.execute("SELECT * FROM plan_counts")}
        metrics = {
            m: (tuple(json.loads(setting)), t, b)
            for m, t, b, setting in self.db.execute("SELECT metric, targets, baselines, plans FROM metric_counts")
        }
        return Counts(plans=plans, metrics=metrics)

    def _plans(self, targets: dict[str, list[Figure]], baselines: dict[str, list[Figure]]) -> Iterator[Plan]:
        rows = self.db.execute(
            "SELECT id, region, title_zh, title_en, period_start, period_end, status, source, issuer, doc_number, "
            "issued, published, notes, file, line, short_zh, short_en FROM plans ORDER BY position"
        )
        for (
            i,
            region,
            zh,
            en,
            start,
            end,
            status,
            source,
            issuer,
            number,
            issued,
            published,
            notes,
            f,
            line,
            sz,
            se,
        ) in rows:
            yield made(
                Plan,
                {
                    "id": i,
                    "region": region,
                    "title_zh": zh,
                    "title_en": en,
                    "period_start": start,
                    "period_end": end,
                    "status": STATUSES[status],
                    "source": source,
                    "issuer": issuer,
                    "doc_number": number,
                    "issued": _date(issued),
                    "published": _date(published),
                    "notes": notes,
                    "targets": tuple(targets.get(i, ())),
                    "baselines": tuple(baselines.get(i, ())),
                    "loc": made(Location, {"file": self.files[f], "line": line, "key_lines": (), "key_files": ()}),
                    "short_zh": sz,
                    "short_en": se,
                },
            )


# -- writing ------------------------------------------------------------------------------------------------------


def _normalized(dataset: Dataset) -> dict[int, tuple[Any, Any, Any, Any]]:
    """Each quantified figure in its metric's base unit (万件 -> 件, 亿元 -> 元), by the figure's id()."""
    from .compare import Scale, normalize, scale_for

    scales: dict[str, Scale] = {}
    for m in dataset.metrics:
        scales[m.id] = scale_for(m) if m.unit else Scale(None, None, None)
    regions = {r.id: r for r in dataset.regions}
    out: dict[int, tuple[Any, Any, Any, Any]] = {}
    for plan in dataset.plans:
        region = regions[plan.region]
        for figure in (*plan.targets, *plan.baselines):
            scale = scales.get(figure.metric)
            normal = normalize(figure, scale, region) if scale is not None else None
            if normal is not None:
                out[id(figure)] = (normal.value, normal.low, normal.high, normal.unit)
    for outcome in dataset.outcomes:
        scale = scales.get(outcome.figure.metric)
        normal = normalize(outcome.figure, scale, regions[outcome.region]) if scale is not None else None
        if normal is not None:
            out[id(outcome.figure)] = (normal.value, normal.low, normal.high, normal.unit)
    return out


def _value(member: Any) -> Any:
    return None if member is None else member.value


def _create(db: sqlite3.Connection, script: str) -> None:
    """CREATE statements inside the open transaction (executescript would commit it first)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def write_tables(db: sqlite3.Connection, dataset: Dataset, paths: Sequence[str], *, normalize: bool = True) -> None:
    """The dataset's rows into the tables of SCHEMA (created here, in the open transaction).

    `paths` are what the files table says for dataset.files, in their order (real paths in the index).
    Without `normalize` the normalized_* columns stay empty: commands compute their own, in the units asked.
    """
    _create(db, SCHEMA)
    db.executemany("INSERT INTO files VALUES (?,?)", enumerate(paths))
    where = _places(dataset.files)
    write_catalogue(db, dataset, where)
    db.executemany(
        "INSERT INTO plans VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (_plan_row(p, i, where(p.loc)) for i, p in enumerate(dataset.plans)),
    )
    normal = _normalized(dataset) if normalize else {}
    write_outcomes(db, dataset, where, normal)
    for table in ("targets", "baselines"):
        db.executemany(
            f"INSERT INTO {table} VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                _figure_row(p.id, n, f, normal.get(id(f), (None,) * 4), where(f.loc))
                for p in dataset.plans
                for n, f in enumerate(getattr(p, table))
            ),
        )


def _places(files: Sequence[str]) -> Callable[[Location], tuple[int, int | None]]:
    """The `file` and `line` columns of what is written at a Location, given the files' names in order."""
    position = {name: i for i, name in enumerate(files)}

    def where(loc: Location) -> tuple[int, int | None]:
        return position.get(loc.file, 0), loc.line

    return where


def write_catalogue(
    db: sqlite3.Connection, dataset: Dataset, where: Callable[[Location], tuple[int, int | None]]
) -> None:
    """The metrics and regions tables."""
    db.executemany(
        "INSERT INTO metrics VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                m.id,
                i,
                m.name_zh,
                m.name_en,
                m.unit,
                int(m.higher_is_better),
                m.parent,
                json.dumps(list(m.aliases), ensure_ascii=False),
                json.dumps(list(m.related)),
                m.note,
                *where(m.loc),
            )
            for i, m in enumerate(dataset.metrics)
        ),
    )
    db.executemany(
        "INSERT INTO regions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            (r.id, i, r.name_zh, r.name_en, r.level.value, r.parent)
            + (
                (r.population.value, r.population.year, r.population.source, r.population.document, r.population.quote)
                if r.population
                else (None,) * 5
            )
            + (json.dumps(list(r.aliases), ensure_ascii=False), r.note, *where(r.loc))
            for i, r in enumerate(dataset.regions)
        ),
    )


def write_outcomes(
    db: sqlite3.Connection,
    dataset: Dataset,
    where: Callable[[Location], tuple[int, int | None]],
    normal: dict[int, tuple[Any, Any, Any, Any]] | None = None,
) -> None:
    """The outcomes table (normalized columns from `normal`, by the figure's id(), else empty)."""
    db.executemany(
        "INSERT INTO outcomes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                *(o.region, i, f.metric, f.year, f.since, _value(f.kind), _value(f.comparator), f.value, f.low),
                *(f.high, f.unit, f.scope, *(normal or {}).get(id(f), (None,) * 4), o.source, o.document, f.quote),
                *(f.note, *where(o.loc)),
            )
            for i, o in enumerate(dataset.outcomes)
            for f in (o.figure,)
        ),
    )


def _plan_row(p: Plan, position: int, where: tuple[int, int | None]) -> tuple[Any, ...]:
    issued, published = (d.isoformat() if d else None for d in (p.issued, p.published))
    return (
        *(p.id, position, p.region, p.title_zh, p.title_en, p.short_zh, p.short_en, p.period_start, p.period_end),
        *(p.status.value, p.issuer, p.doc_number, issued, published, p.source, p.notes, *where),
    )


def _figure_row(
    plan: str, position: int, f: Figure, normal: tuple[Any, ...], where: tuple[int, int | None]
) -> tuple[Any, ...]:
    return (
        *(plan, position, f.metric, f.year, f.since, _value(f.kind), _value(f.comparator), f.value, f.low, f.high),
        *(f.unit, _value(f.direction), f.scope, *normal, f.quote, f.note, *where),
    )


def _connect(path: Path | str) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None, check_same_thread=False)


def _database(target: Path, fill: Callable[[sqlite3.Connection], None]) -> None:
    """Write an SQLite file as a whole: filled in a temporary file beside `target`, then renamed over it, so that
    a reader (another run, Datasette) never opens half of one, and Ctrl-C leaves nothing behind."""
    import tempfile

    from .files import interrupts_held

    temp: str | None = None
    try:
        with interrupts_held():  # until the cleanup below knows the file
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        db = _connect(temp)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute("BEGIN")
            fill(db)
            db.execute("COMMIT")
        finally:
            db.close()
        os.replace(temp, target)
    except BaseException:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise


def _meta(db: sqlite3.Connection, **more: str) -> None:
    values = {"schema": str(SCHEMA_VERSION), "ipcompare": __version__, **more}
    db.executemany("INSERT INTO meta VALUES (?,?)", values.items())


def write_counts(db: sqlite3.Connection, plans: dict[str, list[int]], metrics: dict[str, list[Any]]) -> None:
    """The counts of figures by plan (targets, quantified targets, baselines) and by metric (targets, baselines,
    the plans setting it a target in the data's order), as bulk.Tally counted them."""
    db.executemany("INSERT INTO plan_counts VALUES (?,?,?,?)", ((p, *n) for p, n in plans.items()))
    db.executemany(
        "INSERT INTO metric_counts VALUES (?,?,?,?)",
        ((m, targets, baselines, json.dumps(list(setting))) for m, (targets, baselines, setting) in metrics.items()),
    )


def write_key(db: sqlite3.Connection, real_paths: Sequence[str], stamps: Sequence[Stamp]) -> None:
    """What makes the tables an index: the stamps of the files it was built from, and when it was built."""
    _create(db, _INDEX_TABLES)
    db.executemany(
        "INSERT INTO stamps VALUES (?,?,?,?,?)",
        ((i, s.path, s.size, s.mtime_ns, s.sha256) for i, s in enumerate(stamps)),
    )
    _meta(db, built_ns=str(time.time_ns()), paths=json.dumps(list(real_paths), ensure_ascii=False))


def export(dataset: Dataset, target: Path) -> None:
    """`ipcompare export --sqlite FILE`: the dataset's tables (SCHEMA), normalised values filled in, written as
    `-o` writes a file (files.write_bytes): whole or not at all, through a symlink, into a pipe or /dev/stdout
    without replacing it. The database is made in a temporary folder first, as SQLite needs a file to write."""
    import tempfile

    from .errors import OutputError
    from .files import write_bytes

    def fill(db: sqlite3.Connection) -> None:
        write_tables(db, dataset, dataset.files)
        _meta(db, exported=dt.date.today().isoformat())

    try:
        with tempfile.TemporaryDirectory(prefix="ipcompare-export-") as folder:
            made = Path(folder) / "export.sqlite"
            _database(made, fill)
            data = made.read_bytes()
    except (OSError, sqlite3.Error) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise OutputError(f"cannot write {target}: {reason}") from None
    write_bytes(target, data)


def read(target: Path, real_paths: Sequence[str]) -> Index | None:
    """The index at `target` when it is there, whole and current for `real_paths`; None when it must be built.

    Raises CacheProblem when it is there but cannot be read (corrupt, or not a database).
    """
    if not target.exists():
        return None
    checked_ns = time.time_ns()  # before any data file is looked at
    try:
        db = _connect_ro(target)
    except sqlite3.Error as e:
        raise CacheProblem(f"cannot open the index {target}: {e}") from None
    try:
        # Pages read straight from the OS's file cache, not copied through SQLite's: a metric's rows are spread
        # over the file, and this is a third faster for them. The file is only ever replaced, never truncated.
        db.execute("PRAGMA mmap_size = 1073741824")
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("schema") != str(SCHEMA_VERSION) or meta.get("ipcompare") != __version__:
            db.close()
            return None
        if json.loads(meta.get("paths", "[]")) != list(real_paths):
            db.close()
            return None
        built = int(meta.get("built_ns", "0"))
        stamps = [Stamp(*row[1:]) for row in db.execute("SELECT * FROM stamps ORDER BY position")]
    except (sqlite3.Error, ValueError, TypeError) as e:
        db.close()
        raise CacheProblem(f"the index {target} is damaged ({e})") from None
    if [s.path for s in stamps] != list(real_paths) or not all(_unchanged(s, built) for s in stamps):
        db.close()
        return None
    if any(built - s.mtime_ns <= _RACY_NS for s in stamps):
        _checked(target, stamps, checked_ns)
    return Index(db, [s.path for s in stamps])


def _checked(target: Path, stamps: Sequence[Stamp], checked_ns: int) -> None:
    """Record that every file was found as stamped at `checked_ns`, as git refreshes a racy index entry: a file
    written just before the build (the shipped file, by `pip install` a second before the first command) is
    otherwise hashed at every run for as long as the index lasts. Only when the index still holds these
    stamps (another run may have replaced it), and never an error: the next run hashes again."""
    with (
        contextlib.suppress(sqlite3.Error, OSError),
        contextlib.closing(sqlite3.connect(target, timeout=0.1, isolation_level=None)) as db,
    ):
        db.execute("BEGIN IMMEDIATE")
        now = [Stamp(*row[1:]) for row in db.execute("SELECT * FROM stamps ORDER BY position")]
        if now == list(stamps):
            db.execute(
                "UPDATE meta SET value = ? WHERE key = 'built_ns' AND CAST(value AS INTEGER) < ?",
                (str(checked_ns), checked_ns),
            )
        db.execute("COMMIT")


def _connect_ro(target: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)


# -- what a command reads -----------------------------------------------------------------------------------------


class Source:
    """The data a command reads: from the index when it is current, else loaded from the files (and indexed).

    Each method gives a dataset that holds at least what its question needs; loaded from the files, that is
    the whole dataset every time.
    """

    def __init__(self, dataset: Dataset | None, index: Index | None, note: str | None = None) -> None:
        self._dataset, self._index = dataset, index
        #: One line to tell the user, when the index could not be used (the command still ran).
        self.note = note

    @property
    def files(self) -> tuple[str, ...]:
        if self._index is not None:
            return tuple(self._index.files)
        assert self._dataset is not None
        return self._dataset.files

    def everything(self) -> Dataset:
        if self._index is not None:
            return self._index.dataset()
        assert self._dataset is not None
        return self._dataset

    def catalogue(self) -> Dataset:
        """Metrics and regions (plans may be left out)."""
        return self._index.catalogue() if self._index is not None else self.everything()

    def listing(self) -> tuple[Dataset, Counts]:
        """Every plan, perhaps without its figures, with the counts of figures that `plans` and `metrics` list."""
        if self._index is not None:
            return self._index.dataset(plans=()), self._index.counts()
        dataset = self.everything()
        return dataset, counts_of(dataset)

    def of_metrics(self, ids: Iterable[str]) -> Dataset:
        """Every plan, with (at least) its figures of these metrics."""
        return self._index.dataset(metrics=ids) if self._index is not None else self.everything()

    def plans_named(self, names: Sequence[str]) -> tuple[Dataset, list[str]]:
        """The plans named (by id, or a region's name when it has one plan), with their figures, and their ids.
        Raises UnknownName, with suggestions."""
        if self._index is None:
            dataset = self.everything()
            return dataset, [dataset.plan(name).id for name in names]
        headers = self._index.dataset(plans=())  # every plan's name, none of their figures
        ids = [headers.plan(name).id for name in names]
        return self._index.with_figures(headers, ids), ids

    def of_regions(self, ids: Iterable[str]) -> Dataset:
        """Every plan, with (at least) the figures of these regions' plans."""
        return self._index.dataset(regions=ids) if self._index is not None else self.everything()


def load(paths: Sequence[str | Path], *, bundled: bool) -> Dataset:
    """The files loaded directly (the YAML loader is imported only when it is needed)."""
    from .loader import load as load_files

    return load_files(paths, bundled=bundled)


def open_source(paths: Sequence[str | Path] = (), *, bundled: bool = True, cache: bool = True) -> Source:
    """The data of the shipped file, IPCOMPARE_DATA's files and `paths`, through the index unless `cache` is off.

    Raises DataError (the files' problems, as `loader.load` reports them) and UsageError, never for the
    cache: a cache that cannot be read or written leaves a note and the files are loaded directly.
    """
    from .paths import real_data_paths

    files = real_data_paths(paths, bundled=bundled)
    if not cache or not files:
        return Source(load(paths, bundled=bundled), None)
    real = [r for _, r in files]
    note = None
    try:
        target = index_path(real)
    except RuntimeError as e:  # no home folder to find the cache folder in
        return Source(load(paths, bundled=bundled), None, f"no cache folder ({e}): read the files directly")
    try:
        index = read(target, real)
    except (CacheProblem, OSError) as e:
        index, note = None, f"{e}; rebuilding it"
    if index is not None:
        return Source(None, index)
    from .bulk import Unbuilt
    from .bulk import write as build

    try:
        built = build(files, target)
    except (OSError, sqlite3.Error) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        dataset = load(paths, bundled=bundled)
        return Source(dataset, None, f"cannot write the index in {cache_dir()} ({reason}): read the files directly")
    except Unbuilt as e:
        return Source(load(paths, bundled=bundled), None, f"cannot build the index ({e}): read the files directly")
    if not built:  # a file has a problem: loading the files says which, word for word as without the index
        return Source(load(paths, bundled=bundled), None)
    _prune(target, real)
    # Read back from what was written, as the next command will: no dataset is held whole.
    note = note.replace("; rebuilding it", "; rebuilt it") if note else None
    try:
        return Source(None, Index(_connect_ro(target), real), note)
    except sqlite3.Error:
        return Source(load(paths, bundled=bundled), None, note)
