"""The keys that open each screen of the app (results, group, sensitivity, ratings, ...), and how
a screen is opened: brought back when just below, kept once opened when it says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen

if TYPE_CHECKING:
    from pathlib import Path

    from ahp.tui.session import Session


class ScreenActions(App[int]):
    """The app's actions that open a screen; the app provides ``session`` and ``path``."""

    session: Session | None
    path: Path

    def _open(self, cls: type[Screen], *args: object) -> None:
        """Show a screen: nothing if on top, back to it when just below (ratings ⇄ risk), else open it."""
        if self.session is None or isinstance(self.screen, cls):
            return
        if len(self.screen_stack) >= 2 and isinstance(self.screen_stack[-2], cls):
            self.pop_screen()
        else:
            self.push_screen(self._kept(cls) if getattr(cls, "KEEP", False) else cls(*args))

    def _kept(self, cls: type[Screen]) -> Screen:
        """The screen ``cls`` as it was last opened (made the first time): opened again, it redraws
        from the session without building its widgets anew. A new one while that one is open below."""
        name = cls.__name__
        if not self.is_screen_installed(name):
            self.install_screen(cls(), name)
        screen = self.get_screen(name)
        return cls() if screen in self.screen_stack else screen

    def action_interview(self) -> None:
        """Ask the pairs one at a time."""
        from ahp.tui.screens.interview import InterviewScreen

        self._open(InterviewScreen)

    def action_results(self) -> None:
        """Show the ranking of churn factors."""
        from ahp.tui.screens.results import ResultsScreen

        self._open(ResultsScreen)

    def action_group(self) -> None:
        """Show consensus and disagreement across respondents."""
        from ahp.tui.screens.group import GroupScreen

        self._open(GroupScreen)

    def action_sensitivity(self) -> None:
        """Tipping points of every weight and Monte Carlo rank stability."""
        from ahp.tui.screens.sensitivity import SensitivityScreen

        self._open(SensitivityScreen)

    def action_ratings(self, unit: int | None = None) -> None:
        """Rate the units (stores, regions, segments) on every churn factor."""
        from ahp.tui.screens.ratings import RatingsScreen

        if unit is not None and self.session is not None:
            self.session.unit = unit
        self._open(RatingsScreen)

    def action_risk(self) -> None:
        """Units ranked by churn-risk index, with what to fix first."""
        from ahp.tui.screens.risk import RiskScreen

        self._open(RiskScreen)

    def action_settings(self) -> None:
        """How the numbers are made: method, RI table, acceptance rule, λmax, practice, language."""
        from ahp.tui.screens.settings import SettingsScreen

        self._open(SettingsScreen)

    def action_export(self, fmt: str = "csv") -> None:
        """Ask for a file name, then write the results there."""
        from ahp.tui.screens.export import ExportScreen

        self._open(ExportScreen, self.path, fmt)

    def action_report(self, fmt: str = "html") -> None:
        """Ask for a file name, then write the full report (HTML, Markdown, XLSX or Word) there."""
        from ahp.tui.screens.export import ReportScreen

        self._open(ReportScreen, self.path, fmt)

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        from ahp.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
