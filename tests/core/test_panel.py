"""The panel: who counts, which aggregation was used where, and statistics only when asked."""

from __future__ import annotations

import numpy as np
import pytest

import ahp.core.agreement as agreement_module
import ahp.core.panel as panel_module
from ahp.core.group import aggregate_judgments
from ahp.core.hierarchy import Node, unjudged
from ahp.core.panel import (
    AIP_UNDETERMINED,
    ALL_EXCLUDED,
    NO_JUDGMENTS,
    ONE_DETERMINES,
    UNDETERMINED,
    analyse_panel,
)
from ahp.errors import AHPError
from tests.core.test_group import ROOT, STACK

NAN = np.nan
TWO_LEVEL = Node("goal", "G", children=(
    Node("a", "A", children=(Node("x", "X"), Node("y", "Y"), Node("z", "Z"))),
    Node("b", "B"),
    Node("c", "C"),
))


def test_a_respondent_with_no_judgments_is_left_out_of_the_panel():
    """An empty respondent used to show distance 0.000 and correlation 1.00 to the group."""
    three = analyse_panel(ROOT, {"goal": STACK[:3]}, np.ones(3))
    four = analyse_panel(ROOT, {"goal": np.concatenate([STACK[:3], unjudged(5)[None]])}, np.ones(4))
    assert four.left_out == ((3, NO_JUDGMENTS),) and three.left_out == ()
    assert four.counted.tolist() == [True, True, True, False] and four.respondents_counted == 3
    node = four.nodes["goal"]
    assert node.counted.tolist() == node.included.tolist() == [True, True, True, False]
    assert np.isnan(four.distance[3]) and np.isnan(four.correlation[3])
    assert np.isnan(node.distance[3]) and np.isnan(node.correlation[3])
    np.testing.assert_allclose(four.distance[:3], three.distance, atol=1e-12)
    np.testing.assert_allclose(four.correlation[:3], three.correlation, atol=1e-12)
    assert four.consensus == pytest.approx(three.consensus, abs=1e-12)
    np.testing.assert_allclose(four.synthesis.nodes["goal"].local_weights, three.synthesis.nodes["goal"].local_weights)


def test_a_respondent_who_skipped_a_node_does_not_count_there():
    goal = np.array([[1, 2, 3], [1 / 2, 1, 2], [1 / 3, 1 / 2, 1]])
    a = np.array([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]])
    stacks = {"goal": np.array([goal, goal.T]), "a": np.array([a, unjudged(3)])}
    p = analyse_panel(TWO_LEVEL, stacks, np.ones(2), aggregation="aip")
    assert p.left_out == () and p.counted.all()
    assert p.nodes["a"].counted.tolist() == [True, False] and p.nodes["a"].included.tolist() == [True, False]
    assert p.nodes["goal"].counted.all()
    assert np.isnan(p.nodes["a"].distance[1])
    assert (p.nodes["a"].consensus, p.nodes["a"].band, p.nodes["a"].consensus_reason) == (None, None, ONE_DETERMINES)


def test_a_node_no_one_determines_has_no_consensus_and_the_overall_leaves_it_out():
    """Both respondents left the goal's matrix incomplete: its S* used to be 1.0 (very high),
    pulling the overall consensus up."""
    first = np.array([[1, 2, NAN], [1 / 2, 1, NAN], [NAN, NAN, 1]])
    second = np.array([[1, NAN, NAN], [NAN, 1, 3], [NAN, 1 / 3, 1]])
    a = np.array([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]])
    p = analyse_panel(TWO_LEVEL, {"goal": np.array([first, second]), "a": np.array([a, a.T])}, np.ones(2))
    goal = p.nodes["goal"]
    assert (goal.consensus, goal.band, goal.consensus_reason) == (None, None, UNDETERMINED)
    assert p.nodes["a"].consensus_reason == "" and 0 < p.nodes["a"].consensus < 1
    assert p.consensus == p.nodes["a"].consensus and p.band == p.nodes["a"].band
    assert p.consensus_left_out == ("goal",)


def test_with_no_node_to_measure_the_overall_consensus_is_none():
    p = analyse_panel(ROOT, {"goal": STACK[:1]}, np.ones(1))
    assert p.nodes["goal"].consensus_reason == ONE_DETERMINES
    assert (p.consensus, p.band, p.consensus_left_out) == (None, None, ("goal",))


