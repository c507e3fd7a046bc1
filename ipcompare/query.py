"""Dataset -> tables of rows. Rows hold JSON-ready values; columns say how each shows as text.

Every listing command builds a Table here and hands it to render.render(), the one place where the
output format is applied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .compare import MetricComparison, RegionComparison
from .diff import DataDiff, PlanDiff
from .figures import Row, baseline_fields, figure_fields, json_number
from .model import Dataset, Figure, Plan, Region, Status
from .progress import Outcome, Progress
from .units import convert

__all__ = ["Column", "Lang", "Row", "Table", "figure_text", "json_number", "number"]


class Lang(StrEnum):
    """Language of headers and names; with none chosen, names show in both and headers in English."""

    EN = "en"
    ZH = "zh"


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Row], str]


@dataclass(frozen=True)
class Table:
    """What a command shows: `rows` are the data (JSON and CSV), `columns` the human view."""

    columns: tuple[Column, ...]
    rows: list[Row]
    title: str | None = None
    notes: tuple[str, ...] = field(default=())
    matrix: bool = False  # CSV is the table as shown (a matrix), not the flattened rows
    document: Any = None  # JSON output, when it is not simply the rows (a diff is one object)


def number(value: float | None) -> str:
    """A number as a plan would write it: 6 not 6.0, 1.25 not 1.2500, 2500063 not 2.5e+06."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


_SYMBOL = {"exceed": "> ", "at-least": "≥ ", "about": "≈ ", "maintain": "= "}


def figure_text(row: Row | None, *, with_year: bool = False, lang: Lang | None = None) -> str:
    """A figure as a reader scans it: '> 8.5 万件', '≥ 80 分', '7–10 家', '↑ up (no number)', and what it
    counts when that is narrower than its metric: '2 家 [national demonstration enterprises only]'."""
    if not row:
        return ""
    scope = f" [{row['scope']}]" if row.get("scope") else ""
    if row.get("direction"):
        gap = "" if lang == Lang.ZH else " "
        return f"{label('direction.' + row['direction'], lang)}{gap}{label('no-number', lang)}{scope}"
    amount = f"{number(row['low'])}–{number(row['high'])}" if row.get("low") is not None else number(row.get("value"))
    symbol = _SYMBOL.get(row.get("comparator") or "", "")
    year = f" ({_when(row)})" if with_year else ""
    return f"{symbol}{amount} {row.get('unit') or ''}".strip() + scope + year


def _figure_row(plan: Plan, figure: Figure, role: str, metric_zh: str) -> Row:
    row: Row = {
        "plan": plan.id,
        "role": role,
        "metric": figure.metric,
        "metric_zh": metric_zh,
        **figure_fields(figure),
    }
    if role == "target":
        base = plan.baseline_for(figure)
        row["baseline"] = baseline_fields(base)
    row["quote"] = figure.quote
    row["note"] = figure.note
    return row


def _when(row: Row) -> str:
    """A figure's year, or its period for a growth over several years (2011–2015)."""
    return f"{row['since']}–{row['year']}" if row.get("since") else str(row["year"])


def _status_text(status: str) -> str:
    return "DRAFT 征求意见稿" if status == Status.DRAFT else status


def _region_name(region: Region | None, fallback: str) -> str:
    return f"{region.name_zh} {region.name_en}" if region else fallback


def _period(row: Row) -> str:
    return f"{row['period']['start']}–{row['period']['end']}"


