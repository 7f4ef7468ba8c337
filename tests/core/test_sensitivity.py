"""Sensitivity: tipping points against their closed form; Monte Carlo reproducibility."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ahp.core.hierarchy import Node, synthesize
from ahp.core.sensitivity import monte_carlo, one_way, perturb
from ahp.errors import AHPError
from ahp.io.project import load_project


def consistent(w: np.ndarray) -> np.ndarray:
    return w[:, None] / w[None, :]


def two_level(criteria: np.ndarray, factors: list[np.ndarray]) -> tuple[Node, dict[str, np.ndarray], np.ndarray]:
    """A goal over criteria c0, c1, ... each over its factors, with consistent matrices."""
    root = Node("goal", "G", children=tuple(
        Node(f"c{j}", f"C{j}", children=tuple(Node(f"f{i}", f"F{i}") for i in range(len(f))))
        for j, f in enumerate(factors)
    ))
    matrices = {"goal": consistent(criteria), **{f"c{j}": consistent(f) for j, f in enumerate(factors)}}
    s = synthesize(root, matrices)
    local = np.ones(len(root.layout.paths))
    for path, kids in root.layout.children.items():
        local[kids] = s.nodes[path].local_weights
    return root, matrices, local


def vector(draw, n):
    w = np.array(draw(st.lists(st.floats(1, 8), min_size=n, max_size=n)))
    return w / w.sum()


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_tipping_points_match_the_closed_form(data):
    k = data.draw(st.integers(2, 4))
    criteria = vector(data.draw, k)
    factors = [vector(data.draw, data.draw(st.integers(2, 4))) for _ in range(k)]
    root, _, local = two_level(criteria, factors)
    s = one_way(root.layout, local)
    for t in s.tipping_points:
        if t.node.count("/") or t.node.startswith("f"):
            continue  # the closed form below is for criteria weights
        j = int(t.node[1:])
        a, b = t.swap
        # Leaf a under criterion j (or under k), leaf b under criterion k: x l_a = (1 - x) w_k l_b / (1 - w_j).
        ca, cb = int(a.split("/")[0][1:]), int(b.split("/")[0][1:])
        la, lb = factors[ca][int(a.split("/")[1][1:])], factors[cb][int(b.split("/")[1][1:])]
        x = t.weight
        if ca == j and cb != j:
            assert x * la == pytest.approx((1 - x) * criteria[cb] * lb / (1 - criteria[j]), rel=1e-9, abs=1e-12)
        elif cb == j and ca != j:
            assert x * lb == pytest.approx((1 - x) * criteria[ca] * la / (1 - criteria[j]), rel=1e-9, abs=1e-12)


def test_tipping_point_by_recomputing_the_hierarchy():
    root, matrices, local = two_level(
        np.array([0.5, 0.3, 0.2]), [np.array([0.7, 0.3]), np.array([0.6, 0.4]), np.array([0.8, 0.2])]
    )
    s = one_way(root.layout, local)
    t = s.critical[1]
    assert t is not None and t.swap[0] == "c0/f0"
    j = int(t.node[1:])
    for side, x in (("before", t.weight - 1e-6 * np.sign(t.change)), ("after", t.weight + 1e-6 * np.sign(t.change))):
        w = np.array([0.5, 0.3, 0.2])
        w = np.where(np.arange(3) == j, x, w * (1 - x) / (1 - w[j]))
        ranking = synthesize(root, {**matrices, "goal": consistent(w)}).ranking
        assert ranking[0].path == (t.swap[0] if side == "before" else t.swap[1])


def test_curves_are_linear_and_pass_through_the_current_weights():
    root, matrices, local = two_level(np.array([0.6, 0.4]), [np.array([0.7, 0.3]), np.array([0.5, 0.5])])
    s = one_way(root.layout, local)
    g = synthesize(root, matrices).ranking
    now = {leaf.path: leaf.global_weight for leaf in g}
    for v in range(len(s.nodes)):
        at_current = s.curves(np.array([s.current[v]]))[v, 0]
        np.testing.assert_allclose(at_current, [now[p] for p in s.leaves], atol=1e-12)
        np.testing.assert_allclose(s.curves(np.array([0.0, 1.0]))[v].sum(axis=1), 1.0, atol=1e-12)


def test_monte_carlo_zero_spread_is_the_deterministic_ranking():
    root, matrices, _ = two_level(
        np.array([0.5, 0.3, 0.2]), [np.array([0.7, 0.3]), np.array([0.6, 0.4]), np.array([0.8, 0.2])]
    )
    mc = monte_carlo(root, matrices, draws=500, spread=0.0)
    np.testing.assert_allclose(mc.rank_probabilities[np.arange(6), mc.baseline_rank - 1], 1.0)
    assert all(p == 1.0 for p in mc.top_stable.values())
    ranking = synthesize(root, matrices).ranking
    assert [mc.leaves[i] for i in np.argsort(mc.baseline_rank)] == [leaf.path for leaf in ranking]


def test_monte_carlo_same_seed_same_result_and_probabilities_sum_to_one():
    root, matrices, _ = two_level(
        np.array([0.4, 0.35, 0.25]), [np.array([0.5, 0.5]), np.array([0.6, 0.4]), np.array([0.55, 0.45])]
    )
    a = monte_carlo(root, matrices, draws=2000, seed=7, chunk=700)
    b = monte_carlo(root, matrices, draws=2000, seed=7, chunk=700)
    c = monte_carlo(root, matrices, draws=2000, seed=8, chunk=700)
    np.testing.assert_array_equal(a.rank_probabilities, b.rank_probabilities)
    assert not np.array_equal(a.rank_probabilities, c.rank_probabilities)
    np.testing.assert_allclose(a.rank_probabilities.sum(axis=1), 1.0)
    np.testing.assert_allclose(a.rank_probabilities.sum(axis=0), 1.0)
    assert (a.rank_interval[:, 0] <= a.baseline_rank).all() and (a.baseline_rank <= a.rank_interval[:, 1]).all()


def test_perturbation_keeps_reciprocity_scale_and_missing_pairs():
    a = np.array([[1, 9, 1 / 3], [1 / 9, 1, 2], [3, 1 / 2, 1]])
    known = np.ones((3, 3), dtype=bool)
    known[1, 2] = known[2, 1] = False
    rng = np.random.default_rng(0)
    for noise in ("lognormal", "step"):
        p = perturb(a, known, rng, 1000, noise, 0.5)
        np.testing.assert_allclose(p[:, 0, 1] * p[:, 1, 0], 1.0)
        assert p[:, 0, 1].max() <= 9 and np.isnan(p[:, 1, 2]).all()
    steps = perturb(a, np.ones((3, 3), dtype=bool), rng, 3000, "step", 0)
    assert set(np.round(steps[:, 0, 2], 6)) == {round(1 / 4, 6), round(1 / 3, 6), round(1 / 2, 6)}


def test_monte_carlo_with_missing_judgments_completes_every_draw():
    root, matrices, _ = two_level(
        np.array([0.5, 0.3, 0.2]), [np.array([0.7, 0.3]), np.array([0.6, 0.4]), np.array([0.8, 0.2])]
    )
    goal = matrices["goal"].copy()
    goal[0, 2] = goal[2, 0] = np.nan
    mc = monte_carlo(root, {**matrices, "goal": goal}, draws=300, seed=1)
    np.testing.assert_allclose(mc.rank_probabilities.sum(axis=1), 1.0)


def test_monte_carlo_does_not_depend_on_the_chunk_size():
    root, matrices, _ = two_level(
        np.array([0.4, 0.35, 0.25]), [np.array([0.5, 0.5]), np.array([0.6, 0.4]), np.array([0.55, 0.45])]
    )
    a = monte_carlo(root, matrices, draws=1500, seed=5, chunk=1500)
    b = monte_carlo(root, matrices, draws=1500, seed=5, chunk=400)
    np.testing.assert_array_equal(a.rank_probabilities, b.rank_probabilities)
    np.testing.assert_array_equal(a.weight_percentiles, b.weight_percentiles)


DEMO = Path(__file__).resolve().parents[2] / "examples" / "retail-churn-demo.ahp.toml"


@pytest.mark.parametrize("mean", ["geometric", "arithmetic"])
def test_monte_carlo_baseline_is_the_ranking_shown_under_aip(mean):
    """Under AIP the draws used to perturb the AIJ-combined matrices, whose ranking is another one."""
    project = load_project(DEMO)
    project.settings = replace(project.settings, aggregation="aip", aip_mean=mean)
    shown = [leaf.path for leaf in project.ranking()]
    mc = project.monte_carlo(draws=200, seed=1)
    assert [mc.leaves[i] for i in np.argsort(mc.baseline_rank)] == shown
    still = project.monte_carlo(draws=50, seed=1, spread=0.0)
    np.testing.assert_allclose(still.rank_probabilities[np.arange(len(shown)), still.baseline_rank - 1], 1.0)


def test_monte_carlo_under_aip_does_not_depend_on_the_chunk_size():
    project = load_project(DEMO)
    project.settings = replace(project.settings, aggregation="aip")
    a = project.monte_carlo(draws=600, seed=3, chunk=600)
    b = project.monte_carlo(draws=600, seed=3, chunk=250)
    np.testing.assert_array_equal(a.rank_probabilities, b.rank_probabilities)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("draws", 0, "draws must be a whole number of at least 1; got 0"),
        ("seed", -1, "seed must be a whole number of 0 or more; got -1"),
        ("noise", "gauss", "unknown noise 'gauss'; choose one of lognormal, step"),
        ("spread", float("inf"), "spread must be a finite number of 0 or more; got inf"),
        ("spread", -0.5, "spread must be a finite number of 0 or more; got -0.5"),
        ("chunk", 0, "chunk must be a whole number of at least 1; got 0"),
    ],
)
def test_monte_carlo_options_out_of_range_are_ahp_errors(option, value, message):
    root, matrices, _ = two_level(np.array([0.5, 0.5]), [np.array([0.7, 0.3]), np.array([0.6, 0.4])])
    with pytest.raises(AHPError) as caught:
        monte_carlo(root, matrices, **{"draws": 10, option: value})
    assert str(caught.value) == message


def test_monte_carlo_needs_connected_judgments_at_every_node():
    root, matrices, _ = two_level(
        np.array([0.5, 0.3, 0.2]), [np.array([0.7, 0.3]), np.array([0.6, 0.4]), np.array([0.8, 0.2])]
    )
    with pytest.raises(AHPError) as caught:
        monte_carlo(root, {p: a for p, a in matrices.items() if p != "c1"}, draws=10)
    assert str(caught.value) == "Monte Carlo needs judgments at every node; 'c1' has none"
    goal = matrices["goal"].copy()
    goal[0, 1:] = goal[1:, 0] = np.nan
    with pytest.raises(AHPError) as caught:
        monte_carlo(root, {**matrices, "goal": goal}, draws=10)
    assert str(caught.value) == (
        "Monte Carlo needs judgments that connect every element at each node; those at 'goal' do not"
    )
