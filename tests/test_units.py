"""Units as plans write them."""

from __future__ import annotations

import pytest

from ipcompare.units import fits, parse_unit


@pytest.mark.parametrize(
    ("text", "dimension", "factor"),
    [
        ("件", "count", 1),
        ("万件", "count", 1e4),
        ("千件", "count", 1e3),
        ("家", "count", 1),
        ("元", "money", 1),
        ("万元", "money", 1e4),
        ("亿元", "money", 1e8),
        ("万亿元", "money", 1e12),
        ("百万元", "money", 1e6),
        ("%", "percent", 1),
        ("个百分点", "percentage-point", 1),
        ("分", "score", 1),
        ("件/万人", "count", 1),
        ("億元", "money", 1e8),
        ("萬件", "count", 1e4),
    ],
)
def test_parse(text: str, dimension: str, factor: float) -> None:
    unit = parse_unit(text)
    assert unit is not None and (unit.dimension, unit.factor) == (dimension, factor)


@pytest.mark.parametrize("text", ["斤", "万%", "亿分", "", "件/人"])
def test_unknown_units(text: str) -> None:
    assert parse_unit(text) is None


@pytest.mark.parametrize(
    ("written", "canonical", "ok"),
    [
        ("万件", "件", True),
        ("亿元", "万元", True),
        ("件", "亿元", False),
        ("%", "件", False),
        ("件", "件/万人", True),
        ("万件", "件/万人", False),
        ("分", "%", False),
    ],
)
def test_fits(written: str, canonical: str, ok: bool) -> None:
    w, c = parse_unit(written), parse_unit(canonical)
    assert w is not None and c is not None
    assert fits(w, c) is ok
