"""Conventions of Chinese AHP practice (issue 16, items 1-4): the textbook lambda_max, the strict
CR < 0.10 rule, the zh-textbook preset, 姜启源's combined test and RI tables named by source."""

from __future__ import annotations

import numpy as np
import pytest

from ahp import priorities
from ahp.core.consistency import (
    RI_NAMES,
    RI_SOURCES,
    RI_TABLES,
    acceptance_text,
    passes,
    random_index,
    ri_source,
    ri_table_name,
)
from ahp.core.group import individual_priorities
from ahp.core.hierarchy import Node, synthesize
from ahp.core.matrix import from_upper
from ahp.core.practice import PRACTICES, resolve_settings
from ahp.errors import AHPError

# Issue 16 item 1: the store manager's service matrix.
SERVICE_5X5 = np.array([
    [1, 1, 4, 3, 2],
    [1, 1, 4, 3, 2],
    [1 / 4, 1 / 4, 1, 1 / 7, 1 / 2],
    [1 / 3, 1 / 3, 7, 1, 1 / 2],
    [1 / 2, 1 / 2, 2, 2, 1],
])
# Issue 16 "Done when": a 4x4 every Chinese paper accepts (CR 0.0874), saaty1994 rejects (> 0.08).
CRITERIA_4X4 = np.array([[1, 9, 1 / 3, 3], [1 / 9, 1, 1 / 7, 1 / 3], [3, 7, 1, 9], [1 / 3, 3, 1 / 9, 1]])


def by_hand_lambda(a: np.ndarray, w: np.ndarray) -> float:
    return float(np.mean(a @ w / w))


@pytest.mark.parametrize(
    ("method", "lam", "cr"),
    [("column-mean", 5.4302, 0.0960), ("geometric-mean", 5.4013, 0.0896), ("eigenvector", 5.4156, 0.0928)],
)
def test_textbook_lambda_max_of_the_issue_16_example(method, lam, cr):
    r = priorities(SERVICE_5X5, method=method, lambda_max="textbook")
    assert (round(r.lambda_max, 4), round(r.cr, 4), r.lambda_convention) == (lam, cr, "textbook")
    assert r.ci == pytest.approx((r.lambda_max - 5) / 4) and r.cr == pytest.approx(r.ci / 1.12)


def test_textbook_lambda_max_uses_the_methods_own_weights_by_hand():
    # 和积法: normalise the columns, average the rows; then (1/n) sum (Aw)_i / w_i.
    w = (SERVICE_5X5 / SERVICE_5X5.sum(axis=0)).mean(axis=1)
    r = priorities(SERVICE_5X5, method="column-mean", lambda_max="textbook")
    assert r.lambda_max == pytest.approx(by_hand_lambda(SERVICE_5X5, w), rel=1e-12)
    # 方根法: row geometric means, normalised.
    g = np.prod(SERVICE_5X5, axis=1) ** (1 / 5)
    r = priorities(SERVICE_5X5, method="geometric-mean", lambda_max="textbook")
    assert r.lambda_max == pytest.approx(by_hand_lambda(SERVICE_5X5, g / g.sum()), rel=1e-12)


@pytest.mark.parametrize("method", ["eigenvector", "geometric-mean", "column-mean"])
def test_eigenvalue_convention_is_the_principal_eigenvalue_for_every_method(method):
    r = priorities(SERVICE_5X5, method=method)
    assert r.lambda_convention == "eigenvalue"
    assert r.lambda_max == pytest.approx(max(np.linalg.eigvals(SERVICE_5X5).real), rel=1e-10)
    assert round(r.cr, 4) == 0.0928


def test_the_two_conventions_agree_for_the_eigenvector_method():
    textbook = priorities(SERVICE_5X5, lambda_max="textbook")
    eigenvalue = priorities(SERVICE_5X5)
    assert textbook.lambda_max == pytest.approx(eigenvalue.lambda_max, rel=1e-10)


def test_the_textbook_convention_reaches_the_stacks_of_respondents():
    stack = np.array([SERVICE_5X5, np.ones((5, 5))])
    ind = individual_priorities(stack, method="column-mean", lambda_max="textbook")
    assert np.round(ind.lambda_max, 4).tolist() == [5.4302, 5.0]


def test_zh_textbook_preset_accepts_the_4x4_that_saaty1994_rejects():
    zh = priorities(CRITERIA_4X4, **resolve_settings("zh-textbook").analysis())
    saaty = priorities(CRITERIA_4X4, **resolve_settings("saaty").analysis())
    assert round(zh.cr, 4) == 0.0874 and zh.consistent and zh.acceptance == "CR < 0.10"
    assert round(saaty.cr, 4) == 0.0874 and not saaty.consistent and saaty.acceptance == "CR <= 0.08"
    assert not priorities(CRITERIA_4X4, threshold="saaty1994").consistent


