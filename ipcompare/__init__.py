"""ipcompare: compare the quantified targets of Chinese IP plans across regions and plan versions.

The library API, for notebooks and scripts::

    import ipcompare
    data = ipcompare.load()                 # the shipped dataset, validated
    plan = data.plan("xiangyang-14th-fyp")
    [t for t in plan.targets if t.metric == "high-value-patents"]
"""

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
    "Plan",
    "Population",
    "Problem",
    "Region",
    "Status",
    "UsageError",
    "__version__",
    "bundled_path",
    "load",
]
