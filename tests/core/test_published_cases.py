"""The published cases of shared/reference/published_cases.md, each named after its source."""

from __future__ import annotations

import numpy as np
import pytest

from ahp import priorities
from ahp.core.completion import complete
from ahp.core.group import aggregate_judgments
from ahp.core.hierarchy import Node, synthesize
from ahp.core.matrix import from_upper
from ahp.core.weights import weights

NAN = np.nan


def test_eigenvector_harker_superdecisions_c1():
    r = priorities([[1, 2, 3], [1 / 2, 1, 2], [1 / 3, 1 / 2, 1]])
    np.testing.assert_allclose(r.weights, [0.5396145, 0.2969613, 0.1634241], atol=1e-6)
    assert r.lambda_max == pytest.approx(3.00920, abs=1e-5)
    assert r.ci == pytest.approx(0.00460, abs=1e-5)
    assert r.ri == 0.58 and r.ri_table == "saaty1980"
    assert r.cr == pytest.approx(0.0079, abs=1e-4)
    gm = priorities(r.matrix, method="geometric-mean")
    np.testing.assert_allclose(gm.weights, r.weights, atol=1e-6)


DRINKS = [
    [1, 9, 5, 2, 1, 1, 1 / 2],
    [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
    [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [1, 9, 4, 2, 1, 2, 1 / 2],
    [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1],
]


def test_eigenvector_saaty2008_drinks_c2():
    r = priorities(DRINKS)
    exact = [0.17745675, 0.01914948, 0.04183118, 0.11641703, 0.18957238, 0.12878055, 0.32679264]
    np.testing.assert_allclose(r.weights, exact, atol=1e-6)
    np.testing.assert_allclose(np.round(r.weights, 3), [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327])
    assert r.lambda_max == pytest.approx(7.17663, abs=1e-5)
    assert r.ci == pytest.approx(0.02944, abs=1e-5)
    assert r.cr == pytest.approx(0.0223, abs=1e-4)


@pytest.mark.parametrize(
    ("table", "ri", "cr"), [("saaty1980", 1.32, 0.0223), ("saaty2005", 1.35, 0.0218), ("donegan-dodd", 1.2519, 0.0235)]
)
def test_cr_by_ri_table_saaty2008_drinks_c2(table, ri, cr):
    r = priorities(DRINKS, random_index=table)
    assert (r.ri, r.ri_table) == (ri, table)
    assert r.cr == pytest.approx(cr, abs=1e-4)


def test_geometric_mean_saaty2008_drinks_c2():
    r = priorities(DRINKS, method="geometric-mean")
    np.testing.assert_allclose(r.weights, [0.1787, 0.0185, 0.0422, 0.1165, 0.1911, 0.1286, 0.3243], atol=5e-5)
    assert r.gci is not None and r.gci_threshold == 0.37


def test_leader_wikipedia_c3_distributive_synthesis():
    criteria = from_upper(4, [4, 3, 7, 1 / 3, 3, 5])
    r = priorities(criteria)
    np.testing.assert_allclose(r.weights, [0.547569, 0.126555, 0.269950, 0.055926], atol=1e-6)
    # The source prints 4.11837; the exact principal eigenvalue is 4.118418 (same CR to 4 d.p.).
    assert r.lambda_max == pytest.approx(4.11837, abs=1e-4)
    assert r.cr == pytest.approx(0.0439, abs=1e-4)
    # Alternatives repeat under every criterion: synthesise as a hierarchy whose leaves are
    # (criterion, candidate) and add up each candidate's global weights.
    candidates = ("tom", "dick", "harry")
    crits = ("experience", "education", "charisma", "age")
    root = Node("goal", "Leader", children=tuple(
        Node(c, c, children=tuple(Node(k, k) for k in candidates)) for c in crits
    ))
    matrices = {
        "goal": criteria,
        "experience": from_upper(3, [1 / 4, 4, 9]),
        "education": from_upper(3, [3, 1 / 5, 1 / 7]),
        "charisma": from_upper(3, [5, 9, 4]),
        "age": from_upper(3, [1 / 3, 5, 9]),
    }
    s = synthesize(root, matrices)
    overall = {k: sum(leaf.global_weight for leaf in s.ranking if leaf.node.id == k) for k in candidates}
    assert overall == pytest.approx({"tom": 0.358, "dick": 0.493, "harry": 0.149}, abs=1e-3)


# Case C4: ahpsurvey README, `indpref`; signed survey coding (v < 0: the first attribute matters |v| times more).
AHPSURVEY = [
    ([2, -2, 2, -6, -4, -4, -8, 4, -3, -8], [0.1709466, 0.4587181, 0.08547330, 0.2507636, 0.03409845], 0.06125366),
    ([2, -4, 1, -4, -4, -2, -8, 4, -3, -7], [0.2291009, 0.3935620, 0.08292558, 0.2531962, 0.04121537], 0.02962755),
    ([4, -2, 1, -3, -7, -3, -5, 4, -3, -6], [0.1540045, 0.4921905, 0.08239372, 0.2213908, 0.05002052], 0.06327989),
    ([8, -4, 3, -4, -8, 1, -7, 4, -3, -9], [0.1242495, 0.4634863, 0.06162027, 0.3159930, 0.03465092], 0.09308731),
    ([3, -3, 5, -6, -8, 1, -4, 4, -3, -6], [0.1521676, 0.3556904, 0.07239889, 0.3748108, 0.04493236], 0.10604443),
    ([6, -4, 2, -4, -7, -2, -4, 4, -3, -6], [0.1536560, 0.4738939, 0.07106456, 0.2516808, 0.04970479], 0.10740624),
]


def ahpsurvey_matrix(codes: list[int]) -> np.ndarray:
    return from_upper(5, [abs(v) if v < 0 else 1 / v for v in codes])


@pytest.mark.parametrize(("number", "case"), list(enumerate(AHPSURVEY, start=1)))
def test_eigenvector_ahpsurvey_indpref_c4(number, case):
    codes, published, published_cr = case
    r = priorities(ahpsurvey_matrix(codes), random_index="saaty2005", threshold="saaty1980")
    np.testing.assert_allclose(r.weights, published, atol=1e-7)
    assert r.ri == 1.11
    assert r.cr == pytest.approx(published_cr, abs=1e-7)
    # The CR <= 0.10 edge: respondent 4 passes, 5 and 6 fail.
    if number == 4:
        assert r.consistent
    if number in (5, 6):
        assert not r.consistent and r.suggestions


def test_aij_is_eigenvector_of_geometric_mean_ahpsurvey_c4():
    stack = np.stack([ahpsurvey_matrix(codes) for codes, _, _ in AHPSURVEY])
    combined = aggregate_judgments(stack)
    expected = np.exp(np.log(stack).mean(axis=0))
    np.testing.assert_allclose(combined, expected)
    np.testing.assert_allclose(combined * combined.T, np.ones((5, 5)))
    np.testing.assert_allclose(priorities(combined).weights, weights(expected), atol=1e-12)


def test_aggregation_fact_aczel_saaty_1983():
    stack = np.array([[[1, v], [1 / v, 1]] for v in (2, 3, 4)], dtype=float)
    combined = aggregate_judgments(stack)
    assert combined[0, 1] == pytest.approx(2.8845, abs=1e-4)
    assert combined[1, 0] == pytest.approx((1 / 2 * 1 / 3 * 1 / 4) ** (1 / 3))


BFR = [[1, 1, 5, 2], [1, 1, 3, 4], [1 / 5, 1 / 3, 1, NAN], [1 / 2, 1 / 4, NAN, 1]]


def test_lambda_max_completion_bozoki_fulop_ronyai_2010_c5():
    r = priorities(BFR)
    assert r.completion == "lambda-max" and r.missing == 1
    assert r.completed[2, 3] == pytest.approx(0.7302965066047, abs=1e-6)
    assert r.completed[3, 2] == pytest.approx(1 / 0.7302965066047, rel=1e-6)
    np.testing.assert_allclose(r.weights, [0.3738, 0.3920, 0.0985, 0.1357], atol=5e-5)
    assert r.lambda_max == pytest.approx(4.092367, abs=1e-6)


def test_harker_completion_c5():
    completed = complete(np.array(BFR, dtype=float), "harker")
    assert completed[2, 3] == pytest.approx(0.7212, abs=1e-4)


def test_column_mean_chinese_exam_c6():
    a = [[1, 3, 3, 7], [1 / 3, 1, 1, 5], [1 / 3, 1, 1, 3], [1 / 7, 1 / 5, 1 / 3, 1]]
    np.testing.assert_allclose(np.round(priorities(a, method="column-mean").weights, 2), [0.53, 0.22, 0.19, 0.06])
    r = priorities(a)
    np.testing.assert_allclose(r.weights, [0.5347, 0.2175, 0.1881, 0.0597], atol=5e-5)
    assert r.lambda_max == pytest.approx(4.0571, abs=1e-4)
    assert r.cr == pytest.approx(0.0211, abs=1e-4)
    gm = priorities(a, method="geometric-mean")
    np.testing.assert_allclose(gm.weights, [0.5350, 0.2158, 0.1899, 0.0593], atol=5e-5)


@pytest.mark.parametrize("method", ["eigenvector", "geometric-mean", "column-mean"])
def test_consistent_matrix_r_package_ahp_c7(method):
    r = priorities([[1, 6, 3], [1 / 6, 1, 1 / 2], [1 / 3, 2, 1]], method=method)
    np.testing.assert_allclose(r.weights, [2 / 3, 1 / 9, 2 / 9], atol=1e-12)
    assert r.lambda_max == pytest.approx(3)
    assert r.cr == pytest.approx(0, abs=1e-12) and r.consistent and not r.suggestions
