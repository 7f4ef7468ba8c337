"""Respondents of the session: switch, add, rename, weigh, remove (undoable); the settings."""

from __future__ import annotations

from ahp.errors import AHPError, Phrase
from ahp.tui.session.core import Removal, SessionCore


class RespondentsMixin(SessionCore):
    """Who is on screen and who is in the panel; every change bumps ``version`` and ``roster``."""

    def switch(self, index: int) -> None:
        """Show the judgments of respondent ``index`` (taken modulo the number of respondents)."""
        if not self.project.respondents:
            return
        index %= len(self.project.respondents)
        if index != self.respondent:
            self.respondent = index
            self.roster += 1
            self.synthesis = self._synthesize()

    def add_respondent(self, name: str, weight: float = 1.0) -> int:
        """Add a respondent (no judgments yet) and show them; returns their index.

        Raises :class:`AHPError` for an empty or duplicate name or a bad weight.
        """
        index = self.project.add_respondent(name, weight)
        self._roster_changed()
        self.switch(index)
        return index

    def rename_respondent(self, new: str) -> None:
        """Rename the respondent on screen."""
        self.project.rename_respondent(self._current(), new)
        self._roster_changed()

    def set_weight(self, weight: float) -> None:
        """Change how much the respondent on screen counts in the panel."""
        self.project.set_respondent_weight(self._current(), weight)
        self._roster_changed()

    def remove_respondent(self, kept: str | None = None) -> str:
        """Remove the respondent on screen and their judgments; undo brings them back.

        ``kept`` names the copy of the file made before (it goes with the step, for the record).
        The next respondent (or the previous, for the last one) comes on screen; with none left,
        ``respondent`` is ``None``. Returns the name removed.
        """
        name = self._current()
        index = self.respondent
        assert index is not None
        step = Removal(self.project.respondents[index], index, kept)
        self._remove_at(index)
        self._record(step)
        return name

    def set_settings(self, **changes: object) -> None:
        """Change settings (as :meth:`~ahp.io.settings.Settings.with_changes` checks them); every
        number follows."""
        self.project.settings = self.project.settings.with_changes(**changes)
        self._roster_changed()
        self.synthesis = self._synthesize()

    def _current(self) -> str:
        if self.respondent is None:
            raise AHPError(Phrase("there is no respondent yet; add one first"))
        return self.project.respondents[self.respondent].name
