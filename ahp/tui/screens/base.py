"""What every screen of a project shares: the session, the language, redrawing, heavy numbers.

Screens talk to the app through actions (``app.results``, ``app.pop_screen``) and messages:
after changing the session a screen posts :class:`~ahp.tui.messages.ProjectChanged` and the app
saves. They follow the app's ``language`` reactive, and redraw when they come back on top.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.screen import Screen

from ahp.errors import AHPError
from ahp.io.glossary import told
from ahp.tui.messages import ProjectChanged
from ahp.tui.texts import t

if TYPE_CHECKING:
    from ahp.tui.session import Session


class ProjectScreen(Screen[None]):
    """A screen of the open project. Subclasses draw in :meth:`refresh_view`."""

    #: (action, title, help) of the screen's own actions, for the command palette.
    PALETTE: tuple[tuple[str, str, str], ...] = ()
    #: Whether the app keeps the screen once opened, to show it again without building it anew
    #: (a screen that redraws all it shows from the session when it comes back on top).
    KEEP = False

    def __init__(self) -> None:
        super().__init__()
        self._computing: set[str] = set()

    @property
    def session(self) -> Session:
        """The open project's session (the app's)."""
        return self.app.session  # type: ignore[attr-defined]

    @property
    def language(self) -> str:
        """``en`` or ``zh``: the app's language."""
        return self.app.language  # type: ignore[attr-defined]

    def refresh_view(self) -> None:
        """Bring everything on screen up to date with the session and the language."""

    def no_respondent(self) -> None:
        """Tell the user there is nobody's judgments to change yet."""
        self.notify(t("add first", self.language), severity="warning")

    def show_change(self, path: str, a: str, b: str) -> None:
        """Show the judgment ``a`` vs ``b`` of ``path`` that undo or redo just changed."""
        self.refresh_view()

    def changed(self, message: str | None = None) -> None:
        """Redraw, tell the app the project changed (it saves), and say ``message`` if any."""
        self.refresh_view()
        self.post_message(ProjectChanged())
        if message:
            self.notify(message, markup=False)

    def attempt(self, change: Callable[[], object], message: Callable[[], str]) -> str | None:
        """Run a change; an AHPError becomes a notification (and is returned), else
        :meth:`changed` with ``message()``."""
        try:
            change()
        except AHPError as exc:
            said = told(exc, self.app.language)
            self.notify(said, severity="error", markup=False)
            return said
        self.changed(message())
        return None

    def ask(self, title: str, help_key: str, initial: str, submit: Callable[[str], str | None]) -> None:
        """Ask for one line of text; ``submit`` returns an error to show, or ``None`` to close."""
        from ahp.tui.screens.prompt import PromptScreen

        self.app.push_screen(PromptScreen(title, t(help_key, self.language), initial, submit))

    def confirm(self, question: str, help_text: str, then: Callable[[], None]) -> None:
        """Ask yes or no; run ``then`` on yes."""
        from ahp.tui.screens.prompt import ConfirmScreen

        self.app.push_screen(ConfirmScreen(question, help_text), lambda yes: then() if yes else None)

    def on_mount(self) -> None:
        self.watch(self.app, "language", self._language_changed, init=False)

    def _language_changed(self) -> None:
        if self.is_current:  # the others redraw when they come back on top
            self.refresh_view()

    def on_screen_resume(self) -> None:
        """Redraw, and lay the screen out before its first frame: a part hidden or shown again
        (the numbers of before, while new ones are computed) is otherwise painted where it was."""
        self.refresh_view()
        self.refresh(layout=True)

    # -- heavy numbers -------------------------------------------------------------------------
    def fill_in(self, name: str) -> bool:
        """Whether the session knows ``name`` ("panel", "one_way") now; if not, it is computed in a
        worker (started once this screen has painted) and the screen redraws when it arrives."""
        if self.session.ready(name):
            return True
        if name not in self._computing:
            self._computing.add(name)
            self.call_after_refresh(self._compute, name)
        return False

    def _compute(self, name: str) -> None:
        job = self.session.job(name)

        def work() -> None:
            try:
                key, value = job()
            except Exception as exc:  # shown, never silent; the screen keeps saying "computing"
                said = f"{name}: {told(exc, self.app.language)}"
                self.app.call_from_thread(self.notify, said, severity="error", markup=False)
                return
            self.app.call_from_thread(self._arrived, name, key, value)

        self.run_worker(work, thread=True, group=f"compute-{name}", exit_on_error=False)

    def _arrived(self, name: str, key: tuple, value: object) -> None:
        self._computing.discard(name)
        self.session.store(name, key, value)
        if self.is_attached:
            self.refresh_view()

    def computing_text(self) -> Text:
        """The "computing…" line shown while heavy numbers are worked out."""
        return Text(t("computing", self.language), "dim italic")
