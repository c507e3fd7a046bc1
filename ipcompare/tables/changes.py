"""Tables of change between plan versions: `diff OLD NEW`, `diff --rev A..B` and `progress OLD NEW`.

These tables are matrices (CSV is the table as shown); their JSON is one document, typed below.
"""

from __future__ import annotations

from ..diff import DataDiff, PlanDiff
from ..format import derived, figure_text, kind_label, signed, when
from ..labels import Lang, in_lang, label, listing, metric_name, name
from ..model import Kind, Plan
from ..progress import Progress
from ..records import field, record, replace
from ..results import INLINE, FigureChange, MetadataChange, Outcome, PlanRegion, ProgressRow, QuotedFigure
from . import Column, Table

CHANGES = ("removed", "changed", "added")


# -- the JSON documents ---------------------------------------------------------------------------------------


@record
class PlanChanges:
    """What changed in one plan (`unchanged` only when asked for with --all, else null)."""

    metadata: list[MetadataChange]
    targets: list[FigureChange]
    baselines: list[FigureChange]
    unchanged: list[FigureChange] | None


@record
class DiffDocument:
    """`diff OLD NEW --format json`: `notes` are the table's (that the plans are of two regions)."""

    old: str
    new: str
    changed: bool
    notes: list[str]
    changes: PlanChanges = field(metadata=INLINE)


@record
class PlanEntry:
    """One plan of `diff --rev --format json`: added, removed, changed or unchanged."""

    plan: str
    change: str
    title_zh: str
    title_en: str


@record
class ChangedPlanEntry(PlanEntry):
    summary: str
    changes: PlanChanges = field(metadata=INLINE)


@record
class RevisionsDocument:
    """`diff --rev A..B --format json`."""

    old: str
    new: str
    changed: bool
    plans: list[PlanEntry]


@record
class ProgressDocument:
    """`progress OLD NEW --format json`: every target of OLD, and how many had each outcome (`new` null for
    `progress PLAN`, against the recorded outcomes)."""

    old: str
    new: str | None
    summary: dict[str, int]
    targets: list[ProgressRow]


# -- the rows shown -------------------------------------------------------------------------------------------


@record
class DiffLine:
    """A line of a diff table: a plan detail, a figure, or (with --rev) a whole plan."""

    change: str
    metric: str = ""
    old_text: str = ""
    new_text: str = ""
    figure: FigureChange | None = None
    plan: str = ""


def _figure(figure: QuotedFigure | None, lang: Lang | None) -> str:
    if figure is None:
        return ""
    data = figure.figure
    kind = ""
    if data.kind is not None and data.kind != Kind.LEVEL:  # with no language, the data's own word for it
        kind = f" {kind_label(data.kind, lang) if lang else data.kind.value}"
    return f"{figure_text(data, lang=lang)}{kind} ({when(data)})"


def _difference(line: DiffLine, lang: Lang | None) -> str:
    row = line.figure
    if row is None:
        return ""
    parts = []
    if row.delta is not None:
        sign = "+" if row.delta > 0 else ""
        percent = f", {sign}{derived(row.percent)}%" if row.percent is not None else ""
        parts.append(signed(row.delta, row.delta_unit) + percent)
    if row.verdict:
        parts.append(label(f"verdict.{row.verdict}", lang))
    return "; ".join(parts)


def _what(line: DiffLine, lang: Lang | None) -> str:
    if line.figure is None:
        return ""
    said = [label("field.changed", lang).format(field=label(f"field.{f}", lang)) for f in line.figure.fields]
    said += [label("field.rewritten", lang).format(field=label(f"field.{f}", lang)) for f in line.figure.rewritten]
    return listing(said, lang)


def _change(change: str, lang: Lang | None) -> str:
    return label(f"change.{change}", lang)


def _region_name(region: PlanRegion, lang: Lang | None) -> str:
    if region.name_zh is None or region.name_en is None:
        return region.id
    return name(region.name_zh, region.name_en, lang)


def _detail(diff: PlanDiff, change: MetadataChange, lang: Lang | None) -> tuple[str, str]:
    """A plan detail's old and new value as shown: a region by its names, the others as the plan writes them."""
    if change.field == "region":
        return _region_name(diff.old_region, lang), _region_name(diff.new_region, lang)
    return change.old or "", change.new or ""


def _diff_lines(diff: PlanDiff, show_all: bool, lang: Lang | None) -> list[DiffLine]:
    """Plan metadata changes first, then removed, changed and added targets (and unchanged with --all)."""
    lines = []
    for m in diff.metadata:
        old_text, new_text = _detail(diff, m, lang)
        shown = m.field if lang is None else label(f"field.{m.field}", lang)
        lines.append(DiffLine(change=_change("plan", lang), metric=shown, old_text=old_text, new_text=new_text))
    for figure in (*diff.targets, *diff.baselines, *(diff.unchanged if show_all else ())):
        change = _change(figure.change, lang)
        if figure.role != "target":
            change = label("change.baseline", lang).format(change=change)
        lines.append(
            DiffLine(
                change=change,
                metric=figure.metric,
                old_text=_figure(figure.old, lang),
                new_text=_figure(figure.new, lang),
                figure=figure,
            )
        )
    return lines


