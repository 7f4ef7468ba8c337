"""ahp: the Analytic Hierarchy Process, for ranking the causes of customer churn.

Importing ``ahp`` is cheap: numpy only; scipy and Textual load when a function needs them.

>>> r = priorities([[1, 6, 3], [1/6, 1, 1/2], [1/3, 2, 1]])
>>> [round(float(x), 4) for x in r.weights], r.cr
([0.6667, 0.1111, 0.2222], 0.0)
"""

from ahp.core.priorities import PriorityResult, priorities
from ahp.errors import AHPError, JudgmentError, ModelError, ProjectFileError

__all__ = [
    "AHPError",
    "JudgmentError",
    "ModelError",
    "PriorityResult",
    "ProjectFileError",
    "priorities",
]
