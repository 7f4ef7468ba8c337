"""The Perron vector by repeated squaring, on every path, against a full eigen-decomposition."""

import numpy as np
import pytest

from ahp.core.scale import SCALE_ARRAY
from ahp.core.weights import perron, perron_many


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


@pytest.mark.parametrize("n", [2, 3, 4, 7, 15, 40])
def test_one_matrix_agrees_with_eig(n):
    for a in random_judgments(np.random.default_rng(n), n, 30):
        lam, w = perron(a)
        lam_eig, w_eig = eig_perron(a)
        assert lam == pytest.approx(lam_eig, rel=1e-9)
        np.testing.assert_allclose(w, w_eig, atol=1e-9)


@pytest.mark.parametrize("m", [3, 200])  # a block-diagonal matrix, then the stacked path
def test_stacks_agree_with_eig(m):
    stack = random_judgments(np.random.default_rng(m), 5, m)
    lam, w = perron(stack.reshape(1, m, 5, 5))
    assert lam.shape == (1, m) and w.shape == (1, m, 5)
    for a, lam_k, w_k in zip(stack, lam[0], w[0]):
        lam_eig, w_eig = eig_perron(a)
        assert lam_k == pytest.approx(lam_eig, rel=1e-9)
        np.testing.assert_allclose(w_k, w_eig, atol=1e-9)


def test_matrices_of_mixed_sizes_together():
    rng = np.random.default_rng(3)
    matrices = [random_judgments(rng, n, 1)[0] for n in (4, 5, 3, 4, 2, 6)]
    lams, ws = perron_many(matrices)
    for a, lam, w in zip(matrices, lams, ws):
        lam_eig, w_eig = eig_perron(a)
        assert lam == pytest.approx(lam_eig, rel=1e-9)
        np.testing.assert_allclose(w, w_eig, atol=1e-9)


def test_slow_convergence_falls_back_to_eig():
    # |lambda_2| / lambda_1 = 0.999: squaring cannot settle it, so eig answers, for one matrix,
    # a block of a few and a large stack alike.
    a = np.array([[1.0, 0.001], [0.001, 1.0]])
    assert perron(a)[0] == pytest.approx(1.001, rel=1e-12)
    lams, ws = perron_many([a, np.ones((3, 3))])
    assert lams == pytest.approx([1.001, 3.0], rel=1e-12)
    lam, w = perron(np.broadcast_to(a, (100, 2, 2)).copy())
    np.testing.assert_allclose(lam, 1.001, rtol=1e-12)
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
        lams, ws = perron_many([a, np.ones((3, 3))])
    assert lam == pytest.approx(lam_eig, rel=1e-9)
    np.testing.assert_allclose(w, w_eig, atol=1e-9)
    assert lams[0] == pytest.approx(lam_eig, rel=1e-9)
    np.testing.assert_allclose(ws[0], w_eig, atol=1e-9)
