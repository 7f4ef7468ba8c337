"""Exact reciprocity after the check, the size limit, and what the completion says when it cannot do as asked."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from ahp import JudgmentError, priorities
from ahp.core import completion
from ahp.core.completion import complete
from ahp.core.group import aggregate_priorities, individual_priorities
from ahp.core.hierarchy import Node, synthesize
from ahp.core.matrix import MAX_ELEMENTS, from_upper, validate_matrix
from ahp.errors import AHPError
from tests.core.test_published_cases import BFR


def test_near_reciprocal_input_is_made_exactly_reciprocal():
    near = [[1, 3, 1], [0.3336, 1, 1], [1, 1, 1]]  # 3 x 0.3336 = 1.0008: within the 0.1% tolerance
    exact = [[1, 3, 1], [1 / 3, 1, 1], [1, 1, 1]]
    a = validate_matrix(near)
    assert a[1, 0] == 1 / 3
    np.testing.assert_array_equal(a * a.T, np.ones((3, 3)))
    r = priorities(near)
    np.testing.assert_array_equal(r.weights, priorities(exact).weights)
    assert r.lambda_max == priorities(exact).lambda_max


def test_the_upper_triangle_decides_and_a_lower_judgment_fills_a_missing_upper_one():
    a = validate_matrix([[1, np.nan, 0.5], [3.001, 1, 2], [2, 0.5, 1]])
    assert a[0, 1] == 1 / 3.001 and a[1, 0] == 3.001  # only the lower one given: it is kept
    assert a[2, 0] == 2.0 and a[2, 1] == 0.5


def test_a_matrix_beyond_the_limit_is_refused_by_name():
    with pytest.raises(JudgmentError) as err:
        priorities(np.ones((300, 300)))
    assert str(err.value) == "the matrix is 300x300: at most 100x100 (100 elements compared) can be analysed"
    assert priorities(np.ones((MAX_ELEMENTS, MAX_ELEMENTS))).cr == pytest.approx(0, abs=1e-12)


def test_a_hierarchy_node_beyond_the_limit_is_refused():
    root = Node("goal", "G", children=tuple(Node(f"f{k}", f"F{k}") for k in range(MAX_ELEMENTS + 1)))
    with pytest.raises(JudgmentError, match=r"^the matrix is 101x101: at most 100x100"):
        synthesize(root, {})


def test_completion_says_when_newton_does_not_settle(monkeypatch):
    four_missing = from_upper(6, [2, 3, "?", 4, 7, 2, 3, "?", 5, 2, 1, "?", "1/2", "?", 3])  # settles in 2 steps
    assert priorities(four_missing).warnings == ()
    monkeypatch.setattr(completion, "NEWTON_STEPS", 1)
    r = priorities(four_missing)
    assert r.warnings == (completion.CompletionNote("unsettled", 4, 1),) and tuple(map(str, r.warnings)) == (
        "the lambda-max completion did not settle in 1 Newton steps: the completed judgments may be off",
    )
    root = Node("goal", "G", children=tuple(Node(k, k.upper()) for k in "abcdef"))
    s = synthesize(root, {"goal": four_missing})
    assert s.nodes["goal"].warnings == (
        "G (goal): the lambda-max completion did not settle in 1 Newton steps: the completed judgments may be off",
    )
    assert s.warnings == s.nodes["goal"].warnings


def test_too_many_missing_pairs_for_newton_go_to_harker_and_say_so(monkeypatch):
    monkeypatch.setattr(completion, "NEWTON_PAIRS_UP_TO", 0)
    r = priorities(BFR)
    np.testing.assert_array_equal(r.completed, complete(np.array(BFR), "harker"))
    assert tuple(map(str, r.warnings)) == (
        "1 judgments missing, more than the 0 the lambda-max completion handles: completed by Harker's method instead",
    )


def test_a_large_matrix_with_most_pairs_missing_finishes_in_bounded_memory():
    # 100x100 with 60% of the pairs missing (2,970): Newton's dense Hessian would take 70 MB per
    # matrix and k^3 work; Harker's method keeps memory linear. The child may use 1 GiB of address space.
    script = textwrap.dedent("""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        import numpy as np
        from ahp import priorities, JudgmentError
        rng = np.random.default_rng(0)
        n = 100
        w = rng.uniform(1, 3, n)
        a = w[:, None] / w[None, :]
        i, j = np.triu_indices(n, 1)
        gone = rng.random(len(i)) < 0.6
        gone[(j == i + 1)] = False  # a path through all elements stays known: connected
        a[i[gone], j[gone]] = a[j[gone], i[gone]] = np.nan
        r = priorities(a)
        print(r.missing, str(r.warnings[0]).split(": ")[1], round(float(r.cr), 9), sep="|")
        try:
            priorities(np.ones((300, 300)))
        except JudgmentError as exc:
            print(exc)
    """)
    env = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert out.returncode == 0, out.stderr
    missing, how, cr = out.stdout.splitlines()[0].split("|")
    assert int(missing) > 2000 and how == "completed by Harker's method instead" and float(cr) == 0.0
    refusal = out.stdout.splitlines()[1]
    assert refusal == "the matrix is 300x300: at most 100x100 (100 elements compared) can be analysed"


def test_group_errors_are_ahp_errors_with_one_line():
    with pytest.raises(AHPError) as err:
        aggregate_priorities(np.array([[0.5, 0.5]]), mean="median")
    assert str(err.value) == "unknown mean 'median'; choose one of geometric, arithmetic"
    with pytest.raises(AHPError) as err:
        aggregate_priorities(np.array([[0.5, 0.5], [0.4, 0.6]]), np.array([1.0, -1.0]))
    assert str(err.value) == "respondent weights must be 2 finite numbers, none negative and not all 0"


def test_individual_priorities_are_priorities_of_each_matrix():
    rng = np.random.default_rng(4)
    stack = np.ones((20, 4, 4))
    upper = rng.choice([1 / 5, 1 / 3, 1, 3, 5, 7], size=(20, 6))
    i, j = np.triu_indices(4, 1)
    stack[:, i, j], stack[:, j, i] = upper, 1 / upper
    stack[3, 0, 1] = stack[3, 1, 0] = np.nan
    ind = individual_priorities(stack)
    for k, a in enumerate(stack):
        r = priorities(a)
        np.testing.assert_allclose(ind.weights[k], r.weights, atol=1e-12)
        assert ind.cr[k] == pytest.approx(r.cr, abs=1e-12) and ind.consistent[k] == r.consistent


def test_newton_in_chunks_gives_what_it_gives_in_one_go(monkeypatch):
    rng = np.random.default_rng(9)
    stack = np.ones((7, 5, 5))
    i, j = np.triu_indices(5, 1)
    upper = rng.choice([1 / 7, 1 / 3, 1 / 2, 1, 2, 3, 5], size=(7, 10))
    stack[:, i, j], stack[:, j, i] = upper, 1 / upper
    for k in range(7):  # one to three missing pairs, never cutting element 4 off
        for p in range(k % 3 + 1):
            stack[k, p, p + 1] = stack[k, p + 1, p] = np.nan
    whole = completion.complete_stack(stack)
    monkeypatch.setattr(completion, "_HESSIAN_ENTRIES", 9)  # 9 // 3^2: one matrix per chunk
    np.testing.assert_allclose(completion.complete_stack(stack), whole, rtol=1e-9)


def test_a_node_cut_in_two_gives_the_facts_not_a_sentence():
    from ahp.core.completion import Unlinked, UnlinkedError
    from ahp.core.priorities import analyse_matrices

    nan = np.nan
    cut = np.array([[1, 2, nan, nan], [1 / 2, 1, nan, nan], [nan, nan, 1, 3], [nan, nan, 1 / 3, 1]])
    assert analyse_matrices([cut])[0] == Unlinked(linked=(0, 1), cut=(2, 3))
    root = Node("goal", "G", children=(Node("a", "A"), Node("b", "B"), Node("c", "C"), Node("d", "D")))
    assert synthesize(root, {"goal": cut}).nodes["goal"].problem == Unlinked((0, 1), (2, 3))
    with pytest.raises(UnlinkedError) as err:
        priorities(cut, labels=["a", "b", "c", "d"])
    assert err.value.unlinked == Unlinked((0, 1), (2, 3)) and err.value.labels == ["a", "b", "c", "d"]
    assert str(err.value) == ("the known judgments do not connect all elements: c, d are not compared, "
                              "directly or through others, with a; add a judgment linking them")
