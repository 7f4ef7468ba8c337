"""Issue 19 in the TUI: the interview asks the planner's questions, says how many may remain,
and once the top factors are settled says so and offers to stop or go on."""

from __future__ import annotations

import time
from pathlib import Path

from ahp.io.interview import question_count
from ahp.io.project import load_project
from ahp.tui.app import AHPApp
from ahp.tui.screens.interview import InterviewScreen
from tests.interviewing import true_answer
from tests.tui.driving import settle

SIZE = (100, 30)


def keys_for(value: float) -> list[str]:
    """The keys that set a judgment to ``value`` (left element ``value`` times the right one)."""
    if value == 1:
        return ["equals_sign"]
    return ["left", str(round(value))] if value > 1 else ["right", str(round(1 / value))]


def question_line(app: AHPApp) -> str:
    return str(app.screen.query_one("#question").render())


def progress_line(app: AHPApp) -> str:
    return str(app.screen.query_one("#progress").render())


async def answer_until_offer(app: AHPApp, pilot) -> tuple[int, float]:
    """Answer as the consistent respondent what the screen asks until it stops asking; how many
    were asked, and the longest a move to the next question took (seconds)."""
    screen = app.screen
    asked, slowest = 0, 0.0
    while (q := screen.current) is not None:
        assert asked < 100
        await pilot.press(*keys_for(true_answer(app.session.project, q.path, q.a, q.b)))
        assert app.session.value(q.path, q.a, q.b) is not None
        started = time.perf_counter()
        await pilot.press("enter")
        slowest = max(slowest, time.perf_counter() - started)
        asked += 1
    return asked, slowest


async def test_a_consistent_respondent_reaches_the_settled_message_before_the_end(fresh: Path) -> None:
    app = AHPApp(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        n = question_count(app.session.project)
        assert progress_line(app) == f"Interview · Respondent 1 · at most {n} more · Customer churn degree"
        await pilot.press("3")
        assert progress_line(app) == f"Interview · Respondent 1 · at most {n - 1} more · Customer churn degree"
        await pilot.press("enter", "backspace")  # back at a question asked before: where it comes in the order
        assert progress_line(app) == f"Interview · Respondent 1 · Question 1 of {n} · Customer churn degree"
        asked, slowest = await answer_until_offer(app, pilot)
        assert asked < n and app.screen.interview.offer
        rest = n - asked
        assert question_line(app) == (f"No answer to the remaining {rest} questions can change the top 5 factors. "
                                      "Stop here (r: results) or go on (→).")
        assert progress_line(app) == f"Interview · Respondent 1 · {asked} of {n} answered"
        await pilot.press("l")
        await pilot.pause()
        assert question_line(app) == (f"剩下的 {rest} 个问题无论怎样回答，都不会改变前 5 个因素的排序。"
                                      "可以到此为止（r：结果），也可以继续（→）。")
        assert progress_line(app) == f"访谈 · Respondent 1 · 已答 {asked}/{n} 题"
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "ResultsScreen"
        await settle(app, pilot)
    saved = load_project(fresh)
    assert sum(len(p) for p in saved.respondents[0].judgments.values()) == asked
    print(f"slowest move to the next question: {1000 * slowest:.0f} ms")


async def test_the_progress_line_counts_down_in_chinese(fresh: Path) -> None:
    app = AHPApp(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "l")
        await pilot.pause()
        n = question_count(app.session.project)
        assert progress_line(app) == f"访谈 · Respondent 1 · 最多还需 {n} 题 · 客户流失度"


async def test_going_on_after_the_offer_allows_answering_the_rest(fresh: Path) -> None:
    app = AHPApp(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        first, _ = await answer_until_offer(app, pilot)
        await pilot.press("right")  # go on
        await pilot.pause()
        q = screen.current
        order = screen.interview.order
        unanswered = [o for o in order if app.session.value(o.path, o.a, o.b) is None]
        assert q == unanswered[0]  # today's order
        n = len(order)
        assert progress_line(app).startswith(f"Interview · Respondent 1 · Question {order.index(q) + 1} of {n} · ")
        rest, _ = await answer_until_offer(app, pilot)
        assert first + rest == n and not screen.interview.offer
        assert question_line(app) == "All questions asked. Press r for the results or esc to return."
        await settle(app, pilot)
    saved = load_project(fresh)
    assert sum(len(p) for p in saved.respondents[0].judgments.values()) == n


async def test_a_skipped_question_is_not_asked_again(fresh: Path) -> None:
    app = AHPApp(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        skipped = screen.current
        await pilot.press("s")
        assert screen.current != skipped and app.session.value(skipped.path, skipped.a, skipped.b) is None
        await pilot.press("backspace")
        assert screen.current == skipped
        await pilot.press("3", "enter")
        await settle(app, pilot)
        assert app.session.value(skipped.path, skipped.a, skipped.b) == 3.0
