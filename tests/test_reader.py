"""The reader on hard cases of plan language: each case is a sentence or two of its own, in general plan wording.

Every test asserts what a user would see in a figure: its indicator, value (or range), unit as written,
comparator, kind, year, role, and that its quote is the source's own characters holding the number.
Each case is its own small text, in general plan wording.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ipcompare.model import Comparator
from ipcompare.reader import (
    Reading,
    ReadKind,
    Role,
    chinese_number,
    expand,
    guess_period,
    normalise,
    read,
    scan,
    split_indicators,
)

#: A 十四五 plan: undated targets are for 2025, undated baselines for 2020.
PLAN = (2021, 2025)


@dataclass(frozen=True)
class Want:
    """What a user expects of one figure; `shows` is the number (and unit) as the source writes it."""

    indicator: str
    value: float | None
    unit: str
    comparator: Comparator
    kind: ReadKind
    year: int | None
    shows: str
    role: Role = Role.TARGET
    low: float | None = None
    high: float | None = None
    since: int | None = None


def fields(r: Reading) -> tuple[object, ...]:
    return (r.indicator, r.value, r.low, r.high, r.unit, r.comparator, r.kind, r.role, r.year, r.since)


def wanted(w: Want) -> tuple[object, ...]:
    return (w.indicator, w.value, w.low, w.high, w.unit, w.comparator, w.kind, w.role, w.year, w.since)


def assert_quoted(text: str, r: Reading, shows: str) -> None:
    """The quote is the source's own characters, found where the reading says, and holds the number."""
    assert r.quote, r
    assert r.quote in text
    assert text[r.start : r.end] == r.quote
    assert shows in r.quote, (shows, r.quote)
    assert r.number in normalise(r.quote).text, (r.number, r.quote)


def check(text: str, r: Reading, want: Want) -> None:
    assert fields(r) == wanted(want)
    assert_quoted(text, r, want.shows)


def one(text: str, period: tuple[int, int] | None = PLAN) -> Reading:
    readings = read(text, period=period)
    assert len(readings) == 1, readings
    return readings[0]


# ---------------------------------------------------------------------------------------------------
# Ranges


@pytest.mark.parametrize(
    ("text", "want"),
    [
        pytest.param(
            "到2025年，国家级知识产权示范企业达到7~10家。",
            Want(
                "国家级知识产权示范企业", None, "家", Comparator.REACH, ReadKind.LEVEL, 2025, "7~10家", low=7, high=10
            ),
            id="tilde",
        ),
        pytest.param(
            "到2025年，培育知识产权强县3至5个。",
            Want("知识产权强县", None, "个", Comparator.STATED, ReadKind.INCREMENT, 2025, "3至5个", low=3, high=5),
            id="zhi",
        ),
        pytest.param(
            "到2025年，建成知识产权服务业集聚区5-7家。",
            Want(
                "知识产权服务业集聚区", None, "家", Comparator.STATED, ReadKind.INCREMENT, 2025, "5-7家", low=5, high=7
            ),
            id="hyphen",
        ),
        pytest.param(
            "到2025年，知识产权密集型产业增加值占GDP比重达到10%～15%。",
            Want(
                "知识产权密集型产业增加值占GDP比重",
                None,
                "%",
                Comparator.REACH,
                ReadKind.SHARE,
                2025,
                "10%～15%",
                low=10,
                high=15,
            ),
            id="full-width-tilde-percent",
        ),
        pytest.param(
            "到2025年，培育知识产权示范企业7—10家。",
            Want("知识产权示范企业", None, "家", Comparator.STATED, ReadKind.INCREMENT, 2025, "7—10家", low=7, high=10),
            id="em-dash",
        ),
        pytest.param(
            "到2025年，培育国家级知识产权强县二至三个。",
            Want(
                "国家级知识产权强县", None, "个", Comparator.STATED, ReadKind.INCREMENT, 2025, "二至三个", low=2, high=3
            ),
            id="chinese-numerals",
        ),
    ],
)
def test_range(text: str, want: Want) -> None:
    r = one(text, period=None)
    check(text, r, want)
    assert (r.value, r.low, r.high) == (None, want.low, want.high)


# ---------------------------------------------------------------------------------------------------
# Chinese numerals


@pytest.mark.parametrize(
    ("text", "want"),
    [
        pytest.param(
            "到2025年，新增地理标志商标两件。",
            Want("地理标志商标", 2, "件", Comparator.STATED, ReadKind.INCREMENT, 2025, "两件"),
            id="liang",
        ),
        pytest.param(
            "到2025年，有效注册商标总量达到十万件。",
            Want("有效注册商标总量", 10, "万件", Comparator.REACH, ReadKind.LEVEL, 2025, "十万件"),
            id="shi-wan",
        ),
        pytest.param(
            "到2025年，建设知识产权工作站一百二十个。",
            Want("知识产权工作站", 120, "个", Comparator.STATED, ReadKind.INCREMENT, 2025, "一百二十个"),
            id="yibai-ershi",
        ),
        pytest.param(
            "到2025年，有效注册商标总量突破三万件。",
            Want("有效注册商标总量", 3, "万件", Comparator.EXCEED, ReadKind.LEVEL, 2025, "三万件"),
            id="san-wan",
        ),
        pytest.param(
            "到2025年，有效注册商标总量达到两千件。",
            Want("有效注册商标总量", 2000, "件", Comparator.REACH, ReadKind.LEVEL, 2025, "两千件"),
            id="liang-qian",
        ),
        pytest.param(
            "到2025年，有效注册商标总量达到一百零五件。",
            Want("有效注册商标总量", 105, "件", Comparator.REACH, ReadKind.LEVEL, 2025, "一百零五件"),
            id="zero-placeholder",
        ),
    ],
)
def test_chinese_numerals(text: str, want: Want) -> None:
    check(text, one(text), want)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一百二十", 120),
        ("两", 2),
        ("十", 10),
        ("十万", 100_000),
        ("三万", 30_000),
        ("两千", 2000),
        ("十二", 12),
        ("二十", 20),
        ("一万五千", 15_000),
        ("二〇三五", None),
        ("十三五", None),
        ("十四五", None),
        ("万", None),
        ("一一", None),
        ("", None),
        pytest.param("一百零五", 105),
        pytest.param("一万零五百", 10_500),
    ],
)
def test_chinese_number(text: str, value: int | None) -> None:
    assert chinese_number(text) == value


def test_one_alone_is_no_count() -> None:
    """一批, 一项: 一 is the article, not a figure."""
    assert read("到2025年，培育一批知识产权优势企业，实施一项知识产权强企工程。", period=PLAN) == []


# ---------------------------------------------------------------------------------------------------
# Traditional characters, scraper pinyin, full-width characters


def test_traditional_characters_and_pinyin() -> None:
    text = "到2025年，每萬人口高價值發(fā)明專利擁有量達到1.25件。"
    r = one(text)
    want = Want("每万人口高价值发明专利拥有量", 1.25, "件", Comparator.REACH, ReadKind.LEVEL, 2025, "1.25件")
    check(text, r, want)
    assert "發(fā)明專利" in r.quote
    assert r.quote == "每萬人口高價值發(fā)明專利擁有量達到1.25件"


def test_traditional_unit_is_simplified() -> None:
    text = "到2025年，知識產(chǎn)權(quán)質(zhì)押融資登記金額達到50億元。"
    r = one(text)
    assert (r.indicator, r.value, r.unit, r.comparator, r.year) == (
        "知识产权质押融资登记金额",
        50,
        "亿元",
        Comparator.REACH,
        2025,
    )
    assert_quoted(text, r, "50億元")
    assert "產(chǎn)權(quán)" in r.quote


def test_full_width_digits_and_punctuation() -> None:
    text = "到２０２５年，有效发明专利拥有量达到２万件。"
    r = one(text, period=None)
    check(text, r, Want("有效发明专利拥有量", 2, "万件", Comparator.REACH, ReadKind.LEVEL, 2025, "２万件"))


@pytest.mark.parametrize(
    ("words", "value", "unit", "comparator", "shows"),
    [
        ("每万人口高价值发明专利拥有量达到 3.6 件", 3.6, "件", Comparator.REACH, "3.6 件"),
        ("每万人口高价值发明专利拥有量达到３．６ 件", 3.6, "件", Comparator.REACH, "３．６ 件"),
        ("有效注册商标量达到\u00a012\u00a0万件", 12, "万件", Comparator.REACH, "12\u00a0万件"),
        ("知识产权质押融资金额年均增长 １５％ 以上", 15, "%", Comparator.AT_LEAST, "１５％ 以上"),
    ],
)
def test_a_space_between_a_number_and_its_unit_or_comparator(
    words: str, value: float, unit: str, comparator: Comparator, shows: str
) -> None:
    text = f"到2025年，{words}。"
    r = one(text)
    assert (r.value, r.unit, r.comparator, r.year) == (value, unit, comparator, 2025)
    assert_quoted(text, r, shows)


