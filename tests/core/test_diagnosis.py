"""Judgments to revisit: exact where judgments are missing, the smallest passing change first,
and bounded work on large matrices.

The brute-force property runs ``AHP_BRUTE_FORCE_EXAMPLES`` examples (30 by default); set it
higher for a longer search.
"""

from __future__ import annotations

import os
import tracemalloc

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ahp import priorities
from ahp.core.completion import COMPLETIONS, connected
from ahp.core.matrix import from_upper, upper_pairs
from ahp.core.scale import SCALE, nearest_on_scale

EXAMPLES = int(os.environ.get("AHP_BRUTE_FORCE_EXAMPLES", "30"))
PLACES = {v: k for k, v in enumerate(SCALE)}


@st.composite
def incomplete_matrices(draw) -> np.ndarray:
    """n 4-6, judgments on the scale, 1-3 pairs missing, the rest linking every element."""
    n = draw(st.integers(4, 6))
    i, j = upper_pairs(n)
    values = draw(st.lists(st.sampled_from(SCALE), min_size=len(i), max_size=len(i)))
    a = from_upper(n, values)
    gaps = draw(st.lists(st.integers(0, len(i) - 1), min_size=1, max_size=3, unique=True))
    a[i[gaps], j[gaps]] = a[j[gaps], i[gaps]] = np.nan
    assume(connected(a[None])[0])
    return a


def cr_of_every_value(a: np.ndarray, row: int, col: int, completion: str) -> np.ndarray:
    """Brute force: CR with judgment (row, col) set to each of the 17 scale values, completed afresh."""
    out = []
    for v in SCALE:
        b = a.copy()
        b[row, col], b[col, row] = v, 1 / v
        out.append(priorities(b, completion=completion).cr)
    return np.array(out)


@settings(max_examples=EXAMPLES, deadline=None)
@given(incomplete_matrices(), st.sampled_from(COMPLETIONS))
def test_suggestions_match_brute_force_over_the_whole_scale(a, completion):
    r = priorities(a, completion=completion)
    if r.consistent:
        assert r.suggestions == ()
        return
    brute = {(s.row, s.col): cr_of_every_value(a, s.row, s.col, completion) for s in r.suggestions}
    for s in r.suggestions:
        assert not np.isnan(a[s.row, s.col]), "a missing judgment is never suggested"
        crs = brute[s.row, s.col]
        assert s.cr_after == pytest.approx(crs[PLACES[s.suggested]], abs=1e-9)
        assert s.implied == nearest_on_scale(r.weights[s.row] / r.weights[s.col])
        steps = np.abs(np.arange(len(SCALE)) - PLACES[s.current])
        if s.kind == "best":
            assert s.cr_after == pytest.approx(crs.min(), abs=1e-9)
        else:
            assert s.kind == "passes" and s.cr_after <= r.threshold
            nearer = (steps < steps[PLACES[s.suggested]]) & (crs < r.threshold - 1e-9)
            assert not nearer.any(), "a passing value nearer the current one"
    first = r.suggestions[0]
    passing = {pair: crs < r.threshold - 1e-9 for pair, crs in brute.items()}
    if any(p.any() for p in passing.values()):
        assert first.kind == "passes"
        fewest = min(np.abs(np.flatnonzero(p) - PLACES[a[pair]]).min() for pair, p in passing.items() if p.any())
        assert abs(PLACES[first.suggested] - PLACES[first.current]) == fewest


def test_first_suggestion_is_the_smallest_change_that_passes_not_a_reversal():
    """A 4x B fails; 2 passes, 1/2 (B more important) lowers CR most: 2 first, then 1/2."""
    a = np.array([[1, 4, 1, 1 / 2], [1 / 4, 1, 1, 1], [1, 1, 1, 1], [2, 1, 1, 1]])
    r = priorities(a)
    assert not r.consistent
    first, second = r.suggestions[:2]
    assert (first.kind, first.row, first.col, first.current, first.suggested) == ("passes", 0, 1, 4.0, 2.0)
    assert first.cr_after <= r.threshold
    assert (second.kind, second.row, second.col, second.suggested) == ("best", 0, 1, 1 / 2)
    assert second.cr_after < first.cr_after
    assert first.implied == second.implied == 2.0


def test_no_suggestion_when_the_node_passes():
    r = priorities([[1, 2, 3], [1 / 2, 1, 2], [1 / 3, 1 / 2, 1]])
    assert 0 < r.cr <= r.threshold
    assert r.suggestions == ()


def test_as_many_suggestions_as_asked_when_a_worst_pair_has_nothing_better():
    """One of the three worst pairs is best where it is: the next pair takes its place."""
    a = from_upper(5, ["1/3", "9", "1/3", "1/4", "8", "1/8", "1/3", "1/9", "1/4", "5"])
    r = priorities(a)
    assert not r.consistent
    assert len(r.suggestions) == 3
    assert len({(s.row, s.col, s.suggested) for s in r.suggestions}) == 3


def test_suggestions_on_a_large_matrix_hold_no_trial_matrices():
    """Memory in n^2, not n^2 x 17 trial values x pairs (a 2000 x 2000 matrix once took 4.9 GB)."""
    n = 100  # the largest matrix ahp.core.matrix accepts (MAX_ELEMENTS)
    rng = np.random.default_rng(0)
    w = rng.uniform(1, 3, n)
    noise = np.exp(np.triu(rng.normal(0, 1.2, (n, n)), 1))
    a = np.clip(w[:, None] / w[None, :] * noise / noise.T, 1 / 9, 9)
    r = priorities(a)
    assert not r.consistent
    tracemalloc.start()
    try:
        suggestions = r.suggestions
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(suggestions) == 3
    assert peak < 12 * n * n * 8


def test_the_judgments_to_revisit_are_worked_out_only_when_asked_for_and_once(monkeypatch):
    """An analysis costs the weights and CR: the diagnosis (a search over the scale) runs when
    ``suggestions`` is first read, whatever ``suggestions=`` count was asked."""
    import ahp.core.diagnosis as diagnosis

    calls = []
    real = diagnosis.suggest
    monkeypatch.setattr(diagnosis, "suggest", lambda *a, **k: calls.append(1) or real(*a, **k))
    failing = from_upper(4, [4, 1, "1/2", 1, 1, 1])  # CR 0.166: there is something to suggest
    r = priorities(failing)
    assert calls == [] and not r.consistent
    assert r.suggestions and r.suggestions == r.suggestions and len(calls) == 1
    assert priorities(failing, suggestions=0).suggestions == () and len(calls) == 1
