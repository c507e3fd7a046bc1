"""`ipcompare validate` and the loader: every mistake reported at its file and line, never a traceback."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, PLAN, Invoke

import ipcompare


def test_shipped_data_is_valid(invoke: Invoke) -> None:
    result = invoke("validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("ok: 1 file(s), 6 plans")


def test_every_quote_occurs_in_its_source_document(invoke: Invoke, sources: list[str]) -> None:
    result = invoke("validate", *sources)
    assert result.exit_code == 0, result.stderr
    assert "every quote against its source" in result.stdout


def test_a_source_in_none_of_the_directories_is_reported(invoke: Invoke, seeds: Path) -> None:
    result = invoke("validate", "--sources", str(seeds))
    assert result.exit_code == 1
    assert re.search(r"targets\.yaml:\d+: plan 'china-14th-fyp': source facts\.md is not in .*seeds", result.stderr)


def test_a_quote_that_is_not_in_the_source_is_reported(
    invoke: Invoke, seeds: Path, write: Callable[[str, str], Path]
) -> None:
    mine = write(PLAN.replace("    targets:", "    source: 002_0dde06b395c12430.txt\n    targets:"))
    result = invoke("validate", str(mine), "--sources", str(seeds))
    assert result.exit_code == 1
    assert re.search(
        r"mine\.yaml:16: plan 'my-plan': target 1 \(trademarks 2025\): quote not found in "
        r"002_0dde06b395c12430\.txt",
        result.stderr,
    )


def test_ten_mistakes_are_all_reported_with_their_lines(invoke: Invoke) -> None:
    fixture = FIXTURES / "ten_mistakes.yaml"
    marked = [
        n
        for n, line in enumerate(fixture.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"# \d+ ", line)
    ]
    result = invoke("validate", str(fixture))
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(marked) == 10
    assert [int(re.match(r".*ten_mistakes\.yaml:(\d+): ", line).group(1)) for line in lines] == marked  # type: ignore[union-attr]
    expected = [
        "duplicate plan id 'xiangyang-14th-fyp'",
        "unknown region 'atlantis'",
        "status 'finished' is not one of: draft, final",
        "unknown key 'colour'",
        "unknown metric 'high-value-patent' (did you mean 'high-value-patents'?)",
        "unit '亿元' does not fit metric 'trademarks'",
        "year 2040 is outside the plan's period 2021-2025",
        "quantified target has no quote",
        "year must be a whole number, not text '2025年'",
        "duplicate key 'quote' (first at line 57)",
    ]
    for line, message in zip(lines, expected, strict=True):
        assert message in line


# One mistake per case: (what to change in a valid plan file, message expected, line expected).
CASES = [
    ("unknown key", ("    status: final\n", "    status: final\n    owner: me\n"), "unknown key 'owner'", 8),
    ("missing field", ("    title_en: My plan\n", ""), "missing field 'title_en'", 2),
    ("wrong type", ("        value: 9\n", "        value: nine\n"), "value must be a number, not text 'nine'", 11),
    (
        "unknown metric",
        ("metric: trademarks", "metric: trademark"),
        "unknown metric 'trademark' (did you mean 'trademarks', ",
        9,
    ),
    ("unknown region", ("region: xiangyang", "region: gotham"), "unknown region 'gotham'", 3),
    ("unit does not fit", ("unit: 万件", 'unit: "%"'), "unit '%' does not fit metric 'trademarks'", 12),
    ("unknown unit", ("unit: 万件", "unit: 斤"), "unknown unit '斤'", 12),
    (
        "year outside period",
        ("        year: 2025\n", "        year: 2030\n"),
        "year 2030 is outside the plan's period 2021-2025",
        10,
    ),
    ("no quote", ('        quote: "有效注册商标量达到9万件"\n', ""), "quantified target has no quote", 9),
    ("bad comparator", ("comparator: reach", "comparator: about-to"), "comparator 'about-to' is not one of", 13),
    ("backwards range", ("        value: 9\n", "        range: [10, 7]\n"), "range [10, 7] runs backwards", 11),
    ("unclear without note", ("kind: level", "kind: unclear"), "kind unclear needs a note", 14),
    (
        "neither value nor direction",
        ("        value: 9\n        unit: 万件\n        comparator: reach\n        kind: level\n", ""),
        "has neither a value, a range nor a direction",
        9,
    ),
    (
        "bad date",
        ("    status: final\n", "    status: final\n    issued: 2021-13-45\n"),
        "issued must be a date written YYYY-MM-DD",
        8,
    ),
    (
        "control character",
        ("title_zh: 我的规划", 'title_zh: "我的\\e[31m规划"'),
        "title_zh contains a control character",
        4,
    ),
    (
        "YAML syntax",
        ("    region: xiangyang\n", "    region: [xiangyang\n"),
        "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 3)",
        4,
    ),
    (
        "duplicate key",
        ("    status: final\n", "    status: final\n    status: draft\n"),
        "duplicate key 'status' (first at line 7)",
        8,
    ),
]


@pytest.mark.parametrize(("change", "message", "line"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_kind_of_mistake(
    invoke: Invoke, write: Callable[[str, str], Path], change: tuple[str, str], message: str, line: int | None
) -> None:
    old, new = change
    assert old in PLAN
    mine = write(PLAN.replace(old, new, 1))
    result = invoke("validate", str(mine))
    assert result.exit_code == 1
    assert result.stdout == ""
    problems = result.stderr.splitlines()
    assert len(problems) == 1, problems
    assert message in problems[0]
    prefix = f"{mine}:{line}: " if line is not None else f"{mine}:"
    assert problems[0].startswith(prefix) or problems[0].startswith(prefix.replace(str(mine), mine.name))


def test_unit_of_another_dimension_names_the_metric_unit(invoke: Invoke, write: Callable[[str, str], Path]) -> None:
    mine = write(PLAN.replace("unit: 万件", "unit: 亿元"))
    result = invoke("validate", str(mine))
    assert result.stderr.endswith("unit '亿元' does not fit metric 'trademarks', which is measured in 件\n")


@pytest.mark.parametrize("kind", ["metric", "region"])
def test_duplicate_catalogue_ids_point_at_the_first(
    invoke: Invoke, write: Callable[[str, str], Path], kind: str
) -> None:
    entry = {
        "metric": "metrics:\n  - id: trademarks\n    name_zh: 商标\n    name_en: T\n    unit: 件\n"
        "    higher_is_better: true\n",
        "region": "regions:\n  - id: taian\n    name_zh: 泰安\n    name_en: T\n    level: prefecture\n"
        "    parent: shandong\n",
    }[kind]
    result = invoke("validate", str(write(entry)))
    assert result.exit_code == 1
    assert re.fullmatch(
        rf".*mine\.yaml:2: duplicate {kind} id '\w+' \(first defined at .*targets\.yaml:\d+\)\n", result.stderr
    )


def test_baseline_after_the_plan_starts(invoke: Invoke, write: Callable[[str, str], Path]) -> None:
    text = PLAN + (
        "    baselines:\n      - metric: trademarks\n        year: 2023\n        value: 3\n"
        '        unit: 万件\n        comparator: exceed\n        kind: level\n        quote: "x"\n'
    )
    result = invoke("validate", str(write(text)))
    assert result.stderr.strip().endswith("baseline year 2023 is after the plan's start (2021)")
    assert ":18: " in result.stderr


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such file"),
        ("directory", "is a directory, not a data file"),
        ("latin1", "not UTF-8 text"),
        ("empty", "the file is empty"),
        ("list", "the file must be a mapping"),
    ],
)
def test_unreadable_files(invoke: Invoke, tmp_path: Path, setup: str, message: str) -> None:
    path = tmp_path / "data.yaml"
    if setup == "directory":
        path.mkdir()
    elif setup == "latin1":
        path.write_bytes("plans: [é]".encode("latin-1"))
    elif setup == "empty":
        path.write_text("", encoding="utf-8")
    elif setup == "list":
        path.write_text("- a\n- b\n", encoding="utf-8")
    result = invoke("plans", "--data", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr and "data.yaml" in result.stderr


def test_user_data_is_added_by_option_and_environment(invoke: Invoke, write: Callable[[str, str], Path]) -> None:
    mine = write(PLAN)
    for args, env in (
        (["--data", str(mine), "plans"], None),
        (["plans", "--data", str(mine)], None),
        (["plans"], {"IPCOMPARE_DATA": str(mine)}),
    ):
        result = invoke(*args, "-f", "json", env=env)
        assert result.exit_code == 0, result.stderr
        assert "my-plan" in result.stdout and "xiangyang-14th-fyp" in result.stdout


def test_no_bundled_leaves_the_shipped_data_out(invoke: Invoke, write: Callable[[str, str], Path]) -> None:
    catalogue = ipcompare.bundled_path().read_text(encoding="utf-8").split("\nplans:\n")[0]
    mine = write(catalogue + "\n" + PLAN)
    result = invoke("--no-bundled", "--data", str(mine), "plans", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "my-plan" in result.stdout and "xiangyang-14th-fyp" not in result.stdout


def test_no_bundled_without_data_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("--no-bundled", "plans")
    assert result.exit_code == 2
    assert result.stderr == (
        "ipcompare: error: no data to read: --no-bundled leaves out the shipped data, "
        "so name a file with --data or IPCOMPARE_DATA\n"
    )


def test_library_raises_data_error_with_every_problem() -> None:
    with pytest.raises(ipcompare.DataError) as caught:
        ipcompare.load([FIXTURES / "ten_mistakes.yaml"], env=False)
    assert len(caught.value.problems) == 10


REGION = "regions:\n  - id: lhasa\n    name_zh: 拉萨市\n    name_en: Lhasa\n    level: prefecture\n"
METRIC = "metrics:\n  - id: grain\n    name_zh: 粮食\n    name_en: Grain\n    higher_is_better: true\n"


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (REGION, "region 'lhasa': a prefecture region needs a parent", 2),
        (REGION + "    parent: tibet\n", "region 'lhasa': unknown parent region 'tibet'", 6),
        (REGION + "    parent: taian\n", "region 'lhasa': parent 'taian' is a prefecture, not above a prefecture", 6),
        (METRIC + "    unit: 斤\n", "metric 'grain': unknown unit '斤'", 6),
        (METRIC + "    related: [rice]\n", "metric 'grain': related metric 'rice' is not in the catalogue", 6),
        (
            METRIC + "    aliases: [驰名商标]\n",
            "metric 'grain': name '驰名商标' is also a name of metric 'well-known-trademarks'",
            6,
        ),
    ],
    ids=["no parent", "unknown parent", "parent not above", "metric unit", "related", "alias taken"],
)
def test_catalogue_mistakes(
    invoke: Invoke, write: Callable[[str, str], Path], text: str, message: str, line: int
) -> None:
    result = invoke("validate", str(write(text)))
    assert result.exit_code == 1
    assert result.stderr.endswith(f"mine.yaml:{line}: {message}\n")
    assert result.stderr.count("\n") == 1


def test_a_file_named_twice_is_read_once(invoke: Invoke, write: Callable[[str, str], Path]) -> None:
    """--data data/targets.yaml in a checkout, or a file given twice, is not a dataset of duplicates."""
    from ipcompare import bundled_path

    mine = write(PLAN)
    result = invoke("validate", "--data", str(mine), str(mine), "--data", str(bundled_path()))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("ok: 2 file(s), 7 plans")
