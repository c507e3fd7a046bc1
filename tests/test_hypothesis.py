"""Hostile input, generated: whatever a data file holds, loading it gives a dataset or located errors.

Property tests (hypothesis) feed the loader random text, random YAML documents shaped like data files,
and random mutations of the shipped data/targets.yaml, as a library call and through the command line.
The property is README's contract: the result is a Dataset, or a DataError whose every problem is one
line `file:line: message` naming a file that was read and a line in it; nothing else is ever raised.

Each test runs a fixed number of examples (a few seconds in all); IPCOMPARE_FUZZ=20 runs twenty times
as many, for a longer hunt. A failure prints its smallest example and a @reproduce_failure line to
replay it; once fixed, the example becomes a plain test at the end of this file.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import PLAN, Write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import ipcompare
from ipcompare.cli import app
from ipcompare.controls import has_controls
from ipcompare.loader import (
    FIGURE_KEYS,
    METRIC_KEYS,
    PERIOD_KEYS,
    PLAN_KEYS,
    POPULATION_KEYS,
    REGION_KEYS,
    TOP_KEYS,
    load_version,
)
from ipcompare.model import Comparator, Direction, Kind, Level, Status
from ipcompare.paths import bundled_path, display_path
from ipcompare.units import known_units

SCALE = float(os.environ.get("IPCOMPARE_FUZZ", "1"))


def fuzz(examples: int, *, slow_to_draw: bool = False) -> settings:
    """`examples` runs of a test (times IPCOMPARE_FUZZ); no deadline, as one load takes tens of ms.

    No example database: nothing is written into the checkout, and a failure prints all it takes to replay it.
    `slow_to_draw`: documents shaped like data files are large, and drawing them may take longer than
    hypothesis expects of a strategy; that is their size, not a fault of the test.
    """
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow] if slow_to_draw else [],
    )


SHIPPED_TEXT = bundled_path().read_text(encoding="utf-8")
SHIPPED_LINES = SHIPPED_TEXT.splitlines(keepends=True)


@functools.cache
def shipped() -> ipcompare.Dataset:
    return ipcompare.load(env=False)


# --- the property ---------------------------------------------------------------------------------------


def editor_lines(text: str) -> int:
    """How many lines an editor shows for a file's text: lines end at \\n, \\r\\n or \\r (as the loader reads them).

    An error at the end of the file belongs on its last line: `file:N+1` would point past the end.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def assert_one_located_line(message: str) -> None:
    """A line of output a terminal shows as one line: no line break of any kind, no control character."""
    assert message.splitlines() == [message], repr(message)
    assert not has_controls(message), repr(message)


def assert_located(error: ipcompare.DataError, texts: dict[str, str]) -> None:
    """Every problem names a file that was read (`texts`: display name -> its text), and a line within it."""
    assert error.problems, "a DataError names at least one problem"
    for problem in error.problems:
        assert_one_located_line(str(problem))
        assert problem.message.strip(), problem
        assert problem.file in texts, f"{problem} names a file that was not read ({', '.join(texts)})"
        if problem.line is not None:
            last = editor_lines(texts[problem.file])
            assert 1 <= problem.line <= last, f"{problem}: line outside 1-{last}"


def assert_loads_or_located(path: Path, text: str, *, with_shipped: bool) -> None:
    """Write `text` to `path` and load it: a Dataset, or a DataError whose problems are located in the files read."""
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    texts = {display_path(path): text}
    if with_shipped:
        texts[display_path(bundled_path())] = SHIPPED_TEXT
    try:
        data = ipcompare.load([path], bundled=with_shipped, env=False)
    except ipcompare.DataError as e:
        assert_located(e, texts)
    except ipcompare.UsageError as e:
        assert_one_located_line(str(e))
    else:
        assert isinstance(data, ipcompare.Dataset)


#: A line the command line writes to stderr: `file:line: message`, `file: message`, or `ipcompare: ...`.
STDERR_LINE = re.compile(r"[^:\n]+(:\d+)?: \S.*|ipcompare: \S.*")