def test_full_width_decimal_point_baseline() -> None:
    text = "截至２０２０年底，全市有效发明专利拥有量达到１．２万件。"
    r = one(text)
    want = Want(
        "有效发明专利拥有量", 1.2, "万件", Comparator.REACH, ReadKind.LEVEL, 2020, "１．２万件", role=Role.BASELINE
    )
    check(text, r, want)


# ---------------------------------------------------------------------------------------------------
# Comparators


@pytest.mark.parametrize(
    ("text", "value", "unit", "comparator", "shows"),
    [
        pytest.param("到2025年，有效发明专利拥有量达到3万件。", 3, "万件", Comparator.REACH, "3万件", id="达到"),
        pytest.param("到2025年，有效注册商标总量突破20万件。", 20, "万件", Comparator.EXCEED, "20万件", id="突破"),
        pytest.param("到2025年，有效注册商标总量超过20万件。", 20, "万件", Comparator.EXCEED, "20万件", id="超过"),
        pytest.param(
            "到2025年，每万人口高价值发明专利拥有量达到8件以上。", 8, "件", Comparator.AT_LEAST, "8件以上", id="以上"
        ),
        pytest.param("到2025年，知识产权纠纷调解成功率不低于80%。", 80, "%", Comparator.AT_LEAST, "80%", id="不低于"),
        pytest.param(
            "到2025年，规上工业企业有效发明专利拥有量不少于5000件。",
            5000,
            "件",
            Comparator.AT_LEAST,
            "5000件",
            id="不少于",
        ),
        pytest.param(
            "到2025年，有效注册商标总量达到20万件左右。", 20, "万件", Comparator.ABOUT, "20万件左右", id="左右"
        ),
        pytest.param("到2025年，有效注册商标总量约20万件。", 20, "万件", Comparator.ABOUT, "约20万件", id="约"),
        pytest.param("到2025年，有效注册商标总量近20万件。", 20, "万件", Comparator.ABOUT, "近20万件", id="近"),
        pytest.param(
            "到2025年，知识产权保护社会满意度保持在80分。", 80, "分", Comparator.MAINTAIN, "80分", id="保持在"
        ),
        pytest.param(
            "到2025年，知识产权保护社会满意度保持在80分以上。",
            80,
            "分",
            Comparator.AT_LEAST,
            "80分以上",
            id="保持在-以上",
        ),
        pytest.param("到2025年，地理标志商标拥有量达到40余件。", 40, "件", Comparator.EXCEED, "40余件", id="余"),
        pytest.param(
            "到2025年，有效注册商标总量达到1.2万余件。",
            1.2,
            "万件",
            Comparator.EXCEED,
            "1.2万余件",
            id="万余",
        ),
        pytest.param("到2025年，有效发明专利拥有量3万件。", 3, "万件", Comparator.STATED, "3万件", id="no-word"),
    ],
)
def test_comparator(text: str, value: float, unit: str, comparator: Comparator, shows: str) -> None:
    r = one(text)
    assert (r.value, r.unit, r.comparator, r.year, r.role) == (value, unit, comparator, 2025, Role.TARGET)
    assert_quoted(text, r, shows)


# ---------------------------------------------------------------------------------------------------
# Kinds


@pytest.mark.parametrize(
    ("text", "want"),
    [
        pytest.param(
            "到2025年，有效发明专利拥有量达到3万件。",
            Want("有效发明专利拥有量", 3, "万件", Comparator.REACH, ReadKind.LEVEL, 2025, "3万件"),
            id="level",
        ),
        pytest.param(
            "到2025年，新增地理标志商标15件。",
            Want("地理标志商标", 15, "件", Comparator.STATED, ReadKind.INCREMENT, 2025, "15件"),
            id="increment-新增",
        ),
        pytest.param(
            "到2025年，培育国家知识产权示范企业30家。",
            Want("国家知识产权示范企业", 30, "家", Comparator.STATED, ReadKind.INCREMENT, 2025, "30家"),
            id="increment-培育",
        ),
        pytest.param(
            "到2025年，年度专利授权量达到1.2万件。",
            Want("专利授权量", 1.2, "万件", Comparator.REACH, ReadKind.FLOW, 2025, "1.2万件"),
            id="flow-年度",
        ),
        pytest.param(
            "“十四五”期间，每年新增作品登记5000件。",
            Want("作品登记", 5000, "件", Comparator.STATED, ReadKind.FLOW, 2025, "5000件"),
            id="flow-每年",
        ),
        pytest.param(
            "“十四五”期间，全市作品登记量每年保持在5000件以上。",
            Want("作品登记量", 5000, "件", Comparator.AT_LEAST, ReadKind.FLOW, 2025, "5000件以上"),
            id="flow-每年-after-indicator",
        ),
        pytest.param(
            "“十四五”期间，发明专利授权量年均增长12%。",
            Want("发明专利授权量", 12, "%", Comparator.STATED, ReadKind.GROWTH_RATE, 2025, "12%"),
            id="growth-rate",
        ),
        pytest.param(
            "到2025年，知识产权密集型产业增加值占GDP比重达到13%。",
            Want("知识产权密集型产业增加值占GDP比重", 13, "%", Comparator.REACH, ReadKind.SHARE, 2025, "13%"),
            id="share",
        ),
        pytest.param(
            "到2025年，知识产权服务业营业收入占比提升至15%。",
            Want("知识产权服务业营业收入占比", 15, "%", Comparator.REACH, ReadKind.SHARE, 2025, "15%"),
            id="share-提升至",
        ),
        pytest.param(
            "到2025年，知识产权服务业营业收入占比提高2个百分点。",
            Want("知识产权服务业营业收入占比", 2, "个百分点", Comparator.STATED, ReadKind.POINTS, 2025, "2个百分点"),
            id="points",
        ),
        pytest.param(
            "到2025年，知识产权保护社会满意度达到85分。",
            Want("知识产权保护社会满意度", 85, "分", Comparator.REACH, ReadKind.SCORE, 2025, "85分"),
            id="score",
        ),
        pytest.param(
            "到2025年，知识产权保护社会满意度提高到85分。",
            Want("知识产权保护社会满意度", 85, "分", Comparator.REACH, ReadKind.SCORE, 2025, "85分"),
            id="score-提高到",
        ),
        pytest.param(
            "到2025年，每万人口高价值发明专利拥有量位居全省第2位。",
            Want("每万人口高价值发明专利拥有量", 2, "位", Comparator.STATED, ReadKind.RANK, 2025, "第2位"),
            id="rank",
        ),
    ],
)
def test_kind(text: str, want: Want) -> None:
    check(text, one(text, period=None), want)


# ---------------------------------------------------------------------------------------------------
# Years and roles


@pytest.mark.parametrize(
    "when",
    ["到2025年", "至2025年", "2025年底", "到2025年底", "2025年末", "“十四五”末", "到“十四五”末", "十四五末"],
)
def test_target_year(when: str) -> None:
    text = f"{when}，有效发明专利拥有量达到3万件。"
    r = one(text, period=None)  # no period: the year must come from the sentence
    check(text, r, Want("有效发明专利拥有量", 3, "万件", Comparator.REACH, ReadKind.LEVEL, 2025, "3万件"))


def test_period_total_is_a_baseline_increment() -> None:
    text = "“十三五”期间，全市累计新增地理标志商标45件。"
    want = Want(
        "地理标志商标", 45, "件", Comparator.STATED, ReadKind.INCREMENT, 2020, "45件", role=Role.BASELINE, since=2016
    )
    check(text, one(text), want)


def test_as_of_end_of_year_is_a_baseline() -> None:
    text = "截至2020年底，全市有效发明专利拥有量达到1.2万件。"
    want = Want(
        "有效发明专利拥有量", 1.2, "万件", Comparator.REACH, ReadKind.LEVEL, 2020, "1.2万件", role=Role.BASELINE
    )
    check(text, one(text), want)


def test_from_baseline_to_target() -> None:
    text = "到2025年，有效发明专利拥有量由2020年的1.2万件增加到3万件。"
    readings = read(text, period=PLAN)
    assert [(r.indicator, r.value, r.unit, r.role, r.year) for r in readings] == [
        ("有效发明专利拥有量", 1.2, "万件", Role.BASELINE, 2020),
        ("有效发明专利拥有量", 3, "万件", Role.TARGET, 2025),
    ]


def test_as_of_a_year_of_the_period_under_a_basis_heading_is_a_baseline() -> None:
    """截至2021年底 in a 2021-2025 plan's 发展基础 reports the first year: baselines, not targets for 2021."""
    text = (
        "一、发展基础\n截至2021年底，全市有效注册商标量已达到1.23万件，每万人口发明专利拥有量2.4件，"
        "全年专利授权量1850件。\n二、发展目标\n到2025年，每万人口发明专利拥有量达到5件。"
    )
    readings = read(text, period=PLAN)
    assert [(r.value, r.role, r.year, r.kind) for r in readings] == [
        (1.23, Role.BASELINE, 2021, ReadKind.LEVEL),
        (2.4, Role.BASELINE, 2021, ReadKind.LEVEL),
        (1850, Role.BASELINE, 2021, ReadKind.FLOW),
        (5, Role.TARGET, 2025, ReadKind.LEVEL),
    ]


