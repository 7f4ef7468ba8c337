"""Shown instead of the main screen when the project file cannot be opened; nothing is written."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from ahp.tui.widgets.footer import KeysFooter


class ErrorScreen(Screen[None]):
    """The error message, the file named, and the promise that the file was left alone."""

    BINDINGS = [Binding("q", "app.quit", "quit"), Binding("escape", "app.quit", "quit", show=False)]

    def __init__(self, message: str, path: Path) -> None:
        super().__init__()
        self.message = message
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static("[b]Cannot open this project file[/b]", id="error-title")
            yield Static(self.message, id="error-message", markup=False)
            yield Static(
                f"{self.path} was not changed. Fix the line named above (a .bak file, if any, "
                "holds the previous version), then open it again.\n\nPress q to quit.",
                id="error-help",
                markup=False,
            )
        yield KeysFooter()
