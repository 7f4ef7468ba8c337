"""The plain-Python check of small matrices agrees with the numpy checks on every input."""

import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from ahp.core import matrix
from ahp.core.matrix import checked_matrix
from ahp.core.scale import SCALE_ARRAY
from ahp.errors import JudgmentError

NAN = math.nan
VALUES = [*SCALE_ARRAY.tolist(), NAN, 0.333, 10.0, 0.1, -1.0, 0.0, math.inf]


@st.composite
def matrices(draw):
    n = draw(st.integers(1, 6))
    a = np.ones((n, n))
    for i in range(n):
        a[i, i] = draw(st.sampled_from([1.0, 1.0, 1.0, NAN, 2.0]))
        for j in range(i + 1, n):
            x = draw(st.sampled_from(VALUES))
            mirror = draw(st.sampled_from(["reciprocal", "reciprocal", "nan", "other"]))
            a[i, j] = x
            a[j, i] = {"reciprocal": 1 / x if x else math.inf, "nan": NAN}.get(mirror, draw(st.sampled_from(VALUES)))
    return a


def outcome(a: np.ndarray):
    try:
        b, complete = checked_matrix(a)
    except JudgmentError as exc:
        return str(exc)
    return np.nan_to_num(b, nan=-7.0).tolist(), complete


@settings(max_examples=300, deadline=None)
@given(matrices())
def test_quick_check_agrees_with_numpy_checks(a):
    quick = outcome(a)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(matrix, "_QUICK_UP_TO", 0)  # every matrix through the numpy checks
        slow = outcome(a)
    assert quick == slow


def test_missing_pairs_take_the_quick_path():
    a = np.array([[1, 2, NAN], [0.5, 1, 3], [NAN, 1 / 3, 1]])
    b, complete = checked_matrix(a)
    assert complete is False and np.isnan(b[0, 2]) and np.isnan(b[2, 0])
