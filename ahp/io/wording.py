"""Results in words: how the numbers were made and whose judgments they come from.

Shared by every output (terminal tables, exports, the interview screens); the words are the
glossary's (:mod:`ahp.io.glossary`).

>>> threshold_label("saaty1994"), threshold_label(0.15), threshold_label("lt0.10"), threshold_label("lt0.10", "zh")
('saaty1994', 'CR <= 0.15', 'CR < 0.10', '各阶 CR < 0.10')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ahp.core.completion import CompletionNote, Unlinked
from ahp.core.consistency import acceptance_text, hierarchy_threshold, strict, verdict_operator
from ahp.core.panel import AIP_UNDETERMINED, ALL_EXCLUDED
from ahp.core.scale import format_value
from ahp.io.glossary import say, separator, setting

if TYPE_CHECKING:
    from ahp.core.hierarchy import CombinedTest, NodeAnalysis, Synthesis
    from ahp.core.panel import Panel
    from ahp.core.priorities import PriorityResult
    from ahp.io.project import Project


def project_title(project: Project, language: str = "en") -> str:
    """The project's title, or its goal in ``language`` when it has none."""
    return project.title or project.model.root.label(language)


def threshold_label(rule: str | float, language: str = "en") -> str:
    """How a threshold setting is shown: ``saaty1994``, ``CR <= 0.15`` or the strict rule as it
    reads, ``CR < 0.10`` (in Chinese, the rule itself: ``3 阶 CR ≤ 0.05 ...``)."""
    if language == "en" and strict(rule):
        return acceptance_text(hierarchy_threshold(rule), True)
    return setting("threshold", rule, language) if isinstance(rule, str) else say("threshold.fixed", language,
                                                                                  value=rule)


def combined_line(synthesis: Synthesis, language: str = "en") -> str:
    """Both hierarchy figures in one line: the level-wise CR, the combined test with its verdict,
    and the matrices that fail on their own.

    >>> from ahp.core.hierarchy import Node, synthesize
    >>> a = Node("a", "A", children=(Node("x", "X"), Node("y", "Y"), Node("z", "Z")))
    >>> root = Node("goal", "G", children=(a, Node("b", "B")))
    >>> s = synthesize(root, {"goal": [[1, 3], [1/3, 1]], "a": [[1, 2, 1/2], [1/2, 1, 2], [2, 1/2, 1]]})
    >>> print(combined_line(s))  # doctest: +NORMALIZE_WHITESPACE
    Hierarchy CR: levels below the goal 0.4310; combined test (CR of goal + levels below)
    0.0000 + 0.4310 = 0.4310 > 0.10: fails; failing on its own: a
    >>> print(combined_line(s, "zh"))  # doctest: +NORMALIZE_WHITESPACE
    层次总排序一致性比率 CR（目标层以下各层）= 0.4310；组合一致性检验（目标层 CR + 以下各层）：0.0000 + 0.4310
    = 0.4310 > 0.10，未通过；单独未通过：A
    >>> unjudged_goal = synthesize(root, {"a": [[1, 2, 1/2], [1/2, 1, 2], [2, 1/2, 1]]})
    >>> print(combined_line(unjudged_goal, "zh").replace("；", "；\\n"))
    层次总排序一致性比率 CR：尚无法计算（判断不完整）；
    组合一致性检验：尚有 1 个判断矩阵判断不完整，暂不能检验；
    单独未通过：A
    """
    test = synthesis.combined
    if not synthesis.complete:
        undetermined = sum(a.result is None for a in synthesis.nodes.values())
        line = say("combined.incomplete", language, k=undetermined)
    else:
        line = say("combined", language, levels=f"{synthesis.cr_total:.4f}",
                   terms=" + ".join(f"{cr:.4f}" for cr in test.levels), cr=f"{test.cr:.4f}",
                   op=setting("op", verdict_operator(test.passed, test.strict), language), limit=f"{test.limit:.2f}",
                   verdict=say("combined.passes" if test.passed else "combined.fails", language))
    names = [synthesis.nodes[p].node.label(language) if language == "zh" else p for p in synthesis.failing]
    failing = separator(language).join(names)
    return line + (say("combined.failing", language, names=failing) if synthesis.failing else "")


