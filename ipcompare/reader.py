"""A reader of Chinese target sentences: plan text in, the quantified figures it states out.

It knows the language plans are written in (到2025年, 达到, 突破, 以上, 年均增长, 新增, 其中, “十四五”末),
not any one document. It reads a normalised copy of the text (simplified characters, half-width
digits and punctuation, the pinyin a scraper glued in taken out) and keeps a map back to the source,
so every figure's quote is the source's own characters, found again by a plain search.

It never invents a value: a number it cannot read (a sentence cut off before it, a word it does not
know as a unit) gives no figure, and whatever it had to assume is said in the figure's `notes`.
There is no catalogue here: which metric an indicator is, is `extract`'s question.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from enum import StrEnum

from .hanzi import simplify
from .model import MAX_VALUE, Comparator
from .records import field, record, replace
from .units import BASES, PREFIXES, parse_unit


class Role(StrEnum):
    TARGET = "target"  # what the plan sets for a horizon (到2025年)
    BASELINE = "baseline"  # what it reports of the past (发展基础, 截至2020年底)


class ReadKind(StrEnum):
    """What a figure measures, as the sentence says it: the dataset's kinds and three the units imply."""

    LEVEL = "level"
    INCREMENT = "increment"
    FLOW = "flow"
    FLOW_CHANGE = "flow-change"
    GROWTH_RATE = "growth-rate"
    PERIOD_GROWTH = "period-growth"
    SHARE = "share"
    POINTS = "points"  # a change in percentage points (提高2个百分点)
    SCORE = "score"  # a score (满意度80分)
    RANK = "rank"  # a place in a ranking (位居全省第2位)
    UNCLEAR = "unclear"


@record
class Reading:
    """One figure as the text states it."""

    indicator: str  # the indicator as the text names it, in simplified characters (万人发明专利拥有量)
    value: float | None  # one number, or None for a range
    low: float | None = None
    high: float | None = None
    unit: str  # as written, simplified (件, 万件, 亿元, %, 个百分点, 分, 位)
    comparator: Comparator
    kind: ReadKind
    role: Role
    year: int | None  # the horizon of a target, the year of a baseline; None when the text gives none
    since: int | None = None  # the first year of a span (“十三五”期间: 2016), or the year set against (较2015年)
    quote: str  # the source's own characters, from the indicator to the number and its unit
    start: int  # the quote's place in the source
    end: int
    number: str  # the number as written (7~10, 两, 1,200)
    section: str = ""  # the heading it falls under
    notes: tuple[str, ...] = ()  # what the reader assumed or could not tell: for an analyst to review
    #: the normalised words from the quote's start to the end of its clause (推动50家企业…入选…重点工程):
    #: where a metric the indicator alone does not name may be named
    clause: str = ""


@record
class Unread:
    """Words with a number the reader sees but gives no figure for, and why: for an analyst to read by hand."""

    quote: str  # the source's own characters
    start: int
    end: int
    why: str


# ---------------------------------------------------------------------------------------------------
# Normalising the text, with a map back to the source


@record(kw_only=False)
class Normal:
    """The text the reader reads, and for each of its characters the offset of the source character."""

    source: str
    text: str
    origin: tuple[int, ...]  # origin[i]: where text[i] came from; one more entry for the end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of text[start:end]."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


#: Pinyin a scraper glued after characters: 產(chǎn), 發(fā). Tone marks make it safe to take out.
_PINYIN = re.compile(
    r"(?<=[\u3400-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\)"
)
_CIRCLED = set("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
#: Characters NFKC would fold into something else than the reader wants.
_KEEP = frozenset("\u2014\u2026“”‘’·")


def normalise(source: str) -> Normal:
    """Read `source` as simplified, half-width text; the pinyin of scraped pages and circled numbers taken out."""
    dropped = {i for m in _PINYIN.finditer(source) for i in range(m.start(), m.end())}
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(source):
        if i in dropped:
            continue
        if ch in _CIRCLED:
            folded = " "
        elif ch in _KEEP or ch.isascii():
            folded = ch
        else:
            folded = unicodedata.normalize("NFKC", ch)
        for out in folded:
            chars.append(out)
            origin.append(i)
    origin.append(len(source))
    return Normal(source, _arabic_years(simplify("".join(chars))), tuple(origin))


#: A year in Chinese numerals (二〇二五年, 二○二五年, 二零二五年), or the first of a span (二〇二一—二〇三五年).
_CN_YEAR_DIGITS = "〇○零一二三四五六七八九"
_CN_YEAR = re.compile(
    r"(?<![〇○零一二两三四五六七八九十百千万])(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2}"
    r"(?=年|\s*(?:-|\u2014|\u2013|~|至|到)\s*(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2}年)"
)


def _arabic_years(text: str) -> str:
    """Years in Chinese numerals written in digits, one for one, so offsets keep their place: 二〇二五年 -> 2025年."""
    return _CN_YEAR.sub(
        lambda m: "".join(str(_CN_YEAR_DIGITS.index(c) - 2 if c not in "〇○零" else 0) for c in m.group()), text
    )


# ---------------------------------------------------------------------------------------------------
# Numbers


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def chinese_number(text: str) -> int | None:
    """一百二十 -> 120, 两 -> 2, 十万 -> 100000; None for what is no number (十三五, 万, 一一)."""
    if not text or not any(c in _CN_DIGITS or c == "十" for c in text):
        return None
    total, section, digit = 0, 0, None
    for i, ch in enumerate(text):
        if ch in "零〇" and i > 0 and (text[i - 1] in _CN_SMALL or text[i - 1] in _CN_BIG) and i + 1 < len(text):
            continue  # 一百零五, 一万零五百: 零 holds an empty place
        if ch in _CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row (十三五, 二〇三五): a name or a year, not a count
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            if digit is None and not (ch == "十" and (i == 0 or text[i - 1] in _CN_BIG)):
                return None
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        else:
            big = _CN_BIG[ch]
            section += digit or 0
            if section == 0:
                return None
            total = (total + section) * big if big > 10_000 else total + section * big
            section, digit = 0, None
    return total + section + (digit or 0)


_ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+"
_NUMBER = rf"(?:{_ARABIC}|{_CHINESE})"
#: Units plans write after a number, longest first: those units.py knows, and ‰. 年, 月, 日, 号 and 倍 are none.
UNITS = tuple(sorted({*BASES, "‰"}, key=lambda u: (-len(u), u)))
_UNIT = "|".join(re.escape(u) for u in UNITS)
_MAGNITUDE = "|".join(prefix for prefix, _ in PREFIXES)
_DASH = r"~|至|到|-|\u2014|\u2013|\u2015|\u301c"
#: One space may stand between a number and its unit, and before 以上 (达到 3.6 件, a page's &nbsp;).
_GAP = r"[ \t]?"
#: 以上/以下 that opens a naming (以下简称地标, 以上所述) is no comparator: "hereinafter", "the above".
_NOT_NAMING = r"(?!简称|称|统称|同(?!比)|所述|各)"
_BOUND = rf"(?:以上|以下){_NOT_NAMING}"
_FIGURE = re.compile(
    rf"(?P<pre>第|前)?(?P<a>{_NUMBER})(?P<aunit>%)?"
    rf"(?:(?P<amag>{_MAGNITUDE})?\s*(?P<dash>{_DASH})\s*(?P<b>{_NUMBER}))?"
    rf"{_GAP}(?P<approx>余|多)?(?P<mag>{_MAGNITUDE})?(?P<approx2>余|多)?(?P<unit>{_UNIT})"
    rf"(?:{_GAP}(?P<post>{_BOUND}|左右|以内|余))?"
)
#: What may not follow a unit: 个月 is a duration, 分之 a fraction, 个工作日 a deadline.
_NOT_AFTER = {"个": ("月", "工作日", "小时"), "分": ("之", "钟"), "次": ("会", "全会"), "部": ("门", "署", "分")}


def _arabic(text: str) -> float:
    return float(text.replace(",", ""))


def _number(text: str) -> tuple[float, str] | None:
    """The value of a number as written, with any 万/亿 it ends in (三万 -> 3, 万); None when it is no number."""
    if text[0].isdigit():
        written = _arabic(text)
        return (written, "") if written <= MAX_VALUE else None  # 400 digits are not even a float
    for mag in ("万亿", "亿", "万"):
        if text.endswith(mag) and len(text) > len(mag):
            head = chinese_number(text[: -len(mag)])
            if head is not None:
                return float(head), mag
    value = chinese_number(text)
    if value is None or text in ("一", "零", "〇"):
        return None  # 一 alone is the article of 一批, 一项, not a count
    return float(value), ""


# ---------------------------------------------------------------------------------------------------
# Words


#: What may stand between 不 and 低于 in a floor: 不得低于, 不应低于, 不能低于 (must not fall below).
_MODALS = ("得", "应", "能", "宜", "可", "会")
#: Comparators before the number, longest first; those after it (以上, 左右, 余) win.
_BEFORE: tuple[tuple[str, Comparator], ...] = (
    *((f"不{modal}{word}", Comparator.AT_LEAST) for modal in _MODALS for word in ("低于", "少于")),  # 不得低于: a floor
    ("不低于", Comparator.AT_LEAST),
    ("不少于", Comparator.AT_LEAST),
    ("至少", Comparator.AT_LEAST),
    ("保持在", Comparator.MAINTAIN),
    ("稳定在", Comparator.MAINTAIN),
    ("保持", Comparator.MAINTAIN),
    ("突破", Comparator.EXCEED),
    ("超过", Comparator.EXCEED),
    ("高于", Comparator.EXCEED),
    ("逾", Comparator.EXCEED),
    ("超", Comparator.EXCEED),
    ("接近", Comparator.ABOUT),
    ("将近", Comparator.ABOUT),
    ("大约", Comparator.ABOUT),
    ("约", Comparator.ABOUT),
    ("近", Comparator.ABOUT),
    ("达到", Comparator.REACH),
    ("达", Comparator.REACH),
    ("提高到", Comparator.REACH),
    ("提高至", Comparator.REACH),
    ("提升到", Comparator.REACH),
    ("提升至", Comparator.REACH),
    ("增加到", Comparator.REACH),
    ("增加至", Comparator.REACH),
    ("增长到", Comparator.REACH),
    ("增长至", Comparator.REACH),
    ("升至", Comparator.REACH),
    ("发展到", Comparator.REACH),
    ("发展至", Comparator.REACH),
    ("扩大到", Comparator.REACH),
    ("扩大至", Comparator.REACH),
    ("上升到", Comparator.REACH),
    ("上升至", Comparator.REACH),
    ("跃升至", Comparator.REACH),
    ("增至", Comparator.REACH),
)
#: Verbs that say a count is to reach a number (发展到80家): the number is what stands then, a level.
_REACH_END = re.compile(r"(?:达到|达|突破|为|超过|保持|(?:提高|提升|增加|增长|发展|扩大|上升|跃升)[到至]|增至|升至)$")
_AFTER = {"以上": Comparator.AT_LEAST, "左右": Comparator.ABOUT, "余": Comparator.EXCEED, "多": Comparator.EXCEED}

_GROWTH = re.compile(
    r"(?<![\d〇零一二三四五六七八九十上去前])(?:年均增长率?|年均增速|年平均增长率?|年均增幅|年均提高|年均递增|年增长率?|年增|每年增长|年递增)"
)
_PERIOD_GROWTH = re.compile(r"(?:增长|增加|提高|提升)(?![至到])|增幅")
_ADDED = re.compile(
    r"新增|新认定|新培育|新建|新创建|增加|培育|创建|建设|建成|打造|推动|推进|培养|引进|扶持|支持|发展|组建|设立|完成|实施|"
    r"新授权|新注册|新申请|开展|共建|下拨|拨付|投入|奖励|资助"
)
_ADDED_AT = re.compile(rf"(?:共计|累计|共)?(?:{_ADDED.pattern})")
_ADDED_END = re.compile(rf"(?:{_ADDED.pattern})$")
_CUMULATIVE = re.compile(r"累计|共计|共")
_STATUS = re.compile(r"(?:累计|共计|共)?(?:共建|建成|认定|评为|获批|获评|入选|拥有|已有)|(?:累计|共计|共)注册")
_DURATION = re.compile(r"[两二三四五六七八九十\d]+年(?:内|来|间)|期间|以来")
#: 两年累计, 五年共计, 3年内累计: a total over a number of years.
_YEARS_TOTAL = re.compile(r"(?P<n>[两二三四五六七八九十]|\d{1,2})年(?:内|间|来)?(?:累计|共计|合计)")
_ANNUAL = re.compile(
    r"年度|每年|全年|当年|年申请|年授权|年注册|年登记|年交易|年进出口"
    r"|(?<![两二三四五六七八九十])年(?:产值|营业收入|销售收入|销售额|营收)"  # 年产值: a year's output (not 五年产值)
)
#: Verbs of putting to use (盘活存量专利3000件, 转化专利500件): what is used over the period, an amount added,
#: whatever stock (存量) it is taken from.
_PUT_TO_USE = re.compile(r"(?:累计|共计|共)?(?:盘活|转化|运用)")
_STOCK = re.compile(r"有效|拥有量|总量|总数|存量|保有量|累计")
#: Indicators counted within a year: applications, grants, registrations, turnover, financing.
_FLOW_NOUN = re.compile(
    r"(申请|授权|交易|融资|登记|进出口|产值|收入|销售)(量|额|金额|总额|额度|数)?$|(申请|授权)[^,]{0,4}$"
)
_SHARE_NOUN = re.compile(r"率|比重|占比|比例|覆盖面|贡献度|占.{0,20}的?$")

# Words at the head of an indicator that are not part of its name.
_LEAD = re.compile(
    r"^(?:\d{1,2}[.、](?!\d)|\(?[一二三四五六七八九十]{1,3}\)|\(?\d{1,2}\)|[一二三四五六七八九十]{1,3}、|[,、和及与]|以及|并且|同时|其中|另外|此外|力争|确保|争取|努力|实现|全市|全省|全区|全州|全县|全自治区|全国|我市|我省|"
    r"我区|我州|我县|本市|本省|各地|到|至|截至|截止|连续[一二三四五六七八九十\d]+年|逐年|每年|年度)*"
)
#: Verbs that govern the numbers after them (培育5个…, 新增…20家): not part of an indicator's name.
_LEAD_VERB = re.compile(
    r"^(?:共建|共计|累计|共)?(?:" + _ADDED.pattern + r"|建立|引进|奖励|投入|下拨|拨付|资助|帮助|认定)*"
)
_TIME = re.compile(
    r"(?:由|从)(?:20\d\d|19\d\d)年(?:底|末)?的?|(?:到|至|截至|截止到?|截至到)?(?:20\d\d|19\d\d)年(?:\d{1,2}月)?(?:底|末|年底|年末|前|以前)?(?:前)?的?"
    r"|“?十[一二三四五六]五”?(?:期间|时期|末|以来|初)?|(?:两|[二三四五])年内|(?:连续)?[一二三四五六七八九十]年"
)
_TRAILING_VERB = re.compile(
    r"(?:分别|均|总计|合计|累计|共计|共|力争|原则上|一律|务必|必须|持续|稳定|已经|已|将|每年|实现|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|"
    r"升至|达至|发展到|发展至|扩大到|扩大至|上升到|上升至|跃升至|增至|年均增长率?|年平均增长率?|年增长率?|年增|增长率?|增加|提高|提升|"
    r"新增|达到|达|突破|超过|超|保持在|保持|稳定在|不[得应能宜可会]?(?:低于|少于)|至少|为|约|近|逾|接近|将近|大约|是|有)+$"
)


# ---------------------------------------------------------------------------------------------------
# Sections, sentences and time


_HEADING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+[章节部分篇]|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d{1,2}[、.](?!\d))"
)
_BASELINE_HEAD = re.compile(r"基础|现状|成绩|成效|成就|回顾|进展|取得|形势与|总结")
_TARGET_HEAD = re.compile(r"目标|指标|预期")
_TASK_HEAD = re.compile(r"任务|工程|举措|措施|行动|重点|专项|工作")
_CONTEXT_HEAD = re.compile(r"形势|指导思想|原则|思路|背景|保障|组织|意义|机遇|挑战|问题|不足|实施")

