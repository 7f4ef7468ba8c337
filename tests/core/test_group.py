"""Group aggregation and consensus (published_cases.md: C4 and the aggregation facts)."""

from __future__ import annotations

import numpy as np
import pytest

from ahp import priorities
from ahp.core.group import aggregate_priorities, consensus, consensus_band, individual_priorities
from ahp.core.hierarchy import Node
from ahp.core.panel import analyse_panel
from ahp.core.weights import weights
from tests.core.test_published_cases import AHPSURVEY, ahpsurvey_matrix

STACK = np.stack([ahpsurvey_matrix(codes) for codes, _, _ in AHPSURVEY])
PUBLISHED = np.array([w for _, w, _ in AHPSURVEY])
ROOT = Node("goal", "City", children=tuple(Node(k, k) for k in ("cult", "fam", "house", "jobs", "trans")))


def test_individual_priorities_of_the_stack_match_ahpsurvey_c4():
    ind = individual_priorities(STACK, random_index="saaty2005", threshold="saaty1980")
    np.testing.assert_allclose(ind.weights, PUBLISHED, atol=1e-7)
    np.testing.assert_allclose(ind.cr, [c for _, _, c in AHPSURVEY], atol=1e-7)
    assert ind.consistent.tolist() == [True, True, True, True, False, False]


def test_aij_panel_is_eigenvector_of_geometric_mean_ahpsurvey_c4():
    panel = analyse_panel(ROOT, {"goal": STACK}, np.ones(6), inconsistent="include")
    expected = weights(np.exp(np.log(STACK).mean(axis=0)))
    np.testing.assert_allclose(panel.synthesis.nodes["goal"].local_weights, expected, atol=1e-12)
    assert panel.nodes["goal"].flagged.sum() == 0


def test_aip_means_of_the_six_published_vectors_ahpsurvey_c4():
    geo = np.exp(np.log(PUBLISHED).mean(axis=0))
    np.testing.assert_allclose(aggregate_priorities(PUBLISHED), geo / geo.sum(), atol=1e-12)
    np.testing.assert_allclose(aggregate_priorities(PUBLISHED, mean="arithmetic"), PUBLISHED.mean(axis=0), atol=1e-12)
    panel = analyse_panel(ROOT, {"goal": STACK}, np.ones(6), aggregation="aip", inconsistent="include")
    np.testing.assert_allclose(panel.synthesis.nodes["goal"].local_weights, geo / geo.sum(), atol=1e-7)


def test_inconsistent_respondents_are_flagged_or_excluded():
    common = {"random_index": "saaty2005", "threshold": "saaty1980"}
    flagged = analyse_panel(ROOT, {"goal": STACK}, np.ones(6), **common).nodes["goal"]
    assert flagged.flagged.tolist() == [False] * 4 + [True] * 2 and flagged.included.all()
    excluded = analyse_panel(ROOT, {"goal": STACK}, np.ones(6), inconsistent="exclude", **common)
    assert excluded.nodes["goal"].included.tolist() == [True] * 4 + [False] * 2
    expected = weights(np.exp(np.log(STACK[:4]).mean(axis=0)))
    np.testing.assert_allclose(excluded.synthesis.nodes["goal"].local_weights, expected, atol=1e-12)


def test_consensus_is_100_percent_for_identical_respondents_and_lower_otherwise():
    same = np.repeat(PUBLISHED[:1], 4, axis=0)
    assert consensus(same) == pytest.approx(1.0)
    s = consensus(PUBLISHED)
    assert 0 < s < 1
    assert consensus_band(0.9) == "very high" and consensus_band(0.7) == "moderate" and consensus_band(0.3) == "very low"
    panel = analyse_panel(ROOT, {"goal": np.repeat(STACK[:1], 3, axis=0)}, np.ones(3))
    assert panel.consensus == pytest.approx(1.0) and panel.band == "very high"
    np.testing.assert_allclose(panel.distance, 0, atol=1e-12)


def entropy(p: np.ndarray) -> float:
    return float(-(p * np.log(p)).sum())


def test_consensus_matches_goepel_formula_by_hand():
    w = np.array([[0.75, 0.25], [0.25, 0.75]])
    h = entropy
    d_beta = np.exp(h(np.array([0.5, 0.5])) - (h(w[0]) + h(w[1])) / 2)
    c = 2 / np.exp(h(np.array([0.9, 0.1])))
    assert consensus(w) == pytest.approx((1 / d_beta - 1 / c) / (1 - 1 / c))


def test_weighted_respondents_and_missing_pairs():
    a = STACK[0].copy()
    a[0, 4] = a[4, 0] = np.nan
    stack = np.stack([a, STACK[1]])
    panel = analyse_panel(ROOT, {"goal": stack}, np.array([3.0, 1.0]))
    combined = np.exp((3 * np.log(np.nan_to_num(stack[0], nan=1)) + np.log(stack[1])) / 4)
    combined[0, 4], combined[4, 0] = stack[1][0, 4], stack[1][4, 0]  # only respondent 2 judged that pair
    np.testing.assert_allclose(panel.synthesis.nodes["goal"].local_weights, priorities(combined).weights, atol=1e-12)
