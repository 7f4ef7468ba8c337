"""The vocabulary of AHP, in English and in the terms of Chinese AHP practice.

Each term once, as (English, Chinese): every output that names a method, a verdict, a weight
or a table takes the word from here. The English of a setting is its id (the tool's English
output names settings by id); the Chinese is the name Chinese papers use.

>>> TERMS["status.inconsistent"], TERMS["weight.global"][1]
(('inconsistent', '未通过'), '总排序权重')
"""

from __future__ import annotations

TERMS: dict[str, tuple[str, str]] = {
    # the hierarchy and its weights
    "matrix": ("node", "判断矩阵"),
    "churn factor": ("churn factor", "流失因素"),
    "factor": ("factor", "因素"),
    "criterion": ("criterion", "准则"),
    "element": ("element", "元素"),
    "weight": ("weight", "权重"),
    "weight.local": ("local", "单排序权重"),
    "weight.global": ("global", "总排序权重"),
    "order n": ("n", "阶数"),
    "lambda_max": ("lambda_max", "λmax"),
    "threshold": ("threshold", "CR 上限"),
    "hierarchy cr": ("Hierarchy CR (sum a_j CI_j / sum a_j RI_j): {cr}",
                     "层次总排序一致性比率 CR = Σa_j·CI_j / Σa_j·RI_j = {cr}"),
    # verdicts
    "status": ("status", "检验结论"),
    "status.consistent": ("consistent", "通过"),
    "status.inconsistent": ("inconsistent", "未通过"),
    "status.incomplete": ("incomplete", "判断不完整"),
    "none": ("none", "无"),
    # people and what they rate
    "respondent": ("respondent", "专家"),
    "respondent.first": ("Respondent 1", "专家 1"),
    "respondents": ("respondents", "专家"),
    "unit": ("unit", "门店"),
    "grade": ("grade", "评价等级"),
    # how the numbers are made: a setting's id in English, its name in Chinese
    "method.eigenvector": ("eigenvector", "特征根法"),
    "method.geometric-mean": ("geometric-mean", "方根法"),
    "method.column-mean": ("column-mean", "和积法"),
    "ri.saaty1980": ("saaty1980", "Saaty (1980)"),
    "ri.saaty2005": ("saaty2005", "Saaty (2005)"),
    "ri.donegan-dodd": ("donegan-dodd", "Donegan & Dodd (1991)"),
    "ri.alonso-lamata": ("alonso-lamata", "Alonso & Lamata (2006)"),
    "ri.gong-xu1986": ("gong-xu1986", "龚木森、许树柏 (1986)"),
    "ri.chinese": ("chinese", "龚木森、许树柏 (1986)"),
    "threshold.saaty1994": ("saaty1994", "3 阶 CR ≤ 0.05，4 阶 CR ≤ 0.08，5 阶及以上 CR ≤ 0.10"),
    "threshold.saaty1980": ("saaty1980", "各阶 CR ≤ 0.10"),
    "threshold.lt0.10": ("lt0.10", "各阶 CR < 0.10"),
    "lambda_max.eigenvalue": ("eigenvalue", "最大特征根"),
    "lambda_max.textbook": ("textbook", "教材公式 λmax = (1/n)Σ(AW)ᵢ/wᵢ"),
    "practice.saaty": ("saaty", "Saaty 惯例"),
    "practice.zh-textbook": ("zh-textbook", "国内教材惯例"),
    "op.<=": ("<=", "≤"),
    "op.>=": (">=", "≥"),
    "threshold.fixed": ("CR <= {value:g}", "各阶 CR ≤ {value:g}"),
    "completion.lambda-max": ("lambda-max", "按最大特征根最小化补全"),
    "completion.harker": ("harker", "按 Harker 法补全"),
    "aggregation.aij": ("geometric mean of their judgments (aij)", "判断矩阵加权几何平均（AIJ）"),
    "aggregation.aip": ("{mean} mean of their priorities (aip)", "权重向量加权{mean}平均（AIP）"),
    "mean.geometric": ("geometric", "几何"),
    "mean.arithmetic": ("arithmetic", "算术"),
    "policy.flag": ("flagged", "予以标明"),
    "policy.include": ("included", "仍纳入"),
    "policy.exclude": ("excluded", "予以剔除"),
    # agreement between experts
    "band.very high": ("very high", "很高"),
    "band.high": ("high", "高"),
    "band.moderate": ("moderate", "中等"),
    "band.low": ("low", "低"),
    "band.very low": ("very low", "很低"),
    "spearman": ("Spearman rank correlation", "Spearman 等级相关系数"),
    # sensitivity
    "overtakes": ("{a} overtakes {b}", "{a} 超过 {b}"),
    "noise.lognormal": ("log-normal", "对数正态"),
    "noise.step": ("one-step", "标度一级"),
    "monte carlo": ("Monte Carlo", "蒙特卡洛模拟"),
}
