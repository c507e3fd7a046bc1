"""Every listing command alike: each format is well formed, -o writes what stdout shows, and --lang works.

One parametrised matrix over every listing command, so a new command (or a new format) is checked the
moment it is added to LISTINGS.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, Invoke
from wcwidth import wcswidth

from ipcompare.cli import app

NEXT = str(FIXTURES / "inner_mongolia_14th.yaml")
#: One invocation of each listing command, on fixture data where it needs more than the shipped plans.
LISTINGS: dict[str, list[str]] = {
    "plans": ["plans"],
    "show": ["show", "inner-mongolia-13th-fyp"],
    "metrics": ["metrics"],
    "metric": ["metric", "trademarks"],
    "compare": ["compare", "内蒙古", "襄阳", "--national"],
    "diff": ["diff", "inner-mongolia-13th-fyp", "inner-mongolia-14th-made-up"],
    "progress": ["progress", "inner-mongolia-13th-fyp", "inner-mongolia-14th-made-up"],
    "diff --progress": ["diff", "inner-mongolia-13th-fyp", "inner-mongolia-14th-made-up", "--progress"],
    "extract": ["extract", str(REPO / "data" / "sources" / "003_5d042cf0ad576120.txt")],
    "check": ["check", "inner-mongolia-13th-fyp"],
}
FORMATS = ("table", "markdown", "csv", "json")


def _run(invoke: Invoke, args: list[str], *more: str) -> tuple[int, str, str]:
    result = invoke(*args, "--data", NEXT, *more, env={"COLUMNS": "160"})
    return result.exit_code, result.stdout, result.stderr


def test_every_listing_command_is_in_the_matrix() -> None:
    commands = {c.name or c.callback.__name__ for c in app.registered_commands if c.callback} - {
        "validate",
        "export",
        "report",
    }
    assert commands == {args[0] for args in LISTINGS.values()}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", LISTINGS)
def test_each_format_is_well_formed_and_o_writes_the_same_bytes(
    invoke: Invoke, tmp_path: Path, command: str, fmt: str
) -> None:
    code, out, err = _run(invoke, LISTINGS[command], "--format", fmt)
    assert (code, err) == (0, "")
    assert out.strip()
    if fmt == "json":
        json.loads(out)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        header = rows[0]
        assert header and all(header) and len(set(header)) == len(header)
        assert all(len(row) == len(header) for row in rows)
    elif fmt == "markdown":
        table = [line for line in out.splitlines() if line.startswith("|")]
        assert len(table) >= 3  # header, rule, a row
        assert len({wcswidth(line) for line in table}) == 1, "markdown columns do not line up"
    else:
        box = [line for line in out.splitlines() if line[:1] in "┏┃┡│├└" and line[-1:] in "┓┃┩│┤┘"]
        assert box and len({wcswidth(line) for line in box}) == 1, "table columns do not line up"
    target = tmp_path / "out"
    code, written, err = _run(invoke, LISTINGS[command], "--format", fmt, "-o", str(target))
    assert (code, written, err) == (0, "", "")
    assert target.read_bytes() == out.encode("utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", LISTINGS)
def test_every_listing_command_takes_lang_and_json_is_the_same_in_every_language(
    invoke: Invoke, command: str, lang: str
) -> None:
    code, shown, err = _run(invoke, LISTINGS[command], "--lang", lang, "--format", "markdown")
    assert (code, err) == (0, "")
    _, default, _ = _run(invoke, LISTINGS[command], "--format", "markdown")
    header = next(line for line in shown.splitlines() if line.startswith("|"))
    has_chinese = any("\u4e00" <= c <= "\u9fff" for c in header)
    assert has_chinese == (lang == "zh"), header
    if lang == "zh":
        assert shown != default
    json_in_lang = _run(invoke, LISTINGS[command], "--lang", lang, "--format", "json")[1]
    assert json.loads(json_in_lang) == json.loads(_run(invoke, LISTINGS[command], "--format", "json")[1])


@pytest.mark.parametrize(("suffix", "fmt"), [(".csv", "csv"), (".json", "json"), (".md", "markdown")])
def test_o_takes_the_format_from_the_file_extension(invoke: Invoke, tmp_path: Path, suffix: str, fmt: str) -> None:
    target = tmp_path / f"plans{suffix}"
    code, _, err = _run(invoke, ["plans"], "-o", str(target))
    assert (code, err) == (0, "")
    assert target.read_text(encoding="utf-8") == _run(invoke, ["plans"], "--format", fmt)[1]


def test_a_format_given_wins_over_the_file_extension(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "plans.csv"
    _run(invoke, ["plans"], "-o", str(target), "--format", "json")
    assert isinstance(json.loads(target.read_text(encoding="utf-8")), list)


def test_excel_with_a_json_file_names_where_the_format_came_from(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "plans.json"
    code, out, err = _run(invoke, ["plans"], "-o", str(target), "--excel")
    assert (code, out) == (2, "")
    assert err == f"ipcompare: error: --excel: only with --format csv, not json (from {target})\n"
    assert not target.exists()


def test_progress_is_diff_progress(invoke: Invoke) -> None:
    for fmt in FORMATS:
        assert _run(invoke, LISTINGS["progress"], "--format", fmt) == _run(
            invoke, LISTINGS["diff --progress"], "--format", fmt
        )


def test_json_of_a_result_spreads_inline_fields_in_place_and_keeps_their_order() -> None:
    """A row's JSON keys follow its fields; an inline record's keys stand in its place, and an inline field
    that is None is written under its own name (null), not dropped."""
    from ipcompare.model import Kind
    from ipcompare.records import field, record
    from ipcompare.results import INLINE, as_json

    @record
    class Inner:
        year: int
        kind: Kind | None

    @record
    class Outer:
        first: str
        inner: Inner | None = field(metadata=INLINE)
        last: list[Inner]

    made = as_json(Outer(first="a", inner=Inner(year=2025, kind=Kind.LEVEL), last=[Inner(year=1, kind=None)]))
    assert list(made) == ["first", "year", "kind", "last"] and made["kind"] == "level" and type(made["kind"]) is str
    assert made["last"] == [{"year": 1, "kind": None}]
    assert as_json(Outer(first="b", inner=None, last=[])) == {"first": "b", "inner": None, "last": []}