def _diff_columns(lang: Lang | None) -> tuple[Column[DiffLine], ...]:
    def metric(line: DiffLine) -> str:
        if line.figure is None:  # a plan detail: the field's name
            return line.metric
        return metric_name(line.metric, line.figure.metric_zh, line.figure.metric_en, lang)

    return (
        Column(label("change", lang), lambda r: r.change, priority=9),
        Column(label("metric", lang), metric, priority=10),
        Column(label("old", lang), lambda r: r.old_text, priority=8),
        Column(label("new", lang), lambda r: r.new_text, priority=10),
        Column(label("difference", lang), lambda r: _difference(r, lang), priority=7),
        Column(label("what-changed", lang), lambda r: _what(r, lang), priority=3),
    )


def _counts(rows: list[FigureChange], lang: Lang | None, keep_zero: bool = True) -> list[str]:
    counts = {c: sum(r.change == c for r in rows) for c in CHANGES}
    fmt = label("count.change", lang)
    return [fmt.format(n=n, change=_change(c, lang)) for c, n in counts.items() if n or keep_zero]


def _summary(diff: PlanDiff, lang: Lang | None) -> str:
    unchanged = sum(r.role == "target" for r in diff.unchanged)
    said = [
        *_counts(diff.targets, lang),
        label("count.change", lang).format(n=unchanged, change=_change("unchanged", lang)),
    ]
    summary = listing(said, lang)
    more = []
    if diff.baselines:
        more.append(label("summary.baselines", lang).format(counts=listing(_counts(diff.baselines, lang, False), lang)))
    if diff.metadata:
        fields = [m.field if lang is None else label(f"field.{m.field}", lang) for m in diff.metadata]
        more.append(label("summary.plan-details", lang).format(fields=listing(fields, lang)))
    return "; ".join([summary, *more]) if lang != Lang.ZH else "；".join([summary, *more])


def _changes(diff: PlanDiff, show_all: bool) -> PlanChanges:
    return PlanChanges(
        metadata=diff.metadata,
        targets=diff.targets,
        baselines=diff.baselines,
        unchanged=diff.unchanged if show_all else None,
    )


def _diff_notes(diff: PlanDiff, old_label: str, new_label: str, lang: Lang | None) -> tuple[str, ...]:
    """That the plans are of two regions, so the changes are not a plan's revision."""
    if not diff.other_region:
        return ()
    regions = listing([_region_name(diff.old_region, lang), _region_name(diff.new_region, lang)], lang)
    return (label("note.other-regions", lang).format(old=old_label, new=new_label, regions=regions),)


def diff_table(
    diff: PlanDiff, *, show_all: bool = False, labels: tuple[str, str] | None = None, lang: Lang | None = None
) -> Table[DiffLine]:
    """What changed in one plan: a row per plan detail and per target that changed."""
    document = DiffDocument(
        old=diff.old.id,
        new=diff.new.id,
        changed=diff.changed,
        notes=list(_diff_notes(diff, diff.old.id, diff.new.id, None)),
        changes=_changes(diff, show_all),
    )
    old_label, new_label = labels or (diff.old.id, diff.new.id)
    title = f"{old_label} → {new_label}: {_summary(diff, lang)}"
    notes = _diff_notes(diff, old_label, new_label, lang)
    lines = _diff_lines(diff, show_all, lang)
    return Table(_diff_columns(lang), lines, title=title, notes=notes, matrix=True, document=document)


def _plan_counts(plan: Plan, lang: Lang | None) -> str:
    quantified = sum(t.quantified for t in plan.targets)
    counts = label("plan-counts", lang).format(
        targets=len(plan.targets), quantified=quantified, baselines=len(plan.baselines)
    )
    return f"{plan.title_en if lang == Lang.EN else plan.title_zh}\n{counts}"