def plans_table(ds: Dataset) -> Table:
    regions = {r.id: r for r in ds.regions}
    order = {"national": 0, "province": 1, "prefecture": 2}

    def sort_key(p: Plan) -> tuple[int, str, int]:
        region = regions.get(p.region)
        return (order.get(region.level.value, 3) if region else 3, p.region, p.period_start)

    rows = []
    for p in sorted(ds.plans, key=sort_key):
        region = regions.get(p.region)
        rows.append(
            {
                "id": p.id,
                "region": p.region,
                "region_zh": region.name_zh if region else None,
                "region_en": region.name_en if region else None,
                "level": region.level.value if region else None,
                "title_zh": p.title_zh,
                "title_en": p.title_en,
                "status": p.status.value,
                "issuer": p.issuer,
                "doc_number": p.doc_number,
                "issued": p.issued.isoformat() if p.issued else None,
                "published": p.published.isoformat() if p.published else None,
                "period": {"start": p.period_start, "end": p.period_end},
                "targets": len(p.targets),
                "quantified_targets": sum(1 for t in p.targets if t.quantified),
                "baselines": len(p.baselines),
                "source": p.source,
            }
        )
    columns = (
        Column("Plan", lambda r: r["id"]),
        Column("Region", lambda r: _region_name(regions.get(r["region"]), r["region"])),
        Column("Level", lambda r: r["level"] or ""),
        Column("Title", lambda r: r["title_zh"]),
        Column("Status", lambda r: _status_text(r["status"])),
        Column("Issued", lambda r: r["issued"] or "not stated"),
        Column("Period", _period),
        Column("Targets", lambda r: f"{r['targets']} ({r['quantified_targets']} quantified)"),
        Column("Baselines", lambda r: str(r["baselines"])),
    )
    return Table(columns, rows, title="Plans in the dataset")


def show_table(ds: Dataset, plan: Plan) -> Table:
    metrics = {m.id: m for m in ds.metrics}
    region = next((r for r in ds.regions if r.id == plan.region), None)

    def zh(metric_id: str) -> str:
        return metrics[metric_id].name_zh if metric_id in metrics else metric_id

    rows = [_figure_row(plan, t, "target", zh(t.metric)) for t in plan.targets]
    rows += [_figure_row(plan, b, "baseline", zh(b.metric)) for b in plan.baselines]

    columns = (
        Column("Role", lambda r: r["role"]),
        Column("Metric", lambda r: f"{r['metric_zh']}\n{r['metric']}"),
        Column("Year", _when),
        Column("Figure", figure_text),
        Column("Kind", lambda r: r["kind"] or "qualitative"),
        Column("Baseline", lambda r: figure_text(r.get("baseline"), with_year=True)),
        Column("Quote", lambda r: r["quote"]),
        Column("Note", lambda r: r["note"] or ""),
    )
    facts = [
        plan.title_zh,
        _region_name(region, plan.region),
        _status_text(plan.status),
        f"{plan.period_start}–{plan.period_end}",
    ]
    facts += [x for x in (plan.doc_number, plan.issued and f"issued {plan.issued.isoformat()}") if x]
    notes = (plan.notes,) if plan.notes else ()
    return Table(columns, rows, title=" · ".join(str(f) for f in facts), notes=notes)


def metrics_table(ds: Dataset) -> Table:
    """The catalogue as a tree: each metric followed by the metrics that are part of it, indented."""
    rows: list[Row] = []
    for m in ds.metrics:
        setting = ds.plans_setting(m.id)
        rows.append(
            {
                "id": m.id,
                "name_zh": m.name_zh,
                "name_en": m.name_en,
                "unit": m.unit,
                "higher_is_better": m.higher_is_better,
                "parent": m.parent,
                "parts": [part.id for part in ds.metrics if part.parent == m.id],
                "plans": len(setting),
                "plan_ids": [p.id for p in setting],
                "targets": sum(1 for p in ds.plans for t in p.targets if t.metric == m.id),
                "baselines": sum(1 for p in ds.plans for b in p.baselines if b.metric == m.id),
                "aliases": list(m.aliases),
                "related": list(m.related),
            }
        )
    rows.sort(key=lambda r: (-r["plans"], -r["targets"], r["id"]))
    by_id = {r["id"]: r for r in rows}
    tree: list[Row] = []
    prefix: dict[str, str] = {}

    def place(row: Row, lead: str, branch: str) -> None:
        """Add `row` and its parts; `lead` draws the levels above it, `branch` its own (├─ or └─)."""
        tree.append(row)
        prefix[row["id"]] = lead + branch
        children = [r for r in rows if r["parent"] == row["id"]]
        below = lead + ("" if not branch else "│  " if branch == "├─ " else "   ")
        for i, child in enumerate(children):
            place(child, below, "└─ " if i == len(children) - 1 else "├─ ")

    for row in rows:
        if row["parent"] is None or row["parent"] not in by_id:
            place(row, "", "")

    def indented(r: Row) -> str:
        return f"{prefix[r['id']]}{r['id']}"

    columns = (
        Column("Metric", indented),
        Column("Name", lambda r: f"{r['name_zh']}\n{r['name_en']}"),
        Column("Unit", lambda r: r["unit"] or "(qualitative)"),
        Column("Better", lambda r: "higher" if r["higher_is_better"] else "lower"),
        Column("Plans", lambda r: str(r["plans"])),
        Column("Targets", lambda r: str(r["targets"])),
        Column("Baselines", lambda r: str(r["baselines"])),
    )
    notes = (
        "├─ and └─ mark a metric that is part of the one it hangs from: its targets are listed with that metric's.",
    )
    return Table(columns, tree, title="Metric catalogue", notes=notes)


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
    "note.unpopulated": (
        "No population in the data for {regions}: no per-capita figure.",
        "数据中没有{regions}的人口，无法折算每万人口值。",
    ),
}


