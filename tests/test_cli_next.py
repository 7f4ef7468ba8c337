"""``ahp next``: the adaptive interview's next question, or that the top factors are settled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ahp.cli import main
from ahp.io.interview import question_count
from ahp.io.project import Project, load_project, new_project
from tests.interviewing import true_answer

WHO = "Respondent 1"


def out_of(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as stop:
        code = stop.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def fresh(tmp_path: Path) -> str:
    path = tmp_path / "churn.ahp.toml"
    new_project(path)
    return str(path)


def answer_until_settled(path: str) -> Project:
    """The consistent respondent answers what the planner asks until settled; saved."""
    project = load_project(path)
    while (q := project.next_question(WHO)) is not None:
        project.set_judgment(0, q.node, q.a, q.b, true_answer(project, q.node, q.a, q.b))
    project.save()
    return project


def test_json_contract_of_the_first_question(capsys, fresh: str) -> None:
    code, out, _ = out_of(capsys, "next", fresh, "--respondent", WHO, "--format", "json", "--lang", "zh")
    data = json.loads(out)
    assert code == 0
    questions = question_count(load_project(fresh))
    assert data == {
        "respondent": WHO, "top": 5, "settled": False, "answered": 0, "questions": questions,
        "remaining_at_most": questions,
        "next": {"node": "goal", "a": "service", "b": "quality", "a_name": "服务", "b_name": "质量", "implied": None,
                 "reason": "span", "why": "「服务」与「质量」尚未直接或间接比较过", "factors": None},
    }


def test_table_names_the_elements_says_why_and_how_many_remain(capsys, fresh: str) -> None:
    code, out, _ = out_of(capsys, "next", fresh, "--respondent", WHO, "--lang", "zh")
    n = question_count(load_project(fresh))
    assert code == 0
    assert out.splitlines() == [
        f"Respondent 1 的下一题（已答 0/{n} 题，含本题最多还需 {n} 题）：",
        "  「服务」与「质量」相比，哪一个更容易导致顾客流失？",
        "  原因：「服务」与「质量」尚未直接或间接比较过",
    ]


def test_after_the_spanning_set_it_says_what_the_other_answers_imply(capsys, fresh: str) -> None:
    project = load_project(fresh)
    for path, node in project.inner.items():
        ids = [c.id for c in node.children]
        for a, b in zip(ids, ids[1:], strict=False):
            project.set_judgment(0, path, a, b, true_answer(project, path, a, b))
    project.save()
    _, out, _ = out_of(capsys, "next", fresh, "--respondent", WHO, "--format", "json", "--top", "1")
    data = json.loads(out)
    assert data["next"]["reason"] in ("check", "ranking")
    code, out, _ = out_of(capsys, "next", fresh, "--respondent", WHO, "--top", "1")
    lines = out.splitlines()
    head = f"Next question for {WHO} ({data['answered']} of {data['questions']} answered; at most "
    assert code == 0 and lines[0].startswith(head)
    assert lines[1].startswith("  Which drives customers away more") or lines[1].startswith("  Within ")
    assert lines[2].startswith("  Why: ") and lines[3].startswith("  (the other answers imply ")


def test_settled_says_how_many_questions_cannot_change_the_top(capsys, fresh: str) -> None:
    project = answer_until_settled(fresh)
    plan = project.plan(WHO)
    n = question_count(project)
    assert plan.settled and plan.unanswered > 0
    code, out, _ = out_of(capsys, "next", fresh, "--respondent", WHO)
    assert code == 0
    assert out == (f"No answer to the remaining {plan.unanswered} questions can change the top 5 factors "
                   f"({n - plan.unanswered} of {n} answered)\n")
    _, out, _ = out_of(capsys, "next", fresh, "--respondent", WHO, "--lang", "zh")
    assert out == (f"剩下的 {plan.unanswered} 个问题无论怎样回答，都不会改变前 5 个因素的排序"
                   f"（已答 {n - plan.unanswered}/{n} 题）\n")
    _, out, _ = out_of(capsys, "next", fresh, "--respondent", WHO, "--format", "json")
    data = json.loads(out)
    assert (data["settled"], data["next"], data["remaining_at_most"]) == (True, None, 0)


@pytest.mark.parametrize(("args", "message"), [
    (["--respondent", "Ann"], "ahp: error: no respondent named 'Ann'; respondents: Respondent 1\n"),
    (["--respondent", WHO, "--top", "0"],
     "ahp next: error: argument --top: 0 is out of range: 1 to 100 (see ahp next --help)\n"),
    (["--respondent", WHO, "--top", "x"],
     "ahp next: error: argument --top: 'x' is not a whole number (see ahp next --help)\n"),
    ([], "ahp next: error: the following arguments are required: --respondent (see ahp next --help)\n"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, fresh: str, args: list[str], message: str) -> None:
    code, out, err = out_of(capsys, "next", fresh, *args)
    assert (code, out, err) == (2, "", message)


def test_a_top_beyond_the_models_factors_is_refused(capsys, fresh: str) -> None:
    factors = len(load_project(fresh).model.root.layout.leaves)
    code, out, err = out_of(capsys, "next", fresh, "--respondent", WHO, "--top", str(factors + 1))
    assert (code, out, err) == (2, "", f"ahp: error: --top {factors + 1}: the model has {factors} factors\n")


def test_a_missing_file_is_one_line(capsys, tmp_path: Path) -> None:
    code, _, err = out_of(capsys, "next", str(tmp_path / "none.ahp.toml"), "--respondent", WHO)
    assert code == 2 and err.count("\n") == 1 and "none.ahp.toml" in err
