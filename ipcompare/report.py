"""A briefing written out: one self-contained HTML file, or markdown with its charts as SVG files beside it.

The HTML needs nothing but itself: styles and charts are inline, and its Content-Security-Policy lets it
load nothing and run nothing, so it opens offline and a string from the data can never become a script.
Every string from the data is escaped (html.escape, control characters shown as \\x1b), as in every table.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import __version__
from .briefing import BarChart, Briefing, Chart, OutcomeChart, SlopeChart
from .controls import escape_controls
from .labels import Lang, label
from .render import Format, render
from .tables import Table

#: The page's only rules: nothing is fetched (no network, no tracking pixel), nothing runs.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_STYLE = """
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1d2733;
  font: 15px/1.5 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h1, h2, p, figcaption, caption { overflow-wrap: anywhere; }
h2 { font-size: 1.25em; margin: 36px 0 8px; padding-top: 8px; border-top: 1px solid #d8dee4; }
.made { color: #57606a; font-size: 0.85em; margin: 0 0 16px; overflow-wrap: anywhere; }
figure { margin: 16px 0; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: #57606a; font-size: 0.85em; }
.missing { padding: 12px; border: 1px dashed #c0392b; color: #8a1f11; }
.table { overflow-x: auto; margin: 12px 0; }
table { border-collapse: collapse; font-size: 0.85em; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #d8dee4; padding: 4px 6px; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
.nowrap { white-space: nowrap; }
th { background: #f3f5f7; }
.note { color: #57606a; font-size: 0.85em; margin: 4px 0; }
"""


def _escape(text: str) -> str:
    return html.escape(escape_controls(text), quote=True)


def _cell(text: str) -> str:
    return _escape(text).replace("\r\n", "\n").replace("\n", "<br>")


def html_table(table: Table[Any]) -> str:
    """A Table as HTML: the same headers, cells and notes as the terminal table, every string escaped."""
    head = "".join(f"<th>{_cell(c.header)}</th>" for c in table.columns)
    cells = ["<td class=nowrap>" if c.nowrap else "<td>" for c in table.columns]
    body = "".join(
        "<tr>"
        + "".join(f"{td}{_cell(c.text(row))}</td>" for td, c in zip(cells, table.columns, strict=True))
        + "</tr>\n"
        for row in table.rows
    )
    caption = f"<caption>{_cell(table.title)}</caption>" if table.title else ""
    notes = "".join(f'<p class="note">{_cell(note)}</p>\n' for note in table.notes)
    return (
        f'<div class="table"><table>{caption}<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody></table></div>\n'
        + notes
    )


def _kind(chart: Chart) -> str:
    if isinstance(chart, BarChart):
        return "bars"
    if isinstance(chart, SlopeChart):
        return "slopes"
    assert isinstance(chart, OutcomeChart)
    return "outcomes"


def _charts(lang: Lang | None) -> Callable[[Chart, str], str | None]:
    """Draw a chart as SVG, or None when matplotlib is missing (then every chart is)."""
    from .charts import ChartsUnavailable, svg

    def draw(chart: Chart, ident: str) -> str | None:
        try:
            return svg(chart, ident, lang)
        except ChartsUnavailable:
            return None

    return draw


def _made(briefing: Briefing, lang: Lang | None) -> str:
    names = [os.path.basename(f) for f in briefing.files]
    files = ", ".join(names[:3]) or "-"
    if len(names) > 3:  # a folder of thousands of plan files is named by its count, not file by file
        files += f" +{len(names) - 3:,}"
    return label("report.made-by", lang).format(version=__version__, files=files) + f", {dt.date.today().isoformat()}"


def to_html(briefing: Briefing, lang: Lang | None = None) -> tuple[str, int]:
    """The page, and how many charts it could not draw (matplotlib missing)."""
    from .charts import inline

    draw = _charts(lang)
    missing = 0
    parts = [
        "<!DOCTYPE html>\n",
        f'<html lang="{"en" if lang == Lang.EN else "zh-CN"}">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{_escape(briefing.title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n",
        f"<h1>{_escape(briefing.title)}</h1>\n",
        f'<p class="made">{_escape(_made(briefing, lang))}</p>\n',
    ]
    number = 0
    for section in briefing.sections:
        parts.append(f"<section>\n<h2>{_escape(section.heading)}</h2>\n")
        parts += [f'<p class="note">{_escape(t)}</p>\n' for t in section.text]
        for chart in section.charts:
            number += 1
            drawn = draw(chart, str(number))
            caption = f"<figcaption>{_escape(caption_of(chart, lang))}</figcaption>"
            if drawn is None:
                missing += 1
                body = f'<p class="missing">{_escape(label("report.charts-missing", lang))}</p>'
            else:
                body = inline(drawn)
            parts.append(f'<figure class="chart" data-chart="{_kind(chart)}">\n{body}\n{caption}</figure>\n')
        parts += [html_table(t) for t in section.tables]
        parts.append("</section>\n")
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts), missing


def caption_of(chart: Chart, lang: Lang | None) -> str:
    """What a chart shows and what it leaves out, said under it."""
    if isinstance(chart, BarChart):
        key = "report.caption.bars" if chart.national is not None else "report.caption.bars-alone"
        said, drawn = label(key, lang).format(unit=chart.unit), len(chart.bars)
    elif isinstance(chart, SlopeChart):
        said, drawn = label("report.caption.slopes", lang).format(unit=chart.unit), len(chart.slopes)
    else:
        said, drawn = label("report.caption.outcomes", lang).format(unit=chart.unit), len(chart.tracks)
    if chart.of > drawn:
        said += label("report.caption.first", lang).format(n=drawn, of=chart.of)
    return said


#: Markdown syntax in a heading, a paragraph or an image's alt text, shown as itself.
_MARKDOWN = {ord(c): f"\\{c}" for c in "\\`*_[]<>&#|!$"}


def _md(text: str) -> str:
    return escape_controls(text).translate(_MARKDOWN).replace("\n", " ")


def charts_folder(path: Path) -> Path:
    """Where the markdown report's charts go: report.md's in report-charts/ beside it."""
    return path.with_name(f"{path.stem}-charts")


#: The names `report` gives its chart files: the only files it ever removes from a charts folder.
CHART_FILE = re.compile(r"\d{2,}-(?:bars|slopes|outcomes)\.svg")


def stale_charts(folder: Path, written: Iterable[Path]) -> list[Path]:
    """The chart files an earlier report left in `folder` that this one does not link to (a re-run with fewer
    charts would otherwise leave its 06-slopes.svg looking current)."""
    if not folder.is_dir():
        return []
    keep = {p.name for p in written}
    return sorted(p for p in folder.iterdir() if CHART_FILE.fullmatch(p.name) and p.name not in keep)


def to_markdown(briefing: Briefing, path: Path, lang: Lang | None = None) -> tuple[str, dict[Path, str], int]:
    """The markdown page for `path`, the chart files it links to (path → SVG), and how many it could not draw."""
    draw = _charts(lang)
    folder = charts_folder(path)
    files: dict[Path, str] = {}
    missing = 0
    out = io.StringIO()
    out.write(f"# {_md(briefing.title)}\n\n{_md(_made(briefing, lang))}\n")
    number = 0
    for section in briefing.sections:
        out.write(f"\n## {_md(section.heading)}\n\n")
        for text in section.text:
            out.write(f"{_md(text)}\n\n")
        for chart in section.charts:
            number += 1
            drawn = draw(chart, str(number))
            if drawn is None:
                missing += 1
                out.write(f"*{_md(label('report.charts-missing', lang))}*\n\n")
                continue
            file = folder / f"{number:02d}-{_kind(chart)}.svg"
            files[file] = drawn
            link = quote(f"{folder.name}/{file.name}")
            out.write(f"![{_md(chart.title)}]({link})\n\n{_md(caption_of(chart, lang))}\n\n")
        for table in section.tables:
            render(table, Format.MARKDOWN, out)
            out.write("\n")
    return out.getvalue(), files, missing
