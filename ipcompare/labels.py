"""Words of the interface in English and Chinese, and names in the language asked for.

Data names (a region's, a metric's, a plan's title) come from the data; only the interface's own words
are here. With no language chosen, names show in both languages and headers in English.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Lang(StrEnum):
    """Language of headers and names; with none chosen, names show in both and headers in English."""

    EN = "en"
    ZH = "zh"


# Words of the interface in English and Chinese; data names come from the data itself.
_LABELS: dict[str, tuple[str, str]] = {
    "rank": ("Rank", "排名"),
    "region": ("Region", "地区"),
    "level": ("Level", "层级"),
    "plan": ("Plan", "规划"),
    "status": ("Status", "状态"),
    "year": ("Year", "年份"),
    "kind": ("Kind", "口径"),
    "target": ("Target", "目标"),
    "normalized": ("Normalised", "折算值"),
    "baseline": ("Baseline", "基期值"),
    "cagr": ("CAGR", "年均增速"),
    "vs_national": ("vs national", "与全国之比"),
    "metric": ("Metric", "指标"),
    "level.national": ("national", "全国"),
    "level.province": ("province", "省级"),
    "level.prefecture": ("prefecture", "地市级"),
    "status.final": ("final", "正式"),
    "status.draft": ("DRAFT", "征求意见稿"),
    "kind.level": ("level", "存量/水平"),
    "kind.increment": ("increment", "新增量"),
    "kind.flow": ("annual flow", "年度量"),
    "kind.flow-change": ("change in annual flow", "年度量增减"),
    "kind.growth-rate": ("growth rate", "年均增速"),
    "kind.period-growth": ("period growth", "期间增幅"),
    "kind.share": ("share", "比重/比率"),
    "kind.unclear": ("unclear kind", "口径不明"),
    "kind.qualitative": ("qualitative", "定性"),
    "direction.up": ("↑ up", "↑ 提升"),
    "direction.down": ("↓ down", "↓ 下降"),
    "direction.maintain": ("= maintain", "= 保持"),
    "no-number": ("(no number)", "（无数值）"),
    "reference": ("national ref.", "全国基准"),
    "reference-draft": ("national ref. (draft)", "全国基准（征求意见稿）"),
    "rank.of": ("{rank} of {of}", "第{rank}（共{of}）"),
    "stated": ("stated", "规划所定"),
    "draft": ("draft", "征求意见稿"),
    "higher": ("higher is better", "越高越好"),
    "lower": ("lower is better", "越低越好"),
    "no-population": ("no population", "无人口数据"),
    "note.rank": (
        "Ranked best first among targets of one metric, kind, span and year: a level, an increment, an annual "
        "flow and a growth rate are never ranked against each other; targets of unclear kind and qualitative "
        "targets (a direction, no number) are not ranked.",
        "排名只在同一指标、同一口径、同一期间和年份内进行：存量、新增量、年度量和增速互不比较；口径不明的目标和定性目标不参与排名。",
    ),
    "note.parts": (
        "Also listed: the targets of {parts}, which count part of what {metric} counts; each is ranked only "
        "against targets of its own metric (--exact leaves them out).",
        "另列{parts}的目标（{metric}的组成部分）；各自只与同一指标的目标排名（--exact 不列出）。",
    ),
    "note.see-also": (
        "See also, not compared here: {metrics}.",
        "另见（不在此比较）：{metrics}。",
    ),
    "note.scope": (
        "[...]: what a figure counts where that is narrower than its metric; it is compared only with figures "
        "of the same scope.",
        "[...]：数字所统计的范围窄于指标本身时注明范围；只与同一范围的数字比较。",
    ),
    "note.national": (
        "vs national: the ratio to {name}'s target of the same metric, scope, kind, span and year.",
        "与全国之比：与{name}同一指标、同一范围、同口径、同期间和年份目标之比。",
    ),
    "note.cagr": (
        "CAGR: the annual growth implied from the plan's own baseline to its target, or the rate the plan states.",
        "年均增速：由规划自身的基期值推算至目标值的年均增长率，或规划所定的增速。",
    ),
    "note.draft": ("DRAFT: a draft for comment (征求意见稿), not a final plan.", "征求意见稿：并非正式印发的规划。"),
    "note.cells": (
        "Each cell: the target as written and its year; its kind where it is not a level; drafts are marked.",
        "每格为规划原文目标及年份；非存量口径的注明口径；征求意见稿另行标注。",
    ),
    "title.compare": ("Targets side by side", "目标对比"),
    "note.columns-by-plan": (
        "A region with several plans here has a column for each, named by the plan (--latest keeps its latest "
        "final plan).",
        "同一地区有多部规划的，每部规划单列一栏并注明规划（--latest 只保留最新的正式规划）。",
    ),
    "note.latest": ("Each region's latest final plan only: {plans}.", "各地区仅列最新的正式规划：{plans}。"),
    "note.latest-drafts": (
        "A region with no final plan is shown by its latest draft: {plans}.",
        "尚无正式规划的地区列出其最新征求意见稿：{plans}。",
    ),
    "note.shared": (
        "Only the metrics that at least {n} of the columns named set a number for.",
        "仅列出至少{n}个所列栏目设有数值目标的指标。",
    ),
    "note.single-counted": (
        "Rows with a number from one column only: {n} of {rows}.",
        "仅一栏设有数值的行：{rows}行中{n}行。",
    ),
    "note.single": (
        "Rows with a number from one column only: {n} of {rows}; --shared keeps the metrics two or more columns "
        "set a number for.",
        "仅一栏设有数值的行：{rows}行中{n}行；--shared 只保留两栏及以上设有数值的指标。",
    ),
    "note.compare-per-capita": (
        "= ... /万人: the target per 10k people, by each region's population in the data (see "
        "regions[].population); rates, scores and figures already per head are as written.",
        "= ……/万人：按数据中各地区人口折算的每万人口值（见 regions[].population）；"
        "比率、分值及本已按人口计的数字按原文列示。",
    ),
    "note.per-capita": (
        "Per 10k people: each region's resident population at the 2020 census (7th census), used for every year.",
        "每万人口：按各地区2020年第七次全国人口普查常住人口折算，各年份均用此数。",
    ),
    "note.per-capita-years": (
        "Per 10k people: each region's population of the year the data gives ({years}), used for every year; "
        "see regions[].population for its source.",
        "每万人口：按数据所给年份的各地区人口折算（{years}），各年份均用此数；来源见 regions[].population。",
    ),
    "note.already-per-capita": (
        "{metric} is already per 10k people: its values are shown as the plans give them.",
        "{metric}本身即为每万人口指标，按规划原值列示。",
    ),
    "note.mixed-levels": (
        "Totals of regions of different levels (a province, a city) are listed together here: set side by side, "
        "they say as much about the regions' sizes as about their plans. --per-capita divides each by its "
        "population.",
        "此处并列不同层级地区（省、市）的总量，比较时反映的更多是地区规模而非规划力度；"
        "--per-capita 按人口折算为每万人口值。",
    ),
    "note.unpopulated": (
        "No population in the data for {regions}: no per-capita figure.",
        "数据中没有{regions}的人口，无法折算每万人口值。",
    ),
    # plans, show, metrics
    "title.plans": ("Plans in the dataset", "数据中的规划"),
    "title": ("Title", "标题"),
    "issued": ("Issued", "印发日期"),
    "period": ("Period", "规划期"),
    "targets": ("Targets", "目标"),
    "baselines": ("Baselines", "基期值"),
    "not-stated": ("not stated", "未注明"),
    "counts": ("{targets} ({quantified} quantified)", "{targets}（其中量化{quantified}）"),
    "issued-on": ("issued {date}", "{date}印发"),
    "role": ("Role", "类别"),
    "comparator": ("Comparator", "比较词"),
    "value": ("Value", "数值"),
    "review": ("Review", "待核"),
    "severity.error": ("error", "错误"),
    "severity.warning": ("warning", "警告"),
    "severity.info": ("info", "提示"),
    "severity.explained": ("{severity}, explained", "{severity}，已说明"),
    "role.target": ("target", "目标"),
    "role.baseline": ("baseline", "基期值"),
    "figure": ("Figure", "数值"),
    "quote": ("Quote", "原文"),
    "note": ("Note", "备注"),
    "source": ("Source", "来源"),
    "where": ("Where", "位置"),
    "code": ("Rule", "规则"),
    "severity": ("Severity", "级别"),
    "finding": ("Finding", "发现"),
    "figures": ("Figures used", "所用数字"),
    "explained": ("Explained", "已说明"),
    "title.check": ("Plan checks", "规划自洽性检查"),
    "title.metrics": ("Metric catalogue", "指标目录"),
    "name": ("Name", "名称"),
    "unit": ("Unit", "单位"),
    "better": ("Better", "方向"),
    "plans": ("Plans", "规划数"),
    "target-count": ("Targets", "目标数"),
    "baseline-count": ("Baselines", "基期值数"),
    "qualitative-unit": ("(qualitative)", "（定性）"),
    "better.higher": ("higher", "越高越好"),
    "better.lower": ("lower", "越低越好"),
    "note.tree": (
        "├─ and └─ mark a metric that is part of the one it hangs from: its targets are listed with that metric's.",
        "├─ 和 └─ 标出所属上级指标的组成部分：列出上级指标的目标时一并列出。",
    ),
    # diff and progress
    "change": ("Change", "变化"),
    "old": ("Old", "原"),
    "new": ("New", "新"),
    "difference": ("Difference", "差异"),
    "what-changed": ("What changed", "变动项"),
    "change.removed": ("removed", "删除"),
    "change.changed": ("changed", "修改"),
    "change.added": ("added", "新增"),
    "change.unchanged": ("unchanged", "未变"),
    "change.plan": ("plan", "规划信息"),
    "change.baseline": ("baseline {change}", "基期值{change}"),
    "change.plan-removed": ("plan removed", "规划删除"),
    "change.plan-added": ("plan added", "规划新增"),
    "verdict.raised": ("raised", "提高"),
    "verdict.lowered": ("lowered", "降低"),
    "field.changed": ("{field} changed", "{field}变动"),
    "field.rewritten": ("{field} written differently", "{field}表述不同"),
    "field.value": ("value", "数值"),
    "field.unit": ("unit", "单位"),
    "field.year": ("year", "年份"),
    "field.since": ("start year", "起始年份"),
    "field.comparator": ("comparator", "比较词"),
    "field.kind": ("kind", "口径"),
    "field.scope": ("scope", "范围"),
    "field.direction": ("direction", "方向"),
    "field.quote": ("quote", "原文"),
    "field.region": ("region", "地区"),
    "field.status": ("status", "状态"),
    "field.title_zh": ("title_zh", "中文标题"),
    "field.title_en": ("title_en", "英文标题"),
    "field.issuer": ("issuer", "发文机关"),
    "field.doc_number": ("doc_number", "文号"),
    "field.issued": ("issued", "印发日期"),
    "field.published": ("published", "发布日期"),
    "field.period": ("period", "规划期"),
    "count.change": ("{n} {change}", "{change}{n}项"),
    "summary.baselines": ("baselines {counts}", "基期值{counts}"),
    "summary.plan-details": ("plan details changed: {fields}", "规划信息变动：{fields}"),
    "summary.plans": (
        "{changed} plan{s} changed, {added} added, {removed} removed, {unchanged} unchanged",
        "修改{changed}个、新增{added}个、删除{removed}个、未变{unchanged}个",
    ),
    "plan-count.one": ("plan", "规划"),
    "plan-counts": (
        "{targets} targets ({quantified} quantified), {baselines} baselines",
        "{targets}个目标（其中量化{quantified}个），{baselines}个基期值",
    ),
    "note.other-regions": (
        "{old} and {new} are plans of different regions ({regions}): the changes compare two regions, "
        "not two versions of one plan",
        "{old}与{new}是不同地区的规划（{regions}）：所列变化是两地之间的差异，而非同一规划两个版本之间的修改",
    ),
    "not-in-git": ("Not in git, so left out: {files}", "不在 git 中，未比较：{files}"),
    "outcome": ("Outcome", "结果"),
    "outcome.met": ("met", "达成"),
    "outcome.missed": ("missed", "未达成"),
    "outcome.on track": ("on track", "进度达标"),
    "outcome.behind": ("behind", "进度落后"),
    "outcome.not stated": ("not stated", "未报告"),
    "outcome.not due": ("not due", "未到期"),
    "outcome.not comparable": ("not comparable", "不可比"),
    "outcome.qualitative": ("qualitative", "定性"),
    "target-of": ("Target ({plan})", "目标（{plan}）"),
    "reported-by": ("Reported ({plan})", "实际（{plan}所报）"),
    "reported-outcome": ("Reported (outcomes)", "实际（所报结果）"),
    "title.outcomes": ("{old} targets, against reported outcomes: {summary}", "{old}的目标，按所报结果：{summary}"),
    "of-target": (" ({percent}% of target)", "（完成目标的{percent}%）"),
    "title.progress": ("{old} targets, as {new} reports them: {summary}", "{old}的目标，按{new}所报：{summary}"),
    "no-quantified": ("no quantified targets", "无量化目标"),
    "qualitative-hidden": ("; {n} qualitative not shown (--all)", "；另有{n}项定性目标未列出（--all）"),
    "count.outcome": ("{n} {outcome}", "{outcome}{n}项"),
    "worked-out.increment": ("end level minus start level", "期末值减期初值"),
    "worked-out.level": ("start level plus the increment", "期初值加新增量"),
    "check.sum-short": ("{metric}: {sum}, short of the {stated} stated", "{metric}：{sum}，未达所述的{stated}"),
    "check.sum-beyond": ("{metric}: {sum}, beyond the {stated} stated", "{metric}：{sum}，超出所述的{stated}"),
    "check.sum-part": (
        "{metric}: {sum}, short of the {stated} stated; the {year} figure counts only a part of it ({part}), so the "
        "target holds only if the whole was at least {least} in {year}",
        "{metric}：{sum}，未达所述的{stated}；{year}年的数字只计其组成部分（{part}），{year}年整体至少为{least}，"
        "目标才成立",
    ),
    "check.growth": (
        "{metric}: {base} ({base_year}) to {target} ({year}) is {implied} % a year over {years} years; the plan "
        "states {rate} %",
        "{metric}：从{base}（{base_year}年）到{target}（{year}年），{years}年间年均增长{implied}%；规划所述为{rate}%",
    ),
    "check.not-beyond-more": (
        "{metric}: the target {target} ({year}) is no better than the plan's baseline {base} ({base_year}), for a "
        "metric where more is better",
        "{metric}：目标{target}（{year}年）不高于规划的基期值{base}（{base_year}年），而该指标越高越好",
    ),
    "check.not-beyond-less": (
        "{metric}: the target {target} ({year}) is no better than the plan's baseline {base} ({base_year}), for a "
        "metric where less is better",
        "{metric}：目标{target}（{year}年）不低于规划的基期值{base}（{base_year}年），而该指标越低越好",
    ),
    "check.part-exceeds": (
        "{part} ({part_amount}, {part_span}) is larger than {whole}, which it is part of ({whole_amount}, "
        "{whole_span}), among the plan's {role}s",
        "规划的{role}中，{part}（{part_amount}，{part_span}）大于其所属的{whole}（{whole_amount}，{whole_span}）",
    ),
    "check.span-outside": (
        "{metric}: {amount} counted over {span}, outside the plan's period {start}–{end}",
        "{metric}：{amount}按{span}计，超出规划期{start}–{end}",
    ),
    "check.met-before": (
        "{metric}: the target {target} ({year}) was reached already: {amount} in {reached} ({source}), before the "
        "plan was issued ({issued})",
        "{metric}：目标{target}（{year}年）已经达到：{reached}年为{amount}（{source}），早于规划发布（{issued}）",
    ),
    "check.summary": ("{findings} findings in {plans} plans", "检查{plans}个规划，发现{findings}项"),
    "check.summary-explained": (" ({n} explained in the data's notes)", "（其中{n}项已在数据注释中说明）"),
    "check.readback": ("{metric} {year}: {said}", "{metric} {year}：{said}"),
    "check.quote-not-found": (
        "plan {plan!r}: {role} {index} ({metric} {year}): quote not found in its source {source}",
        "规划 {plan}：{role}{index}（{metric} {year}）：在其来源文件 {source} 中找不到该引文",
    ),
    "readback.value": ("value {value}, but the quote says {written}", "数值为 {value}，但引文写的是 {written}"),
    "readback.range": ("range {value}, but the quote says {written}", "区间为 {value}，但引文写的是 {written}"),
    "readback.unit": ("unit {unit}, but the quote writes {written}", "单位为 {unit}，但引文写的是 {written}"),
    "readback.comparator": (
        "comparator {given}, but the quote says {written} ({words})",
        "比较词（comparator）为 {given}，但引文的用词是 {written}（{words}）",
    ),
    "readback.kind": (
        "kind {given}, but the quote says {written} ({cue})",
        "类型（kind）为 {given}，但引文写的是 {written}（{cue}）",
    ),
    "readback.year": ("year {given}, but the quote says {written}", "年份为 {given}，但引文写的是 {written} 年"),
    "words.at-least": ("以上, 不低于, 不少于 or 至少", "以上、不低于、不少于或至少"),
    "words.exceed": ("突破, 超过 or N余", "突破、超过或N余"),
    "words.about": ("左右, 约 or 近", "左右、约或近"),
    "words.reach": ("达到", "达到"),
    "words.maintain": ("保持", "保持"),
    "progress.kind-unknown": ("the plan does not say what kind of figure", "规划未说明数字的类型"),
    "progress.not-before": (
        "{year} is not before {plan} starts ({start})",
        "{year}年不早于{plan}的起始年（{start}年）",
    ),
    "progress.worked-out": ("worked out: {how}", "推算：{how}"),
    "progress.reports-only-as": ("{plan} reports it only as {kinds}", "{plan}仅以{kinds}报告"),
    "progress.reports-only-scope": (
        "{plan} reports it only for another scope: {scopes}",
        "{plan}仅报告其他口径：{scopes}",
    ),
    "progress.whole-metric": ("the metric as a whole", "指标整体"),
    "progress.line": (
        "straight line from {start} ({start_year}) to {end} ({end_year}): {expected} in {year}",
        "从{start}（{start_year}年）到{end}（{end_year}年）的直线：{year}年应为{expected}",
    ),
    "progress.outcomes-only-as": ("outcomes recorded only as {kinds}", "所报结果仅有{kinds}"),
    "progress.outcomes-only-scope": (
        "outcomes recorded only for another scope: {scopes}",
        "所报结果仅有其他口径：{scopes}",
    ),
    "progress.no-outcome-span": ("no outcome recorded over the same span", "没有同一期间的所报结果"),
    "progress.no-outcome": ("no outcome recorded for {region}", "没有{region}的所报结果"),
    "progress.first-met": ("first met in {year}{early}", "{year}年首次达到{early}"),
    "progress.early": (", {years} {word} before {target}", "，比{target}年早{years}年"),
    "progress.reached-after": ("reached in {year}, after the target year", "{year}年达到，晚于目标年份"),
    "progress.not-yet": (
        "{year} not reached yet; the plan gives no baseline to draw a path from",
        "尚未到{year}年；规划未给出基期值，无法画出路径",
    ),
    "report.title": ("Briefing", "简报"),
    "report.side-by-side": ("Targets side by side", "目标对比"),
    "report.quotes": ("Where each target is written", "目标原文"),
    "report.no-targets": ("No targets in the data match.", "数据中没有符合条件的目标。"),
    "report.no-bars": (
        "No bar chart: no two targets here are of one kind, span and year with a number to set side by side.",
        "无柱状图：没有可并列比较（同类型、同期限、同年份且有数值）的目标。",
    ),
    "report.no-outcomes": (
        "No outcomes are recorded for these regions and this metric, so targets are not set against results.",
        "数据中没有这些地区此项指标的实际结果，故未将目标与结果对照。",
    ),
    "report.outcomes-not-drawn": (
        "Outcomes are recorded, but none is of the same metric, scope and kind as a target here with a number to "
        "draw (the progress table below says what each shows).",
        "有所报结果，但无一与此处有数值的目标同指标、同口径、同类型，故未画图（见下方进展表）。",
    ),
    "report.no-findings": ("No check finds anything in these plans for these metrics.", "检查未发现问题。"),
    "report.targets-outcomes": ("targets and what was reported", "目标与实际"),
    "report.planned": ("planned path", "规划路径"),
    "report.reported": ("reported", "实际"),
    "report.national-target": ("national target", "全国目标"),
    "report.baseline-target": ("baseline → target", "基期值 → 目标值"),
    "report.charts-missing": (
        "Charts need matplotlib: pip install 'ipcompare[report]'",
        "图表需要 matplotlib：pip install 'ipcompare[report]'",
    ),
    "report.caption.bars": (
        "Each region's target in {unit}, best first, among targets of one metric, kind, span and year; the dashed "
        "line is the national target of the same group; pale bars are drafts.",
        "各地区目标（{unit}），同一指标、类型、期限和年份内由高到低排列；虚线为同组全国目标；浅色为征求意见稿。",
    ),
    "report.caption.bars-alone": (
        "Each region's target in {unit}, best first, among targets of one metric, kind, span and year (the national "
        "plan sets none of this group); pale bars are drafts.",
        "各地区目标（{unit}），同一指标、类型、期限和年份内由高到低排列（全国规划无同组目标）；浅色为征求意见稿。",
    ),
    "report.caption.slopes": (
        "Each plan's own baseline joined to its target ({unit}); the national plan dashed. Only plans that state "
        "a baseline of the same metric, scope and unit are drawn.",
        "各规划自身基期值到目标值（{unit}），全国规划为虚线；仅画出给出同一指标、口径和单位基期值的规划。",
    ),
    "report.caption.outcomes": (
        "What each region reported ({unit}, squares) against its targets (circles) and the straight path from its "
        "baseline to each target (dashed), as ipcompare progress PLAN reads them.",
        "各地区所报实际值（{unit}，方块）与目标（圆圈）及基期到目标的直线路径（虚线），与 progress PLAN 判断一致。",
    ),
    "report.caption.first": (
        " The first {n} of {of} are drawn; the table lists every one.",
        "图中仅画出前{n}项（共{of}项），表中列出全部。",
    ),
    "report.none-shared": (
        "No chart: no metric is quantified by two or more of these plans.",
        "无图：没有两个以上规划都量化的指标。",
    ),
    "report.nothing-checked": ("No plan in this briefing to check.", "简报中没有可检查的规划。"),
    "report.per-capita-bars-only": (
        "Per 10k people, only the bars are drawn: baselines and outcomes stay in the tables as the plans and "
        "reports state them.",
        "按每万人口折算时只画柱状图：基期值和实际结果按规划和报道原文列于表中。",
    ),
    "report.made-by": ("Made by ipcompare {version} from {files}", "由 ipcompare {version} 据 {files} 生成"),
}


class Said(str):
    """A sentence an analysis says (a progress row's note): English as a string, so JSON and CSV keep it as they
    always have, with its key and values so that a table says it in the language asked for (`in_lang`)."""

    key: str
    values: dict[str, Any]


def said(key: str, /, english: str | None = None, **values: Any) -> Said:
    """The sentence `key` of the labels, with `values`; `english` when the English differs from the label (a
    kind written as its value, flow, where the Chinese names it, 年度量). A list value is a list of items."""
    shown = {k: ", ".join(v) if isinstance(v, list) else v for k, v in values.items()}
    text = Said(english if english is not None else _LABELS[key][0].format(**shown))
    text.key, text.values = key, values
    return text


def in_lang(text: str | None, lang: Lang | None) -> str:
    """A sentence an analysis said, in the language asked for (English as said when none is asked)."""
    if not isinstance(text, Said) or lang != Lang.ZH:
        return text or ""
    values = {
        k: "、".join(in_lang(i, lang) for i in v)
        if isinstance(v, list)
        else in_lang(v, lang)
        if isinstance(v, str)
        else v
        for k, v in text.values.items()
    }
    return label(text.key, lang).format(**values)


def label(key: str, lang: Lang | None) -> str:
    en, zh = _LABELS[key]
    return zh if lang == Lang.ZH else en


def name(zh: str, en: str, lang: Lang | None) -> str:
    """A name in the chosen language, or both ('襄阳市 Xiangyang') when none is chosen."""
    if lang == Lang.ZH:
        return zh
    if lang == Lang.EN:
        return en
    return f"{zh} {en}"


def stacked(zh: str, en: str, lang: Lang | None) -> str:
    """A name in a narrow table column: both languages on two lines when none is chosen."""
    return f"{zh}\n{en}" if lang is None else name(zh, en, lang)


def metric_name(metric_id: str, zh: str, en: str, lang: Lang | None) -> str:
    """A metric in a table cell: with no language chosen, its Chinese name over its id (the id is what the
    other commands take); else its name in that language."""
    return f"{zh}\n{metric_id}" if lang is None else name(zh, en, lang)


def listing(items: list[str], lang: Lang | None) -> str:
    """'a, b, c', or 'a、b、c' in Chinese."""
    return ("、" if lang == Lang.ZH else ", ").join(items)
