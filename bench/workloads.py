"""The benchmark's inputs: one definition, used by our engine and handed to every peer as JSON.

Every workload has an id (W1, W2, W3-15, ...), a kind that the peer scripts understand
(``single``, ``hierarchy``, ``incomplete``) and a JSON ``spec`` with the numbers. Missing
judgments are ``null`` in JSON and ``nan`` here.

W2 runs on the demo project, ``W2_PROJECT`` below (one line; ``None`` for the hierarchy built
here: the retail-churn model's shape with invented, near-consistent judgments);
:func:`hierarchy_from_project` reads a ``*.ahp.toml`` by the documented file format
(DESIGN.md), not by our loader, aggregating respondents by the weighted geometric mean of their
judgments (AIJ).

W4's survey (:func:`survey`) is made here too; its script is bench/w4_respondents.py.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ahp.core.hierarchy import ROOT, Node, child_path, walk
from ahp.core.matrix import from_upper
from ahp.core.scale import SCALE, SCALE_ARRAY, parse_value

REPO = Path(__file__).resolve().parent.parent

#: W2's source: None for the hierarchy built below, or a project file, e.g.
#: REPO / "examples" / "retail-churn-demo.ahp.toml"
W2_PROJECT: Path | None = REPO / "examples" / "retail-churn-demo.ahp.toml"

SEED = 20260101


@dataclass
class Workload:
    """One line of the benchmark table (or a group of lines sharing an input)."""

    id: str
    title: str
    kind: str  # single | hierarchy | incomplete
    spec: dict
    #: our call's keyword arguments (besides the input)
    ours_kwargs: dict = field(default_factory=dict)
    #: per peer: the options its script uses, or a reason it cannot run this workload
    peers: dict = field(default_factory=dict)
    #: speed targets: peer name -> minimum ratio peer/ours
    targets: dict = field(default_factory=dict)


def _json_matrix(a: np.ndarray) -> list[list[float | None]]:
    return [[None if math.isnan(x) else float(x) for x in row] for row in a]


def matrix_from_json(rows: list[list[float | None]]) -> np.ndarray:
    return np.array([[math.nan if x is None else x for x in row] for row in rows], dtype=float)


# --- W1: one 4x4 matrix (published case C3, Wikipedia's "choosing a leader") -------------------
C3_LABELS = ["experience", "education", "charisma", "age"]
C3_CRITERIA = from_upper(4, [4, 3, 7, "1/3", 3, 5])


# --- W2: the retail-churn hierarchy -----------------------------------------------------------
RETAIL_CHURN: dict[str, list[str]] = {
    "service": ["attitude", "complaints", "followup", "promises", "experience"],
    "quality": ["stability", "assortment", "stockouts", "fit"],
    "price": ["level", "promotions", "membership", "value"],
    "competition": ["rivals", "online", "turnover", "market"],
}
# Invented, plausible judgments (upper triangles, row by row); every matrix has 0 < CR < 0.02.
RETAIL_CHURN_JUDGMENTS: dict[str, list[float | str]] = {
    "goal": [2, 3, 4, 2, 3, 2],
    "service": ["1/2", 3, 2, 2, 4, 3, 3, "1/2", "1/2", 1],
    "quality": [3, 2, 2, "1/2", "1/2", 1],
    "price": [2, 4, 1, 3, "1/2", "1/4"],
    "competition": [1, 4, 3, 4, 3, "1/2"],
}


def retail_churn_hierarchy() -> tuple[Node, dict[str, np.ndarray]]:
    """The goal, 4 criteria and 17 factors, with one complete matrix per inner node."""
    root = Node(ROOT, "Customer churn degree", children=tuple(
        Node(c, c.capitalize(), children=tuple(Node(f, f) for f in factors))
        for c, factors in RETAIL_CHURN.items()
    ))
    matrices = {}
    for path, node, _ in walk(root):
        if node.children:
            matrices[path] = from_upper(len(node.children), RETAIL_CHURN_JUDGMENTS[path])
    return root, matrices


def _node_from_toml(table: dict, node_id: str, name: str, kids_key: str) -> Node:
    kids = tuple(_node_from_toml(c, c["id"], c["name"], "children") for c in table.get(kids_key, ()))
    return Node(node_id, name, children=kids)


def hierarchy_from_project(path: Path) -> tuple[Node, dict[str, np.ndarray]]:
    """The hierarchy and (aggregated) matrices of a ``*.ahp.toml`` file, read by its format."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    model = data["model"]
    root = _node_from_toml(model, ROOT, model["goal"], "criteria")
    respondents = data.get("respondents", [])
    total = sum(float(r.get("weight", 1.0)) for r in respondents) or 1.0
    matrices = {}
    for p, node, _ in walk(root):
        if not node.children:
            continue
        ids = [c.id for c in node.children]
        n = len(ids)
        logsum, wsum = np.zeros((n, n)), np.zeros((n, n))
        for r in respondents:
            w = float(r.get("weight", 1.0)) / total
            for row, cols in r.get("judgments", {}).get(p, {}).items():
                for col, v in cols.items():
                    i, j = ids.index(row), ids.index(col)
                    x = math.log(parse_value(v))
                    logsum[i, j] += w * x
                    logsum[j, i] -= w * x
                    wsum[i, j] += w
                    wsum[j, i] += w
        a = np.where(wsum > 0, np.exp(logsum / np.where(wsum > 0, wsum, 1)), np.nan)
        np.fill_diagonal(a, 1.0)
        matrices[p] = a
    return root, matrices


