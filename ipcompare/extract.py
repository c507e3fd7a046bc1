"""A draft of a plan from its own text: the reader's figures matched to the metric catalogue, as dataset YAML.

The draft is a starting point for an analyst, never a finished record: every figure keeps the exact
words it was read from, and whatever the reader or the matching had to assume is written in the
figure's `note`, so that reviewing the draft is reading its notes beside the document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from .hanzi import simplify
from .model import Dataset, Kind, Level, Metric, Region, name_key
from .reader import Normal, Reading, ReadKind, Role, Unread, expand, guess_period, normalise, scan
from .records import field, record, replace
from .units import PER_10K_PEOPLE, Unit, parse_unit

#: The dataset's kind for each kind the reader tells apart (a score and a rank are levels in their units).
DATASET_KIND = {
    ReadKind.LEVEL: Kind.LEVEL,
    ReadKind.INCREMENT: Kind.INCREMENT,
    ReadKind.FLOW: Kind.FLOW,
    ReadKind.FLOW_CHANGE: Kind.FLOW_CHANGE,
    ReadKind.GROWTH_RATE: Kind.GROWTH_RATE,
    ReadKind.PERIOD_GROWTH: Kind.PERIOD_GROWTH,
    ReadKind.SHARE: Kind.SHARE,
    ReadKind.SCORE: Kind.LEVEL,
    ReadKind.RANK: Kind.LEVEL,
    ReadKind.UNCLEAR: Kind.UNCLEAR,
}


@record
class Candidate:
    """A figure read from the text, with the metric it was matched to (or None) and why."""

    reading: Reading
    metric: str | None
    kind: Kind | None  # None: a figure the dataset has no kind for (a change in percentage points)
    match: str  # how the metric was found, or why none was


@record
class Meta:
    """What the document says about itself."""

    title: str | None
    issuer: str | None = None
    doc_number: str | None = None
    issued: str | None = None  # ISO date
    period: tuple[int, int] | None = None
    draft: bool = False
    region: str | None = None  # a region id of the dataset
    region_name: str | None = None  # the place the title names, when the dataset has no such region


@record
class Draft:
    source: str
    meta: Meta
    candidates: tuple[Candidate, ...]
    notes: tuple[str, ...] = ()
    unread: tuple[Unread, ...] = ()  # numbers the reader saw and gave no figure for, with why


# ---------------------------------------------------------------------------------------------------
# Matching an indicator to the catalogue


def _key(text: str) -> str:
    """An indicator or a metric name in the form they are matched in."""
    text = simplify(text)
    text = re.sub(r"每万人口|每万人|万人口", "万人", text)
    text = re.sub(r"[“”\"'《》()\s、,]", "", text)
    return name_key(text)


@record(kw_only=False)
class _Names:
    metric: Metric
    keys: tuple[str, ...]
    unit: Unit | None


def _catalogue(metrics: Sequence[Metric]) -> list[_Names]:
    out = []
    for m in metrics:
        names = [n for n in (m.name_zh, *m.aliases) if re.search(r"[\u4e00-\u9fff]|PCT", n)]
        keys = tuple(dict.fromkeys(k for k in (_key(n) for n in names) if len(k) >= 2))
        out.append(_Names(m, keys, parse_unit(m.unit) if m.unit else None))
    return out


def _fits(reading: Reading, names: _Names, indicator: str) -> bool:
    """Can the reading be a figure of this metric: per head or not, and a unit of the metric's kind."""
    per_head = "万人" in indicator
    metric_per_head = names.unit is not None and names.unit.per_10k_people
    if reading.kind in (ReadKind.GROWTH_RATE, ReadKind.PERIOD_GROWTH, ReadKind.POINTS):
        return per_head == metric_per_head or names.unit is None
    if reading.kind == ReadKind.UNCLEAR and reading.unit in ("%", "‰"):
        return True
    if per_head != metric_per_head or names.unit is None:
        return False
    if reading.kind == ReadKind.SHARE:
        return names.unit.dimension == "percent"
    unit = parse_unit(reading.unit)
    if unit is None:
        return False
    if reading.kind in (ReadKind.RANK, ReadKind.SCORE):
        return unit.dimension == names.unit.dimension
    return unit.dimension == names.unit.dimension and unit.dimension not in ("percent", "rank", "score")


