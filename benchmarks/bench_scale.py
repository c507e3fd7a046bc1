"""How ipcompare's commands scale with the data: 50, 500 and 5,000 plans, as ratios against a baseline of the same run.

Each command runs as its own process, as a user runs it: the `ipcompare` entry point beside this Python (else
`python -m ipcompare`), on the shipped data plus a synthetic dataset of N plans written by benchmarks/synth.py
(about three plans a region, 30-60 figures a plan) and named with `--data DIR`:

    metric trademarks --format json     compare REGION REGION --format json     show PLAN
    diff DRAFT FINAL                    plans --format json

cold is the first run with an empty cache folder (IPCOMPARE_CACHE_DIR set to a new folder): it reads and
checks every data file and writes the index. warm is the median of --repeat runs after it, which read the
index. The `shipped` rows are the same commands on the shipped data alone (compare 襄阳 泰安, show
xiangyang-14th-fyp, and diff of the Tai'an draft against the Xiangyang plan, as the shipped data has no draft
with its final), with `metric high-value-patents` as a table and as JSON.

Times are ratios to the baseline, `python -c "import typer"` with the same Python, run before each measured
command so that a busy machine slows both: 3.0x takes three times as long as starting Python and importing
typer, which every command does too. The milliseconds are shown as well, but ratios, not seconds, are what
compare across machines. MB is the child's peak resident memory (ru_maxrss from os.wait4). Linux counts in it
the memory of the process that started the child, so this script stays small while it measures (the datasets
are written by another process, tabulate is imported after the runs), and a figure that may be only this
script's own is shown as <=N. A command that exits with an error is shown as failed, with the first line it
wrote to stderr.

    python benchmarks/bench_scale.py [--sizes 50,500,5000] [--repeat 5] [--keep DIR] [--quick]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from synth import Written, write_dataset

from ipcompare.environment import CACHE_ENV, DATA_ENV, NO_CACHE_ENV

BASELINE = [sys.executable, "-c", "import typer"]
SHIPPED_COMMANDS = {
    "metric trademarks --format json": ["metric", "trademarks", "--format", "json"],
    "compare 2 regions --format json": ["compare", "襄阳", "泰安", "--format", "json"],
    "show PLAN": ["show", "xiangyang-14th-fyp"],
    "diff DRAFT FINAL": ["diff", "taian-strong-city-draft", "xiangyang-14th-fyp"],
    "plans --format json": ["plans", "--format", "json"],
    "metric high-value-patents": ["metric", "high-value-patents"],
    "metric high-value-patents --format json": ["metric", "high-value-patents", "--format", "json"],
}


def synthetic_commands(w: Written) -> dict[str, list[str]]:
    """The commands on a synthetic dataset, under the labels of the shipped ones."""
    return {
        "metric trademarks --format json": ["metric", "trademarks", "--format", "json"],
        "compare 2 regions --format json": ["compare", *w.regions, "--format", "json"],
        "show PLAN": ["show", w.plan],
        "diff DRAFT FINAL": ["diff", w.draft, w.final],
        "plans --format json": ["plans", "--format", "json"],
    }


@dataclass(frozen=True)
class Run:
    seconds: float
    mb: float  # peak resident memory
    floor: float  # this script's peak memory when it started the child: the child's can read as no less
    error: str | None = None  # why it failed; None when it exited 0


def ipcompare_command() -> list[str]:
    """The installed entry point beside this Python, else the package run as a module."""
    script = Path(sys.executable).parent / "ipcompare"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "ipcompare"]


def run(argv: Sequence[str], env: Mapping[str, str]) -> Run:
    """One child process: its wall time, its peak memory, and its first line of stderr if it fails."""
    floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=stderr, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = code = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        error = None
        if code != 0:
            stderr.seek(0)
            lines = stderr.read().decode("utf-8", "replace").strip().splitlines()
            error = f"exit {code}: {lines[0] if lines else '(nothing on stderr)'}"
    return Run(seconds, usage.ru_maxrss / 1024, floor, error)  # ru_maxrss is in KiB on Linux


class Bench:
    """Runs commands cold and warm, each after a run of the baseline, whose times it keeps."""

    def __init__(self, repeat: int) -> None:
        self.repeat = repeat
        self.baselines: list[float] = []
        self.env = {k: v for k, v in os.environ.items() if k not in (CACHE_ENV, DATA_ENV, NO_CACHE_ENV)}

    @property
    def baseline(self) -> float:
        return statistics.median(self.baselines)

    def timed(self, argv: Sequence[str], env: Mapping[str, str]) -> Run:
        self.baselines.append(run(BASELINE, self.env).seconds)
        return run(argv, env)

    def measure(self, argv: Sequence[str]) -> tuple[Run, Run]:
        """(cold, warm): the first run with a new cache folder, then the median of `repeat` runs with it."""
        with tempfile.TemporaryDirectory(prefix="ipcompare-cache-") as cache:
            env = {**self.env, CACHE_ENV: cache}
            # What earlier runs wrote (the datasets, the last index, tens of MB) is flushed to disk first: a cold
            # run measures building an index, not the kernel writing back other files at the same time.
            if hasattr(os, "sync"):
                os.sync()
            cold = self.timed(argv, env)
            if cold.error:
                return cold, cold
            warm = [self.timed(argv, env) for _ in range(self.repeat)]
        failed = next((r for r in warm if r.error), None)
        if failed:
            return cold, failed
        return cold, Run(
            statistics.median(r.seconds for r in warm), max(r.mb for r in warm), max(r.floor for r in warm)
        )


@dataclass(frozen=True)
class Row:
    data: str  # "shipped", or the number of synthetic plans
    command: str
    cold: Run
    warm: Run


def cells(r: Run, baseline: float) -> list[str]:
    if r.error:
        return ["failed", "", ""]
    mb = f"<={r.mb:.0f}" if r.mb <= r.floor else f"{r.mb:.0f}"
    return [f"{r.seconds * 1000:,.0f}", f"{r.seconds / baseline:.1f}x", mb]


def report(rows: list[Row], bench: Bench) -> None:
    from ipcompare.render import markdown_table  # only now: nothing imported while measuring counts in their MB

    baseline = bench.baseline
    headers = ["data", "command", "cold ms", "cold", "cold MB", "warm ms", "warm", "warm MB"]
    table = [[r.data, r.command, *cells(r.cold, baseline), *cells(r.warm, baseline)] for r in rows]
    print()
    print(markdown_table(headers, table))
    print(f"\nbaseline, `python -c 'import typer'`: {baseline * 1000:.0f} ms (median of {len(bench.baselines)} runs)")
    floor = max(run_.floor for r in rows for run_ in (r.cold, r.warm))
    print(f"this script's own peak memory while measuring: {floor:.0f} MB (<=N: the child's may be less)")
    for r in rows:
        for when, run_ in (("cold", r.cold), ("warm", r.warm)):
            if run_.error and (when == "cold" or run_ is not r.cold):
                print(f"FAILED {r.data} {r.command} ({when}): {run_.error}")
    label = "metric trademarks --format json"
    shipped = next((r for r in rows if r.data == "shipped" and r.command == label), None)
    largest = next((r for r in reversed(rows) if r.data != "shipped" and r.command == label), None)
    if shipped and largest and not (shipped.warm.error or largest.warm.error):
        ratio = largest.warm.seconds / shipped.warm.seconds
        print(
            f"{largest.data} plans, warm `{label}`: {ratio:.1f}x the same command on the shipped data "
            f"({largest.warm.seconds * 1000:,.0f} ms against {shipped.warm.seconds * 1000:,.0f} ms)"
        )


def write_datasets(sizes: Sequence[int], root: Path) -> list[tuple[int, Path, Written]]:
    """A synthetic dataset of each size, written by another process so that this one stays small (see MB)."""
    datasets = []
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as writer:
        for size in sizes:
            folder = root / f"plans-{size}"
            start = time.perf_counter()
            w = writer.submit(write_dataset, size, folder).result()
            print(
                f"{size:,} plans: {w.figures:,} figures, {w.files:,} files, {w.bytes / 2**20:.1f} MB in {folder} "
                f"({time.perf_counter() - start:.1f} s); compare {' '.join(w.regions)}, show {w.plan}, "
                f"diff {w.draft} {w.final}"
            )
            datasets.append((size, folder, w))
    return datasets


def compile_package() -> None:
    """Write ipcompare's bytecode first, as `pip install` does: an editable install run with
    PYTHONDONTWRITEBYTECODE=1 (set on some machines) would otherwise compile every module at every start
    (~25 ms), which no installed copy does."""
    import ipcompare

    folder = Path(ipcompare.__file__).parent
    done = subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=False).returncode == 0
    print(f"{'compiled' if done else 'could not compile'} the bytecode of {folder}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="50,500,5000", help="numbers of synthetic plans, separated by commas")
    parser.add_argument("--repeat", type=int, default=5, help="warm runs of each command (their median is shown)")
    parser.add_argument("--keep", type=Path, help="write the datasets here and keep them (default: a temporary folder)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 50 plans, 2 warm runs")
    args = parser.parse_args()
    sizes = [50] if args.quick else [int(s) for s in args.sizes.split(",")]
    bench = Bench(2 if args.quick else args.repeat)
    ipcompare = ipcompare_command()
    compile_package()
    with tempfile.TemporaryDirectory(prefix="ipcompare-synth-") as temp:
        datasets = write_datasets(sizes, args.keep or Path(temp))
        rows = [Row("shipped", label, *bench.measure([*ipcompare, *argv])) for label, argv in SHIPPED_COMMANDS.items()]
        for size, folder, w in datasets:
            for label, argv in synthetic_commands(w).items():
                print(f"running {size:,} plans: {label}", file=sys.stderr)
                rows.append(Row(f"{size:,}", label, *bench.measure([*ipcompare, "--data", str(folder), *argv])))
    report(rows, bench)


if __name__ == "__main__":
    main()
