"""YAML files -> Dataset. Reads every file, reports every problem at its file and line.

PyYAML's constructors forget where things were; this loader keeps the line of every mapping key
and list item, so a wrong value is reported where the user wrote it. Duplicate keys, which PyYAML
silently collapses, are reported too.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .errors import DataError, Problem, UsageError
from .model import (
    Comparator,
    Dataset,
    Direction,
    Figure,
    Kind,
    Level,
    Location,
    Metric,
    Plan,
    Population,
    Region,
    Status,
)
from .text import has_controls

E = TypeVar("E", bound=StrEnum)
DATA_ENV = "IPCOMPARE_DATA"


class _Map(dict[str, Any]):
    line: int = 0
    key_lines: dict[str, int]


class _Seq(list[Any]):
    line: int = 0
    item_lines: list[int]


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    duplicates: list[tuple[int, str]]


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    result = _Map()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key = key if isinstance(key, str) else str(key)
        line = key_node.start_mark.line + 1
        if key in result:
            loader.duplicates.append((line, f"duplicate key {key!r} (first at line {result.key_lines[key]})"))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> _Seq:
    result = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    # An impossible date (2021-13-45) makes PyYAML raise without a line; keep the text and let
    # the field check report it where it stands.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def display_path(path: str | Path) -> str:
    """Paths in messages: relative to the working directory when below it, as given otherwise."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def read_text(path: str | Path) -> tuple[str | None, list[Problem]]:
    """A data file's text, or the problem that kept it from being read."""
    name = display_path(path)
    try:
        return Path(path).read_text(encoding="utf-8"), []
    except FileNotFoundError:
        return None, [Problem(name, None, "no such file")]
    except IsADirectoryError:
        return None, [Problem(name, None, "is a directory, not a data file")]
    except UnicodeDecodeError as e:
        return None, [Problem(name, None, f"not UTF-8 text ({e.reason} at byte {e.start})")]
    except OSError as e:
        return None, [Problem(name, None, f"cannot read: {e.strerror or e}")]


def read_yaml(path: str | Path) -> tuple[Any, list[Problem]]:
    """Parse one file; on failure the problems say why, with the line where PyYAML stopped."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return read_yaml_text(text, display_path(path))


def read_yaml_text(text: str, name: str) -> tuple[Any, list[Problem]]:
    """Parse YAML already read (a file, or a file at a git revision); `name` is how messages call it."""
    loader = _Loader(text)
    loader.duplicates = []
    try:
        tree = loader.get_single_data()
    except yaml.MarkedYAMLError as e:
        return None, [_syntax_problem(name, text, e)]
    except yaml.YAMLError as e:
        return None, [Problem(name, None, f"YAML error: {e}")]
    finally:
        loader.dispose()
    return tree, [Problem(name, line, msg) for line, msg in loader.duplicates]


def _syntax_problem(name: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """PyYAML's message as one line, at a line that exists (an unclosed bracket fails at EOF)."""
    last_line = max(1, len(text.splitlines()))
    mark = error.problem_mark or error.context_mark
    line = min(mark.line + 1, last_line) if mark is not None else None
    message = error.problem or "invalid YAML"
    if error.context:
        context_line = error.context_mark.line + 1 if error.context_mark is not None else None
        started = f" that starts at line {context_line}" if context_line and context_line != line else ""
        message += f" ({error.context}{started})"
    return Problem(name, line, f"YAML syntax error: {message}")


