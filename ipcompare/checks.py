"""Does a plan add up? Rules that check a plan's figures against each other, as a linter checks code.

Each rule has a code (IP101), a name, a severity and a one-line summary; `explain` gives the full text.
A finding names the file and line of the figure it is about and lists every figure it used, with their
quotes, so an analyst can see the arithmetic and find the words again.

A plan's numbers can disagree for reasons the plan does not state (a total that counts more than its
parts, a rate rounded up). When a curator has looked into a finding, they say so in the note of a figure
it involves, naming the code ("IP102: the plan rounds ..."): the finding is still listed, marked
explained with that note, and does not fail the check.

Tolerances are for rounding only: a figure written 25 may stand for 24.5 to 25.5, 8.5 for 8.45 to 8.55.
A target is a goal, exact as written; a stated rate, a sum or a part is allowed the rounding of the
figures it is made of, and no more.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from decimal import Decimal
from enum import StrEnum

from .base_units import base_point
from .errors import UsageError
from .labels import said
from .model import SPAN_KINDS, Comparator, Dataset, Direction, Figure, Kind, Metric, Plan, Reported
from .progress import units_agree
from .records import record, replace
from .results import json_number
from .units import parse_unit


class Severity(StrEnum):
    ERROR = "error"  # the plan's figures cannot all be right
    WARNING = "warning"  # very likely a slip in the plan (or in the data): look
    INFO = "info"  # worth a look; the figures may well be right


#: Most severe first: --severity warning keeps errors and warnings.
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@record(kw_only=False)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str  # one line: what the rule finds
    explanation: str  # why it matters, what it compares, how to explain a finding away
    summary_zh: str = ""  # the same, in Chinese (`check --explain CODE --lang zh`)
    explanation_zh: str = ""


RULES: tuple[Rule, ...] = (
    Rule(
        "IP101",
        "sum-short",
        Severity.WARNING,
        "a baseline plus the increment does not make the level the plan states for the same year",
        "A plan that states a level at the start of its period (51 件 at the end of 2015), an increment over "
        "the period (新增40件) and a level at its end (总数突破100件) has said the same thing twice: the start "
        "plus the increment should make the end level. When it does not, one of the three is wrong, or they "
        "count different things. Where the start level is only given for a part of the metric (certification "
        "marks of all GI trademarks), the finding says so and is informational: the whole may have been larger. "
        "Tolerance: the rounding of the three figures (half a unit of each one's last digit).",
        "基期值加新增量不等于规划所述同年的总量",
        "规划给出期初总量（2015年底51件）、期内新增量（新增40件）和期末总量（总数突破100件）时，同一件事说了两遍："
        "期初加新增应等于期末。不相等时，三者之一有误，或口径不同。若期初总量只是该指标的一部分（地理标志商标中的"
        "证明商标），结果会说明这一点并仅作提示：整体可能更大。容差：三个数字各自末位的一半。",
    ),
    Rule(
        "IP102",
        "growth-rate-mismatch",
        Severity.WARNING,
        "a stated annual growth rate differs from the one implied by the baseline and the target",
        "A sentence such as 每万人发明专利拥有量年均增长25%,达到12件 states a rate and a target; with the plan's "
        "baseline (4.09 件 in 2020) the target implies its own rate: (12 / 4.09)^(1/5) - 1 = 24.0 % a year. "
        "The finding shows both. Tolerance: the rounding of the stated rate (25 % stands for 24.5 to 25.5 %); "
        "the target and baseline are taken as written.",
        "规划所述的年均增速与基期值和目标值所隐含的增速不符",
        "“每万人发明专利拥有量年均增长25%，达到12件”同时给出增速和目标；结合规划的基期值（2020年4.09件），目标隐含"
        "的增速为(12 / 4.09)^(1/5) - 1 = 每年24.0%。结果列出二者。容差：所述增速的舍入（25%代表24.5%至25.5%）；目"
        "标和基期值按原文。",
    ),
    Rule(
        "IP103",
        "target-not-beyond-baseline",
        Severity.WARNING,
        "a target at or below its own baseline for a metric where more is better (or at or above, where less is)",
        "A target that asks for no more than the plan says was already reached is either a slip or a target "
        "in decline the plan does not say. Compared only with the plan's own baseline of the same metric, "
        "scope and kind (and span); a target to maintain (保持) a level is not checked.",
        "目标不高于其基期值（越高越好的指标），或不低于其基期值（越低越好的指标）",
        "目标若不超过规划自己说已经达到的水平，要么是笔误，要么是规划未言明的下降目标。只与同一指标、口径、类型（"
        "及期限）的本规划基期值比较；“保持”类目标不检查。",
    ),
    Rule(
        "IP104",
        "part-exceeds-whole",
        Severity.ERROR,
        "a figure of a part of a metric is larger than the plan's figure of the whole for the same year",
        "Metrics in the catalogue may be parts of others (certification marks are part of GI trademarks). A "
        "plan's figure for the part cannot be larger than its figure for the whole, same year, kind, scope "
        "and span, both targets or both baselines. Tolerance: the rounding of both figures.",
        "指标组成部分的数字大于规划同年整体的数字",
        "目录中的指标可以是其他指标的组成部分（证明商标属于地理标志商标）。同一年份、类型、口径和期限，且同为目标"
        "或同为基期值时，组成部分的数字不能大于整体。容差：两个数字的舍入。",
    ),
    Rule(
        "IP105",
        "span-outside-period",
        Severity.WARNING,
        "an increment target counted over a span outside the plan's own period",
        "A plan for 2021-2025 that sets 新增 N over 2016-2025 is counting over years another plan has "
        "counted: usually a slip in `since`. Checked for targets only (baselines report the past); a span may "
        "start the year before the period (较2020年). A target year outside the period is refused when the "
        "data is loaded, as is a range whose ends are reversed (`validate`).",
        "新增量目标的计算期限超出规划自身的规划期",
        "2021—2025年的规划若设定2016—2025年新增N，就把其他规划已计的年份又计了一遍：通常是 since 写错。只检查目标"
        "（基期值报告的是过去）；期限可以从规划期前一年开始（较2020年）。目标年份超出规划期、区间两端颠倒，在读入"
        "数据时即被拒绝（validate）。",
    ),
)

QUOTE_RULES: tuple[Rule, ...] = (
    Rule(
        "IP201",
        "quote-not-in-source",
        Severity.ERROR,
        "a figure's quote is not found, character for character, in the plan's source document",
        "Every figure carries the words it was read from, so that anyone can find them again. `validate` "
        "checks each quote against the document the plan names as its `source` (beside the data file); this "
        "rule reports what it reports. A plan whose document cannot be found is not checked, and the check "
        "says so.",
        "数字的引文在规划来源文件中找不到（逐字比对）",
        "每个数字都附有其原文，便于任何人再次找到。validate 将每条引文与规划 source 所指的文件（位于数据文件旁）比"
        "对；本规则报告其结果。找不到来源文件的规划不检查，并会说明。",
    ),
    Rule(
        "IP202",
        "quote-reads-otherwise",
        Severity.WARNING,
        "a figure's quote, read back by ipcompare's reader, says another value, unit, comparator, kind or year",
        "The reader of `extract` reads each quote again and compares what it finds with the figure (the "
        "warnings of `validate`, errors with `validate --strict`). The reader sees only the quote: a curator "
        "who read the sentence around it may know better, and explains it in the figure's note.",
        "ipcompare 的读取器重读引文，得出的数值、单位、比较词、类型或年份与数字不同",
        "extract 的读取器重新读取每条引文，并将结果与数字比较（即 validate 的警告，validate --strict 时为错误）。"
        "读取器只看到引文本身：读过上下文的整理者可能更清楚，并在该数字的 note 中说明。",
    ),
)

OUTCOME_RULES: tuple[Rule, ...] = (
    Rule(
        "IP107",
        "met-before-issued",
        Severity.WARNING,
        "a target a recorded outcome had already reached before the plan was issued",
        "A plan issued in 2021 that sets a 2025 target its region had already reached by the end of 2020 (as "
        "an outcome in the data records it) asks for nothing new: the target may be a slip, or kept for form. "
        "Only outcomes of a year before the year the plan was issued count (what its authors could know), "
        "of the target's metric, scope and kind (and span), and only for plans that give their issue date.",
        "规划印发前已有实际结果达到的目标",
        "2021年印发的规划若设定2025年目标，而数据中的实际结果显示该地区2020年底已经达到，这一目标并无新要求：可能"
        "是笔误，也可能只是形式上保留。只计规划印发年份之前的实际结果（起草者可知的），且须与目标的指标、口径、类"
        "型（及期限）一致，并仅限给出印发日期的规划。",
    ),
)
RULES = (*RULES[:5], *OUTCOME_RULES, *QUOTE_RULES)

_BY_CODE = {r.code: r for r in RULES}
#: A rule's code in a note: the curator's explanation of a finding of that rule.
_CODE = re.compile(r"\bIP\d{3}\b")


@record
class CheckedFigure:
    """A figure a finding used, with where it is and its quote."""

    role: str  # target, baseline, or outcome (what a region reported)
    metric: str
    year: int
    since: int | None
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    kind: Kind | None
    comparator: Comparator | None
    scope: str | None
    quote: str
    file: str
    line: int | None


@record
class Finding:
    """One thing a rule found, at the file and line of the figure it is about."""

    file: str
    line: int | None
    code: str
    rule: str
    severity: Severity
    plan: str
    metric: str
    message: str
    figures: list[CheckedFigure]
    explained: str | None  # the note that explains it (a finding so marked does not fail the check)


def rule(code: str) -> Rule:
    """The rule of a code. Raises UsageError, with the known codes."""
    found = _BY_CODE.get(code.upper())
    if found is None:
        raise UsageError(f"unknown rule {code!r} (rules: {', '.join(_BY_CODE)})", "explain")
    return found


def selected(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """The rules chosen as ruff chooses them: by code or code prefix (IP1), all when nothing is selected."""
    for option, codes in (("select", select), ("ignore", ignore)):
        for code in codes:
            if not any(r.code.startswith(code.upper()) for r in RULES):
                raise UsageError(f"no rule matches {code!r} (rules: {', '.join(_BY_CODE)})", option)
    chosen = [r for r in RULES if not select or any(r.code.startswith(c.upper()) for c in select)]
    return [r for r in chosen if not any(r.code.startswith(c.upper()) for c in ignore)]


def check_plans(
    ds: Dataset,
    plans: Iterable[Plan] | None = None,
    rules: Sequence[Rule] | None = None,
    metrics: Collection[str] | None = None,
) -> list[Finding]:
    """Every finding of `rules` (all by default) in `plans` (every plan by default), by file and line; with
    `metrics`, only the findings about those metrics (and only their quotes are read, which at thousands of
    plans is most of the work)."""
    chosen = {r.code for r in (RULES if rules is None else rules)}
    catalogue = {m.id: m for m in ds.metrics}
    checked = list(ds.plans if plans is None else plans)
    findings: list[Finding] = []
    for plan in checked:
        for code, finder in _FINDERS:
            if code in chosen:
                findings += finder(plan, catalogue)
        if "IP107" in chosen:
            findings += _met_before(plan, catalogue, [o for o in ds.outcomes if o.region == plan.region])
    if metrics is not None:
        wanted = set(metrics)
        findings = [f for f in findings if f.metric in wanted]
        checked = [_only(plan, wanted) for plan in checked]
    findings += _quotes(ds, checked, chosen)
    return sorted(findings, key=lambda f: (f.file, f.line or 0, f.code))


def _only(plan: Plan, metrics: set[str]) -> Plan:
    """The plan with only the figures of `metrics` (the same figure objects, so their places are the same)."""
    return replace(
        plan,
        targets=tuple(t for t in plan.targets if t.metric in metrics),
        baselines=tuple(b for b in plan.baselines if b.metric in metrics),
    )


def _quotes(ds: Dataset, plans: list[Plan], chosen: set[str]) -> Iterator[Finding]:
    """IP201 and IP202: what `validate` finds wrong with quotes, as findings about their figures."""
    from .readback import read_back
    from .validate import check_quotes

    if "IP201" in chosen:
        at = {
            figure.loc.place("quote"): (plan, role, index, figure)
            for plan in plans
            for role, figures in (("target", plan.targets), ("baseline", plan.baselines))
            for index, figure in enumerate(figures, start=1)
        }
        subset = Dataset(metrics=ds.metrics, regions=(), plans=tuple(plans), files=ds.files)
        for problem in check_quotes(subset).not_found:
            found = at.get((problem.file, problem.line))
            if found is not None:
                plan, role, index, figure = found
                message = said(
                    "check.quote-not-found",
                    problem.message,  # validate's words, as JSON has always given them
                    plan=plan.id,
                    role=said(f"role.{role}"),
                    index=index,
                    metric=figure.metric,
                    year=figure.year,
                    source=plan.source,
                )
                yield _finding(plan, "IP201", figure, message, [figure])
    if "IP202" in chosen:
        for plan in plans:
            for role, figures in (("target", plan.targets), ("baseline", plan.baselines)):
                for figure in figures:
                    for d in read_back(figure, plan, role):
                        message = said("check.readback", metric=figure.metric, year=figure.year, said=d.message)
                        yield _finding(plan, "IP202", figure, message, [figure])


def fails(findings: Iterable[Finding], severity: Severity) -> bool:
    """Whether any finding at `severity` or above is left unexplained (the check's exit status)."""
    worst = SEVERITY_ORDER[: SEVERITY_ORDER.index(severity) + 1]
    return any(f.severity in worst and f.explained is None for f in findings)


# -- the rules ----------------------------------------------------------------------------------------------------


def _sums(plan: Plan, metrics: dict[str, Metric]) -> Iterator[Finding]:
    """IP101: start level + increment against the end level, same metric, scope and year."""
    for increment in plan.targets:
        if increment.kind != Kind.INCREMENT or increment.value is None or increment.since is None:
            continue
        for level in plan.targets:
            if (level.metric, level.scope, level.year, level.kind) != (
                increment.metric,
                increment.scope,
                increment.year,
                Kind.LEVEL,
            ) or not level.quantified:
                continue
            start, part = _start_level(plan, increment, metrics)
            if start is None or start.value is None:
                continue
            finding = _sum_finding(plan, start, part, increment, level)
            if finding is not None:
                yield finding


def _start_level(plan: Plan, increment: Figure, metrics: dict[str, Metric]) -> tuple[Figure | None, bool]:
    """The level the increment's span starts from (2015 for 2016-2020) as the plan reports it: the metric's
    own, else (second: True) that of one of its parts, which the whole is at least."""
    years = (increment.since - 1, increment.since) if increment.since is not None else ()

    def level(metric: str) -> Figure | None:
        return next(
            (
                b
                for b in plan.baselines
                if b.metric == metric
                and b.scope == increment.scope
                and b.kind == Kind.LEVEL
                and b.year in years
                and b.value is not None
            ),
            None,
        )

    own = level(increment.metric)
    if own is not None:
        return own, False
    parts = [m.id for m in metrics.values() if m.parent == increment.metric]
    return next(((f, True) for p in parts if (f := level(p)) is not None), (None, False))


def _sum_finding(plan: Plan, start: Figure, part: bool, increment: Figure, level: Figure) -> Finding | None:
    unit = level.unit
    values = [_in(f.value, f, unit) for f in (start, increment)]
    bar = level.value if level.value is not None else level.low
    if unit is None or bar is None or None in values:
        return None
    total = sum(v for v in values if v is not None)
    slack = sum(_rounding(f.value, f, unit) for f in (start, increment)) + _rounding(bar, level, unit)
    exceeding = level.comparator in (Comparator.EXCEED, Comparator.AT_LEAST)
    short = total < bar - slack
    over = not exceeding and level.high is None and total > bar + slack
    if level.comparator == Comparator.MAINTAIN or not (short or over):
        return None
    if part and not short:
        return None  # a part plus the increment beyond the bar: the whole is larger still, nothing to say
    stated = f"{_amount(level)} ({level.year})"
    added = f"{_amount(increment)} ({span_text(increment)})"
    sum_text = f"{_amount(start)} ({start.year}) + {added} = {_number(total)} {unit}"
    if part:
        least = f"{_number(bar - values[1] if values[1] is not None else bar)} {unit}"
        message = said(
            "check.sum-part",
            metric=level.metric,
            sum=sum_text,
            stated=stated,
            year=start.year,
            part=start.metric,
            least=least,
        )
    else:
        key = "check.sum-short" if short else "check.sum-beyond"
        message = said(key, metric=level.metric, sum=sum_text, stated=stated)
    severity = Severity.INFO if part else _BY_CODE["IP101"].severity
    return _finding(plan, "IP101", level, message, [start, increment, level], severity)


def _growth(plan: Plan, metrics: dict[str, Metric]) -> Iterator[Finding]:
    """IP102: a stated growth rate against the one the baseline and the target imply."""
    for rate in plan.targets:
        if rate.kind != Kind.GROWTH_RATE or rate.value is None:
            continue
        for target in plan.targets:
            if (target.metric, target.scope, target.year, target.kind) != (
                rate.metric,
                rate.scope,
                rate.year,
                Kind.LEVEL,
            ) or target.value is None:
                continue
            base = plan.baseline_for(target)
            if base is None or base.value is None or not base.value > 0 or base.year >= target.year:
                continue
            end = _in(target.value, target, base.unit)
            if end is None or end <= 0:
                continue
            years = target.year - base.year
            implied = ((end / base.value) ** (1 / years) - 1) * 100
            if abs(implied - rate.value) <= _rounding(rate.value, rate, rate.unit) + 1e-9:
                continue
            message = said(
                "check.growth",
                metric=target.metric,
                base=_amount(base),
                base_year=base.year,
                target=_amount(target),
                year=target.year,
                implied=f"{implied:.1f}",
                years=years,
                rate=_number(rate.value),
            )
            yield _finding(plan, "IP102", rate, message, [base, target, rate])


def _not_beyond(plan: Plan, metrics: dict[str, Metric]) -> Iterator[Finding]:
    """IP103: a target no better than the plan's own baseline."""
    for target in plan.targets:
        metric = metrics.get(target.metric)
        if metric is None or target.kind not in (Kind.LEVEL, Kind.FLOW, Kind.SHARE) or not target.quantified:
            continue
        if target.comparator == Comparator.MAINTAIN or target.direction == Direction.MAINTAIN:
            continue
        base = plan.baseline_for(target)
        if base is None or base.value is None:
            continue
        # The target's less ambitious end: the bottom of a range where more is better, the top where less is.
        goal = target.value if target.value is not None else (target.low if metric.higher_is_better else target.high)
        start = _in(base.value, base, target.unit)
        if goal is None or start is None:
            continue
        if (goal <= start) if metric.higher_is_better else (goal >= start):
            message = said(
                "check.not-beyond-more" if metric.higher_is_better else "check.not-beyond-less",
                metric=target.metric,
                target=_amount(target),
                year=target.year,
                base=_amount(base),
                base_year=base.year,
            )
            yield _finding(plan, "IP103", target, message, [base, target])


def _parts(plan: Plan, metrics: dict[str, Metric]) -> Iterator[Finding]:
    """IP104: a part's figure beyond the whole's, same year, kind, scope and span, both of one role."""
    for role, figures in (("target", plan.targets), ("baseline", plan.baselines)):
        for part in figures:
            metric = metrics.get(part.metric)
            if metric is None or metric.parent is None or part.value is None:
                continue
            for whole in figures:
                if whole.metric != metric.parent or whole.value is None or part.kind in (None, Kind.UNCLEAR):
                    continue
                if (whole.year, whole.kind, whole.scope, whole.span) != (part.year, part.kind, part.scope, part.span):
                    continue
                if part.kind not in (Kind.LEVEL, Kind.INCREMENT, Kind.FLOW):
                    continue  # rates and shares of a part may well exceed the whole's
                size = _in(part.value, part, whole.unit)
                if size is None:
                    continue
                slack = _rounding(part.value, part, whole.unit) + _rounding(whole.value, whole, whole.unit)
                if size > whole.value + slack and whole.comparator not in (Comparator.EXCEED, Comparator.AT_LEAST):
                    message = said(
                        "check.part-exceeds",
                        part=part.metric,
                        part_amount=_amount(part),
                        part_span=span_text(part),
                        whole=whole.metric,
                        whole_amount=_amount(whole),
                        whole_span=span_text(whole),
                        role=said(f"role.{role}"),
                    )
                    yield _finding(plan, "IP104", part, message, [part, whole], role=role)


def _spans(plan: Plan, metrics: dict[str, Metric]) -> Iterator[Finding]:
    """IP105: an increment target whose span lies outside the plan's period."""
    if not plan.period_read:
        return
    for target in plan.targets:
        if target.kind not in SPAN_KINDS or target.since is None or not target.quantified:
            continue
        if target.since >= plan.period_start - 1 and target.year <= plan.period_end:
            continue
        message = said(
            "check.span-outside",
            metric=target.metric,
            amount=_amount(target),
            span=span_text(target),
            start=plan.period_start,
            end=plan.period_end,
        )
        yield _finding(plan, "IP105", target, message, [target])


def _met_before(plan: Plan, metrics: dict[str, Metric], outcomes: list[Reported]) -> Iterator[Finding]:
    """IP107: a target an outcome of a year before the plan's issue reached already."""
    issued = plan.issued or plan.published
    if issued is None or not outcomes:
        return
    for target in plan.targets:
        metric = metrics.get(target.metric)
        if metric is None or not target.quantified or target.kind in (None, Kind.UNCLEAR):
            continue
        if target.comparator == Comparator.MAINTAIN:
            continue
        higher = metric.higher_is_better
        bar = base_point(target, higher)
        if bar is None:
            continue
        for outcome in sorted(outcomes, key=lambda o: o.figure.year):
            figure = outcome.figure
            if figure.year >= issued.year or not target.comparable(figure) or not units_agree(target, figure):
                continue
            value = base_point(figure, higher)
            if value is not None and (value >= bar if higher else value <= bar):
                message = said(
                    "check.met-before",
                    metric=target.metric,
                    target=_amount(target),
                    year=target.year,
                    amount=_amount(figure),
                    reached=figure.year,
                    source=outcome.source,
                    issued=issued.isoformat(),
                )
                yield _finding(plan, "IP107", target, message, [target, figure])
                break


_FINDERS = (("IP101", _sums), ("IP102", _growth), ("IP103", _not_beyond), ("IP104", _parts), ("IP105", _spans))


# -- helpers ------------------------------------------------------------------------------------------------------


def _finding(
    plan: Plan,
    code: str,
    at: Figure,
    message: str,
    figures: list[Figure],
    severity: Severity | None = None,
    role: str | None = None,
) -> Finding:
    rule_ = _BY_CODE[code]
    used = [_checked(plan, f, role) for f in figures]
    notes = [f.note for f in figures if f.note and code in _CODE.findall(f.note)]
    if plan.notes and code in _CODE.findall(plan.notes):
        notes.append(plan.notes)
    return Finding(
        file=at.loc.file,
        line=at.loc.line,
        code=code,
        rule=rule_.name,
        severity=severity or rule_.severity,
        plan=plan.id,
        metric=at.metric,
        message=message,
        figures=used,
        explained=notes[0] if notes else None,
    )


def _checked(plan: Plan, figure: Figure, role: str | None) -> CheckedFigure:
    if role is None:
        if any(figure is b for b in plan.baselines):
            role = "baseline"
        else:
            role = "target" if any(figure is t for t in plan.targets) else "outcome"
    return CheckedFigure(
        role=role,
        metric=figure.metric,
        year=figure.year,
        since=figure.since,
        value=json_number(figure.value),
        low=json_number(figure.low),
        high=json_number(figure.high),
        unit=figure.unit,
        kind=figure.kind,
        comparator=figure.comparator,
        scope=figure.scope,
        quote=figure.quote,
        file=figure.loc.file,
        line=figure.loc.line,
    )


def _in(value: float | None, figure: Figure, unit: str | None) -> float | None:
    """A figure's number in `unit` (8.5 万件 as 85000 件); None when the units do not convert."""
    if value is None or figure.unit is None or unit is None:
        return None
    if figure.unit == unit:
        return value
    source, target = parse_unit(figure.unit), parse_unit(unit)
    if source is None or target is None or source.dimension != target.dimension:
        return None
    if source.per_10k_people != target.per_10k_people:
        return None
    return value * source.factor / target.factor


def _rounding(value: float | None, figure: Figure, unit: str | None) -> float:
    """Half a unit of the last digit the figure is written with (25 -> 0.5, 8.5 -> 0.05), in `unit`."""
    if value is None:
        return 0.0
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    digits = exponent if isinstance(exponent, int) else 0
    half = 0.5 * 10.0 ** min(digits, 0)
    converted = _in(half, figure, unit) if unit != figure.unit else half
    return half if converted is None else converted


def _number(value: float) -> str:
    return f"{value:.10g}" if abs(value) >= 1 else f"{value:.4g}"


def _amount(figure: Figure) -> str:
    """'> 100 件', '4.09 件', '7–10 家': the figure's number as the plan writes it."""
    signs = {Comparator.EXCEED: "> ", Comparator.AT_LEAST: "≥ ", Comparator.ABOUT: "≈ "}
    sign = signs.get(figure.comparator, "") if figure.comparator else ""
    if figure.value is not None:
        number = _number(figure.value)
    elif figure.low is not None and figure.high is not None:
        number = f"{_number(figure.low)}–{_number(figure.high)}"
    else:
        number = "?"
    unit = figure.unit or ""
    return f"{sign}{number} {unit}".strip() if unit != "%" else f"{sign}{number} %"


def span_text(figure: Figure | CheckedFigure) -> str:
    """2016–2020 for a figure counted over a span, else its year."""
    spanned = figure.since is not None and figure.kind in SPAN_KINDS
    return f"{figure.since}–{figure.year}" if spanned else str(figure.year)
