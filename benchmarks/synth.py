"""Synthetic datasets for the scale benchmarks: N valid plans of made-up regions, written as analysts write data.

    python benchmarks/synth.py --plans 5000 --out DIR [--seed 1]

DIR/regions.yaml holds the regions (provinces under china, prefectures under them, each with a population);
DIR/plans/<region-id>.yaml holds each region's plans: 13th, 14th and 15th five-year plans, some drafts with
their finals, about three plans a region. Each plan has 30-60 targets and baselines of the shipped metrics
(read from data/targets.yaml), in each metric's unit and of the kinds it takes: levels, increments, annual
flows, growth rates, shares, ranges, comparators, a few qualitative and unclear ones, baselines at the year
before the period starts, and a Chinese quote holding each number as written. Region ids start with `syn-`
and no region name matches a shipped one, so the data loads beside the shipped file:
`ipcompare --data DIR plans`. The same seed gives the same files.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from ipcompare.model import name_key

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "data" / "targets.yaml"
POPULATION_SOURCE = "synthetic population for benchmarks"

#: Characters of the made-up place names, each with its own pinyin.
PLACE_CHARACTERS = (
    "安an 北bei 昌chang 东dong 丰feng 广guang 海hai 和he 华hua 江jiang 金jin 康kang 兰lan 林lin 隆long "
    "明ming 宁ning 平ping 庆qing 泉quan 瑞rui 山shan 顺shun 泰tai 通tong 文wen 西xi 祥xiang 新xin 兴xing "
    "阳yang 宜yi 永yong 元yuan 云yun 泽ze 州zhou 中zhong 德de 福fu 高gao 汉han 建jian 开kai 乐le 梅mei "
    "南nan 鹏peng 琼qiong 荣rong 盛sheng 天tian 武wu 仙xian 岳yue 湛zhan 嘉jia 沙sha 桂gui 白bai 赤chi "
    "定ding 鸿hong 吉ji 黎li 茂mao 沐mu 磐pan 秦qin 仁ren 松song 桃tao 万wan 霞xia 雅ya 榆yu 竹zhu"
)

#: Five-year plans: ordinal, Chinese label, first and last year.
PERIODS = {13: ("十三五", 2016, 2020), 14: ("十四五", 2021, 2025), 15: ("十五五", 2026, 2030)}
#: The plans of one region: (five-year plan, status); drafts come before their finals.
PLAN_SETS = (
    ((13, "final"), (14, "draft"), (14, "final")),
    ((13, "final"), (14, "final"), (15, "draft")),
    ((14, "final"), (15, "draft"), (15, "final")),
)
#: Words in a metric's Chinese name that make it an amount counted each year (申请量, 融资金额).
FLOW_WORDS = ("申请量", "授权量", "金额", "交易额", "总额")
#: Words in a metric's Chinese name that make any number of it read as an increment (培育 in 品牌创新培育项目).
INCREMENT_WORDS = ("新增", "培育", "新建", "新认定")


@dataclass(frozen=True)
class Metric:
    id: str
    name_zh: str
    unit: str | None
    higher_is_better: bool

    @property
    def dimension(self) -> str:
        """qualitative, percent, score, rank, per-10k, money or count."""
        if self.unit is None:
            return "qualitative"
        special = {"%": "percent", "分": "score", "位": "rank"}
        if self.unit in special:
            return special[self.unit]
        if self.unit.endswith("/万人"):
            return "per-10k"
        return "money" if self.unit.endswith("元") else "count"

    @property
    def flow(self) -> bool:
        return any(word in self.name_zh for word in FLOW_WORDS)

    @property
    def increment(self) -> bool:
        return any(word in self.name_zh for word in INCREMENT_WORDS)


@dataclass(frozen=True)
class Region:
    id: str
    name_zh: str
    name_en: str
    level: str
    parent: str
    alias: str | None
    population: int


@dataclass(frozen=True)
class Figure:
    """One target or baseline before it is written: `amount` is in the metric's unit (in 件 for 万件)."""

    role: str
    metric: Metric
    year: int
    kind: str | None  # None: qualitative
    amount: float = 0.0
    high: float | None = None  # a range: amount to high
    comparator: str | None = None
    since: int | None = None
    direction: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Plan:
    id: str
    region: Region
    ordinal: int
    status: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Written:
    """What write_dataset wrote, and ids for the benchmark's commands."""

    plans: int
    figures: int
    files: int
    bytes: int
    regions: tuple[str, ...]  # two prefectures with plans
    plan: str  # a final plan
    draft: str  # a draft, and its final
    final: str


