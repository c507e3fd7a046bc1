"""Units as plans write them (件, 万件, 亿元, %, 分 ...), parsed into a dimension and a factor.

The dimension decides what may be compared: a count never fits a money metric. The factor turns
a written value into the dimension's base unit (万件 -> 件 x 10^4, 亿元 -> 元 x 10^8).
"""

from __future__ import annotations

from functools import lru_cache

from .records import record

# Longest prefix first, so 万亿 is not read as 万 + 亿.
PREFIXES: tuple[tuple[str, float], ...] = (
    ("万亿", 1e12),
    ("百万", 1e6),
    ("亿", 1e8),
    ("万", 1e4),
    ("千", 1e3),
)

BASES: dict[str, str] = {
    # counts: the noun differs with the thing counted, the dimension does not
    "件": "count",
    "个": "count",
    "家": "count",
    "项": "count",
    "名": "count",
    "人": "count",
    "所": "count",
    "户": "count",
    "次": "count",
    "人次": "count",
    "家次": "count",
    "件次": "count",
    "批": "count",
    "条": "count",
    "篇": "count",
    "部": "count",
    "种": "count",
    "台": "count",
    "套": "count",
    "座": "count",
    "支": "count",
    # money
    "元": "money",
    # shares and rates
    "%": "percent",
    "个百分点": "percentage-point",
    "百分点": "percentage-point",
    # others
    "分": "score",
    "位": "rank",
}

PER_10K_PEOPLE = "/万人"


@record(kw_only=False)
class Unit:
    text: str
    base: str
    dimension: str
    factor: float
    per_10k_people: bool = False


@lru_cache(maxsize=1024)
def parse_unit(text: str) -> Unit | None:
    """Read a unit as written; None when it is not one ipcompare knows. Cached: a dataset of thousands of plans
    writes a handful of units a hundred thousand times."""
    if not text.isascii() and not _known_core(text):
        from .hanzi import simplify  # a unit in traditional characters (億元, 萬件): OpenCC only when needed

        text = simplify(text)
    per_10k = text.endswith(PER_10K_PEOPLE)
    core = text[: -len(PER_10K_PEOPLE)] if per_10k else text
    if core in BASES:
        return Unit(text, core, BASES[core], 1.0, per_10k)
    for prefix, factor in PREFIXES:
        rest = core[len(prefix) :]
        if core.startswith(prefix) and rest in BASES and BASES[rest] in ("count", "money"):
            return Unit(text, rest, BASES[rest], factor, per_10k)
    return None


def _known_core(text: str) -> bool:
    core = text.removesuffix(PER_10K_PEOPLE)
    return core in BASES or any(core.startswith(p) and core[len(p) :] in BASES for p, _ in PREFIXES)


def known_units() -> list[str]:
    return sorted(BASES) + [p + b for p, _ in PREFIXES for b, d in BASES.items() if d in ("count", "money")]


def fits(written: Unit, canonical: Unit) -> bool:
    """Can a value written in `written` be a value of a metric measured in `canonical`?

    Plans write 每万人口高价值发明专利拥有量达到6件: the 件 is per 10k people because the metric's
    name says so, so a plain count fits a per-10k-people metric (but 万件 does not).
    """
    if written.dimension != canonical.dimension:
        return False
    if canonical.per_10k_people and not written.per_10k_people:
        return written.factor == 1.0
    return written.per_10k_people == canonical.per_10k_people


def tidy(value: float) -> float:
    """Drop float noise from a conversion (0.30000000000000004 -> 0.3) while keeping 12 digits."""
    return float(f"{value:.12g}")


def base_of(unit: Unit) -> Unit:
    """The same dimension at factor 1: 亿元 -> 元, 万件 -> 件, 件/万人 stays 件/万人."""
    return Unit(
        unit.base + (PER_10K_PEOPLE if unit.per_10k_people else ""), unit.base, unit.dimension, 1.0, unit.per_10k_people
    )


def per_10k_people(unit: Unit) -> Unit:
    """The unit of a value divided by population in 10k people: 件 -> 件/万人."""
    if unit.per_10k_people:
        return unit
    return Unit(unit.text + PER_10K_PEOPLE, unit.base, unit.dimension, unit.factor, True)


def convert(value: float, source: Unit, target: Unit) -> float:
    """`value` written in `source`, expressed in `target` (8.5 万件 -> 85000 件); same dimension only."""
    if source.dimension != target.dimension or source.per_10k_people != target.per_10k_people:
        raise ValueError(f"cannot convert {source.text} to {target.text}")
    return tidy(value * source.factor / target.factor)
