"""ipcompare: compare the quantified targets of Chinese IP plans across regions and plan versions.

The library API, for notebooks and scripts::

    import ipcompare
    data = ipcompare.load()                 # the shipped dataset, validated
    rows = data.metric_rows("高价值发明专利")  # the rows of `ipcompare metric ... --format json`
    matrix = data.compare_rows(["襄阳", "泰安"], national=True)
    plan = data.plan("xiangyang-14th-fyp")
    [t for t in plan.targets if t.metric == "high-value-patents"]
    changes = ipcompare.diff_plans(old_plan, new_plan, data.metrics).targets    # as `ipcompare diff`
    checked = ipcompare.check_progress(old_plan, new_plan, data.metrics).rows   # as `diff --progress`
"""

from .compare import MetricComparison, RegionComparison, compare_metric, compare_regions
from .diff import PlanDiff, diff_plans
from .errors import DataError, ExitCode, Problem, UsageError
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
from .progress import Outcome, Progress, check_progress

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
    "Plan",
    "PlanDiff",
    "Population",
    "Problem",
    "Progress",
    "Region",
    "RegionComparison",
    "Status",
    "UsageError",
    "__version__",
    "bundled_path",
    "check_progress",
    "compare_metric",
    "compare_regions",
    "diff_plans",
    "load",
]
