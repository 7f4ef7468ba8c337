"""The Perron vector by repeated squaring (stacked, with an eig fallback) against a full eigen-decomposition."""

import numpy as np
import pytest

from ahp.core.scale import SCALE_ARRAY
from ahp.core.weights import perron


def eig_perron(a: np.ndarray) -> tuple[float, np.ndarray]:
    lam, vecs = np.linalg.eig(a)
    k = int(lam.real.argmax())
    w = vecs[:, k].real
    return float(lam[k].real), w / w.sum()


def random_judgments(rng: np.random.Generator, n: int, m: int) -> np.ndarray:
    """m reciprocal n x n matrices with upper triangles drawn from Saaty's scale: often badly inconsistent."""
    a = np.ones((m, n, n))
    i, j = np.triu_indices(n, 1)
    values = rng.choice(SCALE_ARRAY, size=(m, len(i)))
    a[:, i, j] = values
    a[:, j, i] = 1 / values
    return a


@pytest.mark.parametrize("n", [1, 2, 3, 4, 7, 15, 40])
def test_one_matrix_agrees_with_eig(n):
    for a in random_judgments(np.random.default_rng(n), n, 30):
        lam, w = perron(a)
        lam_eig, w_eig = eig_perron(a)
        assert lam.shape == () and w.shape == (n,)
        assert lam == pytest.approx(lam_eig, rel=1e-9)
        np.testing.assert_allclose(w, w_eig, atol=1e-9)


@pytest.mark.parametrize("m", [3, 200])
def test_stacks_agree_with_eig(m):
    stack = random_judgments(np.random.default_rng(m), 5, m)
    lam, w = perron(stack.reshape(1, m, 5, 5))
    assert lam.shape == (1, m) and w.shape == (1, m, 5)
    for a, lam_k, w_k in zip(stack, lam[0], w[0], strict=True):
        lam_eig, w_eig = eig_perron(a)
        assert lam_k == pytest.approx(lam_eig, rel=1e-9)
        np.testing.assert_allclose(w_k, w_eig, atol=1e-9)


def test_a_matrix_gets_the_same_numbers_alone_and_in_any_stack():
    stack = random_judgments(np.random.default_rng(5), 4, 50)
    lam, w = perron(stack)
    alone = [perron(a) for a in stack[:5]]
    np.testing.assert_array_equal(lam[:5], [x for x, _ in alone])
    np.testing.assert_array_equal(w[:5], [y for _, y in alone])


def test_slow_convergence_falls_back_to_eig():
    # |lambda_2| / lambda_1 = 0.999: squaring cannot settle it, so eig answers, alone and in a stack.
    a = np.array([[1.0, 0.001], [0.001, 1.0]])
    assert perron(a)[0] == pytest.approx(1.001, rel=1e-12)
    lam, w = perron(np.stack([a, np.ones((2, 2)), a]))
    np.testing.assert_allclose(lam, [1.001, 2.0, 1.001], rtol=1e-12)
    np.testing.assert_allclose(w, 0.5, rtol=1e-12)


def test_stack_laid_out_by_column_gives_the_same():
    # perturb's stacks lie in memory one matrix per column; the result must not depend on layout.
    stack = random_judgments(np.random.default_rng(7), 4, 300)
    by_column = np.ascontiguousarray(stack.transpose(1, 2, 0)).transpose(2, 0, 1)
    lam, w = perron(by_column)
    lam_c, w_c = perron(stack)
    np.testing.assert_array_equal(lam, lam_c)
    np.testing.assert_array_equal(w, w_c)


@pytest.mark.parametrize("scale", [1e-30, 1e30])
def test_entries_far_off_the_scale_still_agree(scale):
    # A^16 underflows or overflows (numpy warns): the check rejects it and eig answers.
    a = random_judgments(np.random.default_rng(11), 4, 1)[0] * scale
    lam_eig, w_eig = eig_perron(a)
    with np.errstate(all="ignore"):
        lam, w = perron(a)
    assert lam == pytest.approx(lam_eig, rel=1e-9)
    np.testing.assert_allclose(w, w_eig, atol=1e-9)