def label(key: str, lang: Lang | None) -> str:
    en, zh = _LABELS[key]
    return zh if lang == Lang.ZH else en


def _name(zh: str, en: str, lang: Lang | None) -> str:
    """A name in the chosen language, or both ('襄阳市 Xiangyang') when none is chosen."""
    if lang == Lang.ZH:
        return zh
    if lang == Lang.EN:
        return en
    return f"{zh} {en}"


def derived(value: float) -> str:
    """A computed number, rounded for reading: 161.57, 0.0227, 85,000 (the JSON keeps full precision)."""
    if value == 0 or abs(value) >= 1:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return text if abs(value) >= 10000 else text.replace(",", "")
    return f"{value:.3g}"


def _kind_label(kind: str | None, lang: Lang | None) -> str:
    return label(f"kind.{kind or 'qualitative'}", lang)


def metric_table(comparison: MetricComparison, lang: Lang | None = None) -> Table:
    metric, scale = comparison.metric, comparison.scale

    def rank(r: Row) -> str:
        if r["reference"]:
            return label("reference", lang)
        if r["rank"] is None:
            return "—"
        return label("rank.of", lang).format(rank=r["rank"], of=r["rank_of"])

    def normalized(r: Row) -> str:
        n = r["normalized"]
        if n is None:
            return label("no-population", lang) if scale.per_capita and r["value"] is not None else ""
        unit, values = n["unit"], [n["value"]] if n["low"] is None else [n["low"], n["high"]]
        own = comparison.scales.get(r["metric"], scale)  # a part is shown in its own unit
        if own.normalized is not None and own.display is not None and unit == own.normalized.text:
            values = [convert(v, own.normalized, own.display) for v in values]
            unit = own.display.text
        return "–".join(derived(v) for v in values) + f" {unit}"

    def cagr(r: Row) -> str:
        if r["cagr"] is None:
            return ""
        stated = f" {label('stated', lang)}" if r["cagr_source"] == "stated" else ""
        return f"{derived(r['cagr'])}%{stated}"

    def ratio(r: Row) -> str:
        return "" if r["vs_national"] is None else f"{derived(r['vs_national'])}×"

    def status(r: Row) -> str:
        return label(f"status.{r['status']}", lang)

    listed_parts = [m for m in comparison.metrics[1:] if any(r["metric"] == m.id for r in comparison.rows)]

    def metric_name(r: Row) -> str:
        return f"{r['metric_zh']}\n{r['metric']}" if lang is None else _name(r["metric_zh"], r["metric_en"], lang)

    columns = (
        Column(label("rank", lang), rank),
        *([Column(label("metric", lang), metric_name)] if listed_parts else []),
        Column(label("region", lang), lambda r: _name(r["region_zh"], r["region_en"], lang)),
        Column(label("level", lang), lambda r: label(f"level.{r['level']}", lang)),
        Column(label("plan", lang), lambda r: _name(r["plan_zh"], r["plan_en"], lang)),
        Column(label("status", lang), status),
        Column(label("year", lang), _when),
        Column(label("kind", lang), lambda r: _kind_label(r["kind"], lang)),
        Column(label("target", lang), lambda r: figure_text(r, lang=lang)),
        Column(label("normalized", lang), normalized),
        Column(label("baseline", lang), lambda r: figure_text(r["baseline"], with_year=True)),
        Column(label("cagr", lang), cagr),
        Column(label("vs_national", lang), ratio),
    )
    better = label("higher" if metric.higher_is_better else "lower", lang)
    unit = scale.display.text if scale.display else metric.unit
    parts = [_name(metric.name_zh, metric.name_en, lang) + f" ({metric.id})", *([unit] if unit else []), better]
    notes = [label("note.rank", lang)]
    if listed_parts:
        names = ("、" if lang == Lang.ZH else ", ").join(m.id for m in listed_parts)
        notes.append(label("note.parts", lang).format(parts=names, metric=metric.id))
    if any(r["scope"] for r in comparison.rows):
        notes.append(label("note.scope", lang))
    if comparison.see_also:
        if lang == Lang.ZH:
            also = "、".join(f"{m.id}（{n}个目标）" for m, n in comparison.see_also)
        else:
            also = ", ".join(f"{m.id} ({n} target{'' if n == 1 else 's'})" for m, n in comparison.see_also)
        notes.append(label("note.see-also", lang).format(metrics=also))
    if comparison.national is not None and any(r["vs_national"] is not None for r in comparison.rows):
        national = _name(comparison.national.name_zh, comparison.national.name_en, lang)
        notes.append(label("note.national", lang).format(name=national))
    if any(r["cagr"] is not None for r in comparison.rows):
        notes.append(label("note.cagr", lang))
    if any(r["status"] == Status.DRAFT for r in comparison.rows):
        notes.append(label("note.draft", lang))
    if scale.per_capita:
        years = comparison.population_years
        if set(years.values()) <= {2020}:
            notes.append(label("note.per-capita", lang))  # every figure is the shipped 7th-census kind
        else:
            said = ", ".join(f"{region} {year}" for region, year in sorted(years.items()))
            notes.append(label("note.per-capita-years", lang).format(years=said))
    if comparison.already_per_capita:
        notes.append(label("note.already-per-capita", lang).format(metric=metric.id))
    if comparison.unpopulated:
        notes.append(label("note.unpopulated", lang).format(regions=", ".join(comparison.unpopulated)))
    return Table(columns, comparison.rows, title=" · ".join(parts), notes=tuple(notes))


