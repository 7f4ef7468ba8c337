"""What the consultant reads about each respondent's progress (``ahp serve``'s lines and the TUI's
group screen), in English and in the terms of Chinese AHP practice: 专家, 判断矩阵, 通过 / 未通过,
一致性比率 CR, 已答 m/n 题.

>>> PROGRESS["progress.nodes"][1].format(passed=3, failed=1)
'判断矩阵 3 个通过、1 个未通过'
"""

from __future__ import annotations

from ahp.io.glossary.terms import TERMS

PROGRESS: dict[str, tuple[str, str]] = {
    "progress.title": ("Progress", "答题进度"),
    "progress.respondent": ("Respondent", TERMS["respondent"][1]),
    "progress.answered": ("Answered", "已答题数"),
    "progress.top": ("Top {top}", "前 {top} 位"),
    "progress.nodes head": ("Nodes", TERMS["matrix"][1]),
    "progress.worst head": ("Worst CR", "最大一致性比率 CR"),
    "progress.settled": ("top {top} settled", "前 {top} 位排序已确定"),
    "progress.open": ("top {top} not settled yet", "前 {top} 位排序尚未确定"),
    "progress.settled short": ("settled", "已确定"),
    "progress.open short": ("open", "未确定"),
    "progress.complete": ("all answered", "已全部作答"),
    "progress.nodes": ("{passed} node(s) pass, {failed} fail", "判断矩阵 {passed} 个通过、{failed} 个未通过"),
    "progress.incomplete": ("{k} incomplete", "{k} 个判断不完整"),
    "progress.failing": ("failing: {names}", "未通过：{names}"),
    "progress.worst": ("worst CR {cr}", "最大一致性比率 CR {cr}"),
    "progress.none": ("no answers yet", "尚未作答"),
    "progress.unreadable": ("progress: {reason}", "答题进度：{reason}"),
    # ahp serve's own lines (commands, options and keys are filled in: they are not words to translate)
    "serve.withdrawn": ("{name}: link withdrawn", "{name}：链接已撤销"),
    "serve.withdrawn before": ("{name}: link withdrawn ({command} makes a new one)",
                               "{name}：链接已撤销（{command} 生成新链接）"),
    "serve.invited before": ("{name}: invited before ({command} makes a new link)",
                             "{name}：此前已邀请（{command} 生成新链接）"),
    "serve.any address": ("ahp: note: the links name {host}, which only this computer can open: in the links you "
                          "send, put this computer's address on the network instead (or use {option} ADDRESS)",
                          "ahp：注意：链接中的 {host} 只能在本机打开；"
                          "发送链接前请将其替换为本机的网络地址（或使用 {option} 地址）"),
    "serve.local": ("this computer only", "仅限本机访问"),
    "serve.open": ("every computer that can reach this address", "能访问此地址的所有计算机均可访问"),
    "serve.serving": ("serving {file} on {url} ({where}; {option} changes it); {stop} stops",
                      "正在 {url} 提供 {file} 的在线访谈（{where}；可用 {option} 更改）；按 {stop} 停止"),
}
