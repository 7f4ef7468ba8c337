"""The adaptive interview in words (English and Chinese) and as JSON: the next question, why it
is asked, how many questions remain at most, and that the top factors are settled.

Shared by ``ahp next`` and the interview screens.

>>> import tempfile, pathlib
>>> from ahp.io.project import new_project
>>> p = new_project(pathlib.Path(tempfile.mkdtemp()) / "t.ahp.toml")
>>> q = p.next_question("Respondent 1")
>>> question_text(p, q, "zh")
'「服务」与「质量」相比，哪一个更容易导致顾客流失？'
>>> why_text(p, q, 5, "en")
'Service is not yet compared, directly or through others, with Quality'
>>> settled_text(12, 5, "zh"), at_most(3, "en")
('剩下的 12 个问题无论怎样回答，都不会改变前 5 个因素的排序', 'at most 3 more')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ahp.core.scale import format_value

if TYPE_CHECKING:
    from ahp.core.hierarchy import Node
    from ahp.core.planner import NextQuestion, Plan
    from ahp.io.project import Project


def question_count(project: Project) -> int:
    """How many pairwise questions a full interview asks (every pair of every node)."""
    return sum(len(node.children) * (len(node.children) - 1) // 2 for node in project.inner.values())


def _node(project: Project, path: str) -> Node:
    tree = project.model.root.layout
    return tree.nodes[tree.index[path]]


def _names(project: Project, q: NextQuestion, language: str) -> tuple[str, str]:
    kids = {c.id: c.label(language) for c in project.node(q.path).children}
    return kids[q.a], kids[q.b]


def question_text(project: Project, q: NextQuestion, language: str = "en") -> str:
    """The question, naming both elements (and the criterion they belong to, below the goal)."""
    a, b = _names(project, q, language)
    parent = None if q.path == "goal" else project.node(q.path).label(language)
    if language == "zh":
        where = f"在「{parent}」方面，" if parent else ""
        return f"{where}「{a}」与「{b}」相比，哪一个更容易导致顾客流失？"
    where = f"Within {parent}: which" if parent else "Which"
    return f"{where} drives customers away more, {a} or {b}?"


def why_text(project: Project, q: NextQuestion, top: int, language: str = "en") -> str:
    """Why the planner asks this question (its ``reason``), in ``language``."""
    a, b = _names(project, q, language)
    zh = language == "zh"
    if q.reason == "span":
        if zh:
            return f"「{a}」与「{b}」尚未直接或间接比较过"
        return f"{a} is not yet compared, directly or through others, with {b}"
    if q.reason == "check":
        node = project.node(q.path).label(language)
        if zh:
            return f"为「{node}」下的各项提供第二条比较途径，以便检验其一致性"
        return f"a second route between the elements of {node}, so that their consistency can be measured"
    ahead, behind = (_node(project, path).label(language) for path in q.factors or ())
    if zh:
        return f"这一回答可能改变前 {top} 个因素：「{behind}」可能超过「{ahead}」"
    return f"its answer may change the top {top}: {behind} could overtake {ahead}"


def implied_text(project: Project, q: NextQuestion, language: str = "en") -> str:
    """What the other answers imply for the pair, in words ('' while nothing links the two)."""
    if q.implied is None:
        return ""
    a, b = _names(project, q, language)
    if format_value(q.implied) == "1":
        if language == "zh":
            return f"其他回答意味着「{a}」与「{b}」同等重要"
        return f"the other answers imply {a} and {b} matter equally"
    big, small, k = (a, b, q.implied) if q.implied > 1 else (b, a, 1 / q.implied)
    if language == "zh":
        return f"其他回答意味着「{big}」约为「{small}」的 {format_value(k)} 倍"
    return f"the other answers imply {big} matters about {format_value(k)} times as much as {small}"


def at_most(remaining: int, language: str = "en") -> str:
    """How many questions remain at most, this one included."""
    return f"最多还需 {remaining} 题" if language == "zh" else f"at most {remaining} more"


def settled_text(unanswered: int, top: int, language: str = "en") -> str:
    """That no answer to the ``unanswered`` questions can change the top-``top`` factors."""
    if language == "zh":
        return f"剩下的 {unanswered} 个问题无论怎样回答，都不会改变前 {top} 个因素的排序"
    rest = "the remaining question" if unanswered == 1 else f"the remaining {unanswered} questions"
    return f"No answer to {rest} can change the top {top} factors"


def all_answered_text(language: str = "en") -> str:
    """That nothing is left to ask."""
    return "所有问题均已回答" if language == "zh" else "Every question is answered"


def answered_text(answered: int, questions: int, language: str = "en") -> str:
    """How many of the questions are answered."""
    return f"已答 {answered}/{questions} 题" if language == "zh" else f"{answered} of {questions} answered"


def next_dict(project: Project, respondent: str, plan: Plan, top: int, language: str = "en") -> dict[str, Any]:
    """``ahp next --format json``: the respondent, the counts, and the next question (``None``
    when settled), names and reasons in ``language``."""
    questions = question_count(project)
    q = plan.next
    out: dict[str, Any] = {
        "respondent": respondent, "top": top, "settled": plan.settled, "answered": questions - plan.unanswered,
        "questions": questions, "remaining_at_most": plan.remaining, "next": None,
    }
    if q is not None:
        a, b = _names(project, q, language)
        out["next"] = {
            "node": q.node, "a": q.a, "b": q.b, "a_name": a, "b_name": b, "implied": q.implied, "reason": q.reason,
            "why": why_text(project, q, top, language), "factors": list(q.factors) if q.factors else None,
        }
    return out
