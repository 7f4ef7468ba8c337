"""The ranking of a hierarchy's leaves: order, ties, and the smallest trees."""

from __future__ import annotations

import numpy as np

from ahp.core.hierarchy import Node, synthesize


def _tree(*groups: tuple[str, int]) -> Node:
    return Node("goal", "Goal", children=tuple(
        Node(c, c.title(), children=tuple(Node(f"{c}{k}", f"{c}{k}") for k in range(size))) for c, size in groups
    ))


def test_ranking_orders_by_global_weight_and_ties_keep_the_models_order():
    root = _tree(("a", 2), ("b", 3))
    matrices = {"goal": np.array([[1, 1], [1, 1]]), "a": np.array([[1, 3], [1 / 3, 1]]), "b": np.ones((3, 3))}
    ranking = synthesize(root, matrices).ranking
    assert [leaf.path for leaf in ranking] == ["a/a0", "b/b0", "b/b1", "b/b2", "a/a1"]
    assert [leaf.rank for leaf in ranking] == [1, 2, 3, 4, 5]
    assert [round(leaf.global_weight, 6) for leaf in ranking] == [0.375, 0.166667, 0.166667, 0.166667, 0.125]
    assert ranking[0].local_weight == 0.75 and ranking[0].name == "a0"


def test_one_factor_and_a_bare_goal_are_ranked_alone():
    one = Node("goal", "Goal", children=(Node("only", "Only"),))
    (leaf,) = synthesize(one, {}).ranking
    assert (leaf.rank, leaf.path, leaf.local_weight, leaf.global_weight) == (1, "only", 1.0, 1.0)
    (goal,) = synthesize(Node("goal", "Goal"), {}).ranking
    assert (goal.rank, goal.global_weight) == (1, 1.0)
