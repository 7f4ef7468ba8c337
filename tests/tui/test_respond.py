"""The respondent-only interview that ``ahp serve`` runs: their questions, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from ahp.io.interview import at_most, settled_text
from ahp.io.project import load_project
from ahp.tui.respond import DoneScreen, RespondentApp, RespondentInterview
from tests.tui.driving import settle
from tests.tui.screen_text import screen_text


async def test_only_the_respondents_own_interview_and_no_way_elsewhere(demo_path: Path) -> None:
    before = load_project(demo_path)
    app = RespondentApp(demo_path, "Regional manager", language="zh")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert "Store manager" not in text and str(demo_path) not in text and demo_path.name not in text
        assert "标度" in text and "顾客" in text  # the scale, and a question in full Chinese words
        for key in ("g", "r", "t", "k", "e", "i", "question_mark", "ctrl+p", "escape", "ctrl+z"):
            await pilot.press(key)
            await settle(app, pilot)
            assert isinstance(app.screen, RespondentInterview) and len(app.screen_stack) == 2, key
        await pilot.press("x")  # clear the first answer: saved at once, for this respondent only
        await settle(app, pilot)
        saved = load_project(demo_path)
        q = app.screen.interview.order[0]
        assert saved.judgment(1, q.path, q.a, q.b) is None
        assert saved.respondents[0].judgments == before.respondents[0].judgments
        for _ in app.screen.interview.order:
            await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DoneScreen)
        assert "33" in screen_text(app) and "34" in screen_text(app)
        await pilot.press("backspace")
        await settle(app, pilot)
        assert isinstance(app.screen, RespondentInterview)


async def _answer(pilot, value: float) -> None:
    """Type ``value`` as a respondent does: a digit toward the left element, or → then a digit toward the right."""
    if value >= 1:
        await pilot.press(str(round(value)))
    else:
        await pilot.press("right", str(round(1 / value)))


def _progress(app) -> str:
    return str(app.screen.query_one("#progress", Static).render())


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_respondent_gets_the_planners_order_and_may_stop_when_settled_or_go_on(demo_path: Path,
                                                                                         language: str) -> None:
    p = load_project(demo_path)
    ann = p.add_respondent("Ann")
    p.save()
    truth = load_project(demo_path)  # Ann answers as the store manager did: consistent, well apart
    app = RespondentApp(demo_path, "Ann", language=language)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        talk = app.screen.interview
        asked = 0
        while talk.current is not None:
            q = talk.current
            planned = load_project(demo_path).next_question("Ann")
            assert (q.path, {q.a, q.b}) == (planned.path, {planned.a, planned.b})  # the planner's question
            await _answer(pilot, truth.judgment(0, q.path, q.a, q.b))
            await pilot.press("enter")
            await settle(app, pilot)
            asked += 1
            if talk.current is not None:  # after each answer: how many remain at most
                remaining = load_project(demo_path).plan("Ann").remaining
                assert at_most(remaining, language) in _progress(app)
        assert talk.offer and asked < len(talk.order)
        unanswered = len(talk.order) - asked
        said = str(app.screen.query_one("#question", Static).render())
        assert said.startswith(settled_text(unanswered, 5, language))  # the TUI's plain words
        assert ("到此为止（enter）" if language == "zh" else "stop here (enter)") in said
        await pilot.press("enter")  # stop: the done screen
        await settle(app, pilot)
        assert isinstance(app.screen, DoneScreen)
        assert (f"{len(talk.order)} 题中的 {asked} 题" if language == "zh" else f"{asked} of {len(talk.order)}") in \
            screen_text(app)
        await pilot.press("backspace")  # back to the offer, then go on: every question may be answered
        await pilot.press("right")
        await settle(app, pilot)
        assert isinstance(app.screen, RespondentInterview) and talk.current is not None
        for _ in range(len(talk.order) - asked):
            q = talk.current
            await _answer(pilot, truth.judgment(0, q.path, q.a, q.b))
            await pilot.press("enter")
            await settle(app, pilot)
        assert isinstance(app.screen, DoneScreen)
    saved = load_project(demo_path)
    assert saved.respondents[ann].judgments == truth.respondents[0].judgments