@pytest.mark.parametrize("when", ["截至2022年底，全市", "到2022年底，全市", "2022年，全市"])
def test_what_has_been_reached_under_a_basis_heading_is_a_baseline(when: str) -> None:
    text = f"一、发展现状\n{when}有效注册商标量已达到12.3万件。"
    want = Want("有效注册商标量", 12.3, "万件", Comparator.REACH, ReadKind.LEVEL, 2022, "12.3万件", role=Role.BASELINE)
    check(text, one(text), want)


def test_as_of_a_year_of_the_period_without_a_heading() -> None:
    """No section to say: 已 makes it what stood; without 已 it is read as a target, with a note to check."""
    reached = one("截至2022年底，全市有效注册商标量已达到12.3万件。")
    assert (reached.role, reached.year) == (Role.BASELINE, 2022)
    unsaid = one("截至2022年底，全市有效注册商标量达到12.3万件。")
    assert (unsaid.role, unsaid.year) == (Role.TARGET, 2022)
    assert any("截至" in n for n in unsaid.notes), unsaid.notes


def test_date_in_the_sentence_is_no_figure() -> None:
    text = "截至2021年9月30日，全市有效发明专利拥有量达到1.5万件。"
    r = one(text)
    assert (r.indicator, r.value, r.unit, r.year) == ("有效发明专利拥有量", 1.5, "万件", 2021)
    assert_quoted(text, r, "1.5万件")


# ---------------------------------------------------------------------------------------------------
# The section says baseline or target


BASIS = "一、发展基础\n全市有效发明专利拥有量达到1.2万件。"
GOALS = "二、发展目标\n全市有效发明专利拥有量达到3万件。"


def test_section_of_basis_gives_baselines() -> None:
    r = one(BASIS)
    want = Want(
        "有效发明专利拥有量", 1.2, "万件", Comparator.REACH, ReadKind.LEVEL, 2020, "1.2万件", role=Role.BASELINE
    )
    check(BASIS, r, want)
    assert r.section == "一、发展基础"


def test_a_period_the_sentence_does_not_name_is_said_in_a_note() -> None:
    """“十三五”期间 opens the section, or an earlier sentence: a later amount added is read over that period, and the
    note says the sentence itself names none (the period's total, or the last year's?)."""
    section = "一、发展基础\n“十三五”期间，全市知识产权工作取得显著成绩。\n奖励企业专利专项资金5000余万元。"
    [r] = [r for r in read(section, period=PLAN) if r.value == 5000]
    assert (r.kind, r.since, r.role) == (ReadKind.INCREMENT, 2016, Role.BASELINE)
    assert "counted from 2016, the period its section reports: the sentence names no period" in r.notes
    paragraph = "一、发展基础\n“十三五”期间，全市专利授权量增长77%。完成重大科技成果转化409项。"
    [r] = [r for r in read(paragraph, period=PLAN) if r.value == 409]
    assert (r.kind, r.since) == (ReadKind.INCREMENT, 2016)
    assert "counted from 2016, by “十三五”期间 in an earlier sentence: this one names no period" in r.notes
    own = "一、发展基础\n“十三五”期间，完成重大科技成果转化409项。"
    [r] = [r for r in read(own, period=PLAN) if r.value == 409]
    assert not [n for n in r.notes if n.startswith("counted from")]  # the sentence names its period itself


def test_section_of_goals_gives_targets() -> None:
    r = one(GOALS)
    check(GOALS, r, Want("有效发明专利拥有量", 3, "万件", Comparator.REACH, ReadKind.LEVEL, 2025, "3万件"))
    assert r.section == "二、发展目标"


def test_sections_in_one_text() -> None:
    text = f"{BASIS}\n{GOALS}"
    readings = read(text, period=PLAN)
    assert [(r.value, r.role, r.year, r.section) for r in readings] == [
        (1.2, Role.BASELINE, 2020, "一、发展基础"),
        (3, Role.TARGET, 2025, "二、发展目标"),
    ]
    for r, shows in zip(readings, ("1.2万件", "3万件"), strict=True):
        assert_quoted(text, r, shows)


def test_a_lead_in_year_is_the_year_of_its_list() -> None:
    """到2025年,…主要目标是: then a numbered list: the items are 2025's, not the end of a 2021-2035 period."""
    text = (
        "二、发展目标\n到2025年，知识产权强市建设取得明显成效，主要目标是：\n"
        "1.每万人口高价值发明专利拥有量达到7件；\n2.有效注册商标量达到25万件。\n"
        "到2035年，每万人口高价值发明专利拥有量达到15件以上。"
    )
    readings = read(text, period=(2021, 2035))
    assert [(r.value, r.unit, r.year) for r in readings] == [(7, "件", 2025), (25, "万件", 2025), (15, "件", 2035)]
    assert all("到2025年" in " ".join(r.notes) for r in readings[:2]), [r.notes for r in readings]
    assert readings[2].notes == ()


def test_a_year_in_a_heading_is_the_year_of_its_items() -> None:
    text = "到2025年主要目标：\n(一)每万人口高价值发明专利拥有量达到3件。\n三、重点任务\n培育知识产权示范企业20家。"
    readings = read(text, period=(2021, 2035))
    assert [(r.value, r.year) for r in readings] == [(3, 2025), (20, 2035)]  # a new section does not inherit it


@pytest.mark.parametrize("item", ["1.", "(一)", "（一）"])
def test_numbered_task_item(item: str) -> None:
    text = f"三、主要任务\n{item}培育知识产权示范企业20家。"
    r = one(text)
    assert (r.indicator, r.value, r.unit, r.kind) == ("知识产权示范企业", 20, "家", ReadKind.INCREMENT)
    assert_quoted(text, r, "20家")


# ---------------------------------------------------------------------------------------------------
# Several figures in a sentence


def test_sub_target_with_its_own_indicator() -> None:
    text = "到2025年，有效发明专利拥有量达到3万件，其中高价值发明专利拥有量达到1.2万件。"
    whole, part = read(text, period=PLAN)
    check(text, whole, Want("有效发明专利拥有量", 3, "万件", Comparator.REACH, ReadKind.LEVEL, 2025, "3万件"))
    check(text, part, Want("高价值发明专利拥有量", 1.2, "万件", Comparator.REACH, ReadKind.LEVEL, 2025, "1.2万件"))


def test_sub_target_without_a_verb() -> None:
    text = "到2025年，有效注册商标总量达到20万件，其中地理标志商标80件。"
    whole, part = read(text, period=PLAN)
    check(text, whole, Want("有效注册商标总量", 20, "万件", Comparator.REACH, ReadKind.LEVEL, 2025, "20万件"))
    assert (part.indicator, part.value, part.unit, part.comparator, part.year) == (
        "地理标志商标",
        80,
        "件",
        Comparator.STATED,
        2025,
    )
    assert_quoted(text, part, "80件")


@pytest.mark.parametrize("joint", ["、", "和"])
def test_one_number_for_two_indicators(joint: str) -> None:
    text = f"到2025年，发明专利申请量{joint}授权量年均增长15%。"
    readings = expand(read(text, period=PLAN))
    assert [r.indicator for r in readings] == ["发明专利申请量", "发明专利授权量"]
    for r in readings:
        assert (r.value, r.unit, r.kind, r.comparator, r.year) == (
            15,
            "%",
            ReadKind.GROWTH_RATE,
            Comparator.STATED,
            2025,
        )
        assert_quoted(text, r, "15%")


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("发明专利申请量、授权量", ["发明专利申请量", "发明专利授权量"]),
        ("发明专利申请量、授权量和有效发明专利拥有量", ["发明专利申请量", "发明专利授权量", "有效发明专利拥有量"]),
        ("企业、高校和科研院所发明专利申请量", ["企业、高校和科研院所发明专利申请量"]),
        ("有效发明专利拥有量", ["有效发明专利拥有量"]),
    ],
)
def test_split_indicators(name: str, parts: list[str]) -> None:
    assert split_indicators(name) == parts


def test_verb_far_from_its_numbers() -> None:
    text = "到2025年，新增国家知识产权示范企业20家、优势企业50家。"
    first, second = read(text, period=PLAN)
    check(text, first, Want("国家知识产权示范企业", 20, "家", Comparator.STATED, ReadKind.INCREMENT, 2025, "20家"))
    check(text, second, Want("优势企业", 50, "家", Comparator.STATED, ReadKind.INCREMENT, 2025, "50家"))


def test_at_least_after_a_count() -> None:
    text = "到2025年，培育知识产权优势企业100家以上。"
    want = Want("知识产权优势企业", 100, "家", Comparator.AT_LEAST, ReadKind.INCREMENT, 2025, "100家以上")
    check(text, one(text), want)


