"""The questionnaire's words (:mod:`ahp.io.survey_xlsx`), in English and Chinese: its sheets,
instructions, columns, the answers of its dropdown and the errors of reading it back.

The scale's verbal labels are not here: they are Saaty's, kept once in
:mod:`ahp.core.scale` (同等重要, 稍微重要, 明显重要, 强烈重要, 极端重要 and the values between),
and the answers below put them in a sentence.

>>> SURVEY["survey.a over b"][1].format(verbal="明显重要", k=5)
'A 比 B 明显重要（5）'
"""

from __future__ import annotations

SURVEY: dict[str, tuple[str, str]] = {
    # sheets
    "survey.sheet.instructions": ("Instructions", "说明"),
    "survey.sheet.questions": ("Questions", "问卷"),
    "survey.sheet.answers": ("Answers", "选项"),
    # the instruction sheet
    "survey.goal": ("Goal: {goal}", "目标：{goal}"),
    "survey.goal explained": ("Goal: {goal}. {explained}", "目标：{goal}。{explained}"),
    "survey.purpose": (
        "This questionnaire asks for your judgment on what weighs most for “{goal}”. The elements are compared two "
        "at a time; there are no right or wrong answers.",
        "本问卷请您判断哪些因素对「{goal}」影响最大。各因素两两比较，答案没有对错之分。"),
    "survey.name": ("Your name", "您的姓名"),
    "survey.name hint": ("← type your name here (required)", "← 请在此填写您的姓名（必填）"),
    "survey.how": ("How to answer", "填写方法"),
    "survey.step 1": (
        "Open the sheet “{questions}” ({n} questions in {parts} parts). Each row compares two elements, A and B, "
        "and says what each means.",
        "打开工作表「{questions}」（共 {parts} 部分、{n} 题）。每一行比较两个因素 A 和 B，并附有各自的含义。"),
    "survey.step 2": (
        "In the column “{answer}”, pick from the list which of the two weighs more for the goal, and how much more, "
        "on the scale below. Pick “{equal}” when they weigh the same.",
        "在「{answer}」一列中，从下拉列表选择两者中哪一项对目标的影响更大、大多少（标度见下表）；两者同样重要时请选「{equal}」。"),
    "survey.step 3": ("Leave a cell empty when you cannot judge a pair. Please do not change any other cell.",
                      "无法判断的一对可以留空。请勿改动其他单元格。"),
    "survey.scale": ("The scale", "判断标度"),
    "survey.scale number": ("Number", "标度"),
    "survey.scale meaning": ("Meaning", "含义"),
    "survey.both ways": (
        "The scale runs both ways, 9 … 1 … 9: each answer first names the element that weighs more (“A more "
        "important than B” or “B more important than A”), and its number says how many times as much.",
        "标度是双向的（9 … 1 … 9）：每个选项先指明哪一项更重要（「A 比 B」或「B 比 A」），"
        "数字表示重要的程度（倍数）。"),
    "survey.example": ("Example", "示例"),
    "survey.example intro": ("A pair from another subject, choosing a restaurant:", "以选择餐厅为例（与本问卷无关）："),
    "survey.example a": ("Taste of the food", "菜品口味"),
    "survey.example b": ("Colour of the napkins", "餐巾颜色"),
    "survey.example answer": ("Answer", "判断"),
    "survey.example means": ("means: {a} is more important than {b}, with {verbal} importance: {k} times as much.",
                             "表示：{a}比{b}{verbal}，重要程度约为后者的 {k} 倍。"),
    "survey.return": ("Sending it back", "交回问卷"),
    "survey.return text": (
        "When you are done, save the workbook (as an Excel workbook, under any file name) and send it back to the "
        "person who sent it to you. Please do not rename or delete sheets, rows or columns.",
        "填写完毕后请保存本工作簿（保持 Excel 工作簿格式，文件名可自定），发回给向您发送问卷的人。"
        "请勿重命名或删除工作表、行或列。"),
    # the questions sheet
    "survey.col number": ("No.", "序号"),
    "survey.col a": ("A", "A"),
    "survey.col a means": ("What A means", "A 的含义"),
    "survey.col b": ("B", "B"),
    "survey.col b means": ("What B means", "B 的含义"),
    "survey.col answer": ("Your answer (pick from the list)", "您的判断（从下拉列表选择）"),
    "survey.part goal": ("Part {k}. The criteria: which weighs more for “{goal}”?",
                         "第 {k} 部分　准则层：对「{goal}」而言，哪一项更重要？"),
    "survey.part node": ("Part {k}. Within “{parent}”: which weighs more?",
                         "第 {k} 部分　「{parent}」下的因素：哪一项更重要？"),
    "survey.prompt title": ("Which weighs more?", "哪一项更重要？"),
    "survey.prompt": ("Pick from the list which of A and B weighs more, and how much more (1 equal, 9 extreme). "
                      "Leave it empty if you cannot judge.",
                      "从列表中选择 A 与 B 哪一项更重要、重要多少（1 同等重要，9 极端重要）。无法判断时可留空。"),
    "survey.error title": ("Not on the list", "不在列表中"),
    "survey.error": ("Please pick an answer from the list.", "请从下拉列表中选择。"),
    # the answers of the dropdown: the verbal label of the scale (ahp.core.scale) in a sentence
    "survey.a over b": ("A more important than B: {verbal} ({k})", "A 比 B {verbal}（{k}）"),
    "survey.b over a": ("B more important than A: {verbal} ({k})", "B 比 A {verbal}（{k}）"),
    "survey.equal": ("A and B: {verbal} (1)", "A 与 B {verbal}（1）"),
    # the command
    "survey.xlsx written": ("wrote the questionnaire to {file}", "问卷已写入 {file}"),
    "survey.respondent csv": ("--respondent names the respondent of an .xlsx questionnaire; the CSV survey has a "
                              "respondent column", "{option} 用于 Excel 问卷（.{ext}）；CSV 调查表在专家一列填写姓名"),
    # errors of reading a sheet (CSV or questionnaire), in the command's language
    "sheet.error": ("ahp: error: ", "ahp：错误："),
    "sheet.where": ("{file}, {problem}", "{file}，{problem}"),
    "sheet.summary": ("{file}: {summary}", "{file}：{summary}"),
    "sheet.more": (" (and {k} more; see --all-errors)", "（另有 {k} 处，见 {option}）"),
    "sheet.nothing imported": ("; nothing imported", "；未导入任何内容"),
}