_FYP = {
    "十一五": (2006, 2010),
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}


@record(kw_only=False)
class Mark:
    """A time phrase in a sentence and what it says of the figures after it."""

    at: int  # its place in the normalised text
    end: int
    year: int
    role: Role | None  # a target (到2025年), a baseline (截至2020年底), or as the section says
    since: int | None = None  # a span's first year (“十三五”期间 -> 2016)
    against: int | None = None  # a year set against (较2015年)
    against_period: bool = False  # set against a whole period (比“十一五”: totals, not one year)
    only_next: bool = False  # 由2020年的1.2万件: the year of the number right after it, not of the sentence
    as_of: bool = False  # 截至2021年底: the state at a date, which in the plan's period its section decides
    prior: bool = False  # 同比, 较上年: set against the year before the figure's own


_MARK = re.compile(
    r"(?P<lead>到|至|截至|截止到?|截至到|由|从|较|比|与|同比|是|为|相当于)?"
    r"(?:(?P<year>(?:19|20)\d\d)年(?:\d{1,2}月)?(?P<tail>底|末|年底|年末)?(?:\d{1,2}日)?"
    r"|“?(?P<fyp>十[一二三四五]五)”?(?P<fyptail>期间|时期|末|以来|初)?)"
    r"(?P<after>相比|比较|的)?"
)


#: A five-year plan named after its period's name (“十四五”规划目标任务), unless its period follows (规划期末).
_PLAN_NAME = re.compile(r"(?:规划|纲要)(?!期|末|时期|以来)")
#: 同比, 较上年, 比去年同期: set against the year before the figure's, whichever that is.
_PRIOR = re.compile(r"(?:(?:较|比|与|同比)(?:上年|上一年|去年|前一年)(?:同期)?(?:相比)?|同比(?!例|(?:19|20)\d\d))")


def _marks(
    text: str, start: int, end: int, plan_start: int | None, titles: Sequence[tuple[int, int]] = ()
) -> list[Mark]:
    out: list[Mark] = [Mark(m.start(), m.end(), 0, None, prior=True) for m in _PRIOR.finditer(text, start, end)]
    for m in _MARK.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in titles):
            continue  # 《…实施方案(2021—2023年)》: a name's years are no time of the sentence
        lead, tail = m["lead"] or "", m["fyptail"] or ""
        if m["year"]:
            year, first = int(m["year"]), None
        else:
            first, year = _FYP[m["fyp"]]
        # 是2015年的2.1倍, 达到2020年的3倍: the base of a multiple (the 到 of 达到 sets no horizon)
        base = m["after"] == "的" and (lead in ("是", "为", "相当于") or bool(_MULTIPLE.match(text, m.end())))
        if lead in ("较", "比", "同比", "与") or m["after"] in ("相比", "比较") or base:
            against = year if m["year"] or tail == "末" else None
            out.append(Mark(m.start(), m.end(), 0, None, against=against, against_period=against is None))
            continue
        if lead in ("由", "从") and m["after"] == "的":
            out.append(Mark(m.start(), m.end(), year, Role.BASELINE, only_next=True))
            continue
        role: Role | None = None
        if lead in ("到", "至") or (tail == "末" and not m["year"]):
            role = Role.TARGET if plan_start is None or year >= plan_start else Role.BASELINE
        elif lead.startswith("截"):
            # 截至 reports what stood at a date; in the plan's period its section (or 已) decides
            role = Role.BASELINE if plan_start is None or year < plan_start else None
        elif plan_start is not None and year < plan_start:
            role = Role.BASELINE
        since = first if tail in ("期间", "时期", "以来") or (m["fyp"] and not tail) else None
        if m["fyp"] and (tail == "初" or (not tail and _PLAN_NAME.match(text, m.end()))):
            continue  # “十四五”初; 实现“十四五”规划目标: a plan's name, not a time
        out.append(Mark(m.start(), m.end(), year, role, since=since, as_of=lead.startswith("截")))
    return sorted(out, key=lambda mark: mark.at)


# ---------------------------------------------------------------------------------------------------
# The reader


