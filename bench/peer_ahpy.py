"""AHPy's side of the benchmark; runs in bench/.peers (see setup_peers.sh), driven by run.py.

Each workload is done the way an AHPy user would: a comparisons dict per matrix, one
``ahpy.Compare`` per matrix (AHPy completes missing comparisons itself), ``add_children`` for
the hierarchy and ``target_weights`` for the global ranking. Everything from the dict to the
numbers is inside the timed call.

For the long loops (``panel``: bench/w4_respondents.py; ``monte_carlo``: bench/w5_monte_carlo.py)
the matrices come as .npy stacks (paths in the spec), turned into comparisons dicts before
timing; the loop over respondents or draws is the timed call.
"""

from __future__ import annotations

import importlib.metadata as md
import sys
import time

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
        for node, ks in zip(reversed(nodes), reversed(kids), strict=True):  # bottom-up
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


# --- the long loops of bench/w4_respondents.py and bench/w5_monte_carlo.py --------------------
def _stacks(spec: dict) -> list[tuple[str, list[str], numpy.ndarray]]:
    """(path, children's paths, first ``count`` matrices) per inner node, parents first."""
    return [(n["path"], n["children"], numpy.load(n["file"])[: spec["count"]]) for n in spec["nodes"]]


def _multiply_out(nodes, local: dict[str, list[float]]) -> dict[str, float]:
    """Global weights: the goal 1, each child its parent's global weight times its local weight."""
    weight = {nodes[0][0]: 1.0}
    for path, children, _ in nodes:
        g = weight[path]
        for c, w in zip(children, local[path], strict=True):
            weight[c] = g * w
    return weight


def panel(request: dict):
    """Many respondents: one Compare per respondent and node (AHPy completes missing pairs),
    then AIJ (element-wise geometric mean of the judgments, one Compare per node) and AIP
    (geometric mean of the respondents' priorities, renormalised), global weights multiplied out.
    The spec's stacks hold ``nan`` for a missing judgment; every respondent has weight 1."""
    spec, opts = request["spec"], _options(request)
    nodes = _stacks(spec)
    leaves = spec["leaves"]
    comps = [[_comparisons(children, [[None if x != x else float(x) for x in row] for row in a]) for a in stack]
             for _, children, stack in nodes]

    def fn():
        clock = time.perf_counter
        t0 = clock()
        individual = {}  # path -> (weights (respondents, n), CRs)
        for (path, children, _), per_respondent in zip(nodes, comps, strict=True):
            w, cr = [], []
            for cs in per_respondent:
                c = ahpy.Compare(path, cs, **opts)
                lw = c.local_weights
                w.append([lw[x] for x in children])
                cr.append(c.consistency_ratio)
            individual[path] = (numpy.array(w), numpy.array(cr, dtype=float))
        t1 = clock()
        aij_local = {}
        for path, children, stack in nodes:
            known = ~numpy.isnan(stack)
            logs = numpy.where(known, numpy.log(numpy.where(known, stack, 1.0)), 0.0)
            combined = numpy.exp(logs.sum(axis=0) / known.sum(axis=0))
            lw = ahpy.Compare(path, _comparisons(children, combined.tolist()), **opts).local_weights
            aij_local[path] = [lw[x] for x in children]
        aij = _multiply_out(nodes, aij_local)
        t2 = clock()
        aip_local = {}
        for path, _, _ in nodes:
            g = numpy.exp(numpy.log(individual[path][0]).mean(axis=0))
            aip_local[path] = list(g / g.sum())
        aip = _multiply_out(nodes, aip_local)
        t3 = clock()
        return {"loop": t1 - t0, "aij": t2 - t1, "aip": t3 - t2}, individual, aij, aip

    def result_of(out):
        phases, individual, aij, aip = out
        return {
            "phases": phases,
            "count": spec["count"],
            "weights": {p: w.tolist() for p, (w, _) in individual.items()},
            "cr": {p: cr.tolist() for p, (_, cr) in individual.items()},
            "aij": [float(aij[x]) for x in leaves],
            "aip": [float(aip[x]) for x in leaves],
        }

    return fn, result_of


def monte_carlo(request: dict):
    """Perturbed hierarchies: per draw one Compare per node (priorities only: ``cr=False``
    unless the options ask), global weights multiplied out, leaves ranked."""
    spec, opts = request["spec"], _options(request)
    opts["cr"] = request["options"].get("cr", False)
    nodes = _stacks(spec)
    leaves = spec["leaves"]
    draws = [[(path, children, _comparisons(children, stack[d].tolist())) for path, children, stack in nodes]
             for d in range(spec["count"])]

    def fn():
        weights, rankings = [], []
        goal = nodes[0][0]
        for per_node in draws:
            weight = {goal: 1.0}
            for path, children, cs in per_node:
                lw = ahpy.Compare(path, cs, **opts).local_weights
                g = weight[path]
                for c in children:
                    weight[c] = g * lw[c]
            glob = [weight[x] for x in leaves]
            weights.append(glob)
            rankings.append(sorted(range(len(leaves)), key=lambda k: -glob[k]))
        return weights, rankings

    def result_of(out):
        weights, rankings = out
        return {"count": spec["count"], "weights": [[float(v) for v in w] for w in weights], "rankings": rankings}

    return fn, result_of


if __name__ == "__main__":
    sys.setrecursionlimit(10_000)
    serve(
        {"ahpy": md.version("ahpy"), "numpy": numpy.__version__, "scipy": md.version("scipy"),
         "python": sys.version.split()[0]},
        {"single": single, "incomplete": single, "hierarchy": hierarchy, "panel": panel,
         "monte_carlo": monte_carlo},
    )
