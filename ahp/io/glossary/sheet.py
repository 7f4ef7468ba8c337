"""The problems of a CSV sheet (a survey or a ratings sheet, :mod:`ahp.io.sheet`), in English
and Chinese: where (row, column), then what is wrong. The English words are the ones the import
always printed; the Chinese reuse the questionnaire's (:mod:`ahp.io.glossary.survey`) where they
say the same thing.

>>> SHEET_PHRASES["row {row}, column {column!r}"].format(row=2, column="服务 比 质量")
'第 2 行「服务 比 质量」列'
"""

from __future__ import annotations

#: The sheets and the separators of their cells, as the phrases name them.
SHEET: dict[str, tuple[str, str]] = {
    "csv.survey": ("survey", "调查表"),
    "csv.ratings": ("ratings", "评价表"),
    "csv.commas": ("commas", "逗号"),
    "csv.semicolons": ("semicolons", "分号"),
    "csv.tabs": ("tabs", "制表符"),
    "csv.or by": (" or by ", "还是"),
}

#: The problems of a sheet: the Chinese of each English phrase.
SHEET_PHRASES: dict[str, str] = {
    # where
    "row {row}": "第 {row} 行",
    "line {row}": "第 {row} 行",
    "row {row}, column {column!r}": "第 {row} 行「{column}」列",
    "row 1, column {k} {column!r}": "第 1 行第 {k} 列「{column}」",
    # what is wrong with a row or a header cell
    "{at}: {what}": "{at}：{what}",
    "{at}: {n} cells; the header has {m}": "{at}：有 {n} 个单元格，表头有 {m} 个",
    "{at}: missing {noun} name": "{at}：未填写{noun}名称",
    "{at}: {name!r} is already a {noun} of the project; use --replace to replace their answers":
        "{at}：「{name}」已是本项目的{noun}；如要替换其判断，请加 --replace",
    "{at}: duplicate {noun} {name!r} (also row {other})": "{at}：{noun}「{name}」重复（另见第 {other} 行）",
    "{at}: no {column!r} column": "{at}：缺少「{column}」列",
    "{at}: duplicate column": "{at}：列重复",
    "{at}: unknown column; expected 'respondent', 'weight' or a pair like {example!r}":
        "{at}：无法识别的列；应为「{respondent}」「{weight}」或「{example_zh}」这样的比较对",
    "{at}: the same pair as column {first}": "{at}：与第 {first} 列是同一对比较",
    "{at}: not a churn factor of the model (e.g. 'service/attitude')":
        "{at}：不是模型中的流失因素（表头应为流失因素的名称）",
    "{at}: {text!r} is not a positive number": "{at}：「{text}」不是正数",
    "{at}: {why}": "{at}：{why}",
    "a cell longer than {limit:,} characters": "单元格超过 {limit:,} 个字符",
    # what is wrong with a judgment's cell
    "{text!r} is not a number or a fraction like 1/3": "「{text}」不是数字或 1/3 这样的分数",
    "{text!r} is not a number": "「{text}」不是数字",
    "0 is not a signed judgment; use 1 (or -1) for equal": "0 不是有符号判断；两者同等重要时请填 1（或 -1）",
    "{text} is off the signed scale; use 1..9 or -1..-9": "{text} 超出有符号标度；请填 1～9 或 -1～-9",
    "{text} is not a positive ratio": "{text} 不是正的比值",
    "{text} is off the scale; ratios lie within 1/9 and 9": "「{text}」超出 1–9 标度：判断值应在 1/9～9 之间",
    # what is wrong with a rating's cell
    "{name!r} is not a grade; grades: {grades}": "「{name}」不是评价等级；可选等级：{grades}",
    "{grade!r} is given twice (as {first!r} and {name!r})": "「{grade_zh}」重复给出（「{first}」与「{name}」）",
    "the count of {name!r} must be a number from 0 to {most:,.0f}; got {shown!r}":
        "「{name}」的人数应为 0～{most:,.0f} 之间的数，而不是「{shown}」",
    "the counts add up to 0: give at least one grade a count above 0":
        "人数合计为 0：请至少给一个等级填大于 0 的人数",
    "{token!r} is not grade:count (e.g. 较好:30)": "「{token}」不是「等级:人数」（如 较好:30）",
    # reading the file
    "{file}: no such file": "{file}：文件不存在",
    "{file}: is a folder, not a file": "{file}：是文件夹，不是文件",
    "{where}: starts as UTF-16 but is not; save the file as UTF-8 (in Excel: CSV UTF-8)":
        "{where}：开头标明 {utf16} 编码，内容却不是；请另存为 {utf8}（Excel 中选「{excel}」）",
    "{where}, line {line}: byte 0x{byte:02x} is neither UTF-8 nor GB18030 (GBK); save the file as UTF-8 (in Excel: CSV "
    "UTF-8)":
        "{where}，第 {line} 行：字节 0x{byte:02x} 既不是 {utf8} 也不是 {gb} 编码；"
        "请另存为 {utf8}（Excel 中选「{excel}」）",
    # the summaries
    "the {what} is empty: it needs a header row": "{what}是空的：需要表头行",
    "the {what} cannot be read as CSV; nothing imported": "{what}无法作为 CSV 读取，未导入任何内容",
    "cannot tell how the {what} separates its cells: by {names}; use only one of them in the header row":
        "无法判断{what}用什么分隔单元格：{names}；表头行请只用其中一种",
    "{k} problem(s) in the header; nothing imported": "表头中有 {k} 处问题，未导入任何内容",
    "{k} bad cell(s) in the {what}; nothing imported": "{what}中有 {k} 处错误，未导入任何内容",
    "the survey has no respondent rows; nothing imported": "调查表中没有专家行，未导入任何内容",
}
