"""Consistency: random index tables, acceptance thresholds, CI, CR and GCI.

>>> random_index(7, "saaty1980"), random_index(7, "donegan-dodd")
((1.32, 'saaty1980'), (1.2519, 'donegan-dodd'))
>>> random_index(50, "saaty1980")
(1.7172, 'alonso-lamata formula')
>>> threshold(3, "saaty1994"), threshold(7, "saaty1994"), threshold(4, 0.2)
(0.05, 0.1, 0.2)
"""

from __future__ import annotations

import numpy as np

from ahp.errors import AHPError

# Random index tables, RI(n) for n = 3..15 (RI(1) = RI(2) = 0 in every table).
# Sources, as collected in shared/reference/published_cases.md:
#   saaty1980     Saaty, T.L. (1980) The Analytic Hierarchy Process. McGraw-Hill.
#                 n=12 varies by source; 1.48 is the value printed in Saaty's table.
#   saaty2005     Saaty, T.L. (2005) Theory and Applications of the AHP. RWS.
#   donegan-dodd  Donegan, H.A. & Dodd, F.J. (1991) Math. Comput. Modelling 15(10):135-137;
#                 also tabulated for 16..20, 25..100 (step 10); gaps are interpolated linearly.
#   alonso-lamata Alonso, J.A. & Lamata, M.T. (2006) Int. J. Uncertainty, Fuzziness and
#                 Knowledge-Based Systems 14(4):445-459; RI(n) = (1.7699 n - 4.3513)/(n - 1) beyond.
#   chinese       the table of Chinese AHP textbooks (e.g. 许树柏《层次分析法原理》).
_RI_3_TO_15: dict[str, tuple[float, ...]] = {
    "saaty1980": (0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59),
    "saaty2005": (0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59),
    "donegan-dodd": (0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213,
                     1.4497, 1.4643, 1.4822, 1.4969),
    "alonso-lamata": (0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141,
                      1.5365, 1.5551, 1.5713, 1.5838),
    "chinese": (0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59),
}
_DONEGAN_DODD_LARGE: dict[int, float] = {
    16: 1.5078, 17: 1.5153, 18: 1.5262, 19: 1.5313, 20: 1.5371, 25: 1.5619, 30: 1.5772,
    40: 1.5976, 50: 1.6102, 60: 1.6178, 70: 1.6237, 80: 1.6277, 90: 1.6213, 100: 1.6339,
}
RI_TABLES: tuple[str, ...] = tuple(_RI_3_TO_15)

# Thresholds on CR. "saaty1980": CR <= 0.10 for every n (Saaty 1980).
# "saaty1994": 0.05 for n = 3, 0.08 for n = 4, 0.10 above (attributed to Saaty 1994,
# Fundamentals of Decision Making and Priority Theory).
THRESHOLD_RULES: tuple[str, ...] = ("saaty1994", "saaty1980")

# GCI thresholds for the row geometric mean (Aguaron & Moreno-Jimenez 2003, EJOR 147:137-145),
# equivalent to CR = 0.10: 0.31 for n = 3, 0.35 for n = 4, 0.37 above.
_GCI_THRESHOLDS = {3: 0.31, 4: 0.35}


def alonso_lamata_formula(n: int) -> float:
    """RI from Alonso and Lamata's linear fit, usable for any n >= 3."""
    return round((1.7699 * n - 4.3513) / (n - 1), 4)


def random_index(n: int, table: str = "saaty1980") -> tuple[float, str]:
    """RI(n) from a named table, and where the value came from.

    Beyond a table's last entry the Alonso-Lamata formula is used, and the source says so.
    """
    if table not in _RI_3_TO_15:
        raise AHPError(f"unknown random index table {table!r}; choose one of {', '.join(RI_TABLES)}")
    if n <= 2:
        return 0.0, table
    if n <= 15:
        return _RI_3_TO_15[table][n - 3], table
    if table == "donegan-dodd" and n <= 100:
        known = sorted(_DONEGAN_DODD_LARGE)
        if n in _DONEGAN_DODD_LARGE:
            return _DONEGAN_DODD_LARGE[n], table
        return round(float(np.interp(n, known, [_DONEGAN_DODD_LARGE[k] for k in known])), 4), table + " (interpolated)"
    return alonso_lamata_formula(n), "alonso-lamata formula"


def threshold(n: int, rule: str | float = "saaty1994") -> float:
    """The largest acceptable CR for an n x n matrix under a named rule or a fixed number."""
    if isinstance(rule, (int, float)) and not isinstance(rule, bool):
        if not 0 < rule < 1:
            raise AHPError(f"a CR threshold must lie between 0 and 1; got {rule}")
        return float(rule)
    if rule == "saaty1994":
        return {3: 0.05, 4: 0.08}.get(n, 0.10)
    if rule == "saaty1980":
        return 0.10
    raise AHPError(f"unknown threshold rule {rule!r}; choose one of {', '.join(THRESHOLD_RULES)} or a number")


def consistency_index(lambda_max: np.ndarray | float, n: int) -> np.ndarray | float:
    """CI = (lambda_max - n) / (n - 1); 0 for n <= 2. Works on stacks of lambda_max."""
    if isinstance(lambda_max, np.ndarray):
        return np.zeros_like(lambda_max) if n <= 2 else np.maximum((lambda_max - n) / (n - 1), 0.0)
    ci = (lambda_max - n) / (n - 1) if n > 2 else 0.0
    return 0.0 if ci < 0.0 else ci  # rounding can put lambda_max a hair below n


def geometric_consistency_index(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """GCI = 2 / ((n-1)(n-2)) * sum_{i<j} log^2(a_ij w_j / w_i) (Crawford & Williams 1985).

    Works on a stack ``a`` of shape (..., n, n) and ``w`` of shape (..., n); 0 for n <= 2.

    >>> float(geometric_consistency_index(np.array([[1, 2], [0.5, 1]]), np.array([2/3, 1/3])))
    0.0
    """
    n = a.shape[-1]
    if n <= 2:
        return np.zeros(a.shape[:-2])
    e = np.log(a * w[..., None, :] / w[..., :, None])
    return (e**2).sum(axis=(-2, -1)) / ((n - 1) * (n - 2))  # the full sum counts each pair twice


def gci_threshold(n: int) -> float:
    """The GCI acceptance threshold for n elements (Aguaron & Moreno-Jimenez 2003)."""
    return _GCI_THRESHOLDS.get(n, 0.37)
