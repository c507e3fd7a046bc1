"""The index in the cache folder: it answers as the files do, follows every change to them, and never fails a
command; the quick reader builds what the careful one builds; export writes the documented tables."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES, PLAN, Invoke, Write

import ipcompare
from ipcompare import index, loader
from ipcompare.model import Dataset, Figure, Location, Plan, Reported, counts_of
from ipcompare.paths import bundled_path
from ipcompare.records import replace

DATA_FILES = [bundled_path(), *sorted(FIXTURES.glob("*.yaml")), *sorted(EXAMPLES.rglob("*.yaml"))]


def _plain(figure: Figure) -> Figure:
    """A figure without the lines of its keys, which the index does not keep (commands never show them)."""
    return replace(figure, loc=Location(figure.loc.file, figure.loc.line))


def _catalogue(dataset: Dataset) -> list[Any]:
    metrics = [replace(m, loc=Location(m.loc.file, m.loc.line)) for m in dataset.metrics]
    return [*metrics, *(replace(r, loc=Location(r.loc.file, r.loc.line)) for r in dataset.regions)]


def _plans(dataset: Dataset) -> list[Plan]:
    return [
        replace(
            p,
            targets=tuple(map(_plain, p.targets)),
            baselines=tuple(map(_plain, p.baselines)),
            loc=Location(p.loc.file, p.loc.line),
        )
        for p in dataset.plans
    ]


def _outcomes(dataset: Dataset) -> list[Reported]:
    return [replace(o, figure=_plain(o.figure), loc=Location(o.loc.file, o.loc.line)) for o in dataset.outcomes]


# -- the quick reader -----------------------------------------------------------------------------------------


def _same_tree(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, loader._Map):
        same = (a.line, a.key_lines, list(a)) == (b.line, b.key_lines, list(b))
        return same and all(_same_tree(a[k], b[k]) for k in a)
    if isinstance(a, loader._Seq):
        same = (a.line, a.item_lines, len(a)) == (b.line, b.item_lines, len(b))
        return same and all(_same_tree(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.parametrize("path", [p for p in DATA_FILES if p.name != "ten_mistakes.yaml"], ids=lambda p: p.name)
def test_the_quick_reader_builds_the_careful_readers_tree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    careful, problems = loader.read_yaml_text(text, path.name)
    assert not problems
    assert _same_tree(loader._quick_tree(text), careful)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # an alias
        "a: 1\na: 2\n",  # a duplicate key, reported by the careful reader
        "base: &b {x: 1}\nc:\n  <<: *b\n",  # a merge key
        "a: !!int 5\n",  # an explicit tag
        "a: 010\n",  # octal, reported as odd
        "a: 1.5e+5\n",  # exponent notation, reported as odd
        "a: [1, 2\n",  # a syntax error
        "? [a]\n: 1\n",  # a list as a key
        "a: 1\n---\nb: 2\n",  # two documents
        "a: 2021-13-45\n",  # no such date
    ],
)
def test_the_quick_reader_leaves_what_it_does_not_read_to_the_careful_one(text: str) -> None:
    with pytest.raises(loader._Careful):
        loader._quick_tree(text)
    quick, careful = loader.read_yaml_quickly(text, "x.yaml"), loader.read_yaml_text(text, "x.yaml")
    assert repr(quick) == repr(careful)  # the careful reader's tree and problems (an Odd equals only itself)


@pytest.mark.parametrize("number", ["0", "7", "-3", "+12", "2025", "8.5", "-0.25", "+1.0", "00.5", "1234567890123456"])
def test_the_quick_reader_reads_numbers_as_yaml_does(number: str) -> None:
    quick, careful = loader._quick_tree(f"a: {number}\n")["a"], yaml.safe_load(f"a: {number}\n")["a"]
    assert (type(quick), quick) == (type(careful), careful)


def test_figures_made_quickly_equal_figures_read_field_by_field(monkeypatch: pytest.MonkeyPatch) -> None:
    files = [str(p) for p in DATA_FILES if p.name not in ("ten_mistakes.yaml",) and "hubei" not in str(p)]
    files = [f for f in files if f != str(bundled_path())]
    quick = ipcompare.load([FIXTURES / "taian_final.yaml", FIXTURES / "inner_mongolia_14th.yaml"], env=False)
    monkeypatch.setattr(loader, "_quick_figure", lambda data, file: None)
    careful = ipcompare.load([FIXTURES / "taian_final.yaml", FIXTURES / "inner_mongolia_14th.yaml"], env=False)
    assert quick == careful
    assert sum(len(p.targets) for p in quick.plans) > 100


@pytest.mark.parametrize("key", ["comparator", "kind", "direction"])
@pytest.mark.parametrize("value", ["[]", "{a: 1}", "[reach]"])
def test_a_figure_with_a_list_where_a_word_belongs_is_reported_not_a_crash(
    invoke: Invoke, write: Write, key: str, value: str
) -> None:
    text = PLAN.replace("        comparator: reach\n", "").replace("        kind: level\n", "")
    path = write(text.replace('        quote: "有', f'        {key}: {value}\n        quote: "有'))
    result = invoke("--no-cache", "validate", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert re.search(rf"^\S*mine\.yaml:\d+: plan 'my-plan': target 1: {key} .* is not one of", result.stderr, re.M)


# -- the index answers as the files do -------------------------------------------------------------------------


def test_the_index_holds_what_the_files_hold(cache: Path) -> None:
    paths = [FIXTURES / "taian_final.yaml", FIXTURES / "inner_mongolia_14th.yaml"]
    direct = ipcompare.load(paths, env=False)
    first = index.open_source(paths)  # builds the index, and answers from it
    (built,) = cache.glob("index-*.sqlite")
    second = index.open_source(paths)  # reads it
    assert first._index is not None and second._index is not None
    assert built.stat().st_ino == next(cache.glob("index-*.sqlite")).stat().st_ino  # not built again
    for indexed in (first.everything(), second.everything()):
        assert (_catalogue(indexed), indexed.files) == (_catalogue(direct), direct.files)
        assert _plans(indexed) == _plans(direct)
        assert _outcomes(indexed) == _outcomes(direct) and len(direct.outcomes) >= 5  # the shipped ones at least


def test_a_question_about_one_metric_reads_only_its_figures(cache: Path) -> None:
    index.open_source([])
    source = index.open_source([])
    subset = source.of_metrics(["trademarks"])
    figures = [f for p in subset.plans for f in (*p.targets, *p.baselines)]
    assert figures and {f.metric for f in figures} == {"trademarks"}
    everything = source.everything()
    assert subset.targets_of("madrid-trademarks") == everything.targets_of("madrid-trademarks") > 0
    assert ipcompare.metric_rows(subset, "trademarks") == ipcompare.metric_rows(everything, "trademarks")


def test_the_index_counts_figures_as_the_plans_hold_them(cache: Path) -> None:
    paths = [FIXTURES / "taian_final.yaml", FIXTURES / "inner_mongolia_14th.yaml", EXAMPLES / "hubei"]
    index.open_source(paths)
    source = index.open_source(paths)
    assert source._index is not None
    headers, counts = source.listing()
    everything = source.everything()
    assert counts == counts_of(everything)
    assert all(not p.targets for p in headers.plans) and [p.id for p in headers.plans] == [
        p.id for p in everything.plans
    ]
    assert sum(n for n, _, _ in counts.plans.values()) == sum(len(p.targets) for p in everything.plans) > 100


COMMANDS = [
    ["metric", "high-value-patents"],
    ["metric", "trademarks", "--per-capita"],
    ["metric", "gi-count", "--level", "province"],
    ["compare", "襄阳", "泰安", "青海", "--national"],
    ["show", "襄阳"],
    ["plans"],
    ["metrics"],
    ["diff", "taian-strong-city-draft", "taian-strong-city-final", "--data", str(FIXTURES / "taian_final.yaml")],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_every_command_answers_from_the_index_as_from_the_files(
    invoke: Invoke, cache: Path, args: list[str], fmt: str
) -> None:
    direct = invoke("--no-cache", *args, "-f", fmt)
    building = invoke(*args, "-f", fmt)
    indexed = invoke(*args, "-f", fmt)
    assert direct.exit_code == building.exit_code == indexed.exit_code == 0
    assert direct.stdout == building.stdout == indexed.stdout
    assert indexed.stderr == direct.stderr == ""


# -- following the files -----------------------------------------------------------------------------------------


def test_a_changed_data_file_is_picked_up_by_the_next_command(invoke: Invoke, cache: Path, write: Any) -> None:
    mine = write(PLAN)

    def mine_row() -> str:
        rows = invoke("metric", "trademarks", "-f", "csv", "--data", str(mine)).stdout.splitlines()
        return next(r for r in rows if ",my-plan," in r)

    assert ",9,,,万件," in mine_row()
    mine.write_text(PLAN.replace("value: 9", "value: 7").replace("达到9万件", "达到7万件"), encoding="utf-8")
    assert ",7,,,万件," in mine_row()


def test_a_file_touched_but_not_changed_keeps_the_index(invoke: Invoke, cache: Path, write: Any) -> None:
    mine = write(PLAN)
    invoke("metric", "trademarks", "--data", str(mine))
    (built,) = cache.glob("index-*.sqlite")
    before = built.stat().st_ino
    os.utime(mine, ns=(mine.stat().st_atime_ns, mine.stat().st_mtime_ns + 5_000_000_000))
    invoke("metric", "trademarks", "--data", str(mine))
    assert built.stat().st_ino == before  # the same bytes: the index was not rewritten


def test_a_file_written_just_before_the_build_is_hashed_only_until_it_is_old_enough(
    cache: Path, write: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As after `pip install . && ipcompare ...`: the shipped file is a second old when the index is built."""
    mine = write(PLAN)
    index.open_source([mine])  # built within 2 s of the file's mtime: racy
    hashed: list[str] = []
    sha256 = index._sha256

    def counted(path: str) -> str:
        hashed.append(path)
        return sha256(path)

    monkeypatch.setattr(index, "_sha256", counted)
    assert index.open_source([mine])._index is not None and str(mine.resolve()) in hashed  # racy: hashed
    later = time.time_ns() + 10_000_000_000
    monkeypatch.setattr(time, "time_ns", lambda: later)  # the module index.py reads the clock from
    hashed.clear()
    assert index.open_source([mine])._index is not None and hashed  # hashed, and found as stamped 10 s on
    hashed.clear()
    assert index.open_source([mine])._index is not None and not hashed  # trusted by its stat from now on
    mine.write_text(PLAN.replace("value: 9", "value: 7"), encoding="utf-8")
    changed = index.open_source([mine]).everything().plan("my-plan")
    assert [t.value for t in changed.targets] == [7]  # a change is still seen


