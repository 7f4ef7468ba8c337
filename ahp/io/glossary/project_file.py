"""The comments of a new project file, in the project's language: what the file holds, how a
judgment is written, and each setting's choices (the choices themselves are typed, so they stay
as the file reads them).

>>> PROJECT_FILE["file.judgment"][1]
'判断写作  行 = { 列 = v }，表示「行」相对「列」的判断值为 v（1–9 标度，1/9～9）。'
"""

from __future__ import annotations

PROJECT_FILE: dict[str, tuple[str, str]] = {
    "file.head": ("ahp project: the model, the settings and every respondent's judgments.",
                  "ahp 项目文件：包含模型、设置及全部专家的判断。"),
    "file.judgment": ("A judgment  row = { col = v }  means row is v times as important as col (v from 1/9 to 9).",
                      "判断写作  行 = { 列 = v }，表示「行」相对「列」的判断值为 v（1–9 标度，1/9～9）。"),
    "file.method": ("eigenvector | geometric-mean | column-mean",
                    "eigenvector 特征根法 | geometric-mean 方根法 | column-mean 和积法"),
    "file.practice": ("saaty | zh-textbook: presets random_index, threshold and lambda_max (below)",
                      "saaty Saaty 惯例 | zh-textbook 国内教材惯例：一并设定下面的 random_index、threshold "
                      "与 lambda_max"),
    "file.random_index": ("saaty1980 | saaty2005 | donegan-dodd | alonso-lamata | gong-xu1986",
                          "平均随机一致性指标 RI 的取值表：saaty1980 | saaty2005 | donegan-dodd | alonso-lamata | "
                          "gong-xu1986"),
    "file.threshold": ("saaty1994 (0.05 for n=3, 0.08 for n=4, 0.10 above) | saaty1980 (<= 0.10) | lt0.10 (< 0.10) "
                       "| a number",
                       "一致性检验标准：saaty1994（3 阶 0.05，4 阶 0.08，更高阶 0.10）| saaty1980（≤ 0.10）| "
                       "lt0.10（< 0.10）| 0 与 1 之间的 CR 上限"),
    "file.lambda_max": ("eigenvalue | textbook: (1/n) sum (Aw)_i / w_i with the method's own w",
                        "λmax 的求法：eigenvalue 最大特征根 | textbook 教材公式 (1/n) Σ (Aw)ᵢ / wᵢ"
                        "（w 为所选方法的权重）"),
    "file.aggregation": ("aij: geometric mean of the judgments | aip: mean of the priorities",
                         "专家判断的合成：aij 判断矩阵加权几何平均 | aip 权重向量加权平均"),
    "file.aip_mean": ("geometric | arithmetic, for aip", "aip 的平均方式：geometric 几何平均 | arithmetic 算术平均"),
    "file.inconsistent": ("respondents failing the threshold at a node: flag | include | exclude",
                          "某判断矩阵未通过一致性检验的专家：flag 予以标明 | include 仍纳入 | exclude 予以剔除"),
    "file.completion": ("lambda-max | harker, for missing judgments",
                        "缺失判断的补全方法：lambda-max | harker"),
    "file.language": ("en | zh: the language of every output", "en | zh：全部输出的语言"),
}
