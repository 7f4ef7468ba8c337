"""Consistency: random index tables, acceptance rules, the two lambda_max conventions, CI, CR and GCI.

>>> random_index(7, "saaty1980"), random_index(7, "donegan-dodd"), random_index(6, "chinese")
((1.32, 'saaty1980'), (1.2519, 'donegan-dodd'), (1.26, 'gong-xu1986'))
>>> random_index(50, "saaty1980")
(1.7172, 'alonso-lamata formula')
>>> threshold(3, "saaty1994"), threshold(7, "saaty1994"), threshold(4, 0.2), threshold(4, "lt0.10")
(0.05, 0.1, 0.2, 0.1)
>>> acceptance_text(threshold(4, "saaty1994"), strict("saaty1994")), acceptance_text(0.1, strict("lt0.10"))
('CR <= 0.08', 'CR < 0.10')
"""

from __future__ import annotations

import numpy as np

from ahp.errors import AHPError, Phrase, listed

# Random index tables, RI(n) for n = 3..15 (RI(1) = RI(2) = 0 in every table).
# Sources, as collected in shared/reference/published_cases.md:
#   saaty1980     Saaty, T.L. (1980) The Analytic Hierarchy Process. McGraw-Hill.
#                 n=12 varies by source; 1.48 is the value printed in Saaty's table.
#   saaty2005     Saaty, T.L. (2005) Theory and Applications of the AHP. RWS.
#   donegan-dodd  Donegan, H.A. & Dodd, F.J. (1991) Math. Comput. Modelling 15(10):135-137;
#                 also tabulated for 16..20, 25..100 (step 10); gaps are interpolated linearly.
#   alonso-lamata Alonso, J.A. & Lamata, M.T. (2006) Int. J. Uncertainty, Fuzziness and
#                 Knowledge-Based Systems 14(4):445-459; RI(n) = (1.7699 n - 4.3513)/(n - 1) beyond.
#   gong-xu1986   龚木森 & 许树柏's simulation (1986), tabulated in Chinese textbooks (e.g. 许树柏
#                 《层次分析法原理》); it was called "chinese" before, which still loads (RI_ALIASES).
_RI_3_TO_15: dict[str, tuple[float, ...]] = {
    "saaty1980": (0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59),
    "saaty2005": (0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59),
    "donegan-dodd": (0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213,
                     1.4497, 1.4643, 1.4822, 1.4969),
    "alonso-lamata": (0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141,
                      1.5365, 1.5551, 1.5713, 1.5838),
    "gong-xu1986": (0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59),
}
_DONEGAN_DODD_LARGE: dict[int, float] = {
    16: 1.5078, 17: 1.5153, 18: 1.5262, 19: 1.5313, 20: 1.5371, 25: 1.5619, 30: 1.5772,
    40: 1.5976, 50: 1.6102, 60: 1.6178, 70: 1.6237, 80: 1.6277, 90: 1.6213, 100: 1.6339,
}
#: The random index tables, by the names settings use.
RI_TABLES: tuple[str, ...] = tuple(_RI_3_TO_15)
#: Old names that still load, and the table each stands for.
RI_ALIASES: dict[str, str] = {"chinese": "gong-xu1986"}
#: Every name a setting may give for a table: the tables, then the aliases.
RI_NAMES: tuple[str, ...] = RI_TABLES + tuple(RI_ALIASES)
#: Each table's source as papers cite it, for outputs.
RI_SOURCES: dict[str, str] = {
    "saaty1980": "Saaty (1980)", "saaty2005": "Saaty (2005)", "donegan-dodd": "Donegan & Dodd (1991)",
    "alonso-lamata": "Alonso & Lamata (2006)", "gong-xu1986": "Gong & Xu (1986)",
}

# Thresholds on CR. "saaty1980": CR <= 0.10 for every n (Saaty 1980).
# "saaty1994": 0.05 for n = 3, 0.08 for n = 4, 0.10 above (attributed to Saaty 1994,
# Fundamentals of Decision Making and Priority Theory).
# "lt0.10": CR < 0.10, strictly, for every n: the rule of Chinese textbooks (姜启源《数学模型》).
THRESHOLD_RULES: tuple[str, ...] = ("saaty1994", "saaty1980", "lt0.10")
_STRICT_RULES = ("lt0.10",)

#: How lambda_max is found: the principal eigenvalue of the matrix, or the textbooks'
#: (1/n) sum_i (Aw)_i / w_i with the weighting method's own w (the same for the eigenvector).
LAMBDA_MAX_RULES: tuple[str, ...] = ("eigenvalue", "textbook")

# GCI thresholds for the row geometric mean (Aguaron & Moreno-Jimenez 2003, EJOR 147:137-145),
# equivalent to CR = 0.10: 0.31 for n = 3, 0.35 for n = 4, 0.37 above.
_GCI_THRESHOLDS = {3: 0.31, 4: 0.35}


