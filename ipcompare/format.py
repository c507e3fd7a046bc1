"""Numbers and figures as text: as a plan writes them (6 not 6.0), and computed ones rounded for reading."""

from __future__ import annotations

from collections.abc import Sequence

from .labels import Lang, label
from .model import Kind
from .results import BaselineData, FigureData


def number(value: float | None) -> str:
    """A number as a plan would write it: 6 not 6.0, 1.25 not 1.2500, 2500063 not 2.5e+06."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return _positional(f"{value:.15g}")


def derived(value: float) -> str:
    """A computed number, rounded for reading: 161.57, 0.0227, 85,000 (the JSON keeps full precision)."""
    if value == 0 or abs(value) >= 1:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return text if abs(value) >= 10000 else text.replace(",", "")
    return _positional(f"{value:.3g}")


def _positional(text: str) -> str:
    """A number Python wrote with an exponent ('1e-07', '1.5e+12') written out ('0.0000001'): no plan writes
    exponents, and the data refuses them."""
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    sign = "-" if mantissa.startswith("-") else ""
    whole, _, fraction = mantissa.lstrip("-").partition(".")
    digits = whole + fraction
    point = len(whole) + int(exponent)  # where the decimal point falls among the digits
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return f"{sign}{digits}{'0' * (point - len(digits))}"
    return f"{sign}{digits[:point]}.{digits[point:]}"


def derived_range(values: Sequence[float]) -> str:
    """A computed value, or a range's two ends, as derived() writes each: '161.57', '70,000–100,000'."""
    return "–".join(derived(v) for v in values)


def signed(value: float, unit: str | None) -> str:
    """A difference as written, with its sign: '+0.4 件', '-4.8 pp', '0 家'."""
    sign = "+" if value > 0 else ""
    return f"{sign}{number(value)} {unit or ''}".strip()


_SYMBOL = {"exceed": "> ", "at-least": "≥ ", "about": "≈ ", "maintain": "= "}


def when(figure: FigureData | BaselineData) -> str:
    """A figure's year, or its period for a growth over several years (2011–2015)."""
    return f"{figure.since}–{figure.year}" if figure.since else str(figure.year)


def figure_text(figure: FigureData | BaselineData | None, *, with_year: bool = False, lang: Lang | None = None) -> str:
    """A figure as a reader scans it: '> 8.5 万件', '≥ 80 分', '7–10 家', '↑ up (no number)', and what it
    counts when that is narrower than its metric: '2 家 [national demonstration enterprises only]'."""
    if figure is None:
        return ""
    scope = direction = ""
    if isinstance(figure, FigureData):
        scope = f" [{figure.scope}]" if figure.scope else ""
        direction = figure.direction.value if figure.direction else ""
    if direction:
        gap = "" if lang == Lang.ZH else " "
        return f"{label('direction.' + direction, lang)}{gap}{label('no-number', lang)}{scope}"
    amount = figure.amount
    written = f"{number(amount.low)}–{number(amount.high)}" if amount.low is not None else number(amount.value)
    symbol = comparator_symbol(figure)
    year = f" ({when(figure)})" if with_year else ""
    return f"{symbol}{written} {amount.unit or ''}".strip() + scope + year


def comparator_symbol(figure: FigureData | BaselineData) -> str:
    """'> ' for 突破 and 超过, '≥ ' for 不低于, '≈ ', '= ' for 保持; '' for a figure stated as it is."""
    comparator = figure.amount.comparator
    return _SYMBOL.get(comparator.value if comparator else "", "")


def kind_label(kind: Kind | None, lang: Lang | None) -> str:
    """'annual flow', '年度量'; a qualitative figure has no kind."""
    return label(f"kind.{kind.value if kind else 'qualitative'}", lang)