class _Fields:
    """Typed access to one YAML mapping; every miss becomes a Problem at the key's line."""

    def __init__(self, data: _Map, file: str, what: str, problems: list[Problem]) -> None:
        self.data, self.file, self.what, self.problems = data, file, what, problems
        self.broken: set[str] = set()  # keys present but of the wrong type or value

    def line(self, key: str | None = None) -> int:
        return self.data.key_lines.get(key, self.data.line) if key else self.data.line

    def error(self, message: str, key: str | None = None) -> None:
        if key is not None:
            self.broken.add(key)
        self.problems.append(Problem(self.file, self.line(key), f"{self.what}: {message}"))

    def location(self) -> Location:
        return Location(self.file, self.data.line, tuple(self.data.key_lines.items()))

    def identify(self, kind: str, allowed: Sequence[str]) -> str | None:
        """Read `id` first so that every later message names the object, then report unknown keys."""
        ident = self.text("id")
        if ident is not None:
            self.what = f"{kind} {ident!r}"
        self.check_keys(allowed)
        return ident

    def check_keys(self, allowed: Sequence[str]) -> None:
        for key in self.data:
            if key not in allowed:
                self.error(f"unknown key {key!r} (expected one of: {', '.join(allowed)})", key)

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                self.error(f"missing field {key!r}")
            return None
        return self.data[key]

    def text(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(f"{key} must be text, not {_describe(value)}", key)
            return None
        if not value.strip():
            self.error(f"{key} is empty", key)
            return None
        if has_controls(value):
            self.error(f"{key} contains a control character", key)
            return None
        return value

    def integer(self, key: str, required: bool = True) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(f"{key} must be a whole number, not {_describe(value)}", key)
            return None
        return value

    def number(self, key: str, required: bool = True) -> float | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(f"{key} must be a number, not {_describe(value)}", key)
            return None
        return float(value)

    def flag(self, key: str, required: bool = True) -> bool | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.error(f"{key} must be true or false, not {_describe(value)}", key)
            return None
        return value

    def date(self, key: str) -> dt.date | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if not isinstance(value, dt.date):
            self.error(f"{key} must be a date written YYYY-MM-DD, not {_describe(value)}", key)
            return None
        return value

    def choice(self, key: str, enum: type[E], required: bool = True) -> E | None:
        value = self._get(key, required)
        if value is None:
            return None
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            self.error(f"{key} {value!r} is not one of: {allowed}", key)
            return None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self._get(key, False)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(f"{key} must be a list of text", key)
            return ()
        if any(has_controls(v) for v in value):
            self.error(f"{key} contains a control character", key)
            return ()
        return tuple(value)

    def mapping(self, key: str, required: bool = True) -> _Fields | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, _Map):
            self.error(f"{key} must be a mapping of fields, not {_describe(value)}", key)
            return None
        return _Fields(value, self.file, f"{self.what}: {key}", self.problems)

    def items(self, key: str, label: str) -> list[_Fields]:
        """The mappings of a list field; a non-mapping item is a problem at its own line."""
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, _Seq):
            self.error(f"{key} must be a list, not {_describe(value)}", key)
            return []
        out = []
        for index, (item, line) in enumerate(zip(value, value.item_lines, strict=True), start=1):
            what = f"{self.what}: {label} {index}"
            if isinstance(item, _Map):
                out.append(_Fields(item, self.file, what, self.problems))
            else:
                self.problems.append(
                    Problem(self.file, line, f"{what}: must be a mapping of fields, not {_describe(item)}")
                )
        return out


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return f"text {value!r}"
    return repr(value)


METRIC_KEYS = ("id", "name_zh", "name_en", "unit", "higher_is_better", "aliases", "related", "note")
REGION_KEYS = ("id", "name_zh", "name_en", "level", "parent", "population", "aliases", "note")
POPULATION_KEYS = ("value", "year", "source")
PLAN_KEYS = (
    "id",
    "region",
    "title_zh",
    "title_en",
    "short_zh",
    "short_en",
    "issuer",
    "doc_number",
    "issued",
    "published",
    "period",
    "status",
    "source",
    "notes",
    "targets",
    "baselines",
)
PERIOD_KEYS = ("start", "end")
FIGURE_KEYS = ("metric", "year", "since", "value", "range", "unit", "comparator", "kind", "direction", "quote", "note")
TOP_KEYS = ("schema", "metrics", "regions", "plans")


