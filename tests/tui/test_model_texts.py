"""What the model says shows on screen: descriptions in the interview and the tree, the fuzzy
evaluation and the owners on the risk screen, and a note when the file's model is an earlier
edition of the built-in one."""

from __future__ import annotations

from pathlib import Path

from ahp.io.project import load_project, new_project
from ahp.tui.app import AHPApp
from tests.tui.screen_text import screen_text


async def shown(path: Path, keys: list[str], size: tuple[int, int] = (120, 40)) -> str:
    app = AHPApp(path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)
        return screen_text(app)


async def test_the_interview_explains_both_elements_of_the_question(fresh: Path):
    text = await shown(fresh, ["i"])
    assert "Service: The service customers get before, during and after a purchase" in text
    assert "Quality: Whether the goods on the shelves are good, fresh, available" in text


async def test_the_tree_shows_the_description_of_the_highlighted_node(fresh: Path):
    text = await shown(fresh, ["tab", "down", "down"])  # the tree, then Service, then its first factor
    assert "Staff who are cold or impolite, push sales hard" in text


async def test_the_risk_screen_shows_the_fuzzy_evaluation_and_who_acts(tmp_path: Path):
    p = new_project(tmp_path / "p.ahp.toml")
    for node in p.inner:
        for a, b in [(x, y) for i, x in enumerate(p.inner[node].children) for y in p.inner[node].children[i + 1:]]:
            p.set_judgment(0, node, a.id, b.id, 1.0)
    p.add_unit("North")
    p.units[0].ratings.update({"service/attitude": {"good": 30, "poor": 10}, "competition/online": "very-poor"})
    p.save()
    text = await shown(load_project(p.path).path, ["k"])
    assert "Fuzzy comprehensive evaluation, M(·,+)" in text
    assert "Store" in text and "External" in text and "Whole unit" in text


async def test_results_say_the_demo_embeds_an_earlier_edition_of_the_model(demo: Path):
    text = await shown(demo, ["r"])
    assert "this file's model 'retail-churn' (no version) is not the built-in one (version 2026.12" in text


def test_a_rating_by_counts_shows_its_grade_of_maximum_membership():
    from ahp.io.model import load_model
    from ahp.tui.screens.ratings import grade_cells

    grade, scale = grade_cells(load_model().grades, {"good": 3, "poor": 5}, "zh")
    assert (grade.plain, scale.plain) == ("较差~", "■■■■□")


def test_undoing_a_grade_set_over_counts_brings_the_counts_back(tmp_path: Path):
    from ahp.tui.session import Session

    p = new_project(tmp_path / "p.ahp.toml")
    p.add_unit("North")
    p.units[0].ratings["service/attitude"] = {"good": 3, "poor": 1}
    s = Session(p)
    assert s.set_rating(0, "service/attitude", "fair")
    assert s.undo_rating() == (0, "service/attitude")
    assert p.units[0].ratings["service/attitude"] == {"good": 3, "poor": 1}
