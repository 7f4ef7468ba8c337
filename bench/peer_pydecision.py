"""pyDecision's side of the benchmark; runs in bench/.peers (see setup_peers.sh), driven by run.py.

pyDecision's ``ahp_method(dataset, wd)`` does one complete matrix (weights and CR); ``wd`` is
the weight derivation, 'max_eigen' for the principal eigenvector as ours. It has no hierarchy
and no missing judgments: for the hierarchy this script calls it on every matrix and multiplies
the local weights out to global weights itself, inside the timed call.
"""

from __future__ import annotations

import importlib.metadata as md
import sys

import numpy as np
from _peer_protocol import serve
from pyDecision.algorithm import ahp_method


def single(request: dict):
    x = np.array(request["spec"]["matrix"], dtype=float)
    wd = request["options"].get("wd", "max_eigen")

    def fn():
        return ahp_method(x, wd=wd)

    def result_of(out):
        w, rc = out
        return {"weights": [float(v) for v in w], "cr": float(rc)}

    return fn, result_of


def hierarchy(request: dict):
    nodes = request["spec"]["nodes"]  # preorder: parents before children
    wd = request["options"].get("wd", "max_eigen")
    mats = [(n["path"], n["children"], np.array(n["matrix"], dtype=float)) for n in nodes]
    goal = nodes[0]["path"]

    def fn():
        weight = {goal: 1.0}
        local, cr = {}, {}
        for path, children, x in mats:
            w, rc = ahp_method(x, wd=wd)
            local[path], cr[path] = w, rc
            g = weight[path]
            for c, wc in zip(children, w, strict=True):
                weight[c] = g * wc
        leaves = [p for p in weight if p not in local]
        ranking = sorted(leaves, key=lambda p: -weight[p])
        return local, cr, {p: weight[p] for p in ranking}

    def result_of(out):
        local, cr, glob = out
        return {
            "local": {p: [float(v) for v in w] for p, w in local.items()},
            "cr": {p: float(v) for p, v in cr.items()},
            "global": {p: float(v) for p, v in glob.items()},
        }

    return fn, result_of


def monte_carlo(request: dict):
    """Perturbed hierarchies (bench/w5_monte_carlo.py): per draw ``ahp_method`` on every node's
    matrix, global weights multiplied out, leaves ranked. The matrices come as .npy stacks
    (paths in the spec), loaded before timing; each draw's matrix is handed over as it is."""
    spec = request["spec"]
    wd = request["options"].get("wd", "max_eigen")
    nodes = [(n["path"], n["children"], np.load(n["file"])[: spec["count"]]) for n in spec["nodes"]]
    leaves = spec["leaves"]
    draws = [[(path, children, stack[d]) for path, children, stack in nodes] for d in range(spec["count"])]

    def fn():
        weights, rankings = [], []
        goal = nodes[0][0]
        for per_node in draws:
            weight = {goal: 1.0}
            for path, children, x in per_node:
                w, _ = ahp_method(x, wd=wd)
                g = weight[path]
                for c, wc in zip(children, w, strict=True):
                    weight[c] = g * wc
            glob = [weight[x] for x in leaves]
            weights.append(glob)
            rankings.append(sorted(range(len(leaves)), key=lambda k: -glob[k]))
        return weights, rankings

    def result_of(out):
        weights, rankings = out
        return {"count": spec["count"], "weights": [[float(v) for v in w] for w in weights], "rankings": rankings}

    return fn, result_of


if __name__ == "__main__":
    serve(
        {"pyDecision": md.version("pyDecision"), "numpy": np.__version__, "scipy": md.version("scipy"),
         "python": sys.version.split()[0]},
        {"single": single, "hierarchy": hierarchy, "monte_carlo": monte_carlo},
    )
