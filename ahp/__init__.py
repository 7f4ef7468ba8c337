"""ahp: the Analytic Hierarchy Process, for ranking the causes of customer churn.

Importing ``ahp`` is cheap: the engine (and numpy) loads on first use of ``priorities`` or
``PriorityResult``, the file layer on first use of ``load_project``, ``new_project`` or
``load_model``; Textual never here. So the ``ahp`` command can set itself up before numpy loads.

>>> import ahp
>>> r = ahp.priorities([[1, 6, 3], [1/6, 1, 1/2], [1/3, 2, 1]])
>>> [round(float(x), 4) for x in r.weights], r.cr
([0.6667, 0.1111, 0.2222], 0.0)
>>> ahp.load_project("examples/retail-churn-demo.ahp.toml").ranking()[0].path
'price/level'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ahp.errors import AHPError, JudgmentError, ModelError, ProjectFileError

if TYPE_CHECKING:
    from ahp.core.priorities import PriorityResult, priorities
    from ahp.io.model import load_model
    from ahp.io.project import load_project, new_project

_LAZY = {
    "priorities": "ahp.core.priorities",
    "PriorityResult": "ahp.core.priorities",
    "load_project": "ahp.io.project",
    "new_project": "ahp.io.project",
    "load_model": "ahp.io.model",
}

__all__ = [
    "AHPError",
    "JudgmentError",
    "ModelError",
    "PriorityResult",
    "ProjectFileError",
    "load_model",
    "load_project",
    "new_project",
    "priorities",
]


def __getattr__(name: str) -> Any:
    """Load the module behind ``name`` (one of ``_LAZY``) on its first use, and keep the name here."""
    if name in _LAZY:
        import importlib

        value = globals()[name] = getattr(importlib.import_module(_LAZY[name]), name)
        return value
    raise AttributeError(f"module 'ahp' has no attribute {name!r}")