def assert_cli_loads_or_located(path: Path, text: str) -> None:
    """`ipcompare --no-bundled --data FILE plans --format json`: JSON and exit 0, or located lines and exit 1 or 2."""
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    args = ["--no-bundled", "--data", str(path), "plans", "--format", "json"]
    result = CliRunner().invoke(app, args, env={"IPCOMPARE_DATA": None}, catch_exceptions=False)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code == 0:
        assert isinstance(json.loads(result.stdout), list)
        return
    assert result.exit_code in (1, 2), (result.exit_code, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines, "an error exit says why"
    for line in lines:
        assert STDERR_LINE.fullmatch(line), line
        assert_one_located_line(line)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One directory for the whole module: a hypothesis test runs many examples in one call of the test."""
    return tmp_path_factory.mktemp("fuzz")


# --- strategies: random text ----------------------------------------------------------------------------

#: Pieces of YAML and of data files, so that random text is often nearly YAML rather than always noise.
TOKENS = [
    *("\n", "\n", "\n", "  ", "  ", " ", "\t", "\r", "\r\n", "- ", ": ", ":", ", ", "? ", "#", "# 注释\n"),
    *("[", "]", "{", "}", "'", '"', "|", ">", "|-\n", "\\", "&a ", "&b ", "*a", "*b", "<<: ", "!!str ", "!!int "),
    *("!!map ", "!!seq ", "!!binary ", "!!timestamp ", "!!python/object:os.system ", "!local ", "!<tag:x> "),
    *("---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x:\n", "\ufeff", "\x00", "\x1b[31m", "\x85", "\u2028", "\x7f"),
    *("~", "null", "true", "no", "on", "0", "7", "010", "0x1F", "0b11", "1:30", "1_000", "1e400", "1.5e3", ".nan"),
    *("-.inf", "2021", "2025", "2021-13-45", "2021-02-03", "2021-02-03T04:05:06Z", "12.5", "-3", "9" * 20),
    *("襄阳", "有效注册商标量达到9万件", "万件", "件/万人", "亿元", "%", "a", "x-y", "é", "𠀀", "\ud800"),
    *(f"{key}: " for key in ("id", "value", "year", "unit", "kind", "quote", "metric", "region", "start", "end")),
    *(f"{key}:\n" for key in TOP_KEYS),
    *("targets:\n", "baselines:\n", "period: ", "population:\n", "status: ", "comparator: ", "direction: "),
]

text_documents = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(TOKENS), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=3)), max_size=40).map("".join),
)


# --- strategies: YAML documents shaped like data files -------------------------------------------------


def _ids() -> list[str]:
    data = shipped()
    return [*(m.id for m in data.metrics[:8]), *(r.id for r in data.regions[:6]), *(p.id for p in data.plans[:2])]


ENUM_VALUES = [e.value for enum in (Comparator, Direction, Kind, Level, Status) for e in enum]
TRICKY_TEXT = ["", " ", "\t", "\n", "010", "1:30", "1e300", "2021-13-45", "~", "null", "- x", "a: b", "*a", "\x1b"]
KEYS = sorted({*TOP_KEYS, *METRIC_KEYS, *REGION_KEYS, *POPULATION_KEYS, *PLAN_KEYS, *PERIOD_KEYS, *FIGURE_KEYS})

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(1890, 2110),
    st.floats(),
    st.dates(),
    st.datetimes(),
    st.text(max_size=12),
    st.sampled_from(["襄阳", "有效注册商标量达到9万件", "件", "万件", "亿元", "%", "件/万人", *TRICKY_TEXT]),
    st.sampled_from(ENUM_VALUES),
    st.deferred(lambda: st.sampled_from(_ids())),
)
keys = st.one_of(st.sampled_from(KEYS), st.sampled_from(KEYS), st.text(max_size=6), st.integers(), st.booleans())
trees = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
    max_leaves=25,
)


def field(plausible: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A field's value: usually one a data file could hold, sometimes anything at all."""
    return st.one_of(plausible, plausible, plausible, trees)


years = st.integers(1995, 2030)
texts = st.text(min_size=1, max_size=10) | st.sampled_from(["襄阳市", "Xiangyang", "有效注册商标量达到9万件"])
units = st.sampled_from([*known_units()[:30], "万件", "件/万人", "亿元", "furlongs"])
ids = st.deferred(lambda: st.sampled_from(_ids())) | texts


def record(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """A mapping with any of `fields` (each a plausible value or anything), and now and then a stray key."""
    optional = {key: field(strategy) for key, strategy in fields.items()}
    stray = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), trees, max_size=1)
    return st.tuples(st.fixed_dictionaries({}, optional=optional), stray).map(lambda pair: {**pair[1], **pair[0]})


