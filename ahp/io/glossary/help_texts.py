"""The help of the ``ahp`` command in Chinese: each help text, metavar and heading by its English,
as the command line writes it (:meth:`ahp.cli.options.Parser.words`), argparse's own words
included (``usage:``, its headings, its ``-h``).

Written as a Chinese consultant's software speaks, in the glossary's terms (判断矩阵, 专家, 门店,
单排序/总排序, 一致性比率 CR, 特征根法/和积法/方根法), full-width punctuation. What the user
types stays as typed: options, their values (``json``, ``eigenvector``, ``zh-textbook``), file
patterns and TOML keys. Where a choice's value is not a word a reader knows, the Chinese says
what it means; the values in braces are filled in by the command line.

>>> HELP_CHINESE["how weights are found (default: {default})"].format(default="项目设置")
'权重计算方法：eigenvector 特征根法，geometric-mean 方根法，column-mean 和积法（默认：项目设置）'
"""

from __future__ import annotations

_DEFAULT_LANGUAGE = "（默认：项目文件 [settings] 中的 language，未设置时为 en）"

HELP_CHINESE: dict[str, str] = {
    # argparse's own words, and the headings and metavars of the commands
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "Analytic Hierarchy Process: rank the causes of customer churn.": "层次分析法（AHP）：对客户流失原因进行排序。",
    "commands": "命令",
    "COMMAND": "命令",
    "actions": "操作",
    "ACTION": "操作",
    # the commands
    "open the interview screen on a project file (created if absent)": "打开项目文件的访谈界面（文件不存在时新建）",
    "create a project file from a model": "按模型新建项目文件",
    "weights and consistency of one pairwise matrix": "计算单个判断矩阵的权重并作一致性检验",
    "the weighted ranking of churn factors": "流失因素的总排序",
    "exit 0 when every node is consistent for every respondent and combined, 1 otherwise":
        "一致性检验：每位专家及专家合成的各判断矩阵全部通过时退出码为 0，否则为 1",
    "the adaptive interview's next question, or that the top factors are settled":
        "自适应访谈的下一题；若前几位因素的排序已经确定，则予以说明",
    "the panel: consensus per node, each respondent against the group":
        "专家组分析：各判断矩阵的共识程度，及每位专家与群体的差异",
    "tipping points and Monte Carlo stability of the ranking": "敏感性分析：排序的临界点及蒙特卡洛模拟下的稳定性",
    "churn-risk index and action list of every rated unit": "各已评价门店的流失风险指数与改进事项",
    "store ratings: a blank sheet, or ratings from a CSV file": "门店评价：导出空白评价表，或从 CSV 导入评价",
    "the report for managers: HTML, Markdown or Excel": "生成供管理层阅读的报告：HTML、Markdown、Excel 或 Word",
    "list, add, rename, reweight or remove respondents": "专家管理：列出、添加、改名、调整权重或删除专家",
    "add respondents from filled questionnaires (.xlsx) or survey CSVs, or with --replace replace the answers of "
    "those already in the project (none if any file has a problem)":
        "从填好的问卷（.xlsx）或 CSV 调查表导入专家，或以 --replace 替换项目中已有专家的回答"
        "（任一文件有问题则全部不导入）",
    "set or clear one judgment of one respondent; the node's verdict before and after":
        "设置或清除某位专家的一个判断，并给出该判断矩阵修改前后的检验结论",
    "the questionnaire to send (.xlsx) or the blank survey CSV for a project's model":
        "导出待发放的问卷（.xlsx），或按项目模型导出空白的 CSV 调查表",
    "the interview in respondents' browsers: one invitation link each": "在专家的浏览器中进行访谈：每人一个邀请链接",
    # the actions of ahp ratings and ahp respondent
    "add or update units' ratings (nothing is imported if any cell is bad)":
        "导入或更新门店的评价（任一单元格有误则全部不导入）",
    "the blank ratings sheet for a project's model": "按项目模型导出空白评价表",
    "the respondents, their weights and how many judgments each gave": "列出各位专家、其权重及已给出的判断数",
    "add a respondent": "添加专家",
    "rename a respondent": "专家改名",
    "set how much a respondent counts": "设置专家的权重",
    "remove a respondent and their judgments (the file as it was is kept beside it)":
        "删除专家及其判断（删除前的项目文件另存一份备份，在同一文件夹）",
    # metavars: what a value or an argument is
    "file": "项目文件",
    "matrix": "判断矩阵",
    "csv": "评价表",
    "name": "姓名",
    "new": "新姓名",
    "weight": "权重",
    "SURVEY": "问卷",
    "RESPONDENT": "姓名",
    "NAME": "姓名",
    "WEIGHT": "权重",
    "INTO": "项目文件",
    "OUTPUT": "文件",
    "MODEL": "模型",
    "TITLE": "标题",
    "LABELS": "名称",
    "TABLE": "表名",
    "THRESHOLD": "标准",
    "DRAWS": "次数",
    "SEED": "种子",
    "SPREAD": "幅度",
    "TOP": "个数",
    "MIN_COVERAGE": "比例",
    "CLIENT": "客户",
    "CONSULTANT": "顾问",
    "HOST": "地址",
    "PORT": "端口",
    "NODE": "判断矩阵",
    "VALUE": "判断值",
    # options every command shares
    "project file (*.ahp.toml)": "项目文件（*.ahp.toml）",
    "output format: table (the terminal's) or json (default: table)": "输出格式：table 终端表格，json（默认：table）",
    "output format: table (the terminal's), json, csv or md (Markdown) (default: table)":
        "输出格式：table 终端表格，json，csv，md（Markdown）（默认：table）",
    "the respondent's name": "专家姓名",
    "how much the respondent counts when judgments are combined (above 0, default 1)":
        "该专家在合成时的权重（正数，默认 1）",
    "one respondent's judgments (default: all combined)": "只用这位专家的判断（默认：全体专家合成）",
    "one respondent's weights (default: all combined)": "只用这位专家的权重（默认：全体专家合成）",
    "how respondents are combined (default: the project's setting)":
        "专家判断的合成方式：aij 为判断矩阵加权几何平均（AIJ），aip 为权重向量加权平均（AIP）（默认：项目设置）",
    "respondents failing the threshold at a node (default: the project's setting)":
        "某判断矩阵未通过一致性检验的专家：flag 予以标明，include 仍纳入，exclude 予以剔除（默认：项目设置）",
    "the project's setting": "项目设置",
    "how weights are found (default: {default})":
        "权重计算方法：eigenvector 特征根法，geometric-mean 方根法，column-mean 和积法（默认：{default}）",
    "random index table: {tables} (default: {default})": "平均随机一致性指标 RI 的取值表：{tables}（默认：{default}）",
    "acceptance rule: {rules} (CR < 0.10), or a number (default: {default})":
        "一致性检验标准：{rules}（lt0.10 即各阶 CR < 0.10），或 0 与 1 之间的 CR 上限（默认：{default}）",
    "eigenvalue, or textbook: (1/n) sum (Aw)_i / w_i with the method's own w (default: {default})":
        "λmax 的求法：eigenvalue 取最大特征根，textbook 用教材公式 λmax = (1/n) Σ (Aw)ᵢ / wᵢ"
        "（w 为所选方法求得的权重）（默认：{default}）",
    "preset of --ri, --threshold and --lambda-max: saaty (saaty1980, saaty1994, eigenvalue) or zh-textbook "
    "(saaty1980, CR < 0.10, textbook) (default: {default})":
        "一次设定 --ri、--threshold 与 --lambda-max 的惯例：saaty 为 Saaty 惯例（saaty1980、saaty1994、eigenvalue），"
        "zh-textbook 为国内教材惯例（saaty1980、CR < 0.10、textbook）（默认：{default}）",
    "{what} (at most {most:,})": "{what}，最多 {most:,} 次",
    "random seed, for reproducible draws (default 0)": "随机种子，使模拟结果可以复现（默认 0）",
    "list every bad cell, not only the first": "列出所有有误的单元格，而不只是第一个",
    "language of the {what} (default: the project's [settings] language, else en)": "{what}的语言" + _DEFAULT_LANGUAGE,
    "language of the {what} ({note}) (default: the project's [settings] language, else en)":
        "{what}的语言，{note}" + _DEFAULT_LANGUAGE,
    "write the CSV without a UTF-8 byte-order mark (by default it has one, for Excel)":
        "输出的 CSV 不带 UTF-8 字节顺序标记（默认带上，以便 Excel 正确识别中文）",
    # what --lang is the language of
    "output": "输出",
    "screens": "界面",
    "table": "表格",
    "tables": "各表",
    "messages": "提示信息",
    "report": "报告",
    "table, Markdown and CSV": "表格、Markdown 与 CSV 文件",
    "JSON keys stay English": "JSON 的键保持英文",
    "table and the sentences of the JSON": "表格及 JSON 说明文字",
    "its keys stay English": "JSON 的键保持英文",
    "question and the names": "题目及名称",
    "header row": "表头",
    "factors by paths in en, by names in zh": "en 以路径、zh 以名称标示各因素",
    "questionnaire, or the CSV header row": "问卷或 CSV 表头",
    "pairs by paths in en, by names in zh": "en 以路径、zh 以名称标示各比较对",
    "interview and of these lines": "访谈界面及本命令输出",
    # ahp weights
    '"1 3 5; 1/3 1 3; 1/5 1/3 1" (? = missing), a CSV file, or - for stdin':
        '判断矩阵，如 "1 3 5; 1/3 1 3; 1/5 1/3 1"（? 表示缺失判断）；也可给出 CSV 文件，或用 - 从标准输入读取',
    "for missing judgments":
        "缺失判断的补全方法：lambda-max 按最大特征根最小化补全，harker 按 Harker 法补全（默认：lambda-max）",
    "element names, comma-separated": "各元素的名称，以逗号分隔",
    "machine-readable output": "输出 JSON，供程序读取",
    "language of the table (default: en)": "表格的语言（默认：en）",
    # ahp new
    "project file to create (*.ahp.toml); never overwritten": "要新建的项目文件（*.ahp.toml）；不会覆盖已有文件",
    "built-in model name or model file (default: retail-churn)": "内置模型名称或模型文件（默认：retail-churn）",
    "project title": "项目标题",
    "the project's language; zh also proposes the zh-textbook practice":
        "项目的语言；选 zh 时同时采用国内教材惯例（zh-textbook）",
    "saaty (default) or zh-textbook: RI of Saaty (1980), CR < 0.10, the textbook lambda_max":
        "一致性检验惯例：saaty 为 Saaty 惯例；zh-textbook 为国内教材惯例，RI 取 Saaty (1980) 表，CR < 0.10，"
        "λmax 按教材公式计算（默认：saaty，--lang zh 时为 zh-textbook）",
    # ahp check, ahp next
    "check only this respondent (default: every respondent, and all combined)":
        "只检验这位专家（默认：每位专家及全体专家合成）",
    "whose interview": "要访谈的专家",
    "how many top factors must be settled (default 5, 1 to {most})":
        "需定下排序的前几位因素个数（默认 5，取 1～{most}）",
    # ahp ratings, ahp risk
    "CSV: unit, then one column per churn factor path; a cell is a grade, or counts per grade such as "
    "'很好:12 较好:30 一般:20 较差:8 很差:2'":
        "CSV 评价表：首列为门店，其后每个流失因素一列；单元格填评价等级，或各等级的人数，"
        "如「很好:12 较好:30 一般:20 较差:8 很差:2」",
    "rank only units rated on at least this share of the weight; list the rest apart (default 50%%)":
        "已评价因素的权重合计达到此比例的门店才参与排序，其余另行列出（默认 50%%）",
    "fuzzy evaluation B = W o R: weighted-average M(·,+) (default) or main-factor M(∧,∨)":
        "模糊综合评价 B = W ∘ R 的合成算子：weighted-average 为加权平均型 M(·,+)（默认），"
        "main-factor 为主因素决定型 M(∧,∨)",
    "list only the actions this owner can take (default: all, grouped by owner)":
        "只列出该责任方可采取的改进事项：store 门店，head-office 总部，external 外部（默认：全部列出，按责任方分组）",
    # ahp sensitivity, ahp report
    "Monte Carlo draws (default 10000; 0 skips it)": "蒙特卡洛模拟次数（默认 10000；0 表示不模拟）",
    "lognormal: ratio times exp(spread * N(0,1)); step: -1, 0 or +1 on Saaty's scale":
        "判断的扰动方式：lognormal 为对数正态扰动，判断值乘以 exp(σ·N(0,1))，σ 由 --spread 给出；"
        "step 为在 1–9 标度上浮动 -1、0 或 +1 级（默认：lognormal）",
    "sigma of the log-normal noise (default 0.2, at most {most:g})": "对数正态扰动的幅度 σ（默认 0.2，最大 {most:g}）",
    "how many top factors to watch (default 3, 1 to {most})": "关注排名前几位的因素（默认 3，取 1～{most}）",
    "file to write (never the project file or its .bak)": "输出文件（不得为项目文件或其 .bak 备份）",
    "default: from the output's extension": "报告格式（默认：按输出文件的扩展名确定）",
    "the client named on the cover (default: the project's [project] client)":
        "封面上的客户名称（默认：项目文件 [project] 中的 client）",
    "the consultant named on the cover (default: the project's [project] consultant)":
        "封面上的咨询顾问（默认：项目文件 [project] 中的 consultant）",
    "add the sensitivity summary with this many Monte Carlo draws (0: tipping points only)":
        "在报告中加入敏感性分析摘要，按此次数作蒙特卡洛模拟（0：只列临界点）",
    "one respondent's judgments (default: all combined, with their consensus)":
        "只用这位专家的判断（默认：全体专家合成，并附共识程度）",
    # ahp respondent, ahp import, ahp export-survey
    "how much they count (default 1, at most {most:g})": "该专家的权重（默认 1，最大 {most:,.0f}）",
    "filled questionnaires (.xlsx, one respondent each) or CSV surveys (respondent, optional weight, one column per "
    "pair 'a vs b'); all are imported, or none":
        "填好的问卷（.xlsx，每份一位专家）或 CSV 调查表（依次为专家、权重（可省略）、"
        "每对比较一列，列名如「服务 比 质量」）；"
        "要么全部导入，要么一个也不导入",
    "CSV cells: ratio: a/b as 3, 1/5, 0.2; signed: v > 0 a matters more, judged v; v < 0 b matters more, judged |v|":
        "CSV 单元格的记法：ratio 记 a 相对 b 的判断值，如 3、1/5、0.2；signed 记带符号的数 v：v > 0 表示 a 比 b 重要，"
        "判断值为 v；v < 0 表示 b 比 a 重要，判断值为 |v|（默认：ratio）",
    "file to write: .xlsx for the questionnaire workbook, else the CSV header (default: the CSV on standard output)":
        "输出文件：扩展名为 .xlsx 时导出问卷工作簿，否则导出 CSV 表头（默认：CSV 输出到标准输出）",
    "the questionnaire's respondent, filled in on its first sheet": "问卷的专家姓名，填在第一张工作表上",
    "a respondent already in the project gets the file's answers instead of theirs (their weight too, when the file "
    "gives one); the project as it was is kept beside it":
        "项目中已有的专家改用文件中的回答（文件给出权重时，权重一并替换）；替换前的项目文件另存一份备份（同一文件夹）",
    "the CSV file to write (default: standard output)": "输出的 CSV 文件（默认：输出到标准输出）",
    # ahp judge
    "whose judgment it is": "该判断所属的专家",
    "the node whose elements are compared: its path (goal, service, service/complaints) or its name in either "
    "language (服务)":
        "比较其下各元素的判断矩阵：填路径（如「goal」「service」「service/complaints」）或中英文名称（如「服务」）",
    "the first element of NODE: its id, path or name in either language":
        "判断矩阵中比较的第一个元素：填其标识、路径或中英文名称",
    "the second element of NODE, likewise": "比较的第二个元素，写法同上",
    "how much more A matters than B, on Saaty's scale 1/9 to 9: 3 (A moderately more), 1/5 (B strongly more), "
    "1 (equal); ? or clear removes the judgment":
        "A 相对 B 的重要程度，取 Saaty 1–9 标度上 1/9～9 的值：如 3（A 比 B 稍微重要）、1/5（B 比 A 明显重要）、"
        "1（同等重要）；"
        "填「?」或「clear」则删除该判断",
    # ahp serve
    "address to listen on (default 127.0.0.1: this computer only)": "监听地址（默认 127.0.0.1：仅本机可访问）",
    "port (default 8000)": "端口（默认 8000）",
    "add respondent NAME (if new) and print a new link for them (their old link stops working)":
        "为该专家生成新的邀请链接（尚无此专家则先添加；其原链接随即失效）",
    "make NAME's link stop working": "使该专家的邀请链接失效",
    "only invite or revoke, then exit": "只发出或撤销邀请，不启动服务",
}