def test_respectively() -> None:
    text = "2020年，全市专利授权量达7092件，其中发明专利授权507件，较2015年分别增加4749件、278件。"
    readings = read(text, period=PLAN)
    assert len(readings) == 4, readings
    grants, inventions, more_grants, more_inventions = readings
    assert grants.indicator == "专利授权量"
    assert inventions.indicator.startswith("发明专利授权")
    assert [(r.value, r.kind, r.role, r.year, r.since) for r in readings] == [
        (7092, ReadKind.FLOW, Role.BASELINE, 2020, None),
        (507, ReadKind.FLOW, Role.BASELINE, 2020, None),
        (4749, ReadKind.FLOW_CHANGE, Role.BASELINE, 2020, 2015),
        (278, ReadKind.FLOW_CHANGE, Role.BASELINE, 2020, 2015),
    ]
    assert (more_grants.indicator, more_inventions.indicator) == (grants.indicator, inventions.indicator)
    for r, shows in zip(readings, ("7092件", "507件", "4749件", "278件"), strict=True):
        assert r.unit == "件"
        assert_quoted(text, r, shows)


@pytest.mark.parametrize(
    ("names", "first", "second"),
    [
        ("发明专利申请量、授权量", "发明专利申请量", "发明专利授权量"),
        ("国家知识产权示范企业和优势企业", "国家知识产权示范企业", "优势企业"),
    ],
)
def test_respectively_pairs_a_list_of_names_with_its_numbers_in_order(names: str, first: str, second: str) -> None:
    text = f"到2025年，{names}分别达到3000件、1200件。"
    readings = expand(read(text, period=PLAN))
    assert [(r.indicator, r.value, r.comparator, r.year) for r in readings] == [
        (first, 3000, Comparator.REACH, 2025),
        (second, 1200, Comparator.REACH, 2025),
    ]
    for r, shows in zip(readings, ("3000件", "1200件"), strict=True):
        assert_quoted(text, r, shows)
        assert any("分别" in n for n in r.notes), r.notes


def test_respectively_pairs_a_list_of_years_with_its_numbers_in_order() -> None:
    text = "PCT国际专利申请量2022年、2025年分别达到200件和300件。"
    readings = read(text, period=PLAN)
    assert [(r.indicator, r.value, r.year, r.comparator) for r in readings] == [
        ("PCT国际专利申请量", 200, 2022, Comparator.REACH),
        ("PCT国际专利申请量", 300, 2025, Comparator.REACH),
    ]
    for r, shows in zip(readings, ("200件", "300件"), strict=True):
        assert_quoted(text, r, shows)


@pytest.mark.parametrize(
    "words",
    [
        "发明专利申请量、授权量和PCT国际专利申请量分别达到3000件、1200件",
        "发明专利申请量2022年、2025年分别达到3000件、4000件和5000件",
        "知识产权质押融资金额、专利转让许可次数分别达到10亿元",
        "地理标志商标和马德里商标国际注册量分别达到20件",
        "规上工业企业有效发明专利拥有量分别达到300件、400件、500件",
    ],
)
def test_respectively_with_lists_that_do_not_pair_reads_neither_and_says_so(words: str) -> None:
    text = f"到2025年，{words}；有效注册商标量达到5万件。"
    readings, unread = scan(text, period=PLAN)
    assert [(r.indicator, r.value) for r in readings] == [("有效注册商标量", 5)]
    assert len(unread) == 1
    assert unread[0].quote in text and "分别" in unread[0].quote
    assert "which is whose is not clear" in unread[0].why


# ---------------------------------------------------------------------------------------------------
# Numbers that are no figures


NOT_FIGURES = [
    pytest.param("本规划自2021年9月30日起施行。", id="date"),
    pytest.param("根据《关于加强知识产权保护工作的通知》(赣府办发〔2021〕18号)，制定本方案。", id="document-number"),
    pytest.param("一、总体要求", id="section-一、"),
    pytest.param("(一)指导思想", id="section-(一)"),
    pytest.param("1.加强知识产权保护", id="section-1."),
    pytest.param("深入贯彻《知识产权强国建设纲要(2021—2035年)》。", id="title-years"),
    pytest.param("构建知识产权“1+N”政策体系。", id="1+N"),
    pytest.param("贯彻落实市委第三次会议精神。", id="第三次会议"),
    pytest.param("根据国民经济和社会发展第十四个五年规划纲要编制。", id="第十四个五年规划"),
    pytest.param("统筹推进“五位一体”总体布局。", id="五位一体-quoted"),
    pytest.param("统筹推进五位一体总体布局。", id="五位一体"),
    pytest.param("专利侵权纠纷案件在受理后6个月内办结。", id="6个月内"),
    pytest.param("对符合条件的项目给予不超过三分之一的资助。", id="三分之一"),
    pytest.param("知识产权工作十分重要。", id="十分重要"),
    pytest.param("每万人口高价值发明专利拥有量稳步提高。", id="每万人口"),
    pytest.param(
        "坚持四个最严要求，强化知识产权保护。",
        id="四个最严",
    ),
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_no_figure(text: str) -> None:
    assert read(text, period=PLAN) == []


def test_sections_of_one_heading_give_nothing() -> None:
    assert read("一、总体要求\n(一)指导思想\n1.加强知识产权保护。", period=PLAN) == []


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_no_figure_beside_a_figure(text: str) -> None:
    """The same words before a real figure: only the figure is read."""
    full = text.rstrip("。") + "，培育知识产权示范企业20家。"
    r = one(full)
    assert (r.indicator, r.value, r.unit, r.kind) == ("知识产权示范企业", 20, "家", ReadKind.INCREMENT)
    assert_quoted(full, r, "20家")


# ---------------------------------------------------------------------------------------------------
# Text cut off


@pytest.mark.parametrize(
    "rest",
    [
        pytest.param("，专利质押融资登记金额达到", id="before-the-number"),
        pytest.param("。地理标志商标拥有量达到120", id="before-the-unit"),
        pytest.param("。专利质押融资登记金额达到50亿", id="before-元"),
        pytest.param("。知识产权服务业营业收入占比提高3个百分", id="inside-the-unit"),
    ],
)
def test_truncated_text(rest: str) -> None:
    text = "到2025年，有效发明专利拥有量达到3万件" + rest
    r = one(text)
    check(text, r, Want("有效发明专利拥有量", 3, "万件", Comparator.REACH, ReadKind.LEVEL, 2025, "3万件"))


def test_a_text_that_ends_after_a_whole_figure_is_complete() -> None:
    """No full stop, but nothing after the unit: the number is whole (only a clause that stops early is cut off)."""
    for text in ("到2025年，有效发明专利拥有量达到3万件", "到2025年，有效发明专利拥有量达到3万件 \n"):
        check(text, one(text), Want("有效发明专利拥有量", 3, "万件", Comparator.REACH, ReadKind.LEVEL, 2025, "3万件"))


@pytest.mark.parametrize("item", ["（一）", "1.", "(1)"])
def test_list_items_without_full_stops_are_figures_not_headings(item: str) -> None:
    text = f"到2025年主要目标：\n{item}有效注册商标量达到5万件\n{item}知识产权质押融资金额达到20亿元\n三、重点任务\n"
    readings = read(text, period=PLAN)
    assert [(r.indicator, r.value, r.unit, r.year, r.role) for r in readings] == [
        ("有效注册商标量", 5, "万件", 2025, Role.TARGET),
        ("知识产权质押融资金额", 20, "亿元", 2025, Role.TARGET),
    ]
    for r, shows in zip(readings, ("5万件", "20亿元"), strict=True):
        assert_quoted(text, r, shows)


# ---------------------------------------------------------------------------------------------------
# Idioms


def test_breakthrough_from_zero() -> None:
    text = "到2025年，国家级知识产权示范企业实现零的突破。"
    r = one(text)
    assert (r.indicator, r.value, r.comparator, r.kind, r.role, r.year) == (
        "国家级知识产权示范企业",
        1,
        Comparator.AT_LEAST,
        ReadKind.LEVEL,
        Role.TARGET,
        2025,
    )
    assert_quoted(text, r, "零的突破")
    assert any("read as" in n for n in r.notes), r.notes


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("到2025年，规上工业企业知识产权贯标全覆盖。", id="全覆盖"),
        pytest.param(
            "到2025年，规上工业企业知识产权贯标实现全覆盖。",
            id="实现全覆盖",
        ),
    ],
)
def test_full_coverage(text: str) -> None:
    r = one(text)
    assert (r.indicator, r.value, r.unit, r.comparator, r.kind, r.year) == (
        "规上工业企业知识产权贯标",
        100,
        "%",
        Comparator.REACH,
        ReadKind.SHARE,
        2025,
    )
    assert_quoted(text, r, "全覆盖")
    assert any("read as" in n for n in r.notes), r.notes


def test_places_counted_as_context_give_no_figure() -> None:
    text = "一、发展基础\n全省11个设区市、100个县（市、区）均已建立知识产权维权援助工作机制，培育知识产权优势企业50家。"
    assert [(r.value, r.unit) for r in read(text, period=PLAN)] == [(50, "家")]