def shipped_catalogue() -> tuple[list[Metric], set[str]]:
    """The shipped metrics, and the shipped regions' names as lookups compare them."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(SHIPPED.read_text(encoding="utf-8"), Loader=loader)
    metrics = [Metric(m["id"], m["name_zh"], m.get("unit"), m["higher_is_better"]) for m in data["metrics"]]
    names = set()
    for r in data["regions"]:
        for name in (r["id"], r["name_zh"], r["name_en"], *r.get("aliases", [])):
            names.add(name_key(name))
    return metrics, names


def make_regions(count: int, taken: set[str], rng: random.Random) -> list[Region]:
    """`count` regions, about one province in ten, every name unlike the others and the shipped ones."""
    provinces = max(1, count // 10)
    places = _place_names(count, taken, rng)
    regions: list[Region] = []
    for index, (zh, en) in enumerate(places):
        province = index < provinces
        parent = "china" if province else regions[rng.randrange(provinces)].id
        regions.append(
            Region(
                id=f"syn-{en.lower()}",
                name_zh=zh + ("省" if province else "市"),
                name_en=en,
                level="province" if province else "prefecture",
                parent=parent,
                alias=zh if rng.random() < 0.5 else None,
                population=rng.randint(2_000_000, 90_000_000) if province else rng.randint(300_000, 15_000_000),
            )
        )
    return regions


def _place_names(count: int, taken: set[str], rng: random.Random) -> list[tuple[str, str]]:
    """(Chinese stem, English name) pairs of two characters, or three when two are not enough."""
    pairs = [(c[0], c[1:]) for c in PLACE_CHARACTERS.split()]
    out: list[tuple[str, str]] = []
    taken = set(taken)
    for length in (2, 3):
        candidates = list(itertools.permutations(pairs, length))
        rng.shuffle(candidates)
        for chars in candidates:
            zh, en = "".join(c for c, _ in chars), "".join(p for _, p in chars).capitalize()
            names = [name_key(n) for n in (zh, zh + "省", zh + "市", en, f"syn-{en}")]
            if any(n in taken for n in names):
                continue
            taken.update(names)
            out.append((zh, en))
            if len(out) == count:
                return out
    raise ValueError(f"cannot make {count} distinct place names")


def make_plans(regions: list[Region], metrics: list[Metric], count: int, rng: random.Random) -> list[Plan]:
    """`count` plans, three a region (the last region may have fewer)."""
    plans: list[Plan] = []
    for region in regions:
        finals: dict[int, Plan] = {}
        region_plans = []
        for ordinal, status in reversed(rng.choice(PLAN_SETS)):  # a final first, so that its draft is made from it
            plan_id = f"{region.id}-{ordinal}th-fyp"
            if status == "final":
                finals[ordinal] = Plan(plan_id, region, ordinal, status, make_figures(region, metrics, ordinal, rng))
                region_plans.append(finals[ordinal])
            elif ordinal in finals:
                region_plans.append(draft_of(finals[ordinal], rng))
            else:
                figures = make_figures(region, metrics, ordinal, rng)
                region_plans.append(Plan(plan_id + "-draft", region, ordinal, status, figures))
        plans += reversed(region_plans)
    return plans[:count]


def draft_of(final: Plan, rng: random.Random) -> Plan:
    """The final's draft: one target fewer, and about one target in six with a lower number."""
    targets = [f for f in final.figures if f.role == "target"]
    dropped = rng.choice(targets[1:]) if len(targets) > 1 else None
    figures = []
    for f in final.figures:
        if f is dropped:
            continue
        if f.role == "target" and f.kind is not None and rng.random() < 1 / 6:
            factor = rng.uniform(0.8, 0.95)
            f = replace(f, amount=f.amount * factor, high=f.high * factor if f.high is not None else None)
        figures.append(f)
    return Plan(final.id + "-draft", final.region, final.ordinal, "draft", tuple(figures))