@record(frozen=False, kw_only=False)
class _Context:
    normal: Normal
    period: tuple[int, int] | None
    section: str = ""
    section_role: Role | None = None
    skip: bool = False  # a section of context (形势, 指导思想): its numbers are no figures
    masked: list[tuple[int, int]] = field(default_factory=list)
    titles: list[tuple[int, int]] = field(default_factory=list)  # 《…》
    section_since: int | None = None  # the period a section reports (“十三五”期间 of a 发展基础)
    fragment: bool = False
    unread: list[Unread] = field(default_factory=list)  # numbers seen and not read, with why
    #: the columns of an indicator table's header from its first year on: a year, or None (属性)
    table: tuple[int | None, ...] = ()
    table_unit: bool = False  # the table has a 单位 column: a row's unit is a cell, not in brackets after its name
    #: the last horizon the section set (到2025年,…主要目标是:): the year of the undated lines after it
    horizon: Mark | None = None
    #: the line's figures, each with where its number ends and where its 其中 starts (None for no part of a
    #: whole): a later sentence's 到2025年,达到7件 may elide the indicator of the last that is no part
    last: list[tuple[int, Reading, int | None]] = field(default_factory=list)
    #: the word of a title that names a report on the past (发展状况, 工作总结, 白皮书): its figures were achieved
    report: str = ""


@record(frozen=False, kw_only=False)
class _Found:
    """A number with its unit, before its indicator and time are known."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str
    comparator: Comparator | None
    kind: ReadKind | None
    number: str
    notes: list[str] = field(default_factory=list)
    first: bool = False  # the number comes before the noun it counts (培育5个园区)


def read(
    text: str | Normal, *, period: tuple[int, int] | None = None, role: Role | None = None, fragment: bool = False
) -> list[Reading]:
    """Every quantified figure in a plan's text, in order.

    `period` (2021, 2025) places undated targets; `role` is what a text with no headings holds (a quote
    read back alone is a target or a baseline as its figure is). A `fragment` (a quote) may end without
    a full stop; a document that does was cut off, and its last clause gives no figure. A text already
    normalised (as `extract` has it) is not normalised again.
    """
    return scan(text, period=period, role=role, fragment=fragment)[0]


def scan(
    text: str | Normal, *, period: tuple[int, int] | None = None, role: Role | None = None, fragment: bool = False
) -> tuple[list[Reading], list[Unread]]:
    """The figures `read` gives, and the numbers it saw but could not read, each with why (never silence)."""
    normal = text if isinstance(text, Normal) else normalise(text)
    period = period or guess_period(normal.text)
    ctx = _Context(normal, period, section_role=role, fragment=fragment)
    ctx.titles = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(normal.text)] + _named_years(normal.text)
    ctx.masked = [*ctx.titles, *_masked(normal.text)]
    ctx.report = _report(normal.text)
    out: list[Reading] = []
    for start, end in _lines(normal.text):
        out += _read_line(ctx, start, end)
    return out, sorted(ctx.unread, key=lambda u: u.start)


def _unread(ctx: _Context, start: int, end: int, why: str) -> None:
    """Say that the words at text[start:end] hold a number the reader does not read, and why."""
    a, b = ctx.normal.span(start, end)
    quote = ctx.normal.source[a:b].strip()
    a = ctx.normal.source.find(quote, a)
    ctx.unread.append(Unread(quote=quote, start=a, end=a + len(quote), why=why))


#: The title of a year's plan: 2024年全省知识产权工作要点, 2023年度知识产权强市建设推进计划 (no other year in it).
_ANNUAL_PLAN = re.compile(
    r"(?<![\d\-\u2014\u2013~至])((?:19|20)\d\d)年度?[^\n。;:\d]{0,30}?"
    r"(?:工作要点|工作计划|工作安排|推进计划|实施计划|年度计划|重点工作)"
)


#: A title that names a report on what was done (郑州市2023年知识产权发展状况, 2023年工作总结, 知识产权白皮书).
_REPORT_TITLE = re.compile(r"发展状况|状况报告|工作总结|白皮书|年报|年度报告|发展报告")
_PLAN_TITLE = re.compile(r"规划|纲要|方案|计划|要点|意见|目标")


def _report(text: str) -> str:
    """The word that makes the text's title (its first line) a report on the past, or "" for none."""
    title = next((line.strip() for line in text[:300].splitlines() if line.strip()), "")
    m = _REPORT_TITLE.search(title)
    return m.group() if m and len(title) <= 60 and not _PLAN_TITLE.search(title) else ""


def guess_period(text: str) -> tuple[int, int] | None:
    """The period a plan covers, from its first lines: “十四五” -> 2021-2025, (2021—2035年) -> 2021-2035, and
    a year's 工作要点 (2024年…工作要点) -> 2024-2024, whichever its first lines name first."""
    head = text[:600]
    fyp = re.search(r"十[一二三四五]五", head)
    span = re.search(r"(20\d\d)\s*(?:-|\u2014|\u2013|至|~)\s*(20\d\d)\s*(?:年|\))", head)  # (2021—2035)
    annual = _ANNUAL_PLAN.search(head)
    named = [m for m in (fyp, span, annual) if m is not None]
    first = min(named, key=lambda m: m.start(), default=None)
    if first is None:
        return None
    if first is fyp:
        return _FYP[first.group()]
    if first is annual:
        return int(first[1]), int(first[1])
    return int(first[1]), int(first[2])


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


_BOOK_TITLE = re.compile(r"《[^《》\n]{1,120}》")


#: A year that begins the name of a document or an event (2021年中央一号文件, 2021年政府工作报告,
#: 2020年全国知识产权局局长会议): the name is a noun phrase, with no number, no punctuation and no verb.
_NAMED_YEAR = re.compile(
    r"(?<![到至止由从较比])(?:19|20)\d\d年度?"
    r"(?P<name>[^\s\d,;:。、!?“”()《》]{0,14}?)"
    r"(?:文件|工作报告|报告|会议|大会|年会|论坛|博览会|公报|决定|通知|工作要点|要点)"
)
_NAME_VERB = re.compile(
    r"举办|召开|举行|发布|印发|出台|制定|开展|实现|达到|完成|获得|获批|组织|承办|成功|提出|审议|通过|已|将|共|累计|新增"
)


def _named_years(text: str) -> list[tuple[int, int]]:
    """The spans of names that begin with a year: its year is no time of the sentence, its numbers no figures."""
    return [(m.start(), m.end()) for m in _NAMED_YEAR.finditer(text) if not _NAME_VERB.search(m["name"])]


def _masked(text: str) -> list[tuple[int, int]]:
    """Spans besides 《titles》 whose numbers are names, not figures: short “names”, (document numbers), 1+N."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"“[^“”\n]{1,16}”|〔\d{4}〕\d*号?", text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r"[\"“]?\d\+[A-Za-z\d]+[\"”]?", text)]
    return spans


def _in_mask(ctx: _Context, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ctx.masked)


def _heading(ctx: _Context, line: str) -> bool:
    """Whether a line heads a section; the section's role is set from its words."""
    m = _HEADING.match(line)
    title = line[m.end() :] if m else line
    short = len(line.strip()) <= 30 and not re.search(r"[。;]", line) and not _ends_in_figure(line)
    if not (m and short) and not (short and _TARGET_HEAD.search(title) and len(line.strip()) <= 12):
        # A run-in heading (1.知识产权创造能力稳步提升。专利申请量...) keeps the section's role.
        return False
    ctx.section = line.strip()
    role: Role | None
    if _BASELINE_HEAD.search(title) and not _TARGET_HEAD.search(title):
        role, skip = Role.BASELINE, False
    elif _TARGET_HEAD.search(title):
        role, skip = Role.TARGET, False
    elif _CONTEXT_HEAD.search(title) and not _TASK_HEAD.search(title):
        role, skip = None, True
    elif _TASK_HEAD.search(title):
        role, skip = Role.TARGET, False  # 重点任务: what the plan will do
    else:
        role, skip = ctx.section_role, ctx.skip  # a sub-heading that names no role keeps its part's
    if m and re.match(r"\s*(?:[一二三四五六七八九十]+[、.]|第)", line):
        ctx.section_role, ctx.skip = role, skip  # a top heading sets the part
    elif role is not None or skip:
        ctx.section_role, ctx.skip = role, skip
    return True


def _ends_in_figure(line: str) -> bool:
    """(一)每万人口高价值发明专利拥有量达到3件: an item of a list without its full stop, not a heading."""
    line = line.rstrip(" \t,")
    figures = list(_FIGURE.finditer(line))
    if bool(figures) and figures[-1].end() == len(line) and not figures[-1]["pre"]:
        return True
    return any(m.end() == len(line) for m in _PERCENT_WORDS.finditer(line))


_TABLE_YEAR = re.compile(r"^((?:19|20)\d\d)年?(?:底|末)?(?:目标值|基期值|现状值|预期值|值|目标)?$")
#: A row's head: a 类别 cell (创造, 运用, 保护) a table may put before its 序号, the 序号, the indicator's name.
_ROW_HEAD = r"\s*(?:[^\s|()\d][^\s|()]{1,11}\s+)??(?:\d{1,2}(?:[.、]\s*|\s+))?(?P<name>[^\s|()]{2,40}?)"
#: A row of a table whose names carry their unit in brackets (每万人口发明专利拥有量(件)), or of one with a 单位 column.
#: The gap before the cells: one tab where cells are between tabs (the next may be empty), else spaces.
_TO_CELLS = r"(?:[^\S\t\n]*\t|\s+)"
_TABLE_ROW = re.compile(rf"{_ROW_HEAD}\s*\((?P<unit>[^()\s]{{1,8}})\){_TO_CELLS}(?P<cells>.+)$")
_TABLE_ROW_UNIT = re.compile(rf"{_ROW_HEAD}\s+\(?(?P<unit>[^\s\d|()]{{1,6}})\)?{_TO_CELLS}(?P<cells>.+)$")
#: A table cell with a sign before its number: >3.5 exceeds 3.5, ≥3.5 is at least 3.5.
_CELL_SIGN = {">": Comparator.EXCEED, "≥": Comparator.AT_LEAST, ">=": Comparator.AT_LEAST}
_TABLE_CELL = re.compile(rf"(?P<sign>>=|≥|>|<=|≤|<)?(?P<open>\[)?(?P<n>{_ARABIC})(?(open)\])")


def _table_header(line: str) -> tuple[tuple[int | None, ...], bool]:
    """The columns of an indicator table's header from its first year on (2020年 2025年 属性: 2020, 2025, None),
    or () for no header; and whether a 单位 column comes before them, with the 序号 and the name's."""
    cells = _cells(line.replace("|", " "))
    years = [int(m[1]) if m else None for c in cells for m in [_TABLE_YEAR.match(c)]]
    first = next((i for i, y in enumerate(years) if y is not None), None)
    if first is None or sum(y is not None for y in years) < 2 or len(cells) > first + 6 or "。" in line:
        return (), False
    if len(cells) - first > sum(y is not None for y in years) + 4:
        return (), False
    return tuple(years[first:]), any(re.fullmatch(r"(?:计量)?单位", c) for c in cells[:first])


