"""Properties that hold for every input (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ahp import priorities
from ahp.core.consistency import RI_TABLES, random_index
from ahp.core.matrix import from_upper
from ahp.core.scale import SCALE

METHODS = ["eigenvector", "geometric-mean", "column-mean"]


@st.composite
def weight_vectors(draw, max_n: int = 9):
    """Weights whose ratios stay within [1/9, 9], so w_i/w_j is a valid judgment."""
    n = draw(st.integers(1, max_n))
    w = np.array(draw(st.lists(st.floats(1.0, 3.0), min_size=n, max_size=n)))
    return w / w.sum()


@st.composite
def saaty_matrices(draw, min_n: int = 1, max_n: int = 10):
    n = draw(st.integers(min_n, max_n))
    values = draw(st.lists(st.sampled_from(SCALE), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2))
    return from_upper(n, values)


@settings(max_examples=60, deadline=None)
@given(weight_vectors(), st.sampled_from(METHODS))
def test_consistent_matrix_returns_its_weights_with_cr_zero(w, method):
    a = w[:, None] / w[None, :]
    r = priorities(a, method=method)
    np.testing.assert_allclose(r.weights, w, atol=1e-9)
    assert r.cr == pytest.approx(0, abs=1e-9) and r.consistent
    assert not r.suggestions


@settings(max_examples=60, deadline=None)
@given(saaty_matrices(min_n=2), st.sampled_from(METHODS), st.randoms(use_true_random=False))
def test_permuting_elements_permutes_weights(a, method, rnd):
    n = a.shape[0]
    perm = list(range(n))
    rnd.shuffle(perm)
    r = priorities(a, method=method)
    rp = priorities(a[np.ix_(perm, perm)], method=method)
    np.testing.assert_allclose(rp.weights, r.weights[perm], atol=1e-9)
    assert rp.cr == pytest.approx(r.cr, abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(saaty_matrices(), st.sampled_from(METHODS), st.sampled_from(RI_TABLES))
def test_results_are_finite_and_weights_sum_to_one(a, method, table):
    r = priorities(a, method=method, random_index=table)
    assert np.isfinite(r.weights).all() and (r.weights > 0).all()
    assert r.weights.sum() == pytest.approx(1)
    assert np.isfinite([r.lambda_max, r.ci, r.cr]).all()
    assert r.lambda_max >= r.n - 1e-9
    for s in r.suggestions:
        assert s.row < s.col and s.suggested in SCALE and s.cr_after <= r.cr + 1e-12


@settings(max_examples=40, deadline=None)
@given(saaty_matrices(min_n=3, max_n=7), st.data())
def test_completion_keeps_known_judgments_and_reciprocity(a, data):
    n = a.shape[0]
    # Remove pairs off a spanning path (0-1-2-...), so the known judgments stay connected.
    off_path = [(i, j) for i in range(n) for j in range(i + 2, n)]
    drop = data.draw(st.lists(st.sampled_from(off_path), unique=True, max_size=len(off_path))) if off_path else []
    b = a.copy()
    for i, j in drop:
        b[i, j] = b[j, i] = np.nan
    r = priorities(b)
    full = r.completed if drop else r.matrix
    known = ~np.isnan(b)
    np.testing.assert_allclose(full[known], a[known])
    np.testing.assert_allclose(full * full.T, np.ones((n, n)), atol=1e-9)


@settings(max_examples=60, deadline=None)
@given(saaty_matrices(min_n=3, max_n=9), st.data())
def test_lambda_max_completion_is_optimal_by_numpys_eigenvectors(a, data):
    """At the optimum, d lambda_max / d log a_ij = (u_i a_ij w_j - u_j a_ji w_i) / u'w is zero for
    every missing pair; u and w here come from numpy's eig, not from our Perron code."""
    from ahp.core.completion import complete

    n = a.shape[0]
    off_path = [(i, j) for i in range(n) for j in range(i + 2, n)]
    drop = data.draw(st.lists(st.sampled_from(off_path), unique=True, min_size=1, max_size=len(off_path)))
    b = a.copy()
    for i, j in drop:
        b[i, j] = b[j, i] = np.nan
    full = complete(b)

    def perron_vector(m):
        values, vectors = np.linalg.eig(m)
        v = np.abs(vectors[:, values.real.argmax()].real)
        return v / v.sum()

    w, u = perron_vector(full), perron_vector(full.T)
    for i, j in drop:
        push, pull = u[i] * full[i, j] * w[j], u[j] * full[j, i] * w[i]
        assert abs(push - pull) <= 1e-9 * (push + pull), (i, j)


