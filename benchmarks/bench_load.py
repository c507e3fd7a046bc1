"""How much ipcompare adds on top of parsing its YAML, as ratios against a baseline of the same run.

Baseline: yaml.load of the shipped data file with PyYAML's fastest safe loader. Measured:
ipcompare.load() (parse with line numbers + build + validate) and `plans --format json` end to end
in-process. Ratios, not seconds, so runs on different machines compare.

    python benchmarks/bench_load.py [--repeat N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import time
from collections.abc import Callable

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

    def run_cli() -> None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            app(["plans", "--format", "json"], prog_name="ipcompare")

    baseline = best_of(args.repeat, lambda: yaml.load(text, Loader=fast_loader))
    cases = {
        "ipcompare.load()": lambda: ipcompare.load(env=False),
        "plans --format json": run_cli,
    }
    print(f"baseline yaml.load ({fast_loader.__name__}) of {path.name}: 1.00x")
    for name, func in cases.items():
        print(f"{name}: {best_of(args.repeat, func) / baseline:.2f}x baseline")


if __name__ == "__main__":
    main()