def make_figures(region: Region, metrics: list[Metric], ordinal: int, rng: random.Random) -> tuple[Figure, ...]:
    """30-60 targets and baselines: trademarks almost always first, high-value patents often next."""
    wanted = rng.randint(30, 60)
    by_id = {m.id: m for m in metrics}
    chosen = [by_id[m] for m, share in (("trademarks", 0.95), ("high-value-patents", 0.7)) if rng.random() < share]
    others = [m for m in metrics if m not in chosen]
    rng.shuffle(others)
    figures: list[Figure] = []
    for metric in chosen + others:
        figures += metric_figures(metric, region, ordinal, rng)
        if len(figures) >= wanted:
            break
    return tuple(figures[:wanted])


def metric_figures(metric: Metric, region: Region, ordinal: int, rng: random.Random) -> list[Figure]:
    """One metric's target (sometimes a growth rate too) and, often, its baselines."""
    _, start, end = PERIODS[ordinal]
    size = region.population / 5_000_000
    if metric.dimension == "qualitative" or rng.random() < 0.04:
        return [qualitative(metric, end)]
    target = level_target(metric, end, size, rng)
    if metric.dimension in ("count", "money"):
        target = count_target(metric, target, start, rng)
    figures = [target]
    if metric.dimension in ("count", "money", "per-10k") and target.kind != "growth-rate" and rng.random() < 0.2:
        figures.append(Figure("target", metric, end, "growth-rate", rng.uniform(3, 25), comparator="stated"))
    if target.kind in ("level", "flow", "share") and target.high is None and rng.random() < 0.6:
        figures += baselines(target, start - 1, rng)
    return figures


def qualitative(metric: Metric, year: int) -> Figure:
    return Figure("target", metric, year, None, direction="up" if metric.higher_is_better else "down")


def level_target(metric: Metric, year: int, size: float, rng: random.Random) -> Figure:
    """A target of the metric's own measure at the plan's horizon: a level, a share, a score or a rank."""
    dimension, comparator = metric.dimension, rng.choice(("reach", "reach", "exceed", "at-least", "about"))
    if dimension == "percent":
        return Figure("target", metric, year, "share", rng.uniform(5, 99), comparator=rng.choice(("reach", "at-least")))
    if dimension == "score":
        return Figure("target", metric, year, "level", rng.uniform(75, 92), comparator="at-least")
    if dimension == "rank":
        return Figure("target", metric, year, "level", rng.randint(1, 12), comparator="reach")
    if dimension == "per-10k":
        return Figure("target", metric, year, "level", rng.uniform(0.5, 40), comparator=comparator)
    if metric.id == "trademarks":
        return Figure("target", metric, year, "level", size * rng.uniform(20_000, 150_000), comparator="exceed")
    if dimension == "money":
        scale = 10 ** rng.uniform(0, 3)
    else:  # thousands of patents, tens of enterprises
        scale = 10 ** rng.uniform(2, 4) if metric.unit == "件" else 10 ** rng.uniform(0.5, 2.5)
    return Figure("target", metric, year, "level", size * scale + 1, comparator=comparator)


def count_target(metric: Metric, level: Figure, start: int, rng: random.Random) -> Figure:
    """A count or an amount: a yearly flow for what is counted each year, else a level, an increment or a range."""
    choice = rng.random()
    if choice < 0.08:
        note = "Synthetic: the plan does not say whether this is the year's amount or a total over the period."
        return replace(level, kind="unclear", comparator="stated", note=note)
    if metric.flow:
        if choice < 0.8:
            return replace(level, kind="flow", comparator="reach")
        return replace(level, kind="growth-rate", comparator="stated", amount=rng.uniform(3, 25))
    if choice < 0.3 or metric.increment:
        return replace(level, kind="increment", comparator="stated", since=start, amount=level.amount * 0.3)
    if choice < 0.4 and metric.dimension == "count" and level.amount < 2000:
        low = max(1, round(level.amount * 0.2))
        return replace(level, kind="increment", comparator="stated", since=start, amount=low, high=low * 1.5 + 1)
    return level


