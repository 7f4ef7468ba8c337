"""The ``ahp`` Textual app: open a project, edit one respondent's judgments, save every change.

``run(path)`` is what ``ahp`` and ``ahp open FILE`` call.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from ahp.errors import AHPError
from ahp.io.project import Project, load_project, new_project
from ahp.tui.session import Session

#: (action, title, help) for every action: the command palette lists them all.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("interview", "Interview mode", "Ask the pairs one at a time, in full sentences"),
    ("results", "Results", "The ranking of churn factors, criteria weights, hierarchy CR"),
    ("export", "Export results", "Write the results to a CSV, JSON or Markdown file"),
    ("export('csv')", "Export results as CSV", "Write the ranking to a .csv file"),
    ("export('json')", "Export results as JSON", "Write the results to a .json file"),
    ("export('md')", "Export results as Markdown", "Write a Markdown report"),
    ("language", "Toggle language (English / 中文)", "Show every label in English or Chinese"),
    ("undo", "Undo", "Undo the last judgment change"),
    ("redo", "Redo", "Redo the last undone change"),
    ("apply", "Apply suggestion", "Set the worst judgment of the node to its suggested value"),
    ("equal", "Set equal", "The pair under the cursor matters equally"),
    ("clear", "Clear judgment", "Leave the pair under the cursor missing"),
    ("help", "Keys and help", "Every key of the current screen"),
    ("quit", "Quit", "Leave ahp (everything is already saved)"),
)


class AHPApp(App[int]):
    """Collect pairwise judgments on a project file and show weights, consistency and ranking."""

    CSS_PATH = "app.tcss"
    TITLE = "ahp"
    BINDINGS = [
        Binding("i", "interview", "interview"),
        Binding("r", "results", "results"),
        Binding("e", "export", "export"),
        Binding("l", "language", "中文"),
        Binding("ctrl+z", "undo", "undo"),
        Binding("ctrl+y", "redo", "redo", show=False),
        Binding("question_mark", "help", "help", key_display="?"),
        Binding("q", "quit", "quit"),
    ]

    def __init__(self, path: Path, *, language: str = "en") -> None:
        super().__init__()
        self.path = Path(path)
        self.language = language
        self.error: str | None = None
        self.session: Session | None = None
        self._save_lock = threading.Lock()
        self._pending: Project | None = None
        self.save_error: str | None = None
        try:
            project = load_project(self.path) if self.path.exists() else new_project(self.path)
            self.session = Session(project)
        except (AHPError, OSError) as exc:
            self.error = str(exc) if isinstance(exc, AHPError) else f"{self.path}: {exc.strerror or exc}"

    # -- start -----------------------------------------------------------------------------
    def on_mount(self) -> None:
        if self.session is None:
            from ahp.tui.screens.error import ErrorScreen

            self.push_screen(ErrorScreen(self.error or "", self.path))
            return
        from ahp.tui.screens.main import MainScreen

        self.title = self.session.project.title or self.path.name
        self.sub_title = str(self.path.name)
        self.push_screen(MainScreen())

    # -- judgments -------------------------------------------------------------------------
    def change_judgment(self, path: str, a: str, b: str, value: float | None) -> None:
        """Change one judgment, redraw the screen, save in the background."""
        assert self.session is not None
        if self.session.set_judgment(path, a, b, value):
            self._changed()

    def _changed(self, where: tuple[str, str, str] | None = None) -> None:
        screen = self.screen
        if where is not None and hasattr(screen, "focus_pair"):
            screen.focus_pair(*where)
        elif hasattr(screen, "refresh_view"):
            screen.refresh_view()
        self.save_soon()

    def action_undo(self) -> None:
        """Undo the last judgment change."""
        where = self.session.undo() if self.session else None
        self._changed(where) if where else self.bell()

    def action_redo(self) -> None:
        """Redo the last undone change."""
        where = self.session.redo() if self.session else None
        self._changed(where) if where else self.bell()

    # -- saving ----------------------------------------------------------------------------
    def save_soon(self) -> None:
        """Save the current judgments atomically in a worker thread (later saves coalesce).

        The worker starts once the screen has shown the change, so saving never delays it.
        """
        assert self.session is not None
        self._pending = self.session.snapshot()
        self.call_after_refresh(self.run_worker, self._save, thread=True, group="save", exit_on_error=False)

    def _save(self) -> None:
        with self._save_lock:
            project, self._pending = self._pending, None
            if project is None:
                return
            try:
                project.save()
                self.save_error = None
            except (AHPError, OSError) as exc:
                self.save_error = str(exc)
                self.call_from_thread(self.notify, f"Not saved: {exc}", severity="error", timeout=10)

    def write_export(self, target: Path, text: str) -> None:
        """Write an export atomically in a worker thread; tell the user where it went."""

        def write() -> None:
            from ahp.io.atomic import write_atomic

            try:
                write_atomic(target, text)
            except OSError as exc:
                self.call_from_thread(self.notify, f"Not written: {target}: {exc.strerror or exc}", severity="error")
            else:
                self.call_from_thread(self.notify, f"Wrote {target}")

        self.run_worker(write, thread=True, group="export", exit_on_error=False)

    # -- other screens ---------------------------------------------------------------------
    def _has_project(self) -> bool:
        return self.session is not None

    def action_interview(self) -> None:
        """Ask the pairs one at a time."""
        if self._has_project():
            from ahp.tui.screens.interview import InterviewScreen

            if not isinstance(self.screen, InterviewScreen):
                self.push_screen(InterviewScreen())

    def action_results(self) -> None:
        """Show the ranking of churn factors."""
        if self._has_project():
            from ahp.tui.screens.results import ResultsScreen

            if not isinstance(self.screen, ResultsScreen):
                self.push_screen(ResultsScreen())

    def action_export(self, fmt: str = "csv") -> None:
        """Ask for a file name, then write the results there."""
        if self._has_project():
            from ahp.tui.screens.export import ExportScreen

            if not isinstance(self.screen, ExportScreen):
                self.push_screen(ExportScreen(self.path, fmt))

    def action_language(self) -> None:
        """Toggle every label between English and Chinese."""
        self.language = "zh" if self.language == "en" else "en"
        for screen in self.screen_stack:
            if hasattr(screen, "refresh_view"):
                screen.refresh_view()

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        from ahp.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def _screen_action(self, name: str) -> None:
        action = getattr(self.screen, f"action_{name}", None)
        action() if action else self.bell()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of ``ahp`` in the command palette, plus Textual's own."""
        for action, title, help_text in COMMANDS:
            if action in ("apply", "equal", "clear"):
                yield SystemCommand(title, help_text, lambda name=action: self._screen_action(name))
            else:
                yield SystemCommand(title, help_text, lambda a=action: self.run_action(a))
        yield from super().get_system_commands(screen)


def run(path: Path) -> int:
    """Open the project at ``path`` (created from the retail-churn model when absent) in the TUI.

    Returns the exit code: 0, or 2 when the file could not be opened (the error was shown).
    """
    app = AHPApp(Path(path))
    app.run()
    return 2 if app.error else (app.return_code or 0)
