"""RI tables, thresholds, GCI and the hierarchy CR against published_cases.md and hand computation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ahp import priorities
from ahp.core.consistency import RI_TABLES, random_index, threshold
from ahp.core.hierarchy import Node, synthesize
from ahp.core.matrix import from_upper

# shared/reference/published_cases.md, "Random index (RI) tables", n = 3..15, copied as printed.
# Saaty 1980 at n = 12 "varies by source"; 1.48 is the value printed in Saaty's own table.
PUBLISHED_RI = {
    "saaty1980": [0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
    "saaty2005": [0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59],
    "donegan-dodd": [0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643,
                     1.4822, 1.4969],
    "alonso-lamata": [0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551,
                      1.5713, 1.5838],
    # 龚木森 & 许树柏 (1986), the "Chinese textbook table"
    "gong-xu1986": [0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59],
}
# "Donegan & Dodd continue past 15" (same file).
DONEGAN_DODD_LARGE = {16: 1.5078, 17: 1.5153, 18: 1.5262, 19: 1.5313, 20: 1.5371, 25: 1.5619, 30: 1.5772,
                      40: 1.5976, 50: 1.6102, 60: 1.6178, 70: 1.6237, 80: 1.6277, 90: 1.6213, 100: 1.6339}


def test_every_table_is_covered():
    assert set(PUBLISHED_RI) == set(RI_TABLES)


@pytest.mark.parametrize("table", sorted(PUBLISHED_RI))
@pytest.mark.parametrize("n", range(1, 16))
def test_every_ri_entry_published_cases(table, n):
    expected = 0.0 if n <= 2 else PUBLISHED_RI[table][n - 3]
    assert random_index(n, table) == (expected, table)


@pytest.mark.parametrize(("n", "ri"), sorted(DONEGAN_DODD_LARGE.items()))
def test_donegan_dodd_beyond_15_published_cases(n, ri):
    assert random_index(n, "donegan-dodd") == (ri, "donegan-dodd")


def test_donegan_dodd_between_its_entries_is_interpolated():
    # halfway between 20 (1.5371) and 25 (1.5619), 2/5 of the way at 22
    expected = round(1.5371 + 0.4 * (1.5619 - 1.5371), 4)
    assert random_index(22, "donegan-dodd") == (expected, "donegan-dodd (interpolated)")


@pytest.mark.parametrize("table", ["saaty1980", "saaty2005", "alonso-lamata", "gong-xu1986"])
def test_beyond_a_table_alonso_lamata_formula_alonso_lamata_2006(table):
    # RI(n) = (1.7699 n - 4.3513) / (n - 1): at 16, 23.9671 / 15
    assert random_index(16, table) == (1.5978, "alonso-lamata formula")


@pytest.mark.parametrize(
    ("n", "saaty1994", "saaty1980"),
    [(2, 0.10, 0.10), (3, 0.05, 0.10), (4, 0.08, 0.10), (5, 0.10, 0.10), (9, 0.10, 0.10)],
)
def test_thresholds_published_cases(n, saaty1994, saaty1980):
    assert (threshold(n, "saaty1994"), threshold(n, "saaty1980")) == (saaty1994, saaty1980)


def test_saaty1994_rejects_a_4x4_at_cr_009_that_saaty1980_accepts():
    a = from_upper(4, [1, 1, 1, 1, 1, 4])
    strict, general = priorities(a), priorities(a, threshold="saaty1980")
    assert 0.08 < strict.cr < 0.10 and strict.threshold == 0.08 and not strict.consistent
    assert general.threshold == 0.10 and general.consistent


def test_cr_equal_to_the_threshold_is_consistent():
    a = from_upper(4, [1, 1, 1, 1, 1, 4])
    cr = priorities(a).cr
    assert priorities(a, threshold=cr).consistent  # the rule is cr <= limit
    assert not priorities(a, threshold=float(np.nextafter(cr, 0))).consistent


def test_gci_of_c1_by_hand_crawford_williams_1985():
    # Row geometric means of [[1, 2, 3], [1/2, 1, 2], [1/3, 1/2, 1]] are 6^(1/3), 1, 6^(-1/3), so each
    # log(a_ij w_j / w_i) is +-(log 2 - log 6 / 3) = +-log(4/3) / 3, and with n = 3 the factor
    # 2 / ((n - 1)(n - 2)) is 1: GCI = 3 (log(4/3) / 3)^2 = log(4/3)^2 / 3.
    r = priorities([[1, 2, 3], [1 / 2, 1, 2], [1 / 3, 1 / 2, 1]], method="geometric-mean")
    assert r.gci == pytest.approx(math.log(4 / 3) ** 2 / 3, rel=1e-12)
    assert r.gci == pytest.approx(0.0275870, abs=1e-7)
    assert r.gci_threshold == 0.31


def lambda_max_3x3(a12: float, a13: float, a23: float) -> float:
    """The principal eigenvalue of a 3x3 reciprocal matrix in closed form: 1 + t + 1/t, t = (a13 / (a12 a23))^(1/3)."""
    t = (a13 / (a12 * a23)) ** (1 / 3)
    return 1 + t + 1 / t


def test_hierarchy_cr_of_the_leader_case_by_hand_c3():
    # published_cases.md C3; CR_total = sum_j a_j CI_j / sum_j a_j RI_j over the four 3x3 matrices
    # under the criteria (the criteria matrix itself does not count), RI(3) = 0.58 for each.
    subs = {"experience": (1 / 4, 4, 9), "education": (3, 1 / 5, 1 / 7), "charisma": (5, 9, 4), "age": (1 / 3, 5, 9)}
    criteria = [0.547569, 0.126555, 0.269950, 0.055926]  # the exact criteria vector, published
    ci = [(lambda_max_3x3(*subs[c]) - 3) / 2 for c in subs]
    expected = sum(a * c for a, c in zip(criteria, ci, strict=True)) / (0.58 * sum(criteria))
    root = Node("goal", "Leader", children=tuple(
        Node(c, c, children=tuple(Node(k, k) for k in ("tom", "dick", "harry"))) for c in subs
    ))
    matrices = {"goal": from_upper(4, [4, 3, 7, 1 / 3, 3, 5])} | {c: from_upper(3, list(v)) for c, v in subs.items()}
    s = synthesize(root, matrices)
    assert s.cr_total == pytest.approx(expected, abs=1e-6)
    # By hand: CI = 0.01846, 0.03245, 0.03565, 0.01452; weighted 0.024651 / 0.58 = 0.0425.
    assert s.cr_total == pytest.approx(0.0425, abs=1e-4)
