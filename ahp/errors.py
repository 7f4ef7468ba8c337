"""The exceptions of ``ahp``: every bad input is an :class:`AHPError`.

Inconsistent judgments are not errors (they are a field on a result); these are
for input that cannot be used at all.

>>> print(ProjectFileError("unknown key 'foo'", path="a.ahp.toml", line=3))
a.ahp.toml, line 3: unknown key 'foo'
"""

from __future__ import annotations

from collections.abc import Sequence


class AHPError(ValueError):
    """Base class: bad input that ``ahp`` refuses, with a one-line message."""


class JudgmentError(AHPError):
    """A pairwise matrix or judgment that cannot be used (off-scale, not reciprocal...)."""


class ModelError(AHPError):
    """A hierarchy that is malformed (duplicate ids, empty names...)."""


class ProjectFileError(AHPError):
    """A model or project file that cannot be read; names the file and, when known, the line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.detail = message
        where = ", ".join(p for p in (path, f"line {line}" if line else None) if p)
        super().__init__(f"{where}: {message}" if where else message)


class SurveyError(AHPError):
    """A survey file with bad cells: ``problems`` lists each (row, column, what is wrong): text, or
    phrases that word themselves in the output's language (``str``: English)."""

    def __init__(self, summary: str, problems: Sequence[object]) -> None:
        self.problems = problems
        super().__init__(summary)
