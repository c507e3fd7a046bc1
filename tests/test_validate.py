"""`ipcompare validate` and the loader: every mistake reported at its file and line, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, PLAN, REPO, SOURCES, Invoke, Write

import ipcompare


def _quoted(data: ipcompare.Dataset) -> int:
    """How many quotes the data has for validate to find: every figure's, and every census row."""
    figures = sum(1 for p in data.plans for f in (*p.targets, *p.baselines) if f.quote)
    outcomes = sum(1 for o in data.outcomes if o.document and o.figure.quote)
    return figures + outcomes + sum(1 for r in data.regions if r.population and r.population.quote)


def test_shipped_data_is_valid_and_every_quote_is_found_in_the_repository(invoke: Invoke) -> None:
    """No document outside the repository is needed: the sources travel with the data."""
    result = invoke("validate")
    assert result.exit_code == 0, result.stderr
    data = ipcompare.load(env=False)
    documents = {p.source for p in data.plans} | {r.population.document for r in data.regions if r.population}
    documents |= {o.document for o in data.outcomes}
    assert f"{_quoted(data)} quotes found in {len(documents - {None})} source documents" in result.stdout
    assert "not checked" not in result.stdout + result.stderr


def test_validate_sources_data_sources_passes(invoke: Invoke) -> None:
    result = invoke("validate", "--sources", str(SOURCES))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_no_plan_or_population_cites_a_path_outside_the_repository() -> None:
    data = ipcompare.load(env=False)
    cited = [p.source for p in data.plans] + [r.population.document for r in data.regions if r.population]
    cited += [o.document for o in data.outcomes]
    for name in cited:
        assert name is not None and not name.startswith(("/", "..")), name
        assert (SOURCES.parent / name).resolve().is_relative_to(SOURCES.resolve()), name
    text = (REPO / "data" / "targets.yaml").read_text(encoding="utf-8")
    assert "shared/" not in text and "facts.md" not in text


def _plan_with_source(write: Write, document: str | None, quote: str = "有效注册商标量达到9万件") -> Path:
    """conftest.PLAN citing `mine.txt`, written beside it with `document` as its text (None: no document)."""
    mine = write(
        PLAN.replace("    targets:", "    source: mine.txt\n    targets:").replace("有效注册商标量达到9万件", quote)
    )
    if document is not None:
        write(document, "mine.txt")
    return mine


def test_a_users_quotes_are_checked_against_the_document_beside_the_file(invoke: Invoke, write: Write) -> None:
    mine = _plan_with_source(write, "……到2025年，有效注册商标量达到9万件。")
    result = invoke("validate", str(mine))
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(
        r"ok: .*mine\.yaml: 1 plan, 1 target and baseline \(2 data files, \d+ metrics\); "
        r"1 quote found in 1 source document\n",
        result.stdout,
    )


def test_a_folder_named_is_checked_as_the_data_files_in_it(invoke: Invoke, write: Write) -> None:
    """`validate FOLDER` checks the plans of the folder's files, as `--data FOLDER` reads them."""
    mine = _plan_with_source(write, "有效注册商标量达到8万件")  # the document says 8, the quote 9
    result = invoke("validate", str(mine.parent))
    assert result.exit_code == 1 and "quote not found in its source mine.txt" in result.stderr
    write("有效注册商标量达到9万件", "mine.txt")
    result = invoke("validate", str(mine.parent))
    assert result.exit_code == 0, result.stderr
    assert "1 plan, 1 target and baseline" in result.stdout and "1 quote found" in result.stdout


def test_validate_file_sources_dir_checks_only_that_files_plans(invoke: Invoke, write: Write, tmp_path: Path) -> None:
    """The README's recipe for a new plan: its documents are in DIR, the shipped ones are not."""
    elsewhere = tmp_path / "docs"
    elsewhere.mkdir()
    (elsewhere / "mine.txt").write_text("有效注册商标量达到9万件", encoding="utf-8")
    mine = _plan_with_source(write, None)
    result = invoke("validate", str(mine), "--sources", str(elsewhere))
    assert result.exit_code == 0, result.stderr
    assert "1 plan," in result.stdout and "1 quote found in 1 source document" in result.stdout