def _cells(line: str) -> list[str]:
    """A table line's cells: between tabs (an empty cell kept), else between runs of spaces."""
    if "\t" in line:
        return [c.strip() for c in line.strip().split("\t")]
    return line.split()


def _table_row(ctx: _Context, start: int, end: int) -> list[Reading] | None:
    """A row of an indicator table (每万人口发明专利拥有量(件) 2.61 6): one figure per year column."""
    text = ctx.normal.text
    m = (_TABLE_ROW_UNIT if ctx.table_unit else _TABLE_ROW).match(text, start, end)
    if m is None:
        if re.search(r"\d", text[start:end]) and len(_cells(text[start:end])) >= len(ctx.table) + 1:
            why = "a line of an indicator table that is no row the reader knows (an indicator, its unit, a cell a year)"
            _unread(ctx, start, end, why)
            return []
        return None
    # between tabs, an empty cell is a cell (地理标志商标数量(件)\t\t30: no 2020 figure, 30 for 2025)
    fields = r"(?:^|(?<=\t))[^\t]*" if "\t" in text[m.start("cells") - 1 : end] else r"\S+"
    cells = list(re.finditer(fields, text[m.start("cells") : end]))
    cells = [c for c in cells if c.group().strip()] if len(cells) != len(ctx.table) else cells
    if len(cells) != len(ctx.table):
        years = ", ".join(str(y) for y in ctx.table if y)
        _unread(ctx, start, end, f"a table row whose cells do not line up with its header's columns ({years})")
        return []
    out = []
    for year, cell in zip(ctx.table, cells, strict=True):
        written = cell.group().strip()
        c = _TABLE_CELL.fullmatch(written)
        if year is None or not re.search(r"\d", written):
            continue  # a column of no year (属性, 年均增速), or no number (—)
        cell_end = m.start("cells") + cell.start() + len(cell.group().rstrip())
        if c is None or c["sign"] in ("<", "≤", "<=") or _arabic(c["n"]) > MAX_VALUE:
            why = "an upper bound (a ceiling, not a point)" if c and c["sign"] else "a cell the reader cannot read"
            _unread(ctx, m.start("name"), cell_end, f"{year}: {written} is {why}")
            continue
        out.append(_table_figure(ctx, m, year, c, cell_end))
    return out


def _table_figure(ctx: _Context, m: re.Match[str], year: int, cell: re.Match[str], cell_end: int) -> Reading:
    """One cell of an indicator table's row as a figure of its year; [5] is a total over the plan's period."""
    text = ctx.normal.text
    role = Role.BASELINE if ctx.period and year < ctx.period[0] else Role.TARGET
    value = _arabic(cell["n"])
    f = _Found(m.start("name"), cell_end, value, None, None, m["unit"], None, None, cell["n"])
    years = ", ".join(str(y) for y in ctx.table if y)
    notes = [f"a row of an indicator table whose number columns are the years {years}"]
    if cell["open"] and role == Role.TARGET and ctx.period and year == ctx.period[1]:
        kind, since = ReadKind.INCREMENT, ctx.period[0]
        notes.append(f"[{cell['n']}]: in brackets, as plan tables write a total over the period (累计): read as added")
    elif cell["open"]:
        kind, since = ReadKind.UNCLEAR, None
        notes.append(f"[{cell['n']}]: in brackets, as plan tables write a total over a period: which is not stated")
    else:
        kind, since, more = _kind(f, m["name"], m["name"], _Time(year, role, None), False)
        notes += more
    a, b = ctx.normal.span(m.start("name"), cell_end)
    return Reading(
        indicator=m["name"],
        value=value,
        unit=m["unit"],
        comparator=_CELL_SIGN.get(cell["sign"] or "", Comparator.STATED),
        kind=kind,
        role=role,
        year=year,
        since=since,
        quote=ctx.normal.source[a:b],
        start=a,
        end=b,
        number=cell["n"],
        section=ctx.section,
        notes=tuple(notes),
        clause=text[m.start("name") : m.end()],
    )


def _read_line(ctx: _Context, start: int, end: int) -> list[Reading]:
    text = ctx.normal.text
    header, unit_column = _table_header(text[start:end])
    if header:
        ctx.table, ctx.table_unit = header, unit_column
        return []
    if ctx.table and text[start:end].strip():
        rows = _table_row(ctx, start, end)
        if rows is not None:
            return rows
        ctx.table = ()
    if _heading(ctx, text[start:end]):
        marks = _marks(text, start, end, ctx.period[0] if ctx.period else None, ctx.titles)
        ctx.section_since = next((m.since for m in marks if m.since), None)  # (一)“十二五”期间取得的成绩
        ctx.horizon = _horizon(marks)  # 到2025年主要目标: or none, a new section sets its own
        return []
    if ctx.skip:
        return []
    out: list[Reading] = []
    line_marks: list[Mark] = []
    ctx.last = []  # an indicator is never taken across lines: another subject may come between
    for s, e in _sentences(text, start, end):
        marks = _marks(text, s, e, ctx.period[0] if ctx.period else None, ctx.titles)
        if not out and not line_marks and marks and ctx.section_role == Role.BASELINE and ctx.section_since is None:
            ctx.section_since = next((m.since for m in marks if m.since), None)  # “十三五”期间,全市…取得显著成绩
        out += _read_sentence(ctx, s, e, marks, line_marks)
        line_marks += marks
    ctx.horizon = _horizon(line_marks) or ctx.horizon
    return out


def _horizon(marks: Sequence[Mark]) -> Mark | None:
    """The last target year among a line's time phrases (到2025年), which the undated lines after it take."""
    return next((m for m in reversed(marks) if m.year and m.role == Role.TARGET and not m.only_next), None)


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    s = start
    for m in re.finditer(r"[。;!?]", text[start:end]):
        yield s, start + m.end()
        s = start + m.end()
    if s < end:
        yield s, end


def _clause_start(text: str, lo: int, at: int) -> int:
    """The start of the clause holding `at`: after the last , : or ; before it (parentheses kept whole)."""
    depth = 0
    for i in range(at - 1, lo - 1, -1):
        ch = text[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",:;。":
            return i + 1
    return lo


_CLAUSE_END = re.compile(r"[,:;。]")


def _clause_end(text: str, at: int, hi: int) -> int:
    m = _CLAUSE_END.search(text, at, hi)
    return m.start() if m else hi


def _find(ctx: _Context, s: int, e: int) -> list[_Found]:
    text = ctx.normal.text
    found: list[_Found] = []
    for m in _FIGURE.finditer(text, s, e):
        f = _found(ctx, m, s)
        if f is not None:
            found.append(f)
    return found


def _not_a_figure(ctx: _Context, m: re.Match[str]) -> bool:
    """A name, a date, an ordinal, a fraction, or a number glued to another: no figure."""
    text = ctx.normal.text
    unit, pre = m["unit"], m["pre"] or ""
    rest = text[m.end("unit") : m.end("unit") + 3]
    if any(rest.startswith(w) for w in _NOT_AFTER.get(unit, ())) or _in_mask(ctx, m.start("a"), m.end()):
        return True
    if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] in "第.") and not pre:
        return True
    rank = pre in ("第", "前") and unit in ("位", "名")
    if pre == "第" and not rank:
        return True
    # 十分 is "very", 三位 "three people": only digits are places, and scores of one character are no scores
    if unit == "分" and not m["a"][0].isdigit():
        return len(m["a"]) < 2 or bool(m["b"] or m["mag"])  # 八十五分 is a score, 十分 a word
    return unit == "位" and not m["a"][0].isdigit() and not rank


def _post_comparator(m: re.Match[str], rank: bool) -> Comparator | None:
    """The comparator the words right after a number give (以上, 左右, N余), or 前N位's at least."""
    post = m["post"] or ""
    if post in _AFTER:
        return _AFTER[post]
    if m["approx"] or m["approx2"]:
        return Comparator.EXCEED
    if rank and m["pre"] == "前":
        return Comparator.AT_LEAST
    return None


#: Words that make a number a ceiling (at most), before it or after it: 不超过5%, 控制在5%以内, 3.6件以下.
_NOT_FLOOR = "".join(f"(?<!不{m})" for m in _MODALS)  # 不得低于 is a floor, as 不低于 is
_CEILING_BEFORE = re.compile(
    rf"(?:不超过|不高于|不多于|不大于|不得超过|(?<!不){_NOT_FLOOR}低于|(?<!不){_NOT_FLOOR}少于|控制在)$"
)


def _ceiling(ctx: _Context, m: re.Match[str], s: int) -> bool:
    """A number the plan sets as a ceiling: the data has no at-most comparator, so it is said, not read."""
    text = ctx.normal.text
    before = _CEILING_BEFORE.search(text, max(s, m.start() - 5), m.start())
    if m["post"] not in ("以内", "以下") and before is None:
        return False
    word = before.group() if before else m["post"]
    why = f"{word}: a ceiling (at most), which the data cannot encode; not drafted, so it is never compared as a point"
    _unread(ctx, _clause_start(text, s, m.start()), m.end(), why)
    return True


def _found(ctx: _Context, m: re.Match[str], s: int) -> _Found | None:
    """A number with its unit, or None when it is no figure (or a ceiling, which is said instead)."""
    text = ctx.normal.text
    glued = m.start() > 0 and text[m.start() - 1].isdigit() and m["a"][0] in "十百千万亿"
    if glued and not m["pre"] and not _in_mask(ctx, m.start(), m.end()):
        digits = re.search(r"[\d.]+$", text[: m.start()])
        written = text[digits.start() if digits else m.start() : m.end()]
        why = f"{written}: a number written half in digits, half in words, which the reader does not read"
        _unread(ctx, _clause_start(text, s, m.start()), m.end(), why)
        return None
    if _not_a_figure(ctx, m) or (m["aunit"] and not m["b"]):
        return None
    first = _number(m["a"])
    second = _number(m["b"]) if m["b"] else None
    if first is None or (m["b"] and second is None):
        if any(n and n[0].isdigit() and _arabic(n) > MAX_VALUE for n in (m["a"], m["b"])):
            _unread(ctx, m.start(), m.end(), "a number larger than any figure a plan states")
        return None
    unit, pre = m["unit"], m["pre"] or ""
    rank = pre in ("第", "前") and unit in ("位", "名")
    if not rank and _ceiling(ctx, m, s):
        return None
    mag = (m["mag"] or "") or first[1] or (second[1] if second else "")
    if m["amag"] and m["amag"] != mag:
        why = (
            f"a range whose ends are in different magnitudes ({m['amag']}, {mag or 'none'}): which is meant is unclear"
        )
        _unread(ctx, m.start("a"), m.end(), why)
        return None
    notes: list[str] = []
    kind = ReadKind.RANK if rank else ReadKind.POINTS if unit in ("个百分点", "百分点") else None
    return _Found(
        m.start() if pre and rank else m.start("a"),
        m.end(),
        first[0] if second is None else None,
        first[0] if second is not None else None,
        second[0] if second is not None else None,
        mag + unit,
        _post_comparator(m, rank),
        kind,
        ctx.normal.text[m.start("a") : m.end("b") if m["b"] else m.end("a")],
        notes,
    )


