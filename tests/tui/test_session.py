"""The session behind the screens, without a terminal: respondents, undo across them, saving copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from ahp.errors import AHPError
from ahp.io.project import load_project
from ahp.tui.session import Session, disagreement


def test_switch_add_rename_weight_remove(demo: Path) -> None:
    s = Session(load_project(demo))
    assert (s.respondent, s.respondent_name) == (0, "Store manager")
    s.switch(1)
    assert s.respondent_name == "Regional manager"
    assert s.synthesis.nodes["goal"].local_weights == pytest.approx(
        load_project(demo).synthesize("Regional manager").nodes["goal"].local_weights)
    s.switch(5)  # modulo the number of respondents
    assert s.respondent == 1
    assert s.add_respondent("  Area manager ") == 2 and s.respondent_name == "Area manager"
    with pytest.raises(AHPError, match="already a respondent named 'Store manager'"):
        s.add_respondent("Store manager")
    with pytest.raises(AHPError, match="needs a name"):
        s.add_respondent("   ")
    s.rename_respondent("Area lead")
    s.set_weight(2.0)
    assert (s.project.respondents[2].name, s.project.respondents[2].weight) == ("Area lead", 2.0)
    with pytest.raises(AHPError, match="positive"):
        s.set_weight(0)
    assert s.remove_respondent() == "Area lead" and s.respondent_name == "Regional manager"
    s.remove_respondent()
    s.remove_respondent()
    assert s.respondent is None and s.respondent_name is None and s.value("goal", "service", "quality") is None
    assert not s.set_judgment("goal", "service", "quality", 3.0)
    assert s.panel() is None and s.synthesis.nodes["goal"].status == "incomplete"
    with pytest.raises(AHPError, match="no respondent yet"):
        s.rename_respondent("x")


def test_undo_brings_back_the_respondent_who_made_the_change(demo: Path) -> None:
    s = Session(load_project(demo))
    s.set_judgment("goal", "service", "quality", 5.0)  # the Store manager's
    s.switch(1)
    s.set_judgment("goal", "service", "quality", 1 / 3)  # the Regional manager's
    s.switch(0)
    undone = s.undo()
    assert (undone.path, undone.a, undone.b) == ("goal", "service", "quality") and s.respondent == 1
    assert s.value("goal", "service", "quality") == 2.0
    assert s.undo() and s.respondent == 0 and s.value("goal", "service", "quality") == 2.0
    assert s.redo() and s.respondent == 0 and s.value("goal", "service", "quality") == 5.0


def test_undo_brings_back_a_removed_respondent_in_place_and_their_earlier_changes_still_undo(demo: Path) -> None:
    s = Session(load_project(demo))
    s.add_respondent("Area manager", 2.5)
    s.switch(1)
    before = load_project(demo).respondents[1]
    s.set_judgment("goal", "service", "quality", 5.0)
    assert s.remove_respondent("kept.toml") == "Regional manager"
    assert s.names == ["Store manager", "Area manager"] and s.respondent_name == "Area manager"
    removal = s.undo()
    assert removal.who.name == "Regional manager" and removal.index == 1 and removal.kept == "kept.toml"
    assert s.names == ["Store manager", "Regional manager", "Area manager"]
    assert s.respondent_name == "Regional manager" and s.value("goal", "service", "quality") == 5.0
    assert s.project.respondents[2].weight == 2.5
    s.undo()  # the change made to them before the removal
    assert s.project.respondents[1].judgments == before.judgments
    s.redo()
    s.redo()  # removed again
    assert s.names == ["Store manager", "Area manager"]


def test_a_save_snapshot_holds_the_project_as_it_was_when_taken(demo: Path) -> None:
    """Edits and renames made while a save runs are not in it, and the next save writes them."""
    s = Session(load_project(demo))
    copy = s.snapshot()
    s.set_judgment("goal", "service", "quality", 7.0)
    s.switch(1)
    s.rename_respondent("Area lead")
    assert copy.respondents[0].judgments["goal"][("service", "quality")] == 2.0
    assert [r.name for r in copy.respondents] == ["Store manager", "Regional manager"]
    copy.save()
    s.project.adopt(copy)
    saved = load_project(demo)
    assert saved.judgment(0, "goal", "service", "quality") == 2.0 and saved.respondents[1].name == "Regional manager"
    s.snapshot().save()
    saved = load_project(demo)
    assert saved.judgment(0, "goal", "service", "quality") == 7.0
    assert [r.name for r in saved.respondents] == ["Store manager", "Area lead"]
    assert saved.respondents[1].judgments == load_project(demo).respondents[1].judgments != {}


def test_results_scope_and_node_crs(demo: Path) -> None:
    s = Session(load_project(demo))
    assert s.shows_combined and s.results_respondent() is None
    assert [x.path for x in s.results().ranking] == [x.path for x in s.project.synthesize(None).ranking]
    s.combined = False
    assert s.results() is s.synthesis and s.results_respondent() == "Store manager"
    listed, counts = s.node_crs("quality")
    assert [c.name for c in listed] == ["Store manager", "Regional manager"] and counts == {}
    assert listed[1].cr == pytest.approx(s.panel().nodes["quality"].individuals.cr[1])
    s.set_judgment("quality", *s.pairs("quality")[0], 1 / 9)
    live = s.node_crs("quality")[0][0]
    assert live.current and live.cr == pytest.approx(s.synthesis.nodes["quality"].result.cr)
    s.set_settings(inconsistent="exclude")
    assert s.node_crs("quality")[0][0].policy == ("excluded" if live.status == "inconsistent" else None)
    with pytest.raises(AHPError):
        s.set_settings(aggregation="median")


def test_disagreement_names_the_churn_factor_furthest_from_the_group(demo: Path) -> None:
    s = Session(load_project(demo))
    panel = s.panel()
    leaf, mine, group = disagreement(panel, 1)
    k = panel.leaves.index(leaf)
    assert mine == pytest.approx(panel.global_weights[1, k])
    gaps = abs(panel.global_weights[1] - [x.global_weight for x in panel.synthesis.ranking])
    assert gaps[k] == pytest.approx(gaps.max())
    assert abs(mine - group) == pytest.approx(gaps.max())
