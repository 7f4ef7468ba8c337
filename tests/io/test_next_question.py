"""Issue 19: the adaptive interview through the project's facade, and its words."""

from __future__ import annotations

from pathlib import Path

import pytest

from ahp.errors import AHPError
from ahp.io.interview import next_dict, question_count, question_text, settled_text, why_text
from ahp.io.project import Project, new_project
from tests.interviewing import true_answer

WHO = "Respondent 1"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return new_project(tmp_path / "t.ahp.toml")


def run_interview(project: Project, top: int = 5) -> int:
    """Answer what the planner asks until settled, as the consistent respondent; how many asked."""
    asked = 0
    while (q := project.next_question(WHO, top)) is not None:
        assert not project.settled(WHO, top)
        project.set_judgment(0, q.node, q.a, q.b, true_answer(project, q.node, q.a, q.b))
        asked += 1
    return asked


def test_a_consistent_respondent_is_settled_well_before_the_full_interview(project: Project) -> None:
    asked = run_interview(project)
    full = question_count(project)
    assert asked < 0.8 * full
    plan = project.plan(WHO)
    assert project.settled(WHO) and plan.unanswered == full - asked and plan.remaining == 0


def test_the_first_question_spans_the_goal_with_no_implied_value(project: Project) -> None:
    q = project.next_question(WHO)
    assert (q.node, q.path, q.a, q.b, q.implied, q.reason) == ("goal", "goal", "service", "quality", None, "span")
    assert project.plan(WHO).remaining == question_count(project)


def test_the_facade_uses_the_projects_completion_method(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    import ahp.core.planner as planner

    seen = {}
    real = planner.plan
    monkeypatch.setattr(planner, "plan", lambda *a, **kw: seen.update(kw) or real(*a, **kw))
    from dataclasses import replace

    project.settings = replace(project.settings, completion="harker", method="geometric-mean")
    project.plan(WHO, top=3)
    assert (seen["completion"], seen["method"], seen["top"]) == ("harker", "geometric-mean", 3)


def test_an_unknown_respondent_is_named_in_the_error(project: Project) -> None:
    with pytest.raises(AHPError, match=r"^no respondent named 'Ann'; respondents: Respondent 1$"):
        project.next_question("Ann")


def test_questions_and_reasons_in_both_languages(project: Project) -> None:
    for path, node in project.inner.items():  # every node spanned: the planner asks a check first
        ids = [c.id for c in node.children]
        for a, b in zip(ids, ids[1:], strict=False):
            project.set_judgment(0, path, a, b, true_answer(project, path, a, b))
    q = project.next_question(WHO)
    assert q.reason == "check" and q.node == "goal"
    assert why_text(project, q, 5) == ("a second route between the elements of Customer churn degree, "
                                       "so that their consistency can be measured")
    assert why_text(project, q, 5, "zh") == "为「客户流失度」下的各项提供第二条比较途径，以便检验其一致性"
    names = {c.id: (c.name, c.name_zh) for c in project.node("goal").children}
    assert question_text(project, q) == f"Which drives customers away more, {names[q.a][0]} or {names[q.b][0]}?"
    zh = f"「{names[q.a][1]}」与「{names[q.b][1]}」相比，哪一个更容易导致顾客流失？"
    assert question_text(project, q, "zh") == zh
    data = next_dict(project, WHO, project.plan(WHO), 5, "zh")
    assert data["next"]["a_name"] == names[q.a][1]
    assert data["next"]["implied"] == pytest.approx(true_answer(project, "goal", q.a, q.b))  # consistent answers
    assert data["answered"] == sum(len(n.children) - 1 for n in project.inner.values())


def test_the_settled_sentence() -> None:
    assert settled_text(12, 5) == "No answer to the remaining 12 questions can change the top 5 factors"
    assert settled_text(1, 3) == "No answer to the remaining question can change the top 3 factors"
    assert settled_text(12, 5, "zh") == "剩下的 12 个问题无论怎样回答，都不会改变前 5 个因素的排序"
