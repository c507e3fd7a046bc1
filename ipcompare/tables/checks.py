"""The table of `check`: one row per finding, with the figures it used."""

from __future__ import annotations

from ..checks import CheckedFigure, Finding, span_text
from ..labels import Lang, in_lang, label
from . import Column, Table


def finding_line(f: Finding, lang: Lang | None = None) -> str:
    """A finding as a linter prints it, for editors and grep: `file:line: CODE [severity] message`."""
    where = f"{f.file}:{f.line}" if f.line is not None else f.file
    severity = label(f"severity.{f.severity.value}", lang)
    tags = label("severity.explained", lang).format(severity=severity) if f.explained else severity
    return f"{where}: {f.code} [{tags}] {in_lang(f.message, lang)}"


def figure_line(figure: CheckedFigure, lang: Lang | None = None) -> str:
    """One figure a finding used: its role, year (or span), and its quote, where it is written."""
    role = label(f"role.{figure.role}", lang)
    return f"{role} {figure.metric} {span_text(figure)}: “{figure.quote}” ({figure.file}:{figure.line})"


def findings_table(findings: list[Finding], lang: Lang | None = None) -> Table[Finding]:
    columns: tuple[Column[Finding], ...] = (
        Column(label("where", lang), lambda f: f"{f.file}:{f.line}" if f.line is not None else f.file, priority=9),
        Column(label("code", lang), lambda f: f"{f.code} {f.rule}", priority=10, nowrap=True),
        Column(label("severity", lang), lambda f: label(f"severity.{f.severity.value}", lang), priority=6),
        Column(label("plan", lang), lambda f: f.plan, priority=5),
        Column(label("finding", lang), lambda f: in_lang(f.message, lang), priority=8),
        Column(label("figures", lang), lambda f: "\n".join(figure_line(g, lang) for g in f.figures), priority=3),
        Column(label("explained", lang), lambda f: f.explained or "", priority=4),
    )
    return Table(columns, findings, title=label("title.check", lang), matrix=True)