def _score(key: str, names: _Names) -> int:
    """How much of an indicator a metric's names cover: the longest name inside it, or it at a name's end."""
    best = 0
    for name in names.keys:
        if name in key:
            best = max(best, len(name) * 2 + (1 if name == key else 0))
        elif len(key) >= 4 and name.endswith(key):
            best = max(best, len(key) * 2 - 1)
    return best


def match(reading: Reading, catalogue: list[_Names], context: str = "") -> tuple[str | None, str]:
    """The metric an indicator names, with how it was found; (None, why) when no name fits."""
    for words, how in ((reading.indicator, "name"), (context, "the words around it")):
        key = _key(words)
        if not key:
            continue
        scored = sorted(
            ((_score(key, n), n.metric.id) for n in catalogue if _fits(reading, n, _key(reading.indicator))),
            reverse=True,
        )
        scored = [s for s in scored if s[0] >= 4]
        if not scored:
            continue
        top = [m for s, m in scored if s == scored[0][0]]
        if len(top) > 1:
            return top[0], f"matched by {how}; as close: {', '.join(top[1:])}"
        return top[0], f"matched by {how}"
    return None, "no metric of the catalogue has this name"


#: Words that narrow what an indicator counts to a kind of holder or a rank (高新技术企业发明专利拥有量).
_SCOPE_WORDS = re.compile(r"高新技术企业|规模以上|规上|企业|高校|高等院校|科研院所|国家级|省级|市级|重点")


def _scope(indicator: str, names: _Names) -> list[str]:
    """The notes for an indicator narrowed by a scope its metric's names lack: the match is kept, the analyst
    sees the question. A word inside a longer one found (企业 of 高新技术企业) is said once."""
    key = _key(indicator)
    words: list[str] = []
    for m in _SCOPE_WORDS.finditer(key):
        if not any(m.group() in w for w in words) and not any(m.group() in name for name in names.keys):
            words.append(m.group())
    return [f"counts only {w}: check the metric or give it a scope" for w in words]


# ---------------------------------------------------------------------------------------------------
# The document's own description


#: A plan's title ends in its genre, perhaps with its period, (2021—2035年), and a draft's mark.
_TITLE = re.compile(
    r"(?:规划|纲要|方案|实施意见|意见|行动计划|计划|要点|办法)"
    r"(?:\((?:19|20)\d\d\s*(?:-|\u2014|\u2013|~|至)\s*(?:19|20)\d\d年?\))?"
    r"(?:\((?:征求意见稿|草案|送审稿)\))?$"
)
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}〔\d{4}〕\d{1,4}号")
_DATE = re.compile(r"^\(?(\d{4})年(\d{1,2})月(\d{1,2})日\)?$")
_ISSUER = re.compile(
    r"^[\u4e00-\u9fff()]{2,30}(?:人民政府办公室|人民政府办公厅|人民政府|知识产权局|市场监督管理局|委员会|办公室|办公厅)$"
)


def _title(lines: list[str]) -> str | None:
    for line in lines[:80]:
        line = re.sub(r"^(?:\[[^\]]*\])+", "", line).strip()
        if 6 <= len(line) <= 60 and _TITLE.search(line) and not re.match(r"(?:关于印发|.*的通知$)", line):
            return line
    for line in lines[:80]:
        m = re.search(r"关于印发(.{4,60}?)的通知|(关于[^\s>\"]{4,60}?(?:实施意见|意见|方案|规划))", line)
        if m:
            return (m[1] or m[2]).strip("《》")
    return None