def test_aip_at_a_node_no_one_determines_alone_is_aij_and_says_so():
    """Two respondents who judged a-b and b-c: neither determines the node; the panel said 'aip'."""
    first = np.array([[1, 2, NAN], [1 / 2, 1, NAN], [NAN, NAN, 1]])
    second = np.array([[1, NAN, NAN], [NAN, 1, 3], [NAN, 1 / 3, 1]])
    a = np.array([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]])
    stacks = {"goal": np.array([first, second]), "a": np.array([a, a])}
    aip = analyse_panel(TWO_LEVEL, stacks, np.ones(2), aggregation="aip")
    aij = analyse_panel(TWO_LEVEL, stacks, np.ones(2), aggregation="aij")
    goal = aip.nodes["goal"]
    assert (goal.aggregation_used, goal.aggregation_note) == ("aij", AIP_UNDETERMINED)
    assert (aip.nodes["a"].aggregation_used, aip.nodes["a"].aggregation_note) == ("aip", "")
    assert (aij.nodes["goal"].aggregation_used, aij.nodes["goal"].aggregation_note) == ("aij", "")
    np.testing.assert_allclose(aip.synthesis.nodes["goal"].local_weights, aij.synthesis.nodes["goal"].local_weights)


def test_everyone_excluded_at_a_node_says_so():
    """It used to say the known judgments do not connect all elements."""
    common = {"random_index": "saaty2005", "threshold": "saaty1980", "inconsistent": "exclude"}
    p = analyse_panel(ROOT, {"goal": STACK[4:6]}, np.ones(2), **common)
    goal = p.synthesis.nodes["goal"]
    assert goal.status == "incomplete" and goal.problem == ALL_EXCLUDED
    assert p.nodes["goal"].included.tolist() == [False, False]
    assert (p.nodes["goal"].consensus, p.nodes["goal"].consensus_reason) == (None, ALL_EXCLUDED)


@pytest.mark.parametrize(("option", "value", "message"), [
    ("aggregation", "median", "unknown aggregation 'median'; choose one of aij, aip"),
    ("inconsistent", "drop", "unknown inconsistent policy 'drop'; choose one of flag, include, exclude"),
])
def test_unknown_options_are_ahp_errors(option, value, message):
    with pytest.raises(AHPError) as caught:
        analyse_panel(ROOT, {"goal": STACK}, np.ones(6), **{option: value})
    assert str(caught.value) == message


def test_the_ranking_does_not_work_out_each_respondent_until_asked(monkeypatch):
    """The panel's statistics (each respondent's weights, consensus, distances) cost only when used."""
    calls = []
    real = panel_module.individual_priorities
    for module in (panel_module, agreement_module):  # the aggregation's, and the statistics'
        monkeypatch.setattr(module, "individual_priorities", lambda *a, **k: calls.append(1) or real(*a, **k))
    p = analyse_panel(ROOT, {"goal": STACK}, np.ones(6))
    assert p.synthesis.ranking and calls == []
    assert 0 < p.consensus < 1 and len(calls) == 1
    assert p.nodes["goal"].flagged.sum() == 2 and len(calls) == 1  # worked out once


def test_each_node_combines_the_judgments_of_those_who_judged_it():
    """The AIJ matrices of all nodes are made in one go: each must be its own respondents' mean."""
    goal = np.array([[1, 2, 3], [1 / 2, 1, 2], [1 / 3, 1 / 2, 1]])
    a = np.array([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]])
    b = np.array([[1, 1 / 2, NAN], [2, 1, 4], [NAN, 1 / 4, 1]])
    weights = np.array([3.0, 1.0, 2.0])
    stacks = {"goal": np.array([goal, goal.T, goal]), "a": np.array([a, unjudged(3), b])}
    p = analyse_panel(TWO_LEVEL, stacks, weights)
    np.testing.assert_allclose(p.synthesis.nodes["goal"].result.matrix, aggregate_judgments(stacks["goal"], weights))
    only_two = aggregate_judgments(np.array([a, b]), weights[[0, 2]])
    np.testing.assert_allclose(p.synthesis.nodes["a"].result.matrix, only_two)
    excluding = analyse_panel(TWO_LEVEL, stacks, weights, inconsistent="exclude")
    np.testing.assert_allclose(excluding.synthesis.nodes["a"].result.matrix, p.synthesis.nodes["a"].result.matrix)
