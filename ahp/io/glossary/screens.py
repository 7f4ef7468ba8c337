"""What the interview screens show, in English and Chinese (the TUI's words; its sentences that
are built around names, such as the interview question, are in :mod:`ahp.tui.texts`).

The terms of AHP come from :mod:`ahp.io.glossary.terms`, so a screen says what the commands
and the report say: 专家, 单排序权重, 总排序权重, 判断矩阵, 通过 / 未通过.

>>> SCREENS["weights"][1], FOOTER_ZH["respondent"]
('单排序权重', '专家')
"""

from __future__ import annotations

from ahp.io.glossary.terms import TERMS

SCREENS: dict[str, tuple[str, str]] = {
    "respondent": ("Respondent", TERMS["respondent"][1]),
    "judgments": ("Judgments", "两两比较"),
    "judgments of": ("judgments of", "判断来自"),
    "weights": ("Local weights", TERMS["weight.local"][1]),
    "consistency": ("Consistency", "一致性"),
    "consistent": ("consistent", TERMS["status.consistent"][1]),
    "inconsistent": ("inconsistent", TERMS["status.inconsistent"][1]),
    "incomplete": ("incomplete", TERMS["status.incomplete"][1]),
    "missing": ("missing", "缺失"),
    "not judged": ("not judged yet", "尚未判断"),
    "completed": ("{k} missing, completed", "缺 {k} 项，已补全"),
    "worst": ("Worst", "最不一致"),
    "apply": ("a: apply", "a：应用"),
    "no suggestion": ("no judgment to revise", "无需修改"),
    "equal": ("equal", "同等"),
    "threshold": ("threshold", "一致性标准"),
    "hierarchy cr": ("Hierarchy CR, levels below the goal", "层次总排序 CR（目标层以下各层）"),
    "ranking": ("Ranking of churn factors", "流失因素排序"),
    "criteria weights": ("Criteria weights", "准则权重"),
    "breakdown": ("Breakdown by criterion", "各准则细分"),
    "factor": ("Factor", TERMS["factor"][1]),
    "criterion": ("Criterion", TERMS["criterion"][1]),
    "global": ("Global", TERMS["weight.global"][1]),
    "local": ("Local", TERMS["weight.local"][1]),
    "rank": ("#", "#"),
    "method": ("method", "权重计算方法"),
    "ri table": ("RI table", "随机一致性指标表"),
    "completion": ("completion", "缺失判断"),
    "results": ("Results", "结果"),
    "interview": ("Interview", "访谈"),
    "question": ("Question {i} of {n}", "第 {i} 题，共 {n} 题"),
    "unanswered": ("No answer yet: use ← → or 1-9, = for equal.", "尚未回答：用 ← → 或 1-9 作答，= 表示同等重要。"),
    "interview keys": (
        "enter next · s skip (leave missing) · backspace back · l 中文 · esc leave",
        "enter 下一题 · s 跳过（留空）· backspace 上一题 · l English · esc 退出",
    ),
    "interview done": (
        "All questions asked. Press r for the results "
        "or esc to return.",
        "问题已全部问完。按 r 查看结果，esc 返回。",
    ),
    "saved": ("saved", "已保存"),
    "incomplete node": ("Not enough judgments yet: {problem}", "{problem}，权重暂按相等显示"),
    "export title": ("Export the results", "导出结果"),
    "export help": (
        "File name (.csv, .json or .md picks the format). enter to write, esc to cancel.",
        "文件名（扩展名 .csv、.json 或 .md 决定格式）。enter 写入，esc 取消。",
    ),
    "exists": ("{name} exists: enter again to overwrite it.", "{name} 已存在：再按 enter 覆盖。"),
    "bad extension": ("Use a name ending in .csv, .json or .md.", "请使用 .csv、.json 或 .md 结尾的文件名。"),
    # -- respondents --
    "no respondents": ("No respondents yet: press n to add one.", "还没有专家：按 n 添加。"),
    "no respondent title": ("No respondent", "无专家"),
    "add first": ("Add a respondent first (n).", "请先添加专家（n）。"),
    "cr here": ("CR:", "CR："),
    "others": ("others", "其他"),
    "respondents": ("Respondents", TERMS["respondents"][1]),
    "add respondent": ("Add a respondent", "添加专家"),
    "add help": ("Name of the new respondent (e.g. Store manager). enter to add, esc to cancel.",
                 "新专家的名称（如：店长）。enter 添加，esc 取消。"),
    "rename respondent": ("Rename {name}", "重命名 {name}"),
    "rename help": ("New name. enter to rename, esc to cancel.", "新名称。enter 确认，esc 取消。"),
    "weight respondent": ("Weight of {name}", "{name} 的权重"),
    "weight help": (
        "How much this respondent counts when the panel is combined (a positive number, default 1).",
        "合成群体结果时该专家所占的权重（正数，默认 1）。",
    ),
    "remove respondent": ("Remove {name}?", "删除 {name}？"),
    "remove help": (
        "Their judgments are deleted from the file; a copy of the file as it is now is kept beside it, "
        "and ctrl+z brings them back. y to remove, n or esc to keep.",
        "其全部判断将从文件中删除；删除前的文件副本保存在同一文件夹，按 ctrl+z 可恢复。按 y 删除，n 或 esc 保留。",
    ),
    "added": ("Added {name}", "已添加 {name}"),
    "renamed": ("Renamed {old} to {new}", "已将 {old} 改名为 {new}"),
    "weighted": ("{name} now counts {weight:g}", "{name} 的权重改为 {weight:g}"),
    "removed": ("Removed {name}; the file as it was is kept beside it as {kept}; ctrl+z brings them back",
                "已删除 {name}；删除前的文件已另存在同一文件夹：{kept}；按 ctrl+z 恢复"),
    "restored": ("Brought back {name}", "已恢复 {name}"),
    "removed again": ("Removed {name} again", "已再次删除 {name}"),
    "not saved": ("Not saved: {reason}", "未保存：{reason}"),
    "not saved mark": ("NOT SAVED", "未保存"),
    "not written": ("Not written: {reason}", "未写入：{reason}"),
    "no copy kept": ("No copy kept, nothing removed: {reason}", "未保留副本，未删除任何内容：{reason}"),
    "no sensitivity summary": ("No sensitivity summary: {reason}", "报告中没有敏感性分析摘要：{reason}"),
    "quit unsaved": ("Changes are not saved. Quit anyway?", "修改尚未保存。仍要退出吗？"),
    "quit unsaved help": ("The last save failed: {reason}\ny to quit without saving, n or esc to stay.",
                          "上次保存失败：{reason}\n按 y 不保存退出，n 或 esc 留下。"),
    "computing": ("computing…", "计算中…"),
    "now showing": ("Judgments of {name}", "当前判断来自 {name}"),
    # -- group and results scope --
    "group": ("Group", "群体"),
    "all combined": ("all {n} respondents combined", "全部 {n} 位专家合成"),
    "combined by aij": ("geometric mean of their judgments (AIJ)", TERMS["aggregation.aij"][1]),
    "combined by aip": ("{mean} mean of their priorities (AIP)", TERMS["aggregation.aip"][1]),
    "geometric": ("geometric", TERMS["mean.geometric"][1]),
    "arithmetic": ("arithmetic", TERMS["mean.arithmetic"][1]),
    "policy flag": ("inconsistent ones flagged, still counted", "未通过一致性检验者予以标明，仍计入"),
    "policy include": ("inconsistent ones included", "未通过一致性检验者照常计入"),
    "policy exclude": ("inconsistent ones left out at that node", "未通过一致性检验者不参与该判断矩阵的合成"),
    "results of": ("Results of", "结果来自"),
    "scope keys": ("p: all combined / one respondent", "p：全部合成 / 单个专家"),
    "consensus": ("Consensus", "共识程度"),
    "overall consensus": ("Overall consensus S*", "总体共识程度 S*"),
    "consensus leaves out": (" (leaves out {nodes}: no consensus there)", "（不含{nodes}：该处无共识可言）"),
    "no overall consensus": ("No overall consensus: at no node do two respondents' judgments determine it",
                             "无总体共识程度：没有一个判断矩阵有两位专家的判断完整"),
    "vs group": ("Respondents against the group", "各专家与群体的差异"),
    "furthest": ("(the {k} furthest of {n})", "（{n} 人中差异最大的 {k} 人）"),
    "per node": ("Consensus and consistency per node", "各判断矩阵的共识程度与一致性"),
    "weights vs group": ("Local weights: {name} against the group", "单排序权重：{name} 与群体对比"),
    "weight": ("Weight", TERMS["weight"][1]),
    "distance": ("Dist.", "差异度"),
    "correlation": ("ρ", "ρ"),
    "flagged at": ("CR fails at", "未通过的判断矩阵"),
    "n respondents": ("{n} respondents", "{n} 位专家"),
    "disagrees on": ("Disagrees most on", "分歧最大的因素"),
    "node": ("Node", TERMS["matrix"][1]),
    "band": ("band", "共识程度"),
    "element": ("Element", TERMS["element"][1]),
    "them": ("Them", "此人"),
    "diff": ("Diff", "差"),
    "biggest gap": ("◀ biggest gap at this node", "◀ 本节点差异最大"),
    "group keys": (
        "p next respondent · a aggregation · f inconsistent policy · esc back",
        "p 下一位专家 · a 合成方式 · f 未通过者处理 · esc 返回",
    ),
    "group needs two": ("Add a second respondent to compare judgments.", "添加第二位专家后才能比较。"),
    "distance help": (
        "Dist.: share of global weight that would have to move to match the group (0 = same); "
        "ρ: rank correlation with the group's ranking (1 = same order); disagrees most on: the churn "
        "factor whose global weight differs most, theirs/the group's.",
        "差异度：与群体一致所需转移的总排序权重份额（0 = 相同）；ρ：与群体排序的 Spearman 等级相关系数"
        "（1 = 顺序相同）；分歧最大的因素：总排序权重与群体相差最大的流失因素（此人/群体）。",
    ),
    "flagged": ("flagged", "已标记"),
    "excluded": ("excluded", "已排除"),
    "included": ("included", "已计入"),
    "very high": ("very high", TERMS["band.very high"][1]),
    "high": ("high", TERMS["band.high"][1]),
    "moderate": ("moderate", TERMS["band.moderate"][1]),
    "low": ("low", TERMS["band.low"][1]),
    "very low": ("very low", TERMS["band.very low"][1]),
    "settings changed": ("Now: {what}", "现为：{what}"),
    # -- sensitivity --
    "sensitivity": ("Sensitivity", "敏感性分析"),
    "vary": ("Vary", "变动"),
    "node now": ("now {w:.3f}", "当前 {w:.3f}"),
    "node kind criterion": ("criterion", "准则"),
    "node kind inner": ("sub-criterion", "子准则"),
    "node kind leaf": ("factor, within {parent}", "因素，属于{parent}"),
    "plot help": (
        "global weight of every factor (y) against "
        "this weight (x); │ now",
        "各因素总排序权重（纵轴）随该权重（横轴）变化；│ 当前值",
    ),
    "others grey": ("others grey", "其余为灰色"),
    "tipping points": ("Tipping points of {node}, nearest first", "{node}的临界点（由近及远）"),
    "no tipping": ("No two factors swap rank anywhere from 0 to 1.", "在 0 到 1 之间没有任何两个因素交换排名。"),
    "overtakes": ("{b} overtakes {a}", "{b} 超过 {a}"),
    "more points": ("… {n} more", "… 另有 {n} 个"),
    "critical": ("Smallest change that alters the top k (any weight)", "改变前 k 名所需的最小变动（任一权重）"),
    "top k": ("top {k}", "前 {k} 名"),
    "no change alters": ("no change of one weight alters it", "改变单个权重无法改变"),
    "monte carlo": ("Monte Carlo: {draws:,} draws, {noise} noise, spread {spread:g}, seed {seed}",
                    "蒙特卡洛模拟：{draws:,} 次，{noise}扰动，幅度 {spread:g}，随机种子 {seed}"),
    "mc running": ("Perturbing every judgment…", "正在扰动全部判断…"),
    "mc not run": ("Press m to run.", "按 m 运行。"),
    "base rank": ("Now", "现排名"),
    "p first": ("P(#1)", "P(第1)"),
    "p same": ("P(same)", "P(不变)"),
    "p top3": ("P(top 3)", "P(前3)"),
    "interval": ("90% rank", "90% 位次区间"),
    "top stable": ("P(top-k set unchanged):", "P(前 k 名不变)："),
    "sens keys": ("← → choose the weight to vary · m run Monte Carlo again · o noise · esc back",
                  "← → 选择要变动的权重 · m 重新运行蒙特卡洛 · o 扰动方式 · esc 返回"),
    "lognormal": ("log-normal", TERMS["noise.lognormal"][1]),
    "step": ("±1 scale step", "±1 级标度"),
    # -- ratings and risk --
    "ratings": ("Ratings", "评价"),
    "unit": ("Unit", TERMS["unit"][1]),
    "units": ("Units", "门店"),
    "grade": ("Grade", "等级"),
    "risk index": ("Risk", "流失风险指数"),
    "points": ("Pts", "风险分"),
    "rated": ("rated {k}/{n}", "已评 {k}/{n}"),
    "no units": (
        "No rated units yet: press n to add a store,"
        " region or segment.",
        "还没有评价对象：按 n 添加门店、区域或客群。",
    ),
    "ratings keys": ("↑↓ factor · ←→ 1-{g} grade · x clear · u/U unit · n add · del remove · ^z undo",
                     "↑↓ 因素 · ←→ 1-{g} 评价 · x 清除 · u/U 门店 · n 添加 · del 删除 · ^z 撤销"),
    "add unit": ("Add a unit", "添加评价对象"),
    "add unit help": ("Name of the store, region or customer segment to rate. enter to add, esc to cancel.",
                      "要评价的门店、区域或客群名称。enter 添加，esc 取消。"),
    "unit added": ("Added {name}", "已添加 {name}"),
    "rename unit": ("Rename {name}", "重命名 {name}"),
    "rename unit help": ("New name of the store, region or segment. enter to rename, esc to cancel.",
                         "门店、区域或客群的新名称。enter 确认，esc 取消。"),
    "unit renamed": ("Renamed {old} to {new}", "已将 {old} 改名为 {new}"),
    "remove unit": ("Remove {name}?", "删除 {name}？"),
    "remove unit help": ("Its ratings are deleted from the file; a copy of the file as it is now is kept beside it. "
                         "y to remove, n or esc to keep.",
                         "其全部评价将从文件中删除；删除前的文件副本保存在同一文件夹。按 y 删除，n 或 esc 保留。"),
    "unit removed": ("Removed {name}; the file as it was is kept beside it as {kept}",
                     "已删除 {name}；删除前的文件已另存在同一文件夹：{kept}"),
    "not rated": ("—", "—"),
    "risk title": ("Churn risk by unit (0: every factor at the best grade, 100: at the worst)",
                   "各门店流失风险指数（0：全部因素处于最佳等级，100：全部处于最差等级）"),
    "coverage": ("Rated", "已评"),
    "actions": (
        "What to fix first at {name}: index points "
        "saved by the best grade",
        "{name}：优先改进事项（提升至最佳等级可降低的指数）",
    ),
    "gain": ("Saves", "可降低"),
    "no actions": (
        "Nothing to improve: every rated factor is "
        "at the best grade.",
        "无需改进：已评价因素均处于最佳等级。",
    ),
    "risk keys": ("↑↓ unit · t rate this unit · esc back", "↑↓ 选择门店 · t 评价该门店 · esc 返回"),
    "unrated": ("{n} factors not rated", "{n} 个因素未评价"),
    # -- report --
    "report title": ("Export the report", "导出报告"),
    "report help": (
        "File name (.html, .md, .xlsx or .docx picks the format), in "
        "the current language. enter to write, esc to cancel.",
        "文件名（扩展名 .html、.md、.xlsx 或 .docx 决定格式），使用当前语言。enter 写入，esc 取消。",
    ),
    "report bad extension": (
        "Use a name ending in .html, .md, .xlsx or "
        ".docx.",
        "请使用 .html、.md、.xlsx 或 .docx 结尾的文件名。",
    ),
    "with sensitivity": ("With sensitivity (tipping points, 2,000 draws)", "含敏感性摘要（临界点，2,000 次模拟）"),
    "left out": ("left out: {who}", "未计入：{who}"),
    "why no judgments": ("no judgments", "无判断"),
    "combined otherwise": ("{node}: combined by judgments (AIJ), not priorities (AIP): no respondent's judgments "
                           "determine its weights alone",
                           "{node}：改按判断矩阵合成（AIJ），未按权重向量合成（AIP）：没有一位专家的判断能单独确定其权重"),
    "not ranked": ("not ranked: {reason}", "未排序：{reason}"),
    "owner": ("Who acts", "责任方"),
    "max grade": ("Grade", "隶属等级"),
    "degree": ("Degree", "流失度"),
    "level": ("Level", "层次"),
    "whole unit": ("Whole unit", "综合"),
    "fce": ("Fuzzy comprehensive evaluation, {op}: membership of each grade, churn degree, grade of maximum membership",
            "模糊综合评价（{op}）：各等级隶属度、流失度、最大隶属度等级"),
    "top factors": ("The top {k} factors so far", "目前排序前 {k} 的因素"),
    "stop or go on": ("Stop here (r: results) or go on (→).", "可以到此为止（r：结果），也可以继续（→）。"),
    # the settings screen and the combined test
    'lambda textbook': ('textbook', '教材公式'),
    'combined cr': ('Combined test, CR of the goal + levels below:', '组合一致性检验，准则层 CR + 下层：'),
    'settings title': (
        "Settings: how the numbers are made, saved "
        "in the project",
        "设置：计算方法与检验标准，保存在项目文件中",
    ),
    'settings help': (
        "↑↓ choose a setting · ←→ or enter change "
        "it (saved at once) · esc back. A practice "
        "sets the RI table, the acceptance rule and "
        "λmax; one changed afterwards is kept as "
        "set.",
        "↑↓ 选择设置项 · ←→ 或 enter 更改（立即保存）· esc 返回。惯例同时设定 "
        "RI 表、一致性标准与 λmax；之后单独更改的项保持不变。",
    ),
    'setting practice': ('Practice', '惯例'),
    'setting method': ('Weighting method', '权重计算方法'),
    'setting random_index': ('Random index RI', '随机一致性指标 RI'),
    'setting threshold': ('Acceptance rule', '一致性标准'),
    'setting lambda_max': ('λmax', '最大特征根 λmax'),
    'setting language': ('Language', '语言'),
    'setting set': ('set on its own', '单独设定'),
    'setting from practice': ('from the practice', '随惯例'),
    'setting saaty': (
        "Saaty: RI of 1980, CR limit by size, the "
        "principal eigenvalue",
        "Saaty：1980 年 RI 表，按阶数定 CR 上限，最大特征根",
    ),
    'setting zh-textbook': (
        "Chinese textbooks: Saaty's 1980 RI, CR < "
        "0.10, the textbook λmax",
        "国内教材惯例：Saaty 1980 年 RI 表，CR < 0.10，教材 λmax "
        "公式",
    ),
    'setting eigenvector': ('principal eigenvector', '特征根法'),
    'setting geometric-mean': ('row geometric mean', '方根法'),
    'setting column-mean': ('normalised column mean', '和积法'),
    'setting saaty1994': (
        "CR <= 0.05 for n = 3, 0.08 for n = 4, 0.10 "
        "above",
        "n = 3 时 CR ≤ 0.05，n = 4 时 CR ≤ 0.08，其余 CR "
        "≤ 0.10",
    ),
    'setting saaty1980': ('CR <= 0.10 for every n', '各阶均为 CR ≤ 0.10'),
    'setting lt0.10': ('CR < 0.10 for every n', '各阶均为 CR < 0.10'),
    'setting fixed': ('{rule} for every n', '各阶均为 {rule}'),
    'setting eigenvalue': ('the principal eigenvalue, whatever the method', '最大特征根（与权重方法无关）'),
    'setting textbook': ("(1/n) Σ (Aw)ᵢ / wᵢ with the method's own w", '(1/n) Σ (Aw)ᵢ / wᵢ，w 为所选方法的权重'),
    'setting en': ('English', 'English'),
    'setting zh': ('中文', '中文'),
}

#: Footer labels (a binding's description) in Chinese; English is the description itself.
FOOTER_ZH: dict[str, str] = {
    "judge": "判断", "equal": "同等", "clear": "清除", "apply": "应用建议", "respondent": "专家",
    "group": "群体", "results": "结果", "interview": "访谈", "export": "导出", "中文": "English",
    "undo": "撤销", "help": "帮助", "quit": "退出", "back": "返回", "next": "下一题", "skip": "跳过",
    "leave": "返回", "palette": "命令", "add respondent": "添加专家", "rename": "改名", "weight": "权重",
    "remove": "删除", "scope": "范围", "aggregation": "合成方式", "policy": "未通过者处理", "close": "关闭",
    "cancel": "取消", "yes": "是", "no": "否", "sensitivity": "敏感性", "ratings": "评价", "risk": "风险",
    "choose": "选择", "grade": "评价", "monte carlo": "蒙特卡洛", "noise": "扰动", "unit": "门店", "add unit": "添加",
    "report": "报告", "rate": "评价", "settings": "设置", "setting": "设置项", "change": "更改",
}