def revisions_table(
    diff: DataDiff,
    old_label: str,
    new_label: str,
    *,
    show_all: bool = False,
    untracked: tuple[str, ...] = (),
    lang: Lang | None = None,
) -> Table[DiffLine]:
    """Every plan changed between two revisions: added and removed plans as one row each, changed plans
    with their changes; `untracked` names the data files left out (not in git)."""
    lines: list[DiffLine] = []
    plans: list[PlanEntry] = []
    for change, whole_plans in (("removed", diff.removed), ("added", diff.added)):
        for plan in whole_plans:
            text = _plan_counts(plan, lang)
            shown = _change(f"plan-{change}", lang)
            removed = change == "removed"
            lines.append(
                DiffLine(plan=plan.id, change=shown, old_text=text if removed else "", new_text="" if removed else text)
            )
            plans.append(PlanEntry(plan=plan.id, change=change, title_zh=plan.title_zh, title_en=plan.title_en))
    for changed in (*diff.changed, *(diff.unchanged if show_all else ())):
        plan = changed.new
        if not changed.changed:
            lines.append(DiffLine(plan=plan.id, change=_change("unchanged", lang)))
        lines += [replace(line, plan=plan.id) for line in _diff_lines(changed, show_all, lang)]
        plans.append(
            ChangedPlanEntry(
                plan=plan.id,
                change="changed" if changed.changed else "unchanged",
                title_zh=plan.title_zh,
                title_en=plan.title_en,
                summary=_summary(changed, None),
                changes=_changes(changed, show_all),
            )
        )
    columns = (Column(label("plan", lang), lambda r: r.plan, priority=10), *_diff_columns(lang))
    n = len(diff.changed)
    counts = label("summary.plans", lang).format(
        changed=n,
        s="" if n == 1 else "s",
        added=len(diff.added),
        removed=len(diff.removed),
        unchanged=len(diff.unchanged),
    )
    document = RevisionsDocument(old=old_label, new=new_label, changed=diff.any, plans=plans)
    notes = (label("not-in-git", lang).format(files=", ".join(untracked)),) if untracked else ()
    title = f"{old_label} → {new_label}: {counts}"
    return Table(columns, lines, title=title, notes=notes, matrix=True, document=document)


#: The order of outcomes in a progress table (the enum's): the checked targets first.
OUTCOMES = tuple(Outcome)


def _reported(row: ProgressRow, lang: Lang | None) -> str:
    """The figure the later plan reports; a worked-out one shows the figures it was worked out from."""
    if row.reported is None:
        return ""
    shown = _figure(row.reported, lang)
    if row.derived_from:
        start, other = row.derived_from
        if row.target.figure.kind == Kind.INCREMENT:  # end level minus start level
            shown += f"\n= {_figure(other, lang)} − {_figure(start, lang)}"
        else:  # start level plus the increment
            shown += f"\n= {_figure(start, lang)} + {_figure(other, lang)}"
    return shown


def _progress_difference(row: ProgressRow, lang: Lang | None) -> str:
    if row.difference is None:
        return ""
    text = signed(row.difference, row.difference_unit)
    if row.achieved_percent is not None:
        text += label("of-target", lang).format(percent=derived(row.achieved_percent))
    return text


def progress_table(
    progress: Progress, *, show_all: bool = False, labels: tuple[str, str] | None = None, lang: Lang | None = None
) -> Table[ProgressRow]:
    """The earlier plan's targets against the later plan's reported figures: met, missed, or why not checked."""
    shown = sorted(
        (r for r in progress.rows if show_all or r.outcome != Outcome.QUALITATIVE),
        key=lambda r: OUTCOMES.index(r.outcome),
    )
    new_id = progress.new.id if progress.new is not None else None
    old_label, new_label = labels or (progress.old.id, new_id or "")
    reported = label("reported-by", lang).format(plan=new_label) if new_id else label("reported-outcome", lang)
    columns: tuple[Column[ProgressRow], ...] = (
        Column(label("outcome", lang), lambda r: label(f"outcome.{r.outcome.value}", lang), priority=9),
        Column(label("metric", lang), lambda r: metric_name(r.metric, r.metric_zh, r.metric_en, lang), priority=10),
        Column(label("target-of", lang).format(plan=old_label), lambda r: _figure(r.target, lang), priority=8),
        Column(reported, lambda r: _reported(r, lang), priority=8),
        Column(label("difference", lang), lambda r: _progress_difference(r, lang), priority=7),
        Column(label("note", lang), lambda r: in_lang(r.note, lang), priority=2),
    )
    if new_id is None:  # against the outcomes: where each was reported
        columns += (Column(label("source", lang), lambda r: r.source or "", priority=1),)
    counts = {o: sum(r.outcome == o for r in progress.rows) for o in OUTCOMES}
    fmt = label("count.outcome", lang)
    said = [
        fmt.format(n=n, outcome=label(f"outcome.{o.value}", lang))
        for o, n in counts.items()
        if n and o != Outcome.QUALITATIVE
    ]
    summary = listing(said, lang) or label("no-quantified", lang)
    if new_id is None:
        title = label("title.outcomes", lang).format(old=old_label, summary=summary)
    else:
        title = label("title.progress", lang).format(old=old_label, new=new_label, summary=summary)
    if counts[Outcome.QUALITATIVE] and not show_all:
        title += label("qualitative-hidden", lang).format(n=counts[Outcome.QUALITATIVE])
    document = ProgressDocument(
        old=progress.old.id, new=new_id, summary={o.value: n for o, n in counts.items()}, targets=progress.rows
    )
    return Table(columns, shown, title=title, matrix=True, document=document)