def _metric(f: _Fields) -> Metric | None:
    ident = f.identify("metric", METRIC_KEYS)
    zh, en, better = f.text("name_zh"), f.text("name_en"), f.flag("higher_is_better")
    unit, aliases, related, note = f.text("unit", False), f.texts("aliases"), f.texts("related"), f.text("note", False)
    if ident is None or zh is None or en is None or better is None:
        return None
    return Metric(ident, zh, en, unit, better, aliases, related, note, f.location())


def _region(f: _Fields) -> Region | None:
    ident = f.identify("region", REGION_KEYS)
    zh, en, level = f.text("name_zh"), f.text("name_en"), f.choice("level", Level)
    parent, aliases, note = f.text("parent", False), f.texts("aliases"), f.text("note", False)
    population = None
    pop = f.mapping("population", required=False)
    if pop is not None:
        pop.check_keys(POPULATION_KEYS)
        value, year, source = pop.integer("value"), pop.integer("year"), pop.text("source")
        if value is not None and value <= 0:
            pop.error(f"value must be positive, not {value}", "value")
        elif value is not None and year is not None and source is not None:
            population = Population(value, year, source)
    if ident is None or zh is None or en is None or level is None:
        return None
    return Region(ident, zh, en, level, parent, population, aliases, note, f.location())


def _figure(f: _Fields) -> Figure | None:
    f.check_keys(FIGURE_KEYS)
    metric, year, quote = f.text("metric"), f.integer("year"), f.text("quote", required=False)
    since, value = f.integer("since", False), f.number("value", False)
    low = high = None
    if f.data.get("range") is not None:
        rng = f.data["range"]
        ok = (
            isinstance(rng, list)
            and len(rng) == 2
            and all(isinstance(x, int | float) and not isinstance(x, bool) for x in rng)
        )
        if not ok:
            f.error("range must be a list of two numbers, e.g. [7, 10]", "range")
        else:
            low, high = float(rng[0]), float(rng[1])
    unit = f.text("unit", False)
    comparator = f.choice("comparator", Comparator, False)
    kind = f.choice("kind", Kind, False)
    direction = f.choice("direction", Direction, False)
    note = f.text("note", False)
    if metric is None or year is None or f.broken:
        # Checking the rest would only repeat the broken field's problem in other words.
        return None
    return Figure(
        metric, year, quote or "", value, low, high, unit, comparator, kind, direction, since, note, f.location()
    )


def _plan(f: _Fields) -> Plan | None:
    """A plan, kept even when some of its fields are wrong so that its targets are checked too.

    A wrong field is already a problem, so the load fails whatever the placeholder says; keeping
    the plan means one run reports the mistakes in its targets as well.
    """
    ident = f.identify("plan", PLAN_KEYS)
    if ident is None:
        return None
    region, zh, en = f.text("region"), f.text("title_zh"), f.text("title_en")
    status = f.choice("status", Status)
    start = end = None
    period = f.mapping("period")
    if period is not None:
        period.check_keys(PERIOD_KEYS)
        start, end = period.integer("start"), period.integer("end")
    source, issuer, number = f.text("source", False), f.text("issuer", False), f.text("doc_number", False)
    issued, published, notes = f.date("issued"), f.date("published"), f.text("notes", False)
    short_zh, short_en = f.text("short_zh", False), f.text("short_en", False)
    targets = [_figure(t) for t in f.items("targets", "target")]
    baselines = [_figure(b) for b in f.items("baselines", "baseline")]
    return Plan(
        ident,
        region or "",
        zh or "",
        en or "",
        start if start is not None else -9999,
        end if end is not None else 9999,
        status or Status.FINAL,
        source,
        issuer,
        number,
        issued,
        published,
        notes,
        tuple(t for t in targets if t),
        tuple(b for b in baselines if b),
        f.location(),
        short_zh,
        short_en,
    )


