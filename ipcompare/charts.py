"""A briefing's charts as SVG, drawn by matplotlib (the optional extra `report`: pip install 'ipcompare[report]').

Text stays text (svg.fonttype none), so that Chinese labels are drawn by the browser's own CJK font,
searched and copied, and the file stays small. Labels are data: matplotlib escapes them for XML, mathtext and
TeX are switched off (a region named `$x$` is shown as written), a user's matplotlibrc is not read into
the chart, and control characters are shown escaped as in every table.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .briefing import BarChart, Chart, OutcomeChart, SlopeChart
from .controls import escape_controls
from .errors import IpcompareError
from .format import derived
from .labels import Lang, label

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.transforms import Bbox

#: Fonts that have the Chinese characters, in the order a browser should try them; the first one matplotlib
#: finds measures the labels. The browser falls back along the list, then to its own sans-serif.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "DejaVu Sans",
)
_BAR, _DRAFT, _NATIONAL, _OUTCOME = "#3b6ea5", "#9db7d2", "#c0392b", "#2e7d32"
_PALETTE = ("#3b6ea5", "#c0392b", "#2e7d32", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b7950b")
#: Behind a value written at the end of a bar: the national line passes behind it, not through it.
_CLEAR = {"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
#: A chart's width, and the height each bar adds to a bar chart, in inches.
_WIDTH, _PER_BAR = 7.5, 0.42


class ChartsUnavailable(IpcompareError):
    """matplotlib is not installed: the report is written without its charts, and says how to get them."""


def svg(chart: Chart, ident: str, lang: Lang | None = None) -> str:
    """The chart as an SVG document; `ident` makes its internal ids unique in a page that holds several."""
    with _matplotlib(ident):
        figure = _draw(chart, lang)
        out = io.StringIO()
        figure.savefig(out, format="svg", bbox_inches="tight", pad_inches=0.15, metadata={"Date": None})
    return out.getvalue()


def inline(document: str) -> str:
    """An SVG document as an element an HTML page can hold (without its XML declaration and doctype)."""
    start = document.find("<svg")
    return document[start:] if start >= 0 else document


@contextmanager
def _matplotlib(ident: str) -> Iterator[None]:
    try:
        import matplotlib
    except ImportError:
        raise ChartsUnavailable(label("report.charts-missing", None)) from None
    with matplotlib.rc_context():
        matplotlib.rcdefaults()  # not the user's matplotlibrc: usetex there would read labels as TeX
        matplotlib.rcParams.update(
            {
                "svg.fonttype": "none",
                "svg.hashsalt": f"ipcompare-{ident}",  # ids unique per chart, the same at every run
                "text.usetex": False,
                "text.parse_math": False,
                "font.family": "sans-serif",
                "font.sans-serif": list(CJK_FONTS),
                "font.size": 10,
                "axes.spines.top": False,
                "axes.spines.right": False,
            }
        )
        fonts = logging.getLogger("matplotlib.font_manager")
        level = fonts.level
        fonts.setLevel(logging.ERROR)  # "findfont: Font family ... not found" for each font not installed
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Glyph .* missing from font")
                yield
        finally:
            fonts.setLevel(level)


def _text(value: str, longest: int = 200) -> str:
    """A label as written (control characters shown escaped), cut to `longest` characters with an ellipsis."""
    value = escape_controls(value)
    return value if len(value) <= longest else value[: longest - 1] + "…"


#: A bar's or a line's name is cut to this many characters, so that one long name cannot shrink the chart:
#: the table under the chart has it whole.
_NAME = 36


def _draw(chart: Chart, lang: Lang | None) -> Figure:
    if isinstance(chart, BarChart):
        return _bars(chart, lang)
    if isinstance(chart, SlopeChart):
        return _slopes(chart, lang)
    return _outcomes(chart, lang)


def _figure(height: float) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(_WIDTH, height))
    return figure, figure.subplots()


def _bars(chart: BarChart, lang: Lang | None) -> Figure:
    """Horizontal bars, best first from the top (long Chinese names read across), the national target a line."""
    bars = chart.bars
    figure, axes = _figure(1.4 + _PER_BAR * len(bars))
    positions = list(range(len(bars)))
    for i, bar in enumerate(bars):
        colour = _DRAFT if bar.draft else _BAR
        drawn = axes.barh(i, bar.value, color=colour, height=0.6)
        drawn.patches[0].set_gid(f"bar-{i}")
        if bar.high is not None:  # a range: its low end solid, up to its high end pale
            axes.barh(i, bar.high - bar.value, left=bar.value, color=colour, alpha=0.35, height=0.6, hatch="//")
    axes.set_yticks(positions, [_named(b.label, b.draft, lang) for b in bars])
    axes.invert_yaxis()
    ends = [b.high if b.high is not None else b.value for b in bars]
    top = max([*ends, chart.national_high or chart.national or 0, 0])
    bottom = min([*(b.value for b in bars), chart.national or 0, 0])  # a fall (-5 %) is a bar to the left
    for i, (bar, end) in enumerate(zip(bars, ends, strict=True)):
        axes.annotate(
            _text(bar.text), (end, i), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9, bbox=_CLEAR
        ).set_gid(f"value-{i}")
    handles: list[Any] = []
    names: list[str] = []
    if chart.national is not None:
        line = axes.axvline(chart.national, color=_NATIONAL, linestyle="--", linewidth=1.6)
        line.set_gid("national-line")
        if chart.national_high is not None:  # a national range: its low end the line, up to its high end a band
            axes.axvspan(chart.national, chart.national_high, color=_NATIONAL, alpha=0.12).set_gid("national-range")
        handles.append(line)
        names.append(_text(f"{label('report.national-target', lang)}: {chart.national_label}"))
    if any(b.draft for b in bars):
        from matplotlib.patches import Patch

        handles.append(Patch(color=_DRAFT))
        names.append(label("draft", lang))
    if handles:  # given as handles and labels: a label starting with _ is not taken for a hidden one
        _legend(axes, handles, names)
    span = (top - bottom) or 1
    axes.set_xlim(bottom - (0.22 * span if bottom < 0 else 0), top + 0.22 * span if top > 0 else 0.1 * span)
    if bottom < 0:
        axes.axvline(0, color="#555555", linewidth=0.8)
    axes.set_xlabel(_text(chart.unit, _NAME))
    axes.set_title(_text(chart.title), loc="left", fontsize=11, pad=18)
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    return figure


def _unit(axes: Axes, unit: str) -> None:
    """The unit at the top of the value axis, read across (件/万人 turned on its side is hard to read)."""
    axes.annotate(
        _text(unit, _NAME),
        (0, 1),
        xycoords="axes fraction",
        xytext=(-6, 8),
        textcoords="offset points",
        ha="right",
        va="bottom",
        fontsize=9,
        color="#555555",
    )


def _named(name: str, draft: bool, lang: Lang | None) -> str:
    """A bar's or a line's name, cut to fit, then marked as a draft's (the mark is never what is cut off)."""
    return _text(name, _NAME) + (f" ({label('draft', lang)})" if draft else "")