def test_a_quote_not_in_its_source_is_told_apart_from_a_missing_document(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    mine = _plan_with_source(write, "有效注册商标量达到8万件")  # the document says 8, the quote 9
    other = write(
        PLAN.replace("my-plan", "other-plan").replace("    targets:", "    source: gone.txt\n    targets:"),
        "other.yaml",
    )
    result = invoke("validate", str(mine), str(other), "--sources", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert re.fullmatch(
        r".*mine\.yaml:16: plan 'my-plan': target 1 \(trademarks 2025\): quote not found in its source mine\.txt",
        lines[0],
    )
    assert re.fullmatch(
        r".*other\.yaml:\d+: plan 'other-plan': source document gone\.txt not found \(looked in .*\)", lines[1]
    )
    assert lines[2] == "ipcompare: 1 quote not found in its source; 1 source document not found or unreadable"
    assert result.stdout == ""


def test_without_sources_a_missing_document_is_said_but_not_an_error(invoke: Invoke, write: Write) -> None:
    mine = _plan_with_source(write, None)
    result = invoke("validate", str(mine))
    assert result.exit_code == 0
    assert re.fullmatch(
        r".*mine\.yaml:8: plan 'my-plan': source document mine\.txt not found \(looked in .*\); its quotes are not "
        r"checked \(name its folder with --sources\)\n",
        result.stderr,
    )
    assert result.stdout.endswith("0 quotes found in 0 source documents; not checked: 1 plan\n")


def test_with_sources_a_plan_naming_no_document_is_an_error(invoke: Invoke, write: Write, tmp_path: Path) -> None:
    result = invoke("validate", str(write(PLAN)), "--sources", str(tmp_path))
    assert result.exit_code == 1
    assert re.search(r"mine\.yaml:2: plan 'my-plan': names no source document\n", result.stderr)
    assert result.stderr.endswith("1 plan naming no source\n")


def test_sources_that_is_not_a_directory_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("validate", "--sources", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr == f"ipcompare: error: --sources: {tmp_path / 'nowhere'} is not a directory\n"


def test_a_census_row_that_does_not_hold_the_population_is_reported(invoke: Invoke, write: Write) -> None:
    region = (
        "regions:\n  - id: atlantis\n    name_zh: 亚特兰蒂斯\n    name_en: Atlantis\n    level: province\n"
        "    parent: china\n    population:\n      value: 1234567\n      year: 2020\n      source: made up\n"
        "      document: census.txt\n      quote: '| 亚特兰蒂斯 | 1,234,576 |'\n"
    )
    write("| 亚特兰蒂斯 | 1,234,576 |", "census.txt")
    result = invoke("validate", str(write(region)))
    assert result.exit_code == 1
    assert re.fullmatch(
        r".*mine\.yaml:7: region 'atlantis': population 1234567 is not in its quote '.*'\n", result.stderr
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
    invoke: Invoke, write: Write, change: tuple[str, str], message: str, line: int | None
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


def test_unit_of_another_dimension_names_the_metric_unit(invoke: Invoke, write: Write) -> None:
    mine = write(PLAN.replace("unit: 万件", "unit: 亿元"))
    result = invoke("validate", str(mine))
    assert result.stderr.endswith("unit '亿元' does not fit metric 'trademarks', which is measured in 件\n")


@pytest.mark.parametrize("kind", ["metric", "region"])
def test_a_catalogue_id_twice_in_one_file_points_at_the_first(invoke: Invoke, write: Write, kind: str) -> None:
    entry = {
        "metric": "  - id: things\n    name_zh: 物\n    name_en: T\n    unit: 件\n    higher_is_better: true\n",
        "region": "  - id: atlantis\n    name_zh: 亚特兰蒂斯\n    name_en: A\n    level: province\n    parent: china\n",
    }[kind]
    result = invoke("validate", str(write(f"{kind}s:\n{entry}{entry}")))
    assert result.exit_code == 1
    assert re.fullmatch(
        rf".*mine\.yaml:7: duplicate {kind} id '\w+' \(first defined at .*mine\.yaml:2\)\n", result.stderr
    )


@pytest.mark.parametrize("kind", ["metric", "region"])
def test_a_shipped_id_in_a_users_file_that_contradicts_it_names_both_places(
    invoke: Invoke, write: Write, kind: str
) -> None:
    entry = {
        "metric": "metrics:\n  - id: trademarks\n    name_zh: 商标\n",
        "region": "regions:\n  - id: taian\n    level: province\n",
    }[kind]
    result = invoke("validate", str(write(entry)))
    assert result.exit_code == 1
    field = {
        "metric": "name_zh '商标' contradicts '有效注册商标量'",
        "region": "level 'province' contradicts 'prefecture'",
    }
    assert re.fullmatch(rf".*mine\.yaml:3: {kind} '\w+': {field[kind]} at .*targets\.yaml:\d+\n", result.stderr), (
        result.stderr
    )


def test_baseline_after_the_plan_starts(invoke: Invoke, write: Write) -> None:
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
        ("directory", "a folder with no data files in it"),
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


def test_user_data_is_added_by_option_and_environment(invoke: Invoke, write: Write) -> None:
    mine = write(PLAN)
    for args, env in (
        (["--data", str(mine), "plans"], None),
        (["plans", "--data", str(mine)], None),
        (["plans"], {"IPCOMPARE_DATA": str(mine)}),
    ):
        result = invoke(*args, "-f", "json", env=env)
        assert result.exit_code == 0, result.stderr
        assert "my-plan" in result.stdout and "xiangyang-14th-fyp" in result.stdout


def test_no_bundled_leaves_the_shipped_data_out(invoke: Invoke, write: Write) -> None:
    catalogue = ipcompare.bundled_path().read_text(encoding="utf-8").split("\nplans:\n")[0]
    mine = write(catalogue + "\n" + PLAN)
    result = invoke("--no-bundled", "--data", str(mine), "plans", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "my-plan" in result.stdout and "xiangyang-14th-fyp" not in result.stdout


def test_no_bundled_without_data_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("--no-bundled", "plans")
    assert result.exit_code == 2
    assert result.stderr == (
        "ipcompare: error: no data to read: the shipped data is left out, and no data file is given; "
        "name a file with --data or IPCOMPARE_DATA\n"
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
            "metric 'grain': name '驰名商标' is also a name of metric 'well-known-trademarks' at",
            6,
        ),
    ],
    ids=["no parent", "unknown parent", "parent not above", "metric unit", "related", "alias taken"],
)
def test_catalogue_mistakes(invoke: Invoke, write: Write, text: str, message: str, line: int) -> None:
    result = invoke("validate", str(write(text)))
    assert result.exit_code == 1
    assert re.fullmatch(rf".*mine\.yaml:{line}: {re.escape(message)}.*\n", result.stderr)


def test_a_file_named_twice_is_read_once(invoke: Invoke, write: Write) -> None:
    """--data data/targets.yaml in a checkout, or a file given twice, is not a dataset of duplicates."""
    from ipcompare import bundled_path

    mine = write(PLAN)
    result = invoke("validate", "--data", str(mine), str(mine), "--data", str(bundled_path()))
    assert result.exit_code == 0 and "duplicate" not in result.stderr
    assert re.match(r"ok: .*mine\.yaml: 1 plan, .* \(2 data files, ", result.stdout)


# YAML 1.1 reads some values as something other than what they look like; each is one located error
# that says what to write instead. (the value as written, the key it is under, the line, the message)
ODD_VALUES = [
    ("value: 010", "value", 11, "a leading zero makes YAML read 010 as octal (8): write 10"),
    ("value: 1:30", "value", 11, "YAML reads 1:30 as a base-60 number (90): write the number itself"),
    ("value: .nan", "value", 11, ".nan is not a figure a plan can state"),
    ("value: .inf", "value", 11, ".inf is not a figure a plan can state"),
    ("value: -.inf", "value", 11, "-.inf is not a figure a plan can state"),
    ("value: 1.0e+300", "value", 11, "1.0e+300 is in exponent notation: write the number as the plan does"),
    ("value: 1e300", "value", 11, "1e300 is in exponent notation: write the number as the plan does"),
    ("value: 08", "value", 11, "08 has a leading zero: write 8"),
    ("value: 0x1A", "value", 11, "YAML reads 0x1A as hexadecimal (26)"),
    ("value: 12000000000000000", "value", 11, "too large to be a figure a plan states"),
    ("value: -9", "value", 11, "value is negative: a level cannot be below zero"),
    ("year: 99999", "year", 10, "year 99999 is not a year a plan can be about (1900-2100): write the four-digit year"),
    ("year: 025", "year", 10, "a leading zero makes YAML read 025 as octal (21): write 25"),
    ("year: 99999999999999999999", "year", 10, "year 99999999999999999999 is not a year a plan can be about (1900-"),
    ("year: " + "9" * 40, "year", 10, "is not a year a plan can be about (1900-2100): write the four-digit year"),
    ("year: 2025-01-01", "year", 10, "year must be a whole number, not a date (2025-01-01)"),
]


@pytest.mark.parametrize(("written", "key", "line", "message"), ODD_VALUES, ids=[v[0] for v in ODD_VALUES])
def test_a_value_that_does_not_mean_what_it_looks_like_is_one_located_error(
    invoke: Invoke, write: Write, written: str, key: str, line: int, message: str
) -> None:
    original = {"value": "value: 9", "year": "year: 2025"}[key]
    text = PLAN.replace(f"        {original}\n", f"        {written}\n", 1)
    assert text != PLAN
    result = invoke("validate", str(write(text)))
    assert result.exit_code == 1 and result.stdout == ""
    [error] = result.stderr.splitlines()
    assert re.fullmatch(rf".*mine\.yaml:{line}: plan 'my-plan': target 1.*: .*", error), error
    assert message in error, error


def test_a_range_with_an_octal_end_is_located(invoke: Invoke, write: Write) -> None:
    result = invoke("validate", str(write(PLAN.replace("value: 9", "range: [07, 010]"))))  # 07 is 7 either way
    assert result.exit_code == 1
    assert re.fullmatch(
        r".*mine\.yaml:11: .*range \[7, 010\]: a leading zero makes YAML read 010 as octal.*\n", result.stderr
    )


def test_a_share_above_100_percent_is_an_error(invoke: Invoke, write: Write) -> None:
    share = PLAN.replace("metric: trademarks", "metric: enforcement-closure-rate").replace("value: 9", "value: 120")
    share = share.replace("unit: 万件", 'unit: "%"').replace("kind: level", "kind: share")
    result = invoke("validate", str(write(share)))
    assert result.exit_code == 1
    assert "mine.yaml:11: " in result.stderr and "above 100%: a share cannot be more than the whole" in result.stderr


def test_a_nan_never_reaches_json(invoke: Invoke, write: Write) -> None:
    """The JSON a pipeline reads must parse strictly: the file with .nan is refused before any output."""
    result = invoke("--data", str(write(PLAN.replace("value: 9", "value: .nan"))), "metric", "trademarks", "-f", "json")
    assert result.exit_code == 1 and result.stdout == ""


# One way of matching names, for the validator and every lookup alike.
TWO_ALIASES = """\
metrics:
  - id: alpha
    name_zh: 甲
    name_en: Alpha
    unit: 件
    higher_is_better: true
    aliases: [alpha_beta]
  - id: beta
    name_zh: 乙
    name_en: Beta
    unit: 件
    higher_is_better: true
    aliases: [alpha-beta]
"""


def test_aliases_that_match_as_one_name_are_an_error(invoke: Invoke, write: Write) -> None:
    result = invoke("validate", str(write(TWO_ALIASES)))
    assert result.exit_code == 1
    assert re.fullmatch(
        r".*mine\.yaml:13: metric 'beta': name 'alpha-beta' is also a name of metric 'alpha' at .*mine\.yaml:2 "
        r"\(names match whatever their case, spaces, '-' and '_'\)\n",
        result.stderr,
    )


def test_full_width_and_spaced_names_find_the_metric(invoke: Invoke) -> None:
    """An input method gives ＰＣＴ; a user types 'High Value_Patents'."""
    data = ipcompare.load(env=False)
    assert data.metric("ＰＣＴ").id == "pct-applications"
    assert data.metric("High Value_Patents").id == "high-value-patents"
    assert invoke("metric", "ＰＣＴ", "-f", "json").exit_code == 0


def test_two_regions_sharing_a_name_are_an_error(invoke: Invoke, write: Write) -> None:
    region = "regions:\n  - id: xy2\n    name_zh: 新城\n    name_en: New town\n    level: prefecture\n"
    region += "    parent: hubei\n    aliases: [Xiangyang]\n"
    result = invoke("validate", str(write(region)))
    assert result.exit_code == 1
    assert re.fullmatch(
        r".*mine\.yaml:7: region 'xy2': name 'Xiangyang' is also a name of region 'xiangyang' "
        r"at .*targets\.yaml:\d+ .*\n",
        result.stderr,
    )


# A user's file may add to what is shipped, by naming its id.
def test_a_users_entry_adds_fields_to_a_shipped_region(invoke: Invoke, write: Write) -> None:
    hubei = "regions:\n  - id: hubei\n    population: {value: 57752557, year: 2020, source: a census bulletin}\n"
    data = ipcompare.load([write(hubei)], env=False)
    region = data.region("湖北")
    assert region.population is not None and region.population.value == 57752557
    assert region.level == ipcompare.Level.PROVINCE and region.parent == "china"  # the shipped fields stay


def test_a_users_aliases_are_added_to_a_shipped_metrics(invoke: Invoke, write: Write) -> None:
    more = write("metrics:\n  - id: trademarks\n    aliases: [商标存量]\n")
    data = ipcompare.load([more], env=False)
    assert data.metric("商标存量").id == "trademarks"
    assert data.metric("有效注册商标").id == "trademarks"  # a shipped alias still works
    assert invoke("--data", str(more), "metric", "商标存量", "-f", "json").exit_code == 0


def test_restating_a_shipped_value_is_not_a_contradiction(invoke: Invoke, write: Write) -> None:
    same = write("regions:\n  - id: taian\n    name_zh: 泰安市\n    level: prefecture\n")
    assert invoke("validate", str(same)).exit_code == 0


def test_a_partial_entry_for_a_new_id_is_missing_its_fields(invoke: Invoke, write: Write) -> None:
    result = invoke(
        "validate", str(write("regions:\n  - id: hunan\n    population: {value: 1, year: 2020, source: x}\n"))
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert sorted(re.sub(r"^.*mine\.yaml:", "", line) for line in lines) == [
        "2: region 'hunan': missing field 'level'",
        "2: region 'hunan': missing field 'name_en'",
        "2: region 'hunan': missing field 'name_zh'",
    ]


def test_a_number_where_text_belongs_is_told_to_be_quoted(invoke: Invoke, write: Write) -> None:
    result = invoke(
        "validate", str(write(PLAN.replace("    status: final\n", "    status: final\n    doc_number: 010\n")))
    )
    assert result.exit_code == 1
    assert re.fullmatch(
        r".*mine\.yaml:8: plan 'my-plan': doc_number must be text: YAML reads 010 as a number; put it in quotes "
        r"\('010'\)\n",
        result.stderr,
    )


def test_a_population_that_contradicts_the_shipped_one_names_both(invoke: Invoke, write: Write) -> None:
    other = "regions:\n  - id: xiangyang\n    population: {value: 5000000, year: 2020, source: another count}\n"
    result = invoke("validate", str(write(other)))
    assert result.exit_code == 1
    assert re.fullmatch(
        r".*mine\.yaml:3: region 'xiangyang': population 5000000 \(2020\) contradicts 5260951 \(2020\) at "
        r".*targets\.yaml:\d+\n",
        result.stderr,
    )


def test_a_catalogue_field_of_the_wrong_type_is_not_also_missing(invoke: Invoke, write: Write) -> None:
    metric = "metrics:\n  - id: things\n    name_zh: 123\n    name_en: T\n    higher_is_better: maybe\n"
    lines = invoke("validate", str(write(metric))).stderr.splitlines()
    assert [re.sub(r"^.*mine\.yaml:", "", line) for line in lines] == [
        "3: metric 'things': name_zh must be text: YAML reads 123 as a number; put it in quotes ('123')",
        "5: metric 'things': higher_is_better must be true or false, not text 'maybe'",
    ]


def test_a_gbk_source_document_is_read_and_its_quote_found(invoke: Invoke, write: Write, tmp_path: Path) -> None:
    mine = _plan_with_source(write, None)
    (tmp_path / "mine.txt").write_bytes("有效注册商标量达到9万件".encode("gbk"))
    result = invoke("validate", str(mine), "--sources", str(tmp_path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert "1 quote found in 1 source document" in result.stdout


def test_a_source_document_that_is_no_text_says_why_and_counts_alone(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    mine = _plan_with_source(write, None)
    (tmp_path / "mine.txt").write_bytes(b"\xff" * 12)
    result = invoke("validate", str(mine), "--sources", str(tmp_path))
    assert result.exit_code == 1
    first, summary = result.stderr.splitlines()
    assert re.fullmatch(
        r".*mine\.yaml:8: plan 'my-plan': cannot read source document .*mine\.txt: not UTF-8 or GB18030 text .*", first
    )
    assert summary == "ipcompare: 1 source document not found or unreadable"


def test_a_shipped_id_extended_twice_in_one_file_is_a_duplicate(invoke: Invoke, write: Write) -> None:
    twice = "regions:\n  - id: xiangyang\n    aliases: [xy]\n  - id: xiangyang\n    aliases: [xyc]\n"
    result = invoke("validate", str(write(twice)))
    assert result.exit_code == 1
    assert re.fullmatch(
        r".*mine\.yaml:4: duplicate region id 'xiangyang' \(first defined at .*mine\.yaml:2\)\n", result.stderr
    )


def test_one_missing_document_cited_twice_is_counted_once(invoke: Invoke, write: Write, tmp_path: Path) -> None:
    """A plan and a census row citing one missing document: one document, a plan and a population unchecked."""
    text = PLAN.replace("    targets:", "    source: doc.txt\n    targets:") + (
        "regions:\n  - id: atlantis\n    name_zh: 亚特兰蒂斯\n    name_en: Atlantis\n    level: province\n"
        "    parent: china\n    population: {value: 1234, year: 2020, source: made up, document: doc.txt, "
        "quote: '1,234'}\n"
    )
    mine = write(text)
    result = invoke("validate", str(mine))
    assert result.exit_code == 0 and len(result.stderr.splitlines()) == 2
    assert result.stdout.endswith("0 quotes found in 0 source documents; not checked: 1 plan and 1 population\n")
    strict = invoke("validate", str(mine), "--sources", str(tmp_path / "empty"))
    assert strict.exit_code == 2  # not a directory
    (tmp_path / "empty").mkdir()
    strict = invoke("validate", str(mine), "--sources", str(tmp_path / "empty"))
    assert strict.exit_code == 1
    assert strict.stderr.splitlines()[-1] == "ipcompare: 1 source document not found or unreadable"


def test_a_quote_may_run_across_a_line_break_of_its_document(invoke: Invoke, write: Write) -> None:
    mine = _plan_with_source(write, "到2025年，有效注册商标量\n    达到9万件。")
    assert invoke("validate", str(mine)).exit_code == 0
    spaced = _plan_with_source(write, "有效注册商标量达到9万件", quote="有效注册商标量 达到9万件")
    assert invoke("validate", str(spaced)).exit_code == 1  # a space the document does not have is not its words


def test_an_unknown_parent_is_not_suggested_as_the_metric_itself(invoke: Invoke, write: Write) -> None:
    metric = "metrics:\n  - id: my-metric\n    name_zh: 我的\n    name_en: Mine\n    unit: 件\n"
    result = invoke("validate", str(write(metric + "    higher_is_better: true\n    parent: my-metri\n")))
    assert result.exit_code == 1
    assert "parent metric 'my-metri' is not in the catalogue" in result.stderr
    assert "did you mean 'my-metric'" not in result.stderr


def test_a_data_file_saved_as_gbk_says_where_and_what_to_do(invoke: Invoke, tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes(PLAN.replace("我的规划", "我的規劃").encode("gbk"))
    result = invoke("validate", str(gbk))
    assert result.exit_code == 1
    assert re.fullmatch(r".*gbk\.yaml:4: not UTF-8 text \(.*\): save the file as UTF-8\n", result.stderr)


def test_a_second_national_region_is_refused(invoke: Invoke, write: Write) -> None:
    """One nation: its plans are what every region is set against."""
    path = write("regions:\n  - {id: nation-two, name_zh: 二国, name_en: Nation two, level: national}\n")
    result = invoke("--data", str(path), "validate")
    assert result.exit_code == 1
    assert re.search(
        r"mine\.yaml:2: region 'nation-two': a second national region \(the nation is 'china', at ", result.stderr
    )


@pytest.mark.parametrize("kind", ["growth-rate", "period-growth"])
def test_a_growth_below_minus_100_percent_is_an_error(invoke: Invoke, write: Write, kind: str) -> None:
    """-100% is a fall to nothing: -200% is a mistake, not a target."""
    rate = (
        PLAN.replace("value: 9", "value: -200")
        .replace("unit: 万件", 'unit: "%"')
        .replace("kind: level", f"kind: {kind}")
    )
    rate = rate.replace("kind: period-growth", "kind: period-growth\n        since: 2020")
    result = invoke("validate", str(write(rate)))
    assert (
        result.exit_code == 1 and f"value is below -100%: a {kind} cannot fall by more than the whole" in result.stderr
    )
    assert invoke("validate", str(write(rate.replace("value: -200", "value: -100")))).exit_code == 0


def test_numbers_in_messages_are_written_as_plans_write_them(invoke: Invoke, write: Write) -> None:
    """No exponent (5e-08, 1.23457e+06) and no rounding in a message: the number as the data has it."""
    backwards = PLAN.replace("value: 9", "range: [10, 0.00000005]")
    result = invoke("validate", str(write(backwards)))
    assert result.exit_code == 1 and "range [10, 0.00000005] runs backwards" in result.stderr
    misread = PLAN.replace("value: 9", "value: 1234567").replace("unit: 万件", "unit: 件")
    misread = misread.replace("有效注册商标量达到9万件", "有效注册商标量达到1234568件")
    result = invoke("validate", str(write(misread)))
    assert "value 1234567 件, but the quote says 1234568 件" in result.stderr
