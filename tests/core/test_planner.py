"""The question planner of the adaptive interview (ahp.core.planner)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ahp.core.hierarchy import Node, synthesize, unjudged
from ahp.core.planner import NextQuestion, next_question, plan, settled
from ahp.core.scale import SCALE, nearest_on_scale
from ahp.errors import AHPError


def tree(**criteria: int) -> Node:
    """A goal over the given criteria, each with that many factors (named criterion + number)."""
    return Node("goal", "Goal", children=tuple(
        Node(c, c.upper(), children=tuple(Node(f"{c}{k}", f"{c.upper()}{k}") for k in range(n)))
        for c, n in criteria.items()
    ))


def answers_from(root: Node, weights: dict[str, list[float]]) -> dict[str, np.ndarray]:
    """Every pair answered as the weights' ratio, snapped to the scale."""
    out = {}
    for path, w in weights.items():
        w = np.array(w, dtype=float)
        out[path] = np.vectorize(nearest_on_scale)(w[:, None] / w[None, :])
    return out


def ask(answers: dict[str, np.ndarray], asked: dict[str, np.ndarray], root: Node, q: NextQuestion) -> None:
    """Copy the respondent's answer to question ``q`` into ``asked``."""
    ids = [c.id for c in root.layout.nodes[root.layout.index[q.path]].children]
    i, j = ids.index(q.a), ids.index(q.b)
    asked[q.path][i, j], asked[q.path][j, i] = answers[q.path][i, j], answers[q.path][j, i]


def interview(root: Node, answers: dict[str, np.ndarray], top: int, asked: dict[str, np.ndarray] | None = None,
              ) -> tuple[list[NextQuestion], dict[str, np.ndarray]]:
    """Ask what the planner asks until it says settled: the questions, and the answers given."""
    asked = asked or {path: unjudged(len(kids)) for path, kids in root.layout.children.items()}
    questions = []
    while (q := next_question(root, asked, top=top)) is not None:
        assert len(questions) < 100
        questions.append(q)
        ask(answers, asked, root, q)
    return questions, asked


def top_k(root: Node, matrices: dict[str, np.ndarray], k: int) -> list[str]:
    return [leaf.path for leaf in synthesize(root, matrices).ranking[:k]]


def test_spanning_sets_top_down_then_one_check_per_node():
    root = Node("goal", "G", children=(
        Node("a", "A", children=(
            Node("p", "P", children=(Node("x", "X"), Node("y", "Y"))), Node("q", "Q"), Node("r", "R"))),
        Node("b", "B", children=(Node("u", "U"), Node("v", "V"), Node("t", "T"))),
    ))
    equal = {path: [1.0] * len(kids) for path, kids in root.layout.children.items()}
    questions, _ = interview(root, answers_from(root, equal), top=2)
    assert [(q.reason, q.path, q.a, q.b) for q in questions] == [
        ("span", "goal", "a", "b"),
        ("span", "a", "p", "q"), ("span", "a", "q", "r"),
        ("span", "b", "u", "v"), ("span", "b", "v", "t"),
        ("span", "a/p", "x", "y"),
        ("check", "a", "p", "r"), ("check", "b", "u", "t"),
    ]
    assert [q.implied for q in questions[:6]] == [None] * 6
    assert [q.implied for q in questions[6:]] == [1.0, 1.0]


def test_a_spanning_question_links_parts_the_answers_leave_apart():
    root = tree(a=4, b=2)
    nan = np.nan
    asked = {"goal": np.array([[1, 2], [1 / 2, 1]]),
             "a": np.array([[1, nan, 3, nan], [nan, 1, nan, nan], [1 / 3, nan, 1, nan], [nan, nan, nan, 1]])}
    q = next_question(root, asked)
    assert (q.reason, q.path, q.a, q.b) == ("span", "a", "a0", "a1")
    assert q.why == "A0 is not yet compared, directly or through others, with A1"
    assert q.remaining == 5 + 1  # every unanswered pair, while a node is not spanned