def test_growth_since_a_year_is_over_the_period_not_a_yearly_rate() -> None:
    text = "一、发展基础\n截至2020年底，全省有效发明专利达到1.2万件，较2015年增长150%。"
    growth = [r for r in read(text, period=PLAN) if r.unit == "%"]
    assert [(r.kind, r.since, r.year, r.role) for r in growth] == [(ReadKind.PERIOD_GROWTH, 2015, 2020, Role.BASELINE)]


def test_two_years_in_one_sentence_each_number_takes_its_own() -> None:
    text = "一、发展基础\n知识产权保护社会满意度由2017年的72.5分提高到2020年的79.3分。"
    readings = read(text, period=PLAN)
    assert [(r.value, r.year, r.kind, r.indicator) for r in readings] == [
        (72.5, 2017, ReadKind.SCORE, "知识产权保护社会满意度"),
        (79.3, 2020, ReadKind.SCORE, "知识产权保护社会满意度"),
    ]


def test_a_part_takes_the_kind_of_its_whole() -> None:
    text = "二、发展目标\n到2025年，知识产权质押融资登记金额累计达到50亿元，其中专利质押融资登记金额不低于35亿元。"
    whole, part = read(text, period=PLAN)
    assert part.kind == whole.kind and part.comparator == Comparator.AT_LEAST


def test_an_indicator_table_gives_one_figure_per_year_column() -> None:
    text = (
        "专栏1 主要指标\n指标名称\u30002020年\u30002025年\u3000指标属性\n"
        "1.每万人口发明专利拥有量（件）\u30002.61\u30006\u3000预期性\n"
        "2.年度PCT国际专利申请量（件）\u3000232\u3000500\u3000预期性\n\n四、重点任务\n"
    )
    readings = read(text, period=PLAN)
    assert [(r.indicator, r.value, r.unit, r.year, r.role, r.kind) for r in readings] == [
        ("每万人口发明专利拥有量", 2.61, "件", 2020, Role.BASELINE, ReadKind.LEVEL),
        ("每万人口发明专利拥有量", 6, "件", 2025, Role.TARGET, ReadKind.LEVEL),
        ("年度PCT国际专利申请量", 232, "件", 2020, Role.BASELINE, ReadKind.FLOW),
        ("年度PCT国际专利申请量", 500, "件", 2025, Role.TARGET, ReadKind.FLOW),
    ]
    assert readings[1].quote == "每万人口发明专利拥有量（件）\u30002.61\u30006"
    assert all(text[r.start : r.end] == r.quote for r in readings)


@pytest.mark.parametrize("sep", ["\t", "   "])
def test_an_indicator_table_with_a_number_column_reads_the_year_columns(sep: str) -> None:
    """序号 before the name, 年均增速 after the years: each year column's cell is read, nothing else."""
    rows = [
        ["序号", "指标名称", "2020年", "2025年", "年均增速"],
        ["1", "每万人口发明专利拥有量(件)", "3.2", "6.0", "13.4%"],
        ["2", "PCT国际专利申请量(件)", "12", "30", "20.1%"],
    ]
    text = "主要发展指标\n" + "\n".join(sep.join(row) for row in rows) + "\n"
    readings = read(text, period=PLAN)
    assert [(r.indicator, r.value, r.unit, r.year, r.role) for r in readings] == [
        ("每万人口发明专利拥有量", 3.2, "件", 2020, Role.BASELINE),
        ("每万人口发明专利拥有量", 6, "件", 2025, Role.TARGET),
        ("PCT国际专利申请量", 12, "件", 2020, Role.BASELINE),
        ("PCT国际专利申请量", 30, "件", 2025, Role.TARGET),
    ]
    assert all(text[r.start : r.end] == r.quote for r in readings)


def test_table_cells_are_read_by_their_column() -> None:
    """An empty baseline cell (—) does not move the target's number into the baseline's year."""
    text = "指标名称\t2020年\t2025年\t属性\n知识产权质押融资额(亿元)\t—\t8\t预期性\n"
    assert [(r.value, r.year) for r in read(text, period=PLAN)] == [(8, 2025)]


def test_an_empty_table_cell_between_tabs_keeps_its_column() -> None:
    """2\t地理标志商标数量(件)\t\t30: no 2020 figure, 30 for 2025 (the row was said not to line up)."""
    text = "序号\t指标名称\t2020年\t2025年\t属性\n2\t地理标志商标数量（件）\t\t30\t预期性\n"
    readings, unread = scan(text, period=PLAN)
    assert [(r.indicator, r.value, r.year, r.role) for r in readings] == [("地理标志商标数量", 30, 2025, Role.TARGET)]
    assert readings[0].quote == "地理标志商标数量（件）\t\t30"
    assert unread == []


def test_table_cells_with_signs_and_brackets() -> None:
    """>3.5 exceeds 3.5; [5] is the period's total (累计), as plan tables write it; <2 is a ceiling, not read."""
    text = (
        "指标\t2020年\t2025年\n有效注册商标量(万件)\t2.1\t>3.5\n知识产权质押融资额(亿元)\t1.5\t[5]\n"
        "专利侵权纠纷结案周期(月)\t4\t<2\n"
    )
    readings, unread = scan(text, period=PLAN)
    got = [(r.indicator, r.value, r.year, r.comparator, r.kind, r.since) for r in readings if r.year == 2025]
    assert got == [
        ("有效注册商标量", 3.5, 2025, Comparator.EXCEED, ReadKind.LEVEL, None),
        ("知识产权质押融资额", 5, 2025, Comparator.STATED, ReadKind.INCREMENT, 2021),
    ]
    assert any("[5]" in n and "累计" in n for r in readings for n in r.notes)
    assert [u.why for u in unread] == ["2025: <2 is an upper bound (a ceiling, not a point)"]
    assert unread[0].quote in text


def test_a_line_after_a_target_year_is_a_target_without_asking() -> None:
    text = "到2025年，每万人口高价值发明专利拥有量达到4.2件。\n地理标志商标数量达到12件。"
    last = read(text, period=PLAN)[-1]
    assert (last.value, last.role, last.year) == (12, Role.TARGET, 2025)
    assert not any("neither" in n for n in last.notes), last.notes


@pytest.mark.parametrize(
    ("words", "word"),
    [
        ("专利侵权纠纷平均结案周期控制在3个月以内，知识产权侵权案件发生率控制在5%以内", "控制在"),
        ("商标异议平均审查周期压减，知识产权侵权案件发生率在3.6%以下", "以下"),
        ("知识产权侵权案件发生率不超过5%", "不超过"),
        ("知识产权侵权案件发生率低于5%", "低于"),
    ],
)
def test_a_ceiling_is_no_point_target_and_is_said(words: str, word: str) -> None:
    """There is no at-most comparator: a ceiling is left out (never compared as a point) with why."""
    text = f"到2025年，{words}；有效注册商标量达到5万件。"
    readings, unread = scan(text, period=PLAN)
    assert [(r.indicator, r.value) for r in readings] == [("有效注册商标量", 5)]
    ceilings = [u for u in unread if "ceiling" in u.why]  # 3个月以内 is said too, as a time, not a ceiling
    assert len(ceilings) == 1
    assert "%" in ceilings[0].quote
    assert ceilings[0].quote in text and ceilings[0].why.startswith(f"{word}: a ceiling")


def test_not_lower_than_is_a_floor_not_a_ceiling() -> None:
    r = one("到2025年，知识产权行政执法结案率不低于95%。")
    assert (r.value, r.comparator) == (95, Comparator.AT_LEAST)


# ---------------------------------------------------------------------------------------------------
# An indicator elided across clauses


@pytest.mark.parametrize(
    ("first", "later", "want"),
    [
        (
            "到2023年，每万人口高价值发明专利拥有量达到5件",
            "；到2025年，达到7件；到2035年，达到15件以上。",
            [(2025, 7, "件", Comparator.REACH), (2035, 15, "件", Comparator.AT_LEAST)],
        ),
        (
            "到2022年，有效注册商标量突破5000件",
            "；到2025年，力争达到1.2万件。",
            [(2025, 1.2, "万件", Comparator.REACH)],
        ),
    ],
)
def test_a_later_horizon_with_no_indicator_takes_the_one_before(
    first: str, later: str, want: list[tuple[int, float, str, Comparator]]
) -> None:
    """到2025年,达到7件 after a figure of the same unit repeats its indicator: read, with a note to review."""
    text = first + later
    readings, unread = scan(text, period=(2021, 2035))
    head, *rest = readings
    assert [(r.year, r.value, r.unit, r.comparator) for r in rest] == want
    for r in rest:
        assert (r.indicator, r.kind, r.role) == (head.indicator, head.kind, Role.TARGET)
        assert any(n.startswith("indicator taken from the clause before") for n in r.notes), r.notes
        assert_quoted(text, r, r.number)
    assert unread == []