# Phrases that state a number without writing one: 全覆盖 is 100%, 零的突破 at least one.
_IDIOMS = (
    (
        re.compile(r"全覆盖|全部覆盖"),
        100.0,
        "%",
        Comparator.REACH,
        ReadKind.SHARE,
        "全覆盖 (full coverage) read as 100%",
    ),
    (
        re.compile(r"实现零的突破"),
        1.0,
        "个",
        Comparator.AT_LEAST,
        ReadKind.LEVEL,
        "实现零的突破 (break through zero) read as at least one (个); the plan writes no number or unit",
    ),
)


def from_words(reading: Reading) -> bool:
    """Whether the plan states the number in words (全覆盖, 实现零的突破): then it writes no unit either."""
    return any(pattern.fullmatch(reading.number) for pattern, *_ in _IDIOMS)


def _idioms(ctx: _Context, s: int, e: int) -> list[_Found]:
    text = ctx.normal.text
    out: list[_Found] = []
    for pattern, value, unit, comparator, kind, note in _IDIOMS:
        for m in pattern.finditer(text, s, e):
            out.append(_Found(m.start(), m.end(), value, None, None, unit, comparator, kind, m.group(), [note]))
    return out


_CN_DECIMAL = r"[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?"
#: Per cent in words: 百分之十五, 百分之九十五以上, 百分之三点五, 百分之十至百分之十五.
_PERCENT_WORDS = re.compile(
    rf"百分之(?P<a>{_ARABIC}|{_CN_DECIMAL})"
    rf"(?:\s*(?P<dash>{_DASH})\s*(?:百分之)?(?P<b>{_ARABIC}|{_CN_DECIMAL}))?"
    rf"(?:{_GAP}(?P<post>{_BOUND}|左右|以内))?"
)
#: 翻一番 doubles (a growth of 100%), 翻两番 quadruples (300%): 翻N番 is a growth of 2^N - 1 times.
#: 翻番 without a count is 翻一番, a doubling.
_DOUBLING = re.compile(rf"翻(?P<n>一|两|二|三)?番(?:{_GAP}(?P<post>以上|左右))?")


#: 三成 is three tenths (30%), 九成以上 at least 90%: only where the clause ends or 以上/左右 follows, as 成 is
#: also a word (建成, 形成, 一成不变).
_TENTHS = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千万\d])(?P<n>[一二两三四五六七八九十])成"
    rf"(?:{_GAP}(?P<post>以上|左右|以内|以下))?(?=[,;:。、)]|$)"
)
#: 增长1倍, 是2020年的2倍: a multiple, which is a growth of N-1 or N times the base as the verb has it.
_MULTIPLE = re.compile(rf"(?<![\d.])(?:{_ARABIC}|[一二两三四五六七八九十]+)(?:{_GAP}多)?倍")


#: A time a plan sets for a procedure (结案周期压缩至3个月以内, 缩短至15个工作日): a target in a unit of time.
_DURATION_TARGET = re.compile(
    rf"(?:缩短|压缩|减少|降低|控制|不超过)(?:到|至|在)?{_GAP}(?P<n>{_NUMBER})"
    rf"{_GAP}(?P<unit>个月|个工作日|工作日|天|日|小时)(?:以内|以下|内)?"
)


def _decimal_words(text: str) -> float | None:
    """三点五 -> 3.5, 九十五 -> 95, 百 -> 100, 5 -> 5; None for what is no number."""
    if text[0].isdigit():
        return _arabic(text)
    whole, _, fraction = text.partition("点")
    value = 100 if whole in ("百", "一百") else 0 if whole in ("零", "〇") else chinese_number(whole)
    if value is None:
        return None
    if fraction:
        return float(f"{value}.{''.join(str(_CN_DIGITS[c]) for c in fraction)}")
    return float(value)


def _words(ctx: _Context, s: int, e: int) -> list[_Found]:
    """Numbers written in words with their unit in them: 百分之十五 is 15%, 翻一番 a growth of 100%."""
    text = ctx.normal.text
    out: list[_Found] = []
    for m in _PERCENT_WORDS.finditer(text, s, e):
        if _in_mask(ctx, m.start(), m.end()) or _ceiling(ctx, m, s):
            continue
        a, b = _decimal_words(m["a"]), _decimal_words(m["b"]) if m["b"] else None
        if a is None or (m["b"] and b is None):
            _unread(ctx, _clause_start(text, s, m.start()), m.end(), f"{m.group()}: a per cent in words not read")
            continue
        comparator = _AFTER.get(m["post"] or "")
        low, high = (a, b) if b is not None else (None, None)
        number = text[m.start() : m.end("b") if m["b"] else m.end("a")]
        out.append(_Found(m.start(), m.end(), None if b is not None else a, low, high, "%", comparator, None, number))
    for m in _TENTHS.finditer(text, s, e):
        if _in_mask(ctx, m.start(), m.end()) or _ceiling(ctx, m, s):
            continue
        value = float(10 * (10 if m["n"] == "十" else _CN_DIGITS[m["n"]]))
        found = _Found(
            m.start(), m.end(), value, None, None, "%", _AFTER.get(m["post"] or ""), None, m.group("n") + "成"
        )
        found.notes.append(f"{m['n']}成 (tenths) read as {value:g}%")
        out.append(found)
    for m in _DURATION_TARGET.finditer(text, s, e):
        why = f"{m['n']}{m['unit']}: a time set for a procedure, in a unit the data does not have"
        _unread(ctx, _clause_start(text, s, m.start()), m.end(), why)
    for m in _MULTIPLE.finditer(text, s, e):
        if not _in_mask(ctx, m.start(), m.end()):
            why = f"{m.group()} (times): a multiple of a base the data cannot encode as it is written"
            _unread(ctx, _clause_start(text, s, m.start()), m.end(), why)
    for m in _DOUBLING.finditer(text, s, e):
        times = {"一": 1, "两": 2, "二": 2, "三": 3}[m["n"] or "一"]
        value = float(2**times - 1) * 100
        said = text[m.start() : m.end("n") + 1] if m["n"] else "翻番 (with no count, a doubling)"
        note = f"{said} read as a growth of {value:g}% (翻N番: 2^N times the base)"
        found = _Found(m.start(), m.end(), value, None, None, "%", _AFTER.get(m["post"] or ""), None, m.group())
        found.notes.append(note)
        out.append(found)
    return out


def _read_sentence(ctx: _Context, s: int, e: int, marks: list[Mark], line_marks: list[Mark]) -> list[Reading]:
    text = ctx.normal.text
    words = _words(ctx, s, e)
    found = [f for f in _find(ctx, s, e) if not any(w.start < f.end and f.start < w.end for w in words)]
    found = sorted(found + words + _idioms(ctx, s, e), key=lambda f: f.start)
    if not found:
        return []
    if not ctx.fragment and _truncated(text, s, e):
        last = found[-1]
        if _clause_end(text, last.end, e) >= e and text[last.end : e].strip():
            found = found[:-1]  # a sentence cut off: its last clause may be missing words
    pairs: list[tuple[_Found, Reading]] = []
    owners = _respectively(ctx, s, e, found)
    for i, f in enumerate(found):
        previous = [r for _, r in pairs]
        owner = owners.get(i)
        if owner is None:
            reading = _reading(ctx, s, e, f, found, i, marks, line_marks, previous)
        elif not owner.dropped:
            name = _owner_name(owner, pairs, found)
            named = (name, "" if owner.year else owner.note) if name else None
            reading = _owned(owner, pairs, _reading(ctx, s, e, f, found, i, marks, line_marks, previous, named))
        else:
            continue
        if reading is not None:
            pairs.append((f, reading))
    for f, r in pairs:
        part = text.rfind("其中", s, f.start)
        ctx.last.append((f.end, r, part if part >= 0 else None))
    return [r for _, r in pairs]


def _owner_name(owner: _Owner, pairs: list[tuple[_Found, Reading]], found: Sequence[_Found]) -> str | None:
    """The indicator of a number after 分别: its place's name, the number before's, or (years) the first's."""
    if owner.name is not None:
        return owner.name
    owned = [r for g, r in pairs if g is found[owner.of]] if owner.of is not None else [r for _, r in pairs[-1:]]
    return owned[0].indicator if owned else None


def _owned(owner: _Owner, pairs: list[tuple[_Found, Reading]], reading: Reading | None) -> Reading | None:
    """A number after 分别 given the year in its place of the list before it, and the verb of the first."""
    if reading is None:
        return None
    changes: dict[str, object] = {}
    if owner.year is not None:
        year = owner.year
        changes |= {"year": year.year, "role": year.role or reading.role, "notes": (*reading.notes, owner.note)}
    first = next((r for g, r in pairs if owner.verb == g.start), None)
    if first is not None and reading.comparator == Comparator.STATED:
        changes["comparator"] = first.comparator  # 分别达到3000件、1200件: 达到 governs both
    return replace(reading, **changes)


@record(kw_only=False)
class _Owner:
    """What a number after 分别 (respectively) belongs to: a name or a year of a list before it, or a number."""

    note: str
    name: str | None = None  # 发明专利申请量、授权量分别达到…: the name in the same place of the list
    year: Mark | None = None  # 2022年、2025年分别达到…: the year in the same place
    of: int | None = None  # 较2015年分别增加4749件、278件: the number before it in the same place
    verb: int | None = None  # where the first number after 分别 starts: its comparator word governs them all
    dropped: bool = False  # the list and the numbers do not pair: neither is read


