"""What the commands print, in English and Chinese: headings, table headers and messages.

The words of AHP itself (methods, verdicts, weights) are in :mod:`ahp.io.glossary.terms`;
these phrases use them by key in braces where they need them.

>>> PHRASES["check.all pass"][1]
'全部判断矩阵均通过一致性检验'
"""

from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {
    # ahp weights
    "weights.title": ("Priorities by {method}", "权重计算：{method}"),
    "weights.figures": ("lambda_max {lambda_max} ({convention})   CI {ci}   RI {ri} ({table})   CR {cr}",
                        "最大特征根 λmax = {lambda_max}（{convention}）   一致性指标 CI = {ci}   "
                        "平均随机一致性指标 RI = {ri_zh}（{table} 表）   一致性比率 CR = {cr}"),
    "weights.eigenvalue": ("eigenvalue", "按特征值精确求得"),
    "weights.gci": ("GCI {gci} (threshold {limit})", "GCI {gci}（上限 {limit}）"),
    "verdict.small": ("consistent (n <= 2)", "n ≤ 2，判断矩阵必然一致"),
    "verdict.pass": ("consistent: CR {cr} {op} {limit}", "CR = {cr} {op} {limit}，通过一致性检验"),
    "verdict.fail": ("INCONSISTENT: CR {cr} {op} {limit}", "CR = {cr} {op} {limit}，未通过一致性检验"),
    "weights.completed": ("{k} missing judgment(s) completed by {how}.", "{k} 个缺失判断已{how}。"),
    "weights.revisit": ("Judgments to revisit: the smallest change that passes, then the value that lowers CR most:",
                        "建议修改的判断（先列使检验通过的最小改动，再列使 CR 降得最低的取值）："),
    "suggestion": ("{a} vs {b}: {now} -> {then} (CR {cr} -> {cr_after}, {kind}; the other answers imply {implied})",
                   "{a} 比 {b}：{now} → {then}（CR {cr} → {cr_after}，{kind}；其余判断推得的值为 {implied}）"),
    "suggestion.passes": ("passes", "可通过检验"),
    "suggestion.lowest": ("lowest CR", "CR 最低"),
    "pair.vs": ("{a} vs {b}", "{a} 比 {b}"),
    # rank and check
    "settings": ("method {method}; random index {ri}; threshold {threshold}; lambda_max {lambda_max}; "
                 "missing judgments by {completion}; judgments of {source}",
                 "权重计算：{method}；随机一致性指标 RI：{ri} 表；一致性标准：{threshold}；λmax：{lambda_max}；"
                 "缺失判断：{completion}；判断来源：{source}"),
    "combined": ("Hierarchy CR: levels below the goal {levels}; combined test (CR of goal + levels below) "
                 "{terms} = {cr} {op} {limit}: {verdict}",
                 "层次总排序一致性比率 CR（目标层以下各层）= {levels}；组合一致性检验（目标层 CR + 以下各层）："
                 "{terms} = {cr} {op} {limit}，{verdict}"),
    "combined.incomplete": ("Hierarchy CR: levels below the goal {levels}; combined test: not yet, {k} node(s) lack "
                            "judgments",
                            "层次总排序一致性比率 CR（目标层以下各层）= {levels}；"
                            "组合一致性检验：尚有 {k} 个判断矩阵判断不完整，暂不能检验"),
    "combined.passes": ("passes", "通过"),
    "combined.fails": ("fails", "未通过"),
    "combined.failing": ("; failing on its own: {names}", "；单独未通过：{names}"),
    "source.panel": ("{n} respondents combined by {how}, inconsistent ones {policy}",
                     "{n} 位专家，{how}合成，未通过一致性检验者{policy}"),
    "source.panel one": ("{n} respondent combined by {how}, inconsistent ones {policy}",
                         "{n} 位专家，{how}合成，未通过一致性检验者{policy}"),
    "left out": ("; left out: {who}", "；未计入：{who}"),
    "combined otherwise": ("combined otherwise at {node}: {note}", "{node}：{note}"),
    "note.aip undetermined": ("no respondent's judgments determine this node's weights alone, so their judgments are "
                              "combined (aij)",
                              "没有一位专家的判断能单独确定该判断矩阵的权重，故改为合成判断矩阵（AIJ）"),
    "warning": ("warning: {note}", "注意：{note}"),
    "note.harker instead": ("{k} judgments missing, more than the {limit} the lambda-max completion handles: completed "
                            "by Harker's method instead",
                            "缺失判断 {k} 个，超过最大特征根最小化补全所能处理的 {limit} 个，已改用 Harker 法补全"),
    "note.unsettled": ("the lambda-max completion did not settle in {steps} Newton steps: the completed judgments may "
                       "be off",
                       "最大特征根最小化补全在 {steps} 步牛顿迭代内未收敛，补全的判断可能不准确"),
    "paren": (" ({x})", "（{x}）"),
    "factors": ("Factors:", "因素说明："),
    "colon": (": ", "："),
    "model note": ("note: {id}", "注：本文件所用的模型与内置模型版本不同，文件保留其自身的模型"),
    "goal": ("Goal: {goal}. {settings}.", "目标：{goal}。{settings}。"),
    "check.combined": ("Combined judgments:", "专家判断合成结果："),
    "check.incomplete": ("{node}: incomplete: {problem}", "{node}的{problem}，尚不能求权重"),
    "incomplete": ("{file}: cannot {what} yet, {k} node(s) lack judgments; first: {node}: {problem}",
                   "{file}：尚不能{what}，有 {k} 个判断矩阵判断不完整；首个为{node}的{problem}"),
    "incomplete.rank": ("rank", "排序"),
    "incomplete.report": ("write the report", "生成报告"),
    "incomplete.sensitivity": ("analyse sensitivity", "做敏感性分析"),
    # why a node's weights are not determined
    "unlinked.one": ("the known judgments do not connect all elements: {cut} is not compared, directly or through "
                     "others, with {first}; add a judgment linking them",
                     "判断矩阵不完整：「{cut}」与其他因素之间没有任何判断"),
    "unlinked.many": ("the known judgments do not connect all elements: {cut} are not compared, directly or through "
                      "others, with {first}; add a judgment linking them",
                      "判断矩阵不完整：「{cut}」与「{linked}」之间没有任何直接或间接的判断，请至少补充一个连接两者的判断"),
    "problem.all excluded": ("every respondent who judged this node was excluded as inconsistent (policy: exclude)",
                             "判断矩阵无可用判断：判断过它的专家均因未通过一致性检验而被剔除"),
    "check.combined fails": ("The hierarchy fails the combined consistency test: CR {cr} {op} {limit}, although every "
                             "node passes on its own.",
                             "层次总排序一致性检验未通过：组合 CR = {cr} {op} {limit}（各判断矩阵单独均通过）"),
    "check.combined test": ("combined test", "总排序一致性检验"),
    "check.revisit": ("{node}: CR {cr} > {limit}; revisit:", "{node}：CR = {cr} > {limit}，建议修改："),
    "check.failing": ("Respondents failing a node ({k} of {n}):",
                      "未通过一致性检验或判断不完整的专家（{n} 位中有 {k} 位）："),
    "check.left out": ("Left out, no judgments: {names}", "未纳入（尚无判断）：{names}"),
    "check.all pass": ("Every node is consistent", "全部判断矩阵均通过一致性检验"),
    "check.all pass everyone": (", for every respondent and combined.", "（各位专家及合成结果）。"),
    "check.all pass one": (".", "。"),
    "check.names fail": ("Some nodes need attention: {names} fail(s) at least one node.",
                         "部分判断矩阵需要修改：{names}至少有一个判断矩阵未通过一致性检验或判断不完整。"),
    "check.some fail": ("Some nodes need attention.", "部分判断矩阵需要修改。"),
    "rank.export": ("rank", "排序"),
    "rank.path": ("path", "路径"),
    "rank.name": ("name", "名称"),
    "rank.factor": ("factor", "流失因素"),
    "rank.local weight": ("local weight", "单排序权重"),
    "rank.global weight": ("global weight", "总排序权重"),
    "rank.method": ("method", "权重计算方法"),
    "rank.random index": ("random index", "随机一致性指标表"),
    # group
    "group.panel": ("Panel: {source}.", "专家组：{source}。"),
    "group.overall": ("Overall consensus S* {s} ({band})", "总体共识度 S* = {s}（{band}）"),
    "group.consensus": ("consensus", "共识程度"),
    "group.undetermined": ("no respondent's judgments determine it", "各专家判断均不完整"),
    "group.cr range": ("CR range", "CR 范围"),
    "group.inconsistent": ("inconsistent respondents", "未通过一致性检验的专家"),
    "group.against": ("Respondents against the group's factor weights, furthest first",
                      "各专家的因素权重与群体的差异（差异大者在前）"),
    "group.distance": ("distance", "差异度"),
    "group.rank corr": ("rank corr.", "等级相关"),
    "group.disagrees": ("disagrees most on", "分歧最大的因素"),
    "group.disagreement": ("{node} ({weight} vs {group})", "{node}（{weight}，群体 {group}）"),
    "group.more": ("... and {n} more (all of them with --format json)", "……另有 {n} 位（JSON 格式列出全部）"),
    "group.distance note": ("distance: share of the weight that would have to move to match the group "
                            "(0 = same, 1 = opposite)",
                            "差异度：与群体一致所需转移的权重份额（0 = 完全相同，1 = 完全相反）"),
    "group.corr note": ("rank corr.: Spearman correlation with the group's ranking of the factors",
                        "等级相关：与群体因素排序的 Spearman 等级相关系数"),
    # sensitivity
    "sens.critical": ("Smallest change of one weight that changes the top of the ranking",
                      "使前列排序改变的最小单一权重变动"),
    "sens.top factor": ("top factor", "首位因素"),
    "sens.top set": ("top {k} set", "前 {k} 名构成"),
    "sens.never": ("no single weight change alters it", "任何单一权重变动都不会改变"),
    "sens.what": ("what changes", "排序变化"),
    "sens.node": ("node", "变动的权重"),
    "sens.local weight": ("local weight", "单排序权重：当前 → 临界"),
    "sens.change": ("change", "变动量"),
    "sens.swap": ("swap", "变化结果"),
    "sens.tipping": ("Tipping points, nearest first ({shown} of {n})",
                     "临界点，由近及远（列出 {shown} 个，共 {n} 个）"),
    "sens.now": ("now", "当前值"),
    "sens.at": ("at", "临界值"),
    "sens.mc": ("Monte Carlo: {draws} draws, every judgment perturbed ({how}), seed {seed}",
                "蒙特卡洛模拟：{draws} 次，对每个判断施加扰动（{how}），随机种子 {seed}"),
    "sens.lognormal": ("log-normal, spread {spread:g}", "对数正态分布，幅度 {spread:g}"),
    "sens.step": ("one step on Saaty's scale", "在 1–9 标度上浮动一级"),
    "sens.p rank": ("P(rank)", "保持原位次的概率"),
    "sens.p top": ("P(top 3)", "进入前 3 名的概率"),
    "sens.rank 90": ("rank 90%", "90% 模拟的位次区间"),
    "sens.weight 90": ("weight 90%", "90% 模拟的权重区间"),
    "sens.stable": ("P(top {k} unchanged) {p}", "前 {k} 名构成不变的概率 {p}"),
    "sens.stable first": ("P(top 1 unchanged) {p}", "首位不变的概率 {p}"),
    "range": ("{lo}-{hi}", "{lo}～{hi}"),
    "from to": ("{a} -> {b}", "{a} → {b}"),
    "named path": ("{name} (`{path}`)", "{name}（`{path}`）"),
    "sens.stable sep": ("  ", "；"),
    # risk
    "risk.title": ("Churn-risk index by unit (0 = every rated factor at the best grade, 100 = every rated factor at "
                   "the worst; rated = share of the weight rated)",
                   "各门店流失风险指数（0 = 已评价因素全部处于最佳等级，100 = 全部处于最差等级；"
                   "已评价 = 已评价因素的权重占比）"),
    "risk.risk": ("risk", "流失风险指数"),
    "risk.rated": ("rated", "已评价"),
    "risk.apart": ("Not ranked: rated on under {share} of the weight", "未参与排序：已评价因素的权重占比不足 {share}"),
    "risk.why": ("why", "原因"),
    "risk.none rated": ("no factor is rated", "尚未评价任何因素"),
    "risk.too little": ("rated factors carry {share} of the weight, under the {needed} needed to rank it",
                        "已评价因素的权重占比为 {share}，不足排序所需的 {needed}"),
    "risk.fix first": ("{unit}: fix first (index points saved by bringing the factor to the best grade), by who can "
                       "act",
                       "{unit}：优先改进事项，按责任方分组（可降低分值 = 该因素提升至最佳等级后流失风险指数的降幅）"),
    "risk.owner": ("owner", "责任方"),
    "risk.spread": ("~ rated by counts per grade: the grade of maximum membership",
                    "~ 按各等级人数评价：取最大隶属度对应的等级"),
    "risk.owner only": ("actions only of owner {owner} ({id})", "仅列出责任方为{owner}的改进事项"),
    "eval.title": ("Fuzzy comprehensive evaluation, operator {name} ({operator}): B = W o R, churn degree = 100 B · "
                   "grade levels, grade of maximum membership",
                   "模糊综合评价（{name} 算子）：B = W ∘ R，流失度 = 100 B · 等级分值，按最大隶属度原则确定评价等级"),
    "eval.all": ("(all)", "综合"),
    "eval.level": ("level", "层次"),
    "eval.degree": ("degree", "流失度"),
    "risk.gain": ("gain", "可降低分值"),
    "risk.not rated": ("not rated: {names}", "未评价：{names}"),
    # respondents, import, export
    "respondent.judgments": ("judgments", "判断数"),
    "respondent.done": ("{action}: done; {n} respondent(s) in {file}", "{action}；{file} 现有 {n} 位专家。"),
    "action.add": ("add", "已添加专家「{name}」"),
    "action.rename": ("rename", "已将专家「{name}」改名为「{new}」"),
    "action.weight": ("weight", "已将专家「{name}」的权重设为 {weight:g}"),
    "action.remove": ("remove", "已删除专家「{name}」"),
    "respondent.kept": ("the project as it was before is kept in {kept}", "修改前的项目文件已另存为 {kept}"),
    "import.done": ("imported {n} respondent(s), {pairs} judgment(s), into {file}",
                    "已导入 {n} 位专家的 {pairs} 个判断，写入 {file}"),
    "import.warning": ("ahp: warning: {k} of the {n} imported respondent(s) fail a node: {names}; see ahp check {file}",
                       "ahp：注意：导入的 {n} 位专家中有 {k} 位未通过一致性检验：{names}；详见 ahp check {file}"),
    "ratings.done": ("imported ratings: {added} unit(s) added, {updated} updated, in {file}",
                     "已导入评价：新增 {added} 个门店，更新 {updated} 个，写入 {file}"),
    "survey.written": ("wrote the survey template to {file}", "调查表模板已写入 {file}"),
    "report.written": ("wrote the {fmt} report to {file}", "{fmt} 报告已写入 {file}"),
    # sheet headers (survey and ratings files): the English is the column name files use
    "sheet.respondent": ("respondent", "专家"),
    "sheet.weight": ("weight", "权重"),
    "sheet.unit": ("unit", "门店"),
    "sheet.vs": (" vs ", " 比 "),
    # a command line argparse refuses (its message stays argparse's)
    "usage.error": ("{prog}: error: {message} (see {prog} {option})", "{prog}：错误：{message}（见 {prog} {option}）"),
}