#: Reading a filled questionnaire back: where, then what is wrong; the Chinese of each English phrase.
SURVEY_PHRASES: dict[str, str] = {
    "sheet '{sheet}'": "工作表「{sheet}」",
    "sheet '{sheet}', cell {cell}": "工作表「{sheet}」单元格 {cell}",
    "sheet '{sheet}', row {row}": "工作表「{sheet}」第 {row} 行",
    "sheet '{sheet}', row {row}, column {column}, pair '{a}' vs '{b}'":
        "工作表「{sheet}」第 {row} 行 {column} 列（「{a}」比「{b}」）",
    "column '{column}'": "「{column}」列",
    "no such file": "文件不存在",
    "is a folder, not a file": "是文件夹，不是文件",
    "cannot be read as an Excel workbook (.xlsx); nothing imported": "无法作为 Excel 工作簿读取，未导入任何内容",
    "is not a questionnaire of ahp export-survey: it has no sheet '{sheet}'; nothing imported":
        "不是由 {command} 生成的问卷（没有工作表「{sheet}」），未导入任何内容",
    "is not a questionnaire of ahp export-survey: sheet '{sheet}' has no pair ids in its hidden column {column}; "
    "nothing imported":
        "不是由 {command} 生成的问卷（工作表「{sheet}」的隐藏列 {column} 中没有比较对的标识），未导入任何内容",
    "is a questionnaire of the model '{found}', not of this project's model '{model}'; nothing imported":
        "是模型「{found}」的问卷，不是本项目模型「{model}」的问卷，未导入任何内容",
    "{k} problem(s) in the file; nothing imported": "文件中有 {k} 处问题，未导入任何内容",
    "{at}: no respondent name; type the name of the person who answered": "{at}：未填写专家姓名；请填写答卷人的姓名",
    "{at}: '{name}' is already a respondent of the project; use --replace to replace their answers":
        "{at}：「{name}」已是本项目的专家；如要替换其判断，请加 --replace",
    "{at}: '{name}' is also the respondent of {other}": "{at}：「{name}」也是 {other} 的答卷人",
    "{at}: holds a formula; type the answer itself": "{at}：单元格中是公式；请直接填写答案",
    "{at}: '{text}' is neither an answer of the list ({labels}) nor a number from 1/9 to 9":
        "{at}：「{text}」既不是下拉列表中的选项（{labels}），也不是 1/9～9 之间的数值",
    "{at}: the pair '{ids}' is not in this project's model: the questionnaire was made for another model, or the "
    "model changed since it was exported":
        "{at}：本项目的模型中没有「{ids}」这一对比较：该问卷为其他模型生成，或导出后模型已修改",
    "{at}: no question is answered; was the blank questionnaire sent back?":
        "{at}：没有回答任何问题；寄回的是否为空白问卷？",
    "{at}: the same pair as row {first}": "{at}：与第 {first} 行是同一对比较",
    "{at}: {k} pair(s) of this project's model are missing (first: '{ids}'): the model changed since the "
    "questionnaire was exported; export it again":
        "{at}：缺少本项目模型中的 {k} 对比较（第一对：「{ids}」）：导出问卷后模型已修改，请重新导出",
}
