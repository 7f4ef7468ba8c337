"""The respondent-only interview that ``ahp serve`` runs: their questions, nothing else."""

from __future__ import annotations

from pathlib import Path

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
        q = app.screen.questions[0]
        assert saved.judgment(1, q.path, q.a, q.b) is None
        assert saved.respondents[0].judgments == before.respondents[0].judgments
        for _ in app.screen.questions:
            await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DoneScreen)
        assert "33" in screen_text(app) and "34" in screen_text(app)
        await pilot.press("backspace")
        await settle(app, pilot)
        assert isinstance(app.screen, RespondentInterview)
