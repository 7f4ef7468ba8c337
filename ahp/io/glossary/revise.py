"""Correcting a respondent's answers from the command line (``ahp judge``, ``ahp import
--replace``) and ``ahp ratings template -o``, in English and in the terms of Chinese AHP
practice: 专家, 判断矩阵, 一致性比率 CR, 通过 / 未通过.

>>> REVISE["replace.counts"][1].format(name="店长", changed=3, added=1, removed=2)
'专家「店长」的判断已替换：改动 3 个，新增 1 个，删除 2 个'
>>> REVISE_PHRASES["did you mean {names}?"].format(names="「服务」")
'是否指「服务」？'
"""

from __future__ import annotations

REVISE: dict[str, tuple[str, str]] = {
    # ahp import --replace
    "import.split": (" ({added} new, {replaced} replaced)", "（新增 {added} 位，替换 {replaced} 位）"),
    "replace.counts": ("{name}: answers replaced: {changed} judgment(s) changed, {added} added, {removed} removed",
                       "专家「{name}」的判断已替换：改动 {changed} 个，新增 {added} 个，删除 {removed} 个"),
    "replace.same": ("{name}: answers replaced: no judgment changed", "专家「{name}」的判断已替换：无改动"),
    "replace.weight": ("; weight {before:g} -> {after:g}", "；权重 {before:g} → {after:g}"),
    "verdict.change": ("  {node}: {before} -> {after}", "  {node}：{before} → {after}"),
    "survey.respondent known": ("note: '{name}' is already a respondent of {file}: import the filled questionnaire "
                                "with {option} to replace their answers",
                                "注：「{name}」已是 {file} 中的专家：导入填好的问卷时请加 {option}，以替换其判断"),
    # ahp judge
    "judge.missing": ("?", "未判断"),
    "judge.set": ("{who}, {node}: {a} vs {b}: {before} -> {after}, saved in {file}",
                  "专家「{who}」，{node}：{a} 比 {b}：{before} → {after}，已保存到 {file}"),
    "judge.unchanged": ("{who}, {node}: {a} vs {b} is {value} already; nothing to save",
                        "专家「{who}」，{node}：{a} 比 {b} 已是 {value}，无需保存"),
    "judge.still missing": ("{who}, {node}: {a} vs {b} is not judged; nothing to save",
                            "专家「{who}」，{node}：{a} 比 {b} 尚未判断，无需保存"),
    "judge.verdict": ("{node}: {before} -> {after}", "{node}：{before} → {after}"),
    "judge.complete": ("{node}: all {m} pairs judged: complete", "{node}：{m} 对比较均已判断，判断矩阵完整"),
    "judge.completed": ("{node}: {k} of {m} pairs judged; the other {missing} are completed from them",
                        "{node}：已判断 {m} 对比较中的 {k} 对，其余 {missing} 对由已有判断补全"),
    "judge.undetermined": ("{node}: {k} of {m} pairs judged: incomplete: {problem}",
                           "{node}：已判断 {m} 对比较中的 {k} 对，{problem}"),
    "judge.revisit": ("  revisit: {suggestion}", "  建议修改：{suggestion}"),
    "judge.or": (" or ", "或"),
    # ahp ratings template -o
    "ratings.written": ("wrote the ratings template to {file}", "评价表模板已写入 {file}"),
}

#: What is wrong with the command line of ``ahp judge``: the Chinese of each English phrase.
REVISE_PHRASES: dict[str, str] = {
    "{file}: no respondent named {name!r}; respondents: {names}":
        "{file} 中没有名为「{name}」的专家；现有专家：{names}",
    "{text!r} is not a node with elements to compare; {hint}": "没有名为「{text}」的判断矩阵；{hint}",
    "nodes: {names}": "可选：{names}",
    "did you mean {names}?": "是否指{names}？",
    "{text!r} names several nodes: {names}; give one of their paths": "「{text}」对应多个节点：{names}；请改用路径",
    "{text!r} is not an element of {node}; {hint}": "「{text}」不是{node}的下级元素；{hint}",
    "{text!r} is an element of {parent}, not of {node}; the elements of {node}: {names}":
        "「{text}」是{parent}的下级元素，不是{node}的；{node}的下级元素：{names}",
    "the elements of {node}: {names}": "{node}的下级元素：{names}",
    "{node}: {a} vs {b}: an element is not compared with itself": "{node}：「{a}」比「{b}」：元素不能与自身比较",
    "{text!r} is not a judgment: give a number on Saaty's scale, such as 3 or 1/5, or ? to clear the judgment":
        "「{text}」不是判断值：请给出 1–9 标度上的值（如 3 或 1/5），或用 ? 清除该判断",
    "{text!r} is off Saaty's scale: a judgment lies within 1/9 and 9, such as 3 or 1/5 (? clears it)":
        "「{text}」超出 1–9 标度：判断值应在 1/9～9 之间，如 3 或 1/5（用 ? 可清除该判断）",
}