def hierarchy_spec(root: Node, matrices: dict[str, np.ndarray]) -> dict:
    """JSON for the peers: inner nodes in preorder, each with its children's paths and matrix."""
    nodes = []
    for p, node, _ in walk(root):
        if node.children:
            nodes.append({
                "path": p,
                "children": [child_path(p, c.id) for c in node.children],
                "matrix": _json_matrix(np.asarray(matrices[p], dtype=float)),
            })
    return {"nodes": nodes}


# --- W3: random reciprocal matrices on Saaty's scale ------------------------------------------
def random_saaty_matrix(n: int, seed: int = SEED) -> np.ndarray:
    """An n x n reciprocal matrix whose upper triangle is drawn uniformly from the 17 scale values."""
    rng = np.random.default_rng(seed + n)
    a = np.ones((n, n))
    iu = np.triu_indices(n, 1)
    a[iu] = rng.choice(SCALE_ARRAY, size=len(iu[0]))
    a[(iu[1], iu[0])] = 1.0 / a[iu]
    return a


# --- W6: a 6x6 matrix with 4 missing pairs ----------------------------------------------------
W6_FULL = from_upper(6, [2, 3, 5, 4, 7, 2, 3, 2, 5, 2, 1, 3, "1/2", 2, 3])
W6_MISSING = [(0, 3), (1, 4), (2, 5), (3, 5)]


def w6_matrix() -> np.ndarray:
    a = W6_FULL.copy()
    for i, j in W6_MISSING:
        a[i, j] = a[j, i] = math.nan
    return a


# --- W4: a survey of many respondents on the retail-churn model (bench/w4_respondents.py) ------
DEMO = REPO / "examples" / "retail-churn-demo.ahp.toml"


def _scale_text(v: float) -> str:
    return str(round(v)) if v >= 1 else f"1/{round(1 / v)}"


def survey(
    root: Node,
    base: dict[str, np.ndarray],
    respondents: int = 10_000,
    *,
    seed: int = SEED,
    spread: float = 0.35,
    missing: float = 0.05,
    max_missing: int = 2,
) -> tuple[str, dict[str, np.ndarray]]:
    """A survey CSV (``ratio`` coding) and the same judgments as stacks (respondents, n, n).

    Columns are those of :func:`ahp.io.survey.template` (``respondent``, ``weight``, one per
    pair); ``weight`` is left empty (1). Each cell is ``base``'s judgment times log-normal noise
    (``spread``), snapped to the nearest of Saaty's 17 values; a cell is empty (missing) with
    probability ``missing``, at most ``max_missing`` per node and respondent, which keeps every
    node's judgments connected (n = 4 and 5 here). Deterministic for a ``seed``. In the stacks a
    missing judgment is ``nan``.
    """
    import csv
    import io

    from ahp.io.survey import template

    header = next(csv.reader(io.StringIO(template(root))))
    where: dict[str, tuple[str, int]] = {}  # element path -> (parent path, index among siblings)
    for p, node, _ in walk(root):
        for k, c in enumerate(node.children):
            where[child_path(p, c.id)] = (p, k)
    cols = []
    for h in header[2:]:
        a, b = h.split(" vs ")
        (pa, i), (pb, j) = where[a], where[b]
        assert pa == pb, h
        cols.append((pa, i, j))
    rng = np.random.default_rng(seed)
    logs = np.log(SCALE_ARRAY)
    centre = np.array([math.log(base[p][i, j]) for p, i, j in cols])
    noisy = centre + spread * rng.standard_normal((respondents, len(cols)))
    values = SCALE_ARRAY[np.abs(noisy[..., None] - logs).argmin(axis=-1)]
    empty = rng.random((respondents, len(cols))) < missing
    paths = [p for p, _, _ in cols]
    for p in dict.fromkeys(paths):
        group = [k for k, q in enumerate(paths) if q == p]
        empty[:, group] &= np.cumsum(empty[:, group], axis=1) <= max_missing
    text = {v: _scale_text(v) for v in SCALE}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in range(respondents):
        answers = ("" if e else text[v] for v, e in zip(values[r], empty[r], strict=True))
        w.writerow([f"respondent {r + 1:05d}", "", *answers])
    stacks = {}
    for p, node, _ in walk(root):
        if node.children:
            n = len(node.children)
            s = np.full((respondents, n, n), np.nan)
            s[:, range(n), range(n)] = 1.0
            stacks[p] = s
    for k, (p, i, j) in enumerate(cols):
        v = np.where(empty[:, k], np.nan, values[:, k])
        stacks[p][:, i, j] = v
        stacks[p][:, j, i] = 1 / v
    return buf.getvalue(), stacks