def combined_fails_line(test: CombinedTest, language: str = "en") -> str:
    """The verdict of a hierarchy whose matrices all pass while the combined test fails.

    >>> from ahp.core.hierarchy import CombinedTest
    >>> combined_fails_line(CombinedTest((0.07, 0.06), 0.13, 0.1, False, False), "zh")
    '层次总排序一致性检验未通过：组合 CR = 0.1300 > 0.10（各判断矩阵单独均通过）'
    """
    op = setting("op", verdict_operator(test.passed, test.strict), language)
    return say("check.combined fails", language, cr=f"{test.cr:.4f}", op=op, limit=f"{test.limit:.2f}")


def unlinked_text(unlinked: Unlinked, names: Sequence[str], language: str = "en", framed: bool = True) -> str:
    """Why a matrix's weights are not determined, in words: ``names`` are its elements';
    ``framed``: saying first, in Chinese, that the matrix is incomplete.

    >>> unlinked_text(Unlinked((0, 1), (2,)), ["服务", "质量", "价格"], "zh")
    '判断矩阵不完整：「价格」与其他元素之间没有任何判断，请至少补充一个与「价格」有关的判断'
    >>> print(unlinked_text(Unlinked((0, 2), (1, 3)), "abcd"))  # doctest: +NORMALIZE_WHITESPACE
    the known judgments do not connect all elements: b, d are not compared, directly or through others,
    with a; add a judgment linking them
    """
    sep = separator(language)
    why = say("unlinked.one" if len(unlinked.cut) == 1 else "unlinked.many", language,
              cut=sep.join(names[i] for i in unlinked.cut), linked=sep.join(names[i] for i in unlinked.linked),
              first=names[unlinked.linked[0]])
    return say("unlinked", language, why=why) if framed else why


def note_text(note: CompletionNote, language: str = "en") -> str:
    """What a completion could not do as asked, in words.

    >>> note_text(CompletionNote("harker-instead", 3, 0), "zh")
    '缺失判断 3 个，超过最大特征根最小化补全所能处理的 0 个，已改用 Harker 法补全'
    """
    if note.kind == "harker-instead":
        return say("note.harker instead", language, k=note.missing, limit=note.limit)
    return say("note.unsettled", language, steps=note.limit)


def warning_lines(synthesis: Synthesis, language: str = "en") -> list[str]:
    """Every node's completion notes, one line each naming the node: ``warning: Service (service): ...``."""
    return [say("warning", language, note=f"{a.node.label(language)}{say('colon', language)}{note_text(n, language)}"
                if language == "zh" else f"{a.node.name} ({a.path}): {note_text(n, language)}")
            for a in synthesis.nodes.values() if a.result is not None for n in a.result.warnings]


def problem_text(analysis: NodeAnalysis, language: str = "en", framed: bool = True) -> str:
    """Why a node's weights are not determined (its ``problem``), in words; "" when they are.
    ``framed``: an unlinked matrix's reason says first, in Chinese, that the matrix is incomplete."""
    problem = analysis.problem
    if isinstance(problem, Unlinked):
        return unlinked_text(problem, [c.label(language) for c in analysis.node.children], language, framed)
    if problem == ALL_EXCLUDED:
        return say("problem.all excluded", language)
    return problem or ""


def judged_pairs(project: Project, path: str, respondent: str | None = None) -> int:
    """How many pairs of the node at ``path`` are judged: by ``respondent``, or by anyone when ``None``.

    >>> import ahp
    >>> p = ahp.load_project("examples/retail-churn-demo.ahp.toml")
    >>> judged_pairs(p, "goal", "Store manager"), judged_pairs(p, "goal") >= judged_pairs(p, "goal", "Store manager")
    (6, True)
    """
    who = project.respondents if respondent is None else [project.respondents[project.respondent_index(respondent)]]
    return len({frozenset(pair) for r in who for pair in r.judgments.get(path, {})})


