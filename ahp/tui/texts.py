"""Every word the TUI shows, in English and Chinese (the table is the glossary's,
:mod:`ahp.io.glossary.screens`), and the interview's full sentences.

>>> t("weights", "zh")
'单排序权重'
>>> question("Service", "Quality", None, "en")
'Which drives customers away more: Service or Quality? How much more?'
>>> answer("服务", "质量", 1 / 3, "zh")
'「质量」比「服务」稍微重要（3）'
"""

from __future__ import annotations

from ahp.io.glossary import LANGUAGES
from ahp.io.glossary.screens import FOOTER_ZH, SCREENS

__all__ = ["FOOTER_ZH", "LANGUAGES", "answer", "combine_words", "footer_label", "question", "t"]


def t(key: str, language: str = "en", **values: object) -> str:
    """The UI text ``key`` in ``language``, with ``{placeholders}`` filled in."""
    en, zh = SCREENS[key]
    text = zh if language == "zh" else en
    return text.format(**values) if values else text


def combine_words(settings, language: str) -> str:
    """How the group is combined, in words: aggregation and the inconsistent-respondent policy.

    >>> from ahp.io.project import Settings
    >>> combine_words(Settings(), "en")
    'geometric mean of their judgments (AIJ); inconsistent ones flagged, still counted'
    """
    how = t("combined by aij", language) if settings.aggregation == "aij" else t(
        "combined by aip", language, mean=t(settings.aip_mean, language))
    return f"{how}{'；' if language == 'zh' else '; '}{t(f'policy {settings.inconsistent}', language)}"


def footer_label(description: str, language: str) -> str:
    """A footer label in ``language`` (English labels are the bindings' descriptions).

    >>> footer_label("results", "zh"), footer_label("results", "en")
    ('结果', 'results')
    """
    return FOOTER_ZH.get(description, description) if language == "zh" else description


def question(a: str, b: str, parent: str | None, language: str = "en") -> str:
    """The interview question for the pair ``a`` vs ``b`` under ``parent`` (``None``: the goal)."""
    if language == "zh":
        where = f"在「{parent}」方面，" if parent else ""
        return f"{where}「{a}」和「{b}」哪一个更容易导致顾客流失？重要多少？"
    where = f"Within {parent}, which" if parent else "Which"
    return f"{where} drives customers away more: {a} or {b}? How much more?"


def answer(a: str, b: str, value: float | None, language: str = "en") -> str:
    """The current answer to a question, in words (``value``: ``a`` is value times ``b``)."""
    from ahp.core.scale import format_value, intensity, verbal  # numpy: not before the first frame

    if value is None:
        return t("not judged", language)
    k = format_value(intensity(value))
    if intensity(value) < 1 + 1e-9:
        return f"「{a}」与「{b}」同等重要（1）" if language == "zh" else f"{a} and {b} matter equally (1)"
    big, small = (a, b) if value > 1 else (b, a)
    if language == "zh":
        return f"「{big}」比「{small}」{verbal(value, 'zh')}（{k}）"
    return f"{big} matters more than {small}: {verbal(value)} ({k})"