def test_lambda_max_completion_is_no_worse_than_harker():
    rng = np.random.default_rng(7)
    for _ in range(20):
        n = 6
        a = from_upper(n, list(rng.choice(SCALE, n * (n - 1) // 2)))
        for i, j in [(0, 3), (1, 4), (2, 5), (0, 5)]:
            a[i, j] = a[j, i] = np.nan
        assert priorities(a).lambda_max <= priorities(a, completion="harker").lambda_max + 1e-9


def test_n_up_to_100_works_and_ri_is_named():
    rng = np.random.default_rng(1)
    for n, table in ((15, "saaty1980"), (50, "alonso-lamata"), (100, "donegan-dodd"), (50, "saaty1980")):
        a = from_upper(n, list(rng.choice(SCALE, n * (n - 1) // 2)))
        r = priorities(a, random_index=table)
        assert r.weights.shape == (n,) and np.isfinite(r.cr)
    assert random_index(50, "saaty1980") == (pytest.approx(1.7172), "alonso-lamata formula")
    halfway = pytest.approx((1.5976 + 1.6102) / 2, abs=1e-4)
    assert random_index(45, "donegan-dodd") == (halfway, "donegan-dodd (interpolated)")
    assert random_index(100, "donegan-dodd") == (1.6339, "donegan-dodd")


def test_n_le_2_is_always_consistent():
    assert priorities([[1]]).weights.tolist() == [1.0]
    r = priorities([[1, 9], [1 / 9, 1]])
    assert r.cr == 0 and r.consistent and r.weights == pytest.approx([0.9, 0.1])


def test_stack_completion_matches_one_by_one_and_connectivity_is_vectorised():
    from ahp.core.completion import complete, complete_stack, connected

    rng = np.random.default_rng(3)
    stack = np.stack([from_upper(5, list(rng.choice(SCALE, 10))) for _ in range(6)])
    holes = [[(0, 2)], [(0, 2), (1, 3), (2, 4)], [], [(0, 4), (1, 4)], [(3, 4)], [(0, 1), (0, 2), (0, 3)]]
    for a, pairs in zip(stack, holes, strict=True):
        for i, j in pairs:
            a[i, j] = a[j, i] = np.nan
    assert connected(stack).all()
    together = complete_stack(stack)
    for a, c in zip(stack, together, strict=True):
        np.testing.assert_allclose(c, complete(a), rtol=1e-9)
    cut = stack[:2].copy()
    cut[1, 4, :4] = cut[1, :4, 4] = np.nan
    assert connected(cut).tolist() == [True, False]


def test_stack_completion_when_one_matrix_misses_pair_0_1_and_another_misses_more():
    from ahp.core.completion import complete, complete_stack

    rng = np.random.default_rng(11)
    a, b = (from_upper(5, list(rng.choice(SCALE, 10))) for _ in range(2))
    a[0, 1] = a[1, 0] = np.nan
    for i, j in [(0, 2), (1, 3), (2, 4)]:
        b[i, j] = b[j, i] = np.nan
    together = complete_stack(np.stack([a, b]))
    np.testing.assert_allclose(together[0], complete(a), rtol=1e-9)
    np.testing.assert_allclose(together[1], complete(b), rtol=1e-9)


@settings(max_examples=60, deadline=None)
@given(saaty_matrices(min_n=3), st.sampled_from(METHODS))
def test_textbook_lambda_max_is_at_least_n_and_the_eigenvalue_for_the_eigenvector(a, method):
    textbook = priorities(a, method=method, lambda_max="textbook")
    assert textbook.lambda_max >= a.shape[0] - 1e-9 and textbook.ci >= 0
    if method == "eigenvector":
        assert textbook.lambda_max == pytest.approx(priorities(a).lambda_max, rel=1e-9)