def baselines(target: Figure, year: int, rng: random.Random) -> list[Figure]:
    """What the plan reports for the year before it starts: the target's measure, and sometimes its change."""
    rate = rng.uniform(0.03, 0.25)
    base = replace(target, role="baseline", year=year, comparator="stated", note=None)
    if target.metric.dimension == "rank":
        return [replace(base, amount=target.amount + rng.randint(0, 3))]
    if target.metric.dimension in ("percent", "score"):
        return [replace(base, amount=max(1.0, target.amount - rng.uniform(0.5, 5)))]
    base = replace(base, amount=target.amount / (1 + rate) ** 5)
    out = [base]
    if target.kind == "flow" and rng.random() < 0.3:
        change = base.amount - base.amount / (1 + rate) ** 5
        out.append(replace(base, kind="flow-change", since=year - 5, amount=change))
    elif rng.random() < 0.2:
        out.append(replace(base, kind="period-growth", since=year - 5, amount=((1 + rate) ** 5 - 1) * 100))
    return out


def number(value: float, decimals: int) -> str:
    """A number as a plan writes it: 8.5, 12, 0.35 (never 12.0 or 1e+05)."""
    return f"{round(value, decimals):.{decimals}f}".rstrip("0").rstrip(".") if decimals else str(round(value))


def written(f: Figure) -> tuple[str, str | None, str]:
    """(value or range end as written, the range's upper end or None, unit as written)."""
    metric, low, high = f.metric, f.amount, f.high
    if f.kind in ("growth-rate", "period-growth", "share"):
        return number(min(low, 100) if f.kind == "share" else low, 1), None, "%"
    if metric.dimension in ("score", "rank"):
        return number(low, 1 if metric.dimension == "score" else 0), None, str(metric.unit)
    if metric.dimension == "per-10k":
        return number(low, 2), None, "件"
    if metric.dimension == "money":
        return number(low, 2 if low < 1 else 1 if low < 100 else 0), None, str(metric.unit)
    if high is None and low >= 10_000:
        return number(low / 10_000, 1), None, "万" + str(metric.unit)
    return str(max(1, round(low))), None if high is None else str(round(high)), str(metric.unit)


def quote(f: Figure, plan: Plan, region: Region) -> str:
    """The Chinese words of the figure, holding its number as written."""
    name, year, since = f.metric.name_zh, f.year, f.since
    label, _, _ = PERIODS[plan.ordinal]
    if f.kind is None:
        return f"“{label}”期间,{name}{'持续提升' if f.direction == 'up' else '明显减少'}"
    value, high, unit = written(f)
    n = f"{value}~{high}{unit}" if high is not None else f"{value}{unit}"
    scope = "全省" if region.level == "province" else "全市"
    if f.role == "baseline":
        if f.kind == "flow-change":
            return f"{year}年,{scope}{name}较{since}年增加{n}"
        if f.kind == "period-growth":
            return f"{scope}{name}较{since}年增长{n}"
        return f"截至{year}年底,{scope}{name}为{n}" if f.kind == "level" else f"{year}年,{scope}{name}为{n}"
    by_kind = {
        "increment": f"“{label}”期间,新增{name}{n}",
        "flow": f"到{year}年,年度{name}达到{n}",
        "growth-rate": f"“{label}”期间,{name}年均增长{n}",
        "unclear": f"{name}{n}",
    }
    if f.kind in by_kind:
        return by_kind[f.kind]
    words = {"reach": f"达到{n}", "exceed": f"突破{n}", "at-least": f"达到{n}以上", "about": f"{n}左右"}
    return f"到{year}年,{name}{words[str(f.comparator)]}"


def q(text: str) -> str:
    """Text as a YAML double-quoted string (JSON's is one)."""
    return json.dumps(text, ensure_ascii=False)