def alonso_lamata_formula(n: int) -> float:
    """RI from Alonso and Lamata's linear fit, usable for any n >= 3."""
    return round((1.7699 * n - 4.3513) / (n - 1), 4)


def random_index(n: int, table: str = "saaty1980") -> tuple[float, str]:
    """RI(n) from a named table, and where the value came from.

    Beyond a table's last entry the Alonso-Lamata formula is used, and the source says so. An
    old name (:data:`RI_ALIASES`) gives its table, under the table's name.
    """
    table = ri_table_name(table)
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


def ri_table_name(table: str) -> str:
    """The table a setting names: itself, or the table an old name stands for.

    >>> ri_table_name("chinese"), ri_table_name("saaty1980")
    ('gong-xu1986', 'saaty1980')
    """
    table = RI_ALIASES.get(table, table)
    if table not in _RI_3_TO_15:
        raise AHPError(Phrase("unknown random index table {table!r}; choose one of {choices}",
                              {"table": table, "choices": listed(RI_TABLES)}))
    return table


def ri_source(table: str) -> str:
    """Where a table (or an old name of one) comes from, as papers cite it.

    >>> ri_source("chinese")
    'Gong & Xu (1986)'
    """
    return RI_SOURCES[ri_table_name(table)]


def threshold(n: int, rule: str | float = "saaty1994") -> float:
    """The largest acceptable CR for an n x n matrix under a named rule or a fixed number."""
    if isinstance(rule, (int, float)) and not isinstance(rule, bool):
        if not 0 < rule < 1:
            raise AHPError(Phrase("a CR threshold must lie between 0 and 1; got {rule}", {"rule": rule}))
        return float(rule)
    if rule == "saaty1994":
        return {3: 0.05, 4: 0.08}.get(n, 0.10)
    if rule in ("saaty1980", "lt0.10"):
        return 0.10
    raise AHPError(Phrase("unknown threshold rule {rule!r}; choose one of {choices} or a number",
                          {"rule": rule, "choices": listed(THRESHOLD_RULES)}))


def hierarchy_threshold(rule: str | float = "saaty1994") -> float:
    """The limit a rule sets for a whole hierarchy's CR: its general limit, the one for n >= 5.

    >>> hierarchy_threshold("saaty1994"), hierarchy_threshold(0.15)
    (0.1, 0.15)
    """
    return threshold(5, rule)


def strict(rule: str | float) -> bool:
    """Whether a rule accepts only CR strictly below its limit (else CR equal to it passes too)."""
    return isinstance(rule, str) and rule in _STRICT_RULES


def passes(cr: np.ndarray | float, limit: float, strict_rule: bool) -> np.ndarray | bool:
    """Whether CR (a number or an array) is acceptable: below ``limit``, or equal to it unless strict.

    >>> passes(0.1, 0.1, False), passes(0.1, 0.1, True)
    (True, False)
    """
    return cr < limit if strict_rule else cr <= limit


def verdict_operator(passed: bool, strict_rule: bool) -> str:
    """The comparison a verdict rests on: ``<`` or ``<=`` when CR passes, ``>=`` or ``>`` when it fails.

    >>> verdict_operator(True, True), verdict_operator(False, True), verdict_operator(False, False)
    ('<', '>=', '>')
    """
    if passed:
        return "<" if strict_rule else "<="
    return ">=" if strict_rule else ">"


def acceptance_text(limit: float, strict_rule: bool) -> str:
    """An acceptance rule as outputs print it: ``CR < 0.10`` (strict), ``CR <= 0.08``."""
    return f"CR {'<' if strict_rule else '<='} {limit:.2f}"


def check_lambda_max(rule: str) -> None:
    """Raise :class:`AHPError` for a lambda_max convention that is not one of :data:`LAMBDA_MAX_RULES`."""
    if rule not in LAMBDA_MAX_RULES:
        raise AHPError(Phrase("unknown lambda_max convention {rule!r}; choose one of {choices}",
                              {"rule": rule, "choices": listed(LAMBDA_MAX_RULES)}))


def textbook_lambda_max(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """(1/n) sum_i (Aw)_i / w_i for a stack ``a`` (..., n, n) and its weights ``w`` (..., n).

    It is the principal eigenvalue when w is the Perron vector, and never below n for a
    reciprocal matrix, so CI stays >= 0.

    >>> a = np.array([[1, 2, 4], [1/2, 1, 3], [1/4, 1/3, 1]])
    >>> w = (a / a.sum(axis=0)).mean(axis=1)  # 和积法: the mean of the normalised columns
    >>> round(float(textbook_lambda_max(a, w)), 4)
    3.0183
    """
    return ((a @ w[..., None])[..., 0] / w).mean(axis=-1)


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
