"""Group aggregation and consensus (published_cases.md: C4 and the aggregation facts)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ahp import priorities
from ahp.core.group import aggregate_priorities, average_ranks, consensus, consensus_band, individual_priorities
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
    assert [consensus_band(s) for s in (0.9, 0.7, 0.3)] == ["very high", "moderate", "very low"]
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


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([0.1, 0.2, 0.25, 0.3, 0.5]), min_size=1, max_size=9), st.integers(0, 2**32 - 1))
def test_average_ranks_are_the_mean_rank_of_each_tie(values, seed):
    x = np.array(values) * (1 + np.random.default_rng(seed).uniform(-1e-15, 1e-15, len(values)))  # rounding noise
    exact = np.array(values)
    below = (exact[None, :] < exact[:, None]).sum(axis=1)
    tied = (exact[None, :] == exact[:, None]).sum(axis=1)
    np.testing.assert_allclose(average_ranks(x), below + (tied - 1) / 2)
    np.testing.assert_allclose(average_ranks(np.array([x, x[::-1]]))[1], (below + (tied - 1) / 2)[::-1])


def test_respondent_judging_all_equal_neither_agrees_nor_disagrees():
    """Equal weights used to take the elements' order as a ranking: correlation +1 or -1 by accident."""
    equal = np.ones((4, 4))
    ordered = np.array([[1, 2, 3, 4], [1 / 2, 1, 2, 3], [1 / 3, 1 / 2, 1, 2], [1 / 4, 1 / 3, 1 / 2, 1]])
    root = Node("goal", "G", children=tuple(Node(k, k.upper()) for k in "abcd"))
    panel = analyse_panel(root, {"goal": np.array([ordered, ordered, equal, ordered.T])}, np.ones(4))
    assert panel.nodes["goal"].correlation.tolist() == pytest.approx([1.0, 1.0, 0.0, -1.0])