def figure_yaml(f: Figure, plan: Plan) -> str:
    lines = [f"      - metric: {f.metric.id}", f"        year: {f.year}"]
    if f.since is not None:
        lines.append(f"        since: {f.since}")
    if f.kind is None:
        lines.append(f"        direction: {f.direction}")
    else:
        value, high, unit = written(f)
        lines.append(f"        range: [{value}, {high}]" if high is not None else f"        value: {value}")
        lines += [f"        unit: {q(unit)}", f"        comparator: {f.comparator}", f"        kind: {f.kind}"]
    lines.append(f"        quote: {q(quote(f, plan, plan.region))}")
    if f.note:
        lines.append(f"        note: {q(f.note)}")
    return "\n".join(lines) + "\n"


def plan_yaml(plan: Plan) -> str:
    label, start, end = PERIODS[plan.ordinal]
    draft = plan.status == "draft"
    r = plan.region
    title_zh = f"{r.name_zh}知识产权“{label}”规划" + ("（征求意见稿）" if draft else "")
    title_en = f"{r.name_en} IP plan for the {plan.ordinal}th Five-Year Plan period" + (" (draft)" if draft else "")
    head = [
        f"  - id: {plan.id}",
        f"    region: {r.id}",
        f"    title_zh: {q(title_zh)}",
        f"    title_en: {q(title_en)}",
        f"    short_zh: {q(f'“{label}”规划')}",
        f"    short_en: {plan.ordinal}th FYP",
    ]
    if not draft:
        head.append(f"    issued: {start}-0{1 + len(r.id) % 9}-15")
    head += [
        f"    period: {{start: {start}, end: {end}}}",
        f"    status: {plan.status}",
        f"    notes: {q('Synthetic plan for benchmarks (benchmarks/synth.py).')}",
    ]
    text = "\n".join(head) + "\n"
    for role in ("targets", "baselines"):
        figures = [f for f in plan.figures if f.role + "s" == role]
        if figures:
            text += f"    {role}:\n" + "".join(figure_yaml(f, plan) for f in figures)
    return text


def region_yaml(r: Region) -> str:
    lines = [
        f"  - id: {r.id}",
        f"    name_zh: {q(r.name_zh)}",
        f"    name_en: {q(r.name_en)}",
        f"    level: {r.level}",
        f"    parent: {r.parent}",
    ]
    if r.alias:
        lines.append(f"    aliases: [{q(r.alias)}]")
    lines += [
        "    population:",
        f"      value: {r.population}",
        "      year: 2020",
        f"      source: {POPULATION_SOURCE}",
    ]
    return "\n".join(lines) + "\n"


HEADER = "# Synthetic data for ipcompare's scale benchmarks (benchmarks/synth.py): not real plans.\nschema: 1\n"


def write_dataset(plans: int, out: Path, seed: int = 1) -> Written:
    """Write `plans` plans and their regions under `out` (regions.yaml, plans/<region-id>.yaml)."""
    rng = random.Random(seed)
    metrics, taken = shipped_catalogue()
    regions = make_regions(math.ceil(plans / 3), taken, rng)
    made = make_plans(regions, metrics, plans, rng)
    (out / "plans").mkdir(parents=True, exist_ok=True)
    size = _write(out / "regions.yaml", HEADER + "regions:\n" + "".join(map(region_yaml, regions)))
    files = 1
    for region, group in itertools.groupby(made, key=lambda p: p.region):
        size += _write(out / "plans" / f"{region.id}.yaml", HEADER + "plans:\n" + "".join(map(plan_yaml, group)))
        files += 1
    ids = {p.id for p in made}
    drafts = [p for p in made if p.status == "draft" and p.id.removesuffix("-draft") in ids]
    prefectures = [p.region.id for p in made if p.region.level == "prefecture"]
    compared = list(dict.fromkeys(prefectures))[:2] or [made[0].region.id]
    return Written(
        plans=len(made),
        figures=sum(len(p.figures) for p in made),
        files=files,
        bytes=size,
        regions=tuple(compared),
        plan=next(p.id for p in made if p.status == "final"),
        draft=drafts[0].id if drafts else made[0].id,
        final=drafts[0].id.removesuffix("-draft") if drafts else made[0].id,
    )


def _write(path: Path, text: str) -> int:
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--plans", type=int, required=True, help="how many plans to write")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write them in")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    w = write_dataset(args.plans, args.out, args.seed)
    print(f"{w.plans:,} plans, {w.figures:,} figures, {w.files:,} files, {w.bytes / 2**20:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