def _legend(axes: Axes, handles: list[Any], names: list[str]) -> None:
    """Beside the plot, never over a bar or a line: the chart grows to the right to hold it."""
    axes.legend(handles, names, loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=8, frameon=False)


def _years(axes: Axes, years: set[int]) -> None:
    from matplotlib.ticker import MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlim(min(years) - 1, max(years) + 1.8)  # room for the labels at either end


def _slopes(chart: SlopeChart, lang: Lang | None) -> Figure:
    figure, axes = _figure(3.8)
    for i, slope in enumerate(chart.slopes):
        colour = _NATIONAL if slope.national else _PALETTE[i % len(_PALETTE)]
        style = "--" if slope.national else "-"
        (line,) = axes.plot(
            [slope.start_year, slope.end_year], [slope.start, slope.end], style, color=colour, marker="o", linewidth=2
        )
        line.set_gid(f"slope-{i}")
        if slope.end_high is not None:  # a range: a bar from its low end to its high end at the target year
            axes.plot([slope.end_year] * 2, [slope.end, slope.end_high], color=colour, linewidth=5, alpha=0.5)
        axes.annotate(
            _text(f"{_named(slope.label, slope.draft, lang)} {slope.text}"),
            (slope.end_year, slope.end),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
            color=colour,
        )
        axes.annotate(
            derived(slope.start),
            (slope.start_year, slope.start),
            xytext=(-6, 0),
            textcoords="offset points",
            va="center",
            ha="right",
            fontsize=9,
            color=colour,
        )
    _years(axes, {y for s in chart.slopes for y in (s.start_year, s.end_year)})
    _unit(axes, chart.unit)
    axes.margins(y=0.15)
    axes.set_title(_text(chart.title), loc="left", fontsize=11, pad=18)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    return figure