def test_a_broken_file_is_reported_as_without_the_index_and_never_indexed(
    invoke: Invoke, cache: Path, write: Any
) -> None:
    mine = write(PLAN)
    assert invoke("metric", "trademarks", "--data", str(mine)).exit_code == 0
    mine.write_text(PLAN.replace("year: 2025", "year: 2O25"), encoding="utf-8")
    indexed = invoke("metric", "trademarks", "--data", str(mine))
    direct = invoke("--no-cache", "metric", "trademarks", "--data", str(mine))
    assert indexed.exit_code == direct.exit_code == 1
    assert indexed.stderr == direct.stderr and "mine.yaml:10:" in indexed.stderr
    assert indexed.stdout == ""
    mine.write_text(PLAN, encoding="utf-8")
    assert invoke("metric", "trademarks", "--data", str(mine)).exit_code == 0


def test_a_data_folder_is_read_whole_and_its_new_files_picked_up(invoke: Invoke, cache: Path, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.yaml").write_text(PLAN, encoding="utf-8")
    assert "my-plan" in invoke("--data", str(folder), "plans", "-f", "csv").stdout
    other = PLAN.replace("my-plan", "other-plan").replace("xiangyang", "taian")
    (folder / "b.yml").write_text(other, encoding="utf-8")
    assert "other-plan" in invoke("--data", str(folder), "plans", "-f", "csv").stdout


# -- a cache that cannot be used never fails a command -------------------------------------------------------------


def test_a_rebuild_removes_other_versions_indexes_of_the_same_files_only(
    invoke: Invoke, cache: Path, write: Write
) -> None:
    """An upgrade of ipcompare names its index anew (version and schema are in the name): the old one of the
    same files would never be read again. The index of another list of files is kept."""
    mine = write(PLAN)
    assert invoke("--data", str(mine), "plans").exit_code == 0
    assert invoke("plans").exit_code == 0  # the shipped data alone: another list of files
    (current,) = [p for p in cache.glob("index-*.sqlite") if _paths_of(p) == _paths_of_run(mine)]
    old = cache / "index-0000000000000000.sqlite"  # as an older version of ipcompare named it
    old.write_bytes(current.read_bytes())
    others = set(cache.glob("index-*.sqlite")) - {current, old}
    mine.write_text(PLAN.replace("value: 9", "value: 10"), encoding="utf-8")  # the next command rebuilds
    assert invoke("--data", str(mine), "plans").exit_code == 0
    left = set(cache.glob("index-*.sqlite"))
    assert old not in left and others <= left and len(others) == 1


def _paths_of(index_file: Path) -> list[str]:
    db = sqlite3.connect(index_file)
    try:
        return [p for (p,) in db.execute("SELECT path FROM files ORDER BY position")]
    finally:
        db.close()


def _paths_of_run(data: Path) -> list[str]:
    return [str(bundled_path().resolve()), str(data.resolve())]


def test_a_damaged_index_is_said_in_one_line_and_rebuilt(invoke: Invoke, cache: Path) -> None:
    expected = invoke("--no-cache", "metric", "trademarks", "-f", "json").stdout
    invoke("metric", "trademarks")
    (built,) = cache.glob("index-*.sqlite")
    built.write_bytes(b"not a database at all" * 100)
    damaged = invoke("metric", "trademarks", "-f", "json")
    assert damaged.exit_code == 0 and damaged.stdout == expected
    assert damaged.stderr.count("\n") == 1 and damaged.stderr.startswith("ipcompare: note: ")
    again = invoke("metric", "trademarks", "-f", "json")
    assert again.stdout == expected and again.stderr == ""


@pytest.mark.parametrize("where", ["a-file", "inside-a-file"])
def test_an_unwritable_cache_folder_is_said_in_one_line(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("IPCOMPARE_CACHE_DIR", str(blocker if where == "a-file" else blocker / "cache"))
    expected = invoke("--no-cache", "metric", "trademarks", "-f", "json").stdout
    result = invoke("metric", "trademarks", "-f", "json")
    assert result.exit_code == 0 and result.stdout == expected
    assert result.stderr.count("\n") == 1 and "cannot write the index" in result.stderr


@pytest.mark.parametrize("how", ["option", "option after", "environment"])
def test_no_cache_reads_the_files_and_writes_no_index(invoke: Invoke, cache: Path, how: str) -> None:
    if how == "option":
        result = invoke("--no-cache", "metric", "trademarks")
    elif how == "option after":
        result = invoke("metric", "trademarks", "--no-cache")
    else:
        result = invoke("metric", "trademarks", env={"IPCOMPARE_NO_CACHE": "1"})
    assert result.exit_code == 0 and result.stdout
    assert not cache.exists() or not list(cache.iterdir())


# -- start-up: what `metric --format json` imports -----------------------------------------------------------------

#: What a command answered from the index must not import: YAML and validation (the index holds validated data),
#: rich and tabulate (other formats), pydantic (Typer's option coercion, bypassed), the readers of documents.
NOT_IMPORTED = [
    "yaml",
    "rich",
    "tabulate",
    "pydantic",
    "opencc",
    "wcwidth",
    "ipcompare.loader",
    "ipcompare.validate",
    "ipcompare.documents",
    "ipcompare.reader",
    "ipcompare.extract",
    "ipcompare.diff",
    "ipcompare.progress",
    "ipcompare.versions",
    "hashlib",
    "tempfile",
]


def _imported(tmp_path: Path, *args: str) -> set[str]:
    script = (
        "import sys\n"
        f"sys.argv = ['ipcompare', *{list(args)!r}]\n"
        "from ipcompare.__main__ import run\n"
        "run()\n"
        "sys.stderr.write(repr(sorted(sys.modules)))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("IPCOMPARE_DATA", "IPCOMPARE_NO_CACHE")}
    env["IPCOMPARE_CACHE_DIR"] = str(tmp_path / "cache")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    return set(json.loads(done.stderr.strip().replace("'", '"')))


def test_metric_as_json_imports_only_what_it_needs(tmp_path: Path) -> None:
    _imported(tmp_path, "metric", "high-value-patents", "--format", "json")  # builds the index
    modules = _imported(tmp_path, "metric", "high-value-patents", "--format", "json")
    assert "ipcompare.index" in modules and "ipcompare.compare" in modules  # the test saw the command run
    assert sorted(m for m in NOT_IMPORTED if m in modules) == []


def test_every_option_of_compare_is_read_without_pydantic(tmp_path: Path) -> None:
    """Each option type `quicken` does not know sends Typer to pydantic (~60 ms): compare has the most options."""
    args = ["compare", "襄阳", "泰安", "--national", "--shared", "--min-regions", "2", "--kind", "level"]
    args += ["--year", "2025", "--per-capita", "--long", "--latest", "--metric", "trademarks", "--format", "json"]
    modules = _imported(tmp_path, *args)
    assert "ipcompare.compare" in modules and "pydantic" not in modules


# -- export --------------------------------------------------------------------------------------------------------


def test_export_writes_the_documented_tables(invoke: Invoke, cache: Path, tmp_path: Path) -> None:
    target = tmp_path / "ipcompare.db"
    result = invoke("export", "--sqlite", str(target))
    assert result.exit_code == 0 and str(target) in result.stdout
    db = sqlite3.connect(target)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"meta", "files", "metrics", "regions", "plans", "targets", "baselines", "outcomes"}
    assert dict(db.execute("SELECT key, value FROM meta"))["schema"] == str(index.SCHEMA_VERSION)
    outcome = db.execute(
        "SELECT value, unit, normalized_value, normalized_unit, source FROM outcomes "
        "WHERE region = 'china' AND metric = 'pledge-financing'"
    ).fetchone()
    assert outcome[:4] == (8539.9, "亿元", 853990000000.0, "元") and "光明日报" in outcome[4]
    rows = db.execute(
        "SELECT t.value, t.unit, t.normalized_value, t.normalized_unit, t.quote, r.name_zh FROM targets t "
        "JOIN plans p ON p.id = t.plan JOIN regions r ON r.id = p.region "
        "WHERE t.metric = 'trademarks' AND r.id = 'taian'"
    ).fetchall()
    assert rows == [(9.0, "万件", 90000.0, "件", rows[0][4], "泰安市")] and "9万件" in rows[0][4]
    plans = db.execute("SELECT COUNT(*) FROM plans").fetchone()[0]
    assert plans == len(ipcompare.load(env=False).plans)
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_export_never_writes_over_a_data_file(invoke: Invoke, cache: Path, write: Any) -> None:
    mine = write(PLAN)
    before = mine.read_text(encoding="utf-8")
    result = invoke("export", "--sqlite", str(mine), "--data", str(mine))
    assert result.exit_code == 1 and "one of the files this command reads" in result.stderr
    assert mine.read_text(encoding="utf-8") == before


def test_export_writes_through_a_symlink_and_leaves_the_link(invoke: Invoke, cache: Path, tmp_path: Path) -> None:
    real = tmp_path / "real" / "ipcompare.db"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.db"
    link.symlink_to(real)
    assert invoke("export", "--sqlite", str(link)).exit_code == 0
    assert link.is_symlink() and real.read_bytes().startswith(b"SQLite format 3\0")


def test_export_to_standard_output_is_the_database_alone(cache: Path, tmp_path: Path) -> None:
    """`export --sqlite /dev/stdout | ...`: the pipe gets the database, and the "wrote" line goes to stderr."""
    if not Path("/dev/stdout").exists():
        pytest.skip("no /dev/stdout here")
    env = {**os.environ, "IPCOMPARE_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-m", "ipcompare", "export", "--sqlite", "/dev/stdout"],
        capture_output=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert done.stdout.startswith(b"SQLite format 3\0"), (done.stdout[:300], done.stderr)
    (tmp_path / "piped.db").write_bytes(done.stdout)
    db = sqlite3.connect(tmp_path / "piped.db")
    assert db.execute("SELECT COUNT(*) FROM plans").fetchone()[0] == len(ipcompare.load(env=False).plans)
    assert done.stderr.decode().startswith("wrote /dev/stdout (schema")
