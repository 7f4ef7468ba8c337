"""AHPy's side of the benchmark; runs in bench/.peers (see setup_peers.sh), driven by run.py.

Each workload is done the way an AHPy user would: a comparisons dict per matrix, one
``ahpy.Compare`` per matrix (AHPy completes missing comparisons itself), ``add_children`` for
the hierarchy and ``target_weights`` for the global ranking. Everything from the dict to the
numbers is inside the timed call.
"""

from __future__ import annotations

import importlib.metadata as md
import sys

import ahpy
import numpy

from _peer_protocol import serve


def _comparisons(labels: list[str], matrix: list[list[float | None]]) -> dict[tuple[str, str], float]:
    n = len(labels)
    return {(labels[i], labels[j]): matrix[i][j] for i in range(n) for j in range(i + 1, n) if matrix[i][j] is not None}


def _options(request: dict) -> dict:
    o = request["options"]
    return {"precision": o.get("precision", 4), "random_index": o.get("random_index", "saaty")}


def single(request: dict):
    spec, opts = request["spec"], _options(request)
    labels = spec["labels"]
    comps = _comparisons(labels, spec["matrix"])

    def fn():
        return ahpy.Compare("matrix", comps, **opts)

    def result_of(c):
        out = {"weights": [float(c.local_weights[x]) for x in labels], "cr": float(c.consistency_ratio)}
        if c._missing_comparisons:  # what AHPy filled in, as a[i, j] with i < j
            out["completed"] = {}
            for (a, b), v in c._missing_comparisons.items():
                i, j, v = labels.index(a), labels.index(b), float(v)
                out["completed"][f"{min(i, j)},{max(i, j)}"] = v if i < j else 1 / v
        return out

    return fn, result_of


def hierarchy(request: dict):
    spec, opts = request["spec"], _options(request)
    nodes = spec["nodes"]  # preorder: the goal first
    inner = {node["path"] for node in nodes}
    comps = [(node["path"], _comparisons(node["children"], node["matrix"])) for node in nodes]
    kids = [[c for c in node["children"] if c in inner] for node in nodes]

    def fn():
        compares = {path: ahpy.Compare(path, cs, **opts) for path, cs in comps}
        for node, ks in zip(reversed(nodes), reversed(kids)):  # bottom-up
            if ks:
                compares[node["path"]].add_children([compares[k] for k in ks])
        return compares

    def result_of(compares):
        goal = compares[nodes[0]["path"]]
        return {
            "local": {n["path"]: [float(compares[n["path"]].local_weights[c]) for c in n["children"]] for n in nodes},
            "cr": {n["path"]: float(compares[n["path"]].consistency_ratio) for n in nodes},
            "global": {k: float(v) for k, v in goal.target_weights.items()},
        }

    return fn, result_of


if __name__ == "__main__":
    sys.setrecursionlimit(10_000)
    serve(
        {"ahpy": md.version("ahpy"), "numpy": numpy.__version__, "scipy": md.version("scipy"),
         "python": sys.version.split()[0]},
        {"single": single, "incomplete": single, "hierarchy": hierarchy},
    )
