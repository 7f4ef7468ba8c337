"""The exceptions of ``ahp``: every bad input is an :class:`AHPError`.

Inconsistent judgments are not errors (they are a field on a result); these are
for input that cannot be used at all.

An error says what is wrong as a :class:`Phrase`: its English sentence, with the facts left as
``{names}``, and the facts. The English sentence is the message (``str``), and the glossary's
key to the same sentence in Chinese (:func:`ahp.io.glossary.told` words it in the output's
language), as message catalogues of software do; a fact may itself be a phrase (a place, a
cause) or a :class:`Worded` value (a noun, a list) that has its own words in each language.

>>> print(ProjectFileError(Phrase("unknown key {key!r}", {"key": "foo"}), path="a.ahp.toml", line=3))
a.ahp.toml, line 3: unknown key 'foo'
>>> JudgmentError(Phrase("the matrix is empty")).phrase.text
'the matrix is empty'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple


class Worded(NamedTuple):
    """A value a phrase holds in each language (a list of grades, a noun): English, Chinese."""

    en: str
    zh: str


@dataclass(frozen=True, eq=False)
class Phrase:
    """A sentence: ``text`` is its English with the facts as ``{names}`` (and the glossary's key
    to its Chinese), ``values`` the facts; ``str`` gives the English.

    >>> str(Phrase("{at}: {n} cells", {"at": Phrase("row {row}", {"row": 2}), "n": 3}))
    'row 2: 3 cells'
    """

    text: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.text.format(**{name: english(value) for name, value in self.values.items()})


def english(value: object) -> object:
    """A phrase's value in English: a :class:`Phrase` or :class:`Worded` worded, a fact as it is."""
    if isinstance(value, Phrase):
        return str(value)
    return value.en if isinstance(value, Worded) else value


#: An empty list, in words.
NONE = Worded("none", "无")


def listed(items: Sequence[str], none: Worded = NONE) -> Worded:
    """Names as a list in each language (``a, b`` and ``a、b``); ``none`` when there are none.

    >>> listed(["专家 1", "专家 2"]), listed([]).zh
    (Worded(en='专家 1, 专家 2', zh='专家 1、专家 2'), '无')
    """
    if not items:
        return none
    return Worded(", ".join(items), "、".join(items))


def os_reason(exc: OSError) -> Phrase:
    """Why the system refused a file, in the system's words (``Permission denied``) as a phrase:
    the glossary has the Chinese of the common ones.

    >>> import errno
    >>> str(os_reason(PermissionError(errno.EACCES, "Permission denied", "p.toml")))
    'Permission denied'
    """
    said = exc.strerror or str(exc)
    return Phrase(said.replace("{", "{{").replace("}", "}}"))


class AHPError(ValueError):
    """Base class: bad input that ``ahp`` refuses, with a one-line message: a :class:`Phrase`
    (``phrase``) the output words in its language, or text (``phrase`` is then ``None``)."""

    def __init__(self, said: str | Phrase) -> None:
        self.phrase = said if isinstance(said, Phrase) else None
        super().__init__(str(said))


def phrase_of(error: BaseException) -> Phrase:
    """What an error says, as a phrase: its own, or its text as it is (a cause given in words
    the glossary cannot know).

    >>> phrase_of(AHPError(Phrase("the matrix is empty"))).text, str(phrase_of(ValueError("{x}")))
    ('the matrix is empty', '{x}')
    """
    said = getattr(error, "phrase", None)
    return said if isinstance(said, Phrase) else Phrase("{text}", {"text": str(error)})


class JudgmentError(AHPError):
    """A pairwise matrix or judgment that cannot be used (off-scale, not reciprocal...)."""


class ModelError(AHPError):
    """A hierarchy that is malformed (duplicate ids, empty names...)."""


class ProjectFileError(AHPError):
    """A model or project file that cannot be read; names the file and, when known, the line."""

    def __init__(self, message: str | Phrase, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        detail = message if isinstance(message, Phrase) else Phrase("{text}", {"text": message})
        if path is None:
            super().__init__(detail)
            return
        where = Phrase("{path}, line {line}", {"path": path, "line": line}) if line else path
        super().__init__(Phrase("{where}: {detail}", {"where": where, "detail": detail}))


class SurveyError(AHPError):
    """A survey file with bad cells: ``problems`` lists each (row, column, what is wrong) as a
    phrase (``str``: English), worded in the output's language when printed."""

    def __init__(self, summary: str | Phrase, problems: Sequence[Phrase | str]) -> None:
        self.problems = problems
        super().__init__(summary)
