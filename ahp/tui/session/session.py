"""The :class:`Session`: judgments and undo, respondents, units and ratings, analysis views."""

from __future__ import annotations

from ahp.tui.session.analysis import AnalysisMixin
from ahp.tui.session.ratings import RatingsMixin
from ahp.tui.session.respondents import RespondentsMixin


class Session(AnalysisMixin, RatingsMixin, RespondentsMixin):
    """A project opened in the TUI: the respondent on screen, the synthesis, undo/redo.

    Every judgment change re-synthesizes the hierarchy of the respondent on screen (a
    millisecond) and is recorded for undo/redo; the panel of all respondents is computed only
    when a screen asks for it, and cached until something changes.

    >>> import tempfile, pathlib
    >>> from ahp.io.project import new_project
    >>> s = Session(new_project(pathlib.Path(tempfile.mkdtemp()) / "t.ahp.toml"))
    >>> s.pairs("goal")[:2]
    [('service', 'quality'), ('service', 'price')]
    >>> s.set_judgment("goal", "service", "quality", 3.0)
    True
    >>> s.value("goal", "service", "quality"), s.undo().after, s.value("goal", "service", "quality")
    (3.0, 3.0, None)
    >>> s.add_respondent("Regional manager"), s.respondent_name, s.value("goal", "service", "quality")
    (1, 'Regional manager', None)
    >>> s.remove_respondent(), s.names, s.undo().index, s.names
    ('Regional manager', ['Respondent 1'], 1, ['Respondent 1', 'Regional manager'])
    """
