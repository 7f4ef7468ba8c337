"""Fuzzy comprehensive evaluation (模糊综合评价): one unit worked out by hand, and properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ahp.core.fuzzy import churn_degree, compose, evaluate, grade_levels, membership
from ahp.errors import AHPError

LEVELS = np.array([0.0, 0.25, 0.5, 0.75, 1.0])  # 很好 较好 一般 较差 很差


def test_one_store_by_hand_weighted_average():
    # Answers of 50 customers on two factors; the third is rated 较差 by the consultant.
    counts = np.array([[10, 20, 10, 5, 5], [0, 10, 20, 15, 5], [0, 0, 0, 1, 0]])
    # R, rows divided by their sums (50, 50, 1):
    R = [[0.2, 0.4, 0.2, 0.1, 0.1], [0.0, 0.2, 0.4, 0.3, 0.1], [0.0, 0.0, 0.0, 1.0, 0.0]]
    W = np.array([0.5, 0.3, 0.2])
    # B = W · R, grade by grade:
    #   很好 0.5*0.2                 = 0.10
    #   较好 0.5*0.4 + 0.3*0.2       = 0.26
    #   一般 0.5*0.2 + 0.3*0.4       = 0.22
    #   较差 0.5*0.1 + 0.3*0.3 + 0.2 = 0.34
    #   很差 0.5*0.1 + 0.3*0.1       = 0.08
    # degree = 100 * (0.25*0.26 + 0.5*0.22 + 0.75*0.34 + 1*0.08) = 100 * 0.51 = 51
    # maximum membership: 0.34, 较差 (index 3)
    np.testing.assert_allclose(membership(counts), R)
    e = evaluate(W, membership(counts), LEVELS)
    assert e.membership.tolist() == pytest.approx([0.10, 0.26, 0.22, 0.34, 0.08])
    assert e.degree == pytest.approx(51.0)
    assert e.grade == 3


def test_one_store_by_hand_main_factor_operator():
    R = membership(np.array([[10, 20, 10, 5, 5], [0, 10, 20, 15, 5], [0, 0, 0, 1, 0]]))
    # min(w_i, r_ij): 0.5 -> [.2 .4 .2 .1 .1]; 0.3 -> [0 .2 .3 .3 .1]; 0.2 -> [0 0 0 .2 0]
    # max by column [.2 .4 .3 .3 .1], sum 1.3, so B = [2, 4, 3, 3, 1] / 13
    # degree = 100 * (0.25*4 + 0.5*3 + 0.75*3 + 1) / 13 = 575 / 13 = 44.2307...; maximum: 较好
    e = evaluate(np.array([0.5, 0.3, 0.2]), R, LEVELS, "main-factor")
    assert e.membership.tolist() == pytest.approx([2 / 13, 4 / 13, 3 / 13, 3 / 13, 1 / 13])
    assert e.degree == pytest.approx(575 / 13)
    assert e.grade == 1


def test_unrated_factors_are_left_out_and_the_rest_reweighted():
    R = np.array([[0.0, 1.0], [np.nan, np.nan]])
    assert compose(np.array([0.25, 0.75]), R).tolist() == [0.0, 1.0]
    e = evaluate(np.array([0.25, 0.75]), np.full((2, 2), np.nan), np.array([0.0, 1.0]))
    assert np.isnan(e.degree) and e.grade is None


def test_an_unknown_operator_is_refused():
    with pytest.raises(AHPError, match="^operator must be one of weighted-average, main-factor; got 'max'$"):
        compose(np.array([1.0]), np.array([[1.0, 0.0]]), "max")


def test_grade_levels_put_the_best_at_0_and_the_worst_at_1():
    assert grade_levels(np.array([0.1, 0.4, 0.7])).tolist() == pytest.approx([0.0, 0.5, 1.0])


counts = arrays(float, st.tuples(st.integers(1, 6), st.just(5)), elements=st.integers(0, 50).map(float))
weights = arrays(float, 6, elements=st.floats(0.01, 1.0))


@given(counts, weights)
def test_b_is_a_distribution_and_a_one_grade_rating_gives_that_grades_level(c, w):
    c[:, 0] += 1  # every row has an answer
    w = w[: len(c)]
    for operator in ("weighted-average", "main-factor"):
        b = compose(w, membership(c), operator)
        assert b.sum() == pytest.approx(1.0) and (b >= 0).all()
        assert 0 <= churn_degree(b, LEVELS) <= 100 + 1e-9
    one = np.zeros_like(c)
    one[:, 3] = 1
    assert evaluate(w, membership(one), LEVELS).degree == pytest.approx(75.0)
