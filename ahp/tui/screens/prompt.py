"""Small dialogs: ask for one line of text (a respondent's name or weight), or for a yes/no.

:class:`PromptScreen` hands the text to a ``submit`` callback, which returns an error message
(the dialog stays open and shows it) or ``None`` (the dialog closes).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ahp.tui.widgets.footer import KeysFooter


class PromptScreen(ModalScreen[str | None]):
    """A one-line question; enter submits, esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(self, title: str, help_text: str, initial: str, submit: Callable[[str], str | None]) -> None:
        super().__init__()
        self.title_text = title
        self.help_text = help_text
        self.initial = initial
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="caption", markup=False)
            yield Static(self.help_text, classes="dialog-help", markup=False)
            yield Input(self.initial, id="prompt-input", select_on_focus=True)
            yield Static(id="prompt-message", classes="dialog-message", markup=False)
        yield KeysFooter()

    def action_cancel(self) -> None:
        """Close without doing anything."""
        self.dismiss(None)

    def on_input_changed(self) -> None:
        self.query_one("#prompt-message", Static).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.submit(event.value)
        if error is None:
            self.dismiss(event.value)
        else:
            self.query_one("#prompt-message", Static).update(error)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; ``y`` confirms, ``n`` or esc declines."""

    BINDINGS = [
        Binding("y", "answer(True)", "yes"),
        Binding("n", "answer(False)", "no"),
        Binding("escape", "answer(False)", "cancel", show=False),
    ]

    def __init__(self, question: str, help_text: str) -> None:
        super().__init__()
        self.question = question
        self.help_text = help_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="caption", markup=False)
            yield Static(self.help_text, classes="dialog-help", markup=False)
        yield KeysFooter()

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