def _cell_text(cell: Row, lang: Lang | None) -> str:
    """'> 8.5 万件 (2025)', '12 亿元 increment (2025)', '3.6 件 (2025, draft)', '↑ up (2020)'."""
    if cell["direction"]:
        what = label(f"direction.{cell['direction']}", lang)
    else:
        what = figure_text(cell, lang=lang)
        if cell["kind"] != "level":
            what += f" {_kind_label(cell['kind'], lang)}"
    when = _when(cell)
    if cell["status"] == Status.DRAFT:
        when += f", {label('draft', lang)}"
    return f"{what} ({when})"


def compare_table(comparison: RegionComparison, lang: Lang | None = None) -> Table:
    def metric(r: Row) -> str:
        if lang is None:
            return f"{r['metric_zh']}\n{r['metric_en']}"
        return _name(r["metric_zh"], r["metric_en"], lang)

    def cells(region_id: str) -> Callable[[Row], str]:
        return lambda r: "\n".join(_cell_text(c, lang) for c in r["targets"][region_id]) or "—"

    columns = (
        Column(label("metric", lang), metric),
        *(Column(_name(g.name_zh, g.name_en, lang), cells(g.id)) for g in comparison.regions),
    )
    names = "、".join(_name(g.name_zh, g.name_en, lang) for g in comparison.regions)
    notes = (label("note.cells", lang),)
    return Table(columns, comparison.rows, title=f"{label('title.compare', lang)}: {names}", notes=notes, matrix=True)


