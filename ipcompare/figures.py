"""A figure's numbers as JSON: shared by every row builder, so a value reads the same in each command."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .model import Figure, Metric
from .units import base_of, convert, parse_unit

Row = dict[str, Any]


def json_number(value: float | None) -> float | int | None:
    """80 rather than 80.0 in JSON and CSV, as the plan writes it."""
    return int(value) if value is not None and float(value).is_integer() else value


def figure_fields(figure: Figure) -> Row:
    """When and what a figure says: year (and start year), the number part, kind, scope and direction."""
    return {
        "year": figure.year,
        "since": figure.since,
        **amount(figure),
        "kind": figure.kind.value if figure.kind else None,
        "scope": figure.scope,
        "direction": figure.direction.value if figure.direction else None,
    }


def amount(figure: Figure) -> Row:
    """The number part of a figure: value or range, unit and comparator."""
    return {
        "value": json_number(figure.value),
        "low": json_number(figure.low),
        "high": json_number(figure.high),
        "unit": figure.unit,
        "comparator": figure.comparator.value if figure.comparator else None,
    }


def baseline_fields(base: Figure | None) -> Row | None:
    """A target's baseline as JSON: its number, and when (with the start of its span, 2011-2015)."""
    if base is None or not base.quantified:
        return None
    return {**amount(base), "year": base.year, "since": base.since}


def base_values(figure: Figure) -> tuple[float | None, ...] | None:
    """The figure's value, low and high in its dimension's base unit (9万件 -> 90000件), for comparing
    figures written in different units; None for a qualitative figure or a unit ipcompare does not know."""
    if not figure.quantified or figure.unit is None:
        return None
    unit = parse_unit(figure.unit)
    if unit is None:
        return None
    base = base_of(unit)
    return tuple(None if v is None else convert(v, unit, base) for v in (figure.value, figure.low, figure.high))


def base_point(figure: Figure, higher_is_better: bool = True) -> float | None:
    """One number for a figure in base units: its value, or the less ambitious end of a range."""
    values = base_values(figure)
    if values is None:
        return None
    value, low, high = values
    if value is not None:
        return value
    if higher_is_better:
        return low
    return high if high is not None else low


def catalogue_of(metrics: Iterable[Metric]) -> dict[str, Metric]:
    """Metrics by id, the first of each id winning: callers list the newer version's metrics first."""
    catalogue: dict[str, Metric] = {}
    for metric in metrics:
        catalogue.setdefault(metric.id, metric)
    return catalogue
