"""A figure's numbers in its dimension's base unit (9万件 -> 90000件), so that figures written in different
units can be set against each other (diff, progress)."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Figure
from .units import base_of, convert, parse_unit, tidy


def base_numbers(values: Sequence[float | None], unit: str | None) -> tuple[float, ...]:
    """Numbers written in `unit` in its base unit (8.5 万件 -> 85000), the missing ones left out; a unit
    ipcompare does not know leaves them as written. For setting a figure read from text against another."""
    parsed = parse_unit(unit or "")
    factor = parsed.factor if parsed is not None else 1.0
    return tuple(tidy(v * factor) for v in values if v is not None)


def base_values(figure: Figure) -> tuple[float | None, ...] | None:
    """The figure's value, low and high in base units; None for a qualitative figure or a unit ipcompare
    does not know."""
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