def _diff_figure(figure: Row | None) -> str:
    if figure is None:
        return ""
    when = _when(figure)
    kind = f" {figure['kind']}" if figure["kind"] not in (None, "level") else ""
    return f"{figure_text(figure)}{kind} ({when})"


def _diff_difference(row: Row) -> str:
    parts = []
    if row.get("delta") is not None:
        sign = "+" if row["delta"] > 0 else ""
        percent = f", {sign}{derived(row['percent'])}%" if row.get("percent") is not None else ""
        parts.append(f"{sign}{number(row['delta'])} {row['delta_unit'] or ''}".strip() + percent)
    if row.get("verdict"):
        parts.append(row["verdict"])
    return "; ".join(parts)


def _diff_what(row: Row) -> str:
    said = [f"{f} changed" for f in row.get("fields", [])]
    said += [f"{f} written differently" for f in row.get("rewritten", [])]
    return ", ".join(said)


def _diff_rows(diff: PlanDiff, show_all: bool) -> list[Row]:
    """Plan metadata changes first, then removed, changed and added targets (and unchanged with --all)."""
    rows: list[Row] = [
        {"change": "plan", "metric": m["field"], "old_text": str(m["old"] or ""), "new_text": str(m["new"] or "")}
        for m in diff.metadata
    ]
    for figure in (*diff.targets, *diff.baselines, *(diff.unchanged if show_all else ())):
        change = figure["change"] if figure["role"] == "target" else f"baseline {figure['change']}"
        rows.append(
            {
                **figure,
                "change": change,
                "old_text": _diff_figure(figure["old"]),
                "new_text": _diff_figure(figure["new"]),
            }
        )
    return rows


_DIFF_COLUMNS = (
    Column("Change", lambda r: r["change"]),
    Column("Metric", lambda r: f"{r['metric_zh']}\n{r['metric']}" if "metric_zh" in r else r["metric"]),
    Column("Old", lambda r: r["old_text"]),
    Column("New", lambda r: r["new_text"]),
    Column("Difference", _diff_difference),
    Column("What changed", _diff_what),
)


def _diff_summary(diff: PlanDiff) -> str:
    counts = {c: sum(r["change"] == c for r in diff.targets) for c in ("removed", "changed", "added")}
    summary = ", ".join(f"{n} {c}" for c, n in counts.items())
    summary += f", {sum(r['role'] == 'target' for r in diff.unchanged)} unchanged"
    if diff.baselines:
        revised = {c: sum(r["change"] == c for r in diff.baselines) for c in ("removed", "changed", "added")}
        summary += "; baselines " + ", ".join(f"{n} {c}" for c, n in revised.items() if n)
    if diff.metadata:
        summary += f"; plan details changed: {', '.join(m['field'] for m in diff.metadata)}"
    return summary


def _diff_document(diff: PlanDiff, show_all: bool) -> Row:
    return {
        "metadata": diff.metadata,
        "targets": diff.targets,
        "baselines": diff.baselines,
        "unchanged": diff.unchanged if show_all else None,
    }


def diff_table(diff: PlanDiff, *, show_all: bool = False, labels: tuple[str, str] | None = None) -> Table:
    """What changed in one plan: a row per plan detail and per target that changed."""
    document = {"old": diff.old.id, "new": diff.new.id, "changed": diff.changed, **_diff_document(diff, show_all)}
    old_label, new_label = labels or (diff.old.id, diff.new.id)
    title = f"{old_label} → {new_label}: {_diff_summary(diff)}"
    return Table(_DIFF_COLUMNS, _diff_rows(diff, show_all), title=title, matrix=True, document=document)


def _plan_counts(plan: Plan) -> str:
    quantified = sum(t.quantified for t in plan.targets)
    return f"{plan.title_zh}\n{len(plan.targets)} targets ({quantified} quantified), {len(plan.baselines)} baselines"