figures = record(
    {
        "metric": ids,
        "year": years,
        "since": years,
        "value": st.integers(-5, 10**6) | st.floats(-10, 1e6) | st.just(1e16),
        "range": st.lists(st.integers(0, 100), min_size=2, max_size=2),
        "unit": units,
        "comparator": st.sampled_from(list(Comparator)).map(str),
        "kind": st.sampled_from(list(Kind)).map(str),
        "scope": texts,
        "direction": st.sampled_from(list(Direction)).map(str),
        "quote": texts,
        "note": texts,
    }
)
populations = record(
    {"value": st.integers(-1, 10**8), "year": years, "source": texts, "document": texts, "quote": texts}
)
metrics = record(
    {
        "id": ids,
        "name_zh": texts,
        "name_en": texts,
        "unit": units,
        "higher_is_better": st.booleans(),
        "parent": ids,
        "aliases": st.lists(texts, max_size=3),
        "related": st.lists(ids, max_size=3),
        "note": texts,
    }
)
regions = record(
    {
        "id": ids,
        "name_zh": texts,
        "name_en": texts,
        "level": st.sampled_from(list(Level)).map(str),
        "parent": ids,
        "population": populations,
        "aliases": st.lists(texts, max_size=3),
        "note": texts,
    }
)


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """A plan; its targets may share a figure, and its baselines may be its targets (anchors and aliases)."""
    shared = draw(figures)
    targets = draw(st.lists(figures | st.just(shared), max_size=4))
    plan = draw(
        record(
            {
                "id": ids,
                "region": ids,
                "title_zh": texts,
                "title_en": texts,
                "short_zh": texts,
                "issuer": texts,
                "doc_number": texts | st.just("010"),
                "issued": st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
                "published": st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
                "period": record({"start": years, "end": years}),
                "status": st.sampled_from(list(Status)).map(str),
                "source": texts,
                "notes": texts,
            }
        )
    )
    plan["targets"] = targets
    plan["baselines"] = draw(st.just(targets) | st.lists(figures | st.just(shared), max_size=2))
    return plan


data_files = record(
    {
        "schema": st.just(1) | st.integers(),
        "metrics": st.lists(metrics, max_size=3),
        "regions": st.lists(regions, max_size=3),
        "plans": st.lists(plans(), max_size=2),
    }
)


@st.composite
def yaml_documents(draw: st.DrawFn) -> str:
    """A tree shaped like a data file (or any tree), dumped in one of YAML's styles."""
    tree = draw(st.one_of(data_files, data_files, trees))
    return yaml.safe_dump(
        tree,
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, None, True])),
        sort_keys=False,
        explicit_start=draw(st.booleans()),
        width=draw(st.sampled_from([80, 20, 10**6])),
    )


# --- strategies: mutations of the shipped data ----------------------------------------------------------

#: A scalar as it is written in YAML: what a slip of the keyboard, or a careless paste, leaves in a field.
raw_scalars = st.one_of(
    st.sampled_from([t for t in TOKENS if t.strip() and "\n" not in t]),
    st.sampled_from(["", "-", "''", '"', "[]", "{}", "[1, 2", "{a: 1}", "!!float x", "&x", "*x", "*nowhere"]),
    st.integers().map(str),
    st.floats().map(repr),
    st.text(max_size=8).map(lambda s: s.replace("\n", " ")),
)
#: A number put in place of one of the shipped file's numbers.
raw_numbers = st.one_of(
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["0", "-1", "-0.5", "1e400", "1e15", "9" * 40, "010", "08", "0x10", "1:30", ".inf", "-.inf"]),
    st.sampled_from([".nan", "1_000", "十", "12 ", "12.", ".5", "+3", "2021-02-30", "twelve", "'12'", "~"]),
)


