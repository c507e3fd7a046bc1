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

from .compare import MetricComparison, RegionComparison, compare_metric, compare_regions, compare_rows, metric_rows
from .diff import PlanDiff, diff_plans
from .errors import DataError, ExitCode, OutputError, Problem, UnknownName, UsageError
from .load import bundled_path, load
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
    Status,
)
from .progress import Progress, check_progress
from .results import Outcome, as_json

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
    "Status",
    "UnknownName",
    "UsageError",
    "__version__",
    "as_json",
    "bundled_path",
    "check_progress",
    "compare_metric",
    "compare_regions",
    "compare_rows",
    "diff_plans",
    "load",
    "metric_rows",
]