def revisions_table(diff: DataDiff, old_label: str, new_label: str, *, show_all: bool = False) -> Table:
    """Every plan changed between two revisions: added and removed plans as one row each, changed plans
    with their changes."""
    rows: list[Row] = []
    plans: list[Row] = []
    for change, whole_plans, side in (("removed", diff.removed, "old_text"), ("added", diff.added, "new_text")):
        for plan in whole_plans:
            rows.append({"plan": plan.id, "change": f"plan {change}", "metric": "", side: _plan_counts(plan)})
            plans.append({"plan": plan.id, "change": change, "title_zh": plan.title_zh, "title_en": plan.title_en})
    for changed in (*diff.changed, *(diff.unchanged if show_all else ())):
        plan = changed.new
        if not changed.changed:
            rows.append({"plan": plan.id, "change": "unchanged", "metric": ""})
        rows += [{"plan": plan.id, **row} for row in _diff_rows(changed, show_all)]
        plans.append(
            {
                "plan": plan.id,
                "change": "changed" if changed.changed else "unchanged",
                "title_zh": plan.title_zh,
                "title_en": plan.title_en,
                "summary": _diff_summary(changed),
                **_diff_document(changed, show_all),
            }
        )
    for row in rows:
        row.setdefault("old_text", "")
        row.setdefault("new_text", "")
    columns = (Column("Plan", lambda r: r["plan"]), *_DIFF_COLUMNS)
    changed = len(diff.changed)
    said = [
        f"{changed} plan{'' if changed == 1 else 's'} changed",
        f"{len(diff.added)} added",
        f"{len(diff.removed)} removed",
    ]
    title = f"{old_label} → {new_label}: {', '.join(said)}, {len(diff.unchanged)} unchanged"
    document = {"old": old_label, "new": new_label, "changed": diff.any, "plans": plans}
    return Table(columns, rows, title=title, matrix=True, document=document)


#: The order of outcomes in a progress table (the enum's): the checked targets first.
_OUTCOMES = tuple(o.value for o in Outcome)


def _progress_reported(row: Row) -> str:
    """The figure the later plan reports; a worked-out one shows the figures it was worked out from."""
    if row["reported"] is None:
        return ""
    shown = _diff_figure(row["reported"])
    if row["derived_from"]:
        start, other = row["derived_from"]
        if row["target"]["kind"] == "increment":  # end level minus start level
            shown += f"\n= {_diff_figure(other)} − {_diff_figure(start)}"
        else:  # start level plus the increment
            shown += f"\n= {_diff_figure(start)} + {_diff_figure(other)}"
    return shown


def _progress_difference(row: Row) -> str:
    if row["difference"] is None:
        return ""
    sign = "+" if row["difference"] > 0 else ""
    text = f"{sign}{number(row['difference'])} {row['difference_unit'] or ''}".strip()
    if row["achieved_percent"] is not None:
        text += f" ({derived(row['achieved_percent'])}% of target)"
    return text


def progress_table(progress: Progress, *, show_all: bool = False, labels: tuple[str, str] | None = None) -> Table:
    """The earlier plan's targets against the later plan's reported figures: met, missed, or why not checked."""
    shown = [r for r in progress.rows if show_all or r["outcome"] != "qualitative"]
    shown.sort(key=lambda r: _OUTCOMES.index(r["outcome"]))
    old_label, new_label = labels or (progress.old.id, progress.new.id)
    columns = (
        Column("Outcome", lambda r: r["outcome"]),
        Column("Metric", lambda r: f"{r['metric_zh']}\n{r['metric']}"),
        Column(f"Target ({old_label})", lambda r: _diff_figure(r["target"])),
        Column(f"Reported ({new_label})", _progress_reported),
        Column("Difference", _progress_difference),
        Column("Note", lambda r: r["note"] or ""),
    )
    counts = {o: sum(r["outcome"] == o for r in progress.rows) for o in _OUTCOMES}
    summary = ", ".join(f"{n} {o}" for o, n in counts.items() if n and o != "qualitative")
    title = f"{old_label} targets, as {new_label} reports them: {summary or 'no quantified targets'}"
    if counts["qualitative"] and not show_all:
        title += f"; {counts['qualitative']} qualitative not shown (--all)"
    document = {"old": progress.old.id, "new": progress.new.id, "summary": counts, "targets": progress.rows}
    return Table(columns, shown, title=title, matrix=True, document=document)