class Mutated:
    """The shipped data with some edits; shown as its edits, so that a failing example reads as what was done."""

    def __init__(self) -> None:
        self.lines = SHIPPED_LINES
        self.edits: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def edit(self, lines: list[str], what: str) -> None:
        self.lines = lines
        self.edits.append(what)

    def __repr__(self) -> str:
        return f"Mutated(edits={self.edits!r})"


Mutation = Callable[[st.DrawFn, Mutated], None]


def _line(draw: st.DrawFn, data: Mutated) -> int:
    return draw(st.integers(0, len(data.lines) - 1))


def delete_line(draw: st.DrawFn, data: Mutated) -> None:
    i = _line(draw, data)
    data.edit(data.lines[:i] + data.lines[i + 1 :], f"delete line {i + 1}")


def duplicate_line(draw: st.DrawFn, data: Mutated) -> None:
    i = _line(draw, data)
    data.edit(data.lines[: i + 1] + data.lines[i:], f"duplicate line {i + 1}")


def swap_lines(draw: st.DrawFn, data: Mutated) -> None:
    i, j = _line(draw, data), _line(draw, data)
    lines = list(data.lines)
    lines[i], lines[j] = lines[j], lines[i]
    data.edit(lines, f"swap lines {i + 1} and {j + 1}")


def move_line(draw: st.DrawFn, data: Mutated) -> None:
    lines = list(data.lines)
    i = _line(draw, data)
    moved = lines.pop(i)
    j = draw(st.integers(0, len(lines)))
    lines.insert(j, moved)
    data.edit(lines, f"move line {i + 1} before line {j + 1} of the rest")


def reindent_line(draw: st.DrawFn, data: Mutated) -> None:
    i = _line(draw, data)
    line = data.lines[i]
    body = line.lstrip(" ")
    old = len(line) - len(body)
    indent = draw(st.sampled_from(["", " ", "  ", "\t", "   ", "      ", "          "]))
    indent = draw(st.sampled_from([indent, " " * old + indent, " " * max(0, old - len(indent))]))
    data.edit([*data.lines[:i], indent + body, *data.lines[i + 1 :]], f"indent line {i + 1} by {indent!r}")


_VALUE = re.compile(r"^(\s*(?:- )?[\w-]+:[ \t]+)(\S.*?)(\n?)$")


def replace_value(draw: st.DrawFn, data: Mutated) -> None:
    """The value of a `key: value` line becomes a random scalar."""
    candidates = [i for i, line in enumerate(data.lines) if _VALUE.match(line)]
    if candidates:
        i = draw(st.sampled_from(candidates))
        match = _VALUE.match(data.lines[i])
        assert match is not None
        value = draw(raw_scalars)
        data.edit([*data.lines[:i], match[1] + value + match[3], *data.lines[i + 1 :]], f"line {i + 1}: {value!r}")


_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")


def replace_number(draw: st.DrawFn, data: Mutated) -> None:
    """One of the file's numbers (a value, a year, a population) becomes another number, or text."""
    text = data.text
    found = list(_NUMBER.finditer(text))
    if found:
        match = draw(st.sampled_from(found))
        number = draw(raw_numbers)
        line = text.count("\n", 0, match.start()) + 1
        edited = text[: match.start()] + number + text[match.end() :]
        data.edit(edited.splitlines(keepends=True), f"line {line}: {match[0]} -> {number!r}")


def insert_text(draw: st.DrawFn, data: Mutated) -> None:
    text = data.text
    at = draw(st.integers(0, len(text)))
    inserted = draw(st.text(max_size=6) | st.sampled_from(TOKENS))
    line = text.count("\n", 0, at) + 1
    data.edit((text[:at] + inserted + text[at:]).splitlines(keepends=True), f"line {line}: insert {inserted!r}")


def truncate(draw: st.DrawFn, data: Mutated) -> None:
    text = data.text
    at = draw(st.integers(0, len(text)))
    line = text.count("\n", 0, at) + 1
    data.edit(text[:at].splitlines(keepends=True), f"cut at line {line}, after {text[max(0, at - 10) : at]!r}")


