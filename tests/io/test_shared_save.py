"""Several writers on one project file: lock, reload, merge only one's own change, atomic write."""

from __future__ import annotations

import multiprocessing
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


def _write_when_told(path: str, name: str, k: int, times: int, go) -> None:
    """:func:`_write_many` once ``go`` (a multiprocessing event) is set."""
    go.wait(timeout=120)
    _write_many(path, name, k, times)


async def _race(shared: Path, times: int) -> None:
    """Three respondent processes each save their answers ``times`` times, while the consultant's
    TUI, driven by key presses in the interview screen of the Consultant respondent, saves too
    (it types on until every process has finished, and at least ``times`` answers)."""
    import asyncio

    from ahp.tui.app import AHPApp
    from ahp.tui.screens.interview import InterviewScreen
    from tests.tui.driving import settle

    ctx = multiprocessing.get_context("spawn")
    go = ctx.Event()
    names = ["Ann", "Bo", "Cy"]
    procs = [ctx.Process(target=_write_when_told, args=(str(shared), n, k, times, go)) for k, n in enumerate(names)]
    for proc in procs:
        proc.start()
    typed: dict[tuple[str, str, str], float | None] = {}
    app = AHPApp(shared)
    async with app.run_test(size=(100, 40)) as pilot:
        while app.session.respondent_name != "Consultant":
            await pilot.press("p")
        await pilot.press("i")
        await settle(app, pilot)
        assert isinstance(app.screen, InterviewScreen)
        go.set()
        step = 0
        while step < times or any(proc.is_alive() for proc in procs):
            q = app.screen.current
            await pilot.press(str(1 + step % 9))
            typed[q.path, q.a, q.b] = app.session.value(q.path, q.a, q.b)
            await pilot.press("enter" if step % 3 else "backspace")
            if app.screen.current is None:  # past the last question, or at the settled offer
                await pilot.press("backspace")
            await settle(app, pilot)
            step += 1
        for proc in procs:
            await asyncio.to_thread(proc.join, 600)
            assert proc.exitcode == 0
        await settle(app, pilot)
        assert app.saver.error is None and not app.saver.unsaved
    for k, name in enumerate(names):
        assert _answers(shared, name) == _values(times - 1, k), name
    saved = load_project(shared)
    me = saved.respondent_index("Consultant")
    assert {pair: saved.judgment(me, *pair) for pair in typed} == typed
    assert len(typed) > 1
    assert [r.name for r in saved.respondents] == ["Respondent 1", "Ann", "Bo", "Cy", "Consultant"]


async def test_concurrent_writers_and_a_tui_lose_nothing(shared):
    await _race(shared, 20)


@pytest.mark.slow
async def test_concurrent_writers_and_a_tui_lose_nothing_200_times(shared):
    await _race(shared, 200)