@pytest.mark.parametrize("part", ["；其中，新增国家级示范机构2家", "，其中国家级示范机构2家"])
def test_an_elided_indicator_is_the_whole_not_its_part(part: str) -> None:
    """A 其中 part between is no new subject: 到2025年,达到15家 is the whole's, not the part's."""
    text = f"到2023年，专利代理机构达到10家{part}；到2025年，达到15家。"
    readings, unread = scan(text, period=(2021, 2025))
    assert [(r.indicator, r.year, r.value) for r in readings] == [
        ("专利代理机构", 2023, 10),
        ("国家级示范机构", 2023, 2),
        ("专利代理机构", 2025, 15),
    ]
    assert any(n.startswith("indicator taken from the clause before") for n in readings[-1].notes)
    assert_quoted(text, readings[-1], "15家")
    assert unread == []


@pytest.mark.parametrize(
    "later",
    [
        "；到2025年，达到70家。",  # another unit: another indicator
        "；企业数量明显增加，到2025年，达到7件。",  # another subject between
        "。\n到2025年，达到7件。",  # another line
    ],
)
def test_an_elided_indicator_is_not_taken_across_a_unit_a_subject_or_a_line(later: str) -> None:
    text = "到2023年，每万人口高价值发明专利拥有量达到5件" + later
    readings, unread = scan(text, period=(2021, 2035))
    assert [(r.year, r.value) for r in readings] == [(2023, 5)]
    assert len(unread) == 1 and unread[0].why.startswith("no indicator"), unread
    assert unread[0].quote in text and "7" in unread[0].quote


# ---------------------------------------------------------------------------------------------------
# Years in names, numbers that set a scene


@pytest.mark.parametrize(
    "name",
    ["落实2021年中央一号文件精神", "按照2022年政府工作报告部署", "贯彻2020年全国知识产权局局长会议要求"],
)
def test_a_year_that_begins_a_document_or_event_name_is_no_horizon(name: str) -> None:
    """2021年中央一号文件 names a document: its figures are not set for 2021, and the draft says the year is assumed."""
    text = f"{name}，新增国家知识产权示范企业10家。"
    r = one(text)
    assert (r.indicator, r.value, r.unit, r.kind) == ("国家知识产权示范企业", 10, "家", ReadKind.INCREMENT)
    assert (r.role, r.year) == (Role.TARGET, 2025)
    assert any("no year in the sentence" in n for n in r.notes), r.notes
    assert_quoted(text, r, "10家")


def test_a_year_before_an_event_the_sentence_reports_stays_its_time() -> None:
    r = one("2020年，我市举办知识产权博览会，新增国家知识产权示范企业10家。")
    assert (r.role, r.year, r.value) == (Role.BASELINE, 2020, 10)


@pytest.mark.parametrize(
    "scene",
    ["围绕“十大产业链”和3个千亿级产业集群", "聚焦5个重点产业", "依托2个国家级园区"],
)
def test_a_number_in_a_clause_of_scope_sets_the_scene(scene: str) -> None:
    """围绕…3个产业集群, 建设1个中心: the clause of 围绕 says what the work is about; only the center is a figure."""
    text = f"到2025年，{scene}，建设1个国家级知识产权保护中心。"
    assert [(r.indicator, r.value, r.year) for r in read(text, period=PLAN)] == [("国家级知识产权保护中心", 1, 2025)]


def test_a_verb_after_a_preposition_of_scope_still_governs_its_number() -> None:
    r = one("到2025年，围绕重点产业培育10家知识产权示范企业。")
    assert (r.indicator, r.value, r.kind) == ("知识产权示范企业", 10, ReadKind.INCREMENT)


# ---------------------------------------------------------------------------------------------------
# Numbers in words, years in Chinese numerals, ranges that repeat their multiplier


@pytest.mark.parametrize(
    ("words", "want"),
    [
        (
            "专利密集型产业增加值占GDP比重达到百分之十五",
            Want("专利密集型产业增加值占GDP比重", 15, "%", Comparator.REACH, ReadKind.SHARE, 2025, "百分之十五"),
        ),
        (
            "知识产权行政执法结案率达到百分之九十五以上",
            Want("知识产权行政执法结案率", 95, "%", Comparator.AT_LEAST, ReadKind.SHARE, 2025, "百分之九十五以上"),
        ),
        (
            "知识产权行政执法结案率达到百分之九十二点五",
            Want("知识产权行政执法结案率", 92.5, "%", Comparator.REACH, ReadKind.SHARE, 2025, "百分之九十二点五"),
        ),
        (
            "知识产权行政执法结案率达到百分之九十至百分之九十五",
            Want(
                "知识产权行政执法结案率",
                None,
                "%",
                Comparator.REACH,
                ReadKind.SHARE,
                2025,
                "百分之九十至百分之九十五",
                low=90,
                high=95,
            ),
        ),
    ],
)
def test_a_per_cent_in_words(words: str, want: Want) -> None:
    text = f"到2025年，{words}。"
    check(text, one(text), want)


def test_a_ceiling_in_words_is_said_not_read() -> None:
    readings, unread = scan("到2025年，知识产权侵权案件发生率不超过百分之五。", period=PLAN)
    assert readings == []
    assert len(unread) == 1 and unread[0].why.startswith("不超过: a ceiling"), unread


@pytest.mark.parametrize("year", ["二〇三〇年", "二○三〇年", "二零三零年"])
def test_a_year_in_chinese_numerals(year: str) -> None:
    text = f"到{year}，有效注册商标量达到5万件。"
    r = one(text, period=(2021, 2035))
    assert (r.year, r.role, r.value, r.unit) == (2030, Role.TARGET, 5, "万件")
    assert_quoted(text, r, "5万件")


def test_a_plan_period_in_chinese_numerals() -> None:
    text = "某市知识产权强市建设纲要（二〇二一—二〇三五年）\n有效注册商标量达到5万件。"
    r = one(text, period=None)
    assert (r.year, r.role) == (2035, Role.TARGET)


@pytest.mark.parametrize(
    ("words", "low", "high", "unit"),
    [("5万-6万件", 5, 6, "万件"), ("1.2亿—1.5亿元", 1.2, 1.5, "亿元"), ("五万至六万件", 5, 6, "万件")],
)
def test_a_range_that_repeats_its_multiplier(words: str, low: float, high: float, unit: str) -> None:
    text = f"到2025年，有效注册商标量达到{words}。"
    r = one(text)
    assert (r.value, r.low, r.high, r.unit, r.comparator) == (None, low, high, unit, Comparator.REACH)
    assert_quoted(text, r, words)


def test_a_range_whose_ends_differ_in_magnitude_is_said_not_read() -> None:
    readings, unread = scan("到2025年，有效注册商标量达到5万-6亿件。", period=PLAN)
    assert readings == []
    assert len(unread) == 1 and "magnitudes" in unread[0].why


def test_doubling_since_a_year_is_a_growth_over_the_period() -> None:
    text = "到2025年，PCT国际专利申请量比2020年翻一番。"
    r = one(text)
    check(
        text,
        r,
        Want("PCT国际专利申请量", 100, "%", Comparator.STATED, ReadKind.PERIOD_GROWTH, 2025, "翻一番", since=2020),
    )
    assert any("翻一番" in n for n in r.notes)


def test_doubling_without_a_count_is_a_growth_of_100_per_cent() -> None:
    """翻番 is 翻一番: read as 100% growth since the year set against (it was dropped unsaid)."""
    text = "到2025年，有效注册商标总量较二〇二〇年翻番。"
    r = one(text)
    check(
        text, r, Want("有效注册商标总量", 100, "%", Comparator.STATED, ReadKind.PERIOD_GROWTH, 2025, "翻番", since=2020)
    )
    assert any("翻番" in n for n in r.notes), r.notes


def test_a_number_half_in_digits_half_in_words_is_said_not_read() -> None:
    """5亿-8千万元: 8千万 is neither a number in digits nor in words; it was dropped unsaid."""
    text = "到2025年，知识产权质押融资金额达到5亿-8千万元，有效注册商标量达到5万件。"
    readings, unread = scan(text, period=PLAN)
    assert [(r.indicator, r.value) for r in readings] == [("有效注册商标量", 5)]
    assert len(unread) == 1 and "8千万元" in unread[0].quote and unread[0].quote in text
    assert "half in digits" in unread[0].why


def test_quadrupling_since_no_year_is_unclear_and_said() -> None:
    r = one("到2025年，知识产权质押融资金额实现翻两番。")
    assert (r.value, r.unit, r.kind, r.since) == (300, "%", ReadKind.UNCLEAR, None)
    assert any("since when" in n for n in r.notes), r.notes


def test_a_growth_over_n_years_is_set_against_the_year_n_before() -> None:
    """五年翻两番 to a year carried from an earlier sentence: since that year less five, and both are said."""
    text = "到2030年，发明专利授权量达到5万件。马德里商标国际注册量较2020年实现翻一番，发明专利申请量五年翻两番。"
    r = read(text, period=(2021, 2035))[-1]
    assert (r.indicator, r.value, r.kind, r.year, r.since) == (
        "发明专利申请量",
        300,
        ReadKind.PERIOD_GROWTH,
        2030,
        2025,
    )
    assert any("2025-2030" in n for n in r.notes), r.notes
    assert any("from 到2030年 in an earlier sentence" in n for n in r.notes), r.notes
    assert_quoted(text, r, "五年翻两番")


