"""The index's cold build (bulk.py): the index it writes holds what loading the files gives, whether it reads them in
this process or in workers, the lean way or the careful way; a problem anywhere is reported as without the index.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, Invoke
from hypothesis import given, settings
from hypothesis import strategies as st

from ipcompare import bulk, index, loader, validate
from ipcompare.controls import escape_controls, has_controls
from ipcompare.model import COMPARATORS, DIRECTIONS, KINDS, Figure, Location, Plan, Status
from ipcompare.paths import display_path, display_paths, real_data_paths
from ipcompare.records import made

REGIONS = """\
regions:
  - id: north-city
    name_zh: 北城市
    name_en: North City
    level: prefecture
    parent: hubei
    population: {value: 1200000, year: 2020, source: a census}
  - id: south-city
    name_zh: 南城市
    name_en: South City
    level: prefecture
    parent: hubei
"""

#: A plan with a figure of each shape: a level, a growth rate, a range, a direction, an increment over the period,
#: a share, an unclear kind with its note, a flow-change since a year, and baselines.
PLAN = """\
  - id: {id}
    region: {region}
    title_zh: 第{n}号规划
    title_en: Plan {n}
    short_en: "Plan {n}"
    issued: 2021-03-0{day}
    period: {{start: 2021, end: 2025}}
    status: {status}
    notes: A plan of the test's own.
    targets:
      - metric: trademarks
        year: 2025
        value: {value}
        unit: 万件
        comparator: reach
        kind: level
        quote: "有效注册商标量达到{value}万件"
      - metric: patent-applications
        year: 2025
        value: 12.5
        unit: "%"
        comparator: stated
        kind: growth-rate
        quote: "专利申请量年均增长12.5%"
      - metric: gi-count
        year: 2025
        range: [7, 10]
        unit: 件
        comparator: stated
        kind: level
        quote: "地理标志7~10件"
      - metric: well-known-trademarks
        year: 2025
        direction: up
        quote: "驰名商标持续增加"
      - metric: agri-brands
        year: 2025
        value: 5
        unit: 个
        comparator: stated
        kind: increment
        quote: "培育农产品品牌5个"
      - metric: patent-intensive-gdp-share
        year: 2025
        value: 13
        unit: "%"
        comparator: reach
        kind: share
        quote: "专利密集型产业增加值占GDP比重达到13%"
      - metric: invention-grants
        year: 2025
        value: 40
        unit: "%"
        comparator: stated
        kind: unclear
        quote: "发明专利授权量增长率40%"
        note: The plan does not say over what.
      - metric: pct-applications
        year: 2025
        value: 30
        unit: 件
        comparator: stated
        kind: flow-change
        since: 2020
        quote: "PCT申请量较2020年增加30件"
    baselines:
      - metric: trademarks
        year: 2020
        value: 5.2
        unit: 万件
        comparator: stated
        kind: level
        quote: "有效注册商标量5.2万件"
      - metric: well-known-trademarks
        year: 2020
        direction: up
        quote: "驰名商标稳步增加"
"""


def plans_file(first: int, count: int, *, region: str = "north-city") -> str:
    plans = [
        PLAN.format(id=f"plan-{n}", n=n, region=region, day=1 + n % 9, status="final", value=5 + n % 7)
        for n in range(first, first + count)
    ]
    return "schema: 1\nplans:\n" + "".join(plans)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder of many small files: regions in one, plans in the others."""
    data = tmp_path / "data"
    (data / "plans").mkdir(parents=True)
    (data / "regions.yaml").write_text(REGIONS, encoding="utf-8")
    for i in range(12):
        region = "south-city" if i % 3 else "north-city"
        (data / "plans" / f"p{i:02}.yaml").write_text(plans_file(10 * i, 1 + i % 3, region=region), encoding="utf-8")
    return data