MUTATIONS: list[Mutation] = [
    delete_line,
    duplicate_line,
    swap_lines,
    move_line,
    reindent_line,
    replace_value,
    replace_value,
    replace_number,
    replace_number,
    insert_text,
    truncate,
]


@st.composite
def mutated_data(draw: st.DrawFn) -> Mutated:
    """data/targets.yaml with one to three random edits (after a cut to nothing, only an insertion is left to do)."""
    data = Mutated()
    for _ in range(draw(st.integers(1, 3))):
        draw(st.sampled_from(MUTATIONS if data.lines else [insert_text]))(draw, data)
    return data


# --- the properties -------------------------------------------------------------------------------------


@fuzz(300)
@given(text=text_documents)
def test_random_text_loads_or_is_located(workdir: Path, text: str) -> None:
    assert_loads_or_located(workdir / "text.yaml", text, with_shipped=False)


@fuzz(30)
@given(data=st.binary(max_size=60))
def test_random_bytes_load_or_are_located(workdir: Path, data: bytes) -> None:
    """Bytes that are not UTF-8 (a GBK file) are one located problem too."""
    path = workdir / "bytes.yaml"
    path.write_bytes(data)
    try:
        ipcompare.load([path], bundled=False, env=False)
    except ipcompare.DataError as e:
        assert_located(e, {display_path(path): data.decode("utf-8", "replace")})


@fuzz(150, slow_to_draw=True)
@given(text=yaml_documents())
def test_random_yaml_documents_load_or_are_located(workdir: Path, text: str) -> None:
    assert_loads_or_located(workdir / "doc.yaml", text, with_shipped=False)


@fuzz(80, slow_to_draw=True)
@given(text=yaml_documents() | text_documents)
def test_random_documents_beside_the_shipped_data_load_or_are_located(workdir: Path, text: str) -> None:
    """A user's file beside the shipped data: its entries extend, contradict or clash with the shipped ones."""
    assert_loads_or_located(workdir / "mine.yaml", text, with_shipped=True)


@fuzz(200)
@given(data=mutated_data())
def test_mutated_shipped_data_loads_or_is_located(workdir: Path, data: Mutated) -> None:
    assert_loads_or_located(workdir / "targets.yaml", data.text, with_shipped=False)


@fuzz(60)
@given(data=mutated_data())
def test_check_runs_on_any_data_that_loads_and_locates_every_finding(workdir: Path, data: Mutated) -> None:
    """Whatever numbers a plan states, `check` finds or not, but never fails: each finding at a line of the
    file, with the figures it used, each of which is in the plans."""
    from ipcompare.checks import check_plans

    path = workdir / "targets.yaml"
    path.write_bytes(data.text.encode("utf-8", "surrogatepass"))
    try:
        dataset = ipcompare.load([path], bundled=False, env=False)
    except ipcompare.DataError:
        return
    lines = data.text.count("\n") + 1
    quotes = {f.quote for p in dataset.plans for f in (*p.targets, *p.baselines)}
    for finding in check_plans(dataset):
        assert finding.line is not None and 1 <= finding.line <= lines, finding
        assert finding.figures and all(f.quote in quotes for f in finding.figures)


@fuzz(60)
@given(data=mutated_data())
def test_mutated_shipped_data_as_an_old_version_loads_or_is_located(data: Mutated) -> None:
    """`diff --rev` and FILE:PLAN read an old version with today's catalogue (load_version)."""
    name = "HEAD~1:data/targets.yaml"
    try:
        dataset = load_version(data.text, name, shipped())
    except ipcompare.DataError as e:
        assert_located(e, {name: data.text, display_path(bundled_path()): SHIPPED_TEXT})
    else:
        assert isinstance(dataset, ipcompare.Dataset)


@fuzz(40)
@given(data=mutated_data())
def test_the_command_line_reads_mutated_data_as_json_or_located_lines(workdir: Path, data: Mutated) -> None:
    assert_cli_loads_or_located(workdir / "cli.yaml", data.text)


@fuzz(40, slow_to_draw=True)
@given(text=yaml_documents() | text_documents)
def test_the_command_line_reads_random_documents_as_json_or_located_lines(workdir: Path, text: str) -> None:
    assert_cli_loads_or_located(workdir / "cli.yaml", text)


