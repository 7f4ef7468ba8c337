"""The refusals of the tool (every :class:`~ahp.errors.AHPError`'s phrase but a sheet's and a
questionnaire's), in Chinese: each by its English, as the code raises it.

Chinese AHP terms as the rest of the glossary has them (判断矩阵, 专家, 门店, 流失因素, 评价等级),
names in 「」, full-width punctuation; file names, options, TOML keys and setting ids stay as the
user types them.

>>> REFUSALS["no respondent named {name!r}; respondents: {names}"].format(name="无此人", names="专家 1")
'没有名为「无此人」的专家；现有专家：专家 1'
"""

from __future__ import annotations

REFUSALS: dict[str, str] = {
    # the command line: argparse's refusals, and the options' values
    "argument {name}: {why}": "参数{name}：{why}",
    "invalid choice: {value} (choose from {choices})": "无效的取值{value}（可选：{choices}）",
    "argument COMMAND: invalid choice: {value} (choose from {choices})": "未知命令{value}（可选：{choices}）",
    "the following arguments are required: {names}": "缺少必需的参数：{names}",
    "unrecognized arguments: {names}": "无法识别的参数：{names}",
    "ambiguous option: {option} could match {names}": "选项 {option} 有歧义，可能是 {names}",
    "not allowed with argument {names}": "不能与参数 {names} 同时使用",
    "ignored explicit argument {value}": "此选项不接受参数值{value}",
    "one of the arguments {names} is required": "必须给出参数 {names} 之一",
    "expected {k} argument(s)": "需要 {k} 个参数值",
    "expected one argument": "需要一个参数值",
    "expected at most one argument": "最多只能有一个参数值",
    "expected at least one argument": "至少需要一个参数值",
    "{text} is not a whole number": "{text}不是整数",
    "{value} is out of range: {least:,} to {most:,}": "{value} 超出范围：应为 {least:,}～{most:,}",
    "{text} is not a number": "{text}不是数字",
    "{text} is not a finite number": "{text}不是有限的数",
    "{value:g} is out of range: above 0, at most {most:,.15g}": "{value:g} 超出范围，应大于 0 且不超过 {most:,.15g}",
    "{text} is out of range: 0 to 1 (or 0% to 100%)": "{text}超出范围：应为 0～1（或 0%～100%）",
    "{text} is neither a rule ({rules}) nor a number": "{text}既不是规则名（{rules}），也不是数字",
    "{value:g} is out of range: a CR threshold lies between 0 and 1": "{value:g} 超出范围：CR 上限应在 0 与 1 之间",
    "--top {top}: the model has {factors} factors": "--top {top}：模型只有 {factors} 个流失因素",
    # files, and what the system says of them
    "{file}: {why}": "{file}：{why}",
    "{path}, line {line}": "{path}，第 {line} 行",
    "{where}: {detail}": "{where}：{detail}",
    "{text}": "{text}",
    "not a UTF-8 text file": "不是 UTF-8 编码的文本文件",
    "already exists; not overwritten": "文件已存在，未覆盖",
    "No such file or directory": "文件或文件夹不存在",
    "Permission denied": "没有访问权限",
    "Operation not permitted": "不允许此操作",
    "Is a directory": "是文件夹，不是文件",
    "Not a directory": "路径中有一部分不是文件夹",
    "No space left on device": "磁盘空间不足",
    "Disk quota exceeded": "超出磁盘配额",
    "Read-only file system": "文件系统为只读",
    "File exists": "文件已存在",
    "File name too long": "文件名过长",
    "Too many levels of symbolic links": "符号链接层数过多",
    "Input/output error": "读写出错",
    "{output}: is the input {given}; choose another output file": "{output}：就是输入文件 {given}，请另选输出文件",
    "{output}: is the backup of the input {given}; choose another output file":
        "{output}：是输入文件 {given} 的备份，请另选输出文件",
    "{output}: writing it would replace {given} with its backup; choose another output file":
        "{output}：写入它会用备份替换 {given}，请另选输出文件",
    "{path}: a symbolic link to {target}, which does not exist; not written":
        "{path}：是指向 {target} 的符号链接，而该目标不存在；未写入",
    '{file}: no such file (to type a matrix, write it as "1 3; 1/3 1")':
        '{file}：文件不存在（直接输入判断矩阵请写成 "1 3; 1/3 1"）',
    "cannot write {path}: folder {folder} does not exist": "无法写入 {path}：文件夹 {folder} 不存在",
    "{path}: a symbolic link that loops back on itself; not written": "{path}：是循环指向自身的符号链接；未写入",
    # TOML, and tomllib's reasons
    "invalid TOML: {why}": "TOML 格式错误：{why}",
    'invalid TOML: the value of {key} is not valid (text takes double quotes: {key} = "{value}")':
        'TOML 格式错误：{key} 的值无效（文字须加英文双引号，如 {key} = "{value}"）',
    "invalid TOML: values nested too deeply (arrays or inline tables within one another)":
        "TOML 格式错误：值嵌套过深（数组或内联表层层相套）",
    "a table name of more than {most} parts; nothing here nests so deep":
        "表名超过 {most} 段；本文件格式不会嵌套这么深",
    "Invalid value": "值无效",
    "Invalid statement": "语句无效",
    "Unclosed array": "数组缺少结尾的「]」",
    "Unclosed inline table": "内联表缺少结尾的「}}」",
    "Unterminated string": "字符串缺少结尾的引号",
    "Cannot overwrite a value": "不能覆盖已有的值",
    "Expected '=' after a key in a key/value pair": "键值对中键的后面缺少「=」",
    "Expected ']' at the end of a table declaration": "表声明末尾缺少「]」",
    "Expected ']]' at the end of an array declaration": "表数组声明末尾缺少「]]」",
    "Expected newline or end of document after a statement": "语句后应换行或结束",
    "Invalid initial character for a key part": "键的首字符无效",
    "Invalid date or datetime": "日期或时间无效",
    "Invalid hex value": "十六进制值无效",
    "Escaped character is not a Unicode scalar value": "转义字符不是有效的 Unicode 字符",
    "Unescaped '\\' in a string": "字符串中有未转义的「\\」",
    "Cannot declare {fact} twice": "{fact} 重复声明",
    "Cannot mutate immutable namespace {fact}": "不能修改已定义的表 {fact}",
    "Cannot redefine namespace {fact}": "不能重复定义表 {fact}",
    "Duplicate inline table key {fact}": "内联表中的键 {fact} 重复",
    "Found invalid character {fact}": "发现无效字符 {fact}",
    "Illegal character {fact}": "非法字符 {fact}",
    "Expected {fact}": "此处应为 {fact}",
    # a model file
    "{key} must be a table": "{key} 必须是表",
    "unknown key {key!r} in {what}; expected {keys}": "{what}中有无法识别的键「{key}」；应为 {keys}",
    "missing key {name!r} in {table}": "{table}中缺少键「{name}」",
    "{key} must be a non-empty string": "{key} 必须是非空字符串",
    "unsupported format {given!r}; this version reads format {format}":
        "不支持的文件格式版本 {given}；本程序只能读取格式版本 {format}（文件可能由更新版本的 ahp 生成）",
    "model id {id!r} may hold only letters, digits, '-' and '_'": "模型标识「{id}」只能包含字母、数字、「-」和「_」",
    "the model has no criteria: add at least one [[model.criteria]]":
        "模型中没有准则：请至少添加一个 [[model.criteria]]",
    "[model.ratings] needs at least two [[model.ratings.grades]], best first":
        "[model.ratings] 至少需要两个 [[model.ratings.grades]]，按由好到差排列",
    "grade id {id!r} may hold only letters, digits, '-' and '_'":
        "评价等级标识「{id}」只能包含字母、数字、「-」和「_」",
    "duplicate grade id {id!r}": "评价等级标识「{id}」重复",
    "grade {id!r}: intensity must be a number from 0 to 1; got {intensity!r}":
        "评价等级「{id}」：intensity 应为 0～1 之间的数，而不是「{intensity}」",
    "grade {id!r}: give intensities or comparisons, not both":
        "评价等级「{id}」：intensity 与 comparisons 只能给出一种",
    "comparisons of {k} grades need {n} values (upper triangle, row by row)":
        "{k} 个评价等级的 comparisons 需要 {n} 个值（上三角，逐行）",
    "comparisons: {why}": "comparisons：{why}",
    "comparisons: every pair of grades needs a value (no ? or nan)":
        "comparisons：每对评价等级都需要一个值（不能为 ? 或 nan）",
    "the model goes deeper than {most} levels below the goal, the most allowed":
        "模型在目标层以下超过 {most} 层，超出允许的最大层数",
    "{key} must be an array of tables ([[...]])": "{key} 必须是表数组（[[...]]）",
    "id {id!r} may hold only letters, digits, '-' and '_'": "标识「{id}」只能包含字母、数字、「-」和「_」",
    "id {id!r} is reserved for the goal": "标识「{id}」保留给目标层",
    "duplicate id {id!r} under {parent!r}: sibling ids must be unique":
        "「{parent}」下的标识「{id}」重复：同级元素的标识必须唯一",
    "{key}: {value!r} is not one of {choices}": "{key}：「{value}」不是 {choices} 之一",
    "no built-in model {name!r} and no such file; built-in models: {models}":
        "没有名为「{name}」的内置模型，也没有这个文件；内置模型：{models}",
    "missing table [model]": "缺少 [model] 表",
    # a project file
    "missing table [model]: a project file embeds its model": "缺少 [model] 表：项目文件须内含其模型",
    "project.{key} must be a string": "project.{key} 必须是字符串",
    "{a} vs {b} in {path!r}": "「{path}」下「{a}」比「{b}」",
    "judgment {pair}": "{pair}的判断",
    "{where}: {raw!r} is not a number or a fraction like \"1/3\"": "{where}：「{raw}」不是数字或 1/3 这样的分数",
    "{where}: {why}": "{where}：{why}",
    "{where}: leave a missing judgment out instead of writing {raw!r}":
        "{where}：缺失的判断请直接省略，不要写「{raw}」",
    "{where}: {raw!r} is off the scale; judgments lie within 1/9 and 9":
        "{where}：「{raw}」超出 1–9 标度：判断值应在 1/9～9 之间",
    "judgments must be a table of node paths": "judgments 必须是以节点路径为键的表",
    "judgments for {path!r}: no such node with sub-elements; expected one of {nodes}":
        "「{path}」的判断：没有这个含下级元素的节点；应为 {nodes} 之一",
    "judgments.{path} must be a table like {a} = {{ {b} = 3 }}": "judgments.{path} 必须是形如 {a} = {{ {b} = 3 }} 的表",
    "judgments.{path}: {row!r} is not an element of {path!r}; elements: {ids}":
        "judgments.{path}：「{row}」不是「{path}」的元素；元素：{ids}",
    "judgments.{path}.{row} must be an inline table like {{ {b} = 3 }}":
        "judgments.{path}.{row} 必须是形如 {{ {b} = 3 }} 的内联表",
    "judgment {pair}: {col!r} is not an element of {path!r}; elements: {ids}":
        "{pair}的判断：「{col}」不是「{path}」的元素；元素：{ids}",
    "judgment {pair}: an element is not compared with itself": "{pair}的判断：元素不与自身比较",
    "judgment {pair} is given in both directions; keep one": "{pair}的判断正反两个方向都给出了；请只保留一个",
    "respondents must be an array of tables ([[respondents]])": "respondents 必须是表数组（[[respondents]]）",
    "duplicate respondent name {name!r}": "专家姓名「{name}」重复",
    "respondent {name!r}: weight must be a positive number; got {weight!r}":
        "专家「{name}」：权重必须是正数，而不是「{weight}」",
    "units must be an array of tables ([[units]])": "units 必须是表数组（[[units]]）",
    "duplicate unit name {name!r}": "门店名称「{name}」重复",
    "unit {name!r}: ratings must be a table like \"service/attitude\" = \"poor\"":
        "门店「{name}」：ratings 必须是形如 \"service/attitude\" = \"较差\" 的表",
    "unit {name!r}: {path!r} is not a churn factor of the model": "门店「{name}」：「{path}」不是模型中的流失因素",
    "unit {name!r}, {path}: {why}": "门店「{name}」，{path}：{why}",
    "settings.{name} is not a setting; the settings are {choices}": "settings.{name} 不是设置项；设置项有：{choices}",
    "settings.{name} is {value!r}; choose one of {choices}": "settings.{name} 的值「{value}」无效；可选：{choices}",
    "settings.threshold is {value!r}; choose {rules} or a number between 0 and 1":
        "settings.threshold 的值「{value}」无效；请选 {rules}，或 0 与 1 之间的数",
    # the project's respondents, units and judgments
    "no respondent named {name!r}; respondents: {names}": "没有名为「{name}」的专家；现有专家：{names}",
    "{k} node(s) lack judgments; first: {path}": "有 {k} 个判断矩阵判断不完整；首个为「{path}」",
    "no node {path!r} with sub-elements; nodes: {nodes}": "没有含下级元素的节点「{path}」；节点：{nodes}",
    "{e!r} is not an element of {path!r}; elements: {ids}": "「{e}」不是「{path}」的元素；元素：{ids}",
    "an element is not compared with itself ({a!r} in {path!r})": "元素不与自身比较（「{path}」下的「{a}」）",
    "judgment {a} vs {b} in {path!r}: {value:g} is off the scale 1/9..9":
        "「{path}」下「{a}」比「{b}」的判断：{value:g} 超出 1/9～9 的标度",
    "no unit named {name!r}; units: {units}": "没有名为「{name}」的门店；现有门店：{units}",
    "a {noun} needs a name": "{noun}名称不能为空",
    "there is already a {noun} named {name!r}": "已有名为「{name}」的{noun}",
    "{path!r} is not a churn factor of the model": "「{path}」不是模型中的流失因素",
    "{file}: a panel needs at least two respondents; it has {k}": "{file}：专家组至少需要两位专家，目前只有 {k} 位",
    "{file}: no units are rated yet; import ratings with: ahp ratings import FILE.csv --into {file}":
        "{file}：尚未评价任何门店；请先导入评价表：ahp ratings import 评价表.csv --into {file}",
    "{file}: cannot {what} yet, {k} node(s) lack judgments; first: {node}: {problem}":
        "{file}：尚不能{what}：{k} 个判断矩阵的判断不完整。第一个是「{node}」：{problem}",
    # saving a project, and the invitations of ahp serve
    "this project has no file yet; give a path to save it to": "本项目尚无文件；请指定保存路径",
    "there is no respondent yet; add one first": "还没有专家；请先添加一位",
    "the project could not be written so that it reads back the same; nothing was written":
        "项目无法写成可原样读回的文件；未写入任何内容",
    "nested too deeply to be saved": "嵌套过深，无法保存",
    "nested too deeply": "嵌套过深",
    "cannot be saved: {why}": "无法保存：{why}",
    "{what} {text!r} holds a character no text file can store (a lone surrogate); not saved":
        "{what}「{text}」含有文本文件无法保存的字符（孤立的代理码位）；未保存",
    "the invitations could not be read: {why}": "邀请文件无法读取：{why}",
    "the invitations must be a JSON object of names and digests": "邀请文件必须是由姓名和摘要组成的 JSON 对象",
    "{name!r} has no invitation; invited: {holders}": "「{name}」没有邀请链接；已邀请：{holders}",
    # a judgment matrix
    "row {i}, column {j}": "第 {i} 行第 {j} 列",
    "row {i}, column {j} ({a} vs {b})": "第 {i} 行第 {j} 列（{a} 比 {b}）",
    "{at} is {value:g}: judgments must be finite": "{at}为 {value:g}：判断值必须是有限数",
    "{at} is {value:g}: judgments must be positive": "{at}为 {value:g}：判断值必须为正",
    "{at} is {value} but {mirror} is {given}: they must be reciprocal ({reciprocal})":
        "{at}为 {value}，而{mirror}为 {given}：两者必须互为倒数（应为 {reciprocal}）",
    "{at} is {value:g}: the diagonal must be 1": "{at}为 {value:g}：对角线元素必须为 1",
    "{at} is {value:g}: judgments must lie within 1/9 and 9": "{at}为 {value:g}，超出 1–9 标度：判断值应在 1/9～9 之间",
    "the matrix is {n}x{n}: at most {most}x{most} ({most} elements compared) can be analysed":
        "判断矩阵为 {n} 阶：最多只能分析 {most} 阶的判断矩阵（比较 {most} 个元素）",
    "the matrix is empty": "判断矩阵为空",
    "the matrix must be square; got shape {shape}": "判断矩阵必须是方阵，而不是 {shape}",
    "{k} labels given for a {n}x{n} matrix": "给出了 {k} 个元素名称，但判断矩阵为 {n} 阶",
    "{k} labels for a {n}x{n} matrix": "给出了 {k} 个元素名称，但判断矩阵为 {n} 阶",
    "a {n}x{n} matrix has {k} upper-triangle entries; got {given}":
        "{n} 阶判断矩阵的上三角有 {k} 个元素，而给出了 {given} 个",
    "row {i} has {k} entries; a {n}x{n} matrix needs {n}": "第 {i} 行有 {k} 个数值；{n} 阶判断矩阵每行应有 {n} 个",
    "{text}... is off the scale; judgments lie within 1/9 and 9": "「{text}...」超出 1–9 标度：判断值应在 1/9～9 之间",
    "a matrix is given for {path!r}, which is not a node with sub-elements":
        "给出了「{path}」的判断矩阵，但它不是含下级元素的节点",
    "the matrix for {path!r} has shape {shape}; its {k} elements need {k}x{k}":
        "「{path}」的判断矩阵形状为 {shape}；其 {k} 个元素需要 {k} 阶判断矩阵",
    # how the numbers are made: the settings and options of the analysis
    "unknown method {method!r}; choose one of {choices}": "未知的权重计算方法「{method}」；可选：{choices}",
    "unknown random index table {table!r}; choose one of {choices}":
        "未知的随机一致性指标 RI 表「{table}」；可选：{choices}",
    "unknown threshold rule {rule!r}; choose one of {choices} or a number":
        "未知的 CR 上限规则「{rule}」；可选：{choices}，或一个数",
    "a CR threshold must lie between 0 and 1; got {rule}": "CR 上限应在 0 与 1 之间，而不是 {rule}",
    "unknown lambda_max convention {rule!r}; choose one of {choices}": "未知的 λmax 算法「{rule}」；可选：{choices}",
    "unknown completion {method!r}; choose one of {choices}": "未知的补全方法「{method}」；可选：{choices}",
    "unknown practice {practice!r}; choose one of {choices}": "未知的计算惯例「{practice}」；可选：{choices}",
    "unknown aggregation {aggregation!r}; choose one of {choices}": "未知的集结方法「{aggregation}」；可选：{choices}",
    "unknown inconsistent policy {inconsistent!r}; choose one of {choices}":
        "未知的不一致判断处理方式「{inconsistent}」；可选：{choices}",
    "unknown mean {mean!r}; choose one of {choices}": "未知的平均方法「{mean}」；可选：{choices}",
    "respondent weights must be {r} finite numbers, none negative and not all 0":
        "专家权重应为 {r} 个有限数，不能为负，也不能全为 0",
    "operator must be one of {choices}; got {operator!r}": "模糊算子应为 {choices} 之一，而不是「{operator}」",
    "unknown fuzzy operator {operator!r}; choose one of {choices}": "未知的模糊算子「{operator}」；可选：{choices}",
    "unknown owner {owner!r}; choose one of {choices}": "未知的责任方「{owner}」；可选：{choices}",
    "unknown coding {coding!r}; choose one of {choices}": "未知的判断编码方式「{coding}」；可选：{choices}",
    "the number of top factors to settle must be 1 or more, not {top}": "要确定的前列因素个数至少为 1，而不是 {top}",
    "draws must be a whole number of at least 1; got {draws}": "模拟次数必须是不小于 1 的整数，而不是 {draws}",
    "seed must be a whole number of 0 or more; got {seed}": "随机种子必须是不小于 0 的整数，而不是 {seed}",
    "unknown noise {noise!r}; choose one of {choices}": "未知的扰动方式「{noise}」；可选：{choices}",
    "spread must be a finite number of 0 or more; got {spread}": "扰动幅度必须是不小于 0 的有限数，而不是 {spread}",
    "chunk must be a whole number of at least 1; got {chunk}": "分块大小必须是不小于 1 的整数，而不是 {chunk}",
    "Monte Carlo needs judgments at every node; {path!r} has none":
        "蒙特卡洛模拟要求每个判断矩阵都有判断；「{path}」没有任何判断",
    "Monte Carlo needs judgments that connect every element at each node; those at {path!r} do not":
        "蒙特卡洛模拟要求每个判断矩阵的判断连通全部元素；「{path}」的判断没有做到",
    # reports and exports
    "{output}: say --format {some} or {last} (or use one of those extensions)":
        "{output}：请用 --format 指定 {some} 或 {last}（或使用这些扩展名之一）",
    "{path}: unknown report format {fmt!r}; choose one of {choices}":
        "{path}：未知的报告格式「{fmt}」；可选：{choices}",
    "unknown export format {fmt!r}; choose one of json, csv or md": "未知的导出格式「{fmt}」；可选：json、csv 或 md",
}