def _respectively(ctx: _Context, s: int, e: int, found: Sequence[_Found]) -> dict[int, _Owner]:
    """The numbers after 分别 paired in order with the names, the years, or the numbers before it.

    Where a list of names or years before 分别 has as many items as numbers follow, each number takes the
    item in its place; where the counts differ, no number is read, and the reader says so.
    """
    text = ctx.normal.text
    idx = text.find("分别", s, e)
    if idx < 0:
        return {}
    c0 = _clause_start(text, s, idx)
    c1 = _clause_end(text, idx, e)
    after = [i for i, f in enumerate(found) if f.start > idx and f.end <= c1]
    if not after:
        return {}
    years = [m for m in _marks(text, c0, idx, ctx.period[0] if ctx.period else None, ctx.titles) if m.year]
    names = [] if len(years) >= 2 else split_indicators(_strip_indicator(text[c0:idx]), listed=True)
    items: list[str] = [str(m.year) for m in years] if len(years) >= 2 else names
    before = [i for i, f in enumerate(found) if f.start < idx]
    if len(items) >= 2 and len(items) != len(after):  # A、B分别达到10亿元: two names, one number
        what = "years" if len(years) >= 2 else "indicators"
        numbers = f"{len(after)} number{'s' if len(after) > 1 else ''}"
        why = f"分别 (respectively) pairs {len(items)} {what} ({'、'.join(items)}) with {numbers}"
        return _drop(ctx, c0, found[after[-1]].end, why, after)
    if len(after) < 2:
        return {}  # 两项指标分别达到5件: each has the one number
    if len(items) < 2 and len(before) < len(after):  # A分别达到300件、400件、500件: one name, three numbers
        one = f"one indicator ({items[0]})" if items and items[0] else "no list of names"
        what = f"{len(before)} number{'s' if len(before) > 1 else ''} before it" if before else one
        why = f"分别 (respectively) pairs {len(after)} numbers with {what}"
        return _drop(ctx, c0, found[after[-1]].end, why, after)
    if len(years) >= 2:
        return {
            i: _Owner(f"分别 (respectively): the number for {m.year}", year=m, verb=found[after[0]].start)
            for i, m in zip(after, years, strict=True)
        }
    if len(names) >= 2:
        note = "分别 (respectively): the number for {}, of " + "、".join(names)
        return {
            i: _Owner(note.format(name), name=name, verb=found[after[0]].start)
            for i, name in zip(after, names, strict=True)
        }
    return {
        i: _Owner("分别 (respectively): read as the indicator of the number before", of=b)
        for i, b in zip(after, before[-len(after) :], strict=True)
    }


def _drop(ctx: _Context, start: int, end: int, why: str, after: list[int]) -> dict[int, _Owner]:
    """A list 分别 does not pair: none of its numbers is read, and the reader says so."""
    _unread(ctx, start, end, f"{why}: which is whose is not clear, so none is read")
    return {i: _Owner(why, dropped=True) for i in after}


def _truncated(text: str, s: int, e: int) -> bool:
    """A sentence with no end: the text stops, or breaks off, in the middle of it."""
    return e >= len(text.rstrip()) and not re.search(r"[。;!?)”]\s*$", text[s:e])


@record(kw_only=False)
class _Clause:
    """Where a number stands in its clause."""

    c0: int  # the clause's start
    c1: int  # its end
    own0: int  # where this number's own words start (after the number before it)
    own: str  # the words between the number before it (or the clause's start) and it
    head: str  # the clause's words before earlier numbers: the verb that governs them all
    right: str  # the words after it to the clause's end


def _clause(text: str, s: int, e: int, f: _Found, before: list[_Found]) -> _Clause:
    c0 = _clause_start(text, s, f.start)
    c1 = _clause_end(text, f.end, e)
    own0 = max([c0] + [b.end for b in before if b.end <= f.start])
    return _Clause(c0, c1, own0, text[own0 : f.start], text[c0:own0] if own0 > c0 else "", text[f.end : c1])


def _reading(
    ctx: _Context,
    s: int,
    e: int,
    f: _Found,
    found: list[_Found],
    index: int,
    marks: list[Mark],
    line_marks: list[Mark],
    previous: list[Reading],
    owner: tuple[str, str] | None = None,
) -> Reading | None:
    text = ctx.normal.text
    before = found[:index]
    cl = _clause(text, s, e, f, before)
    if _context_clause(text[cl.c0 : cl.c1], cl.own) or _award(cl.own, cl.right) or _admin_count(f, cl.right):
        return None
    stop = min([cl.c1, *(g.start for g in found if g.start >= f.end)])
    chain = bool(before) and before[-1].first and before[-1].end > cl.c0
    indicator, i0, i1, inherited = _indicator(text, cl.own0, f.start, f.end, stop, previous, chain)
    f.first = i1 > f.end
    noun_after = bool(re.match(r"[\u4e00-\u9fff]", cl.right))
    if noun_after and not f.number[:1].isdigit() and not chain and not _ADDED_END.search(_strip_list(cl.own)):
        return None  # 坚持四个最严: a Chinese numeral before a noun, with no verb of adding, is a slogan
    notes = list(f.notes)
    if owner is not None:
        indicator, i0, inherited = owner[0], cl.c0, False
        notes += [owner[1]] if owner[1] else []
    elif not indicator:
        indicator, inherited = _subject_before(text, s, cl.c0), True
    if not indicator:
        last = _elided(ctx, s, f, marks)
        if last is None:
            why = "no indicator: neither its clause nor the clause before names what this number counts"
            _unread(ctx, cl.c0, f.end, why)
            return None
        indicator, inherited = last.indicator, False
        notes.append(f"indicator taken from the clause before: {indicator} (this clause names none of its own)")
    if inherited:
        notes.append(f"indicator read from the clause before: {indicator}")
    time, role, year = _when(ctx, f, marks, line_marks, notes)
    one_year = ctx.period is not None and ctx.period[0] == ctx.period[1] == year
    when = replace(time, role=role, one_year=one_year, figure_year=year)
    kind, since = _what(f, indicator, text[cl.c0 : f.start], when, i1 > f.end, previous, notes)
    if role == Role.BASELINE and kind == ReadKind.INCREMENT and since is None and time.since is None and year:
        notes.append("the span of this count is not stated")
    start = _past_list_mark(text, i0 if chain else min(i0, cl.own0 + _lead_len(cl.own)), f.start)
    a, b = ctx.normal.span(start, max(f.end, i1))
    quote = ctx.normal.source[a:b].strip()
    a = ctx.normal.source.find(quote, a)
    return Reading(
        indicator=indicator,
        value=f.value,
        low=f.low,
        high=f.high,
        unit=f.unit,
        comparator=f.comparator or _comparator(cl.own, cl.head) or Comparator.STATED,
        kind=kind,
        role=role,
        year=year,
        since=since,
        quote=quote,
        start=a,
        end=a + len(quote),
        number=f.number,
        section=ctx.section,
        notes=tuple(notes),
        clause=text[start : max(cl.c1, f.end, i1)],
    )


def _base_unit(unit: str) -> str:
    """A unit without its 万/亿 (20万件 and 7件 count the same thing), as written when ipcompare does not know it."""
    known = parse_unit(unit)
    return known.base if known is not None else unit


def _elided(ctx: _Context, s: int, f: _Found, marks: list[Mark]) -> Reading | None:
    """The figure whose indicator a clause with none of its own repeats: 到2023年,A达到5件;到2025年,达到7件.

    Plans list a target's later horizons in clauses of a horizon, a verb and a number. Such a number
    takes the indicator of the line's figure before it only when nothing names another subject in
    between (only time phrases, verbs and punctuation) and both numbers count in the same unit. A 其中
    part between (A达到10家;其中,新增B2家;到2025年,达到15家) is a part of A, not the subject repeated: it is
    passed over, words and all, and the number takes A's indicator.
    """
    if not ctx.last or not any(m.year and s <= m.at and m.end <= f.start for m in marks):
        return None
    text = ctx.normal.text
    wholes = [i for i, (_, _, part) in enumerate(ctx.last) if part is None]
    if not wholes:
        return None
    end, last, _ = ctx.last[wholes[-1]]
    # 其中,新增国家级示范机构2家: a part of the figure before, passed over with its words
    parts = [(part, e) for e, _, part in ctx.last[wholes[-1] + 1 :] if part is not None]
    if end > s or _base_unit(last.unit) != _base_unit(f.unit):
        return None
    between = text[end : f.start]
    for a, b in parts:
        between = between[: a - end] + "," * (b - a) + between[b - end :]
    between = _TIME.sub(",", between)
    if any(_strip_indicator(words) for words in re.split(r"[,;:。、\s]+", between)):
        return None
    return last


def _when(
    ctx: _Context, f: _Found, marks: list[Mark], line_marks: list[Mark], notes: list[str]
) -> tuple[_Time, Role, int | None]:
    """The time of a figure, whether it is a target or a baseline, and its year (noting what was assumed)."""
    time = _time(ctx, f.start, marks, line_marks)
    past = time.mark_end is not None and "已" in ctx.normal.text[time.mark_end : f.start]
    role = time.role
    if role == Role.TARGET and ctx.section_role == Role.BASELINE and past:
        role = Role.BASELINE  # 到2021年底,全市已…, under 发展基础: what has been reached, not what is set
    if role is None and time.as_of:
        role = ctx.section_role or (Role.BASELINE if past else None)
        if role is None:
            role = Role.TARGET
            notes.append("截至 a year of the plan's period, with neither 已 nor a section that says: read as a target")
    if role is None and ctx.report and not _TARGET_HEAD.search(ctx.section):
        role = Role.BASELINE  # 2023年,全市专利授权量达到3.5万件 in a 发展状况: what was achieved
        notes.append(f"read as achieved, not set: the title names a report on the past ({ctx.report})")
    role = role or ctx.section_role or (Role.TARGET if time.year is not None or ctx.horizon else None)
    if role is None:
        role = Role.TARGET
        notes.append("neither the sentence nor its section says whether this is a target or a baseline")
    year = time.year
    if time.year_from is not None and year != _default_year(ctx, role):
        # 到2030年,…。B翻两番 in a 十四五 plan: a year that is not the plan's own horizon, carried across a full stop
        notes.append(f"no year in the sentence; taken as {year}, from {time.year_from} in an earlier sentence")
    if year is None and role == Role.TARGET and ctx.horizon is not None:
        year = ctx.horizon.year
        said = ctx.normal.text[ctx.horizon.at : ctx.horizon.end]
        notes.append(f"no year in the sentence; taken as {year}, from {said} before it in the section")
    if year is None:
        year = _default_year(ctx, role)
        if year is not None:
            notes.append(f"no year in the sentence; taken as {year}, the {_default_what(role)}")
    return time, role, year