def _outcomes(chart: OutcomeChart, lang: Lang | None) -> Figure:
    """Per region: the straight path from baseline to target (dashed), the target (open), what was reported."""
    figure, axes = _figure(3.8)
    years: set[int] = set()
    labels: list[tuple[int, float, str, str]] = []  # (year, value, text, colour), written once the axes are set
    for i, track in enumerate(chart.tracks):
        colour = _PALETTE[i % len(_PALETTE)]
        for j, (start, end) in enumerate(track.planned):
            axes.plot(*zip(start, end, strict=True), "--", color=colour, linewidth=1.4)[0].set_gid(f"planned-{i}-{j}")
            years |= {start[0], end[0]}
        for j, (year, value) in enumerate(track.targets):
            draft = j < len(track.drafts) and track.drafts[j]
            axes.plot(
                [year],
                [value],
                "o",
                markersize=10,
                markerfacecolor="white",
                markeredgecolor=colour,
                markeredgewidth=2,
                alpha=0.45 if draft else 1,  # a draft's target pale, as its bar is
            )[0].set_gid(f"target-{i}-{j}")
            # the number alone: the marker says target (circle) or reported (square), as the legend and caption do,
            # and a short label runs into no neighbour's
            said = derived(value) + (f" ({label('draft', lang)})" if draft else "")
            labels.append((year, value, _text(said), colour))
            years.add(year)
        xs, ys = zip(*track.outcomes, strict=True)
        axes.plot(xs, ys, "-", color=colour, marker="s", linewidth=2)[0].set_gid(f"outcome-{i}")
        for year, value in track.outcomes:
            labels.append((year, value, derived(value), colour))
        years |= set(xs)
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], linestyle="--", color="#555555"),
        Line2D([], [], linestyle="", marker="o", markerfacecolor="white", markeredgecolor="#555555"),
        Line2D([], [], linestyle="-", marker="s", color="#555555"),
        *(Line2D([], [], color=_PALETTE[i % len(_PALETTE)], linewidth=4) for i in range(len(chart.tracks))),
    ]
    names = [
        label("report.planned", lang),
        label("target", lang),
        label("report.reported", lang),
        *(_text(t.label, _NAME) for t in chart.tracks),
    ]
    _legend(axes, handles, names)
    _years(axes, years)
    axes.margins(y=0.2)
    _stacked(figure, axes, labels)
    _unit(axes, chart.unit)
    axes.set_title(_text(chart.title), loc="left", fontsize=11, pad=18)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    return figure


def _stacked(figure: Figure, axes: Axes, labels: list[tuple[int, float, str, str]]) -> None:
    """Each label right of its point; where one would overlap a label placed before it or a point (a target and
    what was reported close to it, two regions alike, a label running into the next year's), it is moved down
    (or, at the bottom of the chart, up) until it touches none. Placed left to right, highest first."""
    axes.autoscale_view()
    annotations = [
        axes.annotate(
            text,
            (year, value),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
            color=colour,
            bbox=_CLEAR,
        )
        for year, value, text, colour in labels
    ]
    if not annotations:
        return
    figure.draw_without_rendering()  # lays the text out: its extent is known only then
    points = 72 / figure.dpi  # extents are in pixels at the figure's dpi; offsets are in points
    bottom = axes.get_window_extent().y0
    boxes = [_extent(a) for a in annotations]
    from matplotlib.transforms import Bbox

    # The points themselves are in the way too: a label's clear box must not hide the next year's marker.
    size = 6 / points  # half a marker, in pixels
    anchors = [axes.transData.transform((year, value)) for year, value, _, _ in labels]
    placed: list[Bbox] = [Bbox.from_extents(x - size, y - size, x + size, y + size) for x, y in anchors]
    for i in sorted(range(len(annotations)), key=lambda i: (labels[i][0], -boxes[i].y0)):
        box = boxes[i]
        shift = _clear_shift(box, placed, down=True)
        if box.y0 - shift < bottom:
            shift = -_clear_shift(box, placed, down=False)
        annotations[i].xyann = (8, -shift * points)
        placed.append(box.translated(0, -shift))


def _extent(annotation: Any) -> Bbox:
    """A label's extent with its clear box around it (the box is what hides what is under it)."""
    patch = annotation.get_bbox_patch()
    extent: Bbox = (patch if patch is not None else annotation).get_window_extent()
    return extent


def _clear_shift(box: Bbox, placed: list[Bbox], *, down: bool) -> float:
    """How far (in pixels) to move `box` down (or up) so that it overlaps none of `placed`."""
    shift = 0.0
    for _ in range(len(placed) + 1):
        moved = box.translated(0, -shift if down else shift)
        hit = [p for p in placed if moved.overlaps(p)]
        if not hit:
            return shift
        if down:
            shift += moved.y1 - min(p.y0 for p in hit) + 1
        else:
            shift += max(p.y1 for p in hit) - moved.y0 + 1
    return shift
