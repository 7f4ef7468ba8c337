"""Saving from another thread: a snapshot taken where the project is edited, saved elsewhere,
then adopted, never drops a change (a rename above all) made while the save ran."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ahp.io.project import load_project

COMMENTED = """format = 1
[project]
title = "t"
[model]
id = "m"
goal = "Churn"
[[model.criteria]]
id = "service"
name = "Service"
[[model.criteria]]
id = "price"
name = "Price"
[[respondents]]
name = "Ann"
# Ann was unsure about price
[respondents.judgments.goal]
service = { price = 3 }
[[respondents]]
name = "Bo"
[respondents.judgments.goal]
service = { price = 5 }  # firm
"""


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    path = tmp_path / "p.ahp.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def held(path: Path) -> list[tuple[str, float, float | None]]:
    p = load_project(path)
    return [(r.name, r.weight, p.judgment(i, "goal", "service", "price")) for i, r in enumerate(p.respondents)]


def test_a_rename_made_while_a_snapshot_is_saved_stays_pending_and_keeps_its_table(commented):
    p = load_project(commented)
    p.set_judgment(1, "goal", "service", "price", 7)
    saving = p.snapshot()
    p.rename_respondent("Ann", "Annie")  # lands during the save
    saving.save()
    assert held(commented) == [("Ann", 1.0, 3.0), ("Bo", 1.0, 7.0)]
    p.adopt(saving)
    p.save()
    assert held(commented) == [("Annie", 1.0, 3.0), ("Bo", 1.0, 7.0)]
    assert "# Ann was unsure about price" in commented.read_text()


def test_renames_on_both_sides_of_a_snapshot_chain_and_swap(commented):
    p = load_project(commented)
    p.rename_respondent("Ann", "tmp")
    saving = p.snapshot()
    p.rename_respondent("Bo", "Ann")
    p.rename_respondent("tmp", "Bo")  # Ann and Bo swapped names, half before the snapshot
    saving.save()
    assert held(commented) == [("tmp", 1.0, 3.0), ("Bo", 1.0, 5.0)]
    p.adopt(saving)
    p.save()
    assert held(commented) == [("Bo", 1.0, 3.0), ("Ann", 1.0, 5.0)]
    text = commented.read_text()
    assert text.index("# Ann was unsure") < text.index('name = "Ann"')  # the comment followed its respondent


def test_changes_after_a_snapshot_are_not_in_it_and_a_snapshot_is_independent(commented):
    p = load_project(commented)
    saving = p.snapshot()
    p.set_judgment(0, "goal", "service", "price", 9)
    p.set_respondent_weight("Bo", 2)
    p.remove_respondent("Bo")
    p.add_respondent("Cy")
    assert [r.name for r in saving.respondents] == ["Ann", "Bo"]
    assert saving.judgment(0, "goal", "service", "price") == 3
    saving.save()
    p.adopt(saving)
    assert held(commented) == [("Ann", 1.0, 3.0), ("Bo", 1.0, 5.0)]
    p.save()
    assert held(commented) == [("Ann", 1.0, 9.0), ("Cy", 1.0, None)]


def test_snapshots_saved_in_turn_before_either_is_adopted(commented):
    p = load_project(commented)
    first = p.snapshot()
    p.rename_respondent("Bo", "Bob")
    second = p.snapshot()
    p.set_judgment(0, "goal", "service", "price", 2)
    first.save()
    second.save()  # from the file state before the first save: still a whole, right file
    assert held(commented) == [("Ann", 1.0, 3.0), ("Bob", 1.0, 5.0)]
    p.adopt(first)
    p.adopt(second)
    p.save()
    assert held(commented) == [("Ann", 1.0, 2.0), ("Bob", 1.0, 5.0)]


def test_adopt_takes_only_a_snapshot_of_the_same_project(commented):
    p, other = load_project(commented), load_project(commented)
    with pytest.raises(ValueError, match="adopt"):
        p.adopt(other.snapshot())


def test_a_save_thread_racing_renames_and_edits_loses_nothing(commented):
    """The TUI's pattern: snapshot on the editing thread, save in a worker, adopt afterwards."""
    p = load_project(commented)
    ready: list = []
    done: list = []
    lock = threading.Lock()
    stop = threading.Event()

    def worker() -> None:
        while not stop.is_set() or ready:
            with lock:
                job = ready.pop(0) if ready else None
            if job is not None:
                job.save()
                with lock:
                    done.append(job)

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        names = ["Ann", "Bo"]
        for step in range(60):
            k = step % 2
            new = f"{names[k]}-{step}"
            p.rename_respondent(names[k], new)
            names[k] = new
            p.set_judgment(k, "goal", "service", "price", 1 + step % 9)
            with lock:
                ready.append(p.snapshot())
                finished, done[:] = list(done), []
            for job in finished:
                p.adopt(job)
    finally:
        stop.set()
        thread.join()
    for job in done:
        p.adopt(job)
    p.save()
    expected = [(r.name, r.weight, p.judgment(i, "goal", "service", "price")) for i, r in enumerate(p.respondents)]
    assert held(commented) == expected
    assert "# Ann was unsure about price" in commented.read_text()