def test_consistent_respondent_with_well_apart_top_weights_is_settled_early():
    root = tree(c=3, d=4, e=4)
    weights = {"goal": [6, 2, 1], "c": [8, 2, 1], "d": [8, 4, 2, 1], "e": [4, 2, 1, 1]}
    answers = answers_from(root, weights)
    full = sum(len(k) * (len(k) - 1) // 2 for k in root.layout.children.values())
    floor = sum(len(k) - 1 + (len(k) >= 3) for k in root.layout.children.values())
    questions, asked = interview(root, answers, top=3)
    assert len(questions) <= floor + 1 < full, (len(questions), floor, full)
    assert top_k(root, asked, 3) == top_k(root, answers, 3)
    p = plan(root, asked, top=3)
    assert p.settled and p.remaining == 0 and p.unanswered == full - len(questions)


def test_a_missing_pair_that_can_flip_the_top_one_is_asked():
    root = tree(a=4, b=2)
    nan = np.nan
    asked = {
        "goal": np.array([[1, 3], [1 / 3, 1]]),
        "a": np.array([[1, 3, 3, nan], [1 / 3, 1, 1, 1 / 3], [1 / 3, 1, 1, 1 / 3], [nan, 3, 3, 1]]),
        "b": np.array([[1, 1], [1, 1]]),
    }
    p = plan(root, asked, top=1)
    plausible = p.answers[("a", "a0", "a3")]
    tops = set()
    for value in (1 / 2, 2):
        assert value in plausible
        trial = {path: a.copy() for path, a in asked.items()}
        trial["a"][0, 3], trial["a"][3, 0] = value, 1 / value
        tops.add(top_k(root, trial, 1)[0])
    assert tops == {"a/a0", "a/a3"}  # the brute-force check: this pair decides the top one
    assert not p.settled and not settled(root, asked, top=1)
    assert (p.next.path, p.next.a, p.next.b, p.next.reason, p.next.implied) == ("a", "a0", "a3", "ranking", 1.0)
    assert p.next.why == "its answer may change the top 1: A3 could overtake A0"
    assert p.next.factors == ("a/a0", "a/a3")
    assert p.next.remaining == 1


def test_a_top_below_one_is_refused():
    with pytest.raises(AHPError) as caught:
        plan(tree(a=3, b=2), {}, top=0)
    assert str(caught.value) == "the number of top factors to settle must be 1 or more, not 0"


def test_a_matrix_for_an_unknown_node_is_refused():
    with pytest.raises(AHPError) as caught:
        next_question(tree(a=3, b=2), {"c": np.ones((2, 2))})
    assert str(caught.value) == "a matrix is given for 'c', which is not a node with sub-elements"


def test_every_pair_answered_is_settled():
    root = tree(a=3, b=2)
    answers = answers_from(root, {"goal": [1, 1], "a": [1, 1, 1], "b": [1, 1]})  # ties throughout
    p = plan(root, answers)
    assert p.settled and p.unanswered == 0 and p.answers == {}


@st.composite
def respondents(draw):
    """True weights for a goal over two criteria of four factors each, answers rounded to the
    scale, some of them already given."""
    sizes = (("goal", 2), ("a", 4), ("b", 4))
    weights = {path: draw(st.lists(st.floats(1, 9), min_size=n, max_size=n)) for path, n in sizes}
    given = {path: draw(st.lists(st.booleans(), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2))
             for path, n in (("goal", 2), ("a", 4), ("b", 4))}
    return weights, given, draw(st.integers(1, 4))


@settings(max_examples=25, deadline=None)
@given(respondents())
def test_settled_means_no_missing_pair_changes_the_top_k_anywhere_in_its_range(case):
    weights, given, top = case
    root = tree(a=4, b=4)
    answers = answers_from(root, weights)
    start = {}
    for path, a in answers.items():
        n = len(a)
        i, j = np.triu_indices(n, 1)
        start[path] = a.copy()
        gone = ~np.array(given[path])
        start[path][i[gone], j[gone]] = start[path][j[gone], i[gone]] = np.nan
    _, asked = interview(root, answers, top, start)
    p = plan(root, asked, top=top)
    assert p.settled
    assert set(p.answers) == {(path, kids[i].id, kids[j].id) for path, a in asked.items()
                              for kids in [root.layout.nodes[root.layout.index[path]].children]
                              for i, j in zip(*np.triu_indices(len(a), 1), strict=True) if np.isnan(a[i, j])}
    now = top_k(root, asked, top)
    for (path, a_id, b_id), values in p.answers.items():
        assert set(values) <= set(SCALE)
        ids = [c.id for c in root.layout.nodes[root.layout.index[path]].children]
        i, j = ids.index(a_id), ids.index(b_id)
        for value in values:
            trial = {q: m.copy() for q, m in asked.items()}
            trial[path][i, j], trial[path][j, i] = value, 1 / value
            assert top_k(root, trial, top) == now, (path, a_id, b_id, value)