def test_lt010_is_strict_where_saaty1980_is_not():
    assert passes(0.1, 0.1, strict_rule=False) and not passes(0.1, 0.1, strict_rule=True)
    assert passes(np.array([0.0999, 0.1]), 0.1, strict_rule=True).tolist() == [True, False]
    a = from_upper(3, [1, 1, 2])
    r = priorities(a, threshold="lt0.10")
    assert (r.threshold, r.strict, r.acceptance) == (0.1, True, "CR < 0.10")
    assert acceptance_text(0.1, False) == "CR <= 0.10"


def test_presets_set_the_three_conventions():
    assert PRACTICES == ("saaty", "zh-textbook")
    zh, saaty = resolve_settings("zh-textbook"), resolve_settings("saaty")
    assert (zh.random_index, zh.threshold, zh.lambda_max) == ("saaty1980", "lt0.10", "textbook")
    assert (saaty.random_index, saaty.threshold, saaty.lambda_max) == ("saaty1980", "saaty1994", "eigenvalue")


def test_explicit_settings_win_over_the_preset():
    c = resolve_settings("zh-textbook", random_index="saaty2005", threshold=0.08, lambda_max="eigenvalue")
    assert (c.practice, c.random_index, c.threshold, c.lambda_max) == ("zh-textbook", "saaty2005", 0.08, "eigenvalue")
    assert resolve_settings("zh-textbook", threshold=None).threshold == "lt0.10"
    assert resolve_settings("saaty", lambda_max="textbook").analysis() == {
        "random_index": "saaty1980", "threshold": "saaty1994", "lambda_max": "textbook"}


@pytest.mark.parametrize(
    ("practice", "kwargs", "message"),
    [
        ("zh", {}, "unknown practice 'zh'; choose one of saaty, zh-textbook"),
        ("saaty", {"lambda_max": "power"}, "unknown lambda_max convention 'power'; choose one of eigenvalue, textbook"),
        ("saaty", {"threshold": "lt0.1"},
         "unknown threshold rule 'lt0.1'; choose one of saaty1994, saaty1980, lt0.10 or a number"),
        ("saaty", {"threshold": 1.2}, "a CR threshold must lie between 0 and 1; got 1.2"),
        ("saaty", {"random_index": "xu"},
         "unknown random index table 'xu'; choose one of "
         "saaty1980, saaty2005, donegan-dodd, alonso-lamata, gong-xu1986"),
    ],
)
def test_bad_settings_are_named(practice, kwargs, message):
    with pytest.raises(AHPError) as err:
        resolve_settings(practice, **kwargs)
    assert str(err.value) == message


def test_the_chinese_table_is_named_by_its_source_and_the_old_name_still_loads():
    assert "gong-xu1986" in RI_TABLES and "chinese" not in RI_TABLES and "chinese" in RI_NAMES
    assert ri_table_name("chinese") == "gong-xu1986"
    assert random_index(6, "chinese") == (1.26, "gong-xu1986") == random_index(6, "gong-xu1986")
    assert priorities(SERVICE_5X5, random_index="chinese").ri_table == "gong-xu1986"
    assert resolve_settings(random_index="chinese").random_index == "gong-xu1986"


def test_every_table_has_a_source_for_outputs():
    assert set(RI_SOURCES) == set(RI_TABLES)
    assert ri_source("saaty1980") == "Saaty (1980)" and ri_source("chinese") == "Gong & Xu (1986)"


# The regional manager of domain-review.md §3 (survey row, ratio coding), before the fix of his
# cyclic criteria matrix: 服务 > 质量 3, 质量 > 价格 2, 价格 > 服务 3.
REGIONAL_MANAGER = {
    "goal": (4, [3, 1 / 3, 2, 2, 1, 4]),
    "service": (5, [2, 5, 3, 1, 3, 1, 1 / 2, 1 / 2, 1 / 5, 1 / 3]),
    "quality": (4, [2, 1, 3, 1 / 2, 1, 2]),
    "price": (4, [1, 4, 2, 3, 2, 1 / 2]),
    "competition": (4, [1, 6, 4, 5, 3, 1 / 2]),
}


def _tree(spec: dict[str, tuple[int, list[float]]]) -> Node:
    criteria = [c for c in spec if c != "goal"]
    return Node("goal", "G", children=tuple(
        Node(c, c, children=tuple(Node(f"{c}{k}", f"{c}{k}") for k in range(spec[c][0]))) for c in criteria
    ))


def _eig(a: np.ndarray) -> tuple[float, np.ndarray]:
    values, vectors = np.linalg.eig(a)
    k = int(values.real.argmax())
    w = np.abs(vectors[:, k].real)
    return float(values[k].real), w / w.sum()


