"""A respondent for interview tests: perfectly consistent, with the top factors well apart.

Every node's true weights are on Saaty's scale in ratio (the first criterion 9, 3, 1, 1, ...;
under it 8, 4, 2, 1, 1, ...; under the second 4, 2, 1, 1; the rest equal), so each answer is the
true ratio exactly and the global top 5 are apart by at least a quarter of the 5th's weight.
"""

from __future__ import annotations

from ahp.io.project import Project

_SHAPES = ([9, 3], [8, 4, 2], [4, 2])


def true_weights(project: Project) -> dict[str, dict[str, float]]:
    """``{node path: {element id: weight}}`` for every inner node."""
    out = {}
    for k, (path, node) in enumerate(project.inner.items()):
        ids = [c.id for c in node.children]
        shape = (_SHAPES[k] if k < len(_SHAPES) else []) + [1] * len(ids)
        out[path] = dict(zip(ids, map(float, shape), strict=False))
    return out


def true_answer(project: Project, path: str, a: str, b: str) -> float:
    """How many times ``a`` matters more than ``b`` for the consistent respondent."""
    w = true_weights(project)[path]
    return w[a] / w[b]