def _what(
    f: _Found, indicator: str, cues: str, time: _Time, number_first: bool, previous: list[Reading], notes: list[str]
) -> tuple[ReadKind, int | None]:
    """A figure's kind and a span's first year; a bare number after a governed one takes its kind."""
    kind, since, more = _kind(f, indicator, cues, time, number_first)
    part = cues.lstrip(",、 ").startswith("其中") or "其中" in cues[-12:]
    bare = bool(more) and (more[0] == _NO_WORD or part)
    if bare and previous and previous[-1].kind in _COUNT_KINDS and f.unit not in ("%", "‰"):
        last = previous[-1]  # 累计认定驰名商标60件,地理标志证明商标70件: the verb before governs both
        kind, since, more = last.kind, last.since, [f"kind as the figure before it ({last.kind})"]
        if part:
            more = [f"其中 (of which): a part, of the kind of its whole ({last.kind})"]
        if since is not None and since == time.span_start:
            more += _section_span(time)  # the span assumed for the figure before is assumed for this one too
    notes += more
    if since is None and kind == ReadKind.INCREMENT:
        since = time.since
    return kind, since


def _strip_list(words: str) -> str:
    return _LEAD.sub("", _TIME.sub("", words))


#: What opens an item of a list, before its words: (二), 1., 3、, 二、, ——, a circled number (read as a space), a comma.
_LIST_MARK = re.compile(
    r"(?:[\s,、;:\u2014\u2015]|\(?[一二三四五六七八九十]{1,3}\)|\(?\d{1,2}\)|\d{1,2}[.、](?!\d)|[一二三四五六七八九十]{1,3}、)+"
)


def _past_list_mark(text: str, start: int, number: int) -> int:
    """Where a quote starts: at its words, past the mark of a list item (（二）, 1., ①) before them, never past
    the number. The quote stays the source's own characters, only shorter."""
    m = _LIST_MARK.match(text, start, number)
    return m.end() if m else start


def _lead_len(own: str) -> int:
    m = re.match(r"[,、和及与]*", own)
    return m.end() if m else 0


_PREPOSITION = re.compile(r"^(?:在|与|同(?!比)|围绕|涉及|覆盖|面向|针对|对|按照|根据|依托|通过|向|从|联合|组织|聚焦)")


#: Prepositions of scope: a clause that opens with one and has no verb before its number names what the
#: work is about (围绕“十大产业链”和3个千亿级产业集群), not what it is to reach.
_SCOPE = re.compile(r"^(?:围绕|聚焦|面向|依托|针对|立足|瞄准|对标)")
_SCOPE_VERB = re.compile(rf"{_ADDED.pattern}|达到|达|突破|超过|实现|提高|提升|增长|保持|不低于|不少于|至少")


def _context_clause(clause: str, own: str) -> bool:
    """A number that sets a scene rather than states a figure: 在全国159个…中, 与…15个省市签署, 围绕13条产业链."""
    words = own.lstrip(",、")
    if _PREPOSITION.match(words) and re.search(r"中|签署|之间|合作", clause):
        return True
    scope = _SCOPE.match(words)
    if scope and not _SCOPE_VERB.search(words, scope.end()):
        return True
    return bool(re.fullmatch(r"(?:与|同(?!比)|围绕|面向|聚焦|依托|针对|按照|根据)\S{0,4}", words))


_ADMIN_UNITS = re.compile(r"^(?:设区市|县\(市、区\)|县市区|市州|盟市|地市|乡镇|镇街|街道|省市区|省份|市县|县区)")


def _admin_count(f: _Found, right: str) -> bool:
    """全省11个设区市、100个县(市、区)均已建立…: a count of places sets the scene, it is no indicator."""
    return f.unit == "个" and bool(_ADMIN_UNITS.match(right))


def _award(own: str, right: str) -> bool:
    """15件地理标志分获…金奖, 5家企业荣获…: prizes won, context rather than an indicator."""
    return not _strip_indicator(own) and bool(re.search(r"^[^,;]{0,12}(?:荣获|分获|获得|喜获|摘得)", right))


#: The year a verb of reaching runs to (增长到2025年的11万件): the number's year, between the verb and it.
_YEAR_OF = re.compile(r"(?:19|20)\d\d年(?:底|末)?的?$")


def _comparator(own: str, head: str) -> Comparator | None:
    for words in (own, head):
        tail = _YEAR_OF.sub("", words)[-6:]
        for word, comparator in _BEFORE:
            if word in tail:
                return comparator
    return None


@record(kw_only=False)
class _Time:
    year: int | None
    role: Role | None
    since: int | None = None
    against: int | None = None
    against_period: bool = False
    period_since: int | None = None  # the first year of the period the section reports
    as_of: bool = False  # the year is a 截至 date: its role is the section's
    mark_end: int | None = None  # where the time phrase ends (the words from it to the figure may say 已)
    since_from: str | None = None  # the period phrase of an earlier sentence that `since` comes from
    one_year: bool = False  # the figure is of the one year a year's plan (2024年工作要点) covers
    figure_year: int | None = None  # the figure's year, the sentence's or the one it takes (到2030年 before it)
    year_from: str | None = None  # the time phrase of an earlier sentence the year comes from (this one has none)

    @property
    def span_start(self) -> int | None:
        """The first year of the span a count over a period covers: the sentence's, else the section's."""
        return self.since or self.period_since


def _time(ctx: _Context, at: int, marks: list[Mark], line_marks: list[Mark]) -> _Time:
    """The year of a figure at `at`: the time phrase before it in its sentence, else in its paragraph."""
    before = [m for m in marks if m.end <= at and (not m.only_next or m.end == at)]
    dated = [m for m in before if m.year]
    against = next((m for m in reversed(before) if not m.year), None)
    mark = dated[-1] if dated else None
    if mark is None:
        later = [m for m in marks if m.year and m.at >= at and not m.only_next]
        mark = later[0] if later else None
    borrowed = False
    if mark is None:
        dated_line = [m for m in line_marks if m.year and not m.only_next]
        mark = dated_line[-1] if dated_line else None
        borrowed = mark is not None
        if against is None:
            against = next((m for m in reversed(line_marks) if not m.year), None)
    versus = against.against if against else None
    if against is not None and against.prior:
        versus = mark.year - 1 if mark is not None else None  # 2023年…同比增长12%: over 2022
    period = bool(against and against.against_period)
    if mark is None:
        return _Time(None, None, None, versus, period, ctx.section_since)
    said = ctx.normal.text[mark.at : mark.end]
    since_from = said if borrowed and mark.since else None
    return _Time(
        mark.year,
        mark.role,
        mark.since,
        versus,
        period,
        mark.since or ctx.section_since,
        mark.as_of,
        mark.end,
        since_from,
        year_from=said if borrowed and _carried(ctx, mark, at) else None,
    )


def _carried(ctx: _Context, mark: Mark, at: int) -> bool:
    """Whether the year of an earlier sentence is carried past that sentence's own figures and a full stop
    (到2030年,A增长50%。B翻两番): a guess to review. A sentence that only sets the horizon (到2025年,…取得明显
    成效。A达到3.6件), or clauses between semicolons, share their year."""
    text = ctx.normal.text
    return any(mark.end <= end <= at and re.search(r"[。!?]", text[end:at]) for end, _, _ in ctx.last)


def _default_year(ctx: _Context, role: Role) -> int | None:
    if ctx.period is None:
        return None
    return ctx.period[1] if role == Role.TARGET else ctx.period[0] - 1


def _default_what(role: Role) -> str:
    return "end of the plan's period" if role == Role.TARGET else "year before the plan's period"


#: The note of a count no word governs: a number after a governed one takes that one's kind.
_NO_WORD = "no word says whether this is a total, an amount added or a yearly amount"
_NUMBERS = re.compile(rf"{_ARABIC}{_GAP}(?:余|多)?(?:万|亿)?(?:余|多)?(?:{_UNIT})[、,]?")
_COUNT_KINDS = (ReadKind.LEVEL, ReadKind.INCREMENT, ReadKind.FLOW)


#: 五年翻两番, 三年内增长50%: a growth over the N years that end in the figure's year (not 连续五年, 第五年).
_SPAN_GROWTH = re.compile(
    r"(?<![连续第近前后每\d])(?P<n>[两二三四五六七八九十]|\d{1,2})年(?:内|间)?(?:实现)?(?:增长|提高|提升|增加)?$"
)


def _kind(
    f: _Found, indicator: str, cues: str, time: _Time, number_first: bool
) -> tuple[ReadKind, int | None, list[str]]:
    """What the figure measures, from its unit and the words around it; with a span's first year."""
    if f.kind is not None:
        return f.kind, None, []
    span = _SPAN_GROWTH.search(cues[-12:])
    n = _number(span["n"]) if span else None
    if span and n is not None and not n[1] and time.figure_year is not None and f.unit in ("%", "‰"):
        against = time.figure_year - int(n[0])  # 五年翻两番, 三年增长50%: over the N years to the figure's year
        kind, since, notes = _kind_of(f, indicator, cues, replace(time, against=against, against_period=False))
        if kind == ReadKind.PERIOD_GROWTH:
            notes = [*notes, f"{span.group()}: a growth over the {n[0]:g} years {against}-{time.figure_year}"]
        return kind, since, notes
    return _kind_of(f, indicator, cues, time, number_first)


def _kind_of(
    f: _Found, indicator: str, cues: str, time: _Time, number_first: bool = False
) -> tuple[ReadKind, int | None, list[str]]:
    if f.number.startswith("翻"):
        if time.against is not None:
            return ReadKind.PERIOD_GROWTH, time.against, []
        return ReadKind.UNCLEAR, None, [f"{f.number}: a growth that does not say since when"]
    near = cues[-14:]
    if f.unit in ("%", "‰"):
        return _percent_kind(indicator, near, time)
    if f.unit == "分":
        return ReadKind.SCORE, None, []
    own = _NUMBERS.sub("", cues)
    if time.against is not None and _PERIOD_GROWTH.search(own[-8:]):
        flow = bool(_FLOW_NOUN.search(indicator))
        kind = ReadKind.FLOW_CHANGE if flow else ReadKind.INCREMENT
        return kind, time.against + (0 if flow else 1), []
    kind, since, notes = _count_kind(indicator, own, time)
    if kind == ReadKind.UNCLEAR and number_first and time.role == Role.BASELINE and time.since is None:
        return ReadKind.LEVEL, None, ["a count of what stood in the year (150家企业通过…): read as a level"]
    return kind, since, notes