# --- what the properties found, as plain tests ----------------------------------------------------------


def _problems(path: Path, *, bundled: bool = True) -> list[str]:
    """The problems of loading `path` (with the shipped data unless `bundled` is False), as they are printed."""
    with pytest.raises(ipcompare.DataError) as caught:
        ipcompare.load([path], bundled=bundled, env=False)
    return [str(p).replace(f"{display_path(path)}", path.name) for p in caught.value.problems]


#: (text of conftest.PLAN, what it becomes, the line and message of the one problem)
MISFITS = {
    "!!float": ("value: 9", "value: !!float x", "11: YAML syntax error: a value tagged !!float must be a number"),
    "!!int": ("value: 9", "value: !!int ''", "11: YAML syntax error: a value tagged !!int must be a whole number"),
    "!!bool": (
        "status: final",
        "status: !!bool x",
        "7: YAML syntax error: a value tagged !!bool must be true or false",
    ),
    "!!map": ("targets:", "targets: !!map", "8: YAML syntax error: a value tagged !!map must be a mapping"),
    "!!seq": ("period:", "period: !!seq", "6: YAML syntax error: a value tagged !!seq must be a list"),
    "!!timestamp": (
        "status: final",
        "status: final\n    issued: !!timestamp x",
        "8: plan 'my-plan': issued must be a date written YYYY-MM-DD, not text 'x'",
    ),
}


@pytest.mark.parametrize(("old", "new", "problem"), MISFITS.values(), ids=MISFITS.keys())
def test_a_value_its_explicit_tag_does_not_fit_is_located(write: Write, old: str, new: str, problem: str) -> None:
    """Found by fuzzing: PyYAML raised ValueError, IndexError, KeyError, TypeError or AttributeError, with no line."""
    expected = f"mine.yaml:{problem}" + (": remove the tag" if "tagged" in problem else "")
    assert _problems(write(PLAN.replace(old, new))) == [expected]


def test_an_error_at_the_end_of_a_file_without_a_final_line_break_is_on_its_last_line(write: Write) -> None:
    """Found by fuzzing: the C parser put the end of `[` on line 2 of a one-line file."""
    message = "YAML syntax error: did not find expected node content (while parsing a flow node that starts here)"
    assert _problems(write("["), bundled=False) == [f"mine.yaml:1: {message}"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
def test_lines_are_counted_as_an_editor_counts_them_after_a_unicode_line_separator(
    write: Write, separator: str
) -> None:
    """Found by fuzzing: YAML ends a line at U+2028, U+2029 and U+0085 too, so PyYAML's line numbers ran ahead
    of the editor's after one, here in a comment pasted from a web page (a quote or name refuses them)."""
    pasted = PLAN.replace("    targets:", f"    # 摘自网页{separator}\n    targets:")
    mine = write(pasted + "        since: 2030\n")
    assert _problems(mine) == [
        "mine.yaml:17: plan 'my-plan': target 1 (trademarks 2025): since 2030 is not before year 2025"
    ]


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@given(st.lists(_JSON_VALUES, max_size=5) | st.dictionaries(st.text(max_size=6), _JSON_VALUES, max_size=5))
def test_json_output_is_what_json_dumps_writes_one_row_a_line(document: Any) -> None:
    """render writes JSON with its own reuse of json's C encoder: each row (or field) is exactly what
    json.dumps(..., ensure_ascii=False) writes for it, and the whole reads back as the document."""
    import io

    from ipcompare.render import _json

    out = io.StringIO()
    _json(document, out)
    text = out.getvalue()
    dumps = functools.partial(json.dumps, ensure_ascii=False)
    if isinstance(document, list) and document:
        assert text == "[\n" + ",\n".join(dumps(row) for row in document) + "\n]\n"
    elif document:
        assert text == "{\n" + ",\n".join(f"{dumps(k)}: {dumps(v)}" for k, v in document.items()) + "\n}\n"
    else:
        assert text == dumps(document) + "\n"
    assert dumps(json.loads(text)) == dumps(document)
