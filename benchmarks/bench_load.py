"""How much ipcompare adds on top of parsing its YAML, as ratios against a baseline of the same run.

Baseline: yaml.load of the shipped data file with PyYAML's fastest safe loader. Measured:
ipcompare.load() (parse with line numbers + build + validate), the comparisons on a loaded dataset
(compare_metric, compare_regions, diff_plans, check_progress), and `plans`, `metric`, `compare` and
`diff` end to end in-process (`diff` with the test fixtures of a final Tai'an plan and a made-up
Inner Mongolia 14th plan, which must sit in tests/fixtures beside this script).
Ratios, not seconds, so runs on different machines compare.

    python benchmarks/bench_load.py [--repeat N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml

import ipcompare
from ipcompare.cli import app


def best_of(repeat: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times) if repeat < 5 else statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    path = ipcompare.bundled_path()
    text = path.read_text(encoding="utf-8")
    fast_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def run_cli(*argv: str) -> Callable[[], None]:
        def run() -> None:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
                app(list(argv), prog_name="ipcompare")

        return run

    data = ipcompare.load(env=False)
    fixtures = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
    final, made_up = str(fixtures / "taian_final.yaml"), str(fixtures / "inner_mongolia_14th.yaml")
    versions = ipcompare.load([final, made_up], env=False)
    taian = versions.plan("taian-strong-city-draft"), versions.plan("taian-strong-city-final")
    mongolia = versions.plan("inner-mongolia-13th-fyp"), versions.plan("inner-mongolia-14th-made-up")

    baseline = best_of(args.repeat, lambda: yaml.load(text, Loader=fast_loader))
    cases = {
        "ipcompare.load()": lambda: ipcompare.load(env=False),
        "compare_metric(trademarks, per_capita)": lambda: ipcompare.compare_metric(data, "trademarks", per_capita=True),
        "compare_regions(襄阳 泰安 青海)": lambda: ipcompare.compare_regions(data, ["襄阳", "泰安", "青海"]),
        "diff_plans(Tai'an draft, final)": lambda: ipcompare.diff_plans(*taian, versions.metrics),
        "check_progress(Inner Mongolia 13th, 14th)": lambda: ipcompare.check_progress(*mongolia, versions.metrics),
        "plans --format json": run_cli("plans", "--format", "json"),
        "metric high-value-patents --format json": run_cli("metric", "high-value-patents", "--format", "json"),
        "metric high-value-patents --format markdown": run_cli("metric", "high-value-patents", "-f", "markdown"),
        "compare 襄阳 泰安 青海 --format json": run_cli("compare", "襄阳", "泰安", "青海", "--format", "json"),
        "diff draft final --format json": run_cli(
            "diff", "taian-strong-city-draft", "taian-strong-city-final", "--data", final, "-f", "json"
        ),
        "diff 13th 14th --progress --format json": run_cli(
            "diff", *(p.id for p in mongolia), "--progress", "--data", made_up, "-f", "json"
        ),
    }
    print(f"baseline yaml.load ({fast_loader.__name__}) of {path.name}: 1.00x")
    for name, func in cases.items():
        print(f"{name}: {best_of(args.repeat, func) / baseline:.2f}x baseline")


if __name__ == "__main__":
    main()