@pytest.fixture(params=["here", "workers"])
def how(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs twice: the files read in this process, and read by workers (each file a batch of its own)."""
    if request.param == "workers":
        monkeypatch.setattr(bulk, "PARALLEL_BYTES", 0)
        monkeypatch.setattr(bulk, "BATCH_BYTES", 1)
    return str(request.param)


def tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    db = sqlite3.connect(path)
    try:
        names = ("files", "metrics", "regions", "plans", "targets", "baselines")
        return {name: db.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall() for name in names}
    finally:
        db.close()


def loaded_tables(paths: list[Path], target: Path, *, bundled: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """The tables as the index was written before the cold build: from the dataset `loader.load` gives."""
    dataset = loader.load(paths, bundled=bundled)
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("BEGIN")
    index.write_tables(db, dataset, [real for _, real in real_data_paths(paths, bundled=bundled)], normalize=False)
    db.execute("COMMIT")
    db.close()
    return tables(target)


# -- the index holds what the files hold ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paths",
    [
        ["folder"],
        [FIXTURES / "taian_final.yaml", FIXTURES / "inner_mongolia_14th.yaml", Path("examples/hubei")],
        [FIXTURES / "compare.yaml"],
    ],
    ids=["folder", "fixtures", "compare"],
)
@pytest.mark.parametrize("serialize", [True, False], ids=["serialized", "lists"])
def test_the_index_holds_what_loading_the_files_gives(
    how: str, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paths: list[Any], serialize: bool
) -> None:
    """Workers pass their rows as a serialized database, or as lists where SQLite cannot serialize."""
    monkeypatch.setattr(bulk, "_SERIALIZE", serialize)
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    paths = [folder if p == "folder" else p for p in paths]
    bundled = FIXTURES / "compare.yaml" not in paths  # a world of its own, with its own nation
    built = tmp_path / "built.sqlite"
    assert bulk.write(real_data_paths(paths, bundled=bundled), built)
    assert tables(built) == loaded_tables(paths, tmp_path / "loaded.sqlite", bundled=bundled)
    assert len(tables(built)["targets"]) > 8


COMMANDS = [
    ["metric", "trademarks"],
    ["metric", "gi-count", "--per-capita"],
    ["compare", "north-city", "south-city", "襄阳"],
    ["show", "plan-10"],
    ["plans"],
    ["metrics"],
    ["export"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_commands_answer_from_the_new_index_as_from_the_files(
    invoke: Invoke, cache: Path, how: str, folder: Path, tmp_path: Path, args: list[str]
) -> None:
    def run(*options: str) -> tuple[int, str, str]:
        extra = ["--sqlite", str(tmp_path / "out.db")] if args[0] == "export" else ["-f", "json"]
        result = invoke(*options, "--data", str(folder), *args, *extra)
        return result.exit_code, result.stdout, result.stderr

    direct = run("--no-cache")
    assert direct[0] == 0
    assert run() == direct  # builds the index, and answers from it
    assert run() == direct  # reads it


def test_an_alias_a_tag_or_a_line_separator_is_read_the_careful_way(
    how: str, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = folder / "plans"
    aliased = plans_file(200, 1).replace("notes: A plan of the test's own.", "notes: &n A plan.\n    short_zh: *n")
    (plans / "aliased.yaml").write_text(aliased, encoding="utf-8")
    (plans / "tagged.yaml").write_text(plans_file(300, 1).replace("status: final", "status: !!str final"), "utf-8")
    (plans / "exclaimed.yaml").write_text(plans_file(400, 1).replace("持续增加", "持续增加!"), encoding="utf-8")
    # U+2028 ends a line for YAML, not for editors (loader._Lines): here between two comments, above the plans
    (plans / "separated.yaml").write_text("# one\u2028# two\n" + plans_file(500, 2), encoding="utf-8")
    careful: list[str] = []
    monkeypatch.setattr(bulk._Reader, "careful", _noting(bulk._Reader.careful, careful))
    built = tmp_path / "built.sqlite"
    assert bulk.write(real_data_paths([folder]), built)
    assert tables(built) == loaded_tables([folder], tmp_path / "loaded.sqlite")
    if how == "here":  # workers note it in their own memory
        assert sorted(Path(name).name for name in careful) == [
            "aliased.yaml",
            "exclaimed.yaml",
            "separated.yaml",
            "tagged.yaml",
        ]


def _noting(method: Any, names: list[str]) -> Any:
    def careful(reader: Any, text: str) -> Any:
        names.append(reader.name)
        return method(reader, text)

    return careful


# -- problems ------------------------------------------------------------------------------------------------------

PROBLEMS = {
    "figure": ("p03.yaml", "value: 13\n", "value: 130\n"),  # a share above 100%
    "syntax": ("p05.yaml", "period: {start: 2021, end: 2025}", "period: {start: 2021, end: 2025"),
    "duplicate plan": ("p07.yaml", "id: plan-70", "id: plan-10"),
    "unknown metric": ("p09.yaml", "metric: gi-count", "metric: gi-counts"),
    "unit": ("p10.yaml", "unit: 个", "unit: 亿元"),
    "unknown region": ("p11.yaml", "region: south-city", "region: west-city"),
    "catalogue": ("../regions.yaml", "level: prefecture\n    parent: hubei\n", "level: province\n    parent: hubei\n"),
    "not UTF-8": ("p04.yaml", "", ""),
    "empty": ("p02.yaml", "", ""),
}


@pytest.mark.parametrize("problem", list(PROBLEMS))
def test_a_broken_file_among_many_is_reported_as_without_the_index(
    invoke: Invoke, cache: Path, how: str, folder: Path, problem: str
) -> None:
    name, old, new = PROBLEMS[problem]
    path = folder / "plans" / name
    if problem == "not UTF-8":
        path.write_bytes(
            path.read_bytes().replace("北城市".encode(), "北城市".encode("gb18030")) + "规划".encode("gbk")
        )
    elif problem == "empty":
        path.write_text("", encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    direct = invoke("--no-cache", "--data", str(folder), "metric", "trademarks")
    indexed = invoke("--data", str(folder), "metric", "trademarks")
    assert direct.exit_code == indexed.exit_code == 1
    assert indexed.stderr == direct.stderr and indexed.stderr
    assert indexed.stdout == ""
    assert not cache.exists() or not list(cache.glob("*.sqlite*"))  # nothing indexed, nothing left behind


def test_a_change_to_one_file_is_picked_up(invoke: Invoke, cache: Path, how: str, folder: Path) -> None:
    def value() -> str:
        rows = invoke("--data", str(folder), "metric", "trademarks", "-f", "csv").stdout.splitlines()
        return next(r for r in rows if ",plan-60," in r)

    assert ",9,,,万件," in value()
    path = folder / "plans" / "p06.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 9\n", "value: 7\n", 1), encoding="utf-8")
    assert ",7,,,万件," in value()
    (folder / "plans" / "p99.yaml").write_text(plans_file(990, 1), encoding="utf-8")
    assert "plan-990" in invoke("--data", str(folder), "plans", "-f", "csv").stdout


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="a process group to send Ctrl-C to")
def test_ctrl_c_while_workers_read_is_one_line_and_leaves_nothing_behind(folder: Path, tmp_path: Path) -> None:
    """A build of more than PARALLEL_BYTES, interrupted at moments from start-up to its end: `ipcompare:
    interrupted` and exit 130 (no worker's traceback), and no temporary file in the cache folder."""
    for i in range(bulk.PARALLEL_BYTES // 6000 + 100):
        (folder / "plans" / f"q{i:04}.yaml").write_text(plans_file(1000 + 3 * i, 3), encoding="utf-8")
    cache = tmp_path / "cache"
    env = {**os.environ, "IPCOMPARE_CACHE_DIR": str(cache)}
    env.pop("IPCOMPARE_DATA", None)
    command = [sys.executable, "-m", "ipcompare", "--data", str(folder), "metric", "trademarks", "-f", "json"]
    interrupted = 0
    for step in range(8):  # from the workers' start to about the build's end
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True
        )
        # Timed from the moment the build opens its temporary file (the workers have their first batches), not
        # from the start: a loaded machine may take longer than any fixed delay to get there.
        deadline = time.monotonic() + 60
        while process.poll() is None and not list(cache.glob(".*.tmp")) and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.06 * step)
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: to the main process and its workers
        _, errors = process.communicate(timeout=60)
        assert not [p.name for p in cache.glob("*") if p.name.endswith(".tmp")]
        if process.returncode == 0:  # it had finished
            break
        if process.returncode == -signal.SIGINT:  # before Python had started
            continue
        assert (process.returncode, errors.decode()) == (130, "ipcompare: interrupted\n")
        interrupted += 1
    assert interrupted


def test_a_worker_ignores_ctrl_c_and_collects_no_garbage() -> None:
    script = "import gc, signal\nfrom ipcompare import bulk\nbulk._worker()\n"
    script += "print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN, gc.isenabled())"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split() == ["True", "False"]


def test_workers_that_die_leave_a_note_and_the_files_are_read_directly(
    invoke: Invoke, cache: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(bulk, "_read_batch", _die)
    direct = invoke("--no-cache", "--data", str(folder), "metric", "trademarks")
    result = invoke("--data", str(folder), "metric", "trademarks")
    assert result.exit_code == 0 and result.stdout == direct.stdout
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("ipcompare: note: cannot build the index")


def _die(batch: Any) -> Any:
    os._exit(3)


# -- the lean rows are the careful rows ----------------------------------------------------------------------------

TEXTS = [None, "trademarks", "件", "%", "万件", "个", "", "  ", "a\x1bb", "说明", 7, ["x"]]
YEARS = [None, 1899, 1900, 2015, 2019, 2020, 2021, 2024, 2025, 2026, 2100, 2101, True, "2025", 2025.0]
NUMBERS = [None, 0, 1, -1, 5.5, -0.5, 100, 100.5, 101, 10**15, 10**15 + 1, 1e15, True, "5", ["5"]]
FIELDS = {
    "metric": st.sampled_from(TEXTS),
    "year": st.sampled_from(YEARS),
    "since": st.sampled_from(YEARS),
    "value": st.sampled_from(NUMBERS),
    "range": st.one_of(st.sampled_from(NUMBERS), st.lists(st.sampled_from(NUMBERS[1:]), max_size=3)),
    "unit": st.sampled_from(TEXTS),
    "comparator": st.sampled_from([*TEXTS, *COMPARATORS]),
    "kind": st.sampled_from([*TEXTS, *KINDS]),
    "direction": st.sampled_from([*TEXTS, *DIRECTIONS]),
    "scope": st.sampled_from(TEXTS),
    "quote": st.sampled_from(TEXTS),
    "note": st.sampled_from(TEXTS),
    "unknown": st.just(1),
}
#: Figures that load and check clean, one of each shape; the test changes a field or two of one.
FINE: list[dict[str, Any]] = [
    {"metric": "trademarks", "year": 2025, "value": 9, "unit": "万件", "comparator": "reach", "kind": "level"},
    {"metric": "gi-count", "year": 2024, "range": [7, 10.5], "unit": "件", "comparator": "stated", "kind": "level"},
    {"metric": "trademarks", "year": 2025, "direction": "up", "scope": "national ones only"},
    {"metric": "agri-brands", "year": 2025, "value": 5, "unit": "个", "comparator": "stated", "kind": "increment"},
    {"metric": "trademarks", "year": 2025, "value": 12.5, "unit": "%", "comparator": "stated", "kind": "growth-rate"},
    {"metric": "x", "year": 2025, "value": 100, "unit": "%", "comparator": "reach", "kind": "share"},
    {"metric": "x", "year": 2025, "value": -3, "unit": "%", "comparator": "about", "kind": "unclear", "note": "n"},
    {
        "metric": "x",
        "year": 2025,
        "since": 2020,
        "value": -30,
        "unit": "件",
        "comparator": "stated",
        "kind": "flow-change",
    },
    {
        "metric": "x",
        "year": 2020,
        "since": 2016,
        "value": 50,
        "unit": "%",
        "comparator": "stated",
        "kind": "period-growth",
    },
]
CHANGE = st.sampled_from(list(FIELDS)).flatmap(lambda key: st.tuples(st.just(key), FIELDS[key]))


def _careful_row(data: dict[str, Any], plan: Plan, target: bool) -> tuple[Any, ...] | None:
    """What loading and checking the figure gives: figure_values, the period (targets), figure_fine, _figure_row."""
    values = loader.figure_values(data)
    if values is None:
        return None
    figure = made(Figure, {**values, "loc": Location("x.yaml", 3)})
    if target:
        figure = loader._over_the_period(figure, plan.period_start)
    if not validate.figure_fine(plan, figure, "target" if target else "baseline"):
        return None
    row = index._figure_row(plan.id, 0, figure, (None,) * 4, (0, 3))
    return row[2 : bulk.NORMAL] + row[bulk.NORMAL + 4 : -2]


@settings(max_examples=500, deadline=None, database=None)
@given(
    fine=st.sampled_from(FINE),
    changes=st.lists(CHANGE, max_size=2),
    gone=st.lists(st.sampled_from(list(FIELDS)), max_size=1),
    period=st.sampled_from([(2021, 2025), (2016, 2020), (2025, 2025)]),
    target=st.booleans(),
)
def test_a_figure_read_the_lean_way_is_checked_and_made_into_the_row_loading_gives(
    fine: dict[str, Any], changes: list[tuple[str, Any]], gone: list[str], period: tuple[int, int], target: bool
) -> None:
    data = {"quote": "有效注册商标量达到9万件", **fine, **dict(changes)}
    for key in gone:
        data.pop(key, None)
    start, end = period
    plan = Plan(id="p", region="r", title_zh="t", title_en="t", period_start=start, period_end=end, status=Status.FINAL)
    assert bulk._row(data, plan, target) == _careful_row(data, plan, target)


def test_every_shape_of_figure_is_read_the_lean_way() -> None:
    plan = Plan(id="p", region="r", title_zh="t", title_en="t", period_start=2021, period_end=2025, status=Status.FINAL)
    text = plans_file(1, 1)
    tree = bulk._Lean(text).build(text)
    targets, baselines = tree["plans"][0]["targets"], tree["plans"][0]["baselines"]
    assert [line for line, _ in targets] == [n for n, t in enumerate(text.splitlines(), 1) if "- metric:" in t][:8]
    for figures, target in ((targets, True), (baselines, False)):
        for _, data in figures:
            row = bulk._row(data, plan, target)
            assert row is not None and row == _careful_row(data, plan, target)


# -- helpers the build leans on ------------------------------------------------------------------------------------


def test_has_controls_finds_what_escape_controls_escapes() -> None:
    for code in [*range(0x3000), *range(0xFE00, 0xFFFE), 0x1F600, 0xE0001]:
        for text in (chr(code), f"达到{chr(code)}9万件"):
            assert has_controls(text) == (escape_controls(text) != text), hex(code)


def test_display_paths_are_display_path_of_each_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.yaml").write_text("", encoding="utf-8")
    outside = FIXTURES / "compare.yaml"
    for where in (tmp_path, tmp_path / "in", Path("/")):
        monkeypatch.chdir(where)
        files = real_data_paths([tmp_path / "in", outside, os.path.relpath(outside)], bundled=False)
        assert display_paths(files) == [display_path(given) for given, _ in files]
