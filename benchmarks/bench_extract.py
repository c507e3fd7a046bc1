"""How well `extract` reads the seed plans, scored against the curated dataset as the answer key.

Run from the repository: `python benchmarks/bench_extract.py [--quiet]`. For each plan whose source is
a plan text in data/sources/ (not the national indicator table), it extracts the text and sets every
quantified figure read against the plan's curated targets and baselines. A hit is the same metric (or,
for a figure matched to no metric, an indicator the curated quote contains), the same value in base
units (a range's two ends), the same year and the same kind. It prints recall and precision per plan
and in total, every curated figure missed and every figure read that the curation does not hold, and
the time to extract a text of 100,000 characters against the time to read it (the baseline).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

import ipcompare
import ipcompare.reader
from ipcompare.base_units import base_numbers
from ipcompare.documents import read_document
from ipcompare.extract import DATASET_KIND, Candidate, extract
from ipcompare.hanzi import simplify
from ipcompare.model import Figure, Plan
from ipcompare.reader import Reading, ReadKind

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "data" / "sources"


@dataclass(frozen=True)
class Key:
    role: str
    figure: Figure

    def label(self) -> str:
        f = self.figure
        value = f"{f.value:g}" if f.value is not None else f"{f.low:g}~{f.high:g}"
        return f"{self.role} {f.metric} {f.year} {f.kind} {value} {f.unit} | {f.quote}"


def _hit(c: Candidate, key: Key) -> bool:
    f, r = key.figure, c.reading
    if r.role != key.role or r.year != f.year or c.kind != f.kind:
        return False
    if base_numbers((r.value, r.low, r.high), r.unit) != base_numbers((f.value, f.low, f.high), f.unit):
        return False
    if c.metric is not None:
        return c.metric == f.metric
    return bool(r.indicator) and r.indicator in simplify(f.quote)


@dataclass
class Score:
    plan: str
    keys: int
    read: int
    hits: int
    missed: list[Key]
    false: list[Candidate]


F = TypeVar("F")
K = TypeVar("K")


def pair(found: Sequence[F], keys: Sequence[K], hit: Callable[[F, K], bool]) -> tuple[list[K], list[F]]:
    """Each figure read against the first answer it hits, each answer used once: (answers missed, figures false)."""
    unused, false = list(keys), []
    for f in found:
        key = next((k for k in unused if hit(f, k)), None)
        if key is None:
            false.append(f)
        else:
            unused.remove(key)
    return unused, false


def score(plan: Plan, candidates: Sequence[Candidate]) -> Score:
    keys = [Key("target", f) for f in plan.targets if f.quantified]
    keys += [Key("baseline", f) for f in plan.baselines if f.quantified]
    missed, false = pair(candidates, keys, _hit)
    return Score(plan.id, len(keys), len(candidates), len(keys) - len(missed), missed, false)


def _candidate(c: Candidate) -> str:
    r = c.reading
    value = f"{r.value:g}" if r.value is not None else f"{r.low:g}~{r.high:g}"
    return f"{r.role} {c.metric or '(' + r.indicator + ')'} {r.year} {c.kind} {value} {r.unit} | {r.quote}"


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.1%}" if b else "n/a"


def speed(text: str, data: ipcompare.Dataset) -> tuple[float, float]:
    """Seconds to extract a text of 100,000 characters, and to read it (the baseline), best of three."""
    long = (text * (100_000 // len(text) + 1))[:100_000]
    runs, base = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        extract(long, data, "long.txt")
        runs.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        ipcompare.reader.normalise(long)
        base.append(time.perf_counter() - t0)
    return min(runs), min(base)


UNSEEN = REPO / "benchmarks" / "unseen"


def _unseen_hit(r: Reading, key: dict[str, Any]) -> bool:
    """A figure of a constructed text against its answer: the same indicator, value, year and kind."""
    kind = "points" if r.kind == ReadKind.POINTS else str(DATASET_KIND[r.kind])
    if (r.role, r.year, kind) != (key["role"], key["year"], key["kind"]):
        return False
    values = key["range"] if "range" in key else [key["value"]]
    if base_numbers((r.value, r.low, r.high), r.unit) != base_numbers(values, str(key["unit"])):
        return False
    ours, theirs = simplify(r.indicator), simplify(str(key["indicator"]))
    return ours in theirs or theirs in ours or ours in simplify(str(key["quote"]))


def unseen(quiet: bool) -> tuple[int, int, int]:
    """Recall and precision on texts written for this test, without looking at the reader (benchmarks/unseen)."""
    answers = yaml.safe_load((UNSEEN / "answers.yaml").read_text(encoding="utf-8"))
    totals = [0, 0, 0]
    title = "constructed text (benchmarks/unseen)"
    print(f"\n{title:36} {'key':>4} {'read':>6} {'hits':>6} {'recall':>8} {'precision':>10}")
    for plan in answers["plans"]:
        text = read_document(UNSEEN / plan["source"])
        period = (plan["period"]["start"], plan["period"]["end"])
        readings = ipcompare.reader.expand(ipcompare.reader.read(text, period=period))
        keys = [{**k, "role": "target"} for k in plan.get("targets") or []]
        keys += [{**k, "role": "baseline"} for k in plan.get("baselines") or []]
        unused, false = pair(readings, keys, _unseen_hit)
        hits = len(keys) - len(unused)
        recall, precision = _ratio(hits, len(keys)), _ratio(hits, len(readings))
        print(f"{plan['id']:36} {len(keys):4} {len(readings):6} {hits:6} {recall:>8} {precision:>10}")
        if not quiet:
            for k in unused:
                value = k.get("value", k.get("range"))
                print(
                    f"  missed: {k['role']} {k['indicator']} {k['year']} {k['kind']} {value} {k['unit']} | {k['quote']}"
                )
            for r in false:
                value = f"{r.value:g}" if r.value is not None else f"{r.low:g}~{r.high:g}"
                print(f"  false:  {r.role} {r.indicator} {r.year} {r.kind} {value} {r.unit} | {r.quote}")
        totals = [totals[0] + len(keys), totals[1] + len(readings), totals[2] + hits]
    n_keys, n_read, n_hits = totals
    print(f"{'total':36} {n_keys:4} {n_read:6} {n_hits:6} {_ratio(n_hits, n_keys):>8} {_ratio(n_hits, n_read):>10}")
    return n_keys, n_read, n_hits


def main(argv: Sequence[str]) -> int:
    quiet = "--quiet" in argv
    data = ipcompare.load()
    scores: list[Score] = []
    texts: list[str] = []
    for plan in data.plans:
        if plan.source is None or not (SOURCES / Path(plan.source).name).name.startswith("00"):
            continue
        path = SOURCES / Path(plan.source).name
        text = read_document(path)
        texts.append(text)
        draft = extract(text, data, str(path))
        scores.append(score(plan, [c for c in draft.candidates if c.kind is not None]))
    print(f"{'plan':32} {'curated':>8} {'read':>6} {'hits':>6} {'recall':>8} {'precision':>10}")
    for s in scores:
        print(f"{s.plan:32} {s.keys:8} {s.read:6} {s.hits:6} {_ratio(s.hits, s.keys):>8} {_ratio(s.hits, s.read):>10}")
    keys, read, hits = (sum(getattr(s, a) for s in scores) for a in ("keys", "read", "hits"))
    print(f"{'total':32} {keys:8} {read:6} {hits:6} {_ratio(hits, keys):>8} {_ratio(hits, read):>10}")
    if not quiet:
        for s in scores:
            for k in s.missed:
                print(f"missed {s.plan}: {k.label()}")
            for c in s.false:
                print(f"false  {s.plan}: {_candidate(c)}")
    if UNSEEN.is_dir():
        unseen(quiet)
    seconds, baseline = speed(max(texts, key=len), data)
    print(f"extract of 100,000 characters: {seconds:.3f} s ({seconds / baseline:.1f}x reading the text)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