def describe(normal: Normal, dataset: Dataset) -> Meta:
    """Title, issuer, document number, date, period and draft status, as far as the text gives them."""
    lines = [ln.strip() for ln in normal.text.splitlines() if ln.strip()]
    title = _title(lines)
    numbers = [ln for ln in lines[:120] if _DOC_NUMBER.fullmatch(ln)]
    labelled = [m.group() for ln in lines[:120] if "文号" in ln for m in [_DOC_NUMBER.search(ln)] if m]
    doc_number = next(iter(numbers + labelled), None)
    dates = [m for ln in lines[:200] for m in [_DATE.match(ln)] if m]
    issued = f"{int(dates[0][1]):04d}-{int(dates[0][2]):02d}-{int(dates[0][3]):02d}" if dates else None
    issuers = [ln for ln in lines[:200] if _ISSUER.match(ln)]
    head = "\n".join(lines[:20])
    region, place = _region(title or head, dataset)
    if region is None:
        region = _most_named(normal.text, dataset) or region
    return Meta(
        title=title,
        issuer=issuers[0] if issuers else None,
        doc_number=doc_number,
        issued=issued,
        period=guess_period("\n".join(filter(None, [title, head]))),
        draft="征求意见稿" in (title or head) or "征求意见稿" in head,
        region=region,
        region_name=place,
    )


def _place_names(r: Region) -> set[str]:
    """How a text names a region: 襄阳市, 襄阳, and its Chinese aliases (内蒙古); two characters at least."""
    names = {r.name_zh, re.sub(r"(?:省|市|自治区)$", "", r.name_zh), *(a for a in r.aliases if not a.isascii())}
    return {n for n in names if len(n) >= 2}


def _region(title: str, dataset: Dataset) -> tuple[str | None, str | None]:
    """The region a title names: the most local one the dataset knows, else the place name it begins with."""
    rank = {Level.PREFECTURE: 0, Level.PROVINCE: 1, Level.NATIONAL: 2}
    found = [r for r in dataset.regions if r.level != Level.NATIONAL and any(n in title for n in _place_names(r))]
    if found:
        return min(found, key=lambda r: rank[r.level]).id, None
    m = re.match(r"^(?:关于)?([\u4e00-\u9fff]{1,8}?(?:自治区|省|市|州|盟|县|区))", title)
    return None, m[1] if m else None


def _most_named(text: str, dataset: Dataset) -> str | None:
    """The region the text names most often (青海 in a plan whose title names only the national outline)."""
    counts: dict[str, int] = {}
    for r in dataset.regions:
        if r.level == Level.NATIONAL:
            continue
        counts[r.id] = sum(text.count(n) for n in _place_names(r))
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best is not None and best[1] >= 2 else None


# ---------------------------------------------------------------------------------------------------
# Extracting


def extract(text: str, dataset: Dataset, source: str) -> Draft:
    """Read a plan's text and match each figure to the catalogue."""
    normal = normalise(text)  # once: describing the document and reading it both work on this
    meta = describe(normal, dataset)
    read, unread = scan(normal, period=meta.period)
    readings = expand(read)
    if meta.period is None:
        years = [r.year for r in readings if r.role == Role.TARGET and r.year]
        if years:
            meta = replace(meta, period=(min(years) - 4 if max(years) - min(years) < 5 else min(years), max(years)))
    catalogue = _catalogue(dataset.metrics)
    names = {n.metric.id: n for n in catalogue}
    candidates = []
    for r in readings:
        metric, how = match(r, catalogue, r.clause)
        scope = _scope(r.indicator, names[metric]) if metric is not None else []
        if scope:  # in the match and in the notes, so that every view shows the scope question
            how = "; ".join([how, *scope])
            r = replace(r, notes=(*r.notes, *scope))
        kind = DATASET_KIND.get(r.kind)
        candidates.append(Candidate(reading=r, metric=metric, kind=kind, match=how))
    return Draft(source=source, meta=meta, candidates=tuple(candidates), unread=tuple(unread))


# ---------------------------------------------------------------------------------------------------
# The draft as dataset YAML