def parse(tree: Any, file: str) -> tuple[Dataset, list[Problem]]:
    """Build the objects of one file; what cannot be built is left out and reported."""
    problems: list[Problem] = []
    if tree is None:
        return Dataset(files=(file,)), [Problem(file, None, "the file is empty")]
    if not isinstance(tree, _Map):
        return Dataset(files=(file,)), [
            Problem(file, 1, "the file must be a mapping with metrics, regions and/or plans")
        ]
    top = _Fields(tree, file, "file", problems)
    top.check_keys(TOP_KEYS)
    schema = top.integer("schema", required=False)
    if schema is not None and schema != 1:
        top.error(f"schema {schema} is not supported (this ipcompare reads schema 1)", "schema")
    metrics = [_metric(m) for m in top.items("metrics", "metric")]
    regions = [_region(r) for r in top.items("regions", "region")]
    plans = [_plan(p) for p in top.items("plans", "plan")]
    dataset = Dataset(
        tuple(m for m in metrics if m), tuple(r for r in regions if r), tuple(p for p in plans if p), (file,)
    )
    return dataset, problems


def bundled_path() -> Path:
    """The shipped dataset: inside the installed package, or data/ of a source checkout."""
    packaged = Path(str(resources.files("ipcompare"))) / "data" / "targets.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "data" / "targets.yaml"


def env_paths() -> list[str]:
    """Files named by IPCOMPARE_DATA, separated like PATH (':' on Unix)."""
    return [p for p in os.environ.get(DATA_ENV, "").split(os.pathsep) if p.strip()]


def merge(parts: Sequence[Dataset]) -> Dataset:
    return Dataset(
        tuple(m for d in parts for m in d.metrics),
        tuple(r for d in parts for r in d.regions),
        tuple(p for d in parts for p in d.plans),
        tuple(f for d in parts for f in d.files),
    )


def load(paths: Sequence[str | Path] = (), *, bundled: bool = True, env: bool = True) -> Dataset:
    """Load the shipped data plus the user's files, validated; raises DataError listing every problem.

    `env` adds the files named by IPCOMPARE_DATA, as every command does.
    """
    from .validate import check

    files: list[str | Path] = [bundled_path()] if bundled else []
    files += env_paths() if env else []
    files += list(paths)
    if not files:
        raise UsageError(
            f"no data to read: --no-bundled leaves out the shipped data, so name a file with --data or {DATA_ENV}"
        )
    parts, problems = [], []
    seen: set[Path] = set()
    for path in files:
        if Path(path).resolve() in seen:  # --data data/targets.yaml in a checkout is the shipped file itself
            continue
        seen.add(Path(path).resolve())
        tree, read_problems = read_yaml(path)
        problems += read_problems
        if tree is not None or not read_problems:
            part, parse_problems = parse(tree, display_path(path))
            parts.append(part)
            problems += parse_problems
    dataset = merge(parts)
    problems += check(dataset)
    if problems:
        raise DataError(sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message)))
    return dataset


def load_version(text: str, name: str, catalogue: Dataset) -> Dataset:
    """The plans of one version of a data file, read with `catalogue`'s metrics and regions.

    The version may carry metrics and regions of its own (a whole targets.yaml at an old revision);
    those take the place of the catalogue's entries with the same id. Raises DataError.
    """
    from .validate import check

    tree, problems = read_yaml_text(text, name)
    part = Dataset(files=(name,))
    if tree is not None or not problems:
        part, parse_problems = parse(tree, name)
        problems += parse_problems
    own_metrics, own_regions = {m.id for m in part.metrics}, {r.id for r in part.regions}
    dataset = Dataset(
        (*part.metrics, *(m for m in catalogue.metrics if m.id not in own_metrics)),
        (*part.regions, *(r for r in catalogue.regions if r.id not in own_regions)),
        part.plans,
        (name,),
    )
    problems += check(dataset)
    if problems:
        raise DataError(sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message)))
    return dataset