def test_combined_test_of_the_regional_manager_by_hand_domain_review():
    matrices = {path: from_upper(n, v) for path, (n, v) in REGIONAL_MANAGER.items()}
    s = synthesize(_tree(REGIONAL_MANAGER), matrices, random_index="saaty1980", threshold="lt0.10")
    # By hand, with numpy's eig: CR of the criteria matrix, then sum a_j CI_j / sum a_j RI_j.
    lam, a = _eig(matrices["goal"])
    cr_criteria = (lam - 4) / 3 / 0.90
    ri = {4: 0.90, 5: 1.12}
    ci = [(_eig(matrices[c])[0] - REGIONAL_MANAGER[c][0]) / (REGIONAL_MANAGER[c][0] - 1) for c in list(matrices)[1:]]
    ris = [ri[REGIONAL_MANAGER[c][0]] for c in list(matrices)[1:]]
    cr_below = float(np.dot(a, ci) / np.dot(a, ris))
    assert (round(cr_criteria, 4), round(cr_below, 4)) == (0.3397, 0.0054)  # as domain-review.md reads
    assert s.cr_total == pytest.approx(cr_below, abs=1e-9)
    assert s.combined.levels == pytest.approx((cr_criteria, cr_below), abs=1e-9)
    assert s.combined.cr == pytest.approx(cr_criteria + cr_below, abs=1e-9)
    assert round(s.combined.cr, 4) == 0.3452 and not s.combined.passed and s.combined.acceptance == "CR < 0.10"
    # The level-wise figure passes; the failing matrix is named beside it.
    assert s.cr_total < 0.10 and s.failing == ("goal",) and s.any_matrix_fails


def test_combined_test_adds_each_level_of_a_deeper_tree_by_hand():
    # goal -> a, b; a -> x, y, z; x -> p, q, r. Three levels of matrices.
    x = Node("x", "X", children=(Node("p", "P"), Node("q", "Q"), Node("r", "R")))
    a = Node("a", "A", children=(x, Node("y", "Y"), Node("z", "Z")))
    root = Node("goal", "G", children=(a, Node("b", "B")))
    top, mid, low = [[1, 3], [1 / 3, 1]], from_upper(3, [2, 5, 2]), from_upper(3, [3, 1 / 2, 1 / 4])
    s = synthesize(root, {"goal": top, "a": mid, "a/x": low})
    lam_mid, w_mid = _eig(mid)
    lam_low, _ = _eig(low)
    a_mid, a_low = 0.75, 0.75 * w_mid[0]  # global weights of a and of a/x
    level2 = a_mid * (lam_mid - 3) / 2 / (a_mid * 0.58)
    level3 = a_low * (lam_low - 3) / 2 / (a_low * 0.58)
    assert s.combined.levels == pytest.approx((0.0, level2, level3), abs=1e-9)
    assert s.combined.cr == pytest.approx(level2 + level3, abs=1e-9)
    assert s.combined.passed == (s.combined.cr <= 0.10)


def test_combined_test_fails_while_a_matrix_is_undetermined():
    root = _tree({"goal": (2, []), "a": (3, []), "b": (2, [])})
    s = synthesize(root, {"goal": [[1, 2], [1 / 2, 1]], "b": [[1, 2], [1 / 2, 1]]})
    assert s.combined.cr == 0.0 and not s.combined.passed and not s.any_matrix_fails


def test_suggestions_use_the_textbook_lambda_max_of_the_analysis():
    # 和积法 CR 0.0960 fails 0.095 under the textbook convention, while the eigenvalue's 0.0928 passes.
    settings = {"method": "column-mean", "threshold": 0.095}
    assert not priorities(SERVICE_5X5, **settings).suggestions
    textbook = priorities(SERVICE_5X5, lambda_max="textbook", **settings)
    assert not textbook.consistent and textbook.suggestions
    for s in textbook.suggestions:
        changed = SERVICE_5X5.copy()
        changed[s.row, s.col], changed[s.col, s.row] = s.suggested, 1 / s.suggested
        after = priorities(changed, lambda_max="textbook", **settings)
        assert s.cr_after == pytest.approx(after.cr, rel=1e-9)
        assert after.consistent == (s.kind == "passes" or s.cr_after <= 0.095)


def test_a_panel_analyses_every_respondent_by_the_textbook_convention():
    from ahp.core.panel import analyse_panel

    root = Node("goal", "G", children=tuple(Node(f"f{k}", f"F{k}") for k in range(5)))
    stacks = {"goal": np.array([SERVICE_5X5, SERVICE_5X5])}
    panel = analyse_panel(root, stacks, np.ones(2), method="column-mean", lambda_max="textbook")
    assert round(panel.synthesis.nodes["goal"].result.lambda_max, 4) == 5.4302
    assert panel.synthesis.settings["lambda_max"] == "textbook"
    assert np.round(panel.nodes["goal"].individuals.lambda_max, 4).tolist() == [5.4302, 5.4302]
