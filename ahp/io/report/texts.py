"""Every word of the report, in English and in the terms of Chinese AHP practice.

One glossary: the report's builders look words up here and nowhere else, so a Chinese report
holds no English beyond ids, units and numbers.

>>> TEXT["zh"]["matrix"].format(code="A-B", name="客户流失度")
'A-B 判断矩阵（客户流失度）'
>>> set(TEXT["en"]) == set(TEXT["zh"])
True
"""

from __future__ import annotations

from ahp.core.consistency import RI_SOURCES as CITED_SOURCES
from ahp.io.glossary import GLOSSARY, say

#: Where each random index table comes from, as papers cite it (an unknown table shows its id).
RI_SOURCES: dict[str, dict[str, str]] = {
    "en": dict(CITED_SOURCES),
}

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "report": "Churn factor report", "toc": "Contents", "sep": ", ", "paren": " ({x})",
        # overview
        "overview": "Overview", "facts": "About this study", "title": "Project", "client": "Client",
        "consultant": "Consultant", "date": "Date", "goal": "Goal", "participants": "Participants",
        "expert": "Expert", "weight": "Weight", "share": "Share", "unnamed": "(not given)",
        "left_out": "Left out: {names}.", "left_out_one": "{name} ({why})", "why_no judgments": "no judgments",
        "method": "Method", "priority_method": "Priorities",
        "method_eigenvector": "principal eigenvector of each judgment matrix",
        "method_geometric-mean": "row geometric mean of each judgment matrix",
        "method_column-mean": "mean of the normalised columns of each judgment matrix",
        "practice_rule": "Convention", "practice_saaty": "Saaty's (RI of 1980, CR limit by matrix size, the principal "
        "eigenvalue), as set below",
        "practice_zh-textbook": "Chinese textbook practice (RI of Saaty 1980, CR < 0.10, the "
        "textbook λmax), as set below",
        "lambda_rule": "λmax", "lambda_eigenvalue": "the principal eigenvalue of each matrix (whatever the priority "
        "method); CI = (λmax − n)/(n − 1), CR = CI/RI",
        "lambda_textbook": "λmax = (1/n) Σ (A·W)ᵢ / Wᵢ, with each matrix's weights W from the method above "
        "(the textbook convention); CI = (λmax − n)/(n − 1), CR = CI/RI",
        "ri_rule": "Random index RI", "ri_text": "{table} table; values for the matrix sizes used below",
        "threshold_rule": "Acceptance",
        "threshold_saaty1994": "CR ≤ 0.05 for n = 3, CR ≤ 0.08 for n = 4, CR ≤ 0.10 above",
        "threshold_saaty1980": "CR ≤ 0.10 for every n", "threshold_lt0.10": "CR < 0.10 for every n",
        "threshold_fixed": "CR ≤ {value:g} for every n",
        "aggregation_rule": "Combining experts", "agg_one": "judgments of {name} alone",
        "agg_aij": "{n} experts combined by the weighted geometric mean of their judgments (AIJ), "
        "then priorities of the combined matrix",
        "agg_aip": "{n} experts combined by the weighted {mean} mean of their priorities (AIP)",
        "mean_geometric": "geometric",
        "mean_arithmetic": "arithmetic",
        "policy_flag": "experts who fail the consistency test are included and named",
        "policy_include": "experts who fail the consistency test are included",
        "policy_exclude": "experts who fail the consistency test are left out of that matrix",
        "completion_rule": "Missing judgments", "completion_lambda-max": "completed to the values that minimise λmax",
        "completion_harker": "completed by Harker's method",
        "ri_n": "n", "ri_value": "RI", "threshold_value": "CR limit",
        "definitions": "Criteria and factors", "code": "Code", "level": "Level", "name": "Name",
        "description": "Description", "level_goal": "goal", "level_criterion": "criterion", "level_factor": "factor",
        # matrices
        "matrices": "Judgment matrices", "matrix": "{code} judgment matrix ({name})", "w": "W",
        "lambda_max": "λmax", "ci": "CI", "ri": "RI", "cr": "CR", "verdict": "Verdict",
        "pass": "pass", "fail": "fail", "incomplete": "incomplete", "no_judgments": "no judgments yet",
        "pass_line": "CR = {cr} {op} {limit}: the matrix passes the consistency test.",
        "fail_line": "CR = {cr} {op} {limit}: the matrix FAILS the consistency test.",
        "small_line": "n ≤ 2: a matrix of this size is always consistent.",
        "completed_note": "Values in [brackets] were missing and completed by the method.",
        "combined_note": "The matrix combines {n} experts' judgments (weighted geometric mean).",
        "aip_note": "W is the experts' combined priorities (AIP); the matrix is shown combined by geometric mean.",
        "aij_here_note": "Combined by the experts' judgments (AIJ) here, not by their priorities (AIP): {why}.",
        "aip_undetermined": "no expert's judgments determine this matrix's weights on their own",
        "warning": "Warning: {note}.",
        "expert_fails_here": "Expert {name} fails this matrix's test on their own (CR {cr}).",
        # overall ranking
        "ranking": "Overall ranking", "factor": "Factor", "overall": "Overall weight", "rank": "Rank",
        "criterion_head": "{code} {name} a = {a}",
        "total_cr": "Overall consistency of the levels below the criteria CR = Σ a_j CI_j / Σ a_j RI_j = {cr} {op} "
        "{limit}: {verdict}.",
        "combined_cr": "Combined test (Jiang Qiyuan): CR = CR of the criteria matrix + Σ a_j CI_j / Σ a_j RI_j "
        "= {terms} = {cr} {op} {limit}: {verdict}.",
        "total_but": "Every matrix is checked on its own as well: {names} fail(s).",
        "ranking_chart": "Overall weight of each factor",
        # experts
        "experts": "Experts", "expert_cr": "Consistency ratio CR of each expert, per judgment matrix",
        "all_pass": "All matrices pass", "failing": "{n} failing", "fails_list": "{name} fails: {where}.",
        "everyone_passes": "Every expert passes every matrix.",
        "combined_fails": "the combined test (CR {cr} > {limit})",
        "answered": "Questions answered", "answered_all": "{name} answered all {n} questions.",
        "answered_some": "{name} answered {k} of {n} questions; the other {m} were completed by {method}.",
        "by_lambda-max": "the λmax method (the values that minimise λmax)", "by_harker": "Harker's method",
        "top": "Each expert's top factors", "first": "1st", "second": "2nd", "third": "3rd",
        "consensus": "Agreement between experts", "consensus_overall": "Overall consensus S* = {s} ({band})",
        "s_star": "S*", "band": "Agreement", "distance": "Distance from the group",
        "correlation": "Spearman rank correlation",
        "band_very high": "very high", "band_high": "high", "band_moderate": "moderate", "band_low": "low",
        "band_very low": "very low",
        "appendix": "Appendix: each expert's judgment matrices", "appendix_sheet": "Appendix",
        "appendix_expert": "{name}",
        # sensitivity
        "sensitivity": "Sensitivity", "tipping": "Tipping points of the criteria weights",
        "criterion": "Criterion", "current": "Weight now", "top_changes": "Top factor changes at",
        "who_overtakes": "Then", "first_swap": "First change of order at", "first_swap_who": "Then",
        "overtakes": "{a} overtakes {b}", "never": "never (0 to 1)",
        "mc": "Monte Carlo: {draws} draws, seed {seed}, {noise} noise of spread {spread:g} on every judgment",
        "noise_lognormal": "log-normal", "noise_step": "one-step",
        "mc_chart": "Probability of each rank (the ten leading factors)", "rank_k": "rank {k}",
        "rank_more": "rank > {k}", "p_rank": "P(same rank)", "interval": "Rank in 90% of draws",
        "stable": "P(top {k} unchanged as a set) = {p}",
        # risk
        "risk": "Churn risk by unit", "unit": "Unit", "risk_index": "Churn risk index (0-100)",
        "coverage": "Share of weight rated", "not_rated": "not rated", "not_ranked": "not ranked: {reason}",
        "actions": "What to fix first at {unit}", "grade": "Grade", "gain": "Points saved at the best grade",
        "controlled_by": "Controlled by", "control_store": "Store", "control_head-office": "Head office",
        "control_external": "External", "control_unknown": "Not stated",
        "unrated": "Not rated: {n} factor(s).",
        "actions_none": "Nothing to improve: every rated factor is at the best grade.",
        "fce": "Fuzzy comprehensive evaluation ({op}): membership of each grade B = W o R, churn degree, grade of "
               "maximum membership",
        "whole": "Whole unit", "degree": "Churn degree", "max_grade": "Grade (maximum membership)",
    },
    "zh": {
        "report": "客户流失因素分析报告", "toc": "目录", "sep": "、", "paren": "（{x}）",
        "overview": "概况", "facts": "项目信息", "title": "项目", "client": "委托方",
        "consultant": "咨询方", "date": "日期", "goal": "目标", "participants": "参评专家",
        "share": "占比", "unnamed": "（未填写）",
        "left_out": "未计入：{names}。", "left_out_one": "{name}（{why}）", "why_no judgments": "无判断",
        "method": "方法说明", "priority_method": "权重计算",
        "method_eigenvector": "特征根法（判断矩阵最大特征根对应的归一化特征向量）",
        "method_geometric-mean": "方根法（行几何平均后归一化）",
        "method_column-mean": "和积法（列归一化后按行平均）",
        "practice_rule": "计算惯例",
        "practice_saaty": "Saaty 惯例（1980 年 RI 表，按阶数定 CR 上限，最大特征根），具体见下",
        "practice_zh-textbook": "中国教材惯例（Saaty 1980 年 RI 表，CR < 0.10，教材 λmax 公式），具体见下",
        "lambda_rule": "最大特征根 λmax", "lambda_eigenvalue": "取各判断矩阵的最大特征根（与权重计算方法无关）；"
        "一致性指标 CI = (λmax − n)/(n − 1)，一致性比率 CR = CI/RI",
        "lambda_textbook": "λmax = (1/n) Σ (A·W)ᵢ / Wᵢ，W 为上述方法所得权重；"
        "一致性指标 CI = (λmax − n)/(n − 1)，一致性比率 CR = CI/RI",
        "ri_rule": "随机一致性指标 RI", "ri_text": "取 {table} 表，所用阶数的取值见下表",
        "threshold_rule": "一致性标准",
        "threshold_saaty1994": "n = 3 时 CR ≤ 0.05，n = 4 时 CR ≤ 0.08，n ≥ 5 时 CR ≤ 0.10",
        "threshold_saaty1980": "各阶均为 CR ≤ 0.10", "threshold_lt0.10": "各阶均为 CR < 0.10",
        "threshold_fixed": "各阶均为 CR ≤ {value:g}",
        "aggregation_rule": "专家意见集结", "agg_one": "仅采用专家 {name} 的判断",
        "agg_aij": "{n} 位专家：对各专家判断矩阵逐元素加权几何平均（AIJ），再由合成判断矩阵求权重",
        "agg_aip": "{n} 位专家：对各专家的权重向量加权{mean}平均（AIP）",
        "policy_flag": "未通过一致性检验的专家仍纳入合成，并在报告中标明",
        "policy_include": "未通过一致性检验的专家仍纳入合成",
        "policy_exclude": "未通过一致性检验的专家不参与该判断矩阵的合成",
        "completion_rule": "缺失判断", "completion_lambda-max": "按最大特征根最小化原则补全",
        "completion_harker": "按 Harker 法补全",
        "ri_n": "阶数 n", "ri_value": "RI",
        "definitions": "准则与因素说明", "code": "编号", "level": "层次", "name": "名称",
        "description": "说明", "level_goal": "目标层", "level_criterion": "准则层", "level_factor": "指标层",
        "matrices": "判断矩阵及层次单排序", "matrix": "{code} 判断矩阵（{name}）", "w": "W",
        "ci": "CI", "ri": "RI", "cr": "CR",
        "incomplete": "判断不完整", "no_judgments": "尚无判断",
        "pass_line": "CR = {cr} {op} {limit}，通过一致性检验。",
        "fail_line": "CR = {cr} {op} {limit}，未通过一致性检验。",
        "small_line": "n ≤ 2，判断矩阵必然一致。",
        "completed_note": "方括号 [ ] 中的数值为缺失判断，由补全方法给出。",
        "combined_note": "本矩阵为 {n} 位专家判断的加权几何平均。",
        "aip_note": "W 为各专家权重向量的合成（AIP）；矩阵按几何平均合成后列出。",
        "aij_here_note": "本矩阵改按判断矩阵合成（AIJ），而非权重向量合成（AIP）：{why}。",
        "aip_undetermined": "没有一位专家的判断能单独确定本矩阵的权重",
        "warning": "注意：{note}。",
        "expert_fails_here": "专家 {name} 的该判断矩阵单独检验未通过（CR {cr}）。",
        "ranking": "层次总排序", "rank": "排序",
        "criterion_head": "{code} {name} a = {a}",
        "total_cr": "层次总排序一致性比率 CR = Σ a_j CI_j / Σ a_j RI_j = {cr} {op} {limit}，{verdict}。",
        "combined_cr": "组合一致性检验（姜启源）：CR = 准则层判断矩阵 CR + Σ a_j CI_j / Σ a_j RI_j "
        "= {terms} = {cr} {op} {limit}，{verdict}。",
        "total_but": "各判断矩阵另行单独检验：{names} 未通过。",
        "ranking_chart": "各因素总排序权重",
        "experts": "专家一致性", "expert_cr": "各专家各判断矩阵的一致性比率 CR",
        "all_pass": "全部通过", "failing": "{n} 项未通过", "fails_list": "{name} 未通过：{where}。",
        "everyone_passes": "所有专家的全部判断矩阵均通过一致性检验。",
        "combined_fails": "总排序一致性检验（CR = {cr} > {limit}）",
        "answered": "问卷作答情况", "answered_all": "{name} 回答了全部 {n} 个问题。",
        "answered_some": "{name} 回答了 {n} 个问题中的 {k} 个，其余 {m} 个由{method}补全。",
        "by_lambda-max": "最大特征根最小化法（使 λmax 最小的取值）", "by_harker": " Harker 法",
        "top": "各专家排序前列的因素", "first": "第一", "second": "第二", "third": "第三",
        "consensus": "专家意见一致程度", "consensus_overall": "总体共识度 S* = {s}（{band}）",
        "s_star": "S*", "band": "一致程度", "distance": "与群体权重的距离",
        "appendix": "附录：各专家判断矩阵", "appendix_sheet": "附录", "appendix_expert": "专家：{name}",
        "sensitivity": "敏感性分析", "tipping": "准则权重的临界点",
        "current": "当前权重", "top_changes": "首位因素改变时的权重",
        "who_overtakes": "届时", "first_swap": "排序首次改变时的权重", "first_swap_who": "届时",
        "never": "在 0 到 1 之间不改变",
        "mc": "蒙特卡洛模拟：{draws} 次，随机种子 {seed}，对每个判断施加{noise}扰动（幅度 {spread:g}）",
        "mc_chart": "各排序位次的概率（前十个因素）", "rank_k": "第 {k} 位",
        "rank_more": "第 {k} 位以后", "p_rank": "保持原位次的概率", "interval": "90% 模拟中的位次区间",
        "stable": "前 {k} 名构成不变的概率（不计顺序）= {p}",
        "risk": "各门店流失风险", "risk_index": "流失风险指数（流失度，0–100）",
        "coverage": "已评价因素权重占比", "not_rated": "未评价", "not_ranked": "未排序：{reason}",
        "actions": "{unit}：优先改进事项", "gain": "提升至最佳等级可降低的指数（分）",
        "controlled_by": "责任方", "control_store": "门店", "control_head-office": "总部",
        "control_external": "外部因素", "control_unknown": "未注明",
        "unrated": "未评价：{n} 个因素。", "actions_none": "无需改进：已评价因素均处于最佳等级。",
        "fce": "模糊综合评价（{op}）：各等级隶属度 B = W∘R、流失度、最大隶属度等级",
        "whole": "综合", "degree": "流失度", "max_grade": "等级（最大隶属度）",
    },
}

#: The report's words that are terms of AHP: their Chinese is the glossary's, written once there.
SHARED_TERMS: dict[str, str] = {
    "weight": "weight",
    "expert": "respondent",
    "factor": "factor",
    "criterion": "criterion",
    "lambda_max": "lambda_max",
    "verdict": "status",
    "pass": "status.consistent",
    "fail": "status.inconsistent",
    "overall": "weight.global",
    "band_very high": "band.very high",
    "band_high": "band.high",
    "band_moderate": "band.moderate",
    "band_low": "band.low",
    "band_very low": "band.very low",
    "mean_geometric": "mean.geometric",
    "mean_arithmetic": "mean.arithmetic",
    "correlation": "spearman",
    "overtakes": "overtakes",
    "noise_lognormal": "noise.lognormal",
    "noise_step": "noise.step",
    "unit": "unit",
    "grade": "grade",
    "threshold_value": "threshold",
}
TEXT["zh"].update({key: say(term, "zh") for key, term in SHARED_TERMS.items()})
RI_SOURCES["zh"] = {table: say(f"ri.{table}", "zh") for table in RI_SOURCES["en"] if f"ri.{table}" in GLOSSARY}