def _percent_kind(indicator: str, near: str, time: _Time) -> tuple[ReadKind, int | None, list[str]]:
    if _GROWTH.search(near):
        return ReadKind.GROWTH_RATE, None, []
    if "增长率" in near or "增速" in near:
        return ReadKind.UNCLEAR, None, ["a growth rate that does not say over what span or of what"]
    if _PERIOD_GROWTH.search(near[-6:]):
        if time.against is not None:
            return ReadKind.PERIOD_GROWTH, time.against, []
        if time.against_period:
            return ReadKind.PERIOD_GROWTH, None, ["growth of a whole period's total over the period before"]
        return ReadKind.UNCLEAR, None, ["a growth that does not say since when"]
    if _SHARE_NOUN.search(indicator) or _SHARE_NOUN.search(near):
        return ReadKind.SHARE, None, []
    return ReadKind.UNCLEAR, None, ["a percentage that is neither a stated share nor a stated growth"]


def _count_kind(indicator: str, left: str, time: _Time) -> tuple[ReadKind, int | None, list[str]]:
    """A count or an amount: a level, an amount added, or a year's amount, by the verbs that govern it."""
    flow = bool(_FLOW_NOUN.search(indicator))
    head = _strip_list(left)
    tail = left[-8:]
    added = (
        _ADDED_AT.match(head)
        or _ADDED_END.search(left)
        or re.match(r"服务|帮助|办理|完成", head)
        or _PUT_TO_USE.match(head)
    )
    verb = added.group() if added else ""
    if _ANNUAL.search(left) or _ANNUAL.search(indicator):
        return ReadKind.FLOW, None, []
    if verb in ("新增", "增加") and flow and not _ADDED_AT.match(head):
        note = (
            f"{verb} of an amount counted each year: the sum over the years, or the last year's amount over the first's"
        )
        return ReadKind.UNCLEAR, None, [note]
    if _CUMULATIVE.search(tail) and _DURATION.search(left):
        return ReadKind.INCREMENT, time.since, []
    if re.search(r"累计|共计|合计", left) and time.since is not None and time.since_from is None:
        return ReadKind.INCREMENT, time.since, []  # “十三五”期间,全省累计注册…620件: added since the period began
    years = _YEARS_TOTAL.search(left)
    if years:  # 两年累计登记金额不低于60亿元: the sum of the N years that end in the figure's
        n = _number(years["n"])
        if n is not None and time.figure_year is not None and not n[1]:
            since = time.figure_year - int(n[0]) + 1
            return (
                ReadKind.INCREMENT,
                since,
                [f"{years.group()}: a total over the {n[0]:g} years {since}-{time.figure_year}"],
            )
        return ReadKind.INCREMENT, time.span_start, [f"{years.group()}: a total over years the text does not date"]
    if _ADDED_END.search(left) and not _STATUS.match(head):
        return ReadKind.INCREMENT, time.span_start, _section_span(time)  # 注册商标增加47035件
    if time.role == Role.BASELINE and time.since is None and (_STATUS.match(head) or _CUMULATIVE.search(tail)):
        return ReadKind.LEVEL, None, []  # 共建…示范城市2家, 累计认定驰名商标60件: what stood at the year
    if added or _CUMULATIVE.search(tail):
        return ReadKind.INCREMENT, time.span_start, _section_span(time)
    return _count_level(indicator, flow, left, time)


def _section_span(time: _Time) -> list[str]:
    """A review note for a span the sentence does not name but an earlier sentence or its section does (“十三五”
    期间 in the section's first paragraph, 奖励…5000余万元 in a later one): the period's total, or the year's?"""
    if time.since_from is not None:
        return [f"counted from {time.since}, by {time.since_from} in an earlier sentence: this one names no period"]
    if time.since is not None or time.period_since is None:
        return []
    return [f"counted from {time.period_since}, the period its section reports: the sentence names no period"]


def _count_level(indicator: str, flow: bool, left: str, time: _Time) -> tuple[ReadKind, int | None, list[str]]:
    """With no verb of adding: a stock, a year's amount, or a number the sentence leaves open."""
    if flow and re.search(r"总额|总量", indicator):
        return ReadKind.UNCLEAR, None, ["the total of an amount counted each year: over the period, or in the year"]
    if flow and time.role == Role.BASELINE and time.since is None and (time.year or not time.period_since):
        return ReadKind.FLOW, None, []  # 2020年,全市专利授权量达7092件: the year's grants
    if flow and time.span_start is not None:  # “十二五”专利申请量为30196件: the period's total
        return ReadKind.INCREMENT, time.span_start, _section_span(time)
    if flow and time.one_year and time.role == Role.TARGET:
        return ReadKind.FLOW, None, ["an amount counted each year, in a plan of one year (工作要点): that year's"]
    if flow:
        note = "an amount counted each year, without 年度 or 每年: the year's amount or a total"
        return ReadKind.UNCLEAR, None, [note]
    if _STOCK.search(indicator) or _REACH_END.search(left):
        return ReadKind.LEVEL, None, []
    if time.since is not None:
        return ReadKind.UNCLEAR, None, ["stated for a period without saying whether it is the period's total"]
    return ReadKind.UNCLEAR, None, [_NO_WORD]


# ---------------------------------------------------------------------------------------------------
# Indicators


_VERB_END = re.compile(r"(?:申请注册|注册|申请|培育|引进|打造|认定|创建|推动|培养|扶持|新增|开展|建设|拥有)$")
_ELLIPTIC = re.compile(r"^(?:总数|总量|总计|合计|累计|共计|总额|其中)?$")
_LIST_ITEM_END = re.compile(r"(?:量|数|额|率|比重|密度|总数|总量|数量|金额)$")
_SPLIT = re.compile(r"、|和|及|以及|与")


_RANK_TAIL = re.compile(
    r"(?:中|在)?(?:位居|位列|排名|排在|排|居于|居|进入|保持)?(?:全国|全省|全区|全市|中部省份|同类城市)?(?:前列)?$"
)


#: The words that set a year against (比2020年, 与2020年相比): the year is a time, the words no part of a name.
_AGAINST_YEAR = re.compile(r"(?:比|较|与|同)((?:19|20)\d\d年(?:底|末)?|“?十[一二三四五]五”?末)(?:相比|比较)?")


def _strip_indicator(words: str) -> str:
    words = _TIME.sub("", _AGAINST_YEAR.sub(r"\1", _PRIOR.sub("", words))).lstrip("—- ")
    words = _LEAD.sub("", words)
    words = _LEAD_VERB.sub("", words)
    words = _LEAD.sub("", words)
    words = _TRAILING_VERB.sub("", words)
    words = _RANK_TAIL.sub("", words)
    words = re.sub(r"^(?:与|较|比|同)?(?:相比|比较|同比)?", "", words)
    words = words.strip(' ,、“”"()—-')
    return words


def _indicator(
    text: str, own0: int, start: int, end: int, c1: int, previous: list[Reading], chain: bool
) -> tuple[str, int, int, bool]:
    """The indicator a number is of, with its span: the words before it, else after it, else the clause before's.

    `chain`: the number before it in the clause came first and its noun after (培育2个…中心、3个…基地), so
    this one's noun is after it too.
    """
    own = text[own0:start]
    name = _strip_indicator(own)
    modifier = name.endswith("的") or bool(_VERB_END.search(name))  # 每个县至少申请注册1件地理标志商标
    if modifier and len(_strip_after(text[end:c1])) < 2:
        modifier = False
    if len(name) >= 2 and not _ELLIPTIC.match(name) and not chain and not modifier:
        i0 = own0 + own.find(name[:1]) if name[:1] in own else own0
        return name, max(own0, i0), end, False
    right = re.sub(r"[、和及与]+$", "", text[end:c1])
    after = _strip_after(right)
    if len(after) >= 2:
        return after, start if chain else own0, end + right.find(after) + len(after), False
    if previous:
        return previous[-1].indicator, own0, end, True
    return "", own0, end, False


_PREDICATE = re.compile(
    r"(?:逐年|持续|不断|稳步|快速|大幅|明显|显著|进一步)?(?:提升|提高|增长|增加|增强|扩大|上升|改善|加强|优化|递增)$"
)


def _subject_before(text: str, s: int, c0: int) -> str:
    """The subject of the clause before (…申请数量逐年提升,连续五年位居全省第2位): for a number with no name."""
    if c0 <= s + 1:
        return ""
    p0 = _clause_start(text, s, c0 - 1)
    return _strip_indicator(_PREDICATE.sub("", text[p0 : c0 - 1]))


def _strip_after(words: str) -> str:
    """The noun a number counts when it comes first (培育5个知识产权密集型产业园区): up to the next verb."""
    words = re.sub(r"^(?:的|左右)", "", words)
    m = re.search(r"(?:开展|实现|入选|通过|获得|获批|进入|参与|完成|达到|纳入|分获|荣获|成为|进行)", words)
    noun = words[: m.start()] if m and m.start() >= 2 else words
    return noun.strip(' ,、“”"')


def split_indicators(name: str, *, listed: bool = False) -> list[str]:
    """Several indicators that share one number: 发明专利申请量、授权量和有效发明专利拥有量 -> three.

    Only when each part ends like an indicator (量, 数, 额, 率) is the name split; 企业、科研院所和大专院校
    发明专利申请量 stays one. A short part takes the head of the part before it (授权量 -> 发明专利授权量).
    `listed`: the words are a list by their grammar (they come before 分别), whatever their parts end in.
    """
    parts = [p for p in _SPLIT.split(name) if p]
    if len(parts) < 2 or not (listed or all(_LIST_ITEM_END.search(p) for p in parts)):
        return [name]
    out = [parts[0]]
    for part in parts[1:]:
        if len(part) <= 3:
            head = re.sub(r"(?:申请|授权|注册|登记|拥有|使用)?(?:量|数|额|率|数量|总量|总数)$", "", out[-1])
            part = head + part
        out.append(part)
    return out


def expand(readings: Sequence[Reading]) -> list[Reading]:
    """One reading per indicator where a number is shared (年增20% of three indicators gives three)."""
    out: list[Reading] = []
    for r in readings:
        names = split_indicators(r.indicator)
        if len(names) == 1:
            out.append(r)
            continue
        note = f"one number for {len(names)} indicators ({'、'.join(names)})"
        out += [replace(r, indicator=n, notes=(*r.notes, note)) for n in names]
    return out
