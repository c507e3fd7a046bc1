"""Every curated figure read back from its own quote: where the words say another number, unit,
comparator, kind or year than the data encodes, the analyst is told what the quote says.

The reader sees only the quote, not the paragraph around it, so it speaks only where the quote's own
words decide: 以上 is at least, 年度 a yearly amount, 年均增长 a growth rate. A figure whose note
explains a reading the words do not show (全覆盖 read as 100%) is held to its own words all the same:
the note is for the analyst, and `validate --strict` lists what remains for them to confirm.
"""

from __future__ import annotations

import re

from .base_units import base_numbers
from .format import number
from .labels import Said, said
from .model import Comparator, Figure, Kind, Plan
from .reader import Reading, ReadKind, Role, expand, from_words, read
from .records import record
from .units import parse_unit

#: What the quote's own words decide about a figure's kind, and the kinds they rule out.
_SURE_KINDS = {
    ReadKind.GROWTH_RATE: Kind.GROWTH_RATE,
    ReadKind.SHARE: Kind.SHARE,
    ReadKind.FLOW: Kind.FLOW,
    ReadKind.INCREMENT: Kind.INCREMENT,
}
_CUES = {
    Kind.GROWTH_RATE: re.compile(r"年均|年增|年平均|每年增长"),
    Kind.FLOW: re.compile(r"年度|每年|全年"),
    Kind.INCREMENT: re.compile(r"新增|培育|新建|新认定"),
    Kind.SHARE: re.compile(r"占.{0,20}比重|占比|比例"),
}


@record(kw_only=False)
class Disagreement:
    key: str  # the figure's field the quote disagrees with
    message: Said  # English as a string; `check --lang zh` says it in Chinese


def _value_text(r: Reading) -> str:
    return number(r.value) if r.value is not None else f"{number(r.low)}~{number(r.high)}"


def read_back(figure: Figure, plan: Plan, role: str) -> list[Disagreement]:
    """What the figure's quote says that its fields do not; nothing when they agree or the quote is silent."""
    if not figure.quantified or not figure.quote:
        return []
    readings = expand(read(figure.quote, period=(plan.period_start, plan.period_end), role=Role(role), fragment=True))
    if not readings:
        return []
    wanted = base_numbers((figure.value, figure.low, figure.high), figure.unit)
    same = [r for r in readings if base_numbers((r.value, r.low, r.high), r.unit) == wanted]
    if not same:
        written = list(dict.fromkeys(f"{_value_text(r)} {r.unit}".strip() for r in readings))
        value = number(figure.value) if figure.value is not None else f"[{number(figure.low)}, {number(figure.high)}]"
        key = "value" if figure.value is not None else "range"
        return [Disagreement(key, said(f"readback.{key}", value=f"{value} {figure.unit}", written=written))]
    reading = same[0]
    out = _unit(figure, reading) + _comparator(figure, reading) + _kind(figure, reading)
    return out + _year(figure, reading)


def _unit(figure: Figure, r: Reading) -> list[Disagreement]:
    if from_words(r):
        return []  # 实现零的突破 writes no unit: the curator's is as good as the reader's
    if r.unit and figure.unit and r.unit != figure.unit and parse_unit(figure.unit) != parse_unit(r.unit):
        return [Disagreement("unit", said("readback.unit", unit=figure.unit, written=r.unit))]
    return []


def _comparator(figure: Figure, r: Reading) -> list[Disagreement]:
    written = r.comparator
    if written == Comparator.STATED or figure.comparator == written or figure.comparator is None:
        return []
    if written == Comparator.REACH and figure.comparator in (Comparator.EXCEED, Comparator.AT_LEAST):
        return []  # 达到…以上 and the like: the stronger word is the curator's reading
    words = said(f"words.{written}")
    return [
        Disagreement("comparator", said("readback.comparator", given=figure.comparator, written=written, words=words))
    ]


def _kind(figure: Figure, r: Reading) -> list[Disagreement]:
    sure = _SURE_KINDS.get(r.kind)
    if sure is None or figure.kind in (None, Kind.UNCLEAR, sure):
        return []
    cue = _CUES[sure].search(r.quote) or _CUES[sure].search(r.indicator)
    if cue is None:
        return []  # the reader's kind comes from the words around the quote, not from the quote
    if sure == Kind.INCREMENT and figure.kind in (Kind.FLOW_CHANGE,):
        return []
    return [Disagreement("kind", said("readback.kind", given=figure.kind, written=sure, cue=cue.group()))]


def _year(figure: Figure, r: Reading) -> list[Disagreement]:
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)年", r.quote)]
    if r.year is None or not years or r.year == figure.year or r.year not in years:
        return []
    return [Disagreement("year", said("readback.year", given=figure.year, written=r.year))]
