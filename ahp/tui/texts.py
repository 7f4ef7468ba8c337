"""Every word the TUI shows, in English and Chinese, and the interview's full sentences.

>>> t("weights", "zh")
'局部权重'
>>> question("Service", "Quality", None, "en")
'Which drives customers away more: Service or Quality? How much more?'
>>> answer("服务", "质量", 1 / 3, "zh")
'「质量」比「服务」稍微重要 (3)'
"""

from __future__ import annotations

from ahp.core.scale import format_value, intensity, verbal

LANGUAGES = ("en", "zh")

_TEXTS: dict[str, tuple[str, str]] = {
    "respondent": ("Respondent", "受访者"),
    "judgments": ("Judgments", "两两比较"),
    "judgments of": ("judgments of", "判断来自"),
    "weights": ("Local weights", "局部权重"),
    "consistency": ("Consistency", "一致性"),
    "consistent": ("consistent", "一致"),
    "inconsistent": ("inconsistent", "不一致"),
    "incomplete": ("incomplete", "不完整"),
    "missing": ("missing", "缺失"),
    "not judged": ("not judged yet", "尚未判断"),
    "completed": ("{k} missing, completed", "缺 {k} 项，已补全"),
    "worst": ("Worst", "最不一致"),
    "apply": ("a: apply", "a：应用"),
    "no suggestion": ("no judgment to revise", "无需修改"),
    "equal": ("equal", "同等"),
    "threshold": ("threshold", "阈值"),
    "hierarchy cr": ("Hierarchy CR", "总体一致性比率 CR"),
    "ranking": ("Ranking of churn factors", "流失因素排序"),
    "criteria weights": ("Criteria weights", "准则权重"),
    "breakdown": ("Breakdown by criterion", "各准则细分"),
    "factor": ("Factor", "因素"),
    "criterion": ("Criterion", "准则"),
    "global": ("Global", "全局权重"),
    "local": ("Local", "局部权重"),
    "rank": ("#", "#"),
    "method": ("method", "方法"),
    "ri table": ("RI table", "RI 表"),
    "completion": ("completion", "补全"),
    "results": ("Results", "结果"),
    "interview": ("Interview", "访谈"),
    "question": ("Question {i} of {n}", "第 {i} 题，共 {n} 题"),
    "unanswered": ("No answer yet: use ← → or 1-9, = for equal.", "尚未回答：用 ← → 或 1-9 作答，= 表示同等重要。"),
    "interview keys": (
        "enter next · s skip (leave missing) · backspace back · l 中文 · esc leave",
        "enter 下一题 · s 跳过（留空）· backspace 上一题 · l English · esc 退出",
    ),
    "interview done": ("All questions asked. Press r for the results or esc to return.", "问题已全部问完。按 r 查看结果，esc 返回。"),
    "saved": ("saved", "已保存"),
    "incomplete node": ("Not enough judgments yet: {problem}", "判断尚不足：{problem}"),
    "export title": ("Export the results", "导出结果"),
    "export help": (
        "File name (.csv, .json or .md picks the format). enter to write, esc to cancel.",
        "文件名（扩展名 .csv、.json 或 .md 决定格式）。enter 写入，esc 取消。",
    ),
    "exists": ("{name} exists: enter again to overwrite it.", "{name} 已存在：再按 enter 覆盖。"),
    "bad extension": ("Use a name ending in .csv, .json or .md.", "请使用 .csv、.json 或 .md 结尾的文件名。"),
}


def t(key: str, language: str = "en", **values: object) -> str:
    """The UI text ``key`` in ``language``, with ``{placeholders}`` filled in."""
    en, zh = _TEXTS[key]
    text = zh if language == "zh" else en
    return text.format(**values) if values else text


def question(a: str, b: str, parent: str | None, language: str = "en") -> str:
    """The interview question for the pair ``a`` vs ``b`` under ``parent`` (``None``: the goal)."""
    if language == "zh":
        where = f"在「{parent}」方面，" if parent else ""
        return f"{where}「{a}」和「{b}」哪一个更容易导致顾客流失？重要多少？"
    where = f"Within {parent}, which" if parent else "Which"
    return f"{where} drives customers away more: {a} or {b}? How much more?"


def answer(a: str, b: str, value: float | None, language: str = "en") -> str:
    """The current answer to a question, in words (``value``: ``a`` is value times ``b``)."""
    if value is None:
        return t("not judged", language)
    k = format_value(intensity(value))
    if intensity(value) < 1 + 1e-9:
        return f"「{a}」与「{b}」同等重要 (1)" if language == "zh" else f"{a} and {b} matter equally (1)"
    big, small = (a, b) if value > 1 else (b, a)
    if language == "zh":
        return f"「{big}」比「{small}」{verbal(value, 'zh')} ({k})"
    return f"{big} matters more than {small}: {verbal(value)} ({k})"
