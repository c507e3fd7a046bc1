"""ipcompare: compare the quantified targets of Chinese IP plans across regions and plan versions.

The library API, for notebooks and scripts::

    import ipcompare
    data = ipcompare.load()                 # the shipped dataset, validated
    rows = ipcompare.metric_rows(data, "高价值发明专利")  # the rows of `ipcompare metric ... --format json`
    matrix = ipcompare.compare_rows(data, ["襄阳", "泰安"], national=True)
    typed = ipcompare.compare_metric(data, "高价值发明专利").rows  # the same rows, typed (results.MetricRow)
    plan = data.plan("xiangyang-14th-fyp")
    [t for t in plan.targets if t.metric == "high-value-patents"]
    changes = ipcompare.diff_plans(old_plan, new_plan, data.metrics).targets    # as `ipcompare diff`
    checked = ipcompare.check_progress(old_plan, new_plan, data.metrics).rows   # as `diff --progress`
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:  # the names below, for type checkers and readers; at run time they load on first use
    from typing import Any

    from .compare import MetricComparison, RegionComparison, compare_metric, compare_regions, compare_rows, metric_rows
    from .diff import PlanDiff, diff_plans
    from .errors import DataError, ExitCode, OutputError, Problem, UnknownName, UsageError
    from .loader import load
    from .model import (
        Comparator,
        Dataset,
        Direction,
        Figure,
        Kind,
        Level,
        Metric,
        Plan,
        Population,
        Region,
        Reported,
        Status,
    )
    from .paths import bundled_path
    from .progress import Progress, check_outcomes, check_progress, progress_against_outcomes
    from .results import Outcome, as_json

#: Where each public name lives: `import ipcompare` stays light (the command line's entry point and
#: Ctrl-C handling load before anything heavy), and a name's module is imported when it is first used.
_LAZY = {
    **dict.fromkeys(["MetricComparison", "RegionComparison", "compare_metric", "compare_regions"], "compare"),
    **dict.fromkeys(["compare_rows", "metric_rows"], "compare"),
    **dict.fromkeys(["PlanDiff", "diff_plans"], "diff"),
    **dict.fromkeys(["DataError", "ExitCode", "OutputError", "Problem", "UnknownName", "UsageError"], "errors"),
    **dict.fromkeys(["load"], "loader"),
    **dict.fromkeys(["bundled_path"], "paths"),
    **dict.fromkeys(["Comparator", "Dataset", "Direction", "Figure", "Kind", "Level"], "model"),
    **dict.fromkeys(["Metric", "Plan", "Population", "Region", "Reported", "Status"], "model"),
    **dict.fromkeys(["Progress", "check_outcomes", "check_progress", "progress_against_outcomes"], "progress"),
    **dict.fromkeys(["Outcome", "as_json"], "results"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ipcompare' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__version__ = "0.1.0"

__all__ = [
    "Comparator",
    "DataError",
    "Dataset",
    "Direction",
    "ExitCode",
    "Figure",
    "Kind",
    "Level",
    "Metric",
    "MetricComparison",
    "Outcome",
    "OutputError",
    "Plan",
    "PlanDiff",
    "Population",
    "Problem",
    "Progress",
    "Region",
    "RegionComparison",
    "Reported",
    "Status",
    "UnknownName",
    "UsageError",
    "__version__",
    "as_json",
    "bundled_path",
    "check_outcomes",
    "check_progress",
    "compare_metric",
    "compare_regions",
    "compare_rows",
    "diff_plans",
    "load",
    "metric_rows",
    "progress_against_outcomes",
]
