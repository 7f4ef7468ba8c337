"""Every word the tool prints, in English and in the terms of Chinese AHP practice.

One glossary below both :mod:`ahp.io` and :mod:`ahp.tui`: the terminal tables, the exports,
the command messages and the report take their words from here, so a term is written once
(判断矩阵, 单排序权重, 总排序权重, 一致性比率 CR, 专家, 通过 / 未通过 ...).
:mod:`~ahp.io.glossary.terms` holds the vocabulary of AHP, :mod:`~ahp.io.glossary.commands`
the phrases of the commands, :mod:`~ahp.io.glossary.survey` the questionnaire's,
:mod:`~ahp.io.glossary.sheet` the problems of a CSV sheet,
:mod:`~ahp.io.glossary.progress` the consultant's view of each respondent's progress,
:mod:`~ahp.io.glossary.revise` the correcting of a respondent's answers.

>>> say("status.consistent", "zh"), say("verdict.pass", "zh", cr="0.0057", op="≤", limit="0.08")
('通过', 'CR = 0.0057 ≤ 0.08，通过一致性检验')
>>> setting("method", "column-mean", "zh"), setting("method", "column-mean", "en")
('和积法', 'column-mean')
>>> setting("ri", "some-new-table", "zh")
'some-new-table'
"""

from __future__ import annotations

from ahp.io.glossary.commands import PHRASES
from ahp.io.glossary.progress import PROGRESS
from ahp.io.glossary.revise import REVISE
from ahp.io.glossary.sheet import SHEET
from ahp.io.glossary.survey import SURVEY
from ahp.io.glossary.terms import TERMS

#: The languages every output speaks.
LANGUAGES: tuple[str, ...] = ("en", "zh")

GLOSSARY: dict[str, tuple[str, str]] = {**TERMS, **PHRASES, **SURVEY, **SHEET, **PROGRESS, **REVISE}


def say(key: str, language: str = "en", **values: object) -> str:
    """The phrase ``key`` in ``language`` ("en" or "zh"), with ``values`` filled in."""
    text = GLOSSARY[key][LANGUAGES.index(language)]
    return text.format(**values) if values else text


def setting(kind: str, value: str, language: str = "en") -> str:
    """A setting's value in words: ``method``, ``ri``, ``threshold``, ``completion``, ``policy``,
    ``mean``, ``band`` or ``noise``. English names it by its id; a value the glossary does not
    know is shown as it is."""
    key = f"{kind}.{value}"
    return say(key, language) if key in GLOSSARY else value


def separator(language: str) -> str:
    """What joins the items of a list: ``, `` or ``、``."""
    return "、" if language == "zh" else ", "