def reason_text(analysis: NodeAnalysis, judged: int, language: str = "en") -> str:
    """Why an incomplete node has no weights, after saying it is incomplete: no judgment yet
    (``judged`` is 0) and how many pairs it needs, else its :func:`problem_text`, unframed.

    >>> import ahp
    >>> p = ahp.load_project("examples/retail-churn-demo.ahp.toml")
    >>> reason_text(p.synthesize().nodes["goal"], 0, "zh")
    '尚无任何判断（共需 6 对比较）'
    """
    n = len(analysis.node.children)
    return say("unjudged", language, m=n * (n - 1) // 2) if judged == 0 else problem_text(analysis, language, False)


def settings_line(synthesis: Synthesis, source: str, language: str = "en") -> str:
    """One line naming how the numbers were made and from whose judgments.

    >>> from types import SimpleNamespace as NS
    >>> s = NS(settings={"method": "column-mean", "random_index": "saaty1980", "threshold": "lt0.10",
    ...                  "completion": "lambda-max", "lambda_max": "textbook"})
    >>> print(settings_line(s, "Ann", "zh").replace("；", "；\\n"))
    权重计算：和积法；
    随机一致性指标 RI：Saaty (1980) 表；
    一致性标准：各阶 CR < 0.10；
    λmax：教材公式 λmax = (1/n)Σ(AW)ᵢ/wᵢ；
    缺失判断：按最大特征根最小化补全；
    判断来源：Ann
    >>> print(settings_line(s, "Ann"))  # doctest: +NORMALIZE_WHITESPACE
    method column-mean; random index saaty1980; threshold CR < 0.10; lambda_max textbook;
    missing judgments by lambda-max; judgments of Ann
    """
    s = synthesis.settings
    return say("settings", language, method=setting("method", s["method"], language),
               ri=setting("ri", s["random_index"], language), threshold=threshold_label(s["threshold"], language),
               lambda_max=setting("lambda_max", s.get("lambda_max", "eigenvalue"), language),
               completion=setting("completion", s["completion"], language), source=source)


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
    how = say(f"aggregation.{s.aggregation}", language, mean=setting("mean", s.aip_mean, language))
    return say("source.panel one" if n == 1 else "source.panel", language, n=n, how=how,
               policy=setting("policy", s.inconsistent, language)) + left_out_text(project, panel, language)


def left_out_text(project: Project, panel: Panel, language: str = "en") -> str:
    """``; left out: Ann (no judgments)``, or nothing when every respondent counts."""
    if not panel.left_out:
        return ""
    reasons = {"no judgments": "无判断"} if language == "zh" else {}
    who = separator(language).join(project.respondents[r].name + say("paren", language, x=reasons.get(why, why))
                                   for r, why in panel.left_out)
    return say("left out", language, who=who)


def aggregation_notes(project: Project, panel: Panel, language: str = "en") -> list[str]:
    """One line per node combined otherwise than the settings say: ``combined otherwise at
    service: <why>``; in Chinese, the node's name and why."""
    return [
        say("combined otherwise", language, node=path_name(project, path, language),
            note=say("note.aip undetermined", language) if node.aggregation_note == AIP_UNDETERMINED
            else node.aggregation_note)
        for path, node in panel.nodes.items() if node.aggregation_note
    ]


def suggestion_text(result: PriorityResult, labels: list[str], language: str = "en") -> list[str]:
    """Each suggestion in words: which pair, from what to what, and the CR it gives."""
    return [
        say("suggestion", language, a=labels[s.row], b=labels[s.col], now=format_value(s.current),
            then=format_value(s.suggested), cr=f"{result.cr:.4f}", cr_after=f"{s.cr_after:.4f}",
            kind=say(f"suggestion.{s.kind}", language),
            implied=format_value(s.implied))
        for s in result.suggestions
    ]


def path_name(project: Project, path: str, language: str = "en") -> str:
    """How an output names the node at ``path``: its path in English (as files and options
    write it), its name in Chinese.

    >>> import ahp
    >>> p = ahp.load_project("examples/retail-churn-demo.ahp.toml")
    >>> path_name(p, "price/level"), path_name(p, "price/level", "zh"), path_name(p, "goal", "zh")
    ('price/level', '相对价格水平', '客户流失度')
    """
    if language != "zh":
        return path
    layout = project.model.root.layout
    return layout.nodes[layout.index[path]].label(language)
