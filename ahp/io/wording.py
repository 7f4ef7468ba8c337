"""Results in words: how the numbers were made and whose judgments they come from.

Shared by every output (terminal tables, exports, the interview screens).

>>> threshold_label("saaty1994"), threshold_label(0.15), threshold_label("lt0.10")
('saaty1994', 'CR <= 0.15', 'CR < 0.10')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ahp.core.consistency import acceptance_text, hierarchy_threshold, strict, verdict_operator
from ahp.core.scale import format_value

if TYPE_CHECKING:
    from ahp.core.hierarchy import Synthesis
    from ahp.core.panel import Panel
    from ahp.core.priorities import PriorityResult
    from ahp.io.project import Project


def threshold_label(rule: str | float) -> str:
    """How a threshold setting is shown: ``saaty1994`` (its limit depends on n), else the rule
    itself, ``CR <= 0.15`` or ``CR < 0.10``."""
    return rule if rule == "saaty1994" else acceptance_text(hierarchy_threshold(rule), strict(rule))


def combined_line(synthesis: Synthesis) -> str:
    """Both hierarchy figures in one line: the level-wise CR, the combined test with its verdict,
    and the matrices that fail on their own.

    >>> from ahp.core.hierarchy import Node, synthesize
    >>> a = Node("a", "A", children=(Node("x", "X"), Node("y", "Y"), Node("z", "Z")))
    >>> root = Node("goal", "G", children=(a, Node("b", "B")))
    >>> s = synthesize(root, {"goal": [[1, 3], [1/3, 1]], "a": [[1, 2, 1/2], [1/2, 1, 2], [2, 1/2, 1]]})
    >>> print(combined_line(s))  # doctest: +NORMALIZE_WHITESPACE
    Hierarchy CR: levels below the goal 0.4310; combined test (CR of goal + levels below)
    0.0000 + 0.4310 = 0.4310 > 0.10: fails; failing on its own: a
    """
    test = synthesis.combined
    terms = " + ".join(f"{cr:.4f}" for cr in test.levels)
    op = verdict_operator(test.passed, test.strict)
    line = (f"Hierarchy CR: levels below the goal {synthesis.cr_total:.4f}; combined test (CR of goal + levels below) "
            f"{terms} = {test.cr:.4f} {op} {test.limit:.2f}: {'passes' if test.passed else 'fails'}")
    return line + (f"; failing on its own: {', '.join(synthesis.failing)}" if synthesis.failing else "")


def settings_line(synthesis: Synthesis, source: str, language: str = "en") -> str:
    """One line naming how the numbers were made and from whose judgments.

    >>> from types import SimpleNamespace as NS
    >>> s = NS(settings={"method": "column-mean", "random_index": "saaty1980", "threshold": "lt0.10",
    ...                  "completion": "lambda-max", "lambda_max": "textbook"})
    >>> settings_line(s, "Ann", "zh")
    '权重方法 column-mean（和积法）；随机一致性指标 saaty1980；一致性阈值 CR < 0.10；λmax textbook（(1/n)Σ(Aw)i/wi）；\
缺失判断补全 lambda-max；判断来源：Ann'
    >>> settings_line(s, "Ann")
    'method column-mean; random index saaty1980; threshold CR < 0.10; lambda_max textbook; missing judgments by \
lambda-max; judgments of Ann'
    """
    s = synthesis.settings
    lam = s.get("lambda_max", "eigenvalue")
    if language == "zh":
        method = {"eigenvector": "特征向量法", "geometric-mean": "方根法", "column-mean": "和积法"}[s["method"]]
        how = {"eigenvalue": "最大特征根", "textbook": "(1/n)Σ(Aw)i/wi"}[lam]
        return (
            f"权重方法 {s['method']}（{method}）；随机一致性指标 {s['random_index']}；一致性阈值 {threshold_label(s['threshold'])}；"
            f"λmax {lam}（{how}）；缺失判断补全 {s['completion']}；判断来源：{source}"
        )
    return (
        f"method {s['method']}; random index {s['random_index']}; threshold {threshold_label(s['threshold'])}; "
        f"lambda_max {lam}; missing judgments by {s['completion']}; judgments of {source}"
    )


def judgments_source(project: Project, respondent: str | None, language: str = "en", panel: Panel | None = None) -> str:
    """Whose judgments the results come from, in words: the respondents counted in ``panel``
    (the project's own when not given), and who was left out and why."""
    if respondent is not None:
        return respondent
    if len(project.respondents) == 1:
        return project.respondents[0].name
    s = project.settings
    panel = panel if panel is not None else project.panel(suggestions=0)
    n = panel.respondents_counted
    if language == "zh":
        how = "判断矩阵几何平均（aij）" if s.aggregation == "aij" else f"权重{'几何' if s.aip_mean == 'geometric' else '算术'}平均（aip）"
        policy = {"flag": "标记", "include": "纳入", "exclude": "剔除"}[s.inconsistent]
        return f"{n} 位受访者，{how}合成，未通过一致性检验者{policy}{left_out_text(project, panel, language)}"
    how = (
        "geometric mean of their judgments (aij)" if s.aggregation == "aij"
        else f"{s.aip_mean} mean of their priorities (aip)"
    )
    policy = {"flag": "flagged", "include": "included", "exclude": "excluded"}[s.inconsistent]
    people = "respondent" if n == 1 else "respondents"
    return f"{n} {people} combined by {how}, inconsistent ones {policy}{left_out_text(project, panel, language)}"


def left_out_text(project: Project, panel: Panel, language: str = "en") -> str:
    """``; left out: Ann (no judgments)``, or nothing when every respondent counts."""
    if not panel.left_out:
        return ""
    reasons = {"no judgments": "无判断"} if language == "zh" else {}
    who = ", ".join(f"{project.respondents[r].name} ({reasons.get(why, why)})" for r, why in panel.left_out)
    return f"；未计入：{who}" if language == "zh" else f"; left out: {who}"


def aggregation_notes(panel: Panel) -> list[str]:
    """One line per node combined otherwise than the settings say: ``service: <why>``."""
    return [f"{path}: {node.aggregation_note}" for path, node in panel.nodes.items() if node.aggregation_note]


def suggestion_text(result: PriorityResult, labels: list[str]) -> list[str]:
    """Each suggestion in words: which pair, from what to what, and the CR it gives."""
    return [
        f"{labels[s.row]} vs {labels[s.col]}: {format_value(s.current)} -> {format_value(s.suggested)} "
        f"(CR {result.cr:.4f} -> {s.cr_after:.4f}, {'passes' if s.kind == 'passes' else 'lowest CR'}; "
        f"the other answers imply {format_value(s.implied)})"
        for s in result.suggestions
    ]
