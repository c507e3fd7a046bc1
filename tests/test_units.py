"""Units as plans write them."""

from __future__ import annotations

import pytest

from ipcompare.units import base_of, convert, fits, parse_unit, per_10k_people


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


@pytest.mark.parametrize(
    ("value", "written", "wanted", "expected"),
    [
        (8.5, "万件", "件", 85000),
        (3, "千件", "件", 3000),
        (12, "亿元", "元", 1_200_000_000),
        (5000, "万元", "亿元", 0.5),
        (2, "百万元", "万元", 200),
        (1.5, "万亿元", "亿元", 15000),
        (3194.4, "亿元", "元", 319_440_000_000),
        (0.1, "万件", "件", 1000),  # no float noise (0.1 * 10^4)
        (12, "億元", "萬元", 120000),
        (43, "%", "%", 43),
        (2, "个百分点", "百分点", 2),
        (80, "分", "分", 80),
        (6, "件/万人", "件/万人", 6),
        (7, "家", "个", 7),  # nouns differ, both are counts
    ],
)
def test_convert(value: float, written: str, wanted: str, expected: float) -> None:
    source, target = parse_unit(written), parse_unit(wanted)
    assert source is not None and target is not None
    assert convert(value, source, target) == expected


@pytest.mark.parametrize(("written", "wanted"), [("亿元", "件"), ("%", "个百分点"), ("件/万人", "件"), ("分", "%")])
def test_convert_refuses_other_dimensions(written: str, wanted: str) -> None:
    source, target = parse_unit(written), parse_unit(wanted)
    assert source is not None and target is not None
    with pytest.raises(ValueError, match=f"cannot convert {written} to {wanted}"):
        convert(1, source, target)


def test_base_and_per_10k_units() -> None:
    yi = parse_unit("亿元")
    assert yi is not None
    assert (base_of(yi).text, base_of(yi).factor) == ("元", 1.0)
    assert per_10k_people(base_of(yi)).text == "元/万人"
    density = parse_unit("件/万人")
    assert density is not None and per_10k_people(density) == density
