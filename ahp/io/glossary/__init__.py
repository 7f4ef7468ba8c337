"""Every word the tool prints, in English and in the terms of Chinese AHP practice.

One glossary below both :mod:`ahp.io` and :mod:`ahp.tui`: the terminal tables, the exports,
the command messages and the report take their words from here, so a term is written once
(判断矩阵, 单排序权重, 总排序权重, 一致性比率 CR, 专家, 通过 / 未通过 ...).
:mod:`~ahp.io.glossary.terms` holds the vocabulary of AHP, :mod:`~ahp.io.glossary.commands`
the phrases of the commands, :mod:`~ahp.io.glossary.survey` the questionnaire's,
:mod:`~ahp.io.glossary.sheet` the problems of a CSV sheet,
:mod:`~ahp.io.glossary.progress` the consultant's view of each respondent's progress,
:mod:`~ahp.io.glossary.revise` the correcting of a respondent's answers,
:mod:`~ahp.io.glossary.refusals` the Chinese of every other refusal.

An error's :class:`~ahp.errors.Phrase` is its English sentence; :func:`told` words it in the
output's language, the Chinese found by that sentence (:data:`CHINESE`), as message catalogues do.

>>> say("status.consistent", "zh"), say("verdict.pass", "zh", cr="0.0057", op="≤", limit="0.08")
('通过', 'CR = 0.0057 ≤ 0.08，通过一致性检验')
>>> setting("method", "column-mean", "zh"), setting("method", "column-mean", "en")
('和积法', 'column-mean')
>>> setting("ri", "some-new-table", "zh")
'some-new-table'
"""

from __future__ import annotations

from ahp.errors import AHPError, Phrase, Worded, os_reason
from ahp.io.glossary.commands import PHRASES
from ahp.io.glossary.progress import PROGRESS
from ahp.io.glossary.project_file import PROJECT_FILE
from ahp.io.glossary.refusals import REFUSALS
from ahp.io.glossary.revise import REVISE, REVISE_PHRASES
from ahp.io.glossary.sheet import SHEET, SHEET_PHRASES
from ahp.io.glossary.survey import SURVEY, SURVEY_PHRASES
from ahp.io.glossary.terms import TERMS

#: The languages every output speaks.
LANGUAGES: tuple[str, ...] = ("en", "zh")

GLOSSARY: dict[str, tuple[str, str]] = {**TERMS, **PHRASES, **SURVEY, **SHEET, **PROGRESS, **REVISE, **PROJECT_FILE}
#: The Chinese of every :class:`~ahp.errors.Phrase`, by its English.
CHINESE: dict[str, str] = {**REFUSALS, **SHEET_PHRASES, **SURVEY_PHRASES, **REVISE_PHRASES}


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


def words(phrase: Phrase, language: str = "en") -> str:
    """``phrase`` in ``language``: its English, or the Chinese the glossary gives that English
    (the English when it gives none), with its values worded in the same language.

    >>> from ahp.errors import listed
    >>> facts = {"name": "无此人", "names": listed(["专家 1"])}
    >>> said = Phrase("no respondent named {name!r}; respondents: {names}", facts)
    >>> words(said, "en"), words(said, "zh")
    ("no respondent named '无此人'; respondents: 专家 1", '没有名为「无此人」的专家；现有专家：专家 1')
    """
    if language == "en":
        return str(phrase)
    text = CHINESE.get(phrase.text, phrase.text)
    return text.format(**{name: _worded(value, language) for name, value in phrase.values.items()})


def _worded(value: object, language: str) -> object:
    if isinstance(value, Phrase):
        return words(value, language)
    return value[LANGUAGES.index(language)] if isinstance(value, Worded) else value


def told(said: object, language: str = "en") -> str:
    """What an error or a problem says, in ``language``: a :class:`~ahp.errors.Phrase`, an
    :class:`~ahp.errors.AHPError` carrying one or the system's refusal of a file (``OSError``)
    worded in it, anything else as its text.

    >>> from ahp.errors import JudgmentError
    >>> told(JudgmentError(Phrase("the matrix is empty")), "zh")
    '判断矩阵为空'
    >>> told(FileNotFoundError(2, "No such file or directory", "p.ahp.toml"), "zh")
    'p.ahp.toml：文件或文件夹不存在'
    """
    if isinstance(said, OSError):
        why = os_reason(said)
        said = Phrase("{file}: {why}", {"file": said.filename, "why": why}) if said.filename else why
    if isinstance(said, AHPError) and said.phrase is not None:
        return words(said.phrase, language)
    return words(said, language) if isinstance(said, Phrase) else str(said)


def worded(key: str) -> Worded:
    """The glossary's term ``key`` in each language, as a phrase's value."""
    return Worded(say(key, "en"), say(key, "zh"))
