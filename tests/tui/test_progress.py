"""The group screen's progress: answers written to the file from outside (as a browser respondent's
are, through the merging save) show up in the open screen, in place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ahp.io.project import load_project
from ahp.tui.app import FOLLOW_EVERY, AHPApp
from ahp.tui.screens.group import GroupScreen
from ahp.tui.screens.interview import InterviewScreen
from tests.tui.driving import settle
from tests.tui.screen_text import screen_text

#: A respondent's answers at the price node that fail the consistency test.
INCONSISTENT_PRICE = [("level", "promotions", 9), ("promotions", "membership", 9), ("membership", "value", 9),
                      ("value", "level", 9), ("membership", "level", 9), ("value", "promotions", 9)]


def _answer_from_outside(path: Path, name: str, answers: list[tuple[str, str, float]]) -> None:
    """What ahp serve's respondent app does on each answer: set it and save (lock, reload, merge)."""
    other = load_project(path)
    i = other.respondent_index(name)
    for a, b, v in answers:
        other.set_judgment(i, "price", a, b, v)
    other.save()


def _row(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if re.search(rf"^\W*{name}\s+\d+/\d+", line.strip()))


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_open_group_screen_shows_answers_arriving_from_outside(demo: Path, language: str) -> None:
    p = load_project(demo)
    p.add_respondent("Ann")
    p.save()
    app = AHPApp(demo, language=language)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("p")  # Regional manager on screen: the place the screen must keep
        await pilot.press("g")
        await settle(app, pilot)
        assert isinstance(app.screen, GroupScreen)
        text = screen_text(app)
        assert ("答题进度" if language == "zh" else "Progress") in text
        assert _row(text, "Ann").split()[1:3] == ["0/34", "—"]
        assert _row(text, "Store manager").split()[2:] == (
            ["34/34", "已全部作答", "0.017", "✓", "5✓", "0✗", "0?"] if language == "zh"
            else ["34/34", "all", "answered", "0.017", "✓", "5✓", "0✗", "0?"])
        _answer_from_outside(demo, "Ann", INCONSISTENT_PRICE[:3])
        await pilot.pause(FOLLOW_EVERY * 2.5)
        await settle(app, pilot)
        row = _row(screen_text(app), "Ann").split()
        assert row[1:] == ["3/34", "未确定" if language == "zh" else "open", "0.000", "✓", "1✓", "0✗", "4?"]
        _answer_from_outside(demo, "Ann", INCONSISTENT_PRICE[3:])
        await pilot.pause(FOLLOW_EVERY * 2.5)
        await settle(app, pilot)
        text = screen_text(app)
        cr = load_project(demo).synthesize("Ann", suggestions=0).nodes["price"].result.cr
        assert _row(text, "Ann").split()[1:] == ["6/34", "未确定" if language == "zh" else "open", f"{cr:.3f}", "✗",
                                                 "0✓", "1✗", "4?", "价格" if language == "zh" else "Price"]
        assert isinstance(app.screen, GroupScreen) and app.session.respondent_name == "Regional manager"
        assert _row(text, "Regional manager").lstrip().startswith("▶")


async def test_the_group_screen_keeps_its_scroll_when_answers_arrive(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await settle(app, pilot)
        scroll = app.screen.query_one("#group")
        scroll.scroll_to(y=12, animate=False)
        await settle(app, pilot)
        assert scroll.scroll_y == 12
        _answer_from_outside(demo, "Regional manager", [("level", "promotions", 2)])
        await pilot.pause(FOLLOW_EVERY * 2.5)
        await settle(app, pilot)
        assert app.session.project.judgment(1, "price", "level", "promotions") == 2
        assert scroll.scroll_y == 12


async def test_the_interview_keeps_its_question_when_others_answers_arrive(demo: Path) -> None:
    p = load_project(demo)
    p.add_respondent("Ann")
    p.save()
    app = AHPApp(demo)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        await settle(app, pilot)
        assert isinstance(app.screen, InterviewScreen)
        for _ in range(3):
            await pilot.press("enter")
        await settle(app, pilot)
        before = app.screen.current, app.screen.interview.index
        _answer_from_outside(demo, "Ann", INCONSISTENT_PRICE[:2])
        await pilot.pause(FOLLOW_EVERY * 2.5)
        await settle(app, pilot)
        assert app.session.project.judgment(2, "price", "level", "promotions") == 9
        assert (app.screen.current, app.screen.interview.index) == before
