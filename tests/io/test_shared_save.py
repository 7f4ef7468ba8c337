"""Several writers on one project file: lock, reload, merge only one's own change, atomic write."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest

from ahp.io.project import load_project, new_project
from ahp.io.shared_save import merge_judgments

PAIRS = [("service", "quality"), ("service", "price"), ("quality", "price")]


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "shared.ahp.toml"
    p = new_project(path)
    for name in ("Ann", "Bo", "Cy", "Consultant"):
        p.add_respondent(name)
    p.save()
    return path


def _values(step: int, k: int) -> list[float]:
    return [float(1 + (step + k + j) % 9) for j in range(len(PAIRS))]


def _write_many(path: str, name: str, k: int, times: int) -> None:
    """One respondent's writer: load once, then answer and save ``times`` times."""
    p = load_project(path)
    i = p.respondent_index(name)
    for step in range(times):
        for (a, b), v in zip(PAIRS, _values(step, k), strict=True):
            p.set_judgment(i, "goal", a, b, v)
        p.save()


def _answers(path: Path, name: str) -> list[float | None]:
    p = load_project(path)
    i = p.respondent_index(name)
    return [p.judgment(i, "goal", a, b) for a, b in PAIRS]


def test_merge_keeps_my_changed_pairs_and_their_others():
    base = {"goal": {("a", "b"): 3.0}}
    mine = {"goal": {("b", "a"): 0.5}}
    theirs = {"goal": {("a", "b"): 3.0, ("a", "c"): 7.0}, "service": {("x", "y"): 2.0}}
    merged = {"goal": {("b", "a"): 0.5, ("a", "c"): 7.0}, "service": {("x", "y"): 2.0}}
    assert merge_judgments(base, mine, theirs) == merged


def test_a_stale_writer_keeps_the_answers_another_saved(shared):
    first, second = load_project(shared), load_project(shared)
    first.set_judgment(first.respondent_index("Ann"), "goal", "service", "price", 5)
    first.save()
    second.set_judgment(second.respondent_index("Bo"), "goal", "service", "price", 3)
    second.save()
    assert _answers(shared, "Ann")[1] == 5 and _answers(shared, "Bo")[1] == 3
    assert second.judgment(second.respondent_index("Ann"), "goal", "service", "price") == 5  # taken in


def test_a_respondent_added_by_another_writer_survives(shared):
    first, second = load_project(shared), load_project(shared)
    first.add_respondent("Di")
    first.save()
    second.set_judgment(0, "goal", "service", "price", 2)
    second.save()
    assert [r.name for r in load_project(shared).respondents][-1] == "Di"


def test_snapshot_save_brings_others_answers_into_the_edited_project(shared):
    """The TUI's pattern: snapshot, another writer saves, the snapshot saves, adopt; the next save
    must not write the other writer's pairs back to their old values."""
    tui, other = load_project(shared), load_project(shared)
    me = tui.respondent_index("Consultant")
    tui.set_judgment(me, "goal", "service", "price", 4)
    copy = tui.snapshot()
    other.set_judgment(other.respondent_index("Ann"), "goal", "service", "price", 9)
    other.save()
    tui.set_judgment(me, "goal", "quality", "price", 2)  # edited while the copy is saved
    copy.save()
    tui.adopt(copy)
    tui.save()
    assert _answers(shared, "Ann")[1] == 9
    assert _answers(shared, "Consultant")[1:] == [4, 2]


def test_catch_up_reports_a_change_by_another_writer(shared):
    tui, other = load_project(shared), load_project(shared)
    assert tui.catch_up() is False
    other.set_judgment(0, "goal", "service", "price", 6)
    other.save()
    assert tui.catch_up() is True and tui.judgment(0, "goal", "service", "price") == 6


def _race(shared: Path, times: int) -> None:
    """Three respondent processes and a TUI-style writer (snapshot, save in a thread, adopt)."""
    ctx = multiprocessing.get_context("spawn")
    names = ["Ann", "Bo", "Cy"]
    procs = [ctx.Process(target=_write_many, args=(str(shared), n, k, times)) for k, n in enumerate(names)]
    for proc in procs:
        proc.start()
    tui = load_project(shared)
    me = tui.respondent_index("Consultant")
    for step in range(times):
        for (a, b), v in zip(PAIRS, _values(step, 7), strict=True):
            tui.set_judgment(me, "goal", a, b, v)
        copy = tui.snapshot()
        saver = threading.Thread(target=copy.save)
        saver.start()
        saver.join()
        tui.adopt(copy)
    for proc in procs:
        proc.join(timeout=600)
        assert proc.exitcode == 0
    for k, name in enumerate(names):
        assert _answers(shared, name) == _values(times - 1, k), name
    assert _answers(shared, "Consultant") == _values(times - 1, 7)
    assert [r.name for r in load_project(shared).respondents] == ["Respondent 1", "Ann", "Bo", "Cy", "Consultant"]


def test_concurrent_writers_lose_nothing(shared):
    _race(shared, 5)


@pytest.mark.slow
def test_concurrent_writers_lose_nothing_200_times(shared):
    _race(shared, 200)
