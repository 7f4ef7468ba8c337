"""Respondents taken in from surveys, in one save: the new ones added, and with ``replace``
those already in the project given the survey's answers instead of theirs. One part of
:class:`~ahp.io.project.Project`, kept in its own file.

>>> import tempfile, pathlib
>>> from ahp.io.project import load_project, new_project
>>> p = new_project(pathlib.Path(tempfile.mkdtemp()) / "churn.ahp.toml")
>>> p.set_judgment(0, "goal", "service", "price", 3); p.save()
>>> kept = p.import_respondents([("Respondent 1", None, {"goal": {("quality", "price"): 5.0}})], replace=True)
>>> load_project(p.path).respondents[0].judgments, ".before-replace-Respondent-1-" in kept
({'goal': {('quality', 'price'): 5.0}}, True)
"""

from __future__ import annotations

import os
from collections.abc import Callable

import numpy as np

from ahp.core.hierarchy import Node
from ahp.core.scale import TOLERANCE
from ahp.io.project_data import Pair, Respondent, judgment_stack

#: A respondent read from a survey: name, weight (``None``: the survey gives none) and judgments.
Row = tuple[str, float | None, dict[str, dict[Pair, float]]]


def count_changes(ids: list[str], before: dict[Pair, float], after: dict[Pair, float]) -> tuple[int, int, int]:
    """How many pairs of a node's elements ``ids`` changed value, were added and were removed
    (a pair written the other way round with the reciprocal value is the same judgment).

    >>> count_changes(["a", "b", "c"], {("a", "b"): 3.0, ("a", "c"): 2.0}, {("b", "a"): 1 / 3, ("b", "c"): 5.0})
    (0, 1, 1)
    """
    was, now = judgment_stack(ids, [before, after])
    upper = np.triu(np.ones(was.shape, dtype=bool), 1)
    had, has = upper & ~np.isnan(was), upper & ~np.isnan(now)
    changed = had & has & ~np.isclose(was, now, rtol=TOLERANCE)
    return int(changed.sum()), int((has & ~had).sum()), int((had & ~has).sum())


class RespondentImport:
    """The survey import of a project (which holds ``respondents``, can ``keep_copy`` its file
    before a destructive step and ``_write`` it, given the respondents just appended)."""

    respondents: list[Respondent]
    inner: dict[str, Node]
    kept_copies: list[str]
    keep_copy: Callable[[str], str | None]
    _write: Callable[[str | None, list[Respondent]], None]

    def import_respondents(self, rows: list[Row], replace: bool = False) -> str | None:
        """Take in already-checked respondents (from surveys) and save the file.

        A name new to the project is added (weight 1 when the row gives none). With ``replace``,
        a respondent already in the project gets the row's judgments instead of theirs, and its
        weight when the row gives one; the file as it was is kept first (:meth:`keep_copy`) and
        where is returned (``None`` when no answer or weight changes). If the save fails, the project
        is put back as it was and the kept copy removed, so it still matches its file.
        """
        by_name = {r.name: r for r in self.respondents}
        replaced = [(by_name[name], weight, judgments) for name, weight, judgments in rows
                    if replace and name in by_name]
        names = [r.name for r, _, _ in replaced]
        label = f"replace {names[0]}" if len(names) == 1 else f"replace {len(names)} respondents"
        kept = self.keep_copy(label) if any(self._changes(*row) for row in replaced) else None
        before = [(r, r.weight, r.judgments) for r, _, _ in replaced]
        for r, weight, judgments in replaced:
            r.weight = r.weight if weight is None else weight
            r.judgments = {path: dict(pairs) for path, pairs in judgments.items()}
        count = len(self.respondents)
        self.respondents.extend(Respondent(name, 1.0 if weight is None else weight, judgments)
                                for name, weight, judgments in rows if name not in names)
        try:
            self._write(None, [] if names else self.respondents[count:])
        except BaseException:
            del self.respondents[count:]
            for r, weight, judgments in before:
                r.weight, r.judgments = weight, judgments
            if kept is not None:
                os.remove(kept)
                self.kept_copies.remove(kept)
            raise
        return kept

    def _changes(self, respondent: Respondent, weight: float | None, judgments: dict[str, dict[Pair, float]]) -> bool:
        """Whether ``weight`` (``None``: none given) and ``judgments`` differ from the respondent's."""
        if weight is not None and weight != respondent.weight:
            return True
        return any(any(count_changes([c.id for c in node.children], respondent.judgments.get(path, {}),
                                     judgments.get(path, {}))) for path, node in self.inner.items())