def _q(value: str) -> str:
    """A YAML double-quoted string (JSON's escapes are YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


@record(frozen=False, kw_only=False)
class _Writer:
    dataset: Dataset
    new_metrics: dict[str, tuple[str, Candidate]] = field(default_factory=dict)  # indicator -> (id, first candidate)
    new_regions: dict[str, str] = field(default_factory=dict)  # place name -> id
    plan_ids: set[str] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)


def draft_yaml(drafts: Sequence[Draft], dataset: Dataset) -> str:
    """Drafts as one data file, to be read with `--data` beside the shipped data and checked with `validate`."""
    w = _Writer(dataset, plan_ids={p.id for p in dataset.plans})
    plans: list[str] = []
    for draft in drafts:
        plans += _plan_yaml(w, draft)
    out = [
        "# A draft written by `ipcompare extract`: review every figure against its document before using it.",
        "# Each figure's note says what the reader assumed; `ipcompare validate FILE --sources DIR` checks the quotes.",
        "schema: 1",
    ]
    if w.new_metrics:
        out += ["", "metrics:", *_metrics_yaml(w)]
    if w.new_regions:
        out += ["", "regions:", *_regions_yaml(w)]
    out += ["", "plans:", *plans]
    if w.skipped:
        out += ["", "# Read but not encoded (the dataset has no kind or unit for them):"]
        out += [f"#   {line}" for line in w.skipped]
    if w.unread:
        out += ["", "# Seen but not read (no figure was drafted: read them in the document):"]
        out += [f"#   {line}" for line in w.unread]
    return "\n".join(out) + "\n"


_NEW_METRIC = (
    "Proposed by extract: no metric of the catalogue has this name. Check that none fits, then name it in English."
)
_NEW_REGION = "Proposed by extract: the dataset has no such region. Set its parent, English name and population."


def _metrics_yaml(w: _Writer) -> list[str]:
    taken = {name_key(n) for m in w.dataset.metrics for n in m.names()}
    out: list[str] = []
    for metric_id, c in w.new_metrics.values():
        indicator = c.reading.indicator
        name = indicator if name_key(indicator) not in taken else f"{indicator}（{metric_id}）"
        out += [
            f"  - id: {metric_id}",
            f"    name_zh: {_q(name)}",
            f"    name_en: {_q(f'(to name) {metric_id}')}",
        ]
        unit = _metric_unit(c.reading)
        if unit is not None:
            out.append(f"    unit: {_q(unit)}")
        out += [
            "    higher_is_better: true",
            f"    note: {_q(_NEW_METRIC)}",
        ]
    return out


def _metric_unit(reading: Reading) -> str | None:
    if reading.kind in (ReadKind.GROWTH_RATE, ReadKind.PERIOD_GROWTH):
        return None
    if reading.kind == ReadKind.SHARE or reading.unit == "%":
        return "%"
    unit = parse_unit(reading.unit)
    if unit is None:
        return None
    return unit.text + (PER_10K_PEOPLE if "万人" in reading.indicator and not unit.per_10k_people else "")


def _regions_yaml(w: _Writer) -> list[str]:
    out: list[str] = []
    for place, region_id in w.new_regions.items():
        level = "province" if place.endswith(("省", "自治区")) else "prefecture"
        out += [
            f"  - id: {region_id}",
            f"    name_zh: {_q(place)}",
            f"    name_en: {_q(f'(to name) {region_id}')}",
            f"    level: {level}",
            "    parent: china",
            f"    note: {_q(_NEW_REGION)}",
        ]
    return out


def _free_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _plan_yaml(w: _Writer, draft: Draft) -> list[str]:
    meta = draft.meta
    notes: list[str] = list(draft.notes)
    region = meta.region or _new_region(w, meta, notes)
    period = meta.period or _period_of(draft)
    if meta.period is None:
        notes.append(f"The text names no period; {period[0]}-{period[1]} is read from its targets' years.")
    fyp = re.search(r"十([一二三四五])五", meta.title or "")
    stem = f"{region}-1{'一二三四五'.index(fyp[1]) + 1}th-fyp" if fyp else f"{region}-plan-{period[0]}"
    title = meta.title or Path(draft.source).stem
    if meta.title is None:
        notes.append("No title was found; the file name stands in for it.")
    lines = [
        f"  - id: {_free_id(stem, w.plan_ids)}",
        f"    region: {region}",
        f"    title_zh: {_q(title)}",
        f"    title_en: {_q('(to translate) ' + title)}",
        *_meta_lines(meta),
        f"    period: {{start: {period[0]}, end: {period[1]}}}",
        f"    status: {'draft' if meta.draft else 'final'}",
        f"    source: {_q(draft.source)}",
    ]
    figures: dict[Role, list[str]] = {Role.TARGET: [], Role.BASELINE: []}
    for c in draft.candidates:
        figures[c.reading.role] += _figure_yaml(w, c, period)
    notes.append(f"Drafted by ipcompare extract from {Path(draft.source).name}: {len(draft.candidates)} figures read.")
    if draft.unread:
        n = len(draft.unread)
        notes.append(f"Numbers not read in {n} place{'s' if n > 1 else ''}: see the comments at the end of the draft.")
        w.unread += [f"{u.quote} ({Path(draft.source).name}): {u.why}" for u in draft.unread]
    lines.append(f"    notes: {_q(' '.join(notes))}")
    for role, key in ((Role.BASELINE, "baselines"), (Role.TARGET, "targets")):
        if figures[role]:
            lines += [f"    {key}:", *figures[role]]
    return lines


def _new_region(w: _Writer, meta: Meta, notes: list[str]) -> str:
    place = meta.region_name or "未知地区"
    taken = {r.id for r in w.dataset.regions} | set(w.new_regions.values())
    region = w.new_regions.setdefault(place, _free_id("draft-region", taken))
    notes.append(f"The region ({place}) is not in the dataset: a new one is proposed.")
    return region


def _meta_lines(meta: Meta) -> list[str]:
    lines = []
    if meta.issuer:
        lines.append(f"    issuer: {_q(meta.issuer)}")
    if meta.doc_number:
        lines.append(f"    doc_number: {_q(meta.doc_number)}")
    if meta.issued:
        lines.append(f"    issued: {meta.issued}")
    return lines


def _period_of(draft: Draft) -> tuple[int, int]:
    years = [c.reading.year for c in draft.candidates if c.reading.year]
    return (min(years), max(years)) if years else (2021, 2025)


def _not_encoded(c: Candidate, period: tuple[int, int]) -> str | None:
    """Why a figure read cannot go into the draft as it stands (it is listed in a comment instead)."""
    r = c.reading
    if c.kind is None:
        return "a change in percentage points"
    if parse_unit(r.unit) is None:
        return f"the unit {r.unit} is not one ipcompare knows"
    if r.year is None:
        return "no year"
    if r.role == Role.TARGET and not period[0] <= r.year <= period[1]:
        return f"year {r.year} is outside the plan's period"
    if r.role == Role.BASELINE and r.year > period[0]:
        return "a baseline after the plan's start"
    return None


def _figure_yaml(w: _Writer, c: Candidate, period: tuple[int, int]) -> list[str]:
    r = c.reading
    why = _not_encoded(c, period)
    if why is not None or r.year is None or c.kind is None:
        w.skipped.append(f"{r.quote} ({r.role}{'' if r.year is None else f' {r.year}'}): {why}")
        return []
    notes = list(r.notes)
    metric = c.metric
    if metric is None:
        metric = _new_metric(w, c)
        notes.append(f"indicator {r.indicator}: no metric of the catalogue has this name, a new one is proposed")
    elif "as close" in c.match:
        notes.append(f"metric {c.match}")
    amount = (
        f"        value: {_number(r.value)}"
        if r.value is not None
        else f"        range: [{_number(r.low or 0)}, {_number(r.high or 0)}]"
    )
    lines = [
        f"      - metric: {metric}",
        f"        year: {r.year}",
        amount,
        f"        unit: {_q(r.unit)}",
        f"        comparator: {r.comparator}",
        f"        kind: {c.kind}",
    ]
    limit = r.year if c.kind == Kind.INCREMENT else r.year - 1
    if r.since is not None and c.kind in (Kind.INCREMENT, Kind.FLOW_CHANGE, Kind.PERIOD_GROWTH) and r.since <= limit:
        lines.append(f"        since: {r.since}")
    lines.append(f"        quote: {_q(r.quote)}")
    if c.kind == Kind.UNCLEAR and not notes:
        notes.append("the kind could not be read")
    if notes:
        lines.append(f"        note: {_q('Review: ' + '; '.join(notes) + '.')}")
    return lines


def _new_metric(w: _Writer, c: Candidate) -> str:
    label = f"{c.reading.indicator} {_metric_unit(c.reading) or ''}"
    if label not in w.new_metrics:
        taken = {m.id for m in w.dataset.metrics} | {v[0] for v in w.new_metrics.values()}
        w.new_metrics[label] = (_free_id(f"draft-metric-{len(w.new_metrics) + 1}", taken), c)
    return w.new_metrics[label][0]