@pytest.mark.parametrize("words", ["技术合同成交额增长1倍", "版权登记量是2020年的两倍"])
def test_a_multiple_is_said_not_read(words: str) -> None:
    text = f"到2025年，{words}。"
    readings, unread = scan(text, period=PLAN)
    assert readings == []
    assert len(unread) == 1 and "倍" in unread[0].why and unread[0].quote in text


@pytest.mark.parametrize("mark", ["（二）", "(3)", "1.", "2、", "①", "十二、"])
def test_a_quote_starts_at_its_indicator_not_at_the_list_mark(mark: str) -> None:
    """（二）有效注册商标量达到5万件以上: the quote is the source's own characters from the indicator on."""
    text = f"二、主要目标\n到2025年，主要目标是：\n{mark}有效注册商标量达到5万件以上；"
    r = one(text)
    assert (r.indicator, r.value, r.unit, r.comparator) == ("有效注册商标量", 5, "万件", Comparator.AT_LEAST)
    assert r.quote == "有效注册商标量达到5万件以上"
    assert_quoted(text, r, "5万件以上")


def test_a_quote_after_a_list_comma_starts_at_its_words() -> None:
    text = "有效注册商标量2023年达到20万件、2025年达到25万件。"
    last = read(text, period=PLAN)[-1]
    assert (last.year, last.value, last.quote) == (2025, 25, "2025年达到25万件")


@pytest.mark.parametrize(
    ("words", "value", "comparator"),
    [("提高到三成", 30, Comparator.REACH), ("达到九成以上", 90, Comparator.AT_LEAST)],
)
def test_tenths_in_words_are_a_per_cent(words: str, value: float, comparator: Comparator) -> None:
    """三成 is three tenths: 30%, said in a note; 成 elsewhere (建成, 一成不变) is no number."""
    text = f"到2025年，规上工业企业中有发明专利的企业占比{words}，一批企业建成知识产权管理体系。"
    r = one(text)
    assert (r.value, r.unit, r.comparator, r.kind) == (value, "%", comparator, ReadKind.SHARE)
    assert any("成 (tenths)" in n for n in r.notes), r.notes
    assert_quoted(text, r, words[-4:])


def test_a_score_in_chinese_numerals() -> None:
    text = "到2025年，知识产权保护社会满意度达到八十五分，工作十分扎实。"
    r = one(text)
    assert (r.indicator, r.value, r.unit, r.kind) == ("知识产权保护社会满意度", 85, "分", ReadKind.SCORE)


def test_doubling_since_the_end_of_a_period() -> None:
    r = one("到2025年，PCT国际专利申请量比“十三五”末翻一番。")
    assert (r.indicator, r.value, r.kind, r.since) == ("PCT国际专利申请量", 100, ReadKind.PERIOD_GROWTH, 2020)


def test_a_change_over_the_year_before_is_read_against_that_year() -> None:
    """同比增长12.3% was dropped unsaid (同 read as the preposition of a context clause); 较上年增加3.2件 named
    its indicator 上年. Both are set against the year before the figure's own."""
    text = (
        "一、总体情况\n2023年，全市专利授权量3.5万件，同比增长12.3%；每万人口发明专利拥有量24.1件，较上年增加3.2件；"
        "商标注册量8.6万件，比上年增长5%。"
    )
    got = {(r.indicator, r.value): r for r in read(text)}
    growth, added, trademarks = got[("专利授权量", 12.3)], got[("每万人口发明专利拥有量", 3.2)], got[("商标注册量", 5)]
    assert (growth.kind, growth.year, growth.since) == (ReadKind.PERIOD_GROWTH, 2023, 2022)
    assert (added.kind, added.year, added.since) == (ReadKind.INCREMENT, 2023, 2023)
    assert (trademarks.kind, trademarks.since) == (growth.kind, growth.since)


def test_the_year_a_multiple_is_of_is_no_time_of_the_figures_after_it() -> None:
    """是2015年的2.1倍 names the base of a multiple: the figures after it are still of 2020, not of 2015."""
    text = (
        "一、发展基础\n2020年，全市发明专利授权量达到1.22万件，是2015年的2.1倍；每万人口发明专利拥有量达到68.6件；"
        "PCT国际专利申请量1287件。"
    )
    readings, unread = scan(text, period=PLAN)
    assert [(r.value, r.year, r.role) for r in readings] == [
        (1.22, 2020, Role.BASELINE),
        (68.6, 2020, Role.BASELINE),
        (1287, 2020, Role.BASELINE),
    ]
    assert any("2.1倍" in u.quote for u in unread)


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("类别\t序号\t指标名称\t2020年\t2025年\t属性", "创造\t{n}\t{name}（{unit}）\t{a}\t{b}\t预期性"),
        ("序号\t指标名称\t单位\t2020年\t2025年\t属性", "{n}\t{name}\t{unit}\t{a}\t{b}\t预期性"),
        ("类别  指标  计量单位  2020年  2025年", "运用  {name}  {unit}  {a}  {b}"),
    ],
    ids=["category-column", "unit-column", "both-with-spaces"],
)
def test_an_indicator_table_with_a_category_or_a_unit_column_is_read(header: str, row: str) -> None:
    """Plan tables put a 类别 column before the 序号, or the unit in a 单位 column: their rows gave nothing, unsaid."""
    rows = [("每万人口高价值发明专利拥有量", "件", "3.2", "8"), ("知识产权质押融资登记金额", "亿元", "12", "30")]
    lines = [row.format(n=i, name=name, unit=unit, a=a, b=b) for i, (name, unit, a, b) in enumerate(rows, 1)]
    text = "专栏1 主要指标\n" + header + "\n" + "\n".join(lines) + "\n"
    readings = read(text, period=PLAN)
    assert [(r.indicator, r.value, r.unit, r.year, r.role) for r in readings] == [
        ("每万人口高价值发明专利拥有量", 3.2, "件", 2020, Role.BASELINE),
        ("每万人口高价值发明专利拥有量", 8, "件", 2025, Role.TARGET),
        ("知识产权质押融资登记金额", 12, "亿元", 2020, Role.BASELINE),
        ("知识产权质押融资登记金额", 30, "亿元", 2025, Role.TARGET),
    ]
    assert all(text[r.start : r.end] == r.quote for r in readings)


def test_a_table_line_that_is_no_row_the_reader_knows_is_said() -> None:
    text = "指标名称\t2020年\t2025年\t属性\n每万人口高价值发明专利拥有量\t3.2\t8\t预期性\n"
    readings, unread = scan(text, period=PLAN)
    assert readings == []
    assert [u.quote for u in unread] == ["每万人口高价值发明专利拥有量\t3.2\t8\t预期性"]


def test_a_five_year_plan_named_in_a_sentence_is_no_time_of_its_figures() -> None:
    """实现“十四五”规划目标任务 names a plan: the figures after it take the sentence's own year, not 2025."""
    text = (
        "2024年是实现“十四五”规划目标任务的关键一年。今年主要预期目标是：全省发明专利授权量达到2.2万件，"
        "新培育高价值专利组合30个。"
    )
    readings = read(text, period=PLAN)
    assert [(r.value, r.year) for r in readings] == [(2.2, 2024), (30, 2024)]
    assert not any("2021" in n for r in readings for n in r.notes)
    period_end = read("到“十四五”规划期末，全省发明专利授权量达到3万件。", period=PLAN)
    assert [(r.value, r.year) for r in period_end] == [(3, 2025)]


def test_a_years_work_plan_covers_that_year_and_its_amounts_are_the_years() -> None:
    """2024年…工作要点 is a plan of one year: its undated targets are of 2024, and an amount counted each year
    (授权量, 融资金额) is 2024's, where a plan of five years leaves it open."""
    text = (
        "关于印发2024年全省知识产权工作要点的通知\n今年主要预期目标是：全省发明专利授权量达到2.2万件，"
        "知识产权质押融资金额突破200亿元，知识产权保护社会满意度保持在82分以上。"
    )
    assert guess_period(text) == (2024, 2024)
    readings = read(text)
    assert [(r.value, r.year, r.kind) for r in readings] == [
        (2.2, 2024, ReadKind.FLOW),
        (200, 2024, ReadKind.FLOW),
        (82, 2024, ReadKind.SCORE),
    ]
    assert guess_period("某省知识产权事业发展2021年—2025年实施计划\n") not in {(2021, 2021), (2025, 2025)}


@pytest.mark.parametrize("verb", ["发展到", "扩大至", "上升到", "增至"])
def test_a_count_that_grows_to_a_number_reaches_that_level(verb: str) -> None:
    """发展到80家 (grow to) says what will stand, as 达到 does; it was left open as total, added or yearly."""
    (reading,) = read(f"到2025年，全市知识产权服务机构{verb}80家。", period=PLAN)
    assert (reading.indicator, reading.value, reading.kind, reading.comparator) == (
        "知识产权服务机构",
        80,
        ReadKind.LEVEL,
        Comparator.REACH,
    )


