"""Check the answer key of the constructed plan texts (answers.yaml) against the texts themselves.

    python benchmarks/unseen/check_answers.py

Checks that the YAML parses; that every quote and every not_figures string occurs in its plan's text;
that values are numbers (a range two numbers, low < high) and that each appears in its quote, in digits
or as the Chinese numeral the text writes; that kinds and comparators are known, a figure of unclear
kind has a note, and `since` comes before `year`. It also lists every run of digits in a text that no
quote and no not_figures string covers, apart from bare years and section numbers, so a number left
out of the key shows up. Prints the counts per plan; exits 1 on an error.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {"level", "increment", "flow", "flow-change", "growth-rate", "period-growth", "share", "points", "unclear"}
COMPARATORS = {"reach", "exceed", "at-least", "maintain", "about", "stated"}
# Chinese numerals the texts write, with the value the key gives them.
CHINESE_NUMERALS = {"两件": "2", "十家": "10", "一百二十个": "120", "三万件": "3"}
SECTION_NUMBER = re.compile(r"^[\u3000 ]*\d\.", re.MULTILINE)


def occurrences(text: str, part: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(part), text)]


def number_in_quote(value: float, quote: str) -> bool:
    written = f"{value:g}"
    return written in quote or any(cn in quote and v == written for cn, v in CHINESE_NUMERALS.items())


def check_figure(figure: dict[str, Any], text: str, where: str) -> list[str]:
    errors = []
    quote = figure["quote"]
    if quote not in text:
        errors.append(f"{where}: quote not in the text: {quote}")
    if figure["kind"] not in KINDS:
        errors.append(f"{where}: unknown kind {figure['kind']}")
    if figure["comparator"] not in COMPARATORS:
        errors.append(f"{where}: unknown comparator {figure['comparator']}")
    if figure["kind"] == "unclear" and not figure.get("note"):
        errors.append(f"{where}: kind unclear without a note")
    if not isinstance(figure["year"], int) or ("since" in figure and not figure["since"] < figure["year"]):
        errors.append(f"{where}: year/since")
    return errors + check_values(figure, where)


def check_values(figure: dict[str, Any], where: str) -> list[str]:
    if ("value" in figure) == ("range" in figure):
        return [f"{where}: give value or range, not both or neither"]
    errors = []
    values: list[Any] = figure["range"] if "range" in figure else [figure["value"]]
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int | float):
            errors.append(f"{where}: not a number: {value!r}")
        elif not number_in_quote(value, figure["quote"]):
            errors.append(f"{where}: {value:g} not in its quote: {figure['quote']}")
    if "range" in figure and not (len(values) == 2 and values[0] < values[1]):
        errors.append(f"{where}: a range is [low, high]")
    return errors


def uncovered_numbers(text: str, spans: list[tuple[int, int]]) -> list[str]:
    sections = {m.end() - 2 for m in SECTION_NUMBER.finditer(text)}
    found = []
    for m in re.finditer(r"\d+(?:\.\d+)?", text):
        start, end = m.span()
        if start in sections or re.fullmatch(r"(19|20)\d\d", m.group()):
            continue
        if not any(a <= start and end <= b for a, b in spans):
            found.append(f"{m.group()} in …{text[max(0, start - 10) : end + 6]}…")
    return found


def check_plan(plan: dict[str, Any]) -> list[str]:
    text = (HERE / plan["source"]).read_text(encoding="utf-8")
    errors: list[str] = []
    spans: list[tuple[int, int]] = []
    for section in ("baselines", "targets"):
        for figure in plan[section]:
            where = f"{plan['id']} {section} {figure['indicator']} {figure.get('value', figure.get('range'))}"
            errors += check_figure(figure, text, where)
            spans += occurrences(text, figure["quote"])
    for part in plan["not_figures"]:
        if part not in text:
            errors.append(f"{plan['id']} not_figures: not in the text: {part}")
        spans += occurrences(text, part)
    errors += [f"{plan['id']}: a number the key does not cover: {n}" for n in uncovered_numbers(text, spans)]
    figures = plan["baselines"] + plan["targets"]
    print(
        f"{plan['id']} ({plan['source']}, {len(text)} characters): {len(plan['targets'])} targets, "
        f"{len(plan['baselines'])} baselines, {len(figures)} figures, {len(plan['not_figures'])} not_figures"
    )
    return errors


def main() -> int:
    key = yaml.safe_load((HERE / "answers.yaml").read_text(encoding="utf-8"))
    errors = [e for plan in key["plans"] for e in check_plan(plan)]
    for error in errors:
        print("ERROR", error)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