# --- the list -----------------------------------------------------------------------------------
def single_spec(a: np.ndarray, labels: list[str] | None = None) -> dict:
    n = a.shape[0]
    return {"labels": labels or [f"e{k + 1}" for k in range(n)], "matrix": _json_matrix(a)}


def workloads() -> list[Workload]:
    if W2_PROJECT is None:
        root, matrices = retail_churn_hierarchy()
        w2_title = "retail-churn hierarchy (4 + 5,4,4,4), built in bench"
    else:
        root, matrices = hierarchy_from_project(W2_PROJECT)
        w2_title = f"hierarchy from {Path(W2_PROJECT).name}"
    w2_spec = hierarchy_spec(root, matrices)
    w2_spec["root"] = root  # ours only; removed before JSON
    w2_spec["matrices"] = matrices
    ahpy_saaty = {"random_index": "saaty"}  # AHPy's 'saaty' is Saaty 2005's table (n <= 15)
    pyd = {"wd": "max_eigen"}  # pyDecision's RI table is Saaty 1980's (n <= 15)
    out = [
        Workload(
            "W1",
            "4x4 weights + CR (case C3 criteria)",
            "single",
            single_spec(C3_CRITERIA, C3_LABELS),
            peers={"ahpy": ahpy_saaty, "pydecision": pyd},
            targets={"ahpy": 10.0},
        ),
        Workload(
            "W2",
            w2_title,
            "hierarchy",
            w2_spec,
            peers={"ahpy": ahpy_saaty, "pydecision": pyd},
            targets={"ahpy": 8.0, "pydecision": 2.0},
        ),
    ]
    for n in (15, 50):
        out.append(
            Workload(
                f"W3 n={n}",
                f"random {n}x{n} on Saaty's scale, weights + CR",
                "single",
                single_spec(random_saaty_matrix(n)),
                peers={"ahpy": ahpy_saaty, "pydecision": pyd},
                targets={"ours": "works"} if n == 50 else {},
            )
        )
    # AHPy's Donegan-Dodd table goes to n = 100: the n = 50 comparison it can do.
    out.append(
        Workload(
            "W3 n=50 dd",
            "as W3 n=50, RI table Donegan-Dodd on both sides",
            "single",
            single_spec(random_saaty_matrix(50)),
            ours_kwargs={"random_index": "donegan-dodd"},
            peers={"ahpy": {"random_index": "dd"}, "pydecision": "no choice of RI table"},
        )
    )
    out.append(
        Workload(
            "W6",
            "6x6 with 4 missing pairs, lambda-max completion",
            "incomplete",
            single_spec(w6_matrix()),
            peers={"ahpy": ahpy_saaty, "pydecision": "no missing judgments"},
            targets={"ahpy": 50.0},
        )
    )
    return out


def peer_spec(w: Workload, peer: str) -> dict:
    """The JSON a peer script gets for one workload."""
    spec = {k: v for k, v in w.spec.items() if k not in ("root", "matrices")}
    return {"id": w.id, "kind": w.kind, "spec": spec, "options": w.peers[peer]}