def test_a_total_over_a_number_of_years_is_added_over_those_years() -> None:
    """两年累计…不低于60亿元 sums the two years that end in the figure's: an amount added since 2024, not
    an amount counted each year left open."""
    text = "一、工作目标\n2024年至2025年，全市知识产权质押融资两年累计登记金额不低于60亿元。"
    (reading,) = read(text, period=(2024, 2025))
    assert (reading.value, reading.kind, reading.year, reading.since) == (60, ReadKind.INCREMENT, 2025, 2024)
    assert reading.comparator == Comparator.AT_LEAST


def test_a_quote_starts_at_its_words_not_at_the_dash_of_a_list_item() -> None:
    """Plans list their targets after ——: the dash is the list's, no part of the words a figure is read from."""
    text = "到2030年，具体目标是：\n——每万人口高价值发明专利拥有量达到40件；\n——知识产权保护社会满意度达到85分以上。"
    readings = read(text, period=(2026, 2030))
    assert [r.quote for r in readings] == ["每万人口高价值发明专利拥有量达到40件", "知识产权保护社会满意度达到85分以上"]
    assert all(text[r.start : r.end] == r.quote for r in readings)


@pytest.mark.parametrize(
    "words",
    ["专利侵权纠纷案件平均处理周期压缩至3个月以内", "商标注册审查周期缩短至15个工作日", "维权援助响应时间控制在2天内"],
)
def test_a_time_set_for_a_procedure_is_said_not_dropped(words: str) -> None:
    """A cycle or deadline the plan sets (压缩至3个月以内) has no unit in the data: it is said, once, never silent."""
    readings, unread = scan(f"到2025年，{words}。", period=PLAN)
    assert readings == []
    assert [u.quote for u in unread] == [words]


@pytest.mark.parametrize("floor", ["不得低于", "不应低于", "不能低于", "不得少于"])
def test_a_floor_with_a_modal_is_at_least_not_a_ceiling(floor: str) -> None:
    """不得低于60% (must not fall below) is a floor, as 不低于 is; 低于60% alone is a ceiling, and is said."""
    text = f"到2025年，重点企业专利产业化率原则上{floor}60%。"
    figures, unread = scan(text, period=PLAN)
    [r] = figures
    assert (r.value, r.comparator, r.indicator) == (60, Comparator.AT_LEAST, "重点企业专利产业化率") and not unread
    figures, unread = scan("到2025年，知识产权侵权案件发生率低于5%。", period=PLAN)
    assert not figures and [u.why.split(":")[0] for u in unread] == ["低于"]


@pytest.mark.parametrize(
    ("words", "comparator"),
    [
        ("地理标志商标数量不少于20件以下简称地标", Comparator.AT_LEAST),
        ("地理标志商标数量不少于20件(以下简称地标)", Comparator.AT_LEAST),
        ("地理标志商标数量达到20件以下称地标", Comparator.REACH),
        ("地理标志商标数量20件以上所述", Comparator.STATED),
    ],
)
def test_hereinafter_is_no_ceiling_and_no_floor(words: str, comparator: Comparator) -> None:
    """以下简称 (hereinafter called), 以上所述 (the above): 以下/以上 opening a naming are no comparator."""
    text = f"到2025年，{words}。"
    figures, unread = scan(text, period=PLAN)
    [r] = figures
    assert (r.indicator, r.value, r.unit, r.comparator, r.year) == ("地理标志商标数量", 20, "件", comparator, 2025)
    assert r.quote.endswith("20件") and r.quote in text and not unread


@pytest.mark.parametrize("verb", ["达到", "增长到", "提高到", "相当于"])
def test_a_year_in_the_base_of_a_multiple_sets_no_horizon(verb: str) -> None:
    """达到2020年的3倍: 2020 is the base of a multiple, not a horizon (到2020年); the sentence after keeps 2025."""
    text = f"到2025年，专利代理机构数量达到20家。发明专利授权量{verb}2020年的3倍。规上企业研发投入占比达到三成。"
    figures, unread = scan(text, period=PLAN)
    assert [(r.indicator, r.value, r.role, r.year) for r in figures] == [
        ("专利代理机构数量", 20, Role.TARGET, 2025),
        ("规上企业研发投入占比", 30, Role.TARGET, 2025),
    ]
    assert [u.quote for u in unread] == [f"发明专利授权量{verb}2020年的3倍"]
    assert "times" in unread[0].why


def test_a_span_taken_from_the_section_is_said_also_when_the_kind_is_inherited() -> None:
    """奖励…5000余万元,品牌发展资金6700余万元 under a 十三五 发展基础: both are counted from 2016, an assumption
    the sentence does not state, so both say it, the second also that its kind is the first's."""
    text = "一、发展基础\n“十三五”期间，知识产权工作成效显著。\n奖励专利专项资金5000余万元，品牌发展资金6700余万元。"
    first, second = read(text, period=PLAN)
    assert (second.indicator, second.kind, second.since, second.role) == (
        "品牌发展资金",
        ReadKind.INCREMENT,
        2016,
        Role.BASELINE,
    )
    assumed = "counted from 2016, the period its section reports: the sentence names no period"
    assert assumed in first.notes and assumed in second.notes
    assert "kind as the figure before it (increment)" in second.notes


@pytest.mark.parametrize("verb", ["增长到", "提高到", "提升到", "增加至"])
def test_a_verb_of_reaching_before_the_year_of_its_number_is_its_comparator(verb: str) -> None:
    """从2020年的6.1万件增长到2025年的11万件: 增长到 governs 11万件 across the year between them (reach)."""
    text = f"到2025年，发明专利拥有量从2020年的6.1万件{verb}2025年的11万件。"
    base, target = read(text, period=PLAN)
    assert (base.value, base.role, base.year, base.comparator) == (6.1, Role.BASELINE, 2020, Comparator.STATED)
    assert (target.value, target.unit, target.role, target.year) == (11, "万件", Role.TARGET, 2025)
    assert (target.comparator, target.kind) == (Comparator.REACH, ReadKind.LEVEL)
    assert target.quote == f"{verb}2025年的11万件"


@pytest.mark.parametrize("words", ["盘活存量专利3000件", "转化专利3000件", "运用存量专利3000件"])
def test_a_count_put_to_use_is_an_amount_added_whatever_stock_it_comes_from(words: str) -> None:
    """盘活存量专利3000件: the patents put to use over the period, an increment; 存量 is what they are taken from."""
    text = f"到2025年，{words}。"
    r = one(text)
    assert (r.value, r.unit, r.kind, r.role, r.year) == (3000, "件", ReadKind.INCREMENT, Role.TARGET, 2025)
    assert r.quote == words


@pytest.mark.parametrize("indicator", ["地理标志产品年产值", "专利密集型产品年销售额", "版权产业年营业收入"])
def test_a_yearly_output_or_turnover_is_a_years_amount(indicator: str) -> None:
    """年产值, 年销售额, 年营业收入 say the year's amount (flow), as 年度 does."""
    r = one(f"到2025年，{indicator}突破1000亿元。")
    assert (r.indicator, r.value, r.unit, r.comparator, r.kind, r.year) == (
        indicator,
        1000,
        "亿元",
        Comparator.EXCEED,
        ReadKind.FLOW,
        2025,
    )


@pytest.mark.parametrize("period", ["“十三五”期间", "“十三五”以来", "“十三五”时期"])
def test_a_total_in_a_period_named_in_its_sentence_is_added_since_the_periods_start(period: str) -> None:
    """“十三五”期间,全省累计注册…620件: 累计 with the period in its sentence is what was added since 2016."""
    text = f"一、发展基础\n{period}，全省累计注册地理标志商标620件。"
    r = one(text)
    assert (r.value, r.unit, r.kind, r.role, r.year, r.since) == (
        620,
        "件",
        ReadKind.INCREMENT,
        Role.BASELINE,
        2020,
        2016,
    )
    assert r.quote == "全省累计注册地理标志商标620件"


@pytest.mark.parametrize(
    "title", ["郑州市2023年知识产权发展状况", "2023年全市知识产权工作总结", "郑州市知识产权白皮书"]
)
def test_a_report_on_the_past_states_what_was_achieved(title: str) -> None:
    """2023年,全市专利授权量达到3.5万件 under a 发展状况 title is 2023's result, a baseline, and says why."""
    text = f"{title}\n一、总体情况\n2023年，全市专利授权量达到3.5万件。"
    readings, _ = scan(text)
    [r] = readings
    assert (r.indicator, r.value, r.unit, r.role, r.year, r.kind) == (
        "专利授权量",
        3.5,
        "万件",
        Role.BASELINE,
        2023,
        ReadKind.FLOW,
    )
    assert any("report on the past" in note for note in r.notes)
    assert r.quote == "全市专利授权量达到3.5万件"
