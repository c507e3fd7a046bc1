"""A figure's numbers in its dimension's base unit (9万件 -> 90000件), so that figures written in different
units can be set against each other (diff, progress)."""

from __future__ import annotations

from .model import Figure
from .units import base_of, convert, parse_unit


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
